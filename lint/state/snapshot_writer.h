#ifndef HUBLINT_STATE_SNAPSHOT_WRITER_H_
#define HUBLINT_STATE_SNAPSHOT_WRITER_H_

// Writes an OrgState as a `hublint/state/v1` document that ReadSnapshot()
// reads back to the same facts (OrgState::SameFacts), with every field
// present (null for unknown) so a snapshot kept as evidence shows what was
// and was not known. Output is deterministic: the same state gives the same
// bytes, so snapshots diff cleanly from one night to the next.

#include <string>

#include "absl/status/status.h"
#include "lint/model/org_state.h"

namespace hublint {

// The document, pretty-printed with two-space indentation and a final
// newline.
std::string WriteSnapshot(const OrgState& state);

// Writes the document to `path` atomically (temporary file and rename).
absl::Status WriteSnapshotFile(const OrgState& state, const std::string& path);

}  // namespace hublint

#endif  // HUBLINT_STATE_SNAPSHOT_WRITER_H_
