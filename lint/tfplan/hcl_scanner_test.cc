#include "lint/tfplan/hcl_scanner.h"

#include <doctest/doctest.h>

#include "lint/util/strings.h"

namespace hublint {
namespace {

// A stable one-line form of the blocks found: "resource T.N@L:C",
// "module M(source)@L:C".
std::string Dump(const std::vector<HclBlock>& blocks) {
  std::vector<std::string> parts;
  for (const HclBlock& b : blocks) {
    if (b.kind == HclBlock::Kind::kResource) {
      parts.push_back(
          Cat("resource ", b.type, ".", b.name, "@", b.line, ":", b.column));
    } else {
      parts.push_back(Cat("module ", b.name, "(", b.source.value_or("?"), ")@",
                          b.line, ":", b.column));
    }
  }
  return Join(parts, " ");
}

TEST_CASE("Finds top-level resource and module blocks, and only those") {
  struct {
    const char* name;
    const char* text;
    const char* blocks;
  } cases[] = {
      {"plain", "resource \"docker_org_member\" \"alice\" {\n  role = 1\n}\n",
       "resource docker_org_member.alice@1:1"},
      {"bare labels and indentation",
       "\n  resource docker_org_team team_a {}\n",
       "resource docker_org_team.team_a@2:3"},
      {"module with its source",
       "module \"members\" {\n  source = \"./modules/members\"\n  x = { "
       "source = \"nested\" }\n}\n",
       "module members(./modules/members)@1:1"},
      {"module source that is not a literal",
       "module \"m\" {\n  source = \"${var.dir}/m\"\n}\n", "module m(?)@1:1"},
      {"blocks inside blocks are not top level",
       "resource \"a\" \"b\" {\n  dynamic \"x\" {\n    content {\n      "
       "resource \"c\" \"d\" {}\n    }\n  }\n}\n",
       "resource a.b@1:1"},
      {"comments of every kind",
       "# resource \"a\" \"hash\" {\n// resource \"a\" \"slashes\" {\n"
       "/* resource \"a\" \"block\" {\n*/ resource \"a\" \"real\" {}\n",
       "resource a.real@4:4"},
      {"strings with braces, escapes and templates",
       "resource \"a\" \"b\" {\n  x = \"}}} \\\" ${lookup(m, \"}\")} "
       "%{ if true }{%{ endif }\"\n}\nresource \"a\" \"c\" {}\n",
       "resource a.b@1:1 resource a.c@4:1"},
      {"escaped template markers stay text",
       "resource \"a\" \"b\" {\n  x = \"$${ {\"\n}\nresource \"a\" \"c\" {}\n",
       "resource a.b@1:1 resource a.c@4:1"},
      {"heredocs, indented or not",
       "resource \"a\" \"b\" {\n  x = <<-EOT\n    }\n    resource \"a\" "
       "\"fake\" {\n  EOT\n  y = <<EOF\n{\nEOF\n}\nresource \"a\" \"c\" {}\n",
       "resource a.b@1:1 resource a.c@10:1"},
      {"a label with a template is no block we know",
       "resource \"a\" \"${x}\" {}\nresource \"a\" \"ok\" {}\n",
       "resource a.ok@2:1"},
      {"labels and brace must share the line",
       "resource \"a\" \"b\"\n{}\nresource \"a\" \"c\" {}\n",
       "resource a.c@3:1"},
      {"wrong label counts", "resource \"a\" {}\nmodule \"a\" \"b\" {}\n", ""},
      {"data and other blocks are skipped",
       "data \"docker_org_team\" \"x\" {}\nvariable \"resource\" {}\n"
       "locals { resource = 1 }\n",
       ""},
      {"unterminated string ends at its line",
       "resource \"a\" \"b\" {\n  x = \"oops\n}\nresource \"a\" \"c\" {}\n",
       "resource a.b@1:1 resource a.c@4:1"},
      {"unterminated block comment and heredoc end the file",
       "resource \"a\" \"b\" {}\n/* resource \"a\" \"c\" {}\n",
       "resource a.b@1:1"},
      {"CRLF line ends",
       "resource \"a\" \"b\" {\r\n}\r\nresource \"a\" \"c\" {\r\n}\r\n",
       "resource a.b@1:1 resource a.c@3:1"},
      {"empty", "", ""},
  };
  for (const auto& c : cases) {
    INFO(std::string(c.name));
    CHECK(Dump(ScanHclBlocks(c.text)) == c.blocks);
  }
}

TEST_CASE("Never reads past the end, whatever the input ends with") {
  // Run under HUBLINT_SANITIZE to see an overrun; here: no crash, and the
  // block before the tail stands.
  for (std::string_view tail :
       {"\"", "\\", "<<", "<<-E", "<<EOT\n", "/*", "/", "${", "resource",
        "resource \"a", "resource \"a\" \"b\"",
        "module \"m\" { source =", "module \"m\" { source = \"x"}) {
    CAPTURE(tail);
    std::string text = Cat("resource \"a\" \"b\" {}\n", tail);
    CHECK(Dump(ScanHclBlocks(text)).starts_with("resource a.b@1:1"));
  }
}

}  // namespace
}  // namespace hublint
