#include "lint/hub/api_decode.h"

#include <cmath>

#include "lint/json/json_syntax.h"
#include "lint/util/status_macros.h"
#include "lint/util/strings.h"
#include "lint/util/time_format.h"
#include "lint/util/utf8.h"
#include "simdjson.h"

namespace hublint::hub {
namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

std::string_view TypeName(element e) {
  switch (e.type()) {
    case element_type::ARRAY:
      return "an array";
    case element_type::OBJECT:
      return "an object";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
      return "a number";
    case element_type::STRING:
      return "a string";
    case element_type::BOOL:
      return "a boolean";
    case element_type::NULL_VALUE:
      return "null";
  }
  return "a value";
}

std::string Path(std::string_view parent, std::string_view key) {
  return parent.empty() ? std::string(key) : Cat(parent, ".", key);
}

std::string Index(std::string_view parent, size_t i) {
  return Cat(parent, "[", i, "]");
}

// Reads fields, keeping the first error; every accessor returns a neutral
// value once an error is recorded, so decoders read straight through and
// check ok() once per item.
class Reader {
 public:
  bool ok() const { return status_.ok(); }
  const absl::Status& status() const { return status_; }

  void Fail(std::string_view path, std::string_view expected, element e) {
    if (!status_.ok()) return;
    status_ = absl::InvalidArgumentError(
        Cat("field `", path, "`: expected ", expected, ", got ", TypeName(e)));
  }
  void Missing(std::string_view path) {
    if (!status_.ok()) return;
    status_ = absl::InvalidArgumentError(Cat("field `", path, "` is missing"));
  }
  void Invalid(std::string_view path, std::string_view why) {
    if (!status_.ok()) return;
    status_ = absl::InvalidArgumentError(Cat("field `", path, "`: ", why));
  }

  // The member `key` of `o`, if present.
  static std::optional<element> Get(object o, std::string_view key) {
    element e;
    if (o[key].get(e) != simdjson::SUCCESS) return std::nullopt;
    return e;
  }

  object Object(element e, std::string_view path) {
    object o;
    if (e.get(o) != simdjson::SUCCESS) Fail(path, "an object", e);
    return o;
  }
  std::optional<object> ObjectField(object o, std::string_view parent,
                                    std::string_view key, bool required) {
    std::optional<element> e = Get(o, key);
    if (!e || e->is_null()) {
      if (required) Missing(Path(parent, key));
      return std::nullopt;
    }
    object out;
    if (e->get(out) != simdjson::SUCCESS) {
      Fail(Path(parent, key), "an object", *e);
      return std::nullopt;
    }
    return out;
  }
  std::optional<array> ArrayField(object o, std::string_view parent,
                                  std::string_view key, bool required) {
    std::optional<element> e = Get(o, key);
    if (!e || e->is_null()) {
      if (required) Missing(Path(parent, key));
      return std::nullopt;
    }
    array out;
    if (e->get(out) != simdjson::SUCCESS) {
      Fail(Path(parent, key), "an array", *e);
      return std::nullopt;
    }
    return out;
  }

