#include "tests/fake_hub/fake_hub.h"

#include <httplib.h>

#include <algorithm>
#include <charconv>
#include <functional>
#include <set>

#include "lint/hub/url.h"
#include "lint/json/json_writer.h"
#include "lint/util/strings.h"
#include "lint/util/time_format.h"
#include "simdjson.h"

namespace hublint::fake_hub {
namespace {

using hub::UrlEncode;

std::string Base64Url(std::string_view data) {
  static constexpr char kChars[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char c : data) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(kChars[(buffer >> bits) & 63]);
    }
  }
  if (bits > 0) out.push_back(kChars[(buffer << (6 - bits)) & 63]);
  return out;
}

std::string Hex(uint64_t v, int digits) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(digits, '0');
  for (int i = digits - 1; i >= 0; --i) {
    out[i] = kHex[v & 15];
    v >>= 4;
  }
  return out;
}

// A stable pseudo-uuid ("trimmed": 32 hex digits) for a name.
std::string TrimmedId(std::string_view name) {
  uint64_t a = std::hash<std::string_view>()(name);
  uint64_t b = std::hash<std::string>()(Cat("salt:", name));
  return Hex(a, 16) + Hex(b, 16);
}

std::string Uuid(std::string_view name) {
  std::string t = TrimmedId(name);
  return Cat(t.substr(0, 8), "-", t.substr(8, 4), "-", t.substr(12, 4), "-",
             t.substr(16, 4), "-", t.substr(20, 12));
}

std::string Capitalized(std::string role) {
  if (role == "owner") return "Owner";
  if (role == "editor") return "Editor";
  if (role == "member") return "Member";
  return role;  // a custom role's label, as is
}

std::string Time(const std::optional<absl::Time>& t) {
  return t ? FormatRfc3339(*t) : std::string();
}

void OptString(JsonWriter& w, std::string_view key,
               const std::optional<std::string>& v) {
  if (v) w.Field(key, *v);
}

void MomentField(JsonWriter& w, std::string_view key, const Moment& m,
                 bool omit_never) {
  if (m.has_time()) {
    w.Field(key, FormatRfc3339(m.time()));
  } else if (!omit_never) {
    w.Key(key);
    w.Null();
  }
}

std::string Error(int status, std::string_view message) {
  std::string out;
  JsonWriter w(&out, 0);
  w.BeginObject();
  w.Key("errinfo");
  w.BeginObject();
  w.EndObject();
  w.Field("message", message);
  w.EndObject();
  return out;
}

// Routes whose spec error schema is `Error` {detail, message}.
std::string DetailError(std::string_view message) {
  std::string out;
  JsonWriter w(&out, 0);
  w.BeginObject();
  w.Field("detail", message);
  w.Field("message", message);
  w.EndObject();
  return out;
}

std::string DefaultMessage(int status) {
  switch (status) {
    case 400:
      return "bad request";
    case 401:
      return "unauthorized";
    case 403:
      return "permission denied";
    case 404:
      return "not found";
    default:
      return status >= 500 ? "internal error" : "error";
  }
}

std::string ErrorFor(const std::string& endpoint, int status,
                     std::string message = "") {
  if (message.empty()) message = DefaultMessage(status);
  if (endpoint == "access_tokens" || endpoint == "org_access_tokens" ||
      endpoint == "org_access_token" || endpoint == "settings") {
    return DetailError(message);
  }
  if (endpoint == "auditlogs") {
    if (status == 429)
      return R"({"detail":"Rate limit exceeded","error":false})";
    std::string out;
    JsonWriter w(&out, 0);
    w.BeginObject();
    w.Key("code");
    w.Int(status);
    w.Field("message", message);
    w.Key("details");
    w.BeginArray();
    w.EndArray();
    w.EndObject();
    return out;
  }
  return Error(status, message);
}

int ParamInt(const httplib::Request& req, const char* name, int fallback,
             bool* bad) {
  if (!req.has_param(name)) return fallback;
  std::string v = req.get_param_value(name);
  int out = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (v.empty() || ec != std::errc() || ptr != v.data() + v.size() || out < 1) {
    *bad = true;
    return fallback;
  }
  return out;
}

// The request's query without the paging parameters, re-encoded.
std::string OtherParams(const httplib::Request& req) {
  std::string out;
  for (const auto& [k, v] : req.params) {
    if (k == "page" || k == "page_size") continue;
    Append(&out, out.empty() ? "" : "&", UrlEncode(k), "=", UrlEncode(v));
  }
  return out;
}

}  // namespace

