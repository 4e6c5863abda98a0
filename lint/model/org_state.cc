#include "lint/model/org_state.h"

#include <algorithm>

#include "lint/util/strings.h"

namespace hublint {
namespace {

absl::string_view Key(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}

// Builds `*index` from the keys of `items`, reporting each duplicate at the
// later resource's location.
template <typename T, typename KeyFn>
void IndexByKey(const std::vector<T>& items, KeyFn key, std::string_view what,
                absl::flat_hash_map<std::string, uint32_t>* index,
                std::vector<StateProblem>* problems) {
  index->clear();
  index->reserve(items.size());
  for (uint32_t i = 0; i < items.size(); ++i) {
    const std::string& k = key(items[i]);
    auto [it, inserted] = index->try_emplace(k, i);
    if (!inserted) {
      const Location& first = items[it->second].location;
      std::string where =
          first.known() ? Cat(" (first at line ", first.line, ")") : "";
      problems->push_back(
          {items[i].location, Cat("duplicate ", what, " `", k, "`", where)});
    }
  }
}

std::optional<uint32_t> Lookup(
    const absl::flat_hash_map<std::string, uint32_t>& index,
    std::string_view key) {
  auto it = index.find(Key(key));
  if (it == index.end()) return std::nullopt;
  return it->second;
}

}  // namespace

std::string_view ResourceKindName(ResourceKind kind) {
  switch (kind) {
    case ResourceKind::kOrg:
      return "org";
    case ResourceKind::kMember:
      return "member";
    case ResourceKind::kTeam:
      return "team";
    case ResourceKind::kRepository:
      return "repository";
    case ResourceKind::kToken:
      return "token";
    case ResourceKind::kInvite:
      return "invite";
    case ResourceKind::kIntegration:
      return "integration";
  }
  return "org";
}

std::optional<ResourceKind> ParseResourceKind(std::string_view name) {
  for (ResourceKind k :
       {ResourceKind::kOrg, ResourceKind::kMember, ResourceKind::kTeam,
        ResourceKind::kRepository, ResourceKind::kToken, ResourceKind::kInvite,
        ResourceKind::kIntegration}) {
    if (ResourceKindName(k) == name) return k;
  }
  return std::nullopt;
}

std::string_view TokenKindName(TokenKind kind) {
  return kind == TokenKind::kPersonal ? "personal" : "organization";
}

bool SourceInfo::IsGap(std::string_view part) const {
  for (const SourceGap& gap : gaps) {
    if (gap.part == part) return true;
    if (part.starts_with(gap.part) && part.size() > gap.part.size() &&
        part[gap.part.size()] == '.') {
      return true;
    }
  }
  return false;
}

std::vector<StateProblem> OrgState::Finalize() {
  std::vector<StateProblem> problems;
  IndexByKey(
      members, [](const Member& m) -> const std::string& { return m.username; },
      "username", &member_index_, &problems);
  IndexByKey(
      teams, [](const Team& t) -> const std::string& { return t.name; },
      "team name", &team_index_, &problems);
  IndexByKey(
      repositories,
      [](const Repository& r) -> const std::string& { return r.name; },
      "repository name", &repository_index_, &problems);
  IndexByKey(
      access_tokens,
      [](const AccessToken& t) -> const std::string& { return t.id; },
      "token id", &token_index_, &problems);
  IndexByKey(
      integrations,
      [](const Integration& i) -> const std::string& { return i.name; },
      "integration name", &integration_index_, &problems);
  {
    absl::flat_hash_map<std::string, uint32_t> invitees;
    IndexByKey(
        invites,
        [](const Invite& i) -> const std::string& { return i.invitee; },
        "invitee", &invitees, &problems);
  }

  // Team membership, from both sides: a team's member list and a member's
  // team list. Each names an existing resource, and the join is the union.
  for (Member& m : members) {
    m.team_indices.clear();
    m.token_indices.clear();
    m.integration_indices.clear();
    m.team_joins.clear();
    m.token_joins.clear();
    m.integration_joins.clear();
    m.highest_permission = Permission::kNone;
  }
  for (Team& t : teams) {
    t.member_indices.clear();
    t.member_joins.clear();
  }
  // (team, member) pairs from both sides, deduplicated by sorting: linear
  // in the number of memberships apart from the sort, even for a team that
  // holds every member.
  std::vector<std::pair<uint32_t, uint32_t>> memberships;
  for (uint32_t mi = 0; mi < members.size(); ++mi) {
    const Member& m = members[mi];
    for (const std::string& team_name : m.teams) {
      std::optional<uint32_t> ti = Lookup(team_index_, team_name);
      if (!ti) {
        problems.push_back(
            {m.location, Cat("member `", m.username, "` is in team `",
                             team_name, "`, which is not in `teams`")});
        continue;
      }
      memberships.emplace_back(*ti, mi);
    }
  }
  for (uint32_t ti = 0; ti < teams.size(); ++ti) {
    const Team& t = teams[ti];
    for (const std::string& username : t.members) {
      std::optional<uint32_t> mi = Lookup(member_index_, username);
      if (!mi) {
        problems.push_back(
            {t.location, Cat("team `", t.name, "` lists member `", username,
                             "`, who is not in `members`")});
        continue;
      }
      memberships.emplace_back(ti, *mi);
    }
  }
  std::sort(memberships.begin(), memberships.end());
  memberships.erase(std::unique(memberships.begin(), memberships.end()),
                    memberships.end());
  for (auto [ti, mi] : memberships) {
    teams[ti].member_indices.push_back(mi);
    teams[ti].member_joins.push_back(&members[mi]);
    members[mi].team_indices.push_back(ti);  // ascending: pairs sort by team
    members[mi].team_joins.push_back(&teams[ti]);
  }
  // Write the union back so both sides of the snapshot agree.
  for (Member& m : members) {
    m.teams.clear();
    for (uint32_t ti : m.team_indices) m.teams.push_back(teams[ti].name);
  }
  for (Team& t : teams) {
    t.members.clear();
    for (uint32_t mi : t.member_indices)
      t.members.push_back(members[mi].username);
  }

  // Repository grants.
  for (Repository& r : repositories) r.team_grants.clear();
  for (uint32_t ti = 0; ti < teams.size(); ++ti) {
    Team& t = teams[ti];
    t.highest_permission = Permission::kNone;
    t.write_repository_count = 0;
    t.admin_repository_count = 0;
    absl::flat_hash_map<std::string, uint32_t> granted;
    for (RepositoryPermission& grant : t.repository_permissions) {
      std::optional<uint32_t> ri = Lookup(repository_index_, grant.repository);
      if (!ri) {
        problems.push_back(
            {grant.location.known() ? grant.location : t.location,
             Cat("team `", t.name, "` has a grant on repository `",
                 grant.repository, "`, which is not in `repositories`")});
        continue;
      }
      if (!granted.try_emplace(grant.repository, *ri).second) {
        problems.push_back(
            {grant.location.known() ? grant.location : t.location,
             Cat("team `", t.name, "` has two grants on repository `",
                 grant.repository, "`")});
        continue;
      }
      grant.repository_index = *ri;
      grant.repository_join.set(&repositories[*ri]);
      repositories[*ri].team_grants.push_back({ti, grant.permission});
      t.highest_permission = std::max(t.highest_permission, grant.permission);
      if (grant.permission >= Permission::kWrite) ++t.write_repository_count;
      if (grant.permission == Permission::kAdmin) ++t.admin_repository_count;
    }
    for (uint32_t mi : t.member_indices) {
      members[mi].highest_permission =
          std::max(members[mi].highest_permission, t.highest_permission);
    }
  }

  // Token owners.
  for (uint32_t k = 0; k < access_tokens.size(); ++k) {
    AccessToken& token = access_tokens[k];
    token.owner_index.reset();
    token.owner_join.set(nullptr);
    if (!token.owner) continue;
    token.owner_index = Lookup(member_index_, *token.owner);
    if (token.owner_index) token.owner_join.set(&members[*token.owner_index]);
    if (token.owner_index && token.kind == TokenKind::kPersonal) {
      members[*token.owner_index].token_indices.push_back(k);
      members[*token.owner_index].token_joins.push_back(&token);
    }
  }

  // Integrations: their account and the tokens they use.
  for (uint32_t ii = 0; ii < integrations.size(); ++ii) {
    Integration& integration = integrations[ii];
    integration.member_index = Lookup(member_index_, integration.username);
    integration.member_join.set(nullptr);
    if (integration.member_index) {
      Member& account = members[*integration.member_index];
      account.integration_indices.push_back(ii);
      account.integration_joins.push_back(&integration);
      integration.member_join.set(&account);
    }
    integration.token_indices.clear();
    integration.token_joins.clear();
    for (uint32_t k = 0; k < access_tokens.size(); ++k) {
      const AccessToken& token = access_tokens[k];
      bool by_id = integration.token_id && token.id == *integration.token_id;
      bool by_label = integration.token_label &&
                      token.label == *integration.token_label &&
                      (token.kind == TokenKind::kOrganization ||
                       token.owner == integration.username);
      if (by_id || by_label) {
        integration.token_indices.push_back(k);
        integration.token_joins.push_back(&token);
      }
    }
  }
  finalized_.set(problems.empty());
  return problems;
}

const Member* OrgState::FindMember(std::string_view username) const {
  std::optional<uint32_t> i = Lookup(member_index_, username);
  return i ? &members[*i] : nullptr;
}
const Team* OrgState::FindTeam(std::string_view name) const {
  std::optional<uint32_t> i = Lookup(team_index_, name);
  return i ? &teams[*i] : nullptr;
}
const Repository* OrgState::FindRepository(std::string_view name) const {
  std::optional<uint32_t> i = Lookup(repository_index_, name);
  return i ? &repositories[*i] : nullptr;
}
const AccessToken* OrgState::FindToken(std::string_view id) const {
  std::optional<uint32_t> i = Lookup(token_index_, id);
  return i ? &access_tokens[*i] : nullptr;
}
const Integration* OrgState::FindIntegration(std::string_view name) const {
  std::optional<uint32_t> i = Lookup(integration_index_, name);
  return i ? &integrations[*i] : nullptr;
}

bool OrgState::SameFacts(const OrgState& o) const {
  return schema == o.schema && collected_at == o.collected_at &&
         source == o.source && org_name == o.org_name &&
         settings == o.settings && members == o.members &&
         invites == o.invites && teams == o.teams &&
         repositories == o.repositories && access_tokens == o.access_tokens &&
         integrations == o.integrations && audit_events == o.audit_events;
}

}  // namespace hublint
