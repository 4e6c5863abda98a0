// The strings extension beyond what the conformance suite covers.

#include <doctest/doctest.h>

#include <string>

#include "lint/cel/testing/eval.h"
#include "lint/cel/testing/table.h"

namespace hublint::cel {
namespace {

std::string Run(const char* expr) { return testing::Run(expr); }

TEST_CASE("code point indexes") {
  testing::CheckTable(
      {
          {"'héllo'.charAt(1)", "\"\\303\\251\""},
          {"'héllo'.charAt(5)", "\"\""},
          {"'héllo'.charAt(6)",
           "error(\"charAt(): index 6 out of range for a string of length "
           "5\")"},
          {"'héllo'.indexOf('l')", "2"},
          {"'héllo'.indexOf('l', 3)", "3"},
          {"'héllo'.indexOf('x')", "-1"},
          {"'héllo'.lastIndexOf('l')", "3"},
          {"'héllo'.lastIndexOf('l', 2)", "2"},
          {"'héllo'.substring(1, 3)", "\"\\303\\251l\""},
          {"'héllo'.substring(5)", "\"\""},
          {"'héllo'.substring(3, 2)",
           "error(\"substring(): end index 2 is before start index 3\")"},
          {"'héllo'.reverse()", "\"oll\\303\\251h\""},
      },
      Run);
}

TEST_CASE("case, trim, replace, split, join, quote") {
  testing::CheckTable(
      {
          {"'MiXed É'.lowerAscii()", "\"mixed \\303\\211\""},
          {"'MiXed é'.upperAscii()", "\"MIXED \\303\\251\""},
          {"' \\t\\n x y \\u3000'.trim()", "\"x y\""},
          {"'aaa'.replace('a', 'b')", "\"bbb\""},
          {"'aaa'.replace('a', 'b', 2)", "\"bba\""},
          {"'aaa'.replace('a', 'b', 0)", "\"aaa\""},
          {"'ab'.replace('', '-')", "\"-a-b-\""},
          {"'a,b,,c'.split(',')", "[\"a\", \"b\", \"\", \"c\"]"},
          {"'a,b,c'.split(',', 2)", "[\"a\", \"b,c\"]"},
          {"'a,b,c'.split(',', 0)", "[]"},
          {"'abc'.split('')", "[\"a\", \"b\", \"c\"]"},
          {"'abc'.split('', 2)", "[\"a\", \"bc\"]"},
          {"''.split('')", "[]"},
          {"''.split(',')", "[\"\"]"},
          {"['a', 'b'].join()", "\"ab\""},
          {"['a', 'b'].join(', ')", "\"a, b\""},
          {"dyn(['a', 1]).join()",
           "error(\"join(): element 1 is a int, not a string\")"},
          {"strings.quote('a\"b\\\\c\\n')",
           "\"\\\"a\\\\\\\"b\\\\\\\\c\\\\n\\\"\""},
      },
      Run);
}

TEST_CASE("format") {
  testing::CheckTable(
      {
          {"'%s and %s'.format(['a', 1])", "\"a and 1\""},
          {"'%d%%'.format([50])", "\"50%\""},
          {"'%.2f'.format([3.14159])", "\"3.14\""},
          {"'%f'.format([2])", "\"2.000000\""},
          {"'%e'.format([1234.5])", "\"1.234500e+03\""},
          {"'%b %o %x %X'.format([10, 10, 255, 255])", "\"1010 12 ff FF\""},
          {"'%x'.format([-255])", "\"-ff\""},
          {"'%s'.format([{'b': 2, 'a': [1, null]}])",
           "\"{a: [1, null], b: 2}\""},
          {"'%s'.format([timestamp('2024-01-01T00:00:00Z')])",
           "\"2024-01-01T00:00:00Z\""},
          {"'%d'.format(['x'])",
           "error(\"format(): %d can only be used on integers, was given "
           "string\")"},
          {"'%s %s'.format([1])",
           "error(\"format(): clause 2 has no argument (1 given)\")"},
          {"'%q'.format([1])",
           "error(\"format(): unrecognized formatting clause `%q`\")"},
          {"'50%'.format([])", "error(\"format(): unterminated clause\")"},
      },
      Run);
}

}  // namespace
}  // namespace hublint::cel
