#include "lint/util/time_format.h"

#include <cctype>

#include "lint/util/strings.h"

namespace hublint {
namespace {

// Reads exactly `n` digits at `*pos` into `*value`.
bool ReadDigits(std::string_view text, size_t* pos, int n, int* value) {
  if (*pos + n > text.size()) return false;
  int v = 0;
  for (int i = 0; i < n; ++i) {
    char c = text[*pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *pos += n;
  *value = v;
  return true;
}

bool Expect(std::string_view text, size_t* pos, char c) {
  if (*pos >= text.size() || text[*pos] != c) return false;
  ++*pos;
  return true;
}

absl::Status Malformed(std::string_view text, std::string_view expected) {
  return absl::InvalidArgumentError(
      Cat("invalid timestamp \"", text, "\": expected ", expected));
}

bool IsLeapYear(int year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

bool ValidCivilDate(int year, int month, int day) {
  static constexpr int kDaysInMonth[] = {31, 28, 31, 30, 31, 30,
                                         31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  int last = kDaysInMonth[month - 1] + (month == 2 && IsLeapYear(year));
  return day <= last;
}

}  // namespace

int64_t DaysFromCivil(int year, int month, int day) {
  // Howard Hinnant's days_from_civil: years start in March, so the leap
  // day is the last day of the year; eras are 400-year cycles.
  int64_t y = year - (month <= 2);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t year_of_era = y - era * 400;
  int64_t day_of_year =
      (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

absl::StatusOr<absl::Time> ParseRfc3339(std::string_view text) {
  constexpr std::string_view kShape = "RFC 3339, like 2026-11-20T02:00:00Z";
  size_t pos = 0;
  int year, month, day, hour, minute, second;
  if (!ReadDigits(text, &pos, 4, &year) || !Expect(text, &pos, '-') ||
      !ReadDigits(text, &pos, 2, &month) || !Expect(text, &pos, '-') ||
      !ReadDigits(text, &pos, 2, &day)) {
    return Malformed(text, kShape);
  }
  if (pos >= text.size() || (text[pos] != 'T' && text[pos] != 't')) {
    return Malformed(text, kShape);
  }
  ++pos;
  if (!ReadDigits(text, &pos, 2, &hour) || !Expect(text, &pos, ':') ||
      !ReadDigits(text, &pos, 2, &minute) || !Expect(text, &pos, ':') ||
      !ReadDigits(text, &pos, 2, &second)) {
    return Malformed(text, kShape);
  }
  int64_t nanos = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    int digits = 0;
    while (pos < text.size() &&
           std::isdigit(static_cast<unsigned char>(text[pos]))) {
      if (digits < 9) nanos = nanos * 10 + (text[pos] - '0');
      ++digits;
      ++pos;
    }
    if (digits == 0) return Malformed(text, "digits after the decimal point");
    for (int i = digits; i < 9; ++i) nanos *= 10;
  }
  int offset_minutes = 0;
  if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
    ++pos;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    int sign = text[pos] == '-' ? -1 : 1;
    ++pos;
    int oh, om;
    if (!ReadDigits(text, &pos, 2, &oh) || !Expect(text, &pos, ':') ||
        !ReadDigits(text, &pos, 2, &om) || oh > 23 || om > 59) {
      return Malformed(text, "a zone offset like +01:00");
    }
    offset_minutes = sign * (oh * 60 + om);
  } else {
    return Malformed(text, "a zone: Z or an offset like +01:00");
  }
  if (pos != text.size()) return Malformed(text, kShape);
  if (!ValidCivilDate(year, month, day) || hour > 23 || minute > 59 ||
      second > 60) {
    return absl::InvalidArgumentError(
        Cat("invalid timestamp \"", text, "\": no such date or time"));
  }
  if (second == 60) second = 59;  // Leap seconds fold onto :59, as in Go.
  // UTC has no transitions: the civil time is a count of seconds (this is
  // several times faster than a time zone lookup, for a million members).
  int64_t seconds = DaysFromCivil(year, month, day) * 86400 + hour * 3600 +
                    minute * 60 + second - offset_minutes * 60;
  absl::Time t = absl::FromUnixSeconds(seconds) + absl::Nanoseconds(nanos);
  // An offset can carry a time out of the years four digits can write
  // ("0000-01-01T00:30:00+01:00"); such a time could not be written back.
  static const absl::Time kFirst =
      absl::FromCivil(absl::CivilSecond(0, 1, 1, 0, 0, 0), absl::UTCTimeZone());
  static const absl::Time kEnd = absl::FromCivil(
      absl::CivilSecond(10000, 1, 1, 0, 0, 0), absl::UTCTimeZone());
  if (t < kFirst || t >= kEnd) {
    return absl::InvalidArgumentError(
        Cat("invalid timestamp \"", text,
            "\": out of range: years 0000 to 9999 in UTC"));
  }
  return t;
}

std::string FormatRfc3339(absl::Time t) {
  // %E4Y: years before 1000 keep four digits ("0252-..."), as RFC 3339 and
  // ParseRfc3339() want.
  return absl::FormatTime("%E4Y-%m-%dT%H:%M:%E*SZ", t, absl::UTCTimeZone());
}

absl::StatusOr<absl::Time> ParseDate(std::string_view text) {
  size_t pos = 0;
  int year, month, day;
  if (!ReadDigits(text, &pos, 4, &year) || !Expect(text, &pos, '-') ||
      !ReadDigits(text, &pos, 2, &month) || !Expect(text, &pos, '-') ||
      !ReadDigits(text, &pos, 2, &day) || pos != text.size()) {
    return absl::InvalidArgumentError(Cat(
        "invalid date \"", text, "\": expected YYYY-MM-DD, like 2027-03-31"));
  }
  if (!ValidCivilDate(year, month, day)) {
    return absl::InvalidArgumentError(
        Cat("invalid date \"", text, "\": no such day"));
  }
  return absl::FromCivil(absl::CivilDay(year, month, day), absl::UTCTimeZone());
}

}  // namespace hublint
