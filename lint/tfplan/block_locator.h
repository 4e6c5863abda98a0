#ifndef HUBLINT_TFPLAN_BLOCK_LOCATOR_H_
#define HUBLINT_TFPLAN_BLOCK_LOCATOR_H_

// Finds the `resource "TYPE" "NAME"` block that declares a resource of a
// plan, in the `.tf` files of the root module or, for a resource in a
// module, of the module's local source directory (`source = "./modules/x"`,
// followed module by module). Modules from a registry or Git are not
// followed: their resources keep their plan JSON location.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/tfplan/hcl_scanner.h"
#include "lint/tfplan/json_tree.h"
#include "lint/tfplan/tf_files.h"

namespace hublint {

class BlockLocator {
 public:
  // `root_dir`: the root module's directory; `configuration`: the plan's
  // `configuration` object (its module calls name module sources when a
  // module block cannot be read), or nullptr.
  BlockLocator(std::string root_dir, const TfFiles& files,
               const JsonNode* configuration)
      : root_dir_(std::move(root_dir)),
        files_(files),
        configuration_(configuration) {}

  struct Found {
    std::string path;  // root_dir joined with the file's path in it
    uint32_t line = 0;
    uint32_t column = 0;
    bool operator==(const Found&) const = default;
  };

  // The block of resource `type.name` in module `module_names` (empty: the
  // root module); instance keys play no part, since every instance of a
  // `count` or `for_each` resource comes from one block. Override files
  // (`override.tf`, `*_override.tf`) are searched last.
  std::optional<Found> Find(const std::vector<std::string>& module_names,
                            std::string_view type, std::string_view name);

 private:
  struct FileBlock {
    std::string path;
    HclBlock block;
  };
  const std::vector<FileBlock>& Blocks(const std::string& dir);
  std::optional<std::string> ModuleSource(
      const std::string& dir, const std::vector<std::string>& module_names,
      size_t depth);

  std::string root_dir_;
  const TfFiles& files_;
  const JsonNode* configuration_;
  std::map<std::string, std::vector<FileBlock>> cache_;
};

}  // namespace hublint

#endif  // HUBLINT_TFPLAN_BLOCK_LOCATOR_H_
