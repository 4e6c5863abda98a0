#include "lint/rules/rule_loader.h"

#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>

#include "lint/toml/toml_position.h"
#include "lint/toml/toml_string_source.h"
#include "lint/util/files.h"
#include "lint/util/source_text.h"
#include "lint/util/spelling.h"
#include "lint/util/status_macros.h"
#include "lint/util/strings.h"
#include "re2/re2.h"

namespace hublint {
namespace {

const std::vector<std::string> kTopLevelKeys = {
    "id",          "title",     "name",
    "description", "level",     "security_severity",
    "tags",        "resource",  "when",
    "check",       "message",   "help",
    "params",      "variables", "test"};
const std::vector<std::string> kTestKeys = {"name",   "state",  "tfplan",
                                            "tf_dir", "expect", "params"};
const std::vector<std::string> kResourceKinds = {
    "org", "member", "team", "repository", "token", "invite", "integration"};

// The first paragraph of the help's "What it flags" section, as one line of
// plain text (SARIF's fullDescription); the title when there is none.
std::string DescriptionFromHelp(const RuleInfo& info) {
  std::string_view help = info.help_markdown;
  size_t section = help.find("## What it flags");
  if (section == std::string_view::npos) return info.title;
  size_t start = help.find('\n', section);
  if (start == std::string_view::npos) return info.title;
  start = help.find_first_not_of('\n', start);
  if (start == std::string_view::npos) return info.title;
  size_t end = help.find("\n\n", start);
  std::string paragraph(help.substr(start, end == std::string_view::npos ? end : end - start));
  for (char& c : paragraph) {
    if (c == '\n') c = ' ';
  }
  return paragraph.starts_with("#") ? info.title : paragraph;
}

class RuleParser {
 public:
  RuleParser(std::string text, const std::string& path)
      : source_(path, std::move(text)) {}

  absl::StatusOr<Rule> Parse();

 private:
  size_t OffsetOf(const toml::source_position& pos) const {
    return TomlOffset(source_, pos);
  }
  size_t OffsetOf(const toml::node& node) const {
    return TomlOffset(source_, node);
  }

  void Error(size_t offset, std::string_view message) {
    errors_.emplace_back(offset, source_.Diagnostic(offset, message));
  }

  // Typed getters; each reports a mistake and returns false.
  bool GetString(const toml::table& table, std::string_view key, bool required,
                 std::string* out, size_t* offset = nullptr);
  bool GetExpression(const toml::table& table, std::string_view key,
                     bool required, ExpressionSource* out);
  bool GetStringList(const toml::node& node, std::string_view what,
                     std::vector<std::string>* out);
  std::optional<ParamValue> GetParamValue(const toml::node& node,
                                          std::string_view name);

  void ParseIdentity(const toml::table& root);
  void ParseParams(const toml::table& root);
  void ParseVariables(const toml::table& root);
  void ParseTests(const toml::table& root);

  SourceText source_;
  Rule rule_;
  std::vector<std::pair<size_t, std::string>> errors_;  // (offset, text)
};

bool RuleParser::GetString(const toml::table& table, std::string_view key,
                           bool required, std::string* out, size_t* offset) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    if (required) {
      Error(OffsetOf(table.source().begin),
            Cat("missing required key `", key, "`"));
    }
    return false;
  }
  if (offset) *offset = OffsetOf(*node);
  const toml::value<std::string>* value = node->as_string();
  if (value == nullptr) {
    Error(OffsetOf(*node), Cat("`", key, "` must be a string"));
    return false;
  }
  *out = value->get();
  return true;
}

bool RuleParser::GetExpression(const toml::table& table, std::string_view key,
                               bool required, ExpressionSource* out) {
  std::string text;
  size_t offset = 0;
  if (!GetString(table, key, required, &text, &offset)) return false;
  *out = TomlStringSource(source_.text(), offset, text);
  return true;
}

bool RuleParser::GetStringList(const toml::node& node, std::string_view what,
                               std::vector<std::string>* out) {
  const toml::array* array = node.as_array();
  if (array == nullptr) {
    Error(OffsetOf(node), Cat("`", what, "` must be an array of strings"));
    return false;
  }
  for (const toml::node& element : *array) {
    const toml::value<std::string>* s = element.as_string();
    if (s == nullptr) {
      Error(OffsetOf(element), Cat("`", what, "` must be an array of strings"));
      return false;
    }
    out->push_back(s->get());
  }
  return true;
}

