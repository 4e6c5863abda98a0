#include "lint/cel/lexer.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>

#include "absl/strings/str_format.h"
#include "lint/cel/strings.h"
#include "lint/util/utf8.h"

namespace hublint::cel {
namespace {

bool IsIdentStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsIdentChar(char c) { return IsIdentStart(c) || IsDigit(c); }
int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The character a one-letter escape such as \n stands for, or 0.
char SimpleEscape(char e) {
  switch (e) {
    case '\\':
    case '\'':
    case '"':
    case '`':
    case '?':
      return e;
    case 'a':
      return '\a';
    case 'b':
      return '\b';
    case 'f':
      return '\f';
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    case 'v':
      return '\v';
    default:
      return 0;
  }
}

bool IsReserved(std::string_view w) {
  static constexpr std::string_view kReserved[] = {
      "as",        "break",  "const",  "continue", "else", "for",
      "function",  "if",     "import", "let",      "loop", "package",
      "namespace", "return", "var",    "void",     "while"};
  for (std::string_view r : kReserved) {
    if (w == r) return true;
  }
  return false;
}

}  // namespace

std::string DescribeToken(const Token& token) {
  switch (token.kind) {
    case TokenKind::kEnd:
      return "end of input";
    case TokenKind::kIdent:
      return Cat("identifier `", token.text, "`");
    case TokenKind::kInt:
    case TokenKind::kUint:
    case TokenKind::kDouble:
      return Cat("number `", token.text, "`");
    case TokenKind::kString:
    case TokenKind::kBytes:
      return "string literal";
    default:
      return Cat("`", token.text, "`");
  }
}

Token Lexer::Error(int offset, std::string message) {
  Token t;
  t.kind = TokenKind::kError;
  t.offset = offset;
  t.error = std::move(message);
  t.error_offset = offset;
  t.text = source_.substr(offset, 1);
  pos_ = static_cast<int>(source_.size());  // stop lexing
  return t;
}

void Lexer::SkipSpaceAndComments() {
  const int n = static_cast<int>(source_.size());
  while (pos_ < n) {
    char c = source_[pos_];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      ++pos_;
    } else if (c == '/' && pos_ + 1 < n && source_[pos_ + 1] == '/') {
      while (pos_ < n && source_[pos_] != '\n') ++pos_;
    } else {
      return;
    }
  }
}

Token Lexer::Next() {
  SkipSpaceAndComments();
  const int n = static_cast<int>(source_.size());
  Token t;
  t.offset = pos_;
  if (pos_ >= n) {
    t.kind = TokenKind::kEnd;
    return t;
  }
  const int start = pos_;
  char c = source_[pos_];
  char next = pos_ + 1 < n ? source_[pos_ + 1] : '\0';

  if (IsDigit(c) || (c == '.' && IsDigit(next))) return LexNumber(start);
  if (c == '"' || c == '\'') return LexString(start, start, false, false);
  if (IsIdentStart(c)) {
    // String prefixes: r, b and their combinations, in either case.
    int p = pos_;
    bool raw = false, bytes = false;
    for (int k = 0; k < 2 && p < n; ++k) {
      char q = source_[p];
      if ((q == 'r' || q == 'R') && !raw) {
        raw = true;
        ++p;
      } else if ((q == 'b' || q == 'B') && !bytes) {
        bytes = true;
        ++p;
      } else {
        break;
      }
    }
    if (p > pos_ && p < n && (source_[p] == '"' || source_[p] == '\'')) {
      return LexString(start, p, raw, bytes);
    }
    return LexIdentifier(start);
  }
  if (c == '`') {
    int p = pos_ + 1;
    while (p < n && source_[p] != '`' && source_[p] != '\n') ++p;
    if (p >= n || source_[p] != '`') {
      return Error(start, "unterminated quoted identifier");
    }
    if (p == pos_ + 1) return Error(start, "empty quoted identifier");
    t.kind = TokenKind::kQuotedIdent;
    t.text_value = std::string(source_.substr(pos_ + 1, p - pos_ - 1));
    pos_ = p + 1;
    t.text = source_.substr(start, pos_ - start);
    return t;
  }

  auto two = [&](char second, TokenKind if_two, TokenKind if_one) {
    if (next == second) {
      pos_ += 2;
      return if_two;
    }
    pos_ += 1;
    return if_one;
  };
  switch (c) {
    case '(':
      t.kind = TokenKind::kLParen;
      ++pos_;
      break;
    case ')':
      t.kind = TokenKind::kRParen;
      ++pos_;
      break;
    case '[':
      t.kind = TokenKind::kLBracket;
      ++pos_;
      break;
    case ']':
      t.kind = TokenKind::kRBracket;
      ++pos_;
      break;
    case '{':
      t.kind = TokenKind::kLBrace;
      ++pos_;
      break;
    case '}':
      t.kind = TokenKind::kRBrace;
      ++pos_;
      break;
    case '.':
      t.kind = TokenKind::kDot;
      ++pos_;
      break;
    case ',':
      t.kind = TokenKind::kComma;
      ++pos_;
      break;
    case ':':
      t.kind = TokenKind::kColon;
      ++pos_;
      break;
    case '?':
      t.kind = TokenKind::kQuestion;
      ++pos_;
      break;
    case '+':
      t.kind = TokenKind::kPlus;
      ++pos_;
      break;
    case '-':
      t.kind = TokenKind::kMinus;
      ++pos_;
      break;
    case '*':
      t.kind = TokenKind::kStar;
      ++pos_;
      break;
    case '/':
      t.kind = TokenKind::kSlash;
      ++pos_;
      break;
    case '%':
      t.kind = TokenKind::kPercent;
      ++pos_;
      break;
    case '!':
      t.kind = two('=', TokenKind::kNotEq, TokenKind::kBang);
      break;
    case '<':
      t.kind = two('=', TokenKind::kLessEq, TokenKind::kLess);
      break;
    case '>':
      t.kind = two('=', TokenKind::kGreaterEq, TokenKind::kGreater);
      break;
    case '=':
    case '&':
    case '|':
      // Only the doubled forms exist: ==, &&, ||.
      if (next != c) {
        return Error(start,
                     Cat("unexpected `", c, "`; did you mean `", c, c, "`?"));
      }
      t.kind = c == '=' ? TokenKind::kEqEq
                        : (c == '&' ? TokenKind::kAndAnd : TokenKind::kOrOr);
      pos_ += 2;
      break;
    default: {
      unsigned char u = static_cast<unsigned char>(c);
      if (u >= 0x21 && u < 0x7F) {
        return Error(start,
                     Cat("unexpected character `", std::string(1, c), "`"));
      }
      size_t p = static_cast<size_t>(pos_);
      char32_t cp;
      if (u >= 0x80 && DecodeUtf8(source_, &p, &cp)) {
        return Error(start, absl::StrFormat("unexpected character U+%04X",
                                            static_cast<uint32_t>(cp)));
      }
      return Error(start, absl::StrFormat("unexpected byte 0x%02X", u));
    }
  }
  t.text = source_.substr(start, pos_ - start);
  return t;
}

