#include "base/json.h"

#include <cctype>
#include <cstdio>

namespace sargs {

void AppendJsonString(std::string& out, std::string_view s) {
  out += '"';
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

void JsonWriter::Separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_ += ',';
    first_.back() = false;
  }
}

JsonWriter& JsonWriter::BeginObject() { Separate(); out_ += '{'; first_.push_back(true); return *this; }
JsonWriter& JsonWriter::EndObject() { out_ += '}'; first_.pop_back(); return *this; }
JsonWriter& JsonWriter::BeginArray() { Separate(); out_ += '['; first_.push_back(true); return *this; }
JsonWriter& JsonWriter::EndArray() { out_ += ']'; first_.pop_back(); return *this; }
JsonWriter& JsonWriter::Key(std::string_view key) {
  Separate();
  AppendJsonString(out_, key);
  out_ += ':';
  after_key_ = true;
  return *this;
}
JsonWriter& JsonWriter::String(std::string_view value) { Separate(); AppendJsonString(out_, value); return *this; }
JsonWriter& JsonWriter::Int(int64_t value) { Separate(); out_ += std::to_string(value); return *this; }
JsonWriter& JsonWriter::Bool(bool value) { Separate(); out_ += value ? "true" : "false"; return *this; }
JsonWriter& JsonWriter::Null() { Separate(); out_ += "null"; return *this; }
JsonWriter& JsonWriter::Raw(std::string_view number) { Separate(); out_ += number; return *this; }

namespace {

class FlatParser {
 public:
  explicit FlatParser(std::string_view s) : s_(s) {}

  Result<std::vector<JsonField>> Parse() {
    std::vector<JsonField> fields;
    Skip();
    if (!Eat('{')) return Bad("expected '{' at the start of the line");
    Skip();
    if (Eat('}')) return End(fields);
    while (true) {
      Skip();
      JsonField f;
      if (Peek() != '"') return Bad("expected a quoted key");
      f.key = TRY(String());
      Skip();
      if (!Eat(':')) return Bad("expected ':' after the key");
      Skip();
      f.column = Column();
      char c = Peek();
      if (c == '"') {
        f.value = TRY(String());
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        size_t start = i_;
        while (i_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.' ||
                                  s_[i_] == '-' || s_[i_] == '+' || s_[i_] == 'e' || s_[i_] == 'E')) {
          ++i_;
        }
        f.value.assign(s_.substr(start, i_ - start));
      } else if (Word("true")) {
        f.value = "true";
      } else if (Word("false")) {
        f.value = "false";
      } else if (Word("null")) {
        f.is_null = true;
      } else if (c == '{' || c == '[') {
        return Bad("nested objects and arrays are not supported; use flat values");
      } else {
        return Bad("expected a value");
      }
      fields.push_back(std::move(f));
      Skip();
      if (Eat(',')) continue;
      if (Eat('}')) return End(fields);
      return Bad("expected ',' or '}'");
    }
  }

 private:
  Result<std::vector<JsonField>> End(std::vector<JsonField>& fields) {
    Skip();
    if (i_ != s_.size()) return Bad("text after the closing '}'");
    return std::move(fields);
  }
  char Peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
  bool Eat(char c) {
    if (Peek() != c) return false;
    ++i_;
    return true;
  }
  bool Word(std::string_view w) {
    if (s_.substr(i_, w.size()) != w) return false;
    i_ += w.size();
    return true;
  }
  void Skip() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\r')) ++i_;
  }
  int Column() const {
    int col = 1;
    for (size_t k = 0; k < i_; ++k) {
      if ((static_cast<unsigned char>(s_[k]) & 0xC0) != 0x80) ++col;
    }
    return col;
  }
  tl::unexpected<Error> Bad(const std::string& why) const {
    return Fail(Location{"", 0, Column()}, "", why);
  }
  static void AppendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  Result<uint32_t> Hex4() {
    if (i_ + 4 > s_.size()) return Bad("incomplete \\u escape");
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      char c = s_[i_++];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= c - '0';
      else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
      else return Bad("bad \\u escape");
    }
    return v;
  }
  Result<std::string> String() {
    std::string out;
    ++i_;  // opening quote
    while (true) {
      if (i_ >= s_.size()) return Bad("string is never closed");
      char c = s_[i_++];
      if (c == '"') return out;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (i_ >= s_.size()) return Bad("string is never closed");
      char e = s_[i_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          uint32_t cp = TRY(Hex4());
          if (cp >= 0xD800 && cp < 0xDC00) {
            if (!Word("\\u")) return Bad("unpaired surrogate in \\u escape");
            uint32_t low = TRY(Hex4());
            if (low < 0xDC00 || low > 0xDFFF) return Bad("unpaired surrogate in \\u escape");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          AppendUtf8(out, cp);
          break;
        }
        default: return Bad(std::string("unknown escape \\") + e);
      }
    }
  }

  std::string_view s_;
  size_t i_ = 0;
};

}  // namespace

Result<std::vector<JsonField>> ParseFlatJsonObject(std::string_view line) { return FlatParser(line).Parse(); }

}  // namespace sargs
