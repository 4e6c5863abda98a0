#include "lint/tfplan/plan_reader.h"

#include <algorithm>
#include <set>

#include "lint/tfplan/block_locator.h"
#include "lint/tfplan/json_tree.h"
#include "lint/tfplan/plan_references.h"
#include "lint/tfplan/planned_resource.h"
#include "lint/tfplan/provider_schema.h"
#include "lint/tfplan/state_builder.h"
#include "lint/util/files.h"
#include "lint/util/source_text.h"
#include "lint/util/status_macros.h"
#include "lint/util/strings.h"
#include "lint/util/time_format.h"

namespace hublint {
namespace {

using tfplan_internal::PlanContext;
using tfplan_internal::PlannedResource;

// The top-level members of a plan the reader uses; the others (`variables`,
// `planned_values`, `output_changes`, ...) are checked for syntax and never
// stored, so the secrets in them are not even held in memory.
constexpr std::string_view kKeptMembers[] = {
    "format_version", "terraform_version", "timestamp",
    "errored",        "complete",          "resource_changes",
    "configuration",  "prior_state",       "deferred_changes"};

constexpr std::string_view kHowToMakeAPlan =
    "give the output of `terraform show -json PLANFILE`, where PLANFILE was "
    "written by `terraform plan -out PLANFILE`";

class PlanReader {
 public:
  PlanReader(const JsonNode& root, const std::set<std::string>& members,
             const SourceText& source, const TfPlanOptions& options,
             OrgState* state)
      : root_(root),
        members_(members),
        options_(options),
        state_(state),
        ctx_(source, options, 0) {}

  absl::Status Read();

 private:
  absl::Status CheckIsPlan();
  absl::Status ReadResourceChanges();
  absl::Status Decode(size_t index, const JsonNode& entry);
  absl::Status StringField(const JsonNode& entry, size_t index,
                           std::string_view key, bool required,
                           std::string* out);
  void CheckAttributes(const PlannedResource& r);
  void Locate(PlannedResource& r);
  void NoteOrganization(const PlannedResource& r);
  absl::Status SetOrganization();
  void AddDeferredGaps();
  uint32_t SourceFile(const std::string& path);

