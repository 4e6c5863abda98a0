#include "lint/config/config_file.h"

#include <toml++/toml.h>

#include <algorithm>
#include <map>

#include "lint/config/glob.h"
#include "lint/report/format.h"
#include "lint/toml/toml_position.h"
#include "lint/util/files.h"
#include "lint/util/spelling.h"
#include "lint/util/strings.h"
#include "lint/util/time_format.h"

namespace hublint {
namespace {

const std::vector<std::string> kTopLevelKeys = {
    "org",     "api_url",        "packs",       "rule_paths", "output",
    "fail_on", "fail_on_review", "fail_on_new", "baseline",   "sso_enforced",
    "rules",   "integration",    "mfa_source",  "waiver"};
const std::vector<std::string> kOutputKeys = {"format", "path"};
const std::vector<std::string> kRuleKeys = {"enabled", "level", "params"};
const std::vector<std::string> kIntegrationKeys = {"name", "kind", "username",
                                                   "token_label", "token_id"};
const std::vector<std::string> kMfaSourceKeys = {
    "path",           "preset",          "email_column", "mfa_column",
    "enabled_values", "disabled_values", "other_values"};
const std::vector<std::string> kWaiverKeys = {
    "rule", "resource", "justification", "expires", "owner"};
// Words other tools use for a waiver's keys.
const std::map<std::string, std::string> kWaiverSynonyms = {
    {"reason", "justification"}, {"comment", "justification"},
    {"until", "expires"},        {"expiry", "expires"},
    {"expires_on", "expires"},   {"id", "rule"},
    {"rule_id", "rule"},         {"check", "rule"}};
const std::vector<std::string> kResourceKinds = {
    "org", "member", "team", "repository", "token", "invite", "integration"};

std::string Quoted(const std::vector<std::string>& names) {
  std::vector<std::string> quoted;
  for (const std::string& n : names) quoted.push_back(Cat("\"", n, "\""));
  std::string out;
  for (size_t i = 0; i < quoted.size(); ++i) {
    if (i > 0) out += i + 1 == quoted.size() ? " or " : ", ";
    out += quoted[i];
  }
  return out;
}

class ConfigParser {
 public:
  ConfigParser(std::string text, const std::string& path)
      : source_(std::make_shared<SourceText>(path, std::move(text))),
        folder_(std::filesystem::path(path).parent_path()) {}

  absl::StatusOr<Config> Parse();

 private:
  size_t OffsetOf(const toml::source_position& pos) const {
    return TomlOffset(*source_, pos);
  }
  size_t OffsetOf(const toml::node& node) const {
    return TomlOffset(*source_, node);
  }
  Provenance At(size_t offset) const {
    return Provenance::File(*source_, offset);
  }
  Provenance At(const toml::node& node) const { return At(OffsetOf(node)); }
  void Error(size_t offset, std::string_view message) {
    errors_.emplace(offset, source_->Diagnostic(offset, message));
  }
  void Error(const toml::node& node, std::string_view message) {
    Error(OffsetOf(node), message);
  }

  // A path from the file, resolved against the file's folder.
  std::string Resolve(const std::string& path) const;

  // Reports keys of `table` not in `allowed` (`where` is " in [[waiver]]"
  // and the like; `synonyms` maps other tools' words to ours).
  void CheckKeys(const toml::table& table,
                 const std::vector<std::string>& allowed,
                 std::string_view where,
                 const std::map<std::string, std::string>& synonyms = {});
  // Typed getters: nullptr / false when absent or mistyped (reported).
  const toml::value<std::string>* GetString(const toml::table& table,
                                            std::string_view key);
  bool GetStringList(const toml::node& node, std::string_view key,
                     std::vector<std::string>* out);
  const toml::table* RequireTableStart(const toml::node& node,
                                       std::string_view key);
  // The array of tables under `key` (reported when not one).
  const toml::array* GetArrayOfTables(const toml::table& root,
                                      std::string_view key);
  void Missing(const toml::table& table, std::string_view key,
               std::string_view where, std::string_view hint = "");

