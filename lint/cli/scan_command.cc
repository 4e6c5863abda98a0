#include <ostream>
#include <variant>

#include "lint/cli/check_pipeline.h"
#include "lint/cli/fetch_command.h"
#include "lint/state/snapshot_reader.h"
#include "lint/state/snapshot_writer.h"
#include "lint/util/exit_code.h"
#include "lint/util/files.h"
#include "lint/util/strings.h"

namespace hublint::cli {
namespace {

constexpr char kDefaultSnapshot[] = "hublint-snapshot.json";

int RunScan(const ParsedArgs& args, CommandContext& ctx) {
  if (!args.positional().empty()) {
    return UsageError(
        "scan", Cat("unexpected argument `", args.positional()[0], "`"), ctx);
  }
  // Configuration, rules, baseline and outputs first: a typo is found
  // before the organization is collected.
  std::variant<CheckSetup, int> setup = PrepareCheck("scan", args, ctx);
  if (int* code = std::get_if<int>(&setup)) return *code;
  Collection c =
      CollectFromFlags("scan", args, std::get<CheckSetup>(setup).config, ctx);
  if (!c.result) return c.exit_code;
  ReportCollection("scan", *c.result, ctx);
  // Keep the evidence first, then check what was kept: findings point at
  // lines of the snapshot file.
  std::string path = args.Value("snapshot").value_or(kDefaultSnapshot);
  std::string text = WriteSnapshot(c.result->state);
  absl::Status written = WriteFileAtomically(path, text);
  if (!written.ok()) {
    ctx.err << "hublint scan: cannot write the snapshot: "
            << ToStd(written.message()) << "\n";
    return static_cast<int>(ExitCode::kUsage);
  }
  if (!args.Has("quiet")) {
    ctx.err << "hublint scan: snapshot of " << c.result->state.org_name
            << " in " << path << "\n";
  }
  absl::StatusOr<OrgState> state = ReadSnapshot(std::move(text), path);
  if (!state.ok()) {
    ctx.err << "hublint scan: the snapshot cannot be read back: "
            << ToStd(state.status().message()) << "\n";
    return static_cast<int>(ExitCode::kIncomplete);
  }
  return RunChecks("scan", *std::move(state), std::get<CheckSetup>(setup), ctx);
}

}  // namespace

Command ScanCommand() {
  // The collection flags, then every check flag but those naming where the
  // state comes from (it comes from the API), so scan follows check as
  // check grows. A flag both have is listed once, as check defines it.
  std::vector<FlagSpec> check_flags = CheckFlags();
  auto in_check = [&check_flags](const std::string& name) {
    for (const FlagSpec& f : check_flags) {
      if (f.name == name) return true;
    }
    return false;
  };
  std::vector<FlagSpec> flags;
  for (const FlagSpec& f : CollectionFlags()) {
    if (!in_check(f.name)) flags.push_back(f);
  }
  if (!in_check("snapshot")) {
    flags.push_back({"snapshot", "FILE",
                     Cat("where to keep the collected snapshot as evidence "
                         "(default ",
                         kDefaultSnapshot, ")")});
  }
  flags.insert(flags.end(), check_flags.begin(), check_flags.end());
  return Command{
      .name = "scan",
      .summary = "fetch, keep the snapshot, and check it",
      .usage = "hublint scan --org NAME [--snapshot FILE] [check options]",
      .description =
          "Collects the organization's live state like `hublint fetch`, "
          "keeps it as a\n"
          "snapshot (--snapshot), and checks it like `hublint check --state`. "
          "This is\n"
          "what scheduled compliance reports run.\n"
          "\n"
          "A collection failure writes no snapshot and exits 3. A part the "
          "API refuses\n"
          "is a named gap: the snapshot is kept, marked incomplete, and the "
          "scan\n"
          "exits 3 unless --allow-partial, with which the checks that need "
          "that part\n"
          "give review results.\n",
      .flags = flags,
      .run = RunScan,
  };
}

}  // namespace hublint::cli
