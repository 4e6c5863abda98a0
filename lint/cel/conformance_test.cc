// The CEL conformance suite (../shared/cel-conformance/conformance.json) run
// against this implementation.
//
// Every case of the core sections and of string_ext that needs no protobuf
// message types is compiled and evaluated with its bindings and declared
// variable types. The outcome must match the checked-in list of expected
// failures exactly, so a regression fails the test and so does a case that
// starts passing (remove it from the list). The actual list is also written
// to <build>/cel_conformance_failures.txt for easy regeneration, and the
// per-section counts are printed (docs/cel.md shows them).

#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "lint/cel/conformance_encoding.h"
#include "lint/cel/json_reader.h"
#include "lint/cel/program.h"
#include "lint/cel/strings.h"
#include "lint/cel/value_compare.h"

namespace hublint::cel {
namespace {

const std::set<std::string> kSections = {
    "basic",        "comparisons", "conversions", "fields",     "fp_math",
    "integer_math", "lists",       "logic",       "macros",     "macros2",
    "parse",        "plumbing",    "string",      "timestamps", "string_ext"};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A type of the suite's typeEnv: {"primitive": "INT64"}, {"listType": ...}.
bool DecodeType(const JsonNode& node, Type* type) {
  if (!node.is_object() || node.object_size() != 1) return false;
  std::string_view kind = node.member_key(0);
  const JsonNode& body = node.member_value(0);
  if (kind == "primitive") {
    std::string_view p = body.string_value();
    if (p == "INT64")
      *type = Type::Int();
    else if (p == "UINT64")
      *type = Type::Uint();
    else if (p == "DOUBLE")
      *type = Type::Double();
    else if (p == "BOOL")
      *type = Type::Bool();
    else if (p == "STRING")
      *type = Type::String();
    else if (p == "BYTES")
      *type = Type::Bytes();
    else
      return false;
    return true;
  }
  if (kind == "null") {
    *type = Type::Null();
    return true;
  }
  if (kind == "dyn") {
    *type = Type::Dyn();
    return true;
  }
  if (kind == "listType") {
    const JsonNode* elem = body.Find("elemType");
    Type e;
    if (elem == nullptr || !DecodeType(*elem, &e)) return false;
    *type = Type::List(e);
    return true;
  }
  if (kind == "mapType") {
    const JsonNode* k = body.Find("keyType");
    const JsonNode* v = body.Find("valueType");
    Type kt, vt;
    if (k == nullptr || v == nullptr || !DecodeType(*k, &kt) ||
        !DecodeType(*v, &vt)) {
      return false;
    }
    *type = Type::Map(kt, vt);
    return true;
  }
  if (kind == "wellKnown" || kind == "messageType") {
    std::string_view w = body.string_value();
    if (w == "TIMESTAMP" || w == "google.protobuf.Timestamp") {
      *type = Type::Timestamp();
    } else if (w == "DURATION" || w == "google.protobuf.Duration") {
      *type = Type::Duration();
    } else {
      return false;
    }
    return true;
  }
  return false;
}

// Equality as the suite means it: same kinds (1 and 1u differ), NaN equals
// NaN, maps compare without regard to order.
bool SameValue(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Kind::kDouble:
      return (std::isnan(a.double_value()) && std::isnan(b.double_value())) ||
             a.double_value() == b.double_value();
    case Kind::kList:
      if (a.list_size() != b.list_size()) return false;
      for (size_t i = 0; i < a.list_size(); ++i) {
        if (!SameValue(a.list_element(i), b.list_element(i))) return false;
      }
      return true;
    case Kind::kMap:
      if (a.map_size() != b.map_size()) return false;
      for (size_t i = 0; i < a.map_size(); ++i) {
        Value other;
        if (!b.map_find(a.map_key(i), &other) ||
            !SameValue(a.map_value(i), other)) {
          return false;
        }
      }
      return true;
    default:
      return ValuesEqual(a, b);
  }
}

struct Outcome {
  bool passed = false;
  std::string reason;  // why it failed
};

Outcome RunCase(const JsonNode& test) {
  Arena arena;
  Env env;
  if (const JsonNode* type_env = test.Find("typeEnv")) {
    for (size_t i = 0; i < type_env->array_size(); ++i) {
      const JsonNode& decl = type_env->element(i);
      const JsonNode* ident = decl.Find("ident");
      if (ident == nullptr) continue;  // function declarations are ignored
      Type type;
      const JsonNode* t = ident->Find("type");
      if (t == nullptr || !DecodeType(*t, &type)) {
        return {false, "unsupported type in typeEnv"};
      }
      if (!env.DeclareVariable(decl.Find("name")->string_value(), type).ok()) {
        return {false, "bad typeEnv name"};
      }
    }
  }
  const JsonNode* bindings = test.Find("bindings");
  if (bindings != nullptr) {
    for (size_t i = 0; i < bindings->object_size(); ++i) {
      std::string_view name = bindings->member_key(i);
      if (env.FindVariable(name) < 0 &&
          !env.DeclareVariable(name, Type::Dyn()).ok()) {
        return {false, "bad binding name"};
      }
    }
  }

  CompileOptions options;
  const JsonNode* disable = test.Find("disableCheck");
  options.check = disable == nullptr || !disable->bool_value();
  std::string expr(test.Find("expr")->string_value());
  absl::StatusOr<Program> program = Compile(expr, env, options);
  if (!program.ok()) {
    std::string message(StdView(program.status().message()));
    return {false, "compile: " + message.substr(0, message.find('\n'))};
  }

  const JsonNode* check_only = test.Find("checkOnly");
  if (check_only != nullptr && check_only->bool_value()) {
    const JsonNode* typed = test.Find("typedResult");
    const JsonNode* deduced = typed ? typed->Find("deducedType") : nullptr;
    Type expected;
    if (deduced == nullptr || !DecodeType(*deduced, &expected)) {
      return {false, "unsupported typedResult"};
    }
    if (program->result_type() == expected) return {true, ""};
    return {false, Cat("type ", program->result_type().DebugString())};
  }

  Activation activation(&env);
  if (bindings != nullptr) {
    for (size_t i = 0; i < bindings->object_size(); ++i) {
      const JsonNode* v = bindings->member_value(i).Find("value");
      if (v == nullptr) return {false, "unsupported binding"};
      absl::StatusOr<Value> value = ValueFromConformanceNode(*v, &arena);
      if (!value.ok()) {
        return {false, Cat("binding: ", StdView(value.status().message()))};
      }
      (void)activation.Bind(bindings->member_key(i), *value);
    }
  }
  Value result = program->Evaluate(activation, &arena);

  if (test.Find("evalError") != nullptr) {
    if (result.is_error()) return {true, ""};
    return {false, Cat("expected an error, got ", result.DebugString())};
  }
  Value expected = Value::Bool(true);
  if (const JsonNode* v = test.Find("value")) {
    absl::StatusOr<Value> decoded = ValueFromConformanceNode(*v, &arena);
    if (!decoded.ok()) {
      return {false,
              Cat("expected value: ", StdView(decoded.status().message()))};
    }
    expected = *decoded;
  }
  if (SameValue(result, expected)) return {true, ""};
  return {false,
          Cat("got ", result.DebugString(), ", want ", expected.DebugString())};
}

// Lines "section/subsection/name  # reason" -> reason.
std::map<std::string, std::string> ReadExpectedFailures(
    const std::string& path) {
  std::map<std::string, std::string> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t hash = line.find("  #");
    std::string key = line.substr(0, hash);
    while (!key.empty() && key.back() == ' ') key.pop_back();
    out[key] = hash == std::string::npos ? "" : line.substr(hash + 3);
  }
  return out;
}

