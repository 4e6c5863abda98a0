#ifndef HUBLINT_CEL_TYPE_H_
#define HUBLINT_CEL_TYPE_H_

// Type: a static CEL type, as the host declares variables and struct fields
// and as the checker infers them.
//
//   int uint double bool string bytes null_type timestamp duration
//   list(T) map(K, V) type dyn  and host struct types (host.h).
//
// `dyn` matches anything: the checker accepts it where any type is expected
// and leaves the decision to run time. A *nullable* type (a field declared
// nullable) may also be null, so `x.f == null` type-checks for it.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hublint::cel {

class StructType;

class Type {
 public:
  enum class Kind : uint8_t {
    kDyn,
    kNull,
    kBool,
    kInt,
    kUint,
    kDouble,
    kString,
    kBytes,
    kTimestamp,
    kDuration,
    kList,
    kMap,
    kStruct,
    kType,
    kParam,  // a type parameter in an overload signature (checker only)
    kError,  // the type of an expression that failed to check
  };

  Type() = default;  // dyn
  static Type Dyn() { return Type(Kind::kDyn); }
  static Type Null() { return Type(Kind::kNull); }
  static Type Bool() { return Type(Kind::kBool); }
  static Type Int() { return Type(Kind::kInt); }
  static Type Uint() { return Type(Kind::kUint); }
  static Type Double() { return Type(Kind::kDouble); }
  static Type String() { return Type(Kind::kString); }
  static Type Bytes() { return Type(Kind::kBytes); }
  static Type Timestamp() { return Type(Kind::kTimestamp); }
  static Type Duration() { return Type(Kind::kDuration); }
  static Type List(Type element);
  static Type Map(Type key, Type value);
  // REQUIRES: `type` outlives every use of the Type.
  static Type Struct(const StructType* type);
  // The type of type values; `of` is the type denoted (dyn if unknown).
  static Type TypeOf();
  static Type TypeOf(Type of);
  static Type Param(std::string_view name);
  static Type Error() { return Type(Kind::kError); }

  Kind kind() const { return kind_; }
  bool is_dyn() const { return kind_ == Kind::kDyn; }
  // dyn or error: checks against it always succeed.
  bool is_dyn_or_error() const {
    return kind_ == Kind::kDyn || kind_ == Kind::kError;
  }
  // REQUIRES: kind() == kList.
  const Type& element() const { return params_->types[0]; }
  // REQUIRES: kind() == kMap.
  const Type& key() const { return params_->types[0]; }
  const Type& value() const { return params_->types[1]; }
  // REQUIRES: kind() == kType; the denoted type.
  const Type& denoted() const { return params_->types[0]; }
  // REQUIRES: kind() == kStruct.
  const StructType* struct_type() const { return struct_; }
  // REQUIRES: kind() == kParam.
  const std::string& param_name() const { return params_->name; }

  bool nullable() const { return nullable_; }
  // This type, or null.
  Type AsNullable() const {
    Type t = *this;
    t.nullable_ = true;
    return t;
  }

  // "int", "list(string)", "map(string, dyn)", "timestamp", the struct's
  // name, ...
  std::string DebugString() const;

  // Structural equality; nullability is ignored.
  friend bool operator==(const Type& a, const Type& b);
  friend bool operator!=(const Type& a, const Type& b) { return !(a == b); }

 private:
  struct Params {
    std::vector<Type> types;
    std::string name;
  };
  explicit Type(Kind kind) : kind_(kind) {}

  Kind kind_ = Kind::kDyn;
  bool nullable_ = false;
  const StructType* struct_ = nullptr;
  std::shared_ptr<const Params> params_;
};

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_TYPE_H_
