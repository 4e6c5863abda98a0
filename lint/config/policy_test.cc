#include "lint/config/policy.h"

#include <doctest/doctest.h>

#include "lint/config/config_file.h"
#include "lint/util/strings.h"

namespace hublint {
namespace {

Finding MakeFinding(Level level, FindingKind kind, BaselineState state,
                    bool suppressed) {
  Finding f;
  f.rule_id = "DH-X-001";
  f.resource = "member:bob";
  f.level = level;
  f.kind = kind;
  f.baseline_state = state;
  f.suppressed = suppressed;
  return f;
}

constexpr FindingKind kFail = FindingKind::kFail;
constexpr FindingKind kReview = FindingKind::kReview;
constexpr BaselineState kNone = BaselineState::kNone;
constexpr BaselineState kNew = BaselineState::kNew;
constexpr BaselineState kUnchanged = BaselineState::kUnchanged;
constexpr BaselineState kAbsent = BaselineState::kAbsent;

TEST_CASE("Which finding fails the run, for every fail policy") {
  FailPolicy on_error{FailOn{Level::kError}};
  FailPolicy on_warning{FailOn{Level::kWarning}};
  FailPolicy on_note{FailOn{Level::kNote}};
  FailPolicy never{FailOn{std::nullopt}};
  FailPolicy with_review{FailOn{Level::kError}, true, false};
  FailPolicy only_new{FailOn{Level::kWarning}, false, true};
  FailPolicy new_and_review{FailOn{Level::kNote}, true, true};
  struct {
    const char* name;
    Finding finding;
    FailPolicy policy;
    bool fails;
  } cases[] = {
      {"error at error", MakeFinding(Level::kError, kFail, kNone, false),
       on_error, true},
      {"warning at error", MakeFinding(Level::kWarning, kFail, kNone, false),
       on_error, false},
      {"warning at warning", MakeFinding(Level::kWarning, kFail, kNone, false),
       on_warning, true},
      {"note at warning", MakeFinding(Level::kNote, kFail, kNone, false),
       on_warning, false},
      {"note at note", MakeFinding(Level::kNote, kFail, kNone, false), on_note,
       true},
      {"error at never", MakeFinding(Level::kError, kFail, kNone, false), never,
       false},
      {"waived error", MakeFinding(Level::kError, kFail, kNone, true), on_note,
       false},
      {"review without --fail-on-review",
       MakeFinding(Level::kError, kReview, kNone, false), on_note, false},
      {"review with --fail-on-review",
       MakeFinding(Level::kError, kReview, kNone, false), with_review, true},
      {"review below the level",
       MakeFinding(Level::kWarning, kReview, kNone, false), with_review, false},
      {"absent error", MakeFinding(Level::kError, kFail, kAbsent, false),
       on_note, false},
      {"unchanged error without --fail-on-new",
       MakeFinding(Level::kError, kFail, kUnchanged, false), on_error, true},
      {"unchanged error with --fail-on-new",
       MakeFinding(Level::kError, kFail, kUnchanged, false), only_new, false},
      {"new warning with --fail-on-new",
       MakeFinding(Level::kWarning, kFail, kNew, false), only_new, true},
      {"new note below the level with --fail-on-new",
       MakeFinding(Level::kNote, kFail, kNew, false), only_new, false},
      {"new waived error with --fail-on-new",
       MakeFinding(Level::kError, kFail, kNew, true), only_new, false},
      {"new review, both switches",
       MakeFinding(Level::kNote, kReview, kNew, false), new_and_review, true},
      {"unchanged review, both switches",
       MakeFinding(Level::kNote, kReview, kUnchanged, false), new_and_review,
       false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    CHECK(FailsRun(c.finding, c.policy) == c.fails);
    CHECK(ExitCodeFor({c.finding}, c.policy) ==
          (c.fails ? ExitCode::kFindings : ExitCode::kClean));
  }
  CHECK(ExitCodeFor({}, on_note) == ExitCode::kClean);
  CHECK(ExitCodeFor({MakeFinding(Level::kNote, kFail, kNone, false),
                     MakeFinding(Level::kError, kFail, kNone, false)},
                    on_error) == ExitCode::kFindings);
}

TEST_CASE("The fail policy comes from the configuration") {
  Config config;
  config.fail_on.value = FailOn{Level::kWarning};
  config.fail_on_review.value = true;
  FailPolicy policy = FailPolicyOf(config);
  CHECK(policy.fail_on == FailOn{Level::kWarning});
  CHECK(policy.fail_on_review);
  CHECK_FALSE(policy.fail_on_new);
}

TEST_CASE("The policy stage: fingerprints, baseline, waivers, order") {
  absl::StatusOr<Config> config = ParseConfigFile(R"toml([[waiver]]
rule = "DH-ROLE-001"
resource = "member:carol"
justification = "release engineer"

[[waiver]]
rule = "DH-MFA-001"
resource = "member:bob"
justification = "fixed last year"
expires = 2026-01-01
)toml",
                                                  ".hublint.toml");
  REQUIRE(config.ok());
  Baseline baseline;
  baseline.path = "old.sarif";
  for (auto [rule_id, resource] :
       {std::pair<const char*, const char*>{"DH-ROLE-001", "member:carol"},
        {"DH-TOK-001", "token:9"}}) {
    BaselineResult result;
    result.rule_id = rule_id;
    result.resource = resource;
    baseline.results.push_back(result);
  }
  std::vector<Finding> findings;
  for (const char* resource : {"member:erin", "member:bob"}) {
    Finding f;
    f.rule_id = "DH-MFA-001";
    f.resource = resource;
    findings.push_back(f);
  }
  Finding carol;
  carol.rule_id = "DH-ROLE-001";
  carol.resource = "member:carol";
  findings.push_back(carol);

  absl::Time now =
      absl::FromCivil(absl::CivilDay(2026, 11, 20), absl::UTCTimeZone());
  PolicyResult result = ApplyPolicy(*config, &baseline, now, &findings);
  std::vector<std::string> rows;
  for (const Finding& f : findings) {
    rows.push_back(Cat(f.rule_id, " ", f.resource, " ",
                       BaselineStateName(f.baseline_state),
                       f.suppressed ? " waived" : "", " ", f.fingerprint));
  }
  CHECK(rows == std::vector<std::string>{
                    Cat("DH-MFA-001 member:bob new ",
                        Fingerprint("DH-MFA-001", "member:bob")),
                    Cat("DH-MFA-001 member:erin new ",
                        Fingerprint("DH-MFA-001", "member:erin")),
                    Cat("DH-ROLE-001 member:carol unchanged waived ",
                        Fingerprint("DH-ROLE-001", "member:carol")),
                    Cat("DH-TOK-001 token:9 absent ",
                        Fingerprint("DH-TOK-001", "token:9")),
                });
  CHECK(result.waiver_states ==
        std::vector<WaiverState>{WaiverState::kActive, WaiverState::kExpired});
  REQUIRE(result.notifications.size() == 1);
  CHECK(FormatNotification(result.notifications[0]) ==
        "hublint: warning: .hublint.toml:6:1: waiver for DH-MFA-001 on "
        "member:bob expired on 2026-01-01; it no longer suppresses findings: "
        "fix them, or renew the waiver with a new `expires`");
  // The expired waiver's finding fails the run again.
  CHECK(ExitCodeFor(findings, FailPolicyOf(*config)) == ExitCode::kFindings);
}

TEST_CASE("Without a baseline, findings stay kNone") {
  std::vector<Finding> findings(1);
  findings[0].rule_id = "DH-MFA-001";
  findings[0].resource = "member:bob";
  ApplyPolicy(Config{}, nullptr, absl::UnixEpoch(), &findings);
  CHECK(findings[0].baseline_state == BaselineState::kNone);
  CHECK(findings[0].fingerprint == Fingerprint("DH-MFA-001", "member:bob"));
}

}  // namespace
}  // namespace hublint

namespace hublint {
namespace {

TEST_CASE(
    "The configured baseline: none, read, or an error naming its source") {
  Config config;
  absl::StatusOr<std::optional<Baseline>> none = LoadConfiguredBaseline(config);
  REQUIRE(none.ok());
  CHECK_FALSE(none->has_value());

  config.baseline = {"no/such.sarif", Provenance::Flag("baseline")};
  absl::StatusOr<std::optional<Baseline>> missing =
      LoadConfiguredBaseline(config);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(ToStd(missing.status().message()) ==
        "flag --baseline: cannot open no/such.sarif: No such file or "
        "directory");

  config.baseline = {"fixtures/config/contoso.hublint.toml",
                     Provenance::Environment("HUBLINT_BASELINE")};
  absl::StatusOr<std::optional<Baseline>> not_json =
      LoadConfiguredBaseline(config);
  REQUIRE_FALSE(not_json.ok());
  CHECK(ToStd(not_json.status().message())
            .starts_with("fixtures/config/contoso.hublint.toml:1:1: not JSON"));
}

}  // namespace
}  // namespace hublint
