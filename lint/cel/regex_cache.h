#ifndef HUBLINT_CEL_REGEX_CACHE_H_
#define HUBLINT_CEL_REGEX_CACHE_H_

// Regular expressions for matches(): RE2 syntax, so matching is linear in
// the input. A literal pattern is compiled once by the planner; a pattern
// computed at run time goes through a RegexCache, so each distinct pattern
// is compiled once per program rather than once per evaluation.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "re2/re2.h"

namespace hublint::cel {

// Compiles `pattern` (RE2 syntax). On a bad pattern the status message is
// RE2's explanation, e.g. "missing ): (a".
absl::StatusOr<std::shared_ptr<const re2::RE2>> CompileRegex(
    std::string_view pattern);

// A bounded, thread-safe cache of compiled patterns.
class RegexCache {
 public:
  explicit RegexCache(size_t capacity = 64) : capacity_(capacity) {}

  // The compiled `pattern`, compiling it on first use.
  absl::StatusOr<std::shared_ptr<const re2::RE2>> Get(std::string_view pattern)
      ABSL_LOCKS_EXCLUDED(mu_);

 private:
  const size_t capacity_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, std::shared_ptr<const re2::RE2>> cache_
      ABSL_GUARDED_BY(mu_);
};

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_REGEX_CACHE_H_
