#include "lint/config/baseline.h"

#include <doctest/doctest.h>

#include "lint/util/strings.h"

namespace hublint {
namespace {

// A small SARIF log as hublint writes one: a run of tool "hublint" whose
// results carry ruleId, level, message, a location and, usually,
// partialFingerprints and properties.resource.
std::string Sarif(std::string_view results, std::string_view tool = "hublint",
                  std::string_view version = "2.1.0") {
  return Cat(R"({
  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
  "version": ")",
             version, R"(",
  "runs": [{
    "tool": {"driver": {"name": ")",
             tool, R"(", "version": "0.1.0",
                        "rules": [{"id": "DH-MFA-001"}]}},
    "results": [)",
             results, R"(]
  }]
})");
}

std::string Result(std::string_view rule_id, std::string_view resource,
                   std::string_view extra) {
  return Cat(R"({"ruleId": ")", rule_id, R"(", "level": "error",
      "message": {"text": ")",
             resource, R"( is wrong"},
      "locations": [{"physicalLocation": {
          "artifactLocation": {"uri": "fixtures/orgs/mfa-missing.json"},
          "region": {"startLine": 60, "startColumn": 5}},
        "logicalLocations": [{"fullyQualifiedName": "contoso/members/x"}]}],
      "logicalLocations": [{"fullyQualifiedName": "contoso/x"}])",
             extra, "}");
}

std::string Fp(std::string_view key, std::string_view rule_id,
               std::string_view resource) {
  return Cat(R"(, "partialFingerprints": {")", key, R"(": ")",
             Fingerprint(rule_id, resource), R"("})");
}

Finding MakeFinding(std::string rule_id, std::string resource) {
  Finding f;
  f.rule_id = std::move(rule_id);
  f.resource = std::move(resource);
  return f;
}

TEST_CASE("Findings are new, unchanged or absent against the baseline") {
  std::string results = Join(
      {
          // Matched by the fingerprint under hublint's key.
          Result("DH-MFA-001", "member:bob",
                 Fp("hublintFingerprint/v1", "DH-MFA-001", "member:bob")),
          // Matched by the fingerprint's value whatever the key.
          Result("DH-MFA-001", "member:erin",
                 Cat(Fp("renamedKey/v9", "DH-MFA-001", "member:erin"),
                     R"(, "properties": {"resource": "member:elsewhere"})")),
          // Matched by ruleId and properties.resource.
          Result("DH-ROLE-001", "member:carol",
                 R"(, "properties": {"resource": "member:carol"})"),
          // In the baseline only: absent now. A review result, as hublint
          // writes one: level "none", the rule's level in ruleLevel.
          Cat(R"({"ruleId": "DH-TOK-001", "kind": "review", "level": "none",
      "message": {"text": "token:4a1f expiry unknown"},
      "locations": [{"physicalLocation": {
          "artifactLocation": {"uri": "fixtures/orgs/mfa%20missing.json",
                               "uriBaseId": "%SRCROOT%"},
          "region": {"startLine": 210, "startColumn": 7}},
        "logicalLocations": [{"name": "4a1f", "kind": "token",
                              "fullyQualifiedName": "contoso/tokens/4a1f"}]}])",
              Fp("hublintFingerprint/v1", "DH-TOK-001", "token:4a1f"),
              R"(, "properties": {"resource": "token:4a1f",
                                  "ruleLevel": "warning"}})"),
          // Already absent in the baseline run, and a pass: not findings.
          Result("DH-TOK-002", "token:9",
                 Cat(Fp("hublintFingerprint/v1", "DH-TOK-002", "token:9"),
                     R"(, "baselineState": "absent")")),
          Result("DH-TOK-003", "token:9",
                 Cat(Fp("hublintFingerprint/v1", "DH-TOK-003", "token:9"),
                     R"(, "kind": "pass")")),
      },
      ",\n");
  absl::StatusOr<Baseline> baseline =
      ParseBaseline(Sarif(results), "previous.sarif");
  INFO(ToStd(baseline.status().message()));
  REQUIRE(baseline.ok());
  CHECK(baseline->results.size() == 4);

  std::vector<Finding> findings = {
      MakeFinding("DH-MFA-001", "member:bob"),
      MakeFinding("DH-MFA-001", "member:erin"),
      MakeFinding("DH-ROLE-001", "member:carol"),
      MakeFinding("DH-MFA-001", "member:frank"),
      // Same resource, other rule: a different finding.
      MakeFinding("DH-ROLE-001", "member:bob"),
  };
  ApplyBaseline(*baseline, &findings);
  REQUIRE(findings.size() == 6);
  std::vector<std::string> states;
  for (const Finding& f : findings) {
    states.push_back(Cat(f.rule_id, " ", f.resource, " ",
                         BaselineStateName(f.baseline_state)));
  }
  CHECK(states == std::vector<std::string>{
                      "DH-MFA-001 member:bob unchanged",
                      "DH-MFA-001 member:erin unchanged",
                      "DH-ROLE-001 member:carol unchanged",
                      "DH-MFA-001 member:frank new",
                      "DH-ROLE-001 member:bob new",
                      "DH-TOK-001 token:4a1f absent",
                  });
  CHECK(findings[0].fingerprint == Fingerprint("DH-MFA-001", "member:bob"));
  // The absent finding is built from the baseline's data.
  const Finding& absent = findings[5];
  CHECK(absent.level == Level::kWarning);
  CHECK(absent.kind == FindingKind::kReview);
  CHECK(absent.resource_kind == "token");
  CHECK(absent.resource_key == "4a1f");
  CHECK(absent.logical_name == "contoso/tokens/4a1f");
  CHECK(absent.message == "token:4a1f expiry unknown");
  CHECK(absent.location ==
        FindingLocation{"fixtures/orgs/mfa missing.json", 210, 7});
  CHECK(absent.fingerprint == Fingerprint("DH-TOK-001", "token:4a1f"));
  CHECK_FALSE(absent.suppressed);
}

