#include "lint/state/snapshot_writer.h"

#include <doctest/doctest.h>

#include <filesystem>

#include "lint/state/snapshot_reader.h"
#include "lint/util/files.h"
#include "lint/util/strings.h"

namespace hublint {
namespace {

std::vector<std::string> FixtureOrgs() {
  std::vector<std::string> paths;
  for (const auto& entry :
       std::filesystem::directory_iterator("fixtures/orgs")) {
    if (entry.path().extension() == ".json") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

TEST_CASE("Every fixture round-trips: read, write, read gives the same facts") {
  std::vector<std::string> paths = FixtureOrgs();
  REQUIRE(paths.size() >= 6);
  for (const std::string& path : paths) {
    CAPTURE(path);
    absl::StatusOr<OrgState> first = ReadSnapshotFile(path);
    INFO(ToStd(first.status().message()));
    REQUIRE(first.ok());
    std::string written = WriteSnapshot(*first);
    absl::StatusOr<OrgState> second = ReadSnapshot(written, "<written>");
    INFO(ToStd(second.status().message()));
    REQUIRE(second.ok());
    CHECK(second->SameFacts(*first));
    // And writing is deterministic: the second write is byte-identical.
    CHECK(WriteSnapshot(*second) == written);
  }
}

TEST_CASE("The fixtures are stored in the writer's own form") {
  // So a fetched snapshot and a fixture look alike, and diffs stay small.
  for (const std::string& path : FixtureOrgs()) {
    CAPTURE(path);
    absl::StatusOr<OrgState> state = ReadSnapshotFile(path);
    REQUIRE(state.ok());
    CHECK(WriteSnapshot(*state) == *ReadFile(path));
  }
}

TEST_CASE("Unknown facts are written as null, never as false") {
  OrgState s;
  s.org_name = "o";
  Member m;
  m.username = "u";
  m.role = "member";
  s.members.push_back(m);
  AccessToken t;
  t.id = "t";
  t.expires_at = Moment::Never();
  s.access_tokens.push_back(t);
  REQUIRE(s.Finalize().empty());
  std::string out = WriteSnapshot(s);
  CHECK(out.find("\"two_factor_enabled\": null") != std::string::npos);
  CHECK(out.find("\"is_guest\": null") != std::string::npos);
  CHECK(out.find("\"expires_at\": \"never\"") != std::string::npos);
  CHECK(out.find("\"last_used_at\": null") != std::string::npos);
}

TEST_CASE("Hostile strings survive the round trip") {
  OrgState s;
  s.org_name = "o";
  Member m;
  m.username = "quote\"back\\slash\nnewline\x01 \xF0\x9F\x90\xB3";
  m.role = "member";
  m.full_name = "</script><!-- \t";
  s.members.push_back(m);
  REQUIRE(s.Finalize().empty());
  absl::StatusOr<OrgState> back = ReadSnapshot(WriteSnapshot(s), "<w>");
  REQUIRE(back.ok());
  CHECK(back->SameFacts(s));
}

TEST_CASE("WriteSnapshotFile writes atomically") {
  std::string path =
      std::filesystem::temp_directory_path() / "hublint-writer-test.json";
  OrgState s;
  s.org_name = "o";
  REQUIRE(WriteSnapshotFile(s, path).ok());
  absl::StatusOr<OrgState> back = ReadSnapshotFile(path);
  REQUIRE(back.ok());
  CHECK(back->org_name == "o");
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace hublint
