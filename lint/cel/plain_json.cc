#include "lint/cel/plain_json.h"

#include "absl/status/status.h"
#include "lint/cel/json_reader.h"
#include "lint/util/utf8.h"
#include "lint/cel/value_builder.h"

namespace hublint::cel {
namespace {

absl::StatusOr<Value> Convert(const JsonNode& node, Arena* arena) {
  switch (node.type()) {
    case JsonNode::Type::kNull:
      return Value::Null();
    case JsonNode::Type::kBool:
      return Value::Bool(node.bool_value());
    case JsonNode::Type::kInt64:
      return Value::Int(node.int64_value());
    case JsonNode::Type::kUint64:
      return Value::Uint(node.uint64_value());
    case JsonNode::Type::kDouble:
      return Value::Double(node.double_value());
    case JsonNode::Type::kString:
      return MakeString(arena, node.string_value());
    case JsonNode::Type::kArray: {
      ListBuilder list(arena);
      list.Reserve(node.array_size());
      for (size_t i = 0; i < node.array_size(); ++i) {
        absl::StatusOr<Value> e = Convert(node.element(i), arena);
        if (!e.ok()) return e;
        list.Add(*e);
      }
      return list.Build();
    }
    case JsonNode::Type::kObject: {
      MapBuilder map(arena);
      for (size_t i = 0; i < node.object_size(); ++i) {
        absl::StatusOr<Value> v = Convert(node.member_value(i), arena);
        if (!v.ok()) return v;
        absl::Status added = map.Add(MakeString(arena, node.member_key(i)), *v);
        if (!added.ok()) return added;
      }
      return map.Build();
    }
  }
  return absl::InvalidArgumentError("unsupported JSON value");
}

}  // namespace

absl::StatusOr<Value> ValueFromPlainJson(std::string_view json, Arena* arena) {
  absl::StatusOr<JsonDocument> doc = JsonDocument::Parse(json, 128);
  if (!doc.ok()) return doc.status();
  return Convert(doc->root(), arena);
}

}  // namespace hublint::cel
