// Fuzzes the baseline reader (lint/config/baseline.h): any bytes as a SARIF
// log either give a baseline or a diagnostic; a baseline that reads is then
// applied to a few findings, one of which matches a result of the seeds.

#include "fuzz/fuzz_support.h"
#include "lint/config/baseline.h"

namespace {

std::vector<hublint::Finding> SomeFindings() {
  std::vector<hublint::Finding> findings;
  for (const char* resource : {"member:bob", "integration:defender-for-cloud",
                               "member:user1"}) {
    hublint::Finding f;
    f.rule_id = "DH-MFA-001";
    f.level = hublint::Level::kError;
    f.kind = hublint::FindingKind::kFail;
    f.resource = resource;
    f.message = "fuzz";
    findings.push_back(std::move(f));
  }
  return findings;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace hublint;
  absl::StatusOr<Baseline> baseline =
      ParseBaseline(fuzz::AsString(data, size), "baseline.sarif");
  fuzz::RequireMessage(baseline.status());
  if (!baseline.ok()) return 0;
  std::vector<Finding> findings = SomeFindings();
  size_t before = findings.size();
  ApplyBaseline(*baseline, &findings);
  fuzz::Require(findings.size() >= before, "the baseline lost a finding");
  return 0;
}
