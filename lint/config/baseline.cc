#include "lint/config/baseline.h"

#include <map>
#include <set>

#include "lint/json/json_syntax.h"
#include "lint/util/files.h"
#include "lint/util/source_text.h"
#include "lint/util/strings.h"
#include "simdjson.h"

namespace hublint {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

// hublint percent-encodes the URIs it writes; a finding holds the path.
std::string DecodeUri(std::string_view uri) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && hex(uri[i + 1]) >= 0 &&
        hex(uri[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(uri[i + 1]) * 16 + hex(uri[i + 2])));
      i += 2;
    } else {
      out.push_back(uri[i]);
    }
  }
  return out;
}

class BaselineReader {
 public:
  explicit BaselineReader(const std::string& name) : name_(name) {}

  absl::StatusOr<Baseline> Read(std::string_view text);

 private:
  absl::Status Error(std::string_view path, std::string_view message) const {
    return absl::InvalidArgumentError(Cat(name_, ": ", path, ": ", message));
  }
  // The member `key` of `obj` when present: nullopt when absent, an error
  // when present with another type.
  absl::StatusOr<std::optional<element>> Member(object obj,
                                                std::string_view key,
                                                element_type type,
                                                std::string_view path) const;
  absl::StatusOr<std::optional<std::string>> String(
      object obj, std::string_view key, std::string_view path) const;
  absl::Status ReadRun(element run, std::string_view path,
                       std::vector<BaselineResult>* out) const;
  absl::Status ReadResult(object result, std::string_view path,
                          std::vector<BaselineResult>* out) const;

  const std::string& name_;
};

std::string_view TypeName(element_type type) {
  switch (type) {
    case element_type::ARRAY:
      return "an array";
    case element_type::OBJECT:
      return "an object";
    case element_type::STRING:
      return "a string";
    case element_type::INT64:
    case element_type::UINT64:
      return "an integer";
    case element_type::DOUBLE:
      return "a number";
    case element_type::BOOL:
      return "a boolean";
    case element_type::NULL_VALUE:
      return "null";
  }
  return "a value";
}

absl::StatusOr<std::optional<element>> BaselineReader::Member(
    object obj, std::string_view key, element_type type,
    std::string_view path) const {
  element value;
  if (obj[key].get(value) != simdjson::SUCCESS) return std::nullopt;
  bool ok = value.type() == type || (type == element_type::INT64 &&
                                     value.type() == element_type::UINT64);
  if (!ok) {
    return Error(Cat(path, ".", key), Cat("expected ", TypeName(type), ", got ",
                                          TypeName(value.type())));
  }
  return value;
}

absl::StatusOr<std::optional<std::string>> BaselineReader::String(
    object obj, std::string_view key, std::string_view path) const {
  absl::StatusOr<std::optional<element>> value =
      Member(obj, key, element_type::STRING, path);
  if (!value.ok()) return value.status();
  if (!value->has_value()) return std::nullopt;
  return std::string(std::string_view((*value)->get_string().value()));
}

