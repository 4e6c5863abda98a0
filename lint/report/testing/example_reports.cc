#include "lint/report/testing/example_reports.h"

#include <algorithm>

#include "absl/time/time.h"
#include "lint/model/org_state.h"
#include "lint/state/snapshot_reader.h"
#include "lint/util/status_macros.h"
#include "lint/util/strings.h"

namespace hublint::testing {
namespace {

RuleInfo MfaRule() {
  RuleInfo r;
  r.id = "DH-MFA-001";
  r.name = "members-have-2fa";
  r.title = "Members have two-factor authentication";
  r.description =
      "Every member who is not a guest has two-factor authentication turned "
      "on, or the organization enforces single sign-on through an identity "
      "provider that requires MFA. When neither is known (the Docker Hub API "
      "does not expose a member's two-factor status) the member is listed "
      "for review.";
  r.help_markdown =
      "## What it flags\n\n"
      "Members (not guests) whose `two_factor_enabled` is `false`, unless "
      "`org.settings.sso_enforced` is `true`. A `null` (unknown) status gives "
      "a review result.\n\n"
      "## Why it matters\n\n"
      "A Docker Hub account protected by a password alone can be taken over "
      "by phishing or credential stuffing, and with it every repository the "
      "member can push to.\n\n"
      "## How to fix\n\n"
      "1. Ask the member to turn on two-factor authentication in *Account "
      "settings > Security*.\n"
      "2. Better, enforce SSO for the organization (*Settings > SSO and "
      "SCIM*) with an identity provider that requires MFA.\n"
      "3. For review results, declare the status in the state, or merge your "
      "identity provider's MFA export (`hublint check --mfa-export`).\n\n"
      "## References\n\n"
      "- CIS Software Supply Chain Security Guide 1.3.5\n"
      "- NIST SP 800-53 IA-2(1)\n";
  r.help_text =
      "Members (not guests) must have two-factor authentication turned on, "
      "or the organization must enforce SSO with an identity provider that "
      "requires MFA. Fix: ask the member to turn on two-factor "
      "authentication, or enforce SSO. An unknown status needs review: "
      "declare it or merge the identity provider's MFA export.";
  r.level = Level::kError;
  r.security_severity = "8.0";
  r.tags = {"security", "cis-ssc:1.3.5", "nist-800-53:IA-2(1)"};
  r.pack = "dockerhub";
  return r;
}

RuleInfo ConnectorRule() {
  RuleInfo r;
  r.id = "DH-CON-001";
  r.name = "dedicated-integration-account";
  r.title = "Integrations use a dedicated account";
  r.description =
      "Each declared integration (such as the Microsoft Defender for Cloud "
      "connector) signs in with an account of its own: the account exists, "
      "its e-mail is in the organization's domain, it is not an owner, no "
      "other integration uses it, and it is in no team with write or admin "
      "access.";
  r.help_markdown =
      "## What it flags\n\n"
      "Integrations whose account is missing, outside the organization's "
      "domain, an owner, shared with another integration, or a member of a "
      "team that can write to or administer a repository.\n\n"
      "## Why it matters\n\n"
      "A third party holding a person's or an owner's credentials can do "
      "everything that person can; a shared account makes it impossible to "
      "revoke one integration without breaking the other.\n\n"
      "## How to fix\n\n"
      "Create a service account for each integration (e.g. `mdc_user`), "
      "give it the *member* role and no team with write access, and "
      "re-connect the integration with it.\n";
  r.help_text =
      "Each integration must sign in with its own service account: in the "
      "organization's domain, not an owner, used by no other integration, "
      "in no team with write or admin access. Fix: create a dedicated "
      "account and re-connect the integration with it.";
  r.level = Level::kError;
  r.security_severity = "7.5";
  r.tags = {"security", "cis-ssc:1.4.3", "owasp-cicd:SEC-8"};
  r.pack = "dockerhub";
  return r;
}

RuleInfo TokenRule() {
  RuleInfo r;
  r.id = "DH-TOK-001";
  r.name = "read-only-integration-tokens";
  r.title = "Integration tokens are read-only";
  r.description =
      "The token each integration uses can only read: personal access tokens "
      "with the scopes repo:read or repo:public_read, organization access "
      "tokens with read scopes or scope-image-pull only.";
  r.help_markdown =
      "## What it flags\n\n"
      "Integrations whose token has a write, delete or admin scope, and "
      "integrations whose token could not be read (review).\n\n"
      "## Why it matters\n\n"
      "A scanner needs to pull images, nothing more. A token that can push "
      "lets whoever steals it from the third party replace your images.\n\n"
      "## How to fix\n\n"
      "Create a new token with *Read-only* access (`repo:read`), update the "
      "integration, then revoke the old token.\n";
  r.help_text =
      "An integration's token must be read-only (repo:read, "
      "repo:public_read, *-read, scope-image-pull). Fix: create a read-only "
      "token, update the integration, revoke the old token.";
  r.level = Level::kError;
  r.security_severity = "8.5";
  r.tags = {"security", "cis-ssc:2.1.7", "owasp-cicd:SEC-6"};
  r.pack = "dockerhub";
  return r;
}

RuleInfo EditorRule() {
  RuleInfo r;
  r.id = "DH-ROLE-001";
  r.name = "editor-role-not-overused";
  r.title = "The Editor role is not overused";
  r.description =
      "At most params.max_editors members (2 by default) hold the Editor "
      "role, and every one of them is in params.editor_allowlist: editors "
      "can create and delete repositories and change their settings.";
  r.help_markdown =
      "## What it flags\n\n"
      "The organization when more members than `max_editors` hold *Editor*, "
      "and each editor not in `editor_allowlist`.\n\n"
      "## Why it matters\n\n"
      "Editors can delete any repository and change its visibility; every "
      "extra editor widens what one compromised account can destroy.\n\n"
      "## How to fix\n\n"
      "Give people the *Member* role and team permissions for the "
      "repositories they work on; keep *Editor* for the service accounts "
      "that need it, and list them in `editor_allowlist`.\n\n"
      "## Parameters\n\n"
      "| name | default | meaning |\n"
      "| --- | --- | --- |\n"
      "| `max_editors` | `2` | most members that may hold Editor |\n"
      "| `editor_allowlist` | `[\"mdc_user\"]` | accounts allowed to hold it "
      "|\n";
  r.help_text =
      "At most max_editors members (default 2) may hold Editor, and only "
      "accounts in editor_allowlist. Fix: give people the Member role with "
      "team permissions; keep Editor for allow-listed service accounts.";
  r.level = Level::kWarning;
  r.security_severity = "5.5";
  r.tags = {"security", "cis-ssc:1.2.2", "least-privilege"};
  r.pack = "dockerhub";
  return r;
}

// The run facts of a check of `state`, read from `uri`.
RunInfo RunFor(const OrgState& state, const std::string& uri) {
  RunInfo run;
  run.tool_version = "0.1.0";
  run.org_name = state.org_name;
  run.collected_at = state.collected_at;
  run.source_kind = state.source.kind;
  run.source_uri = uri;
  run.source_complete = state.source.complete;
  for (const SourceGap& gap : state.source.gaps) {
    run.gaps.push_back(Cat(gap.part, ": ", gap.reason));
  }
  run.start_time = absl::FromUnixSeconds(1795140300);  // 2026-11-20T02:05:00Z
  run.end_time = run.start_time + absl::Milliseconds(1250);
  return run;
}

// Builds findings on the resources of one state file, as the engine would.
class FindingMaker {
 public:
  FindingMaker(const OrgState& state, std::string uri)
      : state_(state), uri_(std::move(uri)) {}

