#include "lint/config/csv.h"

#include <doctest/doctest.h>

#include "lint/util/strings.h"

namespace hublint {
namespace {

std::vector<std::vector<std::string>> Rows(const CsvTable& table) {
  std::vector<std::vector<std::string>> rows = {table.header.fields};
  for (const CsvRecord& r : table.records) rows.push_back(r.fields);
  return rows;
}

TEST_CASE("Reads RFC 4180: quotes, doubled quotes, commas and line breaks") {
  SourceText source("x.csv",
                    "email,name,mfa\n"
                    "bob@contoso.com,\"Chen, Bob\",true\n"
                    "\"erin@contoso.com\",\"Erin \"\"E\"\" Walsh\",false\n"
                    "frank@contoso.com,\"two\nlines\",\n");
  absl::StatusOr<CsvTable> table = ParseCsv(source);
  INFO(ToStd(table.status().message()));
  REQUIRE(table.ok());
  CHECK(Rows(*table) == std::vector<std::vector<std::string>>{
                            {"email", "name", "mfa"},
                            {"bob@contoso.com", "Chen, Bob", "true"},
                            {"erin@contoso.com", "Erin \"E\" Walsh", "false"},
                            {"frank@contoso.com", "two\nlines", ""}});
  // Offsets point at each field's first byte (the quote when quoted).
  CHECK(source.PositionOf(table->records[0].offsets[1]) == TextPosition{2, 17});
  CHECK(source.PositionOf(table->records[2].offset) == TextPosition{4, 1});
}

TEST_CASE("A BOM is skipped; CRLF, a missing last newline, blank lines") {
  SourceText source("x.csv",
                    "\xEF\xBB\xBF\"email\",\"mfa\"\r\n\r\n"
                    "bob@contoso.com,True\r\n"
                    "erin@contoso.com,False");
  absl::StatusOr<CsvTable> table = ParseCsv(source);
  REQUIRE(table.ok());
  CHECK(Rows(*table) ==
        std::vector<std::vector<std::string>>{{"email", "mfa"},
                                              {"bob@contoso.com", "True"},
                                              {"erin@contoso.com", "False"}});
}

TEST_CASE("A header alone is a table without records") {
  absl::StatusOr<CsvTable> table = ParseCsv(SourceText("x.csv", "a,b\n"));
  REQUIRE(table.ok());
  CHECK(table->records.empty());
}

TEST_CASE("Every malformed CSV, word for word") {
  struct {
    const char* name;
    std::string text;
    const char* error;
  } cases[] = {
      {"empty", "", "x.csv:1:1: the file is empty; expected a header row"},
      {"only blank lines", "\n\r\n",
       "x.csv:1:1: the file is empty; expected a header row"},
      {"UTF-16",
       "\xFF\xFE"
       "e\0m\0",
       "x.csv: the file is UTF-16; export it as UTF-8 (\"CSV UTF-8\")"},
      {"not UTF-8", "email,mfa\nb\xE9@contoso.com,true\n",
       "x.csv:2:2: invalid UTF-8; export the file as UTF-8\n"
       "b\xE9@contoso.com,true\n"
       " ^"},
      {"unclosed quote", "email,mfa\n\"bob@contoso.com,true\n",
       "x.csv:2:1: quoted field is not closed\n"
       "\"bob@contoso.com,true\n"
       "^"},
      {"text after a closing quote", "email,mfa\n\"bob\"@contoso.com,true\n",
       "x.csv:2:6: expected `,` or the end of the line after a closing quote\n"
       "\"bob\"@contoso.com,true\n"
       "     ^"},
      {"quote in an unquoted field", "email,name\nbob@contoso.com,Bob \"B\"\n",
       "x.csv:2:21: quote inside an unquoted field; quote the whole field and "
       "double the quote (\"\")\n"
       "bob@contoso.com,Bob \"B\"\n"
       "                    ^"},
      {"too few fields", "email,mfa,name\nbob@contoso.com,true\n",
       "x.csv:2:1: this row has 2 fields; the header has 3\n"
       "bob@contoso.com,true\n"
       "^"},
      {"too many fields", "email,mfa\nbob@contoso.com,true,x\n",
       "x.csv:2:1: this row has 3 fields; the header has 2\n"
       "bob@contoso.com,true,x\n"
       "^"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    absl::StatusOr<CsvTable> table = ParseCsv(SourceText("x.csv", c.text));
    REQUIRE_FALSE(table.ok());
    CHECK(table.status().code() == absl::StatusCode::kInvalidArgument);
    CHECK(ToStd(table.status().message()) == c.error);
  }
}

}  // namespace
}  // namespace hublint
