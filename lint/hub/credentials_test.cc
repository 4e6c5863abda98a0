#include "lint/hub/credentials.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "lint/util/strings.h"

namespace hublint::hub {
namespace {

// A fresh directory under /tmp, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/hublint-cred-XXXXXX";
    path_ = ::mkdtemp(tmpl);
  }
  ~TempDir() { std::system(Cat("rm -rf '", path_, "'").c_str()); }
  const std::string& path() const { return path_; }
  std::string Write(const std::string& name, const std::string& text,
                    bool executable = false) {
    std::string p = Cat(path_, "/", name);
    std::ofstream(p) << text;
    if (executable) ::chmod(p.c_str(), 0755);
    return p;
  }

 private:
  std::string path_;
};

TEST_CASE("The environment comes first: token or token file") {
  FakeEnvironment env(
      {{"DOCKER_HUB_USERNAME", "dan"}, {"DOCKER_HUB_TOKEN", "dckr_pat_abc\n"}});
  absl::StatusOr<Credentials> c = ResolveCredentials(env);
  REQUIRE(c.ok());
  CHECK(c->username == "dan");
  CHECK(c->secret.Reveal() == "dckr_pat_abc");
  CHECK(c->source == "DOCKER_HUB_TOKEN");
  CHECK(c->kind() == SecretKind::kPersonalAccessToken);

  TempDir dir;
  std::string file = dir.Write("token", "dckr_oat_xyz\r\n");
  FakeEnvironment env2(
      {{"DOCKER_HUB_USERNAME", "contoso"}, {"DOCKER_HUB_TOKEN_FILE", file}});
  c = ResolveCredentials(env2);
  REQUIRE(c.ok());
  CHECK(c->secret.Reveal() == "dckr_oat_xyz");
  CHECK(c->kind() == SecretKind::kOrganizationAccessToken);
  CHECK(c->source == Cat("DOCKER_HUB_TOKEN_FILE (", file, ")"));
}

TEST_CASE("Half-set environment credentials are errors without the secret") {
  struct Case {
    std::map<std::string, std::string> vars;
    const char* message;
  };
  const Case cases[] = {
      {{{"DOCKER_HUB_TOKEN", "s3cret"}},
       "DOCKER_HUB_TOKEN or DOCKER_HUB_TOKEN_FILE is set but "
       "DOCKER_HUB_USERNAME is not (for an organization access token, set it "
       "to the organization's name)"},
      {{{"DOCKER_HUB_USERNAME", "dan"}},
       "DOCKER_HUB_USERNAME is set but neither DOCKER_HUB_TOKEN nor "
       "DOCKER_HUB_TOKEN_FILE is"},
      {{{"DOCKER_HUB_USERNAME", "dan"},
        {"DOCKER_HUB_TOKEN_FILE", "/nonexistent/token"}},
       "DOCKER_HUB_TOKEN_FILE: "},
  };
  for (const Case& c : cases) {
    absl::StatusOr<Credentials> r = ResolveCredentials(FakeEnvironment(c.vars));
    REQUIRE_FALSE(r.ok());
    CHECK(std::string(r.status().message()).starts_with(c.message));
    CHECK(std::string(r.status().message()).find("s3cret") ==
          std::string::npos);
  }
}

TEST_CASE("Docker's config.json: auths") {
  TempDir dir;
  // base64("dan:s3cret")
  dir.Write(
      "config.json",
      R"({"auths": {"https://index.docker.io/v1/": {"auth": "ZGFuOnMzY3JldA=="}}})");
  absl::StatusOr<Credentials> c =
      ResolveCredentials(FakeEnvironment({{"DOCKER_CONFIG", dir.path()}}));
  REQUIRE(c.ok());
  CHECK(c->username == "dan");
  CHECK(c->secret.Reveal() == "s3cret");
  CHECK(c->source == Cat(dir.path(), "/config.json (auths)"));

  dir.Write("config.json", R"({"auths": {"ghcr.io": {"auth": "eDp5"}}})");
  c = ResolveCredentials(FakeEnvironment({{"DOCKER_CONFIG", dir.path()}}));
  REQUIRE_FALSE(c.ok());
  CHECK(absl::IsNotFound(c.status()));
  CHECK(c.status().message() ==
        Cat("no Docker Hub credentials: set DOCKER_HUB_USERNAME and "
            "DOCKER_HUB_TOKEN (or DOCKER_HUB_TOKEN_FILE), or run `docker "
            "login` (",
            dir.path(), "/config.json has no Docker Hub credentials)"));
}

TEST_CASE("Docker's config.json: credential helpers, through the protocol") {
  TempDir dir;
  // The helper checks it is asked `get` for Docker Hub's server URL.
  dir.Write("docker-credential-fake",
            "#!/bin/sh\n"
            "[ \"$1\" = get ] || exit 3\n"
            "read url\n"
            "[ \"$url\" = https://index.docker.io/v1/ ] || { echo \"bad url "
            "$url\"; exit 1; }\n"
            "echo '{\"ServerURL\":\"'$url'\",\"Username\":\"svc-audit\","
            "\"Secret\":\"dckr_pat_helper\"}'\n",
            /*executable=*/true);
  dir.Write("docker-credential-empty",
            "#!/bin/sh\necho 'credentials not found in native keychain'\n"
            "exit 1\n",
            /*executable=*/true);
  FakeEnvironment env({{"DOCKER_CONFIG", dir.path()},
                       {"PATH", Cat("/nonexistent:", dir.path())}});

  dir.Write("config.json", R"({"credsStore": "fake"})");
  absl::StatusOr<Credentials> c = ResolveCredentials(env);
  REQUIRE(c.ok());
  CHECK(c->username == "svc-audit");
  CHECK(c->secret.Reveal() == "dckr_pat_helper");
  CHECK(c->source == "docker-credential-fake");

  // credHelpers for Docker Hub wins over credsStore.
  dir.Write("config.json",
            R"({"credsStore": "missing",
                "credHelpers": {"index.docker.io": "fake"}})");
  c = ResolveCredentials(env);
  REQUIRE(c.ok());
  CHECK(c->username == "svc-audit");

  dir.Write("config.json", R"({"credsStore": "empty"})");
  c = ResolveCredentials(env);
  REQUIRE_FALSE(c.ok());
  CHECK(c.status().message() ==
        "docker-credential-empty get failed with exit code 1: credentials not "
        "found in native keychain");

  dir.Write("config.json", R"({"credsStore": "missing"})");
  c = ResolveCredentials(env);
  REQUIRE_FALSE(c.ok());
  CHECK(c.status().message() ==
        "Docker's configuration names the credential helper `missing`, but "
        "docker-credential-missing is not on the PATH");
}

}  // namespace
}  // namespace hublint::hub
