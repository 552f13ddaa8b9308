// RecordWriter / RecordReader: the fields of Sargs' small binary records
// (list entries kept by version, clients held in memory by a monitoring
// run). A record is a sequence of fields in a fixed order: strings as
// (varint length, bytes), integers as zigzag varints, dates as days since
// 1970-01-01, optional values behind a presence byte, enums as bytes.
//
// The reader never fails loudly: after the first field that does not fit
// the bytes every read yields a default and ok() turns false, so a decoder
// reads its whole struct and checks once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "base/varint.h"

namespace sargs {

class RecordWriter {
 public:
  explicit RecordWriter(std::string& out) : out_(out) {}
  void Text(std::string_view s) {
    PutVarint(s.size(), out_);
    out_.append(s);
  }
  void Byte(uint8_t b) { out_.push_back(static_cast<char>(b)); }
  void Int(int64_t v) { PutVarint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63), out_); }
  void Count(size_t n) { PutVarint(n, out_); }
  void Texts(const std::vector<std::string>& v) {
    Count(v.size());
    for (const std::string& s : v) Text(s);
  }
  void Day(Date d) { Int(d.time_since_epoch().count()); }
  void OptionalDay(const std::optional<Date>& d) {
    Byte(d.has_value());
    if (d) Day(*d);
  }
  void OptionalMoney(const std::optional<Money>& m) {
    Byte(m.has_value());
    if (m) Int(m->cents());
  }

 private:
  std::string& out_;
};

class RecordReader {
 public:
  explicit RecordReader(std::string_view data, size_t position = 0) : data_(data), pos_(position) {}
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == data_.size(); }
  size_t position() const { return pos_; }

  void Text(std::string& s) {
    uint64_t n = 0;
    if (!Varint(n) || n > data_.size() - pos_) {
      ok_ = false;
      s.clear();
      return;
    }
    s.assign(data_.substr(pos_, n));
    pos_ += n;
  }
  uint8_t Byte() {
    if (!ok_ || pos_ >= data_.size()) {
      ok_ = false;
      return 0;
    }
    return static_cast<uint8_t>(data_[pos_++]);
  }
  // An enum stored as a byte below `count`.
  template <typename Enum>
  Enum Small(uint8_t count) {
    const uint8_t b = Byte();
    if (b >= count) ok_ = false;
    return static_cast<Enum>(b < count ? b : 0);
  }
  int64_t Int() {
    uint64_t v = 0;
    if (!Varint(v)) return 0;
    return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
  }
  // A count of elements, each at least one byte long: a corrupt count
  // cannot make the decoder reserve gigabytes.
  size_t Count() {
    uint64_t n = 0;
    if (!Varint(n) || n > data_.size() - pos_) {
      ok_ = false;
      return 0;
    }
    return static_cast<size_t>(n);
  }
  void Texts(std::vector<std::string>& v) {
    v.resize(Count());
    for (std::string& s : v) Text(s);
  }
  Date Day() { return Date{std::chrono::days(Int())}; }
  std::optional<Date> OptionalDay() {
    if (!Byte()) return std::nullopt;
    return Day();
  }
  std::optional<Money> OptionalMoney() {
    if (!Byte()) return std::nullopt;
    return Money::FromCents(Int());
  }

 private:
  bool Varint(uint64_t& v) {
    ok_ = ok_ && GetVarint(data_, pos_, v);
    return ok_;
  }

  std::string_view data_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace sargs