TEST_CASE("Applying a baseline twice does not duplicate absent findings") {
  absl::StatusOr<Baseline> baseline = ParseBaseline(
      Sarif(Result("DH-TOK-001", "token:4a1f",
                   R"(, "properties": {"resource": "token:4a1f"})")),
      "b.sarif");
  REQUIRE(baseline.ok());
  std::vector<Finding> findings;
  ApplyBaseline(*baseline, &findings);
  ApplyBaseline(*baseline, &findings);
  CHECK(findings.size() == 1);
  CHECK(findings[0].baseline_state == BaselineState::kAbsent);
}

TEST_CASE("An empty hublint run is a valid baseline: every finding is new") {
  absl::StatusOr<Baseline> baseline = ParseBaseline(Sarif(""), "b.sarif");
  REQUIRE(baseline.ok());
  std::vector<Finding> findings = {MakeFinding("DH-MFA-001", "member:bob")};
  ApplyBaseline(*baseline, &findings);
  CHECK(findings[0].baseline_state == BaselineState::kNew);
}

TEST_CASE("Every untrustworthy baseline is an error naming the file") {
  struct {
    const char* name;
    std::string text;
    const char* error;
  } cases[] = {
      {"not JSON", "{\"version\": \"2.1.0\",\n \"runs\": [}\n",
       "old.sarif:2:11: not JSON: unexpected `}`: expected a value\n"
       " \"runs\": [}\n"
       "          ^"},
      {"empty file", "",
       "old.sarif:1:1: not JSON: empty document: expected a JSON value"},
      {"not an object", "[1, 2]",
       "old.sarif: not a SARIF log; the baseline must be a SARIF 2.1.0 log "
       "written by hublint (--format sarif)"},
      {"a hublint snapshot, not SARIF",
       R"({"schema": "hublint/state/v1", "org": {"name": "contoso"}})",
       "old.sarif: not a SARIF log; the baseline must be a SARIF 2.1.0 log "
       "written by hublint (--format sarif)"},
      {"wrong version", Sarif("", "hublint", "2.0.0"),
       "old.sarif: SARIF version \"2.0.0\" is not supported; the baseline "
       "must be SARIF 2.1.0"},
      {"version not a string", R"({"version": 2.1, "runs": []})",
       "old.sarif: SARIF version a number is not supported; the baseline "
       "must be SARIF 2.1.0"},
      {"no runs", R"({"version": "2.1.0"})",
       "old.sarif: not a SARIF log; the baseline must be a SARIF 2.1.0 log "
       "written by hublint (--format sarif)"},
      {"zero runs", R"({"version": "2.1.0", "runs": []})",
       "old.sarif: the SARIF log has no run; the baseline must be a SARIF "
       "log written by hublint"},
      {"another tool", Sarif("", "Checkov"),
       "old.sarif: runs[0] was written by `Checkov`, not hublint; the "
       "baseline must be a SARIF log written by hublint (--format sarif)"},
      {"no tool", R"({"version": "2.1.0", "runs": [{"results": []}]})",
       "old.sarif: runs[0]: no `tool.driver.name`; the baseline must be a "
       "SARIF log written by hublint"},
      {"run not an object", R"({"version": "2.1.0", "runs": [3]})",
       "old.sarif: runs[0]: expected an object, got an integer"},
      {"results not an array",
       R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "hublint"}}, "results": {}}]})",
       "old.sarif: runs[0].results: expected an array, got an object"},
      {"result not an object", Sarif("\"x\""),
       "old.sarif: runs[0].results[0]: expected an object, got a string"},
      {"no ruleId", Sarif(R"({"message": {"text": "x"}})"),
       "old.sarif: runs[0].results[0]: no `ruleId`; hublint writes one on "
       "every result"},
      {"ruleId not a string", Sarif(R"({"ruleId": 7})"),
       "old.sarif: runs[0].results[0].ruleId: expected a string, got an "
       "integer"},
      {"nothing to match on", Sarif(R"({"ruleId": "DH-MFA-001"})"),
       "old.sarif: runs[0].results[0]: neither `partialFingerprints` nor "
       "`properties.resource`, so it cannot be matched; give a SARIF log "
       "written by hublint"},
      {"fingerprint not a string",
       Sarif(R"({"ruleId": "DH-MFA-001", "partialFingerprints": {"k": 1}})"),
       "old.sarif: runs[0].results[0].partialFingerprints.k: expected a "
       "string, got an integer"},
      {"fingerprints not an object",
       Sarif(R"({"ruleId": "DH-MFA-001", "partialFingerprints": ["a"]})"),
       "old.sarif: runs[0].results[0].partialFingerprints: expected an "
       "object, got an array"},
      {"resource not a string",
       Sarif(R"({"ruleId": "DH-MFA-001", "properties": {"resource": 1}})"),
       "old.sarif: runs[0].results[0].properties.resource: expected a "
       "string, got an integer"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    absl::StatusOr<Baseline> baseline = ParseBaseline(c.text, "old.sarif");
    REQUIRE_FALSE(baseline.ok());
    CHECK(baseline.status().code() == absl::StatusCode::kInvalidArgument);
    CHECK(ToStd(baseline.status().message()) == c.error);
  }
}

TEST_CASE("A missing baseline file keeps ReadFile's code") {
  absl::StatusOr<Baseline> baseline = LoadBaselineFile("no/such.sarif");
  REQUIRE_FALSE(baseline.ok());
  CHECK(baseline.status().code() == absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace hublint
