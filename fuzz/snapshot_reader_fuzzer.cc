// Fuzzes the hublint/state/v1 reader (lint/state/snapshot_reader.h): any
// bytes either read into a finalized OrgState or give a diagnostic. A state
// that reads must survive a round trip: written by the snapshot writer and
// read again, it holds the same facts. Reading the members on a second
// thread gives the same state, or the same error, as reading on one.

#include <cstdint>

#include "fuzz/fuzz_support.h"
#include "lint/state/snapshot_reader.h"
#include "lint/state/snapshot_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace hublint;
  SnapshotReadOptions one_thread;
  one_thread.members_thread_min_bytes = SIZE_MAX;
  absl::StatusOr<OrgState> state =
      ReadSnapshot(fuzz::AsString(data, size), "fuzz.json", one_thread);
  fuzz::RequireMessage(state.status());
  // Two threads, the calling one reading none of the members, or the last
  // half of them (the input's last byte picks which).
  SnapshotReadOptions two_threads;
  two_threads.members_thread_min_bytes = 0;
  two_threads.members_share_for_calling_thread =
      size > 0 && data[size - 1] % 2 == 0 ? 0.5 : 0;
  absl::StatusOr<OrgState> threaded =
      ReadSnapshot(fuzz::AsString(data, size), "fuzz.json", two_threads);
  fuzz::Require(threaded.status() == state.status(),
                Cat("two threads read differently: ",
                    ToStd(threaded.status().message())));
  if (!state.ok()) return 0;
  fuzz::Require(threaded->SameFacts(*state),
                "two threads read different facts");
  std::string written = WriteSnapshot(*state);
  absl::StatusOr<OrgState> again = ReadSnapshot(written, "again.json");
  fuzz::Require(again.ok(), Cat("the written snapshot does not read back: ",
                                ToStd(again.status().message())));
  fuzz::Require(again->SameFacts(*state), "the round trip changed a fact");
  return 0;
}
