#ifndef HUBLINT_CEL_CONFORMANCE_ENCODING_H_
#define HUBLINT_CEL_CONFORMANCE_ENCODING_H_

// The JSON encoding of values used by the CEL conformance suite (protobuf
// JSON of cel.expr.Value), which is also what `hublint eval --format json`
// prints:
//
//   {"nullValue":null}  {"boolValue":true}  {"int64Value":"-3"}
//   {"uint64Value":"3"}  {"doubleValue":1.5}  {"doubleValue":"NaN"}
//   {"stringValue":"a"}  {"bytesValue":"AP8="}  {"typeValue":"int"}
//   {"listValue":{"values":[V,...]}}   (empty: {"listValue":{}})
//   {"mapValue":{"entries":[{"key":K,"value":V},...]}}   (empty:
//   {"mapValue":{}})
//   {"objectValue":{"@type":"type.googleapis.com/google.protobuf.Timestamp",
//                   "value":"2009-02-13T23:31:30Z"}}
//   {"objectValue":{"@type":"type.googleapis.com/google.protobuf.Duration",
//                   "value":"1.5s"}}
//
// Doubles are written in their shortest form; "NaN", "Infinity" and
// "-Infinity" as strings. A host struct is written as a mapValue of its
// known fields (unknown facts are left out).

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "lint/cel/arena.h"
#include "lint/cel/value.h"

namespace hublint::cel {

class JsonNode;

// Compact one-line JSON for `value`. Fails (InvalidArgument) for errors and
// unknowns, which have no encoding, and for host data nested more than 64
// levels deep.
absl::StatusOr<std::string> ValueToConformanceJson(const Value& value);

// Parses one encoded value; strings, lists and maps are allocated in
// `arena`.
absl::StatusOr<Value> ValueFromConformanceJson(std::string_view json,
                                               Arena* arena);

// The same from an already parsed JSON tree (json_reader.h), for the
// conformance harness.
absl::StatusOr<Value> ValueFromConformanceNode(const JsonNode& node,
                                               Arena* arena);

// The result of an evaluation as one JSON object: {"value":V} for a value,
// {"error":"message"} for an error, {"unknown":["member.mfa",...]} for an
// unknown (the attribute paths).
std::string EvalResultToJson(const Value& value);

// `s` as a JSON string literal, quotes included.
std::string JsonQuote(std::string_view s);

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_CONFORMANCE_ENCODING_H_
