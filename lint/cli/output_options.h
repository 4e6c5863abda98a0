#ifndef HUBLINT_CLI_OUTPUT_OPTIONS_H_
#define HUBLINT_CLI_OUTPUT_OPTIONS_H_

// Where reports go: the `--format FMT`, `--output FILE` and `--category
// NAME` flags of `check` and `scan`, and writing every requested report.
//
// The flags are read with the rest of the configuration (precedence.h:
// flags over .hublint.toml's [[output]] tables), paired as output_spec.h
// says; no output at all means text on standard output.
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
#include "lint/report/output_spec.h"

namespace hublint::cli {

struct OutputOptions {
  std::vector<OutputSpec> outputs;  // never empty once parsed
  std::string category;             // --category: SARIF automationDetails.id
};

// The --format, --output and --category flag specs, for a command's flags.
std::vector<FlagSpec> OutputFlags();

// Renders `report` in every format of `options` and writes each. Every
// output is attempted even when one fails; the error names each path that
// could not be written. On ctx.err it says when a SARIF run left results
// out over GitHub's limit, and when strings had invalid UTF-8 repaired.
absl::Status WriteReports(const Report& report, const OutputOptions& options,
                          CommandContext& ctx);

}  // namespace hublint::cli

#endif  // HUBLINT_CLI_OUTPUT_OPTIONS_H_
