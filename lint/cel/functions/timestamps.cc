// The get*() accessors. On a timestamp they read the calendar in UTC or in
// the time zone given as an argument (an IANA name or "+HH:MM"); getMonth,
// getDayOfMonth and getDayOfYear count from 0, getDate from 1, and
// getDayOfWeek has Sunday = 0. On a duration getHours, getMinutes,
// getSeconds and getMilliseconds give the whole duration in that unit.

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "lint/cel/functions/functions.h"
#include "lint/cel/strings.h"
#include "lint/cel/time_util.h"

namespace hublint::cel::functions {
namespace {

using Part = TimePart;

constexpr std::string_view kNames[] = {
    "getFullYear",   "getMonth",       "getDayOfYear", "getDate",
    "getDayOfMonth", "getDayOfWeek",   "getHours",     "getMinutes",
    "getSeconds",    "getMilliseconds"};

int64_t CalendarPart(const absl::TimeZone::CivilInfo& info, Part part) {
  const absl::CivilSecond& cs = info.cs;
  switch (part) {
    case Part::kFullYear:
      return cs.year();
    case Part::kMonth:
      return cs.month() - 1;
    case Part::kDayOfYear:
      return absl::GetYearDay(absl::CivilDay(cs)) - 1;
    case Part::kDate:
      return cs.day();
    case Part::kDayOfMonth:
      return cs.day() - 1;
    case Part::kDayOfWeek:
      // absl counts from Monday = 0.
      return (static_cast<int>(absl::GetWeekday(absl::CivilDay(cs))) + 1) % 7;
    case Part::kHours:
      return cs.hour();
    case Part::kMinutes:
      return cs.minute();
    case Part::kSeconds:
      return cs.second();
    case Part::kMilliseconds:
      return absl::ToInt64Milliseconds(info.subsecond);
  }
  return 0;
}

int64_t DurationPart(absl::Duration d, Part part) {
  switch (part) {
    case Part::kHours:
      return absl::ToInt64Hours(d);
    case Part::kMinutes:
      return absl::ToInt64Minutes(d);
    case Part::kSeconds:
      return absl::ToInt64Seconds(d);
    default:
      return absl::ToInt64Milliseconds(d);
  }
}

}  // namespace

Value GetTimePart(const Value* args, int count, const CallContext& ctx) {
  const Part part = static_cast<Part>(ctx.data);
  const std::string_view name = kNames[ctx.data];
  const Value& v = args[0];
  bool duration_part = part == Part::kHours || part == Part::kMinutes ||
                       part == Part::kSeconds || part == Part::kMilliseconds;
  if (v.kind() == Kind::kDuration && count == 1 && duration_part) {
    return Value::Int(DurationPart(v.duration_value(), part));
  }
  if (v.kind() != Kind::kTimestamp || count > 2 ||
      (count == 2 && args[1].kind() != Kind::kString)) {
    return NoMatchingOverload(ctx, name, args, count);
  }
  absl::TimeZone tz = absl::UTCTimeZone();
  if (count == 2) {
    absl::StatusOr<absl::TimeZone> parsed =
        ParseTimeZone(args[1].string_value());
    if (!parsed.ok()) return ctx.Errorf(StdView(parsed.status().message()));
    tz = *parsed;
  }
  return Value::Int(CalendarPart(tz.At(v.timestamp_value()), part));
}

}  // namespace hublint::cel::functions