Token Lexer::LexIdentifier(int start) {
  const int n = static_cast<int>(source_.size());
  while (pos_ < n && IsIdentChar(source_[pos_])) ++pos_;
  Token t;
  t.offset = start;
  t.text = source_.substr(start, pos_ - start);
  if (t.text == "true") {
    t.kind = TokenKind::kTrue;
  } else if (t.text == "false") {
    t.kind = TokenKind::kFalse;
  } else if (t.text == "null") {
    t.kind = TokenKind::kNull;
  } else if (t.text == "in") {
    t.kind = TokenKind::kIn;
  } else {
    t.kind = TokenKind::kIdent;
    t.text_value = std::string(t.text);
    t.reserved = IsReserved(t.text);
  }
  return t;
}

Token Lexer::LexNumber(int start) {
  const int n = static_cast<int>(source_.size());
  Token t;
  t.offset = start;
  // Hexadecimal integers.
  if (source_[pos_] == '0' && pos_ + 1 < n &&
      (source_[pos_ + 1] == 'x' || source_[pos_ + 1] == 'X')) {
    pos_ += 2;
    int digits_start = pos_;
    uint64_t v = 0;
    bool overflow = false;
    while (pos_ < n && HexValue(source_[pos_]) >= 0) {
      if (v > (UINT64_MAX >> 4)) overflow = true;
      v = (v << 4) | HexValue(source_[pos_]);
      ++pos_;
    }
    if (pos_ == digits_start)
      return Error(start, "invalid hexadecimal literal");
    t.kind = TokenKind::kInt;
    if (pos_ < n && (source_[pos_] == 'u' || source_[pos_] == 'U')) {
      t.kind = TokenKind::kUint;
      ++pos_;
    }
    if (pos_ < n && IsIdentChar(source_[pos_])) {
      return Error(start, "invalid number literal");
    }
    if (overflow) return Error(start, "integer literal out of range");
    t.int_magnitude = v;
    t.text = source_.substr(start, pos_ - start);
    return t;
  }
  bool is_double = false;
  while (pos_ < n && IsDigit(source_[pos_])) ++pos_;
  if (pos_ + 1 < n && source_[pos_] == '.' && IsDigit(source_[pos_ + 1])) {
    is_double = true;
    ++pos_;
    while (pos_ < n && IsDigit(source_[pos_])) ++pos_;
  }
  if (pos_ < n && (source_[pos_] == 'e' || source_[pos_] == 'E')) {
    int p = pos_ + 1;
    if (p < n && (source_[p] == '+' || source_[p] == '-')) ++p;
    if (p < n && IsDigit(source_[p])) {
      is_double = true;
      pos_ = p;
      while (pos_ < n && IsDigit(source_[pos_])) ++pos_;
    } else {
      return Error(start, "invalid exponent in number literal");
    }
  }
  std::string_view digits = source_.substr(start, pos_ - start);
  if (is_double) {
    if (pos_ < n && IsIdentChar(source_[pos_])) {
      return Error(start, "invalid number literal");
    }
    std::string copy(digits);
    errno = 0;
    double d = std::strtod(copy.c_str(), nullptr);
    if (std::isinf(d)) return Error(start, "double literal out of range");
    t.kind = TokenKind::kDouble;
    t.double_value = d;  // underflow rounds to zero, as in Go
    t.text = digits;
    return t;
  }
  t.kind = TokenKind::kInt;
  if (pos_ < n && (source_[pos_] == 'u' || source_[pos_] == 'U')) {
    t.kind = TokenKind::kUint;
    ++pos_;
  }
  if (pos_ < n && IsIdentChar(source_[pos_])) {
    return Error(start, "invalid number literal");
  }
  uint64_t v = 0;
  for (char c : digits) {
    uint64_t d = static_cast<uint64_t>(c - '0');
    if (v > (UINT64_MAX - d) / 10) {
      return Error(start, "integer literal out of range");
    }
    v = v * 10 + d;
  }
  t.int_magnitude = v;
  t.text = source_.substr(start, pos_ - start);
  return t;
}

