#include "lint/report/printable_text.h"

namespace hublint {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void AppendHexEscape(std::string* out, unsigned value, int digits,
                     char letter) {
  out->push_back('\\');
  out->push_back(letter);
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
    out->push_back(kHex[(value >> shift) & 0xF]);
  }
}

}  // namespace

std::string PrintableText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      out.append("\\n");
    } else if (c == '\r') {
      out.append("\\r");
    } else if (c == '\t') {
      out.append("\\t");
    } else if (c < 0x20 || c == 0x7F) {
      AppendHexEscape(&out, c, 2, 'x');
    } else if (c == 0xC2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      // U+0080..U+009F, the C1 controls (ESC [ has a one-byte form here).
      AppendHexEscape(&out, static_cast<unsigned char>(text[i + 1]), 2, 'x');
      ++i;
    } else if (c == 0xE2 && i + 2 < text.size()) {
      unsigned b1 = static_cast<unsigned char>(text[i + 1]);
      unsigned b2 = static_cast<unsigned char>(text[i + 2]);
      unsigned cp = ((c & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
      if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
        AppendHexEscape(&out, cp, 4, 'u');
        i += 2;
      } else {
        out.push_back(static_cast<char>(c));
      }
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

}  // namespace hublint
