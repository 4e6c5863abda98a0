#include "lint/hub/rate_limit.h"

#include <charconv>
#include <string>

namespace hublint::hub {
namespace {

std::optional<int64_t> ParseInteger(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  std::string_view s = *text;
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  // A fractional value ("1.5") is read as its integer part, rounded up below.
  size_t dot = s.find('.');
  bool fraction = dot != std::string_view::npos &&
                  s.find_first_not_of('0', dot + 1) != std::string_view::npos;
  s = s.substr(0, dot);
  int64_t value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc() || ptr != s.data() + s.size()) {
    return std::nullopt;
  }
  return fraction ? value + 1 : value;
}

}  // namespace

std::optional<absl::Time> RetryAfter(const HttpResponse& response,
                                     absl::Time now) {
  std::optional<std::string> retry_after = response.Header("Retry-After");
  if (std::optional<int64_t> seconds = ParseInteger(retry_after)) {
    return now + absl::Seconds(std::max<int64_t>(*seconds, 0));
  }
  if (retry_after) {
    absl::Time when;
    std::string err;
    if (absl::ParseTime("%a, %d %b %Y %H:%M:%S GMT", *retry_after, &when,
                        &err)) {
      return std::max(when, now);
    }
  }
  if (std::optional<int64_t> unix =
          ParseInteger(response.Header("X-Retry-After"))) {
    return std::max(absl::FromUnixSeconds(*unix), now);
  }
  if (std::optional<int64_t> unix =
          ParseInteger(response.Header("X-RateLimit-Reset"))) {
    return std::max(absl::FromUnixSeconds(*unix), now);
  }
  return std::nullopt;
}

std::optional<absl::Time> QuotaExhaustedUntil(const HttpResponse& response,
                                              absl::Time now) {
  std::optional<int64_t> remaining =
      ParseInteger(response.Header("X-RateLimit-Remaining"));
  if (!remaining || *remaining > 0) return std::nullopt;
  std::optional<int64_t> reset =
      ParseInteger(response.Header("X-RateLimit-Reset"));
  if (!reset) return std::nullopt;
  absl::Time when = absl::FromUnixSeconds(*reset);
  if (when <= now) return std::nullopt;
  return when;
}

}  // namespace hublint::hub
