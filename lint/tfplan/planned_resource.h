#ifndef HUBLINT_TFPLAN_PLANNED_RESOURCE_H_
#define HUBLINT_TFPLAN_PLANNED_RESOURCE_H_

// Internal to the plan reader (see plan_reader.h): one docker/docker entry
// of a plan's `resource_changes`, the context messages need, and typed
// access to the entry's attributes.

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "lint/model/location.h"
#include "lint/model/resource_change.h"
#include "lint/tfplan/json_tree.h"
#include "lint/tfplan/plan_reader.h"
#include "lint/tfplan/provider_schema.h"
#include "lint/util/source_text.h"

namespace hublint::tfplan_internal {

// A value that may be known only after apply.
template <typename T>
struct Planned {
  bool unknown = false;
  std::optional<T> value;  // nullopt when null, absent or unknown
};

struct PlannedResource {
  size_t index = 0;                 // position in `resource_changes`
  const JsonNode* entry = nullptr;  // the `resource_changes` element
  std::string address;              // module.m.docker_org_member.this["a"]
  std::string module_address;       // module.m, or empty
  std::vector<std::string> module_names;  // {"m"}
  std::string type;
  std::string name;
  std::string instance_key;  // `"a"` or `0`: the address's [...] text
  std::vector<std::string> actions;
  // Objects, or nullptr where the plan has null.
  const JsonNode* before = nullptr;
  const JsonNode* after = nullptr;
  const JsonNode* after_unknown = nullptr;
  const JsonNode* before_sensitive = nullptr;
  const JsonNode* after_sensitive = nullptr;
  const JsonNode* config = nullptr;  // its `configuration` resource
  const DockerResourceSchema* schema = nullptr;
  Location location;

  bool Has(std::string_view action) const;
  // Gone after apply: the actions are exactly {"delete"}.
  bool Deleted() const;
  // Whether the values after apply are `before`: {"forget"} leaves the
  // object in place and only stops managing it.
  bool Forgotten() const;
};

// The plan's name and text for messages, and the warning sink.
class PlanContext {
 public:
  PlanContext(const SourceText& source, const TfPlanOptions& options,
              uint32_t plan_file_index)
      : source_(source), options_(options), file_index_(plan_file_index) {}

  const std::string& name() const { return source_.name(); }
  const TfPlanOptions& options() const { return options_; }

  // "name:line:col: message", never followed by the source line (which, in
  // a plan written on one line, would hold every secret of the plan).
  absl::Status Error(size_t offset, std::string_view message) const;
  // "name: message".
  absl::Status Error(std::string_view message) const;
  // Passes "name: message" to the warning sink, once per `key`.
  void Warn(const std::string& key, std::string_view message);
  Location LocationOf(size_t offset) const;

 private:
  const SourceText& source_;
  const TfPlanOptions& options_;
  uint32_t file_index_;
  std::set<std::string> warned_;
};

// One side of a planned resource (its values after apply, with what is
// unknown, or its values before), read with types checked. Type errors
// name the JSON path and the resource; they never quote a value.
class Attributes {
 public:
  enum class Side { kBefore, kAfter };
  Attributes(const PlanContext& ctx, const PlannedResource& r, Side side);

  bool present() const { return values_ != nullptr; }
  // The raw value, or nullptr when absent or null.
  const JsonNode* Node(std::string_view name) const;
  // Whether any part of the attribute is known only after apply.
  bool Unknown(std::string_view name) const;
  // Whether the plan marks any part of the attribute sensitive.
  bool Sensitive(std::string_view name) const;

  absl::Status String(std::string_view name, Planned<std::string>* out) const;
  absl::Status Bool(std::string_view name, Planned<bool>* out) const;
  absl::Status Number(std::string_view name, Planned<double>* out) const;
  absl::Status StringList(std::string_view name,
                          Planned<std::vector<std::string>>* out) const;
  // The value of `node` (a part of attribute `name`) as a string or bool.
  absl::Status StringIn(const JsonNode& node, std::string_view path,
                        std::string* out) const;
  absl::Status BoolIn(const JsonNode& node, std::string_view path,
                      bool* out) const;

  // "`resource_changes[3].change.after.role` (docker_org_member.bob)".
  std::string Describe(std::string_view path) const;
  absl::Status TypeError(const JsonNode& node, std::string_view path,
                         std::string_view expected) const;
  // `"value"` for messages, or "(sensitive value)" when the plan marks the
  // attribute sensitive.
  std::string Quote(std::string_view name, std::string_view value) const;

 private:
  const PlanContext& ctx_;
  const PlannedResource& r_;
  std::string_view side_name_;
  const JsonNode* values_;
  const JsonNode* unknown_;
  const JsonNode* sensitive_;
};

// An attribute's scalar value for ResourceChange: the plan's value, or
// kUnknown / kSensitive; nullopt for lists and objects.
std::optional<ChangeValue> ChangeValueOf(const Attributes& side,
                                         std::string_view name);

}  // namespace hublint::tfplan_internal

#endif  // HUBLINT_TFPLAN_PLANNED_RESOURCE_H_
