#include "lint/rules/engine.h"

#include <doctest/doctest.h>

#include "lint/rules/rule_loader.h"
#include "lint/state/snapshot_reader.h"
#include "lint/tfplan/plan_reader.h"
#include "lint/util/strings.h"
#include "lint/util/utf8.h"

namespace hublint {
namespace {

RuleSet Compile(std::string_view resource, std::string_view when,
                std::string_view check, std::string_view message,
                std::string_view extra = "") {
  std::string text = Cat(
      "id = \"T-RULE-001\"\ntitle = \"t\"\nlevel = "
      "\"warning\"\nsecurity_severity = \"5.0\"\n",
      "resource = \"", resource, "\"\n",
      when.empty() ? std::string() : Cat("when = '", when, "'\n"), "check = '",
      check, "'\nmessage = '", message, "'\nhelp = \"h\"\n", extra);
  absl::StatusOr<Rule> rule = ParseRule(text, "rules/t/T-RULE-001.toml");
  INFO(ToStd(rule.status().message()));
  REQUIRE(rule.ok());
  std::vector<Rule> rules;
  rules.push_back(*std::move(rule));
  absl::StatusOr<RuleSet> set = RuleSet::Compile(std::move(rules));
  INFO(ToStd(set.status().message()));
  REQUIRE(set.ok());
  return *std::move(set);
}

OrgState Fixture(const std::string& name) {
  absl::StatusOr<OrgState> state = ReadSnapshotFile("fixtures/orgs/" + name);
  REQUIRE(state.ok());
  return *std::move(state);
}

std::vector<std::string> Summaries(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) {
    out.push_back(Cat(FindingKindName(f.kind), " ", f.resource, " ",
                      f.location.uri, ":", f.location.line, ": ", f.message));
  }
  return out;
}

std::string Lines(const std::vector<std::string>& lines) {
  return Join(lines, "\n");
}

TEST_CASE("Fail, pass and skip, with messages and locations") {
  RuleSet rules =
      Compile("member", "!member.is_guest", "member.two_factor_enabled == true",
              "{{member.username}} ({{member.role}}) has no 2FA");
  std::vector<Finding> findings = Evaluate(rules, Fixture("mfa-missing.json"));
  CHECK(Lines(Summaries(findings)) ==
        Lines(std::vector<std::string>{
            "fail member:bob fixtures/orgs/mfa-missing.json:61: bob (member) "
            "has no 2FA",
            "fail member:erin fixtures/orgs/mfa-missing.json:74: erin (member) "
            "has no 2FA",
        }));
  const Finding& bob = findings[0];
  CHECK(bob.rule_id == "T-RULE-001");
  CHECK(bob.level == Level::kWarning);
  CHECK(bob.logical_name == "contoso/members/bob");
  CHECK(bob.location.column == 5);
  CHECK(bob.fingerprint == Fingerprint("T-RULE-001", "member:bob"));
}

TEST_CASE("Messages are cut at kMaxMessageBytes, on a character boundary") {
  OrgState state = Fixture("mfa-missing.json");
  // "bob" and "erin" fail; the literal fills the message up to the limit.
  std::string fill(kMaxMessageBytes - 4, 'a');
  std::vector<Finding> at_limit = Evaluate(
      Compile("member", "!member.is_guest", "member.two_factor_enabled == true",
              Cat(fill, "{{member.username}}")),
      state);
  REQUIRE(at_limit.size() == 2);
  CHECK(at_limit[0].message == Cat(fill, "bob"));  // 4095 bytes: kept whole
  CHECK(at_limit[1].message.size() == kMaxMessageBytes);  // "erin": 4096

  // Over it: a run of two-byte characters, so a cut in the middle of one
  // would leave invalid UTF-8.
  std::string accents;
  for (size_t i = 0; i < kMaxMessageBytes; ++i) accents += "\u00e9";
  std::vector<Finding> over = Evaluate(
      Compile("member", "!member.is_guest", "member.two_factor_enabled == true",
              "{{member.username}}: {{params.long}}",
              Cat("[params]\nlong = \"", accents, "\"\n")),
      state);
  REQUIRE(over.size() == 2);
  const std::string& cut = over[0].message;
  CHECK(cut.size() <= kMaxMessageBytes);
  CHECK(IsValidUtf8(cut));
  CHECK(cut.starts_with("bob: \u00e9\u00e9"));
  // 5 bytes of "bob: " and 8,192 of accents, of which what was cut is said.
  size_t kept = cut.find(" \u2026(");
  REQUIRE(kept != std::string::npos);
  CHECK(cut.substr(kept) ==
        Cat(" \u2026(", 5 + 2 * kMaxMessageBytes - kept, " more bytes)"));
}

TEST_CASE("An unknown fact gives a review that names it") {
  RuleSet rules =
      Compile("member", "!member.is_guest", "member.two_factor_enabled == true",
              "{{member.username}} has no 2FA");
  std::vector<Finding> findings =
      Evaluate(rules, Fixture("unknown-incomplete.json"));
  REQUIRE(findings.size() == 6);  // every non-guest member
  CHECK(findings[0].kind == FindingKind::kReview);
  CHECK(findings[0].message ==
        "cannot decide: two_factor_enabled of member:alice is unknown");
}

TEST_CASE("CEL's commutative absorption decides what it can") {
  // SSO enforced makes the unknown 2FA irrelevant, in either order.
  for (std::string check : {"org.settings.sso_enforced == true || "
                            "member.two_factor_enabled == true",
                            "member.two_factor_enabled == true || "
                            "org.settings.sso_enforced == true"}) {
    CAPTURE(check);
    OrgState state = Fixture("unknown-incomplete.json");
    state.settings.sso_enforced = true;
    RuleSet rules = Compile("member", "", check, "m");
    CHECK(Evaluate(rules, state).empty());
  }
}

TEST_CASE("An integration whose token is not in the state has unknown tokens") {
  RuleSet rules = Compile(
      "integration", "",
      "integration.tokens.all(t, t.scopes.all(s, s in [\"repo:read\"]))",
      "{{integration.name}} token is not read-only");
  CHECK(Evaluate(rules, Fixture("compliant.json")).empty());
  std::vector<Finding> findings =
      Evaluate(rules, Fixture("unknown-incomplete.json"));
  CHECK(Lines(Summaries(findings)) ==
        Lines(std::vector<std::string>{
            "review integration:defender-for-cloud "
            "fixtures/orgs/unknown-incomplete.json:225: "
            "cannot decide: the token labelled `defender` that "
            "integration:defender-for-cloud uses (account mdc_user) is not in "
            "the state"}));
  std::vector<Finding> write = Evaluate(rules, Fixture("token-write.json"));
  CHECK(Lines(Summaries(write)) ==
        Lines(std::vector<std::string>{
            "fail integration:defender-for-cloud "
            "fixtures/orgs/token-write.json:240: "
            "defender-for-cloud token is not read-only"}));
}

TEST_CASE("Variables are computed once and seen by every resource") {
  RuleSet rules = Compile(
      "member", "member.role == \"editor\"",
      "variables.editors <= params.max_editors",
      "{{member.username}} is one of {{variables.editors}} editors",
      "[params]\nmax_editors = 2\n[variables]\n"
      "editors = \"org.members.filter(m, m.role == 'editor').size()\"\n");
  CHECK(Evaluate(rules, Fixture("compliant.json")).empty());
  std::vector<Finding> findings =
      Evaluate(rules, Fixture("editors-overused.json"));
  REQUIRE(findings.size() == 5);
  CHECK(findings[0].message == "bob is one of 5 editors");
  EvaluationOptions options;
  options.params["T-RULE-001"]["max_editors"] = int64_t{5};
  CHECK(Evaluate(rules, Fixture("editors-overused.json"), options).empty());
}

TEST_CASE("Never-expiring tokens read as null, unknown ones as unknown") {
  RuleSet rules = Compile("token", "", "token.expires_at != null",
                          "{{token.label}} never expires");
  OrgState state = Fixture("compliant.json");
  state.access_tokens[0].expires_at = Moment::Never();
  state.access_tokens[1].expires_at = Moment::Unknown();
  REQUIRE(state.Finalize().empty());
  std::vector<Finding> findings = Evaluate(rules, state);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].resource == "token:4a1f3c2e-9d8b-4e6f-a1b2-c3d4e5f60718");
  CHECK(findings[0].kind == FindingKind::kReview);
  // A token is named by its id and, for people, its label.
  CHECK(
      findings[0].message ==
      "cannot decide: expires_at of token:4a1f3c2e-9d8b-4e6f-a1b2-c3d4e5f60718 "
      "(`ci-pull`) is unknown");
  CHECK(findings[1].kind == FindingKind::kFail);
  CHECK(findings[1].message == "defender never expires");
}

