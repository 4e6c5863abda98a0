#include "lint/hub/curl_http_client.h"

#include <curl/curl.h>

#include <mutex>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "lint/util/strings.h"

namespace hublint::hub {

std::optional<std::string> HttpResponse::Header(std::string_view name) const {
  std::string lower(name);
  AsciiLowerInPlace(&lower);
  for (auto it = headers.rbegin(); it != headers.rend(); ++it) {
    if (it->name == lower) return it->value;
  }
  return std::nullopt;
}

bool IsRetryableTransportError(const absl::Status& status) {
  return absl::IsUnavailable(status) || absl::IsDeadlineExceeded(status);
}

namespace {

struct Transfer {
  HttpResponse* response;
  size_t max_bytes;
  bool too_large = false;
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  if (t->response->body.size() + n > t->max_bytes) {
    t->too_large = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  t->response->body.append(data, n);
  return n;
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  std::string_view line(data, n);
  if (line.starts_with("HTTP/")) {
    // A new status line (after 100 Continue): forget earlier headers.
    t->response->headers.clear();
    return n;
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return n;
  std::string name(line.substr(0, colon));
  AsciiLowerInPlace(&name);
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
    value.remove_prefix(1);
  while (!value.empty() &&
         (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
    value.remove_suffix(1);
  t->response->headers.push_back({std::move(name), std::string(value)});
  return n;
}

std::string Seconds(absl::Duration d) {
  double s = absl::ToDoubleSeconds(d);
  return Cat(s, " s");
}

class CurlHttpClient : public HttpClient {
 public:
  explicit CurlHttpClient(const CurlHttpClientOptions& options)
      : options_(options) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  }
  ~CurlHttpClient() override {
    for (CURL* h : idle_) curl_easy_cleanup(h);
  }

  absl::StatusOr<HttpResponse> Send(const HttpRequest& request) override {
    CURL* handle = Acquire();
    absl::StatusOr<HttpResponse> result = Perform(handle, request);
    Release(handle);
    return result;
  }

 private:
  CURL* Acquire() {
    absl::MutexLock lock(&mu_);
    if (!idle_.empty()) {
      CURL* h = idle_.back();
      idle_.pop_back();
      return h;
    }
    return curl_easy_init();
  }
  void Release(CURL* handle) {
    absl::MutexLock lock(&mu_);
    idle_.push_back(handle);
  }

  absl::StatusOr<HttpResponse> Perform(CURL* h, const HttpRequest& request) {
    // Reset keeps the live connections and the DNS cache of the handle.
    curl_easy_reset(h);
    HttpResponse response;
    Transfer transfer{&response, options_.max_response_bytes};
    char error[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options_.ca_file.empty()) {
      curl_easy_setopt(h, CURLOPT_CAINFO, options_.ca_file.c_str());
    }
    curl_easy_setopt(
        h, CURLOPT_TIMEOUT_MS,
        static_cast<long>(absl::ToInt64Milliseconds(options_.timeout)));
    curl_easy_setopt(
        h, CURLOPT_CONNECTTIMEOUT_MS,
        static_cast<long>(absl::ToInt64Milliseconds(options_.connect_timeout)));
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE,
                     static_cast<curl_off_t>(options_.max_response_bytes));
    curl_easy_setopt(h, CURLOPT_USERAGENT, options_.user_agent.c_str());
    // gzip only: brotli costs the server far more time than it saves here.
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "gzip");
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, OnBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, OnHeader);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &transfer);
    struct curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, "Accept: application/json");
    for (const HttpHeader& header : request.headers) {
      headers = curl_slist_append(headers,
                                  Cat(header.name, ": ", header.value).c_str());
    }
    if (request.method == "POST") {
      headers = curl_slist_append(headers, "Content-Type: application/json");
      curl_easy_setopt(h, CURLOPT_POST, 1L);
      curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE,
                       static_cast<long>(request.body.size()));
      curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.c_str());
    } else if (request.method != "GET") {
      curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    CURLcode code = curl_easy_perform(h);
    // The header list held the Authorization header: wipe it before freeing.
    for (curl_slist* s = headers; s != nullptr; s = s->next) {
      for (char* p = s->data; *p; ++p) *const_cast<volatile char*>(p) = 0;
    }
    curl_slist_free_all(headers);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, nullptr);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, nullptr);
    if (code != CURLE_OK) return TransportError(code, transfer, error);
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    response.status = static_cast<int>(status);
    return response;
  }

  absl::Status TransportError(CURLcode code, const Transfer& transfer,
                              const char* error) {
    std::string detail = error[0] != 0 ? std::string(error)
                                       : std::string(curl_easy_strerror(code));
    switch (code) {
      case CURLE_COULDNT_CONNECT:
        return absl::UnavailableError(
            Cat("cannot connect (connection refused or unreachable: ", detail,
                ")"));
      case CURLE_COULDNT_RESOLVE_HOST:
      case CURLE_COULDNT_RESOLVE_PROXY:
        return absl::UnavailableError(
            Cat("cannot resolve the host (", detail, ")"));
      case CURLE_OPERATION_TIMEDOUT:
        return absl::DeadlineExceededError(
            Cat("no complete answer within the timeout of ",
                Seconds(options_.timeout)));
      case CURLE_WRITE_ERROR:
      case CURLE_FILESIZE_EXCEEDED:
        if (transfer.too_large || code == CURLE_FILESIZE_EXCEEDED) {
          return absl::ResourceExhaustedError(
              Cat("the answer is larger than the limit of ",
                  options_.max_response_bytes, " bytes"));
        }
        return absl::InternalError(
            Cat("cannot store the answer (", detail, ")"));
      case CURLE_PARTIAL_FILE:
      case CURLE_RECV_ERROR:
      case CURLE_SEND_ERROR:
      case CURLE_GOT_NOTHING:
      case CURLE_HTTP2:
      case CURLE_HTTP2_STREAM:
        return absl::UnavailableError(
            Cat("the connection was closed or reset before the whole answer "
                "arrived (",
                detail, ")"));
      case CURLE_PEER_FAILED_VERIFICATION:
      case CURLE_SSL_CACERT_BADFILE:
      case CURLE_SSL_CERTPROBLEM:
      case CURLE_SSL_CONNECT_ERROR:
      case CURLE_SSL_ISSUER_ERROR:
        return absl::FailedPreconditionError(
            Cat("TLS failed: ", detail,
                " (give the CA certificate of a private API with --ca-file)"));
      case CURLE_UNSUPPORTED_PROTOCOL:
      case CURLE_URL_MALFORMAT:
        return absl::InvalidArgumentError(Cat("bad URL (", detail, ")"));
      default:
        return absl::UnavailableError(Cat("transfer failed (", detail, ")"));
    }
  }

  const CurlHttpClientOptions options_;
  absl::Mutex mu_;
  std::vector<CURL*> idle_;
};

}  // namespace

std::unique_ptr<HttpClient> NewCurlHttpClient(
    const CurlHttpClientOptions& options) {
  return std::make_unique<CurlHttpClient>(options);
}

}  // namespace hublint::hub
