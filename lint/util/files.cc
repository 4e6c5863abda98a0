#include "lint/util/files.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <utility>

#include "lint/util/strings.h"

namespace hublint {
namespace {

absl::Status ErrnoError(std::string_view what, const std::string& path,
                        int err) {
  std::string message = Cat(what, " ", path, ": ", std::strerror(err));
  switch (err) {
    case ENOENT:
      return absl::NotFoundError(message);
    case EACCES:
    case EPERM:
      return absl::PermissionDeniedError(message);
    case EISDIR:
      return absl::FailedPreconditionError(message);
    default:
      return absl::InternalError(message);
  }
}

absl::Status TooLarge(const std::string& path, size_t max_bytes) {
  return absl::ResourceExhaustedError(
      Cat(path, " is larger than the limit of ", max_bytes, " bytes"));
}

// Reads `fd` to its end. `size_hint` is the file's size when known (a
// regular file): the string is then allocated once, with kReadSpareBytes
// spare (and one byte more, for the read that finds the end), and read into
// directly; a pipe, or a file that grows meanwhile, grows it as it goes.
absl::StatusOr<std::string> ReadAll(int fd, const std::string& path,
                                    size_t max_bytes, size_t size_hint) {
  std::string data;
  size_t capacity = std::min(size_hint, max_bytes) + kReadSpareBytes + 1;
  data.resize(std::max<size_t>(capacity, 1 << 16));
  size_t size = 0;
  for (;;) {
    if (size + kReadSpareBytes >= data.size()) {
      data.resize(data.size() * 2);
    }
    size_t room = data.size() - kReadSpareBytes - size;
    ssize_t n = ::read(fd, data.data() + size, room);
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoError("cannot read", path, errno);
    }
    if (n == 0) break;
    size += static_cast<size_t>(n);
    if (size > max_bytes) {
      return TooLarge(path, max_bytes);
    }
  }
  data.resize(size);  // keeps the capacity, so the spare bytes stay
  return data;
}

}  // namespace

absl::StatusOr<std::string> ReadFile(const std::string& path,
                                     size_t max_bytes) {
  if (path == "-") return ReadAll(STDIN_FILENO, "<stdin>", max_bytes, 0);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoError("cannot open", path, errno);
  struct stat st;
  size_t size_hint = 0;
  if (::fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      ::close(fd);
      return ErrnoError("cannot read", path, EISDIR);
    }
    if (S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) > max_bytes) {
      ::close(fd);
      return TooLarge(path, max_bytes);
    }
    if (S_ISREG(st.st_mode)) size_hint = static_cast<size_t>(st.st_size);
  }
  absl::StatusOr<std::string> data = ReadAll(fd, path, max_bytes, size_hint);
  ::close(fd);
  return data;
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      mapped_size_(std::exchange(other.mapped_size_, 0)) {}

MappedFile::~MappedFile() {
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), mapped_size_);
}

absl::StatusOr<std::optional<MappedFile>> MapFile(const std::string& path,
                                                  size_t min_bytes,
                                                  size_t max_bytes) {
  if (path == "-") return std::nullopt;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoError("cannot open", path, errno);
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
      static_cast<size_t>(st.st_size) < min_bytes) {
    ::close(fd);
    return std::nullopt;
  }
  size_t size = static_cast<size_t>(st.st_size);
  if (size > max_bytes) {
    ::close(fd);
    return TooLarge(path, max_bytes);
  }
  // Zero pages first, the file over them: the padding past the end is the
  // rest of the file's last page (zeroed by the kernel) or the page after.
  size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  size_t mapped_size = (size + kReadSpareBytes + page - 1) / page * page;
  void* region = ::mmap(nullptr, mapped_size, PROT_READ,
                        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (region == MAP_FAILED) {
    ::close(fd);
    return ErrnoError("cannot map", path, errno);
  }
  void* file = ::mmap(region, size, PROT_READ,
                      MAP_PRIVATE | MAP_FIXED | MAP_POPULATE, fd, 0);
  int err = errno;
  ::close(fd);
  if (file == MAP_FAILED) {
    ::munmap(region, mapped_size);
    return ErrnoError("cannot map", path, err);
  }
  return MappedFile(static_cast<const char*>(region), size, mapped_size);
}

absl::Status WriteFileAtomically(const std::string& path,
                                 std::string_view contents) {
  if (path == "-") {
    std::cout.write(contents.data(),
                    static_cast<std::streamsize>(contents.size()));
    std::cout.flush();
    if (!std::cout) return absl::InternalError("cannot write standard output");
    return absl::OkStatus();
  }
  std::string temp = Cat(path, ".tmp.", ::getpid());
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return ErrnoError("cannot create", temp, errno);
  size_t written = 0;
  while (written < contents.size()) {
    ssize_t n =
        ::write(fd, contents.data() + written, contents.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      ::unlink(temp.c_str());
      return ErrnoError("cannot write", temp, err);
    }
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    int err = errno;
    ::unlink(temp.c_str());
    return ErrnoError("cannot write", temp, err);
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(temp.c_str());
    return ErrnoError("cannot rename onto", path, err);
  }
  return absl::OkStatus();
}

}  // namespace hublint
