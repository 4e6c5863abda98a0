#include "lint/findings/finding.h"

#include <doctest/doctest.h>

#include "lint/findings/report.h"

namespace hublint {
namespace {

TEST_CASE("Fingerprint is stable and depends on rule and resource only") {
  // Fixed values: baselines from earlier runs must keep matching.
  CHECK(Fingerprint("DH-MFA-001", "member:bob") ==
        Fingerprint("DH-MFA-001", "member:bob"));
  CHECK(Fingerprint("DH-MFA-001", "member:bob") !=
        Fingerprint("DH-MFA-001", "member:bo"));
  CHECK(Fingerprint("DH-MFA-00", "1member:bob") !=
        Fingerprint("DH-MFA-001", "member:bob"));
  CHECK(Fingerprint("a", "b") == "e5beb1190415e670");
  CHECK(Fingerprint("DH-MFA-001", "member:bob") == "4e4ff725be3e5edd");
  CHECK(Fingerprint("DH-MFA-001", "member:bob").size() == 16);
}

TEST_CASE("Level and kind names") {
  CHECK(ParseLevel("warning") == Level::kWarning);
  CHECK_FALSE(ParseLevel("Warning").has_value());
  CHECK(LevelName(Level::kNote) == "note");
  CHECK(Level::kError > Level::kWarning);
  CHECK(FindingKindName(FindingKind::kReview) == "review");
  CHECK(BaselineStateName(BaselineState::kAbsent) == "absent");
}

TEST_CASE("CountFindings leaves out waived and absent findings") {
  std::vector<Finding> findings(5);
  findings[0].level = Level::kError;
  findings[1].level = Level::kWarning;
  findings[1].kind = FindingKind::kReview;
  findings[2].suppressed = true;
  findings[3].baseline_state = BaselineState::kAbsent;
  findings[4].level = Level::kNote;
  findings[4].baseline_state = BaselineState::kNew;
  ReportCounts c = CountFindings(findings);
  CHECK(c.errors == 1);
  CHECK(c.warnings == 1);
  CHECK(c.notes == 1);
  CHECK(c.reviews == 1);
  CHECK(c.suppressed == 1);
  CHECK(c.absent == 1);
  CHECK(c.new_findings == 1);
}

}  // namespace
}  // namespace hublint
