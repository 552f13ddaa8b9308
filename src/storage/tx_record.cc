#include "storage/tx_record.h"

#include <cstdint>

#include "base/varint.h"

namespace sargs {
namespace {

void PutBytes(std::string_view s, std::string& out) {
  PutVarint(s.size(), out);
  out.append(s);
}

uint64_t ZigZag(int64_t v) { return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63); }
int64_t UnZigZag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }

constexpr int kChannelCount = static_cast<int>(Channel::kOther) + 1;

}  // namespace

void AppendTxRecord(const Transaction& t, std::string& out) {
  PutVarint(ZigZag(t.booked.date.time_since_epoch().count()), out);
  PutVarint(static_cast<uint64_t>(t.booked.second_of_day + 1), out);
  out.push_back(static_cast<char>((t.direction == Direction::kDebit ? 1 : 0) | static_cast<int>(t.channel) << 1));
  PutVarint(static_cast<uint64_t>(t.amount.cents()), out);
  for (const std::string* s : {&t.id, &t.account_id, &t.currency, &t.counterparty_id, &t.counterparty_name,
                               &t.counterparty_account, &t.counterparty_country, &t.purpose, &t.ip, &t.atm_id,
                               &t.device_id}) {
    PutBytes(*s, out);
  }
}

bool TxRecordReader::Varint(uint64_t& v) { return GetVarint(data_, pos_, v); }

bool TxRecordReader::Bytes(std::string& out) {
  uint64_t n = 0;
  if (!Varint(n) || n > data_.size() - pos_) return false;
  out.assign(data_.data() + pos_, n);
  pos_ += n;
  return true;
}

Result<bool> TxRecordReader::Next(Transaction& t) {
  if (pos_ >= data_.size()) return false;
  uint64_t day = 0, second = 0, cents = 0;
  bool ok = Varint(day) && Varint(second) && pos_ < data_.size();
  if (ok) {
    auto flags = static_cast<uint8_t>(data_[pos_++]);
    t.direction = flags & 1 ? Direction::kDebit : Direction::kCredit;
    int channel = flags >> 1;
    ok = channel < kChannelCount && second <= 86400 && Varint(cents) && cents > 0 &&
         cents <= static_cast<uint64_t>(INT64_MAX);
    t.channel = static_cast<Channel>(channel);
  }
  for (std::string* s : {&t.id, &t.account_id, &t.currency, &t.counterparty_id, &t.counterparty_name,
                         &t.counterparty_account, &t.counterparty_country, &t.purpose, &t.ip, &t.atm_id,
                         &t.device_id}) {
    ok = ok && Bytes(*s);
  }
  if (!ok) return Fail("database: a stored transaction record is corrupt (at byte " + std::to_string(pos_) + ")");
  t.booked.date = Date(std::chrono::days(UnZigZag(day)));
  t.booked.second_of_day = static_cast<int32_t>(second) - 1;
  t.amount = Money::FromCents(static_cast<int64_t>(cents));
  return true;
}

Result<TxRecordKey> PeekTxRecord(std::string_view record) {
  TxRecordReader r(record);
  uint64_t day = 0, second = 0, cents = 0, id_length = 0;
  bool ok = r.Varint(day) && r.Varint(second) && r.pos_ < record.size();
  if (ok) ++r.pos_;  // flags
  ok = ok && second <= 86400 && r.Varint(cents) && r.Varint(id_length) && id_length <= record.size() - r.pos_;
  if (!ok) return Fail("database: a stored transaction record is corrupt");
  return TxRecordKey{static_cast<int32_t>(UnZigZag(day)), static_cast<int32_t>(second) - 1,
                     record.substr(r.pos_, id_length)};
}

}  // namespace sargs