  void ParseScalars(const toml::table& root);
  void ParseOutputs(const toml::table& root);
  void ParseRules(const toml::table& root);
  std::optional<ParamValue> ParseParamValue(const toml::node& node,
                                            std::string_view name);
  void ParseIntegrations(const toml::table& root);
  void ParseMfaSources(const toml::table& root);
  void ParseWaivers(const toml::table& root);
  std::optional<absl::CivilDay> ParseExpiry(const toml::node& node);
  void CheckWaiverResource(const toml::node& node, const std::string& resource);

  std::shared_ptr<SourceText> source_;
  std::filesystem::path folder_;
  Config config_;
  // Diagnostics by offset; equal offsets keep the order they were found in.
  std::multimap<size_t, std::string> errors_;
};

std::string ConfigParser::Resolve(const std::string& path) const {
  std::filesystem::path p(path);
  if (p.is_absolute() || folder_.empty()) return p.lexically_normal().string();
  return (folder_ / p).lexically_normal().string();
}

void ConfigParser::CheckKeys(
    const toml::table& table, const std::vector<std::string>& allowed,
    std::string_view where,
    const std::map<std::string, std::string>& synonyms) {
  for (auto&& [key, value] : table) {
    std::string k(key.str());
    if (std::find(allowed.begin(), allowed.end(), k) != allowed.end()) continue;
    std::string suggestion = DidYouMean(k, allowed);
    if (auto it = synonyms.find(k);
        suggestion.empty() && it != synonyms.end()) {
      suggestion = Cat("; did you mean `", it->second, "`?");
    }
    Error(OffsetOf(key.source().begin),
          Cat("unknown key `", k, "`", where, suggestion));
  }
}

const toml::value<std::string>* ConfigParser::GetString(
    const toml::table& table, std::string_view key) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return nullptr;
  const toml::value<std::string>* value = node->as_string();
  if (value == nullptr) Error(*node, Cat("`", key, "` must be a string"));
  return value;
}

bool ConfigParser::GetStringList(const toml::node& node, std::string_view key,
                                 std::vector<std::string>* out) {
  const toml::array* array = node.as_array();
  bool ok = array != nullptr;
  if (ok) {
    for (const toml::node& element : *array) {
      if (const auto* s = element.as_string()) {
        out->push_back(s->get());
      } else {
        ok = false;
        break;
      }
    }
  }
  if (!ok) Error(node, Cat("`", key, "` must be an array of strings"));
  return ok;
}

const toml::array* ConfigParser::GetArrayOfTables(const toml::table& root,
                                                  std::string_view key) {
  const toml::node* node = root.get(key);
  if (node == nullptr) return nullptr;
  const toml::array* array = node->as_array();
  if (array == nullptr || !array->is_array_of_tables()) {
    Error(*node,
          Cat("`", key, "` must be an array of tables: write [[", key, "]]"));
    return nullptr;
  }
  return array;
}

void ConfigParser::Missing(const toml::table& table, std::string_view key,
                           std::string_view where, std::string_view hint) {
  Error(OffsetOf(table.source().begin),
        Cat("missing required key `", key, "`", where, hint));
}

void ConfigParser::ParseScalars(const toml::table& root) {
  if (const auto* org = GetString(root, "org")) {
    if (org->get().empty()) {
      Error(*org, "`org` must not be empty");
    } else {
      config_.org = {org->get(), At(*org)};
    }
  }
  if (const auto* url = GetString(root, "api_url")) {
    if (!url->get().starts_with("https://") &&
        !url->get().starts_with("http://")) {
      Error(*url, Cat("`api_url` must be an http(s) URL, like "
                      "\"https://hub.docker.com\"; got \"",
                      url->get(), "\""));
    } else {
      config_.api_url = {url->get(), At(*url)};
    }
  }
  if (const toml::node* packs = root.get("packs")) {
    std::vector<std::string> names;
    if (GetStringList(*packs, "packs", &names)) {
      config_.packs = {std::move(names), At(*packs)};
    }
  }
  if (const toml::node* paths = root.get("rule_paths")) {
    std::vector<std::string> list;
    if (GetStringList(*paths, "rule_paths", &list)) {
      for (std::string& p : list) p = Resolve(p);
      config_.rule_paths = {std::move(list), At(*paths)};
    }
  }
  if (const auto* fail_on = GetString(root, "fail_on")) {
    if (std::optional<FailOn> parsed = ParseFailOn(fail_on->get())) {
      config_.fail_on = {*parsed, At(*fail_on)};
    } else {
      const std::vector<std::string> names = {"error", "warning", "note",
                                              "never"};
      Error(*fail_on, Cat("unknown fail_on \"", fail_on->get(), "\": expected ",
                          Quoted(names), DidYouMean(fail_on->get(), names)));
    }
  }
  for (auto [key, setting] : {std::pair<std::string_view, Setting<bool>*>{
                                  "fail_on_review", &config_.fail_on_review},
                              {"fail_on_new", &config_.fail_on_new}}) {
    const toml::node* node = root.get(key);
    if (node == nullptr) continue;
    if (const auto* b = node->as_boolean()) {
      *setting = {b->get(), At(*node)};
    } else {
      Error(*node, Cat("`", key, "` must be true or false"));
    }
  }
  if (const auto* baseline = GetString(root, "baseline")) {
    config_.baseline = {Resolve(baseline->get()), At(*baseline)};
  }
  if (const toml::node* sso = root.get("sso_enforced")) {
    if (const auto* b = sso->as_boolean()) {
      config_.sso_enforced = {b->get(), At(*sso)};
    } else {
      Error(*sso, "`sso_enforced` must be true or false");
    }
  }
}

void ConfigParser::ParseOutputs(const toml::table& root) {
  const toml::array* outputs = GetArrayOfTables(root, "output");
  if (outputs == nullptr) return;
  std::vector<OutputSpec> specs;
  for (const toml::node& element : *outputs) {
    const toml::table& table = *element.as_table();
    CheckKeys(table, kOutputKeys, " in [[output]]");
    OutputSpec spec;
    if (const auto* format = GetString(table, "format")) {
      absl::StatusOr<Format> parsed = ParseFormat(format->get());
      if (parsed.ok()) {
        spec.format = *parsed;
      } else {
        Error(*format, ToStd(parsed.status().message()));
      }
    } else if (!table.contains("format")) {
      Missing(table, "format", " in [[output]]");
    }
    if (const auto* path = GetString(table, "path")) {
      spec.path = path->get() == "-" ? "-" : Resolve(path->get());
    }
    specs.push_back(std::move(spec));
  }
  if (absl::Status checked = CheckOutputs(specs); !checked.ok()) {
    Error(*root.get("output"), ToStd(checked.message()));
  }
  config_.outputs = {std::move(specs), At(*root.get("output"))};
}

std::optional<ParamValue> ConfigParser::ParseParamValue(const toml::node& node,
                                                        std::string_view name) {
  if (const auto* b = node.as_boolean()) return ParamValue(b->get());
  if (const auto* i = node.as_integer()) return ParamValue(i->get());
  if (const auto* d = node.as_floating_point()) return ParamValue(d->get());
  if (const auto* s = node.as_string()) return ParamValue(s->get());
  std::vector<std::string> list;
  if (node.is_array() && GetStringList(node, Cat("params.", name), &list)) {
    return ParamValue(std::move(list));
  }
  if (!node.is_array()) {
    Error(node, Cat("parameter `", name,
                    "` must be a boolean, integer, float, string or array of "
                    "strings"));
  }
  return std::nullopt;
}

void ConfigParser::ParseRules(const toml::table& root) {
  const toml::node* node = root.get("rules");
  if (node == nullptr) return;
  const toml::table* rules = node->as_table();
  if (rules == nullptr) {
    Error(*node, "`rules` must be a table of [rules.<ID>] tables");
    return;
  }
  for (auto&& [key, value] : *rules) {
    std::string id(key.str());
    const toml::table* table = value.as_table();
    if (table == nullptr) {
      Error(value,
            Cat("`rules.", id, "` must be a table, like [rules.", id, "]"));
      continue;
    }
    RuleSettings settings;
    settings.rule_id = id;
    settings.at = At(OffsetOf(key.source().begin));
    CheckKeys(*table, kRuleKeys, Cat(" in [rules.", id, "]"));
    if (const toml::node* enabled = table->get("enabled")) {
      if (const auto* b = enabled->as_boolean()) {
        settings.enabled = Setting<bool>{b->get(), At(*enabled)};
      } else {
        Error(*enabled, "`enabled` must be true or false");
      }
    }
    if (const auto* level = GetString(*table, "level")) {
      if (std::optional<Level> parsed = ParseLevel(level->get())) {
        settings.level = Setting<Level>{*parsed, At(*level)};
      } else {
        const std::vector<std::string> names = {"error", "warning", "note"};
        Error(*level, Cat("unknown level \"", level->get(), "\": expected ",
                          Quoted(names), DidYouMean(level->get(), names)));
      }
    }
    if (const toml::node* params = table->get("params")) {
      if (const toml::table* overrides = params->as_table()) {
        for (auto&& [name_key, param] : *overrides) {
          std::string name(name_key.str());
          if (std::optional<ParamValue> v = ParseParamValue(param, name)) {
            settings.params.push_back({name, std::move(*v),
                                       At(OffsetOf(name_key.source().begin)),
                                       At(param)});
          }
        }
      } else {
        Error(*params, "`params` must be a table");
      }
    }
    config_.rules.push_back(std::move(settings));
  }
}

void ConfigParser::ParseIntegrations(const toml::table& root) {
  const toml::array* integrations = GetArrayOfTables(root, "integration");
  if (integrations == nullptr) return;
  std::map<std::string, uint32_t> lines;  // name -> first line
  for (const toml::node& element : *integrations) {
    const toml::table& table = *element.as_table();
    CheckKeys(table, kIntegrationKeys, " in [[integration]]");
    DeclaredIntegration declared;
    declared.at = At(OffsetOf(table.source().begin));
    Integration& i = declared.integration;
    const auto* name = GetString(table, "name");
    if (name != nullptr) {
      i.name = name->get();
      auto [it, inserted] = lines.emplace(i.name, declared.at.position.line);
      if (!inserted) {
        Error(*name, Cat("duplicate integration `", i.name, "` (first at line ",
                         it->second, ")"));
      }
    } else if (!table.contains("name")) {
      Missing(table, "name", " in [[integration]]");
    }
    if (const auto* username = GetString(table, "username")) {
      i.username = username->get();
    } else if (!table.contains("username")) {
      Missing(table, "username", " in [[integration]]");
    }
    if (const auto* kind = GetString(table, "kind")) i.kind = kind->get();
    if (const auto* label = GetString(table, "token_label")) {
      i.token_label = label->get();
    }
    if (const auto* id = GetString(table, "token_id")) i.token_id = id->get();
    config_.integrations.push_back(std::move(declared));
  }
}

void ConfigParser::ParseMfaSources(const toml::table& root) {
  const toml::array* sources = GetArrayOfTables(root, "mfa_source");
  if (sources == nullptr) return;
  for (const toml::node& element : *sources) {
    const toml::table& table = *element.as_table();
    CheckKeys(table, kMfaSourceKeys, " in [[mfa_source]]");
    MfaSource source;
    if (const auto* preset = GetString(table, "preset")) {
      if (std::optional<MfaSource> p = MfaPreset(preset->get())) {
        source = *std::move(p);
      } else {
        Error(*preset, Cat("unknown preset \"", preset->get(), "\"",
                           DidYouMean(preset->get(), MfaPresetNames()),
                           " (one of ", Join(MfaPresetNames(), ", "), ")"));
      }
    }
    bool has_preset = table.contains("preset");
    if (!has_preset) {
      source.enabled_values = DefaultMfaEnabledValues();
      source.disabled_values = DefaultMfaDisabledValues();
    }
    source.at = At(OffsetOf(table.source().begin));
    if (const auto* path = GetString(table, "path")) {
      source.path = Resolve(path->get());
    } else if (!table.contains("path")) {
      Missing(table, "path", " in [[mfa_source]]");
    }
    for (auto [key, columns] :
         {std::pair<std::string_view, std::vector<std::string>*>{
              "email_column", &source.email_columns},
          {"mfa_column", &source.mfa_columns}}) {
      const toml::node* node = table.get(key);
      if (node == nullptr) {
        if (!has_preset) {
          Missing(table, key, " in [[mfa_source]]", " (or set `preset`)");
        }
        continue;
      }
      columns->clear();
      if (const auto* s = node->as_string()) {
        columns->push_back(s->get());
      } else if (node->is_array()) {
        GetStringList(*node, key, columns);
      }
      if (columns->empty() || !(node->is_string() || node->is_array())) {
        Error(*node, Cat("`", key,
                         "` must be a column name or a non-empty array of "
                         "names"));
      }
    }
    for (auto [key, values] :
         {std::pair<std::string_view, std::vector<std::string>*>{
              "enabled_values", &source.enabled_values},
          {"disabled_values", &source.disabled_values}}) {
      if (const toml::node* node = table.get(key)) {
        values->clear();
        GetStringList(*node, key, values);
      }
    }
    if (const auto* other = GetString(table, "other_values")) {
      if (std::optional<OtherMfaValues> v = ParseOtherMfaValues(other->get())) {
        source.other_values = *v;
      } else {
        const std::vector<std::string> names = {"error", "enabled", "disabled"};
        Error(*other,
              Cat("unknown other_values \"", other->get(), "\": expected ",
                  Quoted(names), DidYouMean(other->get(), names)));
      }
    }
    config_.mfa_sources.push_back(std::move(source));
  }
}

std::optional<absl::CivilDay> ConfigParser::ParseExpiry(
    const toml::node& node) {
  if (const auto* date = node.as_date()) {
    const toml::date& d = date->get();
    absl::StatusOr<absl::Time> t = ParseDate(
        Cat(d.year < 1000 ? "0" : "", d.year, "-", d.month < 10 ? "0" : "",
            d.month, "-", d.day < 10 ? "0" : "", d.day));
    if (t.ok()) return absl::ToCivilDay(*t, absl::UTCTimeZone());
  } else if (const auto* text = node.as_string()) {
    absl::StatusOr<absl::Time> t = ParseDate(text->get());
    if (!t.ok()) {
      Error(node, ToStd(t.status().message()));
      return std::nullopt;
    }
    return absl::ToCivilDay(*t, absl::UTCTimeZone());
  }
  Error(node,
        "`expires` must be a date, like 2027-03-31 (no time of day: a waiver "
        "stops at the start of that day, UTC)");
  return std::nullopt;
}

void ConfigParser::CheckWaiverResource(const toml::node& node,
                                       const std::string& resource) {
  if (resource == "*") return;
  size_t colon = resource.find(':');
  if (colon == std::string::npos || colon == 0 ||
      colon + 1 == resource.size()) {
    Error(node, Cat("waiver resource \"", resource,
                    "\" must be kind:key, like \"member:carol\", or a glob, "
                    "like \"member:svc-*\""));
    return;
  }
  std::string kind = resource.substr(0, colon);
  if (IsGlob(kind) || ParseResourceKind(kind)) return;
  Error(node, Cat("unknown resource kind `", kind, "` in \"", resource, "\"",
                  DidYouMean(kind, kResourceKinds), " (one of ",
                  Join(kResourceKinds, ", "), ")"));
}

void ConfigParser::ParseWaivers(const toml::table& root) {
  const toml::array* waivers = GetArrayOfTables(root, "waiver");
  if (waivers == nullptr) return;
  for (const toml::node& element : *waivers) {
    const toml::table& table = *element.as_table();
    CheckKeys(table, kWaiverKeys, " in [[waiver]]", kWaiverSynonyms);
    Waiver waiver;
    waiver.at = At(OffsetOf(table.source().begin));
    if (const auto* rule = GetString(table, "rule")) {
      waiver.rule = rule->get();
      waiver.rule_at = At(*rule);
      if (waiver.rule.empty()) Error(*rule, "`rule` must not be empty");
    } else if (!table.contains("rule")) {
      Missing(table, "rule", " in [[waiver]]");
    }
    if (const auto* resource = GetString(table, "resource")) {
      waiver.resource = resource->get();
      CheckWaiverResource(*resource, waiver.resource);
    } else if (!table.contains("resource")) {
      Missing(table, "resource", " in [[waiver]]");
    }
    if (const auto* why = GetString(table, "justification")) {
      waiver.justification = why->get();
      if (waiver.justification.find_first_not_of(" \t\n") ==
          std::string::npos) {
        Error(*why,
              "`justification` must not be empty: say why the finding is "
              "accepted");
      }
    } else if (!table.contains("justification")) {
      Missing(table, "justification", " in [[waiver]]",
              ": say why the finding is accepted");
    }
    if (const toml::node* expires = table.get("expires")) {
      waiver.expires = ParseExpiry(*expires);
    }
    if (const auto* owner = GetString(table, "owner")) {
      waiver.owner = owner->get();
    }
    config_.waivers.push_back(std::move(waiver));
  }
}

absl::StatusOr<Config> ConfigParser::Parse() {
  toml::table root;
  try {
    root = toml::parse(source_->text(), std::string_view(source_->name()));
  } catch (const toml::parse_error& e) {
    return absl::InvalidArgumentError(
        source_->Diagnostic(OffsetOf(e.source().begin), e.description()));
  }
  CheckKeys(root, kTopLevelKeys, "");
  ParseScalars(root);
  ParseOutputs(root);
  ParseRules(root);
  ParseIntegrations(root);
  ParseMfaSources(root);
  ParseWaivers(root);
  if (!errors_.empty()) {
    std::string all;
    for (const auto& [offset, text] : errors_) {
      Append(&all, all.empty() ? "" : "\n", text);
    }
    return absl::InvalidArgumentError(all);
  }
  config_.file = source_->name();
  config_.file_text = source_;
  return std::move(config_);
}

}  // namespace

