#ifndef HUBLINT_TFPLAN_JSON_TREE_H_
#define HUBLINT_TFPLAN_JSON_TREE_H_

// A JSON value tree that remembers where each value starts in the text, for
// the plan reader: a plan is read by random access (`configuration` explains
// `resource_changes`), and every value it complains about, or every
// resource it falls back to, needs a position.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace hublint {

struct JsonMember;

struct JsonNode {
  enum class Type : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };
  Type type = Type::kNull;
  size_t offset = 0;  // byte offset of the value's first character
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<JsonNode> elements;                         // kArray
  std::vector<JsonMember> members;  // kObject, in order

  bool is_null() const { return type == Type::kNull; }
  bool is_object() const { return type == Type::kObject; }
  bool is_array() const { return type == Type::kArray; }
  bool is_string() const { return type == Type::kString; }
  // The member `key` of an object (the first, if repeated); nullptr when
  // absent or when this is not an object.
  const JsonNode* Find(std::string_view key) const;
};

// A member of an object. (Not a std::pair: a pair of a type still being
// defined does not compile with clang's checks of libstdc++.)
struct JsonMember {
  JsonMember(std::string key, JsonNode value)
      : first(std::move(key)), second(std::move(value)) {}
  std::string first;  // the key
  JsonNode second;    // the value
};

// "an object", "a string", "null", ... for messages.
std::string_view JsonTypeName(JsonNode::Type type);

// Decides, for each member of the top-level object, whether to keep it in
// the tree. Members not kept are still checked for syntax, never stored.
using JsonKeepFn = std::function<bool(std::string_view key)>;

// Why `text` is not JSON, and where.
struct JsonParseError {
  size_t offset;
  std::string message;  // "expected `,` or `}` after an object member", ...
};

// Parses `text` into a tree, nested at most `max_depth` levels. A document
// whose top level is not an object gives a node of that type, without
// content. simdjson reads up to SIMDJSON_PADDING bytes past the end, so the
// string's capacity must allow that (ParseJsonTree reserves it otherwise).
std::variant<JsonNode, JsonParseError> ParseJsonTree(std::string& text,
                                                     const JsonKeepFn& keep,
                                                     int max_depth);

}  // namespace hublint

#endif  // HUBLINT_TFPLAN_JSON_TREE_H_