std::optional<ParamValue> RuleParser::GetParamValue(const toml::node& node,
                                                    std::string_view name) {
  if (const auto* b = node.as_boolean()) return ParamValue(b->get());
  if (const auto* i = node.as_integer()) return ParamValue(i->get());
  if (const auto* d = node.as_floating_point()) return ParamValue(d->get());
  if (const auto* s = node.as_string()) return ParamValue(s->get());
  if (node.is_array()) {
    std::vector<std::string> list;
    if (!GetStringList(node, Cat("params.", name), &list)) return std::nullopt;
    return ParamValue(std::move(list));
  }
  Error(OffsetOf(node),
        Cat("parameter `", name,
            "` must be a boolean, integer, float, string or array of strings"));
  return std::nullopt;
}

void RuleParser::ParseIdentity(const toml::table& root) {
  RuleInfo& info = rule_.info;
  size_t id_offset = 0;
  if (GetString(root, "id", true, &info.id, &id_offset)) {
    static const RE2 kIdShape("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+");
    std::string stem = std::filesystem::path(source_.name()).stem();
    if (!RE2::FullMatch(info.id, kIdShape)) {
      Error(
          id_offset,
          Cat("id `", info.id,
              "` must look like PACK-AREA-NNN (capitals, digits and dashes)"));
    } else if (info.id != stem) {
      Error(id_offset, Cat("id `", info.id, "` does not match the file name `",
                           stem, ".toml`"));
    }
  }
  size_t offset = 0;
  if (GetString(root, "title", true, &info.title, &offset) &&
      (info.title.empty() || info.title.find('\n') != std::string::npos)) {
    Error(offset, "`title` must be one non-empty line");
  }
  if (!GetString(root, "name", false, &info.name)) {
    for (char c : info.title) {
      bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (c >= 'A' && c <= 'Z')
        c = static_cast<char>(c - 'A' + 'a'), alnum = true;
      if (alnum) {
        info.name.push_back(c);
      } else if (!info.name.empty() && info.name.back() != '-') {
        info.name.push_back('-');
      }
    }
    while (!info.name.empty() && info.name.back() == '-') info.name.pop_back();
  }
  bool has_description = GetString(root, "description", false, &info.description);
  std::string level;
  if (GetString(root, "level", true, &level, &offset)) {
    std::optional<Level> parsed = ParseLevel(level);
    if (!parsed) {
      Error(offset, Cat("unknown level \"", level,
                        "\": expected \"error\", \"warning\" or \"note\"",
                        DidYouMean(level, {"error", "warning", "note"})));
    } else {
      info.level = *parsed;
    }
  }
  if (GetString(root, "security_severity", true, &info.security_severity,
                &offset)) {
    static const RE2 kSeverity("(10(\\.0)?|[0-9](\\.[0-9])?)");
    if (!RE2::FullMatch(info.security_severity, kSeverity)) {
      Error(offset, Cat("`security_severity` must be a number from 0.0 to 10.0 "
                        "written as a string, like \"7.5\"; got \"",
                        info.security_severity, "\""));
    }
  }
  if (const toml::node* tags = root.get("tags")) {
    if (GetStringList(*tags, "tags", &info.tags)) {
      static const RE2 kTag(
          "[a-z0-9][a-z0-9.-]*(:[A-Za-z0-9][A-Za-z0-9.()_-]*)?");
      for (size_t i = 0; i < info.tags.size(); ++i) {
        if (!RE2::FullMatch(info.tags[i], kTag)) {
          Error(OffsetOf(*tags->as_array()->get(i)),
                Cat("tag \"", info.tags[i],
                    "\" must be a word (\"security\") or framework:control "
                    "(\"cis-ssc-1.0:1.3.5\")"));
        }
      }
    }
  }
  std::string resource;
  if (GetString(root, "resource", true, &resource, &offset)) {
    std::optional<ResourceKind> kind = ParseResourceKind(resource);
    if (!kind) {
      Error(offset,
            Cat("unknown resource kind \"", resource, "\"",
                DidYouMean(resource, kResourceKinds),
                " (one of org, member, team, repository, token, invite, "
                "integration)"));
    } else {
      rule_.resource = *kind;
    }
  }
  GetExpression(root, "when", false, &rule_.when);
  GetExpression(root, "check", true, &rule_.check);
  if (GetExpression(root, "message", true, &rule_.message) &&
      rule_.message.text.find('\n') != std::string::npos) {
    Error(rule_.message.FileOffset(0), "`message` must be one line");
  }
  if (GetString(root, "help", true, &info.help_markdown, &offset) &&
      info.help_markdown.find_first_not_of(" \n") == std::string::npos) {
    Error(offset, "`help` must not be empty");
  }
  if (!has_description) info.description = DescriptionFromHelp(info);
}

