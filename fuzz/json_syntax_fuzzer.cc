// Differential fuzzing of the JSON syntax checker (lint/json/json_syntax.h)
// against simdjson, which reads every JSON input: both must accept and
// reject the same documents (at the same nesting limit), because readers
// call the checker to explain why simdjson refused a document, and an
// explanation that says "fine" would leave the user with none.
//
// Known, deliberate difference: simdjson refuses numbers it cannot
// represent (1e400, integers beyond 64 bits); the grammar allows them.

#include <simdjson.h>

#include "fuzz/fuzz_support.h"
#include "lint/json/json_syntax.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static simdjson::dom::parser* parser = [] {
    auto* p = new simdjson::dom::parser;
    hublint::fuzz::Require(
        p->allocate(1 << 20, hublint::kMaxJsonDepth) == simdjson::SUCCESS,
        "cannot allocate the parser");
    return p;
  }();
  if (size > (1 << 20)) return 0;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::optional<hublint::JsonSyntaxError> error =
      hublint::FindJsonSyntaxError(text);
  simdjson::padded_string padded(text);
  simdjson::error_code code = parser->parse(padded).error();
  if (code == simdjson::NUMBER_ERROR) {
    return 0;
  }
  if (error.has_value()) {
    hublint::fuzz::Require(error->offset <= size, "an offset past the end");
    hublint::fuzz::Require(!error->message.empty(), "an empty message");
  }
  hublint::fuzz::Require(
      error.has_value() == (code != simdjson::SUCCESS),
      hublint::Cat("the checker ", error ? "rejects" : "accepts",
                   " a document simdjson ", code ? "rejects: " : "accepts",
                   code ? simdjson::error_message(code) : "",
                   error ? hublint::Cat(" (checker: ", error->message, ")")
                         : std::string()));
  return 0;
}
