#include "lint/cli/malloc_tuning.h"

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>

namespace hublint::cli {
namespace {

// /proc/buddyinfo of the 2-core machine: about 21 GiB free, nearly all of it
// in blocks of 4 MiB (order 10).
constexpr char kRoomyBuddyinfo[] =
    "Node 0, zone      DMA      0      0      0      0      0      0      0 "
    "     0      1      1      3 \n"
    "Node 0, zone    DMA32      2      5      5      6      2      3      2 "
    "     5      5      2    750 \n"
    "Node 0, zone   Normal  12893   6268   3076   2012    979    473    419 "
    "   387    289    148   4655 \n";

// Plenty of free memory, all of it in small blocks.
constexpr char kFragmentedBuddyinfo[] =
    "Node 0, zone   Normal 4000000 1000000 5000 100 0 0 0 0 0 1 0\n";

constexpr uint64_t kMiB = uint64_t{1} << 20;

TEST_CASE("Free memory in blocks of 2 MiB and more, from /proc/buddyinfo") {
  // Orders 9 and 10 only: DMA 1 x 2 + 3 x 4, DMA32 2 x 2 + 750 x 4,
  // Normal 148 x 2 + 4655 x 4 (MiB).
  CHECK(FreeBytesInHugeBlocks(kRoomyBuddyinfo) == 21934 * kMiB);
  CHECK(FreeBytesInHugeBlocks(kFragmentedBuddyinfo) == 2 * kMiB);
  CHECK(FreeBytesInHugeBlocks("") == 0);
  CHECK(FreeBytesInHugeBlocks("no zones here\n") == 0);
  // A count that is not a number ends its line's counts.
  CHECK(FreeBytesInHugeBlocks("Node 0, zone N 0 0 0 0 0 0 0 0 0 x 7\n") == 0);
}

MallocTuningFacts Roomy() {
  MallocTuningFacts facts;
  facts.thp_enabled = "always [madvise] never\n";
  facts.buddyinfo = kRoomyBuddyinfo;
  facts.tunable_supported = true;
  return facts;
}

TEST_CASE("When to restart with huge pages") {
  const uint64_t snapshot = 64 * kMiB;  // a 100,000-member snapshot
  struct {
    const char* name;
    MallocTuningFacts facts;
    uint64_t input_bytes;
    bool restart;
    const char* glibc_tunables;
  } cases[] = {
      {"large input, huge pages offered, free blocks", Roomy(), snapshot, true,
       "glibc.malloc.hugetlb=1"},
      {"smaller than the threshold", Roomy(), kMallocTuningMinInputBytes - 1,
       false, ""},
      {"at the threshold", Roomy(), kMallocTuningMinInputBytes, true,
       "glibc.malloc.hugetlb=1"},
      {"no input size known (standard input)", Roomy(), 0, false, ""},
      {"a million members", Roomy(), 648 * kMiB, true,
       "glibc.malloc.hugetlb=1"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    MallocTuningPlan plan = PlanMallocTuning(c.facts, c.input_bytes);
    CHECK(plan.restart == c.restart);
    CHECK(plan.glibc_tunables == c.glibc_tunables);
    CHECK(plan.warning.empty());
  }

  MallocTuningFacts facts = Roomy();
  SUBCASE("the kernel's mode") {
    facts.thp_enabled = "[always] madvise never";
    CHECK(PlanMallocTuning(facts, snapshot).restart);
    facts.thp_enabled = "always madvise [never]";
    CHECK_FALSE(PlanMallocTuning(facts, snapshot).restart);
    facts.thp_enabled = "";  // no transparent huge pages at all
    CHECK_FALSE(PlanMallocTuning(facts, snapshot).restart);
  }
  SUBCASE("free memory only in small blocks: the kernel would compact") {
    facts.buddyinfo = kFragmentedBuddyinfo;
    CHECK_FALSE(PlanMallocTuning(facts, snapshot).restart);
    // 10 bytes free in large blocks for each byte of input is enough.
    facts.buddyinfo = "Node 0, zone Normal 0 0 0 0 0 0 0 0 0 0 160\n";
    CHECK(PlanMallocTuning(facts, snapshot).restart);
    facts.buddyinfo = "Node 0, zone Normal 0 0 0 0 0 0 0 0 0 0 159\n";
    CHECK_FALSE(PlanMallocTuning(facts, snapshot).restart);
  }
  SUBCASE("the tunables the process got are kept") {
    facts.glibc_tunables = "glibc.malloc.check=0";
    CHECK(PlanMallocTuning(facts, snapshot).glibc_tunables ==
          "glibc.malloc.check=0:glibc.malloc.hugetlb=1");
    facts.glibc_tunables = "";
    CHECK(PlanMallocTuning(facts, snapshot).glibc_tunables ==
          "glibc.malloc.hugetlb=1");
    // Only the exact name counts as set.
    facts.glibc_tunables = "glibc.malloc.hugetlbx=1";
    CHECK(PlanMallocTuning(facts, snapshot).restart);
  }
  SUBCASE("already set, by the user or by the restart: never again") {
    for (const char* set : {"glibc.malloc.hugetlb=1", "glibc.malloc.hugetlb=0",
                            "glibc.malloc.check=0:glibc.malloc.hugetlb=1"}) {
      CAPTURE(set);
      facts.glibc_tunables = set;
      CHECK_FALSE(PlanMallocTuning(facts, snapshot).restart);
      facts.setting = "on";
      CHECK_FALSE(PlanMallocTuning(facts, snapshot).restart);
      facts.setting.reset();
    }
  }
  SUBCASE("HUBLINT_MALLOC_TUNING") {
    facts.setting = "off";
    CHECK_FALSE(PlanMallocTuning(facts, snapshot).restart);
    facts.setting = "auto";
    CHECK(PlanMallocTuning(facts, snapshot).restart);
    // `on` restarts whatever the input and the kernel's free blocks.
    facts.setting = "on";
    facts.buddyinfo = "";
    facts.thp_enabled = "always madvise [never]";
    CHECK(PlanMallocTuning(facts, 1).restart);
    facts = Roomy();
    facts.setting = "yes";
    MallocTuningPlan plan = PlanMallocTuning(facts, snapshot);
    CHECK(plan.restart);  // as auto
    CHECK(plan.warning ==
          "HUBLINT_MALLOC_TUNING is `yes`, not auto, on or off; using auto");
  }
  SUBCASE("a glibc without the tunable, or a setuid process: never") {
    facts.tunable_supported = false;
    CHECK_FALSE(PlanMallocTuning(facts, snapshot).restart);
    facts.setting = "on";
    CHECK_FALSE(PlanMallocTuning(facts, snapshot).restart);
  }
}

// Runs ExecWithGlibcTunables(program, argv) in a child process with
// GLIBC_TUNABLES=`inherited`; returns what the program printed.
std::string OutputOfExec(const char* program, std::vector<const char*> argv,
                         const char* inherited, const std::string& tunables) {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(fds[1], STDOUT_FILENO);
    ::close(fds[0]);
    ::setenv("GLIBC_TUNABLES", inherited, /*overwrite=*/1);
    argv.push_back(nullptr);
    absl::Status failed = ExecWithGlibcTunables(
        program, const_cast<char* const*>(argv.data()), tunables);
    std::string message(failed.message());
    (void)!::write(STDOUT_FILENO, message.data(), message.size());
    ::_exit(127);
  }
  ::close(fds[1]);
  std::string output;
  char buffer[512];
  ssize_t n;
  while ((n = ::read(fds[0], buffer, sizeof buffer)) > 0)
    output.append(buffer, n);
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return output;
}

TEST_CASE("The restarted program gets its arguments and the new tunables") {
  // One GLIBC_TUNABLES, the new one; the arguments as given; the rest of
  // the environment kept (PATH).
  std::string out = OutputOfExec(
      "/bin/sh",
      {"sh", "-c",
       "printf '%s|%s|%s|%s' \"$0\" \"$1\" \"$(env | grep -c "
       "'^GLIBC_TUNABLES=')\" \"$GLIBC_TUNABLES\"; test -n \"$PATH\" && "
       "printf '|path'",
       "zero", "one two"},
      "glibc.malloc.check=0", "glibc.malloc.check=0:glibc.malloc.hugetlb=1");
  CHECK(out ==
        "zero|one two|1|glibc.malloc.check=0:glibc.malloc.hugetlb=1|path");
}

TEST_CASE("A restart that cannot start says why and returns") {
  std::string out = OutputOfExec("/nonexistent/hublint", {"hublint"}, "",
                                 "glibc.malloc.hugetlb=1");
  CHECK(out == "cannot run /nonexistent/hublint: No such file or directory");
}

}  // namespace
}  // namespace hublint::cli
