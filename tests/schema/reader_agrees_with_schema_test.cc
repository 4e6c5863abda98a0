// The C++ reader refuses every document the JSON Schema refuses (the
// schema tests run the same files through ajv).

#include <doctest/doctest.h>

#include <filesystem>

#include "lint/state/snapshot_reader.h"
#include "lint/util/strings.h"

namespace hublint {
namespace {

TEST_CASE("The reader refuses every schema-invalid document") {
  int count = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator("tests/schema/invalid")) {
    CAPTURE(entry.path().string());
    absl::StatusOr<OrgState> state = ReadSnapshotFile(entry.path());
    CHECK_FALSE(state.ok());
    ++count;
  }
  CHECK(count >= 9);
}

}  // namespace
}  // namespace hublint
