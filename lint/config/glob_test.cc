#include "lint/config/glob.h"

#include <doctest/doctest.h>

namespace hublint {
namespace {

TEST_CASE("Globs: * any run, ? one character, the rest literally") {
  struct {
    const char* pattern;
    const char* text;
    bool match;
  } cases[] = {
      {"member:carol", "member:carol", true},
      {"member:carol", "member:carola", false},
      {"member:carol", "member:Carol", false},  // case-sensitive
      {"member:svc-*", "member:svc-ci", true},
      {"member:svc-*", "member:svc-", true},
      {"member:svc-*", "member:ci-svc", false},
      {"*", "repository:contoso/api", true},
      {"*", "", true},
      {"repository:contoso/*", "repository:contoso/api", true},
      {"repository:contoso/*", "repository:contoso/team/api", true},
      {"repository:contoso/*", "repository:fabrikam/api", false},
      {"*:carol", "member:carol", true},
      {"*:carol", "invite:carol", true},
      {"DH-TOK-*", "DH-TOK-001", true},
      {"DH-TOK-*", "DH-ROLE-001", false},
      {"DH-M?A-00?", "DH-MFA-001", true},
      {"DH-M?A-00?", "DH-MFA-010", false},
      {"DH-?OLE-001", "DH-ROLE-001", true},
      {"a*b*c", "axxbyyc", true},
      {"a*b*c", "axxbyyd", false},
      {"*a*", "bab", true},
      {"a**b", "ab", true},
      {"?", "", false},
      {"token:*", "token:4a1f3c2e-9d8b", true},
      {"member:a*a*a*a*a*b", "member:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
       false},  // backtracking stays linear-ish: this must return quickly
  };
  for (const auto& c : cases) {
    CAPTURE(c.pattern);
    CAPTURE(c.text);
    CHECK(GlobMatch(c.pattern, c.text) == c.match);
  }
}

TEST_CASE("IsGlob") {
  CHECK(IsGlob("member:svc-*"));
  CHECK(IsGlob("DH-M?A-001"));
  CHECK_FALSE(IsGlob("member:carol"));
}

}  // namespace
}  // namespace hublint
