#ifndef HUBLINT_FUZZ_FUZZ_SUPPORT_H_
#define HUBLINT_FUZZ_FUZZ_SUPPORT_H_

// Small helpers shared by the fuzz targets in fuzz/. A target's contract is
// "never crash, never hang, never trip a sanitizer"; on top of it some
// targets check properties (a snapshot that reads back the same after a
// round trip), and a broken property must be a crash too, so libFuzzer keeps
// the input.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "lint/util/files.h"
#include "lint/util/strings.h"

namespace hublint::fuzz {

inline std::string AsString(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// Aborts with `what` when `condition` is false.
inline void Require(bool condition, std::string_view what) {
  if (condition) return;
  std::fprintf(stderr, "fuzz property violated: %.*s\n",
               static_cast<int>(what.size()), what.data());
  std::abort();
}

// Every error a reader returns must be a diagnostic, not an empty message.
inline void RequireMessage(const absl::Status& status) {
  Require(status.ok() || !status.message().empty(),
          "an error without a message");
}

// Reads a file of the source tree (fixtures the targets evaluate against);
// a missing fixture is a broken build, so it aborts.
inline std::string SourceFile(std::string_view relative) {
  absl::StatusOr<std::string> text =
      ReadFile(Cat(HUBLINT_SOURCE_DIR, "/", relative));
  Require(text.ok(), Cat("cannot read ", relative));
  return *std::move(text);
}

}  // namespace hublint::fuzz

#endif  // HUBLINT_FUZZ_FUZZ_SUPPORT_H_