TEST_CASE("An evaluation error is a review and does not stop other resources") {
  RuleSet rules = Compile("member", "", "member.teams[0] != \"devs\"",
                          "{{member.username}} is a dev");
  std::vector<Finding> findings = Evaluate(rules, Fixture("compliant.json"));
  std::vector<std::string> summaries = Summaries(findings);
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].resource == "member:bob");
  CHECK(findings[0].kind == FindingKind::kFail);
  CHECK(findings[2].resource == "member:mdc_user");  // no teams: index error
  CHECK(findings[2].kind == FindingKind::kReview);
  CHECK(findings[2].message.starts_with("the check could not be evaluated: "));
}

TEST_CASE("A partial view turns organization-wide rules into reviews") {
  RuleSet rules = Compile(
      "org", "", "org.members.filter(m, m.role == \"owner\").size() >= 2",
      "too few owners");
  OrgState state = Fixture("compliant.json");
  state.source.partial_view = true;
  std::vector<Finding> findings = Evaluate(rules, state);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].resource == "org:contoso");
  CHECK(findings[0].kind == FindingKind::kReview);
  CHECK(findings[0].message.starts_with("needs the whole organization"));

  // Settings and the resource itself are in a partial view: answered.
  RuleSet settings_only =
      Compile("org", "", "org.settings.image_access_management.enabled == true",
              "IAM is off");
  state.settings.image_access_management.enabled = false;
  findings = Evaluate(settings_only, state);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].kind == FindingKind::kFail);
  RuleSet per_member = Compile("member", "", "member.role != \"owner\"",
                               "{{member.username}} is an owner");
  for (const Finding& f : Evaluate(per_member, state)) {
    CHECK(f.kind == FindingKind::kFail);
  }
  // A member rule that counts across the organization, in `check` or in a
  // variable, is not.
  for (const RuleSet& counting :
       {Compile("member", "", "org.members.size() < 100", "m"),
        Compile("member", "", "variables.n < 100", "m",
                "[variables]\nn = \"size(org.teams)\"\n")}) {
    findings = Evaluate(counting, state);
    REQUIRE(!findings.empty());
    for (const Finding& f : findings) CHECK(f.kind == FindingKind::kReview);
  }
}