// Everything the fake serves for one organization, serialized once.
struct FakeHub::OrgData {
  OrgState state;
  std::vector<std::string> member_role;        // lower case, per member
  std::vector<std::string> member_json;        // unfiltered list entries
  std::vector<std::string> member_json_exact;  // with the exact role label
  std::vector<std::string> invite_json;
  std::vector<std::string> group_json;
  std::map<std::string, int64_t> group_id;
  std::map<std::string, std::vector<std::string>> group_member_json;
  std::vector<std::string> repo_json;
  std::map<std::string, std::string> repo_info_json;  // by short name
  std::map<std::string, std::vector<std::string>> repo_groups_json;
  std::map<std::string, std::map<int64_t, std::string>> repo_group_json;
  std::vector<std::string> oat_json;
  std::map<std::string, std::string> oat_detail_json;
  std::vector<std::pair<std::string, std::string>> pat_json;  // owner, json
  std::string settings_json;
  std::string ram_json;
  std::vector<std::pair<absl::Time, std::string>> audit_json;
};

struct FakeHub::Reply {
  int status = 200;
  std::string body;
};

namespace {

// The fields of the spec's `user` schema, shared by org and group members.
void UserFields(JsonWriter& w, const Member& m) {
  w.Field("id", TrimmedId(m.username));
  w.Field("username", m.username);
  OptString(w, "full_name", m.full_name);
  for (const char* empty : {"company", "location", "profile_url",
                            "gravatar_email", "gravatar_url"}) {
    w.Field(empty, "");
  }
  if (m.date_joined) w.Field("date_joined", Time(m.date_joined));
  w.Field("type", "User");
  OptString(w, "email", m.email);
}

std::string MemberJson(const Member& m, const std::string& role_label) {
  std::string out;
  JsonWriter w(&out, 0);
  w.BeginObject();
  UserFields(w, m);
  w.Field("role", role_label);
  w.Key("groups");
  w.BeginArray();
  for (const std::string& t : m.teams) w.String(t);
  w.EndArray();
  if (m.is_guest) w.Field("is_guest", *m.is_guest);
  if (m.last_logged_in_at.has_time()) {
    w.Field("last_logged_in_at", FormatRfc3339(m.last_logged_in_at.time()));
  }
  w.EndObject();
  return out;
}

std::string GroupMemberJson(const Member& m) {
  std::string out;
  JsonWriter w(&out, 0);
  w.BeginObject();
  UserFields(w, m);
  w.EndObject();
  return out;
}

void RepositoryCommon(JsonWriter& w, const Repository& r, const std::string& ns,
                      const std::string& name) {
  w.Field("name", name);
  w.Field("namespace", ns);
  w.Field("repository_type", "image");
  w.Key("status");
  w.Int(1);
  w.Field("status_description", "active");
  w.Key("description");
  if (r.description) {
    w.String(*r.description);
  } else {
    w.Null();
  }
  w.Field("is_private", r.is_private.value_or(false));
  w.Key("star_count");
  w.Int(0);
  w.Key("pull_count");
  w.Int(0);
  w.Key("last_updated");
  if (r.last_updated) {
    w.String(FormatRfc3339(*r.last_updated));
  } else {
    w.Null();
  }
  w.Key("last_modified");
  if (r.last_updated) {
    w.String(FormatRfc3339(*r.last_updated));
  } else {
    w.Null();
  }
  w.Field("date_registered", "2020-01-01T00:00:00Z");
}

}  // namespace

FakeHub::FakeHub(Options options)
    : options_(std::move(options)),
      clock_(options_.clock != nullptr ? options_.clock : &real_clock_) {}

FakeHub::~FakeHub() { Stop(); }

