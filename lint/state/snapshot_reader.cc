#include "lint/state/snapshot_reader.h"

#include <simdjson.h>

#include <atomic>
#include <cstring>
#include <functional>
#include <span>
#include <thread>

#include "lint/json/json_syntax.h"
#include "lint/json/null_literal.h"
#include "lint/util/files.h"
#include "lint/util/newlines.h"
#include "lint/util/source_text.h"
#include "lint/util/spelling.h"
#include "lint/util/status_macros.h"
#include "lint/util/strings.h"
#include "lint/util/time_format.h"

namespace hublint {
namespace {

namespace od = simdjson::ondemand;
using Fields = std::span<const std::string_view>;

constexpr uint64_t Bit(int i) { return uint64_t{1} << i; }

// The characters JSON allows between tokens.
constexpr std::string_view kJsonWhitespace = " \t\r\n";

std::string_view JsonTypeName(od::json_type type) {
  switch (type) {
    case od::json_type::array:
      return "an array";
    case od::json_type::object:
      return "an object";
    case od::json_type::number:
      return "a number";
    case od::json_type::string:
      return "a string";
    case od::json_type::boolean:
      return "a boolean";
    case od::json_type::null:
      return "null";
  }
  return "a value";
}

// Where the array that starts at `from` probably ends (past its `]`), for
// the second thread to index no more than the members array: where
// hublint's writer puts it, on a line of its own at the first level of
// indentation (a line break is never inside a string). In any other layout,
// the text's last `]`: the thread indexes all that follows the array.
// Searches for `]` and looks behind, much faster than for each line break.
const char* GuessArrayEnd(std::string_view text, size_t from, bool* by_layout) {
  const char* p = text.data() + from;
  const char* end = text.data() + text.size();
  *by_layout = false;
  while ((p = static_cast<const char*>(
              std::memchr(p, ']', static_cast<size_t>(end - p)))) != nullptr) {
    if (p - text.data() >= 3 && std::string_view(p - 3, 3) == "\n  ") {
      *by_layout = true;
      return p + 1;
    }
    ++p;
  }
  size_t last = text.rfind(']');
  if (last == std::string_view::npos || last < from) return text.data() + from;
  return text.data() + last + 1;
}

// How many of the `count` members the calling thread reads itself (the
// last ones), for both threads to finish together: the calling thread has
// indexed the whole text and reads all that follows the members
// (`rest_bytes`), which costs about as much a byte, indexing included, as
// reading members does (0.98 as much on generated organizations).
size_t MembersForCallingThread(size_t count, size_t member_bytes,
                               size_t rest_bytes) {
  constexpr double kRestCostPerMemberCost = 0.98;
  if (member_bytes == 0) return 0;
  double share = 0.5 - kRestCostPerMemberCost *
                           static_cast<double>(rest_bytes) /
                           (2.0 * static_cast<double>(member_bytes));
  if (share <= 0) return 0;
  return std::min(count,
                  static_cast<size_t>(share * static_cast<double>(count)));
}

// Turns byte offsets into line and column while the parser moves forward,
// so positions for a million resources cost one pass over the text.
class LineTracker {
 public:
  explicit LineTracker(std::string_view text) : text_(text) {}

  // Positions are asked for in nearly increasing order (a team's own
  // position after its grants'), so moving backwards is supported at the
  // cost of the distance moved: linear overall.
  TextPosition At(size_t offset) {
    offset = std::min(offset, text_.size());
    if (offset >= offset_) {
      std::string_view passed = text_.substr(offset_, offset - offset_);
      if (size_t n = CountNewlines(passed); n > 0) {
        line_ += static_cast<uint32_t>(n);
        line_start_ = offset_ + LastNewline(passed) + 1;
      }
    } else {
      uint32_t crossed = 0;
      for (size_t i = offset; i < offset_; ++i) crossed += text_[i] == '\n';
      if (crossed > 0) {  // else still on the same line: line_start_ holds
        line_ -= crossed;
        line_start_ = offset;
        while (line_start_ > 0 && text_[line_start_ - 1] != '\n') --line_start_;
      }
    }
    offset_ = offset;
    return TextPosition{line_, static_cast<uint32_t>(offset - line_start_ + 1)};
  }

 private:
  std::string_view text_;
  size_t offset_ = 0;
  uint32_t line_ = 1;
  size_t line_start_ = 0;
};

class SnapshotParser {
 public:
  // `parser` is the one iterating this text; `members_on_thread` reads the
  // members array on a second thread (see ReadMembersAlone()).
  // `readable_size` bytes from the text's start can be read (the text and
  // simdjson's padding).
  SnapshotParser(const SourceText& source, size_t readable_size, int max_depth,
                 const od::parser& parser, bool members_on_thread)
      : parser_(parser),
        source_(source),
        base_(source.text().data()),
        readable_size_(readable_size),
        max_depth_(max_depth),
        members_on_thread_(members_on_thread),
        lines_(source.text()) {}

  absl::Status Parse(od::document& doc, OrgState* state);

  // See SnapshotReadOptions::members_share_for_calling_thread.
  void set_calling_thread_share(double share) { calling_thread_share_ = share; }

  // When members are read on a second thread, starts it before the calling
  // thread has indexed the document: at the array that follows the first
  // `"members":` key in the text, a guess Parse() checks when it reaches
  // the real array (and starts again from there when the guess was wrong).
  void GuessMembersThread();

  // What the second thread reads of the members array.
  struct ThreadMembers {
    absl::Status status;
    std::vector<Member> members;  // the first ones, in order
    // Where the text after the array resumes (its next token), when read
    // to the end; the start of the element it stopped before, when it
    // reached members_limit_.
    const char* next = nullptr;
    const char* stopped_at = nullptr;
  };

  // Reads the members array that starts at `start` (in the same source),
  // indexing the text up to `end` (past the array's `]`; guessed when
  // null), with a parser of its own, into `*out`: what the second thread
  // does. The state's other arrays are read meanwhile; members are more
  // than half of a large organization's text. It stops before the element
  // members_limit_ counts, when the calling thread takes the last ones.
  void ReadMembersAlone(const char* start, const char* end,
                        std::stop_token stop, ThreadMembers* out);

