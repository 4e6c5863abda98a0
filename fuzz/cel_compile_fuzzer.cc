// Fuzzes the CEL front end (lint/cel/program.h): the lexer, the parser with
// its macros, name resolution, the type checker and the planner. Any bytes
// as an expression either compile or give diagnostics; both with the type
// check (as rules are compiled) and without it (as `hublint eval` and the
// conformance suite's "disableCheck" tests compile).

#include "fuzz/fuzz_support.h"
#include "lint/cel/cel.h"
#include "lint/rules/state_types.h"

namespace {

const hublint::cel::Env& RuleEnv() {
  using hublint::cel::Type;
  static const hublint::cel::Env* env = [] {
    auto* e = new hublint::cel::Env;
    (void)e->DeclareVariable("org", Type::Struct(hublint::OrgType()));
    (void)e->DeclareVariable("member", Type::Struct(hublint::MemberType()));
    (void)e->DeclareVariable("now", Type::Timestamp());
    (void)e->DeclareVariable("params.max_editors", Type::Int());
    (void)e->DeclareVariable("params.allow", Type::List(Type::String()));
    (void)e->DeclareVariable("x", Type::Dyn());
    return e;
  }();
  return *env;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace hublint;
  std::string expression = fuzz::AsString(data, size);
  for (bool check : {true, false}) {
    cel::CompileOptions options;
    options.check = check;
    std::vector<cel::Diagnostic> diagnostics;
    absl::StatusOr<cel::Program> program =
        cel::Compile(expression, RuleEnv(), options, &diagnostics);
    fuzz::RequireMessage(program.status());
    fuzz::Require(program.ok() == diagnostics.empty(),
                  "diagnostics do not match the result");
  }
  return 0;
}
