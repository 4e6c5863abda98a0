#include "lint/cli/fetch_command.h"

#include <charconv>
#include <memory>
#include <ostream>

#include "lint/cli/policy_options.h"
#include "lint/config/precedence.h"
#include "lint/hub/credentials.h"
#include "lint/hub/curl_http_client.h"
#include "lint/hub/progress.h"
#include "lint/state/snapshot_writer.h"
#include "lint/util/exit_code.h"
#include "lint/util/files.h"
#include "lint/util/strings.h"
#include "lint/util/time_format.h"

namespace hublint::cli {
namespace {

constexpr int kMaxConcurrency = 64;

std::optional<double> ParsePositive(const std::string& text) {
  double v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() ||
      !(v > 0)) {
    return std::nullopt;
  }
  return v;
}

int Incomplete(std::string_view command, std::string_view message,
               CommandContext& ctx) {
  ctx.err << "hublint " << command << ": " << message << "\n";
  return static_cast<int>(ExitCode::kIncomplete);
}

int ConfigError(std::string_view command, std::string_view message,
                CommandContext& ctx) {
  ctx.err << "hublint " << command << ": " << message << "\n";
  return static_cast<int>(ExitCode::kUsage);
}

std::string Summary(const hub::FetchResult& r) {
  const OrgState& s = r.state;
  const hub::SessionStats& st = r.report.session;
  return Cat(s.org_name, ": ", s.members.size(), " members, ", s.teams.size(),
             " teams, ", s.repositories.size(), " repositories, ",
             s.access_tokens.size(), " tokens, ", s.invites.size(),
             " invites, ", s.audit_events.size(), " audit events; ",
             st.requests, " requests (", st.retries, " retries, ",
             st.rate_limit_waits, " rate-limit waits)");
}

int RunFetch(const ParsedArgs& args, CommandContext& ctx) {
  if (!args.positional().empty()) {
    return UsageError(
        "fetch", Cat("unexpected argument `", args.positional()[0], "`"), ctx);
  }
  // Only the collection's part of the configuration: fetch's --output is
  // the snapshot, not a report.
  FlagValues flags;
  flags.config = args.Value("config");
  flags.no_config = args.Has("no-config");
  flags.org = args.Value("org");
  flags.api_url = args.Value("api-url");
  absl::StatusOr<Config> config = ResolveConfig(flags, ctx.env, "");
  if (!config.ok()) return ConfigError("fetch", config.status(), ctx);
  Collection c = CollectFromFlags("fetch", args, *config, ctx);
  if (!c.result) return c.exit_code;
  ReportCollection("fetch", *c.result, ctx);
  std::string output = args.Value("output").value_or("-");
  std::string text = WriteSnapshot(c.result->state);
  absl::Status written = absl::OkStatus();
  if (output == "-") {
    ctx.out << text << std::flush;
  } else {
    written = WriteFileAtomically(output, text);
  }
  if (!written.ok()) {
    return ConfigError(
        "fetch", Cat("cannot write the snapshot: ", ToStd(written.message())),
        ctx);
  }
  if (!args.Has("quiet")) {
    ctx.err << "hublint fetch: " << Summary(*c.result);
    if (output != "-") ctx.err << "; snapshot in " << output;
    ctx.err << "\n";
  }
  if (!c.result->state.source.complete) {
    if (args.Has("allow-partial")) return static_cast<int>(ExitCode::kClean);
    ctx.err << "hublint fetch: the snapshot is marked incomplete; exit 3 "
               "(pass --allow-partial to accept it)\n";
    return static_cast<int>(ExitCode::kIncomplete);
  }
  return static_cast<int>(ExitCode::kClean);
}

}  // namespace

std::vector<FlagSpec> CollectionFlags() {
  return {
      {"org", "NAME", "the organization to collect (required)"},
      {"api-url", "URL",
       Cat("the Docker Hub API (default ", hub::kDefaultApiUrl,
           "; plain http only to a loopback address)")},
      {"concurrency", "N",
       "requests in flight at once (default 8, at most 64)"},
      {"ca-file", "FILE",
       "PEM file of CA certificates to trust, for a private CA"},
      {"audit-since", "DATE",
       "also read the audit log from DATE (2026-11-01 or RFC 3339) on"},
      {"timeout", "SECONDS", "the longest one request may take (default 30)"},
      {"quiet", "", "no progress lines on stderr"},
  };
}

