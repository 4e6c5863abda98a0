#include "lint/cli/malloc_tuning.h"

#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <ostream>
#include <vector>

#if defined(__linux__)
#include <sys/auxv.h>
#endif

#include "lint/util/files.h"
#include "lint/util/strings.h"

extern char** environ;

namespace hublint::cli {
namespace {

constexpr char kHugePagesTunable[] = "glibc.malloc.hugetlb";
constexpr int kHugeBlockOrder = 9;  // 2^9 pages of 4 KiB: 2 MiB
constexpr uint64_t kPageBytes = 4096;

// The pieces of `text` between `separator`s, empty ones included.
std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> pieces;
  for (size_t start = 0;;) {
    size_t end = text.find(separator, start);
    pieces.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return pieces;
    start = end + 1;
  }
}

// Whether GLIBC_TUNABLES (name=value pairs joined by ':') sets `name`.
bool MentionsTunable(std::string_view tunables, std::string_view name) {
  for (std::string_view pair : Split(tunables, ':')) {
    if (pair.substr(0, pair.find('=')) == name) return true;
  }
  return false;
}

// "always [madvise] never": the bracketed word is the kernel's mode.
bool KernelOffersHugePages(std::string_view thp_enabled) {
  return thp_enabled.find("[always]") != std::string_view::npos ||
         thp_enabled.find("[madvise]") != std::string_view::npos;
}

// Bytes of --state and --tfplan files (standard input and files that cannot
// be read count 0: their reader says what is wrong).
uint64_t InputBytes(const ParsedArgs& args) {
  uint64_t total = 0;
  for (const char* flag : {"state", "tfplan"}) {
    std::optional<std::string> path = args.Value(flag);
    if (!path || *path == "-") continue;
    std::error_code ec;
    uintmax_t size = std::filesystem::file_size(*path, ec);
    if (!ec) total += size;
  }
  return total;
}

}  // namespace

uint64_t FreeBytesInHugeBlocks(std::string_view buddyinfo) {
  // "Node 0, zone   Normal  12893   6268 ...": the counts of free blocks of
  // order 0, 1, 2... after the zone's name.
  uint64_t total = 0;
  for (std::string_view line : Split(buddyinfo, '\n')) {
    size_t zone = line.find("zone");
    if (zone == std::string_view::npos) continue;
    std::vector<std::string_view> words;
    for (std::string_view word : Split(line.substr(zone), ' ')) {
      if (!word.empty()) words.push_back(word);
    }
    // words[0] is "zone", words[1] the zone's name, then the counts.
    for (size_t order = 0; order + 2 < words.size(); ++order) {
      std::string_view word = words[order + 2];
      uint64_t count = 0;
      auto [end, error] =
          std::from_chars(word.data(), word.data() + word.size(), count);
      if (error != std::errc() || end != word.data() + word.size()) break;
      if (order >= kHugeBlockOrder) total += count * (kPageBytes << order);
    }
  }
  return total;
}

MallocTuningPlan PlanMallocTuning(const MallocTuningFacts& facts,
                                  uint64_t input_bytes) {
  MallocTuningPlan plan;
  std::string setting = facts.setting.value_or("auto");
  if (setting != "auto" && setting != "on" && setting != "off") {
    plan.warning = Cat("HUBLINT_MALLOC_TUNING is `", setting,
                       "`, not auto, on or off; using auto");
    setting = "auto";
  }
  if (setting == "off" || !facts.tunable_supported) return plan;
  std::string given = facts.glibc_tunables.value_or("");
  if (MentionsTunable(given, kHugePagesTunable)) return plan;
  if (setting == "auto") {
    if (!KernelOffersHugePages(facts.thp_enabled)) return plan;
    if (input_bytes < kMallocTuningMinInputBytes) return plan;
    if (FreeBytesInHugeBlocks(facts.buddyinfo) / input_bytes <
        kHugeBlockBytesPerInputByte) {
      return plan;
    }
  }
  plan.restart = true;
  plan.glibc_tunables = Cat(kHugePagesTunable, "=1");
  if (!given.empty())
    plan.glibc_tunables = Cat(given, ":", plan.glibc_tunables);
  return plan;
}

MallocTuningFacts ReadMallocTuningFacts(const Environment& env) {
  MallocTuningFacts facts;
  facts.setting = env.Get("HUBLINT_MALLOC_TUNING");
  facts.glibc_tunables = env.Get("GLIBC_TUNABLES");
  // Unreadable (no such kernel feature): empty, which offers nothing.
  facts.thp_enabled =
      ReadFile("/sys/kernel/mm/transparent_hugepage/enabled").value_or("");
  facts.buddyinfo = ReadFile("/proc/buddyinfo").value_or("");
#if defined(__linux__) && defined(__GLIBC__) && \
    (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 35))
  facts.tunable_supported = getauxval(AT_SECURE) == 0;
#endif
  return facts;
}

absl::Status ExecWithGlibcTunables(const char* program, char* const argv[],
                                   const std::string& glibc_tunables) {
  std::string assignment = Cat("GLIBC_TUNABLES=", glibc_tunables);
  std::vector<char*> env;
  for (char** var = environ; var != nullptr && *var != nullptr; ++var) {
    if (std::strncmp(*var, "GLIBC_TUNABLES=", 15) != 0) env.push_back(*var);
  }
  env.push_back(assignment.data());
  env.push_back(nullptr);
  ::execve(program, argv, env.data());
  return absl::ErrnoToStatus(errno, Cat("cannot run ", program));
}

void RestartWithMallocTuningIfWorthwhile(const ParsedArgs& args,
                                         CommandContext& ctx) {
  if (ctx.argv == nullptr) return;
  MallocTuningPlan plan =
      PlanMallocTuning(ReadMallocTuningFacts(ctx.env), InputBytes(args));
  if (plan.restart) {
    // The binary's own path rather than /proc/self/exe, which would make
    // the process's name (ps, top) `exe`.
    std::error_code ec;
    std::string self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
      (void)ExecWithGlibcTunables(self.c_str(), ctx.argv, plan.glibc_tunables);
    }
    // Still here: the restart failed, and the command goes on with malloc's
    // defaults (slower, not wrong). A restarted process gives the warning
    // itself.
  }
  if (!plan.warning.empty()) {
    ctx.err << "hublint: warning: " << plan.warning << "\n";
  }
}

}  // namespace hublint::cli
