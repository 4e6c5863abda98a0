// hublint eval, end to end: values, the JSON line, and exit codes.

#include <doctest/doctest.h>

#include "tests/testing/run_hublint.h"

namespace hublint::testing {
namespace {

TEST_CASE("eval prints values as rules see the state") {
  struct {
    std::vector<std::string> args;
    std::string out;
    int exit_code;
  } cases[] = {
      {{"eval", "1 + 2"}, "3\n", 0},
      {{"eval", "--format", "json", "1 + 2"},
       "{\"value\":{\"int64Value\":\"3\"}}\n",
       0},
      {{"eval", "--format", "json", "--var", "x=[1, 2.5, \"a\"]", "x"},
       "{\"value\":{\"listValue\":{\"values\":[{\"int64Value\":\"1\"},{"
       "\"doubleValue\":2.5},"
       "{\"stringValue\":\"a\"}]}}}\n",
       0},
      {{"eval", "--state", "fixtures/orgs/compliant.json",
        "org.members.filter(m, m.role == 'owner').map(m, m.username)"},
       "[\"alice\", \"dan\"]\n",
       0},
      {{"eval", "--state", "fixtures/orgs/compliant.json", "--format", "json",
        "now == timestamp('2026-11-20T02:00:00Z')"},
       "{\"value\":{\"boolValue\":true}}\n",
       0},
      // An unknown fact is a value of its own, named.
      {{"eval", "--state", "fixtures/orgs/unknown-incomplete.json", "--format",
        "json", "org.members[0].two_factor_enabled"},
       "{\"unknown\":[\"org.members[0].two_factor_enabled\"]}\n",
       0},
      // An evaluation error exits 1 with the error object.
      {{"eval", "--format", "json", "--var", "x=3", "x / 0"},
       "{\"error\":\"division by zero\"}\n",
       1},
  };
  for (const auto& c : cases) {
    CAPTURE(c.args.back());
    RunResult r = RunHublint(c.args);
    CHECK(r.out == c.out);
    CHECK(r.exit_code == c.exit_code);
  }
}

TEST_CASE("eval: a syntax or type error exits 2 with the position") {
  RunResult r = RunHublint({"eval", "--state", "fixtures/orgs/compliant.json",
                            "org.members.size() +"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.starts_with("hublint eval: 1:21: "));
  RunResult field =
      RunHublint({"eval", "--state", "fixtures/orgs/compliant.json",
                  "org.members[0].two_factor"});
  CHECK(field.exit_code == 2);
  CHECK(field.err.find("unknown field `two_factor` on member; did you mean "
                       "`two_factor_enabled`?") != std::string::npos);
  RunResult json = RunHublint({"eval", "--format", "json", "1 +"});
  CHECK(json.exit_code == 2);
  CHECK(json.out.starts_with("{\"error\":"));
}

TEST_CASE("eval: usage errors") {
  CHECK(RunHublint({"eval"}).exit_code == 2);
  CHECK(RunHublint({"eval", "--var", "novalue", "1"}).exit_code == 2);
  CHECK(RunHublint({"eval", "--format", "yaml", "1"}).exit_code == 2);
  CHECK(RunHublint({"eval", "--state", "fixtures/orgs/absent.json", "1"})
            .exit_code == 3);
}

}  // namespace
}  // namespace hublint::testing
