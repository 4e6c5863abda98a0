#include "lint/json/json_syntax.h"

#include <cstdint>
#include <vector>

#include "lint/util/strings.h"
#include "lint/util/utf8.h"

namespace hublint {
namespace {

class SyntaxChecker {
 public:
  SyntaxChecker(std::string_view text, int max_depth)
      : text_(text), max_depth_(max_depth) {}

  std::optional<JsonSyntaxError> Check() {
    SkipSpace();
    if (pos_ == text_.size())
      return Fail("empty document: expected a JSON value");
    if (!Value()) return error_;
    SkipSpace();
    if (pos_ != text_.size()) {
      return Fail("unexpected content after the JSON value");
    }
    return std::nullopt;
  }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return text_[pos_]; }

  void SkipSpace() {
    while (!AtEnd() && (Peek() == ' ' || Peek() == '\t' || Peek() == '\n' ||
                        Peek() == '\r')) {
      ++pos_;
    }
  }

  std::optional<JsonSyntaxError> Fail(std::string message) {
    error_ = JsonSyntaxError{pos_, std::move(message)};
    return error_;
  }
  bool FailAt(size_t offset, std::string message) {
    error_ = JsonSyntaxError{offset, std::move(message)};
    return false;
  }

  std::string Describe() const {
    if (AtEnd()) return "end of input";
    unsigned char c = static_cast<unsigned char>(Peek());
    if (c < 0x20 || c >= 0x7F) return Cat("byte 0x", Hex(c));
    return Cat("`", Peek(), "`");
  }
  static std::string Hex(unsigned char c) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    return std::string{kHex[c >> 4], kHex[c & 0xF]};
  }

  bool Value() {
    SkipSpace();
    if (AtEnd())
      return FailAt(pos_, "unexpected end of input: expected a value");
    switch (Peek()) {
      case '{':
        return Container('}');
      case '[':
        return Container(']');
      case '"':
        return String();
      case 't':
        return Literal("true");
      case 'f':
        return Literal("false");
      case 'n':
        return Literal("null");
      default:
        if (Peek() == '-' || (Peek() >= '0' && Peek() <= '9')) return Number();
        return FailAt(pos_,
                      Cat("unexpected ", Describe(), ": expected a value"));
    }
  }

