// Fuzzes the config file reader (lint/config/config_file.h): any bytes as a
// .hublint.toml either give a Config (settings, waivers, integrations, MFA
// sources, outputs) or diagnostics.

#include "fuzz/fuzz_support.h"
#include "lint/config/config_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  absl::StatusOr<hublint::Config> config =
      hublint::ParseConfigFile(hublint::fuzz::AsString(data, size),
                               "fuzz/.hublint.toml");
  hublint::fuzz::RequireMessage(config.status());
  return 0;
}
