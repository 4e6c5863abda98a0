#include "lint/util/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

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

absl::StatusOr<std::string> ReadAll(int fd, const std::string& path,
                                    size_t max_bytes) {
  std::string data;
  char buffer[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoError("cannot read", path, errno);
    }
    if (n == 0) return data;
    if (data.size() + static_cast<size_t>(n) > max_bytes) {
      return absl::ResourceExhaustedError(
          Cat(path, " is larger than the limit of ", max_bytes, " bytes"));
    }
    data.append(buffer, static_cast<size_t>(n));
  }
}

}  // namespace

absl::StatusOr<std::string> ReadFile(const std::string& path,
                                     size_t max_bytes) {
  if (path == "-") return ReadAll(STDIN_FILENO, "<stdin>", max_bytes);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoError("cannot open", path, errno);
  struct stat st;
  if (::fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      ::close(fd);
      return ErrnoError("cannot read", path, EISDIR);
    }
    if (S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) > max_bytes) {
      ::close(fd);
      return absl::ResourceExhaustedError(
          Cat(path, " is larger than the limit of ", max_bytes, " bytes"));
    }
  }
  absl::StatusOr<std::string> data = ReadAll(fd, path, max_bytes);
  ::close(fd);
  return data;
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
