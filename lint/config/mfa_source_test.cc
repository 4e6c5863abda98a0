#include "lint/config/mfa_source.h"

#include <doctest/doctest.h>

#include "lint/config/config_test_util.h"
#include "lint/state/snapshot_reader.h"
#include "lint/util/strings.h"

namespace hublint {
namespace {

MfaSource Generic() {
  MfaSource source;
  source.email_columns = {"email"};
  source.mfa_columns = {"mfa"};
  source.enabled_values = DefaultMfaEnabledValues();
  source.disabled_values = DefaultMfaDisabledValues();
  return source;
}

// Every member of a fresh state whose two-factor status is unknown.
OrgState UnknownState() {
  absl::StatusOr<OrgState> state =
      ReadSnapshotFile("fixtures/orgs/unknown-incomplete.json");
  REQUIRE(state.ok());
  return *std::move(state);
}

// "alice=on bob=off gina=?" for the members of `state`.
std::string TwoFactor(const OrgState& state) {
  std::vector<std::string> parts;
  for (const Member& m : state.members) {
    parts.push_back(Cat(m.username, "=",
                        !m.two_factor_enabled   ? "?"
                        : *m.two_factor_enabled ? "on"
                                                : "off"));
  }
  return Join(parts, " ");
}

TEST_CASE("The Entra preset merges the fixture export") {
  MfaSource entra = *MfaPreset("entra");
  entra.path = "fixtures/idp/entra-user-registration.csv";
  OrgState state = UnknownState();
  absl::StatusOr<std::vector<Notification>> notes =
      MergeMfaSources({entra}, &state);
  INFO(ToStd(notes.status().message()));
  REQUIRE(notes.ok());
  // bob registered a method that is not capable; Erin@Contoso.com matches
  // erin; the service account and the guest have no row.
  CHECK(TwoFactor(state) ==
        "alice=on dan=on bob=off erin=on frank=on gina=? mdc_user=?");
  CHECK(NotificationTexts(*notes) ==
        std::vector<std::string>{
            "note: fixtures/idp/entra-user-registration.csv: 2 e-mail "
            "addresses match no member: zoe@contoso.com (line 7), "
            "hr-kiosk@contoso.com (line 8)",
            "note: two-factor status stays unknown for 2 members with no row "
            "in the MFA exports: gina, mdc_user",
        });
}

TEST_CASE("The Okta preset: one row per factor, any MFA factor enables") {
  MfaSource okta = *MfaPreset("okta");
  okta.path = "fixtures/idp/okta-mfa-usage.csv";
  OrgState state = UnknownState();
  absl::StatusOr<std::vector<Notification>> notes =
      MergeMfaSources({okta}, &state);
  INFO(ToStd(notes.status().message()));
  REQUIRE(notes.ok());
  // erin has only a password and a security question.
  CHECK(TwoFactor(state) ==
        "alice=on dan=on bob=off erin=off frank=on gina=? mdc_user=?");
  CHECK(NotificationTexts(*notes)[0] ==
        "note: fixtures/idp/okta-mfa-usage.csv: 1 e-mail address matches no "
        "member: priya@contoso.com (line 10)");
}

TEST_CASE("Merge edge cases") {
  struct {
    const char* name;
    std::string csv;
    const char* expected;
  } cases[] = {
      {"e-mails match ASCII case-insensitively, trimmed",
       "email,mfa\n  BOB@Contoso.COM ,yes\n",
       "alice=? dan=? bob=on erin=? frank=? gina=? mdc_user=?"},
      {"value spellings",
       "email,mfa\nalice@contoso.com,TRUE\n"
       "dan@contoso.com,1\nbob@contoso.com,Enabled\n"
       "erin@contoso.com, No \nfrank@contoso.com,off\n"
       "gina@partner.example,0\n",
       "alice=on dan=on bob=on erin=off frank=off gina=off mdc_user=?"},
      {"duplicates: enabled wins whatever the order",
       "email,mfa\nbob@contoso.com,false\nbob@contoso.com,true\n"
       "erin@contoso.com,true\nerin@contoso.com,false\n"
       "frank@contoso.com,false\nfrank@contoso.com,false\n",
       "alice=? dan=? bob=on erin=on frank=off gina=? mdc_user=?"},
      {"quoted commas and a BOM",
       "\xEF\xBB\xBF\"name\",\"email\",\"mfa\"\r\n"
       "\"Chen, Bob\",\"bob@contoso.com\",\"true\"\r\n",
       "alice=? dan=? bob=on erin=? frank=? gina=? mdc_user=?"},
      {"header names match case-insensitively",
       "EMAIL,Mfa\nbob@contoso.com,true\n",
       "alice=? dan=? bob=on erin=? frank=? gina=? mdc_user=?"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    OrgState state = UnknownState();
    absl::StatusOr<std::vector<MfaRow>> rows =
        ReadMfaExport(Generic(), SourceText("x.csv", c.csv));
    INFO(ToStd(rows.status().message()));
    REQUIRE(rows.ok());
    MergeMfaRows(*rows, &state);
    CHECK(TwoFactor(state) == c.expected);
  }
}

TEST_CASE("The first present of several column names is used") {
  MfaSource source = Generic();
  source.email_columns = {"mail", "userPrincipalName"};
  absl::StatusOr<std::vector<MfaRow>> rows = ReadMfaExport(
      source,
      SourceText("x.csv",
                 "userPrincipalName,mail,mfa\nbob@x.example,bob@contoso.com,"
                 "true\n"));
  REQUIRE(rows.ok());
  CHECK((*rows)[0].email == "bob@contoso.com");
  CHECK((*rows)[0].line == 2);
}

TEST_CASE("other_values decides what an unlisted value means") {
  MfaSource source = Generic();
  source.enabled_values = {};
  source.disabled_values = {"Password"};
  source.other_values = OtherMfaValues::kEnabled;
  absl::StatusOr<std::vector<MfaRow>> rows = ReadMfaExport(
      source,
      SourceText("x.csv", "email,mfa\na@x,password\nb@x,Okta Verify\n"));
  REQUIRE(rows.ok());
  CHECK_FALSE((*rows)[0].enabled);
  CHECK((*rows)[1].enabled);
  source.other_values = OtherMfaValues::kDisabled;
  rows = ReadMfaExport(source,
                       SourceText("x.csv", "email,mfa\nb@x,Okta Verify\n"));
  REQUIRE(rows.ok());
  CHECK_FALSE((*rows)[0].enabled);
}

TEST_CASE("Every export error, word for word") {
  struct {
    const char* name;
    std::string csv;
    const char* error;
  } cases[] = {
      {"missing e-mail column", "mail,mfa\nbob@contoso.com,true\n",
       "x.csv:1:1: no e-mail column `email` in the header; did you mean "
       "`mail`? (columns: mail, mfa)\n"
       "mail,mfa\n"
       "^"},
      {"missing MFA column, with a suggestion",
       "email,mfa_enabled\nbob@contoso.com,true\n",
       "x.csv:1:1: no MFA column `mfa` in the header; did you mean "
       "`mfa_enabled`? (columns: email, mfa_enabled)\n"
       "email,mfa_enabled\n"
       "^"},
      {"empty e-mail", "email,mfa\n,true\n",
       "x.csv:2:1: empty e-mail in column `email`\n"
       ",true\n"
       "^"},
      {"empty value", "email,mfa\nbob@contoso.com,\n",
       "x.csv:2:17: empty `mfa` for bob@contoso.com\n"
       "bob@contoso.com,\n"
       "                ^"},
      {"unknown value", "email,mfa\nbob@contoso.com,maybe\n",
       "x.csv:2:17: `mfa` is \"maybe\" for bob@contoso.com, which is neither "
       "enabled (`true`, `yes`, `y`, `1`, `enabled`, `on`) nor disabled "
       "(`false`, `no`, `n`, `0`, `disabled`, `off`); list it in "
       "enabled_values or disabled_values of the [[mfa_source]]\n"
       "bob@contoso.com,maybe\n"
       "                ^"},
      {"malformed CSV", "email,mfa\nbob@contoso.com,true,x\n",
       "x.csv:2:1: this row has 3 fields; the header has 2\n"
       "bob@contoso.com,true,x\n"
       "^"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    absl::StatusOr<std::vector<MfaRow>> rows =
        ReadMfaExport(Generic(), SourceText("x.csv", c.csv));
    REQUIRE_FALSE(rows.ok());
    CHECK(rows.status().code() == absl::StatusCode::kInvalidArgument);
    CHECK(ToStd(rows.status().message()) == c.error);
  }
}

TEST_CASE("A missing export names the [[mfa_source]] line; nothing merges") {
  MfaSource good = *MfaPreset("okta");
  good.path = "fixtures/idp/okta-mfa-usage.csv";
  MfaSource missing = Generic();
  missing.path = "idp/none.csv";
  missing.at.origin = ConfigOrigin::kFile;
  missing.at.name = ".hublint.toml";
  missing.at.position = {20, 1};
  OrgState state = UnknownState();
  absl::StatusOr<std::vector<Notification>> notes =
      MergeMfaSources({good, missing}, &state);
  REQUIRE_FALSE(notes.ok());
  CHECK(notes.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(ToStd(notes.status().message()) ==
        ".hublint.toml:20:1: [[mfa_source]]: cannot open idp/none.csv: No "
        "such file or directory");
  CHECK(TwoFactor(state) ==
        "alice=? dan=? bob=? erin=? frank=? gina=? mdc_user=?");
}

TEST_CASE("The export wins over the state, with a warning when they differ") {
  absl::StatusOr<OrgState> state =
      ReadSnapshotFile("fixtures/orgs/mfa-missing.json");
  REQUIRE(state.ok());
  std::vector<MfaRow> rows = {{"bob@contoso.com", true, "idp/x.csv", 4},
                              {"alice@contoso.com", true, "idp/x.csv", 2}};
  std::vector<Notification> notes = MergeMfaRows(rows, &*state);
  CHECK(TwoFactor(*state) ==
        "alice=on dan=on bob=on erin=off frank=on gina=? mdc_user=on");
  CHECK(NotificationTexts(notes) ==
        std::vector<std::string>{
            "warning: member `bob`: idp/x.csv:4 says two-factor "
            "authentication is on, the state said off; the export is used",
            "note: two-factor status stays unknown for 1 member with no row "
            "in the MFA exports: gina",
        });
}

TEST_CASE("An export that matches no member at all is a warning") {
  OrgState state = UnknownState();
  std::vector<MfaRow> rows;
  for (int i = 1; i <= 7; ++i) {
    rows.push_back({Cat("u", i, "@corp.example"), i % 2 == 0, "idp/x.csv",
                    static_cast<uint32_t>(i + 1)});
  }
  rows.push_back({"u1@corp.example", false, "idp/x.csv", 9});  // once only
  std::vector<Notification> notes = MergeMfaRows(rows, &state);
  CHECK(NotificationTexts(notes)[0] ==
        "warning: idp/x.csv: no row matches a member of contoso by e-mail (7 "
        "addresses, e.g. u1@corp.example (line 2), u2@corp.example (line 3), "
        "u3@corp.example (line 4), u4@corp.example (line 5), u5@corp.example "
        "(line 6) and 2 more); check that the e-mail column holds the "
        "addresses members have on Docker Hub");
}

TEST_CASE("Presets") {
  CHECK(MfaPresetNames() == std::vector<std::string>{"entra", "okta"});
  CHECK_FALSE(MfaPreset("google").has_value());
  CHECK(MfaPreset("okta")->other_values == OtherMfaValues::kEnabled);
  CHECK(MfaPreset("entra")->mfa_columns.front() == "isMfaCapable");
}

}  // namespace
}  // namespace hublint
