#include "lint/cel/double_format.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string_view>

namespace hublint::cel {

std::string FormatDouble(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  // Shortest round-trip digits, in scientific form: "-1.2345e+02".
  char buf[64];
  std::to_chars_result r =
      std::to_chars(buf, buf + sizeof(buf), d, std::chars_format::scientific);
  std::string_view sci(buf, r.ptr - buf);
  std::string out;
  if (!sci.empty() && sci[0] == '-') {
    out.push_back('-');
    sci.remove_prefix(1);
  }
  size_t e = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e)) {
    if (c != '.') digits.push_back(c);
  }
  int exponent = std::atoi(std::string(sci.substr(e + 1)).c_str());
  int nd = static_cast<int>(digits.size());
  int dp = exponent + 1;  // position of the decimal point in `digits`
  if (exponent < -6 || exponent >= 21) {
    out.push_back(digits[0]);
    if (nd > 1) {
      out.push_back('.');
      out.append(digits, 1, std::string::npos);
    }
    out.push_back('e');
    out.push_back(exponent < 0 ? '-' : '+');
    out.append(std::to_string(std::abs(exponent)));
    return out;
  }
  if (dp <= 0) {
    out.append("0.");
    out.append(static_cast<size_t>(-dp), '0');
    out.append(digits);
  } else if (dp >= nd) {
    out.append(digits);
    out.append(static_cast<size_t>(dp - nd), '0');
  } else {
    out.append(digits, 0, dp);
    out.push_back('.');
    out.append(digits, dp, std::string::npos);
  }
  return out;
}

}  // namespace hublint::cel
