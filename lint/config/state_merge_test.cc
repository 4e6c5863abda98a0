#include "lint/config/state_merge.h"

#include <doctest/doctest.h>

#include "lint/config/config_file.h"
#include "lint/config/config_test_util.h"
#include "lint/state/snapshot_reader.h"
#include "lint/util/strings.h"

namespace hublint {
namespace {

OrgState State(const char* path = "fixtures/orgs/mfa-missing.json") {
  absl::StatusOr<OrgState> state = ReadSnapshotFile(path);
  REQUIRE(state.ok());
  return *std::move(state);
}

TEST_CASE("Declared integrations join the state and point at the config") {
  OrgState state = State();
  Config config = ParseTestConfig(R"toml(org = "contoso"

[[integration]]
name = "backup-mirror"
kind = "registry-mirror"
username = "bob"
token_id = "4a1f3c2e-9d8b-4e6f-a1b2-c3d4e5f60718"
)toml");
  absl::StatusOr<std::vector<Notification>> notes =
      MergeConfigIntoState(config, &state);
  REQUIRE(notes.ok());
  CHECK(notes->empty());
  CHECK(state.Finalize().empty());
  CHECK(state.source_files ==
        std::vector<std::string>{"fixtures/orgs/mfa-missing.json",
                                 ".hublint.toml"});
  const Integration* mirror = state.FindIntegration("backup-mirror");
  REQUIRE(mirror != nullptr);
  CHECK(mirror->location == Location{1, 3, 1});
  CHECK(mirror->kind == "registry-mirror");
  REQUIRE(mirror->member_index.has_value());
  CHECK(state.members[*mirror->member_index].username == "bob");
  CHECK(mirror->token_indices.size() == 1);
  CHECK(state.FindIntegration("defender-for-cloud") != nullptr);
}

TEST_CASE("An integration in both: the config's declaration is used") {
  const char* same = R"toml([[integration]]
name = "defender-for-cloud"
kind = "defender-for-cloud"
username = "mdc_user"
token_label = "defender"
)toml";
  const char* different = R"toml([[integration]]
name = "defender-for-cloud"
username = "dan"
token_label = "defender"
)toml";
  OrgState state = State();
  absl::StatusOr<std::vector<Notification>> notes =
      MergeConfigIntoState(ParseTestConfig(same), &state);
  REQUIRE(notes.ok());
  CHECK(notes->empty());  // the same declaration: nothing to say
  CHECK(state.integrations.size() == 1);
  CHECK(state.integrations[0].location.file == 1);  // now at the config

  state = State();
  notes = MergeConfigIntoState(ParseTestConfig(different), &state);
  REQUIRE(notes.ok());
  CHECK(NotificationTexts(*notes) ==
        std::vector<std::string>{
            "note: .hublint.toml:1:1: integration `defender-for-cloud` is "
            "also in the state, declared differently; the config's "
            "declaration is used"});
  REQUIRE(state.integrations.size() == 1);
  CHECK(state.integrations[0].username == "dan");
  CHECK_FALSE(state.integrations[0].kind.has_value());
}

TEST_CASE("sso_enforced: fills an unknown state; a known state wins") {
  struct {
    const char* name;
    const char* state;
    const char* config;
    std::optional<bool> result;
    std::vector<std::string> notes;
  } cases[] = {
      {"unknown in the state",
       "fixtures/orgs/unknown-incomplete.json",
       "sso_enforced = true\n",
       true,
       {}},
      {"unset in the config",
       "fixtures/orgs/unknown-incomplete.json",
       "",
       std::nullopt,
       {}},
      {"both agree",
       "fixtures/orgs/mfa-missing.json",
       "sso_enforced = false\n",
       false,
       {}},
      {"they disagree",
       "fixtures/orgs/mfa-missing.json",
       "sso_enforced = true\n",
       false,
       {"warning: .hublint.toml:1:16: sso_enforced is true in the config but "
        "false in the state; the state's value is used"}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    OrgState state = State(c.state);
    absl::StatusOr<std::vector<Notification>> notes =
        MergeConfigIntoState(ParseTestConfig(c.config), &state);
    REQUIRE(notes.ok());
    CHECK(state.settings.sso_enforced == c.result);
    CHECK(NotificationTexts(*notes) == c.notes);
  }
}

TEST_CASE("A state of another organization is a configuration error") {
  OrgState state = State();
  absl::StatusOr<std::vector<Notification>> notes =
      MergeConfigIntoState(ParseTestConfig("org = \"fabrikam\"\n"), &state);
  REQUIRE_FALSE(notes.ok());
  CHECK(notes.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(ToStd(notes.status().message()) ==
        ".hublint.toml:1:7: the configuration is for organization "
        "`fabrikam`, but the state is of `contoso`\n"
        "org = \"fabrikam\"\n"
        "      ^");
}

TEST_CASE("MFA exports are merged; on error the state is unchanged") {
  OrgState state = State("fixtures/orgs/unknown-incomplete.json");
  absl::StatusOr<Config> config = ParseConfigFile(
      "[[mfa_source]]\npath = \"../idp/okta-mfa-usage.csv\"\npreset = "
      "\"okta\"\n",
      "fixtures/config/.hublint.toml");
  REQUIRE(config.ok());
  absl::StatusOr<std::vector<Notification>> notes =
      MergeConfigIntoState(*config, &state);
  INFO(ToStd(notes.status().message()));
  REQUIRE(notes.ok());
  CHECK(state.FindMember("alice")->two_factor_enabled == true);
  CHECK(state.FindMember("erin")->two_factor_enabled == false);
  CHECK(notes->size() == 2);

  OrgState untouched = State("fixtures/orgs/unknown-incomplete.json");
  config = ParseConfigFile(
      "sso_enforced = true\n[[mfa_source]]\npath = \"none.csv\"\npreset = "
      "\"okta\"\n",
      ".hublint.toml");
  REQUIRE(config.ok());
  notes = MergeConfigIntoState(*config, &untouched);
  REQUIRE_FALSE(notes.ok());
  CHECK(ToStd(notes.status().message()) ==
        ".hublint.toml:2:1: [[mfa_source]]: cannot open none.csv: No such "
        "file or directory");
  CHECK_FALSE(untouched.settings.sso_enforced.has_value());
}

}  // namespace
}  // namespace hublint
