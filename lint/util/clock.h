#ifndef HUBLINT_UTIL_CLOCK_H_
#define HUBLINT_UTIL_CLOCK_H_

// Time behind an interface: rules evaluate against the state's collection
// time, and reports stamp start and end times; tests fix both.

#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace hublint {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual absl::Time Now() const = 0;
  // Waits `d` (retry backoff, rate-limit waits). A fake clock advances
  // instead of sleeping.
  virtual void Sleep(absl::Duration d) = 0;
};

// The system clock.
class RealClock : public Clock {
 public:
  absl::Time Now() const override { return absl::Now(); }
  void Sleep(absl::Duration d) override { absl::SleepFor(d); }
};

// A clock that only moves when told, for tests.
class FakeClock : public Clock {
 public:
  explicit FakeClock(absl::Time now) : now_(now) {}
  absl::Time Now() const override { return now_; }
  void Sleep(absl::Duration d) override { now_ += d; }
  void Advance(absl::Duration d) { now_ += d; }

 private:
  absl::Time now_;
};

}  // namespace hublint

#endif  // HUBLINT_UTIL_CLOCK_H_
