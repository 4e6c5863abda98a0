#include "lint/report/sarif_writer.h"

#include <simdjson.h>

#include "doctest/doctest.h"
#include "lint/util/strings.h"

namespace hublint {
namespace {

RuleInfo Rule(std::string id, Level level = Level::kError) {
  RuleInfo r;
  r.id = std::move(id);
  r.title = "Title";
  r.description = "Description.";
  r.level = level;
  r.security_severity = "8.0";
  r.pack = "dockerhub";
  return r;
}

Finding Make(std::string rule, std::string member, Level level = Level::kError,
             FindingKind kind = FindingKind::kFail) {
  Finding f;
  f.rule_id = std::move(rule);
  f.level = level;
  f.kind = kind;
  f.resource_kind = "member";
  f.resource_key = member;
  f.resource = Cat("member:", member);
  f.logical_name = Cat("contoso/members/", member);
  f.message = Cat(member, " fails");
  f.location = {"state.json", 10, 5};
  return f;
}

Report Base() {
  Report report;
  report.run.tool_version = "0.1.0";
  report.run.org_name = "contoso";
  report.run.source_uri = "state.json";
  report.rules = {Rule("DH-A"), Rule("DH-B", Level::kWarning)};
  return report;
}

simdjson::dom::element Parse(simdjson::dom::parser& parser,
                             const std::string& json) {
  simdjson::dom::element doc;
  REQUIRE(parser.parse(json).get(doc) == simdjson::SUCCESS);
  return doc;
}

std::string_view Str(simdjson::dom::element e) {
  std::string_view s;
  REQUIRE(e.get(s) == simdjson::SUCCESS);
  return s;
}

TEST_CASE("a clean run has results: [] and no automationDetails") {
  Report report = Base();
  std::string sarif = RenderSarif(report, {});
  CHECK(sarif.find("\"results\": []") != std::string::npos);
  CHECK(sarif.find("automationDetails") == std::string::npos);
  CHECK(sarif.starts_with(
      "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
      "  \"version\": \"2.1.0\","));
}

TEST_CASE("a review result is kind review, level none, its level kept aside") {
  Report report = Base();
  report.findings = {
      Make("DH-A", "alice", Level::kError, FindingKind::kReview)};
  simdjson::dom::parser parser;
  auto result =
      Parse(parser, RenderSarif(report, {}))["runs"].at(0)["results"].at(0);
  CHECK(Str(result["kind"]) == "review");
  CHECK(Str(result["level"]) == "none");
  CHECK(Str(result["properties"]["ruleLevel"]) == "error");
  CHECK(Str(result["partialFingerprints"]["hublintFingerprint/v1"]) ==
        Fingerprint("DH-A", "member:alice"));
}

TEST_CASE("suppressions are on every result once one is waived") {
  Report report = Base();
  report.findings = {Make("DH-A", "alice"), Make("DH-A", "bob")};
  CHECK(RenderSarif(report, {}).find("suppressions") == std::string::npos);
  report.findings[1].suppressed = true;
  report.findings[1].justification = "accepted";
  simdjson::dom::parser parser;
  auto results =
      Parse(parser, RenderSarif(report, {}))["runs"].at(0)["results"];
  simdjson::dom::array none;
  REQUIRE(results.at(0)["suppressions"].get(none) == simdjson::SUCCESS);
  CHECK(none.size() == 0);
  auto suppression = results.at(1)["suppressions"].at(0);
  CHECK(Str(suppression["kind"]) == "external");
  CHECK(Str(suppression["status"]) == "accepted");
  CHECK(Str(suppression["justification"]) == "accepted");
}

TEST_CASE("the category becomes automationDetails.id ending in /") {
  Report report = Base();
  struct Case {
    std::string run_category, option, id;
  };
  const Case cases[] = {{"", "nightly", "nightly/"},
                        {"", "hublint/pr/", "hublint/pr/"},
                        {"from-run", "", "from-run/"},
                        {"from-run", "option-wins", "option-wins/"}};
  for (const Case& c : cases) {
    report.run.category = c.run_category;
    RenderOptions options;
    options.sarif_category = c.option;
    simdjson::dom::parser parser;
    auto run = Parse(parser, RenderSarif(report, options))["runs"].at(0);
    CHECK(Str(run["automationDetails"]["id"]) == c.id);
  }
}

TEST_CASE("over the limit: the most severe are kept and the drop is said") {
  Report report = Base();
  report.findings = {Make("DH-A", "a", Level::kNote),
                     Make("DH-A", "b", Level::kError),
                     Make("DH-B", "c", Level::kWarning)};
  RenderOptions options;
  options.sarif_result_limit = 2;
  RenderStats stats;
  simdjson::dom::parser parser;
  auto run = Parse(parser, RenderSarif(report, options, &stats))["runs"].at(0);
  CHECK(stats.results_dropped == 1);
  CHECK(stats.results_total == 3);
  simdjson::dom::array results;
  REQUIRE(run["results"].get(results) == simdjson::SUCCESS);
  REQUIRE(results.size() == 2);
  CHECK(Str(results.at(0)["properties"]["resource"]) == "member:b");
  CHECK(Str(results.at(1)["properties"]["resource"]) == "member:c");
  CHECK(Str(run["invocations"].at(0)["toolExecutionNotifications"].at(
            0)["message"]["text"]) ==
        "3 results are more than the 2 a run may hold (GitHub code scanning "
        "rejects more): 1 result was left out, the least severe first "
        "(waived and fixed ones, then notes, warnings, reviews before "
        "failures of the same level). The JSON and text reports have every "
        "finding.");
  uint64_t left_out = 0;
  REQUIRE(run["properties"]["resultsLeftOut"].get(left_out) ==
          simdjson::SUCCESS);
  CHECK(left_out == 1);
}

TEST_CASE("every result is placed on a file line") {
  Report report = Base();
  report.findings = {Make("DH-A", "a"), Make("DH-A", "b"), Make("DH-A", "c")};
  report.findings[1].location = {"", 0, 0};        // falls back to the state
  report.findings[2].location = {"x.json", 0, 0};  // line unknown
  simdjson::dom::parser parser;
  auto results =
      Parse(parser, RenderSarif(report, {}))["runs"].at(0)["results"];
  auto region = [&](size_t i) {
    return results.at(i)["locations"].at(0)["physicalLocation"];
  };
  CHECK(Str(region(1)["artifactLocation"]["uri"]) == "state.json");
  uint64_t line = 0;
  REQUIRE(region(1)["region"]["startLine"].get(line) == simdjson::SUCCESS);
  CHECK(line == 1);
  REQUIRE(region(2)["region"]["startLine"].get(line) == simdjson::SUCCESS);
  CHECK(line == 1);
  CHECK(region(2)["region"]["startColumn"].error() == simdjson::NO_SUCH_FIELD);

  // With no file at all, the finding becomes a notification.
  report.run.source_uri.clear();
  std::string sarif = RenderSarif(report, {});
  CHECK(sarif.find("DH-A on member:b has no file location and is not in the "
                   "results: b fails") != std::string::npos);
  auto run = Parse(parser, sarif)["runs"].at(0);
  simdjson::dom::array kept;
  REQUIRE(run["results"].get(kept) == simdjson::SUCCESS);
  CHECK(kept.size() == 2);
}

TEST_CASE("rule metadata: stubs, tags, security-severity or problem.severity") {
  Report report = Base();
  report.rules[1].security_severity = "high";  // not a number: left out
  for (int i = 0; i < 25; ++i) report.rules[0].tags.push_back(Cat("t", i));
  report.findings = {Make("DH-UNKNOWN", "a", Level::kWarning)};
  simdjson::dom::parser parser;
  auto rules = Parse(parser, RenderSarif(report, {}))["runs"].at(
      0)["tool"]["driver"]["rules"];
  simdjson::dom::array tags;
  REQUIRE(rules.at(0)["properties"]["tags"].get(tags) == simdjson::SUCCESS);
  CHECK(tags.size() == 20);
  CHECK(Str(rules.at(0)["properties"]["security-severity"]) == "8.0");
  CHECK(rules.at(1)["properties"]["security-severity"].error() ==
        simdjson::NO_SUCH_FIELD);
  CHECK(Str(rules.at(1)["properties"]["problem.severity"]) == "warning");
  CHECK(Str(rules.at(2)["id"]) == "DH-UNKNOWN");
  CHECK(Str(rules.at(2)["defaultConfiguration"]["level"]) == "warning");
  CHECK(Str(rules.at(2)["helpUri"]) ==
        "https://github.com/hublint/hublint/blob/main/docs/rules/"
        "DH-UNKNOWN.md");
}

TEST_CASE("rule texts are cut to GitHub's limits, counting UTF-16 units") {
  Report report = Base();
  std::string long_text;
  for (int i = 0; i < 600; ++i) long_text += "\xF0\x9F\x90\xB3";  // 2 units
  report.rules[0].description = long_text;
  simdjson::dom::parser parser;
  auto rule = Parse(parser, RenderSarif(report, {}))["runs"]
                  .at(0)["tool"]["driver"]["rules"]
                  .at(0);
  std::string_view text = Str(rule["fullDescription"]["text"]);
  // 511 whales (1022 units) and an ellipsis: 1023 <= 1024.
  CHECK(text.size() == 511 * 4 + 3);
  CHECK(text.ends_with("\xE2\x80\xA6"));
}

TEST_CASE("baselineState on every result of a baseline run") {
  Report report = Base();
  report.run.has_baseline = true;
  report.findings = {Make("DH-A", "a"), Make("DH-A", "b")};
  report.findings[0].baseline_state = BaselineState::kAbsent;
  simdjson::dom::parser parser;
  auto results =
      Parse(parser, RenderSarif(report, {}))["runs"].at(0)["results"];
  CHECK(Str(results.at(0)["baselineState"]) == "absent");
  CHECK(Str(results.at(1)["baselineState"]) == "new");
}

}  // namespace
}  // namespace hublint
