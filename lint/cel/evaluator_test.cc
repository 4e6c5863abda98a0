// Evaluation of the language, feature by feature: each table pairs an
// expression with the DebugString() of its result.

#include <doctest/doctest.h>

#include <string>

#include "lint/cel/testing/eval.h"
#include "lint/cel/testing/table.h"

namespace hublint::cel {
namespace {

void RunTable(std::initializer_list<testing::Case> cases) {
  testing::CheckTable(cases,
                      [](const char* input) { return testing::Run(input); });
}

TEST_CASE("literals") {
  RunTable({
      {"0", "0"},
      {"-9223372036854775808", "-9223372036854775808"},
      {"0x7fffffffffffffff", "9223372036854775807"},
      {"18446744073709551615u", "18446744073709551615u"},
      {"1.5e3", "1500.0"},
      {".25", "0.25"},
      {"'\\u00e9'", "\"\\303\\251\""},
      {"b'\\xff'", "b\"\\xff\""},
      {"r'\\d+'", "\"\\\\d+\""},
      {"'''a\nb'''", "\"a\\nb\""},
      {"null", "null"},
      {"[1, 'a', null]", "[1, \"a\", null]"},
      {"{'k': [1u]}", "{\"k\": [1u]}"},
  });
}

TEST_CASE("integer arithmetic is checked") {
  RunTable({
      {"7 / 2", "3"},
      {"-7 / 2", "-3"},
      {"-7 % 3", "-1"},
      {"7u % 3u", "1u"},
      {"9223372036854775807 + 1", "error(\"integer overflow\")"},
      {"-9223372036854775808 - 1", "error(\"integer overflow\")"},
      {"-9223372036854775808 / -1", "error(\"integer overflow\")"},
      {"-9223372036854775808 % -1", "error(\"integer overflow\")"},
      {"-(-9223372036854775808)", "error(\"integer overflow\")"},
      {"4611686018427387904 * 2", "error(\"integer overflow\")"},
      {"0u - 1u", "error(\"unsigned integer overflow\")"},
      {"18446744073709551615u * 2u", "error(\"unsigned integer overflow\")"},
      {"1 / 0", "error(\"division by zero\")"},
      {"1 % 0", "error(\"modulus by zero\")"},
      {"1u / 0u", "error(\"division by zero\")"},
  });
}

TEST_CASE("doubles follow IEEE 754") {
  RunTable({
      {"1.0 / 0.0", "Infinity"},
      {"-1.0 / 0.0", "-Infinity"},
      {"0.0 / 0.0 == 0.0 / 0.0", "false"},
      {"0.1 + 0.2", "0.30000000000000004"},
      {"2.0 * 3.5", "7.0"},
      {"-(1.5)", "-1.5"},
  });
}

TEST_CASE("comparisons, heterogeneous numbers included") {
  RunTable({
      {"1 == 1.0",
       "compile: 1:3: no matching overload for `_==_` applied to "
       "(int, double)\n1 == 1.0\n  ^"},
      {"dyn(1) == 1.0", "true"},
      {"dyn(1) == 1u", "true"},
      {"dyn(-1) == 18446744073709551615u", "false"},
      {"dyn('1') == 1", "false"},
      {"1 < 2u", "true"},
      {"-1 < 0u", "true"},
      {"2.5 > 2", "true"},
      {"dyn(9223372036854775807) < 9223372036854775808.0", "false"},
      {"'a' < 'b'", "true"},
      {"b'\\x00' < b'\\x01'", "true"},
      {"false < true", "true"},
      {"[1, 2] == [1, 2]", "true"},
      {"[1, 2] == [2, 1]", "false"},
      {"{'a': 1, 'b': 2} == {'b': 2, 'a': 1}", "true"},
      {"dyn([1]) < dyn([2])",
       "error(\"no matching overload for `_<_` applied to "
       "(list, list)\")"},
      {"null == null", "true"},
      {"dyn(null) == 0", "false"},
      {"type(1) == int", "true"},
      {"duration('1m') == duration('60s')", "true"},
  });
}

TEST_CASE("logic absorbs errors commutatively") {
  RunTable({
      {"false && 1/0 == 1", "false"},
      {"1/0 == 1 && false", "false"},
      {"true || 1/0 == 1", "true"},
      {"1/0 == 1 || true", "true"},
      {"true && 1/0 == 1", "error(\"division by zero\")"},
      {"1/0 == 1 || false", "error(\"division by zero\")"},
      {"!(1/0 == 1)", "error(\"division by zero\")"},
      {"!true", "false"},
      {"true ? 'a' : dyn(1/0)", "\"a\""},
      {"false ? dyn(1/0) : 'b'", "\"b\""},
      {"1/0 == 1 ? 'a' : 'b'", "error(\"division by zero\")"},
  });
}

TEST_CASE("lists and maps") {
  RunTable({
      {"[1, 2, 3][1]", "2"},
      {"[1, 2, 3][3]",
       "error(\"index 3 out of range for a list of 3 elements\")"},
      {"[1, 2, 3][-1]",
       "error(\"index -1 out of range for a list of 3 elements\")"},
      {"[1, 2] + [3]", "[1, 2, 3]"},
      {"size([1, 2])", "2"},
      {"[1, 2].size()", "2"},
      {"2 in [1, 2]", "true"},
      {"dyn(2.0) in [1, 2]", "true"},
      {"'a' in {'a': 1}", "true"},
      {"{'a': 1}['a']", "1"},
      {"{'a': 1}['b']", "error(\"no such key: \\\"b\\\"\")"},
      {"{'a': 1}.a", "1"},
      {"{'a': 1}.b", "error(\"no such key: \\\"b\\\"\")"},
      {"has({'a': 1}.a)", "true"},
      {"has({'a': 1}.b)", "false"},
      {"{1: 'x'}[dyn(1u)]", "\"x\""},
      {"{1: 'x'}[dyn(1.0)]", "\"x\""},
      {"{1: 'x', 1u: 'y'}", "error(\"duplicate map key: 1u\")"},
      {"size({'a': 1, 'b': 2})", "2"},
      {"size('héllo')", "5"},
      {"size(b'h\\xc3\\xa9')", "3"},
  });
}

TEST_CASE("macros") {
  RunTable({
      {"[1, 2, 3].all(x, x > 0)", "true"},
      {"[1, 2, 3].all(x, x > 1)", "false"},
      {"[].all(x, false)", "true"},
      {"[1, 2, 3].exists(x, x == 2)", "true"},
      {"[1, 2, 3].exists_one(x, x > 1)", "false"},
      {"[1, 2, 3].exists_one(x, x > 2)", "true"},
      {"[1, 2, 3].filter(x, x % 2 == 1)", "[1, 3]"},
      {"[1, 2, 3].map(x, x * 10)", "[10, 20, 30]"},
      {"[1, 2, 3].map(x, x > 1, x * 10)", "[20, 30]"},
      {"[1, 2, 3].filter(x, x > 1).size()", "2"},
      {"size([1, 2, 3].filter(x, x > 1))", "2"},
      {"{'a': 1, 'b': 2}.all(k, k != 'c')", "true"},
      {"{'a': 1, 'b': 2}.map(k, k + k)", "[\"aa\", \"bb\"]"},
      {"['a', 'b'].all(i, v, i < 2 && v != '')", "true"},
      {"{'a': 1}.exists(k, v, v == 1)", "true"},
      {"[5, 6].transformList(i, v, i + v)", "[5, 7]"},
      {"[5, 6].transformMap(i, v, v * 2)", "{0: 10, 1: 12}"},
      {"{'a': 1}.transformMap(k, v, v + 1)", "{\"a\": 2}"},
      {"[[1, 2], [3]].map(l, l.map(x, x * 2))", "[[2, 4], [6]]"},
      {"[1, 0].all(x, 1 / x > 0)", "error(\"division by zero\")"},
      {"[0, -1].all(x, 1 / x > 0)", "false"},
      {"[0, 1].exists(x, 1 / x > 0)", "true"},
      {"[0, 1].filter(x, 1 / x > 0)", "error(\"division by zero\")"},
      {"[1, 2].all(x, x)",
       "compile: 1:15: the condition of all() must be bool, not `int`\n"
       "[1, 2].all(x, x)\n"
       "              ^"},
      {"dyn(1).all(x, true)", "error(\"all() cannot iterate over a int\")"},
  });
}

TEST_CASE("string functions") {
  RunTable({
      {"'hello'.contains('ell')", "true"},
      {"'hello'.startsWith('he')", "true"},
      {"'hello'.endsWith('lo')", "true"},
      {"'hello'.matches('^h.*o$')", "true"},
      {"matches('hello', 'z')", "false"},
      {"'a' + 'b'", "\"ab\""},
      {"'abc'.matches('(')",
       "compile: 1:15: invalid regular expression: missing ): (\n"
       "'abc'.matches('(')\n"
       "              ^"},
      {"'abc'.matches(dyn('('))",  // constant: still checked at compile time
       "compile: 1:15: invalid regular expression: missing ): (\n"
       "'abc'.matches(dyn('('))\n"
       "              ^"},
      {"['(', 'z'].exists(p, 'abc'.matches(p))",  // computed: at run time
       "error(\"invalid regular expression: missing ): (\")"},
      {"['x', 'b'].exists(p, 'abc'.matches(p))", "true"},
      {"'abc'.matches('a' + 'b')", "true"},
  });
}

TEST_CASE("conversions") {
  RunTable({
      {"int('42')", "42"},
      {"int(' 42')", "error(\"cannot convert \\\" 42\\\" to int\")"},
      {"int(3.9)", "3"},
      {"int(-3.9)", "-3"},
      {"int(1e19)",
       "error(\"int() range error: the value does not fit in int\")"},
      {"int(18446744073709551615u)",
       "error(\"int() range error: the value does not fit in int\")"},
      {"uint(-1)", "error(\"uint() range error: negative value\")"},
      {"uint('7')", "7u"},
      {"double('1.5')", "1.5"},
      {"double('x')", "error(\"cannot convert \\\"x\\\" to double\")"},
      {"string(1.5)", "\"1.5\""},
      {"string(1e21)", "\"1e+21\""},
      {"string(100000.0)", "\"100000\""},
      {"string(true)", "\"true\""},
      {"string(b'\\xff')",
       "error(\"string() of bytes that are not valid UTF-8\")"},
      {"bytes('é')", "b\"\\xc3\\xa9\""},
      {"bool('True')", "true"},
      {"bool('yes')", "error(\"cannot convert \\\"yes\\\" to bool\")"},
      {"type('a')", "string"},
      {"type(type('a'))", "type"},
      {"type([])", "list"},
      {"type(null)", "null_type"},
      {"type(duration('1s'))", "google.protobuf.Duration"},
      {"dyn(1) + 1", "2"},
  });
}

TEST_CASE("timestamps and durations") {
  RunTable({
      {"timestamp('2024-02-29T12:30:00Z')",
       "timestamp(\"2024-02-29T12:30:00Z\")"},
      {"timestamp('2023-02-29T12:30:00Z')",
       "error(\"invalid timestamp \\\"2023-02-29T12:30:00Z\\\"\")"},
      {"timestamp('2024-01-01T00:00:00+02:00')",
       "timestamp(\"2023-12-31T22:00:00Z\")"},
      {"timestamp(0)", "timestamp(\"1970-01-01T00:00:00Z\")"},
      {"timestamp('2024-01-01T00:00:00Z') + duration('36h')",
       "timestamp(\"2024-01-02T12:00:00Z\")"},
      {"timestamp('2024-01-02T00:00:00Z') - timestamp('2024-01-01T00:00:00Z')",
       "duration(\"86400s\")"},
      {"duration('1h30m') + duration('15m')", "duration(\"6300s\")"},
      {"duration('1.5s')", "duration(\"1.5s\")"},
      {"duration('-1ms')", "duration(\"-0.001s\")"},
      {"duration('1 hour')", "error(\"invalid duration \\\"1 hour\\\"\")"},
      {"duration('10000000000s')",
       "error(\"duration \\\"10000000000s\\\" is out of range\")"},
      {"timestamp('9999-12-31T23:59:59Z') + duration('1s')",
       "error(\"timestamp out of range\")"},
      {"timestamp('2024-03-10T15:04:05.678Z').getFullYear()", "2024"},
      {"timestamp('2024-03-10T15:04:05.678Z').getMonth()", "2"},
      {"timestamp('2024-03-10T15:04:05.678Z').getDate()", "10"},
      {"timestamp('2024-03-10T15:04:05.678Z').getDayOfMonth()", "9"},
      {"timestamp('2024-03-10T15:04:05.678Z').getDayOfYear()", "69"},
      {"timestamp('2024-03-10T15:04:05.678Z').getDayOfWeek()", "0"},
      {"timestamp('2024-03-10T15:04:05.678Z').getHours()", "15"},
      {"timestamp('2024-03-10T15:04:05.678Z').getMinutes()", "4"},
      {"timestamp('2024-03-10T15:04:05.678Z').getSeconds()", "5"},
      {"timestamp('2024-03-10T15:04:05.678Z').getMilliseconds()", "678"},
      {"timestamp('2024-03-10T15:04:05Z').getHours('Europe/Paris')", "16"},
      {"timestamp('2024-03-10T15:04:05Z').getHours('-05:30')", "9"},
      {"timestamp('2024-03-10T15:04:05Z').getHours('Mars/Base')",
       "error(\"unknown time zone \\\"Mars/Base\\\"\")"},
      {"duration('90m').getHours()", "1"},
      {"duration('90m').getMinutes()", "90"},
      {"duration('1.5s').getMilliseconds()", "1500"},
      {"timestamp('2024-01-01T00:00:00Z') < timestamp('2024-01-02T00:00:00Z')",
       "true"},
      {"int(timestamp('2024-01-01T00:00:00Z'))", "1704067200"},
      {"string(timestamp('2024-01-01T00:00:00.5Z'))",
       "\"2024-01-01T00:00:00.5Z\""},
  });
}

TEST_CASE("identifiers that denote types") {
  RunTable({
      {"int", "int"},
      {"[int, uint, double, bool, string, bytes, list, map, null_type, type]",
       "[int, uint, double, bool, string, bytes, list, map, null_type, type]"},
  });
}

}  // namespace
}  // namespace hublint::cel