void FakeHub::AddOrg(const OrgState& original) {
  auto data = std::make_unique<OrgData>();
  data->state = original;
  OrgState& s = data->state;
  s.Finalize();  // both sides of team membership filled in
  const std::string& org = s.org_name;

  for (const Member& m : s.members) {
    data->member_role.push_back(m.role);
    std::string label = Capitalized(m.role);
    data->member_json_exact.push_back(MemberJson(m, label));
    data->member_json.push_back(
        MemberJson(m, m.role == "editor" ? options_.editor_label : label));
  }
  for (const Invite& inv : s.invites) {
    std::string out;
    JsonWriter w(&out, 0);
    w.BeginObject();
    w.Field("id", inv.id.value_or(Uuid(Cat("invite:", inv.invitee))));
    w.Field("inviter_username", inv.inviter.value_or(""));
    w.Field("invitee", inv.invitee);
    w.Field("org", org);
    w.Field("team", inv.team.value_or(""));
    w.Field("role", inv.role);
    if (inv.created_at) w.Field("created_at", Time(inv.created_at));
    w.EndObject();
    data->invite_json.push_back(out);
  }
  int64_t next_id = 1000;
  for (const Team& t : s.teams) {
    int64_t id = t.id.value_or(next_id++);
    if (std::find(options_.hidden_teams.begin(), options_.hidden_teams.end(),
                  t.name) != options_.hidden_teams.end()) {
      continue;
    }
    data->group_id[t.name] = id;
    std::string out;
    JsonWriter w(&out, 0);
    w.BeginObject();
    w.Key("id");
    w.Int(id);
    w.Field("uuid", Uuid(Cat("team:", t.name)));
    w.Field("name", t.name);
    w.Field("description", t.description.value_or(""));
    w.Key("member_count");
    w.Int(static_cast<int64_t>(t.members.size()));
    w.EndObject();
    data->group_json.push_back(out);
    std::vector<std::string>& gm = data->group_member_json[t.name];
    for (uint32_t mi : t.member_indices) {
      gm.push_back(GroupMemberJson(s.members[mi]));
    }
  }
  for (const Repository& r : s.repositories) {
    size_t slash = r.name.find('/');
    std::string ns = slash == std::string::npos ? org : r.name.substr(0, slash);
    std::string name =
        slash == std::string::npos ? r.name : r.name.substr(slash + 1);
    {
      std::string out;
      JsonWriter w(&out, 0);
      w.BeginObject();
      RepositoryCommon(w, r, ns, name);
      w.Field("affiliation", "");
      w.Key("media_types");
      w.BeginArray();
      w.EndArray();
      w.Key("content_types");
      w.BeginArray();
      w.String("image");
      w.EndArray();
      w.Key("categories");
      w.BeginArray();
      w.EndArray();
      w.Key("storage_size");
      w.Int(1024);
      w.EndObject();
      data->repo_json.push_back(out);
    }
    {
      std::string out;
      JsonWriter w(&out, 0);
      w.BeginObject();
      w.Field("user", ns);
      RepositoryCommon(w, r, ns, name);
      w.Field("is_automated", false);
      w.Key("collaborator_count");
      w.Int(0);
      w.Key("affiliation");
      w.Null();
      w.Field("hub_user", ns);
      w.Field("has_starred", false);
      w.Key("full_description");
      w.Null();
      w.Key("permissions");
      w.BeginObject();
      w.Field("read", true);
      w.Field("write", true);
      w.Field("admin", true);
      w.EndObject();
      w.Key("media_types");
      w.BeginArray();
      w.EndArray();
      w.Key("content_types");
      w.BeginArray();
      w.String("image");
      w.EndArray();
      w.Key("categories");
      w.BeginArray();
      w.EndArray();
      w.Key("immutable_tags_settings");
      w.BeginObject();
      w.Field("enabled", r.immutable_tags.value_or(false));
      w.Key("rules");
      w.BeginArray();
      if (r.immutable_tags.value_or(false)) w.String("v.*");
      w.EndArray();
      w.EndObject();
      w.Key("storage_size");
      w.Int(1024);
      w.Key("source");
      w.Null();
      w.EndObject();
      data->repo_info_json[r.name] = out;
    }
    data->repo_groups_json[r.name];  // the repository exists
  }
  for (const Team& t : s.teams) {
    if (!data->group_id.contains(t.name)) continue;  // hidden
    int64_t id = data->group_id[t.name];
    for (const RepositoryPermission& p : t.repository_permissions) {
      std::string out;
      JsonWriter w(&out, 0);
      w.BeginObject();
      w.Field("group_name", t.name);
      w.Field("permission", PermissionName(p.permission));
      w.Key("group_id");
      w.Int(id);
      w.EndObject();
      data->repo_groups_json[p.repository].push_back(out);
      data->repo_group_json[p.repository][id] = out;
    }
  }
  for (const AccessToken& t : s.access_tokens) {
    if (t.kind == TokenKind::kOrganization) {
      auto write = [&](bool detail) {
        std::string out;
        JsonWriter w(&out, 0);
        w.BeginObject();
        w.Field("id", t.id);
        w.Field("label", t.label);
        w.Field("created_by", t.owner.value_or(""));
        w.Field("is_active", t.is_active.value_or(true));
        if (t.created_at) w.Field("created_at", Time(t.created_at));
        MomentField(w, "expires_at", t.expires_at, false);
        MomentField(w, "last_used_at", t.last_used_at, false);
        if (detail) {
          w.Key("resources");
          w.BeginArray();
          for (const TokenResource& r : t.resources) {
            w.BeginObject();
            w.Field("type", r.type);
            w.Field("path", r.path);
            w.Key("scopes");
            w.BeginArray();
            for (const std::string& sc : r.scopes) w.String(sc);
            w.EndArray();
            w.EndObject();
          }
          w.EndArray();
        }
        w.EndObject();
        return out;
      };
      data->oat_json.push_back(write(false));
      data->oat_detail_json[t.id] = write(true);
    } else {
      std::string out;
      JsonWriter w(&out, 0);
      w.BeginObject();
      w.Field("uuid", t.id);
      w.Field("client_id", "HUB");
      w.Field("creator_ip", "127.0.0.1");
      w.Field("creator_ua", "hublint-fake-hub");
      if (t.created_at) w.Field("created_at", Time(t.created_at));
      MomentField(w, "last_used", t.last_used_at, false);
      w.Field("generated_by", "manual");
      w.Field("is_active", t.is_active.value_or(true));
      w.Field("token", "");
      w.Field("token_label", t.label);
      w.Key("scopes");
      w.BeginArray();
      for (const std::string& sc : t.scopes) w.String(sc);
      w.EndArray();
      MomentField(w, "expires_at", t.expires_at, /*omit_never=*/true);
      w.EndObject();
      data->pat_json.emplace_back(t.owner.value_or(""), out);
    }
  }
  {
    const ImageAccessManagement& iam = s.settings.image_access_management;
    std::string out;
    JsonWriter w(&out, 0);
    w.BeginObject();
    w.Key("restricted_images");
    w.BeginObject();
    w.Field("enabled", iam.enabled.value_or(false));
    w.Field("allow_official_images", iam.allow_official_images.value_or(false));
    w.Field("allow_verified_publishers",
            iam.allow_verified_publishers.value_or(false));
    w.EndObject();
    w.EndObject();
    data->settings_json = out;
  }
  {
    const RegistryAccessManagement& ram = s.settings.registry_access_management;
    std::string out;
    JsonWriter w(&out, 0);
    w.BeginObject();
    w.Field("enabled", ram.enabled.value_or(false));
    w.Key("standard_registries");
    w.BeginArray();
    w.BeginObject();
    w.Field("id", "DockerHub");
    w.Field("allowed", ram.docker_hub_allowed.value_or(true));
    w.EndObject();
    w.EndArray();
    w.Key("custom_registries");
    w.BeginArray();
    for (const CustomRegistry& c : ram.custom_registries) {
      w.BeginObject();
      w.Field("address", c.address);
      w.Field("friendly_name", c.friendly_name.value_or(""));
      w.Field("allowed", c.allowed);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    data->ram_json = out;
  }
  for (const AuditEvent& e : s.audit_events) {
    std::string out;
    JsonWriter w(&out, 0);
    w.BeginObject();
    w.Field("account", org);
    w.Field("action", e.action);
    w.Field("name", e.name.value_or(""));
    w.Field("actor", e.actor.value_or(""));
    w.Key("data");
    w.BeginObject();
    for (const auto& [k, v] : e.data) w.Field(k, v);
    w.EndObject();
    if (e.timestamp) w.Field("timestamp", Time(e.timestamp));
    w.Field("action_description", e.action);
    w.EndObject();
    data->audit_json.emplace_back(e.timestamp.value_or(absl::InfinitePast()),
                                  out);
  }
  orgs_[org] = std::move(data);
}

void FakeHub::AddAccount(const std::string& identifier,
                         const std::string& secret, AccountKind kind) {
  std::lock_guard<std::mutex> lock(mu_);
  accounts_[identifier] = Account{secret, kind};
}

void FakeHub::AddFault(FaultRule rule) {
  std::lock_guard<std::mutex> lock(mu_);
  faults_.push_back(std::move(rule));
}

void FakeHub::ClearFaults() {
  std::lock_guard<std::mutex> lock(mu_);
  faults_.clear();
}

absl::Time FakeHub::Now() const { return clock_->Now(); }

void FakeHub::Pause(absl::Duration d) {
  std::unique_lock<std::mutex> lock(mu_);
  stop_cv_.wait_for(lock,
                    std::chrono::microseconds(absl::ToInt64Microseconds(d)),
                    [this] { return stopping_; });
}

std::string FakeHub::base_url() const {
  bool tls = !options_.cert_file.empty();
  return Cat(tls ? "https" : "http", "://", options_.host, ":", port_);
}

std::vector<LoggedRequest> FakeHub::requests() const {
  std::lock_guard<std::mutex> lock(mu_);
  return log_;
}

std::vector<std::string> FakeHub::issued_tokens() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<std::string> out;
  for (const auto& [jwt, session] : sessions_) out.push_back(jwt);
  return out;
}