TEST_CASE("ReadsOrgCollection: selections of org's collections, anywhere") {
  struct {
    const char* expression;
    bool reads;
  } cases[] = {
      {"", false},
      {"member.role == \"owner\"", false},
      {"org.settings.sso_enforced == true", false},
      {"org.name == \"x\" && member.teams.size() < 3", false},
      {"org.members.size() > 1", true},
      {"size(org.teams) > 1", true},
      {"member.is_guest || org.repositories.exists(r, r.is_private)", true},
      {"[1].all(x, org.access_tokens.size() > x)", true},
      {"has(org.invites)", true},
      {"org.integrations.map(i, i.username)", true},
      {"org.audit_events == []", true},
      {"1 +", true},  // does not parse: conservatively true
  };
  for (const auto& c : cases) {
    CAPTURE(c.expression);
    CHECK(ReadsOrgCollection(c.expression) == c.reads);
  }
}

TEST_CASE("The result does not depend on the number of threads") {
  RuleSet rules = Compile("member", "", "member.role != \"owner\"",
                          "{{member.username}} owner");
  OrgState state = Fixture("compliant.json");
  EvaluationOptions one, four;
  one.threads = 1;
  four.threads = 4;
  CHECK(Summaries(Evaluate(rules, state, one)) ==
        Summaries(Evaluate(rules, state, four)));
}

