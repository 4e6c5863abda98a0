// The built-in rule pack (rules/), as `hublint rules test` and `hublint
// rules docs` see it, and its self-check: the conventions every rule of the
// pack follows (after semgrep-rules' rule lints), so a new rule cannot
// forget its tests, its help or its tags.

#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include "lint/rules/engine.h"
#include "lint/rules/rule_docs.h"
#include "lint/rules/rule_loader.h"
#include "lint/rules/rule_set.h"
#include "lint/rules/rule_tests.h"
#include "lint/state/snapshot_reader.h"
#include "lint/util/files.h"
#include "lint/util/strings.h"
#include "re2/re2.h"

namespace hublint {
namespace {

std::vector<Rule> BuiltinRules() {
  absl::StatusOr<std::vector<Rule>> rules = LoadRules({"rules"});
  INFO(ToStd(rules.status().message()));
  REQUIRE(rules.ok());
  return *std::move(rules);
}

// The help's sections, in this order, each a "## " heading.
const std::vector<std::string> kHelpSections = {
    "What it flags", "Why it matters", "How to fix",
    "Exceptions",    "Parameters",     "References"};

// Framework tags: the framework and the shape of its control ids
// (../shared/reference/notes/declared-state-and-frameworks.md, section 5).
const std::vector<std::pair<std::string, std::string>> kFrameworks = {
    {"cis-ssc-1.0", R"(\d\.\d\.\d+)"},
    {"cis-docker-1.6.0", R"(\d\.\d+)"},
    {"cis-v8", R"(\d+\.\d+)"},
    {"nist-800-190", R"(\d\.\d\.\d)"},
    {"nist-800-53", R"([A-Z]{2}-\d+(\(\d+\))?)"},
    {"owasp-cicd", R"(SEC-\d+)"},
    {"iso27001-2022", R"(A\.\d+\.\d+)"},
    {"soc2", R"(CC\d\.\d)"},
    {"msdfc", R"(dockerhub-connector)"},
};

// What is wrong with `rule` by the pack's conventions; empty when nothing.
std::vector<std::string> Lint(const Rule& rule) {
  std::vector<std::string> problems;
  const RuleInfo& info = rule.info;
  // The id: the file's name, and the pack's prefix.
  std::string stem = std::filesystem::path(rule.path).stem();
  if (info.id != stem)
    problems.push_back(Cat("id is not the file name ", stem));
  if (!info.id.starts_with("DH-")) problems.push_back("id does not start DH-");

  // Test cases: at least one that fires and one that stays silent.
  bool fires = false, silent = false;
  for (const RuleTestCase& t : rule.tests) {
    (t.expect.empty() ? silent : fires) = true;
  }
  if (!fires) problems.push_back("no [[test]] that fires");
  if (!silent) problems.push_back("no [[test]] that stays silent");

  // The help: every section, in order.
  const std::string& help = info.help_markdown;
  size_t at = 0;
  std::string parameters;
  for (size_t i = 0; i < kHelpSections.size(); ++i) {
    std::string heading = Cat("## ", kHelpSections[i], "\n");
    size_t found = help.find(heading, at);
    if (found == std::string::npos || (found != 0 && help[found - 1] != '\n')) {
      problems.push_back(Cat("help has no `",
                             heading.substr(0, heading.size() - 1),
                             "` section (in order)"));
      continue;
    }
    at = found + heading.size();
    size_t end = help.find("\n## ", at);
    std::string body =
        help.substr(at, end == std::string::npos ? end : end - at);
    if (body.find_first_not_of(" \n") == std::string::npos) {
      problems.push_back(Cat("help section `", kHelpSections[i], "` is empty"));
    }
    if (kHelpSections[i] == "Parameters") parameters = body;
  }
  // Every parameter named in Parameters, with its default explained;
  // "None." when there are none.
  for (const auto& [name, value] : rule.params) {
    if (parameters.find(Cat("`", name, "`")) == std::string::npos) {
      problems.push_back(
          Cat("parameter `", name, "` is not named in help's Parameters"));
    }
    if (parameters.find(Cat("`", name, "` (default")) == std::string::npos) {
      problems.push_back(Cat("help's Parameters does not give `", name,
                             "` (default ...) its default"));
    }
  }
  if (rule.params.empty() && !parameters.starts_with("\nNone.")) {
    problems.push_back("help's Parameters must start with \"None.\"");
  }

  // Tags: `security` first, no duplicate, framework tags well formed, at
  // least one framework control.
  std::set<std::string> seen;
  int controls = 0;
  if (info.tags.empty() || info.tags[0] != "security") {
    problems.push_back("the first tag must be `security`");
  }
  for (const std::string& tag : info.tags) {
    if (!seen.insert(tag).second)
      problems.push_back(Cat("tag `", tag, "` twice"));
    size_t colon = tag.find(':');
    if (colon == std::string::npos) continue;
    std::string framework = tag.substr(0, colon);
    auto known =
        std::find_if(kFrameworks.begin(), kFrameworks.end(),
                     [&](const auto& f) { return f.first == framework; });
    if (known == kFrameworks.end()) {
      problems.push_back(Cat("tag `", tag, "`: unknown framework"));
    } else if (!RE2::FullMatch(tag.substr(colon + 1), known->second)) {
      problems.push_back(
          Cat("tag `", tag, "`: not a control id of ", framework));
    } else {
      ++controls;
    }
  }
  if (controls == 0) problems.push_back("no framework control tag");
  return problems;
}

TEST_CASE("Every rule of the pack follows the pack's conventions") {
  std::vector<Rule> rules = BuiltinRules();
  CHECK(rules.size() >= 20);
  std::set<std::string> ids;
  for (const Rule& rule : rules) {
    CAPTURE(rule.path);
    CHECK(ids.insert(rule.info.id).second);
    std::vector<std::string> problems = Lint(rule);
    CHECK_MESSAGE(problems.empty(), Join(problems, "\n"));
  }
}

TEST_CASE("The self-check catches what it is for") {
  absl::StatusOr<Rule> rule = LoadRuleFile("rules/dockerhub/DH-ROLE-001.toml");
  REQUIRE(rule.ok());
  Rule broken = *rule;
  broken.tests.pop_back();
  broken.tests.pop_back();  // only the silent case is left
  broken.info.help_markdown = "## What it flags\n\nx\n\n## Why it matters\n";
  broken.info.tags = {"roles", "cis-ssc-1.0:4.2", "nist:AC-6", "roles"};
  broken.params["undocumented"] = int64_t{1};
  CHECK(Join(Lint(broken), "\n") ==
        "no [[test]] that fires\n"
        "help section `Why it matters` is empty\n"
        "help has no `## How to fix` section (in order)\n"
        "help has no `## Exceptions` section (in order)\n"
        "help has no `## Parameters` section (in order)\n"
        "help has no `## References` section (in order)\n"
        "parameter `editor_allowlist` is not named in help's Parameters\n"
        "help's Parameters does not give `editor_allowlist` (default ...) its "
        "default\n"
        "parameter `max_editors` is not named in help's Parameters\n"
        "help's Parameters does not give `max_editors` (default ...) its "
        "default\n"
        "parameter `undocumented` is not named in help's Parameters\n"
        "help's Parameters does not give `undocumented` (default ...) its "
        "default\n"
        "the first tag must be `security`\n"
        "tag `cis-ssc-1.0:4.2`: not a control id of cis-ssc-1.0\n"
        "tag `nist:AC-6`: unknown framework\n"
        "tag `roles` twice\n"
        "no framework control tag");
  CHECK(Lint(*rule).empty());
}

TEST_CASE("Every embedded test case of the built-in pack passes") {
  absl::StatusOr<RuleSet> set = RuleSet::Compile(BuiltinRules());
  INFO(ToStd(set.status().message()));
  REQUIRE(set.ok());
  std::vector<RuleTestOutcome> outcomes = RunRuleTests(*set);
  CHECK(outcomes.size() >= set->rules().size() * 2);
  for (const RuleTestOutcome& o : outcomes) {
    INFO(FormatRuleTestOutcomes({o}));
    CHECK(o.passed);
  }
}

TEST_CASE("The compliant example organization is clean under every rule") {
  absl::StatusOr<RuleSet> set = RuleSet::Compile(BuiltinRules());
  REQUIRE(set.ok());
  absl::StatusOr<OrgState> state =
      ReadSnapshotFile("fixtures/orgs/compliant.json");
  REQUIRE(state.ok());
  for (const Finding& f : Evaluate(*set, *state)) {
    FAIL_CHECK(f.rule_id, " ", f.resource, ": ", f.message);
  }
}

TEST_CASE("docs/rules is what `hublint rules docs` generates") {
  std::map<std::string, std::string> pages = RuleDocPages(BuiltinRules());
  CHECK(pages.count("rules/cel-reference.md") == 1);
  for (const auto& page : pages) {
    const std::string& path = page.first;  // (CAPTURE: no structured binding)
    const std::string& text = page.second;
    CAPTURE(path);
    absl::StatusOr<std::string> checked_in = ReadFile(Cat("docs/", path));
    INFO("run `hublint rules docs` and commit docs/rules/");
    REQUIRE(checked_in.ok());
    CHECK(*checked_in == text);
  }
  // And no page is left over from a rule that is gone.
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator("docs/rules")) {
    if (!entry.is_regular_file()) continue;
    std::string path =
        std::filesystem::relative(entry.path(), "docs").generic_string();
    CAPTURE(path);
    CHECK(pages.count(path) == 1);
  }
}

}  // namespace
}  // namespace hublint
