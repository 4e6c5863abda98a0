#include "lint/cel/double_format.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>

namespace hublint::cel {
namespace {

TEST_CASE("shortest round-trip text, ECMAScript layout") {
  struct Case {
    double value;
    const char* text;
  };
  const Case cases[] = {
      {0.0, "0"},
      {-0.0, "-0"},
      {1.0, "1"},
      {123.456, "123.456"},
      {-0.0045, "-0.0045"},
      {0.1 + 0.2, "0.30000000000000004"},
      {1e6, "1000000"},
      {1e20, "100000000000000000000"},
      {1e21, "1e+21"},
      {1.5e-6, "0.0000015"},
      {1.5e-7, "1.5e-7"},
      {6.02214e23, "6.02214e+23"},
      {std::numeric_limits<double>::max(), "1.7976931348623157e+308"},
      {5e-324, "5e-324"},
      {std::numeric_limits<double>::infinity(), "Infinity"},
      {-std::numeric_limits<double>::infinity(), "-Infinity"},
      {std::nan(""), "NaN"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.value);
    CHECK(FormatDouble(c.value) == c.text);
  }
}

}  // namespace
}  // namespace hublint::cel
