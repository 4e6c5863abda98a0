#ifndef HUBLINT_CLI_FLAGS_H_
#define HUBLINT_CLI_FLAGS_H_

// Command-line flags: `--name value`, `--name=value`, switches `--name`,
// repeatable flags, and `--` to end the flags. Unknown flags are errors with
// a suggestion ("unknown flag `--formt`; did you mean `--format`?").

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace hublint::cli {

struct FlagSpec {
  std::string name;         // "state" for --state
  std::string value_name;   // "FILE"; empty for a switch that takes no value
  std::string help;         // one line
  bool repeatable = false;  // may be given several times (--format, --rules)
};

class ParsedArgs {
 public:
  bool Has(const std::string& name) const { return values_.contains(name); }
  // The flag's value (the last one for a repeatable flag), or nullopt.
  std::optional<std::string> Value(const std::string& name) const;
  // Every value given for `name`, in order (empty when not given).
  const std::vector<std::string>& Values(const std::string& name) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  friend absl::StatusOr<ParsedArgs> ParseArgs(
      const std::vector<std::string>& args, const std::vector<FlagSpec>& specs);
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positional_;
};

// Parses `args` (the words after the command name). Errors are
// kInvalidArgument with a one-line message.
absl::StatusOr<ParsedArgs> ParseArgs(const std::vector<std::string>& args,
                                     const std::vector<FlagSpec>& specs);

// The "Options:" table of a command's --help, aligned.
std::string FlagTable(const std::vector<FlagSpec>& specs);

}  // namespace hublint::cli

#endif  // HUBLINT_CLI_FLAGS_H_