  bool Literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) {
      return FailAt(pos_, Cat("invalid literal: expected `", word, "`"));
    }
    pos_ += word.size();
    return true;
  }

  bool Number() {
    size_t start = pos_;
    if (Peek() == '-') ++pos_;
    if (AtEnd() || !IsDigit(Peek())) {
      return FailAt(start, "invalid number: expected a digit after `-`");
    }
    if (Peek() == '0') {
      ++pos_;
      if (!AtEnd() && IsDigit(Peek())) {
        return FailAt(start, "invalid number: leading zeros are not allowed");
      }
    } else {
      while (!AtEnd() && IsDigit(Peek())) ++pos_;
    }
    if (!AtEnd() && Peek() == '.') {
      ++pos_;
      if (AtEnd() || !IsDigit(Peek())) {
        return FailAt(start, "invalid number: expected a digit after `.`");
      }
      while (!AtEnd() && IsDigit(Peek())) ++pos_;
    }
    if (!AtEnd() && (Peek() == 'e' || Peek() == 'E')) {
      ++pos_;
      if (!AtEnd() && (Peek() == '+' || Peek() == '-')) ++pos_;
      if (AtEnd() || !IsDigit(Peek())) {
        return FailAt(start,
                      "invalid number: expected a digit in the exponent");
      }
      while (!AtEnd() && IsDigit(Peek())) ++pos_;
    }
    return true;
  }
  static bool IsDigit(char c) { return c >= '0' && c <= '9'; }
  static int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  // Reads four hex digits after "\u" at pos_ into *unit.
  bool HexQuad(size_t escape_start, uint32_t* unit) {
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      if (AtEnd() || HexValue(Peek()) < 0) {
        return FailAt(escape_start,
                      "invalid \\u escape: expected four hex digits");
      }
      v = v * 16 + static_cast<uint32_t>(HexValue(Peek()));
      ++pos_;
    }
    *unit = v;
    return true;
  }

  bool String() {
    size_t start = pos_;
    ++pos_;  // opening quote
    size_t run_start = pos_;
    for (;;) {
      if (AtEnd()) return FailAt(start, "unterminated string");
      unsigned char c = static_cast<unsigned char>(Peek());
      if (c == '"') break;
      if (c < 0x20) {
        return FailAt(
            pos_, "control character in string: escape it (\\n, \\t, \\u00XX)");
      }
      if (c == '\\') {
        if (!ValidUtf8Run(run_start)) return false;
        size_t escape_start = pos_;
        ++pos_;
        if (AtEnd()) return FailAt(start, "unterminated string");
        char e = Peek();
        ++pos_;
        switch (e) {
          case '"':
          case '\\':
          case '/':
          case 'b':
          case 'f':
          case 'n':
          case 'r':
          case 't':
            break;
          case 'u': {
            uint32_t unit = 0;
            if (!HexQuad(escape_start, &unit)) return false;
            if (unit >= 0xDC00 && unit <= 0xDFFF) {
              return FailAt(escape_start,
                            "invalid \\u escape: unpaired low surrogate");
            }
            if (unit >= 0xD800 && unit <= 0xDBFF) {
              if (text_.substr(pos_, 2) != "\\u") {
                return FailAt(escape_start,
                              "invalid \\u escape: unpaired high surrogate");
              }
              pos_ += 2;
              uint32_t low = 0;
              if (!HexQuad(escape_start, &low)) return false;
              if (low < 0xDC00 || low > 0xDFFF) {
                return FailAt(escape_start,
                              "invalid \\u escape: unpaired high surrogate");
              }
            }
            break;
          }
          default:
            return FailAt(escape_start,
                          Cat("invalid escape `\\", e, "` in string"));
        }
        run_start = pos_;
        continue;
      }
      ++pos_;
    }
    if (!ValidUtf8Run(run_start)) return false;
    ++pos_;  // closing quote
    return true;
  }

  bool ValidUtf8Run(size_t run_start) {
    size_t bad = FindInvalidUtf8(text_.substr(run_start, pos_ - run_start));
    if (bad == std::string_view::npos) return true;
    return FailAt(run_start + bad, "invalid UTF-8 in string");
  }

  // An object (close == '}') or array (close == ']') starting at pos_.
  bool Container(char close) {
    if (++depth_ > max_depth_) {
      return FailAt(pos_, Cat("nesting deeper than ", max_depth_, " levels"));
    }
    bool object = close == '}';
    ++pos_;
    SkipSpace();
    if (!AtEnd() && Peek() == close) {
      ++pos_;
      --depth_;
      return true;
    }
    for (;;) {
      if (object) {
        SkipSpace();
        if (AtEnd() || Peek() != '"') {
          return FailAt(
              pos_, Cat("unexpected ", Describe(), ": expected a string key"));
        }
        if (!String()) return false;
        SkipSpace();
        if (AtEnd() || Peek() != ':') {
          return FailAt(pos_, Cat("unexpected ", Describe(),
                                  ": expected `:` after the key"));
        }
        ++pos_;
      }
      if (!Value()) return false;
      SkipSpace();
      if (!AtEnd() && Peek() == ',') {
        ++pos_;
        continue;
      }
      if (!AtEnd() && Peek() == close) {
        ++pos_;
        --depth_;
        return true;
      }
      return FailAt(
          pos_,
          Cat("unexpected ", Describe(), ": expected `,` or `", close,
              "` after ", object ? "an object member" : "an array element"));
    }
  }

  std::string_view text_;
  int max_depth_;
  size_t pos_ = 0;
  int depth_ = 0;
  std::optional<JsonSyntaxError> error_;
};

}  // namespace

std::optional<JsonSyntaxError> FindJsonSyntaxError(std::string_view text,
                                                   int max_depth) {
  return SyntaxChecker(text, max_depth).Check();
}

}  // namespace hublint
