// record_hub_responses OUT.json: starts the fake Docker Hub, asks every
// endpoint for its answers (first and last pages, filters, and each error
// the fake gives: 400, 401, 403, 404, 429, 500) and writes them as a JSON
// array of {endpoint, method, path, status, body}, with `path` the spec's
// path template. tests/node/validate-hub-responses.mjs then checks every
// body against the response schema of
// ../shared/reference/docker-hub-api/latest.yaml, so the fake cannot drift
// from the real API.

#include <fstream>
#include <iostream>
#include <map>

#include "lint/hub/api_decode.h"
#include "lint/hub/curl_http_client.h"
#include "lint/json/json_writer.h"
#include "lint/state/snapshot_reader.h"
#include "lint/util/strings.h"
#include "tests/fake_hub/fake_hub.h"
#include "tests/fake_hub/generate_org.h"

namespace {

using namespace hublint;

// Endpoint -> the spec's path template.
const std::map<std::string, std::string> kTemplates = {
    {"auth", "/v2/auth/token"},
    {"members", "/v2/orgs/{org_name}/members"},
    {"invites", "/v2/orgs/{org_name}/invites"},
    {"groups", "/v2/orgs/{org_name}/groups"},
    {"group_members", "/v2/orgs/{org_name}/groups/{group_name}/members"},
    {"repositories", "/v2/namespaces/{namespace}/repositories"},
    {"repository", "/v2/namespaces/{namespace}/repositories/{repository}"},
    {"repository_groups", "/v2/repositories/{namespace}/{repository}/groups/"},
    {"repository_group",
     "/v2/repositories/{namespace}/{repository}/groups/{group_id}/"},
    {"org_access_tokens", "/v2/orgs/{name}/access-tokens"},
    {"org_access_token", "/v2/orgs/{org_name}/access-tokens/{access_token_id}"},
    {"access_tokens", "/v2/access-tokens"},
    {"settings", "/v2/orgs/{name}/settings"},
    {"registry_access_management",
     "/v2/orgs/{org_name}/settings/registry-access-management"},
    {"auditlogs", "/v2/auditlogs/{account}"},
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: record_hub_responses OUT.json\n";
    return 2;
  }
  absl::StatusOr<OrgState> contoso =
      ReadSnapshotFile("fixtures/orgs/connector-shared.json");
  if (!contoso.ok()) {
    std::cerr << contoso.status().message() << "\n";
    return 1;
  }
  fake_hub::GenerateOptions g;
  g.members = 150;
  g.repositories = 120;
  g.teams = 4;
  g.audit_events = 30;
  fake_hub::FakeHub hub({});
  hub.AddOrg(*contoso);
  hub.AddOrg(fake_hub::GenerateOrg(g));
  hub.AddAccount("dan", "pw", fake_hub::AccountKind::kPassword);
  hub.AddAccount("user00000", "pw", fake_hub::AccountKind::kPassword);
  hub.AddAccount("svc", "dckr_pat_x",
                 fake_hub::AccountKind::kPersonalAccessToken);
  if (!hub.Start().ok()) return 1;
  std::unique_ptr<hub::HttpClient> http = hub::NewCurlHttpClient();

