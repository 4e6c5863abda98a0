#include "lint/state/snapshot_writer.h"

#include "lint/json/json_writer.h"
#include "lint/util/files.h"
#include "lint/util/time_format.h"

namespace hublint {
namespace {

class StateWriter {
 public:
  explicit StateWriter(std::string* out) : w_(out) {}

  void Write(const OrgState& s);

 private:
  void OptString(std::string_view key, const std::optional<std::string>& v) {
    w_.Key(key);
    v ? w_.String(*v) : w_.Null();
  }
  void OptBool(std::string_view key, std::optional<bool> v) {
    w_.Key(key);
    v ? w_.Bool(*v) : w_.Null();
  }
  void OptTime(std::string_view key, const std::optional<absl::Time>& v) {
    w_.Key(key);
    v ? w_.String(FormatRfc3339(*v)) : w_.Null();
  }
  void WriteMoment(std::string_view key, const Moment& m) {
    w_.Key(key);
    if (m.has_time()) {
      w_.String(FormatRfc3339(m.time()));
    } else if (m.never()) {
      w_.String("never");
    } else {
      w_.Null();
    }
  }
  void StringList(std::string_view key, const std::vector<std::string>& list) {
    w_.Key(key);
    w_.BeginArray();
    for (const std::string& s : list) w_.String(s);
    w_.EndArray();
  }

  void Settings(const OrgSettings& settings);
  void WriteMember(const Member& m);
  void WriteTeam(const Team& t);
  void WriteToken(const AccessToken& t);