void RuleParser::ParseParams(const toml::table& root) {
  const toml::node* node = root.get("params");
  if (node == nullptr) return;
  const toml::table* params = node->as_table();
  if (params == nullptr) {
    Error(OffsetOf(*node), "`params` must be a table");
    return;
  }
  for (auto&& [key, value] : *params) {
    std::string name(key.str());
    if (std::optional<ParamValue> v = GetParamValue(value, name)) {
      rule_.params[name] = std::move(*v);
    }
  }
}

void RuleParser::ParseVariables(const toml::table& root) {
  const toml::node* node = root.get("variables");
  if (node == nullptr) return;
  const toml::table* variables = node->as_table();
  if (variables == nullptr) {
    Error(OffsetOf(*node), "`variables` must be a table of CEL expressions");
    return;
  }
  static const RE2 kName("[a-z_][a-z0-9_]*");
  std::vector<std::pair<size_t, std::pair<std::string, ExpressionSource>>>
      in_order;
  for (auto&& [key, value] : *variables) {
    std::string name(key.str());
    if (!RE2::FullMatch(name, kName)) {
      Error(OffsetOf(key.source().begin),
            Cat("variable name `", name, "` must be lower_snake_case"));
      continue;
    }
    const toml::value<std::string>* text = value.as_string();
    if (text == nullptr) {
      Error(OffsetOf(value),
            Cat("variable `", name, "` must be a CEL expression string"));
      continue;
    }
    size_t offset = OffsetOf(value);
    in_order.push_back(
        {offset,
         {name, TomlStringSource(source_.text(), offset, text->get())}});
  }
  std::sort(in_order.begin(), in_order.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [offset, variable] : in_order)
    rule_.variables.push_back(std::move(variable));
}

void RuleParser::ParseTests(const toml::table& root) {
  const toml::node* node = root.get("test");
  if (node == nullptr) return;
  const toml::array* tests = node->as_array();
  if (tests == nullptr || !tests->is_array_of_tables()) {
    Error(OffsetOf(*node), "`test` must be an array of tables: write [[test]]");
    return;
  }
  for (const toml::node& element : *tests) {
    const toml::table& table = *element.as_table();
    RuleTestCase test;
    test.file_offset = static_cast<uint32_t>(OffsetOf(table.source().begin));
    for (auto&& [key, value] : table) {
      std::string k(key.str());
      if (std::find(kTestKeys.begin(), kTestKeys.end(), k) == kTestKeys.end()) {
        Error(
            OffsetOf(key.source().begin),
            Cat("unknown key `", k, "` in [[test]]", DidYouMean(k, kTestKeys)));
      }
    }
    GetString(table, "name", true, &test.name);
    // A snapshot (`state`), or a plan (`tfplan`) with perhaps a snapshot
    // beneath it.
    bool has_plan = table.get("tfplan") != nullptr;
    GetString(table, "tfplan", false, &test.tfplan);
    GetString(table, "state", false, &test.state);
    if (!has_plan && table.get("state") == nullptr) {
      Error(test.file_offset,
            "missing required key `state` (or `tfplan`) in [[test]]");
    }
    size_t tf_dir_offset = 0;
    if (GetString(table, "tf_dir", false, &test.tf_dir, &tf_dir_offset) &&
        !has_plan) {
      Error(tf_dir_offset, "`tf_dir` in [[test]] needs `tfplan`");
    }
    if (const toml::node* expect = table.get("expect")) {
      if (GetStringList(*expect, "expect", &test.expect)) {
        for (size_t i = 0; i < test.expect.size(); ++i) {
          const std::string& resource = test.expect[i];
          size_t colon = resource.find(':');
          if (colon == std::string::npos || colon + 1 == resource.size() ||
              !ParseResourceKind(resource.substr(0, colon))) {
            Error(OffsetOf(*expect->as_array()->get(i)),
                  Cat("expected resource \"", resource,
                      "\" must be kind:key, like \"member:bob\""));
          }
        }
      }
    } else {
      Error(test.file_offset, "missing required key `expect` in [[test]]");
    }
    if (const toml::node* params = table.get("params")) {
      const toml::table* overrides = params->as_table();
      if (overrides == nullptr) {
        Error(OffsetOf(*params), "`params` in [[test]] must be a table");
      } else {
        for (auto&& [key, value] : *overrides) {
          std::string name(key.str());
          auto declared = rule_.params.find(name);
          if (declared == rule_.params.end()) {
            std::vector<std::string> names;
            for (const auto& [n, v] : rule_.params) names.push_back(n);
            Error(
                OffsetOf(key.source().begin),
                Cat("unknown parameter `", name, "`", DidYouMean(name, names)));
            continue;
          }
          std::optional<ParamValue> v = GetParamValue(value, name);
          if (!v) continue;
          if (v->index() != declared->second.index()) {
            Error(OffsetOf(value), Cat("parameter `", name, "` is ",
                                       ParamTypeName(declared->second),
                                       ", not ", ParamTypeName(*v)));
            continue;
          }
          test.params[name] = std::move(*v);
        }
      }
    }
    rule_.tests.push_back(std::move(test));
  }
}

