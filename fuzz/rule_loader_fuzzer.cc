// Fuzzes the rule loader and compiler (lint/rules/rule_loader.h,
// rule_set.h): any bytes as a rule file either load and compile, or give a
// diagnostic. Covers TOML parsing (toml++), the rule schema, message
// templates, and compiling every CEL expression a rule holds.

#include "fuzz/fuzz_support.h"
#include "lint/rules/rule_loader.h"
#include "lint/rules/rule_set.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace hublint;
  absl::StatusOr<Rule> rule =
      ParseRule(fuzz::AsString(data, size), "rules/fuzz/FUZZ-001.toml");
  fuzz::RequireMessage(rule.status());
  if (!rule.ok()) return 0;
  std::vector<Rule> rules;
  rules.push_back(*std::move(rule));
  absl::StatusOr<RuleSet> compiled = RuleSet::Compile(std::move(rules));
  fuzz::RequireMessage(compiled.status());
  return 0;
}