  std::optional<std::string> OptString(object o, std::string_view parent,
                                       std::string_view key) {
    std::optional<element> e = Get(o, key);
    if (!e || e->is_null()) return std::nullopt;
    std::string_view s;
    if (e->get(s) != simdjson::SUCCESS) {
      Fail(Path(parent, key), "a string", *e);
      return std::nullopt;
    }
    return std::string(s);
  }
  std::string String(object o, std::string_view parent, std::string_view key) {
    std::optional<element> e = Get(o, key);
    if (!e) {
      Missing(Path(parent, key));
      return {};
    }
    std::string_view s;
    if (e->get(s) != simdjson::SUCCESS) {
      Fail(Path(parent, key), "a string", *e);
      return {};
    }
    return std::string(s);
  }
  // A required, non-empty string.
  std::string Name(object o, std::string_view parent, std::string_view key) {
    std::string s = String(o, parent, key);
    if (ok() && s.empty()) Invalid(Path(parent, key), "is empty");
    return s;
  }
  std::optional<bool> OptBool(object o, std::string_view parent,
                              std::string_view key) {
    std::optional<element> e = Get(o, key);
    if (!e || e->is_null()) return std::nullopt;
    bool b = false;
    if (e->get(b) != simdjson::SUCCESS) {
      Fail(Path(parent, key), "a boolean", *e);
      return std::nullopt;
    }
    return b;
  }
  std::optional<int64_t> OptInt(element e, std::string_view path) {
    if (e.is_null()) return std::nullopt;
    if (e.is_int64()) return e.get_int64().value();
    if (e.is_uint64()) {
      Invalid(path, "number out of range");
      return std::nullopt;
    }
    if (e.is_double()) {
      double d = e.get_double().value();
      if (std::trunc(d) == d && std::fabs(d) < 9e15) {
        return static_cast<int64_t>(d);
      }
      Invalid(path, "expected a whole number");
      return std::nullopt;
    }
    Fail(path, "a number", e);
    return std::nullopt;
  }
  std::optional<int64_t> OptIntField(object o, std::string_view parent,
                                     std::string_view key) {
    std::optional<element> e = Get(o, key);
    if (!e) return std::nullopt;
    return OptInt(*e, Path(parent, key));
  }
  int64_t Int(object o, std::string_view parent, std::string_view key) {
    std::optional<element> e = Get(o, key);
    if (!e) {
      Missing(Path(parent, key));
      return 0;
    }
    std::optional<int64_t> v = OptInt(*e, Path(parent, key));
    if (!v && ok()) Fail(Path(parent, key), "a number", *e);
    return v.value_or(0);
  }
  // A timestamp, or nullopt when absent or null.
  std::optional<absl::Time> OptTime(object o, std::string_view parent,
                                    std::string_view key) {
    std::optional<std::string> s = OptString(o, parent, key);
    if (!s || s->empty()) return std::nullopt;
    absl::StatusOr<absl::Time> t = ParseRfc3339(*s);
    if (!t.ok()) {
      Invalid(Path(parent, key),
              Cat("`", *s, "` is not an RFC 3339 timestamp (",
                  ToStd(t.status().message()), ")"));
      return std::nullopt;
    }
    return *t;
  }
  // absent: unknown; null: never; a timestamp: at.
  Moment NullMeansNever(object o, std::string_view parent,
                        std::string_view key) {
    std::optional<element> e = Get(o, key);
    if (!e) return Moment::Unknown();
    if (e->is_null()) return Moment::Never();
    std::optional<absl::Time> t = OptTime(o, parent, key);
    return t ? Moment::At(*t) : Moment::Unknown();
  }
  std::vector<std::string> StringArray(object o, std::string_view parent,
                                       std::string_view key) {
    std::vector<std::string> out;
    std::optional<array> a = ArrayField(o, parent, key, false);
    if (!a) return out;
    size_t i = 0;
    for (element e : *a) {
      std::string_view s;
      if (e.get(s) != simdjson::SUCCESS) {
        Fail(Index(Path(parent, key), i), "a string", e);
        return out;
      }
      out.emplace_back(s);
      ++i;
    }
    return out;
  }

 private:
  absl::Status status_;
};

// The parsed document of one answer. Invalid UTF-8 is repaired first.
class Document {
 public:
  absl::Status Parse(std::string_view body, DecodeNotes* notes) {
    if (!IsValidUtf8(body)) {
      bool replaced = false;
      text_ = SanitizeUtf8(body, &replaced);
      if (notes != nullptr) notes->repaired_utf8 = replaced;
    } else {
      text_.assign(body);
    }
    if (parser_.parse(text_).get(root_) == simdjson::SUCCESS) {
      return absl::OkStatus();
    }
    if (text_.find_first_not_of(" \t\r\n") == std::string::npos) {
      return absl::InvalidArgumentError("invalid JSON: the body is empty");
    }
    if (std::optional<JsonSyntaxError> e = FindJsonSyntaxError(text_)) {
      return absl::InvalidArgumentError(
          Cat("invalid JSON at byte ", e->offset, ": ", e->message));
    }
    return absl::InvalidArgumentError("invalid JSON");
  }
  element root() const { return root_; }

