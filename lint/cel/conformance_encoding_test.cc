#include "lint/cel/conformance_encoding.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "lint/cel/strings.h"
#include "lint/cel/testing/eval.h"
#include "lint/cel/testing/table.h"
#include "lint/cel/testing/toy_host.h"
#include "lint/cel/value_builder.h"

namespace hublint::cel {
namespace {

// Evaluates `expr` and encodes the result ("encode error: ..." on failure).
std::string Encoded(const char* expr) {
  Env env;
  absl::StatusOr<Program> p = Compile(expr, env);
  REQUIRE(p.ok());
  Activation activation(&env);
  Arena arena;
  absl::StatusOr<std::string> json =
      ValueToConformanceJson(p->Evaluate(activation, &arena));
  if (!json.ok())
    return Cat("encode error: ", StdView(json.status().message()));
  return *json;
}

TEST_CASE("values encode as the conformance suite writes them") {
  testing::CheckTable(
      {
          {"null", R"({"nullValue":null})"},
          {"true", R"({"boolValue":true})"},
          {"-3", R"({"int64Value":"-3"})"},
          {"18446744073709551615u",
           R"({"uint64Value":"18446744073709551615"})"},
          {"1.5", R"({"doubleValue":1.5})"},
          {"1e300 * 1e10", R"({"doubleValue":"Infinity"})"},
          {"-1e300 * 1e10", R"({"doubleValue":"-Infinity"})"},
          {"0.0 / 0.0", R"({"doubleValue":"NaN"})"},
          {"double(9223372036854775807)",
           R"({"doubleValue":9223372036854776000})"},
          {"'a\"b\\\\c\\n\\u0001é'", R"({"stringValue":"a\"b\\c\n\u0001é"})"},
          {"b'\\x00\\xff'", R"({"bytesValue":"AP8="})"},
          {"int", R"({"typeValue":"int"})"},
          {"[]", R"({"listValue":{}})"},
          {"[1, 'a']",
           R"({"listValue":{"values":[{"int64Value":"1"},{"stringValue":"a"}]}})"},
          {"{}", R"({"mapValue":{}})"},
          {"{'k': 2u}",
           R"({"mapValue":{"entries":[{"key":{"stringValue":"k"},"value":{"uint64Value":"2"}}]}})"},
          {"timestamp('2009-02-13T23:31:30.5Z')",
           R"({"objectValue":{"@type":"type.googleapis.com/google.protobuf.Timestamp","value":"2009-02-13T23:31:30.5Z"}})"},
          {"duration('1.5s')",
           R"({"objectValue":{"@type":"type.googleapis.com/google.protobuf.Duration","value":"1.5s"}})"},
          {"1 / 0", "encode error: an error value has no encoding"},
      },
      Encoded);
}

TEST_CASE("decoding inverts encoding") {
  const char* encodings[] = {
      R"({"nullValue":null})",
      R"({"boolValue":false})",
      R"({"int64Value":"-9223372036854775808"})",
      R"({"uint64Value":"18446744073709551615"})",
      R"({"doubleValue":0.1})",
      R"({"doubleValue":"-Infinity"})",
      R"({"stringValue":"\u00e9\n"})",
      R"({"bytesValue":"AP8="})",
      R"({"typeValue":"google.protobuf.Duration"})",
      R"({"listValue":{"values":[{"listValue":{}},{"mapValue":{}}]}})",
      R"({"mapValue":{"entries":[{"key":{"int64Value":"1"},"value":{"boolValue":true}}]}})",
      R"({"objectValue":{"@type":"type.googleapis.com/google.protobuf.Timestamp","value":"2009-02-13T23:31:30Z"}})",
  };
  for (const char* json : encodings) {
    std::string input = json;
    CAPTURE(input);
    Arena arena;
    absl::StatusOr<Value> v = ValueFromConformanceJson(json, &arena);
    REQUIRE(v.ok());
    absl::StatusOr<std::string> again = ValueToConformanceJson(*v);
    REQUIRE(again.ok());
    // Re-decode and re-encode: a fixed point.
    absl::StatusOr<Value> v2 = ValueFromConformanceJson(*again, &arena);
    REQUIRE(v2.ok());
    CHECK(*ValueToConformanceJson(*v2) == *again);
  }
  Arena arena;
  absl::StatusOr<Value> number = ValueFromConformanceJson(
      R"({"doubleValue": 18446744073709552000})", &arena);
  REQUIRE(number.ok());
  CHECK(number->double_value() == 18446744073709552000.0);
  absl::StatusOr<Value> int_number =
      ValueFromConformanceJson(R"({"int64Value": 3})", &arena);
  REQUIRE(int_number.ok());
  CHECK(int_number->int_value() == 3);
}

TEST_CASE("malformed encodings are errors") {
  testing::CheckTable(
      {
          {"", "invalid JSON: Empty: no JSON found"},
          {"{}",
           "invalid conformance value: expected an object with one "
           "member"},
          {R"({"int64Value":"x"})", "invalid conformance value: int64Value"},
          {R"({"int64Value":"9223372036854775808"})",
           "invalid conformance value: int64Value"},
          {R"({"bytesValue":"!!"})", "invalid conformance value: bytesValue"},
          {R"({"fooValue":1})",
           "invalid conformance value: unknown kind \"fooValue\""},
          {R"({"mapValue":{"entries":[{"key":{"doubleValue":1},"value":{"nullValue":null}}]}})",
           "unsupported map key type: double"},
          {R"({"objectValue":{"@type":"type.googleapis.com/x.Y","value":"z"}})",
           "unsupported object type type.googleapis.com/x.Y"},
          {R"({"nullValue":null} x)",
           "invalid JSON: JSON document ended early in the middle of an "
           "object or array."},
      },
      [](const char* input) {
        Arena arena;
        absl::StatusOr<Value> v = ValueFromConformanceJson(input, &arena);
        return v.ok() ? std::string("ok")
                      : std::string(StdView(v.status().message()));
      });
}

TEST_CASE("evaluation results as one JSON line") {
  Arena arena;
  CHECK(EvalResultToJson(Value::Int(3)) == R"({"value":{"int64Value":"3"}})");
  CHECK(EvalResultToJson(Value::Error("division by zero")) ==
        R"({"error":"division by zero"})");
  CHECK(EvalResultToJson(MakeString(&arena, "x")) ==
        R"({"value":{"stringValue":"x"}})");
}

TEST_CASE("host structs encode as maps of their known fields") {
  testing::Person p;
  p.name = "ann";
  p.role = "member";
  p.age = 7;
  absl::StatusOr<std::string> json =
      ValueToConformanceJson(Value::Struct(testing::PersonType(), &p));
  REQUIRE(json.ok());
  // two_factor (unknown) is left out; last_login and manager are null.
  CHECK(*json ==
        R"({"mapValue":{"entries":[)"
        R"({"key":{"stringValue":"name"},"value":{"stringValue":"ann"}},)"
        R"({"key":{"stringValue":"role"},"value":{"stringValue":"member"}},)"
        R"({"key":{"stringValue":"age"},"value":{"int64Value":"7"}},)"
        R"({"key":{"stringValue":"tags"},"value":{"listValue":{}}},)"
        R"({"key":{"stringValue":"last_login"},"value":{"nullValue":null}},)"
        R"({"key":{"stringValue":"manager"},"value":{"nullValue":null}},)"
        R"({"key":{"stringValue":"teams"},"value":{"listValue":{}}}]}})");
}

}  // namespace
}  // namespace hublint::cel
