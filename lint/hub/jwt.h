#ifndef HUBLINT_HUB_JWT_H_
#define HUBLINT_HUB_JWT_H_

// Reads the expiry of the JWT that POST /v2/auth/token returns, so that the
// collector logs in again before it runs out (the API says ten minutes).
// The signature is not checked: the client only needs to know when its own
// token expires, and the server checks the rest.

#include <optional>
#include <string_view>

#include "absl/time/time.h"

namespace hublint::hub {

// The `exp` claim of `jwt`, or nullopt when the token is not a JWT or has no
// numeric `exp`.
std::optional<absl::Time> JwtExpiry(std::string_view jwt);

// Decodes unpadded base64url ("-" and "_"); nullopt on a bad character.
std::optional<std::string> Base64UrlDecode(std::string_view text);

// Decodes standard base64 with or without padding; nullopt when malformed.
std::optional<std::string> Base64Decode(std::string_view text);

}  // namespace hublint::hub

#endif  // HUBLINT_HUB_JWT_H_
