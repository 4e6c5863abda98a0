#include "lint/cel/parser.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>

#include "lint/cel/lexer.h"
#include "lint/cel/limits.h"
#include "lint/cel/macros.h"
#include "lint/cel/strings.h"

namespace hublint::cel {
namespace {

using ExprPtr = std::unique_ptr<Expr>;

class Parser {
 public:
  explicit Parser(std::string_view source) : source_(source), lexer_(source) {
    Advance();
  }

  ParseResult Run() {
    ParseResult result;
    if (source_.size() > kMaxExpressionBytes) {
      Fail(static_cast<int>(kMaxExpressionBytes),
           Cat("expression is ", source_.size(), " bytes long; the limit is ",
               kMaxExpressionBytes));
    } else {
      ExprPtr e = ParseExpr();
      if (!failed_ && tok_.kind != TokenKind::kEnd) {
        Fail(tok_.offset,
             Cat("unexpected ", DescribeToken(tok_), " after the expression"));
      }
      if (!failed_) result.expr = std::move(e);
    }
    result.node_count = next_id_;
    result.diagnostics = std::move(diagnostics_);
    return result;
  }

 private:
  // --- Plumbing.

  void Advance() {
    tok_ = lexer_.Next();
    if (tok_.kind == TokenKind::kError) Fail(tok_.error_offset, tok_.error);
  }

  std::nullptr_t Fail(int offset, std::string message) {
    if (!failed_) {
      failed_ = true;
      diagnostics_.push_back(
          MakeDiagnostic(source_, offset, std::move(message)));
    }
    return nullptr;
  }

  bool Expect(TokenKind kind, std::string_view what) {
    if (failed_) return false;
    if (tok_.kind != kind) {
      Fail(tok_.offset,
           Cat("expected `", what, "`, found ", DescribeToken(tok_)));
      return false;
    }
    Advance();
    return !failed_;
  }

  ExprPtr NewExpr(ExprKind kind, int offset) {
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->id = next_id_++;
    e->offset = offset;
    return e;
  }

  // Computes e's height from its children and enforces the tree limit.
  ExprPtr Finish(ExprPtr e) {
    if (failed_ || e == nullptr) return nullptr;
    int h = 0;
    auto visit = [&h](const ExprPtr& c) {
      if (c != nullptr) h = std::max(h, c->height);
    };
    visit(e->operand);
    for (const ExprPtr& a : e->args) visit(a);
    visit(e->predicate);
    visit(e->transform);
    e->height = h + 1;
    if (e->height > kMaxSyntaxTreeHeight) {
      return Fail(e->offset, Cat("expression is too deeply nested (syntax tree "
                                 "height above ",
                                 kMaxSyntaxTreeHeight, ")"));
    }
    return e;
  }

  ExprPtr Call(std::string name, int offset, std::vector<ExprPtr> args,
               ExprPtr target = nullptr) {
    if (failed_) return nullptr;
    ExprPtr e = NewExpr(ExprKind::kCall, offset);
    e->name = std::move(name);
    e->args = std::move(args);
    e->operand = std::move(target);
    return Finish(std::move(e));
  }

  ExprPtr Binary(std::string name, int offset, ExprPtr a, ExprPtr b) {
    if (a == nullptr || b == nullptr) return nullptr;
    std::vector<ExprPtr> args;
    args.push_back(std::move(a));
    args.push_back(std::move(b));
    return Call(std::move(name), offset, std::move(args));
  }

  // --- Grammar.

  ExprPtr ParseExpr() {
    if (failed_) return nullptr;
    // depth_ is the number of enclosing brackets, calls and branches.
    if (depth_ + 1 > kMaxNestingDepth) {
      return Fail(tok_.offset, Cat("expression nests more than ",
                                   kMaxNestingDepth, " levels deep"));
    }
    ++depth_;
    ExprPtr cond = ParseOr();
    if (!failed_ && tok_.kind == TokenKind::kQuestion) {
      int offset = tok_.offset;
      Advance();
      ExprPtr a = ParseOr();
      if (!Expect(TokenKind::kColon, ":")) {
        --depth_;
        return nullptr;
      }
      ExprPtr b = ParseExpr();
      if (cond != nullptr && a != nullptr && b != nullptr) {
        std::vector<ExprPtr> args;
        args.push_back(std::move(cond));
        args.push_back(std::move(a));
        args.push_back(std::move(b));
        cond = Call("_?_:_", offset, std::move(args));
      } else {
        cond = nullptr;
      }
    }
    --depth_;
    return failed_ ? nullptr : std::move(cond);
  }

