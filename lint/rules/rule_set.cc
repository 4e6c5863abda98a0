#include "lint/rules/rule_set.h"

#include <algorithm>

#include "lint/cel/diagnostic.h"
#include "lint/cel/parser.h"
#include "lint/rules/state_types.h"
#include "lint/util/source_text.h"
#include "lint/util/strings.h"

namespace hublint {
namespace {

cel::Type ParamType(const ParamValue& value) {
  switch (value.index()) {
    case 0:
      return cel::Type::Bool();
    case 1:
      return cel::Type::Int();
    case 2:
      return cel::Type::Double();
    case 3:
      return cel::Type::String();
    default:
      return cel::Type::List(cel::Type::String());
  }
}

// Compiles expressions of one rule, turning CEL diagnostics into
// diagnostics of the rule file.
class RuleCompiler {
 public:
  RuleCompiler(const Rule& rule, std::vector<std::string>* errors)
      : rule_(rule), file_(rule.path, rule.source_text), errors_(errors) {}

  // `what` names the part ("check", "variables.editors") in messages about
  // a wrong result type.
  std::optional<cel::Program> Compile(const ExpressionSource& source,
                                      size_t start, size_t length,
                                      const cel::Env& env,
                                      std::optional<cel::Type> expected,
                                      std::string_view what) {
    std::string_view text = std::string_view(source.text).substr(start, length);
    cel::CompileOptions options;
    options.expected_type = expected;
    std::vector<cel::Diagnostic> diagnostics;
    absl::StatusOr<cel::Program> program =
        cel::Compile(text, env, options, &diagnostics);
    if (program.ok()) return *std::move(program);
    if (diagnostics.empty()) {
      Error(source.FileOffset(start),
            Cat(what, ": ", ToStd(program.status().message())));
    }
    for (const cel::Diagnostic& d : diagnostics) {
      Error(source.FileOffset(start + static_cast<size_t>(d.offset)),
            d.message);
    }
    return std::nullopt;
  }

  void Error(size_t file_offset, std::string_view message) {
    errors_->push_back(file_.Diagnostic(file_offset, message));
  }

 private:
  const Rule& rule_;
  SourceText file_;
  std::vector<std::string>* errors_;
};

}  // namespace

absl::StatusOr<std::vector<TemplatePiece>> SplitTemplate(std::string_view text,
                                                         size_t* error_offset) {
  std::vector<TemplatePiece> pieces;
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find("{{", i);
    if (open == std::string_view::npos) {
      pieces.push_back({false, std::string(text.substr(i)), i});
      break;
    }
    if (open > i)
      pieces.push_back({false, std::string(text.substr(i, open - i)), i});
    size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos) {
      *error_offset = open;
      return absl::InvalidArgumentError("`{{` without a closing `}}`");
    }
    pieces.push_back(
        {true, std::string(text.substr(open + 2, close - open - 2)), open + 2});
    i = close + 2;
  }
  return pieces;
}

