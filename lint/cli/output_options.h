#ifndef HUBLINT_CLI_OUTPUT_OPTIONS_H_
#define HUBLINT_CLI_OUTPUT_OPTIONS_H_

// Where reports go: the `--format FMT`, `--output FILE` and `--category
// NAME` flags of `check` and `scan`, and writing every requested report.
//
// Pairing: formats and outputs pair up in the order given, so
//   --format sarif --output hublint.sarif --format json --output out.json
// writes two files. A format without an output goes to standard output; at
// most one format may, and `--output -` is standard output too. No flag at
// all means `--format text` on standard output. More outputs than formats,
// the same file twice, or two formats on standard output are usage errors
// that say what to write instead.
//
// Writing: each file through a temporary file and a rename
// (WriteFileAtomically), so a crash or a full disk never leaves half a
// report for CI to upload; standard output through ctx.out, coloured only
// on a terminal without NO_COLOR.

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "lint/cli/command.h"
#include "lint/cli/flags.h"
#include "lint/findings/report.h"
#include "lint/report/format.h"

namespace hublint::cli {

// One report to write.
struct OutputSpec {
  Format format = Format::kText;
  std::string path = "-";  // "-" is standard output
  bool operator==(const OutputSpec&) const = default;
};

struct OutputOptions {
  std::vector<OutputSpec> outputs;  // never empty once parsed
  std::string category;             // --category: SARIF automationDetails.id
};

// The --format, --output and --category flag specs, for a command's flags.
std::vector<FlagSpec> OutputFlags();

// Pairs `formats` with `outputs` as described above. Errors are
// kInvalidArgument with a one-line message for UsageError().
absl::StatusOr<std::vector<OutputSpec>> PairOutputs(
    const std::vector<std::string>& formats,
    const std::vector<std::string>& outputs);

// The output options from parsed flags (OutputFlags()).
absl::StatusOr<OutputOptions> ParseOutputOptions(const ParsedArgs& args);

// Renders `report` in every format of `options` and writes each. Every
// output is attempted even when one fails; the error names each path that
// could not be written. On ctx.err it says when a SARIF run left results
// out over GitHub's limit, and when strings had invalid UTF-8 repaired.
absl::Status WriteReports(const Report& report, const OutputOptions& options,
                          CommandContext& ctx);

}  // namespace hublint::cli

#endif  // HUBLINT_CLI_OUTPUT_OPTIONS_H_
