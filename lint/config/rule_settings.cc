#include "lint/config/rule_settings.h"

#include <algorithm>
#include <map>
#include <set>

#include "lint/util/spelling.h"
#include "lint/util/strings.h"

namespace hublint {

absl::Status ApplyRuleSettings(const Config& config, std::vector<Rule>* rules) {
  std::map<std::string, size_t> by_id;
  std::vector<std::string> ids;
  for (size_t i = 0; i < rules->size(); ++i) {
    by_id[(*rules)[i].info.id] = i;
    ids.push_back((*rules)[i].info.id);
  }
  std::vector<std::string> errors;
  // Checked first, applied only when everything is right.
  std::vector<Rule> updated = *rules;
  std::set<std::string> disabled;
  for (const RuleSettings& settings : config.rules) {
    auto found = by_id.find(settings.rule_id);
    if (found == by_id.end()) {
      errors.push_back(config.Diagnostic(
          settings.at, Cat("unknown rule `", settings.rule_id, "`",
                           DidYouMean(settings.rule_id, ids))));
      continue;
    }
    Rule& rule = updated[found->second];
    if (settings.enabled && !settings.enabled->value) {
      disabled.insert(rule.info.id);
    }
    if (settings.level) rule.info.level = settings.level->value;
    for (const RuleSettings::Param& param : settings.params) {
      auto declared = rule.params.find(param.name);
      if (declared == rule.params.end()) {
        std::vector<std::string> names;
        for (const auto& [name, value] : rule.params) names.push_back(name);
        std::string message =
            names.empty() ? Cat("rule ", rule.info.id, " has no parameters; `",
                                param.name, "` cannot be set")
                          : Cat("rule ", rule.info.id, " has no parameter `",
                                param.name, "`", DidYouMean(param.name, names),
                                " (parameters: ", Join(names, ", "), ")");
        errors.push_back(config.Diagnostic(param.name_at, message));
        continue;
      }
      ParamValue value = param.value;
      if (std::holds_alternative<double>(declared->second) &&
          std::holds_alternative<int64_t>(value)) {
        value = static_cast<double>(std::get<int64_t>(value));
      }
      if (value.index() != declared->second.index()) {
        errors.push_back(config.Diagnostic(
            param.value_at,
            Cat("parameter `", param.name, "` of ", rule.info.id, " is ",
                ParamTypeName(declared->second), ", not ",
                ParamTypeName(value))));
        continue;
      }
      declared->second = std::move(value);
    }
  }
  absl::Status waivers =
      CheckWaiverRules(config.waivers, ids, config.file_text);
  if (!waivers.ok()) errors.emplace_back(ToStd(waivers.message()));
  if (!errors.empty()) return absl::InvalidArgumentError(Join(errors, "\n"));
  updated.erase(std::remove_if(updated.begin(), updated.end(),
                               [&disabled](const Rule& r) {
                                 return disabled.contains(r.info.id);
                               }),
                updated.end());
  *rules = std::move(updated);
  return absl::OkStatus();
}

}  // namespace hublint
