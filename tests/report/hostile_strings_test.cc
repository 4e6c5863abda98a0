// Strings from the organization are hostile until proven otherwise: every
// format stays well-formed (JSON and SARIF parse, JUnit XML parses and
// gives the same strings back, annotations stay one per line), valid UTF-8,
// and inert (no terminal escape, HTML or workflow command gets through).

#include <simdjson.h>

#include <string>

#include "doctest/doctest.h"
#include "lint/report/render.h"
#include "lint/report/testing/example_reports.h"
#include "lint/util/strings.h"
#include "lint/util/utf8.h"
#include "tests/report/xml_tree.h"

namespace hublint {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

std::string Render(Format format, RenderStats* stats = nullptr) {
  return RenderReport(format, testing::HostileReport(), {}, stats);
}

TEST_CASE("every format is valid UTF-8 and says what it replaced") {
  for (const FormatInfo& info : AllFormats()) {
    CAPTURE(info.name);
    RenderStats stats;
    std::string out = Render(info.format, &stats);
    CHECK(IsValidUtf8(out));
    // dan's key and message (and the resource, logical name and fingerprint
    // input built from them) carried invalid bytes.
    CHECK(stats.invalid_utf8_strings == 4);
    CHECK(out.find("not valid UTF-8") != std::string::npos);
  }
}

TEST_CASE("text, Markdown and annotations cannot drive a terminal") {
  for (Format format : {Format::kText, Format::kMarkdown, Format::kGithub}) {
    std::string out = Render(format);
    CAPTURE(FormatName(format));
    CHECK(out.find('\x1b') == std::string::npos);
    CHECK(out.find('\x07') == std::string::npos);
    CHECK(out.find('\r') == std::string::npos);
    CHECK(out.find("\xE2\x80\xAE") == std::string::npos);  // RLO
    CHECK(out.find("\xC2\x9B") == std::string::npos);      // CSI
    // The escapes are visible instead (Markdown escapes the backslash).
    CHECK(out.find(format == Format::kMarkdown ? "\\\\x1b\\[2J" : "\\x1b[2J") !=
          std::string::npos);
    CHECK(out.find("\\u202e") != std::string::npos);
  }
}

TEST_CASE("JSON and SARIF parse, with the strings intact") {
  for (Format format : {Format::kJson, Format::kSarif}) {
    CAPTURE(FormatName(format));
    std::string out = Render(format);
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    REQUIRE(parser.parse(out).get(doc) == simdjson::SUCCESS);
    std::string_view first_message;
    if (format == Format::kJson) {
      REQUIRE(doc["findings"].at(0)["message"].get(first_message) ==
              simdjson::SUCCESS);
    } else {
      REQUIRE(doc["runs"].at(0)["results"].at(0)["message"]["text"].get(
                  first_message) == simdjson::SUCCESS);
    }
    CHECK(first_message == "alice said \"hi\" \\ and left");
  }
  std::string sarif = Render(Format::kSarif);
  // The file name is percent-encoded as a URI reference.
  CHECK(sarif.find("\"uri\": \"fixtures/orgs/my%20org%20%231%3F.json\"") !=
        std::string::npos);
  CHECK(sarif.find(Cat("invalid ", kReplacement, kReplacement, " UTF-8 ",
                       kReplacement, kReplacement, " from the API")) !=
        std::string::npos);
  // A duplicate tag is written once (SARIF tags are unique).
  CHECK(sarif.find("\"security\",\n                  \"cis-ssc:1.3.5\"") !=
        std::string::npos);
}

TEST_CASE("JUnit XML parses and gives the same strings back") {
  std::string xml = Render(Format::kJunit);
  absl::StatusOr<std::unique_ptr<testing::XmlElement>> root =
      testing::ParseXml(xml);
  REQUIRE_MESSAGE(root.ok(), root.status().ToString());
  std::vector<const testing::XmlElement*> cases = (*root)->FindAll("testcase");
  // The incomplete state, DH-CON-001 passing, the seven findings of
  // DH-MFA-001, DH-ROLE-001 and DH-TOK-001 passing.
  REQUIRE(cases.size() == 11);
  CHECK(cases[0]->Child("error")->Attr("type") == "incomplete-state");
  CHECK(cases[1]->Attr("classname") == "DH-CON-001");
  CHECK(cases[1]->children.empty());
  cases.erase(cases.begin());
  CHECK(cases[1]->Attr("name") == "member:alice\"quote\\backslash");
  CHECK(cases[2]->Attr("name") == "member:bob\nnewline");
  CHECK(cases[2]->Child("failure")->Attr("message") ==
        "line one\nline two\r\n::warning::injected");
  // XML 1.0 cannot hold these controls; DEL it can.
  CHECK(cases[3]->Attr("name") ==
        Cat("member:carol", kReplacement, kReplacement, kReplacement, "\x7f"));
  CHECK(cases[3]->Child("error")->Attr("type") == "review");
  CHECK(cases[6]->Attr("name") == "member:frank|pipe`tick`");
  CHECK(cases[6]->Child("failure")->text.find(
            "<script>alert(1)</script> ]]>") != std::string::npos);
  CHECK(cases[5]->Child("skipped")->Attr("message") ==
        "waived: approved by \"sec\" <team> & co\n::notice::x");
}

TEST_CASE("GitHub annotations stay one command per line") {
  std::string out = Render(Format::kGithub);
  int errors = 0, warnings = 0, lines = 0;
  for (size_t pos = 0; pos < out.size();) {
    size_t end = out.find('\n', pos);
    std::string_view line(out.data() + pos, end - pos);
    pos = end + 1;
    ++lines;
    CAPTURE(line);
    CHECK((line.starts_with("::") || line.starts_with("hublint: ")));
    if (line.starts_with("::error ")) ++errors;
    if (line.starts_with("::warning ")) ++warnings;
  }
  // alice, bob, dan, frank fail; carol is a review; erin and gina are
  // waived. Warnings: the gap, two notifications, carol.
  CHECK(errors == 4);
  CHECK(warnings == 4);
  CHECK(lines == 9);
  CHECK(out.find("title=DH-MFA-001 Members have two-factor authentication::"
                 "line one\\nline two\\r\\n::warning::injected\n") !=
        std::string::npos);
  CHECK(out.find("::error file=fixtures/orgs/my org #1?.json,line=45,col=5,"
                 "title=DH-MFA-001 Members have two-factor authentication::"
                 "50%25 of 1,000: done %2525 %250A\n") == std::string::npos);
}

TEST_CASE("Markdown keeps markup from the organization inert") {
  std::string md = Render(Format::kMarkdown);
  CHECK(md.find("<script>") == std::string::npos);
  CHECK(md.find("\\<script\\>alert(1)\\</script\\>") != std::string::npos);
  CHECK(md.find("| `` member:frank\\|pipe`tick` `` |") != std::string::npos);
  CHECK(md.find("\\[link\\](http://x)") != std::string::npos);
}

}  // namespace
}  // namespace hublint