  // `a || b || c ...` (and &&) as a balanced tree, so long chains stay
  // shallow, as cel-go does.
  ExprPtr Balance(const std::string& op, std::vector<ExprPtr>& operands,
                  const std::vector<int>& offsets, size_t lo, size_t hi) {
    if (lo == hi) return std::move(operands[lo]);
    size_t mid = (lo + hi + 1) / 2;
    ExprPtr left = Balance(op, operands, offsets, lo, mid - 1);
    ExprPtr right = Balance(op, operands, offsets, mid, hi);
    return Binary(op, offsets[mid - 1], std::move(left), std::move(right));
  }

  template <typename Next>
  ExprPtr ParseChain(TokenKind op_token, const std::string& op, Next next) {
    std::vector<ExprPtr> operands;
    std::vector<int> offsets;
    operands.push_back((this->*next)());
    while (!failed_ && tok_.kind == op_token) {
      offsets.push_back(tok_.offset);
      Advance();
      operands.push_back((this->*next)());
    }
    if (failed_) return nullptr;
    return Balance(op, operands, offsets, 0, operands.size() - 1);
  }

  ExprPtr ParseOr() {
    return ParseChain(TokenKind::kOrOr, "_||_", &Parser::ParseAnd);
  }
  ExprPtr ParseAnd() {
    return ParseChain(TokenKind::kAndAnd, "_&&_", &Parser::ParseRelation);
  }

  static const char* RelationOp(TokenKind k) {
    switch (k) {
      case TokenKind::kLess:
        return "_<_";
      case TokenKind::kLessEq:
        return "_<=_";
      case TokenKind::kGreater:
        return "_>_";
      case TokenKind::kGreaterEq:
        return "_>=_";
      case TokenKind::kEqEq:
        return "_==_";
      case TokenKind::kNotEq:
        return "_!=_";
      case TokenKind::kIn:
        return "@in";
      default:
        return nullptr;
    }
  }

  ExprPtr ParseRelation() {
    ExprPtr left = ParseAddition();
    while (!failed_ && RelationOp(tok_.kind) != nullptr) {
      const char* op = RelationOp(tok_.kind);
      int offset = tok_.offset;
      Advance();
      left = Binary(op, offset, std::move(left), ParseAddition());
    }
    return left;
  }

  ExprPtr ParseAddition() {
    ExprPtr left = ParseMultiplication();
    while (!failed_ &&
           (tok_.kind == TokenKind::kPlus || tok_.kind == TokenKind::kMinus)) {
      const char* op = tok_.kind == TokenKind::kPlus ? "_+_" : "_-_";
      int offset = tok_.offset;
      Advance();
      left = Binary(op, offset, std::move(left), ParseMultiplication());
    }
    return left;
  }

  ExprPtr ParseMultiplication() {
    ExprPtr left = ParseUnary();
    while (!failed_ &&
           (tok_.kind == TokenKind::kStar || tok_.kind == TokenKind::kSlash ||
            tok_.kind == TokenKind::kPercent)) {
      const char* op = tok_.kind == TokenKind::kStar
                           ? "_*_"
                           : (tok_.kind == TokenKind::kSlash ? "_/_" : "_%_");
      int offset = tok_.offset;
      Advance();
      left = Binary(op, offset, std::move(left), ParseUnary());
    }
    return left;
  }

  ExprPtr Unary(const char* op, int offset, ExprPtr operand) {
    if (operand == nullptr) return nullptr;
    std::vector<ExprPtr> args;
    args.push_back(std::move(operand));
    return Call(op, offset, std::move(args));
  }

  // An even number of `!` or `-` cancels out, as in cel-go.
  ExprPtr ParseUnary() {
    if (failed_) return nullptr;
    if (tok_.kind == TokenKind::kBang) {
      int offset = tok_.offset;
      int count = 0;
      while (tok_.kind == TokenKind::kBang) {
        ++count;
        Advance();
      }
      ExprPtr operand = ParseMember();
      return count % 2 == 1 ? Unary("!_", offset, std::move(operand))
                            : std::move(operand);
    }
    if (tok_.kind == TokenKind::kMinus) {
      int offset = tok_.offset;
      int count = 0;
      while (tok_.kind == TokenKind::kMinus) {
        ++count;
        Advance();
      }
      if (!failed_ &&
          (tok_.kind == TokenKind::kInt || tok_.kind == TokenKind::kDouble)) {
        // An odd number of minuses makes a negative literal (so that
        // -9223372036854775808 is in range); an even number cancels out.
        return ParseMemberSuffix(count % 2 == 1 ? NegativeLiteral(offset)
                                                : ParseLiteral());
      }
      ExprPtr operand = ParseMember();
      return count % 2 == 1 ? Unary("-_", offset, std::move(operand))
                            : std::move(operand);
    }
    return ParseMember();
  }

