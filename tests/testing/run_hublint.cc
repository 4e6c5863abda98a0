#include "tests/testing/run_hublint.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace hublint::testing {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

std::string HublintPath() { return HUBLINT_BINARY_DIR "/lint/cli/hublint"; }

RunResult RunProgram(const std::string& program,
                     const std::vector<std::string>& args,
                     const std::map<std::string, std::string>& env,
                     const std::string& working_directory,
                     const std::string& stdin_text) {
  char out_path[] = "/tmp/hublint-run-out-XXXXXX";
  char err_path[] = "/tmp/hublint-run-err-XXXXXX";
  char in_path[] = "/tmp/hublint-run-in-XXXXXX";
  int out_fd = ::mkstemp(out_path);
  int err_fd = ::mkstemp(err_path);
  int in_fd = ::mkstemp(in_path);
  if (::write(in_fd, stdin_text.data(), stdin_text.size()) !=
      static_cast<ssize_t>(stdin_text.size())) {
    return {};
  }
  ::lseek(in_fd, 0, SEEK_SET);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(in_fd, STDIN_FILENO);
    ::dup2(out_fd, STDOUT_FILENO);
    ::dup2(err_fd, STDERR_FILENO);
    std::string dir =
        working_directory.empty() ? HUBLINT_SOURCE_DIR : working_directory;
    if (::chdir(dir.c_str()) != 0) ::_exit(126);
    for (const auto& [name, value] : env) {
      if (value.empty()) {
        ::unsetenv(name.c_str());
      } else {
        ::setenv(name.c_str(), value.c_str(), 1);
      }
    }
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (const std::string& a : args)
      argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(program.c_str(), argv.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = Slurp(out_path);
  result.err = Slurp(err_path);
  for (int fd : {out_fd, err_fd, in_fd}) ::close(fd);
  for (const char* p : {out_path, err_path, in_path}) ::unlink(p);
  return result;
}

RunResult RunHublint(const std::vector<std::string>& args,
                     const std::map<std::string, std::string>& env,
                     const std::string& working_directory) {
  return RunProgram(HublintPath(), args, env, working_directory);
}

}  // namespace hublint::testing
