#include "base/csv.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace sargs {
namespace {

// Counts UTF-8 code points so that columns match what an editor shows.
bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

size_t CsvReader::SkipOrdinary(size_t i) const {
  const char* p = text_.data();
  const size_t n = text_.size();
#ifdef __SSE2__
  // Sixteen bytes at a time: compare with each byte that can end a field.
  const __m128i delimiter = _mm_set1_epi8(options_.delimiter), lf = _mm_set1_epi8('\n'),
                cr = _mm_set1_epi8('\r'), quote = _mm_set1_epi8('"');
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, delimiter), _mm_cmpeq_epi8(v, lf)),
                               _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, quote)));
    int mask = _mm_movemask_epi8(hit);
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  while (i < n && !stop_[static_cast<unsigned char>(p[i])]) ++i;
  return i;
}

CsvReader::CsvReader(std::string_view text, std::string_view file, CsvOptions options)
    : text_(text), file_(file), options_(options) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3;
  for (char c : {options_.delimiter, '\n', '\r', '"'}) stop_[static_cast<unsigned char>(c)] = true;
}

Result<bool> CsvReader::Next(CsvRecord& record) {
  const std::string_view text = text_;
  const size_t n = text.size();
  // Local copies, written back on every way out: the compiler cannot keep
  // members in registers across the loops (the record's strings might alias).
  size_t i = i_;
  int line = line_, column = column_;
  struct WriteBack {
    CsvReader& r;
    size_t& i;
    int& line;
    int& column;
    ~WriteBack() {
      r.i_ = i;
      r.line_ = line;
      r.column_ = column;
    }
  } write_back{*this, i, line, column};
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
      // The hot loop of every import: runs of ordinary bytes are skipped
      // with a table lookup, and the column advances by the code points in
      // the run (bytes that do not continue a UTF-8 sequence).
      size_t start = i;
      while (true) {
        size_t run = i;
        i = SkipOrdinary(i);
        int continuation = 0;
        for (size_t k = run; k < i; ++k) continuation += IsContinuationByte(text[k]);
        column += static_cast<int>(i - run) - continuation;
        if (i < n && text[i] == '"') {
          return Fail(Location{file_, line, column}, "", "quote inside an unquoted field (quote the whole field)");
        }
        if (i < n && text[i] == '\r' && !at_line_end(i)) {  // a lone carriage return is text
          advance(text[i++]);
          continue;
        }
        break;
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
