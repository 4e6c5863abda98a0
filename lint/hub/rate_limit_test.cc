#include "lint/hub/rate_limit.h"

#include <doctest/doctest.h>

namespace hublint::hub {
namespace {

HttpResponse With(std::vector<HttpHeader> headers) {
  HttpResponse r;
  r.status = 429;
  for (HttpHeader& h : headers) {
    for (char& c : h.name) c = static_cast<char>(std::tolower(c));
  }
  r.headers = std::move(headers);
  return r;
}

const absl::Time kNow = absl::FromUnixSeconds(1795658400);

TEST_CASE("RetryAfter reads seconds, dates, X-Retry-After and the reset") {
  CHECK(RetryAfter(With({{"Retry-After", "7"}}), kNow) ==
        kNow + absl::Seconds(7));
  CHECK(RetryAfter(With({{"Retry-After", " 1.5 "}}), kNow) ==
        kNow + absl::Seconds(2));
  CHECK(RetryAfter(With({{"Retry-After", "Thu, 26 Nov 2026 02:00:30 GMT"}}),
                   kNow) == kNow + absl::Seconds(30));
  CHECK(RetryAfter(With({{"X-Retry-After", "1795658410"}}), kNow) ==
        kNow + absl::Seconds(10));
  CHECK(RetryAfter(With({{"X-RateLimit-Reset", "1795658405"}}), kNow) ==
        kNow + absl::Seconds(5));
  // A time in the past means now.
  CHECK(RetryAfter(With({{"X-Retry-After", "1"}}), kNow) == kNow);
  CHECK(RetryAfter(With({}), kNow) == std::nullopt);
  CHECK(RetryAfter(With({{"Retry-After", "soon"}}), kNow) == std::nullopt);
}

TEST_CASE("QuotaExhaustedUntil waits only for a spent quota") {
  CHECK(QuotaExhaustedUntil(With({{"X-RateLimit-Remaining", "0"},
                                  {"X-RateLimit-Reset", "1795658403"}}),
                            kNow) == kNow + absl::Seconds(3));
  CHECK(QuotaExhaustedUntil(With({{"X-RateLimit-Remaining", "4"},
                                  {"X-RateLimit-Reset", "1795658403"}}),
                            kNow) == std::nullopt);
  CHECK(QuotaExhaustedUntil(With({{"X-RateLimit-Remaining", "0"},
                                  {"X-RateLimit-Reset", "1795658300"}}),
                            kNow) == std::nullopt);
  CHECK(QuotaExhaustedUntil(With({{"X-RateLimit-Remaining", "0"}}), kNow) ==
        std::nullopt);
}

}  // namespace
}  // namespace hublint::hub
