#include "lint/cli/flags.h"

#include <doctest/doctest.h>

#include "lint/util/strings.h"

namespace hublint::cli {
namespace {

const std::vector<FlagSpec> kSpecs = {
    {"state", "FILE", "the state"},
    {"format", "FMT", "output format", /*repeatable=*/true},
    {"quiet", "", "no progress"},
};

TEST_CASE("Parses values, inline values, switches, repeats and positionals") {
  absl::StatusOr<ParsedArgs> args =
      ParseArgs({"--state", "a.json", "--format=sarif", "--format", "json",
                 "--quiet", "EXPR", "--", "--not-a-flag"},
                kSpecs);
  REQUIRE(args.ok());
  CHECK(args->Value("state") == "a.json");
  CHECK(args->Values("format") == std::vector<std::string>{"sarif", "json"});
  CHECK(args->Has("quiet"));
  CHECK_FALSE(args->Has("help"));
  CHECK(args->positional() == std::vector<std::string>{"EXPR", "--not-a-flag"});
  CHECK(ParseArgs({"-"}, kSpecs)->positional() ==
        std::vector<std::string>{"-"});
}

TEST_CASE("Flag errors, word for word") {
  struct {
    std::vector<std::string> args;
    const char* message;
  } cases[] = {
      {{"--formt", "x"}, "unknown flag `--formt`; did you mean `--format`?"},
      {{"--bogus"}, "unknown flag `--bogus`"},
      {{"-s", "x"}, "unknown flag `-s`: flags are spelled --name"},
      {{"--state"}, "flag `--state` needs a value: --state FILE"},
      {{"--quiet=yes"}, "flag `--quiet` takes no value"},
      {{"--state", "a", "--state", "b"}, "flag `--state` given more than once"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.message);
    absl::StatusOr<ParsedArgs> args = ParseArgs(c.args, kSpecs);
    REQUIRE_FALSE(args.ok());
    CHECK(ToStd(args.status().message()) == c.message);
  }
}

TEST_CASE("Help is recognized anywhere") {
  CHECK(ParseArgs({"--state", "x", "--help"}, kSpecs)->Has("help"));
  CHECK(ParseArgs({"-h"}, kSpecs)->Has("help"));
}

TEST_CASE("FlagTable aligns the help column") {
  CHECK(FlagTable(kSpecs) ==
        "  --state FILE  the state\n"
        "  --format FMT  output format (repeatable)\n"
        "  --quiet       no progress\n"
        "  --help        show this help\n");
}

}  // namespace
}  // namespace hublint::cli
