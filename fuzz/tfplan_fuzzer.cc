// Fuzzes the Terraform plan reader (lint/tfplan/plan_reader.h): any bytes as
// `terraform show -json` output, read on its own and on top of a base
// snapshot (fixtures/tfplan/acme-snapshot.json), with the `.tf` files of
// fixtures/tfplan/example in memory for block locations. Either gives a
// finalized state or a diagnostic.

#include "fuzz/fuzz_support.h"
#include "lint/state/snapshot_reader.h"
#include "lint/tfplan/plan_reader.h"

namespace {

struct Fixture {
  hublint::OrgState base;
  hublint::InMemoryTfFiles files;
};

const Fixture& TheFixture() {
  static const Fixture* fixture = [] {
    auto* f = new Fixture;
    absl::StatusOr<hublint::OrgState> base = hublint::ReadSnapshot(
        hublint::fuzz::SourceFile("fixtures/tfplan/acme-snapshot.json"),
        "acme-snapshot.json");
    hublint::fuzz::Require(base.ok(), "the base snapshot does not read");
    f->base = *std::move(base);
    std::map<std::string, std::string> files;
    for (const char* name : {"hub.tf", "main.tf", "org.tf"}) {
      files[name] = hublint::fuzz::SourceFile(
          hublint::Cat("fixtures/tfplan/example/", name));
    }
    f->files = hublint::InMemoryTfFiles(std::move(files));
    return f;
  }();
  return *fixture;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace hublint;
  const Fixture& fixture = TheFixture();
  std::string text = fuzz::AsString(data, size);
  for (bool with_base : {false, true}) {
    TfPlanOptions options;
    options.base = with_base ? &fixture.base : nullptr;
    options.tf_dir = ".";
    options.files = &fixture.files;
    options.warn = [](std::string_view warning) {
      fuzz::Require(!warning.empty(), "an empty warning");
    };
    absl::StatusOr<OrgState> state =
        ReadTerraformPlan(text, "plan.json", options);
    fuzz::RequireMessage(state.status());
  }
  return 0;
}
