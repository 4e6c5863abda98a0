#include "lint/cel/plain_json.h"

#include <doctest/doctest.h>

#include <string>

#include "lint/cel/strings.h"
#include "lint/cel/testing/table.h"

namespace hublint::cel {
namespace {

std::string Convert(const char* json) {
  Arena arena;
  absl::StatusOr<Value> v = ValueFromPlainJson(json, &arena);
  if (!v.ok()) return Cat("error: ", StdView(v.status().message()));
  return v->DebugString();
}

TEST_CASE("plain JSON becomes CEL values") {
  testing::CheckTable(
      {
          {"null", "null"},
          {"true", "true"},
          {"3", "3"},
          {"-3", "-3"},
          {"9223372036854775808", "9223372036854775808u"},
          {"1e3", "1000.0"},
          {"1.0", "1.0"},
          {"100000000000000000000000", "1e+23"},
          {"\"a\\u00e9\"", "\"a\\303\\251\""},
          {"[1, \"a\", [true]]", "[1, \"a\", [true]]"},
          {"{\"b\": 1, \"a\": {\"c\": null}}",
           "{\"b\": 1, \"a\": {\"c\": null}}"},
          {"  [ ]  ", "[]"},
          {"{\"a\": 1, \"a\": 2}", "error: duplicate map key: \"a\""},
          {"[1,",
           "error: invalid JSON: JSON document ended early in the "
           "middle of an object or array."},
          {"[1] 2",
           "error: invalid JSON: JSON document ended early in the "
           "middle of an object or array."},
          {"1 2",
           "error: invalid JSON: Unexpected trailing content in the JSON "
           "input."},
      },
      Convert);
}

TEST_CASE("nesting is limited") {
  std::string deep(129, '[');
  deep += std::string(129, ']');
  CHECK(Convert(deep.c_str()) ==
        "error: JSON nested more than 128 levels deep");
  std::string ok(128, '[');
  ok += std::string(128, ']');
  CHECK(Convert(ok.c_str()).substr(0, 4) == "[[[[");
}

}  // namespace
}  // namespace hublint::cel
