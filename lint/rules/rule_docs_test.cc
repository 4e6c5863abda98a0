#include "lint/rules/rule_docs.h"

#include <doctest/doctest.h>

#include "lint/rules/rule_loader.h"
#include "lint/util/strings.h"

namespace hublint {
namespace {

bool HasLine(const std::string& page, std::string_view line) {
  return page.find(Cat("\n", line, "\n")) != std::string::npos;
}

TEST_CASE("A rule's page lists its test cases with the state or plan") {
  absl::StatusOr<Rule> rule = ParseRule(
      "id = \"T-RULE-001\"\ntitle = \"t\"\nlevel = \"note\"\n"
      "security_severity = \"7.5\"\nresource = \"member\"\ncheck = \"true\"\n"
      "message = \"m\"\nhelp = \"## What it flags\\nx\"\n"
      "[[test]]\nname = \"snapshot\"\nstate = \"s.json\"\nexpect = []\n"
      "[[test]]\nname = \"plan\"\ntfplan = \"p.json\"\n"
      "expect = [\"member:bob\"]\n"
      "[[test]]\nname = \"plan on snapshot\"\ntfplan = \"p.json\"\n"
      "state = \"s.json\"\nexpect = [\"member:bob\", \"member:eve\"]\n",
      "rules/t/T-RULE-001.toml");
  INFO(ToStd(rule.status().message()));
  REQUIRE(rule.ok());
  std::string page = RuleDocPage(*rule);
  CHECK(HasLine(page, "| Security severity | 7.5 (high) |"));
  CHECK(HasLine(page, "- snapshot: on `s.json`, nothing fires"));
  CHECK(HasLine(page, "- plan: on the plan `p.json`, fires on `member:bob`"));
  CHECK(HasLine(page,
                "- plan on snapshot: on the plan `p.json` on `s.json`, fires "
                "on `member:bob`, `member:eve`"));
}

TEST_CASE("The CEL reference lists every type with its fields' flags") {
  std::string page = CelReferencePage();
  CHECK(HasLine(page,
                "| `member` | [hublint.Member](#hublint.Member) | the "
                "resource, in rules with `resource = \"member\"` |"));
  CHECK(HasLine(page, "## `hublint.Change`"));
  CHECK(HasLine(page,
                "Reached through `org.members[]`, `token.owner_member`, "
                "`integration.member`."));
  CHECK(HasLine(page,
                "| `expires_at` | timestamp | yes | yes | when it expires; "
                "null: never |"));
  CHECK(HasLine(page,
                "| `before` | map(string, dyn) |  |  | the scalar attributes "
                "before the change (empty for a creation): null, bool, double "
                "or string |"));
  CHECK(HasLine(page,
                "| `tokens` | list([hublint.Token](#hublint.Token)) | yes |  | "
                "computed: the tokens that match `token_id` or `token_label`; "
                "unknown when none is in the state (the API lists personal "
                "tokens only to their owner) |"));
}

}  // namespace
}  // namespace hublint