const FakeHub::OrgData* FakeHub::FindOrg(const std::string& name) const {
  auto it = orgs_.find(name);
  return it == orgs_.end() ? nullptr : it->second.get();
}

bool FakeHub::Authorize(const httplib::Request& req, Session* session) {
  std::string auth = req.get_header_value("Authorization");
  if (!auth.starts_with("Bearer ")) return false;
  std::lock_guard<std::mutex> lock(mu_);
  auto it = sessions_.find(auth.substr(7));
  if (it == sessions_.end()) return false;
  if (Now() >= it->second.expires) {
    ++expired_token_uses_;
    return false;
  }
  *session = it->second;
  return true;
}

absl::Status FakeHub::Start() {
  if (!options_.cert_file.empty()) {
    server_ = std::make_unique<httplib::SSLServer>(options_.cert_file.c_str(),
                                                   options_.key_file.c_str());
    if (!server_->is_valid()) {
      return absl::InternalError("cannot load the TLS certificate or key");
    }
  } else {
    server_ = std::make_unique<httplib::Server>();
  }
  int threads = options_.threads;
  server_->new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<size_t>(threads));
  };
  server_->set_tcp_nodelay(true);
  server_->set_keep_alive_max_count(1000000);
  server_->set_keep_alive_timeout(5);
  Route();
  port_ =
      options_.port == 0
          ? server_->bind_to_any_port(options_.host)
          : (server_->bind_to_port(options_.host, options_.port) ? options_.port
                                                                 : -1);
  if (port_ <= 0) {
    return absl::UnavailableError(Cat("cannot listen on ", options_.host));
  }
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  // Stop() only works once the accept loop runs: wait for it.
  for (int i = 0; i < 5000 && !server_->is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return absl::OkStatus();
}

