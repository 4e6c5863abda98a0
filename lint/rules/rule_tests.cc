#include "lint/rules/rule_tests.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>

#include "lint/rules/engine.h"
#include "lint/state/snapshot_reader.h"
#include "lint/tfplan/plan_reader.h"
#include "lint/util/source_text.h"
#include "lint/util/strings.h"

namespace hublint {
namespace {

// A test case's file or folder: as given when it exists from the working
// directory, else relative to the repository the rule file is in.
std::string ResolveTestPath(const std::string& path,
                            const std::string& rule_path) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return path;
  std::filesystem::path repo = std::filesystem::path(rule_path)
                                   .parent_path()
                                   .parent_path()
                                   .parent_path();
  std::filesystem::path beside = repo / path;
  if (std::filesystem::exists(beside, ec)) return beside.string();
  return path;
}

// What a test case evaluates, as its files resolved: each distinct input is
// read once per run.
struct TestInput {
  std::string state;
  std::string tfplan;
  std::string tf_dir;
  auto operator<=>(const TestInput&) const = default;
};

using LoadedState = absl::StatusOr<std::unique_ptr<OrgState>>;

LoadedState Hold(absl::StatusOr<OrgState> read) {
  if (!read.ok()) return read.status();
  return std::make_unique<OrgState>(*std::move(read));
}

}  // namespace

std::vector<RuleTestOutcome> RunRuleTests(const RuleSet& rules) {
  std::map<TestInput, LoadedState> states;
  std::function<const LoadedState&(const TestInput&)> load =
      [&](const TestInput& input) -> const LoadedState& {
    auto it = states.find(input);
    if (it != states.end()) return it->second;
    LoadedState loaded;
    if (input.tfplan.empty()) {
      loaded = Hold(ReadSnapshotFile(input.state));
    } else {
      TfPlanOptions options;
      options.tf_dir = input.tf_dir;
      const LoadedState* base = nullptr;
      if (!input.state.empty()) base = &load({input.state, "", ""});
      if (base != nullptr && !base->ok()) {
        loaded = base->status();
      } else {
        if (base != nullptr) options.base = base->value().get();
        loaded = Hold(ReadTerraformPlanFile(input.tfplan, options));
      }
    }
    return states.emplace(input, std::move(loaded)).first->second;
  };
  std::vector<RuleTestOutcome> outcomes;
  for (const CompiledRule& compiled : rules.rules()) {
    const Rule& rule = compiled.rule;
    SourceText file(rule.path, rule.source_text);
    for (const RuleTestCase& test : rule.tests) {
      RuleTestOutcome outcome;
      outcome.rule_id = rule.info.id;
      outcome.rule_path = rule.path;
      outcome.test_name = test.name;
      outcome.state = test.state;
      outcome.tfplan = test.tfplan;
      outcome.line = file.PositionOf(test.file_offset).line;
      auto resolve = [&](const std::string& path) {
        return path.empty() ? path : ResolveTestPath(path, rule.path);
      };
      const LoadedState& state = load(
          {resolve(test.state), resolve(test.tfplan), resolve(test.tf_dir)});
      if (!state.ok()) {
        outcome.error = std::string(ToStd(state.status().message()));
        outcomes.push_back(std::move(outcome));
        continue;
      }
      EvaluationOptions options;
      options.params[rule.info.id] = test.params;
      std::vector<Finding> findings = EvaluateRule(compiled, **state, options);
      std::vector<std::string> expected = test.expect;
      std::sort(expected.begin(), expected.end());
      std::vector<std::string> fired;
      for (const Finding& f : findings) {
        fired.push_back(f.resource);
        if (!std::binary_search(expected.begin(), expected.end(), f.resource)) {
          outcome.unexpected.push_back(Cat(
              f.resource, " (", FindingKindName(f.kind), ": ", f.message, ")"));
        }
      }
      std::sort(fired.begin(), fired.end());
      for (const std::string& e : expected) {
        if (!std::binary_search(fired.begin(), fired.end(), e))
          outcome.missing.push_back(e);
      }
      outcome.passed = outcome.unexpected.empty() && outcome.missing.empty();
      outcomes.push_back(std::move(outcome));
    }
  }
  return outcomes;
}

std::string FormatRuleTestOutcomes(
    const std::vector<RuleTestOutcome>& outcomes) {
  std::string out;
  int passed = 0;
  for (const RuleTestOutcome& o : outcomes) {
    passed += o.passed;
    Append(&out, o.passed ? "PASS " : "FAIL ", o.rule_id, "  ", o.test_name,
           "\n");
    if (o.passed) continue;
    Append(&out, "  ", o.rule_path, ":", o.line, ": on ",
           o.tfplan.empty()  ? o.state
           : o.state.empty() ? o.tfplan
                             : Cat(o.tfplan, " (on ", o.state, ")"),
           "\n");
    if (!o.error.empty())
      Append(&out, "    the state could not be read: ", o.error, "\n");
    for (const std::string& u : o.unexpected)
      Append(&out, "    fired but not expected: ", u, "\n");
    for (const std::string& m : o.missing)
      Append(&out, "    expected but silent:    ", m, "\n");
  }
  Append(&out, outcomes.size(), " test", outcomes.size() == 1 ? "" : "s", ", ",
         passed, " passed, ", outcomes.size() - passed, " failed\n");
  return out;
}

}  // namespace hublint
