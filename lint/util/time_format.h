#ifndef HUBLINT_UTIL_TIME_FORMAT_H_
#define HUBLINT_UTIL_TIME_FORMAT_H_

// RFC 3339 timestamps, the only time format in hublint's inputs and outputs.

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace hublint {

// Parses a strict RFC 3339 date-time: "2026-11-20T02:00:00Z",
// "2021-01-05T21:06:53.506400Z", "2026-11-20T03:00:00+01:00". The error
// message says what is wrong without naming the input's location (callers
// add it).
absl::StatusOr<absl::Time> ParseRfc3339(std::string_view text);

// Formats `t` in UTC with a "Z" suffix and only as many fractional digits as
// needed: "2026-11-20T02:00:00Z", "2021-01-05T21:06:53.5064Z".
std::string FormatRfc3339(absl::Time t);

// Days from 1970-01-01 to the proleptic Gregorian date (negative before).
// ParseRfc3339() uses it instead of a time zone lookup; tested against
// absl::FromCivil.
int64_t DaysFromCivil(int year, int month, int day);

// Parses a calendar date "2027-03-31" as midnight UTC at the start of it.
absl::StatusOr<absl::Time> ParseDate(std::string_view text);

}  // namespace hublint

#endif  // HUBLINT_UTIL_TIME_FORMAT_H_
