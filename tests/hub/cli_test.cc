// The hublint binary against the fake Docker Hub: `fetch` and `scan` end to
// end, their exit codes and messages, credentials from every source, TLS,
// and the rule that no secret ever reaches an output.

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/stat.h>

#include "lint/state/snapshot_reader.h"
#include "lint/state/snapshot_writer.h"
#include "lint/util/strings.h"
#include "tests/fake_hub/fake_hub.h"
#include "tests/hub/harness.h"
#include "tests/hub/run_binary.h"

// Whether this build runs under AddressSanitizer (gcc or clang).
#if defined(__SANITIZE_ADDRESS__)
#define HUBLINT_TEST_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HUBLINT_TEST_UNDER_ASAN 1
#endif
#endif
#ifndef HUBLINT_TEST_UNDER_ASAN
#define HUBLINT_TEST_UNDER_ASAN 0
#endif

namespace hublint::testing {
namespace {

using fake_hub::Fault;

// A fake Hub on loopback serving the fixture, and a working directory.
struct Cli {
  explicit Cli(fake_hub::Options options = {}) : fixture(LoadFixture()) {
    hub = std::make_unique<fake_hub::FakeHub>(options);
    hub->AddOrg(fixture);
    hub->AddAccount(kUser, kPassword, fake_hub::AccountKind::kPassword);
    REQUIRE(hub->Start().ok());
    env = {{"PATH", "/usr/bin:/bin"},
           {"HOME", home.path()},
           {"DOCKER_HUB_USERNAME", kUser},
           {"DOCKER_HUB_TOKEN", kPassword}};
  }
  RunResult Run(std::vector<std::string> args, bool add_url = true) {
    if (add_url) {
      args.push_back("--api-url");
      args.push_back(hub->base_url());
    }
    return RunHublint(args, env, dir.path());
  }
  // The snapshot at `name` holds exactly what the API shows of the fixture.
  void CheckSnapshot(const std::string& name) {
    absl::StatusOr<OrgState> s = ReadSnapshotFile(Cat(dir.path(), "/", name));
    REQUIRE_MESSAGE(s.ok(), s.status().message());
    REQUIRE(s->collected_at.has_value());
    OrgState expected =
        ExpectedFromApi(fixture, kUser, hub->base_url(), *s->collected_at);
    expected.audit_events.clear();  // read only with --audit-since
    CHECK(WriteSnapshot(*s) == WriteSnapshot(expected));
  }

