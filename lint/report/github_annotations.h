#ifndef HUBLINT_REPORT_GITHUB_ANNOTATIONS_H_
#define HUBLINT_REPORT_GITHUB_ANNOTATIONS_H_

// GitHub Actions annotations (`--format github`): one workflow command per
// finding, which GitHub shows on the file line in the pull request:
//
//   ::error file=fixtures/orgs/x.json,line=62,col=5,title=DH-MFA-001 Members
//   have two-factor authentication::bob has no two-factor authentication
//
// - a failed check: ::error, ::warning or ::notice by its level;
// - a review result: ::warning (::notice for a note-level rule), its title
//   saying "needs review": it is not a verdict, but someone must look;
// - waived findings and findings fixed since the baseline: no annotation
//   (GitHub shows at most 10 errors and 10 warnings per step; they would
//   crowd out what needs action), but they are counted in the summary;
// - an incomplete state: a ::warning per gap; notifications likewise;
// - last, a plain summary line ("hublint: contoso: 2 errors, 1 waived").
// Values are escaped as the runner expects ("%" "\r" "\n" in the message,
// and also ":" "," in properties), and controls made visible, so no string
// from the organization can start a workflow command of its own.

#include <string>

#include "lint/findings/report.h"
#include "lint/report/render_options.h"

namespace hublint {

std::string RenderGithubAnnotations(const Report& report,
                                    const RenderOptions& options,
                                    RenderStats* stats = nullptr);

// Workflow-command escaping: the message part, and a property value.
std::string EscapeCommandData(std::string_view text);
std::string EscapeCommandProperty(std::string_view text);

}  // namespace hublint

#endif  // HUBLINT_REPORT_GITHUB_ANNOTATIONS_H_
