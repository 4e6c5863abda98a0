#ifndef HUBLINT_CONFIG_PROVENANCE_H_
#define HUBLINT_CONFIG_PROVENANCE_H_

// Provenance: where an effective configuration value came from, so that
// `hublint config show` can say it and every error about a value can point
// at it: the built-in default, a line of the config file, an environment
// variable or a command-line flag.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "lint/util/source_text.h"

namespace hublint {

enum class ConfigOrigin : uint8_t { kDefault, kFile, kEnvironment, kFlag };

struct Provenance {
  ConfigOrigin origin = ConfigOrigin::kDefault;
  // The config file's path (kFile), the variable's name (kEnvironment,
  // "HUBLINT_ORG") or the flag's name without dashes (kFlag, "fail-on").
  std::string name;
  // kFile only: the byte offset of the value (or table) in the file, and
  // its 1-based line and column.
  size_t offset = 0;
  TextPosition position;

  static Provenance Default() { return Provenance{}; }
  static Provenance File(const SourceText& file, size_t offset);
  static Provenance Environment(std::string variable);
  static Provenance Flag(std::string flag);

  // "default", ".hublint.toml:3:7", "env HUBLINT_ORG", "flag --fail-on".
  std::string ToString() const;
};

// A value and where it came from.
template <typename T>
struct Setting {
  T value;
  Provenance from;
};

// Renders an error about a configured value: for a file value, a
// diagnostic with file:line:col, the source line and a caret (`file` is the
// config file's text); otherwise "env HUBLINT_FAIL_ON: message" or
// "flag --fail-on: message".
std::string ConfigDiagnostic(const std::shared_ptr<const SourceText>& file,
                             const Provenance& at, std::string_view message);

}  // namespace hublint

#endif  // HUBLINT_CONFIG_PROVENANCE_H_
