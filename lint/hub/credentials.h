#ifndef HUBLINT_HUB_CREDENTIALS_H_
#define HUBLINT_HUB_CREDENTIALS_H_

// Where the Docker Hub credentials come from, in this order:
//
//   1. DOCKER_HUB_USERNAME with DOCKER_HUB_TOKEN, or with
//      DOCKER_HUB_TOKEN_FILE (a file holding the token; a final newline is
//      dropped). For an organization access token the "username" is the
//      organization's name.
//   2. Docker's own configuration, $DOCKER_CONFIG/config.json or
//      ~/.docker/config.json: the credential helper named for Docker Hub in
//      `credHelpers`, else the `credsStore`, asked through the
//      docker-credential-* protocol (`docker-credential-NAME get`, the
//      server URL on standard input, {"Username", "Secret"} on standard
//      output); else the base64 `auth` of the Docker Hub entry in `auths`.
//
// Never from a flag, whose value would show in `ps`. The secret is held in a
// Secret (secret.h) and never printed.

#include <string>

#include "absl/status/statusor.h"
#include "lint/hub/secret.h"
#include "lint/util/environment.h"

namespace hublint::hub {

// What kind of secret a login uses, as far as its prefix tells.
enum class SecretKind {
  kPasswordOrLegacyToken,    // no recognized prefix
  kPersonalAccessToken,      // "dckr_pat_..."
  kOrganizationAccessToken,  // "dckr_oat_..."
};

struct Credentials {
  // The login identifier: a Docker ID, or the organization's name for an
  // organization access token.
  std::string username;
  Secret secret;
  // Where they came from, for messages: "DOCKER_HUB_TOKEN",
  // "DOCKER_HUB_TOKEN_FILE", "/home/me/.docker/config.json (auths)",
  // "docker-credential-desktop".
  std::string source;

  SecretKind kind() const;
};

// The server URL Docker stores Docker Hub credentials under.
inline constexpr char kDockerHubServerUrl[] = "https://index.docker.io/v1/";

// Finds the credentials as described above. kNotFound when there are none,
// kFailedPrecondition when a source is present but unusable (a username
// without a token, an unreadable token file, a failing helper). Messages
// never contain the secret.
absl::StatusOr<Credentials> ResolveCredentials(const Environment& env);

// Asks `docker-credential-<helper>` (found on the PATH of `env`) for the
// credentials of `server_url`.
absl::StatusOr<Credentials> CredentialsFromHelper(const std::string& helper,
                                                  const std::string& server_url,
                                                  const Environment& env);

}  // namespace hublint::hub

#endif  // HUBLINT_HUB_CREDENTIALS_H_
