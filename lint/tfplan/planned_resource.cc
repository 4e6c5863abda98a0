#include "lint/tfplan/planned_resource.h"

#include "lint/util/strings.h"

namespace hublint::tfplan_internal {
namespace {

// Whether `marks` (a part of after_unknown or *_sensitive) is `true`
// anywhere: these trees mirror the value's shape with booleans at leaves.
bool MarkedAnywhere(const JsonNode* marks) {
  if (marks == nullptr) return false;
  if (marks->type == JsonNode::Type::kBool) return marks->boolean;
  for (const JsonNode& e : marks->elements) {
    if (MarkedAnywhere(&e)) return true;
  }
  for (const auto& [key, m] : marks->members) {
    if (MarkedAnywhere(&m)) return true;
  }
  return false;
}

const JsonNode* Member(const JsonNode* object, std::string_view name) {
  return object == nullptr ? nullptr : object->Find(name);
}

}  // namespace

bool PlannedResource::Has(std::string_view action) const {
  for (const std::string& a : actions) {
    if (a == action) return true;
  }
  return false;
}

bool PlannedResource::Deleted() const {
  return actions.size() == 1 && actions[0] == "delete";
}

bool PlannedResource::Forgotten() const {
  return actions.size() == 1 && actions[0] == "forget";
}

absl::Status PlanContext::Error(size_t offset, std::string_view message) const {
  return absl::InvalidArgumentError(FormatDiagnostic(
      source_.name(), source_.PositionOf(offset), "", message));
}

absl::Status PlanContext::Error(std::string_view message) const {
  return absl::InvalidArgumentError(Cat(source_.name(), ": ", message));
}

void PlanContext::Warn(const std::string& key, std::string_view message) {
  if (!warned_.insert(key).second || !options_.warn) return;
  options_.warn(Cat(source_.name(), ": ", message));
}

Location PlanContext::LocationOf(size_t offset) const {
  TextPosition pos = source_.PositionOf(offset);
  return Location{file_index_, pos.line, pos.column};
}

Attributes::Attributes(const PlanContext& ctx, const PlannedResource& r,
                       Side side)
    : ctx_(ctx), r_(r) {
  if (side == Side::kBefore || r.Forgotten()) {
    side_name_ = "before";
    values_ = r.before;
    unknown_ = nullptr;
    sensitive_ = r.before_sensitive;
  } else {
    side_name_ = "after";
    values_ = r.after;
    unknown_ = r.after_unknown;
    sensitive_ = r.after_sensitive;
  }
}

const JsonNode* Attributes::Node(std::string_view name) const {
  const JsonNode* node = Member(values_, name);
  return node == nullptr || node->is_null() ? nullptr : node;
}

bool Attributes::Unknown(std::string_view name) const {
  return MarkedAnywhere(Member(unknown_, name));
}

bool Attributes::Sensitive(std::string_view name) const {
  return MarkedAnywhere(Member(sensitive_, name));
}

std::string Attributes::Describe(std::string_view path) const {
  return Cat("`resource_changes[", r_.index, "].change.", side_name_, ".", path,
             "` (", r_.address, ")");
}

absl::Status Attributes::TypeError(const JsonNode& node, std::string_view path,
                                   std::string_view expected) const {
  return ctx_.Error(node.offset, Cat(Describe(path), ": expected ", expected,
                                     ", got ", JsonTypeName(node.type)));
}

std::string Attributes::Quote(std::string_view name,
                              std::string_view value) const {
  if (Sensitive(name)) return "(sensitive value)";
  return Cat("\"", value, "\"");
}

absl::Status Attributes::StringIn(const JsonNode& node, std::string_view path,
                                  std::string* out) const {
  if (!node.is_string()) return TypeError(node, path, "a string");
  *out = node.string;
  return absl::OkStatus();
}

absl::Status Attributes::BoolIn(const JsonNode& node, std::string_view path,
                                bool* out) const {
  if (node.type != JsonNode::Type::kBool) {
    return TypeError(node, path, "a boolean");
  }
  *out = node.boolean;
  return absl::OkStatus();
}

absl::Status Attributes::String(std::string_view name,
                                Planned<std::string>* out) const {
  *out = {};
  out->unknown = Unknown(name);
  if (const JsonNode* node = Node(name); node && !out->unknown) {
    std::string s;
    if (auto status = StringIn(*node, name, &s); !status.ok()) return status;
    out->value = std::move(s);
  }
  return absl::OkStatus();
}

absl::Status Attributes::Bool(std::string_view name, Planned<bool>* out) const {
  *out = {};
  out->unknown = Unknown(name);
  if (const JsonNode* node = Node(name); node && !out->unknown) {
    bool b = false;
    if (auto status = BoolIn(*node, name, &b); !status.ok()) return status;
    out->value = b;
  }
  return absl::OkStatus();
}

absl::Status Attributes::Number(std::string_view name,
                                Planned<double>* out) const {
  *out = {};
  out->unknown = Unknown(name);
  if (const JsonNode* node = Node(name); node && !out->unknown) {
    if (node->type != JsonNode::Type::kNumber) {
      return TypeError(*node, name, "a number");
    }
    out->value = node->number;
  }
  return absl::OkStatus();
}

absl::Status Attributes::StringList(
    std::string_view name, Planned<std::vector<std::string>>* out) const {
  *out = {};
  out->unknown = Unknown(name);
  const JsonNode* node = Node(name);
  if (node == nullptr || out->unknown) return absl::OkStatus();
  if (!node->is_array()) return TypeError(*node, name, "an array");
  std::vector<std::string> list;
  for (size_t i = 0; i < node->elements.size(); ++i) {
    list.emplace_back();
    if (auto status =
            StringIn(node->elements[i], Cat(name, "[", i, "]"), &list.back());
        !status.ok()) {
      return status;
    }
  }
  out->value = std::move(list);
  return absl::OkStatus();
}

std::optional<ChangeValue> ChangeValueOf(const Attributes& side,
                                         std::string_view name) {
  if (side.Unknown(name)) return ChangeValue::Unknown();
  const JsonNode* node = side.Node(name);
  if (node == nullptr) return ChangeValue::Null();
  if (node->is_array() || node->is_object()) return std::nullopt;
  if (side.Sensitive(name)) return ChangeValue::Sensitive();
  switch (node->type) {
    case JsonNode::Type::kBool:
      return ChangeValue::Bool(node->boolean);
    case JsonNode::Type::kNumber:
      return ChangeValue::Number(node->number);
    case JsonNode::Type::kString:
      return ChangeValue::String(node->string);
    default:
      return ChangeValue::Null();
  }
}

}  // namespace hublint::tfplan_internal
