// "...".format([args]) of the strings extension. Clauses:
//
//   %s  any value as text (lists as [a, b], maps as {k: v} sorted by key)
//   %d  integers (NaN and infinities print as such)
//   %f %e  doubles, with optional precision: %.3f (default 6)
//   %b %o %x %X  integers in base 2, 8, 16 (%x also hex-dumps strings and
//               bytes; %b accepts bools)
//   %%  a percent sign

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_format.h"
#include "lint/cel/double_format.h"
#include "lint/cel/functions/functions.h"
#include "lint/cel/strings.h"
#include "lint/cel/time_util.h"
#include "lint/cel/value_builder.h"

namespace hublint::cel::functions {
namespace {

// Nesting limit for %s of lists and maps.
constexpr int kMaxFormatDepth = 32;

bool AppendText(const Value& v, int depth, std::string* out,
                std::string* error) {
  if (depth > kMaxFormatDepth) {
    *error = "value nested too deeply to format";
    return false;
  }
  switch (v.kind()) {
    case Kind::kString:
    case Kind::kBytes:
      out->append(v.string_value());
      return true;
    case Kind::kInt:
      Append(out, v.int_value());
      return true;
    case Kind::kUint:
      Append(out, v.uint_value());
      return true;
    case Kind::kDouble:
      out->append(FormatDouble(v.double_value()));
      return true;
    case Kind::kBool:
      out->append(v.bool_value() ? "true" : "false");
      return true;
    case Kind::kNull:
      out->append("null");
      return true;
    case Kind::kType:
      out->append(v.type_name());
      return true;
    case Kind::kTimestamp:
      out->append(TimestampToString(v.timestamp_value()));
      return true;
    case Kind::kDuration:
      out->append(DurationToString(v.duration_value()));
      return true;
    case Kind::kList:
      out->push_back('[');
      for (size_t i = 0; i < v.list_size(); ++i) {
        if (i > 0) out->append(", ");
        if (!AppendText(v.list_element(i), depth + 1, out, error)) return false;
      }
      out->push_back(']');
      return true;
    case Kind::kMap: {
      std::vector<std::pair<std::string, std::string>> entries;
      for (size_t i = 0; i < v.map_size(); ++i) {
        std::string key, value;
        if (!AppendText(v.map_key(i), depth + 1, &key, error) ||
            !AppendText(v.map_value(i), depth + 1, &value, error)) {
          return false;
        }
        entries.emplace_back(std::move(key), std::move(value));
      }
      std::sort(entries.begin(), entries.end());
      out->push_back('{');
      for (size_t i = 0; i < entries.size(); ++i) {
        if (i > 0) out->append(", ");
        Append(out, entries[i].first, ": ", entries[i].second);
      }
      out->push_back('}');
      return true;
    }
    default:
      *error = Cat("%s cannot format a ", RuntimeTypeName(v));
      return false;
  }
}

// NaN and infinities, which every numeric clause prints by name.
bool AppendSpecialDouble(const Value& v, std::string* out) {
  if (v.kind() != Kind::kDouble) return false;
  double d = v.double_value();
  if (!std::isnan(d) && !std::isinf(d)) return false;
  out->append(FormatDouble(d));
  return true;
}

std::string InBase(uint64_t magnitude, int base, bool upper) {
  if (magnitude == 0) return "0";
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string s;
  while (magnitude > 0) {
    s.push_back(digits[magnitude % base]);
    magnitude /= base;
  }
  std::reverse(s.begin(), s.end());
  return s;
}

bool AppendInteger(const Value& v, int base, bool upper, std::string* out) {
  if (v.kind() == Kind::kInt) {
    int64_t i = v.int_value();
    uint64_t magnitude =
        i < 0 ? ~static_cast<uint64_t>(i) + 1 : static_cast<uint64_t>(i);
    if (i < 0) out->push_back('-');
    out->append(InBase(magnitude, base, upper));
    return true;
  }
  if (v.kind() == Kind::kUint) {
    out->append(InBase(v.uint_value(), base, upper));
    return true;
  }
  return false;
}

bool AppendFloating(const Value& v, char verb, int precision,
                    std::string* out) {
  if (AppendSpecialDouble(v, out)) return true;
  double d;
  if (v.kind() == Kind::kDouble) {
    d = v.double_value();
  } else if (v.kind() == Kind::kInt) {
    d = static_cast<double>(v.int_value());
  } else if (v.kind() == Kind::kUint) {
    d = static_cast<double>(v.uint_value());
  } else {
    return false;
  }
  if (precision < 0) precision = 6;
  out->append(verb == 'f' ? absl::StrFormat("%.*f", precision, d)
                          : absl::StrFormat("%.*e", precision, d));
  return true;
}

// Formats one clause; returns false with *error set on a mismatch.
bool AppendClause(char verb, int precision, const Value& arg, std::string* out,
                  std::string* error) {
  auto mismatch = [&](std::string_view what) {
    *error = Cat("%", std::string(1, verb), " ", what, ", was given ",
                 RuntimeTypeName(arg));
    return false;
  };
  switch (verb) {
    case 's':
      return AppendText(arg, 0, out, error);
    case 'd':
      if (AppendInteger(arg, 10, false, out) || AppendSpecialDouble(arg, out)) {
        return true;
      }
      return mismatch("can only be used on integers");
    case 'f':
    case 'e':
      if (AppendFloating(arg, verb, precision, out)) return true;
      return mismatch("can only be used on numbers");
    case 'b':
      if (arg.kind() == Kind::kBool) {
        out->push_back(arg.bool_value() ? '1' : '0');
        return true;
      }
      if (AppendInteger(arg, 2, false, out)) return true;
      return mismatch("can only be used on integers and bools");
    case 'o':
      if (AppendInteger(arg, 8, false, out)) return true;
      return mismatch("can only be used on integers");
    case 'x':
    case 'X': {
      bool upper = verb == 'X';
      if (AppendInteger(arg, 16, upper, out)) return true;
      if (arg.kind() == Kind::kString || arg.kind() == Kind::kBytes) {
        std::string hex = absl::BytesToHexString(AbslView(arg.string_value()));
        out->append(upper ? absl::AsciiStrToUpper(hex) : hex);
        return true;
      }
      return mismatch("can only be used on integers, strings and bytes");
    }
    default:
      *error =
          Cat("unrecognized formatting clause `%", std::string(1, verb), "`");
      return false;
  }
}

}  // namespace

Value Format(const Value* args, int count, const CallContext& ctx) {
  if (count != 2 || args[0].kind() != Kind::kString ||
      args[1].kind() != Kind::kList) {
    return NoMatchingOverload(ctx, "format", args, count);
  }
  std::string_view fmt = args[0].string_value();
  const Value& list = args[1];
  size_t next_arg = 0;
  std::string out;
  std::string error;
  for (size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%') {
      out.push_back(fmt[i]);
      continue;
    }
    if (++i >= fmt.size()) return ctx.Error("format(): unterminated clause");
    if (fmt[i] == '%') {
      out.push_back('%');
      continue;
    }
    int precision = -1;
    if (fmt[i] == '.') {
      precision = 0;
      while (++i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
        precision = std::min(precision * 10 + (fmt[i] - '0'), 100);
      }
      if (i >= fmt.size()) return ctx.Error("format(): unterminated clause");
    }
    if (next_arg >= list.list_size()) {
      return ctx.Errorf(Cat("format(): clause ", next_arg + 1,
                            " has no argument (", list.list_size(), " given)"));
    }
    if (!AppendClause(fmt[i], precision, list.list_element(next_arg++), &out,
                      &error)) {
      return ctx.Errorf(Cat("format(): ", error));
    }
  }
  return MakeString(ctx.arena, out);
}

}  // namespace hublint::cel::functions
