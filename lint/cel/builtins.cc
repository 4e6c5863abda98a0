#include "lint/cel/builtins.h"

#include <utility>

#include "lint/cel/functions/functions.h"
#include "lint/cel/host.h"
#include "lint/cel/strings.h"

namespace hublint::cel {
namespace {

namespace fn = functions;

struct Named {
  const char* name;
  BuiltinFn impl;
};

Overload G(std::vector<Type> params, Type result) {
  return Overload{false, std::move(params), std::move(result)};
}
Overload R(std::vector<Type> params, Type result) {
  return Overload{true, std::move(params), std::move(result)};
}

std::vector<FunctionDecl> StandardDecls() {
  const Type A = Type::Param("A");
  const Type B = Type::Param("B");
  const Type kInt = Type::Int(), kUint = Type::Uint(), kDouble = Type::Double(),
             kBool = Type::Bool(), kString = Type::String(),
             kBytes = Type::Bytes(), kTs = Type::Timestamp(),
             kDur = Type::Duration();
  const Type kListA = Type::List(A);
  const Type kMapAB = Type::Map(A, B);

  std::vector<FunctionDecl> d;
  auto add = [&d](std::string name, BuiltinFn impl,
                  std::vector<Overload> overloads) {
    d.push_back(FunctionDecl{std::move(name), std::move(overloads), impl});
  };
  auto numeric = [&](Type (*result)(Type)) {
    std::vector<Overload> o;
    for (const Type& t : {kInt, kUint, kDouble}) {
      o.push_back(G({t, t}, result(t)));
    }
    return o;
  };
  auto same = [](Type t) { return t; };

  // Arithmetic.
  std::vector<Overload> plus = numeric(same);
  plus.push_back(G({kString, kString}, kString));
  plus.push_back(G({kBytes, kBytes}, kBytes));
  plus.push_back(G({kListA, kListA}, kListA));
  plus.push_back(G({kTs, kDur}, kTs));
  plus.push_back(G({kDur, kTs}, kTs));
  plus.push_back(G({kDur, kDur}, kDur));
  add("_+_", fn::Add, plus);
  std::vector<Overload> minus = numeric(same);
  minus.push_back(G({kTs, kTs}, kDur));
  minus.push_back(G({kTs, kDur}, kTs));
  minus.push_back(G({kDur, kDur}, kDur));
  add("_-_", fn::Subtract, minus);
  add("_*_", fn::Multiply, numeric(same));
  add("_/_", fn::Divide, numeric(same));
  add("_%_", fn::Modulo, {G({kInt, kInt}, kInt), G({kUint, kUint}, kUint)});
  add("-_", fn::Negate, {G({kInt}, kInt), G({kDouble}, kDouble)});

  // Comparison and logic.
  add("!_", fn::Not, {G({kBool}, kBool)});
  add("_==_", fn::Equal, {G({A, A}, kBool)});
  add("_!=_", fn::NotEqual, {G({A, A}, kBool)});
  std::vector<Overload> order;
  for (const Type& t :
       {kBool, kInt, kUint, kDouble, kString, kBytes, kTs, kDur}) {
    order.push_back(G({t, t}, kBool));
  }
  for (const Type& a : {kInt, kUint, kDouble}) {
    for (const Type& b : {kInt, kUint, kDouble}) {
      if (a != b) order.push_back(G({a, b}, kBool));
    }
  }
  add("_<_", fn::Less, order);
  add("_<=_", fn::LessEqual, order);
  add("_>_", fn::Greater, order);
  add("_>=_", fn::GreaterEqual, order);
  add("@in", fn::In, {G({A, kListA}, kBool), G({A, kMapAB}, kBool)});

  // Collections.
  add("_[_]", fn::Index, {G({kListA, kInt}, A), G({kMapAB, A}, B)});
  std::vector<Overload> size;
  for (const Type& t : {kString, kBytes, kListA, kMapAB}) {
    size.push_back(G({t}, kInt));
    size.push_back(R({t}, kInt));
  }
  add("size", fn::Size, size);

  // Conversions.
  add("int", fn::ToInt,
      {G({kInt}, kInt), G({kUint}, kInt), G({kDouble}, kInt),
       G({kString}, kInt), G({kTs}, kInt)});
  add("uint", fn::ToUint,
      {G({kInt}, kUint), G({kUint}, kUint), G({kDouble}, kUint),
       G({kString}, kUint)});
  add("double", fn::ToDouble,
      {G({kInt}, kDouble), G({kUint}, kDouble), G({kDouble}, kDouble),
       G({kString}, kDouble)});
  std::vector<Overload> to_string;
  for (const Type& t :
       {kInt, kUint, kDouble, kBool, kString, kBytes, kTs, kDur}) {
    to_string.push_back(G({t}, kString));
  }
  add("string", fn::ToString, to_string);
  add("bool", fn::ToBool, {G({kBool}, kBool), G({kString}, kBool)});
  add("bytes", fn::ToBytes, {G({kBytes}, kBytes), G({kString}, kBytes)});
  add("timestamp", fn::ToTimestamp,
      {G({kString}, kTs), G({kInt}, kTs), G({kTs}, kTs)});
  add("duration", fn::ToDuration, {G({kString}, kDur), G({kDur}, kDur)});
  add("dyn", fn::ToDyn, {G({A}, Type::Dyn())});
  add("type", fn::TypeOf, {G({A}, Type::TypeOf())});

  // Strings.
  for (auto [name, impl] : std::initializer_list<Named>{
           Named{"contains", fn::Contains}, Named{"startsWith", fn::StartsWith},
           Named{"endsWith", fn::EndsWith}}) {
    add(name, impl, {R({kString, kString}, kBool)});
  }
  add("matches", fn::Matches,
      {R({kString, kString}, kBool), G({kString, kString}, kBool)});

  // Timestamps and durations.
  constexpr std::pair<const char*, fn::TimePart> kParts[] = {
      {"getFullYear", fn::TimePart::kFullYear},
      {"getMonth", fn::TimePart::kMonth},
      {"getDayOfYear", fn::TimePart::kDayOfYear},
      {"getDate", fn::TimePart::kDate},
      {"getDayOfMonth", fn::TimePart::kDayOfMonth},
      {"getDayOfWeek", fn::TimePart::kDayOfWeek},
      {"getHours", fn::TimePart::kHours},
      {"getMinutes", fn::TimePart::kMinutes},
      {"getSeconds", fn::TimePart::kSeconds},
      {"getMilliseconds", fn::TimePart::kMilliseconds},
  };
  for (auto [name, part] : kParts) {
    std::vector<Overload> o = {R({kTs}, kInt), R({kTs, kString}, kInt)};
    if (part >= fn::TimePart::kHours) o.push_back(R({kDur}, kInt));
    add(name, fn::GetTimePart, std::move(o));
    d.back().data = static_cast<int>(part);
  }

  // The strings extension.
  add("charAt", fn::CharAt, {R({kString, kInt}, kString)});
  add("indexOf", fn::IndexOf,
      {R({kString, kString}, kInt), R({kString, kString, kInt}, kInt)});
  add("lastIndexOf", fn::LastIndexOf,
      {R({kString, kString}, kInt), R({kString, kString, kInt}, kInt)});
  add("lowerAscii", fn::LowerAscii, {R({kString}, kString)});
  add("upperAscii", fn::UpperAscii, {R({kString}, kString)});
  add("trim", fn::Trim, {R({kString}, kString)});
  add("reverse", fn::Reverse, {R({kString}, kString)});
  add("replace", fn::Replace,
      {R({kString, kString, kString}, kString),
       R({kString, kString, kString, kInt}, kString)});
  add("split", fn::Split,
      {R({kString, kString}, Type::List(kString)),
       R({kString, kString, kInt}, Type::List(kString))});
  add("substring", fn::Substring,
      {R({kString, kInt}, kString), R({kString, kInt, kInt}, kString)});
  add("join", fn::Join,
      {R({Type::List(kString)}, kString),
       R({Type::List(kString), kString}, kString)});
  add("format", fn::Format, {R({kString, Type::List(Type::Dyn())}, kString)});
  add("strings.quote", fn::Quote, {G({kString}, kString)});
  return d;
}

}  // namespace

bool FunctionDecl::HasArity(bool receiver, int count) const {
  for (const Overload& o : overloads) {
    if (o.receiver == receiver && static_cast<int>(o.params.size()) == count) {
      return true;
    }
  }
  return false;
}

FunctionRegistry::FunctionRegistry() : functions_(StandardDecls()) {
  for (const FunctionDecl& f : functions_) {
    if (f.name[0] != '_' && f.name[0] != '@' && f.name[0] != '-' &&
        f.name[0] != '!') {
      names_.push_back(f.name);
    }
  }
}

const FunctionRegistry& FunctionRegistry::Standard() {
  static const FunctionRegistry* const kRegistry = new FunctionRegistry();
  return *kRegistry;
}

const FunctionDecl* FunctionRegistry::Find(std::string_view name) const {
  for (const FunctionDecl& f : functions_) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::string_view RuntimeTypeName(const Value& v) {
  if (v.kind() == Kind::kStruct) return v.struct_type()->name();
  return KindName(v.kind());
}

Value NoMatchingOverload(const CallContext& ctx, std::string_view name,
                         const Value* args, int count) {
  std::string message =
      Cat("no matching overload for `", name, "` applied to (");
  for (int i = 0; i < count; ++i) {
    if (i > 0) message += ", ";
    message += RuntimeTypeName(args[i]);
  }
  message += ")";
  return ctx.Errorf(message);
}

}  // namespace hublint::cel
