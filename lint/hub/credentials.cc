#include "lint/hub/credentials.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "lint/hub/jwt.h"
#include "lint/util/files.h"
#include "lint/util/strings.h"
#include "simdjson.h"

extern char** environ;

namespace hublint::hub {
namespace {

// The keys Docker Hub credentials may be stored under in config.json.
constexpr const char* kHubKeys[] = {
    kDockerHubServerUrl, "index.docker.io",       "https://index.docker.io/v1",
    "docker.io",         "https://docker.io",     "registry-1.docker.io",
    "hub.docker.com",    "https://hub.docker.com"};

std::string TrimNewlines(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' ||
                        s.back() == ' ' || s.back() == '\t')) {
    s.pop_back();
  }
  return s;
}

bool IsExecutable(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
         ::access(path.c_str(), X_OK) == 0;
}

std::optional<std::string> FindOnPath(const std::string& program,
                                      const Environment& env) {
  std::string path = env.Get("PATH").value_or("/usr/local/bin:/usr/bin:/bin");
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find(':', start);
    if (end == std::string::npos) end = path.size();
    std::string dir = path.substr(start, end - start);
    if (dir.empty()) dir = ".";
    std::string candidate = Cat(dir, "/", program);
    if (IsExecutable(candidate)) return candidate;
    start = end + 1;
  }
  return std::nullopt;
}