  JsonWriter w_;
};

void StateWriter::Write(const OrgState& s) {
  w_.BeginObject();
  w_.Field("schema", s.schema);
  OptTime("collected_at", s.collected_at);
  w_.Key("source");
  w_.BeginObject();
  w_.Field("kind", s.source.kind);
  OptString("api_url", s.source.api_url);
  w_.Field("complete", s.source.complete);
  w_.Key("gaps");
  w_.BeginArray();
  for (const SourceGap& gap : s.source.gaps) {
    w_.BeginObject();
    w_.Field("part", gap.part);
    w_.Field("reason", gap.reason);
    w_.EndObject();
  }
  w_.EndArray();
  w_.Field("partial_view", s.source.partial_view);
  w_.EndObject();

  w_.Key("org");
  w_.BeginObject();
  w_.Field("name", s.org_name);
  Settings(s.settings);
  w_.EndObject();

  w_.Key("members");
  w_.BeginArray();
  for (const Member& m : s.members) WriteMember(m);
  w_.EndArray();

  w_.Key("invites");
  w_.BeginArray();
  for (const Invite& i : s.invites) {
    w_.BeginObject();
    OptString("id", i.id);
    w_.Field("invitee", i.invitee);
    w_.Field("role", i.role);
    OptString("team", i.team);
    OptString("inviter", i.inviter);
    OptTime("created_at", i.created_at);
    w_.EndObject();
  }
  w_.EndArray();

  w_.Key("teams");
  w_.BeginArray();
  for (const Team& t : s.teams) WriteTeam(t);
  w_.EndArray();

  w_.Key("repositories");
  w_.BeginArray();
  for (const Repository& r : s.repositories) {
    w_.BeginObject();
    w_.Field("name", r.name);
    OptBool("is_private", r.is_private);
    OptBool("immutable_tags", r.immutable_tags);
    OptString("description", r.description);
    OptTime("last_updated", r.last_updated);
    w_.EndObject();
  }
  w_.EndArray();

  w_.Key("access_tokens");
  w_.BeginArray();
  for (const AccessToken& t : s.access_tokens) WriteToken(t);
  w_.EndArray();

  w_.Key("integrations");
  w_.BeginArray();
  for (const Integration& i : s.integrations) {
    w_.BeginObject();
    w_.Field("name", i.name);
    OptString("kind", i.kind);
    w_.Field("username", i.username);
    OptString("token_label", i.token_label);
    OptString("token_id", i.token_id);
    w_.EndObject();
  }
  w_.EndArray();

  w_.Key("audit_events");
  w_.BeginArray();
  for (const AuditEvent& e : s.audit_events) {
    w_.BeginObject();
    w_.Field("action", e.action);
    OptString("actor", e.actor);
    OptString("name", e.name);
    OptTime("timestamp", e.timestamp);
    w_.Key("data");
    w_.BeginObject();
    for (const auto& [key, value] : e.data) w_.Field(key, value);
    w_.EndObject();
    w_.EndObject();
  }
  w_.EndArray();
  w_.EndObject();
}

void StateWriter::Settings(const OrgSettings& settings) {
  w_.Key("settings");
  w_.BeginObject();
  const ImageAccessManagement& iam = settings.image_access_management;
  w_.Key("image_access_management");
  w_.BeginObject();
  OptBool("enabled", iam.enabled);
  OptBool("allow_official_images", iam.allow_official_images);
  OptBool("allow_verified_publishers", iam.allow_verified_publishers);
  w_.EndObject();
  const RegistryAccessManagement& ram = settings.registry_access_management;
  w_.Key("registry_access_management");
  w_.BeginObject();
  OptBool("enabled", ram.enabled);
  OptBool("docker_hub_allowed", ram.docker_hub_allowed);
  w_.Key("custom_registries");
  w_.BeginArray();
  for (const CustomRegistry& r : ram.custom_registries) {
    w_.BeginObject();
    w_.Field("address", r.address);
    OptString("friendly_name", r.friendly_name);
    w_.Field("allowed", r.allowed);
    w_.EndObject();
  }
  w_.EndArray();
  w_.EndObject();
  OptBool("sso_enforced", settings.sso_enforced);
  OptBool("scim_enabled", settings.scim_enabled);
  w_.EndObject();
}

void StateWriter::WriteMember(const Member& m) {
  w_.BeginObject();
  w_.Field("username", m.username);
  OptString("email", m.email);
  OptString("full_name", m.full_name);
  w_.Field("role", m.role);
  OptBool("is_guest", m.is_guest);
  StringList("teams", m.teams);
  OptTime("date_joined", m.date_joined);
  WriteMoment("last_logged_in_at", m.last_logged_in_at);
  OptBool("two_factor_enabled", m.two_factor_enabled);
  w_.EndObject();
}

void StateWriter::WriteTeam(const Team& t) {
  w_.BeginObject();
  w_.Field("name", t.name);
  w_.Key("id");
  t.id ? w_.Int(*t.id) : w_.Null();
  OptString("description", t.description);
  StringList("members", t.members);
  w_.Key("repository_permissions");
  w_.BeginArray();
  for (const RepositoryPermission& grant : t.repository_permissions) {
    w_.BeginObject();
    w_.Field("repository", grant.repository);
    w_.Field("permission", PermissionName(grant.permission));
    w_.EndObject();
  }
  w_.EndArray();
  w_.EndObject();
}

void StateWriter::WriteToken(const AccessToken& t) {
  w_.BeginObject();
  w_.Field("kind", TokenKindName(t.kind));
  w_.Field("id", t.id);
  w_.Field("label", t.label);
  OptString("owner", t.owner);
  if (t.kind == TokenKind::kPersonal) {
    StringList("scopes", t.scopes);
  } else {
    w_.Key("resources");
    w_.BeginArray();
    for (const TokenResource& r : t.resources) {
      w_.BeginObject();
      w_.Field("type", r.type);
      w_.Field("path", r.path);
      StringList("scopes", r.scopes);
      w_.EndObject();
    }
    w_.EndArray();
  }
  OptBool("is_active", t.is_active);
  OptTime("created_at", t.created_at);
  WriteMoment("last_used_at", t.last_used_at);
  WriteMoment("expires_at", t.expires_at);
  w_.EndObject();
}

}  // namespace

std::string WriteSnapshot(const OrgState& state) {
  std::string out;
  StateWriter(&out).Write(state);
  out.push_back('\n');
  return out;
}

absl::Status WriteSnapshotFile(const OrgState& state, const std::string& path) {
  return WriteFileAtomically(path, WriteSnapshot(state));
}

}  // namespace hublint
