#ifndef HUBLINT_UTIL_EXIT_CODE_H_
#define HUBLINT_UTIL_EXIT_CODE_H_

namespace hublint {

// The exit codes of every hublint command (DESIGN.md, "Exit codes"). The
// command decides by stage: a flag, config or rule problem is kUsage; a state
// that could not be collected or read (missing, malformed, incomplete) is
// kIncomplete, because no verdict can be given on it.
enum class ExitCode : int {
  // Checked; no unwaived finding at or above --fail-on.
  kClean = 0,
  // Checked; at least one unwaived finding at or above --fail-on.
  kFindings = 1,
  // Usage or configuration error: bad flag, unreadable or invalid rule,
  // config, waiver or input file.
  kUsage = 2,
  // The state could not be collected or read completely: no verdict.
  kIncomplete = 3,
};

}  // namespace hublint

#endif  // HUBLINT_UTIL_EXIT_CODE_H_
