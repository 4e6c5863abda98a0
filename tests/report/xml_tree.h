#ifndef HUBLINT_TESTS_REPORT_XML_TREE_H_
#define HUBLINT_TESTS_REPORT_XML_TREE_H_

// A small XML tree read with expat, so tests can check that our JUnit XML
// (and a consumer's) is well-formed and read values back as a parser sees
// them.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace hublint::testing {

struct XmlElement {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::string text;  // character data directly inside
  std::vector<std::unique_ptr<XmlElement>> children;

  // The attribute's value, or "" when absent.
  std::string Attr(const std::string& key) const;
  // Every descendant named `name`, in document order.
  std::vector<const XmlElement*> FindAll(std::string_view name) const;
  // The first child named `name`, or nullptr.
  const XmlElement* Child(std::string_view name) const;
};

// Parses `xml`; an error names the line and expat's message.
absl::StatusOr<std::unique_ptr<XmlElement>> ParseXml(std::string_view xml);

}  // namespace hublint::testing

#endif  // HUBLINT_TESTS_REPORT_XML_TREE_H_
