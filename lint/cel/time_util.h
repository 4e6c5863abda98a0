#ifndef HUBLINT_CEL_TIME_UTIL_H_
#define HUBLINT_CEL_TIME_UTIL_H_

// Timestamps and durations as CEL defines them, on top of absl::Time and
// absl::Duration.
//
//  * Timestamps range from 0001-01-01T00:00:00Z to
//    9999-12-31T23:59:59.999999999Z; text is RFC 3339.
//  * Durations must fit in signed 64-bit nanoseconds (about +-292 years,
//    as in cel-go); text is Go's duration syntax ("1h30m", "1.5s", "-20ms").

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace hublint::cel {

bool TimestampInRange(absl::Time t);
bool DurationInRange(absl::Duration d);

// Parses "2024-01-02T03:04:05Z", "2024-01-02T03:04:05.123+02:00", ...
// Fails on anything else, on impossible dates and outside the range.
absl::StatusOr<absl::Time> TimestampFromString(std::string_view text);

// "2024-01-02T03:04:05Z", with as many fractional digits as needed.
std::string TimestampToString(absl::Time t);

// Parses Go duration syntax: "100s", "1h45m", "-1.5h", "300ms", "2us".
absl::StatusOr<absl::Duration> DurationFromString(std::string_view text);

// Seconds with the fraction CEL prints: "100s", "1.5s", "-0.000000001s".
std::string DurationToString(absl::Duration d);

// An IANA zone name ("Australia/Sydney", "UTC") or a fixed offset
// ("+11:00", "-02:30", "02:00").
absl::StatusOr<absl::TimeZone> ParseTimeZone(std::string_view text);

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_TIME_UTIL_H_
