#include "lint/util/utf8.h"

namespace hublint {

bool DecodeUtf8(std::string_view s, size_t* pos, char32_t* code_point) {
  size_t i = *pos;
  if (i >= s.size()) return false;
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *code_point = c;
    *pos = i + 1;
    return true;
  }
  int length;
  char32_t cp;
  char32_t min;
  if ((c & 0xE0) == 0xC0) {
    length = 2;
    cp = c & 0x1F;
    min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    length = 3;
    cp = c & 0x0F;
    min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    length = 4;
    cp = c & 0x07;
    min = 0x10000;
  } else {
    return false;
  }
  if (i + length > s.size()) return false;
  for (int k = 1; k < length; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return false;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return false;
  }
  *code_point = cp;
  *pos = i + length;
  return true;
}

size_t FindInvalidUtf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    char32_t cp;
    if (!DecodeUtf8(text, &pos, &cp)) return pos;
  }
  return std::string_view::npos;
}

std::string SanitizeUtf8(std::string_view text, bool* replaced) {
  if (replaced) *replaced = false;
  size_t first_bad = FindInvalidUtf8(text);
  if (first_bad == std::string_view::npos) return std::string(text);
  if (replaced) *replaced = true;
  std::string out(text.substr(0, first_bad));
  size_t pos = first_bad;
  while (pos < text.size()) {
    size_t start = pos;
    char32_t cp;
    if (DecodeUtf8(text, &pos, &cp)) {
      out.append(text, start, pos - start);
    } else {
      out += "\xEF\xBF\xBD";
      ++pos;
    }
  }
  return out;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (char c : s) {
    // Count every byte that does not continue a sequence.
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

size_t CodePointToByteOffset(std::string_view s, size_t index) {
  size_t seen = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (seen == index) return i;
      ++seen;
    }
  }
  return seen == index ? s.size() : std::string_view::npos;
}

}  // namespace hublint
