#include "lint/cel/json_reader.h"

#include <charconv>
#include <cmath>

#include "absl/status/status.h"
#include "lint/cel/strings.h"

// simdjson's inline DOM accessors trip GCC 12's flow-based warnings; the
// code is fine (and outside this project). Clang has neither warning.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdangling-pointer"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include "simdjson.h"
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
#include "lint/json/null_literal.h"

namespace hublint::cel {

bool JsonNode::to_int64(int64_t* out) const {
  if (type_ == Type::kInt64) {
    *out = int64_;
    return true;
  }
  if (type_ == Type::kUint64 && uint64_ <= static_cast<uint64_t>(INT64_MAX)) {
    *out = static_cast<int64_t>(uint64_);
    return true;
  }
  return false;
}

bool JsonNode::to_uint64(uint64_t* out) const {
  if (type_ == Type::kUint64) {
    *out = uint64_;
    return true;
  }
  if (type_ == Type::kInt64 && int64_ >= 0) {
    *out = static_cast<uint64_t>(int64_);
    return true;
  }
  return false;
}

bool JsonNode::to_double(double* out) const {
  switch (type_) {
    case Type::kDouble:
      *out = double_;
      return true;
    case Type::kInt64:
      *out = static_cast<double>(int64_);
      return true;
    case Type::kUint64:
      *out = static_cast<double>(uint64_);
      return true;
    default:
      return false;
  }
}

const JsonNode* JsonNode::Find(std::string_view key) const {
  for (const auto& m : members_) {
    if (m.first == key) return &m.second;
  }
  return nullptr;
}

namespace {

absl::Status JsonError(simdjson::error_code e) {
  return absl::InvalidArgumentError(
      Cat("invalid JSON: ", simdjson::error_message(e)));
}

template <typename T>
bool ParseWhole(std::string_view s, T* out) {
  const char* end = s.data() + s.size();
  std::from_chars_result r = std::from_chars(s.data(), end, *out);
  return !s.empty() && r.ec == std::errc() && r.ptr == end;
}

}  // namespace

// Builds JsonNodes from simdjson's On-Demand API, which (unlike the DOM API
// of simdjson 3.0) reads integers beyond 64 bits, as doubles.
class JsonBuilder {
 public:
  explicit JsonBuilder(int max_depth) : max_depth_(max_depth) {}

  // V is simdjson::ondemand::document or simdjson::ondemand::value.
  template <typename V>
  absl::Status Build(V& v, int depth, JsonNode* out) {
    if (depth > max_depth_) {
      return absl::InvalidArgumentError(
          Cat("JSON nested more than ", max_depth_, " levels deep"));
    }
    using simdjson::ondemand::json_type;
    json_type type;
    if (auto e = v.type().get(type)) return JsonError(e);
    switch (type) {
      case json_type::null: {
        if (!IsNullLiteral(v)) return JsonError(simdjson::INCORRECT_TYPE);
        out->type_ = JsonNode::Type::kNull;
        return absl::OkStatus();
      }
      case json_type::boolean:
        out->type_ = JsonNode::Type::kBool;
        if (auto e = v.get_bool().get(out->bool_)) return JsonError(e);
        return absl::OkStatus();
      case json_type::number: {
        std::string_view raw = v.raw_json_token();
        while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\n' ||
                                raw.back() == '\r' || raw.back() == '\t')) {
          raw.remove_suffix(1);
        }
        double d;
        if (auto e = v.get_double().get(d)) return JsonError(e);
        if (raw.find_first_of(".eE") == std::string_view::npos) {
          if (ParseWhole(raw, &out->int64_)) {
            out->type_ = JsonNode::Type::kInt64;
            return absl::OkStatus();
          }
          if (ParseWhole(raw, &out->uint64_)) {
            out->type_ = JsonNode::Type::kUint64;
            return absl::OkStatus();
          }
        }
        out->type_ = JsonNode::Type::kDouble;
        out->double_ = d;
        return absl::OkStatus();
      }
      case json_type::string: {
        std::string_view s;
        if (auto e = v.get_string().get(s)) return JsonError(e);
        out->type_ = JsonNode::Type::kString;
        out->string_ = std::string(s);
        return absl::OkStatus();
      }
      case json_type::array: {
        out->type_ = JsonNode::Type::kArray;
        simdjson::ondemand::array array;
        if (auto e = v.get_array().get(array)) return JsonError(e);
        for (auto element : array) {
          simdjson::ondemand::value child;
          if (auto e = std::move(element).get(child)) return JsonError(e);
          out->elements_.emplace_back();
          absl::Status s = Build(child, depth + 1, &out->elements_.back());
          if (!s.ok()) return s;
        }
        return absl::OkStatus();
      }
      case json_type::object: {
        out->type_ = JsonNode::Type::kObject;
        simdjson::ondemand::object object;
        if (auto e = v.get_object().get(object)) return JsonError(e);
        for (auto member : object) {
          simdjson::ondemand::field field;
          if (auto e = std::move(member).get(field)) return JsonError(e);
          std::string_view key;
          if (auto e = field.unescaped_key().get(key)) return JsonError(e);
          out->members_.emplace_back(std::string(key), JsonNode());
          simdjson::ondemand::value child = field.value();
          absl::Status s =
              Build(child, depth + 1, &out->members_.back().second);
          if (!s.ok()) return s;
        }
        return absl::OkStatus();
      }
    }
    return absl::InvalidArgumentError("unsupported JSON value");
  }

 private:
  int max_depth_;
};

absl::StatusOr<JsonDocument> JsonDocument::Parse(std::string_view json,
                                                 int max_depth) {
  simdjson::ondemand::parser parser;
  simdjson::padded_string padded(json);
  simdjson::ondemand::document document;
  if (auto e = parser.iterate(padded).get(document)) return JsonError(e);
  JsonDocument doc;
  doc.root_ = std::make_unique<JsonNode>();
  absl::Status s = JsonBuilder(max_depth).Build(document, 1, doc.root_.get());
  if (!s.ok()) return s;
  const char* rest = nullptr;
  if (document.current_location().get(rest) == simdjson::SUCCESS) {
    return absl::InvalidArgumentError("invalid JSON: trailing content");
  }
  return doc;
}

}  // namespace hublint::cel
