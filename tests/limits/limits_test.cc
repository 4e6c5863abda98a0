// The fixed bounds of docs/robustness.md ("Limits"), through the readers
// users reach them by: for each, an input exactly at the bound reads (or
// fails for an unrelated reason), and one just over it fails with a clear
// message naming the place, never a crash or a stack overflow.
//
// Bounds tested elsewhere, beside their code: CEL expression length,
// nesting, syntax tree height and comprehension budget
// (lint/cel/limits_test.cc), message length (lint/rules/engine_test.cc),
// JSON nesting of the syntax checker (lint/json/json_syntax_test.cc), API
// response size (tests/hub/collect_test.cc).

#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>

#include "lint/cel/limits.h"
#include "lint/config/config_file.h"
#include "lint/json/json_syntax.h"
#include "lint/rules/rule_loader.h"
#include "lint/rules/rule_set.h"
#include "lint/state/snapshot_reader.h"
#include "lint/tfplan/plan_reader.h"
#include "lint/util/files.h"
#include "lint/util/strings.h"

namespace hublint {
namespace {

std::string Repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out.append(s);
  return out;
}

// `depth` levels of JSON in all: the top-level object and depth - 1 arrays.
std::string DeepArrays(int depth) {
  return Cat(Repeat("[", depth - 1), Repeat("]", depth - 1));
}

std::string StateNested(int depth) {
  return Cat(R"({"schema": "hublint/state/v1", "org": {"name": "acme"},)",
             "\n\"x-deep\": ", DeepArrays(depth), "}\n");
}

std::string PlanNested(int depth) {
  return Cat(R"({"format_version": "1.2", "resource_changes": [],)",
             "\n\"x-deep\": ", DeepArrays(depth), "}\n");
}

std::string RuleWith(std::string_view check) {
  return Cat(
      "id = \"T-LIM-001\"\ntitle = \"t\"\nlevel = \"warning\"\n"
      "security_severity = \"5.0\"\nresource = \"member\"\n"
      "check = '",
      check, "'\nmessage = \"m\"\nhelp = \"h\"\n");
}

absl::Status CompileRule(const std::string& text) {
  absl::StatusOr<Rule> rule = ParseRule(text, "rules/t/T-LIM-001.toml");
  if (!rule.ok()) return rule.status();
  std::vector<Rule> rules;
  rules.push_back(*std::move(rule));
  return RuleSet::Compile(std::move(rules)).status();
}

// A `check` of exactly `bytes` bytes.
std::string CheckOfLength(size_t bytes) {
  std::string_view head = "member.username != \"";
  return Cat(head, std::string(bytes - head.size() - 1, 'a'), "\"");
}

struct LimitCase {
  std::string name;
  std::function<absl::Status(int n)> read;  // reads an input of size n
  int limit;
  // The first line of the message of limit + 1, word for word; the lines
  // after it, when there are any, show the source line and a caret.
  std::string over_message;
};

TEST_CASE("Each bound: at it, fine; just over it, a clear error") {
  const LimitCase cases[] = {
      {"snapshot JSON nesting",
       [](int n) {
         return ReadSnapshot(StateNested(n), "deep.json").status();
       },
       SnapshotReadOptions().max_depth,
       "deep.json:2:74: nesting deeper than 64 levels"},
      {"Terraform plan JSON nesting",
       [](int n) {
         return ReadTerraformPlan(PlanNested(n), "plan.json").status();
       },
       TfPlanOptions().max_depth,
       "plan.json:2:74: not a Terraform plan: not valid JSON: nesting deeper "
       "than 64 levels"},
      {"CEL expression length in a rule",
       [](int n) { return CompileRule(RuleWith(CheckOfLength(n))); },
       static_cast<int>(cel::kMaxExpressionBytes),
       "rules/t/T-LIM-001.toml:6:16394: expression is 16385 bytes long; the "
       "limit is 16384"},
      {"CEL nesting in a rule",
       [](int n) {
         return CompileRule(
             RuleWith(Cat(Repeat("(", n), "true", Repeat(")", n))));
       },
       cel::kMaxNestingDepth,
       "rules/t/T-LIM-001.toml:6:75: expression nests more than 64 levels "
       "deep"},
  };
  for (const LimitCase& c : cases) {
    CAPTURE(c.name);
    absl::Status at = c.read(c.limit);
    CHECK_MESSAGE(at.ok(), ToStd(at.message()));
    absl::Status over = c.read(c.limit + 1);
    REQUIRE(!over.ok());
    std::string message(ToStd(over.message()));
    CHECK(message.substr(0, message.find('\n')) == c.over_message);
    size_t lines = std::count(message.begin(), message.end(), '\n');
    CHECK((lines == 0 || (lines == 2 && message.ends_with("^"))));
  }
}

TEST_CASE("TOML nesting: toml++'s bound, reported at the place") {
  // toml++ stops at 256 nested arrays or inline tables
  // (TOML_MAX_NESTED_VALUES); at 256 the value is refused for what it is.
  auto first_lines = [](int n) {
    std::string value = Cat(Repeat("[", n), Repeat("]", n));
    absl::StatusOr<Rule> rule =
        ParseRule(Cat(RuleWith("true"), "[params]\ndeep = ", value, "\n"),
                  "rules/t/T-LIM-001.toml");
    absl::StatusOr<Config> config =
        ParseConfigFile(Cat("deep = ", value, "\n"), ".hublint.toml");
    REQUIRE(!rule.ok());
    REQUIRE(!config.ok());
    std::string r(ToStd(rule.status().message()));
    std::string c(ToStd(config.status().message()));
    return Cat(r.substr(0, r.find('\n')), "\n", c.substr(0, c.find('\n')));
  };
  CHECK(first_lines(256) ==
        "rules/t/T-LIM-001.toml:10:9: `params.deep` must be an array of "
        "strings\n"
        ".hublint.toml:1:1: unknown key `deep`");
  CHECK(first_lines(257) ==
        "rules/t/T-LIM-001.toml:10:264: Error while parsing value: exceeded "
        "maximum nested value depth of 256 (TOML_MAX_NESTED_VALUES)\n"
        ".hublint.toml:1:264: Error while parsing value: exceeded maximum "
        "nested value depth of 256 (TOML_MAX_NESTED_VALUES)");
}

TEST_CASE("Input files over kMaxInputFileBytes are refused without reading") {
  std::filesystem::path dir = std::filesystem::temp_directory_path() /
                              Cat("hublint-limits-", ::getpid());
  std::filesystem::create_directories(dir);
  std::string path = (dir / "huge.json").string();
  // A sparse file: no disk space, but fstat() says 2 GiB and a byte.
  int fd = ::open(path.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0600);
  REQUIRE(fd >= 0);
  REQUIRE(::ftruncate(fd, static_cast<off_t>(kMaxInputFileBytes + 1)) == 0);
  ::close(fd);
  absl::StatusOr<OrgState> state = ReadSnapshotFile(path);
  CHECK(state.status().code() == absl::StatusCode::kResourceExhausted);
  CHECK(ToStd(state.status().message()) ==
        Cat(path, " is larger than the limit of 2147483648 bytes"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace hublint
