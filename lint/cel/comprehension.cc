// The macro loops: all, exists, exists_one, filter, map, transformList,
// transformMap, and the list-free count of size(x.filter(...)).
//
// Each iteration costs one step of the comprehension budget. Semantics
// follow the CEL macro expansions: all/exists stop at the first false/true
// (which decides the result even after an error or unknown); the others
// visit every element, and an unknown anywhere makes the result unknown,
// otherwise the first error is the result.

#include "lint/cel/evaluator.h"
#include "lint/cel/strings.h"
#include "lint/cel/value_builder.h"

namespace hublint::cel {

Value Evaluator::Comprehension(const Step& s) {
  Value range = Eval(s.a);
  if (range.is_error_or_unknown()) return range;
  const bool is_map = range.kind() == Kind::kMap;
  if (!is_map && range.kind() != Kind::kList) {
    return Value::Error(
        arena_->CopyString(
            Cat(s.name, "() cannot iterate over a ", RuntimeTypeName(range))),
        s.offset);
  }
  const size_t n = is_map ? range.map_size() : range.list_size();
  const bool count_only = s.op == Op::kCountFilter;
  const MacroKind macro = s.macro;
  Value* var = &locals_[s.index];
  Value* var2 = s.two_vars ? &locals_[s.index + 1] : nullptr;

  Absorber absorb;
  int64_t count = 0;
  ListBuilder list(arena_);
  MapBuilder map(arena_);

  for (size_t i = 0; i < n; ++i) {
    if (steps_left_ == 0) {
      return Value::Error(arena_->CopyString(Cat("comprehension budget of ",
                                                 plan_.max_comprehension_steps,
                                                 " iterations exceeded")),
                          s.offset);
    }
    --steps_left_;
    // The element the macro's result is made of: a list element or map key.
    Value element;
    if (is_map) {
      element = range.map_key(i);
      *var = element;
      if (var2 != nullptr) *var2 = range.map_value(i);
    } else {
      element = range.list_element(i);
      if (var2 != nullptr) {
        *var = Value::Int(static_cast<int64_t>(i));
        *var2 = element;
      } else {
        *var = element;
      }
    }

    // The predicate, when there is one: true, false, or "absorbed".
    bool selected = true;
    if (s.b >= 0) {
      Value p = Eval(s.b);
      if (p.is_bool()) {
        selected = p.bool_value();
      } else {
        if (p.is_error_or_unknown()) {
          absorb.Add(p, arena_);
        } else {
          Value args[1] = {p};
          absorb.Add(NoOverload(s, MacroName(macro), args, 1), arena_);
        }
        continue;
      }
    }
    switch (macro) {
      case MacroKind::kAll:
        if (!selected) return Value::Bool(false);
        break;
      case MacroKind::kExists:
        if (selected) return Value::Bool(true);
        break;
      case MacroKind::kExistsOne:
        count += selected;
        break;
      case MacroKind::kFilter:
        if (!selected) break;
        if (count_only) {
          ++count;
        } else if (!absorb.any()) {
          list.Add(element);
        }
        break;
      case MacroKind::kMap:
      case MacroKind::kTransformList:
      case MacroKind::kTransformMap: {
        if (!selected) break;
        Value t = Eval(s.c);
        if (t.is_error_or_unknown()) {
          absorb.Add(t, arena_);
        } else if (absorb.any()) {
          // The result is already an error or unknown.
        } else if (macro != MacroKind::kTransformMap) {
          list.Add(t);
        } else {
          Value key = is_map ? element : Value::Int(static_cast<int64_t>(i));
          absl::Status added = map.Add(key, t);
          if (!added.ok()) {
            absorb.Add(
                Value::Error(arena_->CopyString(StdView(added.message())),
                             s.offset),
                arena_);
          }
        }
        break;
      }
    }
  }

  if (absorb.any()) return absorb.result();
  switch (macro) {
    case MacroKind::kAll:
      return Value::Bool(true);
    case MacroKind::kExists:
      return Value::Bool(false);
    case MacroKind::kExistsOne:
      return Value::Bool(count == 1);
    case MacroKind::kFilter:
      return count_only ? Value::Int(count) : list.Build();
    case MacroKind::kMap:
    case MacroKind::kTransformList:
      return list.Build();
    case MacroKind::kTransformMap:
      return map.Build();
  }
  return Value::Null();
}

}  // namespace hublint::cel
