#include "lint/rules/engine.h"

#include <algorithm>
#include <atomic>
#include <deque>
#include <filesystem>
#include <optional>
#include <thread>

#include "lint/cel/activation.h"
#include "lint/cel/arena.h"
#include "lint/cel/double_format.h"
#include "lint/cel/unknown.h"
#include "lint/rules/state_types.h"
#include "lint/util/strings.h"
#include "lint/util/time_format.h"

namespace hublint {
namespace {

// How a value reads inside a message: strings bare, lists joined.
void AppendRendered(std::string* out, const cel::Value& v) {
  switch (v.kind()) {
    case cel::Kind::kString:
      out->append(v.string_value());
      return;
    case cel::Kind::kBool:
      out->append(v.bool_value() ? "true" : "false");
      return;
    case cel::Kind::kInt:
      Append(out, v.int_value());
      return;
    case cel::Kind::kUint:
      Append(out, v.uint_value());
      return;
    case cel::Kind::kDouble:
      out->append(cel::FormatDouble(v.double_value()));
      return;
    case cel::Kind::kTimestamp:
      out->append(FormatRfc3339(v.timestamp_value()));
      return;
    case cel::Kind::kNull:
      out->append("null");
      return;
    case cel::Kind::kList:
      for (size_t i = 0; i < v.list_size(); ++i) {
        if (i > 0) out->append(", ");
        AppendRendered(out, v.list_element(i));
      }
      return;
    case cel::Kind::kUnknown:
      out->append("(unknown)");
      return;
    case cel::Kind::kError:
      out->append("(error)");
      return;
    default:
      out->append(v.DebugString());
  }
}

// "two_factor_enabled of member:gina is unknown; ...", at most five facts.
std::string DescribeUnknowns(const cel::Value& v) {
  std::vector<std::string> facts;
  if (v.unknown_set() != nullptr) {
    for (const cel::UnknownAttribute& a : v.unknown_set()->Attributes()) {
      std::string fact = DescribeUnknown(a.path, a.type, a.object, a.field);
      if (std::find(facts.begin(), facts.end(), fact) == facts.end()) {
        facts.push_back(std::move(fact));
      }
    }
  }
  if (facts.empty()) return "a fact it needs is unknown";
  size_t shown = std::min<size_t>(facts.size(), 5);
  std::string out = Join(
      std::vector<std::string>(facts.begin(), facts.begin() + shown), "; ");
  if (facts.size() > shown) {
    Append(&out, "; and ", facts.size() - shown, " more");
  }
  return out;
}

// Parameter values as CEL values; list parameters need arrays that outlive
// the run, kept in `storage`.
cel::Value ParamToValue(const ParamValue& p,
                        std::deque<std::vector<cel::Value>>* storage) {
  switch (p.index()) {
    case 0:
      return cel::Value::Bool(std::get<bool>(p));
    case 1:
      return cel::Value::Int(std::get<int64_t>(p));
    case 2:
      return cel::Value::Double(std::get<double>(p));
    case 3:
      return cel::Value::String(std::get<std::string>(p));
    default: {
      std::vector<cel::Value>& list = storage->emplace_back();
      for (const std::string& s : std::get<std::vector<std::string>>(p)) {
        list.push_back(cel::Value::String(s));
      }
      return cel::Value::List(list);
    }
  }
}

// The repository-relative URI of each of the state's source files, made
// once per evaluation rather than once per finding (RepositoryUri() asks
// the file system for the working directory).
std::vector<std::string> SourceUris(const OrgState& state,
                                    const EvaluationOptions& options) {
  std::vector<std::string> uris;
  uris.reserve(state.source_files.size());
  for (const std::string& file : state.source_files) {
    uris.push_back(RepositoryUri(file, options.root));
  }
  return uris;
}

// Cuts `message` to kMaxMessageBytes at a UTF-8 character boundary.
std::string TruncateMessage(std::string message) {
  if (message.size() <= kMaxMessageBytes) return message;
  // Room for the suffix " …(N more bytes)" with the longest N a size_t
  // can print, so the result never exceeds the limit.
  constexpr std::string_view kSuffixWithoutCount = " …( more bytes)";
  constexpr size_t kMaxCountDigits = 20;
  size_t keep = kMaxMessageBytes - kSuffixWithoutCount.size() - kMaxCountDigits;
  // Step back over continuation bytes (10xxxxxx) to a character's start.
  while (keep > 0 && (static_cast<unsigned char>(message[keep]) & 0xC0) == 0x80)
    --keep;
  size_t dropped = message.size() - keep;
  message.resize(keep);
  Append(&message, " …(", dropped, " more bytes)");
  return message;
}

// Calls `fn(i)` for every i in [0, count), on up to `threads` threads.
template <typename Fn>
void InParallel(size_t count, int threads, Fn fn) {
  threads = std::min<int>(threads, static_cast<int>(count));
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < count; i = next++) fn(i);
  };
  if (threads <= 1) {
    work();
    return;
  }
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

// Resources one thread evaluates at a time: large enough that handing out
// a piece costs nothing next to it, small enough to share one rule's
// 100,000 members evenly.
constexpr size_t kResourcesPerPiece = 4096;

// One rule's run over the state: its parameters and variables bound once,
// then its resources evaluated in ranges, from any number of threads.
class RuleRun {
 public:
  RuleRun(const CompiledRule& rule, const OrgState& state,
          const EvaluationOptions& options,
          const std::vector<std::string>& source_uris);

