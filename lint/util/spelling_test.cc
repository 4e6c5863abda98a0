#include "lint/util/spelling.h"

#include <doctest/doctest.h>

namespace hublint {
namespace {

TEST_CASE("EditDistance") {
  CHECK(EditDistance("", "") == 0);
  CHECK(EditDistance("abc", "abc") == 0);
  CHECK(EditDistance("chekc", "check") == 2);
  CHECK(EditDistance("kitten", "sitting") == 3);
  CHECK(EditDistance("", "abc") == 3);
}

TEST_CASE("ClosestMatch suggests likely typos only") {
  std::vector<std::string> commands = {"check", "fetch", "scan",
                                       "rules", "eval",  "version"};
  CHECK(ClosestMatch("chek", commands) == "check");
  CHECK(ClosestMatch("verison", commands) == "version");
  CHECK(ClosestMatch("scna", commands) == "scan");
  CHECK_FALSE(ClosestMatch("deploy", commands).has_value());
  CHECK_FALSE(ClosestMatch("x", commands).has_value());
}

TEST_CASE("A truncated field name is suggested") {
  std::vector<std::string> fields = {"username", "email", "two_factor_enabled",
                                     "teams"};
  CHECK(DidYouMean("two_factor", fields) ==
        "; did you mean `two_factor_enabled`?");
  CHECK(DidYouMean("nothing_like_it", fields).empty());
}

}  // namespace
}  // namespace hublint
