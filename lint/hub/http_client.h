#ifndef HUBLINT_HUB_HTTP_CLIENT_H_
#define HUBLINT_HUB_HTTP_CLIENT_H_

// HTTP behind an interface (LevelDB's Env, ninja's DiskInterface): the
// collector speaks to an HttpClient, the CLI gives it the libcurl one
// (curl_http_client.h), and tests may give it anything that answers.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace hublint::hub {

struct HttpHeader {
  std::string name;
  std::string value;
};

struct HttpRequest {
  std::string method = "GET";
  std::string url;  // absolute
  // Sent as given. May hold the Authorization header: an HttpClient never
  // logs request headers or bodies, and never puts them in an error.
  std::vector<HttpHeader> headers;
  std::string body;  // sent with Content-Type: application/json when set
};

struct HttpResponse {
  int status = 0;
  std::vector<HttpHeader> headers;  // names in lower case, in arrival order
  std::string body;

  // The last header named `name` (case-insensitive), or nullopt.
  std::optional<std::string> Header(std::string_view name) const;
};

// A client that sends one request and waits for the whole answer. It does
// not follow redirects: a 3xx comes back as a response, so the caller
// decides whether the new location may see the credentials.
//
// Transport failures are statuses whose message says what happened without
// the request's headers or body:
//   kUnavailable        connection refused or reset, the answer cut short,
//                       name resolution failed (worth retrying)
//   kDeadlineExceeded   no complete answer within the timeout (worth
//                       retrying)
//   kResourceExhausted  the answer is larger than the client's bound
//   kFailedPrecondition TLS failed (certificate not trusted, bad CA file)
//   kInvalidArgument    the URL or scheme is not acceptable
class HttpClient {
 public:
  virtual ~HttpClient() = default;
  // Thread-safe: the collector calls it from several threads at once.
  virtual absl::StatusOr<HttpResponse> Send(const HttpRequest& request) = 0;
};

// Whether a transport failure is worth another attempt.
bool IsRetryableTransportError(const absl::Status& status);

}  // namespace hublint::hub

#endif  // HUBLINT_HUB_HTTP_CLIENT_H_