Token Lexer::LexString(int start, int quote_pos, bool raw, bool bytes) {
  const int n = static_cast<int>(source_.size());
  const char quote = source_[quote_pos];
  const bool triple = quote_pos + 2 < n && source_[quote_pos + 1] == quote &&
                      source_[quote_pos + 2] == quote;
  pos_ = quote_pos + (triple ? 3 : 1);
  std::string out;
  while (true) {
    if (pos_ >= n) return Error(start, "unterminated string literal");
    char c = source_[pos_];
    if (triple) {
      if (c == quote && pos_ + 2 < n && source_[pos_ + 1] == quote &&
          source_[pos_ + 2] == quote) {
        pos_ += 3;
        break;
      }
    } else {
      if (c == quote) {
        ++pos_;
        break;
      }
      if (c == '\n' || c == '\r') {
        return Error(start, "unterminated string literal");
      }
    }
    if (c == '\\' && !raw) {
      const int esc = pos_;
      if (pos_ + 1 >= n) return Error(start, "unterminated string literal");
      char e = source_[pos_ + 1];
      pos_ += 2;
      if (char simple = SimpleEscape(e); simple != 0) {
        out.push_back(simple);
        continue;
      }
      uint32_t value = 0;
      int length = 0;
      int base = 16;
      if (e == 'x' || e == 'X') {
        length = 2;
      } else if (e == 'u' || e == 'U') {
        if (bytes) {
          return Error(esc, Cat("\\", std::string(1, e),
                                " escape is not allowed in bytes"));
        }
        length = e == 'u' ? 4 : 8;
      } else if (e >= '0' && e <= '3') {
        base = 8;
        length = 2;
        value = static_cast<uint32_t>(e - '0');
      } else {
        return Error(
            esc, Cat("invalid escape sequence `\\", std::string(1, e), "`"));
      }
      for (int k = 0; k < length; ++k) {
        int d = pos_ < n ? HexValue(source_[pos_]) : -1;
        if (d < 0 || d >= base) {
          return Error(esc, "invalid escape sequence: expected " +
                                std::to_string(length) +
                                (base == 8 ? " octal digits" : " hex digits"));
        }
        value = value * base + static_cast<uint32_t>(d);
        ++pos_;
      }
      if (bytes && value < 256) {
        out.push_back(static_cast<char>(value));
      } else if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        return Error(esc, "invalid Unicode code point in escape sequence");
      } else {
        AppendUtf8(static_cast<char32_t>(value), &out);
      }
      continue;
    }
    // A literal character: copy its UTF-8 sequence after checking it.
    if (static_cast<unsigned char>(c) < 0x80) {
      out.push_back(c);
      ++pos_;
      continue;
    }
    size_t p = static_cast<size_t>(pos_);
    char32_t cp;
    if (!DecodeUtf8(source_, &p, &cp)) {
      return Error(pos_, "invalid UTF-8 in string literal");
    }
    out.append(source_.substr(pos_, p - pos_));
    pos_ = static_cast<int>(p);
  }
  Token t;
  t.kind = bytes ? TokenKind::kBytes : TokenKind::kString;
  t.offset = start;
  t.text = source_.substr(start, pos_ - start);
  t.text_value = std::move(out);
  return t;
}

}  // namespace hublint::cel
