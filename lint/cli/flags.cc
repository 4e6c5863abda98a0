#include "lint/cli/flags.h"

#include <algorithm>

#include "lint/util/spelling.h"
#include "lint/util/strings.h"

namespace hublint::cli {
namespace {

const FlagSpec* FindSpec(const std::vector<FlagSpec>& specs,
                         std::string_view name) {
  for (const FlagSpec& spec : specs) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

}  // namespace

std::optional<std::string> ParsedArgs::Value(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

const std::vector<std::string>& ParsedArgs::Values(
    const std::string& name) const {
  static const std::vector<std::string> kNone;
  auto it = values_.find(name);
  return it == values_.end() ? kNone : it->second;
}

absl::StatusOr<ParsedArgs> ParseArgs(const std::vector<std::string>& args,
                                     const std::vector<FlagSpec>& specs) {
  ParsedArgs parsed;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      parsed.positional_.insert(parsed.positional_.end(), args.begin() + i + 1,
                                args.end());
      break;
    }
    if (arg == "-h") {
      parsed.values_["help"].push_back("");
      continue;
    }
    if (!arg.starts_with("--") || arg == "-") {
      if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
        return absl::InvalidArgumentError(
            Cat("unknown flag `", arg, "`: flags are spelled --name"));
      }
      parsed.positional_.push_back(arg);
      continue;
    }
    std::string name = arg.substr(2);
    std::optional<std::string> inline_value;
    if (size_t eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name.resize(eq);
    }
    if (name == "help") {
      parsed.values_["help"].push_back("");
      continue;
    }
    const FlagSpec* spec = FindSpec(specs, name);
    if (spec == nullptr) {
      std::vector<std::string> names = {"help"};
      for (const FlagSpec& s : specs) names.push_back(s.name);
      std::string suggestion;
      if (std::optional<std::string> match = ClosestMatch(name, names)) {
        suggestion = Cat("; did you mean `--", *match, "`?");
      }
      return absl::InvalidArgumentError(
          Cat("unknown flag `--", name, "`", suggestion));
    }
    std::string value;
    if (spec->value_name.empty()) {
      if (inline_value) {
        return absl::InvalidArgumentError(
            Cat("flag `--", name, "` takes no value"));
      }
    } else if (inline_value) {
      value = *inline_value;
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return absl::InvalidArgumentError(Cat("flag `--", name,
                                            "` needs a value: --", name, " ",
                                            spec->value_name));
    }
    std::vector<std::string>& slot = parsed.values_[name];
    if (!slot.empty() && !spec->repeatable) {
      return absl::InvalidArgumentError(
          Cat("flag `--", name, "` given more than once"));
    }
    slot.push_back(std::move(value));
  }
  return parsed;
}

std::string FlagTable(const std::vector<FlagSpec>& specs) {
  std::vector<std::pair<std::string, std::string>> rows;
  size_t width = 0;
  for (const FlagSpec& spec : specs) {
    std::string left = Cat("--", spec.name);
    if (!spec.value_name.empty()) Append(&left, " ", spec.value_name);
    std::string help = spec.help;
    if (spec.repeatable) Append(&help, " (repeatable)");
    width = std::max(width, left.size());
    rows.emplace_back(std::move(left), std::move(help));
  }
  rows.emplace_back("--help", "show this help");
  width = std::max<size_t>(width, 6);
  std::string out;
  for (const auto& [left, help] : rows) {
    Append(&out, "  ", left, std::string(width - left.size() + 2, ' '), help,
           "\n");
  }
  return out;
}

}  // namespace hublint::cli
