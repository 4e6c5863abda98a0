#include "lint/toml/toml_string_source.h"

#include "lint/util/utf8.h"

namespace hublint {
namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

ExpressionSource Fallback(size_t value_offset, const std::string& parsed) {
  ExpressionSource source;
  source.text = parsed;
  source.offsets.assign(parsed.size() + 1, static_cast<uint32_t>(value_offset));
  return source;
}

}  // namespace

ExpressionSource TomlStringSource(std::string_view file, size_t value_offset,
                                  const std::string& parsed) {
  if (value_offset >= file.size()) return Fallback(value_offset, parsed);
  char quote = file[value_offset];
  if (quote != '"' && quote != '\'') return Fallback(value_offset, parsed);
  bool literal = quote == '\'';
  bool multiline = file.substr(value_offset, 3) == std::string(3, quote);
  size_t i = value_offset + (multiline ? 3 : 1);
  if (multiline) {  // a newline right after the delimiter is not content
    if (file.substr(i, 2) == "\r\n") {
      i += 2;
    } else if (i < file.size() && file[i] == '\n') {
      ++i;
    }
  }
  ExpressionSource source;
  auto emit = [&](std::string_view bytes, size_t at) {
    for (char c : bytes) {
      source.text.push_back(c);
      source.offsets.push_back(static_cast<uint32_t>(at));
    }
  };
  auto at_end = [&](size_t k) {
    if (multiline) {
      // Up to two quotes may end the content ("""a"""" is a" + "").
      return file.substr(k, 3) == std::string(3, quote) &&
             !(k + 3 < file.size() && file[k + 3] == quote);
    }
    return file[k] == quote;
  };
  while (i < file.size() && !at_end(i)) {
    char c = file[i];
    if (c == '\\' && !literal) {
      size_t start = i;
      char e = i + 1 < file.size() ? file[i + 1] : '\0';
      i += 2;
      switch (e) {
        case 'b':
          emit("\b", start);
          break;
        case 't':
          emit("\t", start);
          break;
        case 'n':
          emit("\n", start);
          break;
        case 'f':
          emit("\f", start);
          break;
        case 'r':
          emit("\r", start);
          break;
        case 'e':
          emit("\x1b", start);
          break;
        case '"':
          emit("\"", start);
          break;
        case '\\':
          emit("\\", start);
          break;
        case 'u':
        case 'U': {
          int digits = e == 'u' ? 4 : 8;
          uint32_t cp = 0;
          for (int d = 0; d < digits; ++d, ++i) {
            if (i >= file.size() || HexDigit(file[i]) < 0)
              return Fallback(value_offset, parsed);
            cp = cp * 16 + static_cast<uint32_t>(HexDigit(file[i]));
          }
          std::string utf8;
          AppendUtf8(static_cast<char32_t>(cp), &utf8);
          emit(utf8, start);
          break;
        }
        default:
          // A line-ending backslash in a multi-line string: skip the
          // newline and all whitespace after it.
          if (multiline && (e == '\n' || e == '\r' || e == ' ' || e == '\t')) {
            i = start + 1;
            while (i < file.size() && (file[i] == ' ' || file[i] == '\t' ||
                                       file[i] == '\n' || file[i] == '\r')) {
              ++i;
            }
            break;
          }
          return Fallback(value_offset, parsed);
      }
      continue;
    }
    if (c == '\r' && multiline && i + 1 < file.size() && file[i + 1] == '\n') {
      ++i;  // TOML normalizes CRLF to LF
      continue;
    }
    emit(std::string_view(&file[i], 1), i);
    ++i;
  }
  source.offsets.push_back(static_cast<uint32_t>(i));
  if (source.text != parsed) return Fallback(value_offset, parsed);
  return source;
}

}  // namespace hublint
