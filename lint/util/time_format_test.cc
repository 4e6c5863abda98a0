#include "lint/util/time_format.h"

#include <doctest/doctest.h>

#include "lint/util/strings.h"

namespace hublint {
namespace {

TEST_CASE("ParseRfc3339 accepts RFC 3339 and round-trips through Format") {
  struct {
    const char* input;
    const char* formatted;
  } cases[] = {
      {"2026-11-20T02:00:00Z", "2026-11-20T02:00:00Z"},
      {"2021-01-05T21:06:53.506400Z", "2021-01-05T21:06:53.5064Z"},
      {"2026-11-20T03:00:00+01:00", "2026-11-20T02:00:00Z"},
      {"2026-11-19T21:30:00-04:30", "2026-11-20T02:00:00Z"},
      {"2024-02-29T00:00:00z", "2024-02-29T00:00:00Z"},
      {"2026-01-01t00:00:00.000000001Z", "2026-01-01T00:00:00.000000001Z"},
      // Found by fuzz/snapshot_reader_fuzzer: years before 1000 were written
      // with three digits, which no reader takes back.
      {"0252-11-18T08:00:00Z", "0252-11-18T08:00:00Z"},
      {"0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"},
      {"0000-01-01T01:30:00+01:00", "0000-01-01T00:30:00Z"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.input);
    absl::StatusOr<absl::Time> t = ParseRfc3339(c.input);
    REQUIRE(t.ok());
    CHECK(FormatRfc3339(*t) == c.formatted);
  }
  // An offset that carries the time out of four-digit years.
  for (const char* out_of_range :
       {"0000-01-01T00:30:00+01:00", "9999-12-31T23:30:00-01:00"}) {
    CAPTURE(out_of_range);
    CHECK(ParseRfc3339(out_of_range).status().message() ==
          Cat("invalid timestamp \"", out_of_range,
              "\": out of range: years 0000 to 9999 in UTC"));
  }
}

TEST_CASE("ParseRfc3339 rejects what is not RFC 3339") {
  struct {
    const char* input;
    const char* message;
  } cases[] = {
      {"2026-11-20",
       "invalid timestamp \"2026-11-20\": expected RFC 3339, like "
       "2026-11-20T02:00:00Z"},
      {"2026-11-20T02:00:00",
       "invalid timestamp \"2026-11-20T02:00:00\": expected a zone: Z or an "
       "offset like +01:00"},
      {"2026-02-30T00:00:00Z",
       "invalid timestamp \"2026-02-30T00:00:00Z\": no such date or time"},
      {"2026-11-20T24:00:00Z",
       "invalid timestamp \"2026-11-20T24:00:00Z\": no such date or time"},
      {"2026-11-20T02:00:00.Z",
       "invalid timestamp \"2026-11-20T02:00:00.Z\": expected digits after the "
       "decimal point"},
      {"2026-11-20T02:00:00+0100",
       "invalid timestamp \"2026-11-20T02:00:00+0100\": expected a zone offset "
       "like +01:00"},
      {"yesterday",
       "invalid timestamp \"yesterday\": expected RFC 3339, like "
       "2026-11-20T02:00:00Z"},
      {"2026-11-20T02:00:00Zjunk",
       "invalid timestamp \"2026-11-20T02:00:00Zjunk\": expected RFC 3339, "
       "like 2026-11-20T02:00:00Z"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.input);
    absl::StatusOr<absl::Time> t = ParseRfc3339(c.input);
    REQUIRE_FALSE(t.ok());
    CHECK(t.status().message() == c.message);
  }
}

TEST_CASE("ParseDate") {
  absl::StatusOr<absl::Time> d = ParseDate("2027-03-31");
  REQUIRE(d.ok());
  CHECK(FormatRfc3339(*d) == "2027-03-31T00:00:00Z");
  CHECK(ParseDate("2027-02-29").status().message() ==
        "invalid date \"2027-02-29\": no such day");
  CHECK(ParseDate("2027-3-31").status().message() ==
        "invalid date \"2027-3-31\": expected YYYY-MM-DD, like 2027-03-31");
}

// Differential: the arithmetic that replaced the time zone lookup agrees
// with absl on every day four-digit years can write, and on validity.
TEST_CASE("DaysFromCivil agrees with absl::FromCivil on every day 0000-9999") {
  const absl::Time epoch = absl::UnixEpoch();
  int64_t days_checked = 0;
  for (absl::CivilDay day(0, 1, 1); day < absl::CivilDay(10000, 1, 1); ++day) {
    int64_t want =
        (absl::FromCivil(day, absl::UTCTimeZone()) - epoch) / absl::Hours(24);
    int64_t got =
        DaysFromCivil(static_cast<int>(day.year()), day.month(), day.day());
    if (got != want) {
      FAIL_CHECK(Cat(absl::FormatCivilTime(day), ": ", got, " != ", want));
      break;
    }
    ++days_checked;
  }
  CHECK(days_checked == 3652425);
  CHECK(DaysFromCivil(1970, 1, 1) == 0);
  CHECK(DaysFromCivil(2000, 3, 1) == 11017);
  CHECK(DaysFromCivil(1969, 12, 31) == -1);
}

TEST_CASE("ParseRfc3339 knows which days exist") {
  struct {
    const char* input;
    bool valid;
  } cases[] = {
      {"2024-02-29T00:00:00Z", true},  {"2023-02-29T00:00:00Z", false},
      {"2000-02-29T00:00:00Z", true},  {"1900-02-29T00:00:00Z", false},
      {"2026-04-30T00:00:00Z", true},  {"2026-04-31T00:00:00Z", false},
      {"2026-12-31T23:59:60Z", true},  {"2026-13-01T00:00:00Z", false},
      {"2026-01-00T00:00:00Z", false}, {"0000-02-29T00:00:00Z", true},
  };
  for (const auto& c : cases) {
    CAPTURE(c.input);
    CHECK(ParseRfc3339(c.input).ok() == c.valid);
  }
}

}  // namespace
}  // namespace hublint
