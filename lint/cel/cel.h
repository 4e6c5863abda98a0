#ifndef HUBLINT_CEL_CEL_H_
#define HUBLINT_CEL_CEL_H_

// hublint's Common Expression Language (CEL): the language of rule
// conditions (`check = "member.two_factor_enabled == true"`). Start here;
// docs/cel.md describes the language for rule authors.
//
// Guide to the public headers, in reading order:
//
//   program.h       Compile() an expression once, Program::Evaluate() it many
//                   times, from many threads. Start here.
//   env.h           Env: the variables expressions may use, with their types.
//   type.h          Type: int, string, list(T), map(K, V), structs, dyn, ...
//   host.h          StructType, FieldDecl, MemberField, VectorAdapter: how the
//                   host's own C++ objects become CEL data without copies,
//                   and how a field is declared unknowable.
//   value.h         Value: one CEL value in 24 bytes, borrowing its data;
//                   ListAdapter and MapAdapter for host collections.
//   activation.h    Activation: the variables' values for an evaluation.
//   arena.h         Arena: where the values an evaluation creates live.
//   unknown.h       Unknown results and their attribute trails (what a rule
//                   engine turns into "review" findings).
//   diagnostic.h    Compile errors with line, column and caret.
//   limits.h        The fixed limits (expression size, nesting, work).
//   value_builder.h Strings, lists and maps owned by an Arena.
//   conformance_encoding.h  Values as the suite's protobuf JSON
//                   ({"int64Value":"3"}), as `hublint eval --format json`
//                   prints them.
//   plain_json.h    Plain JSON ({"max": 3}) to values, for parameters.
//
// Everything else under lint/cel is internal: callers must not include or
// rely on it.
//
// The shape of every use:
//
//   Env env;
//   int member = *env.DeclareVariable("member", Type::Struct(MemberType()));
//   absl::StatusOr<Program> check = Compile("member.mfa == true", env);
//   Activation activation(&env);
//   Arena arena;
//   activation.Set(member, Value::Struct(MemberType(), &alice));
//   Value v = check->Evaluate(activation, &arena);  // bool, error or unknown

#include "lint/cel/activation.h"
#include "lint/cel/arena.h"
#include "lint/cel/conformance_encoding.h"
#include "lint/cel/diagnostic.h"
#include "lint/cel/env.h"
#include "lint/cel/host.h"
#include "lint/cel/limits.h"
#include "lint/cel/plain_json.h"
#include "lint/cel/program.h"
#include "lint/cel/type.h"
#include "lint/cel/unknown.h"
#include "lint/cel/value.h"
#include "lint/cel/value_builder.h"

#endif  // HUBLINT_CEL_CEL_H_
