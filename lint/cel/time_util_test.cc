#include "lint/cel/time_util.h"

#include <doctest/doctest.h>

#include <string>

#include "lint/cel/strings.h"
#include "lint/cel/testing/table.h"

namespace hublint::cel {
namespace {

TEST_CASE("RFC 3339 timestamps round trip") {
  testing::CheckTable(
      {
          {"2009-02-13T23:31:30Z", "2009-02-13T23:31:30Z"},
          {"2009-02-13t23:31:30z", "2009-02-13T23:31:30Z"},
          {"2009-02-13T23:31:30.123456789Z", "2009-02-13T23:31:30.123456789Z"},
          {"2009-02-13T23:31:30.120Z", "2009-02-13T23:31:30.12Z"},
          {"2009-02-14T01:31:30+02:00", "2009-02-13T23:31:30Z"},
          {"2009-02-13T20:01:30-03:30", "2009-02-13T23:31:30Z"},
          {"0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"},
          {"9999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59.999999999Z"},
          {"0000-12-31T23:59:59Z",
           "error: timestamp \"0000-12-31T23:59:59Z\" is out of range"},
          {"0001-01-01T00:00:00+00:01",
           "error: timestamp \"0001-01-01T00:00:00+00:01\" is out of range"},
          {"2009-02-30T00:00:00Z",
           "error: invalid timestamp \"2009-02-30T00:00:00Z\""},
          {"2009-02-13 23:31:30Z",
           "error: invalid timestamp \"2009-02-13 23:31:30Z\""},
          {"2009-02-13T23:31:30",
           "error: invalid timestamp \"2009-02-13T23:31:30\""},
          {"2009-02-13T23:31:30.Z",
           "error: invalid timestamp \"2009-02-13T23:31:30.Z\""},
          {"2009-02-13T24:00:00Z",
           "error: invalid timestamp \"2009-02-13T24:00:00Z\""},
          {"10000-01-01T00:00:00Z",
           "error: invalid timestamp \"10000-01-01T00:00:00Z\""},
      },
      [](const char* input) {
        absl::StatusOr<absl::Time> t = TimestampFromString(input);
        if (!t.ok()) return Cat("error: ", StdView(t.status().message()));
        return TimestampToString(*t);
      });
}

TEST_CASE("Go-syntax durations") {
  testing::CheckTable(
      {
          {"0", "0s"},
          {"100s", "100s"},
          {"1h30m", "5400s"},
          {"-1.5h", "-5400s"},
          {"1ms", "0.001s"},
          {"1us", "0.000001s"},
          {"1ns", "0.000000001s"},
          {"2562047h47m16.854775807s", "9223372036.854775807s"},
          {"2562047h47m16.854775808s",
           "error: duration \"2562047h47m16.854775808s\" is out of range"},
          {"inf", "error: invalid duration \"inf\""},
          {"1d", "error: invalid duration \"1d\""},
          {"", "error: invalid duration \"\""},
      },
      [](const char* input) {
        absl::StatusOr<absl::Duration> d = DurationFromString(input);
        if (!d.ok()) return Cat("error: ", StdView(d.status().message()));
        return DurationToString(*d);
      });
}

TEST_CASE("time zones: names and fixed offsets") {
  absl::Time t = *TimestampFromString("2009-02-13T23:31:30Z");
  testing::CheckTable(
      {
          {"UTC", "23"},
          {"Australia/Sydney", "10"},
          {"+11:00", "10"},
          {"-02:30", "21"},
          {"02:00", "1"},
          {"America/St_Johns", "20"},
          {"+25:00", "error: invalid time zone offset \"+25:00\""},
          {"Nowhere/Land", "error: unknown time zone \"Nowhere/Land\""},
          {"", "error: unknown time zone \"\""},
      },
      [&](const char* input) {
        absl::StatusOr<absl::TimeZone> tz = ParseTimeZone(input);
        if (!tz.ok()) return Cat("error: ", StdView(tz.status().message()));
        return Cat(tz->At(t).cs.hour());
      });
}

}  // namespace
}  // namespace hublint::cel
