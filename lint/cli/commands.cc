#include <ostream>

#include "lint/cli/command.h"
#include "lint/util/exit_code.h"
#include "lint/util/spelling.h"
#include "lint/util/strings.h"

namespace hublint::cli {
namespace {

constexpr char kExitCodes[] =
    "Exit codes: 0 no finding at or above --fail-on; 1 findings; 2 usage or\n"
    "configuration error; 3 the state could not be collected or read\n"
    "completely (no verdict).\n";

std::string TopLevelHelp() {
  std::string out =
      "hublint: a policy and compliance linter for Docker Hub organizations.\n"
      "\n"
      "Usage: hublint COMMAND [options]\n"
      "\n"
      "Commands:\n";
  size_t width = 0;
  for (const Command& c : AllCommands()) width = std::max(width, c.name.size());
  for (const Command& c : AllCommands()) {
    Append(&out, "  ", c.name, std::string(width - c.name.size() + 2, ' '),
           c.summary, "\n");
  }
  Append(&out, "\nRun `hublint COMMAND --help` for a command's options.\n\n",
         kExitCodes);
  return out;
}

const Command* FindCommand(std::string_view name) {
  for (const Command& c : AllCommands()) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

}  // namespace

const std::vector<Command>& AllCommands() {
  static const std::vector<Command>* commands = new std::vector<Command>{
      CheckCommand(),  FetchCommand(), ScanCommand(),    RulesCommand(),
      ConfigCommand(), EvalCommand(),  VersionCommand(),
  };
  return *commands;
}

std::string CommandHelp(const Command& command) {
  std::string out = Cat("Usage: ", command.usage, "\n\n", command.description);
  if (!command.description.empty() && command.description.back() != '\n') {
    out.push_back('\n');
  }
  Append(&out, "\nOptions:\n", FlagTable(command.flags), "\n", kExitCodes);
  return out;
}

int UsageError(std::string_view command, std::string_view message,
               CommandContext& ctx) {
  ctx.err << "hublint " << command << ": " << message << "\n"
          << "Run `hublint " << command << " --help` for usage.\n";
  return static_cast<int>(ExitCode::kUsage);
}

int RunCli(const std::vector<std::string>& args, CommandContext& ctx) {
  if (args.empty()) {
    ctx.err << TopLevelHelp();
    return static_cast<int>(ExitCode::kUsage);
  }
  const std::string& name = args[0];
  if (name == "--help" || name == "-h" || name == "help") {
    if (args.size() > 1 && name == "help") {
      if (const Command* c = FindCommand(args[1])) {
        ctx.out << CommandHelp(*c);
        return static_cast<int>(ExitCode::kClean);
      }
    }
    ctx.out << TopLevelHelp();
    return static_cast<int>(ExitCode::kClean);
  }
  const Command* command = FindCommand(name == "--version" ? "version" : name);
  if (command == nullptr) {
    std::vector<std::string> names;
    for (const Command& c : AllCommands()) names.push_back(c.name);
    ctx.err << "hublint: unknown command `" << name << "`"
            << DidYouMean(name, names) << "\n"
            << "Run `hublint --help` for the list of commands.\n";
    return static_cast<int>(ExitCode::kUsage);
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  absl::StatusOr<ParsedArgs> parsed = ParseArgs(rest, command->flags);
  if (!parsed.ok()) {
    return UsageError(command->name, ToStd(parsed.status().message()), ctx);
  }
  if (parsed->Has("help")) {
    ctx.out << CommandHelp(*command);
    return static_cast<int>(ExitCode::kClean);
  }
  return command->run(*parsed, ctx);
}

}  // namespace hublint::cli
