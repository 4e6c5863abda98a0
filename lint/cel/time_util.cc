#include "lint/cel/time_util.h"

#include "lint/util/time_format.h"

#include <cstdint>
#include <cstdlib>
#include <limits>

#include "absl/status/status.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "lint/cel/strings.h"

namespace hublint::cel {
namespace {

// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z in Unix seconds.
constexpr int64_t kMinTimestampSeconds = -62135596800;
constexpr int64_t kMaxTimestampSeconds = 253402300799;

// Reads exactly `n` decimal digits at text[*pos].
bool Digits(std::string_view text, size_t* pos, int n, int* out) {
  if (*pos + n > text.size()) return false;
  int v = 0;
  for (int i = 0; i < n; ++i) {
    char c = text[*pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *pos += n;
  *out = v;
  return true;
}

bool Expect(std::string_view text, size_t* pos, char c) {
  if (*pos >= text.size() || (text[*pos] != c)) return false;
  ++*pos;
  return true;
}

absl::Status BadTimestamp(std::string_view text) {
  return absl::InvalidArgumentError(Cat("invalid timestamp \"", text, "\""));
}

}  // namespace

bool TimestampInRange(absl::Time t) {
  return t >= absl::FromUnixSeconds(kMinTimestampSeconds) &&
         t < absl::FromUnixSeconds(kMaxTimestampSeconds + 1);
}

bool DurationInRange(absl::Duration d) {
  return d >= absl::Nanoseconds(std::numeric_limits<int64_t>::min()) &&
         d <= absl::Nanoseconds(std::numeric_limits<int64_t>::max());
}

absl::StatusOr<absl::Time> TimestampFromString(std::string_view text) {
  // RFC 3339, read by the one parser hublint has (lint/util/time_format.h);
  // CEL adds the range 0001-01-01 to 9999-12-31 and its own message.
  absl::StatusOr<absl::Time> t = ParseRfc3339(text);
  if (!t.ok()) return BadTimestamp(text);
  if (!TimestampInRange(*t)) {
    return absl::OutOfRangeError(
        Cat("timestamp \"", text, "\" is out of range"));
  }
  return *t;
}

std::string TimestampToString(absl::Time t) {
  absl::TimeZone utc = absl::UTCTimeZone();
  absl::CivilSecond c = absl::ToCivilSecond(t, utc);
  std::string out =
      absl::StrFormat("%04d-%02d-%02dT%02d:%02d:%02d", c.year(), c.month(),
                      c.day(), c.hour(), c.minute(), c.second());
  int64_t nanos = absl::ToInt64Nanoseconds(t - absl::FromCivil(c, utc));
  if (nanos > 0) {
    std::string frac = absl::StrFormat("%09d", nanos);
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    Append(&out, ".", frac);
  }
  out.push_back('Z');
  return out;
}

absl::StatusOr<absl::Duration> DurationFromString(std::string_view text) {
  absl::Duration d;
  if (text.find("inf") != std::string_view::npos ||
      !absl::ParseDuration(AbslView(text), &d)) {
    return absl::InvalidArgumentError(Cat("invalid duration \"", text, "\""));
  }
  if (!DurationInRange(d)) {
    return absl::OutOfRangeError(
        Cat("duration \"", text, "\" is out of range"));
  }
  return d;
}

std::string DurationToString(absl::Duration d) {
  int64_t nanos = absl::ToInt64Nanoseconds(d);
  std::string out;
  uint64_t magnitude;
  if (nanos < 0) {
    out.push_back('-');
    magnitude = ~static_cast<uint64_t>(nanos) + 1;
  } else {
    magnitude = static_cast<uint64_t>(nanos);
  }
  Append(&out, magnitude / 1000000000);
  uint64_t frac_nanos = magnitude % 1000000000;
  if (frac_nanos != 0) {
    std::string frac = absl::StrFormat("%09d", frac_nanos);
    while (frac.back() == '0') frac.pop_back();
    Append(&out, ".", frac);
  }
  out.push_back('s');
  return out;
}

absl::StatusOr<absl::TimeZone> ParseTimeZone(std::string_view text) {
  // Fixed offsets: [+-]HH:MM.
  size_t pos = 0;
  int sign = 1;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    sign = text[0] == '-' ? -1 : 1;
    pos = 1;
  }
  int hours, minutes;
  size_t p = pos;
  if (Digits(text, &p, 2, &hours) && Expect(text, &p, ':') &&
      Digits(text, &p, 2, &minutes) && p == text.size()) {
    if (hours > 23 || minutes > 59) {
      return absl::InvalidArgumentError(
          Cat("invalid time zone offset \"", text, "\""));
    }
    return absl::FixedTimeZone(sign * (hours * 3600 + minutes * 60));
  }
  absl::TimeZone tz;
  if (text.empty() || !absl::LoadTimeZone(std::string(text), &tz)) {
    return absl::InvalidArgumentError(Cat("unknown time zone \"", text, "\""));
  }
  return tz;
}

}  // namespace hublint::cel
