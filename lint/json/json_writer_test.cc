#include "lint/json/json_writer.h"

#include <doctest/doctest.h>

#include <limits>

namespace hublint {
namespace {

TEST_CASE("Pretty output matches JSON.stringify(v, null, 2)") {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("name", "contoso");
  w.Key("empty_list");
  w.BeginArray();
  w.EndArray();
  w.Key("empty_object");
  w.BeginObject();
  w.EndObject();
  w.Key("list");
  w.BeginArray();
  w.Int(1);
  w.Bool(false);
  w.Null();
  w.EndArray();
  w.EndObject();
  CHECK(out ==
        "{\n"
        "  \"name\": \"contoso\",\n"
        "  \"empty_list\": [],\n"
        "  \"empty_object\": {},\n"
        "  \"list\": [\n"
        "    1,\n"
        "    false,\n"
        "    null\n"
        "  ]\n"
        "}");
}

TEST_CASE("Compact output") {
  std::string out;
  JsonWriter w(&out, 0);
  w.BeginObject();
  w.Key("a");
  w.BeginArray();
  w.Uint(18446744073709551615u);
  w.Double(1.5);
  w.Double(std::numeric_limits<double>::quiet_NaN());
  w.EndArray();
  w.EndObject();
  CHECK(out == "{\"a\":[18446744073709551615,1.5,null]}");
}

TEST_CASE("Strings are escaped and repaired, never invalid") {
  struct {
    std::string input;
    std::string quoted;
  } cases[] = {
      {"plain", "\"plain\""},
      {"quote \" and \\ backslash", "\"quote \\\" and \\\\ backslash\""},
      {"line\nbreak\ttab\r", "\"line\\nbreak\\ttab\\r\""},
      {std::string("nul\0byte", 8), "\"nul\\u0000byte\""},
      {"bell\x07 del\x7F", "\"bell\\u0007 del\\u007f\""},
      {"emoji \xF0\x9F\x90\xB3", "\"emoji \xF0\x9F\x90\xB3\""},
      {"bad \xFF byte", "\"bad \xEF\xBF\xBD byte\""},
      {"</script>", "\"</script>\""},
      {"back\bform\f", "\"back\\bform\\f\""},
      {"\"both ends\"", "\"\\\"both ends\\\"\""},
      {"", "\"\""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.input);
    CHECK(JsonQuote(c.input) == c.quoted);
  }
  std::string out;
  JsonWriter w(&out);
  w.String("ok");
  CHECK_FALSE(w.replaced_invalid_utf8());
  w.String("\xC3");
  CHECK(w.replaced_invalid_utf8());
}

}  // namespace
}  // namespace hublint
