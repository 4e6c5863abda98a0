#include "tests/hub/run_binary.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "lint/util/strings.h"

namespace hublint::testing {

TempDir::TempDir() {
  char tmpl[] = "/tmp/hublint-test-XXXXXX";
  path_ = ::mkdtemp(tmpl);
}

TempDir::~TempDir() { std::system(Cat("rm -rf '", path_, "'").c_str()); }

std::string TempDir::Write(const std::string& name, const std::string& text,
                           bool executable) const {
  std::string p = Cat(path_, "/", name);
  std::ofstream(p, std::ios::binary) << text;
  if (executable) ::chmod(p.c_str(), 0755);
  return p;
}

std::string TempDir::Read(const std::string& name) const {
  std::ifstream in(Cat(path_, "/", name), std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool TempDir::Exists(const std::string& name) const {
  return ::access(Cat(path_, "/", name).c_str(), F_OK) == 0;
}

RunResult RunHublint(const std::vector<std::string>& args,
                     const std::map<std::string, std::string>& env,
                     const std::string& cwd, int crash_after_ms,
                     int crash_signal) {
  TempDir io;
  std::string out_path = Cat(io.path(), "/stdout");
  std::string err_path = Cat(io.path(), "/stderr");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  std::vector<std::string> argv_storage = {kHublintBinary};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_storage;
  for (const auto& [k, v] : env) env_storage.push_back(Cat(k, "=", v));
  std::vector<char*> envp;
  for (std::string& e : env_storage) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid = 0;
  RunResult result;
  if (posix_spawn(&pid, kHublintBinary, &actions, nullptr, argv.data(),
                  envp.data()) != 0) {
    posix_spawn_file_actions_destroy(&actions);
    return result;
  }
  posix_spawn_file_actions_destroy(&actions);
  if (crash_after_ms > 0) {
    ::usleep(static_cast<useconds_t>(crash_after_ms) * 1000);
    ::kill(pid, crash_signal);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code =
      WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = io.Read("stdout");
  result.err = io.Read("stderr");
  return result;
}

}  // namespace hublint::testing
