#include "lint/report/output_spec.h"

#include <doctest/doctest.h>

#include "lint/util/strings.h"

namespace hublint {
namespace {

TEST_CASE("PairOutputs pairs formats and outputs in order") {
  using V = std::vector<std::string>;
  struct Case {
    V formats, outputs;
    std::vector<OutputSpec> specs;
  };
  const Case cases[] = {
      {{}, {}, {}},
      {{"sarif"}, {}, {{Format::kSarif, "-"}}},
      {{"sarif", "json"},
       {"a.sarif", "b.json"},
       {{Format::kSarif, "a.sarif"}, {Format::kJson, "b.json"}}},
      {{"sarif", "text"},
       {"a.sarif"},
       {{Format::kSarif, "a.sarif"}, {Format::kText, "-"}}},
      {{"markdown", "junit", "github"},
       {"r.md", "-"},
       {{Format::kMarkdown, "r.md"},
        {Format::kJunit, "-"},
        {Format::kGithub, "-"}}},
  };
  for (const Case& c : cases) {
    absl::StatusOr<std::vector<OutputSpec>> specs =
        PairOutputs(c.formats, c.outputs);
    if (c.specs.size() == 3) {  // two on stdout: refused below
      CHECK_FALSE(specs.ok());
      continue;
    }
    REQUIRE_MESSAGE(specs.ok(), specs.status().ToString());
    CHECK(*specs == c.specs);
  }
}

TEST_CASE("PairOutputs errors, word for word") {
  using V = std::vector<std::string>;
  struct Case {
    V formats, outputs;
    std::string_view message;
  };
  const Case cases[] = {
      {{},
       {"out.sarif"},
       "more --output files than --format flags (1 and 0): give each "
       "--output FILE a --format before it, e.g. --format sarif --output "
       "out.sarif"},
      {{"sarif"},
       {"a.sarif", "b.json"},
       "more --output files than --format flags (2 and 1): give each "
       "--output FILE a --format before it, e.g. --format sarif --output "
       "b.json"},
      {{"json", "sarif"},
       {},
       "formats json and sarif would both go to standard output: give all "
       "but one an --output FILE"},
      {{"json", "sarif"},
       {"-", "-"},
       "formats json and sarif would both go to standard output: give all "
       "but one an --output FILE"},
      {{"json", "sarif"},
       {"r", "r"},
       "`r` is given as --output twice: each report needs its own file"},
      {{"sarf"},
       {"a"},
       "unknown format `sarf`; did you mean `sarif`? (formats: text, json, "
       "sarif, markdown, junit, github)"},
      {{"json"},
       {""},
       "--output for --format json is empty: give a file name, or - for "
       "stdout"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<std::vector<OutputSpec>> specs =
        PairOutputs(c.formats, c.outputs);
    REQUIRE_FALSE(specs.ok());
    CHECK(specs.status().code() == absl::StatusCode::kInvalidArgument);
    CHECK(ToStd(specs.status().message()) == c.message);
  }
}

TEST_CASE("CheckOutputs refuses a list read from a configuration file") {
  CHECK(CheckOutputs(
            {{Format::kSarif, "a"}, {Format::kJson, "b"}, {Format::kText, "-"}})
            .ok());
  CHECK(ToStd(CheckOutputs({{Format::kSarif, "-"}, {Format::kJson, "-"}})
                  .message()) ==
        "formats sarif and json would both go to standard output: give all but "
        "one an --output FILE");
}

}  // namespace
}  // namespace hublint
