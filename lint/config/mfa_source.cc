#include "lint/config/mfa_source.h"

#include <algorithm>
#include <map>

#include "lint/config/csv.h"
#include "lint/util/files.h"
#include "lint/util/spelling.h"
#include "lint/util/strings.h"

namespace hublint {
namespace {

// Exports list whole companies; a note names this many e-mails at most.
constexpr size_t kMaxNamesInNote = 5;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

std::string Folded(std::string_view s) {
  std::string out(Trim(s));
  AsciiLowerInPlace(&out);
  return out;
}

bool Contains(const std::vector<std::string>& values, const std::string& v) {
  return std::any_of(values.begin(), values.end(),
                     [&v](const std::string& x) { return Folded(x) == v; });
}

std::string Quoted(const std::vector<std::string>& names,
                   std::string_view separator) {
  std::vector<std::string> quoted;
  for (const std::string& n : names) quoted.push_back(Cat("`", n, "`"));
  return Join(quoted, separator);
}

// The index of the first of `candidates` in `header`, or an error at the
// header.
absl::StatusOr<size_t> FindColumn(const SourceText& csv,
                                  const CsvRecord& header,
                                  const std::vector<std::string>& candidates,
                                  std::string_view what) {
  for (const std::string& candidate : candidates) {
    for (size_t i = 0; i < header.fields.size(); ++i) {
      if (Folded(header.fields[i]) == Folded(candidate)) return i;
    }
  }
  std::vector<std::string> names;
  for (const std::string& f : header.fields) names.emplace_back(Trim(f));
  std::string suggestion;
  if (!candidates.empty()) {
    suggestion = DidYouMean(candidates.front(), names);
  }
  return csv.Error(
      header.offset,
      Cat("no ", what, " column ", Quoted(candidates, " or "), " in the header",
          suggestion, " (columns: ", Join(names, ", "), ")"));
}

std::string Count(size_t n, std::string_view one, std::string_view many) {
  return Cat(n, " ", n == 1 ? one : many);
}

std::string ListSome(const std::vector<std::string>& items) {
  std::vector<std::string> shown(
      items.begin(), items.begin() + static_cast<long>(std::min(
                                         items.size(), kMaxNamesInNote)));
  std::string out = Join(shown, ", ");
  if (items.size() > kMaxNamesInNote) {
    Append(&out, " and ", items.size() - kMaxNamesInNote, " more");
  }
  return out;
}

}  // namespace

std::string_view OtherMfaValuesName(OtherMfaValues v) {
  switch (v) {
    case OtherMfaValues::kError:
      return "error";
    case OtherMfaValues::kEnabled:
      return "enabled";
    case OtherMfaValues::kDisabled:
      return "disabled";
  }
  return "error";
}

std::optional<OtherMfaValues> ParseOtherMfaValues(std::string_view name) {
  for (OtherMfaValues v : {OtherMfaValues::kError, OtherMfaValues::kEnabled,
                           OtherMfaValues::kDisabled}) {
    if (OtherMfaValuesName(v) == name) return v;
  }
  return std::nullopt;
}

const std::vector<std::string>& MfaPresetNames() {
  static const std::vector<std::string>* names =
      new std::vector<std::string>{"entra", "okta"};
  return *names;
}

std::optional<MfaSource> MfaPreset(std::string_view name) {
  MfaSource preset;
  preset.preset = std::string(name);
  if (name == "entra") {
    preset.email_columns = {"userPrincipalName", "User principal name"};
    preset.mfa_columns = {"isMfaCapable", "Multifactor authentication capable",
                          "MFA capable"};
    preset.enabled_values = {"true", "yes", "capable"};
    preset.disabled_values = {"false", "no", "not capable"};
    preset.other_values = OtherMfaValues::kError;
    return preset;
  }
  if (name == "okta") {
    preset.email_columns = {"Login", "User email", "Email"};
    preset.mfa_columns = {"MFA Factor"};
    preset.enabled_values = {};
    preset.disabled_values = {"Password", "Security Question"};
    preset.other_values = OtherMfaValues::kEnabled;
    return preset;
  }
  return std::nullopt;
}

const std::vector<std::string>& DefaultMfaEnabledValues() {
  static const std::vector<std::string>* values =
      new std::vector<std::string>{"true", "yes", "y", "1", "enabled", "on"};
  return *values;
}

const std::vector<std::string>& DefaultMfaDisabledValues() {
  static const std::vector<std::string>* values =
      new std::vector<std::string>{"false", "no", "n", "0", "disabled", "off"};
  return *values;
}

absl::StatusOr<std::vector<MfaRow>> ReadMfaExport(const MfaSource& source,
                                                  const SourceText& csv) {
  absl::StatusOr<CsvTable> table = ParseCsv(csv);
  if (!table.ok()) return table.status();
  absl::StatusOr<size_t> email_column =
      FindColumn(csv, table->header, source.email_columns, "e-mail");
  if (!email_column.ok()) return email_column.status();
  absl::StatusOr<size_t> mfa_column =
      FindColumn(csv, table->header, source.mfa_columns, "MFA");
  if (!mfa_column.ok()) return mfa_column.status();
  std::string mfa_name(Trim(table->header.fields[*mfa_column]));

  std::vector<MfaRow> rows;
  for (const CsvRecord& record : table->records) {
    MfaRow row;
    row.file = csv.name();
    row.line = csv.PositionOf(record.offset).line;
    row.email = Folded(record.fields[*email_column]);
    if (row.email.empty()) {
      return csv.Error(record.offsets[*email_column],
                       Cat("empty e-mail in column `",
                           Trim(table->header.fields[*email_column]), "`"));
    }
    std::string value = Folded(record.fields[*mfa_column]);
    if (value.empty()) {
      return csv.Error(record.offsets[*mfa_column],
                       Cat("empty `", mfa_name, "` for ", row.email));
    }
    if (Contains(source.enabled_values, value)) {
      row.enabled = true;
    } else if (Contains(source.disabled_values, value)) {
      row.enabled = false;
    } else if (source.other_values == OtherMfaValues::kError) {
      return csv.Error(
          record.offsets[*mfa_column],
          Cat("`", mfa_name, "` is \"", Trim(record.fields[*mfa_column]),
              "\" for ", row.email, ", which is neither enabled (",
              Quoted(source.enabled_values, ", "), ") nor disabled (",
              Quoted(source.disabled_values, ", "),
              "); list it in enabled_values or disabled_values of the "
              "[[mfa_source]]"));
    } else {
      row.enabled = source.other_values == OtherMfaValues::kEnabled;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

absl::StatusOr<std::vector<MfaRow>> LoadMfaExport(const MfaSource& source) {
  absl::StatusOr<std::string> text = ReadFile(source.path);
  if (!text.ok()) return text.status();
  return ReadMfaExport(source, SourceText(source.path, *std::move(text)));
}

std::vector<Notification> MergeMfaRows(const std::vector<MfaRow>& rows,
                                       OrgState* state) {
  std::map<std::string, std::vector<size_t>> members_by_email;
  for (size_t i = 0; i < state->members.size(); ++i) {
    const Member& m = state->members[i];
    if (m.email && !Trim(*m.email).empty()) {
      members_by_email[Folded(*m.email)].push_back(i);
    }
  }
  // Per e-mail: enabled if any row says so, and the first row that decided.
  struct Verdict {
    bool enabled = false;
    const MfaRow* row = nullptr;
  };
  std::map<std::string, Verdict> verdicts;
  // Per file, in first-seen order: the unmatched e-mails (once each), and
  // whether any row matched.
  std::vector<std::string> files;
  std::map<std::string, std::vector<std::string>> unmatched;
  std::map<std::string, std::map<std::string, bool>> seen;
  std::map<std::string, bool> any_matched;
  for (const MfaRow& row : rows) {
    if (!seen.contains(row.file)) files.push_back(row.file);
    bool first_in_file = seen[row.file].emplace(row.email, true).second;
    if (!members_by_email.contains(row.email)) {
      if (first_in_file) {
        unmatched[row.file].push_back(Cat(row.email, " (line ", row.line, ")"));
      }
      continue;
    }
    any_matched[row.file] = true;
    Verdict& v = verdicts[row.email];
    if (v.row == nullptr || (row.enabled && !v.enabled)) {
      v.enabled = row.enabled;
      v.row = &row;
    }
  }

  std::vector<Notification> notes;
  for (const auto& [email, verdict] : verdicts) {
    for (size_t i : members_by_email[email]) {
      Member& m = state->members[i];
      if (m.two_factor_enabled && *m.two_factor_enabled != verdict.enabled) {
        notes.push_back(
            {Level::kWarning,
             Cat("member `", m.username, "`: ", verdict.row->file, ":",
                 verdict.row->line, " says two-factor authentication is ",
                 verdict.enabled ? "on" : "off", ", the state said ",
                 *m.two_factor_enabled ? "on" : "off",
                 "; the export is used")});
      }
      m.two_factor_enabled = verdict.enabled;
    }
  }
  for (const std::string& file : files) {
    const std::vector<std::string>& emails = unmatched[file];
    if (emails.empty()) continue;
    if (!any_matched[file]) {
      notes.push_back(
          {Level::kWarning,
           Cat(file, ": no row matches a member of ", state->org_name,
               " by e-mail (", Count(emails.size(), "address", "addresses"),
               ", e.g. ", ListSome(emails),
               "); check that the e-mail column holds the addresses members "
               "have on Docker Hub")});
      continue;
    }
    notes.push_back(
        {Level::kNote, Cat(file, ": ",
                           Count(emails.size(), "e-mail address matches",
                                 "e-mail addresses match"),
                           " no member: ", ListSome(emails))});
  }
  std::vector<std::string> unknown;
  for (const Member& m : state->members) {
    if (!m.two_factor_enabled) unknown.push_back(m.username);
  }
  if (!unknown.empty() && !rows.empty()) {
    notes.push_back(
        {Level::kNote,
         Cat("two-factor status stays unknown for ",
             Count(unknown.size(), "member", "members"),
             " with no row in the MFA exports: ", ListSome(unknown))});
  }
  return notes;
}

absl::StatusOr<std::vector<Notification>> MergeMfaSources(
    const std::vector<MfaSource>& sources, OrgState* state) {
  std::vector<MfaRow> rows;
  std::vector<Notification> empty_exports;
  for (const MfaSource& source : sources) {
    absl::StatusOr<std::vector<MfaRow>> read = LoadMfaExport(source);
    if (!read.ok() &&
        read.status().code() != absl::StatusCode::kInvalidArgument) {
      return absl::InvalidArgumentError(
          Cat(source.at.ToString(),
              ": [[mfa_source]]: ", ToStd(read.status().message())));
    }
    if (!read.ok()) return read.status();
    if (read->empty()) {
      empty_exports.push_back(
          {Level::kWarning,
           Cat(source.path, ": the export has a header but no rows")});
    }
    rows.insert(rows.end(), std::make_move_iterator(read->begin()),
                std::make_move_iterator(read->end()));
  }
  if (sources.empty()) return empty_exports;
  std::vector<Notification> notes = MergeMfaRows(rows, state);
  notes.insert(notes.begin(), empty_exports.begin(), empty_exports.end());
  return notes;
}

}  // namespace hublint