  const JsonNode& root_;
  const std::set<std::string>& members_;
  const TfPlanOptions& options_;
  OrgState* state_;
  PlanContext ctx_;
  const JsonNode* configuration_ = nullptr;
  std::optional<BlockLocator> locator_;
  DiskTfFiles disk_;
  std::vector<PlannedResource> resources_;
  // Organization names the plan's resources carry, and the first resource
  // that names one.
  std::set<std::string> org_names_;
  const PlannedResource* first_org_resource_ = nullptr;
};

absl::Status PlanReader::CheckIsPlan() {
  if (!root_.is_object()) {
    return ctx_.Error(Cat("not a Terraform plan: expected a JSON object, got ",
                          JsonTypeName(root_.type), "; ", kHowToMakeAPlan));
  }
  if (members_.contains("schema")) {
    return ctx_.Error(
        "not a Terraform plan but a hublint state: pass it with --state");
  }
  if (members_.contains("lineage") || members_.contains("serial")) {
    return ctx_.Error(Cat(
        "not a Terraform plan but a Terraform state file (terraform.tfstate); ",
        kHowToMakeAPlan));
  }
  const JsonNode* version = root_.Find("format_version");
  if (version == nullptr) {
    return ctx_.Error(
        Cat("not a Terraform plan: no `format_version`; ", kHowToMakeAPlan));
  }
  if (!version->is_string()) {
    return ctx_.Error(version->offset,
                      Cat("`format_version`: expected a string, got ",
                          JsonTypeName(version->type)));
  }
  if (!version->string.starts_with("1.")) {
    return ctx_.Error(
        version->offset,
        Cat("unsupported plan format_version \"", version->string,
            "\": hublint reads format 1.x (`terraform show -json` of "
            "Terraform 1.x)"));
  }
  if (!members_.contains("planned_values") &&
      !members_.contains("resource_changes") && members_.contains("values")) {
    return ctx_.Error(Cat(
        "not a Terraform plan but the JSON of a Terraform state (`terraform "
        "show -json` without a plan file); ",
        kHowToMakeAPlan));
  }
  if (const JsonNode* errored = root_.Find("errored");
      errored && errored->type == JsonNode::Type::kBool && errored->boolean) {
    return ctx_.Error(
        "the plan is errored (`terraform plan` failed before it finished); "
        "fix the plan first: no verdict is given on a partial plan");
  }
  return absl::OkStatus();
}

absl::Status PlanReader::StringField(const JsonNode& entry, size_t index,
                                     std::string_view key, bool required,
                                     std::string* out) {
  const JsonNode* v = entry.Find(key);
  if (v == nullptr || v->is_null()) {
    if (!required) return absl::OkStatus();
    return ctx_.Error(entry.offset,
                      Cat("`resource_changes[", index, "]`: no `", key, "`"));
  }
  if (!v->is_string()) {
    return ctx_.Error(v->offset,
                      Cat("`resource_changes[", index, "].", key,
                          "`: expected a string, got ", JsonTypeName(v->type)));
  }
  *out = v->string;
  return absl::OkStatus();
}

absl::Status PlanReader::Decode(size_t index, const JsonNode& entry) {
  if (!entry.is_object()) {
    return ctx_.Error(entry.offset, Cat("`resource_changes[", index,
                                        "]`: expected an object, got ",
                                        JsonTypeName(entry.type)));
  }
  PlannedResource r;
  r.index = index;
  r.entry = &entry;
  std::string mode, provider, deposed;
  RETURN_IF_ERROR(StringField(entry, index, "mode", false, &mode));
  RETURN_IF_ERROR(StringField(entry, index, "type", true, &r.type));
  RETURN_IF_ERROR(StringField(entry, index, "name", true, &r.name));
  RETURN_IF_ERROR(StringField(entry, index, "address", true, &r.address));
  RETURN_IF_ERROR(StringField(entry, index, "provider_name", true, &provider));
  RETURN_IF_ERROR(
      StringField(entry, index, "module_address", false, &r.module_address));
  RETURN_IF_ERROR(StringField(entry, index, "deposed", false, &deposed));
  if (mode == "data") return absl::OkStatus();  // reads, not changes
  r.schema = FindDockerResourceSchema(r.type);
  if (!IsDockerHubProvider(provider)) {
    if (r.schema != nullptr) {
      ctx_.Warn(Cat("provider ", r.address),
                Cat(r.address, " comes from provider ", provider,
                    ", not docker/docker; ignored"));
    }
    return absl::OkStatus();
  }
  if (r.schema == nullptr) {
    ctx_.Warn(Cat("type ", r.type),
              Cat("resource type ", r.type,
                  " of docker/docker is not known to hublint (a newer "
                  "provider?); its resources are ignored"));
    return absl::OkStatus();
  }
  // A deposed object is the old half of a create-before-destroy
  // replacement; the current object has its own entry.
  if (!deposed.empty()) return absl::OkStatus();

  const JsonNode* change = entry.Find("change");
  if (change == nullptr || !change->is_object()) {
    return ctx_.Error(entry.offset,
                      Cat("`resource_changes[", index, "].change` (", r.address,
                          "): expected an object"));
  }
  const JsonNode* actions = change->Find("actions");
  if (actions == nullptr || !actions->is_array() || actions->elements.empty()) {
    return ctx_.Error(change->offset,
                      Cat("`resource_changes[", index, "].change.actions` (",
                          r.address, "): expected a list of actions"));
  }
  for (const JsonNode& a : actions->elements) {
    if (!a.is_string()) {
      return ctx_.Error(a.offset,
                        Cat("`resource_changes[", index, "].change.actions` (",
                            r.address, "): expected strings"));
    }
    r.actions.push_back(a.string);
  }
  for (auto [key, out] :
       {std::pair{"before", &r.before}, std::pair{"after", &r.after},
        std::pair{"after_unknown", &r.after_unknown},
        std::pair{"before_sensitive", &r.before_sensitive},
        std::pair{"after_sensitive", &r.after_sensitive}}) {
    const JsonNode* v = change->Find(key);
    if (v == nullptr || v->is_null()) continue;
    if (v->is_object()) {
      *out = v;
    } else if (v->type != JsonNode::Type::kBool) {  // *_sensitive: false
      return ctx_.Error(
          v->offset,
          Cat("`resource_changes[", index, "].change.", key, "` (", r.address,
              "): expected an object, got ", JsonTypeName(v->type)));
    }
  }
  if (r.before == nullptr && r.after == nullptr) {
    return ctx_.Error(change->offset,
                      Cat("`resource_changes[", index, "].change` (", r.address,
                          "): neither `before` nor `after`"));
  }
  r.module_names = tfplan_internal::ModuleNames(r.module_address);
  r.instance_key = tfplan_internal::InstanceKey(r.address, r.type, r.name);
  r.config = tfplan_internal::ConfigResource(
      tfplan_internal::ConfigModule(configuration_, r.module_names), r.type,
      r.name);
  CheckAttributes(r);
  Locate(r);
  resources_.push_back(std::move(r));
  return absl::OkStatus();
}

// Warns once per attribute the schema does not know, and once per type
// whose configuration has a newer schema version.
void PlanReader::CheckAttributes(const PlannedResource& r) {
  for (const JsonNode* values : {r.before, r.after}) {
    if (values == nullptr) continue;
    for (const auto& [key, value] : values->members) {
      if (r.schema->Knows(key)) continue;
      std::string name = Cat(r.type, ".", key);
      ctx_.Warn(Cat("attribute ", name),
                Cat("unknown attribute `", name,
                    "` ignored (a newer docker/docker provider than hublint "
                    "knows?)"));
    }
  }
  const JsonNode* version =
      r.config ? r.config->Find("schema_version") : nullptr;
  if (version != nullptr && version->type == JsonNode::Type::kNumber &&
      version->number > static_cast<double>(r.schema->schema_version)) {
    ctx_.Warn(Cat("schema ", r.type),
              Cat(r.type, " has schema version ",
                  static_cast<int64_t>(version->number),
                  ", newer than version ", r.schema->schema_version,
                  " that hublint knows (docker/docker v0.6.0); its "
                  "attributes may be misread"));
  }
}

uint32_t PlanReader::SourceFile(const std::string& path) {
  std::vector<std::string>& files = state_->source_files;
  for (uint32_t i = 0; i < files.size(); ++i) {
    if (files[i] == path) return i;
  }
  files.push_back(path);
  return static_cast<uint32_t>(files.size() - 1);
}

void PlanReader::Locate(PlannedResource& r) {
  if (locator_) {
    if (std::optional<BlockLocator::Found> found =
            locator_->Find(r.module_names, r.type, r.name)) {
      r.location =
          Location{SourceFile(found->path), found->line, found->column};
      return;
    }
  }
  r.location = ctx_.LocationOf(r.entry->offset);
  r.location.file = SourceFile(ctx_.name());
}

void PlanReader::NoteOrganization(const PlannedResource& r) {
  const std::string_view attribute =
      r.type == "docker_hub_repository" ? "namespace" : "org_name";
  for (const JsonNode* values : {r.after, r.before}) {
    const JsonNode* v = values ? values->Find(attribute) : nullptr;
    if (v != nullptr && v->is_string() && !v->string.empty()) {
      org_names_.insert(v->string);
      if (first_org_resource_ == nullptr) first_org_resource_ = &r;
      return;
    }
  }
}

absl::Status PlanReader::SetOrganization() {
  for (const PlannedResource& r : resources_) NoteOrganization(r);
  if (org_names_.size() > 1) {
    std::vector<std::string> names(org_names_.begin(), org_names_.end());
    return ctx_.Error(Cat("the plan manages several organizations (",
                          Join(names, ", "),
                          "); hublint checks one organization at a time"));
  }
  if (org_names_.empty()) return absl::OkStatus();
  const std::string& name = *org_names_.begin();
  if (options_.base != nullptr && options_.base->org_name != name) {
    return ctx_.Error(Cat("the plan manages organization `", name,
                          "` but the snapshot is of `", options_.base->org_name,
                          "`"));
  }
  state_->org_name = name;
  if (options_.base == nullptr) {
    state_->org_location = first_org_resource_->location;
  }
  return absl::OkStatus();
}

// Changes Terraform deferred to a later plan are changes this one does not
// show: gaps of their part of the state.
void PlanReader::AddDeferredGaps() {
  const JsonNode* deferred = root_.Find("deferred_changes");
  if (deferred == nullptr) return;
  for (const JsonNode& d : deferred->elements) {
    const JsonNode* rc = d.Find("resource_change");
    const JsonNode* type = rc ? rc->Find("type") : nullptr;
    const JsonNode* provider = rc ? rc->Find("provider_name") : nullptr;
    const JsonNode* address = rc ? rc->Find("address") : nullptr;
    if (!type || !provider || !IsDockerHubProvider(provider->string)) continue;
    const DockerResourceSchema* schema = FindDockerResourceSchema(type->string);
    if (schema == nullptr) continue;
    state_->source.complete = false;
    state_->source.gaps.push_back(
        {std::string(schema->state_part),
         Cat(address ? address->string : type->string,
             ": deferred by Terraform to a later plan")});
  }
}

absl::Status PlanReader::ReadResourceChanges() {
  const JsonNode* changes = root_.Find("resource_changes");
  if (changes == nullptr || changes->is_null()) return absl::OkStatus();
  if (!changes->is_array()) {
    return ctx_.Error(changes->offset,
                      Cat("`resource_changes`: expected an array, got ",
                          JsonTypeName(changes->type)));
  }
  resources_.reserve(changes->elements.size());
  for (size_t i = 0; i < changes->elements.size(); ++i) {
    RETURN_IF_ERROR(Decode(i, changes->elements[i]));
  }
  return absl::OkStatus();
}

absl::Status PlanReader::Read() {
  RETURN_IF_ERROR(CheckIsPlan());
  configuration_ = root_.Find("configuration");
  if (!options_.tf_dir.empty()) {
    locator_.emplace(options_.tf_dir, options_.files ? *options_.files : disk_,
                     configuration_);
  }
  const bool has_base = options_.base != nullptr;
  if (has_base) {
    *state_ = *options_.base;
  } else {
    state_->source.partial_view = true;
  }
  state_->source.kind = "tfplan";
  SourceFile(ctx_.name());
  if (const JsonNode* t = root_.Find("timestamp"); t && t->is_string()) {
    absl::StatusOr<absl::Time> when = ParseRfc3339(t->string);
    if (!when.ok()) {
      return ctx_.Error(t->offset,
                        Cat("`timestamp`: ", ToStd(when.status().message())));
    }
    state_->collected_at = *when;
  }
  RETURN_IF_ERROR(ReadResourceChanges());
  RETURN_IF_ERROR(SetOrganization());
  if (!has_base && state_->org_location == Location{}) {
    state_->org_location = Location{SourceFile(ctx_.name()), 1, 1};
  }
  tfplan_internal::StateBuilder builder(
      ctx_, state_, has_base, configuration_,
      tfplan_internal::DataSourceTeamIds(root_.Find("prior_state"),
                                         root_.Find("resource_changes")));
  RETURN_IF_ERROR(builder.Apply(resources_));
  AddDeferredGaps();
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<OrgState> ReadTerraformPlan(std::string text, std::string name,
                                           const TfPlanOptions& options) {
  std::set<std::string> members;
  auto keep = [&](std::string_view key) {
    members.emplace(key);
    return std::find(std::begin(kKeptMembers), std::end(kKeptMembers), key) !=
           std::end(kKeptMembers);
  };
  std::variant<JsonNode, JsonParseError> parsed =
      ParseJsonTree(text, keep, options.max_depth);
  SourceText source(std::move(name), std::move(text));
  if (const auto* error = std::get_if<JsonParseError>(&parsed)) {
    return absl::InvalidArgumentError(FormatDiagnostic(
        source.name(), source.PositionOf(error->offset), "",
        Cat("not a Terraform plan: not valid JSON: ", error->message)));
  }
  OrgState state;
  PlanReader reader(std::get<JsonNode>(parsed), members, source, options,
                    &state);
  RETURN_IF_ERROR(reader.Read());
  std::vector<StateProblem> problems = state.Finalize();
  if (!problems.empty()) {
    const StateProblem& first = problems.front();
    const Location& at = first.location;
    std::string where = at.file < state.source_files.size()
                            ? state.source_files[at.file]
                            : source.name();
    std::string message = FormatDiagnostic(
        where, TextPosition{at.line, at.column}, "", first.message);
    if (problems.size() > 1) {
      Append(&message, "\n(and ", problems.size() - 1, " more problem",
             problems.size() > 2 ? "s" : "", ")");
    }
    return absl::InvalidArgumentError(message);
  }
  return state;
}

absl::StatusOr<OrgState> ReadTerraformPlanFile(const std::string& path,
                                               const TfPlanOptions& options) {
  ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return ReadTerraformPlan(std::move(text), path == "-" ? "<stdin>" : path,
                           options);
}

}  // namespace hublint
