#include "lint/cel/conformance_encoding.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_format.h"
#include "lint/cel/double_format.h"
#include "lint/cel/host.h"
#include "lint/cel/json_reader.h"
#include "lint/cel/strings.h"
#include "lint/cel/time_util.h"
#include "lint/cel/unknown.h"
#include "lint/cel/value_builder.h"

namespace hublint::cel {
namespace {

constexpr int kMaxDepth = 64;
constexpr std::string_view kTimestampType =
    "type.googleapis.com/google.protobuf.Timestamp";
constexpr std::string_view kDurationType =
    "type.googleapis.com/google.protobuf.Duration";

absl::Status Encode(const Value& v, int depth, std::string* out);

absl::Status EncodeStruct(const Value& v, int depth, std::string* out) {
  const StructType* type = v.struct_type();
  std::string entries;
  for (size_t i = 0; i < type->fields().size(); ++i) {
    const FieldDecl& f = type->field(static_cast<int>(i));
    Value field = f.read(v.struct_object(), f);
    if (field.is_unknown_fact()) continue;
    if (!entries.empty()) entries += ",";
    Append(&entries, "{\"key\":{\"stringValue\":", JsonQuote(f.name),
           "},\"value\":");
    absl::Status s = Encode(field, depth + 1, &entries);
    if (!s.ok()) return s;
    entries += "}";
  }
  if (entries.empty()) {
    out->append("{\"mapValue\":{}}");
  } else {
    Append(out, "{\"mapValue\":{\"entries\":[", entries, "]}}");
  }
  return absl::OkStatus();
}

absl::Status Encode(const Value& v, int depth, std::string* out) {
  if (depth > kMaxDepth) {
    return absl::InvalidArgumentError("value nested too deeply to encode");
  }
  switch (v.kind()) {
    case Kind::kNull:
      out->append("{\"nullValue\":null}");
      break;
    case Kind::kBool:
      Append(out, "{\"boolValue\":", v.bool_value() ? "true" : "false", "}");
      break;
    case Kind::kInt:
      Append(out, "{\"int64Value\":\"", v.int_value(), "\"}");
      break;
    case Kind::kUint:
      Append(out, "{\"uint64Value\":\"", v.uint_value(), "\"}");
      break;
    case Kind::kDouble: {
      double d = v.double_value();
      std::string text = FormatDouble(d);
      if (std::isnan(d) || std::isinf(d)) text = JsonQuote(text);
      Append(out, "{\"doubleValue\":", text, "}");
      break;
    }
    case Kind::kString:
      Append(out, "{\"stringValue\":", JsonQuote(v.string_value()), "}");
      break;
    case Kind::kBytes:
      Append(out, "{\"bytesValue\":\"",
             absl::Base64Escape(AbslView(v.string_value())), "\"}");
      break;
    case Kind::kType:
      Append(out, "{\"typeValue\":", JsonQuote(v.type_name()), "}");
      break;
    case Kind::kTimestamp:
      Append(out, "{\"objectValue\":{\"@type\":\"", kTimestampType,
             "\",\"value\":\"", TimestampToString(v.timestamp_value()), "\"}}");
      break;
    case Kind::kDuration:
      Append(out, "{\"objectValue\":{\"@type\":\"", kDurationType,
             "\",\"value\":\"", DurationToString(v.duration_value()), "\"}}");
      break;
    case Kind::kList: {
      size_t n = v.list_size();
      if (n == 0) {
        out->append("{\"listValue\":{}}");
        break;
      }
      out->append("{\"listValue\":{\"values\":[");
      for (size_t i = 0; i < n; ++i) {
        if (i > 0) out->push_back(',');
        absl::Status s = Encode(v.list_element(i), depth + 1, out);
        if (!s.ok()) return s;
      }
      out->append("]}}");
      break;
    }
    case Kind::kMap: {
      size_t n = v.map_size();
      if (n == 0) {
        out->append("{\"mapValue\":{}}");
        break;
      }
      out->append("{\"mapValue\":{\"entries\":[");
      for (size_t i = 0; i < n; ++i) {
        if (i > 0) out->push_back(',');
        out->append("{\"key\":");
        absl::Status s = Encode(v.map_key(i), depth + 1, out);
        if (!s.ok()) return s;
        out->append(",\"value\":");
        s = Encode(v.map_value(i), depth + 1, out);
        if (!s.ok()) return s;
        out->push_back('}');
      }
      out->append("]}}");
      break;
    }
    case Kind::kStruct:
      return EncodeStruct(v, depth, out);
    case Kind::kError:
    case Kind::kUnknown:
      return absl::InvalidArgumentError(
          Cat("an ", KindName(v.kind()), " value has no encoding"));
  }
  return absl::OkStatus();
}

absl::Status Bad(std::string_view what) {
  return absl::InvalidArgumentError(Cat("invalid conformance value: ", what));
}

template <typename T>
bool ParseNumber(std::string_view s, T* out) {
  const char* end = s.data() + s.size();
  auto r = std::from_chars(s.data(), end, *out);
  return !s.empty() && r.ec == std::errc() && r.ptr == end;
}

absl::StatusOr<Value> Decode(const JsonNode& node, Arena* arena, int depth) {
  if (depth > kMaxDepth) return Bad("nested too deeply");
  if (!node.is_object() || node.object_size() != 1) {
    return Bad("expected an object with one member");
  }
  std::string_view kind = node.member_key(0);
  const JsonNode& body = node.member_value(0);
  if (kind == "nullValue") return Value::Null();
  if (kind == "boolValue") {
    if (!body.is_bool()) return Bad("boolValue");
    return Value::Bool(body.bool_value());
  }
  if (kind == "int64Value") {
    int64_t i;
    if (body.is_string() ? !ParseNumber(body.string_value(), &i)
                         : !body.to_int64(&i)) {
      return Bad("int64Value");
    }
    return Value::Int(i);
  }
  if (kind == "uint64Value") {
    uint64_t u;
    if (body.is_string() ? !ParseNumber(body.string_value(), &u)
                         : !body.to_uint64(&u)) {
      return Bad("uint64Value");
    }
    return Value::Uint(u);
  }
  if (kind == "doubleValue") {
    if (body.is_string()) {
      std::string_view s = body.string_value();
      if (s == "NaN") return Value::Double(std::nan(""));
      if (s == "Infinity") return Value::Double(HUGE_VAL);
      if (s == "-Infinity") return Value::Double(-HUGE_VAL);
      double d;
      if (!ParseNumber(s, &d)) return Bad("doubleValue");
      return Value::Double(d);
    }
    double d;
    if (!body.to_double(&d)) return Bad("doubleValue");
    return Value::Double(d);
  }
  if (kind == "stringValue") {
    if (!body.is_string()) return Bad("stringValue");
    return MakeString(arena, body.string_value());
  }
  if (kind == "bytesValue") {
    std::string bytes;
    if (!body.is_string() ||
        !absl::Base64Unescape(AbslView(body.string_value()), &bytes)) {
      return Bad("bytesValue");
    }
    return MakeBytes(arena, bytes);
  }
  if (kind == "typeValue") {
    if (!body.is_string()) return Bad("typeValue");
    return Value::Type(arena->CopyString(body.string_value()));
  }
  if (kind == "listValue") {
    if (!body.is_object()) return Bad("listValue");
    ListBuilder list(arena);
    const JsonNode* values = body.Find("values");
    if (values != nullptr) {
      if (!values->is_array()) return Bad("listValue.values");
      for (size_t i = 0; i < values->array_size(); ++i) {
        absl::StatusOr<Value> e = Decode(values->element(i), arena, depth + 1);
        if (!e.ok()) return e.status();
        list.Add(*e);
      }
    }
    return list.Build();
  }
  if (kind == "mapValue") {
    if (!body.is_object()) return Bad("mapValue");
    MapBuilder map(arena);
    const JsonNode* entries = body.Find("entries");
    if (entries != nullptr) {
      if (!entries->is_array()) return Bad("mapValue.entries");
      for (size_t i = 0; i < entries->array_size(); ++i) {
        const JsonNode& entry = entries->element(i);
        const JsonNode* k = entry.Find("key");
        const JsonNode* v = entry.Find("value");
        if (k == nullptr || v == nullptr) return Bad("map entry");
        absl::StatusOr<Value> key = Decode(*k, arena, depth + 1);
        if (!key.ok()) return key.status();
        absl::StatusOr<Value> value = Decode(*v, arena, depth + 1);
        if (!value.ok()) return value.status();
        absl::Status added = map.Add(*key, *value);
        if (!added.ok()) return added;
      }
    }
    return map.Build();
  }
  if (kind == "objectValue") {
    const JsonNode* type = body.Find("@type");
    const JsonNode* value = body.Find("value");
    if (type == nullptr || value == nullptr || !type->is_string() ||
        !value->is_string()) {
      return Bad("objectValue");
    }
    if (type->string_value() == kTimestampType) {
      absl::StatusOr<absl::Time> t = TimestampFromString(value->string_value());
      if (!t.ok()) return t.status();
      return Value::Timestamp(*t);
    }
    if (type->string_value() == kDurationType) {
      absl::StatusOr<absl::Duration> d =
          DurationFromString(value->string_value());
      if (!d.ok()) return d.status();
      return Value::Duration(*d);
    }
    return absl::UnimplementedError(
        Cat("unsupported object type ", type->string_value()));
  }
  return Bad(Cat("unknown kind \"", kind, "\""));
}

}  // namespace

std::string JsonQuote(std::string_view s) {
  return Quote(s, QuoteStyle::kJson);
}

absl::StatusOr<std::string> ValueToConformanceJson(const Value& value) {
  std::string out;
  absl::Status s = Encode(value, 0, &out);
  if (!s.ok()) return s;
  return out;
}

absl::StatusOr<Value> ValueFromConformanceJson(std::string_view json,
                                               Arena* arena) {
  absl::StatusOr<JsonDocument> doc = JsonDocument::Parse(json);
  if (!doc.ok()) return doc.status();
  return Decode(doc->root(), arena, 0);
}

absl::StatusOr<Value> ValueFromConformanceNode(const JsonNode& node,
                                               Arena* arena) {
  return Decode(node, arena, 0);
}

std::string EvalResultToJson(const Value& value) {
  if (value.is_error()) {
    return Cat("{\"error\":", JsonQuote(value.error_message()), "}");
  }
  if (value.is_unknown()) {
    std::string out = "{\"unknown\":[";
    if (value.unknown_set() != nullptr) {
      bool first = true;
      for (const UnknownAttribute& a : value.unknown_set()->Attributes()) {
        if (!first) out.push_back(',');
        first = false;
        out += JsonQuote(a.path);
      }
    }
    return out + "]}";
  }
  absl::StatusOr<std::string> encoded = ValueToConformanceJson(value);
  if (!encoded.ok()) {
    return Cat("{\"error\":", JsonQuote(StdView(encoded.status().message())),
               "}");
  }
  return Cat("{\"value\":", *encoded, "}");
}

}  // namespace hublint::cel