// Large enough for a rule's members to be shared out in several pieces,
// with a variable (evaluated once per rule) and a message from each piece.
TEST_CASE("A rule over many members gives the same findings on any thread") {
  RuleSet rules = Compile(
      "member", "member.role != \"guest\"",
      "member.two_factor_enabled == true && variables.owners <= 200",
      "{{member.username}}: {{string(variables.owners)}} owners",
      "[variables]\nowners = 'org.members.filter(m, m.role == \"owner\")"
      ".size()'\n");
  OrgState state;
  for (int i = 0; i < 10000; ++i) {
    Member m;
    m.username = Cat("user", i);
    m.role = i % 50 == 0 ? "owner" : "member";
    if (i % 3 != 0) m.two_factor_enabled = i % 7 != 0;
    m.location = {0, static_cast<uint32_t>(i + 1), 3};
    state.members.push_back(std::move(m));
  }
  REQUIRE(state.Finalize().empty());
  EvaluationOptions one, two, four;
  one.threads = 1;
  two.threads = 2;
  four.threads = 4;
  std::vector<std::string> want = Summaries(Evaluate(rules, state, one));
  // Unknown 2FA for every third member (reviews), none for every seventh
  // of the others (fails); 200 owners.
  CHECK(want.size() == 3334 + 952);
  CHECK(want[0] ==
        "review member:user0 :1: cannot decide: two_factor_enabled of "
        "member:user0 is unknown");
  CHECK(std::find(want.begin(), want.end(),
                  "fail member:user7 :8: user7: 200 owners") != want.end());
  CHECK(Summaries(Evaluate(rules, state, two)) == want);
  CHECK(Summaries(Evaluate(rules, state, four)) == want);
  CHECK(Summaries(EvaluateRule(rules.rules()[0], state, one)) == want);
}

OrgState EscalationPlan() {
  TfPlanOptions options;
  options.tf_dir = "fixtures/tfplan/escalation";
  absl::StatusOr<OrgState> state =
      ReadTerraformPlanFile("fixtures/tfplan/escalation/plan.json", options);
  INFO(ToStd(state.status().message()));
  REQUIRE(state.ok());
  return *std::move(state);
}

TEST_CASE("A plan's change: actions, address, before and after") {
  struct {
    const char* resource;
    const char* when;
    const char* check;
    const char* message;
    const char* finding;
  } cases[] = {
      {"member", "has(member.change) && member.change.actions == [\"update\"]",
       "member.change.after.role == member.change.before.role",
       "{{member.username}}: {{member.change.before.role}} to "
       "{{member.change.after.role}} by {{member.change.address}} "
       "({{member.change.actions}})",
       "fail member:bob fixtures/tfplan/escalation/main.tf:24: bob: member to "
       "owner by docker_org_member.bob (update)"},
      {"repository", "has(repository.change)",
       "!(repository.change.before.private == true && "
       "repository.change.after.private == false)",
       "{{repository.name}} made public",
       "fail repository:acme/web fixtures/tfplan/escalation/main.tf:41: "
       "acme/web made public"},
      // Team grants carry theirs too.
      {"team", "",
       "team.repository_permissions.all(p, p.change == null || "
       "p.change.before.permission == p.change.after.permission)",
       "{{team.name}}: {{team.repository_permissions.map(p, "
       "p.change.before.permission + \" to \" + p.change.after.permission)}}",
       "fail team:release fixtures/tfplan/escalation/main.tf:36: release: "
       "read to admin"},
  };
  OrgState plan = EscalationPlan();
  for (const auto& c : cases) {
    CAPTURE(c.check);
    RuleSet rules = Compile(c.resource, c.when, c.check, c.message);
    CHECK(Lines(Summaries(Evaluate(rules, plan))) == c.finding);
  }
}

