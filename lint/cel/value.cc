#include "lint/cel/value.h"

#include <string>

#include "absl/strings/escaping.h"
#include "lint/cel/double_format.h"
#include "lint/cel/host.h"
#include "lint/cel/map_data.h"
#include "lint/cel/strings.h"
#include "lint/cel/time_util.h"
#include "lint/cel/unknown.h"
#include "lint/cel/value_compare.h"

namespace hublint::cel {

std::string_view KindName(Kind kind) {
  switch (kind) {
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
      return "google.protobuf.Timestamp";
    case Kind::kDuration:
      return "google.protobuf.Duration";
    case Kind::kList:
      return "list";
    case Kind::kMap:
      return "map";
    case Kind::kStruct:
      return "struct";
    case Kind::kType:
      return "type";
    case Kind::kError:
      return "error";
    case Kind::kUnknown:
      return "unknown";
  }
  return "unknown";
}

ptrdiff_t FindMapEntry(const MapData& map, const Value& key) {
  if (map.slots == nullptr) {
    for (size_t i = 0; i < map.size; ++i) {
      if (MapKeysEqual(map.keys[i], key)) return static_cast<ptrdiff_t>(i);
    }
    return -1;
  }
  size_t slot = HashMapKey(key) & map.slot_mask;
  while (true) {
    uint32_t entry = map.slots[slot];
    if (entry == 0) return -1;
    if (MapKeysEqual(map.keys[entry - 1], key)) return entry - 1;
    slot = (slot + 1) & map.slot_mask;
  }
}

size_t Value::map_size() const {
  if (rep_ == Rep::kArrayMap) return map_data()->size;
  return map_adapter()->Size(p_.pair.b);
}

Value Value::map_key(size_t index) const {
  if (rep_ == Rep::kArrayMap) return map_data()->keys[index];
  return map_adapter()->KeyAt(p_.pair.b, index);
}

Value Value::map_value(size_t index) const {
  if (rep_ == Rep::kArrayMap) return map_data()->values[index];
  return map_adapter()->ValueAt(p_.pair.b, index);
}

bool Value::map_find(const Value& key, Value* value) const {
  Value normalized;
  if (!NormalizeMapKey(key, &normalized)) return false;
  if (rep_ == Rep::kHostMap) {
    return map_adapter()->Find(p_.pair.b, normalized, value);
  }
  ptrdiff_t i = FindMapEntry(*map_data(), normalized);
  if (i < 0) return false;
  *value = map_data()->values[i];
  return true;
}

std::string Value::DebugString() const {
  switch (kind_) {
    case Kind::kNull:
      return "null";
    case Kind::kBool:
      return p_.b ? "true" : "false";
    case Kind::kInt:
      return Cat(p_.i);
    case Kind::kUint:
      return Cat(p_.u, "u");
    case Kind::kDouble: {
      std::string s = FormatDouble(p_.d);
      // Mark integral doubles so they read differently from ints.
      if (s.find_first_of(".eIN") == std::string::npos) s += ".0";
      return s;
    }
    case Kind::kString:
      return Cat("\"", absl::CEscape(AbslView(string_value())), "\"");
    case Kind::kBytes:
      return Cat("b\"", absl::CHexEscape(AbslView(string_value())), "\"");
    case Kind::kTimestamp:
      return Cat("timestamp(\"", TimestampToString(p_.t), "\")");
    case Kind::kDuration:
      return Cat("duration(\"", DurationToString(p_.dur), "\")");
    case Kind::kList: {
      std::string out = "[";
      for (size_t i = 0; i < list_size(); ++i) {
        if (i > 0) out += ", ";
        out += list_element(i).DebugString();
      }
      return out + "]";
    }
    case Kind::kMap: {
      std::string out = "{";
      for (size_t i = 0; i < map_size(); ++i) {
        if (i > 0) out += ", ";
        Append(&out, map_key(i).DebugString(), ": ",
               map_value(i).DebugString());
      }
      return out + "}";
    }
    case Kind::kStruct:
      return Cat(struct_type()->name(), "{...}");
    case Kind::kType:
      return std::string(type_name());
    case Kind::kError:
      return Cat("error(", Quote(error_message(), QuoteStyle::kJson), ")");
    case Kind::kUnknown: {
      if (unknown_set() == nullptr) return "unknown()";
      std::string out = "unknown(";
      bool first = true;
      for (const UnknownAttribute& a : unknown_set()->Attributes()) {
        if (!first) out += ", ";
        first = false;
        out += a.path;
      }
      return out + ")";
    }
  }
  return "?";
}

}  // namespace hublint::cel