void FakeHub::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  stop_cv_.notify_all();
  if (server_) server_->stop();
  if (thread_.joinable()) thread_.join();
}

void FakeHub::Route() {
  httplib::Server& s = *server_;
  auto get = [this, &s](const char* pattern, const char* endpoint) {
    std::string name = endpoint;
    s.Get(pattern,
          [this, name](const httplib::Request& req, httplib::Response& res) {
            Handle(name, req, res);
          });
  };
  s.Post("/v2/auth/token",
         [this](const httplib::Request& req, httplib::Response& res) {
           Handle("auth", req, res);
         });
  get(R"(/v2/orgs/([^/]+)/members/?)", "members");
  get(R"(/v2/orgs/([^/]+)/invites/?)", "invites");
  get(R"(/v2/orgs/([^/]+)/groups/?)", "groups");
  get(R"(/v2/orgs/([^/]+)/groups/([^/]+)/members/?)", "group_members");
  get(R"(/v2/namespaces/([^/]+)/repositories/?)", "repositories");
  get(R"(/v2/namespaces/([^/]+)/repositories/([^/]+)/?)", "repository");
  get(R"(/v2/repositories/([^/]+)/([^/]+)/groups/?)", "repository_groups");
  get(R"(/v2/repositories/([^/]+)/([^/]+)/groups/([0-9]+)/?)",
      "repository_group");
  get(R"(/v2/orgs/([^/]+)/access-tokens/?)", "org_access_tokens");
  get(R"(/v2/orgs/([^/]+)/access-tokens/([^/]+)/?)", "org_access_token");
  get(R"(/v2/access-tokens/?)", "access_tokens");
  get(R"(/v2/orgs/([^/]+)/settings/?)", "settings");
  get(R"(/v2/orgs/([^/]+)/settings/registry-access-management/?)",
      "registry_access_management");
  get(R"(/v2/auditlogs/([^/]+)/?)", "auditlogs");
  s.Get("/_fake/requests",
        [this](const httplib::Request&, httplib::Response& res) {
          std::string out;
          JsonWriter w(&out, 0);
          w.BeginArray();
          for (const LoggedRequest& r : requests()) {
            w.BeginObject();
            w.Field("method", r.method);
            w.Field("endpoint", r.endpoint);
            w.Field("target", r.target);
            w.Key("status");
            w.Int(r.status);
            w.EndObject();
          }
          w.EndArray();
          res.set_content(out, "application/json");
        });
  s.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) {
      res.set_content(Error(res.status, DefaultMessage(res.status)),
                      "application/json");
    }
  });
}

