#ifndef HUBLINT_REPORT_RENDER_H_
#define HUBLINT_REPORT_RENDER_H_

// The one entry point of the reporters: a Report in, the bytes of one format
// out. Deterministic: the same Report and options give the same bytes (times
// come from RunInfo, never from the clock), so golden files work.
//
//   RenderStats stats;
//   std::string sarif = RenderReport(Format::kSarif, report, options, &stats);
//   if (stats.results_dropped > 0) ... say so on stderr ...
//
// Each format also has its own function (RenderSarif(), RenderText(), ...,
// in <format>_report.h / sarif_writer.h / github_annotations.h).

#include <string>

#include "lint/findings/report.h"
#include "lint/report/format.h"
#include "lint/report/render_options.h"

namespace hublint {

std::string RenderReport(Format format, const Report& report,
                         const RenderOptions& options,
                         RenderStats* stats = nullptr);

}  // namespace hublint

#endif  // HUBLINT_REPORT_RENDER_H_
