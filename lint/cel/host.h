#ifndef HUBLINT_CEL_HOST_H_
#define HUBLINT_CEL_HOST_H_

// Host binding: how the host's own C++ objects become CEL data without being
// copied.
//
// The host describes each of its structs once, with a StructType: a name, a
// display name for messages, and the fields rules may read. Each field has a
// CEL type (for the checker) and a reader, a plain function that returns the
// field of one object as a Value that borrows from the object:
//
//   struct Member {
//     std::string username;
//     std::optional<bool> mfa;  // empty: the source does not know
//     std::vector<Team> teams;
//   };
//
//   const StructType* MemberType() {
//     static const auto* teams = new VectorAdapter<Team>(TeamType());
//     static const auto* type = new StructType(
//         "hublint.Member", "member",
//         {MemberField<&Member::username>("username", Type::String()),
//          MemberField<&Member::mfa>("mfa", Type::Bool(),
//                                    {.unknowable = true}),
//          MemberField<&Member::teams>(
//              "teams", Type::List(Type::Struct(TeamType())),
//              {.context = teams})});
//     return type;
//   }
//
//   Value member = Value::Struct(MemberType(), &alice);  // no copy
//
// The checker resolves `member.username` to field index 0 once, at compile
// time; evaluation calls the reader directly (no name lookup, no copy, no
// heap allocation). Lists (std::vector) are read element by element through
// a ListAdapter as macros iterate them. Types that refer to each other are
// built first and given their fields with AddField().
//
// A field whose C++ representation MemberField does not know gets a reader
// of its own, e.g. a time that may be unknown, known to be absent, or set:
//
//   Value ReadExpiry(const void* object, const FieldDecl&) {
//     const Moment& m = static_cast<const Token*>(object)->expires_at;
//     if (!m.known()) return Value::UnknownFact();
//     return m.never() ? Value::Null() : Value::Timestamp(m.time());
//   }
//   FieldDecl expiry{.name = "expires_at", .type = Type::Timestamp(),
//                    .read = &ReadExpiry, .unknowable = true,
//                    .nullable = true};
//
// Unknowable fields: a field declared `unknowable` is a fact the data source
// may not know. Its reader returns Value::UnknownFact() when the fact is
// unknown for an object (MemberField does this for an empty std::optional);
// selecting it then yields a CEL unknown that names the attribute
// (unknown.h), and has() of it is false. The checker types the field as its
// plain type, so `member.mfa == true` checks, and rejects
// `member.mfa == null` with a hint to write `!has(member.mfa)` (unless the
// field is also nullable).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/time/time.h"
#include "lint/cel/type.h"
#include "lint/cel/value.h"

namespace hublint::cel {

struct FieldDecl;

// Returns field `field` of `object` as a Value borrowing from the object.
// Returns Value::UnknownFact() for an unknown fact of an unknowable field,
// Value::Null() for an absent value of a nullable field. Must not allocate.
using FieldReader = Value (*)(const void* object, const FieldDecl& field);

struct FieldDecl {
  // The name rules write: `member.<name>`.
  std::string name;
  // The CEL type of the field's values.
  Type type;
  FieldReader read = nullptr;
  // The source may not know this fact for some objects; the reader then
  // returns Value::UnknownFact().
  bool unknowable = false;
  // The value may be null (an absent optional value, not an unknown one);
  // `x.f == null` type-checks.
  bool nullable = false;
  // Whatever the reader needs beyond the object: the ListAdapter of a list
  // field, the StructType of a nested struct field. Not owned.
  const void* context = nullptr;
};

class StructType {
 public:
  // `name` is the type's CEL name (type(x) of a value, e.g.
  // "hublint.Member"); `display_name` is how messages call an object of it
  // ("unknown field `x` on member"). Field names must be unique.
  StructType(std::string name, std::string display_name,
             std::vector<FieldDecl> fields = {});

  // Adds a field and returns its index. For types that refer to themselves
  // or to each other (a Person's manager is a Person): construct them
  // first, then add the fields. REQUIRES: the type is not yet in use by a
  // compiled program or an evaluation, and `field.name` is new.
  int AddField(FieldDecl field);
  StructType(const StructType&) = delete;
  StructType& operator=(const StructType&) = delete;