  absl::StatusOr<Finding> Make(const RuleInfo& rule, ResourceKind kind,
                               std::string_view key, std::string message,
                               FindingKind finding_kind = FindingKind::kFail) {
    Finding f;
    f.rule_id = rule.id;
    f.level = rule.level;
    f.kind = finding_kind;
    f.resource_kind = std::string(ResourceKindName(kind));
    f.resource_key = std::string(key);
    f.resource = Cat(f.resource_kind, ":", key);
    f.message = std::move(message);
    const Location* location = nullptr;
    std::string_view plural;
    switch (kind) {
      case ResourceKind::kOrg:
        location = &state_.org_location;
        break;
      case ResourceKind::kMember:
        if (const Member* m = state_.FindMember(key)) location = &m->location;
        plural = "members";
        break;
      case ResourceKind::kToken:
        if (const AccessToken* t = state_.FindToken(key)) {
          location = &t->location;
        }
        plural = "tokens";
        break;
      case ResourceKind::kIntegration:
        if (const Integration* i = state_.FindIntegration(key)) {
          location = &i->location;
        }
        plural = "integrations";
        break;
      default:
        return absl::InvalidArgumentError(
            Cat("no example findings on ", f.resource_kind));
    }
    if (location == nullptr) {
      return absl::NotFoundError(Cat(f.resource, " is not in ", uri_));
    }
    f.logical_name = kind == ResourceKind::kOrg
                         ? state_.org_name
                         : Cat(state_.org_name, "/", plural, "/", key);
    f.location = FindingLocation{uri_, location->line, location->column};
    f.fingerprint = Fingerprint(f.rule_id, f.resource);
    return f;
  }

