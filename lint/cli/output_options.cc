#include "lint/cli/output_options.h"

#include <algorithm>
#include <ostream>
#include <set>

#include "lint/report/render.h"
#include "lint/util/files.h"
#include "lint/util/strings.h"

namespace hublint::cli {

std::vector<FlagSpec> OutputFlags() {
  std::vector<std::string> names;
  for (const FormatInfo& info : AllFormats()) {
    names.emplace_back(info.name);
  }
  return {
      {"format", "FMT",
       Cat("report format: ", Join(names, ", "),
           " (default text); repeat "
           "with --output for several"),
       /*repeatable=*/true},
      {"output", "FILE",
       "write the report of the matching --format to FILE ('-': stdout)",
       /*repeatable=*/true},
      {"category", "NAME",
       "SARIF category (automationDetails.id), one per upload to GitHub"},
  };
}

absl::Status WriteReports(const Report& report, const OutputOptions& options,
                          CommandContext& ctx) {
  std::vector<std::string> failures;
  size_t invalid_utf8 = 0;
  for (const OutputSpec& output : options.outputs) {
    bool to_stdout = output.path == "-";
    RenderOptions render;
    render.colour = to_stdout && UseColour(ctx.out_is_terminal, ctx.env);
    render.sarif_category = options.category;
    RenderStats stats;
    std::string text = RenderReport(output.format, report, render, &stats);
    invalid_utf8 = std::max(invalid_utf8, stats.invalid_utf8_strings);
    std::string name = to_stdout ? std::string("standard output") : output.path;
    if (stats.results_dropped > 0) {
      ctx.err << "hublint: " << name << ": " << stats.results_dropped << " of "
              << stats.results_total
              << " results left out of the SARIF run (GitHub code scanning "
                 "takes at most "
              << render.sarif_result_limit
              << " per run); the most severe were kept\n";
    }
    if (to_stdout) {
      ctx.out << text;
      ctx.out.flush();
      if (!ctx.out)
        failures.push_back("cannot write the report to standard output");
      continue;
    }
    absl::Status written = WriteFileAtomically(output.path, text);
    if (!written.ok()) {
      failures.push_back(Cat("cannot write the ", FormatName(output.format),
                             " report to ", output.path, ": ",
                             ToStd(written.message())));
    }
  }
  if (invalid_utf8 > 0) {
    ctx.err << "hublint: " << invalid_utf8
            << (invalid_utf8 == 1 ? " string" : " strings")
            << " from the organization had invalid UTF-8, shown as U+FFFD\n";
  }
  if (!failures.empty()) {
    return absl::UnavailableError(Join(failures, "; "));
  }
  return absl::OkStatus();
}

}  // namespace hublint::cli
