#include "lint/config/precedence.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "lint/util/strings.h"

namespace hublint {
namespace {

// A scratch working directory with a .hublint.toml in it.
class WorkDir {
 public:
  explicit WorkDir(std::string_view config_text) {
    path_ = std::filesystem::temp_directory_path() /
            Cat("hublint-precedence-test-", ::getpid());
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_ / "sub");
    if (!config_text.empty()) {
      std::ofstream(path_ / ".hublint.toml") << config_text;
    }
  }
  ~WorkDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }
  std::string File(std::string_view name) const {
    return (path_ / name).string();
  }

 private:
  std::filesystem::path path_;
};

// FlagValues with the fields `set` sets.
FlagValues Flags(void (*set)(FlagValues&)) {
  FlagValues flags;
  set(flags);
  return flags;
}

constexpr char kFile[] = R"toml(org = "contoso"
api_url = "https://hub.example.com"
rule_paths = ["policies"]
fail_on = "warning"
fail_on_review = true
fail_on_new = false
baseline = "previous.sarif"

[[output]]
format = "sarif"
path = "out/hublint.sarif"
)toml";

TEST_CASE("Each setting: flag over environment over file over default") {
  WorkDir dir(kFile);
  std::string file = dir.File(".hublint.toml");
  struct {
    const char* name;
    FlagValues flags;
    std::map<std::string, std::string> env;
    // The setting under test, rendered, and where it came from.
    std::string (*get)(const Config&);
    std::string expected;
  } cases[] = {
      {"org from the file",
       {},
       {},
       [](const Config& c) {
         return Cat(c.org.value, " ", c.org.from.ToString());
       },
       Cat("contoso ", file, ":1:7")},
      {"org from the environment",
       {},
       {{"HUBLINT_ORG", "fabrikam"}},
       [](const Config& c) {
         return Cat(c.org.value, " ", c.org.from.ToString());
       },
       "fabrikam env HUBLINT_ORG"},
      {"org from the flag",
       Flags([](FlagValues& f) { f.org = "northwind"; }),
       {{"HUBLINT_ORG", "fabrikam"}},
       [](const Config& c) {
         return Cat(c.org.value, " ", c.org.from.ToString());
       },
       "northwind flag --org"},
      {"an empty variable counts as unset",
       {},
       {{"HUBLINT_ORG", ""}},
       [](const Config& c) {
         return Cat(c.org.value, " ", c.org.from.ToString());
       },
       Cat("contoso ", file, ":1:7")},
      {"api_url from the environment",
       {},
       {{"HUBLINT_API_URL", "http://127.0.0.1:9000"}},
       [](const Config& c) {
         return Cat(c.api_url.value, " ", c.api_url.from.ToString());
       },
       "http://127.0.0.1:9000 env HUBLINT_API_URL"},
      {"api_url from the flag",
       Flags([](FlagValues& f) { f.api_url = "https://hub.docker.com"; }),
       {{"HUBLINT_API_URL", "http://127.0.0.1:9000"}},
       [](const Config& c) {
         return Cat(c.api_url.value, " ", c.api_url.from.ToString());
       },
       "https://hub.docker.com flag --api-url"},
      {"rule paths from the file, resolved against its folder",
       {},
       {},
       [](const Config& c) { return Join(c.rule_paths.value, ","); },
       dir.File("policies")},
      {"rule paths from the environment replace the file's",
       {},
       {{"HUBLINT_RULES", "a:b::c"}},
       [](const Config& c) {
         return Cat(Join(c.rule_paths.value, ","), " ",
                    c.rule_paths.from.ToString());
       },
       Cat(dir.File("a"), ",", dir.File("b"), ",", dir.File("c"),
           " env HUBLINT_RULES")},
      {"rule paths from the flags replace both",
       Flags([](FlagValues& f) {
         f.rules = {"x", "/abs/y"};
       }),
       {{"HUBLINT_RULES", "a"}},
       [](const Config& c) {
         return Cat(Join(c.rule_paths.value, ","), " ",
                    c.rule_paths.from.ToString());
       },
       Cat(dir.File("x"), ",/abs/y flag --rules")},
      {"fail_on from the file",
       {},
       {},
       [](const Config& c) {
         return Cat(FailOnName(c.fail_on.value), " ",
                    c.fail_on.from.ToString());
       },
       Cat("warning ", file, ":4:11")},
      {"fail_on from the environment",
       {},
       {{"HUBLINT_FAIL_ON", "note"}},
       [](const Config& c) {
         return Cat(FailOnName(c.fail_on.value), " ",
                    c.fail_on.from.ToString());
       },
       "note env HUBLINT_FAIL_ON"},
      {"fail_on from the flag",
       Flags([](FlagValues& f) { f.fail_on = "never"; }),
       {{"HUBLINT_FAIL_ON", "note"}},
       [](const Config& c) {
         return Cat(FailOnName(c.fail_on.value), " ",
                    c.fail_on.from.ToString());
       },
       "never flag --fail-on"},
      {"fail_on_review from the file",
       {},
       {},
       [](const Config& c) {
         return Cat(c.fail_on_review.value ? "1" : "0", " ",
                    c.fail_on_review.from.ToString());
       },
       Cat("1 ", file, ":5:18")},
      {"the environment turns fail_on_review off",
       {},
       {{"HUBLINT_FAIL_ON_REVIEW", "False"}},
       [](const Config& c) {
         return Cat(c.fail_on_review.value ? "1" : "0", " ",
                    c.fail_on_review.from.ToString());
       },
       "0 env HUBLINT_FAIL_ON_REVIEW"},
      {"the switch wins over the environment",
       Flags([](FlagValues& f) { f.fail_on_review = true; }),
       {{"HUBLINT_FAIL_ON_REVIEW", "0"}},
       [](const Config& c) {
         return Cat(c.fail_on_review.value ? "1" : "0", " ",
                    c.fail_on_review.from.ToString());
       },
       "1 flag --fail-on-review"},
      {"fail_on_new from the environment",
       {},
       {{"HUBLINT_FAIL_ON_NEW", "yes"}},
       [](const Config& c) {
         return Cat(c.fail_on_new.value ? "1" : "0", " ",
                    c.fail_on_new.from.ToString());
       },
       "1 env HUBLINT_FAIL_ON_NEW"},
      {"fail_on_new from the flag",
       Flags([](FlagValues& f) { f.fail_on_new = true; }),
       {},
       [](const Config& c) {
         return Cat(c.fail_on_new.value ? "1" : "0", " ",
                    c.fail_on_new.from.ToString());
       },
       "1 flag --fail-on-new"},
      {"baseline from the file, resolved against its folder",
       {},
       {},
       [](const Config& c) {
         return Cat(c.baseline.value, " ", c.baseline.from.ToString());
       },
       Cat(dir.File("previous.sarif"), " ", file, ":7:12")},
      {"baseline from the environment",
       {},
       {{"HUBLINT_BASELINE", "b.sarif"}},
       [](const Config& c) {
         return Cat(c.baseline.value, " ", c.baseline.from.ToString());
       },
       Cat(dir.File("b.sarif"), " env HUBLINT_BASELINE")},
      {"baseline from the flag",
       Flags([](FlagValues& f) { f.baseline = "/tmp/c.sarif"; }),
       {{"HUBLINT_BASELINE", "b.sarif"}},
       [](const Config& c) {
         return Cat(c.baseline.value, " ", c.baseline.from.ToString());
       },
       "/tmp/c.sarif flag --baseline"},
      {"outputs from the file",
       {},
       {},
       [](const Config& c) {
         std::string out;
         for (const OutputSpec& o : c.outputs.value) {
           Append(&out, FormatName(o.format), "=", o.path, " ");
         }
         return Cat(out, c.outputs.from.ToString());
       },
       Cat("sarif=", dir.File("out/hublint.sarif"), " ", file, ":9:1")},
      {"outputs from the flags, paired in order",
       Flags([](FlagValues& f) {
         f.formats = {"json", "text"};
         f.outputs = {"f.json"};
       }),
       {},
       [](const Config& c) {
         std::string out;
         for (const OutputSpec& o : c.outputs.value) {
           Append(&out, FormatName(o.format), "=", o.path, " ");
         }
         return Cat(out, c.outputs.from.ToString());
       },
       Cat("json=", dir.File("f.json"), " text=- flag --format")},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    FakeEnvironment env(c.env);
    absl::StatusOr<Config> config = ResolveConfig(c.flags, env, dir.path());
    INFO(ToStd(config.status().message()));
    REQUIRE(config.ok());
    CHECK(c.get(*config) == c.expected);
  }
}

