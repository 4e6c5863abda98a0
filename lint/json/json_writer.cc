#include "lint/json/json_writer.h"

#include <charconv>
#include <cmath>

#include "lint/util/utf8.h"

namespace hublint {

JsonWriter::JsonWriter(std::string* out, int indent)
    : out_(out), indent_(indent) {}

void JsonWriter::NewLine() {
  if (indent_ == 0) return;
  out_->push_back('\n');
  out_->append(has_members_.size() * static_cast<size_t>(indent_), ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_members_.empty()) return;
  if (has_members_.back()) out_->push_back(',');
  has_members_.back() = true;
  NewLine();
}

void JsonWriter::Open(char bracket) {
  BeforeValue();
  out_->push_back(bracket);
  has_members_.push_back(false);
}

void JsonWriter::Close(char bracket) {
  bool had_members = has_members_.back();
  has_members_.pop_back();
  if (had_members) NewLine();
  out_->push_back(bracket);
}

void JsonWriter::BeginObject() { Open('{'); }
void JsonWriter::EndObject() { Close('}'); }
void JsonWriter::BeginArray() { Open('['); }
void JsonWriter::EndArray() { Close(']'); }

void JsonWriter::Key(std::string_view key) {
  BeforeValue();
  WriteQuoted(key);
  out_->append(indent_ == 0 ? ":" : ": ");
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  WriteQuoted(value);
}

void JsonWriter::Int(int64_t value) {
  BeforeValue();
  char buffer[24];
  auto r = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_->append(buffer, r.ptr);
}

void JsonWriter::Uint(uint64_t value) {
  BeforeValue();
  char buffer[24];
  auto r = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_->append(buffer, r.ptr);
}

void JsonWriter::Double(double value) {
  BeforeValue();
  if (!std::isfinite(value)) {
    out_->append("null");
    return;
  }
  char buffer[32];
  auto r = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_->append(buffer, r.ptr);
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  out_->append(value ? "true" : "false");
}

void JsonWriter::Null() {
  BeforeValue();
  out_->append("null");
}

void JsonWriter::Raw(std::string_view json) {
  BeforeValue();
  out_->append(json);
}

namespace {

void AppendEscaped(std::string* out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  // Runs of characters that need no escape (nearly all) are appended whole.
  size_t run = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    auto u = static_cast<unsigned char>(text[i]);
    if (u >= 0x20 && u != '"' && u != '\\' && u != 0x7F) continue;
    out->append(text.data() + run, i - run);
    run = i + 1;
    switch (u) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default:
        out->append("\\u00");
        out->push_back(kHex[u >> 4]);
        out->push_back(kHex[u & 0xF]);
    }
  }
  out->append(text.data() + run, text.size() - run);
}

}  // namespace

void JsonWriter::WriteQuoted(std::string_view text) {
  out_->push_back('"');
  if (IsValidUtf8(text)) {
    AppendEscaped(out_, text);
  } else {
    replaced_invalid_utf8_ = true;
    AppendEscaped(out_, SanitizeUtf8(text));
  }
  out_->push_back('"');
}

std::string JsonQuote(std::string_view text) {
  std::string out;
  JsonWriter(&out, 0).String(text);
  return out;
}

}  // namespace hublint
