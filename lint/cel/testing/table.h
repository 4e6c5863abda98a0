#ifndef HUBLINT_CEL_TESTING_TABLE_H_
#define HUBLINT_CEL_TESTING_TABLE_H_

// Table-driven tests (RE2 style): each case pairs an input with the exact
// expected output of some rendering of it. Test-only; include after
// doctest.h.

#include <doctest/doctest.h>

#include <initializer_list>
#include <string>

namespace hublint::cel::testing {

struct Case {
  const char* input;
  const char* want;
};

// CHECKs render(input) == want for every case, reporting the input of a
// failing one.
template <typename Render>
void CheckTable(std::initializer_list<Case> cases, Render render) {
  for (const Case& c : cases) {
    std::string input = c.input;
    CAPTURE(input);
    CHECK(render(c.input) == c.want);
  }
}

}  // namespace hublint::cel::testing

#endif  // HUBLINT_CEL_TESTING_TABLE_H_
