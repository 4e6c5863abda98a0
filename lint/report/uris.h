#ifndef HUBLINT_REPORT_URIS_H_
#define HUBLINT_REPORT_URIS_H_

// URIs in reports: repository-relative file paths written as URI references
// (what SARIF's artifactLocation.uri and GitHub need), and rule help pages.

#include <string>
#include <string_view>

#include "lint/findings/rule_info.h"

namespace hublint {

// `path` (a repository-relative file path) as a relative URI reference:
// backslashes become "/", a leading "./" is dropped, and every byte other
// than letters, digits, "/" and -._~!$&'()*+,;=@ is percent-encoded ("my
// file.json" -> "my%20file.json", "a:b" -> "a%3Ab", UTF-8 bytes one by one).
std::string EncodeUriPath(std::string_view path);

// `uri` with the bytes that may never appear in a URI (controls, space,
// non-ASCII, "<>\"\\^`{|}") percent-encoded; everything else is kept.
std::string EncodeUriLoosely(std::string_view uri);

// Whether `uri` starts with a scheme ("https:", "file:").
bool HasUriScheme(std::string_view uri);

// The absolute URL of `rule`'s documentation page: rule.help_uri when it is
// absolute, else `docs_base_url` joined with rule.help_uri, or with
// "docs/rules/<pack>/<id>.md" when help_uri is empty.
std::string RuleHelpUri(const RuleInfo& rule, std::string_view docs_base_url);

}  // namespace hublint

#endif  // HUBLINT_REPORT_URIS_H_
