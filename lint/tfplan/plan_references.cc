#include "lint/tfplan/plan_references.h"

#include "lint/tfplan/provider_schema.h"
#include "lint/util/strings.h"

namespace hublint::tfplan_internal {
namespace {

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// At `[` in `s`: the offset just past the matching `]`, skipping quoted
// strings (instance keys may hold `]` and `.`).
size_t SkipBrackets(std::string_view s, size_t i) {
  bool quoted = false;
  for (++i; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ']') {
      return i + 1;
    }
  }
  return s.size();
}

// Reads `NAME` and an optional `[key]` at `*i`.
std::string_view ReadName(std::string_view s, size_t* i, std::string* key) {
  size_t start = *i;
  while (*i < s.size() && IsNameChar(s[*i])) ++*i;
  std::string_view name = s.substr(start, *i - start);
  key->clear();
  if (*i < s.size() && s[*i] == '[') {
    size_t end = SkipBrackets(s, *i);
    if (end - *i >= 2) key->assign(s.substr(*i + 1, end - *i - 2));
    *i = end;
  }
  return name;
}

std::string IndexKey(std::string_view module_address, std::string_view type,
                     std::string_view name) {
  return Cat(module_address, " ", type, ".", name);
}

const JsonNode* Path(const JsonNode* node,
                     std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    if (node == nullptr) return nullptr;
    node = node->Find(key);
  }
  return node;
}

// Whether `r` (a resource in `prior_state` or `resource_changes`) is a
// docker_org_team data source of docker/docker.
bool IsTeamDataSource(const JsonNode& r) {
  const JsonNode* mode = r.Find("mode");
  const JsonNode* type = r.Find("type");
  const JsonNode* provider = r.Find("provider_name");
  return mode && mode->string == "data" && type &&
         type->string == "docker_org_team" && provider &&
         IsDockerHubProvider(provider->string);
}

void AddTeamId(const JsonNode* values, std::map<int64_t, std::string>* out) {
  const JsonNode* id = values ? values->Find("id") : nullptr;
  const JsonNode* team = values ? values->Find("team_name") : nullptr;
  if (id && id->type == JsonNode::Type::kNumber && team && team->is_string()) {
    (*out)[static_cast<int64_t>(id->number)] = team->string;
  }
}

void TeamIdsFrom(const JsonNode* module, std::map<int64_t, std::string>* out) {
  if (module == nullptr) return;
  if (const JsonNode* resources = module->Find("resources")) {
    for (const JsonNode& r : resources->elements) {
      if (IsTeamDataSource(r)) AddTeamId(r.Find("values"), out);
    }
  }
  if (const JsonNode* children = module->Find("child_modules")) {
    for (const JsonNode& child : children->elements) TeamIdsFrom(&child, out);
  }
}

}  // namespace

std::vector<std::string> ModuleNames(std::string_view module_address) {
  std::vector<std::string> names;
  size_t i = 0;
  std::string key;
  while (i < module_address.size()) {
    if (module_address.substr(i).starts_with("module.")) i += 7;
    std::string_view name = ReadName(module_address, &i, &key);
    if (name.empty()) break;
    names.emplace_back(name);
    if (i < module_address.size() && module_address[i] == '.') ++i;
  }
  return names;
}

std::string InstanceKey(std::string_view address, std::string_view type,
                        std::string_view name) {
  std::string prefix = Cat(type, ".", name, "[");
  size_t at = address.rfind(prefix);
  if (at == std::string_view::npos) return "";
  size_t open = at + prefix.size() - 1;
  size_t end = SkipBrackets(address, open);
  if (end - open < 2) return "";
  return std::string(address.substr(open + 1, end - open - 2));
}

const JsonNode* ConfigModule(const JsonNode* configuration,
                             const std::vector<std::string>& module_names) {
  const JsonNode* module = Path(configuration, {"root_module"});
  for (const std::string& name : module_names) {
    module = Path(module, {"module_calls", name, "module"});
  }
  return module;
}

const JsonNode* ConfigResource(const JsonNode* module, std::string_view type,
                               std::string_view name) {
  const JsonNode* resources = Path(module, {"resources"});
  if (resources == nullptr) return nullptr;
  std::string address = Cat(type, ".", name);
  for (const JsonNode& r : resources->elements) {
    const JsonNode* a = r.Find("address");
    if (a != nullptr && a->string == address) return &r;
  }
  return nullptr;
}

std::optional<std::string> ProviderUsername(const JsonNode* configuration,
                                            const JsonNode* config) {
  const JsonNode* providers = Path(configuration, {"provider_config"});
  if (providers == nullptr) return std::nullopt;
  const JsonNode* key = Path(config, {"provider_config_key"});
  const JsonNode* chosen = nullptr;
  int docker_providers = 0;
  for (const auto& [k, p] : providers->members) {
    const JsonNode* full_name = p.Find("full_name");
    if (full_name == nullptr || !IsDockerHubProvider(full_name->string)) {
      continue;
    }
    ++docker_providers;
    if (key != nullptr && k == key->string) chosen = &p;
    if (chosen == nullptr && docker_providers == 1) chosen = &p;
  }
  if (chosen == nullptr || (docker_providers > 1 && key == nullptr)) {
    return std::nullopt;
  }
  const JsonNode* username =
      Path(chosen, {"expressions", "username", "constant_value"});
  if (username == nullptr || !username->is_string()) return std::nullopt;
  return username->string;
}

std::map<int64_t, std::string> DataSourceTeamIds(
    const JsonNode* prior_state, const JsonNode* resource_changes) {
  std::map<int64_t, std::string> ids;
  TeamIdsFrom(Path(prior_state, {"values", "root_module"}), &ids);
  if (resource_changes != nullptr) {
    for (const JsonNode& r : resource_changes->elements) {
      if (IsTeamDataSource(r)) AddTeamId(Path(&r, {"change", "after"}), &ids);
    }
  }
  return ids;
}

PlanIndex::PlanIndex(const std::vector<PlannedResource>& resources) {
  for (const PlannedResource& r : resources) {
    by_name_[IndexKey(r.module_address, r.type, r.name)].push_back(&r);
  }
}

const PlannedResource* PlanIndex::Referenced(
    const PlannedResource& r, std::string_view attribute,
    std::string_view target_type) const {
  const JsonNode* references =
      Path(r.config, {"expressions", attribute, "references"});
  if (references == nullptr) return nullptr;
  for (const JsonNode& ref : references->elements) {
    std::string_view text = ref.string;
    if (!text.starts_with(Cat(target_type, "."))) continue;
    size_t i = target_type.size() + 1;
    std::string key;
    std::string_view name = ReadName(text, &i, &key);
    auto it = by_name_.find(IndexKey(r.module_address, target_type, name));
    if (it == by_name_.end()) continue;
    const std::vector<const PlannedResource*>& instances = it->second;
    for (const std::string& want : {key, r.instance_key}) {
      if (want.empty()) continue;
      for (const PlannedResource* candidate : instances) {
        if (candidate->instance_key == want) return candidate;
      }
    }
    if (instances.size() == 1 && key.empty()) return instances[0];
  }
  return nullptr;
}

}  // namespace hublint::tfplan_internal
