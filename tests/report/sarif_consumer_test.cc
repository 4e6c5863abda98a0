// Real SARIF consumers from npm (pinned in tests/node) read our SARIF:
// sarif-junit (a naive converter that crashes on results without a
// physical location) and @security-alert/sarif-to-markdown (a pull-request
// comment renderer). Each of our results must come out the other side.

#include <string>
#include <vector>

#include "doctest/doctest.h"
#include "lint/report/sarif_writer.h"
#include "lint/report/testing/example_reports.h"
#include "lint/util/files.h"
#include "lint/util/strings.h"
#include "tests/report/node_tools.h"
#include "tests/report/xml_tree.h"

namespace hublint {
namespace {

using testing::RunInNodeDir;
using testing::ShellQuote;

std::vector<std::pair<std::string, Report>> Logs() {
  absl::StatusOr<std::vector<testing::ExampleScenario>> scenarios =
      testing::ExampleScenarios(HUBLINT_SOURCE_DIR);
  REQUIRE_MESSAGE(scenarios.ok(), scenarios.status().ToString());
  std::vector<std::pair<std::string, Report>> logs;
  for (testing::ExampleScenario& s : *scenarios) {
    logs.emplace_back(s.name, std::move(s.report));
  }
  logs.emplace_back("hostile-strings", testing::HostileReport());
  return logs;
}

TEST_CASE("sarif-junit turns each of our results into a test case") {
  std::string missing = testing::MissingNodePackage("sarif-junit");
  REQUIRE_MESSAGE(missing.empty(), missing);
  std::string dir = testing::TestOutputDir("sarif-junit");
  for (const auto& entry : Logs()) {
    // (No structured bindings: CAPTURE uses a lambda, which clang 14 does
    // not allow to capture them.)
    const std::string& name = entry.first;
    const Report& report = entry.second;
    CAPTURE(name);
    std::string sarif_path = Cat(dir, "/", name, ".sarif");
    std::string xml_path = Cat(dir, "/", name, ".xml");
    REQUIRE(WriteFileAtomically(sarif_path, RenderSarif(report, {})).ok());
    testing::CommandResult r = RunInNodeDir(
        Cat(testing::Node(), " node_modules/sarif-junit/bin/sarif-junit.js -i ",
            ShellQuote(sarif_path), " -o ", ShellQuote(xml_path)));
    CAPTURE(r.output);
    // It prints its errors and still exits 0: the saved file is the proof.
    REQUIRE(r.output.find("Saved to file") != std::string::npos);
    absl::StatusOr<std::string> xml = ReadFile(xml_path);
    REQUIRE(xml.ok());
    absl::StatusOr<std::unique_ptr<testing::XmlElement>> root =
        testing::ParseXml(*xml);
    REQUIRE_MESSAGE(root.ok(), root.status().ToString());
    std::vector<const testing::XmlElement*> cases =
        (*root)->FindAll("testcase");
    REQUIRE(cases.size() == report.findings.size());
    for (size_t i = 0; i < cases.size(); ++i) {
      const Finding& f = report.findings[i];
      const testing::XmlElement& c = *cases[i];
      CAPTURE(f.resource);
      CHECK(c.Attr("classname") == f.rule_id);
      // It reads the percent-encoded uri as it is.
      CHECK(c.Attr("file") == (name == "hostile-strings"
                                   ? "fixtures/orgs/my%20org%20%231%3F.json"
                                   : f.location.uri));
      // Failed checks (error, warning) fail; review results (level "none")
      // are listed as passing, as this consumer knows no "review".
      bool failed = c.Child("failure") != nullptr;
      CHECK(failed == (f.kind == FindingKind::kFail));
      std::string where =
          Cat("Ln ", f.location.line, " Col ", f.location.column, " ");
      CHECK(c.Attr("name").find(failed ? where : std::string()) == 0);
    }
  }
}

TEST_CASE("sarif-to-markdown links each result to its file line") {
  std::string missing =
      testing::MissingNodePackage("@security-alert/sarif-to-markdown");
  REQUIRE_MESSAGE(missing.empty(), missing);
  std::string dir = testing::TestOutputDir("sarif-to-markdown");
  for (const auto& entry : Logs()) {
    const std::string& name = entry.first;  // (CAPTURE: see above)
    const Report& report = entry.second;
    // This consumer takes any `suppressions` array, even an empty one, as
    // "suppressed" (SARIF says empty means not suppressed, and requires the
    // array on every result once one result is waived); it is checked on
    // the runs without waivers.
    bool waived = false;
    for (const Finding& f : report.findings) waived = waived || f.suppressed;
    if (waived) continue;
    CAPTURE(name);
    std::string sarif_path = Cat(dir, "/", name, ".sarif");
    REQUIRE(WriteFileAtomically(sarif_path, RenderSarif(report, {})).ok());
    testing::CommandResult r =
        RunInNodeDir(Cat(testing::Node(), " ../report/sarif_to_markdown.mjs ",
                         ShellQuote(sarif_path)));
    CAPTURE(r.output);
    REQUIRE(r.exit_code == 0);
    if (report.findings.empty()) {
      CHECK(r.output.find("## Results\n\nNothing here.") != std::string::npos);
    }
    for (const Finding& f : report.findings) {
      CAPTURE(f.resource);
      CHECK(r.output.find(Cat("**[", f.rule_id, "]**")) != std::string::npos);
      CHECK(r.output.find(Cat("https://github.com/hublint/hublint/blob/main/",
                              f.location.uri, "#L", f.location.line, "\n")) !=
            std::string::npos);
    }
  }
}

}  // namespace
}  // namespace hublint
