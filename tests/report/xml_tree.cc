#include "tests/report/xml_tree.h"

#include <expat.h>

#include "lint/util/strings.h"

namespace hublint::testing {

std::string XmlElement::Attr(const std::string& key) const {
  auto it = attributes.find(key);
  return it == attributes.end() ? std::string() : it->second;
}

std::vector<const XmlElement*> XmlElement::FindAll(
    std::string_view wanted) const {
  std::vector<const XmlElement*> found;
  for (const auto& child : children) {
    if (child->name == wanted) found.push_back(child.get());
    for (const XmlElement* e : child->FindAll(wanted)) found.push_back(e);
  }
  return found;
}

const XmlElement* XmlElement::Child(std::string_view wanted) const {
  for (const auto& child : children) {
    if (child->name == wanted) return child.get();
  }
  return nullptr;
}

namespace {

struct Builder {
  std::unique_ptr<XmlElement> root;
  std::vector<XmlElement*> open;
};

void OnStart(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto* b = static_cast<Builder*>(data);
  auto element = std::make_unique<XmlElement>();
  element->name = name;
  for (int i = 0; attrs[i] != nullptr; i += 2) {
    element->attributes[attrs[i]] = attrs[i + 1];
  }
  XmlElement* raw = element.get();
  if (b->open.empty()) {
    b->root = std::move(element);
  } else {
    b->open.back()->children.push_back(std::move(element));
  }
  b->open.push_back(raw);
}

void OnEnd(void* data, const XML_Char*) {
  static_cast<Builder*>(data)->open.pop_back();
}

void OnText(void* data, const XML_Char* text, int len) {
  auto* b = static_cast<Builder*>(data);
  if (!b->open.empty()) b->open.back()->text.append(text, len);
}

}  // namespace

absl::StatusOr<std::unique_ptr<XmlElement>> ParseXml(std::string_view xml) {
  Builder builder;
  XML_Parser parser = XML_ParserCreate("UTF-8");
  XML_SetUserData(parser, &builder);
  XML_SetElementHandler(parser, OnStart, OnEnd);
  XML_SetCharacterDataHandler(parser, OnText);
  XML_Status status =
      XML_Parse(parser, xml.data(), static_cast<int>(xml.size()), XML_TRUE);
  absl::Status result = absl::OkStatus();
  if (status != XML_STATUS_OK) {
    result = absl::InvalidArgumentError(
        Cat("line ", XML_GetCurrentLineNumber(parser), ": ",
            XML_ErrorString(XML_GetErrorCode(parser))));
  }
  XML_ParserFree(parser);
  if (!result.ok()) return result;
  if (!builder.root) return absl::InvalidArgumentError("no root element");
  return std::move(builder.root);
}

}  // namespace hublint::testing