TEST_CASE("Without a plan, `change` is null and has() is false") {
  for (std::string check :
       {"member.change == null", "!has(member.change)",
        "org.settings.image_access_management.change == null",
        "org.settings.registry_access_management.change == null"}) {
    CAPTURE(check);
    RuleSet rules = Compile("member", "", check, "m");
    CHECK(Evaluate(rules, Fixture("compliant.json")).empty());
  }
  for (std::string_view resource : {"team", "repository", "token", "invite"}) {
    CAPTURE(resource);
    RuleSet rules =
        Compile(resource, "", Cat("!has(", resource, ".change)"), "m");
    CHECK(Evaluate(rules, Fixture("compliant.json")).empty());
  }
}

TEST_CASE(
    "Change values: null, bool, double, string; unknown and sensitive "
    "ones are left out") {
  OrgState state = Fixture("compliant.json");
  ResourceChange change;
  change.actions = {"update"};
  change.address = "docker_org_member.alice";
  change.before = {{"role", ChangeValue::String("member")},
                   {"email", ChangeValue::Null()}};
  change.after = {{"role", ChangeValue::String("owner")},
                  {"invite_id", ChangeValue::Unknown()},
                  {"password", ChangeValue::Sensitive()},
                  {"private", ChangeValue::Bool(false)},
                  {"team_id", ChangeValue::Number(4107)}};
  state.members[0].change = std::make_shared<const ResourceChange>(change);
  REQUIRE(state.Finalize().empty());
  auto message = [&](std::string_view expression) {
    RuleSet rules = Compile("member", "has(member.change)", "false",
                            Cat("{{", expression, "}}"));
    std::vector<Finding> findings = Evaluate(rules, state);
    REQUIRE(findings.size() == 1);
    return findings[0].message;
  };
  CHECK(message("member.change.after.map(k, k)") == "private, role, team_id");
  CHECK(message("member.change.after.size()") == "3");
  CHECK(message("[has(member.change.after.role), "
                "has(member.change.after.invite_id), "
                "has(member.change.after.password), "
                "\"invite_id\" in member.change.after]") ==
        "true, false, false, false");
  CHECK(message("[type(member.change.after.team_id) == double, "
                "member.change.after.team_id == 4107, "
                "member.change.after.private == false, "
                "member.change.before.email == null]") ==
        "true, true, true, true");
  // Reading a left-out value is an error: the check gives a review.
  RuleSet rules = Compile("member", "has(member.change)",
                          "member.change.after.invite_id == \"\"", "m");
  std::vector<Finding> findings = Evaluate(rules, state);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].kind == FindingKind::kReview);
  CHECK(findings[0].message.starts_with("the check could not be evaluated: "));
  CHECK(findings[0].message.find("invite_id") != std::string::npos);
}

TEST_CASE("RepositoryUri and LogicalName") {
  CHECK(RepositoryUri("./fixtures/orgs/a.json", "") == "fixtures/orgs/a.json");
  CHECK(RepositoryUri("/repo/terraform/m.tf", "/repo") == "terraform/m.tf");
  CHECK(RepositoryUri("/elsewhere/x.json", "/repo") == "/elsewhere/x.json");
  CHECK(LogicalName("contoso", ResourceKind::kRepository, "contoso/api") ==
        "contoso/repositories/contoso/api");
  CHECK(LogicalName("contoso", ResourceKind::kOrg, "contoso") == "contoso");
}

}  // namespace
}  // namespace hublint
