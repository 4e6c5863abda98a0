#ifndef HUBLINT_CONFIG_MFA_SOURCE_H_
#define HUBLINT_CONFIG_MFA_SOURCE_H_

// Identity-provider MFA exports: the Docker Hub API does not say whether a
// member has two-factor authentication, but the identity provider that
// members sign in with does. A CSV export, declared in .hublint.toml,
//
//   [[mfa_source]]
//   path = "idp/entra-registration.csv"
//   preset = "entra"               # or "okta", or name the columns:
//   # email_column = "userPrincipalName"
//   # mfa_column = "isMfaCapable"
//   # enabled_values = ["true"]    # what the MFA column says when MFA is on
//   # disabled_values = ["false"]  # ... and when it is off
//   # other_values = "error"       # any other value: "error", "enabled"
//                                  # or "disabled"
//
// is merged onto the state's members by e-mail, ASCII case-insensitively,
// setting Member::two_factor_enabled. The rules of the merge:
//
// - A member with a row is enabled when at least one of its rows, in any
//   export, says enabled (per-factor exports such as Okta's MFA Usage
//   report list a user once per factor, the password among them), and
//   disabled otherwise. The export wins over the state; when the state said
//   otherwise, a note says so.
// - A member with no row keeps what the state says (usually unknown); a
//   note counts them.
// - Rows that match no member are reported once per export, in one note.
// - Column names are matched trimmed and ASCII case-insensitively; a
//   column may be given as a list of alternatives (the first present is
//   used). Values are matched the same way.
// - An empty e-mail or MFA cell, or (with other_values = "error") a value in
//   neither list, is an error naming file:line:col.
//
// The presets (see docs/configuration.md for their sources):
//   entra  Microsoft Entra ID "User registration details" (Graph
//          userRegistrationDetails, or the admin center download):
//          e-mail in userPrincipalName / "User principal name", MFA in
//          isMfaCapable / "Multifactor authentication capable",
//          true|yes|capable = enabled, false|no|not capable = disabled.
//   okta   Okta "MFA Usage" report (one row per user and enrolled factor):
//          e-mail in Login, factor in "MFA Factor"; Password and Security
//          Question are not MFA, any other factor is.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "lint/config/provenance.h"
#include "lint/findings/run_info.h"
#include "lint/model/org_state.h"
#include "lint/util/source_text.h"

namespace hublint {

// What a value in neither enabled_values nor disabled_values means.
enum class OtherMfaValues : uint8_t { kError, kEnabled, kDisabled };

// "error", "enabled", "disabled".
std::string_view OtherMfaValuesName(OtherMfaValues v);
std::optional<OtherMfaValues> ParseOtherMfaValues(std::string_view name);

struct MfaSource {
  // The export to read: as the user wrote it resolved against the config
  // file's folder (so it can be opened from the working directory).
  std::string path;
  // "entra", "okta", or "" for none. A preset supplies every field below
  // that the config does not set.
  std::string preset;
  // The e-mail column and the MFA column: alternatives, the first present
  // in the header is used. Required without a preset.
  std::vector<std::string> email_columns;
  std::vector<std::string> mfa_columns;
  // Default without a preset: true yes y 1 enabled on.
  std::vector<std::string> enabled_values;
  // Default without a preset: false no n 0 disabled off.
  std::vector<std::string> disabled_values;
  // Default without a preset: kError.
  OtherMfaValues other_values = OtherMfaValues::kError;
  Provenance at;  // the [[mfa_source]] table
};

// The preset names, in the order the docs list them.
const std::vector<std::string>& MfaPresetNames();

// The preset `name` ("entra", "okta"); nullopt for an unknown name. Its
// path and provenance are empty.
std::optional<MfaSource> MfaPreset(std::string_view name);

// The generic defaults for enabled_values and disabled_values.
const std::vector<std::string>& DefaultMfaEnabledValues();
const std::vector<std::string>& DefaultMfaDisabledValues();

// One row of an export, read.
struct MfaRow {
  std::string email;  // trimmed, lower case
  bool enabled = false;
  std::string file;  // the export's path
  uint32_t line = 0;
};

// Reads the export in `csv` as `source` describes. Errors are
// kInvalidArgument diagnostics with file:line:col.
absl::StatusOr<std::vector<MfaRow>> ReadMfaExport(const MfaSource& source,
                                                  const SourceText& csv);

// Reads the file at source.path (errors of ReadFile(), or of
// ReadMfaExport()).
absl::StatusOr<std::vector<MfaRow>> LoadMfaExport(const MfaSource& source);

// Merges `rows` onto `state`'s members as described above, and returns the
// notes about it. Does not call Finalize() (nothing it joins changes).
std::vector<Notification> MergeMfaRows(const std::vector<MfaRow>& rows,
                                       OrgState* state);

// LoadMfaExport() for every source, then MergeMfaRows() over all rows; an
// export with a header and no rows gives a warning. Nothing is merged when
// any export fails; every error is kInvalidArgument (exit 2), one that is
// not about the CSV's content (a missing file) prefixed with the
// [[mfa_source]]'s file:line:col.
absl::StatusOr<std::vector<Notification>> MergeMfaSources(
    const std::vector<MfaSource>& sources, OrgState* state);

}  // namespace hublint

#endif  // HUBLINT_CONFIG_MFA_SOURCE_H_
