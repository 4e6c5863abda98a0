// Progress on stderr, in-process: a live line on a terminal, one line per
// endpoint elsewhere, nothing with --quiet.

#include <doctest/doctest.h>

#include <sstream>

#include "lint/cli/command.h"
#include "lint/util/environment.h"
#include "tests/hub/harness.h"

namespace hublint::testing {
namespace {

struct Run {
  int code = 0;
  std::string out;
  std::string err;
};

Run RunInProcess(const std::vector<std::string>& args, bool terminal) {
  fake_hub::FakeHub hub({});
  hub.AddOrg(LoadFixture());
  hub.AddAccount(kUser, kPassword, fake_hub::AccountKind::kPassword);
  REQUIRE(hub.Start().ok());
  FakeEnvironment env(
      {{"DOCKER_HUB_USERNAME", kUser}, {"DOCKER_HUB_TOKEN", kPassword}});
  RealClock clock;
  std::ostringstream out, err;
  cli::CommandContext ctx{.out = out,
                          .err = err,
                          .env = env,
                          .clock = clock,
                          .out_is_terminal = false,
                          .err_is_terminal = terminal};
  std::vector<std::string> full = args;
  full.push_back("--api-url");
  full.push_back(hub.base_url());
  Run r;
  r.code = cli::RunCli(full, ctx);
  r.out = out.str();
  r.err = err.str();
  hub.Stop();
  return r;
}

TEST_CASE("On a terminal: one line redrawn in place, cleared at the end") {
  Run r = RunInProcess({"fetch", "--org", "contoso"}, /*terminal=*/true);
  CHECK(r.code == 0);
  CHECK(r.err.starts_with("\r\x1b[Kfetch: "));
  CHECK(r.err.find(" endpoints done") != std::string::npos);
  CHECK(r.err.find("\nhublint: members:") == std::string::npos);
  // The live line is cleared before the summary.
  CHECK(r.err.find("\r\x1b[Khublint fetch: contoso: 6 members") !=
        std::string::npos);
  CHECK(r.out.starts_with("{\n  \"schema\": \"hublint/state/v1\",\n"));
}

TEST_CASE("In CI: one line per endpoint when it completes") {
  Run r = RunInProcess({"fetch", "--org", "contoso"}, /*terminal=*/false);
  CHECK(r.code == 0);
  CHECK(r.err.find('\r') == std::string::npos);
  for (const char* endpoint :
       {"members", "editors", "invites", "teams", "team members",
        "repositories", "repository details", "team grants",
        "organization tokens", "personal tokens", "settings",
        "registry access"}) {
    CAPTURE(endpoint);
    CHECK(r.err.find(std::string("hublint: ") + endpoint + ": ") !=
          std::string::npos);
  }
}

TEST_CASE("--quiet silences progress") {
  std::string snapshot = "/tmp/hublint-progress-test-snapshot.json";
  Run r = RunInProcess(
      {"scan", "--org", "contoso", "--quiet", "--snapshot", snapshot},
      /*terminal=*/true);
  std::remove(snapshot.c_str());
  CHECK(r.code == 0);
  CHECK(r.err.empty());
}

}  // namespace
}  // namespace hublint::testing