 private:
  // A string as written when it holds no escape (nearly always), a view
  // into the text that costs no copy; unescaped into `scratch_` otherwise
  // (valid until the next escaped string). `raw` points after the opening
  // quote; stage 1 has already checked the quotes pair up.
  absl::Status StringAt(const char* raw, std::string_view* out) {
    const char* text_end = source_.text().data() + source_.text().size();
    const char* quote = static_cast<const char*>(
        std::memchr(raw, '"', static_cast<size_t>(text_end - raw)));
    if (quote != nullptr &&
        std::memchr(raw, '\\', static_cast<size_t>(quote - raw)) == nullptr) {
      *out = std::string_view(raw, static_cast<size_t>(quote - raw));
      return absl::OkStatus();
    }
    // An escape: the string ends at the first quote not escaped, and its
    // unescaped form is no longer than that.
    const char* end = raw;
    while (end < text_end && *end != '"') end += *end == '\\' ? 2 : 1;
    scratch_.resize(static_cast<size_t>(end - raw) +
                    simdjson::SIMDJSON_PADDING);
    auto* dst = reinterpret_cast<uint8_t*>(scratch_.data());
    od::raw_json_string escaped(reinterpret_cast<const uint8_t*>(raw));
    if (auto err = parser_.unescape(escaped, dst).get(*out)) {
      return JsonError(err);
    }
    return absl::OkStatus();
  }
  // Whether the key whose text starts at `raw` (after its opening quote)
  // is `name`, as written, without escapes: the usual case, tested without
  // looking for the key's end. (A key written with escapes is compared
  // unescaped, by KeyOf.) The padding after the text makes reading one
  // byte past a key safe.
  static bool RawKeyIs(const char* raw, std::string_view name) {
    return std::memcmp(raw, name.data(), name.size()) == 0 &&
           raw[name.size()] == '"';
  }
  absl::Status KeyOf(od::field& field, std::string_view* key) {
    return StringAt(field.key().raw(), key);
  }
  // The value `v`, known to be a string.
  absl::Status StringOf(od::value& v, std::string_view* out) {
    od::raw_json_string raw;
    if (auto err = v.get_raw_json_string().get(raw)) return JsonError(err);
    return StringAt(raw.raw(), out);
  }

  // --- Paths for messages: "members[2].email".
  struct PathPart {
    std::string_view name;
    int64_t index;  // -1 for a named part
  };
  class PathScope {
   public:
    PathScope(SnapshotParser* p, std::string_view name, int64_t index = -1)
        : p_(p) {
      p_->path_.push_back({name, index});
    }
    ~PathScope() { p_->path_.pop_back(); }

   private:
    SnapshotParser* p_;
  };
  std::string PathString() const {
    std::string out;
    for (const PathPart& part : path_) {
      if (part.index >= 0) {
        Append(&out, "[", part.index, "]");
      } else {
        if (!out.empty()) out.push_back('.');
        out.append(part.name);
      }
    }
    return out;
  }

  // --- Errors and positions.
  size_t OffsetOf(od::value& v) {
    const char* p = nullptr;
    if (v.current_location().get(p) != simdjson::SUCCESS) return last_offset_;
    last_offset_ = static_cast<size_t>(p - base_);
    return last_offset_;
  }
  Location LocationAt(size_t offset) {
    TextPosition pos = lines_.At(offset);
    return Location{0, pos.line, pos.column};
  }
  absl::Status ErrorAt(size_t offset, std::string_view message) {
    std::string path = PathString();
    return source_.Error(offset, path.empty() ? std::string(message)
                                              : Cat("`", path, "`: ", message));
  }
  // simdjson reports only a code for malformed JSON; the syntax checker
  // says where and why.
  absl::Status JsonError(simdjson::error_code code) {
    if (std::optional<JsonSyntaxError> e =
            FindJsonSyntaxError(source_.text(), max_depth_)) {
      return source_.Error(e->offset, e->message);
    }
    return ErrorAt(last_offset_,
                   Cat("invalid JSON: ", simdjson::error_message(code)));
  }

  absl::Status TypeOf(od::value& v, od::json_type* type) {
    if (auto err = v.type().get(*type)) return JsonError(err);
    return absl::OkStatus();
  }
  absl::Status WrongType(size_t offset, std::string_view expected,
                         od::json_type got) {
    return ErrorAt(offset,
                   Cat("expected ", expected, ", got ", JsonTypeName(got)));
  }

  // --- Scalars. Each reads the value `v` of the current path.
  // Checks that `v` has type `want` (or is null, when `nullable`).
  absl::Status CheckType(od::value& v, od::json_type want, bool nullable,
                         std::string_view expected, bool* is_null);
  absl::Status ReadString(od::value v, std::string* out);
  absl::Status ReadOptString(od::value v, std::optional<std::string>* out);
  absl::Status ReadBool(od::value v, bool* out);
  absl::Status ReadOptBool(od::value v, std::optional<bool>* out);
  absl::Status ReadOptInt(od::value v, std::optional<int64_t>* out);
  absl::Status ReadOptStringView(od::value v,
                                 std::optional<std::string_view>* out);
  absl::Status ReadOptTime(od::value v, std::optional<absl::Time>* out);
  absl::Status ReadMoment(od::value v, Moment* out);
  absl::Status ReadStringList(od::value v, std::vector<std::string>* out);
  absl::Status ParseTime(std::string_view text, size_t offset, absl::Time* out);

  // --- Containers. `on_field(index, value)` handles a known field;
  // `required` is a mask of field indexes that must be present.
  template <typename Fn>
  absl::Status ReadObject(od::value v, std::string_view what, Fields fields,
                          uint64_t required, Fn&& on_field,
                          size_t* object_offset = nullptr);
  // `on_element(value, index)` handles each element.
  // When `reserve` is given, it is first called with the number of
  // elements. With `limit`, stops before the first element whose index
  // reaches it (read as each element comes), and sets `*stopped_at` to
  // where that element starts.
  template <typename Fn>
  absl::Status ReadArray(od::value v, Fn&& on_element,
                         const std::function<void(size_t)>& reserve = nullptr,
                         const std::atomic<size_t>* limit = nullptr,
                         const char** stopped_at = nullptr);
  // The element loop of ReadArray(), each element under its index in the
  // path.
  template <typename Fn>
  absl::Status ReadElements(od::array& array, Fn&& on_element,
                            const std::atomic<size_t>* limit = nullptr,
                            const char** stopped_at = nullptr);
  // Reads an array of resources with `read_one` into `*list`, allocated
  // once (a million members are not moved at each growth of the vector).
  template <typename T>
  absl::Status ReadList(od::value v, std::vector<T>* list,
                        absl::Status (SnapshotParser::*read_one)(od::value,
                                                                 T*)) {
    return ReadArray(
        v,
        [&](od::value element, size_t) {
          list->emplace_back();
          return (this->*read_one)(element, &list->back());
        },
        [&](size_t n) { list->reserve(list->size() + n); });
  }
  // `v` as an array, or the error that it is something else.
  absl::Status ArrayOf(od::value& v, od::array* array) {
    size_t offset = OffsetOf(v);
    od::json_type type{};
    RETURN_IF_ERROR(TypeOf(v, &type));
    if (type != od::json_type::array) {
      return WrongType(offset, "an array", type);
    }
    if (auto err = v.get_array().get(*array)) return JsonError(err);
    return absl::OkStatus();
  }
  // Checks that `v` is an array and that members_thread_ reads it, started
  // now unless the guess started it there already.
  absl::Status TakeMembersOnThread(od::value v);
  // The members both threads read, into `state`, once the thread is done.
  absl::Status JoinMembers(OrgState* state);
  void StartMembersThread(const char* start, const char* end);
  // Reads and validates any JSON value, for extension ("x-") fields.
  absl::Status ConsumeAny(od::value v, int depth);

