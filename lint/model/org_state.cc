#include "lint/model/org_state.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "absl/container/flat_hash_map.h"
#include "lint/util/strings.h"

namespace hublint {
namespace {

absl::string_view Key(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}

// Work on at least this many items (members to index, names in team
// member lists) is done on a second thread; below, starting one costs more
// than it saves.
constexpr size_t kItemsForThread = 16384;

// The keys resources are indexed by.
std::string_view MemberKey(const Member& m) { return m.username; }
std::string_view TeamKey(const Team& t) { return t.name; }
std::string_view RepositoryKey(const Repository& r) { return r.name; }
std::string_view TokenKey(const AccessToken& t) { return t.id; }
std::string_view IntegrationKey(const Integration& i) { return i.name; }
std::string_view InviteKey(const Invite& i) { return i.invitee; }

// Builds `*index` from the keys of `items`, reporting each duplicate at the
// later resource's location.
template <typename T>
void IndexByKey(const std::vector<T>& items, std::string_view (*key)(const T&),
                std::string_view what, KeyIndex* index,
                std::vector<StateProblem>* problems) {
  index->Reset(items.size());
  for (uint32_t i = 0; i < items.size(); ++i) {
    uint32_t first_position = index->Insert(items, i, key);
    if (first_position != i) {
      const Location& first = items[first_position].location;
      std::string where =
          first.known() ? Cat(" (first at line ", first.line, ")") : "";
      problems->push_back({items[i].location, Cat("duplicate ", what, " `",
                                                  key(items[i]), "`", where)});
    }
  }
}

// Calls `fn(begin, end, half)` for the two halves of [0, count), the second
// half on another thread when `on_two_threads`. The halves are independent
// pieces of work: each writes only what belongs to it.
template <typename Fn>
void InTwoHalves(size_t count, bool on_two_threads, Fn fn) {
  auto middle = static_cast<uint32_t>(count / 2);
  auto end = static_cast<uint32_t>(count);
  if (!on_two_threads) {
    fn(0, middle, 0);
    fn(middle, end, 1);
    return;
  }
  std::thread second([&] { fn(middle, end, 1); });
  fn(0, middle, 0);
  second.join();
}

// Orders (key, value) pairs by key, pairs of equal keys in the order
// given, for keys below `key_count`: a counting sort, two linear passes
// where std::sort of 200,000 pairs took 12 ms.
void StableSortByKey(std::vector<std::pair<uint32_t, uint32_t>>* pairs,
                     size_t key_count) {
  std::vector<uint32_t> starts(key_count + 1, 0);
  for (const auto& [key, value] : *pairs) ++starts[key + 1];
  for (size_t k = 1; k <= key_count; ++k) starts[k] += starts[k - 1];
  std::vector<std::pair<uint32_t, uint32_t>> sorted(pairs->size());
  for (const auto& pair : *pairs) sorted[starts[pair.first]++] = pair;
  *pairs = std::move(sorted);
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
  // Large organizations get a second thread for the largest pieces of work
  // (the member index here, the team lists below), each writing what no
  // other code touches meanwhile; problems keep their order.
  std::vector<StateProblem> member_problems;
  auto index_members = [&] {
    IndexByKey(members, MemberKey, "username", &member_index_,
               &member_problems);
  };
  std::thread member_index_thread;
  if (members.size() >= kItemsForThread) {
    member_index_thread = std::thread(index_members);
  } else {
    index_members();
  }
  IndexByKey(teams, TeamKey, "team name", &team_index_, &problems);
  IndexByKey(repositories, RepositoryKey, "repository name", &repository_index_,
             &problems);
  IndexByKey(access_tokens, TokenKey, "token id", &token_index_, &problems);
  IndexByKey(integrations, IntegrationKey, "integration name",
             &integration_index_, &problems);
  {
    KeyIndex invitees;
    IndexByKey(invites, InviteKey, "invitee", &invitees, &problems);
  }
  if (member_index_thread.joinable()) member_index_thread.join();
  problems.insert(problems.begin(), member_problems.begin(),
                  member_problems.end());

  // Every join is computed visiting the members once, in order: what the
  // other resources say about a member is gathered first as (member, x)
  // pairs and sorted, so a million members cost sequential passes rather
  // than a cache miss per link. Problems are reported in the same order
  // whatever the passes: members' teams, teams' members, grants.
  std::vector<StateProblem> team_problems;
  std::vector<StateProblem> grant_problems;

  // Team membership, from both sides: a team's member list and a member's
  // team list. Each names an existing resource, and the join is the union.
  // Long team lists (200,000 names for 100,000 members) are looked up in
  // pieces of teams by a second thread and, once it has joined grants and
  // tokens, by this one too.
  size_t team_list_names = 0;
  for (const Team& t : teams) team_list_names += t.members.size();
  // Whether a team's own list names existing members in member order (as
  // for members' lists below); a byte each, as two threads write them.
  std::vector<uint8_t> team_list_in_order(teams.size(), 1);
  struct TeamPiece {
    std::vector<std::pair<uint32_t, uint32_t>> named;  // member, team
    std::vector<StateProblem> problems;
  };
  constexpr size_t kTeamsPerPiece = 32;
  std::vector<TeamPiece> team_pieces((teams.size() + kTeamsPerPiece - 1) /
                                     kTeamsPerPiece);
  std::atomic<size_t> next_team_piece{0};
  auto look_up_team_lists = [&] {
    for (size_t p = next_team_piece++; p < team_pieces.size();
         p = next_team_piece++) {
      TeamPiece& piece = team_pieces[p];
      size_t end = std::min(teams.size(), (p + 1) * kTeamsPerPiece);
      for (auto ti = static_cast<uint32_t>(p * kTeamsPerPiece); ti < end;
           ++ti) {
        const Team& t = teams[ti];
        std::optional<uint32_t> previous;
        for (const std::string& username : t.members) {
          std::optional<uint32_t> mi =
              member_index_.Find(username, members, MemberKey);
          if (!mi || (previous && *mi <= *previous)) {
            team_list_in_order[ti] = 0;
          }
          previous = mi;
          if (!mi) {
            piece.problems.push_back(
                {t.location, Cat("team `", t.name, "` lists member `", username,
                                 "`, who is not in `members`")});
            continue;
          }
          piece.named.emplace_back(*mi, ti);
        }
      }
    }
  };
  std::thread team_lists_thread;
  if (team_list_names >= kItemsForThread) {
    team_lists_thread = std::thread(look_up_team_lists);
  }

  // Repository grants, and each team's highest permission.
  for (Repository& r : repositories) r.team_grants.clear();
  // The last team (plus one) that had a grant on each repository: a second
  // grant of one team is a duplicate.
  std::vector<uint32_t> last_granted_by(repositories.size(), 0);
  for (uint32_t ti = 0; ti < teams.size(); ++ti) {
    Team& t = teams[ti];
    t.member_indices.clear();
    t.member_joins.clear();
    t.highest_permission = Permission::kNone;
    t.write_repository_count = 0;
    t.admin_repository_count = 0;
    for (RepositoryPermission& grant : t.repository_permissions) {
      std::optional<uint32_t> ri =
          repository_index_.Find(grant.repository, repositories, RepositoryKey);
      if (!ri) {
        grant_problems.push_back(
            {grant.location.known() ? grant.location : t.location,
             Cat("team `", t.name, "` has a grant on repository `",
                 grant.repository, "`, which is not in `repositories`")});
        continue;
      }
      if (last_granted_by[*ri] == ti + 1) {
        grant_problems.push_back(
            {grant.location.known() ? grant.location : t.location,
             Cat("team `", t.name, "` has two grants on repository `",
                 grant.repository, "`")});
        continue;
      }
      last_granted_by[*ri] = ti + 1;
      grant.repository_index = *ri;
      grant.repository_join.set(&repositories[*ri]);
      repositories[*ri].team_grants.push_back({ti, grant.permission});
      t.highest_permission = std::max(t.highest_permission, grant.permission);
      if (grant.permission >= Permission::kWrite) ++t.write_repository_count;
      if (grant.permission == Permission::kAdmin) ++t.admin_repository_count;
    }
  }

  // Token owners; a member's personal tokens, in token order.
  std::vector<std::pair<uint32_t, uint32_t>> owned;  // member, token
  for (uint32_t k = 0; k < access_tokens.size(); ++k) {
    AccessToken& token = access_tokens[k];
    token.owner_index.reset();
    token.owner_join.set(nullptr);
    if (!token.owner) continue;
    token.owner_index = member_index_.Find(*token.owner, members, MemberKey);
    if (!token.owner_index) continue;
    token.owner_join.set(&members[*token.owner_index]);
    if (token.kind == TokenKind::kPersonal) {
      owned.emplace_back(*token.owner_index, k);
    }
  }
  StableSortByKey(&owned, members.size());  // tokens stay in token order
  look_up_team_lists();  // what the second thread has not taken yet
  if (team_lists_thread.joinable()) team_lists_thread.join();
  // Gathered in team order, so each member's teams stay in team order.
  std::vector<std::pair<uint32_t, uint32_t>> named_by_teams;  // member, team
  named_by_teams.reserve(team_list_names);
  for (TeamPiece& piece : team_pieces) {
    named_by_teams.insert(named_by_teams.end(), piece.named.begin(),
                          piece.named.end());
    team_problems.insert(team_problems.end(), piece.problems.begin(),
                         piece.problems.end());
  }
  StableSortByKey(&named_by_teams, members.size());

  // Each member's teams (the union of both sides), highest permission and
  // personal tokens, for members [begin, end): their problems, and the
  // members they add to each team, go to `part`.
  struct MemberPart {
    std::vector<StateProblem> problems;
    std::vector<uint32_t> team_sizes;
  };
  auto join_members = [&](uint32_t begin, uint32_t end, MemberPart* part) {
    part->team_sizes.assign(teams.size(), 0);
    auto member_before = [](const std::pair<uint32_t, uint32_t>& p,
                            uint32_t mi) { return p.first < mi; };
    size_t next_named = static_cast<size_t>(
        std::lower_bound(named_by_teams.begin(), named_by_teams.end(), begin,
                         member_before) -
        named_by_teams.begin());
    size_t next_owned = static_cast<size_t>(
        std::lower_bound(owned.begin(), owned.end(), begin, member_before) -
        owned.begin());
    std::vector<uint32_t> ti;  // one member's teams, by position
    for (uint32_t mi = begin; mi < end; ++mi) {
      Member& m = members[mi];
      ti.clear();
      m.team_joins.clear();
      m.token_joins.clear();
      m.integration_joins.clear();
      // Whether the member's own list names existing teams in team order:
      // then it is the union exactly when the union is no longer.
      bool own_list_in_order = true;
      // Sized once: the member's own list, then the teams that name it.
      size_t named_end = next_named;
      while (named_end < named_by_teams.size() &&
             named_by_teams[named_end].first == mi) {
        ++named_end;
      }
      for (const std::string& team_name : m.teams) {
        std::optional<uint32_t> t = team_index_.Find(team_name, teams, TeamKey);
        if (!t) {
          own_list_in_order = false;
          part->problems.push_back(
              {m.location, Cat("member `", m.username, "` is in team `",
                               team_name, "`, which is not in `teams`")});
          continue;
        }
        if (!ti.empty() && *t <= ti.back()) own_list_in_order = false;
        ti.push_back(*t);
      }
      for (; next_named < named_end; ++next_named) {
        ti.push_back(named_by_teams[next_named].second);
      }
      if (ti.size() > 1) {
        std::sort(ti.begin(), ti.end());
        ti.erase(std::unique(ti.begin(), ti.end()), ti.end());
      }
      m.highest_permission = Permission::kNone;
      m.team_joins.reserve(ti.size());
      for (uint32_t t : ti) {
        ++part->team_sizes[t];
        m.team_joins.push_back(&teams[t]);
        m.highest_permission =
            std::max(m.highest_permission, teams[t].highest_permission);
      }
      // Write the union back so both sides of the snapshot agree.
      bool same = own_list_in_order && m.teams.size() == ti.size();
      if (!same && (m.teams.size() != ti.size() ||
                    !std::equal(ti.begin(), ti.end(), m.teams.begin(),
                                [&](uint32_t t, const std::string& name) {
                                  return teams[t].name == name;
                                }))) {
        m.teams.clear();
        for (uint32_t t : ti) m.teams.push_back(teams[t].name);
      }
      size_t owned_end = next_owned;
      while (owned_end < owned.size() && owned[owned_end].first == mi) {
        ++owned_end;
      }
      m.token_joins.reserve(owned_end - next_owned);
      for (; next_owned < owned_end; ++next_owned) {
        m.token_joins.push_back(&access_tokens[owned[next_owned].second]);
      }
    }
  };
  MemberPart halves[2];
  InTwoHalves(members.size(), members.size() >= kItemsForThread,
              [&](uint32_t begin, uint32_t end, int half) {
                join_members(begin, end, &halves[half]);
              });
  std::vector<uint32_t>& team_sizes = halves[0].team_sizes;
  for (size_t t = 0; t < halves[1].team_sizes.size(); ++t) {
    team_sizes[t] += halves[1].team_sizes[t];
  }
  for (const MemberPart& half : halves) {
    problems.insert(problems.end(), half.problems.begin(), half.problems.end());
  }
  problems.insert(problems.end(), team_problems.begin(), team_problems.end());
  problems.insert(problems.end(), grant_problems.begin(), grant_problems.end());

  // Each team's members, in member order; written back too.
  for (uint32_t ti = 0; ti < teams.size(); ++ti) {
    teams[ti].member_indices.reserve(team_sizes[ti]);
    teams[ti].member_joins.reserve(team_sizes[ti]);
  }
  // Two threads each take half the teams and look at every member.
  InTwoHalves(teams.size(), members.size() >= kItemsForThread,
              [&](uint32_t begin, uint32_t end, int) {
                for (uint32_t mi = 0; mi < members.size(); ++mi) {
                  for (const Team* team : members[mi].team_joins.items()) {
                    auto ti = static_cast<uint32_t>(team - teams.data());
                    if (ti < begin || ti >= end) continue;
                    teams[ti].member_indices.push_back(mi);
                    teams[ti].member_joins.push_back(&members[mi]);
                  }
                }
              });
  for (uint32_t ti = 0; ti < teams.size(); ++ti) {
    Team& t = teams[ti];
    if (team_list_in_order[ti] && t.members.size() == t.member_indices.size()) {
      continue;
    }
    if (t.members.size() != t.member_indices.size() ||
        !std::equal(t.member_indices.begin(), t.member_indices.end(),
                    t.members.begin(),
                    [&](uint32_t mi, const std::string& name) {
                      return members[mi].username == name;
                    })) {
      t.members.clear();
      for (uint32_t mi : t.member_indices) {
        t.members.push_back(members[mi].username);
      }
    }
  }

  // Integrations: their account and the tokens they use, found through
  // the id index and a label index (not a scan of every token for every
  // integration), in token order.
  // Only the labels integrations name are indexed: one pass over the
  // tokens, no list per token.
  absl::flat_hash_map<absl::string_view, std::vector<uint32_t>> by_label;
  for (const Integration& integration : integrations) {
    if (integration.token_label) by_label[Key(*integration.token_label)];
  }
  if (!by_label.empty()) {
    for (uint32_t k = 0; k < access_tokens.size(); ++k) {
      auto it = by_label.find(Key(access_tokens[k].label));
      if (it != by_label.end()) it->second.push_back(k);
    }
  }
  for (Integration& integration : integrations) {
    integration.member_index =
        member_index_.Find(integration.username, members, MemberKey);
    integration.member_join.set(nullptr);
    if (integration.member_index) {
      Member& account = members[*integration.member_index];
      account.integration_joins.push_back(&integration);
      integration.member_join.set(&account);
    }
    std::vector<uint32_t>& matched = integration.token_indices;
    matched.clear();
    integration.token_joins.clear();
    if (integration.token_id) {
      if (std::optional<uint32_t> k = token_index_.Find(
              *integration.token_id, access_tokens, TokenKey)) {
        matched.push_back(*k);
      }
    }
    if (integration.token_label) {
      auto it = by_label.find(Key(*integration.token_label));
      if (it != by_label.end()) {
        for (uint32_t k : it->second) {
          const AccessToken& token = access_tokens[k];
          if (token.kind == TokenKind::kOrganization ||
              token.owner == integration.username) {
            matched.push_back(k);
          }
        }
      }
    }
    std::sort(matched.begin(), matched.end());
    matched.erase(std::unique(matched.begin(), matched.end()), matched.end());
    for (uint32_t k : matched) {
      integration.token_joins.push_back(&access_tokens[k]);
    }
  }
  finalized_.set(problems.empty());
  return problems;
}

const Member* OrgState::FindMember(std::string_view username) const {
  std::optional<uint32_t> i = member_index_.Find(username, members, MemberKey);
  return i ? &members[*i] : nullptr;
}
const Team* OrgState::FindTeam(std::string_view name) const {
  std::optional<uint32_t> i = team_index_.Find(name, teams, TeamKey);
  return i ? &teams[*i] : nullptr;
}
const Repository* OrgState::FindRepository(std::string_view name) const {
  std::optional<uint32_t> i =
      repository_index_.Find(name, repositories, RepositoryKey);
  return i ? &repositories[*i] : nullptr;
}
const AccessToken* OrgState::FindToken(std::string_view id) const {
  std::optional<uint32_t> i = token_index_.Find(id, access_tokens, TokenKey);
  return i ? &access_tokens[*i] : nullptr;
}
const Integration* OrgState::FindIntegration(std::string_view name) const {
  std::optional<uint32_t> i =
      integration_index_.Find(name, integrations, IntegrationKey);
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
