#include "lint/cel/type.h"

#include "lint/cel/host.h"
#include "lint/cel/strings.h"

namespace hublint::cel {

Type Type::List(Type element) {
  Type t(Kind::kList);
  t.params_ = std::make_shared<const Params>(Params{{std::move(element)}, ""});
  return t;
}

Type Type::Map(Type key, Type value) {
  Type t(Kind::kMap);
  t.params_ = std::make_shared<const Params>(
      Params{{std::move(key), std::move(value)}, ""});
  return t;
}

Type Type::Struct(const StructType* type) {
  Type t(Kind::kStruct);
  t.struct_ = type;
  return t;
}

Type Type::TypeOf() { return TypeOf(Dyn()); }

Type Type::TypeOf(Type of) {
  Type t(Kind::kType);
  t.params_ = std::make_shared<const Params>(Params{{std::move(of)}, ""});
  return t;
}

Type Type::Param(std::string_view name) {
  Type t(Kind::kParam);
  t.params_ = std::make_shared<const Params>(Params{{}, std::string(name)});
  return t;
}

std::string Type::DebugString() const {
  switch (kind_) {
    case Kind::kDyn:
      return "dyn";
    case Kind::kNull:
      return "null_type";
    case Kind::kBool:
      return "bool";
    case Kind::kInt:
      return "int";
    case Kind::kUint:
      return "uint";
    case Kind::kDouble:
      return "double";
    case Kind::kString:
      return "string";
    case Kind::kBytes:
      return "bytes";
    case Kind::kTimestamp:
      return "timestamp";
    case Kind::kDuration:
      return "duration";
    case Kind::kList:
      return Cat("list(", element().DebugString(), ")");
    case Kind::kMap:
      return Cat("map(", key().DebugString(), ", ", value().DebugString(), ")");
    case Kind::kStruct:
      return struct_->name();
    case Kind::kType:
      return "type";
    case Kind::kParam:
      return params_->name;
    case Kind::kError:
      return "*error*";
  }
  return "?";
}

bool operator==(const Type& a, const Type& b) {
  if (a.kind_ != b.kind_) return false;
  switch (a.kind_) {
    case Type::Kind::kList:
    case Type::Kind::kMap:
    case Type::Kind::kType:
      return a.params_->types == b.params_->types;
    case Type::Kind::kStruct:
      return a.struct_ == b.struct_;
    case Type::Kind::kParam:
      return a.params_->name == b.params_->name;
    default:
      return true;
  }
}

}  // namespace hublint::cel
