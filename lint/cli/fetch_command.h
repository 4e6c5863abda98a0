#ifndef HUBLINT_CLI_FETCH_COMMAND_H_
#define HUBLINT_CLI_FETCH_COMMAND_H_

// What `fetch` and `scan` share: the collection flags and running the
// collector from them (credentials, HTTP client, progress on stderr).

#include <optional>
#include <string>
#include <vector>

#include "lint/cli/command.h"
#include "lint/config/config.h"
#include "lint/hub/collector.h"

namespace hublint::cli {

// --org, --api-url, --concurrency, --ca-file, --audit-since, --timeout,
// --quiet.
std::vector<FlagSpec> CollectionFlags();

// The outcome of CollectFromFlags(): the result, or the exit code to return
// (the message is already on ctx.err).
struct Collection {
  std::optional<hub::FetchResult> result;
  int exit_code = 0;
};

// Validates the collection flags, finds the credentials and collects the
// organization. Usage and configuration problems give exit 2, collection
// failures exit 3, each with a message on ctx.err that starts with
// "hublint COMMAND: ".
// The organization and API URL come from `config` (flags, environment,
// .hublint.toml).
Collection CollectFromFlags(std::string_view command, const ParsedArgs& args,
                            const Config& config, CommandContext& ctx);

// Prints the report's warnings and the state's gaps on ctx.err.
void ReportCollection(std::string_view command, const hub::FetchResult& result,
                      CommandContext& ctx);

}  // namespace hublint::cli

#endif  // HUBLINT_CLI_FETCH_COMMAND_H_
