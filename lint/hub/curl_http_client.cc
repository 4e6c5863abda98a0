#include "lint/hub/curl_http_client.h"

#include <curl/curl.h>
#include <dlfcn.h>

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

// libcurl is loaded by the first client rather than linked: only `collect`
// talks to the network, and linking it (thirty libraries with its TLS,
// LDAP and SSH dependencies) cost every command 6 ms at start.
struct Curl {
  decltype(&curl_global_init) global_init;
  decltype(&curl_easy_init) easy_init;
  decltype(&curl_easy_reset) easy_reset;
  decltype(&curl_easy_setopt) easy_setopt;
  decltype(&curl_easy_perform) easy_perform;
  decltype(&curl_easy_getinfo) easy_getinfo;
  decltype(&curl_easy_strerror) easy_strerror;
  decltype(&curl_easy_cleanup) easy_cleanup;
  decltype(&curl_slist_append) slist_append;
  decltype(&curl_slist_free_all) slist_free_all;
};

// The soname of libcurl 7.16 and later, Debian's libcurl4 packages.
constexpr char kCurlLibrary[] = "libcurl.so.4";

absl::StatusOr<Curl> LoadCurl() {
  void* library = dlopen(kCurlLibrary, RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) {
    return absl::FailedPreconditionError(
        Cat("cannot load ", kCurlLibrary, " (", dlerror(),
            "): collecting from the API needs libcurl (Debian: apt-get "
            "install libcurl4)"));
  }
  Curl curl;
  absl::Status missing;
  auto symbol = [&](auto* fn, const char* name) {
    *fn = reinterpret_cast<std::remove_pointer_t<decltype(fn)>>(
        dlsym(library, name));
    if (*fn == nullptr && missing.ok()) {
      missing = absl::FailedPreconditionError(
          Cat(kCurlLibrary, " has no ", name, ": libcurl is too old"));
    }
  };
  symbol(&curl.global_init, "curl_global_init");
  symbol(&curl.easy_init, "curl_easy_init");
  symbol(&curl.easy_reset, "curl_easy_reset");
  symbol(&curl.easy_setopt, "curl_easy_setopt");
  symbol(&curl.easy_perform, "curl_easy_perform");
  symbol(&curl.easy_getinfo, "curl_easy_getinfo");
  symbol(&curl.easy_strerror, "curl_easy_strerror");
  symbol(&curl.easy_cleanup, "curl_easy_cleanup");
  symbol(&curl.slist_append, "curl_slist_append");
  symbol(&curl.slist_free_all, "curl_slist_free_all");
  if (!missing.ok()) return missing;
  curl.global_init(CURL_GLOBAL_DEFAULT);
  return curl;
}

// Loaded once per process; never unloaded.
const absl::StatusOr<Curl>& LoadedCurl() {
  static const auto* curl = new absl::StatusOr<Curl>(LoadCurl());
  return *curl;
}

std::string Seconds(absl::Duration d) {
  double s = absl::ToDoubleSeconds(d);
  return Cat(s, " s");
}

class CurlHttpClient : public HttpClient {
 public:
  explicit CurlHttpClient(const CurlHttpClientOptions& options)
      : options_(options), curl_(LoadedCurl()) {}
  ~CurlHttpClient() override {
    for (CURL* h : idle_) curl_->easy_cleanup(h);
  }

  absl::StatusOr<HttpResponse> Send(const HttpRequest& request) override {
    if (!curl_.ok()) return curl_.status();
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
    return curl_->easy_init();
  }
  void Release(CURL* handle) {
    absl::MutexLock lock(&mu_);
    idle_.push_back(handle);
  }

  absl::StatusOr<HttpResponse> Perform(CURL* h, const HttpRequest& request) {
    // Reset keeps the live connections and the DNS cache of the handle.
    curl_->easy_reset(h);
    HttpResponse response;
    Transfer transfer{&response, options_.max_response_bytes};
    char error[CURL_ERROR_SIZE] = {0};
    curl_->easy_setopt(h, CURLOPT_URL, request.url.c_str());
    curl_->easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_->easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_->easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_->easy_setopt(h, CURLOPT_ERRORBUFFER, error);
    curl_->easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_->easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options_.ca_file.empty()) {
      curl_->easy_setopt(h, CURLOPT_CAINFO, options_.ca_file.c_str());
    }
    curl_->easy_setopt(
        h, CURLOPT_TIMEOUT_MS,
        static_cast<long>(absl::ToInt64Milliseconds(options_.timeout)));
    curl_->easy_setopt(
        h, CURLOPT_CONNECTTIMEOUT_MS,
        static_cast<long>(absl::ToInt64Milliseconds(options_.connect_timeout)));
    curl_->easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE,
                       static_cast<curl_off_t>(options_.max_response_bytes));
    curl_->easy_setopt(h, CURLOPT_USERAGENT, options_.user_agent.c_str());
    // gzip only: brotli costs the server far more time than it saves here.
    curl_->easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "gzip");
    curl_->easy_setopt(h, CURLOPT_WRITEFUNCTION, OnBody);
    curl_->easy_setopt(h, CURLOPT_WRITEDATA, &transfer);
    curl_->easy_setopt(h, CURLOPT_HEADERFUNCTION, OnHeader);
    curl_->easy_setopt(h, CURLOPT_HEADERDATA, &transfer);
    struct curl_slist* headers = nullptr;
    headers = curl_->slist_append(headers, "Accept: application/json");
    for (const HttpHeader& header : request.headers) {
      headers = curl_->slist_append(
          headers, Cat(header.name, ": ", header.value).c_str());
    }
    if (request.method == "POST") {
      headers = curl_->slist_append(headers, "Content-Type: application/json");
      curl_->easy_setopt(h, CURLOPT_POST, 1L);
      curl_->easy_setopt(h, CURLOPT_POSTFIELDSIZE,
                         static_cast<long>(request.body.size()));
      curl_->easy_setopt(h, CURLOPT_POSTFIELDS, request.body.c_str());
    } else if (request.method != "GET") {
      curl_->easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }
    curl_->easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    CURLcode code = curl_->easy_perform(h);
    // The header list held the Authorization header: wipe it before freeing.
    for (curl_slist* s = headers; s != nullptr; s = s->next) {
      for (char* p = s->data; *p; ++p) *const_cast<volatile char*>(p) = 0;
    }
    curl_->slist_free_all(headers);
    curl_->easy_setopt(h, CURLOPT_POSTFIELDS, nullptr);
    curl_->easy_setopt(h, CURLOPT_HTTPHEADER, nullptr);
    if (code != CURLE_OK) return TransportError(code, transfer, error);
    long status = 0;
    curl_->easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    response.status = static_cast<int>(status);
    return response;
  }

  absl::Status TransportError(CURLcode code, const Transfer& transfer,
                              const char* error) {
    std::string detail = error[0] != 0
                             ? std::string(error)
                             : std::string(curl_->easy_strerror(code));
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
  // When not loaded, Send() fails and no handle is ever made.
  const absl::StatusOr<Curl>& curl_;
  absl::Mutex mu_;
  std::vector<CURL*> idle_;
};

}  // namespace

std::unique_ptr<HttpClient> NewCurlHttpClient(
    const CurlHttpClientOptions& options) {
  return std::make_unique<CurlHttpClient>(options);
}

}  // namespace hublint::hub
