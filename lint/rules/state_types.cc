#include "lint/rules/state_types.h"

#include <algorithm>
#include <map>
#include <utility>

#include "lint/util/strings.h"

namespace hublint {
namespace {

using cel::FieldDecl;
using cel::FieldOptions;
using cel::MemberField;
using cel::StructType;
using cel::Type;
using cel::Value;

// --- Readers for fields that are not plain data members.

// A Moment: a timestamp, null when "never", unknown when unknown.
template <auto kMoment>
FieldDecl MomentField(std::string name) {
  FieldDecl f;
  f.name = std::move(name);
  f.type = Type::Timestamp();
  f.unknowable = true;
  f.nullable = true;
  f.read = [](const void* object, const FieldDecl&) -> Value {
    using Traits = cel::host_internal::MemberTraits<kMoment>;
    const auto* o = static_cast<const typename Traits::Class*>(object);
    const Moment& m = o->*kMoment;
    if (m.has_time()) return Value::Timestamp(m.time());
    if (m.never()) return Value::Null();
    return Value::UnknownFact();
  };
  return f;
}

// A Permission as its name: "none", "read", "write", "admin".
template <auto kPermission>
FieldDecl PermissionField(std::string name) {
  FieldDecl f;
  f.name = std::move(name);
  f.type = Type::String();
  f.read = [](const void* object, const FieldDecl&) -> Value {
    using Traits = cel::host_internal::MemberTraits<kPermission>;
    const auto* o = static_cast<const typename Traits::Class*>(object);
    return Value::String(PermissionName(o->*kPermission));
  };
  return f;
}

// A Joined<T> as a list of structs.
template <typename T>
class JoinedAdapter final : public cel::ListAdapter {
 public:
  explicit JoinedAdapter(const StructType* type) : type_(type) {}
  size_t Size(const void* list) const override {
    return static_cast<const Joined<T>*>(list)->size();
  }
  Value Get(const void* list, size_t index) const override {
    return Value::Struct(type_,
                         static_cast<const Joined<T>*>(list)->items()[index]);
  }

 private:
  const StructType* type_;
};

template <auto kJoined, typename T>
FieldDecl JoinedField(std::string name, const StructType* type,
                      bool unknown_when_empty = false) {
  static const JoinedAdapter<T> adapter(type);
  FieldDecl f;
  f.name = std::move(name);
  f.type = Type::List(Type::Struct(type));
  f.context = &adapter;
  f.unknowable = unknown_when_empty;
  f.read = [](const void* object, const FieldDecl& field) -> Value {
    using Traits = cel::host_internal::MemberTraits<kJoined>;
    const auto* o = static_cast<const typename Traits::Class*>(object);
    const Joined<T>& joined = o->*kJoined;
    if (field.unknowable && joined.size() == 0) return Value::UnknownFact();
    return Value::HostList(static_cast<const cel::ListAdapter*>(field.context),
                           &joined);
  };
  return f;
}

// A JoinedOne<T> as a struct, null when absent.
template <auto kJoinedOne>
FieldDecl JoinedOneField(std::string name, const StructType* type) {
  FieldDecl f;
  f.name = std::move(name);
  f.type = Type::Struct(type);
  f.nullable = true;
  f.context = type;
  f.read = [](const void* object, const FieldDecl& field) -> Value {
    using Traits = cel::host_internal::MemberTraits<kJoinedOne>;
    const auto* o = static_cast<const typename Traits::Class*>(object);
    const void* target = (o->*kJoinedOne).get();
    if (target == nullptr) return Value::Null();
    return Value::Struct(static_cast<const StructType*>(field.context), target);
  };
  return f;
}

// A plain struct member of struct type.
template <auto kMember>
FieldDecl StructField(std::string name, const StructType* type) {
  return MemberField<kMember>(std::move(name), Type::Struct(type),
                              {.context = type});
}

// A std::vector<T> member as a list of structs of `type`.
template <auto kMember, typename T>
FieldDecl StructListField(std::string name, const StructType* type) {
  static const cel::VectorAdapter<T> adapter(type);
  return MemberField<kMember>(std::move(name), Type::List(Type::Struct(type)),
                              {.context = &adapter});
}

// A std::vector<std::string> member.
template <auto kMember>
FieldDecl StringListField(std::string name) {
  static const cel::VectorAdapter<std::string> adapter;
  return MemberField<kMember>(std::move(name), Type::List(Type::String()),
                              {.context = &adapter});
}

constexpr FieldOptions kUnknowable{.unknowable = true};
constexpr FieldOptions kNullable{.nullable = true};

// --- What the reference (docs/rules/cel-reference.md) says about each type
// and field. A field is added together with its description (Add below), so
// the reference cannot miss a field or describe one that is gone.

struct TypeDocs {
  std::map<const StructType*, std::string> types;
  std::map<std::pair<const StructType*, int>, std::string> fields;
};

TypeDocs& Docs() {
  static TypeDocs* docs = new TypeDocs;
  return *docs;
}

void Describe(const StructType& t, std::string description) {
  Docs().types[&t] = std::move(description);
}

void Add(StructType& t, FieldDecl field, std::string description) {
  int index = t.AddField(std::move(field));
  Docs().fields[{&t, index}] = std::move(description);
}

// A type that is no resource, with its description and its fields, each
// with its own.
const StructType* NewType(
    std::string name, std::string display_name, std::string description,
    std::vector<std::pair<FieldDecl, std::string>> fields) {
  auto* type = new StructType(std::move(name), std::move(display_name));
  Describe(*type, std::move(description));
  for (auto& [field, text] : fields)
    Add(*type, std::move(field), std::move(text));
  return type;
}

// --- A Terraform plan's change (lint/model/resource_change.h).

// A change's attributes as a CEL map(string, dyn): null, bool, double or
// string values. Unknown (known after apply) and sensitive values are left
// out, so `has(c.after.role)` is false for them and reading them is an
// evaluation error, which the engine turns into a review.
class ChangeValuesAdapter final : public cel::MapAdapter {
  using Values = std::map<std::string, ChangeValue>;

