#ifndef HUBLINT_CLI_MALLOC_TUNING_H_
#define HUBLINT_CLI_MALLOC_TUNING_H_

// glibc malloc's huge pages for the commands that read a large state
// (`hublint check`, `hublint eval`), set by restarting the process once.
//
// Reading a 100,000-member snapshot touches about 200 MB of new memory. With
// 4 KiB pages that is some 50,000 page faults, and on a virtual machine each
// can cost several microseconds (7-10 us on the 2-core machine of
// 2026-12-07, night: half of the run). With glibc.malloc.hugetlb=1 malloc
// asks the kernel for transparent huge pages (2 MiB): one fault where there
// were 512. glibc reads the tunable only as the process starts, from
// GLIBC_TUNABLES, hence the restart; it is made when the input is large and
// the kernel has free 2 MiB blocks to give (without them it would compact
// memory in the faulting process's time, which was slower than small
// pages). Measured in docs/performance.md, "Memory allocation".
//
// HUBLINT_MALLOC_TUNING chooses: `auto` (the default: as above), `on`
// (restart whatever the input and the kernel's free blocks), `off` (never).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "lint/cli/command.h"
#include "lint/util/environment.h"

namespace hublint::cli {

// Smaller inputs take as long either way (0.6 and 1.3 MB snapshots;
// 6.3 MB: 0.32 s against 0.42 s): not worth a restart (about 10 ms).
inline constexpr uint64_t kMallocTuningMinInputBytes = uint64_t{4} << 20;

// Free memory, in blocks of 2 MiB or more, the kernel must have for each
// byte of input: the whole built-in pack peaks at about 9 times the
// snapshot's size (docs/performance.md).
inline constexpr uint64_t kHugeBlockBytesPerInputByte = 10;

// What the decision is made from: read from the running system by
// ReadMallocTuningFacts(), written out by hand in tests.
struct MallocTuningFacts {
  // HUBLINT_MALLOC_TUNING; nullopt when unset (the same as "auto").
  std::optional<std::string> setting;
  // GLIBC_TUNABLES as this process got it; nullopt when unset.
  std::optional<std::string> glibc_tunables;
  // /sys/kernel/mm/transparent_hugepage/enabled, like
  // "always [madvise] never"; empty when the kernel has no such file.
  std::string thp_enabled;
  // /proc/buddyinfo: the kernel's free blocks, by size.
  std::string buddyinfo;
  // Whether glibc supports the tunable (2.35 and later) and honours it here
  // (not in a setuid process).
  bool tunable_supported = false;
};

struct MallocTuningPlan {
  bool restart = false;
  // GLIBC_TUNABLES for the restarted process: the tunables the process got,
  // then glibc.malloc.hugetlb=1.
  std::string glibc_tunables;
  // Set when HUBLINT_MALLOC_TUNING has a value other than auto, on and off
  // (which then counts as auto).
  std::string warning;
};

// Decides whether to restart for an input of `input_bytes`. A process that
// already has glibc.malloc.hugetlb in GLIBC_TUNABLES (set by the user, or by
// the restart) never restarts.
MallocTuningPlan PlanMallocTuning(const MallocTuningFacts& facts,
                                  uint64_t input_bytes);

// The free memory of /proc/buddyinfo in blocks of 2 MiB (order 9 of 4 KiB
// pages) and more, in bytes, over every zone. Lines it cannot read count 0.
uint64_t FreeBytesInHugeBlocks(std::string_view buddyinfo);

// The facts of the running process and kernel.
MallocTuningFacts ReadMallocTuningFacts(const Environment& env);

// Replaces the process by `program` run with `argv` (null-terminated) and
// this process's environment, GLIBC_TUNABLES set to `glibc_tunables`.
// Returns only when it fails.
absl::Status ExecWithGlibcTunables(const char* program, char* const argv[],
                                   const std::string& glibc_tunables);

// Restarts the process (ctx.argv, the binary /proc/self/exe names) with huge
// pages when PlanMallocTuning() says so for the files of --state and --tfplan.
// Returns when it does not restart, or when the restart fails (the command then
// runs as it is). Call it before anything is written.
void RestartWithMallocTuningIfWorthwhile(const ParsedArgs& args,
                                         CommandContext& ctx);

}  // namespace hublint::cli

#endif  // HUBLINT_CLI_MALLOC_TUNING_H_
