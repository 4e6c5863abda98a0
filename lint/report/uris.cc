#include "lint/report/uris.h"

#include "lint/util/strings.h"

namespace hublint {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";

void AppendPercent(std::string* out, unsigned char c) {
  out->push_back('%');
  out->push_back(kHex[c >> 4]);
  out->push_back(kHex[c & 0xF]);
}

bool IsAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

}  // namespace

std::string EncodeUriPath(std::string_view path) {
  while (path.starts_with("./")) path.remove_prefix(2);
  static constexpr std::string_view kKept = "/-._~!$&'()*+,;=@";
  std::string out;
  out.reserve(path.size());
  for (char ch : path) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == '\\') {
      out.push_back('/');
    } else if (IsAlnum(c) || kKept.find(ch) != std::string_view::npos) {
      out.push_back(ch);
    } else {
      AppendPercent(&out, c);
    }
  }
  return out;
}

std::string EncodeUriLoosely(std::string_view uri) {
  static constexpr std::string_view kNever = " \"<>\\^`{|}";
  std::string out;
  out.reserve(uri.size());
  for (char ch : uri) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x21 || c >= 0x7F || kNever.find(ch) != std::string_view::npos) {
      AppendPercent(&out, c);
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

bool HasUriScheme(std::string_view uri) {
  if (uri.empty() || !IsAlnum(static_cast<unsigned char>(uri[0])) ||
      (uri[0] >= '0' && uri[0] <= '9')) {
    return false;
  }
  for (size_t i = 1; i < uri.size(); ++i) {
    char c = uri[i];
    if (c == ':') return true;
    if (!IsAlnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' &&
        c != '.') {
      return false;
    }
  }
  return false;
}

std::string RuleHelpUri(const RuleInfo& rule, std::string_view docs_base_url) {
  if (HasUriScheme(rule.help_uri)) return EncodeUriLoosely(rule.help_uri);
  std::string path = rule.help_uri;
  if (path.empty()) {
    path = rule.pack.empty()
               ? Cat("docs/rules/", rule.id, ".md")
               : Cat("docs/rules/", rule.pack, "/", rule.id, ".md");
  }
  while (path.starts_with("/")) path.erase(0, 1);
  std::string base = EncodeUriLoosely(docs_base_url);
  if (!base.empty() && !base.ends_with("/")) base.push_back('/');
  return Cat(base, EncodeUriPath(path));
}

}  // namespace hublint
