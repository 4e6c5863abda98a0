#ifndef HUBLINT_CONFIG_CSV_H_
#define HUBLINT_CONFIG_CSV_H_

// A strict CSV reader for identity-provider exports (RFC 4180): a header
// row, then records of the same width; fields separated by commas and
// optionally quoted, a quoted field holding commas, line breaks and doubled
// quotes (""); lines ending in CRLF or LF. A UTF-8 byte-order mark is
// skipped (Excel and the Entra admin center write one). Blank lines are
// skipped.
//
// Refused, each with file:line:col, the line and a caret: bytes that are
// not UTF-8, an unterminated quoted field, a quote inside an unquoted field,
// text after a closing quote, a record whose width differs from the
// header's, and a file without a header. A UTF-16 file (by its byte-order
// mark) is refused with the file's name.

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "lint/util/source_text.h"

namespace hublint {

struct CsvRecord {
  std::vector<std::string> fields;
  // The byte offset in the file where each field starts (its opening quote
  // for a quoted field), for diagnostics about a value.
  std::vector<size_t> offsets;
  size_t offset = 0;  // where the record starts
};

struct CsvTable {
  CsvRecord header;
  std::vector<CsvRecord> records;
};

// Parses `source`'s text. Errors are kInvalidArgument diagnostics.
absl::StatusOr<CsvTable> ParseCsv(const SourceText& source);

}  // namespace hublint

#endif  // HUBLINT_CONFIG_CSV_H_
