#ifndef HUBLINT_REPORT_RESULT_LIMIT_H_
#define HUBLINT_REPORT_RESULT_LIMIT_H_

// Keeping a report under a result limit (GitHub code scanning rejects a
// SARIF run of more than 25,000 results) without losing what matters most.

#include <cstddef>
#include <vector>

#include "lint/findings/finding.h"

namespace hublint {

// The indices of the findings a report of at most `limit` results keeps, in
// report order. When there are more, the most severe are kept, ranked by:
//   1. active before inactive: a waived finding, or one absent since the
//      baseline, asks for no action, so it goes first when space runs out;
//   2. level: error, then warning, then note;
//   3. kind: a failed check before a review result;
//   4. report order.
std::vector<size_t> MostSevereFindings(const std::vector<Finding>& findings,
                                       size_t limit);

}  // namespace hublint

#endif  // HUBLINT_REPORT_RESULT_LIMIT_H_
