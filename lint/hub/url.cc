#include "lint/hub/url.h"

#include <charconv>

#include "lint/util/strings.h"

namespace hublint::hub {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  AsciiLowerInPlace(&out);
  return out;
}

bool ParseIpv4(std::string_view host, unsigned char out[4]) {
  int part = 0;
  size_t i = 0;
  while (part < 4) {
    size_t start = i;
    unsigned value = 0;
    while (i < host.size() && host[i] >= '0' && host[i] <= '9' &&
           i - start < 3) {
      value = value * 10 + (host[i] - '0');
      ++i;
    }
    if (i == start || value > 255) return false;
    out[part++] = static_cast<unsigned char>(value);
    if (part < 4) {
      if (i >= host.size() || host[i] != '.') return false;
      ++i;
    }
  }
  return i == host.size();
}

}  // namespace

std::string ParsedUrl::Origin() const {
  bool default_port =
      (scheme == "https" && port == 443) || (scheme == "http" && port == 80);
  std::string h =
      host.find(':') != std::string::npos ? Cat("[", host, "]") : host;
  return default_port ? Cat(scheme, "://", h)
                      : Cat(scheme, "://", h, ":", port);
}

absl::StatusOr<ParsedUrl> ParseUrl(std::string_view url) {
  ParsedUrl out;
  size_t colon = url.find("://");
  if (colon == std::string_view::npos) {
    return absl::InvalidArgumentError(
        Cat("`", url, "` is not an absolute URL (expected https://HOST/...)"));
  }
  out.scheme = Lower(url.substr(0, colon));
  if (out.scheme != "http" && out.scheme != "https") {
    return absl::InvalidArgumentError(
        Cat("`", url, "`: only http and https URLs are supported"));
  }
  std::string_view rest = url.substr(colon + 3);
  size_t authority_end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, authority_end);
  std::string_view tail = authority_end == std::string_view::npos
                              ? std::string_view()
                              : rest.substr(authority_end);
  if (authority.find('@') != std::string_view::npos) {
    return absl::InvalidArgumentError(
        Cat("`", url, "`: user names and passwords in URLs are not accepted"));
  }
  if (tail.find('#') != std::string_view::npos) {
    return absl::InvalidArgumentError(Cat("`", url, "`: unexpected fragment"));
  }
  std::string_view host = authority;
  std::string_view port;
  if (!authority.empty() && authority[0] == '[') {
    size_t close = authority.find(']');
    if (close == std::string_view::npos) {
      return absl::InvalidArgumentError(Cat("`", url, "`: unclosed `[`"));
    }
    host = authority.substr(1, close - 1);
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after[0] != ':') {
        return absl::InvalidArgumentError(Cat("`", url, "`: bad host"));
      }
      port = after.substr(1);
    }
  } else if (size_t c = authority.rfind(':'); c != std::string_view::npos) {
    host = authority.substr(0, c);
    port = authority.substr(c + 1);
  }
  if (host.empty()) {
    return absl::InvalidArgumentError(Cat("`", url, "`: no host"));
  }
  out.host = Lower(host);
  out.port = out.scheme == "https" ? 443 : 80;
  if (!port.empty()) {
    int value = 0;
    auto [ptr, ec] =
        std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec != std::errc() || ptr != port.data() + port.size() || value <= 0 ||
        value > 65535) {
      return absl::InvalidArgumentError(
          Cat("`", url, "`: bad port `", port, "`"));
    }
    out.port = value;
  }
  size_t q = tail.find('?');
  out.path = std::string(tail.substr(0, q));
  if (out.path.empty()) out.path = "/";
  if (q != std::string_view::npos) out.query = std::string(tail.substr(q + 1));
  return out;
}

bool IsLoopbackHost(std::string_view host) {
  if (host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1") {
    return true;
  }
  unsigned char octets[4];
  return ParseIpv4(host, octets) && octets[0] == 127;
}

std::optional<std::string> QueryParam(std::string_view query,
                                      std::string_view name) {
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    size_t eq = pair.find('=');
    if (pair.substr(0, eq) == name) {
      return std::string(eq == std::string_view::npos ? std::string_view()
                                                      : pair.substr(eq + 1));
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return std::nullopt;
}

std::string UrlEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
        (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
        c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

}  // namespace hublint::hub