 public:
  static bool Readable(const ChangeValue& v) {
    return v.kind != ChangeValue::Kind::kUnknown &&
           v.kind != ChangeValue::Kind::kSensitive;
  }
  static Value ToValue(const ChangeValue& v) {
    switch (v.kind) {
      case ChangeValue::Kind::kBool:
        return Value::Bool(v.boolean);
      case ChangeValue::Kind::kNumber:
        return Value::Double(v.number);
      case ChangeValue::Kind::kString:
        return Value::String(v.string);
      default:
        return Value::Null();
    }
  }

  size_t Size(const void* map) const override {
    size_t n = 0;
    for (const auto& [k, v] : *static_cast<const Values*>(map)) {
      n += Readable(v);
    }
    return n;
  }
  Value KeyAt(const void* map, size_t index) const override {
    return Value::String(Nth(map, index)->first);
  }
  Value ValueAt(const void* map, size_t index) const override {
    return ToValue(Nth(map, index)->second);
  }
  bool Find(const void* map, const Value& key, Value* value) const override {
    if (key.kind() != cel::Kind::kString) return false;
    const Values& values = *static_cast<const Values*>(map);
    auto it = values.find(std::string(key.string_value()));
    if (it == values.end() || !Readable(it->second)) return false;
    *value = ToValue(it->second);
    return true;
  }

