#ifndef HUBLINT_HUB_RATE_LIMIT_H_
#define HUBLINT_HUB_RATE_LIMIT_H_

// The Docker Hub API's rate-limit signals. Every answer under the limit
// carries X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset (a
// unix timestamp); an answer over it is 429 with Retry-After (seconds; older
// revisions sent X-Retry-After as a unix timestamp, so both are read).

#include <optional>

#include "absl/time/time.h"
#include "lint/hub/http_client.h"

namespace hublint::hub {

// When a 429 answer says to try again: Retry-After (seconds, or an HTTP
// date), else X-Retry-After (unix time), else X-RateLimit-Reset; nullopt
// when the answer says nothing.
std::optional<absl::Time> RetryAfter(const HttpResponse& response,
                                     absl::Time now);

// When the quota announced by a successful answer runs out: the reset time
// when X-RateLimit-Remaining is 0 and X-RateLimit-Reset is in the future,
// else nullopt (requests may go on).
std::optional<absl::Time> QuotaExhaustedUntil(const HttpResponse& response,
                                              absl::Time now);

}  // namespace hublint::hub

#endif  // HUBLINT_HUB_RATE_LIMIT_H_
