#include "lint/tfplan/hcl_scanner.h"

#include <cstring>

namespace hublint {
namespace {

bool IsIdentStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool IsIdentChar(char c) {
  return IsIdentStart(c) || (c >= '0' && c <= '9') || c == '-';
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : t_(text) {}

  std::vector<HclBlock> Run();

 private:
  bool AtEnd() const { return p_ >= t_.size(); }
  char Peek(size_t k = 0) const {
    return p_ + k < t_.size() ? t_[p_ + k] : '\0';
  }
  void SkipToEndOfLine() {
    while (!AtEnd() && Peek() != '\n') ++p_;
  }
  void SkipBlockComment() {
    p_ += 2;
    while (!AtEnd() && !(Peek() == '*' && Peek(1) == '/')) ++p_;
    p_ = std::min(p_ + 2, t_.size());
  }
  // Spaces, tabs and /* */ comments, but not newlines: labels and the
  // opening brace of a block must stay on its first line.
  void SkipInlineSpace() {
    for (;;) {
      if (Peek() == ' ' || Peek() == '\t' || Peek() == '\r') {
        ++p_;
      } else if (Peek() == '/' && Peek(1) == '*') {
        SkipBlockComment();
      } else {
        return;
      }
    }
  }
  std::string_view ReadIdent() {
    size_t start = p_;
    while (!AtEnd() && IsIdentChar(Peek())) ++p_;
    return t_.substr(start, p_ - start);
  }
  void SkipString();
  void SkipTemplateExpression();
  bool TrySkipHeredoc();
  std::optional<std::string> ReadStringLiteral();
  std::optional<std::string> ReadLabel();
  void ReadBlockHeader(std::string_view keyword, size_t keyword_offset);
  void CaptureModuleSource();
  void SetPosition(size_t offset, HclBlock* block);

  std::string_view t_;
  size_t p_ = 0;
  int depth_ = 0;
  // The module block being read, while inside it.
  std::optional<size_t> module_block_;
  std::vector<HclBlock> blocks_;
  // Forward-only line counting for block positions.
  size_t counted_to_ = 0;
  uint32_t line_ = 1;
  size_t line_start_ = 0;
};

// At the opening quote. A quoted string ends at its closing quote or, when
// unterminated, at the end of its line (HCL strings do not span lines), so
// one stray quote cannot swallow the rest of the file.
void Scanner::SkipString() {
  ++p_;
  while (!AtEnd()) {
    char c = Peek();
    if (c == '\\') {
      p_ += 2;
    } else if (c == '"') {
      ++p_;
      return;
    } else if (c == '\n') {
      return;
    } else if ((c == '$' || c == '%') && Peek(1) == c && Peek(2) == '{') {
      p_ += 3;  // `$${` and `%%{` are literal text
    } else if ((c == '$' || c == '%') && Peek(1) == '{') {
      p_ += 2;
      SkipTemplateExpression();
    } else {
      ++p_;
    }
  }
}

// After `${` or `%{`: up to the matching `}`, across nested braces and
// strings (`"${lookup(m, "}")}"`).
void Scanner::SkipTemplateExpression() {
  int depth = 1;
  while (!AtEnd()) {
    char c = Peek();
    if (c == '"') {
      SkipString();
    } else if (c == '{') {
      ++depth;
      ++p_;
    } else if (c == '}') {
      ++p_;
      if (--depth == 0) return;
    } else {
      ++p_;
    }
  }
}

// At `<<`: skips a heredoc (`<<EOT` or `<<-EOT`, the marker alone on the
// rest of the line) through the line that holds only the marker. Returns
// false, without moving, when this `<<` starts no heredoc.
bool Scanner::TrySkipHeredoc() {
  size_t start = p_;
  p_ += 2;
  if (Peek() == '-') ++p_;
  if (!IsIdentStart(Peek())) {
    p_ = start;
    return false;
  }
  std::string_view marker = ReadIdent();
  while (Peek() == ' ' || Peek() == '\t' || Peek() == '\r') ++p_;
  if (Peek() != '\n') {
    p_ = start;
    return false;
  }
  ++p_;
  while (!AtEnd()) {
    size_t line_end = t_.find('\n', p_);
    if (line_end == std::string_view::npos) line_end = t_.size();
    std::string_view line = t_.substr(p_, line_end - p_);
    size_t first = line.find_first_not_of(" \t");
    size_t last = line.find_last_not_of(" \t\r");
    p_ = line_end;
    if (first != std::string_view::npos &&
        line.substr(first, last - first + 1) == marker) {
      return true;
    }
    if (p_ < t_.size()) ++p_;
  }
  return true;
}

// At the opening quote: the string's text when it is a plain literal
// (simple escapes allowed, no template), else nullopt. Either way the
// string is consumed.
std::optional<std::string> Scanner::ReadStringLiteral() {
  size_t start = p_;
  std::string out;
  bool plain = true;
  for (++p_; !AtEnd() && Peek() != '"' && Peek() != '\n'; ++p_) {
    char c = Peek();
    if (c == '\\') {
      char e = Peek(1);
      ++p_;
      if (e == 'n') {
        out.push_back('\n');
      } else if (e == 't') {
        out.push_back('\t');
      } else if (e == '"' || e == '\\') {
        out.push_back(e);
      } else {
        plain = false;
      }
    } else if ((c == '$' || c == '%') && Peek(1) == '{') {
      plain = false;
      break;
    } else {
      out.push_back(c);
    }
  }
  if (!plain || Peek() != '"') {
    p_ = start;
    SkipString();
    return std::nullopt;
  }
  ++p_;
  return out;
}

std::optional<std::string> Scanner::ReadLabel() {
  if (Peek() == '"') return ReadStringLiteral();
  if (IsIdentStart(Peek())) return std::string(ReadIdent());
  return std::nullopt;
}

void Scanner::SetPosition(size_t offset, HclBlock* block) {
  for (; counted_to_ < offset; ++counted_to_) {
    if (t_[counted_to_] == '\n') {
      ++line_;
      line_start_ = counted_to_ + 1;
    }
  }
  block->line = line_;
  block->column = static_cast<uint32_t>(offset - line_start_ + 1);
}

// After a top-level `resource` or `module` keyword: its labels and `{` on
// the same line make a block.
void Scanner::ReadBlockHeader(std::string_view keyword, size_t keyword_offset) {
  std::vector<std::string> labels;
  for (;;) {
    SkipInlineSpace();
    if (Peek() != '"' && !IsIdentStart(Peek())) break;
    std::optional<std::string> label = ReadLabel();
    if (!label) return;  // a template in a label: not a block we know
    labels.push_back(std::move(*label));
  }
  if (Peek() != '{') return;  // the main loop handles what follows
  HclBlock block;
  if (keyword == "resource" && labels.size() == 2) {
    block.kind = HclBlock::Kind::kResource;
    block.type = std::move(labels[0]);
    block.name = std::move(labels[1]);
  } else if (keyword == "module" && labels.size() == 1) {
    block.kind = HclBlock::Kind::kModule;
    block.name = std::move(labels[0]);
    module_block_ = blocks_.size();
  } else {
    return;
  }
  SetPosition(keyword_offset, &block);
  blocks_.push_back(std::move(block));
}

// After the identifier `source` directly inside a module block.
void Scanner::CaptureModuleSource() {
  SkipInlineSpace();
  if (Peek() != '=' || Peek(1) == '=') return;
  ++p_;
  SkipInlineSpace();
  if (Peek() != '"') return;
  std::optional<std::string> value = ReadStringLiteral();
  if (value) blocks_[*module_block_].source = std::move(*value);
}

std::vector<HclBlock> Scanner::Run() {
  while (!AtEnd()) {
    char c = Peek();
    if (c == '#' || (c == '/' && Peek(1) == '/')) {
      SkipToEndOfLine();
    } else if (c == '/' && Peek(1) == '*') {
      SkipBlockComment();
    } else if (c == '"') {
      SkipString();
    } else if (c == '<' && Peek(1) == '<') {
      if (!TrySkipHeredoc()) p_ += 2;
    } else if (c == '{' || c == '[' || c == '(') {
      ++depth_;
      ++p_;
    } else if (c == '}' || c == ']' || c == ')') {
      if (depth_ > 0) --depth_;
      if (depth_ == 0) module_block_.reset();
      ++p_;
    } else if (IsIdentStart(c)) {
      size_t start = p_;
      std::string_view ident = ReadIdent();
      if (depth_ == 0 && (ident == "resource" || ident == "module")) {
        ReadBlockHeader(ident, start);
      } else if (depth_ == 1 && module_block_ && ident == "source") {
        CaptureModuleSource();
      }
    } else if (c >= '0' && c <= '9') {
      while (!AtEnd() && IsIdentChar(Peek())) ++p_;  // 1e5, 0x1f, ...
    } else {
      ++p_;
    }
  }
  return std::move(blocks_);
}

}  // namespace

std::vector<HclBlock> ScanHclBlocks(std::string_view text) {
  return Scanner(text).Run();
}

}  // namespace hublint