 private:
  // The index-th readable entry (plans change a handful of attributes, so a
  // walk is cheaper than an index).
  static Values::const_iterator Nth(const void* map, size_t index) {
    const Values& values = *static_cast<const Values*>(map);
    for (auto it = values.begin(); it != values.end(); ++it) {
      if (Readable(it->second) && index-- == 0) return it;
    }
    return values.end();
  }
};

template <auto kValues>
FieldDecl ChangeValuesField(std::string name) {
  static const ChangeValuesAdapter adapter;
  FieldDecl f;
  f.name = std::move(name);
  f.type = Type::Map(Type::String(), Type::Dyn());
  f.read = [](const void* object, const FieldDecl&) -> Value {
    const auto* change = static_cast<const ResourceChange*>(object);
    return Value::HostMap(&adapter, &(change->*kValues));
  };
  return f;
}

const StructType* ChangeType() {
  static const StructType* type = NewType(
      "hublint.Change", "change",
      "What a Terraform plan does to a resource (only in a state read "
      "with `--tfplan`; null otherwise). Attributes are named as the "
      "docker/docker provider names them (`role`, `private`, "
      "`permission`, `expires_at`, `enabled`, ...); values known only "
      "after apply and sensitive ones are left out of `before` and "
      "`after`, so `has()` is false for them and reading them gives a "
      "review.",
      {
          {StringListField<&ResourceChange::actions>("actions"),
           "Terraform's actions, in order: `['create']`, `['update']`, "
           "`['no-op']`, `['delete']`, a replacement `['delete', 'create']` or "
           "`['create', 'delete']`"},
          {MemberField<&ResourceChange::address>("address", Type::String()),
           "the resource's Terraform address, e.g. `docker_org_member.bob` or "
           "`module.m.docker_hub_repository.this[\"web\"]`"},
          {ChangeValuesField<&ResourceChange::before>("before"),
           "the scalar attributes before the change (empty for a creation): "
           "null, bool, double or string"},
          {ChangeValuesField<&ResourceChange::after>("after"),
           "the scalar attributes after the change (empty for a deletion), "
           "with provider defaults applied (an omitted `private` is "
           "`false`)"},
      });
  return type;
}

// The `change` field of a resource that a plan may change.
template <auto kChange>
FieldDecl ChangeField() {
  return MemberField<kChange>("change", Type::Struct(ChangeType()),
                              {.nullable = true, .context = ChangeType()});
}

constexpr char kChangeDescription[] =
    "what the Terraform plan does to it; null unless the state was read with "
    "`--tfplan`";

// --- Types that are not resources.

const StructType* GapType() {
  static const StructType* type = NewType(
      "hublint.Gap", "gap",
      "A part of the organization the source could not read.",
      {
          {MemberField<&SourceGap::part>("part", Type::String()),
           "the part, e.g. `access_tokens.personal` (docs/state-format.md "
           "lists them)"},
          {MemberField<&SourceGap::reason>("reason", Type::String()),
           "why, e.g. the URL and HTTP status"},
      });
  return type;
}

const StructType* SourceType() {
  static const StructType* type = NewType(
      "hublint.Source", "source",
      "Where the state came from and whether it is complete.",
      {
          {MemberField<&SourceInfo::kind>("kind", Type::String()),
           "`dockerhub-api`, `snapshot`, `declared` or `tfplan`"},
          {MemberField<&SourceInfo::api_url>("api_url", Type::String(),
                                             kNullable),
           "the API the state was collected from"},
          {MemberField<&SourceInfo::complete>("complete", Type::Bool()),
           "false when some part could not be read (see `gaps`)"},
          {MemberField<&SourceInfo::partial_view>("partial_view", Type::Bool()),
           "true when the source shows only what Terraform manages (a plan "
           "without a snapshot); rules that read the organization's "
           "collections (`org.members`, `org.teams`, ...) then give reviews"},
          {StructListField<&SourceInfo::gaps, SourceGap>("gaps", GapType()),
           "each part that could not be read, and why"},
      });
  return type;
}

const StructType* ImageAccessManagementType() {
  static const StructType* type = NewType(
      "hublint.ImageAccessManagement", "image access management",
      "Image Access Management: which Docker Hub images members may "
      "pull (Docker Business).",
      {
          {MemberField<&ImageAccessManagement::enabled>("enabled", Type::Bool(),
                                                        kUnknowable),
           "whether image pulls are restricted"},
          {MemberField<&ImageAccessManagement::allow_official_images>(
               "allow_official_images", Type::Bool(), kUnknowable),
           "Docker Official Images may be pulled (when enabled)"},
          {MemberField<&ImageAccessManagement::allow_verified_publishers>(
               "allow_verified_publishers", Type::Bool(), kUnknowable),
           "Verified Publisher images may be pulled (when enabled)"},
          {ChangeField<&ImageAccessManagement::change>(),
           Cat(kChangeDescription,
               " (`docker_org_setting_image_access_management`; a deletion "
               "turns the control off)")},
      });
  return type;
}

const StructType* CustomRegistryType() {
  static const StructType* type = NewType(
      "hublint.CustomRegistry", "custom registry",
      "A registry other than Docker Hub under Registry Access "
      "Management.",
      {
          {MemberField<&CustomRegistry::address>("address", Type::String()),
           "the registry's address, e.g. `ghcr.io`"},
          {MemberField<&CustomRegistry::friendly_name>(
               "friendly_name", Type::String(), kNullable),
           "its display name"},
          {MemberField<&CustomRegistry::allowed>("allowed", Type::Bool()),
           "whether Docker Desktop may reach it"},
      });
  return type;
}

const StructType* RegistryAccessManagementType() {
  static const StructType* type = NewType(
      "hublint.RegistryAccessManagement", "registry access management",
      "Registry Access Management: which registries Docker Desktop "
      "may reach (Docker Business).",
      {
          {MemberField<&RegistryAccessManagement::enabled>(
               "enabled", Type::Bool(), kUnknowable),
           "whether registry access is restricted"},
          {MemberField<&RegistryAccessManagement::docker_hub_allowed>(
               "docker_hub_allowed", Type::Bool(), kUnknowable),
           "Docker Hub itself is allowed"},
          {StructListField<&RegistryAccessManagement::custom_registries,
                           CustomRegistry>("custom_registries",
                                           CustomRegistryType()),
           "the other registries and whether each is allowed"},
          {ChangeField<&RegistryAccessManagement::change>(),
           Cat(kChangeDescription,
               " (`docker_org_setting_registry_access_management`; a deletion "
               "turns the control off)")},
      });
  return type;
}

const StructType* SettingsType() {
  static const StructType* type = NewType(
      "hublint.Settings", "org settings", "The organization's settings.",
      {
          {StructField<&OrgSettings::image_access_management>(
               "image_access_management", ImageAccessManagementType()),
           "Image Access Management"},
          {StructField<&OrgSettings::registry_access_management>(
               "registry_access_management", RegistryAccessManagementType()),
           "Registry Access Management"},
          {MemberField<&OrgSettings::sso_enforced>("sso_enforced", Type::Bool(),
                                                   kUnknowable),
           "sign-in through the identity provider is enforced (not readable "
           "from the API: declared, or `sso_enforced` in `.hublint.toml`)"},
          {MemberField<&OrgSettings::scim_enabled>("scim_enabled", Type::Bool(),
                                                   kUnknowable),
           "SCIM provisioning is on (not readable from the API)"},
      });
  return type;
}

const StructType* RepositoryPermissionType() {
  static const StructType* type = NewType(
      "hublint.RepositoryPermission", "repository permission",
      "A team's grant on one repository.",
      {
          {MemberField<&RepositoryPermission::repository>("repository",
                                                          Type::String()),
           "the repository's full name, `contoso/api`"},
          {PermissionField<&RepositoryPermission::permission>("permission"),
           "`read`, `write` or `admin`"},
          {ChangeField<&RepositoryPermission::change>(),
           Cat(kChangeDescription,
               " (`docker_hub_repository_team_permission`)")},
      });
  return type;
}

const StructType* TokenResourceType() {
  static const StructType* type = NewType(
      "hublint.TokenResource", "token resource",
      "What an organization access token may reach.",
      {
          {MemberField<&TokenResource::type>("type", Type::String()),
           "`TYPE_REPO` or `TYPE_ORG`"},
          {MemberField<&TokenResource::path>("path", Type::String()),
           "a repository (`contoso/api`), a glob (`contoso/*`: every "
           "repository "
           "of the organization) or `*/*/public` (every public repository)"},
          {StringListField<&TokenResource::scopes>("scopes"),
           "`scope-*` strings; a higher scope includes the lower ones "
           "(`scope-image-push` includes `scope-image-pull`)"},
      });
  return type;
}

// A vector<pair<string, string>> as a CEL map from string to string.
class PairsMapAdapter final : public cel::MapAdapter {
  using Pairs = std::vector<std::pair<std::string, std::string>>;

