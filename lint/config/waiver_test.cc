#include "lint/config/waiver.h"

#include <doctest/doctest.h>

#include "lint/config/config_file.h"
#include "lint/config/config_test_util.h"
#include "lint/util/strings.h"

namespace hublint {
namespace {

absl::Time At(int y, int m, int d, int hour = 12) {
  return absl::FromCivil(absl::CivilSecond(y, m, d, hour, 0, 0),
                         absl::UTCTimeZone());
}

Finding MakeFinding(std::string rule_id, std::string resource) {
  Finding f;
  f.rule_id = std::move(rule_id);
  f.resource = std::move(resource);
  return f;
}

const char kCarol[] = R"toml([[waiver]]
rule = "DH-ROLE-001"
resource = "member:carol"
justification = "release engineer until the 2027 reorg"
expires = 2027-03-31
owner = "platform-team"
)toml";

TEST_CASE("A waiver's state against the run's date") {
  struct {
    const char* name;
    absl::Time now;
    const char* resource;  // the finding's
    WaiverState state;
    bool suppressed;
  } cases[] = {
      {"active, long before", At(2026, 11, 20), "member:carol",
       WaiverState::kActive, true},
      {"active on the day before, late", At(2027, 3, 30, 23), "member:carol",
       WaiverState::kActive, true},
      {"expired at midnight UTC of the day", At(2027, 3, 31, 0), "member:carol",
       WaiverState::kExpired, false},
      {"expired today", At(2027, 3, 31), "member:carol", WaiverState::kExpired,
       false},
      {"expired yesterday", At(2027, 4, 1), "member:carol",
       WaiverState::kExpired, false},
      {"expired and matching nothing is expired", At(2027, 4, 1), "member:dan",
       WaiverState::kExpired, false},
      {"unused", At(2026, 11, 20), "member:dan", WaiverState::kUnused, false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    std::vector<Finding> findings = {MakeFinding("DH-ROLE-001", c.resource)};
    std::vector<WaiverState> states =
        ApplyWaivers(ParseTestConfig(kCarol).waivers, c.now, &findings);
    REQUIRE(states.size() == 1);
    CHECK(states[0] == c.state);
    CHECK(findings[0].suppressed == c.suppressed);
    CHECK(findings[0].justification ==
          (c.suppressed ? "release engineer until the 2027 reorg" : ""));
  }
}

TEST_CASE("Globs on the rule and the resource") {
  std::vector<Waiver> waivers = ParseTestConfig(R"toml([[waiver]]
rule = "DH-MFA-001"
resource = "member:svc-*"
justification = "service accounts sign in with tokens only"

[[waiver]]
rule = "DH-TOK-*"
resource = "token:*"
justification = "tokens are reviewed quarterly"

[[waiver]]
rule = "DH-MFA-001"
resource = "member:svc-ci"
justification = "also covered by the glob above"
)toml")
                                    .waivers;
  std::vector<Finding> findings = {
      MakeFinding("DH-MFA-001", "member:svc-ci"),
      MakeFinding("DH-MFA-001", "member:svc-release"),
      MakeFinding("DH-MFA-001", "member:bob"),
      MakeFinding("DH-TOK-002", "token:4a1f"),
      MakeFinding("DH-ROLE-001", "token:4a1f"),
  };
  std::vector<WaiverState> states =
      ApplyWaivers(waivers, At(2026, 11, 20), &findings);
  CHECK(states == std::vector<WaiverState>{WaiverState::kActive,
                                           WaiverState::kActive,
                                           WaiverState::kActive});
  std::vector<bool> suppressed;
  for (const Finding& f : findings) suppressed.push_back(f.suppressed);
  CHECK(suppressed == std::vector<bool>{true, true, false, true, false});
  // The first waiver in file order gives the justification.
  CHECK(findings[0].justification ==
        "service accounts sign in with tokens only");
  CHECK(findings[3].justification == "tokens are reviewed quarterly");
}

TEST_CASE("Absent findings are neither waived nor use a waiver") {
  std::vector<Finding> findings = {MakeFinding("DH-ROLE-001", "member:carol")};
  findings[0].baseline_state = BaselineState::kAbsent;
  std::vector<WaiverState> states = ApplyWaivers(
      ParseTestConfig(kCarol).waivers, At(2026, 11, 20), &findings);
  CHECK(states[0] == WaiverState::kUnused);
  CHECK_FALSE(findings[0].suppressed);
}

TEST_CASE("What the run says about its waivers, word for word") {
  std::vector<Waiver> waivers = ParseTestConfig(R"toml([[waiver]]
rule = "DH-ROLE-001"
resource = "member:carol"
justification = "release engineer until the 2027 reorg"
expires = 2026-11-01
owner = "platform-team"

[[waiver]]
rule = "DH-MFA-001"
resource = "member:svc-*"
justification = "service accounts"

[[waiver]]
rule = "DH-TOK-001"
resource = "token:4a1f"
justification = "migration in progress"
expires = 2026-11-21

[[waiver]]
rule = "DH-TOK-002"
resource = "token:4a1f"
justification = "rotation scheduled"
expires = 2026-12-04

[[waiver]]
rule = "DH-TOK-003"
resource = "token:4a1f"
justification = "far away"
expires = 2026-12-05
)toml")
                                    .waivers;
  std::vector<Finding> findings = {
      MakeFinding("DH-ROLE-001", "member:carol"),
      MakeFinding("DH-TOK-001", "token:4a1f"),
      MakeFinding("DH-TOK-002", "token:4a1f"),
      MakeFinding("DH-TOK-003", "token:4a1f"),
  };
  absl::Time now = At(2026, 11, 20);
  std::vector<WaiverState> states = ApplyWaivers(waivers, now, &findings);
  CHECK(NotificationTexts(WaiverNotifications(waivers, states, now)) ==
        std::vector<std::string>{
            "warning: .hublint.toml:1:1: waiver for DH-ROLE-001 on "
            "member:carol expired on 2026-11-01 (owner: platform-team); it "
            "no longer suppresses findings: fix them, or renew the waiver "
            "with a new `expires`",
            "warning: .hublint.toml:8:1: waiver for DH-MFA-001 on "
            "member:svc-* matched no finding; remove it if the finding is "
            "fixed",
            "note: .hublint.toml:13:1: waiver for DH-TOK-001 on token:4a1f "
            "expires on 2026-11-21, in 1 day",
            "note: .hublint.toml:19:1: waiver for DH-TOK-002 on token:4a1f "
            "expires on 2026-12-04, in 14 days",
        });
}

TEST_CASE("Waiver rules must name loaded rules") {
  absl::StatusOr<Config> config = ParseConfigFile(R"toml([[waiver]]
rule = "DH-ROLE-01"
resource = "member:carol"
justification = "x"

[[waiver]]
rule = "DX-*"
resource = "member:carol"
justification = "x"

[[waiver]]
rule = "DH-MFA-*"
resource = "member:carol"
justification = "x"
)toml",
                                                  ".hublint.toml");
  REQUIRE(config.ok());
  absl::Status status = CheckWaiverRules(
      config->waivers, {"DH-MFA-001", "DH-ROLE-001"}, config->file_text);
  CHECK(status.code() == absl::StatusCode::kInvalidArgument);
  CHECK(ToStd(status.message()) ==
        ".hublint.toml:2:8: waiver names unknown rule `DH-ROLE-01`; did you "
        "mean `DH-ROLE-001`?\n"
        "rule = \"DH-ROLE-01\"\n"
        "       ^\n"
        ".hublint.toml:7:8: waiver rule pattern `DX-*` matches no loaded "
        "rule\n"
        "rule = \"DX-*\"\n"
        "       ^");
}

}  // namespace
}  // namespace hublint
