#include "tests/fake_hub/generate_org.h"

#include <set>

#include "lint/util/strings.h"

namespace hublint::fake_hub {
namespace {

class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed * 6364136223846793005ULL + 1) {}
  uint64_t Next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return state_ >> 33;
  }
  int Below(int n) {
    return static_cast<int>(Next() % static_cast<uint64_t>(n));
  }

 private:
  uint64_t state_;
};

std::string Padded(int n, int width) {
  std::string s = Cat(n);
  return std::string(width > static_cast<int>(s.size()) ? width - s.size() : 0,
                     '0') +
         s;
}

}  // namespace

OrgState GenerateOrg(const GenerateOptions& o) {
  Random rng(o.seed);
  OrgState s;
  s.org_name = o.name;
  s.collected_at = absl::FromUnixSeconds(1795658400);  // 2026-11-20T02:00:00Z
  absl::Time base = absl::FromUnixSeconds(1700000000);
  s.settings.image_access_management = {true, true, false};
  s.settings.registry_access_management.enabled = true;
  s.settings.registry_access_management.docker_hub_allowed = true;
  s.settings.registry_access_management.custom_registries.push_back(
      {"ghcr.io", std::string("GitHub"), true});

  for (int i = 0; i < o.teams; ++i) {
    Team t;
    t.name = i == 0 ? "owners" : Cat("team-", Padded(i, 3));
    t.id = 100 + i;
    t.description = Cat("Team ", i);
    s.teams.push_back(std::move(t));
  }
  for (int i = 0; i < o.members; ++i) {
    Member m;
    m.username = Cat("user", Padded(i, 5));
    m.email = Cat(m.username, "@", o.name, ".example");
    m.full_name = Cat("User ", i);
    m.role = i < 3 ? "owner" : (i % 100 == 50 ? "editor" : "member");
    m.is_guest = i % 97 == 13;
    m.date_joined = base + absl::Hours(i);
    m.last_logged_in_at = Moment::At(base + absl::Hours(24 * 300 + i));
    std::set<int> teams;
    if (m.role == "owner") teams.insert(0);
    if (o.teams > 1) {
      int n = 1 + rng.Below(3);
      for (int k = 0; k < n; ++k) teams.insert(1 + rng.Below(o.teams - 1));
    }
    for (int t : teams) s.teams[t].members.push_back(m.username);
    s.members.push_back(std::move(m));
  }
  for (int i = 0; i < o.repositories; ++i) {
    Repository r;
    r.name = Cat(o.name, "/repo-", Padded(i, 4));
    r.is_private = i % 5 != 0;
    r.immutable_tags = i % 3 == 0;
    r.description = Cat("Repository ", i);
    r.last_updated = base + absl::Hours(i);
    s.repositories.push_back(std::move(r));
  }
  if (o.repositories > 0) {
    for (size_t t = 1; t < s.teams.size(); ++t) {
      std::set<int> repos;
      for (int k = 0; k < 10; ++k) repos.insert(rng.Below(o.repositories));
      for (int r : repos) {
        Permission p = static_cast<Permission>(1 + rng.Below(3));
        s.teams[t].repository_permissions.push_back(
            {.repository = s.repositories[r].name, .permission = p});
      }
    }
  }
  for (int i = 0; i < o.invites; ++i) {
    Invite inv;
    inv.id = Cat("00000000-0000-4000-8000-", Padded(i, 12));
    inv.invitee = Cat("invitee", i, "@example.com");
    inv.role = "member";
    inv.team =
        o.teams > 1 ? std::optional<std::string>("team-001") : std::nullopt;
    inv.inviter = "user00000";
    inv.created_at = base + absl::Hours(i);
    s.invites.push_back(std::move(inv));
  }
  for (int i = 0; i < o.org_tokens; ++i) {
    AccessToken t;
    t.kind = TokenKind::kOrganization;
    t.id = Cat("0a7a5ef2-0000-4000-8000-", Padded(i, 12));
    t.label = Cat("oat-", i);
    t.owner = "user00000";
    t.resources.push_back(
        {"TYPE_REPO",
         Cat(o.name, "/*"),
         {i % 4 == 0 ? "scope-image-push" : "scope-image-pull"}});
    t.is_active = true;
    t.created_at = base;
    t.last_used_at =
        i % 2 ? Moment::Never() : Moment::At(base + absl::Hours(1));
    t.expires_at =
        i % 3 ? Moment::Never() : Moment::At(base + absl::Hours(9000));
    s.access_tokens.push_back(std::move(t));
  }
  for (int i = 0; i < o.personal_tokens; ++i) {
    AccessToken t;
    t.kind = TokenKind::kPersonal;
    t.id = Cat("b30bbf97-0000-4000-8000-", Padded(i, 12));
    t.label = Cat("pat-", i);
    t.owner = "user00000";
    t.scopes = {i % 2 ? "repo:read" : "repo:write"};
    t.is_active = true;
    t.created_at = base;
    t.last_used_at = Moment::Never();
    t.expires_at = Moment::Never();
    s.access_tokens.push_back(std::move(t));
  }
  for (int i = 0; i < o.audit_events; ++i) {
    AuditEvent e;
    e.action = i % 2 ? "repo.tag.push" : "org.member.add";
    e.actor = "user00000";
    e.name = Cat(o.name, "/repo-0000");
    e.timestamp = base + absl::Minutes(i);
    e.data = {{"tag", Cat("v", i)}};
    s.audit_events.push_back(std::move(e));
  }
  s.Finalize();
  return s;
}

}  // namespace hublint::fake_hub
