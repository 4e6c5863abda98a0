#include "bench/org_generator.h"

#include <doctest/doctest.h>

#include "lint/state/snapshot_reader.h"
#include "lint/state/snapshot_writer.h"
#include "lint/util/strings.h"

namespace hublint::bench {
namespace {

TEST_CASE("The generator is deterministic and its output reads back") {
  OrgGeneratorOptions options;
  options.members = 2000;
  OrgState a = GenerateOrg(options);
  OrgState b = GenerateOrg(options);
  std::string written = WriteSnapshot(a);
  CHECK(written == WriteSnapshot(b));
  absl::StatusOr<OrgState> back = ReadSnapshot(written, "<generated>");
  INFO(ToStd(back.status().message()));
  REQUIRE(back.ok());
  CHECK(back->SameFacts(a));
  CHECK(a.members.size() == 2001);  // plus the connector account
  CHECK(a.teams.size() == 40);
  CHECK(a.repositories.size() == 400);
  CHECK(a.access_tokens.size() == 1001);
  CHECK(a.invites.size() == 20);
  options.seed = 2;
  CHECK(WriteSnapshot(GenerateOrg(options)) != written);
}

TEST_CASE("Generated organizations have the facts the core rules need") {
  OrgGeneratorOptions options;
  options.members = 500;
  OrgState s = GenerateOrg(options);
  int without_2fa = 0, unknown_2fa = 0, editors = 0;
  for (const Member& m : s.members) {
    without_2fa += m.two_factor_enabled == false;
    unknown_2fa += !m.two_factor_enabled.has_value();
    editors += m.role == "editor";
  }
  CHECK(without_2fa > 0);
  CHECK(unknown_2fa > 0);
  CHECK(editors > 1);
  REQUIRE(s.integrations.size() == 1);
  CHECK(s.integrations[0].member_index.has_value());
  CHECK(s.integrations[0].token_indices.size() == 1);
}

}  // namespace
}  // namespace hublint::bench
