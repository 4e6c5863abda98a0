#ifndef HUBLINT_HUB_CURL_HTTP_CLIENT_H_
#define HUBLINT_HUB_CURL_HTTP_CLIENT_H_

// The libcurl HttpClient: HTTPS with certificate verification, keep-alive
// connections reused across requests (a pool of easy handles, one per
// request in flight), a timeout per request and a bound on the size of an
// answer.

#include <cstddef>
#include <memory>
#include <string>

#include "absl/time/time.h"
#include "lint/hub/http_client.h"

namespace hublint::hub {

struct CurlHttpClientOptions {
  // Longest time one request may take, from connecting to the last byte.
  absl::Duration timeout = absl::Seconds(30);
  // Longest time to establish a connection (TCP and TLS).
  absl::Duration connect_timeout = absl::Seconds(10);
  // Largest answer accepted; a larger one fails with kResourceExhausted
  // (the Docker Hub API's largest page is well under 1 MiB).
  size_t max_response_bytes = size_t{16} << 20;
  // A PEM file of CA certificates to trust instead of the system's, for a
  // private CA. Empty: the system store.
  std::string ca_file;
  std::string user_agent = "hublint";
};

std::unique_ptr<HttpClient> NewCurlHttpClient(
    const CurlHttpClientOptions& options = {});

}  // namespace hublint::hub

#endif  // HUBLINT_HUB_CURL_HTTP_CLIENT_H_
