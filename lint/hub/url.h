#ifndef HUBLINT_HUB_URL_H_
#define HUBLINT_HUB_URL_H_

// The few URL operations the collector needs: splitting an absolute URL into
// its origin and path, deciding whether two URLs share an origin (a `next`
// link or a redirect to another origin is never followed with the token),
// and whether a host is a loopback address (the only place plain HTTP is
// allowed).

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace hublint::hub {

struct ParsedUrl {
  std::string scheme;  // "https", lower case
  std::string host;    // lower case; an IPv6 address without brackets
  int port = 0;        // explicit or the scheme's default
  std::string path;    // "/v2/orgs/contoso/members", never empty
  std::string query;   // without the "?"; may be empty

  // "https://hub.docker.com" or "http://127.0.0.1:8080" (default ports
  // omitted).
  std::string Origin() const;
  bool SameOrigin(const ParsedUrl& other) const {
    return scheme == other.scheme && host == other.host && port == other.port;
  }
};

// Parses an absolute http or https URL. Anything else (a relative URL,
// another scheme, user info, a fragment) is kInvalidArgument.
absl::StatusOr<ParsedUrl> ParseUrl(std::string_view url);

// Whether `host` is "localhost", an address in 127.0.0.0/8, or ::1.
bool IsLoopbackHost(std::string_view host);

// The value of query parameter `name` in `query` ("a=1&b=2"), percent
// decoding not applied (the API's page parameters are plain digits).
std::optional<std::string> QueryParam(std::string_view query,
                                      std::string_view name);

// Percent-encodes a path segment or query value (RFC 3986 unreserved
// characters are kept).
std::string UrlEncode(std::string_view text);

}  // namespace hublint::hub

#endif  // HUBLINT_HUB_URL_H_
