#include "lint/rules/state_types.h"

#include <doctest/doctest.h>

#include <set>

namespace hublint {
namespace {

TEST_CASE("Every type and field rules can read is described") {
  std::vector<const cel::StructType*> types = StateTypes();
  std::vector<std::string> names;
  for (const cel::StructType* t : types) names.push_back(t->name());
  CHECK(names == std::vector<std::string>{
                     "hublint.Org", "hublint.Member", "hublint.Team",
                     "hublint.Repository", "hublint.Token", "hublint.Invite",
                     "hublint.Integration", "hublint.Settings",
                     "hublint.Source", "hublint.AuditEvent", "hublint.Change",
                     "hublint.RepositoryPermission", "hublint.TokenResource",
                     "hublint.ImageAccessManagement",
                     "hublint.RegistryAccessManagement", "hublint.Gap",
                     "hublint.CustomRegistry"});
  for (const cel::StructType* type : types) {
    CAPTURE(type->name());
    CHECK(!TypeDescription(type).empty());
    for (size_t i = 0; i < type->fields().size(); ++i) {
      CAPTURE(type->fields()[i].name);
      std::string_view d = FieldDescription(type, static_cast<int>(i));
      CHECK(!d.empty());
      CHECK(d.find('\n') == std::string_view::npos);
    }
  }
}

TEST_CASE("Resources a plan changes have a nullable `change`") {
  for (const cel::StructType* type :
       {MemberType(), TeamType(), RepositoryType(), TokenType(),
        InviteType()}) {
    CAPTURE(type->name());
    int field = type->FindField("change");
    REQUIRE(field >= 0);
    const cel::FieldDecl& change = type->field(field);
    CHECK(change.nullable);
    CHECK_FALSE(change.unknowable);
    CHECK(change.type.DebugString() == "hublint.Change");
  }
  CHECK(OrgType()->FindField("change") < 0);
  CHECK(IntegrationType()->FindField("change") < 0);
}

}  // namespace
}  // namespace hublint
