#include "lint/tfplan/block_locator.h"

#include <algorithm>

#include "lint/tfplan/plan_references.h"

namespace hublint {
namespace {

bool IsOverrideFile(const std::string& name) {
  return name == "override.tf" || name.ends_with("_override.tf");
}

bool IsLocalSource(const std::string& source) {
  return source.starts_with("./") || source.starts_with("../");
}

}  // namespace

const std::vector<BlockLocator::FileBlock>& BlockLocator::Blocks(
    const std::string& dir) {
  auto [it, inserted] = cache_.try_emplace(dir);
  if (!inserted) return it->second;
  std::vector<std::string> names = files_.ListTfFiles(dir);
  std::stable_partition(names.begin(), names.end(), [](const std::string& n) {
    return !IsOverrideFile(n);
  });
  for (const std::string& name : names) {
    std::string path = JoinPath(dir, name);
    std::optional<std::string> text = files_.Read(path);
    if (!text) continue;
    for (HclBlock& block : ScanHclBlocks(*text)) {
      it->second.push_back({path, std::move(block)});
    }
  }
  return it->second;
}

std::optional<std::string> BlockLocator::ModuleSource(
    const std::string& dir, const std::vector<std::string>& module_names,
    size_t depth) {
  const std::string& name = module_names[depth];
  for (const FileBlock& fb : Blocks(dir)) {
    if (fb.block.kind == HclBlock::Kind::kModule && fb.block.name == name &&
        fb.block.source) {
      return fb.block.source;
    }
  }
  // The plan's configuration records each module call's source too.
  std::vector<std::string> parents(module_names.begin(),
                                   module_names.begin() + depth);
  const JsonNode* module =
      tfplan_internal::ConfigModule(configuration_, parents);
  const JsonNode* calls = module ? module->Find("module_calls") : nullptr;
  const JsonNode* call = calls ? calls->Find(name) : nullptr;
  const JsonNode* source = call ? call->Find("source") : nullptr;
  if (source != nullptr && source->is_string()) return source->string;
  return std::nullopt;
}

std::optional<BlockLocator::Found> BlockLocator::Find(
    const std::vector<std::string>& module_names, std::string_view type,
    std::string_view name) {
  std::string dir = root_dir_.empty() ? "." : root_dir_;
  for (size_t depth = 0; depth < module_names.size(); ++depth) {
    std::optional<std::string> source = ModuleSource(dir, module_names, depth);
    if (!source || !IsLocalSource(*source)) return std::nullopt;
    dir = JoinPath(dir, *source);
  }
  for (const FileBlock& fb : Blocks(dir)) {
    if (fb.block.kind == HclBlock::Kind::kResource && fb.block.type == type &&
        fb.block.name == name) {
      return Found{fb.path, fb.block.line, fb.block.column};
    }
  }
  return std::nullopt;
}

}  // namespace hublint
