#include "lint/cli/state_loading.h"

#include <filesystem>
#include <ostream>

#include "lint/state/snapshot_reader.h"
#include "lint/tfplan/plan_reader.h"
#include "lint/util/exit_code.h"
#include "lint/util/strings.h"

namespace hublint::cli {

std::variant<OrgState, int> LoadStateForCheck(std::string_view command,
                                              const ParsedArgs& args,
                                              CommandContext& ctx) {
  std::optional<std::string> state_path = args.Value("state");
  std::optional<std::string> plan_path = args.Value("tfplan");
  std::optional<std::string> tf_dir = args.Value("tf-dir");
  if (!state_path && !plan_path) {
    return UsageError(
        command, "no state to check: give --state FILE, --tfplan FILE, or both",
        ctx);
  }
  if (tf_dir && !plan_path) {
    return UsageError(command, "--tf-dir is for the .tf files of --tfplan",
                      ctx);
  }
  if (state_path == "-" && plan_path == "-") {
    return UsageError(
        command, "--state and --tfplan cannot both read standard input", ctx);
  }
  std::error_code ec;
  if (tf_dir && !std::filesystem::is_directory(*tf_dir, ec)) {
    return UsageError(command,
                      Cat("--tf-dir `", *tf_dir, "` is not a directory"), ctx);
  }
  auto fail = [&](const absl::Status& status) {
    ctx.err << "hublint " << command << ": " << ToStd(status.message()) << "\n";
    return static_cast<int>(ExitCode::kIncomplete);
  };

  std::optional<OrgState> snapshot;
  if (state_path) {
    absl::StatusOr<OrgState> read = ReadSnapshotFile(*state_path);
    if (!read.ok()) return fail(read.status());
    if (!plan_path) return *std::move(read);
    snapshot = *std::move(read);
  }

  TfPlanOptions options;
  options.base = snapshot ? &*snapshot : nullptr;
  options.tf_dir = tf_dir.value_or(".");
  options.warn = [&](std::string_view warning) {
    ctx.err << "hublint " << command << ": warning: " << warning << "\n";
  };
  absl::StatusOr<OrgState> state = ReadTerraformPlanFile(*plan_path, options);
  if (!state.ok()) return fail(state.status());
  if (state->source.partial_view) {
    ctx.err << "hublint " << command << ": note: " << *plan_path
            << " shows only what Terraform manages; organization-wide checks "
               "(owner and editor counts) give review results. Add --state "
               "with a snapshot from `hublint fetch` to see the whole "
               "organization.\n";
  }
  return *std::move(state);
}

}  // namespace hublint::cli
