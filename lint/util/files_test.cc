#include "lint/util/files.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>

namespace hublint {
namespace {

std::string TempDir() {
  std::string dir = std::filesystem::temp_directory_path() /
                    ("hublint-files-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

TEST_CASE("WriteFileAtomically replaces the file and leaves no temporary") {
  std::string dir = TempDir();
  std::string path = dir + "/report.txt";
  REQUIRE(WriteFileAtomically(path, "first").ok());
  REQUIRE(WriteFileAtomically(path, "second").ok());
  CHECK(*ReadFile(path) == "second");
  int entries = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    (void)e;
    ++entries;
  }
  CHECK(entries == 1);
  std::filesystem::remove_all(dir);
}

TEST_CASE("WriteFileAtomically into a missing directory fails and names it") {
  absl::Status s = WriteFileAtomically("/nonexistent-dir/x/report.txt", "x");
  CHECK(s.code() == absl::StatusCode::kNotFound);
  CHECK(s.message().find("/nonexistent-dir/x/report.txt.tmp.") !=
        std::string::npos);
}

TEST_CASE("ReadFile errors name the path and the reason") {
  absl::StatusOr<std::string> missing = ReadFile("/no/such/file.json");
  CHECK(missing.status().code() == absl::StatusCode::kNotFound);
  CHECK(missing.status().message() ==
        "cannot open /no/such/file.json: No such file or directory");
  absl::StatusOr<std::string> dir = ReadFile("/tmp");
  CHECK(dir.status().code() == absl::StatusCode::kFailedPrecondition);
}

TEST_CASE("ReadFile refuses files over the bound") {
  std::string dir = TempDir();
  std::string path = dir + "/big";
  REQUIRE(WriteFileAtomically(path, std::string(100, 'x')).ok());
  absl::StatusOr<std::string> big = ReadFile(path, 99);
  CHECK(big.status().code() == absl::StatusCode::kResourceExhausted);
  CHECK(ReadFile(path, 100).ok());
  std::filesystem::remove_all(dir);
}

TEST_CASE("MapFile maps regular files with zero padding past the end") {
  std::string dir = TempDir();
  long page = ::sysconf(_SC_PAGESIZE);
  // Sizes around a page boundary: the padding comes from the last page's
  // tail or from the zero page after it.
  for (size_t size : {size_t{1}, size_t{100}, static_cast<size_t>(page - 64),
                      static_cast<size_t>(page - 1), static_cast<size_t>(page),
                      static_cast<size_t>(page + 1)}) {
    CAPTURE(size);
    std::string path = dir + "/map";
    std::string contents(size, 'a');
    contents.back() = 'z';
    REQUIRE(WriteFileAtomically(path, contents).ok());
    absl::StatusOr<std::optional<MappedFile>> mapped = MapFile(path, 0);
    REQUIRE(mapped.ok());
    REQUIRE(mapped->has_value());
    const MappedFile& file = **mapped;
    CHECK(file.text() == contents);
    REQUIRE(file.readable_size() >= size + kReadSpareBytes);
    for (size_t i = size; i < size + kReadSpareBytes; ++i) {
      CHECK(file.text().data()[i] == '\0');
    }
    MappedFile moved = std::move(**mapped);
    CHECK(moved.text() == contents);
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("MapFile leaves small files, pipes and standard input to ReadFile") {
  std::string dir = TempDir();
  std::string path = dir + "/small";
  REQUIRE(WriteFileAtomically(path, "{}").ok());
  absl::StatusOr<std::optional<MappedFile>> small = MapFile(path, 3);
  REQUIRE(small.ok());
  CHECK_FALSE(small->has_value());
  absl::StatusOr<std::optional<MappedFile>> in = MapFile("-", 0);
  REQUIRE(in.ok());
  CHECK_FALSE(in->has_value());
  absl::StatusOr<std::optional<MappedFile>> directory = MapFile(dir, 0);
  REQUIRE(directory.ok());
  CHECK_FALSE(directory->has_value());  // ReadFile() says why
  REQUIRE(WriteFileAtomically(path, "").ok());
  absl::StatusOr<std::optional<MappedFile>> empty_file = MapFile(path, 0);
  REQUIRE(empty_file.ok());
  CHECK_FALSE(empty_file->has_value());  // nothing to map
  std::filesystem::remove_all(dir);
}

TEST_CASE("MapFile errors are ReadFile's") {
  absl::StatusOr<std::optional<MappedFile>> missing =
      MapFile("/no/such/file.json", 0);
  CHECK(missing.status().code() == absl::StatusCode::kNotFound);
  CHECK(missing.status().message() ==
        "cannot open /no/such/file.json: No such file or directory");
  std::string dir = TempDir();
  std::string path = dir + "/big";
  REQUIRE(WriteFileAtomically(path, std::string(100, 'x')).ok());
  CHECK(MapFile(path, 0, 99).status().code() ==
        absl::StatusCode::kResourceExhausted);
  CHECK(MapFile(path, 0, 100).ok());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace hublint
