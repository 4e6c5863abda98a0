#include "lint/tfplan/plan_reader.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "lint/json/json_writer.h"
#include "lint/state/snapshot_reader.h"
#include "lint/state/snapshot_writer.h"
#include "lint/util/strings.h"
#include "lint/util/time_format.h"

namespace hublint {
namespace {

// ------------------------------------------------------------ helpers

std::string Opt(const std::optional<bool>& b) {
  return b ? (*b ? "true" : "false") : "?";
}
std::string Opt(const std::optional<std::string>& s) {
  return s ? Cat("\"", *s, "\"") : "?";
}
std::string Opt(const Moment& m) {
  if (m.has_time()) return FormatRfc3339(m.time());
  return m.never() ? "never" : "?";
}
// Whether Dump() writes locations; in-memory plans' are tested apart.
bool dump_locations = true;

std::string At(const OrgState& s, const Location& l) {
  if (!dump_locations) return "";
  return Cat(" @", s.source_files[l.file], ":", l.line, ":", l.column);
}
std::string ChangeDump(const ChangePtr& c) {
  if (!c) return "";
  return Cat(" [", Join(c->actions, ","), "]");
}

// A canonical one-line-per-resource dump of a state, for word-for-word
// comparisons (RE2's dump tests).
std::string Dump(const OrgState& s) {
  std::string out =
      Cat("org ", s.org_name, At(s, s.org_location), " source=", s.source.kind,
          s.source.partial_view ? " partial" : "",
          s.source.complete ? "" : " INCOMPLETE", "\n");
  for (const Member& m : s.members) {
    Append(&out, "member ", m.username, " ", m.role, " email=", Opt(m.email),
           " teams=", Join(m.teams, ","), At(s, m.location),
           ChangeDump(m.change), "\n");
  }
  for (const Invite& i : s.invites) {
    Append(&out, "invite ", i.invitee, " ", i.role, At(s, i.location),
           ChangeDump(i.change), "\n");
  }
  for (const Team& t : s.teams) {
    std::vector<std::string> grants;
    for (const RepositoryPermission& g : t.repository_permissions) {
      grants.push_back(Cat(g.repository, ":", PermissionName(g.permission),
                           At(s, g.location), ChangeDump(g.change)));
    }
    Append(&out, "team ", t.name, " id=", t.id ? Cat(*t.id) : std::string("?"),
           " description=", Opt(t.description),
           " members=", Join(t.members, ","), " grants=", Join(grants, ","),
           At(s, t.location), ChangeDump(t.change), "\n");
  }
  for (const Repository& r : s.repositories) {
    Append(&out, "repository ", r.name, " private=", Opt(r.is_private),
           " immutable=", Opt(r.immutable_tags), At(s, r.location),
           ChangeDump(r.change), "\n");
  }
  for (const AccessToken& t : s.access_tokens) {
    std::vector<std::string> resources;
    for (const TokenResource& r : t.resources) {
      resources.push_back(Cat(r.type, " ", r.path, " ", Join(r.scopes, "+")));
    }
    Append(&out, "token ", TokenKindName(t.kind), " ", t.id, " label=", t.label,
           " owner=", Opt(t.owner), " scopes=", Join(t.scopes, ","),
           " resources=", Join(resources, ","), " active=", Opt(t.is_active),
           " expires=", Opt(t.expires_at), At(s, t.location),
           ChangeDump(t.change), "\n");
  }
  const ImageAccessManagement& iam = s.settings.image_access_management;
  if (iam.enabled || iam.change) {
    Append(&out, "iam enabled=", Opt(iam.enabled),
           " official=", Opt(iam.allow_official_images),
           " verified=", Opt(iam.allow_verified_publishers),
           ChangeDump(iam.change), "\n");
  }
  const RegistryAccessManagement& ram = s.settings.registry_access_management;
  if (ram.enabled || ram.change) {
    std::vector<std::string> registries;
    for (const CustomRegistry& r : ram.custom_registries) {
      registries.push_back(Cat(r.address, " ", Opt(r.friendly_name), " ",
                               r.allowed ? "allowed" : "denied"));
    }
    Append(&out, "ram enabled=", Opt(ram.enabled),
           " hub=", Opt(ram.docker_hub_allowed),
           " registries=", Join(registries, ","), ChangeDump(ram.change), "\n");
  }
  for (const SourceGap& gap : s.source.gaps) {
    Append(&out, "gap ", gap.part, ": ", gap.reason, "\n");
  }
  return out;
}

struct Read {
  absl::StatusOr<OrgState> state;
  std::vector<std::string> warnings;
};

Read ReadFixture(const std::string& scenario, const OrgState* base = nullptr) {
  Read read;
  TfPlanOptions options;
  options.base = base;
  options.tf_dir = Cat("fixtures/tfplan/", scenario);
  options.warn = [&](std::string_view w) { read.warnings.emplace_back(w); };
  read.state =
      ReadTerraformPlanFile(Cat(options.tf_dir, "/plan.json"), options);
  return read;
}

OrgState MustRead(const Read& read) {
  INFO(ToStd(read.state.status().message()));
  REQUIRE(read.state.ok());
  return *read.state;
}

// ------------------------------------------------------------ fixtures

Read ReadText(std::string text, const OrgState* base = nullptr,
              std::map<std::string, std::string> tf_files = {}) {
  Read read;
  InMemoryTfFiles files(std::move(tf_files));
  TfPlanOptions options;
  options.base = base;
  options.tf_dir = ".";
  options.files = &files;
  options.warn = [&](std::string_view w) { read.warnings.emplace_back(w); };
  read.state = ReadTerraformPlan(std::move(text), "plan.json", options);
  return read;
}

OrgState Snapshot() {
  absl::StatusOr<OrgState> base =
      ReadSnapshotFile("fixtures/tfplan/acme-snapshot.json");
  INFO(ToStd(base.status().message()));
  REQUIRE(base.ok());
  return *std::move(base);
}

TEST_CASE("Each fixture plan alone: what Terraform manages, where it is") {
  struct {
    const char* scenario;
    const char* dump;
  } cases[] = {
      {"example",
       R"(org acme @fixtures/tfplan/example/hub.tf:1:1 source=tfplan partial
member alice editor email=? teams=platform @fixtures/tfplan/example/org.tf:1:1 [create]
member bob owner email="bob@acme.example" teams= @fixtures/tfplan/example/org.tf:7:1 [update]
team platform id=? description="Platform engineering" members=alice grants=acme/api:write @fixtures/tfplan/example/hub.tf:7:1 [create] @fixtures/tfplan/example/org.tf:13:1 [create]
repository acme/api private=true immutable=false @fixtures/tfplan/example/hub.tf:1:1 [no-op]
token personal docker_access_token.ci_push label=ci-push owner=? scopes=repo:write resources= active=true expires=never @fixtures/tfplan/example/hub.tf:13:1 [create]
token organization docker_org_access_token.ci_pull label=ci-pull owner=? scopes= resources=TYPE_REPO acme/* scope-image-pull active=? expires=2026-12-31T23:59:59Z @fixtures/tfplan/example/hub.tf:18:1 [create]
)"},
      {"create",
       R"(org acme @fixtures/tfplan/create/repositories.tf:1:1 source=tfplan partial
member alice owner email=? teams= @fixtures/tfplan/create/members.tf:3:1 [create]
member bob editor email=? teams=developers @fixtures/tfplan/create/members.tf:9:1 [create]
invite carol@acme.example member @fixtures/tfplan/create/members.tf:16:1 [create]
team developers id=? description="Application developers" members=bob grants=acme/api:write @fixtures/tfplan/create/repositories.tf:19:1 [create] @fixtures/tfplan/create/members.tf:22:1 [create]
repository acme/api private=true immutable=false @fixtures/tfplan/create/repositories.tf:1:1 [create]
repository acme/docs private=false immutable=false @fixtures/tfplan/create/repositories.tf:10:1 [create]
token personal docker_access_token.ci label=ci-read owner="acme-admin" scopes=repo:read resources= active=true expires=never @fixtures/tfplan/create/tokens.tf:1:1 [create]
token organization docker_org_access_token.pull label=pull-all owner="acme-admin" scopes= resources=TYPE_REPO acme/* scope-image-pull active=? expires=2027-01-31T00:00:00Z @fixtures/tfplan/create/tokens.tf:6:1 [create]
iam enabled=true official=true verified=false [create]
ram enabled=true hub=true registries=ghcr.io "GitHub Container Registry" allowed [create]
)"},
      {"escalation",
       R"(org acme @fixtures/tfplan/escalation/main.tf:41:1 source=tfplan partial
member alice owner email="alice@acme.example" teams= @fixtures/tfplan/escalation/main.tf:17:1 [no-op]
member bob owner email="bob@acme.example" teams= @fixtures/tfplan/escalation/main.tf:24:1 [update]
member dave editor email="dave@acme.example" teams= @fixtures/tfplan/escalation/main.tf:30:1 [no-op]
team release id=4107 description=? members= grants=acme/web:admin @fixtures/tfplan/escalation/main.tf:47:1 [update] @fixtures/tfplan/escalation/main.tf:36:1 [no-op]
repository acme/web private=false immutable=false @fixtures/tfplan/escalation/main.tf:41:1 [update]
token personal 6f1c2d3e-0000-4000-8000-00000000d3a1 label=deploy owner="acme-admin" scopes=repo:write resources= active=true expires=2026-12-01T00:00:00Z @fixtures/tfplan/escalation/main.tf:53:1 [no-op]
)"},
      {"delete",
       R"(org acme @fixtures/tfplan/delete/main.tf:31:1 source=tfplan partial
member alice owner email="alice@acme.example" teams= @fixtures/tfplan/delete/main.tf:14:1 [no-op]
member erin member email="erin@acme.example" teams= @fixtures/tfplan/delete/main.tf:20:1 [no-op]
team ops id=4200 description=? members= grants= @fixtures/tfplan/delete/main.tf:26:1 [no-op]
repository acme/api private=true immutable=false @fixtures/tfplan/delete/main.tf:31:1 [no-op]
iam enabled=false official=true verified=true [delete]
)"},
      {"modules",
       R"(org acme @fixtures/tfplan/modules/modules/members/main.tf:10:1 source=tfplan partial
member alice owner email="alice@acme.example" teams=everyone @fixtures/tfplan/modules/modules/members/main.tf:10:1 [no-op]
member bob member email=? teams=everyone @fixtures/tfplan/modules/modules/members/main.tf:10:1 [create]
team everyone id=4321 description=? members=alice,bob grants=acme/api:read @fixtures/tfplan/modules/modules/repo/main.tf:19:1 [create] @fixtures/tfplan/modules/modules/team/main.tf:13:1 [no-op]
repository acme/api private=true immutable=false @fixtures/tfplan/modules/modules/repo/main.tf:13:1 [create]
repository acme/web private=true immutable=false @fixtures/tfplan/modules/modules/repo/main.tf:13:1 [create]
)"},
      {"unknown",
       R"(org acme @fixtures/tfplan/unknown/main.tf:34:1 source=tfplan partial
member frank member email=? teams=platform @fixtures/tfplan/unknown/main.tf:22:1 [create]
team platform id=? description="Platform engineering" members=frank grants=acme/infra:admin @fixtures/tfplan/unknown/main.tf:40:1 [create] @fixtures/tfplan/unknown/main.tf:16:1 [create]
repository acme/infra private=true immutable=false @fixtures/tfplan/unknown/main.tf:34:1 [create]
token personal docker_access_token.rotate label=nightly-rotation owner="acme-admin" scopes=repo:read resources= active=true expires=? @fixtures/tfplan/unknown/main.tf:47:1 [create]
)"},
      {"kreuzwerker",
       R"(org acme @fixtures/tfplan/kreuzwerker/main.tf:39:1 source=tfplan partial
member ops-bot member email=? teams= @fixtures/tfplan/kreuzwerker/main.tf:46:1 [create]
repository acme/site private=true immutable=false @fixtures/tfplan/kreuzwerker/main.tf:39:1 [create]
)"},
      {"newer-provider",
       R"(org acme @fixtures/tfplan/newer-provider/main.tf:20:1 source=tfplan partial
member alice owner email=? teams= @fixtures/tfplan/newer-provider/main.tf:20:1 [create]
member bob member email=? teams= @fixtures/tfplan/newer-provider/main.tf:26:1 [create]
)"},
  };
  for (const auto& c : cases) {
    INFO(std::string(c.scenario));
    Read read = ReadFixture(c.scenario);
    CHECK(Dump(MustRead(read)) == c.dump);
    if (std::string_view(c.scenario) != "newer-provider") {
      CHECK(read.warnings == std::vector<std::string>{});
    }
  }
}

TEST_CASE("Fixture plans on the snapshot: the whole organization") {
  OrgState base = Snapshot();
  struct {
    const char* scenario;
    const char* dump;
  } cases[] = {
      {"escalation",
       R"(org acme @fixtures/tfplan/acme-snapshot.json:6:10 source=tfplan
member alice owner email="alice@acme.example" teams= @fixtures/tfplan/escalation/main.tf:17:1 [no-op]
member bob owner email="bob@acme.example" teams=release @fixtures/tfplan/escalation/main.tf:24:1 [update]
member dave editor email="dave@acme.example" teams=ops @fixtures/tfplan/escalation/main.tf:30:1 [no-op]
member erin member email="erin@acme.example" teams= @fixtures/tfplan/acme-snapshot.json:22:5
member gina owner email="gina@acme.example" teams=ops @fixtures/tfplan/acme-snapshot.json:23:5
team release id=4107 description=? members=bob grants=acme/web:admin @fixtures/tfplan/escalation/main.tf:47:1 [update] @fixtures/tfplan/escalation/main.tf:36:1 [no-op]
team ops id=4200 description=? members=dave,gina grants=acme/legacy:write @fixtures/tfplan/acme-snapshot.json:29:33,acme/api:read @fixtures/tfplan/acme-snapshot.json:30:33 @fixtures/tfplan/acme-snapshot.json:28:5
repository acme/api private=true immutable=? @fixtures/tfplan/acme-snapshot.json:33:5
repository acme/web private=false immutable=false @fixtures/tfplan/escalation/main.tf:41:1 [update]
repository acme/legacy private=false immutable=? @fixtures/tfplan/acme-snapshot.json:35:5
token personal 6f1c2d3e-0000-4000-8000-00000000d3a1 label=deploy owner="acme-admin" scopes=repo:write resources= active=true expires=2026-12-01T00:00:00Z @fixtures/tfplan/escalation/main.tf:53:1 [no-op]
token personal 0a9b8c7d-0000-4000-8000-0000000001dc label=old-ci owner="acme-admin" scopes=repo:admin resources= active=true expires=never @fixtures/tfplan/acme-snapshot.json:42:5
token organization 9e8d7c6b-0000-4000-8000-0000000005ca label=scanner owner="gina" scopes= resources=TYPE_REPO acme/* scope-image-pull active=true expires=2027-01-01T00:00:00Z @fixtures/tfplan/acme-snapshot.json:45:5
iam enabled=true official=true verified=true
ram enabled=false hub=true registries=
)"},
      {"delete",
       R"(org acme @fixtures/tfplan/acme-snapshot.json:6:10 source=tfplan
member alice owner email="alice@acme.example" teams= @fixtures/tfplan/delete/main.tf:14:1 [no-op]
member bob member email="bob@acme.example" teams=release @fixtures/tfplan/acme-snapshot.json:20:5
member erin member email="erin@acme.example" teams= @fixtures/tfplan/delete/main.tf:20:1 [no-op]
member gina owner email="gina@acme.example" teams=ops @fixtures/tfplan/acme-snapshot.json:23:5
team release id=4107 description=? members=bob grants=acme/web:read @fixtures/tfplan/acme-snapshot.json:27:33 @fixtures/tfplan/acme-snapshot.json:26:5
team ops id=4200 description=? members=gina grants=acme/api:read @fixtures/tfplan/acme-snapshot.json:30:33 @fixtures/tfplan/delete/main.tf:26:1 [no-op]
repository acme/api private=true immutable=false @fixtures/tfplan/delete/main.tf:31:1 [no-op]
repository acme/web private=true immutable=true @fixtures/tfplan/acme-snapshot.json:34:5
token personal 6f1c2d3e-0000-4000-8000-00000000d3a1 label=deploy owner="acme-admin" scopes=repo:write resources= active=true expires=2026-12-01T00:00:00Z @fixtures/tfplan/acme-snapshot.json:38:5
token organization 9e8d7c6b-0000-4000-8000-0000000005ca label=scanner owner="gina" scopes= resources=TYPE_REPO acme/* scope-image-pull active=true expires=2027-01-01T00:00:00Z @fixtures/tfplan/acme-snapshot.json:45:5
iam enabled=false official=true verified=true [delete]
ram enabled=false hub=true registries=
)"},
  };
  for (const auto& c : cases) {
    INFO(std::string(c.scenario));
    Read read = ReadFixture(c.scenario, &base);
    CHECK(Dump(MustRead(read)) == c.dump);
    CHECK(read.warnings == std::vector<std::string>{});
  }
}

TEST_CASE("Warnings for a newer provider, each once, never fatal") {
  Read read = ReadFixture("newer-provider");
  MustRead(read);
  CHECK(read.warnings ==
        std::vector<std::string>{
            "fixtures/tfplan/newer-provider/plan.json: unknown attribute "
            "`docker_org_member.two_factor_required` ignored (a newer "
            "docker/docker provider than hublint knows?)",
            "fixtures/tfplan/newer-provider/plan.json: docker_org_member has "
            "schema version 1, newer than version 0 that hublint knows "
            "(docker/docker v0.6.0); its attributes may be misread",
            "fixtures/tfplan/newer-provider/plan.json: resource type "
            "docker_org_setting_namespace of docker/docker is not known to "
            "hublint (a newer provider?); its resources are ignored",
        });
}

// ------------------------------------------------------------ in memory

constexpr char kHub[] = "registry.terraform.io/docker/docker";

// One `resource_changes` entry at `address` ("TYPE.NAME", or with a module
// path and index given in `more`), with `change` the members of its change.
std::string Entry(std::string_view address, std::string_view change,
                  std::string_view more = "",
                  std::string_view provider = kHub) {
  std::string_view local = address.substr(address.rfind("docker_"));
  size_t dot = local.find('.');
  std::string_view type = local.substr(0, dot);
  std::string_view name = local.substr(dot + 1);
  name = name.substr(0, name.find('['));
  return Cat("{\"address\": ", JsonQuote(address),
             ", \"mode\": \"managed\", \"type\": \"", type, "\", \"name\": \"",
             name, "\", \"provider_name\": \"", provider, "\", ", more,
             more.empty() ? "" : ", ", "\"change\": {", change, "}}");
}

std::string Plan(const std::vector<std::string>& entries,
                 std::string_view rest = "") {
  return Cat("{\"format_version\": \"1.2\", \"resource_changes\": [\n",
             Join(entries, ",\n"), "]", rest.empty() ? "" : ", ", rest, "}");
}

// `text` on one line, as `terraform show -json` writes a plan.
std::string OneLine(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

std::string Create(std::string_view after, std::string_view unknown = "{}") {
  return Cat("\"actions\": [\"create\"], \"before\": null, \"after\": ", after,
             ", \"after_unknown\": ", unknown);
}
std::string Update(std::string_view before, std::string_view after,
                   std::string_view unknown = "{}") {
  return Cat("\"actions\": [\"update\"], \"before\": ", before,
             ", \"after\": ", after, ", \"after_unknown\": ", unknown);
}
std::string Delete(std::string_view before) {
  return Cat("\"actions\": [\"delete\"], \"before\": ", before,
             ", \"after\": null, \"after_unknown\": {}");
}

constexpr char kAlice[] =
    R"({"org_name": "acme", "role": "owner", "user_name": "alice"})";

TEST_CASE("Semantics of each resource type, without a snapshot") {
  dump_locations = false;
  struct {
    const char* name;
    std::string plan;
    const char* dump;
    std::vector<std::string> warnings = {};
  } cases[] = {
      {"a role is lower-cased; unknown e-mail stays unknown",
       Plan({Entry(
           "docker_org_member.a",
           Create(
               R"({"org_name": "acme", "role": "Owner", "user_name": "alice"})",
               R"({"email": true, "invite_id": true})"))}),
       "org acme source=tfplan partial\n"
       "member alice owner email=? teams= [create]\n"},
      {"a member invited by e-mail is an invitation",
       Plan({Entry(
           "docker_org_member.c",
           Create(
               R"({"email": "c@acme.example", "org_name": "acme", "role": "member"})",
               R"({"user_name": true, "invite_id": true})"))}),
       "org acme source=tfplan partial\n"
       "invite c@acme.example member [create]\n"},
      {"a member whose name and e-mail are both unknown is named by address",
       Plan({Entry("docker_org_member.x",
                   Create(R"({"org_name": "acme", "role": "member"})",
                          R"({"user_name": true, "email": true})"))}),
       "org acme source=tfplan partial\n"
       "member docker_org_member.x member email=? teams= [create]\n",
       {"plan.json: docker_org_member.x: `user_name` and `email` are known "
        "only after apply; the resource is named by its address"}},
      {"an unknown role is a gap of the members",
       Plan({Entry("docker_org_member.a",
                   Create(R"({"org_name": "acme", "user_name": "alice"})",
                          R"({"role": true})"))}),
       "org acme source=tfplan partial INCOMPLETE\n"
       "member alice unknown email=? teams= [create]\n"
       "gap members: docker_org_member.a: `role` is known only after apply\n"},
      {"an unknown e-mail on update falls back to before",
       Plan({Entry(
           "docker_org_member.b",
           Update(
               R"({"email": "b@acme.example", "org_name": "acme", "role": "member", "user_name": "bob"})",
               R"({"org_name": "acme", "role": "editor", "user_name": "bob"})",
               R"({"email": true})"))}),
       "org acme source=tfplan partial\n"
       "member bob editor email=\"b@acme.example\" teams= [update]\n"},
      {"a replaced member is the new one",
       Plan({Entry(
           "docker_org_member.b",
           R"("actions": ["delete", "create"], "before": {"org_name": "acme", "role": "member", "user_name": "bob"}, "after": {"org_name": "acme", "role": "member", "user_name": "robert"}, "after_unknown": {})")}),
       "org acme source=tfplan partial\n"
       "member robert member email=? teams= [delete,create]\n"},
      {"a forgotten member stays, as it was",
       Plan({Entry("docker_org_member.a",
                   Cat(R"("actions": ["forget"], "before": )", kAlice,
                       R"(, "after": null)"))}),
       "org acme source=tfplan partial\n"
       "member alice owner email=? teams= [forget]\n"},
      {"repository privacy: default public, unknown, and immutable tags",
       Plan(
           {Entry(
                "docker_hub_repository.a",
                Create(
                    R"({"name": "a", "namespace": "acme", "immutable_tags_settings": {"enabled": true, "rules": []}})")),
            Entry(
                "docker_hub_repository.b",
                Create(
                    R"({"name": "b", "namespace": "acme"})",
                    R"({"private": true, "immutable_tags_settings": true})"))}),
       "org acme source=tfplan partial\n"
       "repository acme/a private=false immutable=true [create]\n"
       "repository acme/b private=? immutable=? [create]\n"},
      {"personal tokens: no expiry is never, an unknown one unknown",
       Plan(
           {Entry("docker_access_token.a",
                  Create(R"({"scopes": ["repo:read"], "token_label": "a"})",
                         R"({"token": true, "uuid": true})")),
            Entry(
                "docker_access_token.b",
                Create(
                    R"({"expires_at": null, "scopes": ["repo:admin"], "token_label": "b"})",
                    R"({"expires_at": true, "uuid": true})"))}),
       "org  source=tfplan partial\n"
       "token personal docker_access_token.a label=a owner=? scopes=repo:read "
       "resources= active=? expires=never [create]\n"
       "token personal docker_access_token.b label=b owner=? "
       "scopes=repo:admin resources= active=? expires=? [create]\n"},
      {"unknown token scopes are a gap",
       Plan({Entry("docker_access_token.a",
                   Create(R"({"token_label": "a"})",
                          R"({"scopes": true, "uuid": true})"))}),
       "org  source=tfplan partial INCOMPLETE\n"
       "token personal docker_access_token.a label=a owner=? scopes= "
       "resources= active=? expires=never [create]\n"
       "gap access_tokens.personal: docker_access_token.a: `scopes` are "
       "known only after apply\n"},
      {"an organization token and its resources",
       Plan({Entry(
           "docker_org_access_token.o",
           Update(
               R"({"id": "o-1", "label": "old", "org_name": "acme", "resources": []})",
               R"({"id": "o-1", "label": "new", "org_name": "acme", "expires_at": "2027-01-01T00:00:00+01:00", "resources": [{"path": "acme/api", "scopes": ["scope-image-pull", "scope-image-push"], "type": "TYPE_REPO"}]})"))}),
       "org acme source=tfplan partial\n"
       "token organization o-1 label=new owner=? scopes= "
       "resources=TYPE_REPO acme/api scope-image-pull+scope-image-push "
       "active=? expires=2026-12-31T23:00:00Z [update]\n"},
      {"deleting the access management settings turns them off",
       Plan(
           {Entry(
                "docker_org_setting_image_access_management.x",
                Delete(
                    R"({"allow_official_images": false, "allow_verified_publishers": false, "enabled": true, "org_name": "acme"})")),
            Entry(
                "docker_org_setting_registry_access_management.x",
                Delete(
                    R"({"custom_registries": [{"address": "ghcr.io", "allowed": true, "friendly_name": null}], "enabled": true, "org_name": "acme", "standard_registry_docker_hub": {"allowed": false}})"))}),
       "org acme source=tfplan partial\n"
       "iam enabled=false official=true verified=true [delete]\n"
       "ram enabled=false hub=true registries= [delete]\n"},
      {"registry access management with unknown registries",
       Plan({Entry(
           "docker_org_setting_registry_access_management.x",
           Create(
               R"({"enabled": true, "org_name": "acme", "standard_registry_docker_hub": {"allowed": true}})",
               R"({"custom_registries": true})"))}),
       "org acme source=tfplan partial INCOMPLETE\n"
       "ram enabled=true hub=true registries= [create]\n"
       "gap settings.registry_access_management: "
       "docker_org_setting_registry_access_management.x: "
       "`custom_registries` are known only after apply\n"},
      {"a grant names an existing team by id through a data source",
       Plan(
           {Entry(
               "docker_hub_repository_team_permission.p",
               Create(
                   R"({"permission": "read", "repo_id": "acme/api", "team_id": 77})"))},
           R"("prior_state": {"values": {"root_module": {"resources": [{"address": "data.docker_org_team.t", "mode": "data", "type": "docker_org_team", "name": "t", "provider_name": "registry.terraform.io/docker/docker", "values": {"id": 77, "org_name": "acme", "team_name": "readers"}}]}}})"),
       "org  source=tfplan partial\n"
       "team readers id=? description=? members= grants=acme/api:read "
       "[create]\n"
       "repository acme/api private=? immutable=?\n"},
      {"a grant whose team cannot be named is a gap",
       Plan(
           {Entry("docker_hub_repository_team_permission.p",
                  Create(R"({"permission": "read", "repo_id": "acme/api"})",
                         R"({"team_id": true})")),
            Entry(
                "docker_hub_repository_team_permission.q",
                Create(
                    R"({"permission": "read", "repo_id": "acme/api", "team_id": 5})"))}),
       "org  source=tfplan partial INCOMPLETE\n"
       "gap repositories.team_permissions: "
       "docker_hub_repository_team_permission.p: `team_id` is known only "
       "after apply and names no team of the plan\n"
       "gap repositories.team_permissions: "
       "docker_hub_repository_team_permission.q: `team_id` 5 names no team "
       "of the plan or the snapshot\n"},
      {"for_each instances refer to the instance with their own key",
       Plan(
           {Entry("docker_org_team.t[\"a\"]",
                  Create(R"({"org_name": "acme", "team_name": "team-a"})",
                         R"({"id": true})"),
                  R"("index": "a")"),
            Entry("docker_org_team.t[\"b\"]",
                  Create(R"({"org_name": "acme", "team_name": "team-b"})",
                         R"({"id": true})"),
                  R"("index": "b")"),
            Entry("docker_hub_repository_team_permission.p[\"b\"]",
                  Create(R"({"permission": "write", "repo_id": "acme/b"})",
                         R"({"team_id": true})"),
                  R"("index": "b")")},
           R"("configuration": {"root_module": {"resources": [{"address": "docker_hub_repository_team_permission.p", "expressions": {"team_id": {"references": ["docker_org_team.t", "each.key"]}}}]}})"),
       "org acme source=tfplan partial\n"
       "team team-a id=? description=? members= grants= [create]\n"
       "team team-b id=? description=? members= grants=acme/b:write [create] "
       "[create]\n"
       "repository acme/b private=? immutable=?\n"},
      {"other providers, data sources and deposed objects are no resources",
       Plan(
           {Entry("docker_org_member.k", Create(kAlice), "",
                  "registry.terraform.io/kreuzwerker/docker"),
            Entry("docker_container.web", Create(R"({"name": "web"})"), "",
                  "registry.terraform.io/kreuzwerker/docker"),
            Entry("docker_org_member.d", Create(kAlice),
                  R"("deposed": "00000001")"),
            Cat(R"({"address": "data.docker_org_member.m", "mode": "data", "type": "docker_org_member", "name": "m", "provider_name": "registry.terraform.io/docker/docker", "change": {)",
                Create(kAlice), "}}")}),
       "org  source=tfplan partial\n",
       {"plan.json: docker_org_member.k comes from provider "
        "registry.terraform.io/kreuzwerker/docker, not docker/docker; "
        "ignored"}},
  };
  for (const auto& c : cases) {
    INFO(std::string(c.name));
    Read read = ReadText(c.plan);
    CHECK(Dump(MustRead(read)) == c.dump);
    CHECK(read.warnings == c.warnings);
  }
  dump_locations = true;
}

TEST_CASE("On a snapshot: renames, cascades and the organization's name") {
  dump_locations = false;
  OrgState base = Snapshot();
  struct {
    const char* name;
    std::string plan;
    const char* dump;
  } cases[] = {
      {"a team renamed in place keeps its members and grants",
       Plan({Entry(
           "docker_org_team.r",
           Update(
               R"({"id": 4107, "org_name": "acme", "team_name": "release"})",
               R"({"id": 4107, "org_name": "acme", "team_name": "shipping"})"))}),
       "org acme source=tfplan\n"
       "member alice owner email=\"alice@acme.example\" teams=\n"
       "member bob member email=\"bob@acme.example\" teams=shipping\n"
       "member dave editor email=\"dave@acme.example\" teams=ops\n"
       "member erin member email=\"erin@acme.example\" teams=\n"
       "member gina owner email=\"gina@acme.example\" teams=ops\n"
       "team shipping id=4107 description=? members=bob grants=acme/web:read "
       "[update]\n"
       "team ops id=4200 description=? members=dave,gina "
       "grants=acme/legacy:write,acme/api:read\n"
       "repository acme/api private=true immutable=?\n"
       "repository acme/web private=true immutable=true\n"
       "repository acme/legacy private=false immutable=?\n"
       "token personal 6f1c2d3e-0000-4000-8000-00000000d3a1 label=deploy "
       "owner=\"acme-admin\" scopes=repo:write resources= active=true "
       "expires=2026-12-01T00:00:00Z\n"
       "token personal 0a9b8c7d-0000-4000-8000-0000000001dc label=old-ci "
       "owner=\"acme-admin\" scopes=repo:admin resources= active=true "
       "expires=never\n"
       "token organization 9e8d7c6b-0000-4000-8000-0000000005ca "
       "label=scanner owner=\"gina\" scopes= resources=TYPE_REPO acme/* "
       "scope-image-pull active=true expires=2027-01-01T00:00:00Z\n"
       "iam enabled=true official=true verified=true\n"
       "ram enabled=false hub=true registries=\n"},
      {"deleting a team and a member removes them from every list",
       Plan(
           {Entry(
                "docker_org_team.o",
                Delete(
                    R"({"id": 4200, "org_name": "acme", "team_name": "ops"})")),
            Entry(
                "docker_org_member.b",
                Delete(
                    R"({"org_name": "acme", "role": "member", "user_name": "bob"})")),
            Entry(
                "docker_access_token.d",
                R"("actions": ["delete", "create"], "before": {"scopes": ["repo:write"], "token_label": "deploy", "uuid": "6f1c2d3e-0000-4000-8000-00000000d3a1"}, "after": {"scopes": ["repo:read"], "token_label": "deploy"}, "after_unknown": {"uuid": true})")}),
       "org acme source=tfplan\n"
       "member alice owner email=\"alice@acme.example\" teams=\n"
       "member dave editor email=\"dave@acme.example\" teams=\n"
       "member erin member email=\"erin@acme.example\" teams=\n"
       "member gina owner email=\"gina@acme.example\" teams=\n"
       "team release id=4107 description=? members= grants=acme/web:read\n"
       "repository acme/api private=true immutable=?\n"
       "repository acme/web private=true immutable=true\n"
       "repository acme/legacy private=false immutable=?\n"
       "token personal 0a9b8c7d-0000-4000-8000-0000000001dc label=old-ci "
       "owner=\"acme-admin\" scopes=repo:admin resources= active=true "
       "expires=never\n"
       "token organization 9e8d7c6b-0000-4000-8000-0000000005ca "
       "label=scanner owner=\"gina\" scopes= resources=TYPE_REPO acme/* "
       "scope-image-pull active=true expires=2027-01-01T00:00:00Z\n"
       "token personal docker_access_token.d label=deploy owner=? "
       "scopes=repo:read resources= active=? expires=never [delete,create]\n"
       "iam enabled=true official=true verified=true\n"
       "ram enabled=false hub=true registries=\n"},
  };
  for (const auto& c : cases) {
    INFO(std::string(c.name));
    Read read = ReadText(c.plan, &base);
    CHECK(Dump(MustRead(read)) == c.dump);
    CHECK(read.warnings == std::vector<std::string>{});
  }
  dump_locations = true;
}

TEST_CASE(
    "A relation that names what neither side has adds it, with a warning") {
  OrgState base = Snapshot();
  Read read = ReadText(
      Plan({Entry(
          "docker_org_team_member.x",
          Create(
              R"({"org_name": "acme", "team_name": "ghosts", "user_name": "casper"})"))}),
      &base);
  OrgState s = MustRead(read);
  CHECK(read.warnings ==
        std::vector<std::string>{
            "plan.json: docker_org_team_member.x names team `ghosts`, which "
            "is neither in the snapshot nor in the plan",
            "plan.json: docker_org_team_member.x names user `casper`, who is "
            "a member neither in the snapshot nor in the plan"});
  REQUIRE(s.FindMember("casper") != nullptr);
  CHECK(s.FindMember("casper")->role == "unknown");
  CHECK(s.FindTeam("ghosts")->members == std::vector<std::string>{"casper"});
}

// ------------------------------------------------------------ changes

TEST_CASE("The change behind each resource, for change-aware rules") {
  Read read = ReadFixture("escalation");
  OrgState s = MustRead(read);
  const Member* bob = s.FindMember("bob");
  REQUIRE(bob != nullptr);
  REQUIRE(bob->change != nullptr);
  CHECK(bob->change->address == "docker_org_member.bob");
  CHECK(bob->change->actions == std::vector<std::string>{"update"});
  CHECK(bob->change->before.at("role") == ChangeValue::String("member"));
  CHECK(bob->change->after.at("role") == ChangeValue::String("owner"));
  CHECK(bob->change->after.at("email") == ChangeValue::Unknown());

  const Repository* web = s.FindRepository("acme/web");
  REQUIRE(web != nullptr);
  CHECK(web->change->before.at("private") == ChangeValue::Bool(true));
  CHECK(web->change->after.at("private") == ChangeValue::Bool(false));

  const Team* release = s.FindTeam("release");
  REQUIRE(release != nullptr);
  const ResourceChange& grant = *release->repository_permissions[0].change;
  CHECK(grant.before.at("permission") == ChangeValue::String("read"));
  CHECK(grant.after.at("permission") == ChangeValue::String("admin"));
  CHECK(grant.after.at("team_id") == ChangeValue::Number(4107));

  // The token's secret is in `before`; the change never holds it.
  const ResourceChange& token = *s.access_tokens[0].change;
  CHECK(token.before.size() == 4);  // scalars only: no `scopes` list
  CHECK_FALSE(token.before.contains("token"));
  CHECK_FALSE(token.after.contains("token"));
  CHECK(token.after.at("expires_at") ==
        ChangeValue::String("2026-12-01T00:00:00Z"));
}

TEST_CASE("Defaults and sensitive marks in the change") {
  Read read = ReadText(Plan({
      Entry("docker_hub_repository.a",
            Create(R"({"name": "a", "namespace": "acme"})")),
      Entry(
          "docker_org_member.m",
          Cat(Create(
                  R"({"email": "m@acme.example", "org_name": "acme", "role": "member", "user_name": "m"})"),
              R"(, "after_sensitive": {"email": true})")),
  }));
  OrgState s = MustRead(read);
  CHECK(s.repositories[0].change->after.at("private") ==
        ChangeValue::Bool(false));
  CHECK(s.repositories[0].change->before.empty());
  CHECK(s.members[0].change->after.at("email") == ChangeValue::Sensitive());
}

TEST_CASE("A plan-derived state is written as a snapshot without changes") {
  OrgState base = Snapshot();
  const OrgState* none = nullptr;
  const OrgState* snapshot = &base;
  for (const OrgState* b : {none, snapshot}) {
    Read read = ReadFixture("escalation", b);
    OrgState s = MustRead(read);
    std::string written = WriteSnapshot(s);
    CHECK(written.find("\"change\"") == std::string::npos);
    CHECK(written.find("FAKE_SECRET") == std::string::npos);
    absl::StatusOr<OrgState> back = ReadSnapshot(written, "<written>");
    INFO(ToStd(back.status().message()));
    REQUIRE(back.ok());
    CHECK(back->SameFacts(s));
    CHECK(back->source.kind == "tfplan");
    CHECK(back->source.partial_view == (b == nullptr));
  }
}

// ------------------------------------------------------------ bad input

TEST_CASE("Input that is not a plan of a supported format, word for word") {
  struct {
    const char* scenario;
    const char* message;
  } cases[] = {
      {"bad-not-json",
       "fixtures/tfplan/bad-not-json/plan.json:2:1: not a Terraform "
       "plan: not valid JSON: unexpected `T`: expected a value"},
      {"bad-state-file",
       "fixtures/tfplan/bad-state-file/plan.json: not a Terraform "
       "plan but a Terraform state file (terraform.tfstate); give "
       "the output of `terraform show -json PLANFILE`, where "
       "PLANFILE was written by `terraform plan -out PLANFILE`"},
      {"bad-state-json",
       "fixtures/tfplan/bad-state-json/plan.json: not a Terraform "
       "plan but the JSON of a Terraform state (`terraform show "
       "-json` without a plan file); give the output of `terraform "
       "show -json PLANFILE`, where PLANFILE was written by "
       "`terraform plan -out PLANFILE`"},
      {"bad-format-version",
       "fixtures/tfplan/bad-format-version/plan.json:2:21: "
       "unsupported plan format_version \"2.0\": hublint reads "
       "format 1.x (`terraform show -json` of Terraform 1.x)"},
  };
  for (const auto& c : cases) {
    INFO(std::string(c.scenario));
    Read read = ReadFixture(c.scenario);
    REQUIRE_FALSE(read.state.ok());
    CHECK(ToStd(read.state.status().message()) == c.message);
    CHECK(read.warnings == std::vector<std::string>{});
  }
}

TEST_CASE("Bad plans in memory, word for word, never quoting a secret") {
  OrgState base = Snapshot();
  struct {
    const char* name;
    std::string plan;
    const char* message;
    const OrgState* base = nullptr;
  } cases[] = {
      {"empty", "  \n",
       "plan.json:2:1: not a Terraform plan: not valid JSON: empty "
       "document: expected a JSON value"},
      {"an array", "[1, 2]",
       "plan.json: not a Terraform plan: expected a JSON object, "
       "got an array; give the output of `terraform show -json "
       "PLANFILE`, where PLANFILE was written by `terraform plan "
       "-out PLANFILE`"},
      {"a hublint state",
       R"({"schema": "hublint/state/v1", "org": {"name": "acme"}})",
       "plan.json: not a Terraform plan but a hublint state: pass "
       "it with --state"},
      {"no format_version", R"({"resource_changes": []})",
       "plan.json: not a Terraform plan: no `format_version`; give "
       "the output of `terraform show -json PLANFILE`, where "
       "PLANFILE was written by `terraform plan -out PLANFILE`"},
      {"a numeric format_version", R"({"format_version": 1.2})",
       "plan.json:1:20: `format_version`: expected a string, got a "
       "number"},
      {"an errored plan", R"({"format_version": "1.2", "errored": true})",
       "plan.json: the plan is errored (`terraform plan` failed "
       "before it finished); fix the plan first: no verdict is "
       "given on a partial plan"},
      // Found by fuzz/tfplan_fuzzer: used to throw out of simdjson.
      {"a null cut short",
       R"({"format_version": "1.2", "resource_changes": [{"change": )"
       R"({"before": nu)",
       "plan.json:1:70: not a Terraform plan: not valid JSON: invalid "
       "literal: expected `null`"},
      {"trailing content", R"({"format_version": "1.2"} {})",
       "plan.json:1:27: not a Terraform plan: not valid JSON: "
       "unexpected content after the JSON value"},
      {"resource_changes not a list",
       R"({"format_version": "1.2", "resource_changes": {}})",
       "plan.json:1:47: `resource_changes`: expected an array, got "
       "an object"},
      {"a role that is no string, beside a secret on the same line",
       OneLine(Plan(
           {Entry(
                "docker_access_token.t",
                R"("actions": ["no-op"], "before": {"token": "dckr_pat_FAKE_SECRET_inline_Q1", "token_label": "t", "scopes": []}, "after": {"token": "dckr_pat_FAKE_SECRET_inline_Q1", "token_label": "t", "scopes": []}, "after_unknown": {})"),
            Entry(
                "docker_org_member.a",
                Create(
                    R"({"org_name": "acme", "role": 3, "user_name": "a"})"))})),
       "plan.json:1:678: `resource_changes[1].change.after.role` "
       "(docker_org_member.a): expected a string, got a number"},
      {"a permission the plan marks sensitive is not quoted",
       Plan({Entry(
           "docker_hub_repository_team_permission.p",
           Cat(Create(
                   R"({"permission": "FAKE_SECRET_perm", "repo_id": "acme/api", "team_id": 4107})"),
               R"(, "after_sensitive": {"permission": true})"))}),
       "plan.json:2:267: "
       "`resource_changes[0].change.after.permission` "
       "(docker_hub_repository_team_permission.p): unknown "
       "permission (sensitive value); expected \"read\", \"write\" "
       "or \"admin\"",
       &base},
      {"an unknown permission",
       Plan({Entry(
           "docker_hub_repository_team_permission.p",
           Create(
               R"({"permission": "maintain", "repo_id": "acme/api", "team_id": 4107})"))}),
       "plan.json:2:267: "
       "`resource_changes[0].change.after.permission` "
       "(docker_hub_repository_team_permission.p): unknown "
       "permission \"maintain\"; expected \"read\", \"write\" or "
       "\"admin\"",
       &base},
      {"an expiry that is no RFC 3339 time",
       Plan({Entry(
           "docker_access_token.t",
           Create(
               R"({"expires_at": "2026-13-01", "scopes": [], "token_label": "t"})"))}),
       "plan.json:2:231: "
       "`resource_changes[0].change.after.expires_at` "
       "(docker_access_token.t): invalid timestamp \"2026-13-01\": "
       "expected RFC 3339, like 2026-11-20T02:00:00Z"},
      {"a sensitive expiry is not quoted either",
       Plan({Entry(
           "docker_access_token.t",
           Cat(Create(
                   R"({"expires_at": "FAKE_SECRET_when", "scopes": [], "token_label": "t"})"),
               R"(, "after_sensitive": {"expires_at": true})"))}),
       "plan.json:2:231: `resource_changes[0].change.after.expires_at` "
       "(docker_access_token.t): not an RFC 3339 timestamp (sensitive "
       "value)"},
      {"several organizations",
       Plan({Entry("docker_org_member.a", Create(kAlice)),
             Entry("docker_org_team.t",
                   Create(R"({"org_name": "contoso", "team_name": "t"})"))}),
       "plan.json: the plan manages several organizations (acme, "
       "contoso); hublint checks one organization at a time"},
      {"a snapshot of another organization",
       Plan({Entry(
           "docker_org_member.a",
           Create(
               R"({"org_name": "contoso", "role": "member", "user_name": "z"})"))}),
       "plan.json: the plan manages organization `contoso` but the "
       "snapshot is of `acme`",
       &base},
      {"no actions",
       Plan({Entry("docker_org_member.a", R"("before": null, "after": {})")}),
       "plan.json:2:163: `resource_changes[0].change.actions` "
       "(docker_org_member.a): expected a list of actions"},
  };
  for (const auto& c : cases) {
    INFO(std::string(c.name));
    Read read = ReadText(c.plan, c.base);
    REQUIRE_FALSE(read.state.ok());
    std::string message(ToStd(read.state.status().message()));
    CHECK(message == c.message);
    CHECK(message.find("FAKE_SECRET") == std::string::npos);
  }
}

}  // namespace
}  // namespace hublint