  ExprPtr NegativeLiteral(int offset) {
    ExprPtr e = NewExpr(ExprKind::kConst, offset);
    if (tok_.kind == TokenKind::kDouble) {
      e->constant.kind = Constant::Kind::kDouble;
      e->constant.double_value = -tok_.double_value;
    } else {
      if (tok_.int_magnitude > uint64_t{1} << 63) {
        return Fail(offset, "integer literal out of range");
      }
      e->constant.kind = Constant::Kind::kInt;
      e->constant.int_value =
          static_cast<int64_t>(~tok_.int_magnitude + 1);  // two's complement
    }
    Advance();
    return Finish(std::move(e));
  }

  ExprPtr ParseMember() { return ParseMemberSuffix(ParsePrimary()); }

  ExprPtr ParseMemberSuffix(ExprPtr operand) {
    while (!failed_ && operand != nullptr) {
      if (tok_.kind == TokenKind::kDot) {
        Advance();
        if (failed_) return nullptr;
        int offset = tok_.offset;
        std::string name;
        bool quoted = tok_.kind == TokenKind::kQuotedIdent;
        if (tok_.kind == TokenKind::kIdent || quoted ||
            tok_.kind == TokenKind::kIn || tok_.kind == TokenKind::kTrue ||
            tok_.kind == TokenKind::kFalse || tok_.kind == TokenKind::kNull) {
          name = quoted ? tok_.text_value : std::string(tok_.text);
        } else {
          return Fail(tok_.offset, Cat("expected a field name after "
                                       "`.`, found ",
                                       DescribeToken(tok_)));
        }
        Advance();
        if (!quoted && tok_.kind == TokenKind::kLParen) {
          std::vector<ExprPtr> args;
          if (!ParseArgs(&args)) return nullptr;
          operand = ReceiverCall(std::move(name), offset, std::move(operand),
                                 std::move(args));
        } else {
          ExprPtr e = NewExpr(ExprKind::kSelect, offset);
          e->name = std::move(name);
          e->operand = std::move(operand);
          operand = Finish(std::move(e));
        }
      } else if (tok_.kind == TokenKind::kLBracket) {
        int offset = tok_.offset;
        Advance();
        ExprPtr index = Nested();
        if (!Expect(TokenKind::kRBracket, "]")) return nullptr;
        operand = Binary("_[_]", offset, std::move(operand), std::move(index));
      } else {
        break;
      }
    }
    return failed_ ? nullptr : std::move(operand);
  }

  // An expression inside brackets, braces or an argument list.
  ExprPtr Nested() { return ParseExpr(); }

  // Parses "(a, b, c)" into *args. The current token is "(".
  bool ParseArgs(std::vector<ExprPtr>* args) {
    Advance();  // (
    if (tok_.kind != TokenKind::kRParen) {
      while (!failed_) {
        args->push_back(Nested());
        if (tok_.kind != TokenKind::kComma) break;
        Advance();
      }
    }
    return Expect(TokenKind::kRParen, ")");
  }

  ExprPtr ReceiverCall(std::string name, int offset, ExprPtr target,
                       std::vector<ExprPtr> args) {
    if (failed_) return nullptr;
    MacroExpansion m = ExpandReceiverMacro(name, args);
    if (m.error.has_value()) return Fail(m.error_offset, *m.error);
    if (m.is_macro) {
      ExprPtr e = NewExpr(ExprKind::kComprehension, offset);
      e->macro = m.kind;
      e->var = std::move(m.var);
      e->var2 = std::move(m.var2);
      e->predicate = std::move(m.predicate);
      e->transform = std::move(m.transform);
      e->operand = std::move(target);
      return Finish(std::move(e));
    }
    return Call(std::move(name), offset, std::move(args), std::move(target));
  }

