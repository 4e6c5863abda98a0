// hublint-gen-org: writes a deterministic synthetic organization as a
// hublint/state/v1 snapshot, for benchmarks and scale tests.
//
//   hublint-gen-org --members 100000 [--teams N] [--repositories N]
//                   [--tokens N] [--seed S] [--output FILE]

#include <iostream>
#include <string>

#include "bench/org_generator.h"
#include "lint/state/snapshot_writer.h"
#include "lint/util/strings.h"

namespace {

bool ParseCount(const std::string& text, int64_t* out) {
  try {
    size_t used = 0;
    long long v = std::stoll(text, &used);
    if (used != text.size() || v < 0) return false;
    *out = v;
    return true;
  } catch (...) {
    return false;
  }
}

int Usage() {
  std::cerr
      << "usage: hublint-gen-org --members N [--teams N] [--repositories N]\n"
         "                       [--tokens N] [--invites N] [--seed S]\n"
         "                       [--org NAME] [--output FILE]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  hublint::bench::OrgGeneratorOptions options;
  std::string output = "-";
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag == "--help") return Usage(), 0;
    if (i + 1 >= argc) return Usage();
    std::string value = argv[++i];
    int64_t n = 0;
    if (flag == "--output") {
      output = value;
    } else if (flag == "--org") {
      options.org_name = value;
    } else if (!ParseCount(value, &n)) {
      std::cerr << "hublint-gen-org: " << flag << " needs a whole number, got `"
                << value << "`\n";
      return 2;
    } else if (flag == "--members") {
      options.members = n;
    } else if (flag == "--teams") {
      options.teams = n;
    } else if (flag == "--repositories") {
      options.repositories = n;
    } else if (flag == "--tokens") {
      options.tokens = n;
    } else if (flag == "--invites") {
      options.invites = n;
    } else if (flag == "--seed") {
      options.seed = static_cast<uint64_t>(n);
    } else {
      std::cerr << "hublint-gen-org: unknown flag " << flag << "\n";
      return Usage();
    }
  }
  hublint::OrgState state = hublint::bench::GenerateOrg(options);
  absl::Status written = hublint::WriteSnapshotFile(state, output);
  if (!written.ok()) {
    std::cerr << "hublint-gen-org: " << hublint::ToStd(written.message())
              << "\n";
    return 1;
  }
  return 0;
}
