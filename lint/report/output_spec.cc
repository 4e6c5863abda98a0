#include "lint/report/output_spec.h"

#include <set>

#include "lint/util/strings.h"

namespace hublint {

absl::StatusOr<std::vector<OutputSpec>> PairOutputs(
    const std::vector<std::string>& formats,
    const std::vector<std::string>& outputs) {
  if (outputs.size() > formats.size()) {
    return absl::InvalidArgumentError(
        Cat("more --output files than --format flags (", outputs.size(),
            " and ", formats.size(),
            "): give each --output FILE a --format before it, e.g. --format "
            "sarif --output ",
            outputs[formats.size()]));
  }
  std::vector<OutputSpec> specs;
  for (size_t i = 0; i < formats.size(); ++i) {
    absl::StatusOr<Format> format = ParseFormat(formats[i]);
    if (!format.ok()) return format.status();
    specs.push_back({*format, i < outputs.size() ? outputs[i] : "-"});
  }
  absl::Status checked = CheckOutputs(specs);
  if (!checked.ok()) return checked;
  return specs;
}

absl::Status CheckOutputs(const std::vector<OutputSpec>& outputs) {
  std::set<std::string> paths;
  std::vector<std::string> to_stdout;
  for (const OutputSpec& spec : outputs) {
    std::string_view format = FormatName(spec.format);
    if (spec.path.empty()) {
      return absl::InvalidArgumentError(
          Cat("--output for --format ", format,
              " is empty: give a file name, or - for stdout"));
    }
    if (spec.path == "-") {
      to_stdout.emplace_back(format);
    } else if (!paths.insert(spec.path).second) {
      return absl::InvalidArgumentError(
          Cat("`", spec.path,
              "` is given as --output twice: each report needs its own file"));
    }
  }
  if (to_stdout.size() > 1) {
    return absl::InvalidArgumentError(
        Cat("formats ", Join(to_stdout, " and "),
            " would both go to standard output: give all but one an --output "
            "FILE"));
  }
  return absl::OkStatus();
}

}  // namespace hublint
