// Fuzzes CEL evaluation (lint/cel/program.h) over a fixed state: the
// organization of fixtures/orgs/connector-shared.json, as rules see it
// (`org`, `member`, `integration`, `token`, `now`, params). Each expression
// that compiles, with the type check or without it, is evaluated, and its
// result printed both ways `hublint eval` prints it. Evaluation never
// fails: it returns a value, an error or an unknown.
//
// The comprehension budget is lowered from 100,000,000 steps to 100,000 so
// that an expression that runs into it costs milliseconds, not seconds; the
// budget itself is what is tested.

#include "fuzz/fuzz_support.h"
#include "lint/cel/cel.h"
#include "lint/rules/state_types.h"
#include "lint/state/snapshot_reader.h"

namespace {

using hublint::cel::Type;
using hublint::cel::Value;

struct Fixture {
  hublint::OrgState state;
  hublint::cel::Env env;
  std::vector<std::pair<int, Value>> bindings;
  std::vector<Value> allow_list;
};

const Fixture& TheFixture() {
  static const Fixture* fixture = [] {
    auto* f = new Fixture;
    absl::StatusOr<hublint::OrgState> state = hublint::ReadSnapshot(
        hublint::fuzz::SourceFile("fixtures/orgs/connector-shared.json"),
        "fixtures/orgs/connector-shared.json");
    hublint::fuzz::Require(state.ok(), "the fixture state does not read");
    f->state = *std::move(state);
    const hublint::OrgState& s = f->state;
    hublint::fuzz::Require(!s.members.empty() && !s.integrations.empty() &&
                               !s.access_tokens.empty() && !s.teams.empty(),
                           "the fixture state lacks a resource kind");
    auto declare = [&](std::string_view name, Type type, Value value) {
      absl::StatusOr<int> index = f->env.DeclareVariable(name, type);
      hublint::fuzz::Require(index.ok(), "cannot declare a variable");
      f->bindings.emplace_back(*index, value);
    };
    f->allow_list = {Value::String("alice"), Value::String("carol")};
    declare("org", Type::Struct(hublint::OrgType()),
            Value::Struct(hublint::OrgType(), &s));
    declare("member", Type::Struct(hublint::MemberType()),
            Value::Struct(hublint::MemberType(), &s.members[1]));
    declare("team", Type::Struct(hublint::TeamType()),
            Value::Struct(hublint::TeamType(), &s.teams[0]));
    declare("token", Type::Struct(hublint::TokenType()),
            Value::Struct(hublint::TokenType(), &s.access_tokens[0]));
    declare("integration", Type::Struct(hublint::IntegrationType()),
            Value::Struct(hublint::IntegrationType(), &s.integrations[0]));
    declare("now", Type::Timestamp(), Value::Timestamp(*s.collected_at));
    declare("params.max_editors", Type::Int(), Value::Int(2));
    declare("params.allow", Type::List(Type::String()),
            Value::List(f->allow_list));
    return f;
  }();
  return *fixture;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace hublint;
  const Fixture& fixture = TheFixture();
  std::string expression = fuzz::AsString(data, size);
  cel::Activation activation(&fixture.env);
  for (const auto& [index, value] : fixture.bindings) {
    activation.Set(index, value);
  }
  cel::Arena arena;
  for (bool check : {true, false}) {
    cel::CompileOptions options;
    options.check = check;
    options.max_comprehension_steps = 100'000;
    absl::StatusOr<cel::Program> program =
        cel::Compile(expression, fixture.env, options);
    fuzz::RequireMessage(program.status());
    if (!program.ok()) continue;
    arena.Reset();
    Value result = program->Evaluate(activation, &arena);
    fuzz::Require(!result.DebugString().empty(), "an empty debug string");
    fuzz::Require(!cel::EvalResultToJson(result).empty(),
                  "an empty JSON result");
  }
  return 0;
}