std::optional<std::string> FindConfigFile(
    const std::filesystem::path& working_directory) {
  std::error_code ec;
  std::filesystem::path start =
      working_directory.empty()
          ? std::filesystem::current_path(ec)
          : std::filesystem::absolute(working_directory, ec);
  if (ec) return std::nullopt;
  start = start.lexically_normal();
  if (!start.has_filename()) start = start.parent_path();  // "/x/c/" -> "/x/c"
  std::filesystem::path relative;
  for (std::filesystem::path dir = start;; dir = dir.parent_path()) {
    std::filesystem::path candidate = dir / kConfigFileName;
    if (std::filesystem::is_regular_file(candidate, ec)) {
      std::filesystem::path found = relative / kConfigFileName;
      if (!working_directory.empty() && working_directory != ".") {
        found = (working_directory / found).lexically_normal();
      }
      return found.string();
    }
    if (dir == dir.parent_path() || dir.empty()) return std::nullopt;
    relative /= "..";
  }
}

absl::StatusOr<Config> ParseConfigFile(std::string text,
                                       const std::string& path) {
  return ConfigParser(std::move(text), path).Parse();
}

absl::StatusOr<Config> LoadConfigFile(const std::string& path) {
  absl::StatusOr<std::string> text = ReadFile(path, size_t{1} << 20);
  if (!text.ok()) return text.status();
  return ParseConfigFile(*std::move(text), path);
}

}  // namespace hublint
