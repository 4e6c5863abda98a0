#ifndef HUBLINT_UTIL_FILES_H_
#define HUBLINT_UTIL_FILES_H_

// Reading inputs with a size bound, and writing outputs atomically so that a
// crash never leaves half a report or snapshot behind.

#include <cstddef>
#include <optional>
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

// A regular file mapped into memory read-only, for large inputs: its pages
// come from the page cache, neither copied nor zeroed as a read buffer
// would be. At least kReadSpareBytes zero bytes are readable past the end
// (simdjson's padding). Move-only; unmapped when destroyed.
//
// A mapped file that another process truncates meanwhile faults on access
// (SIGBUS), as with every reader that maps its input (ripgrep, git); inputs
// that are being rewritten are what WriteFileAtomically() exists to avoid.
class MappedFile {
 public:
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&&) = delete;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view text() const { return {data_, size_}; }
  // Bytes readable from text().data(): the size and the zero padding.
  size_t readable_size() const { return mapped_size_; }

 private:
  friend absl::StatusOr<std::optional<MappedFile>> MapFile(const std::string&,
                                                           size_t, size_t);
  MappedFile(const char* data, size_t size, size_t mapped_size)
      : data_(data), size_(size), mapped_size_(mapped_size) {}
  const char* data_;
  size_t size_;
  size_t mapped_size_;
};

// Maps `path` when it is a regular file of at least `min_bytes` (and at
// most `max_bytes`, else kResourceExhausted); std::nullopt when it is not
// (standard input, a pipe, a small file), for the caller to ReadFile() it.
// Errors are ReadFile()'s.
absl::StatusOr<std::optional<MappedFile>> MapFile(
    const std::string& path, size_t min_bytes,
    size_t max_bytes = kMaxInputFileBytes);

// Writes `contents` to `path` through a temporary file in the same directory
// and a rename, so readers see the old file or the new one, never a torn
// one. "-" writes standard output.
absl::Status WriteFileAtomically(const std::string& path,
                                 std::string_view contents);

}  // namespace hublint

#endif  // HUBLINT_UTIL_FILES_H_
