#include <ostream>
#include <variant>

#include "lint/cli/command.h"
#include "lint/cli/state_loading.h"
#include "lint/util/exit_code.h"
#include "lint/util/strings.h"
#include "lint/util/time_format.h"

namespace hublint::cli {
namespace {

// Counts by kind, printed until the rule engine reports findings.
void PrintSummary(const OrgState& s, std::ostream& out) {
  int owners = 0, editors = 0, guests = 0;
  for (const Member& m : s.members) {
    owners += m.role == "owner";
    editors += m.role == "editor";
    guests += m.is_guest == true;
  }
  int public_repos = 0;
  for (const Repository& r : s.repositories)
    public_repos += r.is_private == false;
  int personal = 0;
  for (const AccessToken& t : s.access_tokens)
    personal += t.kind == TokenKind::kPersonal;
  std::string when = s.collected_at
                         ? Cat("collected ", FormatRfc3339(*s.collected_at))
                         : std::string("no collection time");
  out << s.org_name << " (" << s.source.kind << " state, " << when << ", "
      << (s.source.complete ? "complete" : "INCOMPLETE") << ")\n";
  auto row = [&](std::string_view label, size_t n, const std::string& detail) {
    std::string count = Cat(n);
    out << "  " << label << std::string(14 - label.size(), ' ')
        << std::string(count.size() < 6 ? 6 - count.size() : 0, ' ') << count;
    if (!detail.empty()) out << "  (" << detail << ")";
    out << "\n";
  };
  row("members", s.members.size(),
      Cat(owners, " owner", owners == 1 ? "" : "s", ", ", editors, " editor",
          editors == 1 ? "" : "s", ", ", guests, " guest",
          guests == 1 ? "" : "s"));
  row("invites", s.invites.size(), "");
  row("teams", s.teams.size(), "");
  row("repositories", s.repositories.size(), Cat(public_repos, " public"));
  row("tokens", s.access_tokens.size(),
      Cat(personal, " personal, ", s.access_tokens.size() - personal,
          " organization"));
  row("integrations", s.integrations.size(), "");
  row("audit events", s.audit_events.size(), "");
}

// Says on stderr what the state is missing; returns whether it is complete.
bool ReportGaps(const OrgState& s, bool allow_partial, CommandContext& ctx) {
  if (s.source.complete) return true;
  ctx.err << "hublint check: the state of " << s.org_name
          << " is incomplete; these parts could not be read:\n";
  for (const SourceGap& gap : s.source.gaps) {
    ctx.err << "  " << gap.part << ": " << gap.reason << "\n";
  }
  if (s.source.gaps.empty()) ctx.err << "  (the source does not say which)\n";
  if (allow_partial) {
    ctx.err << "Continuing because of --allow-partial: checks that need those "
               "parts give review results.\n";
    return true;
  }
  ctx.err << "No verdict is given (exit 3). Pass --allow-partial to check "
             "what could be read.\n";
  return false;
}

}  // namespace

int CheckLoadedState(OrgState& state, const ParsedArgs& args,
                     CommandContext& ctx) {
  PrintSummary(state, ctx.out);
  if (!ReportGaps(state, args.Has("allow-partial"), ctx)) {
    return static_cast<int>(ExitCode::kIncomplete);
  }
  return static_cast<int>(ExitCode::kClean);
}

namespace {

int RunCheck(const ParsedArgs& args, CommandContext& ctx) {
  if (!args.positional().empty()) {
    return UsageError("check",
                      Cat("unexpected argument `", args.positional()[0],
                          "`; give the state with --state FILE"),
                      ctx);
  }
  std::variant<OrgState, int> state = LoadStateForCheck("check", args, ctx);
  if (int* exit_code = std::get_if<int>(&state)) return *exit_code;
  return CheckLoadedState(std::get<OrgState>(state), args, ctx);
}

}  // namespace

Command CheckCommand() {
  return Command{
      .name = "check",
      .summary = "check an organization's state against the rules",
      .usage =
          "hublint check [--state FILE] [--tfplan FILE [--tf-dir DIR]] "
          "[options]",
      .description =
          "Reads the organization's state (a snapshot from `hublint fetch` or "
          "a\n"
          "hand-written declared state, format hublint/state/v1), or a\n"
          "Terraform plan of the docker/docker provider (`terraform show\n"
          "-json`), or the plan applied on a snapshot; checks it against the\n"
          "rules, and reports the findings.\n",
      .flags =
          {
              {"state", "FILE",
               "the snapshot or declared state to check ('-' for stdin)"},
              {"tfplan", "FILE",
               "a Terraform plan as JSON, checked as the organization will be "
               "(on --state, if given)"},
              {"tf-dir", "DIR",
               "where the plan's .tf files are, for locations (default: .)"},
              {"allow-partial", "",
               "check an incomplete state instead of exiting 3"},
          },
      .run = RunCheck,
  };
}

}  // namespace hublint::cli
