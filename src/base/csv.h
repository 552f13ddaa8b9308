// A strict RFC 4180 CSV reader that remembers where every field came from.
//
// Import errors must name FILE:LINE:COLUMN, so each field carries the line
// and column (1-based, in characters of the source line) at which it starts.
// The reader works on text already in memory: import files are read whole,
// which keeps the parser simple and lets a failed import leave no trace.
//
// Accepted: a UTF-8 byte-order mark, CRLF or LF line ends, quoted fields with
// "" escapes and embedded line breaks. Lines that start with '#' are skipped
// only when Options::comments is set (the shipped reference data uses them
// for source notes; user files do not).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace sargs {

struct CsvField {
  std::string value;
  int line = 0;
  int column = 0;
};

struct CsvRecord {
  std::vector<CsvField> fields;
  int line = 0;  // line of the record's first character
};

struct CsvOptions {
  bool comments = false;  // skip lines starting with '#'
  char delimiter = ',';
};

// Reads records one at a time from text in memory (a mapped file), reusing
// the record's storage, so that a file of ten million rows costs no more
// memory than one row.
class CsvReader {
 public:
  CsvReader(std::string_view text, std::string_view file, CsvOptions options = {});
  // Fills `record` with the next record: true when one was read, false at
  // the end of the text, an Error for malformed CSV.
  Result<bool> Next(CsvRecord& record);
  // Bytes consumed so far (for progress reporting).
  size_t position() const { return i_; }

 private:
  // The first position from `i` on that holds a byte in stop_ (or the end).
  size_t SkipOrdinary(size_t i) const;

  std::string_view text_;
  std::string file_;
  CsvOptions options_;
  size_t i_ = 0;
  int line_ = 1, column_ = 1;
  std::array<bool, 256> stop_{};  // bytes that may end an unquoted field
};

// Parses `text` into records; blank lines are skipped. `file` names the
// source in errors (an unterminated quote, text after a closing quote).
Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, std::string_view file,
                                        CsvOptions options = {});

// Quotes a value for CSV output when it needs it.
std::string CsvEscape(std::string_view value);

}  // namespace sargs
