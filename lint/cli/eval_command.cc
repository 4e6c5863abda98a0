// hublint eval: the value of a CEL expression over a state, for rule
// authors (like `opa eval`).

#include <ostream>
#include <variant>

#include "lint/cel/activation.h"
#include "lint/cel/arena.h"
#include "lint/cel/conformance_encoding.h"
#include "lint/cel/plain_json.h"
#include "lint/cel/program.h"
#include "lint/cli/command.h"
#include "lint/cli/malloc_tuning.h"
#include "lint/cli/state_loading.h"
#include "lint/rules/state_types.h"
#include "lint/util/exit_code.h"
#include "lint/util/strings.h"

namespace hublint::cli {
namespace {

int RunEval(const ParsedArgs& args, CommandContext& ctx) {
  if (args.positional().size() != 1) {
    return UsageError("eval",
                      args.positional().empty()
                          ? "no expression: give one, like 'org.members.size()'"
                          : "give exactly one expression (quote it)",
                      ctx);
  }
  RestartWithMallocTuningIfWorthwhile(args, ctx);
  const std::string& expression = args.positional()[0];
  std::string format = args.Value("format").value_or("text");
  if (format != "text" && format != "json") {
    return UsageError(
        "eval", Cat("unknown format `", format, "`: use text or json"), ctx);
  }
  cel::Env env;
  cel::Arena arena;
  std::vector<std::pair<int, cel::Value>> bindings;
  for (const std::string& var : args.Values("var")) {
    size_t eq = var.find('=');
    if (eq == std::string::npos || eq == 0) {
      return UsageError("eval", Cat("--var takes NAME=JSON, got `", var, "`"),
                        ctx);
    }
    std::string name = var.substr(0, eq);
    absl::StatusOr<cel::Value> value =
        cel::ValueFromPlainJson(var.substr(eq + 1), &arena);
    if (!value.ok()) {
      return UsageError(
          "eval", Cat("--var ", name, ": ", ToStd(value.status().message())),
          ctx);
    }
    absl::StatusOr<int> index = env.DeclareVariable(name, cel::Type::Dyn());
    if (!index.ok()) {
      return UsageError(
          "eval", Cat("--var ", name, ": ", ToStd(index.status().message())),
          ctx);
    }
    bindings.emplace_back(*index, *value);
  }
  std::optional<OrgState> state;
  if (args.Has("state") || args.Has("tfplan")) {
    std::variant<OrgState, int> loaded = LoadStateForCheck("eval", args, ctx);
    if (int* code = std::get_if<int>(&loaded)) return *code;
    state = std::get<OrgState>(std::move(loaded));
    absl::StatusOr<int> org =
        env.DeclareVariable("org", cel::Type::Struct(OrgType()));
    absl::StatusOr<int> now =
        env.DeclareVariable("now", cel::Type::Timestamp());
    if (!org.ok() || !now.ok()) {
      return UsageError("eval",
                        "--var may not be called org or now with a state", ctx);
    }
    bindings.emplace_back(*org, cel::Value::Struct(OrgType(), &*state));
    bindings.emplace_back(
        *now,
        cel::Value::Timestamp(state->collected_at.value_or(ctx.clock.Now())));
  }
  absl::StatusOr<cel::Program> program = cel::Compile(expression, env);
  if (!program.ok()) {
    if (format == "json") {
      ctx.out << "{\"error\":"
              << cel::JsonQuote(ToStd(program.status().message())) << "}\n";
    } else {
      ctx.err << "hublint eval: " << ToStd(program.status().message()) << "\n";
    }
    return static_cast<int>(ExitCode::kUsage);
  }
  cel::Activation activation(&env);
  for (const auto& [index, value] : bindings) activation.Set(index, value);
  cel::Value result = program->Evaluate(activation, &arena);
  if (format == "json") {
    ctx.out << cel::EvalResultToJson(result) << "\n";
  } else if (result.is_error()) {
    ctx.err << "hublint eval: evaluation error: " << result.error_message()
            << "\n";
  } else {
    ctx.out << result.DebugString() << "\n";
  }
  return static_cast<int>(result.is_error() ? ExitCode::kFindings
                                            : ExitCode::kClean);
}

}  // namespace

Command EvalCommand() {
  return Command{
      .name = "eval",
      .summary = "evaluate a CEL expression against a state",
      .usage =
          "hublint eval [--state FILE | --tfplan FILE] [--var NAME=JSON]... "
          "EXPR",
      .description =
          "Prints the value of a CEL expression, for rule authors. With a "
          "state\n"
          "(or a plan), `org` is the organization and `now` its collection "
          "time,\n"
          "as rules see them. --format json prints exactly one line:\n"
          "{\"value\": V} (V in the CEL conformance suite's encoding), "
          "{\"error\":\n"
          "\"message\"} or {\"unknown\": [facts]}. A syntax or type error "
          "exits 2,\n"
          "an evaluation error exits 1.\n",
      .flags =
          {
              {"state", "FILE", "the state the expression sees as `org`"},
              {"tfplan", "FILE", "or a Terraform plan (on --state, if given)"},
              {"tf-dir", "DIR", "where the plan's .tf files are"},
              {"var", "NAME=JSON", "a variable for the expression, from JSON",
               true},
              {"format", "FMT", "text (default) or json"},
          },
      .run = RunEval,
  };
}

}  // namespace hublint::cli
