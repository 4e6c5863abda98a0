// The hublint binary end to end: commands, help, errors and exit codes, as a
// user or a CI job sees them.

#include <doctest/doctest.h>

#include "tests/testing/run_hublint.h"

namespace hublint::testing {
namespace {

TEST_CASE("version") {
  RunResult r = RunHublint({"version"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "hublint 0.1.0\n");
  CHECK(RunHublint({"--version"}).out == r.out);
}

TEST_CASE("Top-level help lists every command; no command is a usage error") {
  RunResult help = RunHublint({"--help"});
  CHECK(help.exit_code == 0);
  for (const char* command :
       {"check", "fetch", "scan", "rules", "eval", "version"}) {
    CAPTURE(command);
    CHECK(help.out.find(std::string("\n  ") + command + " ") !=
          std::string::npos);
  }
  RunResult none = RunHublint({});
  CHECK(none.exit_code == 2);
  CHECK(none.err == help.out);
}

TEST_CASE("Every command answers --help with its usage") {
  for (const char* command :
       {"check", "fetch", "scan", "rules", "eval", "version"}) {
    CAPTURE(command);
    RunResult r = RunHublint({command, "--help"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.starts_with(std::string("Usage: hublint ") + command));
    CHECK(r.out.find("Options:\n") != std::string::npos);
    CHECK(r.out.find("Exit codes:") != std::string::npos);
    CHECK(RunHublint({"help", command}).out == r.out);
  }
}

TEST_CASE("Unknown commands and flags get a suggestion and exit 2") {
  RunResult command = RunHublint({"chekc"});
  CHECK(command.exit_code == 2);
  CHECK(command.err ==
        "hublint: unknown command `chekc`; did you mean `check`?\n"
        "Run `hublint --help` for the list of commands.\n");
  RunResult flag = RunHublint({"check", "--stat", "x.json"});
  CHECK(flag.exit_code == 2);
  CHECK(flag.err ==
        "hublint check: unknown flag `--stat`; did you mean `--state`?\n"
        "Run `hublint check --help` for usage.\n");
  RunResult missing = RunHublint({"check"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.starts_with("hublint check: no state to check"));
}

TEST_CASE("check on a compliant organization: no findings, exit 0") {
  RunResult r =
      RunHublint({"check", "--state", "fixtures/orgs/compliant.json"});
  CHECK(r.exit_code == 0);
  CHECK(
      r.out.starts_with("hublint 0.1.0: contoso, declared state "
                        "fixtures/orgs/compliant.json, collected "
                        "2026-11-20T02:00:00Z, complete\n"));
  CHECK(r.out.find("contoso: no findings") != std::string::npos);
  CHECK(r.err.empty());
}

TEST_CASE("check on an organization breaking a rule: the finding, exit 1") {
  RunResult r =
      RunHublint({"check", "--state", "fixtures/orgs/mfa-missing.json"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find(
            "DH-MFA-001 error: Members have two-factor authentication\n"
            "  fixtures/orgs/mfa-missing.json:61:5: member:bob: bob (member) "
            "has no two-factor authentication, and the organization does not "
            "enforce SSO\n") != std::string::npos);
  RunResult never =
      RunHublint({"check", "--state", "fixtures/orgs/mfa-missing.json",
                  "--fail-on", "never"});
  CHECK(never.exit_code == 0);
}

TEST_CASE(
    "An incomplete state gives no verdict: exit 3 unless --allow-partial") {
  RunResult r =
      RunHublint({"check", "--state", "fixtures/orgs/unknown-incomplete.json"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("  access_tokens.personal: GET /v2/access-tokens: 403 token "
                   "issued from personal access token is not allowed\n") !=
        std::string::npos);
  RunResult partial =
      RunHublint({"check", "--state", "fixtures/orgs/unknown-incomplete.json",
                  "--allow-partial"});
  CHECK(partial.exit_code == 0);
  CHECK(partial.err.find("--allow-partial") != std::string::npos);
}

TEST_CASE("A state that cannot be read exits 3 and says where") {
  RunResult missing =
      RunHublint({"check", "--state", "fixtures/orgs/absent.json"});
  CHECK(missing.exit_code == 3);
  CHECK(missing.err ==
        "hublint check: cannot open fixtures/orgs/absent.json: No such file or "
        "directory\n");
  RunResult bad =
      RunHublint({"check", "--state", "tests/schema/invalid/wrong-type.json"});
  CHECK(bad.exit_code == 3);
  CHECK(bad.err.starts_with(
      "hublint check: tests/schema/invalid/wrong-type.json:1:130: "
      "`members[0].two_factor_enabled`: expected a boolean or null, got a "
      "string\n"));
  CHECK(bad.out.empty());
}

TEST_CASE("The state can come from standard input") {
  RunResult r = RunProgram(
      HublintPath(), {"check", "--state", "-"}, {}, "",
      "{\"schema\": \"hublint/state/v1\", \"org\": {\"name\": \"piped\"}}");
  CHECK(r.exit_code == 0);
  CHECK(r.out.starts_with("hublint 0.1.0: piped, declared state"));
}

TEST_CASE("A restart with huge pages gives the same report") {
  // HUBLINT_MALLOC_TUNING=on restarts `check` and `eval` whatever the input's
  // size (malloc_tuning.h); the restarted process must see the same arguments
  // and environment and say the same, once.
  const std::vector<std::string> check = {
      "check", "--state", "fixtures/orgs/mfa-missing.json", "--format", "json"};
  const std::vector<std::string> eval = {"eval", "--state",
                                         "fixtures/orgs/mfa-missing.json",
                                         "org.members.map(m, m.username)"};
  for (const auto& args : {check, eval}) {
    CAPTURE(args[0]);
    RunResult off = RunHublint(
        args, {{"HUBLINT_MALLOC_TUNING", "off"}, {"SOURCE_DATE_EPOCH", "1"}});
    RunResult on = RunHublint(
        args, {{"HUBLINT_MALLOC_TUNING", "on"}, {"SOURCE_DATE_EPOCH", "1"}});
    CHECK(off.exit_code == (args[0] == "check" ? 1 : 0));
    CHECK(on.exit_code == off.exit_code);
    CHECK(on.out == off.out);
    CHECK(on.err == off.err);
    CHECK(off.out.find("bob") != std::string::npos);
  }
  RunResult wrong =
      RunHublint({"check", "--state", "fixtures/orgs/compliant.json"},
                 {{"HUBLINT_MALLOC_TUNING", "yes"}});
  CHECK(wrong.exit_code == 0);
  CHECK(wrong.err ==
        "hublint: warning: HUBLINT_MALLOC_TUNING is `yes`, not auto, on or off; "
        "using auto\n");
}

}  // namespace
}  // namespace hublint::testing
