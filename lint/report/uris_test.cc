#include "lint/report/uris.h"

#include "doctest/doctest.h"

namespace hublint {
namespace {

TEST_CASE("EncodeUriPath writes a repository path as a URI reference") {
  struct Case {
    std::string_view path;
    std::string_view uri;
  };
  const Case cases[] = {
      {"fixtures/orgs/contoso.json", "fixtures/orgs/contoso.json"},
      {"./terraform/members.tf", "terraform/members.tf"},
      {"terraform\\members.tf", "terraform/members.tf"},
      {"my org/state #1?.json", "my%20org/state%20%231%3F.json"},
      {"c:/state.json", "c%3A/state.json"},  // not a scheme
      {"100%.json", "100%25.json"},
      {"caf\xC3\xA9.json", "caf%C3%A9.json"},
      {"a\"b<c>.json", "a%22b%3Cc%3E.json"},
      {"keep-._~!$&'()*+,;=@.json", "keep-._~!$&'()*+,;=@.json"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.path);
    CHECK(EncodeUriPath(c.path) == c.uri);
  }
}

TEST_CASE("RuleHelpUri makes the rule's docs page absolute") {
  RuleInfo rule;
  rule.id = "DH-MFA-001";
  rule.pack = "dockerhub";
  const std::string base = "https://github.com/hublint/hublint/blob/main/";
  CHECK(RuleHelpUri(rule, base) ==
        "https://github.com/hublint/hublint/blob/main/docs/rules/dockerhub/"
        "DH-MFA-001.md");
  CHECK(RuleHelpUri(rule, "https://docs.example/hublint") ==
        "https://docs.example/hublint/docs/rules/dockerhub/DH-MFA-001.md");
  rule.help_uri = "docs/rules/dockerhub/DH MFA.md";
  CHECK(RuleHelpUri(rule, base) ==
        "https://github.com/hublint/hublint/blob/main/docs/rules/dockerhub/"
        "DH%20MFA.md");
  rule.help_uri = "https://example.com/rules/DH-MFA-001 (2fa)";
  CHECK(RuleHelpUri(rule, base) ==
        "https://example.com/rules/DH-MFA-001%20(2fa)");
  rule.help_uri.clear();
  rule.pack.clear();
  CHECK(RuleHelpUri(rule, base) ==
        "https://github.com/hublint/hublint/blob/main/docs/rules/"
        "DH-MFA-001.md");
}

TEST_CASE("HasUriScheme") {
  CHECK(HasUriScheme("https://x"));
  CHECK(HasUriScheme("file:///tmp"));
  CHECK_FALSE(HasUriScheme("docs/rules/x.md"));
  CHECK_FALSE(HasUriScheme("1http://x"));
  CHECK_FALSE(HasUriScheme(""));
}

}  // namespace
}  // namespace hublint
