#include "lint/tfplan/tf_files.h"

#include <algorithm>
#include <filesystem>

#include "lint/util/files.h"

namespace hublint {
namespace {

constexpr size_t kMaxTfFileBytes = size_t{16} << 20;

bool IsTfFileName(const std::string& name) {
  return name.size() > 3 && name.ends_with(".tf");
}

}  // namespace

std::vector<std::string> DiskTfFiles::ListTfFiles(
    const std::string& dir) const {
  std::vector<std::string> names;
  std::error_code ec;
  std::filesystem::directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (IsTfFileName(name) && it->is_regular_file(ec)) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::optional<std::string> DiskTfFiles::Read(const std::string& path) const {
  absl::StatusOr<std::string> text = ReadFile(path, kMaxTfFileBytes);
  if (!text.ok()) return std::nullopt;
  return *std::move(text);
}

std::vector<std::string> InMemoryTfFiles::ListTfFiles(
    const std::string& dir) const {
  std::vector<std::string> names;
  for (const auto& [path, text] : files_) {
    size_t slash = path.rfind('/');
    std::string parent =
        slash == std::string::npos ? "." : path.substr(0, slash);
    std::string name = path.substr(slash == std::string::npos ? 0 : slash + 1);
    if (parent == JoinPath(".", dir) && IsTfFileName(name)) {
      names.push_back(name);
    }
  }
  return names;  // std::map keeps them sorted within a directory
}

std::optional<std::string> InMemoryTfFiles::Read(
    const std::string& path) const {
  auto it = files_.find(JoinPath(".", path));
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

std::string JoinPath(const std::string& dir, const std::string& relative) {
  std::filesystem::path joined =
      (std::filesystem::path(dir.empty() ? "." : dir) / relative)
          .lexically_normal();
  std::string out = joined.generic_string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out.empty() ? "." : out;
}

}  // namespace hublint