  OrgState fixture;
  std::unique_ptr<fake_hub::FakeHub> hub;
  TempDir home;
  TempDir dir;
  std::map<std::string, std::string> env;
};

TEST_CASE("fetch writes the snapshot atomically and reports per endpoint") {
  Cli c;
  RunResult r = c.Run({"fetch", "--org", "contoso", "--output", "snap.json"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  c.CheckSnapshot("snap.json");
  // Not a terminal: one line per endpoint, then a summary.
  CHECK(r.err.find("hublint: members: 6 items in 1 answer (") !=
        std::string::npos);
  CHECK(r.err.find("hublint: team grants: 3 items in 3 answers (") !=
        std::string::npos);
  CHECK(r.err.find(
            "hublint fetch: contoso: 6 members, 3 teams, 3 repositories, 3 "
            "tokens, 1 invites, 0 audit events; 20 requests (0 retries, 0 "
            "rate-limit waits); snapshot in snap.json\n") != std::string::npos);

  // --quiet: nothing on stderr; no --output: the snapshot on stdout.
  r = c.Run({"fetch", "--org", "contoso", "--quiet"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  absl::StatusOr<OrgState> s = ReadSnapshot(r.out, "<stdout>");
  REQUIRE(s.ok());
  CHECK(s->members.size() == 6);
}

TEST_CASE("fetch --audit-since reads the audit log from that date") {
  Cli c;
  RunResult r = c.Run({"fetch", "--org", "contoso", "--quiet", "--audit-since",
                       "2026-11-01", "--output", "a.json"});
  CHECK(r.exit_code == 0);
  absl::StatusOr<OrgState> s = ReadSnapshotFile(Cat(c.dir.path(), "/a.json"));
  REQUIRE(s.ok());
  REQUIRE(s->audit_events.size() == 1);
  CHECK(s->audit_events[0].action == "repo.tag.push");
  r = c.Run({"fetch", "--org", "contoso", "--quiet", "--audit-since",
             "2026-11-20T00:00:00Z", "--output", "b.json"});
  CHECK(r.exit_code == 0);
  s = ReadSnapshotFile(Cat(c.dir.path(), "/b.json"));
  REQUIRE(s.ok());
  CHECK(s->audit_events.empty());
}

TEST_CASE("fetch: failures exit 3 with the endpoint and reason, no snapshot") {
  Cli c;
  c.env["DOCKER_HUB_TOKEN"] = "wrong-token";
  RunResult r = c.Run({"fetch", "--org", "contoso", "--output", "snap.json"});
  CHECK(r.exit_code == 3);
  CHECK(r.err ==
        Cat("hublint fetch: cannot collect the organization `contoso`: auth: "
            "POST ",
            c.hub->base_url(),
            "/v2/auth/token: 401 Unauthorized (unauthorized): the Docker Hub "
            "API refused the credentials of `dan` (from DOCKER_HUB_TOKEN)\n"
            "No snapshot was written and no verdict is given (exit 3).\n"));
  CHECK_FALSE(c.dir.Exists("snap.json"));

  c.env["DOCKER_HUB_TOKEN"] = kPassword;
  r = c.Run({"fetch", "--org", "globex", "--quiet", "--output", "snap.json"});
  CHECK(r.exit_code == 3);
  CHECK(r.err ==
        Cat("hublint fetch: cannot collect the organization `globex`: "
            "organization `globex` not found: members: GET ",
            c.hub->base_url(),
            "/v2/orgs/globex/members?page=1&page_size=100: 404 Not Found (not "
            "found)\nNo snapshot was written and no verdict is given (exit "
            "3).\n"));
  CHECK_FALSE(c.dir.Exists("snap.json"));
}

TEST_CASE("fetch: a 403 is a gap; the snapshot says incomplete; exit 3") {
  Cli c;
  c.hub->AddFault({.endpoint = "settings",
                   .fault = Fault::kStatus,
                   .status = 403,
                   .times = -1});
  RunResult r =
      c.Run({"fetch", "--org", "contoso", "--quiet", "--output", "snap.json"});
  CHECK(r.exit_code == 3);
  CHECK(r.err ==
        Cat("hublint fetch: these parts could not be read:\n"
            "  settings.image_access_management: GET ",
            c.hub->base_url(),
            "/v2/orgs/contoso/settings: 403 Forbidden (permission denied)\n"
            "hublint fetch: the snapshot is marked incomplete; exit 3 (pass "
            "--allow-partial to accept it)\n"));
  absl::StatusOr<OrgState> s =
      ReadSnapshotFile(Cat(c.dir.path(), "/snap.json"));
  REQUIRE(s.ok());
  CHECK_FALSE(s->source.complete);
  CHECK(s->source.IsGap("settings.image_access_management"));
  CHECK(s->settings.image_access_management.enabled == std::nullopt);

  r = c.Run({"fetch", "--org", "contoso", "--quiet", "--allow-partial",
             "--output", "snap.json"});
  CHECK(r.exit_code == 0);
}

TEST_CASE("scan: fetch, keep the snapshot, check") {
  Cli c;
  RunResult r = c.Run({"scan", "--org", "contoso", "--quiet"});
  CHECK(r.exit_code == 0);
  c.CheckSnapshot("hublint-snapshot.json");
  CHECK(
      r.out.starts_with("hublint 0.1.0: contoso, dockerhub-api state "
                        "hublint-snapshot.json, collected "));
  CHECK(r.out.find(", complete\n") != std::string::npos);

  c.hub->AddFault({.endpoint = "org_access_tokens",
                   .fault = Fault::kStatus,
                   .status = 403,
                   .times = -1});
  r = c.Run({"scan", "--org", "contoso", "--quiet", "--snapshot", "e.json"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("access_tokens.organization: GET ") != std::string::npos);
  CHECK(r.err.find("No verdict is given (exit 3). Pass --allow-partial") !=
        std::string::npos);
  CHECK(c.dir.Exists("e.json"));  // the evidence is kept
  r = c.Run({"scan", "--org", "contoso", "--quiet", "--snapshot", "e.json",
             "--allow-partial"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("INCOMPLETE") != std::string::npos);
}

TEST_CASE(
    "scan with a personal access token login: the PAT gap is not a failure") {
  Cli c;
  c.hub->AddAccount(kUser, "dckr_pat_cli",
                    fake_hub::AccountKind::kPersonalAccessToken);
  c.env["DOCKER_HUB_TOKEN"] = "dckr_pat_cli";
  RunResult r = c.Run({"scan", "--org", "contoso", "--quiet"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.starts_with(
      "hublint scan: not readable with these credentials (rules that need it "
      "give review results):\n  access_tokens.personal: GET "));
  absl::StatusOr<OrgState> s =
      ReadSnapshotFile(Cat(c.dir.path(), "/hublint-snapshot.json"));
  REQUIRE(s.ok());
  CHECK(s->source.complete);
  CHECK(s->source.IsGap("access_tokens.personal"));
}

TEST_CASE("Rate limits and 5xx are waited out for real, briefly") {
  Cli c;
  c.hub->AddFault({.endpoint = "repositories",
                   .fault = Fault::kRetryAfter,
                   .retry_after_seconds = 1});
  c.hub->AddFault(
      {.endpoint = "groups", .fault = Fault::kStatus, .status = 503});
  RunResult r = c.Run({"fetch", "--org", "contoso", "--output", "snap.json",
                       "--concurrency", "2", "--timeout", "5"});
  CHECK(r.exit_code == 0);
  c.CheckSnapshot("snap.json");
  CHECK(r.err.find("hublint: rate limited; waiting ") != std::string::npos);
  CHECK(r.err.find("/v2/orgs/contoso/groups?page=1&page_size=100: 503 "
                   "Service Unavailable (internal error)\n") !=
        std::string::npos);
}

TEST_CASE("A timeout exits 3 after the retries, naming the endpoint") {
  Cli c;
  c.hub->AddFault({.endpoint = "invites",
                   .fault = Fault::kDelay,
                   .times = -1,
                   .delay = absl::Seconds(3)});
  RunResult r = c.Run({"fetch", "--org", "contoso", "--quiet", "--timeout",
                       "0.2", "--output", "snap.json"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find(Cat("invites: GET ", c.hub->base_url(),
                       "/v2/orgs/contoso/invites: no complete answer within "
                       "the timeout of 0.2 s after 5 attempts\n")) !=
        std::string::npos);
  CHECK_FALSE(c.dir.Exists("snap.json"));
}

TEST_CASE("Usage and configuration errors exit 2") {
  Cli c;
  struct Case {
    std::vector<std::string> args;
    std::string err;
  };
  const Case cases[] = {
      {{"fetch"},
       "hublint fetch: give the organization with --org NAME (or `org` in "
       ".hublint.toml)\nRun `hublint "
       "fetch --help` for usage.\n"},
      {{"fetch", "--org", "x", "--api-url", "http://hub.example.com"},
       "hublint fetch: --api-url: `http://hub.example.com`: plain HTTP would "
       "send the credentials in the clear; use https (plain http is accepted "
       "only for a loopback address)\nRun `hublint fetch --help` for usage.\n"},
      {{"scan", "--org", "x", "--concurrency", "0"},
       "hublint scan: --concurrency: expected a whole number from 1 to 64, "
       "got `0`\nRun `hublint scan --help` for usage.\n"},
      {{"fetch", "--org", "x", "--audit-since", "last week"},
       "hublint fetch: --audit-since: expected a date (2026-11-01) or an RFC "
       "3339 timestamp, got `last week`\nRun `hublint fetch --help` for "
       "usage.\n"},
      {{"fetch", "--org", "x", "--ca-file", "/nonexistent.pem"},
       "hublint fetch: --ca-file: "},
  };
  for (const Case& k : cases) {
    CAPTURE(k.err);
    RunResult r = c.Run(k.args, /*add_url=*/false);
    CHECK(r.exit_code == 2);
    CHECK(r.err.starts_with(k.err));
  }
  c.env.erase("DOCKER_HUB_USERNAME");
  c.env.erase("DOCKER_HUB_TOKEN");
  RunResult r = c.Run({"fetch", "--org", "contoso"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == Cat("hublint fetch: no Docker Hub credentials: set "
                     "DOCKER_HUB_USERNAME and DOCKER_HUB_TOKEN (or "
                     "DOCKER_HUB_TOKEN_FILE), or run `docker login` (",
                     c.home.path(), "/.docker/config.json does not exist)\n"));
}

TEST_CASE("--help lists the flags; scan has every check flag") {
  Cli c;
  RunResult fetch = c.Run({"fetch", "--help"}, false);
  CHECK(fetch.exit_code == 0);
  for (const char* flag :
       {"--org NAME", "--api-url URL", "--output FILE", "--concurrency N",
        "--ca-file FILE", "--audit-since DATE", "--quiet", "--timeout SECONDS",
        "--allow-partial"}) {
    CAPTURE(flag);
    CHECK(fetch.out.find(flag) != std::string::npos);
  }
  RunResult scan = c.Run({"scan", "--help"}, false);
  CHECK(scan.exit_code == 0);
  for (const char* flag : {"--org NAME", "--snapshot FILE", "--allow-partial",
                           "--ca-file FILE", "--timeout SECONDS"}) {
    CAPTURE(flag);
    CHECK(scan.out.find(flag) != std::string::npos);
  }
  CHECK(scan.out.find("--state FILE") == std::string::npos);
}

TEST_CASE("Credentials from a token file and from Docker's credential helper") {
  Cli c;
  c.env.erase("DOCKER_HUB_TOKEN");
  c.env["DOCKER_HUB_TOKEN_FILE"] = c.home.Write("token", Cat(kPassword, "\n"));
  RunResult r =
      c.Run({"fetch", "--org", "contoso", "--quiet", "--output", "snap.json"});
  CHECK(r.exit_code == 0);

  // No environment credentials: ~/.docker/config.json names a store whose
  // helper answers through the docker-credential protocol.
  c.env.erase("DOCKER_HUB_USERNAME");
  c.env.erase("DOCKER_HUB_TOKEN_FILE");
  TempDir bin;
  bin.Write("docker-credential-fakestore",
            Cat("#!/bin/sh\n[ \"$1\" = get ] || exit 3\nread url\n"
                "[ \"$url\" = https://index.docker.io/v1/ ] || exit 4\n"
                "printf '{\"ServerURL\":\"%s\",\"Username\":\"dan\","
                "\"Secret\":\"",
                kPassword, "\"}' \"$url\"\n"),
            /*executable=*/true);
  ::mkdir(Cat(c.home.path(), "/.docker").c_str(), 0700);
  c.home.Write(".docker/config.json", R"({"credsStore": "fakestore"})");
  c.env["PATH"] = Cat(bin.path(), ":/usr/bin:/bin");
  r = c.Run({"fetch", "--org", "contoso", "--quiet", "--output", "h.json"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  c.CheckSnapshot("h.json");
}

TEST_CASE("HTTPS: verified by default, a private CA with --ca-file") {
  fake_hub::Options o;
  o.cert_file = "fixtures/hub/tls/cert.pem";
  o.key_file = "fixtures/hub/tls/key.pem";
  Cli c(o);
  REQUIRE(c.hub->base_url().starts_with("https://127.0.0.1:"));
  RunResult r = c.Run({"fetch", "--org", "contoso", "--quiet", "--output",
                       "snap.json", "--timeout", "5"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("/v2/auth/token: TLS failed: ") != std::string::npos);
  CHECK(r.err.find("(give the CA certificate of a private API with "
                   "--ca-file)") != std::string::npos);
  CHECK(c.hub->requests().empty());  // nothing got past the handshake
  CHECK_FALSE(c.dir.Exists("snap.json"));

  r = c.Run({"fetch", "--org", "contoso", "--quiet", "--output", "snap.json",
             "--ca-file",
             Cat(HUBLINT_SOURCE_DIR, "/fixtures/hub/tls/cert.pem")});
  CHECK(r.exit_code == 0);
  c.CheckSnapshot("snap.json");
}

TEST_CASE(
    "No secret reaches stdout, stderr, the snapshot, the report or a crash") {
  const std::string token = "dckr_pat_SECRET-7f3a9c1e-never-print-me";
  const std::string wrong = "dckr_pat_WRONG-5b2d8e4f-never-print-me";
  Cli c;
  c.hub->AddAccount("svc", token, fake_hub::AccountKind::kPersonalAccessToken);
  c.env["DOCKER_HUB_USERNAME"] = "svc";
  c.env["DOCKER_HUB_TOKEN"] = token;
  std::vector<RunResult> runs;
  runs.push_back(c.Run({"fetch", "--org", "contoso", "--output", "a.json"}));
  runs.push_back(c.Run({"scan", "--org", "contoso", "--snapshot", "b.json"}));
  c.hub->AddFault({.endpoint = "repositories",
                   .fault = Fault::kStatus,
                   .status = 401,
                   .times = 2});
  runs.push_back(c.Run({"scan", "--org", "contoso", "--snapshot", "c.json"}));
  c.hub->ClearFaults();
  c.hub->AddFault({.endpoint = "settings",
                   .fault = Fault::kRedirectOtherHost,
                   .other_host = "http://127.0.0.2:9"});
  runs.push_back(c.Run({"fetch", "--org", "contoso", "--output", "d.json"}));
  c.env["DOCKER_HUB_TOKEN"] = wrong;
  runs.push_back(c.Run({"scan", "--org", "contoso", "--snapshot", "e.json"}));
  // Crashes mid-run (a segmentation fault, an abort) while the JWT is in
  // memory: whatever the process or its runtime prints must not hold it.
  c.env["DOCKER_HUB_TOKEN"] = token;
  c.hub->AddFault({.endpoint = "members",
                   .fault = Fault::kDelay,
                   .times = -1,
                   .delay = absl::Seconds(2)});
  for (int sig : {SIGSEGV, SIGABRT}) {
    RunResult crash =
        RunHublint({"scan", "--org", "contoso", "--snapshot", "f.json",
                    "--api-url", c.hub->base_url()},
                   c.env, c.dir.path(), /*crash_after_ms=*/400, sig);
#if HUBLINT_TEST_UNDER_ASAN
    // AddressSanitizer handles SIGSEGV itself: it prints its report (also
    // searched for secrets below) and exits with its own status.
    CHECK(crash.exit_code != 0);
#else
    CHECK(crash.exit_code == 128 + sig);
#endif
    runs.push_back(crash);
  }
  REQUIRE(runs[0].exit_code == 0);
  REQUIRE(runs[1].exit_code == 0);
  REQUIRE(runs[2].exit_code == 3);
  REQUIRE(runs[3].exit_code == 3);
  REQUIRE(runs[4].exit_code == 3);
  CHECK_FALSE(c.dir.Exists("f.json"));

  std::vector<std::string> secrets = c.hub->issued_tokens();
  REQUIRE(secrets.size() >= 3);
  secrets.push_back(token);
  secrets.push_back(wrong);
  // JWT payloads are base64: their parts must not show either.
  for (const std::string& s : std::vector<std::string>(secrets)) {
    if (size_t dot = s.find('.'); dot != std::string::npos) {
      secrets.push_back(s.substr(dot + 1, 40));
    }
  }
  std::vector<std::string> outputs;
  for (const RunResult& r : runs) {
    outputs.push_back(r.out);
    outputs.push_back(r.err);
  }
  for (const char* f : {"a.json", "b.json", "c.json", "d.json", "e.json"}) {
    outputs.push_back(c.dir.Read(f));
  }
  for (const std::string& s : secrets) {
    for (const std::string& out : outputs) {
      CHECK(out.find(s) == std::string::npos);
    }
  }
  // The token's tail, as a partial leak would show it.
  for (const std::string& out : outputs) {
    CHECK(out.find("never-print-me") == std::string::npos);
  }
}

}  // namespace
}  // namespace hublint::testing
