#include "lint/state/snapshot_reader.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <vector>

#include "lint/util/files.h"
#include "lint/util/strings.h"

namespace hublint {
namespace {

constexpr char kHeader[] =
    "{\"schema\": \"hublint/state/v1\", \"org\": {\"name\": \"contoso\"},\n";

OrgState MustRead(std::string text) {
  absl::StatusOr<OrgState> state = ReadSnapshot(std::move(text), "<string>");
  INFO(ToStd(state.status().message()));
  REQUIRE(state.ok());
  return *std::move(state);
}

TEST_CASE("Reads every field of the example organization") {
  absl::StatusOr<OrgState> read =
      ReadSnapshotFile("fixtures/orgs/compliant.json");
  INFO(ToStd(read.status().message()));
  REQUIRE(read.ok());
  const OrgState& s = *read;
  CHECK(s.org_name == "contoso");
  CHECK(s.source.kind == "declared");
  CHECK(s.source.complete);
  CHECK(s.members.size() == 7);
  CHECK(s.teams.size() == 3);
  CHECK(s.repositories.size() == 3);
  CHECK(s.access_tokens.size() == 2);
  CHECK(s.invites.size() == 1);
  CHECK(s.integrations.size() == 1);
  CHECK(s.audit_events.size() == 2);
  CHECK(s.settings.image_access_management.enabled == true);
  CHECK(s.settings.registry_access_management.custom_registries.size() == 1);
  CHECK(s.settings.sso_enforced == false);
  CHECK_FALSE(s.settings.scim_enabled.has_value());

  const Member* gina = s.FindMember("gina");
  REQUIRE(gina != nullptr);
  CHECK(gina->is_guest == true);
  CHECK_FALSE(gina->two_factor_enabled.has_value());  // unknown, not false
  CHECK_FALSE(gina->last_logged_in_at.known());
  CHECK(gina->highest_permission == Permission::kRead);
  const AccessToken* pat = s.FindToken("b30bbf97-506c-4ecd-aabc-842f3cb484fb");
  REQUIRE(pat != nullptr);
  CHECK(pat->kind == TokenKind::kPersonal);
  CHECK(pat->scopes == std::vector<std::string>{"repo:read"});
  CHECK(pat->expires_at.has_time());
  CHECK(s.integrations[0].token_indices == std::vector<uint32_t>{0});
  CHECK(s.audit_events[0].data ==
        std::vector<std::pair<std::string, std::string>>{{"role", "editor"}});
  CHECK(s.source_files ==
        std::vector<std::string>{"fixtures/orgs/compliant.json"});
}

TEST_CASE("Keeps the line and column of every resource") {
  OrgState s = MustRead(
      std::string(kHeader) +
      "\"members\": [\n"
      "  {\"username\": \"alice\", \"role\": \"owner\"},\n"
      "    {\"username\": \"bob\", \"role\": \"member\"}],\n"
      "\"teams\": [{\"name\": \"devs\", \"members\": [\"bob\"],\n"
      "  \"repository_permissions\": [\n"
      "     {\"repository\": \"contoso/api\", \"permission\": \"read\"}]}],\n"
      "\"repositories\": [{\"name\": \"contoso/api\"}]}\n");
  CHECK(s.org_location == Location{0, 1, 39});
  CHECK(s.members[0].location == Location{0, 3, 3});
  CHECK(s.members[1].location == Location{0, 4, 5});
  CHECK(s.teams[0].location == Location{0, 5, 11});
  CHECK(s.teams[0].repository_permissions[0].location == Location{0, 7, 6});
  CHECK(s.repositories[0].location == Location{0, 8, 18});
}

TEST_CASE("Unknown, never and known moments are told apart") {
  OrgState s = MustRead(
      std::string(kHeader) +
      "\"access_tokens\": [\n"
      " {\"kind\": \"personal\", \"id\": \"a\", \"expires_at\": null},\n"
      " {\"kind\": \"personal\", \"id\": \"b\", \"expires_at\": \"never\"},\n"
      " {\"kind\": \"personal\", \"id\": \"c\", \"expires_at\": "
      "\"2027-01-01T00:00:00Z\"},\n"
      " {\"kind\": \"organization\", \"id\": \"d\"}]}");
  CHECK(s.access_tokens[0].expires_at.state() == Moment::State::kUnknown);
  CHECK(s.access_tokens[1].expires_at.never());
  CHECK(s.access_tokens[2].expires_at.has_time());
  CHECK_FALSE(s.access_tokens[3].expires_at.known());  // absent = unknown
  CHECK(s.access_tokens[3].kind == TokenKind::kOrganization);
}

TEST_CASE("Roles are normalized to lower case; extension fields are ignored") {
  OrgState s =
      MustRead(std::string(kHeader) +
               "\"x-comment\": {\"why\": [\"declared by hand\", 1, null]},\n"
               "\"members\": [{\"username\": \"a\", \"role\": \"Owner\", "
               "\"x-note\": \"CTO\"}]}");
  CHECK(s.members[0].role == "owner");
}

TEST_CASE("Keys written with escapes are the same keys") {
  OrgState s = MustRead(std::string(kHeader) +
                        "\"members\": [{\"usern\\u0061me\": \"a\", "
                        "\"\\u0072ole\": \"member\"}]}");
  CHECK(s.members[0].username == "a");
  CHECK(s.members[0].role == "member");
  absl::StatusOr<OrgState> twice = ReadSnapshot(
      std::string(kHeader) +
          "\"members\": [{\"username\": \"a\", \"role\": \"member\", "
          "\"r\\u006fle\": \"owner\"}]}",
      "<string>");
  REQUIRE_FALSE(twice.ok());
  CHECK(ToStd(twice.status().message())
            .starts_with("<string>:2:49: `members[0]`: duplicate field `role` "
                         "in member"));
}

struct BadInput {
  std::string name;
  std::string text;
  std::string error;
};

// Every rejection, word for word: file:line:col, message, source line, caret.
const BadInput kBadInputs[] = {
    {"wrong type",
     std::string(kHeader) +
         "\"members\": [{\"username\": 42, \"role\": \"member\"}]}",
     "<string>:2:26: `members[0].username`: expected a string, got a number\n"
     "\"members\": [{\"username\": 42, \"role\": \"member\"}]}\n"
     "                         ^"},
    {"nullable wrong type",
     std::string(kHeader) +
         "\"members\": [{\"username\": \"a\", \"role\": \"member\", "
         "\"two_factor_enabled\": \"yes\"}]}",
     "<string>:2:71: `members[0].two_factor_enabled`: expected a boolean or "
     "null, got a string\n"
     "\"members\": [{\"username\": \"a\", \"role\": \"member\", "
     "\"two_factor_enabled\": \"yes\"}]}\n"
     "                                                                      ^"},
    {"unknown schema version",
     "{\"org\": {\"name\": \"c\"}, \"schema\": \"hublint/state/v2\"}",
     "<string>:1:34: unknown schema `hublint/state/v2`: this hublint reads "
     "hublint/state/v1\n"
     "{\"org\": {\"name\": \"c\"}, \"schema\": \"hublint/state/v2\"}\n"
     "                                 ^"},
    {"missing schema", "{\"org\": {\"name\": \"c\"}}",
     "<string>:1:1: the state is missing the required field `schema`\n"
     "{\"org\": {\"name\": \"c\"}}\n"
     "^"},
    {"not an object", "[1, 2]",
     "<string>:1:1: expected an object, got an array\n[1, 2]\n^"},
    {"unknown field with suggestion",
     std::string(kHeader) +
         "\"members\": [{\"username\": \"a\", \"role\": \"member\", "
         "\"two_factor\": true}]}",
     "<string>:2:49: `members[0]`: unknown field `two_factor` in member; did "
     "you mean `two_factor_enabled`?\n"
     "\"members\": [{\"username\": \"a\", \"role\": \"member\", "
     "\"two_factor\": true}]}\n"
     "                                                ^"},
    {"duplicate field",
     std::string(kHeader) + "\"members\": [{\"username\": \"a\", \"role\": "
                            "\"member\", \"role\": \"owner\"}]}",
     "<string>:2:49: `members[0]`: duplicate field `role` in member\n"
     "\"members\": [{\"username\": \"a\", \"role\": \"member\", \"role\": "
     "\"owner\"}]}\n"
     "                                                ^"},
    {"missing required field",
     std::string(kHeader) + "\"members\": [{\"username\": \"a\"}]}",
     "<string>:2:13: `members[0]`: member is missing the required field "
     "`role`\n"
     "\"members\": [{\"username\": \"a\"}]}\n"
     "            ^"},
    {"duplicate usernames",
     std::string(kHeader) +
         "\"members\": [{\"username\": \"a\", \"role\": \"member\"},\n"
         "            {\"username\": \"a\", \"role\": \"owner\"}]}",
     "<string>:3:13: duplicate username `a` (first at line 2)\n"
     "            {\"username\": \"a\", \"role\": \"owner\"}]}\n"
     "            ^"},
    {"duplicate token ids",
     std::string(kHeader) +
         "\"access_tokens\": [{\"kind\": \"personal\", \"id\": \"t\"},\n"
         "  {\"kind\": \"organization\", \"id\": \"t\"}]}",
     "<string>:3:3: duplicate token id `t` (first at line 2)\n"
     "  {\"kind\": \"organization\", \"id\": \"t\"}]}\n"
     "  ^"},
    {"team member who is not a member",
     std::string(kHeader) +
         "\"teams\": [{\"name\": \"devs\", \"members\": [\"ghost\"]}]}",
     "<string>:2:11: team `devs` lists member `ghost`, who is not in "
     "`members`\n"
     "\"teams\": [{\"name\": \"devs\", \"members\": [\"ghost\"]}]}\n"
     "          ^"},
    {"grant on a missing repository",
     std::string(kHeader) +
         "\"teams\": [{\"name\": \"devs\", \"repository_permissions\": "
         "[{\"repository\": \"contoso/x\", \"permission\": \"read\"}]}]}",
     "<string>:2:55: team `devs` has a grant on repository `contoso/x`, which "
     "is not in `repositories`\n"
     "\"teams\": [{\"name\": \"devs\", \"repository_permissions\": "
     "[{\"repository\": \"contoso/x\", \"permission\": \"read\"}]}]}\n"
     "                                                      ^"},
    {"unknown permission",
     std::string(kHeader) +
         "\"teams\": [{\"name\": \"devs\", \"repository_permissions\": "
         "[{\"repository\": \"contoso/x\", \"permission\": \"owner\"}]}]}",
     "<string>:2:97: `teams[0].repository_permissions[0].permission`: unknown "
     "permission \"owner\": expected \"read\", \"write\" or \"admin\"\n"
     "\"teams\": [{\"name\": \"devs\", \"repository_permissions\": "
     "[{\"repository\": \"contoso/x\", \"permission\": \"owner\"}]}]}\n"
     "                                                                         "
     "                       ^"},
    {"invalid timestamp",
     std::string(kHeader) + "\"collected_at\": \"2026-02-30T00:00:00Z\"}",
     "<string>:2:17: `collected_at`: invalid timestamp "
     "\"2026-02-30T00:00:00Z\": no such date or time\n"
     "\"collected_at\": \"2026-02-30T00:00:00Z\"}\n"
     "                ^"},
    {"unknown token kind",
     std::string(kHeader) +
         "\"access_tokens\": [{\"kind\": \"pat\", \"id\": \"t\"}]}",
     "<string>:2:28: `access_tokens[0].kind`: unknown token kind \"pat\": "
     "expected \"personal\" or \"organization\"\n"
     "\"access_tokens\": [{\"kind\": \"pat\", \"id\": \"t\"}]}\n"
     "                           ^"},
    {"invalid UTF-8",
     std::string(kHeader) +
         "\"members\": [{\"username\": \"caf\xC3(\", \"role\": \"member\"}]}",
     "<string>:2:30: invalid UTF-8 in string\n"
     "\"members\": [{\"username\": \"caf\xC3(\", \"role\": \"member\"}]}\n"
     "                             ^"},
    {"syntax error",
     std::string(kHeader) +
         "\"members\": [{\"username\": \"a\" \"role\": \"member\"}]}",
     "<string>:2:30: unexpected `\"`: expected `,` or `}` after an object "
     "member\n"
     "\"members\": [{\"username\": \"a\" \"role\": \"member\"}]}\n"
     "                             ^"},
    {"trailing comma", std::string(kHeader) + "\"members\": [],}",
     "<string>:2:15: unexpected `}`: expected a string key\n"
     "\"members\": [],}\n"
     "              ^"},
    {"trailing content", std::string(kHeader) + "\"members\": []} []",
     "<string>:2:16: unexpected content after the JSON value\n"
     "\"members\": []} []\n"
     "               ^"},
    {"nesting too deep",
     std::string(kHeader) + "\"x-deep\": " + std::string(70, '[') +
         std::string(70, ']') + "}",
     "<string>:2:74: nesting deeper than 64 levels\n"
     "\"x-deep\": " +
         std::string(70, '[') + std::string(70, ']') +
         "}\n"
         "                                                                     "
         "    ^"},
    {"empty", "", "<string>:1:1: empty document: expected a JSON value"},
    // Found by fuzz/snapshot_reader_fuzzer: a nullable field cut short used
    // to throw out of simdjson and abort.
    {"a null cut short",
     R"({"schema": "hublint/state/v1", "org": {"name": "a", "settings": )"
     R"({"scim_enabled": nu)",
     "<string>:1:82: invalid literal: expected `null`\n"
     R"({"schema": "hublint/state/v1", "org": {"name": "a", "settings": )"
     R"({"scim_enabled": nu)"
     "\n"
     "                                                                     "
     "            ^"},
    {"a null misspelt", std::string(kHeader) + "\"x-n\": nulx}",
     "<string>:2:8: invalid literal: expected `null`\n"
     "\"x-n\": nulx}\n"
     "       ^"},
};

TEST_CASE("Rejects bad input with file:line:col, the line and a caret") {
  for (const BadInput& bad : kBadInputs) {
    MESSAGE(bad.name);
    absl::StatusOr<OrgState> state = ReadSnapshot(bad.text, "<string>");
    REQUIRE_FALSE(state.ok());
    CHECK(state.status().code() == absl::StatusCode::kInvalidArgument);
    CHECK(ToStd(state.status().message()) == bad.error);
  }
}

// The ways of reading: one thread or two, a string or a mapped file.
struct ReadWay {
  const char* name;
  SnapshotReadOptions options;
};
std::vector<ReadWay> ReadWays() {
  SnapshotReadOptions one_thread;
  one_thread.members_thread_min_bytes = SIZE_MAX;
  one_thread.map_min_bytes = SIZE_MAX;
  SnapshotReadOptions two_threads = one_thread;
  two_threads.members_thread_min_bytes = 0;
  SnapshotReadOptions mapped = one_thread;
  mapped.map_min_bytes = 0;
  SnapshotReadOptions both;
  both.members_thread_min_bytes = 0;
  both.map_min_bytes = 0;
  // The calling thread reads none of the members, the last half, or all.
  SnapshotReadOptions none = two_threads, half = two_threads, all = two_threads;
  none.members_share_for_calling_thread = 0;
  half.members_share_for_calling_thread = 0.5;
  all.members_share_for_calling_thread = 1;
  return {{"one thread", one_thread},
          {"two threads", two_threads},
          {"mapped", mapped},
          {"two threads, mapped", both},
          {"two threads, the calling one reads none", none},
          {"two threads, the calling one reads half", half},
          {"two threads, the calling one reads all", all}};
}

// Differential: every way reads every example organization into the same
// facts, joins and locations.
TEST_CASE("Every way of reading gives the same state") {
  for (const auto& entry :
       std::filesystem::directory_iterator("fixtures/orgs")) {
    if (entry.path().extension() != ".json") continue;
    std::string path = entry.path().string();
    absl::StatusOr<OrgState> want =
        ReadSnapshotFile(path, ReadWays()[0].options);
    for (const ReadWay& way : ReadWays()) {
      CAPTURE(path);
      CAPTURE(way.name);
      absl::StatusOr<OrgState> got = ReadSnapshotFile(path, way.options);
      REQUIRE(got.ok() == want.ok());
      if (!got.ok()) {
        CHECK(got.status() == want.status());
        continue;
      }
      CHECK(got->SameFacts(*want));
      REQUIRE(got->members.size() == want->members.size());
      for (size_t i = 0; i < got->members.size(); ++i) {
        CHECK(got->members[i].location == want->members[i].location);
        CHECK(got->members[i].team_joins.IndicesIn(got->teams) ==
              want->members[i].team_joins.IndicesIn(want->teams));
        CHECK(got->members[i].token_joins.IndicesIn(got->access_tokens) ==
              want->members[i].token_joins.IndicesIn(want->access_tokens));
      }
      for (size_t i = 0; i < got->access_tokens.size(); ++i) {
        CHECK(got->access_tokens[i].location ==
              want->access_tokens[i].location);
      }
    }
  }
}

// The second thread starts at a guess of where the members array is, and
// of where it ends, made before the text is parsed. Every wrong guess gives
// the state (or the error) of a read on one thread.
TEST_CASE("Wrong guesses of the members array do not change the state") {
  const std::string member =
      "{\"username\": \"a\", \"role\": \"member\", \"teams\": [\"t\"]}";
  const std::string team = "{\"name\": \"t\", \"members\": [\"a\"]}";
  const std::string member2 = "{\"username\": \"b\", \"role\": \"owner\"}";
  const std::string member3 = "{\"username\": \"c\", \"role\": \"editor\"}";
  const std::string inputs[] = {
      // As hublint writes it: the guesses are right.
      Cat(kHeader, "  \"members\": [\n    ", member, "\n  ],\n  \"teams\": [",
          team, "\n  ]\n}"),
      // On one line: no end found, the thread indexes the rest.
      Cat(kHeader, "\"members\":[", member, "],\"teams\":[", team, "]}"),
      // Spaces before the colon; the members last.
      Cat(kHeader, "\"teams\": [", team, "],\n\"members\"  :  [", member, "]}"),
      // A team's member list comes first.
      Cat(kHeader, "\"teams\": [", team, "],\n\"members\": [", member, "]}"),
      // An extension field holds an array of members, first.
      Cat("{\"x-old\": {\"members\": [{\"username\": \"z\", \"role\": "
          "\"owner\"}]},\n",
          std::string(kHeader).substr(1), "\"members\": [", member,
          "],\n\"teams\": [", team, "]}"),
      // ... and the state has no members at all.
      Cat("{\"x-old\": {\"members\": [{\"username\": \"z\", \"role\": "
          "\"owner\"}]},\n",
          std::string(kHeader).substr(1), "\"invites\": []}"),
      // A member's list ends on a line indented like the end of the array.
      Cat(kHeader,
          "  \"members\": [\n    {\"username\": \"a\", \"role\": "
          "\"member\", \"teams\": [\"t\"\n  ]}\n  ],\n  \"teams\": [",
          team, "\n  ]\n}"),
      // Not an array.
      Cat(kHeader, "\"members\": {\"a\": [1]}}"),
      // Few members and much after them: the thread reads them all before
      // the calling thread has indexed the text and takes its share, and
      // both read the last ones.
      Cat(kHeader, "  \"members\": [\n    ", member, ",\n    ", member2,
          ",\n    ", member3, "\n  ],\n  \"x-padding\": [",
          std::string(1 << 20, ' '), "0]\n}"),
  };
  for (const std::string& text : inputs) {
    CAPTURE(text);
    absl::StatusOr<OrgState> one =
        ReadSnapshot(text, "<string>", ReadWays()[0].options);
    for (const ReadWay& way : ReadWays()) {
      CAPTURE(way.name);
      absl::StatusOr<OrgState> two =
          ReadSnapshot(text, "<string>", way.options);
      REQUIRE(two.ok() == one.ok());
      if (!one.ok()) {
        CHECK(ToStd(two.status().message()) == ToStd(one.status().message()));
        continue;
      }
      CHECK(two->SameFacts(*one));
      REQUIRE(two->members.size() == one->members.size());
      for (size_t i = 0; i < one->members.size(); ++i) {
        CHECK(two->members[i].location == one->members[i].location);
      }
    }
  }
}

// Errors while the members are read on their own thread are those of a
// read on one: the first in the text, word for word.
TEST_CASE("Two threads report the same errors as one") {
  std::vector<BadInput> inputs(std::begin(kBadInputs), std::end(kBadInputs));
  const std::string bad_member =
      "{\"username\": \"b\", \"role\": \"member\", \"is_guest\": 1}";
  const std::string good_member = "{\"username\": \"a\", \"role\": \"member\"}";
  const std::string bad_token = "{\"kind\": \"personal\", \"id\": 7}";
  // An error in the members only, one after them only, and one in each
  // (the members' comes first in the text, then the other way round).
  for (std::string text :
       {Cat(kHeader, "\"members\": [", good_member, ",\n", bad_member, "]}"),
        Cat(kHeader, "\"members\": [", good_member, "],\n\"access_tokens\": [",
            bad_token, "]}"),
        Cat(kHeader, "\"members\": [", bad_member, "],\n\"access_tokens\": [",
            bad_token, "]}"),
        Cat(kHeader, "\"access_tokens\": [", bad_token, "],\n\"members\": [",
            bad_member, "]}"),
        Cat(kHeader, "\"members\": [", good_member, ", tru]}"),
        Cat(kHeader, "\"members\": {\"a\": 1}}")}) {
    inputs.push_back({"", text, ""});
  }
  // Found by fuzzing: a malformed member made the calling thread's skip of
  // the array run past its end, and the second thread read a valid prefix.
  absl::StatusOr<std::string> skipped = ReadFile(
      "fuzz/seeds/snapshot_reader/"
      "regression-two-threads-skipped-malformed-members.json");
  REQUIRE(skipped.ok());
  inputs.push_back({"", *skipped,
                    "<string>:54:27: unexpected `\"`: expected `:` after the "
                    "key\n"
                    "      \"two_factor_enabled\"\"invocations\":    {\n"
                    "                          ^"});
  for (const BadInput& bad : inputs) {
    CAPTURE(bad.text);
    absl::StatusOr<OrgState> one =
        ReadSnapshot(bad.text, "<string>", ReadWays()[0].options);
    REQUIRE_FALSE(one.ok());
    for (const ReadWay& way : ReadWays()) {
      CAPTURE(way.name);
      absl::StatusOr<OrgState> two =
          ReadSnapshot(bad.text, "<string>", way.options);
      REQUIRE_FALSE(two.ok());
      CHECK(ToStd(two.status().message()) == ToStd(one.status().message()));
      if (!bad.error.empty()) {
        CHECK(ToStd(two.status().message()) == bad.error);
      }
    }
  }
}

TEST_CASE("A missing file is kNotFound and names the path") {
  absl::StatusOr<OrgState> state = ReadSnapshotFile("fixtures/orgs/nope.json");
  CHECK(state.status().code() == absl::StatusCode::kNotFound);
  CHECK(ToStd(state.status().message()) ==
        "cannot open fixtures/orgs/nope.json: No such file or directory");
}

TEST_CASE("Several problems: the first is shown and the rest counted") {
  absl::StatusOr<OrgState> state = ReadSnapshot(
      std::string(kHeader) +
          "\"teams\": [{\"name\": \"a\", \"members\": [\"x\", \"y\", \"z\"]}]}",
      "<string>");
  REQUIRE_FALSE(state.ok());
  CHECK(ToStd(state.status().message()).ends_with("\n(and 2 more problems)"));
}

}  // namespace
}  // namespace hublint
