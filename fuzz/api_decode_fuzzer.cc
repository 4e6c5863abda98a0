// Fuzzes the decoding of Docker Hub API answers (lint/hub/api_decode.h):
// the first byte picks the endpoint's decoder, the rest is the body. A
// remote server may answer anything; each decoder gives a value or an error
// naming the field.

#include "fuzz/fuzz_support.h"
#include "lint/hub/api_decode.h"

namespace {

template <typename T>
void Decode(const absl::StatusOr<T>& decoded) {
  hublint::fuzz::RequireMessage(decoded.status());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace hublint::hub;
  if (size == 0) return 0;
  std::string body = hublint::fuzz::AsString(data + 1, size - 1);
  DecodeNotes notes;
  switch (data[0] % 16) {
    case 0: Decode(DecodeAuthToken(body, &notes)); break;
    case 1: Decode(DecodeMembersPage(body, &notes)); break;
    case 2: Decode(DecodeInvites(body, &notes)); break;
    case 3: Decode(DecodeGroupsPage(body, &notes)); break;
    case 4: Decode(DecodeGroupMembersPage(body, &notes)); break;
    case 5: Decode(DecodeRepositoriesPage(body, &notes)); break;
    case 6: Decode(DecodeRepositoryDetails(body, &notes)); break;
    case 7: Decode(DecodeRepositoryGroupsPage(body, &notes)); break;
    case 8: Decode(DecodeRepositoryGroup(body, &notes)); break;
    case 9: Decode(DecodeOrgTokensPage(body, &notes)); break;
    case 10: Decode(DecodeOrgToken(body, &notes)); break;
    case 11: Decode(DecodePersonalTokensPage(body, &notes)); break;
    case 12: Decode(DecodeOrgSettings(body, &notes)); break;
    case 13: Decode(DecodeRegistryAccess(body, &notes)); break;
    case 14: Decode(DecodeAuditLogs(body, &notes)); break;
    default: (void)ErrorMessageOf(body); break;
  }
  return 0;
}
