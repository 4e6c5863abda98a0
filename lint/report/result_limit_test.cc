#include "lint/report/result_limit.h"

#include "doctest/doctest.h"

namespace hublint {
namespace {

Finding Make(Level level, FindingKind kind, bool suppressed = false,
             BaselineState state = BaselineState::kNone) {
  Finding f;
  f.level = level;
  f.kind = kind;
  f.suppressed = suppressed;
  f.baseline_state = state;
  return f;
}

TEST_CASE("MostSevereFindings keeps everything under the limit") {
  std::vector<Finding> findings(3, Make(Level::kNote, FindingKind::kFail));
  CHECK(MostSevereFindings(findings, 3) == std::vector<size_t>{0, 1, 2});
  CHECK(MostSevereFindings({}, 0).empty());
}

TEST_CASE("MostSevereFindings drops the least severe, keeping report order") {
  const std::vector<Finding> findings = {
      Make(Level::kNote, FindingKind::kFail),                        // 0
      Make(Level::kError, FindingKind::kReview),                     // 1
      Make(Level::kError, FindingKind::kFail, /*suppressed=*/true),  // 2
      Make(Level::kWarning, FindingKind::kFail),                     // 3
      Make(Level::kError, FindingKind::kFail),                       // 4
      Make(Level::kError, FindingKind::kFail, false,
           BaselineState::kAbsent),               // 5
      Make(Level::kWarning, FindingKind::kFail),  // 6
  };
  struct Case {
    size_t limit;
    std::vector<size_t> kept;
  };
  const Case cases[] = {
      {1, {4}},        // the error that failed
      {2, {1, 4}},     // then the error under review
      {3, {1, 3, 4}},  // then warnings, in report order
      {4, {1, 3, 4, 6}},
      {5, {0, 1, 3, 4, 6}},     // then the note
      {6, {0, 1, 2, 3, 4, 6}},  // waived and absent go last
      {0, {}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.limit);
    CHECK(MostSevereFindings(findings, c.limit) == c.kept);
  }
}

}  // namespace
}  // namespace hublint
