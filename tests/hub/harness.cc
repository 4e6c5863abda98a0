#include "tests/hub/harness.h"

#include <algorithm>

#include "lint/state/snapshot_reader.h"

namespace hublint::testing {

OrgState LoadFixture(const std::string& path) {
  absl::StatusOr<OrgState> s = ReadSnapshotFile(path);
  if (!s.ok()) std::abort();
  return *std::move(s);
}

OrgState ExpectedFromApi(const OrgState& fixture, const std::string& login,
                         const std::string& api_url, absl::Time collected_at) {
  OrgState s = fixture;
  s.collected_at = collected_at;
  s.source = SourceInfo{};
  s.source.kind = "dockerhub-api";
  s.source.api_url = api_url;
  s.settings.sso_enforced.reset();
  s.settings.scim_enabled.reset();
  s.integrations.clear();
  for (Member& m : s.members) m.two_factor_enabled.reset();
  std::sort(
      s.members.begin(), s.members.end(),
      [](const Member& a, const Member& b) { return a.username < b.username; });
  std::sort(s.teams.begin(), s.teams.end(),
            [](const Team& a, const Team& b) { return a.name < b.name; });
  for (Team& t : s.teams) {
    std::sort(t.repository_permissions.begin(), t.repository_permissions.end(),
              [](const RepositoryPermission& a, const RepositoryPermission& b) {
                return a.repository < b.repository;
              });
  }
  std::sort(
      s.repositories.begin(), s.repositories.end(),
      [](const Repository& a, const Repository& b) { return a.name < b.name; });
  std::sort(
      s.invites.begin(), s.invites.end(),
      [](const Invite& a, const Invite& b) { return a.invitee < b.invitee; });
  std::vector<AccessToken> tokens;
  for (const AccessToken& t : s.access_tokens) {
    if (t.kind == TokenKind::kOrganization) tokens.push_back(t);
  }
  std::sort(
      tokens.begin(), tokens.end(),
      [](const AccessToken& a, const AccessToken& b) { return a.id < b.id; });
  std::vector<AccessToken> personal;
  for (const AccessToken& t : s.access_tokens) {
    if (t.kind == TokenKind::kPersonal && t.owner == login) {
      personal.push_back(t);
    }
  }
  std::sort(
      personal.begin(), personal.end(),
      [](const AccessToken& a, const AccessToken& b) { return a.id < b.id; });
  tokens.insert(tokens.end(), personal.begin(), personal.end());
  s.access_tokens = tokens;
  s.Finalize();
  return s;
}

Harness::Harness(fake_hub::Options hub_options, const std::string& path)
    : clock(absl::FromUnixSeconds(1795658400)), fixture(LoadFixture(path)) {
  hub_options.clock = &clock;
  hub = std::make_unique<fake_hub::FakeHub>(hub_options);
  hub->AddOrg(fixture);
  hub->AddAccount(kUser, kPassword, fake_hub::AccountKind::kPassword);
  options.org = fixture.org_name;
  options.concurrency = 4;
  options.audit_since = absl::FromUnixSeconds(0);
  http_options.timeout = absl::Seconds(5);
  credentials.username = kUser;
  credentials.secret = hub::Secret(kPassword);
  credentials.source = "the test";
}

Harness::~Harness() { hub->Stop(); }

absl::StatusOr<hub::FetchResult> Harness::Fetch() {
  if (hub->port() == 0) {
    absl::Status s = hub->Start();
    if (!s.ok()) return s;
  }
  if (options.api_url == hub::kDefaultApiUrl) options.api_url = hub->base_url();
  std::unique_ptr<hub::HttpClient> http = hub::NewCurlHttpClient(http_options);
  return hub::FetchOrg(options, credentials, *http, clock);
}

OrgState Harness::Expected() const {
  return ExpectedFromApi(fixture, credentials.username, hub->base_url(),
                         absl::FromUnixSeconds(absl::ToUnixSeconds(
                             absl::FromUnixSeconds(1795658400))));
}

}  // namespace hublint::testing
