#ifndef HUBLINT_MODEL_MOMENT_H_
#define HUBLINT_MODEL_MOMENT_H_

#include "absl/time/time.h"

namespace hublint {

// A point in time that the source may not know, or may positively know not
// to exist: a token that never expires, a token never used. In the snapshot
// these are a timestamp string, the string "never", or null (unknown).
//
// Why a third state: "unknown is not false". A token whose expiry the source
// could not read must give a review result, while a token that never expires
// is a plain finding.
class Moment {
 public:
  enum class State : uint8_t { kUnknown, kNever, kAt };

  Moment() = default;  // unknown
  static Moment Unknown() { return Moment(); }
  static Moment Never() { return Moment(State::kNever, absl::InfinitePast()); }
  static Moment At(absl::Time t) { return Moment(State::kAt, t); }

  State state() const { return state_; }
  bool known() const { return state_ != State::kUnknown; }
  bool never() const { return state_ == State::kNever; }
  bool has_time() const { return state_ == State::kAt; }
  // REQUIRES: has_time().
  absl::Time time() const { return time_; }

  bool operator==(const Moment&) const = default;

 private:
  Moment(State state, absl::Time t) : state_(state), time_(t) {}
  State state_ = State::kUnknown;
  absl::Time time_ = absl::InfinitePast();
};

}  // namespace hublint

#endif  // HUBLINT_MODEL_MOMENT_H_
