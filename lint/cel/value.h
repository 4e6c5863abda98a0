#ifndef HUBLINT_CEL_VALUE_H_
#define HUBLINT_CEL_VALUE_H_

// Value: one CEL value, as the evaluator passes it around and as the host
// hands its data in.
//
// A Value is 24 bytes, trivially copyable and never owns memory. Scalars,
// timestamps and durations are stored inline. Everything else is a view:
//
//   * strings and bytes are std::string_views into host memory, into the
//     compiled program (literals) or into the evaluation's Arena;
//   * lists are either an array of Values (literals, results) or a host list
//     reached through a ListAdapter; maps likewise (MapAdapter);
//   * a struct is (StructType*, const void* object): the host object itself,
//     whose fields are read on demand by the StructType's field readers;
//   * errors and unknowns point at their message / attribute set.
//
// Whoever creates a Value guarantees that what it points to outlives every
// use: host data outlives the evaluation; arena data lives until the arena
// is reset. Nothing is copied when a Value is copied.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/time/time.h"
#include "absl/types/span.h"

namespace hublint::cel {

class StructType;
class UnknownSet;
struct MapData;

// The kinds of CEL value.
enum class Kind : uint8_t {
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
  kError,
  kUnknown,
};

// "null_type", "bool", "int", "uint", "double", "string", "bytes",
// "google.protobuf.Timestamp", "google.protobuf.Duration", "list", "map",
// "struct", "type", "error", "unknown": the CEL type name of each kind (for
// kStruct the value's own type name is StructType::name()).
std::string_view KindName(Kind kind);

// No position: an error that was not raised at a known place.
inline constexpr uint32_t kNoOffset = 0xFFFFFFFFu;

class Value;

// How the evaluator reads a host list. One adapter serves every list of its
// kind; `list` is the host object (e.g. a const std::vector<T>*). Get() is
// called once per element visited and must not allocate on the heap.
class ListAdapter {
 public:
  virtual ~ListAdapter() = default;
  virtual size_t Size(const void* list) const = 0;
  // REQUIRES: index < Size(list). Must not return an error or unknown.
  virtual Value Get(const void* list, size_t index) const = 0;
};

// How the evaluator reads a host map. Iteration order is KeyAt(0..Size-1).
class MapAdapter {
 public:
  virtual ~MapAdapter() = default;
  virtual size_t Size(const void* map) const = 0;
  virtual Value KeyAt(const void* map, size_t index) const = 0;
  virtual Value ValueAt(const void* map, size_t index) const = 0;
  // Looks `key` up (CEL key equality: 1, 1u and 1.0 are the same key).
  // Returns false, leaving *value alone, when it is absent.
  virtual bool Find(const void* map, const Value& key, Value* value) const = 0;
};

class Value {
 public:
  // null.
  Value() : kind_(Kind::kNull), rep_(Rep::kPlain), spare_(0), aux_(0) {}

  static Value Null() { return Value(); }
  static Value Bool(bool b) {
    Value v(Kind::kBool);
    v.p_.b = b;
    return v;
  }
  static Value Int(int64_t i) {
    Value v(Kind::kInt);
    v.p_.i = i;
    return v;
  }
  static Value Uint(uint64_t u) {
    Value v(Kind::kUint);
    v.p_.u = u;
    return v;
  }
  static Value Double(double d) {
    Value v(Kind::kDouble);
    v.p_.d = d;
    return v;
  }
  // Borrows `s`, which must be valid UTF-8.
  static Value String(std::string_view s) { return View(Kind::kString, s); }
  // Borrows `b`.
  static Value Bytes(std::string_view b) { return View(Kind::kBytes, b); }
  // REQUIRES: 0001-01-01T00:00:00Z <= t <= 9999-12-31T23:59:59.999999999Z.
  static Value Timestamp(absl::Time t) {
    Value v(Kind::kTimestamp);
    v.p_.t = t;
    return v;
  }
  // REQUIRES: |d| fits in int64 nanoseconds (about 292 years).
  static Value Duration(absl::Duration d) {
    Value v(Kind::kDuration);
    v.p_.dur = d;
    return v;
  }
  // Borrows the array `elements`.
  static Value List(absl::Span<const Value> elements) {
    Value v(Kind::kList);
    v.rep_ = Rep::kArrayList;
    v.p_.span.p = elements.data();
    v.p_.span.n = elements.size();
    return v;
  }
  // A host list: `adapter` reads `list`. Both must outlive the value.
  static Value HostList(const ListAdapter* adapter, const void* list) {
    Value v(Kind::kList);
    v.rep_ = Rep::kHostList;
    v.p_.pair.a = adapter;
    v.p_.pair.b = list;
    return v;
  }
  // A map built by MapBuilder (value_builder.h).
  static Value Map(const MapData* map) {
    Value v(Kind::kMap);
    v.rep_ = Rep::kArrayMap;
    v.p_.pair.a = map;
    v.p_.pair.b = nullptr;
    return v;
  }
  // A host map: `adapter` reads `map`. Both must outlive the value.
  static Value HostMap(const MapAdapter* adapter, const void* map) {
    Value v(Kind::kMap);
    v.rep_ = Rep::kHostMap;
    v.p_.pair.a = adapter;
    v.p_.pair.b = map;
    return v;
  }
  // A host object of struct type `type`. Both must outlive the value.
  static Value Struct(const StructType* type, const void* object) {
    Value v(Kind::kStruct);
    v.p_.pair.a = type;
    v.p_.pair.b = object;
    return v;
  }
  // A type value named `name` ("int", "list", a struct's name...). Borrows
  // `name`.
  static Value Type(std::string_view name) { return View(Kind::kType, name); }
  // An evaluation error. Borrows `message`; `offset` is the byte offset in
  // the expression where it was raised, kNoOffset if unknown.
  static Value Error(std::string_view message, uint32_t offset = kNoOffset) {
    Value v = View(Kind::kError, message);
    v.aux_ = offset;
    return v;
  }
  // An unknown value with its attribute trail (unknown.h).
  static Value Unknown(const UnknownSet* set) {
    Value v(Kind::kUnknown);
    v.p_.pair.a = set;
    v.p_.pair.b = nullptr;
    return v;
  }
  // What a field reader returns when the host does not know the field's
  // value for this object (an "unknowable fact"). The evaluator turns it
  // into an unknown value that names the attribute; it never reaches a rule.
  static Value UnknownFact() {
    Value v(Kind::kUnknown);
    v.rep_ = Rep::kUnknownFact;
    v.p_.pair.a = nullptr;
    v.p_.pair.b = nullptr;
    return v;
  }

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::kNull; }
  bool is_bool() const { return kind_ == Kind::kBool; }
  bool is_error() const { return kind_ == Kind::kError; }
  bool is_unknown() const { return kind_ == Kind::kUnknown; }
  // Error or unknown: the values that operators propagate.
  bool is_error_or_unknown() const { return kind_ >= Kind::kError; }
  bool is_unknown_fact() const { return rep_ == Rep::kUnknownFact; }
  bool is_host_list() const { return rep_ == Rep::kHostList; }