Collection CollectFromFlags(std::string_view command, const ParsedArgs& args,
                            const Config& config, CommandContext& ctx) {
  Collection out;
  hub::FetchOptions options;
  // --org and --api-url are part of the configuration: flag, then
  // HUBLINT_ORG / HUBLINT_API_URL, then .hublint.toml.
  if (config.org.value.empty()) {
    out.exit_code = UsageError(
        command,
        "give the organization with --org NAME (or `org` in .hublint.toml)",
        ctx);
    return out;
  }
  options.org = config.org.value;
  options.api_url = config.api_url.value;
  if (absl::StatusOr<hub::ParsedUrl> api = hub::CheckApiUrl(options.api_url);
      !api.ok()) {
    out.exit_code = UsageError(
        command, Cat("--api-url: ", ToStd(api.status().message())), ctx);
    return out;
  }
  if (std::optional<std::string> n = args.Value("concurrency")) {
    std::optional<double> v = ParsePositive(*n);
    if (!v || *v != static_cast<int>(*v) || *v > kMaxConcurrency) {
      out.exit_code =
          UsageError(command,
                     Cat("--concurrency: expected a whole number from 1 to ",
                         kMaxConcurrency, ", got `", *n, "`"),
                     ctx);
      return out;
    }
    options.concurrency = static_cast<int>(*v);
  }
  hub::CurlHttpClientOptions http_options;
  if (std::optional<std::string> t = args.Value("timeout")) {
    std::optional<double> v = ParsePositive(*t);
    if (!v || *v > 3600) {
      out.exit_code = UsageError(
          command,
          Cat("--timeout: expected a number of seconds from 0.001 to 3600, "
              "got `",
              *t, "`"),
          ctx);
      return out;
    }
    http_options.timeout = absl::Milliseconds(static_cast<int64_t>(*v * 1000));
    http_options.connect_timeout =
        std::min(http_options.connect_timeout, http_options.timeout);
  }
  if (std::optional<std::string> ca = args.Value("ca-file")) {
    absl::StatusOr<std::string> pem = ReadFile(*ca, 16 << 20);
    if (!pem.ok()) {
      out.exit_code = UsageError(
          command, Cat("--ca-file: ", ToStd(pem.status().message())), ctx);
      return out;
    }
    http_options.ca_file = *ca;
  }
  if (std::optional<std::string> since = args.Value("audit-since")) {
    absl::StatusOr<absl::Time> t = ParseDate(*since);
    if (!t.ok()) t = ParseRfc3339(*since);
    if (!t.ok()) {
      out.exit_code = UsageError(
          command,
          Cat("--audit-since: expected a date (2026-11-01) or an RFC 3339 "
              "timestamp, got `",
              *since, "`"),
          ctx);
      return out;
    }
    options.audit_since = *t;
  }
  absl::StatusOr<hub::Credentials> credentials =
      hub::ResolveCredentials(ctx.env);
  if (!credentials.ok()) {
    out.exit_code =
        ConfigError(command, ToStd(credentials.status().message()), ctx);
    return out;
  }
  std::unique_ptr<hub::FetchProgress> progress;
  if (!args.Has("quiet")) {
    progress = ctx.err_is_terminal
                   ? hub::NewTerminalProgress(ctx.err, ctx.clock)
                   : hub::NewLogProgress(ctx.err);
  }
  std::unique_ptr<hub::HttpClient> http = hub::NewCurlHttpClient(http_options);
  absl::StatusOr<hub::FetchResult> result =
      hub::FetchOrg(options, *credentials, *http, ctx.clock, progress.get());
  if (!result.ok()) {
    if (result.status().code() == absl::StatusCode::kInvalidArgument &&
        ToStd(result.status().message()).starts_with("`")) {
      out.exit_code =
          UsageError(command, ToStd(result.status().message()), ctx);
      return out;
    }
    out.exit_code = Incomplete(
        command,
        Cat("cannot collect the organization `", options.org,
            "`: ", ToStd(result.status().message()),
            "\nNo snapshot was written and no verdict is given (exit 3)."),
        ctx);
    return out;
  }
  out.result = std::move(*result);
  return out;
}

void ReportCollection(std::string_view command, const hub::FetchResult& result,
                      CommandContext& ctx) {
  for (const std::string& w : result.report.warnings) {
    ctx.err << "hublint " << command << ": warning: " << w << "\n";
  }
  const SourceInfo& source = result.state.source;
  if (source.gaps.empty()) return;
  ctx.err << "hublint " << command << ": "
          << (source.complete ? "not readable with these credentials (rules "
                                "that need it give review results):\n"
                              : "these parts could not be read:\n");
  for (const SourceGap& gap : source.gaps) {
    ctx.err << "  " << gap.part << ": " << gap.reason << "\n";
  }
}

Command FetchCommand() {
  std::vector<FlagSpec> flags = CollectionFlags();
  flags.push_back({"output", "FILE",
                   "where to write the snapshot (default stdout; written "
                   "atomically)"});
  flags.push_back({"allow-partial", "",
                   "exit 0 even when the snapshot is marked incomplete"});
  flags.push_back({"config", "FILE",
                   "the configuration file, for `org` and `api_url` (default: "
                   ".hublint.toml, found upward)"});
  flags.push_back({"no-config", "", "read no configuration file"});
  return Command{
      .name = "fetch",
      .summary = "collect an organization's state from the Docker Hub API",
      .usage =
          "hublint fetch --org NAME [--api-url URL] [--output FILE] "
          "[options]",
      .description =
          "Collects the organization's live state from the Docker Hub API "
          "into a\n"
          "hublint/state/v1 snapshot: members (editors through "
          "?role=editor), invites,\n"
          "teams and their members, repositories and team grants, "
          "organization and\n"
          "personal access tokens, Image and Registry Access Management, and "
          "the\n"
          "audit log with --audit-since.\n"
          "\n"
          "Credentials: DOCKER_HUB_USERNAME with DOCKER_HUB_TOKEN or\n"
          "DOCKER_HUB_TOKEN_FILE (for an organization access token the "
          "username is\n"
          "the organization), else Docker's ~/.docker/config.json and its "
          "credential\n"
          "helpers. See docs/collection.md for what each kind of token can "
          "see.\n"
          "\n"
          "A part the API refuses becomes a named gap and the snapshot is "
          "marked\n"
          "incomplete (exit 3 unless --allow-partial). Any other failure "
          "writes no\n"
          "snapshot and exits 3 with the endpoint and the reason.\n",
      .flags = flags,
      .run = RunFetch,
  };
}

}  // namespace hublint::cli
