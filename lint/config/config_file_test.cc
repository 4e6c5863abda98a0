#include "lint/config/config_file.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "lint/util/strings.h"

namespace hublint {
namespace {

TEST_CASE("Reads every key of the example config, with provenance") {
  absl::StatusOr<Config> config =
      LoadConfigFile("fixtures/config/contoso.hublint.toml");
  INFO(ToStd(config.status().message()));
  REQUIRE(config.ok());
  const std::string file = "fixtures/config/contoso.hublint.toml";
  CHECK(config->file == file);
  REQUIRE(config->file_text != nullptr);
  CHECK(config->org.value == "contoso");
  CHECK(config->org.from.ToString() == file + ":7:7");
  CHECK(config->api_url.value == "https://hub.docker.com");
  CHECK(config->packs.value == std::vector<std::string>{"dockerhub"});
  CHECK(config->rule_paths.value.empty());
  CHECK(config->rule_paths.from.origin == ConfigOrigin::kFile);
  CHECK(config->fail_on.value == FailOn{Level::kError});
  CHECK(config->fail_on.from.ToString() == file + ":17:11");
  CHECK_FALSE(config->fail_on_review.value);
  CHECK_FALSE(config->fail_on_new.value);
  CHECK(config->baseline.value.empty());
  CHECK(config->baseline.from.origin == ConfigOrigin::kDefault);
  CHECK(config->sso_enforced.value == false);
  // Paths are resolved against the file's folder.
  CHECK(
      config->outputs.value ==
      std::vector<OutputSpec>{{Format::kSarif, "fixtures/config/hublint.sarif"},
                              {Format::kText, "-"}});

  REQUIRE(config->rules.size() == 1);
  const RuleSettings& role = config->rules[0];
  CHECK(role.rule_id == "DH-ROLE-001");
  CHECK(role.at.ToString() == file + ":35:8");
  CHECK_FALSE(role.enabled.has_value());
  REQUIRE(role.level.has_value());
  CHECK(role.level->value == Level::kWarning);
  // Parameters come sorted by name, as TOML tables are unordered.
  REQUIRE(role.params.size() == 2);
  CHECK(role.params[0].name == "editor_allowlist");
  CHECK(std::get<std::vector<std::string>>(role.params[0].value) ==
        std::vector<std::string>{"carol"});
  CHECK(role.params[0].name_at.ToString() == file + ":37:29");
  CHECK(role.params[0].value_at.ToString() == file + ":37:48");
  CHECK(role.params[1].name == "max_editors");
  CHECK(std::get<int64_t>(role.params[1].value) == 2);
  CHECK(role.params[1].value_at.ToString() == file + ":37:26");

  REQUIRE(config->integrations.size() == 1);
  const Integration& integration = config->integrations[0].integration;
  CHECK(integration.name == "defender-for-cloud");
  CHECK(integration.kind == "defender-for-cloud");
  CHECK(integration.username == "mdc_user");
  CHECK(integration.token_label == "defender");
  CHECK_FALSE(integration.token_id.has_value());
  CHECK(config->integrations[0].at.ToString() == file + ":40:1");

  REQUIRE(config->mfa_sources.size() == 1);
  const MfaSource& mfa = config->mfa_sources[0];
  CHECK(mfa.path == "fixtures/idp/entra-user-registration.csv");
  CHECK(mfa.preset == "entra");
  CHECK(mfa.email_columns == MfaPreset("entra")->email_columns);
  CHECK(mfa.other_values == OtherMfaValues::kError);

  REQUIRE(config->waivers.size() == 2);
  const Waiver& carol = config->waivers[0];
  CHECK(carol.rule == "DH-ROLE-001");
  CHECK(carol.resource == "member:carol");
  CHECK(carol.justification == "release engineer until the 2027 reorg");
  CHECK(carol.expires == absl::CivilDay(2027, 3, 31));
  CHECK(carol.owner == "platform-team");
  CHECK(carol.at.ToString() == file + ":53:1");
  CHECK(carol.rule_at.ToString() == file + ":54:8");
  CHECK_FALSE(config->waivers[1].expires.has_value());
}

TEST_CASE("An empty file gives the defaults") {
  absl::StatusOr<Config> config = ParseConfigFile("", ".hublint.toml");
  REQUIRE(config.ok());
  CHECK(config->org.value.empty());
  CHECK(config->api_url.value == "https://hub.docker.com");
  CHECK(config->api_url.from.ToString() == "default");
  CHECK(config->packs.value == std::vector<std::string>{"dockerhub"});
  CHECK(config->fail_on.value == FailOn{Level::kError});
  CHECK_FALSE(config->sso_enforced.value.has_value());
  CHECK(config->outputs.value.empty());
}

TEST_CASE("An expiry may be a TOML date or a date string") {
  absl::StatusOr<Config> config = ParseConfigFile(
      "[[waiver]]\nrule = \"A-B-1\"\nresource = \"org:contoso\"\n"
      "justification = \"x\"\nexpires = \"2027-03-31\"\n",
      ".hublint.toml");
  REQUIRE(config.ok());
  CHECK(config->waivers[0].expires == absl::CivilDay(2027, 3, 31));
}

TEST_CASE("Columns may be one name or a list; values replace the defaults") {
  absl::StatusOr<Config> config = ParseConfigFile(
      "[[mfa_source]]\npath = \"idp/x.csv\"\nemail_column = \"mail\"\n"
      "mfa_column = [\"MFA\", \"2FA\"]\nenabled_values = [\"on\"]\n"
      "other_values = \"disabled\"\n",
      "ci/.hublint.toml");
  INFO(ToStd(config.status().message()));
  REQUIRE(config.ok());
  const MfaSource& source = config->mfa_sources[0];
  CHECK(source.path == "ci/idp/x.csv");
  CHECK(source.preset.empty());
  CHECK(source.email_columns == std::vector<std::string>{"mail"});
  CHECK(source.mfa_columns == std::vector<std::string>{"MFA", "2FA"});
  CHECK(source.enabled_values == std::vector<std::string>{"on"});
  CHECK(source.disabled_values == DefaultMfaDisabledValues());
  CHECK(source.other_values == OtherMfaValues::kDisabled);
}

TEST_CASE("Every configuration error, word for word") {
  struct {
    const char* name;
    const char* text;
    const char* error;
  } cases[] = {
      {"TOML syntax", "org = \"contoso\nfail_on = \"error\"\n",
       ".hublint.toml:1:15: Error while parsing string: unescaped control "
       "characters other than TAB (U+0009) are explicitly prohibited\n"
       "org = \"contoso\n"
       "              ^"},
      {"unknown key", "fail-on = \"warning\"\n",
       ".hublint.toml:1:1: unknown key `fail-on`; did you mean `fail_on`?\n"
       "fail-on = \"warning\"\n"
       "^"},
      {"unknown key far from any", "colour = true\n",
       ".hublint.toml:1:1: unknown key `colour`\n"
       "colour = true\n"
       "^"},
      {"string expected", "org = 42\n",
       ".hublint.toml:1:7: `org` must be a string\n"
       "org = 42\n"
       "      ^"},
      {"empty org", "org = \"\"\n",
       ".hublint.toml:1:7: `org` must not be empty\n"
       "org = \"\"\n"
       "      ^"},
      {"api url", "api_url = \"hub.docker.com\"\n",
       ".hublint.toml:1:11: `api_url` must be an http(s) URL, like "
       "\"https://hub.docker.com\"; got \"hub.docker.com\"\n"
       "api_url = \"hub.docker.com\"\n"
       "          ^"},
      {"list expected", "packs = \"dockerhub\"\n",
       ".hublint.toml:1:9: `packs` must be an array of strings\n"
       "packs = \"dockerhub\"\n"
       "        ^"},
      {"list of strings expected", "rule_paths = [\"a\", 1]\n",
       ".hublint.toml:1:14: `rule_paths` must be an array of strings\n"
       "rule_paths = [\"a\", 1]\n"
       "             ^"},
      {"fail_on value", "fail_on = \"warn\"\n",
       ".hublint.toml:1:11: unknown fail_on \"warn\": expected \"error\", "
       "\"warning\", \"note\" or \"never\"; did you mean `warning`?\n"
       "fail_on = \"warn\"\n"
       "          ^"},
      {"boolean expected", "fail_on_new = \"yes\"\n",
       ".hublint.toml:1:15: `fail_on_new` must be true or false\n"
       "fail_on_new = \"yes\"\n"
       "              ^"},
      {"sso boolean", "sso_enforced = 1\n",
       ".hublint.toml:1:16: `sso_enforced` must be true or false\n"
       "sso_enforced = 1\n"
       "               ^"},
      {"output as a table", "[output]\nformat = \"sarif\"\n",
       ".hublint.toml:1:1: `output` must be an array of tables: write "
       "[[output]]\n"
       "[output]\n"
       "^"},
      {"output format", "[[output]]\nformat = \"sarf\"\n",
       ".hublint.toml:2:10: unknown format `sarf`; did you mean `sarif`? "
       "(formats: text, json, sarif, markdown, junit, github)\n"
       "format = \"sarf\"\n"
       "         ^"},
      {"output without format", "[[output]]\npath = \"x.sarif\"\n",
       ".hublint.toml:1:1: missing required key `format` in [[output]]\n"
       "[[output]]\n"
       "^"},
      {"unknown key in output", "[[output]]\nformat = \"json\"\nfile = \"x\"\n",
       ".hublint.toml:3:1: unknown key `file` in [[output]]\n"
       "file = \"x\"\n"
       "^"},
      {"rules not a table", "rules = [\"DH-MFA-001\"]\n",
       ".hublint.toml:1:9: `rules` must be a table of [rules.<ID>] tables\n"
       "rules = [\"DH-MFA-001\"]\n"
       "        ^"},
      {"rule entry not a table", "[rules]\nDH-MFA-001 = false\n",
       ".hublint.toml:2:14: `rules.DH-MFA-001` must be a table, like "
       "[rules.DH-MFA-001]\n"
       "DH-MFA-001 = false\n"
       "             ^"},
      {"unknown key in a rule", "[rules.DH-MFA-001]\nseverity = \"note\"\n",
       ".hublint.toml:2:1: unknown key `severity` in [rules.DH-MFA-001]\n"
       "severity = \"note\"\n"
       "^"},
      {"rule level", "[rules.DH-MFA-001]\nlevel = \"warn\"\n",
       ".hublint.toml:2:9: unknown level \"warn\": expected \"error\", "
       "\"warning\" or \"note\"; did you mean `warning`?\n"
       "level = \"warn\"\n"
       "        ^"},
      {"rule enabled", "[rules.DH-MFA-001]\nenabled = \"no\"\n",
       ".hublint.toml:2:11: `enabled` must be true or false\n"
       "enabled = \"no\"\n"
       "          ^"},
      {"param type", "[rules.DH-ROLE-001]\nparams = { max_editors = {} }\n",
       ".hublint.toml:2:26: parameter `max_editors` must be a boolean, "
       "integer, float, string or array of strings\n"
       "params = { max_editors = {} }\n"
       "                         ^"},
      {"integration keys",
       "[[integration]]\nname = \"mdc\"\nuser = \"mdc_user\"\n",
       ".hublint.toml:1:1: missing required key `username` in "
       "[[integration]]\n"
       "[[integration]]\n"
       "^\n"
       ".hublint.toml:3:1: unknown key `user` in [[integration]]; did you "
       "mean `username`?\n"
       "user = \"mdc_user\"\n"
       "^"},
      {"duplicate integration",
       "[[integration]]\nname = \"mdc\"\nusername = \"a\"\n\n"
       "[[integration]]\nname = \"mdc\"\nusername = \"b\"\n",
       ".hublint.toml:6:8: duplicate integration `mdc` (first at line 1)\n"
       "name = \"mdc\"\n"
       "       ^"},
      {"mfa source without columns", "[[mfa_source]]\npath = \"x.csv\"\n",
       ".hublint.toml:1:1: missing required key `email_column` in "
       "[[mfa_source]] (or set `preset`)\n"
       "[[mfa_source]]\n"
       "^\n"
       ".hublint.toml:1:1: missing required key `mfa_column` in "
       "[[mfa_source]] (or set `preset`)\n"
       "[[mfa_source]]\n"
       "^"},
      {"mfa preset", "[[mfa_source]]\npath = \"x.csv\"\npreset = \"entraid\"\n",
       ".hublint.toml:3:10: unknown preset \"entraid\"; did you mean `entra`? "
       "(one of entra, okta)\n"
       "preset = \"entraid\"\n"
       "         ^"},
      {"mfa column empty list",
       "[[mfa_source]]\npath = \"x.csv\"\npreset = \"okta\"\nmfa_column = []\n",
       ".hublint.toml:4:14: `mfa_column` must be a column name or a non-empty "
       "array of names\n"
       "mfa_column = []\n"
       "             ^"},
      {"mfa other values",
       "[[mfa_source]]\npath = \"x.csv\"\npreset = \"okta\"\n"
       "other_values = \"ignore\"\n",
       ".hublint.toml:4:16: unknown other_values \"ignore\": expected "
       "\"error\", \"enabled\" or \"disabled\"\n"
       "other_values = \"ignore\"\n"
       "               ^"},
      {"mfa source without path", "[[mfa_source]]\npreset = \"okta\"\n",
       ".hublint.toml:1:1: missing required key `path` in [[mfa_source]]\n"
       "[[mfa_source]]\n"
       "^"},
      {"waiver without justification",
       "[[waiver]]\nrule = \"DH-ROLE-001\"\nresource = \"member:carol\"\n",
       ".hublint.toml:1:1: missing required key `justification` in "
       "[[waiver]]: say why the finding is accepted\n"
       "[[waiver]]\n"
       "^"},
      {"waiver with an empty justification",
       "[[waiver]]\nrule = \"DH-ROLE-001\"\nresource = \"member:carol\"\n"
       "justification = \"  \"\n",
       ".hublint.toml:4:17: `justification` must not be empty: say why the "
       "finding is accepted\n"
       "justification = \"  \"\n"
       "                ^"},
      {"waiver reason instead of justification",
       "[[waiver]]\nrule = \"DH-ROLE-001\"\nresource = \"member:carol\"\n"
       "reason = \"release engineer\"\n",
       ".hublint.toml:1:1: missing required key `justification` in "
       "[[waiver]]: say why the finding is accepted\n"
       "[[waiver]]\n"
       "^\n"
       ".hublint.toml:4:1: unknown key `reason` in [[waiver]]; did you mean "
       "`justification`?\n"
       "reason = \"release engineer\"\n"
       "^"},
      {"waiver without rule and resource",
       "[[waiver]]\njustification = \"x\"\n",
       ".hublint.toml:1:1: missing required key `rule` in [[waiver]]\n"
       "[[waiver]]\n"
       "^\n"
       ".hublint.toml:1:1: missing required key `resource` in [[waiver]]\n"
       "[[waiver]]\n"
       "^"},
      {"waiver resource shape",
       "[[waiver]]\nrule = \"X-Y-1\"\nresource = \"carol\"\n"
       "justification = \"x\"\n",
       ".hublint.toml:3:12: waiver resource \"carol\" must be kind:key, like "
       "\"member:carol\", or a glob, like \"member:svc-*\"\n"
       "resource = \"carol\"\n"
       "           ^"},
      {"waiver resource kind",
       "[[waiver]]\nrule = \"X-Y-1\"\nresource = \"membr:carol\"\n"
       "justification = \"x\"\n",
       ".hublint.toml:3:12: unknown resource kind `membr` in "
       "\"membr:carol\"; did you mean `member`? (one of org, member, team, "
       "repository, token, invite, integration)\n"
       "resource = \"membr:carol\"\n"
       "           ^"},
      {"waiver expiry with a time",
       "[[waiver]]\nrule = \"X-Y-1\"\nresource = \"member:carol\"\n"
       "justification = \"x\"\nexpires = 2027-03-31T00:00:00Z\n",
       ".hublint.toml:5:11: `expires` must be a date, like 2027-03-31 (no "
       "time of day: a waiver stops at the start of that day, UTC)\n"
       "expires = 2027-03-31T00:00:00Z\n"
       "          ^"},
      {"waiver expiry string",
       "[[waiver]]\nrule = \"X-Y-1\"\nresource = \"member:carol\"\n"
       "justification = \"x\"\nexpires = \"31/03/2027\"\n",
       ".hublint.toml:5:11: invalid date \"31/03/2027\": expected YYYY-MM-DD, "
       "like 2027-03-31\n"
       "expires = \"31/03/2027\"\n"
       "          ^"},
      {"waiver expiry no such day",
       "[[waiver]]\nrule = \"X-Y-1\"\nresource = \"member:carol\"\n"
       "justification = \"x\"\nexpires = \"2027-02-30\"\n",
       ".hublint.toml:5:11: invalid date \"2027-02-30\": no such day\n"
       "expires = \"2027-02-30\"\n"
       "          ^"},
      {"waiver as a table", "[waiver]\nrule = \"X\"\n",
       ".hublint.toml:1:1: `waiver` must be an array of tables: write "
       "[[waiver]]\n"
       "[waiver]\n"
       "^"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    absl::StatusOr<Config> config = ParseConfigFile(c.text, ".hublint.toml");
    REQUIRE_FALSE(config.ok());
    CHECK(config.status().code() == absl::StatusCode::kInvalidArgument);
    CHECK(ToStd(config.status().message()) == c.error);
  }
}

TEST_CASE("Several mistakes are reported together, in file order") {
  absl::StatusOr<Config> config =
      LoadConfigFile("fixtures/config/bad/bad-values.toml");
  REQUIRE_FALSE(config.ok());
  CHECK(ToStd(config.status().message()) ==
        "fixtures/config/bad/bad-values.toml:2:11: unknown fail_on \"warn\": "
        "expected \"error\", \"warning\", \"note\" or \"never\"; did you mean "
        "`warning`?\n"
        "fail_on = \"warn\"\n"
        "          ^\n"
        "fixtures/config/bad/bad-values.toml:3:18: `fail_on_review` must be "
        "true or false\n"
        "fail_on_review = \"yes\"\n"
        "                 ^\n"
        "fixtures/config/bad/bad-values.toml:6:10: unknown format `sarif2`; "
        "did you mean `sarif`? (formats: text, json, sarif, markdown, junit, "
        "github)\n"
        "format = \"sarif2\"\n"
        "         ^\n"
        "fixtures/config/bad/bad-values.toml:10:12: unknown resource kind "
        "`membr` in \"membr:carol\"; did you mean `member`? (one of org, "
        "member, team, repository, token, invite, integration)\n"
        "resource = \"membr:carol\"\n"
        "           ^\n"
        "fixtures/config/bad/bad-values.toml:12:11: invalid date "
        "\"2027-02-30\": no such day\n"
        "expires = \"2027-02-30\"\n"
        "          ^");
}

TEST_CASE("A missing file keeps its code and names the path") {
  absl::StatusOr<Config> config = LoadConfigFile("no/such/.hublint.toml");
  REQUIRE_FALSE(config.ok());
  CHECK(config.status().code() == absl::StatusCode::kNotFound);
  CHECK(ToStd(config.status().message()) ==
        "cannot open no/such/.hublint.toml: No such file or directory");
}

// A scratch folder tree under the system's temporary folder.
class TempTree {
 public:
  TempTree() {
    root_ = std::filesystem::temp_directory_path() /
            Cat("hublint-config-test-", ::getpid());
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_ / "a" / "b" / "c");
  }
  ~TempTree() { std::filesystem::remove_all(root_); }
  const std::filesystem::path& root() const { return root_; }
  void Write(const std::filesystem::path& relative, std::string_view text) {
    std::ofstream(root_ / relative) << text;
  }

 private:
  std::filesystem::path root_;
};

TEST_CASE("Discovery: the working directory, then each parent; nearest wins") {
  TempTree tree;
  std::filesystem::path root = tree.root();
  bool ancestor_has_one = false;
  for (std::filesystem::path dir = root.parent_path();;
       dir = dir.parent_path()) {
    ancestor_has_one |= std::filesystem::exists(dir / ".hublint.toml");
    if (dir == dir.parent_path()) break;
  }
  if (!ancestor_has_one) {
    CHECK(FindConfigFile(root / "a" / "b" / "c") == std::nullopt);
  }
  tree.Write(".hublint.toml", "");
  CHECK(FindConfigFile(root) == (root / ".hublint.toml").string());
  CHECK(FindConfigFile(root / "a" / "b" / "c") ==
        (root / ".hublint.toml").string());
  tree.Write("a/.hublint.toml", "");
  CHECK(FindConfigFile(root / "a" / "b" / "c") ==
        (root / "a" / ".hublint.toml").string());
  CHECK(FindConfigFile(root / "a") == (root / "a" / ".hublint.toml").string());
  // A folder of that name is not a config file.
  std::filesystem::create_directories(root / "a" / "b" / ".hublint.toml");
  CHECK(FindConfigFile(root / "a" / "b" / "c") ==
        (root / "a" / ".hublint.toml").string());
}

TEST_CASE("Discovery from the process's working directory gives ../ paths") {
  TempTree tree;
  tree.Write("a/.hublint.toml", "");
  std::filesystem::path saved = std::filesystem::current_path();
  std::filesystem::current_path(tree.root() / "a" / "b" / "c");
  std::optional<std::string> from_empty = FindConfigFile("");
  std::optional<std::string> from_dot = FindConfigFile(".");
  std::filesystem::current_path(saved);
  CHECK(from_empty == "../../.hublint.toml");
  CHECK(from_dot == "../../.hublint.toml");
}

}  // namespace
}  // namespace hublint