void FakeHub::Handle(const std::string& endpoint, const httplib::Request& req,
                     httplib::Response& res) {
  if (options_.latency > absl::ZeroDuration()) Pause(options_.latency);
  absl::Time now = Now();
  auto finish = [&](bool authorized) {
    // Rate-limit headers on every answer.
    std::lock_guard<std::mutex> lock(mu_);
    int64_t minute = absl::ToUnixSeconds(now) / 60;
    if (minute != window_minute_) {
      window_minute_ = minute;
      window_count_ = 0;
    }
    ++window_count_;
    if (!res.has_header("X-RateLimit-Remaining")) {
      res.set_header("X-RateLimit-Limit",
                     std::to_string(options_.rate_limit_per_minute));
      res.set_header("X-RateLimit-Remaining",
                     std::to_string(std::max(
                         0, options_.rate_limit_per_minute - window_count_)));
      res.set_header("X-RateLimit-Reset", std::to_string((minute + 1) * 60));
    }
    std::string target = req.path;
    if (!req.params.empty()) {
      std::string q;
      for (const auto& [k, v] : req.params) {
        Append(&q, q.empty() ? "?" : "&", UrlEncode(k), "=", UrlEncode(v));
      }
      target += q;
    }
    log_.push_back({req.method, endpoint, target, res.status, authorized});
  };
  auto reply_json = [&](int status, std::string body) {
    res.status = status;
    res.set_content(std::move(body), "application/json");
  };

  // A 429 or a spent quota asked for a pause.
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (now < blocked_until_) {
      ++early_requests_;
      int64_t wait = absl::ToInt64Seconds(
          absl::Ceil(blocked_until_ - now, absl::Seconds(1)));
      res.status = 429;
      res.set_header("Retry-After", std::to_string(std::max<int64_t>(wait, 1)));
      res.set_content(R"({"detail":"Rate limit exceeded","error":false})",
                      "application/json");
    }
  }
  if (res.status == 429) {
    finish(false);
    return;
  }

  bool bad_param = false;
  int page = ParamInt(req, "page", 1, &bad_param);
  int default_size = endpoint == "auditlogs" ? 25 : 10;
  int page_size = std::min(ParamInt(req, "page_size", default_size, &bad_param),
                           options_.max_page_size);

  // The fault for this request, if any.
  std::optional<FaultRule> fault;
  {
    std::lock_guard<std::mutex> lock(mu_);
    std::string query = OtherParams(req);
    for (FaultRule& rule : faults_) {
      if (rule.times == 0) continue;
      if (rule.endpoint != "*" && rule.endpoint != endpoint) continue;
      if (rule.page != 0 && rule.page != page) continue;
      if (!rule.query_contains.empty() &&
          query.find(rule.query_contains) == std::string::npos &&
          req.target.find(rule.query_contains) == std::string::npos) {
        continue;
      }
      if (rule.times > 0) --rule.times;
      fault = rule;
      break;
    }
  }
  if (fault) {
    switch (fault->fault) {
      case Fault::kStatus:
        reply_json(fault->status, ErrorFor(endpoint, fault->status));
        finish(false);
        return;
      case Fault::kRetryAfter: {
        std::lock_guard<std::mutex> lock(mu_);
        blocked_until_ = now + absl::Seconds(fault->retry_after_seconds);
        res.status = 429;
        res.set_header("Retry-After",
                       std::to_string(fault->retry_after_seconds));
        res.set_content(R"({"detail":"Rate limit exceeded","error":false})",
                        "application/json");
      }
        finish(false);
        return;
      case Fault::kQuotaSpent: {
        std::lock_guard<std::mutex> lock(mu_);
        int64_t reset = absl::ToUnixSeconds(now) + fault->retry_after_seconds;
        if (absl::FromUnixSeconds(absl::ToUnixSeconds(now)) < now) ++reset;
        blocked_until_ = absl::FromUnixSeconds(reset);
        res.set_header("X-RateLimit-Limit",
                       std::to_string(options_.rate_limit_per_minute));
        res.set_header("X-RateLimit-Remaining", "0");
        res.set_header("X-RateLimit-Reset", std::to_string(reset));
      } break;
      case Fault::kDelay:
        Pause(fault->delay);
        break;
      case Fault::kRedirectOtherHost:
        res.status = 302;
        res.set_header("Location", Cat(fault->other_host, req.target));
        finish(false);
        return;
      default:
        break;
    }
  }

  Session session;
  bool authorized = endpoint == "auth" || Authorize(req, &session);
  if (!authorized) {
    reply_json(401, ErrorFor(endpoint, 401));
    finish(false);
    return;
  }
  if (bad_param) {
    reply_json(400, ErrorFor(endpoint, 400, "invalid page or page_size"));
    finish(true);
    return;
  }

  // Builds a page of `items` with the envelope the endpoint uses.
  auto paged = [&](const std::vector<const std::string*>& items,
                   const char* count_key, bool active_count) -> Reply {
    size_t total = items.size();
    size_t begin = static_cast<size_t>(page - 1) * page_size;
    if (page > 1 && begin >= total) {
      return {404, ErrorFor(endpoint, 404, "page not found")};
    }
    size_t end = std::min(total, begin + page_size);
    std::string others = OtherParams(req);
    auto link = [&](int p) {
      return Cat(base_url(), req.path, "?", others, others.empty() ? "" : "&",
                 "page=", p, "&page_size=", page_size);
    };
    std::optional<std::string> next, previous;
    if (end < total) next = link(page + 1);
    if (page > 1) previous = link(page - 1);
    if (fault && fault->fault == Fault::kNextLoop) next = link(1);
    if (fault && fault->fault == Fault::kNextOtherHost) {
      next = Cat(fault->other_host, req.path, "?page=", page + 1,
                 "&page_size=", page_size);
    }
    if (fault && fault->fault == Fault::kPagePastEnd && end >= total) {
      next = link(page + 1);
    }
    std::string out;
    JsonWriter w(&out, 0);
    w.BeginObject();
    w.Key(count_key);
    w.Int(static_cast<int64_t>(total));
    if (active_count) {
      w.Key("active_count");
      w.Int(static_cast<int64_t>(total));
    }
    w.Key("next");
    if (next) {
      w.String(*next);
    } else {
      w.Null();
    }
    w.Key("previous");
    if (previous) {
      w.String(*previous);
    } else {
      w.Null();
    }
    w.Key("results");
    w.BeginArray();
    for (size_t i = begin; i < end; ++i) w.Raw(*items[i]);
    w.EndArray();
    w.EndObject();
    return {200, out};
  };

  std::string m1 = req.matches.size() > 1 ? std::string(req.matches[1]) : "";
  std::string m2 = req.matches.size() > 2 ? std::string(req.matches[2]) : "";
  std::string m3 = req.matches.size() > 3 ? std::string(req.matches[3]) : "";
  const OrgData* org = nullptr;
  if (endpoint != "auth" && endpoint != "access_tokens") {
    org = FindOrg(m1);
    if (org == nullptr) {
      reply_json(404, ErrorFor(endpoint, 404));
      finish(true);
      return;
    }
  }
  auto pointers = [](const std::vector<std::string>& v) {
    std::vector<const std::string*> out;
    out.reserve(v.size());
    for (const std::string& s : v) out.push_back(&s);
    return out;
  };

  Reply reply;
  if (endpoint == "auth") {
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    std::string_view identifier, secret;
    bool ok = parser.parse(req.body).get(doc) == simdjson::SUCCESS &&
              doc["identifier"].get(identifier) == simdjson::SUCCESS &&
              doc["secret"].get(secret) == simdjson::SUCCESS;
    std::optional<Account> account;
    if (ok) {
      std::lock_guard<std::mutex> lock(mu_);
      auto it = accounts_.find(std::string(identifier));
      if (it != accounts_.end()) account = it->second;
    }
    ++logins_;
    if (!account || account->secret != secret) {
      reply = {401, ErrorFor(endpoint, 401)};
    } else {
      std::string payload;
      {
        std::lock_guard<std::mutex> lock(mu_);
        ++jwt_counter_;
        JsonWriter w(&payload, 0);
        w.BeginObject();
        w.Key("exp");
        w.Int(absl::ToUnixSeconds(now + options_.jwt_lifetime));
        w.Key("iat");
        w.Int(absl::ToUnixSeconds(now));
        w.Field("iss", "https://api.docker.com/");
        w.Field("aud", "https://hub.docker.com");
        w.Field("username", identifier);
        w.Key("jti");
        w.Int(static_cast<int64_t>(jwt_counter_));
        w.EndObject();
      }
      std::string jwt = Cat(Base64Url(R"({"alg":"HS256","typ":"JWT"})"), ".",
                            Base64Url(payload), ".",
                            Base64Url(TrimmedId(Cat(payload, secret))));
      {
        std::lock_guard<std::mutex> lock(mu_);
        sessions_[jwt] = Session{std::string(identifier), account->kind,
                                 now + options_.jwt_lifetime};
      }
      std::string out;
      JsonWriter w(&out, 0);
      w.BeginObject();
      w.Field("access_token", jwt);
      w.EndObject();
      reply = {200, out};
    }
  } else if (endpoint == "members") {
    std::string role = req.get_param_value("role");
    AsciiLowerInPlace(&role);
    std::vector<const std::string*> items;
    for (size_t i = 0; i < org->member_json.size(); ++i) {
      if (role.empty()) {
        items.push_back(&org->member_json[i]);
      } else if (org->member_role[i] == role) {
        items.push_back(&org->member_json_exact[i]);
      }
    }
    reply = paged(items, "count", false);
  } else if (endpoint == "invites") {
    std::string out = R"({"data":[)";
    for (size_t i = 0; i < org->invite_json.size(); ++i) {
      Append(&out, i ? "," : "", org->invite_json[i]);
    }
    out += "]}";
    reply = {200, out};
  } else if (endpoint == "groups") {
    reply = paged(pointers(org->group_json), "count", false);
  } else if (endpoint == "group_members") {
    auto it = org->group_member_json.find(m2);
    reply = it == org->group_member_json.end()
                ? Reply{404, ErrorFor(endpoint, 404)}
                : paged(pointers(it->second), "count", false);
  } else if (endpoint == "repositories") {
    reply = paged(pointers(org->repo_json), "count", false);
  } else if (endpoint == "repository") {
    auto it = org->repo_info_json.find(Cat(m1, "/", m2));
    reply = it == org->repo_info_json.end()
                ? Reply{404, ErrorFor(endpoint, 404)}
                : Reply{200, it->second};
  } else if (endpoint == "repository_groups") {
    auto it = org->repo_groups_json.find(Cat(m1, "/", m2));
    if (!options_.repository_groups_list || it == org->repo_groups_json.end()) {
      reply = {404, ErrorFor(endpoint, 404)};
    } else {
      reply = paged(pointers(it->second), "count", false);
    }
  } else if (endpoint == "repository_group") {
    std::string repo = Cat(m1, "/", m2);
    int64_t id = std::stoll(m3);
    auto it = org->repo_group_json.find(repo);
    const std::string* body = nullptr;
    if (it != org->repo_group_json.end()) {
      auto jt = it->second.find(id);
      if (jt != it->second.end()) body = &jt->second;
    }
    reply = body == nullptr || !org->repo_info_json.contains(repo)
                ? Reply{404, ErrorFor(endpoint, 404)}
                : Reply{200, *body};
  } else if (endpoint == "org_access_tokens") {
    reply = paged(pointers(org->oat_json), "total", false);
  } else if (endpoint == "org_access_token") {
    auto it = org->oat_detail_json.find(m2);
    reply = it == org->oat_detail_json.end()
                ? Reply{404, ErrorFor(endpoint, 404)}
                : Reply{200, it->second};
  } else if (endpoint == "access_tokens") {
    if (session.kind != AccountKind::kPassword) {
      reply = {403, ErrorFor(endpoint, 403,
                             session.kind == AccountKind::kPersonalAccessToken
                                 ? "token issued from personal access token "
                                   "is not allowed"
                                 : "token issued from organization access "
                                   "token is not allowed")};
    } else {
      std::vector<const std::string*> mine;
      for (const auto& [name, data] : orgs_) {
        for (const auto& [owner, json] : data->pat_json) {
          if (owner == session.identifier) mine.push_back(&json);
        }
      }
      reply = paged(mine, "count", true);
    }
  } else if (endpoint == "settings") {
    reply = {200, org->settings_json};
  } else if (endpoint == "registry_access_management") {
    reply = {200, org->ram_json};
  } else if (endpoint == "auditlogs") {
    std::optional<absl::Time> from;
    if (req.has_param("from")) {
      absl::StatusOr<absl::Time> t = ParseRfc3339(req.get_param_value("from"));
      if (!t.ok()) {
        reply_json(400, ErrorFor(endpoint, 400, "invalid from"));
        finish(true);
        return;
      }
      from = *t;
    }
    std::vector<const std::string*> items;
    for (const auto& [when, json] : org->audit_json) {
      if (!from || when >= *from) items.push_back(&json);
    }
    size_t begin = static_cast<size_t>(page - 1) * page_size;
    std::string out = R"({"logs":[)";
    for (size_t i = begin; i < std::min(items.size(), begin + page_size); ++i) {
      Append(&out, i > begin ? "," : "", *items[i]);
    }
    out += "]}";
    reply = {200, out};
  }

  // Faults that spoil a built answer.
  if (fault && reply.status == 200) {
    switch (fault->fault) {
      case Fault::kTruncatedJson:
        reply.body.resize(reply.body.size() / 2);
        break;
      case Fault::kInvalidJson:
        reply.body = "<html><body>upstream error</body></html>";
        break;
      case Fault::kWrongShape:
        reply.body =
            reply.body.find("\"results\"") != std::string::npos
                ? R"({"count":1,"next":null,"previous":null,"results":{"unexpected":"object"}})"
                : R"(["unexpected", "array"])";
        break;
      case Fault::kInvalidUtf8:
        for (const char* key :
             {"\"full_name\":\"", "\"description\":\"", "\"label\":\""}) {
          size_t at = reply.body.find(key);
          if (at != std::string::npos) {
            reply.body.insert(at + std::strlen(key), "\xff");
            break;
          }
        }
        break;
      case Fault::kResetMidBody: {
        auto body = std::make_shared<std::string>(reply.body);
        res.status = 200;
        res.set_content_provider(
            body->size(), "application/json",
            [body](size_t offset, size_t, httplib::DataSink& sink) {
              if (offset == 0) sink.write(body->data(), body->size() / 2);
              return offset == 0 ? true : false;
            });
        finish(true);
        return;
      }
      case Fault::kOversize: {
        size_t total = fault->oversize_bytes;
        res.status = 200;
        res.set_chunked_content_provider(
            "application/json",
            [total](size_t offset, httplib::DataSink& sink) {
              static const std::string kSpaces(64 << 10, ' ');
              if (offset >= total) {
                sink.write("{}", 2);
                sink.done();
                return true;
              }
              size_t n = std::min(kSpaces.size(), total - offset);
              return sink.write(kSpaces.data(), n);
            });
        finish(true);
        return;
      }
      default:
        break;
    }
  }
  reply_json(reply.status, std::move(reply.body));
  finish(true);
}

}  // namespace hublint::fake_hub
