#ifndef HUBLINT_STATE_SNAPSHOT_READER_H_
#define HUBLINT_STATE_SNAPSHOT_READER_H_

// Reads a `hublint/state/v1` document (a snapshot collected by `hublint
// fetch`, or a hand-written declared state) into an OrgState, keeping the
// line and column of every resource so that findings point at it.
//
// Reading is strict, because a typo in a declared state must not silently
// turn a fact into "unknown": every field has a fixed type, unknown fields
// are errors (with a suggestion), except keys starting with "x-", which are
// extensions and ignored after a syntax check. The format is documented in
// docs/state-format.md, with a JSON Schema in docs/state-format.schema.json.
//
// Errors are kInvalidArgument statuses whose message is a diagnostic:
//
//   org.json:14:25: `members[2].two_factor_enabled`: expected a boolean or
//   null, got a string
//         "two_factor_enabled": "yes",
//                               ^
//
// (on one line). Reading the file itself can fail with the codes of
// ReadFile() (kNotFound, ...).

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "lint/model/org_state.h"

namespace hublint {

struct SnapshotReadOptions {
  // Deepest nesting of arrays and objects accepted (extension values
  // included); deeper input is rejected, never recursed into.
  int max_depth = 64;
  // A text at least this long has its `members` array read on a second
  // thread while the rest is read on the calling one (when the machine has
  // two cores or more). The result, errors included, is the same either
  // way; SIZE_MAX reads on one thread.
  size_t members_thread_min_bytes = size_t{1} << 20;
  // With members on a second thread, the share of them (the last ones)
  // that the calling thread reads itself once it has indexed the text,
  // from 0 to 1; negative balances the two threads by the sizes of the
  // members and of the rest. The result is the same whatever the share
  // (tests and the fuzzer set it to reach every path).
  double members_share_for_calling_thread = -1;
  // ReadSnapshotFile() maps a regular file at least this long rather than
  // reading it into memory (see MappedFile in lint/util/files.h).
  size_t map_min_bytes = size_t{1} << 20;
};

// Reads the document in `text`; `name` is what diagnostics call it (a path,
// or "<string>"). The returned state is finalized (OrgState::Finalize()),
// with `name` as its only source file.
absl::StatusOr<OrgState> ReadSnapshot(std::string text, std::string name,
                                      const SnapshotReadOptions& options = {});

// Reads the file at `path` ("-" for standard input).
absl::StatusOr<OrgState> ReadSnapshotFile(
    const std::string& path, const SnapshotReadOptions& options = {});

}  // namespace hublint

#endif  // HUBLINT_STATE_SNAPSHOT_READER_H_