 private:
  std::string text_;
  simdjson::dom::parser parser_;
  element root_;
};

// Reads a paged envelope and hands each element of `results` to `item`.
// `bare_array_ok`: the body may also be a plain array (no paging).
template <typename T, typename ItemFn>
absl::StatusOr<Page<T>> DecodePage(std::string_view body, DecodeNotes* notes,
                                   std::string_view count_field,
                                   bool bare_array_ok, ItemFn item) {
  Document doc;
  RETURN_IF_ERROR(doc.Parse(body, notes));
  Reader r;
  Page<T> page;
  array results;
  if (bare_array_ok && doc.root().is_array()) {
    results = doc.root().get_array().value();
    page.envelope.count = static_cast<int64_t>(results.size());
  } else {
    object root = r.Object(doc.root(), "(top level)");
    if (!r.ok()) return r.status();
    page.envelope.count = r.OptIntField(root, "", count_field);
    page.envelope.next = r.OptString(root, "", "next");
    if (page.envelope.next && page.envelope.next->empty()) {
      page.envelope.next.reset();
    }
    std::optional<array> a = r.ArrayField(root, "", "results", true);
    if (!r.ok()) return r.status();
    results = *a;
  }
  size_t i = 0;
  for (element e : results) {
    std::string path = Index("results", i);
    object o = r.Object(e, path);
    if (!r.ok()) return r.status();
    page.items.push_back(item(r, o, path));
    if (!r.ok()) return r.status();
    ++i;
  }
  page.envelope.result_count = i;
  return page;
}

Member ReadMember(Reader& r, object o, const std::string& path) {
  Member m;
  m.username = r.Name(o, path, "username");
  m.email = r.OptString(o, path, "email");
  if (m.email && m.email->empty()) m.email.reset();
  m.full_name = r.OptString(o, path, "full_name");
  std::optional<std::string> role = r.OptString(o, path, "role");
  if (r.ok() && (!role || role->empty())) r.Missing(Path(path, "role"));
  m.role = role.value_or("");
  AsciiLowerInPlace(&m.role);
  m.is_guest = r.OptBool(o, path, "is_guest");
  m.teams = r.StringArray(o, path, "groups");
  m.date_joined = r.OptTime(o, path, "date_joined");
  std::optional<absl::Time> last = r.OptTime(o, path, "last_logged_in_at");
  m.last_logged_in_at = last ? Moment::At(*last) : Moment::Unknown();
  // The API has no two-factor field: it stays unknown.
  return m;
}

Permission ReadPermission(Reader& r, object o, const std::string& path) {
  std::string text = r.String(o, path, "permission");
  if (!r.ok()) return Permission::kRead;
  std::string lower = text;
  AsciiLowerInPlace(&lower);
  std::optional<Permission> p = ParsePermission(lower);
  if (!p || *p == Permission::kNone) {
    r.Invalid(Path(path, "permission"),
              Cat("`", text, "` is not read, write or admin"));
    return Permission::kRead;
  }
  return *p;
}

ApiRepositoryGroup ReadRepositoryGroup(Reader& r, object o,
                                       const std::string& path) {
  ApiRepositoryGroup g;
  g.group_id = r.Int(o, path, "group_id");
  g.group_name = r.OptString(o, path, "group_name").value_or("");
  g.permission = ReadPermission(r, o, path);
  return g;
}

AccessToken ReadOrgToken(Reader& r, object o, const std::string& path) {
  AccessToken t;
  t.kind = TokenKind::kOrganization;
  t.id = r.Name(o, path, "id");
  t.label = r.OptString(o, path, "label").value_or("");
  t.owner = r.OptString(o, path, "created_by");
  if (t.owner && t.owner->empty()) t.owner.reset();
  t.is_active = r.OptBool(o, path, "is_active");
  t.created_at = r.OptTime(o, path, "created_at");
  t.expires_at = r.NullMeansNever(o, path, "expires_at");
  t.last_used_at = r.NullMeansNever(o, path, "last_used_at");
  return t;
}

AccessToken ReadPersonalToken(Reader& r, object o, const std::string& path) {
  AccessToken t;
  t.kind = TokenKind::kPersonal;
  t.id = r.Name(o, path, "uuid");
  t.label = r.OptString(o, path, "token_label").value_or("");
  t.scopes = r.StringArray(o, path, "scopes");
  t.is_active = r.OptBool(o, path, "is_active");
  t.created_at = r.OptTime(o, path, "created_at");
  t.last_used_at = r.NullMeansNever(o, path, "last_used");
  // Absent or null: the token never expires (the field was added to the
  // API in 2025; before that no personal token expired).
  t.expires_at = r.NullMeansNever(o, path, "expires_at");
  if (t.expires_at.state() == Moment::State::kUnknown && r.ok()) {
    t.expires_at = Moment::Never();
  }
  return t;
}

template <typename Fn>
auto DecodeObject(std::string_view body, DecodeNotes* notes, Fn fn)
    -> absl::StatusOr<decltype(fn(std::declval<Reader&>(), object()))> {
  Document doc;
  RETURN_IF_ERROR(doc.Parse(body, notes));
  Reader r;
  object root = r.Object(doc.root(), "(top level)");
  if (!r.ok()) return r.status();
  auto value = fn(r, root);
  if (!r.ok()) return r.status();
  return value;
}

}  // namespace

absl::StatusOr<std::string> DecodeAuthToken(std::string_view body,
                                            DecodeNotes* notes) {
  return DecodeObject(body, notes, [](Reader& r, object o) {
    std::string token = r.Name(o, "", "access_token");
    return token;
  });
}

