#include "lint/config/config_show.h"

#include <cstdio>

#include "lint/util/strings.h"

namespace hublint {
namespace {

constexpr size_t kCommentColumn = 40;

std::string TomlString(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x",
                        static_cast<unsigned char>(c));
          out += buffer;
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
  return out;
}

std::string TomlList(const std::vector<std::string>& items) {
  std::vector<std::string> quoted;
  for (const std::string& item : items) quoted.push_back(TomlString(item));
  return Cat("[", Join(quoted, ", "), "]");
}

std::string TomlParam(const ParamValue& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>) {
          return v ? "true" : "false";
        } else if constexpr (std::is_same_v<T, int64_t>) {
          return Cat(v);
        } else if constexpr (std::is_same_v<T, double>) {
          std::string text = Cat(v);
          if (text.find_first_of(".eEn") == std::string::npos) text += ".0";
          return text;
        } else if constexpr (std::is_same_v<T, std::string>) {
          return TomlString(v);
        } else {
          return TomlList(v);
        }
      },
      value);
}

class Printer {
 public:
  // "key = value", and the provenance as a comment when given.
  void Line(std::string_view text, const Provenance* from = nullptr) {
    out_ += text;
    if (from != nullptr) {
      size_t pad =
          text.size() < kCommentColumn ? kCommentColumn - text.size() : 1;
      Append(&out_, std::string(pad, ' '), "# ", from->ToString());
    }
    out_ += "\n";
  }
  void Blank() { out_ += "\n"; }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

std::string FileLine(const Config& config) {
  if (config.file.empty()) {
    if (config.file_from.origin == ConfigOrigin::kFlag) {
      return "# config file: none (flag --no-config)";
    }
    return "# config file: none (no .hublint.toml in the working directory "
           "or its parents)";
  }
  std::string how = config.file_from.origin == ConfigOrigin::kDefault
                        ? "found from the working directory"
                        : config.file_from.ToString();
  return Cat("# config file: ", config.file, " (", how, ")");
}

}  // namespace

std::string ShowConfig(const Config& c) {
  Printer p;
  p.Line(
      "# The effective configuration of hublint, and where each value comes "
      "from.");
  p.Line(FileLine(c));
  p.Blank();
  p.Line(Cat("org = ", TomlString(c.org.value)), &c.org.from);
  p.Line(Cat("api_url = ", TomlString(c.api_url.value)), &c.api_url.from);
  p.Line(Cat("packs = ", TomlList(c.packs.value)), &c.packs.from);
  p.Line(Cat("rule_paths = ", TomlList(c.rule_paths.value)),
         &c.rule_paths.from);
  p.Line(Cat("fail_on = ", TomlString(FailOnName(c.fail_on.value))),
         &c.fail_on.from);
  p.Line(Cat("fail_on_review = ", c.fail_on_review.value ? "true" : "false"),
         &c.fail_on_review.from);
  p.Line(Cat("fail_on_new = ", c.fail_on_new.value ? "true" : "false"),
         &c.fail_on_new.from);
  p.Line(Cat("baseline = ", TomlString(c.baseline.value)), &c.baseline.from);
  if (c.sso_enforced.value) {
    p.Line(Cat("sso_enforced = ", *c.sso_enforced.value ? "true" : "false"),
           &c.sso_enforced.from);
  } else {
    p.Line("# sso_enforced is not set: the state's value stands");
  }
  if (c.outputs.value.empty()) {
    p.Line("# no [[output]]: text on standard output");
  }
  for (const OutputSpec& output : c.outputs.value) {
    p.Blank();
    p.Line("[[output]]", &c.outputs.from);
    p.Line(Cat("format = ", TomlString(FormatName(output.format))));
    p.Line(Cat("path = ", TomlString(output.path)));
  }
  for (const RuleSettings& rule : c.rules) {
    p.Blank();
    p.Line(Cat("[rules.", rule.rule_id, "]"), &rule.at);
    if (rule.enabled) {
      p.Line(Cat("enabled = ", rule.enabled->value ? "true" : "false"),
             &rule.enabled->from);
    }
    if (rule.level) {
      p.Line(Cat("level = ", TomlString(LevelName(rule.level->value))),
             &rule.level->from);
    }
    for (const RuleSettings::Param& param : rule.params) {
      p.Line(Cat("params.", param.name, " = ", TomlParam(param.value)),
             &param.value_at);
    }
  }
  for (const DeclaredIntegration& d : c.integrations) {
    const Integration& i = d.integration;
    p.Blank();
    p.Line("[[integration]]", &d.at);
    p.Line(Cat("name = ", TomlString(i.name)));
    if (i.kind) p.Line(Cat("kind = ", TomlString(*i.kind)));
    p.Line(Cat("username = ", TomlString(i.username)));
    if (i.token_label)
      p.Line(Cat("token_label = ", TomlString(*i.token_label)));
    if (i.token_id) p.Line(Cat("token_id = ", TomlString(*i.token_id)));
  }
  for (const MfaSource& s : c.mfa_sources) {
    p.Blank();
    p.Line("[[mfa_source]]", &s.at);
    p.Line(Cat("path = ", TomlString(s.path)));
    if (!s.preset.empty()) p.Line(Cat("preset = ", TomlString(s.preset)));
    p.Line(Cat("email_column = ", TomlList(s.email_columns)));
    p.Line(Cat("mfa_column = ", TomlList(s.mfa_columns)));
    p.Line(Cat("enabled_values = ", TomlList(s.enabled_values)));
    p.Line(Cat("disabled_values = ", TomlList(s.disabled_values)));
    p.Line(
        Cat("other_values = ", TomlString(OtherMfaValuesName(s.other_values))));
  }
  for (const Waiver& w : c.waivers) {
    p.Blank();
    p.Line("[[waiver]]", &w.at);
    p.Line(Cat("rule = ", TomlString(w.rule)));
    p.Line(Cat("resource = ", TomlString(w.resource)));
    p.Line(Cat("justification = ", TomlString(w.justification)));
    if (w.expires) p.Line(Cat("expires = ", absl::FormatCivilTime(*w.expires)));
    if (!w.owner.empty()) p.Line(Cat("owner = ", TomlString(w.owner)));
  }
  return p.Take();
}

}  // namespace hublint