TEST_CASE("the conformance suite passes except for the expected failures") {
  std::string json = ReadFile(std::string(HUBLINT_SHARED_DIR) +
                              "/cel-conformance/conformance.json");
  REQUIRE(!json.empty());
  absl::StatusOr<JsonDocument> doc = JsonDocument::Parse(json, 256);
  REQUIRE(doc.ok());
  const JsonNode* tests = doc->root().Find("tests");
  REQUIRE(tests != nullptr);

  struct Count {
    int passed = 0;
    int total = 0;
  };
  std::map<std::string, Count> counts;
  std::map<std::string, std::string> failures;
  std::map<std::string, int> seen;
  for (size_t i = 0; i < tests->array_size(); ++i) {
    const JsonNode& test = tests->element(i);
    std::string section(test.Find("section")->string_value());
    const JsonNode* proto = test.Find("uses_protobuf");
    if (!kSections.contains(section) || (proto && proto->bool_value())) {
      continue;
    }
    std::string key = Cat(section, "/", test.Find("subsection")->string_value(),
                          "/", test.Find("name")->string_value());
    // A few names repeat within a subsection; number the repeats.
    if (int n = ++seen[key]; n > 1) key = Cat(key, "#", n);
    Outcome outcome = RunCase(test);
    Count& c = counts[section];
    ++c.total;
    if (outcome.passed) {
      ++c.passed;
    } else {
      std::string reason = outcome.reason;
      for (char& ch : reason) {
        if (ch == '\n') ch = ' ';
      }
      failures[key] = reason.substr(0, 160);
    }
  }

  // The table of docs/cel.md.
  Count core;
  std::printf("| section | passed | cases |\n| --- | ---: | ---: |\n");
  for (const auto& [section, c] : counts) {
    std::printf("| %s | %d | %d |\n", section.c_str(), c.passed, c.total);
    if (section != "string_ext") {
      core.passed += c.passed;
      core.total += c.total;
    }
  }
  std::printf("| **core total** | %d | %d |\n", core.passed, core.total);
  CHECK(core.total == 1121);
  CHECK(core.passed * 100 >= core.total * 97);

  {
    std::ofstream out(std::string(HUBLINT_BINARY_DIR) +
                      "/cel_conformance_failures.txt");
    for (const auto& [key, reason] : failures) {
      out << key << "  # " << reason << "\n";
    }
  }
  std::map<std::string, std::string> expected = ReadExpectedFailures(
      std::string(HUBLINT_SOURCE_DIR) +
      "/lint/cel/testdata/conformance_expected_failures.txt");
  // (Not structured bindings: INFO captures in a lambda, which clang 14
  // does not allow for them.)
  for (const auto& failure : failures) {
    INFO(Cat("unexpected failure: ", failure.first, "  # ", failure.second));
    CHECK(expected.contains(failure.first));
  }
  for (const auto& known : expected) {
    INFO(Cat("now passes; remove it from conformance_expected_failures.txt: ",
             known.first));
    CHECK(failures.contains(known.first));
  }
}

}  // namespace
}  // namespace hublint::cel
