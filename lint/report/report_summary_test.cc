#include "lint/report/report_summary.h"

#include "doctest/doctest.h"

namespace hublint {
namespace {

TEST_CASE("SummarySentence names the non-zero counts") {
  struct Case {
    SummaryCounts counts;
    bool baseline;
    std::string_view sentence;
  };
  const Case cases[] = {
      {{}, false, "no findings"},
      {{.errors = 3, .warnings = 1, .reviews = 2, .waived = 1},
       false,
       "3 errors, 1 warning, 2 reviews, 1 waived"},
      {{.errors = 1, .notes = 2}, false, "1 error, 2 notes"},
      {{.warnings = 4, .new_findings = 1, .unchanged = 3, .absent = 1},
       true,
       "4 warnings; 1 new, 3 unchanged, 1 fixed since the baseline"},
      {{}, true, "no findings; nothing new since the baseline"},
  };
  for (const Case& c : cases) {
    CHECK(SummarySentence(c.counts, c.baseline) == c.sentence);
  }
}

TEST_CASE("Summarize counts each finding once") {
  std::vector<Finding> findings(6);
  findings[0].level = Level::kError;
  findings[1].level = Level::kError;
  findings[1].kind = FindingKind::kReview;  // a review, not an error
  findings[2].suppressed = true;            // waived, not an error
  findings[3].level = Level::kWarning;
  findings[3].baseline_state = BaselineState::kNew;
  findings[4].level = Level::kNote;
  findings[4].baseline_state = BaselineState::kUnchanged;
  findings[5].baseline_state = BaselineState::kAbsent;  // only "absent"
  SummaryCounts c = Summarize(findings);
  CHECK(c.errors == 1);
  CHECK(c.reviews == 1);
  CHECK(c.waived == 1);
  CHECK(c.warnings == 1);
  CHECK(c.notes == 1);
  CHECK(c.new_findings == 1);
  CHECK(c.unchanged == 1);
  CHECK(c.absent == 1);
  CHECK(c.active() == 4);
}

TEST_CASE("security severity: a number in (0, 10] and its rating") {
  struct Case {
    std::string_view score;
    std::string_view rating;
  };
  const Case cases[] = {
      {"9.5", "critical"}, {"9.0", "critical"},
      {"8.0", "high"},     {"7", "high"},
      {"6.9", "medium"},   {"0.1", "low"},
      {"10", "critical"},  {"0", ""},
      {"10.1", ""},        {"high", ""},
      {"8.", ""},          {".5", ""},
      {"-1", ""},          {"", ""},
      {"1e1", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.score);
    CHECK(SecurityRating(c.score) == c.rating);
    CHECK(IsValidSecuritySeverity(c.score) == !c.rating.empty());
  }
}

TEST_CASE("RuleTags: unique, security first, at most the limit") {
  RuleInfo rule;
  rule.security_severity = "8.0";
  rule.tags = {"cis", "", "security", "cis", "nist"};
  CHECK(RuleTags(rule) == std::vector<std::string>{"security", "cis", "nist"});
  CHECK(RuleTags(rule, 2) == std::vector<std::string>{"security", "cis"});
  rule.security_severity = "";
  CHECK(RuleTags(rule) == std::vector<std::string>{"cis", "security", "nist"});
}

TEST_CASE("FindingPlace and IncompleteSourceMessages") {
  RunInfo run;
  run.source_uri = "state.json";
  Finding f;
  CHECK(FindingPlace(f, run) == "state.json");
  f.location = {"x.json", 12, 5};
  CHECK(FindingPlace(f, run) == "x.json:12:5");
  f.location.column = 0;
  CHECK(FindingPlace(f, run) == "x.json:12");
  run.source_uri.clear();
  f.location = {};
  CHECK(FindingPlace(f, run) == "(no file)");

  CHECK(IncompleteSourceMessages(run).empty());
  run.source_complete = false;
  CHECK(IncompleteSourceMessages(run) ==
        std::vector<std::string>{"the state is incomplete (the source does "
                                 "not say which parts are missing)"});
  run.gaps = {"members: 500", "teams: 403"};
  CHECK(IncompleteSourceMessages(run) ==
        std::vector<std::string>{"the state is incomplete: members: 500",
                                 "the state is incomplete: teams: 403"});
}

}  // namespace
}  // namespace hublint