 public:
  size_t Size(const void* map) const override {
    return static_cast<const Pairs*>(map)->size();
  }
  Value KeyAt(const void* map, size_t i) const override {
    return Value::String((*static_cast<const Pairs*>(map))[i].first);
  }
  Value ValueAt(const void* map, size_t i) const override {
    return Value::String((*static_cast<const Pairs*>(map))[i].second);
  }
  bool Find(const void* map, const Value& key, Value* value) const override {
    if (key.kind() != cel::Kind::kString) return false;
    for (const auto& [k, v] : *static_cast<const Pairs*>(map)) {
      if (k == key.string_value()) {
        *value = Value::String(v);
        return true;
      }
    }
    return false;
  }
};

FieldDecl AuditDataField() {
  static const PairsMapAdapter adapter;
  FieldDecl f;
  f.name = "data";
  f.type = Type::Map(Type::String(), Type::String());
  f.read = [](const void* object, const FieldDecl&) -> Value {
    return Value::HostMap(&adapter,
                          &static_cast<const AuditEvent*>(object)->data);
  };
  return f;
}

const StructType* AuditEventType() {
  static const StructType* type = NewType(
      "hublint.AuditEvent", "audit event",
      "One entry of the organization's activity log.",
      {
          {MemberField<&AuditEvent::action>("action", Type::String()),
           "e.g. `repo.change_privacy`, `org.member.role.change`"},
          {MemberField<&AuditEvent::actor>("actor", Type::String(), kNullable),
           "who did it: a username, or a token"},
          {MemberField<&AuditEvent::name>("name", Type::String(), kNullable),
           "the object acted on: a repository, team or username"},
          {MemberField<&AuditEvent::timestamp>("timestamp", Type::Timestamp(),
                                               kUnknowable),
           "when"},
          {AuditDataField(), "the extra details the log carries"},
      });
  return type;
}

// Resource types refer to each other (a member's tokens, a token's owner):
// construct them all first, then add their fields.
struct ResourceTypes {
  StructType org{"hublint.Org", "org"};
  StructType member{"hublint.Member", "member"};
  StructType team{"hublint.Team", "team"};
  StructType repository{"hublint.Repository", "repository"};
  StructType token{"hublint.Token", "token"};
  StructType invite{"hublint.Invite", "invite"};
  StructType integration{"hublint.Integration", "integration"};
};

void AddOrgFields(StructType& t, const ResourceTypes& all) {
  Describe(t,
           "The whole state: the variable `org` in every rule, and the "
           "resource of `resource = \"org\"` rules (`org:<name>`).");
  Add(t, MemberField<&OrgState::org_name>("name", Type::String()),
      "the organization's namespace, e.g. `contoso`");
  Add(t, StructField<&OrgState::settings>("settings", SettingsType()),
      "the organization's settings");
  Add(t, StructField<&OrgState::source>("source", SourceType()),
      "where the state came from and what is missing");
  Add(t,
      MemberField<&OrgState::collected_at>("collected_at", Type::Timestamp(),
                                           kUnknowable),
      "when the state was collected (`now` is this, or the time of the run)");
  Add(t, StructListField<&OrgState::members, Member>("members", &all.member),
      "every member");
  Add(t, StructListField<&OrgState::invites, Invite>("invites", &all.invite),
      "every pending invitation");
  Add(t, StructListField<&OrgState::teams, Team>("teams", &all.team),
      "every team");
  Add(t,
      StructListField<&OrgState::repositories, Repository>("repositories",
                                                           &all.repository),
      "every repository");
  Add(t,
      StructListField<&OrgState::access_tokens, AccessToken>("access_tokens",
                                                             &all.token),
      "every personal and organization access token in the state");
  Add(t,
      StructListField<&OrgState::integrations, Integration>("integrations",
                                                            &all.integration),
      "every declared integration");
  Add(t,
      StructListField<&OrgState::audit_events, AuditEvent>("audit_events",
                                                           AuditEventType()),
      "the activity log, when collected");
}

void AddMemberFields(StructType& t, const ResourceTypes& all) {
  Describe(t, "A member of the organization (`member:<username>`).");
  Add(t, MemberField<&Member::username>("username", Type::String()),
      "the Docker ID");
  Add(t, MemberField<&Member::email>("email", Type::String(), kUnknowable),
      "the e-mail address");
  Add(t,
      MemberField<&Member::full_name>("full_name", Type::String(), kUnknowable),
      "the display name");
  Add(t, MemberField<&Member::role>("role", Type::String()),
      "lower case: `owner`, `editor`, `member`, or a custom role's label");
  Add(t, MemberField<&Member::is_guest>("is_guest", Type::Bool(), kUnknowable),
      "the e-mail is outside the organization's verified domains");
  Add(t, StringListField<&Member::teams>("teams"),
      "the names of the member's teams");
  Add(t,
      MemberField<&Member::date_joined>("date_joined", Type::Timestamp(),
                                        kUnknowable),
      "when the member joined");
  Add(t, MomentField<&Member::last_logged_in_at>("last_logged_in_at"),
      "the last sign-in; null: never signed in; unknown without Docker's "
      "insights");
  Add(t,
      MemberField<&Member::two_factor_enabled>("two_factor_enabled",
                                               Type::Bool(), kUnknowable),
      "two-factor authentication is on (not exposed by the API: declared or "
      "from an identity-provider export)");
  Add(t, PermissionField<&Member::highest_permission>("highest_permission"),
      "computed: the highest grant through any of the member's teams: "
      "`none`, `read`, `write` or `admin` (the role is separate)");
  Add(t, JoinedField<&Member::token_joins, AccessToken>("tokens", &all.token),
      "computed: the personal access tokens the member owns, as far as the "
      "state has them");
  Add(t,
      JoinedField<&Member::integration_joins, Integration>("integrations",
                                                           &all.integration),
      "computed: the declared integrations that sign in as this member");
  Add(t, ChangeField<&Member::change>(),
      Cat(kChangeDescription, " (`docker_org_member`)"));
}

void AddTeamFields(StructType& t, const ResourceTypes& all) {
  Describe(t, "A team, the API's group (`team:<name>`).");
  Add(t, MemberField<&Team::name>("name", Type::String()), "the team's name");
  Add(t, MemberField<&Team::id>("id", Type::Int(), kNullable),
      "the API's numeric group id");
  Add(t,
      MemberField<&Team::description>("description", Type::String(), kNullable),
      "the team's description");
  Add(t, StringListField<&Team::members>("members"),
      "the usernames of its members");
  Add(t,
      StructListField<&Team::repository_permissions, RepositoryPermission>(
          "repository_permissions", RepositoryPermissionType()),
      "its grants, one per repository");
  Add(t, PermissionField<&Team::highest_permission>("highest_permission"),
      "computed: its highest grant: `none`, `read`, `write` or `admin`");
  Add(t,
      MemberField<&Team::write_repository_count>("write_repository_count",
                                                 Type::Int()),
      "computed: how many repositories it can push to (write or admin)");
  Add(t,
      MemberField<&Team::admin_repository_count>("admin_repository_count",
                                                 Type::Int()),
      "computed: how many repositories it administers");
  Add(t, ChangeField<&Team::change>(),
      Cat(kChangeDescription, " (`docker_org_team`)"));
}

void AddRepositoryFields(StructType& t, const ResourceTypes& all) {
  Describe(t, "A repository of the organization (`repository:<ns>/<name>`).");
  Add(t, MemberField<&Repository::name>("name", Type::String()),
      "the full name, `contoso/api`");
  Add(t,
      MemberField<&Repository::is_private>("is_private", Type::Bool(),
                                           kUnknowable),
      "private; false: anyone can pull it");
  Add(t,
      MemberField<&Repository::immutable_tags>("immutable_tags", Type::Bool(),
                                               kUnknowable),
      "tags cannot be overwritten");
  Add(t,
      MemberField<&Repository::description>("description", Type::String(),
                                            kNullable),
      "the short description");
  Add(t,
      MemberField<&Repository::last_updated>("last_updated", Type::Timestamp(),
                                             kUnknowable),
      "the last push");
  Add(t, ChangeField<&Repository::change>(),
      Cat(kChangeDescription, " (`docker_hub_repository`)"));
}

void AddTokenFields(StructType& t, const ResourceTypes& all) {
  Describe(t,
           "A personal or organization access token (`token:<id>`). The "
           "secret is never collected.");
  FieldDecl kind;
  kind.name = "kind";
  kind.type = Type::String();
  kind.read = [](const void* object, const FieldDecl&) -> Value {
    return Value::String(
        TokenKindName(static_cast<const AccessToken*>(object)->kind));
  };
  Add(t, std::move(kind),
      "`personal` (a PAT, `scopes`) or `organization` (an OAT, `resources`)");
  Add(t, MemberField<&AccessToken::id>("id", Type::String()), "the API's uuid");
  Add(t, MemberField<&AccessToken::label>("label", Type::String()),
      "the token's label");
  Add(t, MemberField<&AccessToken::owner>("owner", Type::String(), kUnknowable),
      "the user a personal token belongs to, or who created an organization "
      "token");
  Add(t, JoinedOneField<&AccessToken::owner_join>("owner_member", &all.member),
      "computed: the member named by `owner`; null when the owner is not a "
      "member");
  Add(t, StringListField<&AccessToken::scopes>("scopes"),
      "personal tokens: `repo:public_read` < `repo:read` < `repo:write` < "
      "`repo:admin` (each includes the ones before)");
  Add(t,
      StructListField<&AccessToken::resources, TokenResource>(
          "resources", TokenResourceType()),
      "organization tokens: what the token reaches, with which scopes");
  Add(t,
      MemberField<&AccessToken::is_active>("is_active", Type::Bool(),
                                           kUnknowable),
      "false when deactivated");
  Add(t,
      MemberField<&AccessToken::created_at>("created_at", Type::Timestamp(),
                                            kUnknowable),
      "when it was created");
  Add(t, MomentField<&AccessToken::last_used_at>("last_used_at"),
      "the last use; null: never used");
  Add(t, MomentField<&AccessToken::expires_at>("expires_at"),
      "when it expires; null: never");
  Add(t, ChangeField<&AccessToken::change>(),
      Cat(kChangeDescription,
          " (`docker_access_token`, `docker_org_access_token`)"));
}

void AddInviteFields(StructType& t, const ResourceTypes& all) {
  Describe(t, "A pending invitation (`invite:<invitee>`).");
  Add(t, MemberField<&Invite::id>("id", Type::String(), kNullable),
      "the API's uuid");
  Add(t, MemberField<&Invite::invitee>("invitee", Type::String()),
      "a Docker ID or an e-mail address");
  Add(t, MemberField<&Invite::role>("role", Type::String()),
      "the role the invitee will get, lower case (`member` when the source "
      "did not say)");
  Add(t, MemberField<&Invite::team>("team", Type::String(), kNullable),
      "the team the invitee joins");
  Add(t, MemberField<&Invite::inviter>("inviter", Type::String(), kNullable),
      "who sent it");
  Add(t,
      MemberField<&Invite::created_at>("created_at", Type::Timestamp(),
                                       kUnknowable),
      "when it was sent");
  Add(t, ChangeField<&Invite::change>(),
      Cat(kChangeDescription, " (`docker_org_member` while invited)"));
}

void AddIntegrationFields(StructType& t, const ResourceTypes& all) {
  Describe(t,
           "A declared third party, such as the Microsoft Defender for Cloud "
           "connector, and the account and token it uses "
           "(`integration:<name>`).");
  Add(t, MemberField<&Integration::name>("name", Type::String()),
      "the integration's name");
  Add(t, MemberField<&Integration::kind>("kind", Type::String(), kNullable),
      "e.g. `defender-for-cloud`");
  Add(t, MemberField<&Integration::username>("username", Type::String()),
      "the Docker Hub account it signs in with");
  Add(t,
      MemberField<&Integration::token_label>("token_label", Type::String(),
                                             kNullable),
      "the label of the token it uses");
  Add(t,
      MemberField<&Integration::token_id>("token_id", Type::String(),
                                          kNullable),
      "the id of the token it uses");
  Add(t, JoinedOneField<&Integration::member_join>("member", &all.member),
      "computed: the member named by `username`; null when the account is "
      "not a member");
  Add(t,
      JoinedField<&Integration::token_joins, AccessToken>(
          "tokens", &all.token,
          /*unknown_when_empty=*/true),
      "computed: the tokens that match `token_id` or `token_label`; unknown "
      "when none is in the state (the API lists personal tokens only to "
      "their owner)");
}

const ResourceTypes& Types() {
  static const ResourceTypes* types = [] {
    auto* t = new ResourceTypes;
    AddOrgFields(t->org, *t);
    AddMemberFields(t->member, *t);
    AddTeamFields(t->team, *t);
    AddRepositoryFields(t->repository, *t);
    AddTokenFields(t->token, *t);
    AddInviteFields(t->invite, *t);
    AddIntegrationFields(t->integration, *t);
    return t;
  }();
  return *types;
}

template <typename T>
void Bind(const std::vector<T>& items, const StructType* type,
          std::string_view (*key)(const T&), std::vector<BoundResource>* out) {
  out->reserve(items.size());
  for (const T& item : items) {
    out->push_back({Value::Struct(type, &item), key(item), item.location});
  }
}

}  // namespace

std::vector<const StructType*> StateTypes() {
  const ResourceTypes& all = Types();
  std::vector<const StructType*> out = {
      &all.org,   &all.member, &all.team,       &all.repository,
      &all.token, &all.invite, &all.integration};
  // Then every type reachable from them, in field order.
  for (size_t i = 0; i < out.size(); ++i) {
    for (const FieldDecl& f : out[i]->fields()) {
      Type type =
          f.type.kind() == Type::Kind::kList ? f.type.element() : f.type;
      if (type.kind() != Type::Kind::kStruct) continue;
      if (std::find(out.begin(), out.end(), type.struct_type()) == out.end())
        out.push_back(type.struct_type());
    }
  }
  return out;
}

std::string_view TypeDescription(const StructType* type) {
  Types();
  auto it = Docs().types.find(type);
  return it == Docs().types.end() ? std::string_view() : it->second;
}

std::string_view FieldDescription(const StructType* type, int index) {
  Types();
  auto it = Docs().fields.find({type, index});
  return it == Docs().fields.end() ? std::string_view() : it->second;
}

const StructType* OrgType() { return &Types().org; }
const StructType* MemberType() { return &Types().member; }
const StructType* TeamType() { return &Types().team; }
const StructType* RepositoryType() { return &Types().repository; }
const StructType* TokenType() { return &Types().token; }
const StructType* InviteType() { return &Types().invite; }
const StructType* IntegrationType() { return &Types().integration; }

const StructType* TypeOfResource(ResourceKind kind) {
  switch (kind) {
    case ResourceKind::kOrg:
      return OrgType();
    case ResourceKind::kMember:
      return MemberType();
    case ResourceKind::kTeam:
      return TeamType();
    case ResourceKind::kRepository:
      return RepositoryType();
    case ResourceKind::kToken:
      return TokenType();
    case ResourceKind::kInvite:
      return InviteType();
    case ResourceKind::kIntegration:
      return IntegrationType();
  }
  return OrgType();
}

std::vector<BoundResource> ResourcesOf(const OrgState& state,
                                       ResourceKind kind) {
  std::vector<BoundResource> out;
  switch (kind) {
    case ResourceKind::kOrg:
      out.push_back({Value::Struct(OrgType(), &state), state.org_name,
                     state.org_location});
      break;
    case ResourceKind::kMember:
      Bind<Member>(
          state.members, MemberType(),
          [](const Member& m) -> std::string_view { return m.username; }, &out);
      break;
    case ResourceKind::kTeam:
      Bind<Team>(
          state.teams, TeamType(),
          [](const Team& t) -> std::string_view { return t.name; }, &out);
      break;
    case ResourceKind::kRepository:
      Bind<Repository>(
          state.repositories, RepositoryType(),
          [](const Repository& r) -> std::string_view { return r.name; }, &out);
      break;
    case ResourceKind::kToken:
      Bind<AccessToken>(
          state.access_tokens, TokenType(),
          [](const AccessToken& t) -> std::string_view { return t.id; }, &out);
      break;
    case ResourceKind::kInvite:
      Bind<Invite>(
          state.invites, InviteType(),
          [](const Invite& i) -> std::string_view { return i.invitee; }, &out);
      break;
    case ResourceKind::kIntegration:
      Bind<Integration>(
          state.integrations, IntegrationType(),
          [](const Integration& i) -> std::string_view { return i.name; },
          &out);
      break;
  }
  return out;
}

std::string DescribeUnknown(std::string_view path, const StructType* type,
                            const void* object, int field) {
  if (type == nullptr || object == nullptr || field < 0) {
    return Cat("`", path, "` is unknown");
  }
  const std::string& name = type->fields()[field].name;
  if (type == IntegrationType() && name == "tokens") {
    // Not a missing fact but a missing resource: say which token to add.
    const auto* i = static_cast<const Integration*>(object);
    std::string which =
        i->token_label ? Cat("labelled `", *i->token_label, "`")
        : i->token_id  ? Cat("with id `", *i->token_id, "`")
                       : std::string("(no token_label or token_id declared)");
    return Cat("the token ", which, " that integration:", i->name,
               " uses (account ", i->username, ") is not in the state");
  }
  std::string resource;
  if (type == MemberType()) {
    resource = Cat("member:", static_cast<const Member*>(object)->username);
  } else if (type == TokenType()) {
    // A token's id is a uuid; its label is what people know it by.
    const auto* token = static_cast<const AccessToken*>(object);
    resource = token->label.empty()
                   ? Cat("token:", token->id)
                   : Cat("token:", token->id, " (`", token->label, "`)");
  } else if (type == TeamType()) {
    resource = Cat("team:", static_cast<const Team*>(object)->name);
  } else if (type == RepositoryType()) {
    resource = Cat("repository:", static_cast<const Repository*>(object)->name);
  } else if (type == InviteType()) {
    resource = Cat("invite:", static_cast<const Invite*>(object)->invitee);
  } else if (type == IntegrationType()) {
    resource =
        Cat("integration:", static_cast<const Integration*>(object)->name);
  } else {
    return Cat("`", path, "` is unknown");
  }
  return Cat(name, " of ", resource, " is unknown");
}

}  // namespace hublint