  ExprPtr ParsePrimary() {
    if (failed_) return nullptr;
    const int offset = tok_.offset;
    switch (tok_.kind) {
      case TokenKind::kDot:
        // A leading dot names a root-scoped identifier: `.a.b`.
        Advance();
        if (failed_) return nullptr;
        if (tok_.kind != TokenKind::kIdent) {
          return Fail(tok_.offset, Cat("expected an identifier after "
                                       "`.`, found ",
                                       DescribeToken(tok_)));
        }
        return ParseIdentifier(offset);
      case TokenKind::kIdent:
        return ParseIdentifier(offset);
      case TokenKind::kLParen: {
        Advance();
        ExprPtr e = Nested();
        if (!Expect(TokenKind::kRParen, ")")) return nullptr;
        return e;
      }
      case TokenKind::kLBracket: {
        Advance();
        ExprPtr e = NewExpr(ExprKind::kList, offset);
        while (!failed_ && tok_.kind != TokenKind::kRBracket) {
          e->args.push_back(Nested());
          if (tok_.kind != TokenKind::kComma) break;
          Advance();
        }
        if (!Expect(TokenKind::kRBracket, "]")) return nullptr;
        return Finish(std::move(e));
      }
      case TokenKind::kLBrace: {
        Advance();
        ExprPtr e = NewExpr(ExprKind::kMap, offset);
        while (!failed_ && tok_.kind != TokenKind::kRBrace) {
          e->args.push_back(Nested());
          if (!Expect(TokenKind::kColon, ":")) return nullptr;
          e->args.push_back(Nested());
          if (tok_.kind != TokenKind::kComma) break;
          Advance();
        }
        if (!Expect(TokenKind::kRBrace, "}")) return nullptr;
        return Finish(std::move(e));
      }
      case TokenKind::kInt:
      case TokenKind::kUint:
      case TokenKind::kDouble:
      case TokenKind::kString:
      case TokenKind::kBytes:
      case TokenKind::kTrue:
      case TokenKind::kFalse:
      case TokenKind::kNull:
        return ParseLiteral();
      case TokenKind::kError:
        return nullptr;
      default:
        return Fail(offset,
                    Cat("expected an expression, found ", DescribeToken(tok_)));
    }
  }

  ExprPtr ParseLiteral() {
    ExprPtr e = NewExpr(ExprKind::kConst, tok_.offset);
    Constant& c = e->constant;
    switch (tok_.kind) {
      case TokenKind::kInt:
        if (tok_.int_magnitude > static_cast<uint64_t>(INT64_MAX)) {
          return Fail(tok_.offset, "integer literal out of range");
        }
        c.kind = Constant::Kind::kInt;
        c.int_value = static_cast<int64_t>(tok_.int_magnitude);
        break;
      case TokenKind::kUint:
        c.kind = Constant::Kind::kUint;
        c.uint_value = tok_.int_magnitude;
        break;
      case TokenKind::kDouble:
        c.kind = Constant::Kind::kDouble;
        c.double_value = tok_.double_value;
        break;
      case TokenKind::kString:
        c.kind = Constant::Kind::kString;
        c.string_value = std::move(tok_.text_value);
        break;
      case TokenKind::kBytes:
        c.kind = Constant::Kind::kBytes;
        c.string_value = std::move(tok_.text_value);
        break;
      case TokenKind::kTrue:
      case TokenKind::kFalse:
        c.kind = Constant::Kind::kBool;
        c.bool_value = tok_.kind == TokenKind::kTrue;
        break;
      default:
        c.kind = Constant::Kind::kNull;
        break;
    }
    Advance();
    return Finish(std::move(e));
  }

  ExprPtr ParseIdentifier(int offset) {
    if (tok_.reserved) {
      return Fail(tok_.offset, Cat("`", tok_.text,
                                   "` is a reserved word and cannot "
                                   "be used as an identifier"));
    }
    std::string name = std::move(tok_.text_value);
    int name_offset = tok_.offset;
    Advance();
    if (failed_) return nullptr;
    if (tok_.kind == TokenKind::kLParen) {
      std::vector<ExprPtr> args;
      if (!ParseArgs(&args)) return nullptr;
      if (name == "has") return HasMacro(name_offset, std::move(args));
      return Call(std::move(name), name_offset, std::move(args));
    }
    if (tok_.kind == TokenKind::kLBrace) {
      return Fail(tok_.offset, Cat("struct construction (`", name,
                                   "{...}`) is not supported"));
    }
    ExprPtr e = NewExpr(ExprKind::kIdent, offset);
    e->name = std::move(name);
    return Finish(std::move(e));
  }

  ExprPtr HasMacro(int offset, std::vector<ExprPtr> args) {
    if (args.size() != 1 || args[0]->kind != ExprKind::kSelect ||
        args[0]->test_only) {
      int at = args.empty() ? offset : args[0]->offset;
      return Fail(at, "has() takes one field selection, such as has(x.f)");
    }
    args[0]->test_only = true;
    return std::move(args[0]);
  }

  std::string_view source_;
  Lexer lexer_;
  Token tok_;
  int depth_ = -1;  // the top level is level 0
  int next_id_ = 0;
  bool failed_ = false;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace

ParseResult Parse(std::string_view expression) {
  return Parser(expression).Run();
}

}  // namespace hublint::cel
