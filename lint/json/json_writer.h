#ifndef HUBLINT_JSON_JSON_WRITER_H_
#define HUBLINT_JSON_JSON_WRITER_H_

// JsonWriter: streams JSON into a string, pretty-printed (two-space indent,
// one member per line, like JSON.stringify(v, null, 2)) or compact.
//
// Every string is written as valid UTF-8 with RFC 8259 escaping: quotes,
// backslashes and control characters are escaped, and bytes that are not
// valid UTF-8 become U+FFFD (replaced_invalid_utf8() then says so, so callers
// can report it). No input can make the output invalid JSON.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hublint {

class JsonWriter {
 public:
  // `indent` spaces per level; 0 writes compact JSON on one line.
  explicit JsonWriter(std::string* out, int indent = 2);

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  // The next value's key; only inside an object.
  void Key(std::string_view key);

  void String(std::string_view value);
  void Int(int64_t value);
  void Uint(uint64_t value);
  // Shortest round-trip form; NaN and infinities (not JSON) become null.
  void Double(double value);
  void Bool(bool value);
  void Null();
  // Writes `json` verbatim as one value. REQUIRES: valid JSON.
  void Raw(std::string_view json);

  // Key() then the value, for the common case.
  void Field(std::string_view key, std::string_view value) {
    Key(key);
    String(value);
  }
  void Field(std::string_view key, const char* value) {
    Key(key);
    String(value);
  }
  void Field(std::string_view key, bool value) {
    Key(key);
    Bool(value);
  }
  void Field(std::string_view key, int64_t value) {
    Key(key);
    Int(value);
  }

  bool replaced_invalid_utf8() const { return replaced_invalid_utf8_; }

 private:
  void BeforeValue();
  void Open(char bracket);
  void Close(char bracket);
  void NewLine();
  void WriteQuoted(std::string_view text);

  std::string* out_;
  int indent_;
  // One entry per open container: whether it has a member yet.
  std::vector<bool> has_members_;
  bool after_key_ = false;
  bool replaced_invalid_utf8_ = false;
};

// `text` as a quoted, escaped JSON string (valid UTF-8 guaranteed).
std::string JsonQuote(std::string_view text);

}  // namespace hublint

#endif  // HUBLINT_JSON_JSON_WRITER_H_
