#include "base/csv.h"

namespace sargs {
namespace {

// Counts UTF-8 code points so that columns match what an editor shows.
bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

CsvReader::CsvReader(std::string_view text, std::string_view file, CsvOptions options)
    : text_(text), file_(file), options_(options) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3;
}

Result<bool> CsvReader::Next(CsvRecord& record) {
  const std::string_view text = text_;
  const size_t n = text.size();
  size_t& i = i_;
  int& line = line_;
  int& column = column_;
  auto advance = [&](char c) {
    if (c == '\n') {
      ++line;
      column = 1;
    } else if (!IsContinuationByte(c)) {
      ++column;
    }
  };
  auto at_line_end = [&](size_t k) {
    return text[k] == '\n' || (text[k] == '\r' && k + 1 < n && text[k + 1] == '\n');
  };
  // Skip blank lines and comment lines at the start of a record.
  while (i < n) {
    if (at_line_end(i)) {
      if (text[i] == '\r') ++i;
      advance(text[i++]);
      continue;
    }
    if (options_.comments && text[i] == '#') {
      while (i < n && text[i] != '\n') advance(text[i++]);
      continue;
    }
    break;
  }
  if (i >= n) return false;
  record.line = line;
  size_t count = 0;
  while (true) {
    if (record.fields.size() <= count) record.fields.emplace_back();
    CsvField& field = record.fields[count++];
    field.value.clear();
    field.line = line;
    field.column = column;
    if (i < n && text[i] == '"') {
      advance(text[i++]);
      while (true) {
        if (i >= n) {
          return Fail(Location{file_, field.line, field.column}, "", "quoted field is never closed");
        }
        if (text[i] == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            field.value += '"';
            advance(text[i++]);
            advance(text[i++]);
            continue;
          }
          advance(text[i++]);
          break;
        }
        if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') {
          ++i;
          continue;
        }
        field.value += text[i];
        advance(text[i++]);
      }
      if (i < n && text[i] != options_.delimiter && !at_line_end(i)) {
        return Fail(Location{file_, line, column}, "", "unexpected text after a closing quote");
      }
    } else {
      size_t start = i;
      while (i < n && text[i] != options_.delimiter && !at_line_end(i)) {
        if (text[i] == '"') {
          return Fail(Location{file_, line, column}, "",
                      "quote inside an unquoted field (quote the whole field)");
        }
        advance(text[i++]);
      }
      field.value.assign(text.substr(start, i - start));
    }
    if (i < n && text[i] == options_.delimiter) {
      advance(text[i++]);
      continue;
    }
    if (i < n && text[i] == '\r') ++i;
    if (i < n) advance(text[i++]);  // the line feed
    break;
  }
  record.fields.resize(count);
  return true;
}

Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, std::string_view file,
                                        CsvOptions options) {
  CsvReader reader(text, file, options);
  std::vector<CsvRecord> records;
  CsvRecord record;
  while (TRY(reader.Next(record))) records.push_back(record);
  return records;
}

std::string CsvEscape(std::string_view value) {
  if (value.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace sargs