absl::StatusOr<Page<Member>> DecodeMembersPage(std::string_view body,
                                               DecodeNotes* notes) {
  return DecodePage<Member>(body, notes, "count", false, ReadMember);
}

absl::StatusOr<std::vector<Invite>> DecodeInvites(std::string_view body,
                                                  DecodeNotes* notes) {
  return DecodeObject(body, notes, [](Reader& r, object o) {
    std::vector<Invite> out;
    std::optional<array> data = r.ArrayField(o, "", "data", true);
    if (!r.ok()) return out;
    size_t i = 0;
    for (element e : *data) {
      std::string path = Index("data", i++);
      object io = r.Object(e, path);
      if (!r.ok()) return out;
      Invite inv;
      inv.id = r.OptString(io, path, "id");
      inv.invitee = r.Name(io, path, "invitee");
      inv.inviter = r.OptString(io, path, "inviter_username");
      inv.team = r.OptString(io, path, "team");
      if (inv.team && inv.team->empty()) inv.team.reset();
      inv.role = r.OptString(io, path, "role").value_or("member");
      if (inv.role.empty()) inv.role = "member";
      AsciiLowerInPlace(&inv.role);
      inv.created_at = r.OptTime(io, path, "created_at");
      if (!r.ok()) return out;
      out.push_back(std::move(inv));
    }
    return out;
  });
}

absl::StatusOr<Page<ApiGroup>> DecodeGroupsPage(std::string_view body,
                                                DecodeNotes* notes) {
  return DecodePage<ApiGroup>(body, notes, "count", false,
                              [](Reader& r, object o, const std::string& path) {
                                ApiGroup g;
                                g.id = r.Int(o, path, "id");
                                g.name = r.Name(o, path, "name");
                                g.description =
                                    r.OptString(o, path, "description");
                                return g;
                              });
}

absl::StatusOr<Page<std::string>> DecodeGroupMembersPage(std::string_view body,
                                                         DecodeNotes* notes) {
  return DecodePage<std::string>(
      body, notes, "count", false,
      [](Reader& r, object o, const std::string& path) {
        return r.Name(o, path, "username");
      });
}

absl::StatusOr<Page<Repository>> DecodeRepositoriesPage(std::string_view body,
                                                        DecodeNotes* notes) {
  return DecodePage<Repository>(
      body, notes, "count", false,
      [](Reader& r, object o, const std::string& path) {
        Repository repo;
        std::string name = r.Name(o, path, "name");
        std::string ns = r.Name(o, path, "namespace");
        repo.name = Cat(ns, "/", name);
        repo.is_private = r.OptBool(o, path, "is_private");
        repo.description = r.OptString(o, path, "description");
        repo.last_updated = r.OptTime(o, path, "last_updated");
        return repo;
      });
}

absl::StatusOr<ApiRepositoryDetails> DecodeRepositoryDetails(
    std::string_view body, DecodeNotes* notes) {
  return DecodeObject(body, notes, [](Reader& r, object o) {
    ApiRepositoryDetails d;
    d.is_private = r.OptBool(o, "", "is_private");
    if (std::optional<object> s =
            r.ObjectField(o, "", "immutable_tags_settings", false)) {
      d.immutable_tags = r.OptBool(*s, "immutable_tags_settings", "enabled");
    }
    return d;
  });
}

absl::StatusOr<Page<ApiRepositoryGroup>> DecodeRepositoryGroupsPage(
    std::string_view body, DecodeNotes* notes) {
  return DecodePage<ApiRepositoryGroup>(body, notes, "count", true,
                                        ReadRepositoryGroup);
}

absl::StatusOr<ApiRepositoryGroup> DecodeRepositoryGroup(std::string_view body,
                                                         DecodeNotes* notes) {
  return DecodeObject(body, notes, [](Reader& r, object o) {
    return ReadRepositoryGroup(r, o, "");
  });
}

absl::StatusOr<Page<AccessToken>> DecodeOrgTokensPage(std::string_view body,
                                                      DecodeNotes* notes) {
  return DecodePage<AccessToken>(body, notes, "total", false, ReadOrgToken);
}

absl::StatusOr<AccessToken> DecodeOrgToken(std::string_view body,
                                           DecodeNotes* notes) {
  return DecodeObject(body, notes, [](Reader& r, object o) {
    AccessToken t = ReadOrgToken(r, o, "");
    std::optional<array> resources = r.ArrayField(o, "", "resources", false);
    if (!resources || !r.ok()) return t;
    size_t i = 0;
    for (element e : *resources) {
      std::string path = Index("resources", i++);
      object ro = r.Object(e, path);
      if (!r.ok()) return t;
      TokenResource res;
      res.type = r.Name(ro, path, "type");
      res.path = r.String(ro, path, "path");
      res.scopes = r.StringArray(ro, path, "scopes");
      if (!r.ok()) return t;
      t.resources.push_back(std::move(res));
    }
    return t;
  });
}

