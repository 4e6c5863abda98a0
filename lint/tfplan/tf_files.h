#ifndef HUBLINT_TFPLAN_TF_FILES_H_
#define HUBLINT_TFPLAN_TF_FILES_H_

// The Terraform configuration files the plan reader looks into for block
// locations, behind an interface so that tests hand it files from memory.

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hublint {

class TfFiles {
 public:
  virtual ~TfFiles() = default;
  // The names (not paths) of the `*.tf` files directly in directory `dir`,
  // sorted; empty when `dir` does not exist or holds none. Terraform reads a
  // module from one directory, not its subdirectories, and so does this.
  virtual std::vector<std::string> ListTfFiles(
      const std::string& dir) const = 0;
  // The contents of the file at `path`, or nullopt when it cannot be read.
  virtual std::optional<std::string> Read(const std::string& path) const = 0;
};

// The real file system. Files larger than 16 MiB are not read.
class DiskTfFiles : public TfFiles {
 public:
  std::vector<std::string> ListTfFiles(const std::string& dir) const override;
  std::optional<std::string> Read(const std::string& path) const override;
};

// Files held in memory, keyed by path with forward slashes ("main.tf",
// "modules/members/main.tf"); the directory of "main.tf" is ".".
class InMemoryTfFiles : public TfFiles {
 public:
  InMemoryTfFiles() = default;
  explicit InMemoryTfFiles(std::map<std::string, std::string> files)
      : files_(std::move(files)) {}
  std::vector<std::string> ListTfFiles(const std::string& dir) const override;
  std::optional<std::string> Read(const std::string& path) const override;

 private:
  std::map<std::string, std::string> files_;
};

// `dir` joined with `relative` and normalized lexically, with forward
// slashes and no "./" prefix: JoinPath(".", "./modules/a/../b") is
// "modules/b", JoinPath("infra", "main.tf") is "infra/main.tf".
std::string JoinPath(const std::string& dir, const std::string& relative);

}  // namespace hublint

#endif  // HUBLINT_TFPLAN_TF_FILES_H_
