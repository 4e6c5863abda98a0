#ifndef HUBLINT_CONFIG_CONFIG_H_
#define HUBLINT_CONFIG_CONFIG_H_

// Config: the effective configuration of one run, after the config file,
// the environment and the flags have been combined (precedence.h). Every
// value carries its provenance: the default, a line of .hublint.toml, an
// environment variable or a flag. `hublint config show` prints them all;
// docs/configuration.md documents every key.
//
// Paths written in the config file are relative to the file's folder, and
// are stored here already resolved against it (so they open from the
// working directory); paths from flags and the environment are relative to
// the working directory.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lint/config/mfa_source.h"
#include "lint/config/provenance.h"
#include "lint/config/waiver.h"
#include "lint/findings/finding.h"
#include "lint/model/integration.h"
#include "lint/report/output_spec.h"
#include "lint/rules/rule.h"
#include "lint/util/source_text.h"

namespace hublint {

// A [rules.<ID>] table: what the config changes about one rule.
struct RuleSettings {
  std::string rule_id;
  Provenance at;  // the table's header (or its first key)
  // Default: the rule stays enabled.
  std::optional<Setting<bool>> enabled;
  // Default: the rule's own level.
  std::optional<Setting<Level>> level;
  // Overrides of the rule's [params], sorted by name (TOML tables have no
  // order); type-checked against
  // the rule's declared defaults by ApplyRuleSettings().
  struct Param {
    std::string name;
    ParamValue value;
    Provenance name_at;   // the key
    Provenance value_at;  // the value
  };
  std::vector<Param> params;
};

// An [[integration]] table: a third party declared in the config, merged
// into the state (state_merge.h).
struct DeclaredIntegration {
  Integration integration;  // name, kind, username, token_label, token_id
  Provenance at;            // the [[integration]] table
};

// The level at which findings fail the run (--fail-on), or never.
struct FailOn {
  std::optional<Level> level;  // nullopt: never
  bool operator==(const FailOn&) const = default;
};

// "error", "warning", "note", "never".
std::string_view FailOnName(FailOn fail_on);
std::optional<FailOn> ParseFailOn(std::string_view name);

struct Config {
  // --- The config file.
  // The file that was read, as a path usable from the working directory
  // ("" when none was: none found, or --no-config).
  std::string file;
  // How it was chosen: default (found upward from the working directory,
  // or none found), env HUBLINT_CONFIG, flag --config, flag --no-config.
  Provenance file_from;
  // The file's text, for diagnostics about its values (null without one).
  std::shared_ptr<const SourceText> file_text;

  // --- Scalars. Each: config key / env var / flag.
  // `org` / HUBLINT_ORG / --org. Default "": the organization the state
  // names. When set, a state of another organization is an error.
  Setting<std::string> org{"", {}};
  // `api_url` / HUBLINT_API_URL / --api-url.
  Setting<std::string> api_url{"https://hub.docker.com", {}};
  // `packs` / - / -. The built-in rule packs to load. Default
  // ["dockerhub"].
  Setting<std::vector<std::string>> packs{{"dockerhub"}, {}};
  // `rule_paths` / HUBLINT_RULES (':'-separated) / --rules (repeatable).
  // Extra rule files or folders, loaded with the packs. Default none.
  Setting<std::vector<std::string>> rule_paths{{}, {}};
  // `[[output]]` / - / --format + --output pairs. Default none: the
  // reporter's default (text on standard output).
  Setting<std::vector<OutputSpec>> outputs{{}, {}};
  // `fail_on` / HUBLINT_FAIL_ON / --fail-on. Default error.
  Setting<FailOn> fail_on{{Level::kError}, {}};
  // `fail_on_review` / HUBLINT_FAIL_ON_REVIEW / --fail-on-review. Default
  // false: review results never fail the run.
  Setting<bool> fail_on_review{false, {}};
  // `fail_on_new` / HUBLINT_FAIL_ON_NEW / --fail-on-new. Default false.
  // Needs a baseline.
  Setting<bool> fail_on_new{false, {}};
  // `baseline` / HUBLINT_BASELINE / --baseline. Default "": no baseline.
  Setting<std::string> baseline{"", {}};
  // `sso_enforced` / - / -. Default unset: the state's value stands.
  Setting<std::optional<bool>> sso_enforced{std::nullopt, {}};

  // --- Tables, from the file only, in file order ([rules.*] sorted by id).
  std::vector<RuleSettings> rules;                // [rules.<ID>]
  std::vector<DeclaredIntegration> integrations;  // [[integration]]
  std::vector<MfaSource> mfa_sources;             // [[mfa_source]]
  std::vector<Waiver> waivers;                    // [[waiver]]

  // An error message about a configured value: file:line:col with the line
  // and a caret for file values, "env X: ..." or "flag --x: ..." otherwise.
  std::string Diagnostic(const Provenance& at, std::string_view message) const {
    return ConfigDiagnostic(file_text, at, message);
  }
};

}  // namespace hublint

#endif  // HUBLINT_CONFIG_CONFIG_H_
