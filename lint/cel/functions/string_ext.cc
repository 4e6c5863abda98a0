// The strings extension (cel-go ext.Strings): charAt indexOf lastIndexOf
// lowerAscii upperAscii replace split substring trim join strings.quote
// reverse. Indexes count code points, not bytes.

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "lint/cel/functions/functions.h"
#include "lint/cel/strings.h"
#include "lint/util/utf8.h"
#include "lint/cel/value_builder.h"

namespace hublint::cel::functions {
namespace {

// Checks the argument kinds; `kinds` lists one kind per argument.
bool Signature(const Value* args, int count,
               std::initializer_list<Kind> kinds) {
  if (count != static_cast<int>(kinds.size())) return false;
  int i = 0;
  for (Kind k : kinds) {
    if (args[i++].kind() != k) return false;
  }
  return true;
}

int64_t Length(std::string_view s) {
  return static_cast<int64_t>(CodePointCount(s));
}

Value OutOfRange(const CallContext& ctx, std::string_view name, int64_t index,
                 int64_t length) {
  return ctx.Errorf(Cat(name, "(): index ", index,
                        " out of range for a string of length ", length));
}

// Unicode white space as Go's unicode.IsSpace defines it.
bool IsSpace(char32_t c) {
  switch (c) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

}  // namespace

Value CharAt(const Value* args, int count, const CallContext& ctx) {
  if (!Signature(args, count, {Kind::kString, Kind::kInt})) {
    return NoMatchingOverload(ctx, "charAt", args, count);
  }
  std::string_view s = args[0].string_value();
  int64_t i = args[1].int_value();
  int64_t n = Length(s);
  if (i < 0 || i > n) return OutOfRange(ctx, "charAt", i, n);
  size_t begin = CodePointToByteOffset(s, static_cast<size_t>(i));
  size_t end = CodePointToByteOffset(s, static_cast<size_t>(i) + (i < n));
  return Value::String(s.substr(begin, end - begin));
}

Value IndexOf(const Value* args, int count, const CallContext& ctx) {
  bool two = Signature(args, count, {Kind::kString, Kind::kString});
  if (!two &&
      !Signature(args, count, {Kind::kString, Kind::kString, Kind::kInt})) {
    return NoMatchingOverload(ctx, "indexOf", args, count);
  }
  std::string_view s = args[0].string_value();
  int64_t start = two ? 0 : args[2].int_value();
  int64_t n = Length(s);
  if (start < 0 || start > n) return OutOfRange(ctx, "indexOf", start, n);
  size_t pos = s.find(args[1].string_value(),
                      CodePointToByteOffset(s, static_cast<size_t>(start)));
  if (pos == std::string_view::npos) return Value::Int(-1);
  return Value::Int(Length(s.substr(0, pos)));
}

Value LastIndexOf(const Value* args, int count, const CallContext& ctx) {
  bool two = Signature(args, count, {Kind::kString, Kind::kString});
  if (!two &&
      !Signature(args, count, {Kind::kString, Kind::kString, Kind::kInt})) {
    return NoMatchingOverload(ctx, "lastIndexOf", args, count);
  }
  std::string_view s = args[0].string_value();
  int64_t n = Length(s);
  int64_t start = two ? n : args[2].int_value();
  if (start < 0 || start > n) return OutOfRange(ctx, "lastIndexOf", start, n);
  size_t pos = s.rfind(args[1].string_value(),
                       CodePointToByteOffset(s, static_cast<size_t>(start)));
  if (pos == std::string_view::npos) return Value::Int(-1);
  return Value::Int(Length(s.substr(0, pos)));
}

Value LowerAscii(const Value* args, int count, const CallContext& ctx) {
  if (!Signature(args, count, {Kind::kString})) {
    return NoMatchingOverload(ctx, "lowerAscii", args, count);
  }
  return MakeString(ctx.arena,
                    absl::AsciiStrToLower(AbslView(args[0].string_value())));
}

Value UpperAscii(const Value* args, int count, const CallContext& ctx) {
  if (!Signature(args, count, {Kind::kString})) {
    return NoMatchingOverload(ctx, "upperAscii", args, count);
  }
  return MakeString(ctx.arena,
                    absl::AsciiStrToUpper(AbslView(args[0].string_value())));
}

Value Replace(const Value* args, int count, const CallContext& ctx) {
  bool three =
      Signature(args, count, {Kind::kString, Kind::kString, Kind::kString});
  if (!three &&
      !Signature(args, count,
                 {Kind::kString, Kind::kString, Kind::kString, Kind::kInt})) {
    return NoMatchingOverload(ctx, "replace", args, count);
  }
  std::string_view s = args[0].string_value();
  std::string_view from = args[1].string_value();
  std::string_view to = args[2].string_value();
  int64_t limit = three ? -1 : args[3].int_value();
  std::string out;
  size_t pos = 0;
  int64_t done = 0;
  while (limit < 0 || done < limit) {
    if (from.empty()) {
      // Go semantics: insert before every code point and at the end.
      out.append(to);
      ++done;
      if (pos >= s.size()) break;
      size_t next = pos;
      char32_t cp;
      if (!DecodeUtf8(s, &next, &cp)) next = pos + 1;
      out.append(s.substr(pos, next - pos));
      pos = next;
      continue;
    }
    size_t found = s.find(from, pos);
    if (found == std::string_view::npos) break;
    out.append(s.substr(pos, found - pos));
    out.append(to);
    pos = found + from.size();
    ++done;
  }
  if (pos < s.size()) out.append(s.substr(pos));
  return MakeString(ctx.arena, out);
}

Value Split(const Value* args, int count, const CallContext& ctx) {
  bool two = Signature(args, count, {Kind::kString, Kind::kString});
  if (!two &&
      !Signature(args, count, {Kind::kString, Kind::kString, Kind::kInt})) {
    return NoMatchingOverload(ctx, "split", args, count);
  }
  std::string_view s = args[0].string_value();
  std::string_view sep = args[1].string_value();
  int64_t limit = two ? -1 : args[2].int_value();
  ListBuilder out(ctx.arena);
  if (limit == 0) return out.Build();
  size_t pos = 0;
  if (sep.empty()) {
    // Go semantics: one piece per code point, the last one takes the rest.
    while (pos < s.size()) {
      if (limit > 0 && static_cast<int64_t>(out.size()) == limit - 1) {
        out.Add(Value::String(s.substr(pos)));
        break;
      }
      size_t next = pos;
      char32_t cp;
      if (!DecodeUtf8(s, &next, &cp)) next = pos + 1;
      out.Add(Value::String(s.substr(pos, next - pos)));
      pos = next;
    }
    return out.Build();
  }
  while (limit < 0 || static_cast<int64_t>(out.size()) < limit - 1) {
    size_t found = s.find(sep, pos);
    if (found == std::string_view::npos) break;
    out.Add(Value::String(s.substr(pos, found - pos)));
    pos = found + sep.size();
  }
  out.Add(Value::String(s.substr(pos)));
  return out.Build();
}

Value Substring(const Value* args, int count, const CallContext& ctx) {
  bool two = Signature(args, count, {Kind::kString, Kind::kInt});
  if (!two &&
      !Signature(args, count, {Kind::kString, Kind::kInt, Kind::kInt})) {
    return NoMatchingOverload(ctx, "substring", args, count);
  }
  std::string_view s = args[0].string_value();
  int64_t n = Length(s);
  int64_t start = args[1].int_value();
  int64_t end = two ? n : args[2].int_value();
  if (start < 0 || start > n) return OutOfRange(ctx, "substring", start, n);
  if (end < 0 || end > n) return OutOfRange(ctx, "substring", end, n);
  if (end < start) {
    return ctx.Errorf(
        Cat("substring(): end index ", end, " is before start index ", start));
  }
  size_t b = CodePointToByteOffset(s, static_cast<size_t>(start));
  size_t e = CodePointToByteOffset(s, static_cast<size_t>(end));
  return Value::String(s.substr(b, e - b));
}

Value Trim(const Value* args, int count, const CallContext& ctx) {
  if (!Signature(args, count, {Kind::kString})) {
    return NoMatchingOverload(ctx, "trim", args, count);
  }
  std::string_view s = args[0].string_value();
  size_t begin = 0;
  while (begin < s.size()) {
    size_t next = begin;
    char32_t cp;
    if (!DecodeUtf8(s, &next, &cp) || !IsSpace(cp)) break;
    begin = next;
  }
  size_t end = s.size();
  while (end > begin) {
    // Step back to the start of the last code point.
    size_t start = end - 1;
    while (start > begin &&
           (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
      --start;
    }
    size_t next = start;
    char32_t cp;
    if (!DecodeUtf8(s, &next, &cp) || !IsSpace(cp)) break;
    end = start;
  }
  return Value::String(s.substr(begin, end - begin));
}

Value Join(const Value* args, int count, const CallContext& ctx) {
  bool one = Signature(args, count, {Kind::kList});
  if (!one && !Signature(args, count, {Kind::kList, Kind::kString})) {
    return NoMatchingOverload(ctx, "join", args, count);
  }
  std::string_view sep = one ? std::string_view() : args[1].string_value();
  const Value& list = args[0];
  std::string out;
  for (size_t i = 0; i < list.list_size(); ++i) {
    Value e = list.list_element(i);
    if (e.kind() != Kind::kString) {
      return ctx.Errorf(Cat("join(): element ", i, " is a ", RuntimeTypeName(e),
                            ", not a string"));
    }
    if (i > 0) out.append(sep);
    out.append(e.string_value());
  }
  return MakeString(ctx.arena, out);
}

Value Quote(const Value* args, int count, const CallContext& ctx) {
  if (!Signature(args, count, {Kind::kString})) {
    return NoMatchingOverload(ctx, "strings.quote", args, count);
  }
  return MakeString(ctx.arena, Quote(args[0].string_value(), QuoteStyle::kCel));
}

Value Reverse(const Value* args, int count, const CallContext& ctx) {
  if (!Signature(args, count, {Kind::kString})) {
    return NoMatchingOverload(ctx, "reverse", args, count);
  }
  std::string_view s = args[0].string_value();
  std::vector<std::string_view> points;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t next = pos;
    char32_t cp;
    if (!DecodeUtf8(s, &next, &cp)) next = pos + 1;
    points.push_back(s.substr(pos, next - pos));
    pos = next;
  }
  std::string out;
  out.reserve(s.size());
  for (auto it = points.rbegin(); it != points.rend(); ++it) out.append(*it);
  return MakeString(ctx.arena, out);
}

}  // namespace hublint::cel::functions
