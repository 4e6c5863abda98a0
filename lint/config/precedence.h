#ifndef HUBLINT_CONFIG_PRECEDENCE_H_
#define HUBLINT_CONFIG_PRECEDENCE_H_

// Combines the config file, the environment and the flags into the
// effective Config. Precedence, highest first:
//
//   flags  >  environment  >  config file  >  defaults
//
// Which file: --no-config reads none; else --config PATH; else
// $HUBLINT_CONFIG; else the nearest .hublint.toml from the working
// directory up (config_file.h). --config and --no-config together are a
// usage error, and so is a named file that does not exist.
//
// The environment variables (an empty value counts as unset):
//
//   HUBLINT_CONFIG          the config file          (like --config)
//   HUBLINT_ORG             org                      (like --org)
//   HUBLINT_API_URL         api_url                  (like --api-url)
//   HUBLINT_RULES           rule_paths, ':'-separated (like --rules)
//   HUBLINT_FAIL_ON         error|warning|note|never (like --fail-on)
//   HUBLINT_FAIL_ON_REVIEW  true|false|1|0|yes|no    (like --fail-on-review)
//   HUBLINT_FAIL_ON_NEW     true|false|1|0|yes|no    (like --fail-on-new)
//   HUBLINT_BASELINE        a SARIF file             (like --baseline)
//
// A value set at a higher level replaces the lower one whole: lists
// (--rules, the --format/--output pairs) are not merged with the file's.
// Switches (--fail-on-review, --fail-on-new) can only turn a setting on;
// HUBLINT_FAIL_ON_REVIEW=false turns off a file's `fail_on_review = true`.
// Tables ([rules.*], [[waiver]], [[integration]], [[mfa_source]],
// sso_enforced, packs, [[output]]) come from the file only, except that
// --format/--output replace [[output]].
//
// Errors are kInvalidArgument (exit 2) and name the source: a diagnostic
// with file:line:col for the file, "env HUBLINT_FAIL_ON: ..." or
// "flag --fail-on: ..." otherwise.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "lint/config/config.h"
#include "lint/util/environment.h"

namespace hublint {

inline constexpr char kEnvConfig[] = "HUBLINT_CONFIG";
inline constexpr char kEnvOrg[] = "HUBLINT_ORG";
inline constexpr char kEnvApiUrl[] = "HUBLINT_API_URL";
inline constexpr char kEnvRules[] = "HUBLINT_RULES";
inline constexpr char kEnvFailOn[] = "HUBLINT_FAIL_ON";
inline constexpr char kEnvFailOnReview[] = "HUBLINT_FAIL_ON_REVIEW";
inline constexpr char kEnvFailOnNew[] = "HUBLINT_FAIL_ON_NEW";
inline constexpr char kEnvBaseline[] = "HUBLINT_BASELINE";

// What the command line said. A flag the command does not have stays
// unset; paths are relative to the working directory.
struct FlagValues {
  std::optional<std::string> config;    // --config PATH
  bool no_config = false;               // --no-config
  std::optional<std::string> org;       // --org NAME
  std::optional<std::string> api_url;   // --api-url URL
  std::vector<std::string> rules;       // --rules PATH...
  std::vector<std::string> formats;     // --format FMT...
  std::vector<std::string> outputs;     // --output FILE..., paired in order
  std::optional<std::string> fail_on;   // --fail-on LEVEL
  bool fail_on_review = false;          // --fail-on-review
  bool fail_on_new = false;             // --fail-on-new
  std::optional<std::string> baseline;  // --baseline FILE
};

// The effective configuration. `working_directory` is where discovery
// starts and what relative flag paths are joined to ("" or "." for the
// process's own).
absl::StatusOr<Config> ResolveConfig(
    const FlagValues& flags, const Environment& env,
    const std::filesystem::path& working_directory);

}  // namespace hublint

#endif  // HUBLINT_CONFIG_PRECEDENCE_H_
