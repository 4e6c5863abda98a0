#include "lint/cli/check_pipeline.h"

#include <unistd.h>

#include <charconv>
#include <filesystem>
#include <ostream>

#include "lint/cli/policy_options.h"
#include "lint/config/policy.h"
#include "lint/config/rule_settings.h"
#include "lint/config/state_merge.h"
#include "lint/findings/report.h"
#include "lint/report/format.h"
#include "lint/rules/engine.h"
#include "lint/rules/rule_loader.h"
#include "lint/util/exit_code.h"
#include "lint/util/strings.h"

#ifndef HUBLINT_VERSION
#define HUBLINT_VERSION "0.0.0"
#endif
#ifndef HUBLINT_SOURCE_RULES_DIR
#define HUBLINT_SOURCE_RULES_DIR "rules"
#endif

namespace hublint::cli {
namespace {

constexpr int kUsage = static_cast<int>(ExitCode::kUsage);
constexpr int kIncomplete = static_cast<int>(ExitCode::kIncomplete);

int Fail(std::string_view command, const absl::Status& status,
         CommandContext& ctx, int code) {
  ctx.err << "hublint " << command << ": " << ToStd(status.message()) << "\n";
  return code;
}

// The run's time as reports show it: to the second, and fixed by
// SOURCE_DATE_EPOCH when set (the reproducible-builds convention), so a
// report can be compared byte for byte with an earlier one.
absl::Time ReportTime(const CommandContext& ctx) {
  if (std::optional<std::string> epoch = ctx.env.Get("SOURCE_DATE_EPOCH")) {
    int64_t seconds = 0;
    auto [end, error] =
        std::from_chars(epoch->data(), epoch->data() + epoch->size(), seconds);
    if (error == std::errc() && end == epoch->data() + epoch->size()) {
      return absl::FromUnixSeconds(seconds);
    }
  }
  return absl::FromUnixSeconds(absl::ToUnixSeconds(ctx.clock.Now()));
}

// Says on stderr what the state is missing; returns whether to go on.
bool ReportGaps(std::string_view command, const OrgState& s, bool allow_partial,
                CommandContext& ctx) {
  if (s.source.complete) return true;
  ctx.err << "hublint " << command << ": the state of " << s.org_name
          << " is incomplete; these parts could not be read:\n";
  for (const SourceGap& gap : s.source.gaps) {
    ctx.err << "  " << gap.part << ": " << gap.reason << "\n";
  }
  if (s.source.gaps.empty()) ctx.err << "  (the source does not say which)\n";
  if (allow_partial) {
    ctx.err << "Continuing because of --allow-partial: checks that need those "
               "parts give review results.\n";
    return true;
  }
  ctx.err << "No verdict is given (exit 3). Pass --allow-partial to check "
             "what could be read.\n";
  return false;
}

RunInfo MakeRunInfo(const OrgState& state, const CheckSetup& setup,
                    const EvaluationOptions& evaluation) {
  RunInfo run;
  run.tool_version = HUBLINT_VERSION;
  run.org_name = state.org_name;
  run.collected_at = state.collected_at;
  run.source_kind = state.source.kind;
  if (!state.source_files.empty()) {
    run.source_uri = RepositoryUri(state.source_files[0], evaluation.root);
  }
  run.source_complete = state.source.complete;
  for (const SourceGap& gap : state.source.gaps) {
    run.gaps.push_back(Cat(gap.part, ": ", gap.reason));
  }
  run.start_time = setup.start_time;
  run.category = setup.outputs.category;
  run.has_baseline = setup.baseline.has_value();
  return run;
}

// The command is about to exit once the reports are written, and freeing a
// large state (a million members hold millions of strings) takes longer
// than writing them: the state goes to a holder that is never destroyed,
// and the operating system takes the memory back at exit. (Reachable, so
// LeakSanitizer does not count it.)
void KeepUntilExit(OrgState state) {
  static auto* kept = new std::vector<OrgState>();
  kept->push_back(std::move(state));
}

}  // namespace

std::vector<FlagSpec> CheckFlags() {
  std::vector<FlagSpec> flags = {
      {"rules", "PATH",
       "extra rule file or folder, loaded with the built-in packs",
       /*repeatable=*/true},
      {"allow-partial", "", "check an incomplete state instead of exiting 3"},
  };
  for (FlagSpec& f : OutputFlags()) flags.push_back(std::move(f));
  for (FlagSpec& f : PolicyFlagSpecs()) flags.push_back(std::move(f));
  return flags;
}

std::string BuiltinRulesDir(const Environment& env) {
  if (std::optional<std::string> dir = env.Get("HUBLINT_RULES_DIR"))
    return *dir;
  std::error_code ec;
  std::filesystem::path exe =
      std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    std::filesystem::path installed =
        exe.parent_path().parent_path() / "share/hublint/rules";
    if (std::filesystem::is_directory(installed, ec)) return installed.string();
  }
  return HUBLINT_SOURCE_RULES_DIR;
}

