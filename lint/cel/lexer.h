#ifndef HUBLINT_CEL_LEXER_H_
#define HUBLINT_CEL_LEXER_H_

// Lexer: splits a CEL expression into tokens, decoding literals as it goes
// (escapes, raw and triple-quoted strings, bytes, hex and unsigned
// integers). Lexical errors come back as a kError token with a message and
// the offset of the offending character.

#include <string_view>

#include "lint/cel/token.h"

namespace hublint::cel {

class Lexer {
 public:
  explicit Lexer(std::string_view source) : source_(source) {}

  // The next token; kEnd at the end, forever after.
  Token Next();

 private:
  Token LexNumber(int start);
  Token LexString(int start, int quote_pos, bool raw, bool bytes);
  Token LexIdentifier(int start);
  Token Error(int offset, std::string message);
  void SkipSpaceAndComments();

  std::string_view source_;
  int pos_ = 0;
};

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_LEXER_H_