TEST_CASE("Which config file: --no-config, --config, HUBLINT_CONFIG, found") {
  WorkDir dir(kFile);
  std::ofstream(dir.File("other.toml")) << "org = \"fabrikam\"\n";
  struct {
    const char* name;
    FlagValues flags;
    std::map<std::string, std::string> env;
    std::filesystem::path working_directory;
    std::string file;
    std::string file_from;
    std::string org;
  } cases[] = {
      {"found in the working directory",
       {},
       {},
       dir.path(),
       dir.File(".hublint.toml"),
       "default",
       "contoso"},
      {"found in a parent",
       {},
       {},
       dir.path() / "sub",
       dir.File(".hublint.toml"),
       "default",
       "contoso"},
      {"named by the environment",
       {},
       {{"HUBLINT_CONFIG", "other.toml"}},
       dir.path(),
       dir.File("other.toml"),
       "env HUBLINT_CONFIG",
       "fabrikam"},
      {"named by the flag",
       Flags([](FlagValues& f) { f.config = "../other.toml"; }),
       {{"HUBLINT_CONFIG", "nonexistent.toml"}},
       dir.path() / "sub",
       dir.File("other.toml"),
       "flag --config",
       "fabrikam"},
      {"--no-config wins over the environment",
       Flags([](FlagValues& f) { f.no_config = true; }),
       {{"HUBLINT_CONFIG", "other.toml"}},
       dir.path(),
       "",
       "flag --no-config",
       ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    FakeEnvironment env(c.env);
    absl::StatusOr<Config> config =
        ResolveConfig(c.flags, env, c.working_directory);
    INFO(ToStd(config.status().message()));
    REQUIRE(config.ok());
    CHECK(config->file == c.file);
    CHECK(config->file_from.ToString() == c.file_from);
    CHECK(config->org.value == c.org);
  }
}

TEST_CASE("Every precedence error, word for word") {
  WorkDir dir("");
  struct {
    const char* name;
    FlagValues flags;
    std::map<std::string, std::string> env;
    std::string error;
  } cases[] = {
      {"--config with --no-config",
       Flags([](FlagValues& f) {
         f.config = "x.toml";
         f.no_config = true;
       }),
       {},
       "flag --config: cannot be used with --no-config"},
      {"a named file that does not exist",
       Flags([](FlagValues& f) { f.config = "x.toml"; }),
       {},
       Cat("flag --config: cannot open ", dir.File("x.toml"),
           ": No such file or directory")},
      {"HUBLINT_CONFIG naming nothing",
       {},
       {{"HUBLINT_CONFIG", "y.toml"}},
       Cat("env HUBLINT_CONFIG: cannot open ", dir.File("y.toml"),
           ": No such file or directory")},
      {"fail-on flag",
       Flags([](FlagValues& f) { f.fail_on = "warnings"; }),
       {},
       "flag --fail-on: unknown level \"warnings\": expected error, warning, "
       "note or never; did you mean `warning`?"},
      {"fail-on variable",
       {},
       {{"HUBLINT_FAIL_ON", "high"}},
       "env HUBLINT_FAIL_ON: unknown level \"high\": expected error, "
       "warning, note or never"},
      {"boolean variable",
       {},
       {{"HUBLINT_FAIL_ON_REVIEW", "maybe"}},
       "env HUBLINT_FAIL_ON_REVIEW: expected true or false, got \"maybe\""},
      {"api url flag",
       Flags([](FlagValues& f) { f.api_url = "hub.docker.com"; }),
       {},
       "flag --api-url: expected an http(s) URL, like https://hub.docker.com; "
       "got \"hub.docker.com\""},
      {"format",
       Flags([](FlagValues& f) {
         f.formats = {"sarif", "md"};
       }),
       {},
       "flag --format: unknown format `md` (formats: text, json, sarif, "
       "markdown, junit, github)"},
      {"more outputs than formats",
       Flags([](FlagValues& f) {
         f.formats = {"sarif"};
         f.outputs = {"a.sarif", "b.txt"};
       }),
       {},
       "flag --format: more --output files than --format flags (2 and 1): "
       "give each --output FILE a --format before it, e.g. --format sarif "
       "--output b.txt"},
      {"an output without a format",
       Flags([](FlagValues& f) { f.outputs = {"a.sarif"}; }),
       {},
       "flag --output: more --output files than --format flags (1 and 0): "
       "give each --output FILE a --format before it, e.g. --format sarif "
       "--output a.sarif"},
      {"--fail-on-new without a baseline",
       Flags([](FlagValues& f) { f.fail_on_new = true; }),
       {},
       "flag --fail-on-new: fail_on_new needs a baseline: give --baseline "
       "FILE (or `baseline` in the config file)"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    FakeEnvironment env(c.env);
    absl::StatusOr<Config> config = ResolveConfig(c.flags, env, dir.path());
    REQUIRE_FALSE(config.ok());
    CHECK(config.status().code() == absl::StatusCode::kInvalidArgument);
    CHECK(ToStd(config.status().message()) == c.error);
  }
}

TEST_CASE("A file's mistakes come back as the file's diagnostics") {
  WorkDir dir("fail_on_new = true\n");
  FakeEnvironment env;
  absl::StatusOr<Config> config = ResolveConfig({}, env, dir.path());
  REQUIRE_FALSE(config.ok());
  CHECK(ToStd(config.status().message()) ==
        Cat(dir.File(".hublint.toml"),
            ":1:15: fail_on_new needs a baseline: give --baseline FILE (or "
            "`baseline` in the config file)\n"
            "fail_on_new = true\n"
            "              ^"));
}

TEST_CASE("Without any file, the defaults") {
  WorkDir dir("");
  FakeEnvironment env;
  absl::StatusOr<Config> config = ResolveConfig(
      Flags([](FlagValues& f) { f.no_config = true; }), env, dir.path());
  REQUIRE(config.ok());
  CHECK(config->file.empty());
  CHECK(config->org.from.ToString() == "default");
  CHECK(config->fail_on.value == FailOn{Level::kError});
}

}  // namespace
}  // namespace hublint
