#ifndef HUBLINT_CEL_DOUBLE_FORMAT_H_
#define HUBLINT_CEL_DOUBLE_FORMAT_H_

// How CEL renders a double as text (string(), format("%s"), messages):
// the shortest decimal that reads back as the same double, laid out as
// ECMAScript's Number.prototype.toString does: plain digits when the decimal
// exponent is in -7 < e < 21 ("0.0045", "1000000", "123.456"), scientific
// otherwise ("1e+21", "1.5e-7"). Infinities and NaN are "Infinity",
// "-Infinity" and "NaN". The output is also a valid JSON number.

#include <string>

namespace hublint::cel {

std::string FormatDouble(double d);

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_DOUBLE_FORMAT_H_