  // Typed accessors. REQUIRES: kind() matches.
  bool bool_value() const { return p_.b; }
  int64_t int_value() const { return p_.i; }
  uint64_t uint_value() const { return p_.u; }
  double double_value() const { return p_.d; }
  // The text of a string, bytes, type or error value.
  std::string_view string_value() const {
    return std::string_view(static_cast<const char*>(p_.span.p), p_.span.n);
  }
  absl::Time timestamp_value() const { return p_.t; }
  absl::Duration duration_value() const { return p_.dur; }
  std::string_view type_name() const { return string_value(); }
  std::string_view error_message() const { return string_value(); }
  uint32_t error_offset() const { return aux_; }
  // nullptr for UnknownFact().
  const UnknownSet* unknown_set() const {
    return static_cast<const UnknownSet*>(p_.pair.a);
  }
  const StructType* struct_type() const {
    return static_cast<const StructType*>(p_.pair.a);
  }
  const void* struct_object() const { return p_.pair.b; }

  // Lists. REQUIRES: kind() == kList.
  size_t list_size() const {
    if (rep_ == Rep::kArrayList) return p_.span.n;
    return adapter()->Size(p_.pair.b);
  }
  // REQUIRES: index < list_size().
  Value list_element(size_t index) const {
    if (rep_ == Rep::kArrayList) {
      return static_cast<const Value*>(p_.span.p)[index];
    }
    return adapter()->Get(p_.pair.b, index);
  }

  // Maps. REQUIRES: kind() == kMap. Keys iterate in insertion order.
  size_t map_size() const;
  Value map_key(size_t index) const;
  Value map_value(size_t index) const;
  // CEL key lookup: int, uint and integral double keys that are equal as
  // numbers find each other. Returns false when absent.
  bool map_find(const Value& key, Value* value) const;

  // A rendering for tests and messages: 1, 2u, 1.5, "s", b"\x00", [1, 2],
  // {"k": 1}, timestamp("2024-01-01T00:00:00Z"), duration("1s"), int,
  // error("division by zero"), unknown(member.two_factor_enabled).
  std::string DebugString() const;

 private:
  enum class Rep : uint8_t {
    kPlain,
    kArrayList,
    kHostList,
    kArrayMap,
    kHostMap,
    kUnknownFact,
  };

  explicit Value(Kind kind)
      : kind_(kind), rep_(Rep::kPlain), spare_(0), aux_(0) {}
  static Value View(Kind kind, std::string_view s) {
    Value v(kind);
    v.p_.span.p = s.data();
    v.p_.span.n = s.size();
    return v;
  }
  const ListAdapter* adapter() const {
    return static_cast<const ListAdapter*>(p_.pair.a);
  }
  const MapAdapter* map_adapter() const {
    return static_cast<const MapAdapter*>(p_.pair.a);
  }
  const MapData* map_data() const {
    return static_cast<const MapData*>(p_.pair.a);
  }

  Kind kind_;
  Rep rep_;
  uint16_t spare_;
  uint32_t aux_;
  union Payload {
    Payload() : pair{nullptr, nullptr} {}
    bool b;
    int64_t i;
    uint64_t u;
    double d;
    struct {
      const void* p;
      size_t n;
    } span;
    struct {
      const void* a;
      const void* b;
    } pair;
    absl::Time t;
    absl::Duration dur;
  } p_;
};

static_assert(sizeof(Value) == 24, "Value must stay small");

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_VALUE_H_
