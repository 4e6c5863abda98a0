#include "lint/hub/jwt.h"

#include <string>

#include "simdjson.h"

namespace hublint::hub {
namespace {

int Base64Value(char c, bool url) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == (url ? '-' : '+')) return 62;
  if (c == (url ? '_' : '/')) return 63;
  return -1;
}

std::optional<std::string> Decode(std::string_view text, bool url) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(text.size() * 3 / 4);
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    int v = Base64Value(c, url);
    if (v < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> Base64UrlDecode(std::string_view text) {
  return Decode(text, /*url=*/true);
}

std::optional<std::string> Base64Decode(std::string_view text) {
  return Decode(text, /*url=*/false);
}

std::optional<absl::Time> JwtExpiry(std::string_view jwt) {
  size_t first = jwt.find('.');
  if (first == std::string_view::npos) return std::nullopt;
  size_t second = jwt.find('.', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  std::optional<std::string> payload =
      Base64UrlDecode(jwt.substr(first + 1, second - first - 1));
  if (!payload) return std::nullopt;
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.parse(*payload).get(doc) != simdjson::SUCCESS) return std::nullopt;
  simdjson::dom::element exp;
  if (doc["exp"].get(exp) != simdjson::SUCCESS) return std::nullopt;
  double seconds = 0;
  if (exp.is_int64()) {
    seconds = static_cast<double>(exp.get_int64().value());
  } else if (exp.is_uint64()) {
    seconds = static_cast<double>(exp.get_uint64().value());
  } else if (exp.is_double()) {
    seconds = exp.get_double().value();
  } else {
    return std::nullopt;
  }
  return absl::FromUnixSeconds(static_cast<int64_t>(seconds));
}

}  // namespace hublint::hub
