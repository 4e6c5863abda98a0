#include "lint/report/format.h"

#include "doctest/doctest.h"
#include "lint/report/render.h"
#include "lint/util/strings.h"

namespace hublint {
namespace {

TEST_CASE("ParseFormat knows every format by name") {
  for (const FormatInfo& info : AllFormats()) {
    absl::StatusOr<Format> parsed = ParseFormat(info.name);
    REQUIRE(parsed.ok());
    CHECK(*parsed == info.format);
    CHECK(FormatName(info.format) == info.name);
  }
}

TEST_CASE("ParseFormat refuses an unknown format with a suggestion") {
  struct Case {
    std::string_view name;
    std::string_view message;
  };
  const Case cases[] = {
      {"sarf",
       "unknown format `sarf`; did you mean `sarif`? (formats: text, json, "
       "sarif, markdown, junit, github)"},
      {"SARIF",
       "unknown format `SARIF` (formats: text, json, sarif, markdown, junit, "
       "github)"},
      {"md",
       "unknown format `md` (formats: text, json, sarif, markdown, junit, "
       "github)"},
      {"",
       "unknown format `` (formats: text, json, sarif, markdown, junit, "
       "github)"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    absl::StatusOr<Format> parsed = ParseFormat(c.name);
    REQUIRE(!parsed.ok());
    CHECK(parsed.status().code() == absl::StatusCode::kInvalidArgument);
    CHECK(ToStd(parsed.status().message()) == c.message);
  }
}

TEST_CASE("UseColour: a terminal, without NO_COLOR or TERM=dumb") {
  struct Case {
    bool terminal;
    std::map<std::string, std::string> env;
    bool colour;
  };
  const Case cases[] = {
      {true, {}, true},
      {false, {}, false},
      {true, {{"NO_COLOR", "1"}}, false},
      {true, {{"NO_COLOR", ""}}, true},  // no-color.org: empty means unset
      {true, {{"TERM", "dumb"}}, false},
      {true, {{"TERM", "xterm-256color"}}, true},
  };
  for (const Case& c : cases) {
    FakeEnvironment env(c.env);
    CHECK(UseColour(c.terminal, env) == c.colour);
  }
}

}  // namespace
}  // namespace hublint
