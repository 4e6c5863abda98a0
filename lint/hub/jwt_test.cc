#include "lint/hub/jwt.h"

#include <doctest/doctest.h>

namespace hublint::hub {
namespace {

TEST_CASE("Base64 and base64url decode") {
  CHECK(Base64Decode("ZGFuOnMzY3JldA==") == "dan:s3cret");
  CHECK(Base64Decode("ZGFuOnMzY3JldA") == "dan:s3cret");
  CHECK(Base64UrlDecode("eyJleHAiOjF9") == R"({"exp":1})");
  CHECK(Base64UrlDecode("-_8") == std::string("\xfb\xff", 2));
  CHECK(Base64Decode("not base64!") == std::nullopt);
  CHECK(Base64Decode("a") == std::nullopt);
}

TEST_CASE("JwtExpiry reads the exp claim") {
  // {"alg":"HS256"} . {"exp":1795658400,"username":"dan"} . sig
  std::string jwt =
      "eyJhbGciOiJIUzI1NiJ9."
      "eyJleHAiOjE3OTU2NTg0MDAsInVzZXJuYW1lIjoiZGFuIn0.c2ln";
  CHECK(JwtExpiry(jwt) == absl::FromUnixSeconds(1795658400));
  // {"username":"dan"}: no exp.
  CHECK(JwtExpiry("e30.eyJ1c2VybmFtZSI6ImRhbiJ9.c2ln") == std::nullopt);
  CHECK(JwtExpiry("opaque-token") == std::nullopt);
  CHECK(JwtExpiry("a.%%%.b") == std::nullopt);
}

}  // namespace
}  // namespace hublint::hub
