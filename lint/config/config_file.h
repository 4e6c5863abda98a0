#ifndef HUBLINT_CONFIG_CONFIG_FILE_H_
#define HUBLINT_CONFIG_CONFIG_FILE_H_

// The config file, .hublint.toml: finding it and reading it strictly.
//
// Discovery: the working directory, then each parent up to the filesystem
// root; the first .hublint.toml wins. `--config PATH` (or HUBLINT_CONFIG)
// names the file instead, and `--no-config` reads none (precedence.h).
//
// Reading is strict, because a misspelled key must never silently drop a
// waiver or a setting: unknown keys (with a suggestion), wrong types,
// missing required keys, values outside their set, malformed dates and
// resource names are all errors, each a diagnostic with file:line:col, the
// source line and a caret:
//
//   .hublint.toml:4:1: unknown key `fail-on`; did you mean `fail_on`?
//   fail-on = "warning"
//   ^
//
// Every mistake of the file is reported at once, in file order, one
// diagnostic after another. Errors are kInvalidArgument (exit 2).
//
// Rule ids in [rules.<ID>] and waivers are checked later, against the
// loaded rules (rule_settings.h), because the file is read before them.

#include <filesystem>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "lint/config/config.h"

namespace hublint {

inline constexpr std::string_view kConfigFileName = ".hublint.toml";

// The .hublint.toml in `working_directory` or its nearest parent that has
// one, as a path usable from the process: `working_directory` joined with
// "../" as often as needed (".hublint.toml", "../.hublint.toml" when
// `working_directory` is "" or "."). nullopt when no folder up to the
// filesystem root has one.
std::optional<std::string> FindConfigFile(
    const std::filesystem::path& working_directory);

// Reads the config in `text`: the defaults of Config, overridden by every
// value the file sets (provenance: `path`:line:col). `path` names the file
// in diagnostics, and its folder is what relative paths in the file are
// resolved against.
absl::StatusOr<Config> ParseConfigFile(std::string text,
                                       const std::string& path);

// Reads and parses the file at `path`. A file that cannot be read keeps
// ReadFile()'s code (kNotFound, ...) with a message naming it.
absl::StatusOr<Config> LoadConfigFile(const std::string& path);

}  // namespace hublint

#endif  // HUBLINT_CONFIG_CONFIG_FILE_H_
