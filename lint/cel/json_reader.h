#ifndef HUBLINT_CEL_JSON_READER_H_
#define HUBLINT_CEL_JSON_READER_H_

// A small JSON tree read with simdjson (internal), for the value converters
// and the conformance harness. Object members keep document order.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"

namespace hublint::cel {

class JsonNode {
 public:
  enum class Type : uint8_t {
    kNull,
    kBool,
    kInt64,
    kUint64,
    kDouble,
    kString,
    kArray,
    kObject
  };

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::kNull; }
  bool is_bool() const { return type_ == Type::kBool; }
  bool is_string() const { return type_ == Type::kString; }
  bool is_array() const { return type_ == Type::kArray; }
  bool is_object() const { return type_ == Type::kObject; }

  bool bool_value() const { return bool_; }
  std::string_view string_value() const { return string_; }
  int64_t int64_value() const { return int64_; }
  uint64_t uint64_value() const { return uint64_; }
  double double_value() const { return double_; }
  // Numeric conversions that fail (false) when the number does not fit.
  bool to_int64(int64_t* out) const;
  bool to_uint64(uint64_t* out) const;
  bool to_double(double* out) const;

  size_t array_size() const { return elements_.size(); }
  const JsonNode& element(size_t i) const { return elements_[i]; }

  size_t object_size() const { return members_.size(); }
  std::string_view member_key(size_t i) const { return members_[i].first; }
  const JsonNode& member_value(size_t i) const { return members_[i].second; }
  // The first member called `key`, or nullptr.
  const JsonNode* Find(std::string_view key) const;

 private:
  friend class JsonBuilder;
  Type type_ = Type::kNull;
  bool bool_ = false;
  int64_t int64_ = 0;
  uint64_t uint64_ = 0;
  double double_ = 0;
  std::string string_;
  std::vector<JsonNode> elements_;
  std::vector<std::pair<std::string, JsonNode>> members_;
};

class JsonDocument {
 public:
  // Parses `json`; fails on a syntax error or nesting beyond `max_depth`.
  static absl::StatusOr<JsonDocument> Parse(std::string_view json,
                                            int max_depth = 128);
  const JsonNode& root() const { return *root_; }

 private:
  std::unique_ptr<JsonNode> root_;
};

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_JSON_READER_H_
