#ifndef HUBLINT_TESTS_FAKE_HUB_GENERATE_ORG_H_
#define HUBLINT_TESTS_FAKE_HUB_GENERATE_ORG_H_

// Synthetic organizations of any size for the fake Docker Hub (benchmarks,
// paging tests): deterministic for a given size and seed.

#include <cstdint>
#include <string>

#include "lint/model/org_state.h"

namespace hublint::fake_hub {

struct GenerateOptions {
  std::string name = "bigorg";
  int members = 5000;
  int repositories = 1000;
  int teams = 100;  // "owners" plus teams-1 others
  int invites = 50;
  int org_tokens = 20;
  int personal_tokens = 5;  // owned by the first member, "user00000"
  int audit_events = 300;
  uint64_t seed = 1;
};

// A finalized state: members user00000..., the first three owners, one in a
// hundred an editor; each member in one to three teams; each team with
// grants on about ten repositories.
OrgState GenerateOrg(const GenerateOptions& options);

}  // namespace hublint::fake_hub

#endif  // HUBLINT_TESTS_FAKE_HUB_GENERATE_ORG_H_