  const std::string& name() const { return name_; }
  const std::string& display_name() const { return display_name_; }
  const std::vector<FieldDecl>& fields() const { return fields_; }
  const FieldDecl& field(int index) const { return fields_[index]; }
  // The index of field `name`, or -1.
  int FindField(std::string_view name) const;

 private:
  std::string name_;
  std::string display_name_;
  std::vector<FieldDecl> fields_;
  absl::flat_hash_map<std::string, int> index_;
};

namespace host_internal {

template <typename T>
struct IsOptional : std::false_type {};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <typename T>
struct IsSharedPtr : std::false_type {};
template <typename T>
struct IsSharedPtr<std::shared_ptr<T>> : std::true_type {};
template <typename T>
struct IsVector : std::false_type {};
template <typename T, typename A>
struct IsVector<std::vector<T, A>> : std::true_type {};

// Converts a host value to a borrowing Value. `context` is the
// FieldDecl::context (adapter or struct type); `unknowable` decides what an
// empty std::optional means.
template <typename T>
Value ToValue(const T& v, const void* context, bool unknowable) {
  if constexpr (std::is_same_v<T, bool>) {
    return Value::Bool(v);
  } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
    return Value::Int(v);
  } else if constexpr (std::is_integral_v<T>) {
    return Value::Uint(v);
  } else if constexpr (std::is_floating_point_v<T>) {
    return Value::Double(v);
  } else if constexpr (std::is_same_v<T, std::string> ||
                       std::is_same_v<T, std::string_view>) {
    return Value::String(v);
  } else if constexpr (std::is_same_v<T, absl::Time>) {
    return Value::Timestamp(v);
  } else if constexpr (std::is_same_v<T, absl::Duration>) {
    return Value::Duration(v);
  } else if constexpr (IsOptional<T>::value) {
    if (!v.has_value()) {
      return unknowable ? Value::UnknownFact() : Value::Null();
    }
    return ToValue(*v, context, unknowable);
  } else if constexpr (IsVector<T>::value) {
    return Value::HostList(static_cast<const ListAdapter*>(context), &v);
  } else if constexpr (std::is_pointer_v<T>) {
    if (v == nullptr) return Value::Null();
    return Value::Struct(static_cast<const StructType*>(context), v);
  } else if constexpr (IsSharedPtr<T>::value) {
    return ToValue(v.get(), context, unknowable);
  } else {
    static_assert(std::is_class_v<T>, "unsupported host field type");
    return Value::Struct(static_cast<const StructType*>(context), &v);
  }
}

template <auto kMember>
struct MemberTraits;
template <typename C, typename M, M C::*kMember>
struct MemberTraits<kMember> {
  using Class = C;
  static Value Read(const void* object, const FieldDecl& field) {
    const C* c = static_cast<const C*>(object);
    return ToValue(c->*kMember, field.context, field.unknowable);
  }
};

}  // namespace host_internal

// Options of a MemberField (see FieldDecl for their meaning).
struct FieldOptions {
  bool unknowable = false;
  bool nullable = false;
  const void* context = nullptr;
};

// A field read straight from data member `kMember` (e.g. &Member::username)
// of type bool, an integer, double, std::string, std::string_view,
// absl::Time, absl::Duration, std::optional<any of these>, std::vector<T>
// (context: a ListAdapter), a struct (context: its StructType) or a pointer
// (raw or std::shared_ptr) to one (null when nullptr). An empty std::optional
// reads as unknown for an unknowable field and as null otherwise.
template <auto kMember>
FieldDecl MemberField(std::string name, Type type, FieldOptions options = {}) {
  FieldDecl f;
  f.name = std::move(name);
  f.type = std::move(type);
  f.read = &host_internal::MemberTraits<kMember>::Read;
  f.unknowable = options.unknowable;
  f.nullable = options.nullable;
  f.context = options.context;
  return f;
}

// Presents a std::vector<T> as a CEL list without copying it. Elements of
// struct type T need their StructType; scalars and strings need nothing.
template <typename T>
class VectorAdapter final : public ListAdapter {
 public:
  explicit VectorAdapter(const StructType* element_type = nullptr)
      : element_type_(element_type) {}
  size_t Size(const void* list) const override {
    return static_cast<const std::vector<T>*>(list)->size();
  }
  Value Get(const void* list, size_t index) const override {
    const T& e = (*static_cast<const std::vector<T>*>(list))[index];
    return host_internal::ToValue(e, element_type_, false);
  }

 private:
  const StructType* element_type_;
};

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_HOST_H_
