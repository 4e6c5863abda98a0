#include "lint/report/result_limit.h"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace hublint {

std::vector<size_t> MostSevereFindings(const std::vector<Finding>& findings,
                                       size_t limit) {
  std::vector<size_t> kept(findings.size());
  std::iota(kept.begin(), kept.end(), size_t{0});
  if (findings.size() <= limit) return kept;
  auto rank = [&findings](size_t i) {
    const Finding& f = findings[i];
    bool inactive = f.suppressed || f.baseline_state == BaselineState::kAbsent;
    // Smaller ranks first: negate the level so errors come first.
    return std::make_tuple(inactive, -static_cast<int>(f.level),
                           f.kind != FindingKind::kFail, i);
  };
  std::nth_element(kept.begin(), kept.begin() + static_cast<long>(limit),
                   kept.end(),
                   [&](size_t a, size_t b) { return rank(a) < rank(b); });
  kept.resize(limit);
  std::sort(kept.begin(), kept.end());
  return kept;
}

}  // namespace hublint
