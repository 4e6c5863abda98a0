#include "lint/config/state_merge.h"

#include <algorithm>

#include "lint/util/strings.h"

namespace hublint {
namespace {

// The index of `file` in state->source_files, appending it when new.
uint32_t SourceFileIndex(const std::string& file, OrgState* state) {
  auto it =
      std::find(state->source_files.begin(), state->source_files.end(), file);
  if (it != state->source_files.end()) {
    return static_cast<uint32_t>(it - state->source_files.begin());
  }
  state->source_files.push_back(file);
  return static_cast<uint32_t>(state->source_files.size() - 1);
}

void MergeIntegrations(const Config& config, OrgState* state,
                       std::vector<Notification>* notes) {
  if (config.integrations.empty()) return;
  uint32_t file = SourceFileIndex(config.file, state);
  for (const DeclaredIntegration& declared : config.integrations) {
    Integration integration = declared.integration;
    integration.location = {file, declared.at.position.line,
                            declared.at.position.column};
    auto same = std::find_if(
        state->integrations.begin(), state->integrations.end(),
        [&](const Integration& i) { return i.name == integration.name; });
    if (same == state->integrations.end()) {
      state->integrations.push_back(std::move(integration));
      continue;
    }
    if (!(*same == integration)) {
      notes->push_back(
          {Level::kNote,
           Cat(declared.at.ToString(), ": integration `", integration.name,
               "` is also in the state, declared differently; the config's "
               "declaration is used")});
    }
    *same = std::move(integration);
  }
}

}  // namespace

absl::StatusOr<std::vector<Notification>> MergeConfigIntoState(
    const Config& config, OrgState* state) {
  const std::string& org = config.org.value;
  if (!org.empty() && !state->org_name.empty() && org != state->org_name) {
    return absl::InvalidArgumentError(config.Diagnostic(
        config.org.from,
        Cat("the configuration is for organization `", org,
            "`, but the state is of `", state->org_name, "`")));
  }
  // The exports are the only part that can fail, and MergeMfaSources()
  // reads them all before it changes anything; merging them first keeps
  // the state unchanged on error without copying it.
  absl::StatusOr<std::vector<Notification>> mfa =
      MergeMfaSources(config.mfa_sources, state);
  if (!mfa.ok()) return mfa.status();
  std::vector<Notification> notes;
  MergeIntegrations(config, state, &notes);
  if (const std::optional<bool>& sso = config.sso_enforced.value; sso) {
    std::optional<bool>& known = state->settings.sso_enforced;
    if (!known) {
      known = *sso;
    } else if (*known != *sso) {
      notes.push_back({Level::kWarning,
                       Cat(config.sso_enforced.from.ToString(),
                           ": sso_enforced is ", *sso ? "true" : "false",
                           " in the config but ", *known ? "true" : "false",
                           " in the state; the state's value is used")});
    }
  }
  notes.insert(notes.end(), mfa->begin(), mfa->end());
  return notes;
}

}  // namespace hublint