  size_t resource_count() const { return resources_.size(); }

  // Evaluates the rule on resources [begin, end), appending what it finds.
  void Run(size_t begin, size_t end, std::vector<Finding>* findings) const;

 private:
  // Binds org, now and params in `activation`, by name.
  void BindCommon(cel::Activation* activation);
  Finding MakeFinding(const BoundResource& resource, FindingKind kind,
                      std::string message) const;
  std::string RenderMessage(const cel::Activation& activation,
                            cel::Arena* arena) const;

  const CompiledRule& rule_;
  const OrgState& state_;
  const EvaluationOptions& options_;
  const std::vector<std::string>& source_uris_;
  // Bound once; each Run() evaluates in a copy.
  cel::Activation activation_;
  std::deque<std::vector<cel::Value>> list_storage_;
  cel::Arena variable_arena_;  // holds the variables' values for the run
  std::vector<BoundResource> resources_;
};

void RuleRun::BindCommon(cel::Activation* activation) {
  absl::Time now = state_.collected_at.value_or(options_.fallback_now);
  (void)activation->Bind("org", cel::Value::Struct(OrgType(), &state_));
  (void)activation->Bind("now", cel::Value::Timestamp(now));
  const std::map<std::string, ParamValue>* overrides = nullptr;
  if (auto it = options_.params.find(rule_.rule.info.id);
      it != options_.params.end()) {
    overrides = &it->second;
  }
  for (const auto& [name, default_value] : rule_.rule.params) {
    const ParamValue* value = &default_value;
    if (overrides) {
      if (auto o = overrides->find(name); o != overrides->end())
        value = &o->second;
    }
    (void)activation->Bind(Cat("params.", name),
                           ParamToValue(*value, &list_storage_));
  }
}

Finding RuleRun::MakeFinding(const BoundResource& resource, FindingKind kind,
                             std::string message) const {
  const RuleInfo& info = rule_.rule.info;
  Finding f;
  f.rule_id = info.id;
  f.level = info.level;
  if (auto it = options_.levels.find(info.id); it != options_.levels.end())
    f.level = it->second;
  f.kind = kind;
  f.resource_kind = std::string(ResourceKindName(rule_.rule.resource));
  f.resource_key = std::string(resource.key);
  f.resource = Cat(f.resource_kind, ":", f.resource_key);
  f.logical_name =
      LogicalName(state_.org_name, rule_.rule.resource, resource.key);
  f.message = std::move(message);
  if (resource.location.file < source_uris_.size()) {
    f.location.uri = source_uris_[resource.location.file];
  }
  f.location.line = resource.location.line;
  f.location.column = resource.location.column;
  f.fingerprint = Fingerprint(f.rule_id, f.resource);
  return f;
}

std::string RuleRun::RenderMessage(const cel::Activation& activation,
                                   cel::Arena* arena) const {
  std::string out;
  for (const MessagePart& part : rule_.message) {
    if (!part.program) {
      out.append(part.text);
    } else {
      AppendRendered(&out, part.program->Evaluate(activation, arena));
    }
    if (out.size() > kMaxMessageBytes) break;
  }
  return TruncateMessage(std::move(out));
}

RuleRun::RuleRun(const CompiledRule& rule, const OrgState& state,
                 const EvaluationOptions& options,
                 const std::vector<std::string>& source_uris)
    : rule_(rule),
      state_(state),
      options_(options),
      source_uris_(source_uris),
      activation_(rule.env.get()) {
  BindCommon(&activation_);
  if (!rule_.variables.empty()) {
    cel::Activation variables(rule_.variable_env.get());
    BindCommon(&variables);
    for (size_t i = 0; i < rule_.variables.size(); ++i) {
      const std::string& name = rule_.rule.variables[i].first;
      cel::Value value =
          rule_.variables[i].Evaluate(variables, &variable_arena_);
      (void)variables.Bind(Cat("variables.", name), value);
      (void)activation_.Bind(Cat("variables.", name), value);
    }
  }
  resources_ = ResourcesOf(state_, rule_.rule.resource);
}

void RuleRun::Run(size_t begin, size_t end,
                  std::vector<Finding>* findings) const {
  // A state that shows only part of the organization cannot answer rules
  // that read its collections (counts of owners or editors, say).
  bool needs_whole_org = rule_.reads_whole_org;
  cel::Activation activation = activation_;
  cel::Arena arena;
  for (size_t i = begin; i < end; ++i) {
    const BoundResource& resource = resources_[i];
    arena.Reset();
    if (rule_.resource_var >= 0)
      activation.Set(rule_.resource_var, resource.value);
    if (rule_.when) {
      cel::Value applies = rule_.when->Evaluate(activation, &arena);
      if (applies.is_bool() && !applies.bool_value()) continue;
      if (applies.is_unknown()) {
        findings->push_back(
            MakeFinding(resource, FindingKind::kReview,
                        Cat("cannot tell whether the rule applies: ",
                            DescribeUnknowns(applies))));
        continue;
      }
      if (applies.is_error()) {
        findings->push_back(
            MakeFinding(resource, FindingKind::kReview,
                        Cat("the rule's `when` could not be evaluated: ",
                            applies.error_message())));
        continue;
      }
    }
    if (needs_whole_org && state_.source.partial_view) {
      findings->push_back(MakeFinding(
          resource, FindingKind::kReview,
          "needs the whole organization, but the state shows only part of it "
          "(a Terraform plan without --state)"));
      continue;
    }
    cel::Value verdict = rule_.check->Evaluate(activation, &arena);
    if (verdict.is_bool()) {
      if (!verdict.bool_value()) {
        findings->push_back(MakeFinding(resource, FindingKind::kFail,
                                        RenderMessage(activation, &arena)));
      }
    } else if (verdict.is_unknown()) {
      findings->push_back(
          MakeFinding(resource, FindingKind::kReview,
                      Cat("cannot decide: ", DescribeUnknowns(verdict))));
    } else if (verdict.is_error()) {
      findings->push_back(MakeFinding(
          resource, FindingKind::kReview,
          Cat("the check could not be evaluated: ", verdict.error_message())));
    } else {
      findings->push_back(
          MakeFinding(resource, FindingKind::kReview,
                      Cat("the check returned ", verdict.DebugString(),
                          ", not a boolean")));
    }
  }
}

}  // namespace

