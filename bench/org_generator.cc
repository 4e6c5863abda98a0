#include "bench/org_generator.h"

#include <algorithm>

#include "lint/util/strings.h"

namespace hublint::bench {
namespace {

// splitmix64: small, fast and the same on every platform (std::mt19937's
// distributions are not portable across standard libraries).
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n).
  int64_t Below(int64_t n) {
    return n <= 0 ? 0 : static_cast<int64_t>(Next() % static_cast<uint64_t>(n));
  }
  // True with probability percent / 100.
  bool Percent(int percent) { return Below(100) < percent; }

 private:
  uint64_t state_;
};

const absl::Time kCollectedAt =
    absl::FromUnixSeconds(1795140000);  // 2026-11-20T02:00:00Z

absl::Time DaysAgo(int64_t days, Random& random) {
  return kCollectedAt - absl::Hours(24 * days) -
         absl::Seconds(random.Below(86400));
}

std::string Username(int64_t i) { return Cat("user", i); }

}  // namespace

OrgState GenerateOrg(const OrgGeneratorOptions& o) {
  Random random(o.seed);
  int64_t n_teams =
      o.teams > 0 ? o.teams : std::max<int64_t>(1, o.members / 50);
  int64_t n_repos =
      o.repositories > 0 ? o.repositories : std::max<int64_t>(1, o.members / 5);
  int64_t n_tokens =
      o.tokens > 0 ? o.tokens : std::max<int64_t>(1, o.members / 2);
  int64_t n_invites = o.invites > 0 ? o.invites : o.members / 100;

  OrgState s;
  s.org_name = o.org_name;
  s.collected_at = kCollectedAt;
  s.source.kind = "declared";
  s.settings.image_access_management = {true, true, true};
  s.settings.registry_access_management.enabled = true;
  s.settings.registry_access_management.docker_hub_allowed = true;
  s.settings.sso_enforced = false;

  s.repositories.reserve(n_repos);
  for (int64_t r = 0; r < n_repos; ++r) {
    Repository repo;
    repo.name = Cat(o.org_name, "/repo-", r);
    repo.is_private = !random.Percent(10);
    repo.immutable_tags = random.Percent(30);
    repo.description = Cat("Generated repository ", r);
    repo.last_updated = DaysAgo(random.Below(400), random);
    s.repositories.push_back(std::move(repo));
  }

  s.teams.reserve(n_teams);
  for (int64_t t = 0; t < n_teams; ++t) {
    Team team;
    team.name = Cat("team-", t);
    team.id = 1000 + t;
    team.description = Cat("Generated team ", t);
    int64_t grants = 1 + random.Below(std::min<int64_t>(20, n_repos));
    int64_t first = random.Below(n_repos);
    for (int64_t g = 0; g < grants; ++g) {
      int64_t pick = random.Below(100);
      Permission p = pick < 70   ? Permission::kRead
                     : pick < 95 ? Permission::kWrite
                                 : Permission::kAdmin;
      team.repository_permissions.push_back(
          {s.repositories[(first + g) % n_repos].name, p, {}});
    }
    s.teams.push_back(std::move(team));
  }

  s.members.reserve(o.members + 1);
  for (int64_t i = 0; i < o.members; ++i) {
    Member m;
    m.username = Username(i);
    bool guest = random.Percent(3);
    m.email =
        Cat(m.username, guest ? "@partner.example" : "@generated.example");
    m.full_name = Cat("Generated User ", i);
    m.role = i < 3 ? "owner" : random.Percent(1) ? "editor" : "member";
    m.is_guest = guest;
    int64_t memberships = 1 + random.Below(3);
    for (int64_t k = 0; k < memberships; ++k) {
      std::string team = Cat("team-", random.Below(n_teams));
      if (std::find(m.teams.begin(), m.teams.end(), team) == m.teams.end()) {
        m.teams.push_back(std::move(team));
      }
    }
    m.date_joined = DaysAgo(30 + random.Below(1500), random);
    int64_t login = random.Below(100);
    m.last_logged_in_at = login < 5 ? Moment::Never()
                          : login < 10
                              ? Moment::Unknown()
                              : Moment::At(DaysAgo(random.Below(400), random));
    int64_t mfa = random.Below(100);
    if (mfa < 90) {
      m.two_factor_enabled = true;
    } else if (mfa < 97) {
      m.two_factor_enabled = false;
    }
    s.members.push_back(std::move(m));
  }
  Member connector;
  connector.username = "mdc_user";
  connector.email = Cat("mdc_user@generated.example");
  connector.full_name = "Defender for Cloud connector";
  connector.role = "editor";
  connector.is_guest = false;
  connector.two_factor_enabled = true;
  s.members.push_back(std::move(connector));

  s.access_tokens.reserve(n_tokens + 1);
  AccessToken defender;
  defender.id = "00000000-0000-4000-8000-000000000000";
  defender.label = "defender";
  defender.owner = "mdc_user";
  defender.scopes = {"repo:read"};
  defender.is_active = true;
  defender.created_at = DaysAgo(200, random);
  defender.last_used_at = Moment::At(DaysAgo(0, random));
  defender.expires_at = Moment::At(kCollectedAt + absl::Hours(24 * 165));
  s.access_tokens.push_back(std::move(defender));
  for (int64_t k = 0; k < n_tokens; ++k) {
    AccessToken t;
    t.id = Cat("00000000-0000-4000-8000-",
               std::string(12 - Cat(k + 1).size(), '0'), k + 1);
    t.is_active = !random.Percent(5);
    t.created_at = DaysAgo(random.Below(900), random);
    t.last_used_at = random.Percent(15)
                         ? Moment::Never()
                         : Moment::At(DaysAgo(random.Below(200), random));
    t.expires_at =
        random.Percent(30)
            ? Moment::Never()
            : Moment::At(kCollectedAt +
                         absl::Hours(24 * (random.Below(700) - 100)));
    if (random.Percent(80)) {
      t.kind = TokenKind::kPersonal;
      t.label = Cat("token-", k);
      t.owner = Username(random.Below(std::max<int64_t>(1, o.members)));
      int64_t scope = random.Below(100);
      t.scopes = {scope < 50   ? "repo:read"
                  : scope < 80 ? "repo:public_read"
                  : scope < 97 ? "repo:write"
                               : "repo:admin"};
    } else {
      t.kind = TokenKind::kOrganization;
      t.label = Cat("oat-", k);
      t.owner = Username(random.Below(3));
      TokenResource resource;
      resource.type = "TYPE_REPO";
      resource.path = random.Percent(50)
                          ? Cat(o.org_name, "/*")
                          : s.repositories[random.Below(n_repos)].name;
      resource.scopes = {random.Percent(70) ? "scope-image-pull"
                                            : "scope-image-push"};
      t.resources.push_back(std::move(resource));
    }
    s.access_tokens.push_back(std::move(t));
  }

  for (int64_t k = 0; k < n_invites; ++k) {
    Invite invite;
    invite.invitee =
        Cat("invitee", k,
            random.Percent(20) ? "@elsewhere.example" : "@generated.example");
    invite.role = "member";
    invite.team = Cat("team-", random.Below(n_teams));
    invite.inviter = Username(random.Below(3));
    invite.created_at = DaysAgo(random.Below(90), random);
    s.invites.push_back(std::move(invite));
  }

  Integration integration;
  integration.name = "defender-for-cloud";
  integration.kind = "defender-for-cloud";
  integration.username = "mdc_user";
  integration.token_label = "defender";
  s.integrations.push_back(std::move(integration));

  static constexpr const char* kActions[] = {"repo.tag.push", "team.member.add",
                                             "repo.create",
                                             "org.member.role_changed"};
  for (int64_t k = 0; k < o.audit_events; ++k) {
    AuditEvent e;
    e.action = kActions[random.Below(4)];
    e.actor = Username(random.Below(std::max<int64_t>(1, o.members)));
    e.name = s.repositories[random.Below(n_repos)].name;
    e.timestamp = DaysAgo(random.Below(30), random);
    s.audit_events.push_back(std::move(e));
  }
  s.Finalize();
  return s;
}

}  // namespace hublint::bench