absl::Status BaselineReader::ReadResult(
    object result, std::string_view path,
    std::vector<BaselineResult>* out) const {
  BaselineResult r;
  absl::StatusOr<std::optional<std::string>> kind =
      String(result, "kind", path);
  if (!kind.ok()) return kind.status();
  if (kind->has_value()) {
    if (**kind == "review" || **kind == "open") {
      r.kind = FindingKind::kReview;
    } else if (**kind != "fail") {
      return absl::OkStatus();  // pass, notApplicable, informational
    }
  }
  absl::StatusOr<std::optional<std::string>> state =
      String(result, "baselineState", path);
  if (!state.ok()) return state.status();
  if (state->has_value() && **state == "absent") return absl::OkStatus();

  absl::StatusOr<std::optional<std::string>> rule_id =
      String(result, "ruleId", path);
  if (!rule_id.ok()) return rule_id.status();
  if (!rule_id->has_value()) {
    return Error(path, "no `ruleId`; hublint writes one on every result");
  }
  r.rule_id = **rule_id;

  absl::StatusOr<std::optional<element>> fingerprints =
      Member(result, "partialFingerprints", element_type::OBJECT, path);
  if (!fingerprints.ok()) return fingerprints.status();
  if (fingerprints->has_value()) {
    object values = (*fingerprints)->get_object().value();
    for (auto [key, value] : values) {
      if (!value.is_string()) {
        return Error(Cat(path, ".partialFingerprints.", std::string_view(key)),
                     Cat("expected a string, got ", TypeName(value.type())));
      }
      r.fingerprints.emplace_back(std::string_view(value.get_string().value()));
    }
  }
  absl::StatusOr<std::optional<element>> properties =
      Member(result, "properties", element_type::OBJECT, path);
  if (!properties.ok()) return properties.status();
  // For a review result hublint writes level "none" and keeps the rule's
  // level in properties.ruleLevel.
  std::optional<std::string> rule_level;
  if (properties->has_value()) {
    object bag = (*properties)->get_object().value();
    std::string bag_path = Cat(path, ".properties");
    absl::StatusOr<std::optional<std::string>> resource =
        String(bag, "resource", bag_path);
    if (!resource.ok()) return resource.status();
    if (resource->has_value()) r.resource = **resource;
    absl::StatusOr<std::optional<std::string>> level =
        String(bag, "ruleLevel", bag_path);
    if (!level.ok()) return level.status();
    rule_level = *level;
  }
  if (r.fingerprints.empty() && r.resource.empty()) {
    return Error(path,
                 "neither `partialFingerprints` nor `properties.resource`, so "
                 "it cannot be matched; give a SARIF log written by hublint");
  }

  absl::StatusOr<std::optional<std::string>> level =
      String(result, "level", path);
  if (!level.ok()) return level.status();
  for (const std::optional<std::string>& name : {*level, rule_level}) {
    if (!name) continue;
    if (std::optional<Level> parsed = ParseLevel(*name)) r.level = *parsed;
  }
  element message;
  if (result["message"]["text"].get(message) == simdjson::SUCCESS &&
      message.is_string()) {
    r.message = std::string(std::string_view(message.get_string().value()));
  }
  element uri;
  if (result["locations"]
              .at(0)["physicalLocation"]["artifactLocation"]["uri"]
              .get(uri) == simdjson::SUCCESS &&
      uri.is_string()) {
    r.location.uri = DecodeUri(uri.get_string().value());
    element region;
    if (result["locations"].at(0)["physicalLocation"]["region"].get(region) ==
        simdjson::SUCCESS) {
      uint64_t n = 0;
      if (region["startLine"].get(n) == simdjson::SUCCESS) {
        r.location.line = static_cast<uint32_t>(n);
      }
      if (region["startColumn"].get(n) == simdjson::SUCCESS) {
        r.location.column = static_cast<uint32_t>(n);
      }
    }
  }
  // hublint writes the logical location inside the location; SARIF also
  // allows it on the result.
  element logical;
  if ((result["locations"]
               .at(0)["logicalLocations"]
               .at(0)["fullyQualifiedName"]
               .get(logical) == simdjson::SUCCESS ||
       result["logicalLocations"].at(0)["fullyQualifiedName"].get(logical) ==
           simdjson::SUCCESS) &&
      logical.is_string()) {
    r.logical_name =
        std::string(std::string_view(logical.get_string().value()));
  }
  out->push_back(std::move(r));
  return absl::OkStatus();
}