  std::string out;
  JsonWriter w(&out, 2);
  w.BeginArray();
  int failures = 0;
  auto send = [&](const std::string& endpoint, const std::string& method,
                  const std::string& target, const std::string& jwt,
                  const std::string& body = "") -> std::string {
    hub::HttpRequest r;
    r.method = method;
    r.url = Cat(hub.base_url(), target);
    r.body = body;
    if (!jwt.empty()) r.headers.push_back({"Authorization", "Bearer " + jwt});
    absl::StatusOr<hub::HttpResponse> a = http->Send(r);
    if (!a.ok()) {
      std::cerr << target << ": " << a.status().message() << "\n";
      ++failures;
      return "";
    }
    w.BeginObject();
    w.Field("endpoint", endpoint);
    w.Field("method", method);
    w.Field("path", kTemplates.at(endpoint));
    w.Field("target", target);
    w.Key("status");
    w.Int(a->status);
    w.Key("body");
    w.Raw(a->body.empty() ? "null" : a->body);
    w.EndObject();
    return a->body;
  };
  auto login = [&](const std::string& id, const std::string& secret) {
    std::string body =
        send("auth", "POST", "/v2/auth/token", "",
             Cat(R"({"identifier":")", id, R"(","secret":")", secret, "\"}"));
    absl::StatusOr<std::string> jwt = hub::DecodeAuthToken(body);
    return jwt.ok() ? *jwt : std::string();
  };
  std::string jwt = login("dan", "pw");
  std::string big = login("user00000", "pw");
  std::string pat = login("svc", "dckr_pat_x");
  login("dan", "wrong");

  using G = std::vector<std::pair<std::string, std::string>>;
  const G contoso_gets = {
      {"members", "/v2/orgs/contoso/members?page=1&page_size=100"},
      {"members", "/v2/orgs/contoso/members?role=owner&page=1&page_size=100"},
      {"invites", "/v2/orgs/contoso/invites"},
      {"groups", "/v2/orgs/contoso/groups?page=1&page_size=100"},
      {"group_members",
       "/v2/orgs/contoso/groups/devs/members?page=1&page_size=100"},
      {"repositories",
       "/v2/namespaces/contoso/repositories?page=1&page_size=100"},
      {"repository", "/v2/namespaces/contoso/repositories/api"},
      {"repository", "/v2/namespaces/contoso/repositories/web"},
      {"repository_groups",
       "/v2/repositories/contoso/api/groups/?page=1&page_size=100"},
      {"repository_group", "/v2/repositories/contoso/api/groups/11/"},
      {"org_access_tokens",
       "/v2/orgs/contoso/access-tokens?page=1&page_size=100"},
      {"org_access_token",
       "/v2/orgs/contoso/access-tokens/4a1f3c2e-9d8b-4e6f-a1b2-c3d4e5f60718"},
      {"access_tokens", "/v2/access-tokens?page=1&page_size=100"},
      {"settings", "/v2/orgs/contoso/settings"},
      {"registry_access_management",
       "/v2/orgs/contoso/settings/registry-access-management"},
      {"auditlogs", "/v2/auditlogs/contoso?page=1&page_size=100"},
  };
  for (const auto& [endpoint, target] : contoso_gets) {
    send(endpoint, "GET", target, jwt);
  }
  const G big_gets = {
      {"members", "/v2/orgs/bigorg/members?page=1&page_size=100"},
      {"members", "/v2/orgs/bigorg/members?page=2&page_size=100"},
      {"members", "/v2/orgs/bigorg/members?role=editor&page=1&page_size=100"},
      {"group_members",
       "/v2/orgs/bigorg/groups/team-001/members?page=1&page_size=10"},
      {"repositories",
       "/v2/namespaces/bigorg/repositories?page=2&page_size=100"},
      {"org_access_tokens", "/v2/orgs/bigorg/access-tokens?page=1&page_size=5"},
      {"org_access_tokens", "/v2/orgs/bigorg/access-tokens?page=4&page_size=5"},
      {"access_tokens", "/v2/access-tokens?page=1&page_size=2"},
      {"auditlogs",
       "/v2/auditlogs/"
       "bigorg?from=2023-11-14T22%3A13%3A20Z&page=1&page_size=10"},
  };
  for (const auto& [endpoint, target] : big_gets) {
    send(endpoint, "GET", target, big);
  }
  // Errors.
  send("members", "GET", "/v2/orgs/contoso/members", "");
  send("members", "GET", "/v2/orgs/nosuchorg/members", jwt);
  send("repositories", "GET",
       "/v2/namespaces/contoso/repositories?page=9&page_size=100", jwt);
  send("repository", "GET", "/v2/namespaces/contoso/repositories/nope", jwt);
  send("repository_group", "GET", "/v2/repositories/contoso/web/groups/12/",
       jwt);
  send("org_access_token", "GET", "/v2/orgs/contoso/access-tokens/nope", jwt);
  send("access_tokens", "GET", "/v2/access-tokens", pat);
  send("access_tokens", "GET", "/v2/access-tokens", "");
  send("settings", "GET", "/v2/orgs/contoso/settings", "");
  send("settings", "GET", "/v2/orgs/nosuchorg/settings", jwt);
  send("members", "GET", "/v2/orgs/contoso/members?page=0", jwt);
  for (const char* endpoint : {"members", "invites", "groups", "settings",
                               "org_access_tokens", "access_tokens"}) {
    hub.AddFault({.endpoint = endpoint,
                  .fault = fake_hub::Fault::kStatus,
                  .status = 403});
  }
  hub.AddFault(
      {.endpoint = "groups", .fault = fake_hub::Fault::kStatus, .status = 500});
  hub.AddFault({.endpoint = "auditlogs",
                .fault = fake_hub::Fault::kRetryAfter,
                .retry_after_seconds = 1});
  send("members", "GET", "/v2/orgs/contoso/members", jwt);
  send("invites", "GET", "/v2/orgs/contoso/invites", jwt);
  send("groups", "GET", "/v2/orgs/contoso/groups", jwt);
  send("groups", "GET", "/v2/orgs/contoso/groups", jwt);
  send("settings", "GET", "/v2/orgs/contoso/settings", jwt);
  send("org_access_tokens", "GET", "/v2/orgs/contoso/access-tokens", jwt);
  send("access_tokens", "GET", "/v2/access-tokens", jwt);
  send("auditlogs", "GET", "/v2/auditlogs/contoso", jwt);
  w.EndArray();
  http.reset();  // closes the keep-alive connections first
  hub.Stop();
  if (failures > 0) return 1;
  std::ofstream(argv[1]) << out << "\n";
  std::cout << "recorded the fake Docker Hub's answers in " << argv[1] << "\n";
  return 0;
}
