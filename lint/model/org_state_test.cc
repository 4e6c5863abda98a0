#include "lint/model/org_state.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace hublint {
namespace {

Member MakeMember(std::string username, std::string role,
                  std::vector<std::string> teams = {}) {
  Member m;
  m.username = std::move(username);
  m.role = std::move(role);
  m.teams = std::move(teams);
  return m;
}

OrgState SmallOrg() {
  OrgState s;
  s.org_name = "contoso";
  s.members = {MakeMember("alice", "owner", {"owners"}),
               MakeMember("bob", "member"), MakeMember("svc", "editor")};
  Team owners;
  owners.name = "owners";
  Team devs;
  devs.name = "devs";
  devs.members = {"bob", "svc"};
  devs.repository_permissions = {{"contoso/api", Permission::kWrite, {}},
                                 {"contoso/web", Permission::kRead, {}}};
  Team admins;
  admins.name = "admins";
  admins.members = {"bob"};
  admins.repository_permissions = {{"contoso/web", Permission::kAdmin, {}}};
  s.teams = {owners, devs, admins};
  Repository api;
  api.name = "contoso/api";
  Repository web;
  web.name = "contoso/web";
  s.repositories = {api, web};
  AccessToken pat;
  pat.id = "t1";
  pat.label = "scan";
  pat.owner = "svc";
  AccessToken oat;
  oat.kind = TokenKind::kOrganization;
  oat.id = "t2";
  oat.label = "scan";
  oat.owner = "alice";
  AccessToken other;
  other.id = "t3";
  other.label = "scan";
  other.owner = "bob";
  s.access_tokens = {pat, oat, other};
  Integration scanner;
  scanner.name = "scanner";
  scanner.username = "svc";
  scanner.token_label = "scan";
  s.integrations = {scanner};
  return s;
}

TEST_CASE("Finalize computes the joins rules rely on") {
  OrgState s = SmallOrg();
  REQUIRE(s.Finalize().empty());
  const Member* bob = s.FindMember("bob");
  REQUIRE(bob != nullptr);
  CHECK(bob->teams == std::vector<std::string>{"devs", "admins"});
  CHECK(bob->highest_permission == Permission::kAdmin);
  CHECK(s.FindMember("svc")->highest_permission == Permission::kWrite);
  CHECK(s.FindMember("alice")->highest_permission == Permission::kNone);
  // Membership declared on either side shows on both.
  CHECK(s.FindTeam("owners")->members == std::vector<std::string>{"alice"});
  const Team* devs = s.FindTeam("devs");
  CHECK(devs->highest_permission == Permission::kWrite);
  CHECK(devs->write_repository_count == 1);
  CHECK(s.FindTeam("admins")->admin_repository_count == 1);
  const Repository* web = s.FindRepository("contoso/web");
  REQUIRE(web->team_grants.size() == 2);
  CHECK(s.teams[web->team_grants[1].team_index].name == "admins");
  // Tokens know their owner; members know their personal tokens.
  CHECK(*s.FindToken("t1")->owner_index == 2);
  CHECK(s.FindMember("svc")->token_joins.IndicesIn(s.access_tokens) ==
        std::vector<uint32_t>{0});
  CHECK(s.FindMember("alice")->token_joins.size() == 0);  // t2 is an OAT
  // The integration's token matches by label among the account's personal
  // tokens and organization tokens, not other people's.
  const Integration* scanner = s.FindIntegration("scanner");
  CHECK(*scanner->member_index == 2);
  CHECK(scanner->token_indices == std::vector<uint32_t>{0, 1});
  CHECK(s.FindMember("svc")->integration_joins.IndicesIn(s.integrations) ==
        std::vector<uint32_t>{0});
}

TEST_CASE("Finalize is idempotent") {
  OrgState s = SmallOrg();
  REQUIRE(s.Finalize().empty());
  OrgState again = s;
  REQUIRE(again.Finalize().empty());
  CHECK(again.SameFacts(s));
  CHECK(again.FindMember("bob")->teams == s.FindMember("bob")->teams);
}

TEST_CASE("Finalize reports every broken reference and duplicate") {
  OrgState s = SmallOrg();
  s.members.push_back(MakeMember("bob", "member"));
  s.members.back().location = {0, 40, 5};
  s.members[0].location = {0, 10, 5};
  s.members[1].location = {0, 20, 5};
  s.members[0].teams.push_back("ghosts");
  s.teams[1].members.push_back("mallory");
  s.teams[1].repository_permissions.push_back(
      {"contoso/missing", Permission::kRead, {0, 33, 9}});
  s.teams[2].repository_permissions.push_back(
      {"contoso/web", Permission::kRead, {}});
  s.access_tokens.push_back(s.access_tokens[0]);
  std::vector<std::string> messages;
  for (const StateProblem& p : s.Finalize()) messages.push_back(p.message);
  CHECK(messages ==
        std::vector<std::string>{
            "duplicate username `bob` (first at line 20)",
            "duplicate token id `t1`",
            "member `alice` is in team `ghosts`, which is not in `teams`",
            "team `devs` lists member `mallory`, who is not in `members`",
            "team `devs` has a grant on repository `contoso/missing`, which is "
            "not in `repositories`",
            "team `admins` has two grants on repository `contoso/web`",
        });
}

TEST_CASE("A team holding every member stays linear") {
  OrgState s;
  s.org_name = "big";
  Team everyone;
  everyone.name = "everyone";
  for (int i = 0; i < 50000; ++i) {
    s.members.push_back(
        MakeMember("u" + std::to_string(i), "member", {"everyone"}));
    everyone.members.push_back("u" + std::to_string(i));
  }
  s.teams = {everyone};
  REQUIRE(s.Finalize().empty());
  CHECK(s.teams[0].member_indices.size() == 50000);
  CHECK(s.members[49999].teams == std::vector<std::string>{"everyone"});
}

// Large enough for Finalize()'s second thread (the member index, the team
// lists); the joins are checked against a direct computation and the
// problems against the order a small organization reports them in.
TEST_CASE("A large organization joins like a small one") {
  constexpr int kMembers = 20000;
  constexpr int kTeams = 50;
  OrgState s;
  s.org_name = "big";
  for (int t = 0; t < kTeams; ++t) {
    Team team;
    team.name = "team" + std::to_string(t);
    s.teams.push_back(team);
  }
  for (int i = 0; i < kMembers; ++i) {
    std::string name = "u" + std::to_string(i);
    // Named by its team's list, by its own list, or by both.
    std::vector<std::string> own;
    if (i % 3 != 0) own.push_back("team" + std::to_string(i % kTeams));
    if (i % 3 != 1) s.teams[(i * 7) % kTeams].members.push_back(name);
    s.members.push_back(MakeMember(name, "member", own));
    if (i % 4 == 0) {
      AccessToken token;
      token.id = "t" + std::to_string(i);
      token.owner = name;
      s.access_tokens.push_back(token);
    }
  }
  REQUIRE(s.Finalize().empty());
  std::vector<std::vector<uint32_t>> want_teams(kMembers);
  for (uint32_t t = 0; t < kTeams; ++t) {
    for (const std::string& name : s.teams[t].members) {
      want_teams[std::stoul(name.substr(1))].push_back(t);
    }
  }
  for (int i = 0; i < kMembers; ++i) {
    if (i % 3 != 0) want_teams[i].push_back(i % kTeams);
    std::sort(want_teams[i].begin(), want_teams[i].end());
    want_teams[i].erase(std::unique(want_teams[i].begin(), want_teams[i].end()),
                        want_teams[i].end());
  }
  for (int i = 0; i < kMembers; ++i) {
    CAPTURE(i);
    REQUIRE(s.members[i].team_joins.IndicesIn(s.teams) == want_teams[i]);
    std::vector<uint32_t> want_tokens;
    if (i % 4 == 0) want_tokens.push_back(static_cast<uint32_t>(i / 4));
    REQUIRE(s.members[i].token_joins.IndicesIn(s.access_tokens) == want_tokens);
  }

  // One of each problem, reported in the same order as a small org's.
  s.members.push_back(MakeMember("u5", "member"));
  s.members.push_back(MakeMember("x", "member", {"nowhere"}));
  s.teams[0].members.push_back("ghost");
  s.teams[0].repository_permissions.push_back(
      {"missing/repo", Permission::kRead, {}});
  std::vector<StateProblem> problems = s.Finalize();
  std::vector<std::string> messages;
  for (const StateProblem& p : problems) messages.push_back(p.message);
  CHECK(messages ==
        std::vector<std::string>{
            "duplicate username `u5`",
            "member `x` is in team `nowhere`, which is not in `teams`",
            "team `team0` lists member `ghost`, who is not in `members`",
            "team `team0` has a grant on repository `missing/repo`, which is "
            "not in `repositories`"});
}

TEST_CASE("SourceInfo::IsGap covers sub-parts") {
  SourceInfo source;
  source.gaps = {{"access_tokens", "403"}};
  CHECK(source.IsGap("access_tokens"));
  CHECK(source.IsGap("access_tokens.personal"));
  CHECK_FALSE(source.IsGap("access_tokens_extra"));
  CHECK_FALSE(source.IsGap("members"));
}

TEST_CASE("Resource kinds and permissions parse their own names") {
  for (auto kind :
       {ResourceKind::kOrg, ResourceKind::kMember, ResourceKind::kTeam,
        ResourceKind::kRepository, ResourceKind::kToken, ResourceKind::kInvite,
        ResourceKind::kIntegration}) {
    CHECK(ParseResourceKind(ResourceKindName(kind)) == kind);
  }
  CHECK_FALSE(ParseResourceKind("user").has_value());
  CHECK(ParsePermission("write") == Permission::kWrite);
  CHECK(PermissionName(Permission::kAdmin) == "admin");
  CHECK_FALSE(ParsePermission("Write").has_value());
}

}  // namespace
}  // namespace hublint

