// `hublint config show` and configuration errors, as a user or a CI job
// sees them: the real binary, real files, real environment variables.

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "tests/testing/run_hublint.h"

namespace hublint::testing {
namespace {

// A project folder with a .hublint.toml, and a subfolder to run in.
class Project {
 public:
  Project() {
    root_ = std::filesystem::temp_directory_path() /
            ("hublint-config-cli-" + std::to_string(::getpid()));
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_ / "ci" / "nightly");
    std::ofstream(root_ / ".hublint.toml") << "org = \"contoso\"\n"
                                              "fail_on = \"warning\"\n"
                                              "baseline = \"ci/last.sarif\"\n";
  }
  ~Project() { std::filesystem::remove_all(root_); }
  std::string Dir(const std::string& sub = "") const {
    return (root_ / sub).lexically_normal().string();
  }

 private:
  std::filesystem::path root_;
};

// The line of `text` that starts with `prefix`, or "".
std::string LineOf(const std::string& text, const std::string& prefix) {
  size_t at = text.find("\n" + prefix);
  if (at == std::string::npos) return "";
  size_t end = text.find('\n', at + 1);
  return text.substr(at + 1, end - at - 1);
}

TEST_CASE("config show finds the file upward and names every source") {
  Project project;
  RunResult r =
      RunHublint({"config", "show", "--fail-on", "note"},
                 {{"HUBLINT_ORG", "fabrikam"}}, project.Dir("ci/nightly"));
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(LineOf(r.out, "# config file:") ==
        "# config file: ../../.hublint.toml (found from the working "
        "directory)");
  CHECK(LineOf(r.out, "org =") ==
        "org = \"fabrikam\"                        # env HUBLINT_ORG");
  CHECK(LineOf(r.out, "fail_on =") ==
        "fail_on = \"note\"                        # flag --fail-on");
  CHECK(LineOf(r.out, "baseline =") ==
        "baseline = \"../../ci/last.sarif\"        # ../../.hublint.toml:3:12");
  CHECK(LineOf(r.out, "api_url =") ==
        "api_url = \"https://hub.docker.com\"      # default");
}

TEST_CASE("--no-config and --config choose the file") {
  Project project;
  RunResult none =
      RunHublint({"config", "show", "--no-config"}, {}, project.Dir("ci"));
  CHECK(none.exit_code == 0);
  CHECK(LineOf(none.out, "# config file:") ==
        "# config file: none (flag --no-config)");
  CHECK(LineOf(none.out, "fail_on =") ==
        "fail_on = \"error\"                       # default");
  RunResult named = RunHublint(
      {"config", "show", "--config", "fixtures/config/contoso.hublint.toml"});
  CHECK(named.exit_code == 0);
  CHECK(LineOf(named.out, "# config file:") ==
        "# config file: fixtures/config/contoso.hublint.toml (flag --config)");
  CHECK(named.out.find("[[waiver]]                              # "
                       "fixtures/config/contoso.hublint.toml:53:1\n") !=
        std::string::npos);
  RunResult env =
      RunHublint({"config", "show"},
                 {{"HUBLINT_CONFIG", "fixtures/config/contoso.hublint.toml"}});
  CHECK(env.exit_code == 0);
  CHECK(LineOf(env.out, "# config file:") ==
        "# config file: fixtures/config/contoso.hublint.toml (env "
        "HUBLINT_CONFIG)");
}

TEST_CASE("Configuration errors exit 2 with file:line:col") {
  struct {
    const char* name;
    std::vector<std::string> args;
    std::map<std::string, std::string> env;
    const char* err;
  } cases[] = {
      {"unknown key",
       {"config", "show", "--config", "fixtures/config/bad/unknown-key.toml"},
       {},
       "hublint config: fixtures/config/bad/unknown-key.toml:3:1: unknown "
       "key `fail-on`; did you mean `fail_on`?\n"
       "fail-on = \"warning\"\n"
       "^\n"},
      {"waiver without justification",
       {"config", "show", "--config",
        "fixtures/config/bad/missing-justification.toml"},
       {},
       "hublint config: fixtures/config/bad/missing-justification.toml:4:1: "
       "missing required key `justification` in [[waiver]]: say why the "
       "finding is accepted\n"
       "[[waiver]]\n"
       "^\n"},
      {"missing config file",
       {"config", "show", "--config", "nope.toml"},
       {},
       "hublint config: flag --config: cannot open nope.toml: No such file "
       "or directory\n"},
      {"bad environment value",
       {"config", "show", "--no-config"},
       {{"HUBLINT_FAIL_ON", "sometimes"}},
       "hublint config: env HUBLINT_FAIL_ON: unknown level \"sometimes\": "
       "expected error, warning, note or never\n"},
      {"both --config and --no-config",
       {"config", "show", "--no-config", "--config", "x.toml"},
       {},
       "hublint config: flag --config: cannot be used with --no-config\n"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    RunResult r = RunHublint(c.args, c.env);
    CHECK(r.exit_code == 2);
    CHECK(r.err == c.err);
    CHECK(r.out.empty());
  }
}

TEST_CASE("config needs its subcommand") {
  RunResult none = RunHublint({"config"});
  CHECK(none.exit_code == 2);
  CHECK(none.err ==
        "hublint config: expected a subcommand: show\n"
        "Run `hublint config --help` for usage.\n");
  RunResult typo = RunHublint({"config", "shwo"});
  CHECK(typo.exit_code == 2);
  CHECK(typo.err ==
        "hublint config: unknown subcommand `shwo`; did you mean `show`?\n"
        "Run `hublint config --help` for usage.\n");
  RunResult help = RunHublint({"config", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.starts_with(
      "Usage: hublint config show [--config FILE] [--no-config] [options]\n"));
  CHECK(help.out.find("  --fail-on-new ") != std::string::npos);
}

}  // namespace
}  // namespace hublint::testing