 private:
  const OrgState& state_;
  std::string uri_;
};

struct Loaded {
  OrgState state;
  std::string uri;
};

absl::StatusOr<Loaded> Load(const std::string& source_dir,
                            std::string_view name) {
  std::string uri = Cat("fixtures/orgs/", name, ".json");
  ASSIGN_OR_RETURN(OrgState state, ReadSnapshotFile(Cat(source_dir, "/", uri)));
  return Loaded{std::move(state), uri};
}

void Finish(Report* report) {
  report->rules = CoreRules();
  std::sort(report->findings.begin(), report->findings.end(), FindingLess);
}

std::string NoTwoFactor(std::string_view user) {
  return Cat(user, " has no two-factor authentication");
}

std::string EditorOutsideAllowlist(std::string_view user) {
  return Cat(user, " holds the Editor role but is not in editor_allowlist");
}

// editors-overused.json: four editors (bob, carol, erin, mdc_user).
absl::StatusOr<Report> EditorsReport(const Loaded& in) {
  FindingMaker make(in.state, in.uri);
  Report report;
  report.run = RunFor(in.state, in.uri);
  const RuleInfo editor = EditorRule();
  ASSIGN_OR_RETURN(
      Finding org,
      make.Make(editor, ResourceKind::kOrg, "contoso",
                "4 members hold the Editor role (bob, carol, erin, mdc_user); "
                "at most 2 may"));
  report.findings.push_back(std::move(org));
  for (std::string_view user : {"bob", "carol", "erin"}) {
    ASSIGN_OR_RETURN(Finding f, make.Make(editor, ResourceKind::kMember, user,
                                          EditorOutsideAllowlist(user)));
    report.findings.push_back(std::move(f));
  }
  return report;
}

}  // namespace

std::vector<RuleInfo> CoreRules() {
  std::vector<RuleInfo> rules = {ConnectorRule(), MfaRule(), EditorRule(),
                                 TokenRule()};
  std::sort(rules.begin(), rules.end(),
            [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
  return rules;
}

absl::StatusOr<std::vector<ExampleScenario>> ExampleScenarios(
    const std::string& source_dir) {
  std::vector<ExampleScenario> scenarios;
  const RuleInfo mfa = MfaRule();
  const RuleInfo con = ConnectorRule();
  const RuleInfo tok = TokenRule();

  {
    ASSIGN_OR_RETURN(Loaded in, Load(source_dir, "compliant"));
    Report report;
    report.run = RunFor(in.state, in.uri);
    Finish(&report);
    scenarios.push_back(
        {"clean", "compliant.json: every rule passes", std::move(report)});
  }
  {
    ASSIGN_OR_RETURN(Loaded in, Load(source_dir, "mfa-missing"));
    FindingMaker make(in.state, in.uri);
    Report report;
    report.run = RunFor(in.state, in.uri);
    for (std::string_view user : {"bob", "erin"}) {
      ASSIGN_OR_RETURN(Finding f, make.Make(mfa, ResourceKind::kMember, user,
                                            NoTwoFactor(user)));
      report.findings.push_back(std::move(f));
    }
    Finish(&report);
    scenarios.push_back({"mfa-missing",
                         "mfa-missing.json: two members without 2FA",
                         std::move(report)});
  }
  {
    ASSIGN_OR_RETURN(Loaded in, Load(source_dir, "unknown-incomplete"));
    FindingMaker make(in.state, in.uri);
    Report report;
    report.run = RunFor(in.state, in.uri);
    report.run.category = "hublint/nightly";
    for (std::string_view user :
         {"alice", "dan", "bob", "erin", "frank", "mdc_user"}) {
      ASSIGN_OR_RETURN(
          Finding f,
          make.Make(mfa, ResourceKind::kMember, user,
                    Cat("two-factor authentication of ", user,
                        " is unknown (the Docker Hub API does not expose it) "
                        "and SSO enforcement is unknown"),
                    FindingKind::kReview));
      report.findings.push_back(std::move(f));
    }
    ASSIGN_OR_RETURN(
        Finding token,
        make.Make(tok, ResourceKind::kIntegration, "defender-for-cloud",
                  "the token `defender` of mdc_user could not be checked: "
                  "personal access tokens were not read "
                  "(access_tokens.personal)",
                  FindingKind::kReview));
    report.findings.push_back(std::move(token));
    Finish(&report);
    scenarios.push_back(
        {"unknown-incomplete",
         "unknown-incomplete.json: 2FA unknown, personal tokens not read",
         std::move(report)});
  }
  {
    ASSIGN_OR_RETURN(Loaded in, Load(source_dir, "connector-shared"));
    FindingMaker make(in.state, in.uri);
    Report report;
    report.run = RunFor(in.state, in.uri);
    ASSIGN_OR_RETURN(
        Finding defender,
        make.Make(con, ResourceKind::kIntegration, "defender-for-cloud",
                  "defender-for-cloud signs in as dan, who is an owner, is "
                  "also used by legacy-scanner, and is in team devs (write)"));
    ASSIGN_OR_RETURN(
        Finding scanner,
        make.Make(con, ResourceKind::kIntegration, "legacy-scanner",
                  "legacy-scanner signs in as dan, who is an owner, is also "
                  "used by defender-for-cloud, and is in team devs (write)"));
    report.findings.push_back(std::move(defender));
    report.findings.push_back(std::move(scanner));
    Finish(&report);
    scenarios.push_back({"connector-shared",
                         "connector-shared.json: two integrations share an "
                         "owner's account",
                         std::move(report)});
  }
  {
    ASSIGN_OR_RETURN(Loaded in, Load(source_dir, "token-write"));
    FindingMaker make(in.state, in.uri);
    Report report;
    report.run = RunFor(in.state, in.uri);
    ASSIGN_OR_RETURN(
        Finding f,
        make.Make(tok, ResourceKind::kToken,
                  "b30bbf97-506c-4ecd-aabc-842f3cb484fb",
                  "token `defender`, used by defender-for-cloud, has scope "
                  "repo:write; an integration needs repo:read only"));
    report.findings.push_back(std::move(f));
    Finish(&report);
    scenarios.push_back({"token-write",
                         "token-write.json: the connector's token can push",
                         std::move(report)});
  }
  {
    ASSIGN_OR_RETURN(Loaded in, Load(source_dir, "editors-overused"));
    ASSIGN_OR_RETURN(Report report, EditorsReport(in));
    report.run.category = "pre-merge";
    for (Finding& f : report.findings) {
      if (f.resource == "member:carol") {
        f.suppressed = true;
        f.justification = "release engineer until the 2027 reorg";
      }
    }
    report.run.notifications.push_back(
        {Level::kNote,
         "waiver for DH-ROLE-001 on member:carol (.hublint.toml) expires on "
         "2027-03-31"});
    Finish(&report);
    scenarios.push_back({"waived",
                         "editors-overused.json with carol's Editor role "
                         "waived",
                         std::move(report)});
  }
  {
    ASSIGN_OR_RETURN(Loaded in, Load(source_dir, "editors-overused"));
    ASSIGN_OR_RETURN(Report report, EditorsReport(in));
    report.run.has_baseline = true;
    for (Finding& f : report.findings) {
      f.baseline_state = f.resource == "member:carol"
                             ? BaselineState::kNew
                             : BaselineState::kUnchanged;
    }
    // Last night erin had no 2FA; she has turned it on since.
    FindingMaker make(in.state, in.uri);
    ASSIGN_OR_RETURN(Finding fixed, make.Make(mfa, ResourceKind::kMember,
                                              "erin", NoTwoFactor("erin")));
    fixed.baseline_state = BaselineState::kAbsent;
    report.findings.push_back(std::move(fixed));
    Finish(&report);
    scenarios.push_back({"baseline",
                         "editors-overused.json against last night's run: "
                         "carol new, erin's 2FA fixed",
                         std::move(report)});
  }
  return scenarios;
}

Report HostileReport() {
  Report report;
  RunInfo& run = report.run;
  run.tool_version = "0.1.0";
  run.org_name = "con\"to<so>&\x1b[31m\xF0\x9F\x90\xB3";
  run.collected_at = absl::FromUnixSeconds(1795140000);
  run.source_kind = "dockerhub-api";
  run.source_uri = "fixtures/orgs/my org #1?.json";
  run.source_complete = false;
  run.gaps = {
      "access_tokens.personal: GET /v2/access-tokens: 403 \"denied\" "
      "\xE2\x80\xAE"
      "detacilpmoc\xE2\x80\xAC\n"
      "::error::forged annotation %0A <b>bold</b>"};
  run.start_time = absl::FromUnixSeconds(1795140300);
  run.end_time = run.start_time + absl::Seconds(2);
  run.notifications.push_back(
      {Level::kWarning, "team description had \x07 bell and \r\n newline"});
  report.rules = CoreRules();
  report.rules[1].tags.push_back("security");  // a duplicate tag
  report.rules[1].tags.push_back("x");         // and an unknown one

  struct Spec {
    std::string key;
    std::string message;
    bool review;
    bool waived;
  };
  const std::vector<Spec> specs = {
      {"alice\"quote\\backslash", "alice said \"hi\" \\ and left", false,
       false},
      {"bob\nnewline", "line one\nline two\r\n::warning::injected", false,
       false},
      {"carol\x01\x02\x1f\x7f", "control \x01\x02\x1b[2J\x7f chars", true,
       false},
      {"dan\xC3\x28invalid", "invalid \xFF\xFE UTF-8 \xC0\xAF from the API",
       false, false},
      {"erin\xF0\x9F\x98\x80",
       "emoji \xF0\x9F\x98\x80 and \xE2\x80\xAE"
       "bidi override\xE2\x80\xAC and U+2028\xE2\x80\xA8"
       " here",
       false, true},
      {"frank|pipe`tick`",
       "markdown | table `code` **bold** [link](http://x) "
       "<script>alert(1)</script> ]]> $math$ @everyone",
       false, false},
      {"gina,comma:colon%percent", "50% of 1,000: done %25 %0A", true, true},
  };
  for (size_t i = 0; i < specs.size(); ++i) {
    const Spec& s = specs[i];
    Finding f;
    f.rule_id = "DH-MFA-001";
    f.level = Level::kError;
    f.kind = s.review ? FindingKind::kReview : FindingKind::kFail;
    f.resource_kind = "member";
    f.resource_key = s.key;
    f.resource = Cat("member:", s.key);
    f.logical_name = Cat(run.org_name, "/members/", s.key);
    f.message = s.message;
    f.location =
        FindingLocation{run.source_uri, static_cast<uint32_t>(40 + i), 5};
    f.suppressed = s.waived;
    if (s.waived) {
      f.justification = "approved by \"sec\" <team> & co\n::notice::x";
    }
    f.fingerprint = Fingerprint(f.rule_id, f.resource);
    report.findings.push_back(std::move(f));
  }
  return report;
}

Report ManyFindingsReport(size_t count) {
  Report report;
  RunInfo& run = report.run;
  run.tool_version = "0.1.0";
  run.org_name = "bigcorp";
  run.collected_at = absl::FromUnixSeconds(1795140000);
  run.source_kind = "dockerhub-api";
  run.source_uri = "snapshots/bigcorp.json";
  run.start_time = absl::FromUnixSeconds(1795140300);
  run.end_time = run.start_time + absl::Seconds(40);
  report.rules = CoreRules();
  const std::vector<RuleInfo>& rules = report.rules;
  report.findings.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    const RuleInfo& rule = rules[i % rules.size()];
    std::string user = Cat(
        "user", std::string(6 - std::min<size_t>(6, Cat(i).size()), '0'), i);
    Finding f;
    f.rule_id = rule.id;
    f.level = rule.level;
    f.kind = i % 7 == 3 ? FindingKind::kReview : FindingKind::kFail;
    f.resource_kind = "member";
    f.resource_key = user;
    f.resource = Cat("member:", user);
    f.logical_name = Cat("bigcorp/members/", user);
    f.message = Cat(user, " fails ", rule.title);
    f.location =
        FindingLocation{run.source_uri, static_cast<uint32_t>(100 + 12 * i), 5};
    f.suppressed = i % 50 == 7;
    if (f.suppressed) f.justification = "accepted risk, ticket SEC-1234";
    f.fingerprint = Fingerprint(f.rule_id, f.resource);
    report.findings.push_back(std::move(f));
  }
  std::sort(report.findings.begin(), report.findings.end(), FindingLess);
  return report;
}

}  // namespace hublint::testing
