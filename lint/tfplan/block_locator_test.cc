#include "lint/tfplan/block_locator.h"

#include <doctest/doctest.h>

#include "lint/util/strings.h"

namespace hublint {
namespace {

std::string Where(const std::optional<BlockLocator::Found>& found) {
  if (!found) return "not found";
  return Cat(found->path, ":", found->line, ":", found->column);
}

TEST_CASE("Follows local module sources, module by module") {
  InMemoryTfFiles files({
      {"infra/main.tf",
       "module \"org\" {\n  source = \"./modules/org\"\n}\n"
       "module \"remote\" {\n  source = \"docker/org/hub\"\n}\n"
       "resource \"docker_org_member\" \"root\" {}\n"},
      {"infra/override.tf", "resource \"docker_org_member\" \"root\" {}\n"},
      {"infra/a_override.tf",
       "resource \"docker_org_member\" \"only_here\" {}\n"},
      {"infra/modules/org/main.tf",
       "module \"teams\" {\n  source = \"../teams\"\n}\n\n"
       "  resource \"docker_org_member\" \"this\" {}\n"},
      {"infra/modules/teams/teams.tf",
       "\n\nresource \"docker_org_team\" \"this\" {}\n"},
      {"infra/modules/teams/nested/ignored.tf",
       "resource \"docker_org_team\" \"nested\" {}\n"},
  });
  BlockLocator locator("infra", files, nullptr);
  struct {
    std::vector<std::string> modules;
    const char* type;
    const char* name;
    const char* where;
  } cases[] = {
      {{}, "docker_org_member", "root", "infra/main.tf:7:1"},
      {{}, "docker_org_member", "only_here", "infra/a_override.tf:1:1"},
      {{"org"}, "docker_org_member", "this", "infra/modules/org/main.tf:5:3"},
      {{"org", "teams"},
       "docker_org_team",
       "this",
       "infra/modules/teams/teams.tf:3:1"},
      {{"org", "teams"}, "docker_org_team", "nested", "not found"},
      {{"remote"}, "docker_org_member", "this", "not found"},
      {{"missing"}, "docker_org_member", "this", "not found"},
      {{}, "docker_org_member", "nobody", "not found"},
  };
  for (const auto& c : cases) {
    INFO(std::string(c.where));
    CHECK(Where(locator.Find(c.modules, c.type, c.name)) == c.where);
  }
}

TEST_CASE("Falls back to the plan's module calls for a module's source") {
  InMemoryTfFiles files({
      {"main.tf", "module \"m\" {\n  source = local.dir\n}\n"},
      {"mods/m/main.tf", "resource \"docker_org_team\" \"t\" {}\n"},
  });
  JsonNode configuration;
  configuration.type = JsonNode::Type::kObject;
  JsonNode root, calls, m, source;
  root.type = calls.type = m.type = JsonNode::Type::kObject;
  source.type = JsonNode::Type::kString;
  source.string = "./mods/m";
  m.members.emplace_back("source", source);
  calls.members.emplace_back("m", m);
  root.members.emplace_back("module_calls", calls);
  configuration.members.emplace_back("root_module", root);
  BlockLocator locator(".", files, &configuration);
  CHECK(Where(locator.Find({"m"}, "docker_org_team", "t")) ==
        "mods/m/main.tf:1:1");
}

TEST_CASE("JoinPath normalizes lexically") {
  CHECK(JoinPath(".", "main.tf") == "main.tf");
  CHECK(JoinPath(".", "./modules/a/../b") == "modules/b");
  CHECK(JoinPath("infra/", "main.tf") == "infra/main.tf");
  CHECK(JoinPath("infra/modules/org", "../teams") == "infra/modules/teams");
  CHECK(JoinPath("", ".") == ".");
}

}  // namespace
}  // namespace hublint
