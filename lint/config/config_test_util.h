#ifndef HUBLINT_CONFIG_CONFIG_TEST_UTIL_H_
#define HUBLINT_CONFIG_CONFIG_TEST_UTIL_H_

// Helpers shared by the config tests (doctest only).

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "lint/config/config_file.h"
#include "lint/findings/run_info.h"
#include "lint/util/strings.h"

namespace hublint {

// The config in `text`, read as `.hublint.toml`; fails the test when it is
// not valid.
inline Config ParseTestConfig(std::string text) {
  absl::StatusOr<Config> config =
      ParseConfigFile(std::move(text), ".hublint.toml");
  INFO(ToStd(config.status().message()));
  REQUIRE(config.ok());
  return *std::move(config);
}

// "warning: message" for each notification.
inline std::vector<std::string> NotificationTexts(
    const std::vector<Notification>& notes) {
  std::vector<std::string> texts;
  for (const Notification& n : notes) {
    texts.push_back(Cat(LevelName(n.level), ": ", n.message));
  }
  return texts;
}

}  // namespace hublint

#endif  // HUBLINT_CONFIG_CONFIG_TEST_UTIL_H_
