// The hublint binary: flags -> command table -> exit code. Everything else
// lives in the libraries under lint/.

#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "lint/cli/command.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  hublint::ProcessEnvironment env;
  hublint::RealClock clock;
  hublint::cli::CommandContext ctx{
      .out = std::cout,
      .err = std::cerr,
      .env = env,
      .clock = clock,
      .out_is_terminal = ::isatty(STDOUT_FILENO) == 1,
      .err_is_terminal = ::isatty(STDERR_FILENO) == 1,
      .argv = argv,
  };
  std::vector<std::string> args(argv + 1, argv + argc);
  int code = hublint::cli::RunCli(args, ctx);
  std::cout.flush();
  return code;
}
