#include "lint/tfplan/state_builder.h"

#include <algorithm>

#include "lint/util/status_macros.h"
#include "lint/util/strings.h"
#include "lint/util/time_format.h"

namespace hublint::tfplan_internal {
namespace {

using Side = Attributes::Side;

// The role a member stands in when only a relation names it: the plan does
// not say, and "unknown" is no role a rule grants anything to.
constexpr char kUnknownRole[] = "unknown";

template <typename T, typename Pred>
T* FindIn(std::vector<T>& items, Pred pred) {
  auto it = std::find_if(items.begin(), items.end(), pred);
  return it == items.end() ? nullptr : &*it;
}

template <typename T, typename Pred>
void EraseIf(std::vector<T>& items, Pred pred) {
  items.erase(std::remove_if(items.begin(), items.end(), pred), items.end());
}

void EraseValue(std::vector<std::string>& items, std::string_view value) {
  EraseIf(items, [&](const std::string& s) { return s == value; });
}

// The element of `items` whose `key` member equals `value`, added when
// there is none.
template <typename T>
T& FindOrAdd(std::vector<T>& items, std::string T::*key,
             const std::string& value) {
  if (T* found = FindIn(items, [&](const T& t) { return t.*key == value; })) {
    return *found;
  }
  T& added = items.emplace_back();
  added.*key = value;
  return added;
}

void AddUnique(std::vector<std::string>& items, const std::string& value) {
  if (std::find(items.begin(), items.end(), value) == items.end()) {
    items.push_back(value);
  }
}

// Whether the plan keeps the object (updates it in place, or leaves it),
// so that its computed identities stay those of `before`.
bool InPlace(const PlannedResource& r) {
  return r.before != nullptr && !r.Has("create") && !r.Deleted();
}

// A moment from an `expires_at`-like attribute: unset means never.
absl::Status ReadExpiry(const PlanContext& ctx, const Attributes& after,
                        std::string_view attribute, Moment* out) {
  Planned<std::string> text;
  RETURN_IF_ERROR(after.String(attribute, &text));
  if (text.unknown) {
    *out = Moment::Unknown();
  } else if (!text.value) {
    *out = Moment::Never();
  } else {
    absl::StatusOr<absl::Time> t = ParseRfc3339(*text.value);
    if (!t.ok()) {
      // The parser's message quotes the text: not for a sensitive value.
      return ctx.Error(after.Node(attribute)->offset,
                       Cat(after.Describe(attribute), ": ",
                           after.Sensitive(attribute)
                               ? "not an RFC 3339 timestamp (sensitive value)"
                               : ToStd(t.status().message())));
    }
    *out = Moment::At(*t);
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status StateBuilder::Apply(
    const std::vector<PlannedResource>& resources) {
  PlanIndex index(resources);
  index_ = &index;
  for (const PlannedResource& r : resources) {
    std::string_view type = r.type;
    if (type == "docker_org_member") {
      RETURN_IF_ERROR(ApplyMember(r));
    } else if (type == "docker_org_team") {
      RETURN_IF_ERROR(ApplyTeam(r));
    } else if (type == "docker_hub_repository") {
      RETURN_IF_ERROR(ApplyRepository(r));
    } else if (type == "docker_access_token" ||
               type == "docker_org_access_token") {
      RETURN_IF_ERROR(ApplyToken(r));
    } else if (type == "docker_org_setting_image_access_management") {
      RETURN_IF_ERROR(ApplyImageAccess(r));
    } else if (type == "docker_org_setting_registry_access_management") {
      RETURN_IF_ERROR(ApplyRegistryAccess(r));
    }
  }
  for (const PlannedResource& r : resources) {
    if (r.type == "docker_org_team_member") {
      RETURN_IF_ERROR(ApplyTeamMember(r));
    } else if (r.type == "docker_hub_repository_team_permission") {
      RETURN_IF_ERROR(ApplyTeamPermission(r));
    }
  }
  index_ = nullptr;
  return absl::OkStatus();
}

absl::Status StateBuilder::Identity(const PlannedResource& r,
                                    std::string_view attribute,
                                    Planned<std::string>* out) {
  RETURN_IF_ERROR(Attributes(ctx_, r, Side::kAfter).String(attribute, out));
  if (out->unknown && InPlace(r)) {
    Planned<std::string> before;
    RETURN_IF_ERROR(
        Attributes(ctx_, r, Side::kBefore).String(attribute, &before));
    if (before.value) *out = before;
  }
  return absl::OkStatus();
}

ChangePtr StateBuilder::MakeChange(const PlannedResource& r) const {
  ResourceChange change;
  change.actions = r.actions;
  change.address = r.address;
  Attributes before(ctx_, r, Side::kBefore);
  Attributes after(ctx_, r, Side::kAfter);
  for (std::string_view name : r.schema->attributes) {
    if (r.schema->IsSecret(name)) continue;
    if (before.present()) {
      if (std::optional<ChangeValue> v = ChangeValueOf(before, name)) {
        change.before.emplace(name, std::move(*v));
      }
    }
    if (after.present() && !r.Deleted()) {
      if (std::optional<ChangeValue> v = ChangeValueOf(after, name)) {
        change.after.emplace(name, std::move(*v));
      }
    }
  }
  // The provider's default: a repository without `private` is public.
  if (r.type == "docker_hub_repository" && after.present() && !r.Deleted() &&
      change.after["private"] == ChangeValue::Null()) {
    change.after["private"] = ChangeValue::Bool(false);
  }
  return std::make_shared<const ResourceChange>(std::move(change));
}

void StateBuilder::NameByAddress(const PlannedResource& r,
                                 std::string_view unknown,
                                 std::optional<std::string>* key) {
  if (*key) return;
  ctx_.Warn(Cat("key ", r.address),
            Cat(r.address, ": ", unknown,
                " known only after apply; the resource is named by its "
                "address"));
  *key = r.address;
}

void StateBuilder::AddGap(const PlannedResource& r, std::string_view reason) {
  state_->source.complete = false;
  state_->source.gaps.push_back(
      {std::string(r.schema->state_part), Cat(r.address, ": ", reason)});
}

std::optional<std::string> StateBuilder::TeamNameById(double id) const {
  for (const Team& t : state_->teams) {
    if (t.id && static_cast<double>(*t.id) == id) return t.name;
  }
  auto it = data_source_team_ids_.find(static_cast<int64_t>(id));
  if (it != data_source_team_ids_.end()) return it->second;
  return std::nullopt;
}

std::optional<std::string> StateBuilder::ReferencedKey(
    const PlannedResource& r, std::string_view attribute,
    std::string_view target_type) {
  const PlannedResource* target = index_->Referenced(r, attribute, target_type);
  if (target == nullptr || target->Deleted()) return std::nullopt;
  Planned<std::string> key;
  if (target_type == "docker_org_team") {
    if (!Identity(*target, "team_name", &key).ok()) return std::nullopt;
  } else if (target_type == "docker_org_member") {
    if (!Identity(*target, "user_name", &key).ok()) return std::nullopt;
  } else {  // docker_hub_repository
    Planned<std::string> ns;
    if (!Identity(*target, "namespace", &ns).ok() ||
        !Identity(*target, "name", &key).ok() || !ns.value || !key.value) {
      return std::nullopt;
    }
    return Cat(*ns.value, "/", *key.value);
  }
  return key.value;
}

// ------------------------------------------------------------ members

absl::Status StateBuilder::ApplyMember(const PlannedResource& r) {
  Attributes before(ctx_, r, Side::kBefore);
  Attributes after(ctx_, r, Side::kAfter);
  Planned<std::string> old_name, old_email;
  RETURN_IF_ERROR(before.String("user_name", &old_name));
  RETURN_IF_ERROR(before.String("email", &old_email));
  if (r.Deleted()) {
    if (old_name.value) {
      RemoveMember(*old_name.value);
    } else if (old_email.value) {
      EraseIf(state_->invites,
              [&](const Invite& i) { return i.invitee == *old_email.value; });
    }
    return absl::OkStatus();
  }
  Planned<std::string> name, email, role;
  RETURN_IF_ERROR(Identity(r, "user_name", &name));
  RETURN_IF_ERROR(Identity(r, "email", &email));
  RETURN_IF_ERROR(after.String("role", &role));
  std::string role_name;
  if (role.value) {
    role_name = *role.value;
    AsciiLowerInPlace(&role_name);
  } else if (role.unknown) {
    role_name = kUnknownRole;
    AddGap(r, "`role` is known only after apply");
  }
  if (role_name.empty()) {
    return ctx_.Error(
        r.entry->offset,
        Cat(after.Describe("role"), ": missing; the provider requires a role"));
  }
  if (old_name.value && old_name.value != name.value) {
    RemoveMember(*old_name.value);  // user_name forces replacement
  }
  if (!name.value && email.value) {
    // Invited by e-mail: an invitation until the person accepts it.
    Invite& invite = FindOrAdd(state_->invites, &Invite::invitee, *email.value);
    invite.role = role_name;
    invite.location = r.location;
    invite.change = MakeChange(r);
    return absl::OkStatus();
  }
  NameByAddress(r, "`user_name` and `email` are", &name.value);
  Member& m = FindOrAdd(state_->members, &Member::username, *name.value);
  m.role = role_name;
  if (email.value) m.email = email.value;
  m.location = r.location;
  m.change = MakeChange(r);
  return absl::OkStatus();
}

// ------------------------------------------------------------ teams

absl::Status StateBuilder::ApplyTeam(const PlannedResource& r) {
  Attributes before(ctx_, r, Side::kBefore);
  Attributes after(ctx_, r, Side::kAfter);
  Planned<std::string> old_name;
  RETURN_IF_ERROR(before.String("team_name", &old_name));
  if (r.Deleted()) {
    if (old_name.value) RemoveTeam(*old_name.value);
    return absl::OkStatus();
  }
  Planned<std::string> name, description;
  Planned<double> id;
  RETURN_IF_ERROR(Identity(r, "team_name", &name));
  RETURN_IF_ERROR(after.String("team_description", &description));
  RETURN_IF_ERROR(after.Number("id", &id));
  if (id.unknown && InPlace(r)) {
    RETURN_IF_ERROR(before.Number("id", &id));
  }
  NameByAddress(r, "`team_name` is", &name.value);
  if (old_name.value && *old_name.value != *name.value) {
    RenameTeam(*old_name.value, *name.value);  // renamed in place
  }
  Team& t = FindOrAdd(state_->teams, &Team::name, *name.value);
  if (!description.unknown) t.description = description.value;
  if (id.value) t.id = static_cast<int64_t>(*id.value);
  t.location = r.location;
  t.change = MakeChange(r);
  return absl::OkStatus();
}

// ------------------------------------------------------------ repositories

absl::Status StateBuilder::ApplyRepository(const PlannedResource& r) {
  Attributes before(ctx_, r, Side::kBefore);
  Attributes after(ctx_, r, Side::kAfter);
  Planned<std::string> old_namespace, old_name;
  RETURN_IF_ERROR(before.String("namespace", &old_namespace));
  RETURN_IF_ERROR(before.String("name", &old_name));
  std::optional<std::string> old_full;
  if (old_namespace.value && old_name.value) {
    old_full = Cat(*old_namespace.value, "/", *old_name.value);
  }
  if (r.Deleted()) {
    if (old_full) RemoveRepository(*old_full);
    return absl::OkStatus();
  }
  Planned<std::string> ns, name, description;
  Planned<bool> is_private;
  RETURN_IF_ERROR(Identity(r, "namespace", &ns));
  RETURN_IF_ERROR(Identity(r, "name", &name));
  RETURN_IF_ERROR(after.String("description", &description));
  RETURN_IF_ERROR(after.Bool("private", &is_private));
  std::optional<std::string> full;
  if (ns.value && name.value) full = Cat(*ns.value, "/", *name.value);
  NameByAddress(r, "`namespace` or `name` is", &full);
  if (old_full && *old_full != *full) RemoveRepository(*old_full);
  Repository* repo = &FindOrAdd(state_->repositories, &Repository::name, *full);
  // Provider default: a repository without `private` is public.
  repo->is_private =
      is_private.unknown
          ? std::nullopt
          : std::optional<bool>(is_private.value.value_or(false));
  if (after.Unknown("immutable_tags_settings")) {
    repo->immutable_tags.reset();
  } else if (const JsonNode* settings = after.Node("immutable_tags_settings")) {
    if (!settings->is_object()) {
      return after.TypeError(*settings, "immutable_tags_settings", "an object");
    }
    bool enabled = false;
    const JsonNode* e = settings->Find("enabled");
    if (e != nullptr && !e->is_null()) {
      RETURN_IF_ERROR(
          after.BoolIn(*e, "immutable_tags_settings.enabled", &enabled));
    }
    repo->immutable_tags = enabled;
  } else {
    repo->immutable_tags = false;
  }
  if (!description.unknown) repo->description = description.value;
  repo->location = r.location;
  repo->change = MakeChange(r);
  return absl::OkStatus();
}

// ------------------------------------------------------------ tokens

absl::Status StateBuilder::ApplyToken(const PlannedResource& r) {
  const bool personal = r.type == "docker_access_token";
  const std::string_view id_attribute = personal ? "uuid" : "id";
  Attributes before(ctx_, r, Side::kBefore);
  Attributes after(ctx_, r, Side::kAfter);
  Planned<std::string> old_id;
  RETURN_IF_ERROR(before.String(id_attribute, &old_id));
  if (old_id.value && !InPlace(r) && !r.Forgotten()) {
    RemoveToken(*old_id.value);  // deleted, or replaced by a new token
  }
  if (r.Deleted()) return absl::OkStatus();

  Planned<std::string> id, label;
  RETURN_IF_ERROR(Identity(r, id_attribute, &id));
  RETURN_IF_ERROR(after.String(personal ? "token_label" : "label", &label));
  // A token the plan creates has no id until apply: its address stands in.
  std::string key = id.value.value_or(r.address);
  AccessToken* token = &FindOrAdd(state_->access_tokens, &AccessToken::id, key);
  token->kind = personal ? TokenKind::kPersonal : TokenKind::kOrganization;
  token->label = label.value.value_or("");
  token->owner = ProviderUsername(configuration_, r.config);
  RETURN_IF_ERROR(ReadExpiry(ctx_, after, "expires_at", &token->expires_at));
  if (personal) {
    Planned<std::vector<std::string>> scopes;
    Planned<bool> active;
    RETURN_IF_ERROR(after.StringList("scopes", &scopes));
    RETURN_IF_ERROR(after.Bool("is_active", &active));
    if (scopes.unknown) AddGap(r, "`scopes` are known only after apply");
    token->scopes = scopes.value.value_or(std::vector<std::string>{});
    token->is_active = active.value;
  } else {
    token->resources.clear();
    if (after.Unknown("resources")) {
      AddGap(r, "`resources` are known only after apply");
    } else if (const JsonNode* list = after.Node("resources")) {
      if (!list->is_array()) {
        return after.TypeError(*list, "resources", "an array");
      }
      for (size_t i = 0; i < list->elements.size(); ++i) {
        const JsonNode& e = list->elements[i];
        std::string path = Cat("resources[", i, "]");
        if (!e.is_object()) return after.TypeError(e, path, "an object");
        TokenResource& resource = token->resources.emplace_back();
        for (auto [field, out] : {std::pair{"type", &resource.type},
                                  std::pair{"path", &resource.path}}) {
          if (const JsonNode* v = e.Find(field)) {
            RETURN_IF_ERROR(after.StringIn(*v, Cat(path, ".", field), out));
          }
        }
        if (const JsonNode* scopes = e.Find("scopes");
            scopes && !scopes->is_null()) {
          if (!scopes->is_array()) {
            return after.TypeError(*scopes, Cat(path, ".scopes"), "an array");
          }
          for (size_t k = 0; k < scopes->elements.size(); ++k) {
            RETURN_IF_ERROR(after.StringIn(scopes->elements[k],
                                           Cat(path, ".scopes[", k, "]"),
                                           &resource.scopes.emplace_back()));
          }
        }
      }
    }
  }
  token->location = r.location;
  token->change = MakeChange(r);
  return absl::OkStatus();
}

// ------------------------------------------------------------ settings

absl::Status StateBuilder::ApplyImageAccess(const PlannedResource& r) {
  ImageAccessManagement& iam = state_->settings.image_access_management;
  if (r.Deleted()) {
    // Deleting the resource turns Image Access Management off.
    iam.enabled = false;
    iam.allow_official_images = true;
    iam.allow_verified_publishers = true;
  } else {
    Attributes after(ctx_, r, Side::kAfter);
    Planned<bool> enabled, official, verified;
    RETURN_IF_ERROR(after.Bool("enabled", &enabled));
    RETURN_IF_ERROR(after.Bool("allow_official_images", &official));
    RETURN_IF_ERROR(after.Bool("allow_verified_publishers", &verified));
    iam.enabled = enabled.value;
    iam.allow_official_images = official.value;
    iam.allow_verified_publishers = verified.value;
  }
  iam.change = MakeChange(r);
  return absl::OkStatus();
}

absl::Status StateBuilder::ApplyRegistryAccess(const PlannedResource& r) {
  RegistryAccessManagement& ram = state_->settings.registry_access_management;
  ram.custom_registries.clear();
  if (r.Deleted()) {
    // Deleting the resource turns Registry Access Management off.
    ram.enabled = false;
    ram.docker_hub_allowed = true;
    ram.change = MakeChange(r);
    return absl::OkStatus();
  }
  Attributes after(ctx_, r, Side::kAfter);
  Planned<bool> enabled;
  RETURN_IF_ERROR(after.Bool("enabled", &enabled));
  ram.enabled = enabled.value;
  ram.docker_hub_allowed.reset();
  if (const JsonNode* hub = after.Node("standard_registry_docker_hub");
      hub && !after.Unknown("standard_registry_docker_hub")) {
    if (!hub->is_object()) {
      return after.TypeError(*hub, "standard_registry_docker_hub", "an object");
    }
    if (const JsonNode* allowed = hub->Find("allowed");
        allowed && !allowed->is_null()) {
      bool b = false;
      RETURN_IF_ERROR(
          after.BoolIn(*allowed, "standard_registry_docker_hub.allowed", &b));
      ram.docker_hub_allowed = b;
    }
  }
  if (after.Unknown("custom_registries")) {
    AddGap(r, "`custom_registries` are known only after apply");
  } else if (const JsonNode* list = after.Node("custom_registries")) {
    if (!list->is_array()) {
      return after.TypeError(*list, "custom_registries", "an array");
    }
    for (size_t i = 0; i < list->elements.size(); ++i) {
      const JsonNode& e = list->elements[i];
      std::string path = Cat("custom_registries[", i, "]");
      if (!e.is_object()) return after.TypeError(e, path, "an object");
      CustomRegistry& registry = ram.custom_registries.emplace_back();
      if (const JsonNode* v = e.Find("address")) {
        RETURN_IF_ERROR(
            after.StringIn(*v, Cat(path, ".address"), &registry.address));
      }
      if (const JsonNode* v = e.Find("friendly_name"); v && !v->is_null()) {
        RETURN_IF_ERROR(after.StringIn(*v, Cat(path, ".friendly_name"),
                                       &registry.friendly_name.emplace()));
      }
      if (const JsonNode* v = e.Find("allowed"); v && !v->is_null()) {
        RETURN_IF_ERROR(
            after.BoolIn(*v, Cat(path, ".allowed"), &registry.allowed));
      }
    }
  }
  ram.change = MakeChange(r);
  return absl::OkStatus();
}

// ------------------------------------------------------------ relations

absl::Status StateBuilder::ApplyTeamMember(const PlannedResource& r) {
  Attributes before(ctx_, r, Side::kBefore);
  Planned<std::string> old_team, old_user;
  RETURN_IF_ERROR(before.String("team_name", &old_team));
  RETURN_IF_ERROR(before.String("user_name", &old_user));
  if (r.Deleted()) {
    if (old_team.value && old_user.value) {
      RemoveMembership(*old_team.value, *old_user.value);
    }
    return absl::OkStatus();
  }
  Planned<std::string> team, user;
  RETURN_IF_ERROR(Identity(r, "team_name", &team));
  RETURN_IF_ERROR(Identity(r, "user_name", &user));
  if (!team.value)
    team.value = ReferencedKey(r, "team_name", "docker_org_team");
  if (!user.value) {
    user.value = ReferencedKey(r, "user_name", "docker_org_member");
  }
  if (!team.value || !user.value) {
    AddGap(r, Cat("`", !team.value ? "team_name" : "user_name",
                  "` is known only after apply and names no resource of the "
                  "plan"));
    return absl::OkStatus();
  }
  if (old_team.value && old_user.value &&
      (old_team.value != team.value || old_user.value != user.value)) {
    RemoveMembership(*old_team.value, *old_user.value);
  }
  Team& t = EnsureTeam(*team.value, r);
  AddUnique(t.members, *user.value);
  Member& m = EnsureMember(*user.value, r);
  AddUnique(m.teams, *team.value);
  return absl::OkStatus();
}

absl::Status StateBuilder::ApplyTeamPermission(const PlannedResource& r) {
  Attributes before(ctx_, r, Side::kBefore);
  Attributes after(ctx_, r, Side::kAfter);
  Planned<std::string> old_repo;
  Planned<double> old_team_id;
  RETURN_IF_ERROR(before.String("repo_id", &old_repo));
  RETURN_IF_ERROR(before.Number("team_id", &old_team_id));
  std::optional<std::string> old_team;
  if (old_team_id.value) old_team = TeamNameById(*old_team_id.value);
  auto remove_old_grant = [&] {
    if (!old_repo.value || !old_team) return;
    if (Team* t = FindTeam(*old_team)) {
      EraseIf(t->repository_permissions, [&](const RepositoryPermission& g) {
        return g.repository == *old_repo.value;
      });
    }
  };
  if (r.Deleted()) {
    remove_old_grant();
    return absl::OkStatus();
  }
  Planned<std::string> repo, permission_name;
  Planned<double> team_id;
  RETURN_IF_ERROR(Identity(r, "repo_id", &repo));
  RETURN_IF_ERROR(after.Number("team_id", &team_id));
  RETURN_IF_ERROR(after.String("permission", &permission_name));
  if (!repo.value) {
    repo.value = ReferencedKey(r, "repo_id", "docker_hub_repository");
  }
  // The configuration names the team more surely than a number does.
  std::optional<std::string> team =
      ReferencedKey(r, "team_id", "docker_org_team");
  if (!team && team_id.value) team = TeamNameById(*team_id.value);
  if (!team && team_id.unknown && InPlace(r)) team = old_team;
  if (!repo.value || !team) {
    AddGap(r, !repo.value
                  ? "`repo_id` is known only after apply and names no "
                    "repository of the plan"
                  : (team_id.value ? Cat("`team_id` ",
                                         static_cast<int64_t>(*team_id.value),
                                         " names no team of the plan or "
                                         "the snapshot")
                                   : std::string("`team_id` is known only "
                                                 "after apply and names no "
                                                 "team of the plan")));
    return absl::OkStatus();
  }
  if (permission_name.unknown) {
    AddGap(r, "`permission` is known only after apply");
    return absl::OkStatus();
  }
  std::optional<Permission> permission;
  if (permission_name.value)
    permission = ParsePermission(*permission_name.value);
  if (!permission || *permission == Permission::kNone) {
    const JsonNode* node = after.Node("permission");
    return ctx_.Error(
        node ? node->offset : r.entry->offset,
        Cat(after.Describe("permission"), ": ",
            permission_name.value
                ? Cat("unknown permission ",
                      after.Quote("permission", *permission_name.value))
                : std::string("missing"),
            "; expected \"read\", \"write\" or \"admin\""));
  }
  if (old_repo.value != repo.value || old_team != team) remove_old_grant();
  EnsureRepository(*repo.value, r);
  Team& t = EnsureTeam(*team, r);
  RepositoryPermission& grant = FindOrAdd(
      t.repository_permissions, &RepositoryPermission::repository, *repo.value);
  grant.permission = *permission;
  grant.location = r.location;
  grant.change = MakeChange(r);
  return absl::OkStatus();
}

// ------------------------------------------------------------ edits

Member* StateBuilder::FindMember(std::string_view username) {
  return FindIn(state_->members,
                [&](const Member& m) { return m.username == username; });
}

Team* StateBuilder::FindTeam(std::string_view name) {
  return FindIn(state_->teams, [&](const Team& t) { return t.name == name; });
}

Repository* StateBuilder::FindRepository(std::string_view name) {
  return FindIn(state_->repositories,
                [&](const Repository& r) { return r.name == name; });
}

void StateBuilder::RemoveMember(std::string_view username) {
  EraseIf(state_->members,
          [&](const Member& m) { return m.username == username; });
  for (Team& t : state_->teams) EraseValue(t.members, username);
}

void StateBuilder::RemoveTeam(std::string_view name) {
  EraseIf(state_->teams, [&](const Team& t) { return t.name == name; });
  for (Member& m : state_->members) EraseValue(m.teams, name);
}

void StateBuilder::RenameTeam(std::string_view from, const std::string& to) {
  if (Team* t = FindTeam(from)) t->name = to;
  for (Member& m : state_->members) {
    for (std::string& team : m.teams) {
      if (team == from) team = to;
    }
  }
}

void StateBuilder::RemoveRepository(std::string_view name) {
  EraseIf(state_->repositories,
          [&](const Repository& r) { return r.name == name; });
  for (Team& t : state_->teams) {
    EraseIf(t.repository_permissions, [&](const RepositoryPermission& g) {
      return g.repository == name;
    });
  }
}

void StateBuilder::RemoveToken(std::string_view id) {
  EraseIf(state_->access_tokens,
          [&](const AccessToken& t) { return t.id == id; });
}

void StateBuilder::RemoveMembership(std::string_view team,
                                    std::string_view username) {
  if (Team* t = FindTeam(team)) EraseValue(t->members, username);
  if (Member* m = FindMember(username)) EraseValue(m->teams, team);
}

Member& StateBuilder::EnsureMember(const std::string& username,
                                   const PlannedResource& r) {
  if (Member* m = FindMember(username)) return *m;
  if (has_base_) {
    ctx_.Warn(Cat(r.address, " member"),
              Cat(r.address, " names user `", username,
                  "`, who is a member neither in the snapshot nor in the "
                  "plan"));
  }
  Member& m = state_->members.emplace_back();
  m.username = username;
  m.role = kUnknownRole;
  m.location = r.location;
  return m;
}

Team& StateBuilder::EnsureTeam(const std::string& name,
                               const PlannedResource& r) {
  if (Team* t = FindTeam(name)) return *t;
  if (has_base_) {
    ctx_.Warn(Cat(r.address, " team"),
              Cat(r.address, " names team `", name,
                  "`, which is neither in the snapshot nor in the plan"));
  }
  Team& t = state_->teams.emplace_back();
  t.name = name;
  t.location = r.location;
  return t;
}

void StateBuilder::EnsureRepository(const std::string& name,
                                    const PlannedResource& r) {
  if (FindRepository(name) != nullptr) return;
  if (has_base_) {
    ctx_.Warn(Cat(r.address, " repository"),
              Cat(r.address, " names repository `", name,
                  "`, which is neither in the snapshot nor in the plan"));
  }
  Repository& repo = state_->repositories.emplace_back();
  repo.name = name;
  repo.location = r.location;
}

}  // namespace hublint::tfplan_internal
