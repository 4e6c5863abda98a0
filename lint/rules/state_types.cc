#include "lint/rules/state_types.h"

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

// --- Types that are not resources.

const StructType* GapType() {
  static const StructType type(
      "hublint.Gap", "gap",
      {MemberField<&SourceGap::part>("part", Type::String()),
       MemberField<&SourceGap::reason>("reason", Type::String())});
  return &type;
}

const StructType* SourceType() {
  static const StructType type(
      "hublint.Source", "source",
      {MemberField<&SourceInfo::kind>("kind", Type::String()),
       MemberField<&SourceInfo::api_url>("api_url", Type::String(), kNullable),
       MemberField<&SourceInfo::complete>("complete", Type::Bool()),
       MemberField<&SourceInfo::partial_view>("partial_view", Type::Bool()),
       StructListField<&SourceInfo::gaps, SourceGap>("gaps", GapType())});
  return &type;
}

const StructType* ImageAccessManagementType() {
  static const StructType type(
      "hublint.ImageAccessManagement", "image access management",
      {MemberField<&ImageAccessManagement::enabled>("enabled", Type::Bool(),
                                                    kUnknowable),
       MemberField<&ImageAccessManagement::allow_official_images>(
           "allow_official_images", Type::Bool(), kUnknowable),
       MemberField<&ImageAccessManagement::allow_verified_publishers>(
           "allow_verified_publishers", Type::Bool(), kUnknowable)});
  return &type;
}

const StructType* CustomRegistryType() {
  static const StructType type(
      "hublint.CustomRegistry", "custom registry",
      {MemberField<&CustomRegistry::address>("address", Type::String()),
       MemberField<&CustomRegistry::friendly_name>("friendly_name",
                                                   Type::String(), kNullable),
       MemberField<&CustomRegistry::allowed>("allowed", Type::Bool())});
  return &type;
}

const StructType* RegistryAccessManagementType() {
  static const StructType type(
      "hublint.RegistryAccessManagement", "registry access management",
      {MemberField<&RegistryAccessManagement::enabled>("enabled", Type::Bool(),
                                                       kUnknowable),
       MemberField<&RegistryAccessManagement::docker_hub_allowed>(
           "docker_hub_allowed", Type::Bool(), kUnknowable),
       StructListField<&RegistryAccessManagement::custom_registries,
                       CustomRegistry>("custom_registries",
                                       CustomRegistryType())});
  return &type;
}

const StructType* SettingsType() {
  static const StructType type(
      "hublint.Settings", "org settings",
      {StructField<&OrgSettings::image_access_management>(
           "image_access_management", ImageAccessManagementType()),
       StructField<&OrgSettings::registry_access_management>(
           "registry_access_management", RegistryAccessManagementType()),
       MemberField<&OrgSettings::sso_enforced>("sso_enforced", Type::Bool(),
                                               kUnknowable),
       MemberField<&OrgSettings::scim_enabled>("scim_enabled", Type::Bool(),
                                               kUnknowable)});
  return &type;
}

const StructType* RepositoryPermissionType() {
  static const StructType type(
      "hublint.RepositoryPermission", "repository permission",
      {MemberField<&RepositoryPermission::repository>("repository",
                                                      Type::String()),
       PermissionField<&RepositoryPermission::permission>("permission")});
  return &type;
}

