// contains() startsWith() endsWith() matches() on strings.

#include "lint/cel/strings.h"

#include "lint/cel/functions/functions.h"
#include "lint/cel/regex_cache.h"

namespace hublint::cel::functions {
namespace {

bool TwoStrings(const Value* args, int count) {
  return count == 2 && args[0].kind() == Kind::kString &&
         args[1].kind() == Kind::kString;
}

}  // namespace

Value Contains(const Value* args, int count, const CallContext& ctx) {
  if (!TwoStrings(args, count)) {
    return NoMatchingOverload(ctx, "contains", args, count);
  }
  return Value::Bool(args[0].string_value().find(args[1].string_value()) !=
                     std::string_view::npos);
}

Value StartsWith(const Value* args, int count, const CallContext& ctx) {
  if (!TwoStrings(args, count)) {
    return NoMatchingOverload(ctx, "startsWith", args, count);
  }
  return Value::Bool(
      args[0].string_value().starts_with(args[1].string_value()));
}

Value EndsWith(const Value* args, int count, const CallContext& ctx) {
  if (!TwoStrings(args, count)) {
    return NoMatchingOverload(ctx, "endsWith", args, count);
  }
  return Value::Bool(args[0].string_value().ends_with(args[1].string_value()));
}

Value Matches(const Value* args, int count, const CallContext& ctx) {
  if (!TwoStrings(args, count)) {
    return NoMatchingOverload(ctx, "matches", args, count);
  }
  std::string_view text = args[0].string_value();
  re2::StringPiece piece(text.data(), text.size());
  if (ctx.regex != nullptr) {
    return Value::Bool(re2::RE2::PartialMatch(piece, *ctx.regex));
  }
  if (ctx.regex_cache == nullptr) {
    return ctx.Error("matches() with a computed pattern is not available");
  }
  absl::StatusOr<std::shared_ptr<const re2::RE2>> re =
      ctx.regex_cache->Get(args[1].string_value());
  if (!re.ok()) return ctx.Errorf(StdView(re.status().message()));
  return Value::Bool(re2::RE2::PartialMatch(piece, **re));
}

}  // namespace hublint::cel::functions