absl::Status BaselineReader::ReadRun(element run_element, std::string_view path,
                                     std::vector<BaselineResult>* out) const {
  if (!run_element.is_object()) {
    return Error(path,
                 Cat("expected an object, got ", TypeName(run_element.type())));
  }
  object run = run_element.get_object().value();
  element name;
  if (run["tool"]["driver"]["name"].get(name) != simdjson::SUCCESS ||
      !name.is_string()) {
    return Error(path,
                 "no `tool.driver.name`; the baseline must be a SARIF log "
                 "written by hublint");
  }
  std::string_view tool = name.get_string().value();
  if (tool != "hublint") {
    return absl::InvalidArgumentError(
        Cat(name_, ": ", path, " was written by `", tool,
            "`, not hublint; the baseline must be a SARIF log written by "
            "hublint (--format sarif)"));
  }
  absl::StatusOr<std::optional<element>> results =
      Member(run, "results", element_type::ARRAY, path);
  if (!results.ok()) return results.status();
  if (!results->has_value()) return absl::OkStatus();
  size_t i = 0;
  simdjson::dom::array list = (*results)->get_array().value();
  for (element result : list) {
    std::string result_path = Cat(path, ".results[", i++, "]");
    if (!result.is_object()) {
      return Error(result_path,
                   Cat("expected an object, got ", TypeName(result.type())));
    }
    absl::Status status =
        ReadResult(result.get_object().value(), result_path, out);
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

absl::StatusOr<Baseline> BaselineReader::Read(std::string_view text) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(text);
  element root;
  if (parser.parse(padded).get(root) != simdjson::SUCCESS) {
    if (std::optional<JsonSyntaxError> e = FindJsonSyntaxError(text)) {
      SourceText source(name_, std::string(text));
      return source.Error(e->offset, Cat("not JSON: ", e->message));
    }
    return absl::InvalidArgumentError(Cat(name_, ": not JSON"));
  }
  constexpr std::string_view kNotSarif =
      "not a SARIF log; the baseline must be a SARIF 2.1.0 log written by "
      "hublint (--format sarif)";
  element version;
  if (!root.is_object() || root["version"].get(version) != simdjson::SUCCESS) {
    return absl::InvalidArgumentError(Cat(name_, ": ", kNotSarif));
  }
  if (!version.is_string() ||
      std::string_view(version.get_string().value()) != "2.1.0") {
    std::string shown = version.is_string()
                            ? Cat("\"", version.get_string().value(), "\"")
                            : std::string(TypeName(version.type()));
    return absl::InvalidArgumentError(
        Cat(name_, ": SARIF version ", shown,
            " is not supported; the baseline must be SARIF 2.1.0"));
  }
  element runs;
  if (root["runs"].get(runs) != simdjson::SUCCESS || !runs.is_array()) {
    return absl::InvalidArgumentError(Cat(name_, ": ", kNotSarif));
  }
  Baseline baseline;
  baseline.path = name_;
  size_t i = 0;
  simdjson::dom::array run_list = runs.get_array().value();
  for (element run : run_list) {
    absl::Status status =
        ReadRun(run, Cat("runs[", i++, "]"), &baseline.results);
    if (!status.ok()) return status;
  }
  if (i == 0) {
    return absl::InvalidArgumentError(
        Cat(name_,
            ": the SARIF log has no run; the baseline must be a SARIF log "
            "written by hublint"));
  }
  return baseline;
}

std::string PairKey(std::string_view rule_id, std::string_view resource) {
  return Cat(rule_id, "\n", resource);
}

Finding AbsentFinding(const BaselineResult& r) {
  Finding f;
  f.rule_id = r.rule_id;
  f.level = r.level;
  f.kind = r.kind;
  f.resource = r.resource;
  if (size_t colon = r.resource.find(':'); colon != std::string::npos) {
    f.resource_kind = r.resource.substr(0, colon);
    f.resource_key = r.resource.substr(colon + 1);
  }
  f.logical_name = r.logical_name;
  f.message = r.message;
  f.location = r.location;
  f.baseline_state = BaselineState::kAbsent;
  f.fingerprint = !r.resource.empty() ? Fingerprint(r.rule_id, r.resource)
                                      : r.fingerprints.front();
  return f;
}

}  // namespace

absl::StatusOr<Baseline> ParseBaseline(std::string_view text,
                                       const std::string& name) {
  return BaselineReader(name).Read(text);
}

absl::StatusOr<Baseline> LoadBaselineFile(const std::string& path) {
  absl::StatusOr<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  return ParseBaseline(*text, path);
}

void ApplyBaseline(const Baseline& baseline, std::vector<Finding>* findings) {
  std::multimap<std::string, size_t> by_fingerprint;
  std::multimap<std::string, size_t> by_pair;
  for (size_t i = 0; i < baseline.results.size(); ++i) {
    const BaselineResult& r = baseline.results[i];
    for (const std::string& fp : r.fingerprints) by_fingerprint.emplace(fp, i);
    if (!r.resource.empty()) by_pair.emplace(PairKey(r.rule_id, r.resource), i);
  }
  std::vector<bool> matched(baseline.results.size());
  for (Finding& f : *findings) {
    if (f.baseline_state == BaselineState::kAbsent) continue;
    if (f.fingerprint.empty())
      f.fingerprint = Fingerprint(f.rule_id, f.resource);
    bool found = false;
    for (auto [it, end] = by_fingerprint.equal_range(f.fingerprint); it != end;
         ++it) {
      matched[it->second] = found = true;
    }
    for (auto [it, end] = by_pair.equal_range(PairKey(f.rule_id, f.resource));
         it != end; ++it) {
      matched[it->second] = found = true;
    }
    f.baseline_state = found ? BaselineState::kUnchanged : BaselineState::kNew;
  }
  std::set<std::string> carried;  // one absent finding per fingerprint
  for (const Finding& f : *findings) {
    if (f.baseline_state == BaselineState::kAbsent)
      carried.insert(f.fingerprint);
  }
  for (size_t i = 0; i < baseline.results.size(); ++i) {
    if (matched[i]) continue;
    Finding absent = AbsentFinding(baseline.results[i]);
    if (carried.insert(absent.fingerprint).second) {
      findings->push_back(std::move(absent));
    }
  }
}

}  // namespace hublint
