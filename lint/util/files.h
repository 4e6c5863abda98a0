#ifndef HUBLINT_UTIL_FILES_H_
#define HUBLINT_UTIL_FILES_H_

// Reading inputs with a size bound, and writing outputs atomically so that a
// crash never leaves half a report or snapshot behind.

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace hublint {

// The largest input file hublint reads: 2 GiB. Larger inputs are refused
// with kResourceExhausted rather than read into memory.
inline constexpr size_t kMaxInputFileBytes = size_t{2} << 30;

// The string ReadFile() returns has at least this many bytes of capacity
// past its end, so a JSON reader can give simdjson its padding (64 bytes)
// without copying the text.
inline constexpr size_t kReadSpareBytes = 64;

// Reads all of `path`. "-" reads standard input. Errors name the path:
// kNotFound when it does not exist, kResourceExhausted past `max_bytes`,
// kFailedPrecondition for a directory, kPermissionDenied / kInternal for
// other read failures.
absl::StatusOr<std::string> ReadFile(const std::string& path,
                                     size_t max_bytes = kMaxInputFileBytes);

// Writes `contents` to `path` through a temporary file in the same directory
// and a rename, so readers see the old file or the new one, never a torn
// one. "-" writes standard output.
absl::Status WriteFileAtomically(const std::string& path,
                                 std::string_view contents);

}  // namespace hublint

#endif  // HUBLINT_UTIL_FILES_H_