  // --- The format.
  absl::Status ReadSource(od::value v, SourceInfo* source);
  absl::Status ReadOrg(od::value v, OrgState* state);
  absl::Status ReadSettings(od::value v, OrgSettings* settings);
  absl::Status ReadMember(od::value v, Member* m);
  absl::Status ReadInvite(od::value v, Invite* invite);
  absl::Status ReadTeam(od::value v, Team* team);
  absl::Status ReadRepository(od::value v, Repository* repo);
  absl::Status ReadToken(od::value v, AccessToken* token);
  absl::Status ReadIntegration(od::value v, Integration* integration);
  absl::Status ReadAuditEvent(od::value v, AuditEvent* event);

  const od::parser& parser_;
  std::string scratch_;  // escaped strings, unescaped
  const SourceText& source_;
  const char* base_;
  size_t readable_size_;
  int max_depth_;
  bool members_on_thread_;
  // Stops a thread reading arrays (checked at each element).
  std::stop_token stop_;
  double calling_thread_share_ = -1;
  // Whether Parse() came to the members array.
  bool members_seen_ = false;
  // Where members_thread_ started, and where the calling thread found the
  // array's text to end (its next token); null when it did not skip it.
  const char* thread_start_ = nullptr;
  const char* members_text_end_ = nullptr;
  // The members the calling thread read itself: from element tail_begin_
  // (which starts at tail_start_) to the end.
  std::vector<Member> tail_;
  size_t tail_begin_ = 0;
  const char* tail_start_ = nullptr;
  // Shared with members_thread_: the element it stops before (set once by
  // the calling thread), and where it guessed the array ends (set once by
  // the thread, when the text is laid out as hublint writes it).
  std::atomic<size_t> members_limit_{SIZE_MAX};
  std::atomic<const char*> members_end_guess_{nullptr};
  // Written by members_thread_.
  ThreadMembers thread_;
  LineTracker lines_;
  size_t last_offset_ = 0;
  std::vector<PathPart> path_;
  // The second thread, when members_on_thread_, writing members_status_
  // and thread_members_. Declared last: on an early return it is joined
  // (a jthread joins when destroyed) before what it writes is destroyed.
  std::jthread members_thread_;
};

absl::Status SnapshotParser::CheckType(od::value& v, od::json_type want,
                                       bool nullable, std::string_view expected,
                                       bool* is_null) {
  size_t offset = OffsetOf(v);
  od::json_type type{};
  RETURN_IF_ERROR(TypeOf(v, &type));
  *is_null = type == od::json_type::null;
  if (*is_null && nullable) {
    if (!IsNullLiteral(v)) return JsonError(simdjson::TAPE_ERROR);
    return absl::OkStatus();
  }
  if (type != want) return WrongType(offset, expected, type);
  return absl::OkStatus();
}

absl::Status SnapshotParser::ReadString(od::value v, std::string* out) {
  bool is_null;
  RETURN_IF_ERROR(
      CheckType(v, od::json_type::string, false, "a string", &is_null));
  std::string_view s;
  RETURN_IF_ERROR(StringOf(v, &s));
  out->assign(s);
  return absl::OkStatus();
}

absl::Status SnapshotParser::ReadOptString(od::value v,
                                           std::optional<std::string>* out) {
  bool is_null;
  RETURN_IF_ERROR(
      CheckType(v, od::json_type::string, true, "a string or null", &is_null));
  out->reset();
  if (is_null) return absl::OkStatus();
  std::string_view s;
  RETURN_IF_ERROR(StringOf(v, &s));
  out->emplace(s);
  return absl::OkStatus();
}

absl::Status SnapshotParser::ReadBool(od::value v, bool* out) {
  bool is_null;
  RETURN_IF_ERROR(
      CheckType(v, od::json_type::boolean, false, "a boolean", &is_null));
  if (auto err = v.get_bool().get(*out)) return JsonError(err);
  return absl::OkStatus();
}

absl::Status SnapshotParser::ReadOptBool(od::value v,
                                         std::optional<bool>* out) {
  bool is_null;
  RETURN_IF_ERROR(CheckType(v, od::json_type::boolean, true,
                            "a boolean or null", &is_null));
  out->reset();
  if (is_null) return absl::OkStatus();
  bool b;
  if (auto err = v.get_bool().get(b)) return JsonError(err);
  *out = b;
  return absl::OkStatus();
}

absl::Status SnapshotParser::ReadOptInt(od::value v,
                                        std::optional<int64_t>* out) {
  size_t offset = OffsetOf(v);
  bool is_null;
  RETURN_IF_ERROR(CheckType(v, od::json_type::number, true,
                            "an integer or null", &is_null));
  out->reset();
  if (is_null) return absl::OkStatus();
  int64_t i;
  if (v.get_int64().get(i) != simdjson::SUCCESS) {
    return ErrorAt(offset, "expected an integer");
  }
  *out = i;
  return absl::OkStatus();
}

absl::Status SnapshotParser::ParseTime(std::string_view text, size_t offset,
                                       absl::Time* out) {
  absl::StatusOr<absl::Time> t = ParseRfc3339(text);
  if (!t.ok()) return ErrorAt(offset, ToStd(t.status().message()));
  *out = *t;
  return absl::OkStatus();
}

// A string or null, as a view into the parser's buffer (valid until the
// next string is read): timestamps are parsed, not kept.
absl::Status SnapshotParser::ReadOptStringView(
    od::value v, std::optional<std::string_view>* out) {
  bool is_null;
  RETURN_IF_ERROR(
      CheckType(v, od::json_type::string, true, "a string or null", &is_null));
  out->reset();
  if (is_null) return absl::OkStatus();
  std::string_view s;
  RETURN_IF_ERROR(StringOf(v, &s));
  *out = s;
  return absl::OkStatus();
}

absl::Status SnapshotParser::ReadOptTime(od::value v,
                                         std::optional<absl::Time>* out) {
  size_t offset = OffsetOf(v);
  std::optional<std::string_view> text;
  RETURN_IF_ERROR(ReadOptStringView(v, &text));
  if (!text) {
    out->reset();
    return absl::OkStatus();
  }
  absl::Time t;
  RETURN_IF_ERROR(ParseTime(*text, offset, &t));
  *out = t;
  return absl::OkStatus();
}

absl::Status SnapshotParser::ReadMoment(od::value v, Moment* out) {
  size_t offset = OffsetOf(v);
  std::optional<std::string_view> text;
  RETURN_IF_ERROR(ReadOptStringView(v, &text));
  if (!text) {
    *out = Moment::Unknown();
  } else if (*text == "never") {
    *out = Moment::Never();
  } else {
    absl::Time t;
    RETURN_IF_ERROR(ParseTime(*text, offset, &t));
    *out = Moment::At(t);
  }
  return absl::OkStatus();
}

absl::Status SnapshotParser::ReadStringList(od::value v,
                                            std::vector<std::string>* out) {
  out->clear();
  return ReadArray(
      v,
      [&](od::value element, size_t) {
        out->emplace_back();
        return ReadString(element, &out->back());
      },
      [&](size_t n) { out->reserve(n); });
}

template <typename Fn>
absl::Status SnapshotParser::ReadObject(od::value v, std::string_view what,
                                        Fields fields, uint64_t required,
                                        Fn&& on_field, size_t* object_offset) {
  size_t offset = OffsetOf(v);
  if (object_offset) *object_offset = offset;
  if (path_.size() >= static_cast<size_t>(max_depth_)) {
    return ErrorAt(offset, Cat("nesting deeper than ", max_depth_, " levels"));
  }
  od::json_type type{};
  RETURN_IF_ERROR(TypeOf(v, &type));
  if (type != od::json_type::object)
    return WrongType(offset, "an object", type);
  od::object object;
  if (auto err = v.get_object().get(object)) return JsonError(err);
  uint64_t seen = 0;
  // Fields usually come in the order the writer puts them, which is the
  // order of `fields`: try the one after the last first.
  size_t expected = 0;
  for (auto field_result : object) {
    od::field field;
    if (auto err = std::move(field_result).get(field)) return JsonError(err);
    const char* raw_key = field.key().raw();
    size_t key_offset = static_cast<size_t>(raw_key - base_) - 1;
    std::string_view key;
    int index = -1;
    if (expected < fields.size() && RawKeyIs(raw_key, fields[expected])) {
      index = static_cast<int>(expected);
      key = fields[expected];
    } else {
      RETURN_IF_ERROR(KeyOf(field, &key));
      for (size_t i = 0; i < fields.size(); ++i) {
        if (fields[i] == key) {
          index = static_cast<int>(i);
          break;
        }
      }
    }
    if (index >= 0) expected = static_cast<size_t>(index) + 1;
    if (index < 0) {
      if (key.starts_with("x-")) {
        RETURN_IF_ERROR(
            ConsumeAny(field.value(), static_cast<int>(path_.size()) + 1));
        continue;
      }
      std::vector<std::string> names(fields.begin(), fields.end());
      return ErrorAt(key_offset, Cat("unknown field `", key, "` in ", what,
                                     DidYouMean(key, names)));
    }
    if (seen & Bit(index)) {
      return ErrorAt(key_offset, Cat("duplicate field `", key, "` in ", what));
    }
    seen |= Bit(index);
    PathScope scope(this, fields[index]);
    RETURN_IF_ERROR(on_field(index, field.value()));
  }
  for (size_t i = 0; i < fields.size(); ++i) {
    if ((required & Bit(static_cast<int>(i))) &&
        !(seen & Bit(static_cast<int>(i)))) {
      return ErrorAt(offset, Cat(what, " is missing the required field `",
                                 fields[i], "`"));
    }
  }
  return absl::OkStatus();
}

template <typename Fn>
absl::Status SnapshotParser::ReadArray(
    od::value v, Fn&& on_element, const std::function<void(size_t)>& reserve,
    const std::atomic<size_t>* limit, const char** stopped_at) {
  if (path_.size() >= static_cast<size_t>(max_depth_)) {
    return ErrorAt(OffsetOf(v),
                   Cat("nesting deeper than ", max_depth_, " levels"));
  }
  od::array array;
  RETURN_IF_ERROR(ArrayOf(v, &array));
  size_t count = 0;
  // A malformed array gives an error here or, the same, while iterating.
  if (reserve && array.count_elements().get(count) == simdjson::SUCCESS) {
    reserve(count);
  }
  return ReadElements(array, on_element, limit, stopped_at);
}

template <typename Fn>
absl::Status SnapshotParser::ReadElements(od::array& array, Fn&& on_element,
                                          const std::atomic<size_t>* limit,
                                          const char** stopped_at) {
  size_t index = 0;
  for (auto element_result : array) {
    if (stop_.stop_requested()) return absl::CancelledError("stopped");
    od::value element;
    if (auto err = std::move(element_result).get(element))
      return JsonError(err);
    if (limit != nullptr && index >= limit->load(std::memory_order_acquire)) {
      *stopped_at = base_ + OffsetOf(element);
      return absl::OkStatus();
    }
    PathScope scope(this, "", static_cast<int64_t>(index));
    RETURN_IF_ERROR(on_element(element, index));
    ++index;
  }
  return absl::OkStatus();
}

absl::Status SnapshotParser::ConsumeAny(od::value v, int depth) {
  size_t offset = OffsetOf(v);
  od::json_type type{};
  RETURN_IF_ERROR(TypeOf(v, &type));
  switch (type) {
    case od::json_type::object:
    case od::json_type::array:
      if (depth >= max_depth_) {
        return ErrorAt(offset,
                       Cat("nesting deeper than ", max_depth_, " levels"));
      }
      if (type == od::json_type::array) {
        od::array array;
        if (auto err = v.get_array().get(array)) return JsonError(err);
        for (auto element : array) {
          od::value e;
          if (auto err = std::move(element).get(e)) return JsonError(err);
          RETURN_IF_ERROR(ConsumeAny(e, depth + 1));
        }
      } else {
        od::object object;
        if (auto err = v.get_object().get(object)) return JsonError(err);
        for (auto field_result : object) {
          od::field field;
          if (auto err = std::move(field_result).get(field))
            return JsonError(err);
          std::string_view key;
          if (auto err = field.unescaped_key().get(key)) return JsonError(err);
          RETURN_IF_ERROR(ConsumeAny(field.value(), depth + 1));
        }
      }
      return absl::OkStatus();
    case od::json_type::string: {
      std::string_view s;
      RETURN_IF_ERROR(StringOf(v, &s));
      return absl::OkStatus();
    }
    case od::json_type::number: {
      double d;
      if (auto err = v.get_double().get(d)) return JsonError(err);
      return absl::OkStatus();
    }
    case od::json_type::boolean: {
      bool b;
      if (auto err = v.get_bool().get(b)) return JsonError(err);
      return absl::OkStatus();
    }
    case od::json_type::null:
      if (!IsNullLiteral(v)) return JsonError(simdjson::TAPE_ERROR);
      return absl::OkStatus();
  }
  return absl::OkStatus();
}

// ---------------------------------------------------------------- format

constexpr std::string_view kRootFields[] = {
    "schema",        "collected_at", "source",      "org",
    "members",       "invites",      "teams",       "repositories",
    "access_tokens", "integrations", "audit_events"};
enum RootField {
  kSchema,
  kCollectedAt,
  kSource,
  kOrg,
  kMembers,
  kInvites,
  kTeams,
  kRepositories,
  kAccessTokens,
  kIntegrations,
  kAuditEvents
};

absl::Status SnapshotParser::Parse(od::document& doc, OrgState* state) {
  // The schema decides how to read everything else, so check it first.
  {
    od::object root;
    auto err = doc.get_object().get(root);
    if (err == simdjson::INCORRECT_TYPE) {
      od::value v;
      if (doc.get_value().get(v) == simdjson::SUCCESS) {
        od::json_type type{};
        if (v.type().get(type) == simdjson::SUCCESS) {
          return WrongType(0, "an object", type);
        }
      }
    }
    if (err) return JsonError(err);
    od::value schema;
    err = root.find_field_unordered("schema").get(schema);
    if (err == simdjson::SUCCESS) {
      std::string_view s;
      size_t offset = OffsetOf(schema);
      if (schema.get_string().get(s) == simdjson::SUCCESS &&
          s != kStateSchema) {
        return source_.Error(
            offset,
            Cat("unknown schema `", s, "`: this hublint reads ", kStateSchema));
      }
    } else if (err != simdjson::NO_SUCH_FIELD) {
      return JsonError(err);
    }
    doc.rewind();
    last_offset_ = 0;
  }
  od::value root;
  if (auto err = doc.get_value().get(root)) return JsonError(err);
  size_t root_offset = 0;
  RETURN_IF_ERROR(ReadObject(
      root, "the state", kRootFields, Bit(kSchema) | Bit(kOrg),
      [&](int field, od::value v) -> absl::Status {
        switch (field) {
          case kSchema:
            return ReadString(v, &state->schema);
          case kCollectedAt:
            return ReadOptTime(v, &state->collected_at);
          case kSource:
            return ReadSource(v, &state->source);
          case kOrg:
            return ReadOrg(v, state);
          case kMembers:
            if (members_on_thread_) return TakeMembersOnThread(v);
            return ReadList(v, &state->members, &SnapshotParser::ReadMember);
          case kInvites:
            return ReadList(v, &state->invites, &SnapshotParser::ReadInvite);
          case kTeams:
            return ReadList(v, &state->teams, &SnapshotParser::ReadTeam);
          case kRepositories:
            return ReadList(v, &state->repositories,
                            &SnapshotParser::ReadRepository);
          case kAccessTokens:
            return ReadList(v, &state->access_tokens,
                            &SnapshotParser::ReadToken);
          case kIntegrations:
            return ReadList(v, &state->integrations,
                            &SnapshotParser::ReadIntegration);
          case kAuditEvents:
            return ReadList(v, &state->audit_events,
                            &SnapshotParser::ReadAuditEvent);
        }
        return absl::OkStatus();
      },
      &root_offset));
  const char* rest = nullptr;
  if (doc.current_location().get(rest) == simdjson::SUCCESS) {
    return JsonError(simdjson::TRAILING_CONTENT);
  }
  if (members_thread_.joinable() && !members_seen_) {
    // A guess, and no members array after all: whatever it read is not
    // the state's.
    members_thread_.request_stop();
    members_thread_.join();
  }
  if (members_thread_.joinable()) {
    members_thread_.join();
    RETURN_IF_ERROR(thread_.status);
    RETURN_IF_ERROR(JoinMembers(state));
  }
  return absl::OkStatus();
}

absl::Status SnapshotParser::JoinMembers(OrgState* state) {
  // What one thread skipped without validating it (this one: the first
  // members, or all), the other has read: when the array is malformed, the
  // skip may end elsewhere than the reading (found by fuzzing). The two
  // must agree on where the part one read and the other skipped ends; if
  // not, that is an error, which a reading on one thread then reports.
  constexpr std::string_view kDisagree =
      "the two threads disagree on where members start or end";
  std::vector<Member>& first = thread_.members;
  if (tail_start_ == nullptr) {
    if (thread_.next != members_text_end_)
      return ErrorAt(last_offset_, kDisagree);
    state->members = std::move(first);
    return absl::OkStatus();
  }
  // The thread read members [0, read); it may have gone past tail_begin_
  // before it saw the limit, and then both read those.
  size_t read = first.size();
  if (read < tail_begin_ || read > tail_begin_ + tail_.size()) {
    return ErrorAt(last_offset_, kDisagree);
  }
  bool same_start = read == tail_begin_
                        ? thread_.stopped_at == tail_start_
                        : first[tail_begin_].location == tail_.front().location;
  if (!same_start) return ErrorAt(last_offset_, kDisagree);
  first.insert(first.end(),
               std::make_move_iterator(
                   tail_.begin() + static_cast<ptrdiff_t>(read - tail_begin_)),
               std::make_move_iterator(tail_.end()));
  state->members = std::move(first);
  return absl::OkStatus();
}

void SnapshotParser::GuessMembersThread() {
  std::string_view text = source_.text();
  // The writer puts the members after a few short fields; a text laid out
  // otherwise gets no guess rather than a long search.
  constexpr size_t kSearchBytes = 64 << 10;
  std::string_view head = text.substr(0, kSearchBytes);
  constexpr std::string_view kKey = "\"members\"";
  for (size_t at = head.find(kKey); at != std::string_view::npos;
       at = head.find(kKey, at + 1)) {
    size_t i = text.find_first_not_of(kJsonWhitespace, at + kKey.size());
    if (i == std::string_view::npos || text[i] != ':') continue;
    i = text.find_first_not_of(kJsonWhitespace, i + 1);
    if (i == std::string_view::npos || text[i] != '[') continue;
    StartMembersThread(text.data() + i, nullptr);
    return;
  }
}

absl::Status SnapshotParser::TakeMembersOnThread(od::value v) {
  members_seen_ = true;
  const char* start = base_ + OffsetOf(v);
  od::array array;
  RETURN_IF_ERROR(ArrayOf(v, &array));
  if (members_thread_.joinable() && thread_start_ != start) {
    // A wrong guess: stop reading whatever that was.
    members_thread_.request_stop();
    members_thread_.join();
    members_thread_ = std::jthread();
  }
  // How many of the last members this thread reads itself, when the
  // thread started early and found the array's end.
  size_t count = 0;
  size_t tail = 0;
  const char* guessed_end = members_end_guess_.load(std::memory_order_acquire);
  bool share_given = calling_thread_share_ >= 0;
  if (members_thread_.joinable() && (share_given || guessed_end != nullptr)) {
    if (auto err = array.count_elements().get(count)) return JsonError(err);
    if (share_given) {
      tail = std::min(count, static_cast<size_t>(calling_thread_share_ *
                                                 static_cast<double>(count)));
    } else {
      const char* text_end = source_.text().data() + source_.text().size();
      tail = MembersForCallingThread(
          count, static_cast<size_t>(guessed_end - start),
          static_cast<size_t>(text_end - guessed_end));
    }
  }
  if (tail == 0) {
    // Skipping the array walks its structure, already indexed: cheap. Its
    // raw text runs to the next token.
    std::string_view text;
    if (auto err = array.raw_json().get(text)) return JsonError(err);
    members_text_end_ = text.data() + text.size();
    if (!members_thread_.joinable())
      StartMembersThread(start, members_text_end_);
    return absl::OkStatus();
  }
  tail_begin_ = count - tail;
  members_limit_.store(tail_begin_, std::memory_order_release);
  tail_.reserve(tail);
  // The elements before the tail are skipped, as they are not read.
  return ReadElements(array, [&](od::value element, size_t index) {
    if (index < tail_begin_) return absl::OkStatus();
    if (index == tail_begin_) tail_start_ = base_ + OffsetOf(element);
    tail_.emplace_back();
    return ReadMember(element, &tail_.back());
  });
}

void SnapshotParser::StartMembersThread(const char* start, const char* end) {
  thread_start_ = start;
  thread_ = ThreadMembers();
  members_thread_ = std::jthread([this, start, end](std::stop_token stop) {
    ReadMembersAlone(start, end, std::move(stop), &thread_);
  });
}

void SnapshotParser::ReadMembersAlone(const char* start, const char* end,
                                      std::stop_token stop,
                                      ThreadMembers* out) {
  // simdjson wants a root array's text to end with `]`; what follows the
  // members array up to `end` is indexed but not read. The text after
  // `end`, as the padding, may be read past the end.
  std::string_view text = source_.text();
  size_t from = static_cast<size_t>(start - text.data());
  if (end == nullptr) {
    bool by_layout = false;
    end = GuessArrayEnd(text, from, &by_layout);
    if (by_layout) members_end_guess_.store(end, std::memory_order_release);
  }
  size_t size = static_cast<size_t>(end - start);
  if (size == 0 || end[-1] != ']') {
    out->status = absl::InvalidArgumentError("no array end");
    return;
  }
  simdjson::padded_string_view padded(start, size, readable_size_ - from);
  od::parser parser;
  // Its own view of the text: a SourceText indexes its lines when a
  // diagnostic first needs them, and both threads may be rendering one.
  SourceText source = SourceText::Borrowing(source_.name(), text);
  SnapshotParser reader(source, readable_size_, max_depth_, parser, false);
  reader.stop_ = std::move(stop);
  reader.path_.push_back({"members", -1});
  out->status = [&]() -> absl::Status {
    od::document doc;
    if (auto err = parser.iterate(padded).get(doc)) {
      return reader.JsonError(err);
    }
    od::value v;
    if (auto err = doc.get_value().get(v)) return reader.JsonError(err);
    RETURN_IF_ERROR(reader.ReadArray(
        v,
        [&](od::value element, size_t) {
          out->members.emplace_back();
          return reader.ReadMember(element, &out->members.back());
        },
        [&](size_t n) { out->members.reserve(n); }, &members_limit_,
        &out->stopped_at));
    if (out->stopped_at != nullptr) return absl::OkStatus();
    const char* rest = nullptr;
    if (doc.current_location().get(rest) != simdjson::SUCCESS) rest = end;
    // The next token, as the calling thread's skip sees it.
    size_t next = text.find_first_not_of(
        kJsonWhitespace, static_cast<size_t>(rest - text.data()));
    out->next = next == std::string_view::npos ? text.data() + text.size()
                                               : text.data() + next;
    return absl::OkStatus();
  }();
}

constexpr std::string_view kSourceFields[] = {"kind", "api_url", "complete",
                                              "gaps", "partial_view"};
constexpr std::string_view kGapFields[] = {"part", "reason"};

absl::Status SnapshotParser::ReadSource(od::value v, SourceInfo* source) {
  return ReadObject(v, "source", kSourceFields, Bit(0),
                    [&](int field, od::value fv) -> absl::Status {
                      switch (field) {
                        case 0:
                          return ReadString(fv, &source->kind);
                        case 1:
                          return ReadOptString(fv, &source->api_url);
                        case 2:
                          return ReadBool(fv, &source->complete);
                        case 4:
                          return ReadBool(fv, &source->partial_view);
                        case 3:
                          return ReadArray(fv, [&](od::value e, size_t) {
                            source->gaps.emplace_back();
                            SourceGap* gap = &source->gaps.back();
                            return ReadObject(
                                e, "gap", kGapFields, Bit(0) | Bit(1),
                                [&](int f, od::value gv) {
                                  return ReadString(
                                      gv, f == 0 ? &gap->part : &gap->reason);
                                });
                          });
                      }
                      return absl::OkStatus();
                    });
}

constexpr std::string_view kOrgFields[] = {"name", "settings"};
constexpr std::string_view kSettingsFields[] = {"image_access_management",
                                                "registry_access_management",
                                                "sso_enforced", "scim_enabled"};
constexpr std::string_view kIamFields[] = {"enabled", "allow_official_images",
                                           "allow_verified_publishers"};
constexpr std::string_view kRamFields[] = {"enabled", "docker_hub_allowed",
                                           "custom_registries"};
constexpr std::string_view kRegistryFields[] = {"address", "friendly_name",
                                                "allowed"};

absl::Status SnapshotParser::ReadOrg(od::value v, OrgState* state) {
  size_t offset = 0;
  RETURN_IF_ERROR(ReadObject(
      v, "org", kOrgFields, Bit(0),
      [&](int field, od::value fv) -> absl::Status {
        if (field == 0) return ReadString(fv, &state->org_name);
        return ReadSettings(fv, &state->settings);
      },
      &offset));
  state->org_location = LocationAt(offset);
  if (state->org_name.empty()) {
    return ErrorAt(offset, "`org.name` must not be empty");
  }
  return absl::OkStatus();
}

absl::Status SnapshotParser::ReadSettings(od::value v, OrgSettings* settings) {
  return ReadObject(
      v, "org.settings", kSettingsFields, 0,
      [&](int field, od::value fv) -> absl::Status {
        switch (field) {
          case 0: {
            ImageAccessManagement& iam = settings->image_access_management;
            return ReadObject(fv, "image_access_management", kIamFields, 0,
                              [&](int f, od::value x) {
                                return ReadOptBool(
                                    x, f == 0 ? &iam.enabled
                                       : f == 1
                                           ? &iam.allow_official_images
                                           : &iam.allow_verified_publishers);
                              });
          }
          case 1: {
            RegistryAccessManagement& ram =
                settings->registry_access_management;
            return ReadObject(
                fv, "registry_access_management", kRamFields, 0,
                [&](int f, od::value x) -> absl::Status {
                  if (f == 0) return ReadOptBool(x, &ram.enabled);
                  if (f == 1) return ReadOptBool(x, &ram.docker_hub_allowed);
                  return ReadArray(x, [&](od::value e, size_t) {
                    ram.custom_registries.emplace_back();
                    CustomRegistry* r = &ram.custom_registries.back();
                    return ReadObject(
                        e, "custom registry", kRegistryFields, Bit(0) | Bit(2),
                        [&](int g, od::value y) -> absl::Status {
                          if (g == 0) return ReadString(y, &r->address);
                          if (g == 1)
                            return ReadOptString(y, &r->friendly_name);
                          return ReadBool(y, &r->allowed);
                        });
                  });
                });
          }
          case 2:
            return ReadOptBool(fv, &settings->sso_enforced);
          case 3:
            return ReadOptBool(fv, &settings->scim_enabled);
        }
        return absl::OkStatus();
      });
}

constexpr std::string_view kMemberFields[] = {
    "username",          "email", "full_name",   "role",
    "is_guest",          "teams", "date_joined", "last_logged_in_at",
    "two_factor_enabled"};

absl::Status SnapshotParser::ReadMember(od::value v, Member* m) {
  size_t offset = 0;
  RETURN_IF_ERROR(ReadObject(
      v, "member", kMemberFields, Bit(0) | Bit(3),
      [&](int field, od::value fv) -> absl::Status {
        switch (field) {
          case 0:
            return ReadString(fv, &m->username);
          case 1:
            return ReadOptString(fv, &m->email);
          case 2:
            return ReadOptString(fv, &m->full_name);
          case 3: {
            size_t role_offset = OffsetOf(fv);
            RETURN_IF_ERROR(ReadString(fv, &m->role));
            AsciiLowerInPlace(&m->role);
            if (m->role.empty())
              return ErrorAt(role_offset, "must not be empty");
            return absl::OkStatus();
          }
          case 4:
            return ReadOptBool(fv, &m->is_guest);
          case 5:
            return ReadStringList(fv, &m->teams);
          case 6:
            return ReadOptTime(fv, &m->date_joined);
          case 7:
            return ReadMoment(fv, &m->last_logged_in_at);
          case 8:
            return ReadOptBool(fv, &m->two_factor_enabled);
        }
        return absl::OkStatus();
      },
      &offset));
  m->location = LocationAt(offset);
  if (m->username.empty())
    return ErrorAt(offset, "`username` must not be empty");
  return absl::OkStatus();
}

constexpr std::string_view kInviteFields[] = {"id",   "invitee", "role",
                                              "team", "inviter", "created_at"};

absl::Status SnapshotParser::ReadInvite(od::value v, Invite* invite) {
  size_t offset = 0;
  invite->role = "member";
  RETURN_IF_ERROR(ReadObject(
      v, "invite", kInviteFields, Bit(1),
      [&](int field, od::value fv) -> absl::Status {
        switch (field) {
          case 0:
            return ReadOptString(fv, &invite->id);
          case 1:
            return ReadString(fv, &invite->invitee);
          case 2: {
            RETURN_IF_ERROR(ReadString(fv, &invite->role));
            AsciiLowerInPlace(&invite->role);
            return absl::OkStatus();
          }
          case 3:
            return ReadOptString(fv, &invite->team);
          case 4:
            return ReadOptString(fv, &invite->inviter);
          case 5:
            return ReadOptTime(fv, &invite->created_at);
        }
        return absl::OkStatus();
      },
      &offset));
  invite->location = LocationAt(offset);
  return absl::OkStatus();
}

constexpr std::string_view kTeamFields[] = {
    "name", "id", "description", "members", "repository_permissions"};
constexpr std::string_view kGrantFields[] = {"repository", "permission"};

absl::Status SnapshotParser::ReadTeam(od::value v, Team* team) {
  size_t offset = 0;
  RETURN_IF_ERROR(ReadObject(
      v, "team", kTeamFields, Bit(0),
      [&](int field, od::value fv) -> absl::Status {
        switch (field) {
          case 0:
            return ReadString(fv, &team->name);
          case 1:
            return ReadOptInt(fv, &team->id);
          case 2:
            return ReadOptString(fv, &team->description);
          case 3:
            return ReadStringList(fv, &team->members);
          case 4:
            return ReadArray(fv, [&](od::value e, size_t) -> absl::Status {
              team->repository_permissions.emplace_back();
              RepositoryPermission* grant =
                  &team->repository_permissions.back();
              size_t grant_offset = 0;
              RETURN_IF_ERROR(ReadObject(
                  e, "repository permission", kGrantFields, Bit(0) | Bit(1),
                  [&](int f, od::value x) -> absl::Status {
                    if (f == 0) return ReadString(x, &grant->repository);
                    size_t p_offset = OffsetOf(x);
                    std::string name;
                    RETURN_IF_ERROR(ReadString(x, &name));
                    std::optional<Permission> p = ParsePermission(name);
                    if (!p || *p == Permission::kNone) {
                      return ErrorAt(p_offset,
                                     Cat("unknown permission \"", name,
                                         "\": expected \"read\", \"write\" or "
                                         "\"admin\""));
                    }
                    grant->permission = *p;
                    return absl::OkStatus();
                  },
                  &grant_offset));
              grant->location = LocationAt(grant_offset);
              return absl::OkStatus();
            });
        }
        return absl::OkStatus();
      },
      &offset));
  team->location = LocationAt(offset);
  if (team->name.empty()) return ErrorAt(offset, "`name` must not be empty");
  return absl::OkStatus();
}

constexpr std::string_view kRepositoryFields[] = {
    "name", "is_private", "immutable_tags", "description", "last_updated"};

absl::Status SnapshotParser::ReadRepository(od::value v, Repository* repo) {
  size_t offset = 0;
  RETURN_IF_ERROR(ReadObject(
      v, "repository", kRepositoryFields, Bit(0),
      [&](int field, od::value fv) -> absl::Status {
        switch (field) {
          case 0:
            return ReadString(fv, &repo->name);
          case 1:
            return ReadOptBool(fv, &repo->is_private);
          case 2:
            return ReadOptBool(fv, &repo->immutable_tags);
          case 3:
            return ReadOptString(fv, &repo->description);
          case 4:
            return ReadOptTime(fv, &repo->last_updated);
        }
        return absl::OkStatus();
      },
      &offset));
  repo->location = LocationAt(offset);
  if (repo->name.empty()) return ErrorAt(offset, "`name` must not be empty");
  return absl::OkStatus();
}

constexpr std::string_view kTokenFields[] = {
    "kind",      "id",        "label",      "owner",        "scopes",
    "resources", "is_active", "created_at", "last_used_at", "expires_at"};
constexpr std::string_view kTokenResourceFields[] = {"type", "path", "scopes"};

absl::Status SnapshotParser::ReadToken(od::value v, AccessToken* token) {
  size_t offset = 0;
  size_t kind_offset = 0;
  std::string kind;
  RETURN_IF_ERROR(ReadObject(
      v, "access token", kTokenFields, Bit(0) | Bit(1),
      [&](int field, od::value fv) -> absl::Status {
        switch (field) {
          case 0:
            kind_offset = OffsetOf(fv);
            return ReadString(fv, &kind);
          case 1:
            return ReadString(fv, &token->id);
          case 2:
            return ReadString(fv, &token->label);
          case 3:
            return ReadOptString(fv, &token->owner);
          case 4:
            return ReadStringList(fv, &token->scopes);
          case 5:
            return ReadArray(fv, [&](od::value e, size_t) {
              token->resources.emplace_back();
              TokenResource* r = &token->resources.back();
              return ReadObject(e, "token resource", kTokenResourceFields,
                                Bit(0) | Bit(1) | Bit(2),
                                [&](int f, od::value x) -> absl::Status {
                                  if (f == 0) return ReadString(x, &r->type);
                                  if (f == 1) return ReadString(x, &r->path);
                                  return ReadStringList(x, &r->scopes);
                                });
            });
          case 6:
            return ReadOptBool(fv, &token->is_active);
          case 7:
            return ReadOptTime(fv, &token->created_at);
          case 8:
            return ReadMoment(fv, &token->last_used_at);
          case 9:
            return ReadMoment(fv, &token->expires_at);
        }
        return absl::OkStatus();
      },
      &offset));
  token->location = LocationAt(offset);
  if (kind == "personal") {
    token->kind = TokenKind::kPersonal;
  } else if (kind == "organization") {
    token->kind = TokenKind::kOrganization;
  } else {
    PathScope scope(this, "kind");
    return ErrorAt(kind_offset, Cat("unknown token kind \"", kind,
                                    "\": expected \"personal\" or "
                                    "\"organization\""));
  }
  if (token->id.empty()) return ErrorAt(offset, "`id` must not be empty");
  if (token->kind == TokenKind::kPersonal && !token->resources.empty()) {
    return ErrorAt(offset, "a personal token has `scopes`, not `resources`");
  }
  if (token->kind == TokenKind::kOrganization && !token->scopes.empty()) {
    return ErrorAt(offset,
                   "an organization token has `resources` with scopes, not "
                   "`scopes`");
  }
  return absl::OkStatus();
}

constexpr std::string_view kIntegrationFields[] = {"name", "kind", "username",
                                                   "token_label", "token_id"};

absl::Status SnapshotParser::ReadIntegration(od::value v,
                                             Integration* integration) {
  size_t offset = 0;
  RETURN_IF_ERROR(ReadObject(
      v, "integration", kIntegrationFields, Bit(0) | Bit(2),
      [&](int field, od::value fv) -> absl::Status {
        switch (field) {
          case 0:
            return ReadString(fv, &integration->name);
          case 1:
            return ReadOptString(fv, &integration->kind);
          case 2:
            return ReadString(fv, &integration->username);
          case 3:
            return ReadOptString(fv, &integration->token_label);
          case 4:
            return ReadOptString(fv, &integration->token_id);
        }
        return absl::OkStatus();
      },
      &offset));
  integration->location = LocationAt(offset);
  return absl::OkStatus();
}

constexpr std::string_view kAuditFields[] = {"action", "actor", "name",
                                             "timestamp", "data"};

absl::Status SnapshotParser::ReadAuditEvent(od::value v, AuditEvent* event) {
  size_t offset = 0;
  RETURN_IF_ERROR(ReadObject(
      v, "audit event", kAuditFields, Bit(0),
      [&](int field, od::value fv) -> absl::Status {
        switch (field) {
          case 0:
            return ReadString(fv, &event->action);
          case 1:
            return ReadOptString(fv, &event->actor);
          case 2:
            return ReadOptString(fv, &event->name);
          case 3:
            return ReadOptTime(fv, &event->timestamp);
          case 4: {
            size_t data_offset = OffsetOf(fv);
            od::json_type type{};
            RETURN_IF_ERROR(TypeOf(fv, &type));
            if (type != od::json_type::object) {
              return WrongType(data_offset, "an object", type);
            }
            od::object object;
            if (auto err = fv.get_object().get(object)) return JsonError(err);
            for (auto field_result : object) {
              od::field f;
              if (auto err = std::move(field_result).get(f))
                return JsonError(err);
              std::string_view key;
              if (auto err = f.unescaped_key().get(key)) return JsonError(err);
              std::string key_copy(key);
              std::string value;
              PathScope scope(this, key_copy);
              RETURN_IF_ERROR(ReadString(f.value(), &value));
              event->data.emplace_back(std::move(key_copy), std::move(value));
            }
            return absl::OkStatus();
          }
        }
        return absl::OkStatus();
      },
      &offset));
  event->location = LocationAt(offset);
  return absl::OkStatus();
}

}  // namespace

namespace {

// Reads the document into `*state`, not finalized.
absl::Status ParseSnapshot(const SourceText& source, size_t readable_size,
                           int max_depth, bool members_on_thread,
                           double calling_thread_share, OrgState* state) {
  std::string_view body = source.text();
  simdjson::padded_string_view padded(body.data(), body.size(), readable_size);
  od::parser parser;
  SnapshotParser reader(source, readable_size, max_depth, parser,
                        members_on_thread);
  reader.set_calling_thread_share(calling_thread_share);
  // The second thread starts reading while this one indexes the text.
  if (members_on_thread) reader.GuessMembersThread();
  od::document doc;
  auto iterate_error = parser.iterate(padded).get(doc);
  // simdjson accepts an empty document at first and fails later.
  bool blank =
      body.find_first_not_of(kJsonWhitespace) == std::string_view::npos;
  if (iterate_error || blank) {
    if (std::optional<JsonSyntaxError> e =
            FindJsonSyntaxError(body, max_depth)) {
      return source.Error(e->offset, e->message);
    }
    return source.Error(
        0, Cat("invalid JSON: ", simdjson::error_message(iterate_error)));
  }
  return reader.Parse(doc, state);
}

// Reads and finalizes the state in `source`, of which `readable_size`
// bytes can be read (its text and simdjson's padding).
absl::StatusOr<OrgState> ReadSnapshotSource(
    const SourceText& source, size_t readable_size,
    const SnapshotReadOptions& options) {
  bool members_on_thread =
      source.text().size() >= options.members_thread_min_bytes &&
      std::thread::hardware_concurrency() > 1;
  OrgState state;
  absl::Status parsed =
      ParseSnapshot(source, readable_size, options.max_depth, members_on_thread,
                    options.members_share_for_calling_thread, &state);
  if (!parsed.ok() && members_on_thread) {
    // Two threads may each have stopped at an error; reading again on one
    // reports the first in the text, as a sequential read does.
    state = OrgState();
    parsed = ParseSnapshot(source, readable_size, options.max_depth, false, 0,
                           &state);
  }
  RETURN_IF_ERROR(parsed);
  state.source_files.push_back(source.name());
  std::vector<StateProblem> problems = state.Finalize();
  if (!problems.empty()) {
    const StateProblem& first = problems.front();
    std::string message = source.Diagnostic(
        TextPosition{first.location.line, first.location.column},
        first.message);
    if (problems.size() > 1) {
      Append(&message, "\n(and ", problems.size() - 1, " more problem",
             problems.size() > 2 ? "s" : "", ")");
    }
    return absl::InvalidArgumentError(message);
  }
  return state;
}

}  // namespace

absl::StatusOr<OrgState> ReadSnapshot(std::string text, std::string name,
                                      const SnapshotReadOptions& options) {
  // simdjson reads past the end of its input; give it padding without a
  // second copy when the string's capacity allows.
  if (text.capacity() < text.size() + simdjson::SIMDJSON_PADDING) {
    text.reserve(text.size() + simdjson::SIMDJSON_PADDING);
  }
  size_t readable_size = text.capacity();
  SourceText source(std::move(name), std::move(text));
  return ReadSnapshotSource(source, readable_size, options);
}

absl::StatusOr<OrgState> ReadSnapshotFile(const std::string& path,
                                          const SnapshotReadOptions& options) {
  static_assert(kReadSpareBytes >= simdjson::SIMDJSON_PADDING);
  ASSIGN_OR_RETURN(std::optional<MappedFile> mapped,
                   MapFile(path, options.map_min_bytes));
  if (mapped) {
    SourceText source = SourceText::Borrowing(path, mapped->text());
    return ReadSnapshotSource(source, mapped->readable_size(), options);
  }
  ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return ReadSnapshot(std::move(text), path == "-" ? "<stdin>" : path, options);
}

}  // namespace hublint
