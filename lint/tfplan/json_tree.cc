#include "lint/tfplan/json_tree.h"

#include <simdjson.h>

#include "lint/json/json_syntax.h"
#include "lint/json/null_literal.h"
#include "lint/util/strings.h"

namespace hublint {
namespace {

namespace od = simdjson::ondemand;

class TreeBuilder {
 public:
  TreeBuilder(const std::string& text, int max_depth)
      : text_(text), max_depth_(max_depth) {}

  // Reads `v` into `*out` when `out` is not null, else only checks it.
  bool Build(od::value v, int depth, JsonNode* out);
  bool BuildTop(od::document& doc, const JsonKeepFn& keep, JsonNode* out);

  JsonParseError error() const { return *error_; }

 private:
  size_t OffsetOf(od::value& v) {
    const char* p = nullptr;
    if (v.current_location().get(p) == simdjson::SUCCESS) {
      last_offset_ = static_cast<size_t>(p - text_.data());
    }
    return last_offset_;
  }
  // simdjson gives only an error code; the syntax checker says where.
  bool Fail(simdjson::error_code code) {
    if (std::optional<JsonSyntaxError> e =
            FindJsonSyntaxError(text_, max_depth_)) {
      error_ = JsonParseError{e->offset, e->message};
    } else {
      error_ = JsonParseError{
          last_offset_, Cat("invalid JSON: ", simdjson::error_message(code))};
    }
    return false;
  }
  bool TooDeep(size_t offset) {
    error_ = JsonParseError{offset,
                            Cat("nesting deeper than ", max_depth_, " levels")};
    return false;
  }
  bool BuildObject(od::object object, int depth, JsonNode* out,
                   const JsonKeepFn* keep);

  const std::string& text_;
  int max_depth_;
  size_t last_offset_ = 0;
  std::optional<JsonParseError> error_;
};

bool TreeBuilder::BuildObject(od::object object, int depth, JsonNode* out,
                              const JsonKeepFn* keep) {
  for (auto field_result : object) {
    od::field field;
    if (auto err = std::move(field_result).get(field)) return Fail(err);
    std::string_view key;
    if (auto err = field.unescaped_key().get(key)) return Fail(err);
    JsonNode* child = nullptr;
    if (out != nullptr && (keep == nullptr || (*keep)(key))) {
      out->members.emplace_back(std::string(key), JsonNode{});
      child = &out->members.back().second;
    }
    if (!Build(field.value(), depth + 1, child)) return false;
  }
  return true;
}

bool TreeBuilder::Build(od::value v, int depth, JsonNode* out) {
  size_t offset = OffsetOf(v);
  od::json_type type{};
  if (auto err = v.type().get(type)) return Fail(err);
  JsonNode scratch;
  JsonNode* node = out != nullptr ? out : &scratch;
  node->offset = offset;
  switch (type) {
    case od::json_type::object: {
      if (depth >= max_depth_) return TooDeep(offset);
      node->type = JsonNode::Type::kObject;
      od::object object;
      if (auto err = v.get_object().get(object)) return Fail(err);
      return BuildObject(object, depth, out, nullptr);
    }
    case od::json_type::array: {
      if (depth >= max_depth_) return TooDeep(offset);
      node->type = JsonNode::Type::kArray;
      od::array array;
      if (auto err = v.get_array().get(array)) return Fail(err);
      for (auto element : array) {
        od::value e;
        if (auto err = std::move(element).get(e)) return Fail(err);
        JsonNode* child = nullptr;
        if (out != nullptr) child = &out->elements.emplace_back();
        if (!Build(e, depth + 1, child)) return false;
      }
      return true;
    }
    case od::json_type::string: {
      node->type = JsonNode::Type::kString;
      std::string_view s;
      if (auto err = v.get_string().get(s)) return Fail(err);
      if (out != nullptr) out->string.assign(s);
      return true;
    }
    case od::json_type::number:
      node->type = JsonNode::Type::kNumber;
      if (auto err = v.get_double().get(node->number)) return Fail(err);
      return true;
    case od::json_type::boolean:
      node->type = JsonNode::Type::kBool;
      if (auto err = v.get_bool().get(node->boolean)) return Fail(err);
      return true;
    case od::json_type::null: {
      node->type = JsonNode::Type::kNull;
      if (!IsNullLiteral(v)) return Fail(simdjson::TAPE_ERROR);
      return true;
    }
  }
  return true;
}

bool TreeBuilder::BuildTop(od::document& doc, const JsonKeepFn& keep,
                           JsonNode* out) {
  od::json_type type{};
  if (auto err = doc.type().get(type)) return Fail(err);
  if (type != od::json_type::object) {
    // Not a plan whatever it holds; say why only if it is JSON at all.
    if (std::optional<JsonSyntaxError> e =
            FindJsonSyntaxError(text_, max_depth_)) {
      error_ = JsonParseError{e->offset, e->message};
      return false;
    }
    out->type = type == od::json_type::array     ? JsonNode::Type::kArray
                : type == od::json_type::string  ? JsonNode::Type::kString
                : type == od::json_type::number  ? JsonNode::Type::kNumber
                : type == od::json_type::boolean ? JsonNode::Type::kBool
                                                 : JsonNode::Type::kNull;
    return true;
  }
  out->type = JsonNode::Type::kObject;
  od::object object;
  if (auto err = doc.get_object().get(object)) return Fail(err);
  if (!BuildObject(object, 0, out, &keep)) return false;
  // Content after the object: simdjson 3.0 still has a location then.
  const char* rest = nullptr;
  if (doc.current_location().get(rest) == simdjson::SUCCESS) {
    return Fail(simdjson::TRAILING_CONTENT);
  }
  return true;
}

}  // namespace

const JsonNode* JsonNode::Find(std::string_view key) const {
  for (const auto& [k, v] : members) {
    if (k == key) return &v;
  }
  return nullptr;
}

std::string_view JsonTypeName(JsonNode::Type type) {
  switch (type) {
    case JsonNode::Type::kNull:
      return "null";
    case JsonNode::Type::kBool:
      return "a boolean";
    case JsonNode::Type::kNumber:
      return "a number";
    case JsonNode::Type::kString:
      return "a string";
    case JsonNode::Type::kArray:
      return "an array";
    case JsonNode::Type::kObject:
      return "an object";
  }
  return "a value";
}

std::variant<JsonNode, JsonParseError> ParseJsonTree(std::string& text,
                                                     const JsonKeepFn& keep,
                                                     int max_depth) {
  if (text.capacity() < text.size() + simdjson::SIMDJSON_PADDING) {
    text.reserve(text.size() + simdjson::SIMDJSON_PADDING);
  }
  TreeBuilder builder(text, max_depth);
  bool blank = text.find_first_not_of(" \t\r\n") == std::string::npos;
  simdjson::padded_string_view padded(text.data(), text.size(),
                                      text.capacity());
  od::parser parser;
  od::document doc;
  JsonNode root;
  if (auto err = parser.iterate(padded).get(doc); err || blank) {
    if (std::optional<JsonSyntaxError> e =
            FindJsonSyntaxError(text, max_depth)) {
      return JsonParseError{e->offset, e->message};
    }
    return JsonParseError{0,
                          Cat("invalid JSON: ", simdjson::error_message(err))};
  }
  if (!builder.BuildTop(doc, keep, &root)) return builder.error();
  return root;
}

}  // namespace hublint
