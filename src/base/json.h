// The little JSON Sargs needs: a writer for --format json output, and a
// reader for one flat JSON object per line (JSON Lines import).
//
// The reader keeps numbers as their source text: an amount such as 1234.56
// must reach Money::Parse exactly, never through a double.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace sargs {

// Appends `s` to `out` as a quoted JSON string.
void AppendJsonString(std::string& out, std::string_view s);

// A minimal streaming writer: the caller keeps the nesting right.
class JsonWriter {
 public:
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  JsonWriter& Int(int64_t value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  // A number given as text, e.g. Money::ToString().
  JsonWriter& Raw(std::string_view number);
  const std::string& str() const { return out_; }

 private:
  void Separate();
  std::string out_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

struct JsonField {
  std::string key;
  std::string value;  // string contents, number text, "true"/"false"; empty for null
  bool is_null = false;
  int column = 0;     // 1-based column of the value
};

// Parses `line` as one JSON object whose values are strings, numbers,
// booleans or null. Errors name the column.
Result<std::vector<JsonField>> ParseFlatJsonObject(std::string_view line);

}  // namespace sargs
