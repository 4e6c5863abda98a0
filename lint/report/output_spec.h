#ifndef HUBLINT_REPORT_OUTPUT_SPEC_H_
#define HUBLINT_REPORT_OUTPUT_SPEC_H_

// OutputSpec: one report to write, a format and where it goes. The
// configuration file's [[output]] tables and the --format/--output flags
// both become a list of them, checked the same way.
//
// Pairing flags: formats and outputs pair up in the order given, so
//   --format sarif --output hublint.sarif --format json --output out.json
// writes two files. A format without an output goes to standard output
// ("-"); at most one report may. More outputs than formats, the same file
// twice, an empty path or two reports on standard output are errors that
// say what to write instead.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "lint/report/format.h"

namespace hublint {

struct OutputSpec {
  Format format = Format::kText;
  std::string path = "-";  // "-" is standard output
  bool operator==(const OutputSpec&) const = default;
};

// Pairs --format values (names, checked with ParseFormat) with --output
// values, then CheckOutputs(). No format at all gives an empty list (the
// caller's default applies). Errors are kInvalidArgument, one line.
absl::StatusOr<std::vector<OutputSpec>> PairOutputs(
    const std::vector<std::string>& formats,
    const std::vector<std::string>& outputs);

// At most one report on standard output, no file twice, no empty path.
absl::Status CheckOutputs(const std::vector<OutputSpec>& outputs);

}  // namespace hublint

#endif  // HUBLINT_REPORT_OUTPUT_SPEC_H_
