#ifndef HUBLINT_BENCH_ORG_GENERATOR_H_
#define HUBLINT_BENCH_ORG_GENERATOR_H_

// Deterministic synthetic organizations of any size, for benchmarks and
// scale tests. The same options always give the same organization, byte for
// byte once written.

#include <cstdint>

#include "lint/model/org_state.h"

namespace hublint::bench {

struct OrgGeneratorOptions {
  // Members; the other counts default to proportions of it (0 = derived):
  // teams = members / 50, repositories = members / 5, tokens = members / 2,
  // invites = members / 100. A 100,000-member org thus has 2,000 teams,
  // 20,000 repositories and 50,000 tokens.
  int64_t members = 1000;
  int64_t teams = 0;
  int64_t repositories = 0;
  int64_t tokens = 0;
  int64_t invites = 0;
  int64_t audit_events = 100;
  uint64_t seed = 1;
  std::string org_name = "generated";
};

// Builds the organization (finalized). Besides the random members it always
// has three owners, the Defender for Cloud connector account `mdc_user`
// with its read-only token, and the `defender-for-cloud` integration, so the
// core rules have something to look at.
OrgState GenerateOrg(const OrgGeneratorOptions& options);

}  // namespace hublint::bench

#endif  // HUBLINT_BENCH_ORG_GENERATOR_H_