const StructType* TokenResourceType() {
  static const StructType type(
      "hublint.TokenResource", "token resource",
      {MemberField<&TokenResource::type>("type", Type::String()),
       MemberField<&TokenResource::path>("path", Type::String()),
       StringListField<&TokenResource::scopes>("scopes")});
  return &type;
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

const StructType* AuditEventType() {
  static const PairsMapAdapter data_adapter;
  static const StructType type(
      "hublint.AuditEvent", "audit event",
      {MemberField<&AuditEvent::action>("action", Type::String()),
       MemberField<&AuditEvent::actor>("actor", Type::String(), kNullable),
       MemberField<&AuditEvent::name>("name", Type::String(), kNullable),
       MemberField<&AuditEvent::timestamp>("timestamp", Type::Timestamp(),
                                           kUnknowable),
       [] {
         FieldDecl f;
         f.name = "data";
         f.type = Type::Map(Type::String(), Type::String());
         f.read = [](const void* object, const FieldDecl&) -> Value {
           return Value::HostMap(&data_adapter,
                                 &static_cast<const AuditEvent*>(object)->data);
         };
         return f;
       }()});
  return &type;
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
  t.AddField(MemberField<&OrgState::org_name>("name", Type::String()));
  t.AddField(StructField<&OrgState::settings>("settings", SettingsType()));
  t.AddField(StructField<&OrgState::source>("source", SourceType()));
  t.AddField(MemberField<&OrgState::collected_at>(
      "collected_at", Type::Timestamp(), kUnknowable));
  t.AddField(
      StructListField<&OrgState::members, Member>("members", &all.member));
  t.AddField(
      StructListField<&OrgState::invites, Invite>("invites", &all.invite));
  t.AddField(StructListField<&OrgState::teams, Team>("teams", &all.team));
  t.AddField(StructListField<&OrgState::repositories, Repository>(
      "repositories", &all.repository));
  t.AddField(StructListField<&OrgState::access_tokens, AccessToken>(
      "access_tokens", &all.token));
  t.AddField(StructListField<&OrgState::integrations, Integration>(
      "integrations", &all.integration));
  t.AddField(StructListField<&OrgState::audit_events, AuditEvent>(
      "audit_events", AuditEventType()));
}

void AddMemberFields(StructType& t, const ResourceTypes& all) {
  t.AddField(MemberField<&Member::username>("username", Type::String()));
  t.AddField(MemberField<&Member::email>("email", Type::String(), kUnknowable));
  t.AddField(MemberField<&Member::full_name>("full_name", Type::String(),
                                             kUnknowable));
  t.AddField(MemberField<&Member::role>("role", Type::String()));
  t.AddField(
      MemberField<&Member::is_guest>("is_guest", Type::Bool(), kUnknowable));
  t.AddField(StringListField<&Member::teams>("teams"));
  t.AddField(MemberField<&Member::date_joined>("date_joined", Type::Timestamp(),
                                               kUnknowable));
  t.AddField(MomentField<&Member::last_logged_in_at>("last_logged_in_at"));
  t.AddField(MemberField<&Member::two_factor_enabled>(
      "two_factor_enabled", Type::Bool(), kUnknowable));
  t.AddField(
      PermissionField<&Member::highest_permission>("highest_permission"));
  t.AddField(
      JoinedField<&Member::token_joins, AccessToken>("tokens", &all.token));
  t.AddField(JoinedField<&Member::integration_joins, Integration>(
      "integrations", &all.integration));
}

void AddTeamFields(StructType& t, const ResourceTypes& all) {
  t.AddField(MemberField<&Team::name>("name", Type::String()));
  t.AddField(MemberField<&Team::id>("id", Type::Int(), kNullable));
  t.AddField(MemberField<&Team::description>("description", Type::String(),
                                             kNullable));
  t.AddField(StringListField<&Team::members>("members"));
  t.AddField(
      StructListField<&Team::repository_permissions, RepositoryPermission>(
          "repository_permissions", RepositoryPermissionType()));
  t.AddField(PermissionField<&Team::highest_permission>("highest_permission"));
  t.AddField(MemberField<&Team::write_repository_count>(
      "write_repository_count", Type::Int()));
  t.AddField(MemberField<&Team::admin_repository_count>(
      "admin_repository_count", Type::Int()));
}

void AddRepositoryFields(StructType& t, const ResourceTypes& all) {
  t.AddField(MemberField<&Repository::name>("name", Type::String()));
  t.AddField(MemberField<&Repository::is_private>("is_private", Type::Bool(),
                                                  kUnknowable));
  t.AddField(MemberField<&Repository::immutable_tags>(
      "immutable_tags", Type::Bool(), kUnknowable));
  t.AddField(MemberField<&Repository::description>("description",
                                                   Type::String(), kNullable));
  t.AddField(MemberField<&Repository::last_updated>(
      "last_updated", Type::Timestamp(), kUnknowable));
}

void AddTokenFields(StructType& t, const ResourceTypes& all) {
  FieldDecl kind;
  kind.name = "kind";
  kind.type = Type::String();
  kind.read = [](const void* object, const FieldDecl&) -> Value {
    return Value::String(
        TokenKindName(static_cast<const AccessToken*>(object)->kind));
  };
  t.AddField(kind);
  t.AddField(MemberField<&AccessToken::id>("id", Type::String()));
  t.AddField(MemberField<&AccessToken::label>("label", Type::String()));
  t.AddField(
      MemberField<&AccessToken::owner>("owner", Type::String(), kUnknowable));
  t.AddField(
      JoinedOneField<&AccessToken::owner_join>("owner_member", &all.member));
  t.AddField(StringListField<&AccessToken::scopes>("scopes"));
  t.AddField(StructListField<&AccessToken::resources, TokenResource>(
      "resources", TokenResourceType()));
  t.AddField(MemberField<&AccessToken::is_active>("is_active", Type::Bool(),
                                                  kUnknowable));
  t.AddField(MemberField<&AccessToken::created_at>(
      "created_at", Type::Timestamp(), kUnknowable));
  t.AddField(MomentField<&AccessToken::last_used_at>("last_used_at"));
  t.AddField(MomentField<&AccessToken::expires_at>("expires_at"));
}

void AddInviteFields(StructType& t, const ResourceTypes& all) {
  t.AddField(MemberField<&Invite::id>("id", Type::String(), kNullable));
  t.AddField(MemberField<&Invite::invitee>("invitee", Type::String()));
  t.AddField(MemberField<&Invite::role>("role", Type::String()));
  t.AddField(MemberField<&Invite::team>("team", Type::String(), kNullable));
  t.AddField(
      MemberField<&Invite::inviter>("inviter", Type::String(), kNullable));
  t.AddField(MemberField<&Invite::created_at>("created_at", Type::Timestamp(),
                                              kUnknowable));
}

void AddIntegrationFields(StructType& t, const ResourceTypes& all) {
  t.AddField(MemberField<&Integration::name>("name", Type::String()));
  t.AddField(
      MemberField<&Integration::kind>("kind", Type::String(), kNullable));
  t.AddField(MemberField<&Integration::username>("username", Type::String()));
  t.AddField(MemberField<&Integration::token_label>("token_label",
                                                    Type::String(), kNullable));
  t.AddField(MemberField<&Integration::token_id>("token_id", Type::String(),
                                                 kNullable));
  t.AddField(JoinedOneField<&Integration::member_join>("member", &all.member));
  t.AddField(JoinedField<&Integration::token_joins, AccessToken>(
      "tokens", &all.token,
      /*unknown_when_empty=*/true));
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
    resource = Cat("token:", static_cast<const AccessToken*>(object)->id);
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