absl::StatusOr<Page<AccessToken>> DecodePersonalTokensPage(
    std::string_view body, DecodeNotes* notes) {
  return DecodePage<AccessToken>(body, notes, "count", false,
                                 ReadPersonalToken);
}

absl::StatusOr<ImageAccessManagement> DecodeOrgSettings(std::string_view body,
                                                        DecodeNotes* notes) {
  return DecodeObject(body, notes, [](Reader& r, object o) {
    ImageAccessManagement iam;
    std::optional<object> ri = r.ObjectField(o, "", "restricted_images", true);
    if (!ri) return iam;
    iam.enabled = r.OptBool(*ri, "restricted_images", "enabled");
    iam.allow_official_images =
        r.OptBool(*ri, "restricted_images", "allow_official_images");
    iam.allow_verified_publishers =
        r.OptBool(*ri, "restricted_images", "allow_verified_publishers");
    return iam;
  });
}

absl::StatusOr<RegistryAccessManagement> DecodeRegistryAccess(
    std::string_view body, DecodeNotes* notes) {
  return DecodeObject(body, notes, [](Reader& r, object o) {
    RegistryAccessManagement ram;
    ram.enabled = r.OptBool(o, "", "enabled");
    if (std::optional<array> standard =
            r.ArrayField(o, "", "standard_registries", false)) {
      size_t i = 0;
      for (element e : *standard) {
        std::string path = Index("standard_registries", i++);
        object so = r.Object(e, path);
        if (!r.ok()) return ram;
        std::optional<std::string> id = r.OptString(so, path, "id");
        std::optional<bool> allowed = r.OptBool(so, path, "allowed");
        if (id && *id == "DockerHub") ram.docker_hub_allowed = allowed;
      }
    }
    if (std::optional<array> custom =
            r.ArrayField(o, "", "custom_registries", false)) {
      size_t i = 0;
      for (element e : *custom) {
        std::string path = Index("custom_registries", i++);
        object co = r.Object(e, path);
        if (!r.ok()) return ram;
        CustomRegistry reg;
        reg.address = r.Name(co, path, "address");
        reg.friendly_name = r.OptString(co, path, "friendly_name");
        reg.allowed = r.OptBool(co, path, "allowed").value_or(false);
        if (!r.ok()) return ram;
        ram.custom_registries.push_back(std::move(reg));
      }
    }
    return ram;
  });
}

absl::StatusOr<std::vector<AuditEvent>> DecodeAuditLogs(std::string_view body,
                                                        DecodeNotes* notes) {
  return DecodeObject(body, notes, [](Reader& r, object o) {
    std::vector<AuditEvent> out;
    std::optional<array> logs = r.ArrayField(o, "", "logs", false);
    if (!logs || !r.ok()) return out;
    size_t i = 0;
    for (element e : *logs) {
      std::string path = Index("logs", i++);
      object lo = r.Object(e, path);
      if (!r.ok()) return out;
      AuditEvent ev;
      ev.action = r.Name(lo, path, "action");
      ev.actor = r.OptString(lo, path, "actor");
      ev.name = r.OptString(lo, path, "name");
      ev.timestamp = r.OptTime(lo, path, "timestamp");
      if (std::optional<object> data = r.ObjectField(lo, path, "data", false)) {
        for (auto [key, value] : *data) {
          std::string_view s;
          if (value.get(s) != simdjson::SUCCESS) {
            r.Fail(Path(Path(path, "data"), key), "a string", value);
            return out;
          }
          ev.data.emplace_back(std::string(key), std::string(s));
        }
      }
      if (!r.ok()) return out;
      out.push_back(std::move(ev));
    }
    return out;
  });
}

std::string ErrorMessageOf(std::string_view body) {
  Document doc;
  if (!doc.Parse(body, nullptr).ok()) return "";
  object o;
  if (doc.root().get(o) != simdjson::SUCCESS) return "";
  for (const char* key : {"message", "detail", "text"}) {
    std::string_view s;
    if (o[key].get(s) == simdjson::SUCCESS && !s.empty()) {
      std::string out(s);
      if (out.size() > 300) out = Cat(out.substr(0, 300), "...");
      return out;
    }
  }
  return "";
}

}  // namespace hublint::hub