absl::StatusOr<RuleSet> RuleSet::Compile(std::vector<Rule> rules) {
  RuleSet set;
  std::vector<std::string> errors;
  for (Rule& rule : rules) {
    CompiledRule compiled;
    compiled.env = std::make_unique<cel::Env>();
    cel::Env& env = *compiled.env;
    compiled.org_var =
        *env.DeclareVariable("org", cel::Type::Struct(OrgType()));
    compiled.now_var = *env.DeclareVariable("now", cel::Type::Timestamp());
    if (rule.resource != ResourceKind::kOrg) {
      compiled.resource_var = *env.DeclareVariable(
          ResourceKindName(rule.resource),
          cel::Type::Struct(TypeOfResource(rule.resource)));
    }
    for (const auto& [name, value] : rule.params) {
      absl::StatusOr<int> index =
          env.DeclareVariable(Cat("params.", name), ParamType(value));
      if (index.ok()) compiled.param_vars.emplace_back(name, *index);
    }
    RuleCompiler compiler(rule, &errors);
    bool ok = true;
    // Variables see org, params, now and the variables before them, but not
    // the resource: they are computed once per run.
    compiled.variable_env = std::make_unique<cel::Env>();
    cel::Env& variable_env = *compiled.variable_env;
    (void)variable_env.DeclareVariable("org", cel::Type::Struct(OrgType()));
    (void)variable_env.DeclareVariable("now", cel::Type::Timestamp());
    for (const auto& [name, value] : rule.params) {
      (void)variable_env.DeclareVariable(Cat("params.", name),
                                         ParamType(value));
    }
    for (const auto& [name, source] : rule.variables) {
      std::optional<cel::Program> program =
          compiler.Compile(source, 0, source.text.size(), variable_env,
                           std::nullopt, Cat("variables.", name));
      if (!program) {
        ok = false;
        continue;
      }
      std::string qualified = Cat("variables.", name);
      (void)variable_env.DeclareVariable(qualified, program->result_type());
      absl::StatusOr<int> index =
          env.DeclareVariable(qualified, program->result_type());
      if (index.ok()) compiled.variable_vars.emplace_back(name, *index);
      compiled.variables.push_back(*std::move(program));
    }
    if (!rule.when.text.empty()) {
      compiled.when = compiler.Compile(rule.when, 0, rule.when.text.size(), env,
                                       cel::Type::Bool(), "when");
      ok &= compiled.when.has_value();
    }
    compiled.check = compiler.Compile(rule.check, 0, rule.check.text.size(),
                                      env, cel::Type::Bool(), "check");
    ok &= compiled.check.has_value();
    size_t error_offset = 0;
    absl::StatusOr<std::vector<TemplatePiece>> pieces =
        SplitTemplate(rule.message.text, &error_offset);
    if (!pieces.ok()) {
      compiler.Error(rule.message.FileOffset(error_offset),
                     ToStd(pieces.status().message()));
      ok = false;
    } else {
      for (const TemplatePiece& piece : *pieces) {
        if (!piece.is_expression) {
          compiled.message.push_back({piece.text, nullptr});
          continue;
        }
        std::optional<cel::Program> part =
            compiler.Compile(rule.message, piece.offset, piece.text.size(), env,
                             std::nullopt, "message");
        if (!part) {
          ok = false;
          continue;
        }
        compiled.message.push_back(
            {"", std::make_shared<cel::Program>(*std::move(part))});
      }
    }
    if (!ok) continue;
    compiled.reads_whole_org =
        ReadsOrgCollection(rule.check.text) ||
        ReadsOrgCollection(rule.when.text) ||
        std::any_of(rule.variables.begin(), rule.variables.end(),
                    [](const auto& v) { return ReadsOrgCollection(v.second.text); });
    compiled.rule = std::move(rule);
    set.rules_.push_back(std::move(compiled));
  }
  if (!errors.empty()) return absl::InvalidArgumentError(Join(errors, "\n"));
  std::sort(set.rules_.begin(), set.rules_.end(),
            [](const CompiledRule& a, const CompiledRule& b) {
              return a.rule.info.id < b.rule.info.id;
            });
  return set;
}

namespace {

bool SelectsOrgCollection(const cel::Expr* e) {
  if (e == nullptr) return false;
  if (e->kind == cel::ExprKind::kSelect && e->operand &&
      e->operand->kind == cel::ExprKind::kIdent && e->operand->name == "org") {
    static constexpr std::string_view kCollections[] = {
        "members",       "invites",      "teams",       "repositories",
        "access_tokens", "integrations", "audit_events"};
    for (std::string_view c : kCollections) {
      if (e->name == c) return true;
    }
  }
  if (SelectsOrgCollection(e->operand.get()) ||
      SelectsOrgCollection(e->predicate.get()) ||
      SelectsOrgCollection(e->transform.get())) {
    return true;
  }
  for (const std::unique_ptr<cel::Expr>& arg : e->args) {
    if (SelectsOrgCollection(arg.get())) return true;
  }
  return false;
}

}  // namespace

bool ReadsOrgCollection(std::string_view expression) {
  if (expression.empty()) return false;
  cel::ParseResult parsed = cel::Parse(expression);
  if (!parsed.expr) return true;
  return SelectsOrgCollection(parsed.expr.get());
}

const CompiledRule* RuleSet::Find(std::string_view id) const {
  for (const CompiledRule& r : rules_) {
    if (r.rule.info.id == id) return &r;
  }
  return nullptr;
}

}  // namespace hublint