std::string RepositoryUri(const std::string& path, const std::string& root) {
  std::filesystem::path p(path);
  if (p.is_absolute()) {
    std::error_code ec;
    std::filesystem::path base = root.empty()
                                     ? std::filesystem::current_path(ec)
                                     : std::filesystem::path(root);
    std::filesystem::path relative = p.lexically_relative(base);
    if (!ec && !relative.empty() && *relative.begin() != "..") p = relative;
  }
  std::string uri = p.lexically_normal().generic_string();
  if (uri.starts_with("./")) uri.erase(0, 2);
  return uri;
}

std::string LogicalName(std::string_view org, ResourceKind kind,
                        std::string_view key) {
  switch (kind) {
    case ResourceKind::kOrg:
      return std::string(org);
    case ResourceKind::kMember:
      return Cat(org, "/members/", key);
    case ResourceKind::kTeam:
      return Cat(org, "/teams/", key);
    case ResourceKind::kRepository:
      return Cat(org, "/repositories/", key);
    case ResourceKind::kToken:
      return Cat(org, "/tokens/", key);
    case ResourceKind::kInvite:
      return Cat(org, "/invites/", key);
    case ResourceKind::kIntegration:
      return Cat(org, "/integrations/", key);
  }
  return std::string(org);
}

std::vector<Finding> EvaluateRule(const CompiledRule& rule,
                                  const OrgState& state,
                                  const EvaluationOptions& options) {
  std::vector<Finding> findings;
  std::vector<std::string> uris = SourceUris(state, options);
  RuleRun run(rule, state, options, uris);
  run.Run(0, run.resource_count(), &findings);
  std::sort(findings.begin(), findings.end(), FindingLess);
  return findings;
}

std::vector<Finding> Evaluate(const RuleSet& rules, const OrgState& state,
                              const EvaluationOptions& options) {
  const std::vector<CompiledRule>& all = rules.rules();
  int threads =
      options.threads > 0
          ? options.threads
          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::string> uris = SourceUris(state, options);
  // First each rule is prepared (its variables may count over every
  // member), then its resources are evaluated in pieces: the threads share
  // the work of one rule over 100,000 members rather than one each.
  std::vector<std::optional<RuleRun>> runs(all.size());
  InParallel(all.size(), threads,
             [&](size_t i) { runs[i].emplace(all[i], state, options, uris); });
  struct Piece {
    size_t rule, begin, end;
  };
  std::vector<Piece> pieces;
  for (size_t i = 0; i < all.size(); ++i) {
    size_t count = runs[i]->resource_count();
    for (size_t begin = 0; begin < count; begin += kResourcesPerPiece) {
      pieces.push_back({i, begin, std::min(count, begin + kResourcesPerPiece)});
    }
  }
  std::vector<std::vector<Finding>> per_piece(pieces.size());
  InParallel(pieces.size(), threads, [&](size_t p) {
    runs[pieces[p].rule]->Run(pieces[p].begin, pieces[p].end, &per_piece[p]);
  });
  std::vector<Finding> findings;
  for (std::vector<Finding>& f : per_piece) {
    std::move(f.begin(), f.end(), std::back_inserter(findings));
  }
  std::sort(findings.begin(), findings.end(), FindingLess);
  return findings;
}

}  // namespace hublint