absl::StatusOr<Rule> RuleParser::Parse() {
  toml::table root;
  try {
    root = toml::parse(source_.text(), std::string_view(source_.name()));
  } catch (const toml::parse_error& e) {
    return absl::InvalidArgumentError(
        source_.Diagnostic(OffsetOf(e.source().begin), e.description()));
  }
  for (auto&& [key, value] : root) {
    std::string k(key.str());
    if (std::find(kTopLevelKeys.begin(), kTopLevelKeys.end(), k) ==
        kTopLevelKeys.end()) {
      Error(OffsetOf(key.source().begin),
            Cat("unknown key `", k, "`", DidYouMean(k, kTopLevelKeys)));
    }
  }
  ParseIdentity(root);
  ParseParams(root);  // before tests, which check their overrides
  ParseVariables(root);
  ParseTests(root);
  if (!errors_.empty()) {
    std::stable_sort(
        errors_.begin(), errors_.end(),
        [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> texts;
    for (auto& [offset, text] : errors_) texts.push_back(std::move(text));
    return absl::InvalidArgumentError(Join(texts, "\n"));
  }
  rule_.path = source_.name();
  rule_.info.pack =
      std::filesystem::path(source_.name()).parent_path().filename();
  rule_.source_text = source_.text();
  return std::move(rule_);
}

}  // namespace

std::string_view ParamTypeName(const ParamValue& value) {
  switch (value.index()) {
    case 0:
      return "bool";
    case 1:
      return "int";
    case 2:
      return "double";
    case 3:
      return "string";
    default:
      return "list(string)";
  }
}

absl::StatusOr<Rule> ParseRule(std::string text, const std::string& path) {
  return RuleParser(std::move(text), path).Parse();
}

absl::StatusOr<Rule> LoadRuleFile(const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, ReadFile(path, size_t{1} << 20));
  return ParseRule(std::move(text), path);
}

absl::StatusOr<std::vector<Rule>> LoadRules(
    const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (auto it = std::filesystem::recursive_directory_iterator(path, ec);
           !ec && it != std::filesystem::recursive_directory_iterator();
           it.increment(ec)) {
        if (it->is_regular_file() && it->path().extension() == ".toml") {
          found.push_back(it->path().string());
        }
      }
      if (ec)
        return absl::NotFoundError(
            Cat("cannot read rule folder ", path, ": ", ec.message()));
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (std::filesystem::exists(path, ec)) {
      files.push_back(path);
    } else {
      return absl::NotFoundError(Cat("no rule file or folder at ", path));
    }
  }
  std::vector<Rule> rules;
  std::vector<std::string> errors;
  std::map<std::string, std::string> seen;  // id -> path
  for (const std::string& file : files) {
    absl::StatusOr<Rule> rule = LoadRuleFile(file);
    if (!rule.ok()) {
      if (rule.status().code() != absl::StatusCode::kInvalidArgument)
        return rule.status();
      errors.emplace_back(ToStd(rule.status().message()));
      continue;
    }
    auto [it, inserted] = seen.emplace(rule->info.id, file);
    if (!inserted) {
      errors.push_back(Cat(file, ": duplicate rule id `", rule->info.id,
                           "`, also defined in ", it->second));
      continue;
    }
    rules.push_back(*std::move(rule));
  }
  if (!errors.empty()) return absl::InvalidArgumentError(Join(errors, "\n"));
  return rules;
}

}  // namespace hublint
