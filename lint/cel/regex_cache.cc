#include "lint/cel/regex_cache.h"

#include "absl/status/status.h"
#include "lint/cel/strings.h"

namespace hublint::cel {

absl::StatusOr<std::shared_ptr<const re2::RE2>> CompileRegex(
    std::string_view pattern) {
  re2::RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_shared<const re2::RE2>(
      re2::StringPiece(pattern.data(), pattern.size()), options);
  if (!re->ok()) {
    return absl::InvalidArgumentError(
        Cat("invalid regular expression: ", re->error()));
  }
  return re;
}

absl::StatusOr<std::shared_ptr<const re2::RE2>> RegexCache::Get(
    std::string_view pattern) {
  {
    absl::MutexLock lock(&mu_);
    auto it = cache_.find(AbslView(pattern));
    if (it != cache_.end()) return it->second;
  }
  absl::StatusOr<std::shared_ptr<const re2::RE2>> re = CompileRegex(pattern);
  if (!re.ok()) return re;
  absl::MutexLock lock(&mu_);
  // Simplest bounded policy: start over when full. Holders keep their
  // shared_ptr, so nothing in use is freed.
  if (cache_.size() >= capacity_) cache_.clear();
  cache_.emplace(std::string(pattern), *re);
  return re;
}

}  // namespace hublint::cel
