#include "lint/hub/hub_session.h"

#include <algorithm>

#include "lint/hub/api_decode.h"
#include "lint/hub/jwt.h"
#include "lint/hub/rate_limit.h"
#include "lint/json/json_writer.h"
#include "lint/util/strings.h"

namespace hublint::hub {
namespace {

std::string Describe(const HttpResponse& response) {
  std::string message = ErrorMessageOf(response.body);
  return message.empty() ? StatusLine(response.status)
                         : Cat(StatusLine(response.status), " (", message, ")");
}

std::string Attempts(int n) {
  return n > 1 ? Cat(" after ", n, " attempts") : std::string();
}

std::string ToStdString(absl::string_view s) { return std::string(s); }

}  // namespace

std::string StatusLine(int status) {
  const char* reason = nullptr;
  switch (status) {
    case 400:
      reason = "Bad Request";
      break;
    case 401:
      reason = "Unauthorized";
      break;
    case 403:
      reason = "Forbidden";
      break;
    case 404:
      reason = "Not Found";
      break;
    case 405:
      reason = "Method Not Allowed";
      break;
    case 409:
      reason = "Conflict";
      break;
    case 429:
      reason = "Too Many Requests";
      break;
    case 500:
      reason = "Internal Server Error";
      break;
    case 502:
      reason = "Bad Gateway";
      break;
    case 503:
      reason = "Service Unavailable";
      break;
    case 504:
      reason = "Gateway Timeout";
      break;
    default:
      break;
  }
  return reason ? Cat(status, " ", reason) : Cat(status);
}

HubSession::HubSession(ParsedUrl api, Credentials credentials, HttpClient& http,
                       Clock& clock, const SessionOptions& options,
                       SessionObserver* observer)
    : api_(std::move(api)),
      credentials_(std::move(credentials)),
      http_(http),
      clock_(clock),
      options_(options),
      observer_(observer) {}

absl::Duration HubSession::Backoff(int attempt) const {
  absl::Duration d = options_.initial_backoff;
  for (int i = 1; i < attempt && d < options_.max_backoff; ++i) d *= 2;
  return std::min(d, options_.max_backoff);
}

void HubSession::HoldUntil(absl::Time when) {
  absl::MutexLock lock(&mu_);
  if (when > not_before_) not_before_ = when;
}

void HubSession::WaitForQuota() {
  while (true) {
    absl::Time until;
    {
      absl::MutexLock lock(&mu_);
      until = not_before_;
    }
    absl::Time now = clock_.Now();
    if (now >= until) return;
    absl::Duration wait = until - now;
    {
      absl::MutexLock lock(&mu_);
      ++stats_.rate_limit_waits;
      stats_.rate_limit_wait_time += wait;
    }
    if (observer_ != nullptr) observer_->OnRateLimitWait(wait);
    clock_.Sleep(wait);
  }
}

absl::StatusOr<HttpResponse> HubSession::Exchange(const HttpRequest& request) {
  int attempts = 0;
  int rate_limited = 0;
  while (true) {
    WaitForQuota();
    ++attempts;
    absl::StatusOr<HttpResponse> result = http_.Send(request);
    {
      absl::MutexLock lock(&mu_);
      ++stats_.requests;
      if (result.ok())
        stats_.bytes += static_cast<int64_t>(result->body.size());
    }
    std::string retry_reason;
    if (!result.ok()) {
      if (!IsRetryableTransportError(result.status())) {
        return absl::Status(
            result.status().code(),
            Cat(ToStd(result.status().message()), Attempts(attempts)));
      }
      retry_reason = ToStdString(result.status().message());
      if (attempts >= options_.max_attempts) {
        return absl::Status(result.status().code(),
                            Cat(retry_reason, Attempts(attempts)));
      }
    } else {
      HttpResponse& response = *result;
      absl::Time now = clock_.Now();
      if (std::optional<absl::Time> until =
              QuotaExhaustedUntil(response, now)) {
        if (*until - now > options_.max_rate_limit_wait) {
          return absl::ResourceExhaustedError(
              Cat("the rate limit resets only in ",
                  absl::ToInt64Seconds(*until - now),
                  " s, longer than the longest wait allowed (",
                  absl::ToInt64Seconds(options_.max_rate_limit_wait), " s)"));
        }
        HoldUntil(*until);
      }
      if (response.status == 429) {
        --attempts;  // a rate-limit wait is not a failed attempt
        if (++rate_limited > options_.max_rate_limited_answers) {
          return absl::ResourceExhaustedError(
              Cat("429 Too Many Requests: still rate limited after ",
                  rate_limited - 1, " waits"));
        }
        absl::Time until =
            RetryAfter(response, now).value_or(now + Backoff(rate_limited));
        if (until - now > options_.max_rate_limit_wait) {
          return absl::ResourceExhaustedError(
              Cat("429 Too Many Requests: asked to wait ",
                  absl::ToInt64Seconds(until - now),
                  " s, longer than the longest wait allowed (",
                  absl::ToInt64Seconds(options_.max_rate_limit_wait), " s)"));
        }
        // At least a moment, so a "Retry-After: 0" cannot spin.
        HoldUntil(std::max(until, now + absl::Milliseconds(50)));
        continue;
      }
      if (response.status < 500) return std::move(response);
      retry_reason = Describe(response);
      if (attempts >= options_.max_attempts) {
        return absl::UnavailableError(Cat(retry_reason, Attempts(attempts)));
      }
    }
    {
      absl::MutexLock lock(&mu_);
      ++stats_.retries;
    }
    if (observer_ != nullptr) observer_->OnRetry(request.url, retry_reason);
    clock_.Sleep(Backoff(attempts));
  }
}

absl::Status HubSession::Login() {
  absl::MutexLock lock(&token_mu_);
  return LoginLocked();
}

absl::Status HubSession::LoginLocked() {
  HttpRequest request;
  request.method = "POST";
  request.url = Cat(api_.Origin(), "/v2/auth/token");
  {
    JsonWriter w(&request.body, 0);
    w.BeginObject();
    w.Field("identifier", credentials_.username);
    w.Field("secret", credentials_.secret.Reveal());
    w.EndObject();
  }
  absl::StatusOr<HttpResponse> result = Exchange(request);
  std::fill(request.body.begin(), request.body.end(), '\0');
  {
    absl::MutexLock lock(&mu_);
    ++stats_.logins;
  }
  std::string where = Cat("POST ", request.url, ": ");
  if (!result.ok()) {
    return absl::Status(result.status().code(),
                        Cat(where, ToStd(result.status().message())));
  }
  if (result->status == 401 || result->status == 403) {
    return absl::UnauthenticatedError(
        Cat(where, Describe(*result), ": the Docker Hub API refused the ",
            "credentials of `", credentials_.username, "` (from ",
            credentials_.source, ")"));
  }
  if (result->status < 200 || result->status >= 300) {
    return absl::UnavailableError(Cat(where, Describe(*result)));
  }
  absl::StatusOr<std::string> jwt = DecodeAuthToken(result->body);
  std::fill(result->body.begin(), result->body.end(), '\0');
  if (!jwt.ok()) {
    return absl::InvalidArgumentError(Cat(where, StatusLine(result->status),
                                          ": ", ToStd(jwt.status().message())));
  }
  absl::Time now = clock_.Now();
  token_expiry_ =
      JwtExpiry(*jwt).value_or(now + options_.assumed_token_lifetime);
  token_.jwt = Secret(std::move(*jwt));
  ++token_.generation;
  return absl::OkStatus();
}

absl::StatusOr<HubSession::Token> HubSession::CurrentToken() {
  absl::MutexLock lock(&token_mu_);
  if (token_.generation == 0 ||
      clock_.Now() >= token_expiry_ - options_.token_renew_margin) {
    absl::Status s = LoginLocked();
    if (!s.ok()) return s;
  }
  return token_;
}

absl::Status HubSession::Renew(uint64_t seen_generation) {
  absl::MutexLock lock(&token_mu_);
  // Another thread may have renewed already.
  if (token_.generation != seen_generation) return absl::OkStatus();
  return LoginLocked();
}

absl::StatusOr<HttpResponse> HubSession::Get(const std::string& url) {
  std::string current = url;
  bool renewed_after_401 = false;
  int redirects = 0;
  {
    absl::MutexLock lock(&mu_);
    if (answered_.contains(url)) ++stats_.duplicate_gets;
  }
  while (true) {
    absl::StatusOr<Token> token = CurrentToken();
    if (!token.ok()) {
      return absl::Status(
          token.status().code(),
          Cat("cannot log in again: ", ToStd(token.status().message())));
    }
    HttpRequest request;
    request.url = current;
    request.headers.push_back(
        {"Authorization", Cat("Bearer ", token->jwt.Reveal())});
    absl::StatusOr<HttpResponse> result = Exchange(request);
    for (HttpHeader& h : request.headers) {
      std::fill(h.value.begin(), h.value.end(), '\0');
    }
    if (!result.ok()) return result.status();
    HttpResponse& response = *result;
    if (response.status == 401) {
      if (renewed_after_401) {
        return absl::UnauthenticatedError(
            Cat(Describe(response), " even after a fresh login"));
      }
      renewed_after_401 = true;
      absl::Status s = Renew(token->generation);
      if (!s.ok()) {
        return absl::Status(s.code(),
                            Cat("cannot log in again: ", ToStd(s.message())));
      }
      continue;
    }
    if (response.status >= 300 && response.status < 400) {
      std::string location = response.Header("Location").value_or("");
      if (location.empty()) {
        return absl::UnavailableError(
            Cat(StatusLine(response.status), " without a Location header"));
      }
      if (location[0] == '/') location = Cat(api_.Origin(), location);
      absl::StatusOr<ParsedUrl> target = ParseUrl(location);
      if (!target.ok() || !target->SameOrigin(api_)) {
        std::string where =
            target.ok() ? target->Origin() : std::string("an unparsable URL");
        return absl::PermissionDeniedError(Cat(
            StatusLine(response.status), " redirect to another host (", where,
            "): not followed, the credentials stay with ", api_.Origin()));
      }
      if (++redirects > options_.max_redirects) {
        return absl::UnavailableError(
            Cat("more than ", options_.max_redirects, " redirects"));
      }
      current = location;
      continue;
    }
    if (response.status >= 200 && response.status < 300) {
      absl::MutexLock lock(&mu_);
      answered_.insert(url);
    }
    return std::move(response);
  }
}

SessionStats HubSession::stats() const {
  absl::MutexLock lock(&mu_);
  return stats_;
}

}  // namespace hublint::hub
