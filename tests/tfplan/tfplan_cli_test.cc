// `hublint check --tfplan` and `hublint eval --tfplan`, end to end with the
// real binary: exit codes, what the state holds, warnings and notes.

#include <doctest/doctest.h>

#include <filesystem>

#include "lint/util/files.h"
#include "lint/util/strings.h"
#include "tests/testing/run_hublint.h"

namespace hublint::testing {
namespace {

constexpr char kPartialNote[] =
    " shows only what Terraform manages; organization-wide checks (owner and "
    "editor counts) give review results. Add --state with a snapshot from "
    "`hublint fetch` to see the whole organization.\n";

// What the state read from a plan holds, as `hublint eval` sees it: members,
// owners, editors, invites, teams, repositories, public ones, tokens,
// personal ones.
constexpr char kCounts[] =
    "[org.members.size(), org.members.filter(m, m.role == 'owner').size(), "
    "org.members.filter(m, m.role == 'editor').size(), org.invites.size(), "
    "org.teams.size(), org.repositories.size(), "
    "org.repositories.filter(r, !r.is_private).size(), "
    "org.access_tokens.size(), "
    "org.access_tokens.filter(t, t.kind == 'personal').size()]";

TEST_CASE("A plan alone: a partial view, said on stderr") {
  RunResult counts = RunHublint({"eval", "--tfplan", "plan.json", kCounts},
                                "fixtures/tfplan/escalation");
  CHECK(counts.exit_code == 0);
  CHECK(counts.out == "[3, 2, 1, 0, 1, 1, 1, 1, 1]\n");
  CHECK(counts.err == Cat("hublint eval: note: plan.json", kPartialNote));
  RunResult r =
      RunHublint({"check", "--tfplan", "plan.json", "--fail-on", "never"},
                 "fixtures/tfplan/escalation");
  CHECK(r.exit_code == 0);
  CHECK(r.out.starts_with(
      "hublint 0.1.0: acme, tfplan state plan.json, collected "
      "2026-05-04T09:12:33Z, complete\n"));
  CHECK(r.err == Cat("hublint check: note: plan.json", kPartialNote));
}

TEST_CASE("A plan on a snapshot: the whole organization, no note") {
  std::vector<std::string> on_snapshot = {
      "--state",  "fixtures/tfplan/acme-snapshot.json",
      "--tfplan", "fixtures/tfplan/delete/plan.json",
      "--tf-dir", "fixtures/tfplan/delete"};
  std::vector<std::string> eval = {"eval"};
  eval.insert(eval.end(), on_snapshot.begin(), on_snapshot.end());
  eval.push_back(kCounts);
  RunResult counts = RunHublint(eval);
  CHECK(counts.exit_code == 0);
  CHECK(counts.out == "[4, 2, 0, 0, 2, 2, 0, 2, 1]\n");
  CHECK(counts.err == "");
  std::vector<std::string> check = {"check", "--fail-on", "never"};
  check.insert(check.end(), on_snapshot.begin(), on_snapshot.end());
  RunResult r = RunHublint(check);
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
}

TEST_CASE("A newer provider: each warning once, and the check goes on") {
  RunResult r =
      RunHublint({"check", "--tfplan", "plan.json", "--fail-on", "never"},
                 "fixtures/tfplan/newer-provider");
  CHECK(r.exit_code == 0);
  CHECK(r.err ==
        "hublint check: warning: plan.json: unknown attribute "
        "`docker_org_member.two_factor_required` ignored (a newer "
        "docker/docker provider than hublint knows?)\n"
        "hublint check: warning: plan.json: docker_org_member has schema "
        "version 1, newer than version 0 that hublint knows (docker/docker "
        "v0.6.0); its attributes may be misread\n"
        "hublint check: warning: plan.json: resource type "
        "docker_org_setting_namespace of docker/docker is not known to "
        "hublint (a newer provider?); its resources are ignored\n" +
            Cat("hublint check: note: plan.json", kPartialNote));
}

TEST_CASE("Every good fixture plan is checked, alone and on the snapshot") {
  for (const char* scenario : {"create", "escalation", "delete", "modules",
                               "unknown", "kreuzwerker", "example"}) {
    INFO(std::string(scenario));
    std::string dir = Cat("fixtures/tfplan/", scenario);
    RunResult alone = RunHublint(
        {"check", "--tfplan", "plan.json", "--fail-on", "never"}, dir);
    CHECK(alone.exit_code == 0);
    CHECK(alone.out.starts_with(
        "hublint 0.1.0: acme, tfplan state plan.json, collected "));
    RunResult based =
        RunHublint({"check", "--tfplan", "plan.json", "--state",
                    "../acme-snapshot.json", "--fail-on", "never"},
                   dir);
    CHECK(based.exit_code == 0);
    CHECK(based.err == "");
  }
}

TEST_CASE("Input that is no plan: exit 3, with the reason") {
  struct {
    const char* scenario;
    const char* err;
  } cases[] = {
      {"bad-not-json",
       "hublint check: plan.json:2:1: not a Terraform plan: not valid JSON: "
       "unexpected `T`: expected a value\n"},
      {"bad-state-file",
       "hublint check: plan.json: not a Terraform plan but a Terraform state "
       "file (terraform.tfstate); give the output of `terraform show -json "
       "PLANFILE`, where PLANFILE was written by `terraform plan -out "
       "PLANFILE`\n"},
      {"bad-state-json",
       "hublint check: plan.json: not a Terraform plan but the JSON of a "
       "Terraform state (`terraform show -json` without a plan file); give "
       "the output of `terraform show -json PLANFILE`, where PLANFILE was "
       "written by `terraform plan -out PLANFILE`\n"},
      {"bad-format-version",
       "hublint check: plan.json:2:21: unsupported plan format_version "
       "\"2.0\": hublint reads format 1.x (`terraform show -json` of "
       "Terraform 1.x)\n"},
  };
  for (const auto& c : cases) {
    INFO(std::string(c.scenario));
    RunResult r = RunHublint({"check", "--tfplan", "plan.json"},
                             Cat("fixtures/tfplan/", c.scenario));
    CHECK(r.exit_code == 3);
    CHECK(r.out == "");
    CHECK(r.err == c.err);
  }
  RunResult missing = RunHublint({"check", "--tfplan", "no-such-plan.json"});
  CHECK(missing.exit_code == 3);
  CHECK(missing.err.starts_with("hublint check: "));
  CHECK(missing.err.find("no-such-plan.json") != std::string::npos);
}

TEST_CASE("Flag problems: exit 2") {
  constexpr char kHelp[] = "Run `hublint check --help` for usage.\n";
  struct {
    std::vector<std::string> args;
    std::string err;
  } cases[] = {
      {{"check", "--tfplan"},
       Cat("hublint check: flag `--tfplan` needs a value: --tfplan FILE\n",
           kHelp)},
      {{"check"},
       Cat("hublint check: no state to check: give --state FILE, --tfplan "
           "FILE, or both\n",
           kHelp)},
      {{"check", "--tf-dir", "fixtures", "--state", "x.json"},
       Cat("hublint check: --tf-dir is for the .tf files of --tfplan\n",
           kHelp)},
      {{"check", "--tfplan", "-", "--state", "-"},
       Cat("hublint check: --state and --tfplan cannot both read standard "
           "input\n",
           kHelp)},
      {{"check", "--tfplan", "fixtures/tfplan/example/plan.json", "--tf-dir",
        "fixtures/tfplan/example/main.tf"},
       Cat("hublint check: --tf-dir `fixtures/tfplan/example/main.tf` is not "
           "a directory\n",
           kHelp)},
  };
  for (const auto& c : cases) {
    INFO(Join(c.args, " "));
    RunResult r = RunHublint(c.args);
    CHECK(r.exit_code == 2);
    CHECK(r.out == "");
    CHECK(r.err == c.err);
  }
}

TEST_CASE("A plan that leaves a grant's team unknown: no verdict") {
  std::filesystem::path dir = std::filesystem::temp_directory_path() /
                              Cat("hublint-tfplan-gap-", ::getpid());
  std::filesystem::create_directories(dir);
  std::string plan = (dir / "plan.json").string();
  REQUIRE(
      WriteFileAtomically(
          plan,
          R"({"format_version": "1.2", "resource_changes": [{"address": "docker_hub_repository_team_permission.p", "mode": "managed", "type": "docker_hub_repository_team_permission", "name": "p", "provider_name": "registry.terraform.io/docker/docker", "change": {"actions": ["create"], "before": null, "after": {"permission": "admin", "repo_id": "acme/api"}, "after_unknown": {"team_id": true}}}]})")
          .ok());
  RunResult r = RunHublint({"check", "--tfplan", plan, "--tf-dir", dir});
  CHECK(r.exit_code == 3);
  CHECK(r.err ==
        Cat("hublint check: note: ", plan, kPartialNote,
            "hublint check: the state of  is incomplete; these parts could "
            "not be read:\n"
            "  repositories.team_permissions: "
            "docker_hub_repository_team_permission.p: `team_id` is known only "
            "after apply and names no team of the plan\n"
            "No verdict is given (exit 3). Pass --allow-partial to check what "
            "could be read.\n"));
  RunResult allowed = RunHublint(
      {"check", "--tfplan", plan, "--tf-dir", dir, "--allow-partial"});
  CHECK(allowed.exit_code == 0);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace hublint::testing
