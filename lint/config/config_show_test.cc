#include "lint/config/config_show.h"

#include <doctest/doctest.h>

#include "lint/config/config_file.h"
#include "lint/config/precedence.h"
#include "lint/util/strings.h"

namespace hublint {
namespace {

TEST_CASE("Shows every value and where it comes from, word for word") {
  absl::StatusOr<Config> config = ParseConfigFile(R"toml(org = "contoso"
fail_on = "warning"
sso_enforced = true

[rules.DH-ROLE-001]
enabled = true
level = "note"
params = { max_editors = 3, ratio = 2.0, allow = ["carol", "q\"uote"] }

[[integration]]
name = "defender-for-cloud"
username = "mdc_user"
token_id = "b30b"

[[mfa_source]]
path = "idp/okta.csv"
preset = "okta"

[[waiver]]
rule = "DH-ROLE-001"
resource = "member:carol"
justification = "release engineer"
expires = 2027-03-31
owner = "platform-team"
)toml",
                                                  ".hublint.toml");
  INFO(ToStd(config.status().message()));
  REQUIRE(config.ok());
  config->fail_on_review = {true,
                            Provenance::Environment("HUBLINT_FAIL_ON_REVIEW")};
  config->outputs = {{{Format::kSarif, "hublint.sarif"}},
                     Provenance::Flag("format")};
  CHECK(
      ShowConfig(*config) ==
      R"(# The effective configuration of hublint, and where each value comes from.
# config file: .hublint.toml (found from the working directory)

org = "contoso"                         # .hublint.toml:1:7
api_url = "https://hub.docker.com"      # default
packs = ["dockerhub"]                   # default
rule_paths = []                         # default
fail_on = "warning"                     # .hublint.toml:2:11
fail_on_review = true                   # env HUBLINT_FAIL_ON_REVIEW
fail_on_new = false                     # default
baseline = ""                           # default
sso_enforced = true                     # .hublint.toml:3:16

[[output]]                              # flag --format
format = "sarif"
path = "hublint.sarif"

[rules.DH-ROLE-001]                     # .hublint.toml:5:8
enabled = true                          # .hublint.toml:6:11
level = "note"                          # .hublint.toml:7:9
params.allow = ["carol", "q\"uote"]     # .hublint.toml:8:50
params.max_editors = 3                  # .hublint.toml:8:26
params.ratio = 2.0                      # .hublint.toml:8:37

[[integration]]                         # .hublint.toml:10:1
name = "defender-for-cloud"
username = "mdc_user"
token_id = "b30b"

[[mfa_source]]                          # .hublint.toml:15:1
path = "idp/okta.csv"
preset = "okta"
email_column = ["Login", "User email", "Email"]
mfa_column = ["MFA Factor"]
enabled_values = []
disabled_values = ["Password", "Security Question"]
other_values = "enabled"

[[waiver]]                              # .hublint.toml:19:1
rule = "DH-ROLE-001"
resource = "member:carol"
justification = "release engineer"
expires = 2027-03-31
owner = "platform-team"
)");
}

TEST_CASE("Without a file: defaults, and what is not set") {
  Config config;
  config.file_from = Provenance::Flag("no-config");
  std::string shown = ShowConfig(config);
  CHECK(shown.starts_with(
      "# The effective configuration of hublint, and where each value comes "
      "from.\n"
      "# config file: none (flag --no-config)\n\n"
      "org = \"\"                                # default\n"));
  CHECK(
      shown.ends_with("# sso_enforced is not set: the state's value stands\n"
                      "# no [[output]]: text on standard output\n"));
  CHECK(ShowConfig(Config{}).find(
            "# config file: none (no .hublint.toml in the working directory "
            "or its parents)\n") != std::string::npos);
}

// `text` without comment lines and without the provenance comments.
std::string WithoutComments(std::string_view text) {
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (line.starts_with("#")) continue;
    if (size_t comment = line.find("  # "); comment != std::string::npos) {
      line = line.substr(0, comment);
      while (line.ends_with(' ')) line.remove_suffix(1);
    }
    Append(&out, line, "\n");
  }
  return out;
}

TEST_CASE("The output reads back as the same configuration") {
  absl::StatusOr<Config> original =
      LoadConfigFile("fixtures/config/contoso.hublint.toml");
  REQUIRE(original.ok());
  std::string shown = ShowConfig(*original);
  // Paths are shown resolved, so they read back the same from a file in
  // the working directory.
  absl::StatusOr<Config> again = ParseConfigFile(shown, "shown.toml");
  INFO(shown);
  INFO(ToStd(again.status().message()));
  REQUIRE(again.ok());
  // The same values; only the provenance comments differ.
  CHECK(WithoutComments(ShowConfig(*again)) ==
        WithoutComments(ShowConfig(*original)));
  CHECK(WithoutComments(shown).find("[[waiver]]\nrule = \"DH-MFA-001\"") !=
        std::string::npos);
}

}  // namespace
}  // namespace hublint
