#ifndef HUBLINT_CONFIG_CONFIG_SHOW_H_
#define HUBLINT_CONFIG_CONFIG_SHOW_H_

// The text of `hublint config show`: the effective configuration as a
// TOML document, every value followed by a comment saying where it came
// from ("default", ".hublint.toml:3:7", "env HUBLINT_FAIL_ON", "flag
// --fail-on"). The output is itself a valid .hublint.toml that reads back
// to the same values, so it can seed a new config file.

#include <string>

#include "lint/config/config.h"

namespace hublint {

std::string ShowConfig(const Config& config);

}  // namespace hublint

#endif  // HUBLINT_CONFIG_CONFIG_SHOW_H_
