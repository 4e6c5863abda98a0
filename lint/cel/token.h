#ifndef HUBLINT_CEL_TOKEN_H_
#define HUBLINT_CEL_TOKEN_H_

// Token: one lexical unit of a CEL expression (internal to the parser).

#include <cstdint>
#include <string>
#include <string_view>

namespace hublint::cel {

enum class TokenKind : uint8_t {
  kEnd,
  kError,
  kIdent,        // name, keyword-free; `reserved` marks CEL reserved words
  kQuotedIdent,  // `content-type`: only valid after a dot
  kInt,          // magnitude in `int_magnitude`
  kUint,
  kDouble,
  kString,  // decoded text in `text_value`
  kBytes,
  kTrue,
  kFalse,
  kNull,
  kIn,
  kLParen,
  kRParen,
  kLBracket,
  kRBracket,
  kLBrace,
  kRBrace,
  kDot,
  kComma,
  kColon,
  kQuestion,
  kPlus,
  kMinus,
  kStar,
  kSlash,
  kPercent,
  kBang,
  kLess,
  kLessEq,
  kGreater,
  kGreaterEq,
  kEqEq,
  kNotEq,
  kAndAnd,
  kOrOr,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  int offset = 0;              // byte offset of the first character
  std::string_view text;       // the token as written
  std::string text_value;      // identifier name, decoded string or bytes
  uint64_t int_magnitude = 0;  // kInt, kUint
  double double_value = 0;     // kDouble
  bool reserved = false;       // kIdent that CEL reserves (`if`, `var`, ...)
  std::string error;           // kError: the message
  int error_offset = 0;        // kError: where exactly
};

// How a token reads in messages: "`)`", "identifier `foo`", "end of input".
std::string DescribeToken(const Token& token);

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_TOKEN_H_
