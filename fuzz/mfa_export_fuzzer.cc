// Fuzzes the identity-provider MFA export reader (lint/config/mfa_source.h
// over csv.h): any bytes as a CSV export, read with each preset (Entra ID,
// Okta) and with named columns, either give rows or a diagnostic.

#include "fuzz/fuzz_support.h"
#include "lint/config/mfa_source.h"

namespace {

std::vector<hublint::MfaSource> Sources() {
  std::vector<hublint::MfaSource> sources;
  for (const std::string& name : hublint::MfaPresetNames()) {
    sources.push_back(*hublint::MfaPreset(name));
  }
  hublint::MfaSource named;
  named.email_columns = {"email", "mail"};
  named.mfa_columns = {"mfa"};
  named.enabled_values = hublint::DefaultMfaEnabledValues();
  named.disabled_values = hublint::DefaultMfaDisabledValues();
  named.other_values = hublint::OtherMfaValues::kDisabled;
  sources.push_back(named);
  for (hublint::MfaSource& s : sources) s.path = "fuzz.csv";
  return sources;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::vector<hublint::MfaSource> sources = Sources();
  hublint::SourceText csv("fuzz.csv", hublint::fuzz::AsString(data, size));
  for (const hublint::MfaSource& source : sources) {
    absl::StatusOr<std::vector<hublint::MfaRow>> rows =
        hublint::ReadMfaExport(source, csv);
    hublint::fuzz::RequireMessage(rows.status());
  }
  return 0;
}
