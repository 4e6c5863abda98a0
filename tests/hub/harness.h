#ifndef HUBLINT_TESTS_HUB_HARNESS_H_
#define HUBLINT_TESTS_HUB_HARNESS_H_

// A fake Docker Hub with one fixture organization, a libcurl client and a
// fake clock, for collection tests; and the state a complete collection of
// the fixture must give (what the API can show of it).

#include <memory>
#include <string>

#include "lint/hub/collector.h"
#include "lint/hub/curl_http_client.h"
#include "lint/model/org_state.h"
#include "tests/fake_hub/fake_hub.h"

namespace hublint::testing {

// The fixture most tests serve: teams, grants, both kinds of token,
// invites, settings and an audit event.
inline constexpr char kFixture[] = "fixtures/orgs/connector-shared.json";
inline constexpr char kOrg[] = "contoso";
inline constexpr char kUser[] = "dan";
inline constexpr char kPassword[] = "correct-horse-battery-staple";

OrgState LoadFixture(const std::string& path = kFixture);

// What a complete collection of `fixture` by `login` (a password login) must
// give at `collected_at`: API-invisible facts unknown (two-factor, SSO,
// SCIM), no integrations, only the login's own personal tokens, lists in
// the collector's order.
OrgState ExpectedFromApi(const OrgState& fixture, const std::string& login,
                         const std::string& api_url, absl::Time collected_at);

struct Harness {
  explicit Harness(fake_hub::Options options = {},
                   const std::string& fixture = kFixture);
  ~Harness();

  // Collects kOrg (or options.org when set) with the harness's client.
  absl::StatusOr<hub::FetchResult> Fetch();
  // The state a complete collection must give.
  OrgState Expected() const;

  FakeClock clock;
  OrgState fixture;
  std::unique_ptr<fake_hub::FakeHub> hub;
  hub::FetchOptions options;
  hub::CurlHttpClientOptions http_options;
  hub::Credentials credentials;
};

}  // namespace hublint::testing

#endif  // HUBLINT_TESTS_HUB_HARNESS_H_
