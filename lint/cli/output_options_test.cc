#include "lint/cli/output_options.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>

#include "lint/report/testing/example_reports.h"
#include "lint/util/files.h"
#include "lint/util/strings.h"

namespace hublint::cli {
namespace {

struct Fixture {
  std::ostringstream out, err;
  FakeEnvironment env;
  FakeClock clock{absl::UnixEpoch()};
  CommandContext ctx{out, err, env, clock};
  std::string dir;

  Fixture() {
    dir = Cat(HUBLINT_BINARY_DIR, "/lint/cli/output-options-test");
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
  }
};

Report Small() {
  Report report;
  report.run.org_name = "contoso";
  report.run.source_uri = "org.json";
  RuleInfo rule;
  rule.id = "DH-A";
  rule.title = "Fine";
  report.rules = {rule};
  Finding f;
  f.rule_id = "DH-A";
  f.resource = "member:bob";
  f.message = "bob is not fine";
  report.findings = {f};
  return report;
}

TEST_CASE("WriteReports writes every file whole and stdout once") {
  Fixture fx;
  OutputOptions options;
  options.category = "pr";
  options.outputs = {{Format::kSarif, Cat(fx.dir, "/r.sarif")},
                     {Format::kJson, Cat(fx.dir, "/r.json")},
                     {Format::kText, "-"}};
  REQUIRE(WriteReports(Small(), options, fx.ctx).ok());
  absl::StatusOr<std::string> sarif = ReadFile(Cat(fx.dir, "/r.sarif"));
  REQUIRE(sarif.ok());
  CHECK(sarif->find("\"id\": \"pr/\"") != std::string::npos);
  CHECK(ReadFile(Cat(fx.dir, "/r.json"))
            ->starts_with("{\n  \"schema\": \"hublint/findings/v1\""));
  CHECK(fx.out.str().find("contoso: 1 error (1 rule checked)\n") !=
        std::string::npos);
  CHECK(fx.err.str().empty());
  // No temporary file is left behind.
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(fx.dir)) {
    (void)entry;
    ++files;
  }
  CHECK(files == 2);
}

TEST_CASE("WriteReports names each path it could not write, and goes on") {
  Fixture fx;
  OutputOptions options;
  std::string missing = Cat(fx.dir, "/no/such/dir/r.sarif");
  options.outputs = {{Format::kSarif, missing},
                     {Format::kJson, Cat(fx.dir, "/r.json")}};
  absl::Status status = WriteReports(Small(), options, fx.ctx);
  REQUIRE_FALSE(status.ok());
  CHECK(ToStd(status.message())
            .starts_with(Cat("cannot write the sarif report to ", missing,
                             ": cannot create ")));
  CHECK(std::filesystem::exists(Cat(fx.dir, "/r.json")));
}

TEST_CASE("colour only on a terminal, only on stdout, never with NO_COLOR") {
  struct Case {
    bool terminal;
    const char* no_color;
    bool colour;
  };
  const Case cases[] = {
      {true, nullptr, true}, {false, nullptr, false}, {true, "1", false}};
  for (const Case& c : cases) {
    Fixture fx;
    fx.ctx.out_is_terminal = c.terminal;
    if (c.no_color) fx.env.Set("NO_COLOR", c.no_color);
    OutputOptions options;
    options.outputs = {{Format::kText, "-"},
                       {Format::kText, Cat(fx.dir, "/r.txt")}};
    REQUIRE(WriteReports(Small(), options, fx.ctx).ok());
    CHECK((fx.out.str().find('\x1b') != std::string::npos) == c.colour);
    CHECK(ReadFile(Cat(fx.dir, "/r.txt"))->find('\x1b') == std::string::npos);
  }
}

TEST_CASE("WriteReports says on stderr what the SARIF run left out") {
  Fixture fx;
  OutputOptions options;
  options.outputs = {{Format::kSarif, Cat(fx.dir, "/big.sarif")}};
  REQUIRE(
      WriteReports(testing::ManyFindingsReport(25003), options, fx.ctx).ok());
  CHECK(fx.err.str() ==
        Cat("hublint: ", fx.dir,
            "/big.sarif: 3 of 25003 results left out of the SARIF run "
            "(GitHub code scanning takes at most 25000 per run); the most "
            "severe were kept\n"));
}

}  // namespace
}  // namespace hublint::cli
