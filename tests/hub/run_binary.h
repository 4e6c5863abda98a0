#ifndef HUBLINT_TESTS_HUB_RUN_BINARY_H_
#define HUBLINT_TESTS_HUB_RUN_BINARY_H_

// Runs the real hublint binary with a chosen environment and captures its
// exit code, stdout and stderr.

#include <map>
#include <string>
#include <vector>

namespace hublint::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline constexpr char kHublintBinary[] = HUBLINT_BINARY_DIR "/lint/cli/hublint";

// Runs `kHublintBinary args...` with exactly `env` as its environment, in
// `cwd`, with stdin from /dev/null. With `crash_after_ms` > 0, sends the
// process `crash_signal` after that many milliseconds (a crash mid-run).
RunResult RunHublint(const std::vector<std::string>& args,
                     const std::map<std::string, std::string>& env,
                     const std::string& cwd, int crash_after_ms = 0,
                     int crash_signal = 11);

// A fresh directory under /tmp, removed with the object.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  // Writes `text` to `name` in the directory; returns the path.
  std::string Write(const std::string& name, const std::string& text,
                    bool executable = false) const;
  // The contents of `name`, or "" when it does not exist.
  std::string Read(const std::string& name) const;
  bool Exists(const std::string& name) const;

 private:
  std::string path_;
};

}  // namespace hublint::testing

#endif  // HUBLINT_TESTS_HUB_RUN_BINARY_H_
