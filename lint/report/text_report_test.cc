#include "lint/report/text_report.h"

#include "doctest/doctest.h"
#include "lint/report/github_annotations.h"
#include "lint/report/junit_report.h"

namespace hublint {
namespace {

Report Small() {
  Report report;
  report.run.org_name = "contoso";
  report.run.source_kind = "declared";
  RuleInfo rule;
  rule.id = "DH-A";
  rule.title = "Members are fine";
  report.rules = {rule};
  Finding f;
  f.rule_id = "DH-A";
  f.resource = "member:bob";
  f.message = "bob is not fine";
  f.location = {"org.json", 12, 5};
  report.findings = {f};
  f.resource = "member:carol";
  f.message = "carol is unknown";
  f.kind = FindingKind::kReview;
  report.findings.push_back(f);
  return report;
}

TEST_CASE("text: grouped by rule, no colour unless asked") {
  RenderOptions options;
  options.docs_base_url = "https://d/";
  CHECK(RenderText(Small(), options) ==
        "hublint: contoso, declared state, complete\n"
        "\n"
        "DH-A error: Members are fine\n"
        "  org.json:12:5: member:bob: bob is not fine\n"
        "  org.json:12:5: member:carol: carol is unknown [review]\n"
        "  help: https://d/docs/rules/DH-A.md\n"
        "\n"
        "contoso: 1 error, 1 review (1 rule checked)\n");
  options.colour = true;
  std::string coloured = RenderText(Small(), options);
  CHECK(coloured.find("\x1b[1mDH-A\x1b[0m \x1b[31merror\x1b[0m") !=
        std::string::npos);
  CHECK(coloured.find("\x1b[35m[review]\x1b[0m") != std::string::npos);
  CHECK(coloured.find("\x1b[31m1 error, 1 review\x1b[0m") != std::string::npos);
}

TEST_CASE("GitHub annotations: one command per finding, escaped") {
  Report report = Small();
  report.findings[0].message = "50% done\nnext: a,b";
  report.rules[0].title = "a: b, c";
  CHECK(RenderGithubAnnotations(report, {}) ==
        "::error file=org.json,line=12,col=5,title=DH-A a%3A b%2C c::50%25 "
        "done\\nnext: a,b\n"
        "::warning file=org.json,line=12,col=5,title=DH-A a%3A b%2C c (needs "
        "review)::carol is unknown\n"
        "hublint: contoso: 1 error, 1 review (1 rule checked)\n");
  CHECK(EscapeCommandData("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e");
  CHECK(EscapeCommandProperty("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce");
}

TEST_CASE("XmlEscape: markup, quotes, and what XML 1.0 cannot hold") {
  CHECK(XmlEscape("a<b>&\"c'", false) == "a&lt;b&gt;&amp;\"c'");
  CHECK(XmlEscape("a<b>&\"c'", true) == "a&lt;b&gt;&amp;&quot;c'");
  CHECK(XmlEscape("t\tn\nr\r", true) == "t&#9;n&#10;r&#13;");
  CHECK(XmlEscape("t\tn\nr\r", false) == "t\tn\nr&#13;");
  CHECK(XmlEscape("nul\x01\x1f", false) == "nul\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(XmlEscape("\xEF\xBF\xBE\xEF\xBF\xBF", false) ==
        "\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(XmlEscape("]]>", false) == "]]&gt;");
}

}  // namespace
}  // namespace hublint
