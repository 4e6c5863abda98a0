// check with a configuration, waivers and a baseline, end to end: what CI
// gating and scheduled reports rely on.

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "lint/util/files.h"
#include "tests/testing/run_hublint.h"

namespace hublint::testing {
namespace {

// A scratch folder with a .hublint.toml, removed afterwards.
struct Workspace {
  std::filesystem::path dir;
  explicit Workspace(const std::string& config) {
    dir = std::filesystem::temp_directory_path() /
          ("hublint-policy-test-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::ofstream(dir / ".hublint.toml") << config;
  }
  ~Workspace() { std::filesystem::remove_all(dir); }
  std::string Path(const std::string& name) const {
    return (dir / name).string();
  }
  std::string Read(const std::string& name) const {
    return *ReadFile(Path(name));
  }
};

std::string Fixture(const std::string& name) {
  return std::string(HUBLINT_SOURCE_DIR) + "/fixtures/orgs/" + name;
}

TEST_CASE(
    "A waiver suppresses its finding in every report and the run passes") {
  Workspace w(
      "[[waiver]]\n"
      "rule = \"DH-MFA-001\"\n"
      "resource = \"member:*\"\n"
      "justification = \"hardware keys ordered, INC-4711\"\n"
      "expires = 2099-01-01\n");
  RunResult r =
      RunHublint({"check", "--state", Fixture("mfa-missing.json"), "--format",
                  "sarif", "--output", "out.sarif", "--format", "text"},
                 {}, w.dir.string());
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("waived") != std::string::npos);
  std::string sarif = w.Read("out.sarif");
  CHECK(sarif.find("\"justification\": \"hardware keys ordered, INC-4711\"") !=
        std::string::npos);
}

TEST_CASE("An expired waiver stops suppressing and is reported") {
  Workspace w(
      "[[waiver]]\n"
      "rule = \"DH-MFA-001\"\n"
      "resource = \"member:bob\"\n"
      "justification = \"was temporary\"\n"
      "expires = 2020-01-01\n");
  RunResult r = RunHublint({"check", "--state", Fixture("mfa-missing.json")},
                           {}, w.dir.string());
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("expired") != std::string::npos);
}

TEST_CASE(
    "A misspelled rule in the configuration is exit 2 with file:line:col") {
  Workspace w("[rules.DH-MFA-01]\nenabled = false\n");
  RunResult r = RunHublint({"check", "--state", Fixture("compliant.json")}, {},
                           w.dir.string());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(".hublint.toml:1:") != std::string::npos);
  CHECK(r.err.find("did you mean `DH-MFA-001`?") != std::string::npos);
}

TEST_CASE(
    "A baseline marks findings unchanged, and --fail-on-new passes on them") {
  Workspace w("");
  RunResult first = RunHublint({"check", "--state", Fixture("mfa-missing.json"),
                                "--format", "sarif", "--output", "base.sarif"},
                               {}, w.dir.string());
  CHECK(first.exit_code == 1);
  RunResult again = RunHublint({"check", "--state", Fixture("mfa-missing.json"),
                                "--baseline", "base.sarif", "--fail-on-new",
                                "--format", "json", "--output", "again.json"},
                               {}, w.dir.string());
  CHECK(again.exit_code == 0);
  std::string json = w.Read("again.json");
  CHECK(json.find("\"baseline_state\": \"unchanged\"") != std::string::npos);
  CHECK(json.find("\"baseline_state\": \"new\"") == std::string::npos);
  // A new problem fails the run.
  RunResult worse = RunHublint({"check", "--state", Fixture("token-write.json"),
                                "--baseline", "base.sarif", "--fail-on-new"},
                               {}, w.dir.string());
  CHECK(worse.exit_code == 1);
}

TEST_CASE("A baseline that is not SARIF is an error, not an empty baseline") {
  Workspace w("");
  std::ofstream(w.Path("bad.sarif")) << "{\"version\": \"2.1.0\"";
  RunResult r = RunHublint({"check", "--state", Fixture("compliant.json"),
                            "--baseline", "bad.sarif"},
                           {}, w.dir.string());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("bad.sarif") != std::string::npos);
}

TEST_CASE("Reports are written whole, several formats in one run") {
  Workspace w("");
  RunResult r = RunHublint(
      {"check", "--state", Fixture("example.json"), "--format", "sarif",
       "--output", "r.sarif", "--format", "markdown", "--output", "r.md",
       "--format", "junit", "--output", "r.xml", "--format", "github"},
      {}, w.dir.string());
  CHECK(r.exit_code == 1);
  CHECK(w.Read("r.sarif").find("\"version\": \"2.1.0\"") != std::string::npos);
  CHECK(w.Read("r.md").starts_with("# hublint report: fabrikam"));
  CHECK(w.Read("r.xml").find("<testsuites") != std::string::npos);
  CHECK(r.out.find("::error file=") != std::string::npos);
  int leftovers = 0;
  for (const auto& e : std::filesystem::directory_iterator(w.dir)) {
    leftovers += e.path().string().find(".tmp.") != std::string::npos;
  }
  CHECK(leftovers == 0);
}

}  // namespace
}  // namespace hublint::testing
