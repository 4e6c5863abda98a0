#include "lint/config/csv.h"

#include "lint/util/strings.h"
#include "lint/util/utf8.h"

namespace hublint {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool IsLineEnd(char c) { return c == '\n' || c == '\r'; }

class CsvParser {
 public:
  explicit CsvParser(const SourceText& source)
      : source_(source), text_(source.text()) {}

  absl::StatusOr<CsvTable> Parse();

 private:
  // Reads one record starting at pos_ (not at a line end); leaves pos_
  // after its line terminator.
  absl::StatusOr<CsvRecord> ReadRecord();
  absl::Status ReadQuoted(std::string* field);
  void SkipLineEnd() {
    if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
  }

  const SourceText& source_;
  std::string_view text_;
  size_t pos_ = 0;
};

absl::Status CsvParser::ReadQuoted(std::string* field) {
  size_t open = pos_++;
  while (pos_ < text_.size()) {
    char c = text_[pos_++];
    if (c != '"') {
      field->push_back(c);
      continue;
    }
    if (pos_ < text_.size() && text_[pos_] == '"') {
      field->push_back('"');
      ++pos_;
      continue;
    }
    if (pos_ < text_.size() && text_[pos_] != ',' && !IsLineEnd(text_[pos_])) {
      return source_.Error(
          pos_, "expected `,` or the end of the line after a closing quote");
    }
    return absl::OkStatus();
  }
  return source_.Error(open, "quoted field is not closed");
}

absl::StatusOr<CsvRecord> CsvParser::ReadRecord() {
  CsvRecord record;
  record.offset = pos_;
  while (true) {
    record.offsets.push_back(pos_);
    std::string field;
    if (pos_ < text_.size() && text_[pos_] == '"') {
      absl::Status status = ReadQuoted(&field);
      if (!status.ok()) return status;
    } else {
      while (pos_ < text_.size() && text_[pos_] != ',' &&
             !IsLineEnd(text_[pos_])) {
        if (text_[pos_] == '"') {
          return source_.Error(pos_,
                               "quote inside an unquoted field; quote the "
                               "whole field and double the quote (\"\")");
        }
        field.push_back(text_[pos_++]);
      }
    }
    record.fields.push_back(std::move(field));
    if (pos_ < text_.size() && text_[pos_] == ',') {
      ++pos_;
      continue;
    }
    SkipLineEnd();
    return record;
  }
}

absl::StatusOr<CsvTable> CsvParser::Parse() {
  if (text_.starts_with("\xFF\xFE") || text_.starts_with("\xFE\xFF")) {
    return absl::InvalidArgumentError(
        Cat(source_.name(),
            ": the file is UTF-16; export it as UTF-8 (\"CSV UTF-8\")"));
  }
  if (text_.starts_with(kUtf8Bom)) pos_ = kUtf8Bom.size();
  if (size_t bad = FindInvalidUtf8(text_); bad != std::string_view::npos) {
    return source_.Error(bad, "invalid UTF-8; export the file as UTF-8");
  }
  CsvTable table;
  bool have_header = false;
  while (pos_ < text_.size()) {
    if (IsLineEnd(text_[pos_])) {  // a blank line
      SkipLineEnd();
      continue;
    }
    absl::StatusOr<CsvRecord> record = ReadRecord();
    if (!record.ok()) return record.status();
    if (!have_header) {
      table.header = *std::move(record);
      have_header = true;
      continue;
    }
    if (record->fields.size() != table.header.fields.size()) {
      return source_.Error(
          record->offset, Cat("this row has ", record->fields.size(), " field",
                              record->fields.size() == 1 ? "" : "s",
                              "; the header has ", table.header.fields.size()));
    }
    table.records.push_back(*std::move(record));
  }
  if (!have_header) {
    return source_.Error(0, "the file is empty; expected a header row");
  }
  return table;
}

}  // namespace

absl::StatusOr<CsvTable> ParseCsv(const SourceText& source) {
  return CsvParser(source).Parse();
}

}  // namespace hublint
