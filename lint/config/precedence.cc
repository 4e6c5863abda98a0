#include "lint/config/precedence.h"

#include "lint/config/config_file.h"
#include "lint/util/spelling.h"
#include "lint/util/strings.h"

namespace hublint {
namespace {

const std::vector<std::string> kFailOnNames = {"error", "warning", "note",
                                               "never"};

// `path` made usable from the process: joined to `working_directory`
// unless it is absolute, "-" or the working directory is the process's.
std::string FromWorkingDirectory(const std::filesystem::path& working_directory,
                                 const std::string& path) {
  if (path == "-" || working_directory.empty() || working_directory == "." ||
      std::filesystem::path(path).is_absolute()) {
    return path;
  }
  return (working_directory / path).lexically_normal().string();
}

// Reads an overriding value: from the flag when given, else from the
// environment variable when set and not empty.
struct Override {
  std::string value;
  Provenance from;
};
std::optional<Override> Pick(const std::optional<std::string>& flag,
                             std::string_view flag_name, const Environment& env,
                             const char* variable) {
  if (flag) return Override{*flag, Provenance::Flag(std::string(flag_name))};
  std::optional<std::string> value = env.Get(variable);
  if (value && !value->empty()) {
    return Override{*value, Provenance::Environment(variable)};
  }
  return std::nullopt;
}

absl::Status Invalid(const Provenance& from, std::string_view message) {
  return absl::InvalidArgumentError(Cat(from.ToString(), ": ", message));
}

absl::StatusOr<bool> ParseBool(const Override& o) {
  std::string v = o.value;
  AsciiLowerInPlace(&v);
  if (v == "true" || v == "1" || v == "yes") return true;
  if (v == "false" || v == "0" || v == "no") return false;
  return Invalid(o.from, Cat("expected true or false, got \"", o.value, "\""));
}

// The file layer: the config file chosen by the flags and environment,
// parsed, or the defaults.
absl::StatusOr<Config> LoadChosenFile(
    const FlagValues& flags, const Environment& env,
    const std::filesystem::path& working_directory) {
  if (flags.no_config) {
    if (flags.config) {
      return absl::InvalidArgumentError(
          "flag --config: cannot be used with --no-config");
    }
    Config config;
    config.file_from = Provenance::Flag("no-config");
    return config;
  }
  std::optional<Override> named = Pick(flags.config, "config", env, kEnvConfig);
  std::string path;
  Provenance from;
  if (named) {
    path = FromWorkingDirectory(working_directory, named->value);
    from = named->from;
  } else if (std::optional<std::string> found =
                 FindConfigFile(working_directory)) {
    path = *found;
  } else {
    return Config{};
  }
  absl::StatusOr<Config> config = LoadConfigFile(path);
  if (!config.ok()) {
    if (config.status().code() == absl::StatusCode::kInvalidArgument) {
      return config.status();
    }
    return absl::InvalidArgumentError(Cat(
        from.origin == ConfigOrigin::kDefault ? "config file" : from.ToString(),
        ": ", ToStd(config.status().message())));
  }
  config->file_from = from;
  return config;
}

absl::Status ApplyOverrides(const FlagValues& flags, const Environment& env,
                            const std::filesystem::path& working_directory,
                            Config* config) {
  if (auto o = Pick(flags.org, "org", env, kEnvOrg)) {
    config->org = {o->value, o->from};
  }
  if (auto o = Pick(flags.api_url, "api-url", env, kEnvApiUrl)) {
    if (!o->value.starts_with("https://") && !o->value.starts_with("http://")) {
      return Invalid(o->from, Cat("expected an http(s) URL, like "
                                  "https://hub.docker.com; got \"",
                                  o->value, "\""));
    }
    config->api_url = {o->value, o->from};
  }
  if (!flags.rules.empty()) {
    std::vector<std::string> paths;
    for (const std::string& p : flags.rules) {
      paths.push_back(FromWorkingDirectory(working_directory, p));
    }
    config->rule_paths = {std::move(paths), Provenance::Flag("rules")};
  } else if (std::optional<std::string> v = env.Get(kEnvRules);
             v && !v->empty()) {
    std::vector<std::string> paths;
    size_t start = 0;
    while (start <= v->size()) {
      size_t end = std::min(v->find(':', start), v->size());
      if (end > start) {
        paths.push_back(FromWorkingDirectory(working_directory,
                                             v->substr(start, end - start)));
      }
      start = end + 1;
    }
    config->rule_paths = {std::move(paths), Provenance::Environment(kEnvRules)};
  }
  if (auto o = Pick(flags.fail_on, "fail-on", env, kEnvFailOn)) {
    std::optional<FailOn> parsed = ParseFailOn(o->value);
    if (!parsed) {
      return Invalid(o->from, Cat("unknown level \"", o->value,
                                  "\": expected error, warning, note or never",
                                  DidYouMean(o->value, kFailOnNames)));
    }
    config->fail_on = {*parsed, o->from};
  }
  for (auto [flag, flag_name, variable, setting] :
       {std::tuple<bool, const char*, const char*, Setting<bool>*>{
            flags.fail_on_review, "fail-on-review", kEnvFailOnReview,
            &config->fail_on_review},
        {flags.fail_on_new, "fail-on-new", kEnvFailOnNew,
         &config->fail_on_new}}) {
    if (flag) {
      *setting = {true, Provenance::Flag(flag_name)};
      continue;
    }
    if (auto o = Pick(std::nullopt, flag_name, env, variable)) {
      absl::StatusOr<bool> value = ParseBool(*o);
      if (!value.ok()) return value.status();
      *setting = {*value, o->from};
    }
  }
  if (auto o = Pick(flags.baseline, "baseline", env, kEnvBaseline)) {
    config->baseline = {FromWorkingDirectory(working_directory, o->value),
                        o->from};
  }
  if (!flags.formats.empty() || !flags.outputs.empty()) {
    absl::StatusOr<std::vector<OutputSpec>> outputs =
        PairOutputs(flags.formats, flags.outputs);
    if (!outputs.ok()) {
      return Invalid(
          Provenance::Flag(flags.formats.empty() ? "output" : "format"),
          ToStd(outputs.status().message()));
    }
    for (OutputSpec& o : *outputs) {
      if (o.path != "-")
        o.path = FromWorkingDirectory(working_directory, o.path);
    }
    config->outputs = {*std::move(outputs), Provenance::Flag("format")};
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Config> ResolveConfig(
    const FlagValues& flags, const Environment& env,
    const std::filesystem::path& working_directory) {
  absl::StatusOr<Config> config = LoadChosenFile(flags, env, working_directory);
  if (!config.ok()) return config.status();
  absl::Status status = ApplyOverrides(flags, env, working_directory, &*config);
  if (!status.ok()) return status;
  if (config->fail_on_new.value && config->baseline.value.empty()) {
    return absl::InvalidArgumentError(config->Diagnostic(
        config->fail_on_new.from,
        "fail_on_new needs a baseline: give --baseline FILE (or `baseline` "
        "in the config file)"));
  }
  return config;
}

}  // namespace hublint
