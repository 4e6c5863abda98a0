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

}  // namespace
}  // namespace hublint