// Runs `path` with argument `arg`, writes `input` to its standard input and
// returns its standard output and exit status. Gives up after `timeout_ms`.
absl::StatusOr<std::pair<int, std::string>> RunHelper(const std::string& path,
                                                      const std::string& arg,
                                                      const std::string& input,
                                                      int timeout_ms) {
  int in_pipe[2], out_pipe[2];
  if (::pipe2(in_pipe, O_CLOEXEC) != 0) {
    return absl::InternalError(Cat("pipe: ", std::strerror(errno)));
  }
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) {
    ::close(in_pipe[0]);
    ::close(in_pipe[1]);
    return absl::InternalError(Cat("pipe: ", std::strerror(errno)));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_pipe[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  std::vector<char*> argv = {const_cast<char*>(path.c_str()),
                             const_cast<char*>(arg.c_str()), nullptr};
  pid_t pid = 0;
  int rc =
      posix_spawn(&pid, path.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  if (rc != 0) {
    ::close(in_pipe[1]);
    ::close(out_pipe[0]);
    return absl::FailedPreconditionError(
        Cat("cannot run ", path, ": ", std::strerror(rc)));
  }
  // The input is one short line: it fits in the pipe buffer.
  struct sigaction ignore = {}, old = {};
  ignore.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &ignore, &old);
  (void)!::write(in_pipe[1], input.data(), input.size());
  ::sigaction(SIGPIPE, &old, nullptr);
  ::close(in_pipe[1]);
  std::string output;
  char buffer[4096];
  int waited = 0;
  bool timed_out = false;
  while (true) {
    struct pollfd pfd = {out_pipe[0], POLLIN, 0};
    int ready = ::poll(&pfd, 1, 100);
    if (ready > 0) {
      ssize_t n = ::read(out_pipe[0], buffer, sizeof buffer);
      if (n <= 0) break;
      output.append(buffer, static_cast<size_t>(n));
      if (output.size() > (1 << 20)) break;
    } else if (ready == 0) {
      waited += 100;
      if (waited >= timeout_ms) {
        timed_out = true;
        ::kill(pid, SIGKILL);
        break;
      }
    } else if (errno != EINTR) {
      break;
    }
  }
  ::close(out_pipe[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) {
    return absl::DeadlineExceededError(
        Cat(path, " did not answer within ", timeout_ms / 1000, " s"));
  }
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return std::make_pair(code, std::move(output));
}

absl::StatusOr<Credentials> FromAuthsEntry(const std::string& config_path,
                                           std::string_view key,
                                           simdjson::dom::object entry) {
  std::string_view auth;
  if (entry["auth"].get(auth) != simdjson::SUCCESS || auth.empty()) {
    return absl::NotFoundError(Cat(config_path, ": the `auths` entry `", key,
                                   "` has no `auth` value"));
  }
  std::optional<std::string> decoded = Base64Decode(auth);
  size_t colon = decoded ? decoded->find(':') : std::string::npos;
  if (colon == std::string::npos) {
    return absl::FailedPreconditionError(
        Cat(config_path, ": the `auth` value of `", key,
            "` is not base64 of USERNAME:TOKEN"));
  }
  Credentials c;
  c.username = decoded->substr(0, colon);
  c.secret = Secret(TrimNewlines(decoded->substr(colon + 1)));
  std::fill(decoded->begin(), decoded->end(), '\0');
  c.source = Cat(config_path, " (auths)");
  return c;
}

absl::StatusOr<Credentials> FromDockerConfig(const Environment& env) {
  std::string dir;
  if (std::optional<std::string> d = env.Get("DOCKER_CONFIG");
      d && !d->empty()) {
    dir = *d;
  } else if (std::optional<std::string> home = env.Get("HOME");
             home && !home->empty()) {
    dir = Cat(*home, "/.docker");
  } else {
    return absl::NotFoundError("no HOME to find ~/.docker/config.json in");
  }
  std::string path = Cat(dir, "/config.json");
  absl::StatusOr<std::string> text = ReadFile(path, 1 << 20);
  if (!text.ok()) {
    if (absl::IsNotFound(text.status())) {
      return absl::NotFoundError(Cat(path, " does not exist"));
    }
    return absl::FailedPreconditionError(std::string(text.status().message()));
  }
  simdjson::dom::parser parser;
  simdjson::dom::object root;
  if (parser.parse(*text).get(root) != simdjson::SUCCESS) {
    std::fill(text->begin(), text->end(), '\0');
    return absl::FailedPreconditionError(Cat(path, " is not a JSON object"));
  }
  std::fill(text->begin(), text->end(), '\0');
  // 1. A helper for Docker Hub in credHelpers.
  simdjson::dom::object helpers;
  if (root["credHelpers"].get(helpers) == simdjson::SUCCESS) {
    for (const char* key : kHubKeys) {
      std::string_view helper;
      if (helpers[key].get(helper) == simdjson::SUCCESS && !helper.empty()) {
        return CredentialsFromHelper(std::string(helper), kDockerHubServerUrl,
                                     env);
      }
    }
  }
  // 2. The default store.
  std::string_view store;
  if (root["credsStore"].get(store) == simdjson::SUCCESS && !store.empty()) {
    return CredentialsFromHelper(std::string(store), kDockerHubServerUrl, env);
  }
  // 3. auths.
  simdjson::dom::object auths;
  if (root["auths"].get(auths) == simdjson::SUCCESS) {
    for (const char* key : kHubKeys) {
      simdjson::dom::object entry;
      if (auths[key].get(entry) == simdjson::SUCCESS) {
        return FromAuthsEntry(path, key, entry);
      }
    }
  }
  return absl::NotFoundError(Cat(path, " has no Docker Hub credentials"));
}

}  // namespace

SecretKind Credentials::kind() const {
  std::string_view s = secret.Reveal();
  if (s.starts_with("dckr_pat_")) return SecretKind::kPersonalAccessToken;
  if (s.starts_with("dckr_oat_")) return SecretKind::kOrganizationAccessToken;
  return SecretKind::kPasswordOrLegacyToken;
}

absl::StatusOr<Credentials> CredentialsFromHelper(const std::string& helper,
                                                  const std::string& server_url,
                                                  const Environment& env) {
  std::string program = Cat("docker-credential-", helper);
  std::optional<std::string> path = FindOnPath(program, env);
  if (!path) {
    return absl::FailedPreconditionError(
        Cat("Docker's configuration names the credential helper `", helper,
            "`, but ", program, " is not on the PATH"));
  }
  absl::StatusOr<std::pair<int, std::string>> run =
      RunHelper(*path, "get", server_url, 30000);
  if (!run.ok()) return run.status();
  auto& [code, output] = *run;
  if (code != 0) {
    // The helper's error text (e.g. "credentials not found in native
    // keychain") holds no secret: show its first line.
    std::string first = output.substr(0, output.find('\n'));
    if (first.size() > 200) first.resize(200);
    return absl::FailedPreconditionError(
        Cat(program, " get failed with exit code ", code,
            first.empty() ? std::string() : Cat(": ", first)));
  }
  simdjson::dom::parser parser;
  simdjson::dom::object answer;
  std::string_view username, secret;
  bool ok = parser.parse(output).get(answer) == simdjson::SUCCESS &&
            answer["Username"].get(username) == simdjson::SUCCESS &&
            answer["Secret"].get(secret) == simdjson::SUCCESS;
  Credentials c;
  if (ok) {
    c.username = std::string(username);
    c.secret = Secret(std::string(secret));
  }
  std::fill(output.begin(), output.end(), '\0');
  if (!ok || c.username.empty() || c.secret.empty()) {
    return absl::FailedPreconditionError(
        Cat(program,
            " get did not answer {\"Username\": ..., \"Secret\": "
            "...} with both set"));
  }
  c.source = program;
  return c;
}

absl::StatusOr<Credentials> ResolveCredentials(const Environment& env) {
  std::optional<std::string> username = env.Get("DOCKER_HUB_USERNAME");
  std::optional<std::string> token = env.Get("DOCKER_HUB_TOKEN");
  std::optional<std::string> token_file = env.Get("DOCKER_HUB_TOKEN_FILE");
  if (username && username->empty()) username.reset();
  if (token && token->empty()) token.reset();
  if (token_file && token_file->empty()) token_file.reset();
  if (username || token || token_file) {
    if (!username) {
      return absl::FailedPreconditionError(
          "DOCKER_HUB_TOKEN or DOCKER_HUB_TOKEN_FILE is set but "
          "DOCKER_HUB_USERNAME is not (for an organization access token, "
          "set it to the organization's name)");
    }
    Credentials c;
    c.username = *username;
    if (token) {
      c.secret = Secret(TrimNewlines(*token));
      std::fill(token->begin(), token->end(), '\0');
      c.source = "DOCKER_HUB_TOKEN";
    } else if (token_file) {
      absl::StatusOr<std::string> text = ReadFile(*token_file, 64 << 10);
      if (!text.ok()) {
        return absl::FailedPreconditionError(
            Cat("DOCKER_HUB_TOKEN_FILE: ", ToStd(text.status().message())));
      }
      c.secret = Secret(TrimNewlines(*text));
      std::fill(text->begin(), text->end(), '\0');
      c.source = Cat("DOCKER_HUB_TOKEN_FILE (", *token_file, ")");
    } else {
      return absl::FailedPreconditionError(
          "DOCKER_HUB_USERNAME is set but neither DOCKER_HUB_TOKEN nor "
          "DOCKER_HUB_TOKEN_FILE is");
    }
    if (c.secret.empty()) {
      return absl::FailedPreconditionError(
          Cat(c.source, ": the token is empty"));
    }
    return c;
  }
  absl::StatusOr<Credentials> docker = FromDockerConfig(env);
  if (absl::IsNotFound(docker.status())) {
    return absl::NotFoundError(
        Cat("no Docker Hub credentials: set DOCKER_HUB_USERNAME and "
            "DOCKER_HUB_TOKEN (or DOCKER_HUB_TOKEN_FILE), or run `docker "
            "login` (",
            ToStd(docker.status().message()), ")"));
  }
  return docker;
}

}  // namespace hublint::hub
