// hublint rules list | show ID | test [PATH...] | docs [--output DIR]

#include <filesystem>
#include <ostream>

#include "lint/cli/check_pipeline.h"
#include "lint/cli/command.h"
#include "lint/cli/policy_options.h"
#include "lint/config/rule_settings.h"
#include "lint/rules/rule_docs.h"
#include "lint/rules/rule_loader.h"
#include "lint/rules/rule_tests.h"
#include "lint/util/exit_code.h"
#include "lint/util/files.h"
#include "lint/util/spelling.h"
#include "lint/util/strings.h"

namespace hublint::cli {
namespace {

constexpr int kUsage = static_cast<int>(ExitCode::kUsage);

// The rules the configuration selects (built-in packs, rule paths, [rules.*]
// settings), or those under `paths` alone when given. Prints the error and
// returns nullopt on failure.
std::optional<std::vector<Rule>> SelectRules(
    const ParsedArgs& args, const std::vector<std::string>& paths,
    CommandContext& ctx) {
  absl::StatusOr<std::vector<Rule>> rules;
  if (!paths.empty()) {
    rules = LoadRules(paths);
  } else {
    absl::StatusOr<Config> config = LoadEffectiveConfig(args, ctx.env);
    if (!config.ok()) {
      ConfigError("rules", config.status(), ctx);
      return std::nullopt;
    }
    rules = LoadRulePacks(BuiltinRulesDir(ctx.env), config->packs.value,
                          config->rule_paths.value);
    if (rules.ok()) {
      if (absl::Status s = ApplyRuleSettings(*config, &*rules); !s.ok())
        rules = s;
    }
  }
  if (!rules.ok()) {
    ctx.err << "hublint rules: " << ToStd(rules.status().message()) << "\n";
    return std::nullopt;
  }
  std::sort(rules->begin(), rules->end(),
            [](const Rule& a, const Rule& b) { return a.info.id < b.info.id; });
  return *std::move(rules);
}

int List(const std::vector<Rule>& rules, CommandContext& ctx) {
  size_t width = 2;
  for (const Rule& r : rules) width = std::max(width, r.info.id.size());
  for (const Rule& r : rules) {
    std::string level(LevelName(r.info.level));
    std::string kind(ResourceKindName(r.resource));
    ctx.out << r.info.id << std::string(width - r.info.id.size() + 2, ' ')
            << level << std::string(9 - level.size(), ' ') << kind
            << std::string(13 - kind.size(), ' ') << r.info.title << "\n";
  }
  ctx.out << rules.size() << " rule" << (rules.size() == 1 ? "" : "s") << "\n";
  return 0;
}

int Show(const std::vector<Rule>& rules, const std::string& id,
         CommandContext& ctx) {
  for (const Rule& r : rules) {
    if (r.info.id == id) {
      ctx.out << RuleDocPage(r);
      return 0;
    }
  }
  std::vector<std::string> ids;
  for (const Rule& r : rules) ids.push_back(r.info.id);
  return UsageError("rules", Cat("no rule `", id, "`", DidYouMean(id, ids)),
                    ctx);
}

int Test(std::vector<Rule> rules, CommandContext& ctx) {
  absl::StatusOr<RuleSet> compiled = RuleSet::Compile(std::move(rules));
  if (!compiled.ok()) {
    ctx.err << "hublint rules: " << ToStd(compiled.status().message()) << "\n";
    return kUsage;
  }
  std::vector<RuleTestOutcome> outcomes = RunRuleTests(*compiled);
  ctx.out << FormatRuleTestOutcomes(outcomes);
  bool all_passed =
      std::all_of(outcomes.begin(), outcomes.end(),
                  [](const RuleTestOutcome& o) { return o.passed; });
  return static_cast<int>(all_passed ? ExitCode::kClean : ExitCode::kFindings);
}

int Docs(const std::vector<Rule>& rules, const std::string& dir,
         CommandContext& ctx) {
  std::map<std::string, std::string> pages = RuleDocPages(rules);
  for (const auto& [path, text] : pages) {
    std::filesystem::path target = std::filesystem::path(dir) / path;
    std::error_code ec;
    std::filesystem::create_directories(target.parent_path(), ec);
    if (absl::Status s = WriteFileAtomically(target.string(), text); !s.ok()) {
      ctx.err << "hublint rules docs: " << ToStd(s.message()) << "\n";
      return kUsage;
    }
  }
  ctx.out << "wrote " << pages.size() << " pages under " << dir << "/rules\n";
  return 0;
}

int RunRules(const ParsedArgs& args, CommandContext& ctx) {
  const std::vector<std::string>& words = args.positional();
  static const std::vector<std::string> kActions = {"list", "show", "test",
                                                    "docs"};
  if (words.empty())
    return UsageError("rules", "say what to do: list, show ID, test or docs",
                      ctx);
  const std::string& action = words[0];
  if (std::find(kActions.begin(), kActions.end(), action) == kActions.end()) {
    return UsageError(
        "rules",
        Cat("unknown action `", action, "`", DidYouMean(action, kActions),
            " (list, show ID, test [PATH...], docs [--output DIR])"),
        ctx);
  }
  std::vector<std::string> rest(words.begin() + 1, words.end());
  if (action == "show" && rest.size() != 1)
    return UsageError("rules", "show takes one rule id", ctx);
  if ((action == "list" || action == "docs") && !rest.empty()) {
    return UsageError("rules", Cat(action, " takes no arguments"), ctx);
  }
  std::optional<std::vector<Rule>> rules = SelectRules(
      args, action == "test" ? rest : std::vector<std::string>{}, ctx);
  if (!rules) return kUsage;
  if (action == "list") return List(*rules, ctx);
  if (action == "show") return Show(*rules, rest[0], ctx);
  if (action == "test") return Test(*std::move(rules), ctx);
  return Docs(*rules, args.Value("output").value_or("docs"), ctx);
}

}  // namespace

Command RulesCommand() {
  std::vector<FlagSpec> flags = {
      {"output", "DIR",
       "rules docs: the docs folder to write rules/ into (default: docs)"},
      {"rules", "PATH", "extra rule file or folder", /*repeatable=*/true},
      {"config", "FILE",
       "the configuration file (default: .hublint.toml, found upward)"},
      {"no-config", "", "read no configuration file"},
  };
  return Command{
      .name = "rules",
      .summary = "list, show, test and document the rules",
      .usage =
          "hublint rules list | show ID | test [PATH...] | docs [--output DIR]",
      .description =
          "list: every rule that a check would run (built-in packs, --rules, "
          "and\n"
          "  the configuration's [rules.*] settings), with level and "
          "resource.\n"
          "show ID: a rule's page: facts, help, the CEL it runs, parameters.\n"
          "test [PATH...]: runs the [[test]] cases of the rules (of the files "
          "or\n"
          "  folders given, else of every selected rule); exit 1 when one "
          "fails.\n"
          "docs: writes the rule reference (docs/rules/) from the rule "
          "files.\n",
      .flags = std::move(flags),
      .run = RunRules,
  };
}

}  // namespace hublint::cli
