// Fuzzes the hublint/state/v1 reader (lint/state/snapshot_reader.h): any
// bytes either read into a finalized OrgState or give a diagnostic. A state
// that reads must survive a round trip: written by the snapshot writer and
// read again, it holds the same facts.

#include "fuzz/fuzz_support.h"
#include "lint/state/snapshot_reader.h"
#include "lint/state/snapshot_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace hublint;
  absl::StatusOr<OrgState> state =
      ReadSnapshot(fuzz::AsString(data, size), "fuzz.json");
  fuzz::RequireMessage(state.status());
  if (!state.ok()) return 0;
  std::string written = WriteSnapshot(*state);
  absl::StatusOr<OrgState> again = ReadSnapshot(written, "again.json");
  fuzz::Require(again.ok(), Cat("the written snapshot does not read back: ",
                                ToStd(again.status().message())));
  fuzz::Require(again->SameFacts(*state), "the round trip changed a fact");
  return 0;
}