absl::StatusOr<std::vector<Rule>> LoadRulePacks(
    const std::string& builtin_dir, const std::vector<std::string>& packs,
    const std::vector<std::string>& paths) {
  std::vector<std::string> all;
  for (const std::string& pack : packs) {
    std::string dir = Cat(builtin_dir, "/", pack);
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
      return absl::InvalidArgumentError(
          Cat("no built-in rule pack `", pack, "` (looked in ", dir, ")"));
    }
    all.push_back(dir);
  }
  all.insert(all.end(), paths.begin(), paths.end());
  return LoadRules(all);
}

std::variant<CheckSetup, int> PrepareCheck(std::string_view command,
                                           const ParsedArgs& args,
                                           CommandContext& ctx) {
  CheckSetup setup{.start_time = ReportTime(ctx)};
  setup.allow_partial = args.Has("allow-partial");
  absl::StatusOr<Config> config = LoadEffectiveConfig(args, ctx.env);
  if (!config.ok()) return ConfigError(command, config.status(), ctx);
  setup.config = *std::move(config);

  absl::StatusOr<std::vector<Rule>> rules =
      LoadRulePacks(BuiltinRulesDir(ctx.env), setup.config.packs.value,
                    setup.config.rule_paths.value);
  if (!rules.ok()) return Fail(command, rules.status(), ctx, kUsage);
  if (absl::Status s = ApplyRuleSettings(setup.config, &*rules); !s.ok()) {
    return Fail(command, s, ctx, kUsage);
  }
  absl::StatusOr<RuleSet> compiled = RuleSet::Compile(*std::move(rules));
  if (!compiled.ok()) return Fail(command, compiled.status(), ctx, kUsage);
  setup.rules = *std::move(compiled);

  setup.outputs.outputs = setup.config.outputs.value;
  if (setup.outputs.outputs.empty())
    setup.outputs.outputs.push_back(OutputSpec{});
  setup.outputs.category = args.Value("category").value_or("");

  absl::StatusOr<std::optional<Baseline>> baseline =
      LoadConfiguredBaseline(setup.config);
  if (!baseline.ok()) return Fail(command, baseline.status(), ctx, kUsage);
  setup.baseline = *std::move(baseline);
  return setup;
}

int RunChecks(std::string_view command, OrgState state, const CheckSetup& setup,
              CommandContext& ctx) {
  absl::StatusOr<std::vector<Notification>> merged =
      MergeConfigIntoState(setup.config, &state);
  if (!merged.ok()) return Fail(command, merged.status(), ctx, kUsage);
  // Declared integrations change the joins; nothing else merged does, and
  // every reader returns a finalized state.
  std::vector<StateProblem> problems;
  if (!state.finalized() || !setup.config.integrations.empty()) {
    problems = state.Finalize();
  }
  if (!problems.empty()) {
    for (const StateProblem& p : problems)
      ctx.err << "hublint " << command << ": " << p.message << "\n";
    return kIncomplete;
  }
  if (!ReportGaps(command, state, setup.allow_partial, ctx)) return kIncomplete;

  EvaluationOptions evaluation;
  evaluation.fallback_now = setup.start_time;
  Report report;
  report.findings = Evaluate(setup.rules, state, evaluation);
  PolicyResult policy =
      ApplyPolicy(setup.config, setup.baseline ? &*setup.baseline : nullptr,
                  ctx.clock.Now(), &report.findings);
  report.run = MakeRunInfo(state, setup, evaluation);
  for (std::vector<Notification>* list : {&*merged, &policy.notifications}) {
    for (Notification& n : *list) {
      ctx.err << FormatNotification(n) << "\n";
      report.run.notifications.push_back(std::move(n));
    }
  }
  for (const CompiledRule& rule : setup.rules.rules()) {
    RuleInfo info = rule.rule.info;
    if (info.help_text.empty()) info.help_text = info.help_markdown;
    report.rules.push_back(std::move(info));
  }
  report.run.end_time = ReportTime(ctx);
  if (absl::Status written = WriteReports(report, setup.outputs, ctx);
      !written.ok()) {
    return Fail(command, written, ctx, kUsage);
  }
  int exit_code = static_cast<int>(
      ExitCodeFor(report.findings, FailPolicyOf(setup.config)));
  KeepUntilExit(std::move(state));
  return exit_code;
}

}  // namespace hublint::cli
