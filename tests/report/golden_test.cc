// Golden files: every example scenario rendered in every format, compared
// byte for byte with tests/golden/report/<scenario>.<format file>. Run with
// HUBLINT_UPDATE_GOLDEN=1 to rewrite them after an intended change, then
// read the diff: the goldens are reviewed as documentation of the formats.

#include <cstdlib>
#include <string>

#include "doctest/doctest.h"
#include "lint/report/render.h"
#include "lint/report/testing/example_reports.h"
#include "lint/util/files.h"
#include "lint/util/strings.h"

namespace hublint {
namespace {

std::string GoldenName(Format format) {
  switch (format) {
    case Format::kText:
      return "text.txt";
    case Format::kJson:
      return "json";
    case Format::kSarif:
      return "sarif";
    case Format::kMarkdown:
      return "md";
    case Format::kJunit:
      return "junit.xml";
    case Format::kGithub:
      return "github.txt";
  }
  return "out";
}

// "line 12: expected `...`, got `...`" for the first line that differs.
std::string FirstDifference(const std::string& want, const std::string& got) {
  size_t line = 1, i = 0;
  while (i < want.size() && i < got.size() && want[i] == got[i]) {
    if (want[i] == '\n') ++line;
    ++i;
  }
  auto line_at = [](const std::string& s, size_t pos) {
    size_t start = s.rfind('\n', pos == 0 ? 0 : pos - 1);
    start = start == std::string::npos ? 0 : start + 1;
    size_t end = s.find('\n', pos);
    return s.substr(start, end == std::string::npos ? end : end - start);
  };
  return Cat("line ", line, ": expected `", line_at(want, i), "`, got `",
             line_at(got, i), "`");
}

TEST_CASE("every scenario in every format matches its golden file") {
  absl::StatusOr<std::vector<testing::ExampleScenario>> scenarios =
      testing::ExampleScenarios(HUBLINT_SOURCE_DIR);
  REQUIRE_MESSAGE(scenarios.ok(), scenarios.status().ToString());
  REQUIRE(scenarios->size() == 7);
  const char* update = std::getenv("HUBLINT_UPDATE_GOLDEN");
  bool updating = update != nullptr && std::string(update) == "1";
  for (const testing::ExampleScenario& scenario : *scenarios) {
    for (const FormatInfo& info : AllFormats()) {
      std::string path = Cat(HUBLINT_SOURCE_DIR, "/tests/golden/report/",
                             scenario.name, ".", GoldenName(info.format));
      CAPTURE(path);
      std::string got = RenderReport(info.format, scenario.report, {});
      // Deterministic: a second rendering gives the same bytes.
      CHECK(got == RenderReport(info.format, scenario.report, {}));
      if (updating) {
        REQUIRE(WriteFileAtomically(path, got).ok());
        continue;
      }
      absl::StatusOr<std::string> want = ReadFile(path);
      REQUIRE_MESSAGE(want.ok(), want.status().ToString(),
                      " (create it with HUBLINT_UPDATE_GOLDEN=1)");
      if (*want != got) {
        FAIL_CHECK(path, " differs from the rendering, at ",
                   FirstDifference(*want, got),
                   "; if the change is intended, rerun with "
                   "HUBLINT_UPDATE_GOLDEN=1 and review the diff");
      }
    }
  }
}

}  // namespace
}  // namespace hublint