namespace hublint {
namespace {

TEST_CASE(
    "Pointer joins follow the state when moved, and a copy must be finalized "
    "again") {
  OrgState s = SmallOrg();
  REQUIRE(s.Finalize().empty());
  CHECK(s.finalized());
  const Member* bob = s.FindMember("bob");
  REQUIRE(bob->team_joins.size() == 2);
  CHECK(bob->team_joins.items()[1]->name == "admins");
  CHECK(s.FindToken("t1")->owner_join.get() == s.FindMember("svc"));
  CHECK(s.FindIntegration("scanner")->member_join.get() == s.FindMember("svc"));
  CHECK(s.FindIntegration("scanner")->token_joins.items()[1]->id == "t2");
  CHECK(s.FindTeam("devs")->repository_permissions[0].repository_join.get() ==
        s.FindRepository("contoso/api"));

  OrgState moved = std::move(s);
  CHECK(moved.finalized());
  CHECK(moved.members[1].team_joins.items()[0] == &moved.teams[1]);

  OrgState copy = moved;
  CHECK_FALSE(copy.finalized());
  CHECK(copy.members[1].team_joins.size() == 0);  // empty, never dangling
  CHECK(copy.access_tokens[0].owner_join.get() == nullptr);
  REQUIRE(copy.Finalize().empty());
  CHECK(copy.members[1].team_joins.items()[0] == &copy.teams[1]);
}

}  // namespace
}  // namespace hublint
