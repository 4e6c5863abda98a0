#ifndef HUBLINT_UTIL_CLOCK_H_
#define HUBLINT_UTIL_CLOCK_H_

// Time behind an interface: rules evaluate against the state's collection
// time, and reports stamp start and end times; tests fix both.

#include <mutex>

#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace hublint {

// Implementations are thread-safe.
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

// A clock that only moves when told, for tests. Thread-safe, like the
// real one: the collector sleeps on it from several threads.
class FakeClock : public Clock {
 public:
  explicit FakeClock(absl::Time now) : now_(now) {}
  absl::Time Now() const override {
    std::lock_guard<std::mutex> lock(mu_);
    return now_;
  }
  void Sleep(absl::Duration d) override {
    std::lock_guard<std::mutex> lock(mu_);
    now_ += d;
    slept_ += d;
  }
  void Advance(absl::Duration d) {
    std::lock_guard<std::mutex> lock(mu_);
    now_ += d;
  }
  // The total of every Sleep() so far.
  absl::Duration slept() const {
    std::lock_guard<std::mutex> lock(mu_);
    return slept_;
  }

 private:
  mutable std::mutex mu_;
  absl::Time now_;
  absl::Duration slept_;
};

}  // namespace hublint

#endif  // HUBLINT_UTIL_CLOCK_H_
