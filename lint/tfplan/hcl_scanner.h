#ifndef HUBLINT_TFPLAN_HCL_SCANNER_H_
#define HUBLINT_TFPLAN_HCL_SCANNER_H_

// Finds the top-level `resource "TYPE" "NAME" {` and `module "NAME" {` blocks
// of a Terraform file (HCL native syntax), so that findings on a plan land on
// the line of the block the pull request touches.
//
// Not an HCL parser: it knows just enough of the syntax not to be fooled by
// text that looks like a block but is not one, namely comments (`#`, `//`,
// `/* */`), quoted strings with escapes and `${ }` / `%{ }` templates
// (nested strings and braces included), and heredocs (`<<EOT`, `<<-EOT`).
// Nesting of `{ [ (` is tracked so that only top-level blocks count. It never
// fails: malformed text (an unterminated string, say) ends the scan of that
// construct at the end of the file, and the blocks found so far stand.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hublint {

struct HclBlock {
  enum class Kind : uint8_t { kResource, kModule };
  Kind kind = Kind::kResource;
  std::string type;  // the resource type; empty for a module
  std::string name;  // the resource's or the module's name
  // A module's `source` attribute when it is a plain string literal
  // ("./modules/members"); nullopt otherwise and for resources.
  std::optional<std::string> source;
  // 1-based line and byte column of the block's first keyword.
  uint32_t line = 0;
  uint32_t column = 0;

  bool operator==(const HclBlock&) const = default;
};

// The top-level resource and module blocks of `text`, in file order. Labels
// may be quoted ("docker_org_member") or bare identifiers. `data`, `variable`
// and other blocks are skipped.
std::vector<HclBlock> ScanHclBlocks(std::string_view text);

}  // namespace hublint

#endif  // HUBLINT_TFPLAN_HCL_SCANNER_H_
