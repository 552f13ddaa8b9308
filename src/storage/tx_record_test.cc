// Tests of the binary transaction record (storage/tx_record.h): every field
// must survive AppendTxRecord -> TxRecordReader::Next unchanged, and bytes
// that are not a whole valid record must be reported as an Error, never read
// past their end (the sanitizer build turns an overread into a failure).
#include "storage/tx_record.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "model/transaction.h"

namespace sargs {
namespace {

Date Day(int y, unsigned m, unsigned d) {
  return Date(std::chrono::year_month_day{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)});
}

// Compares every field the record stores (client_id is not in a record).
void ExpectSameRecordFields(const Transaction& got, const Transaction& want) {
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.account_id, want.account_id);
  EXPECT_EQ(got.booked.date, want.booked.date)
      << FormatDate(got.booked.date) << " vs " << FormatDate(want.booked.date);
  EXPECT_EQ(got.booked.second_of_day, want.booked.second_of_day);
  EXPECT_EQ(got.direction, want.direction);
  EXPECT_EQ(got.amount.cents(), want.amount.cents());
  EXPECT_EQ(got.currency, want.currency);
  EXPECT_EQ(got.channel, want.channel);
  EXPECT_EQ(got.counterparty_id, want.counterparty_id);
  EXPECT_EQ(got.counterparty_name, want.counterparty_name);
  EXPECT_EQ(got.counterparty_account, want.counterparty_account);
  EXPECT_EQ(got.counterparty_country, want.counterparty_country);
  EXPECT_EQ(got.purpose, want.purpose);
  EXPECT_EQ(got.ip, want.ip);
  EXPECT_EQ(got.atm_id, want.atm_id);
  EXPECT_EQ(got.device_id, want.device_id);
}

Transaction Full(std::string id) {
  Transaction t;
  t.id = std::move(id);
  t.account_id = "LV80BANK0000435195001";
  t.client_id = "K1";
  t.booked = BookingTime{Day(2025, 6, 10), 12 * 3600 + 34 * 60 + 56};
  t.direction = Direction::kDebit;
  t.amount = Money::FromCents(123456);
  t.currency = "EUR";
  t.channel = Channel::kCard;
  t.counterparty_id = "CP-1";
  t.counterparty_name = "SIA \"Koks\" — Jānis Bērziņš";
  t.counterparty_account = "DE89370400440532013000";
  t.counterparty_country = "DE";
  t.purpose = "Rēķins Nr. 5 / 請求書 / 🙂";
  t.ip = "2001:db8::1";
  t.atm_id = "ATM-7";
  t.device_id = "dev-42";
  return t;
}

// A set of transactions that between them reach every edge of the format.
std::vector<Transaction> Samples() {
  std::vector<Transaction> out;

  out.push_back(Full("T-full"));

  // Only the required fields: every optional text empty, date only (-1),
  // the smallest amount. An empty string must stay empty, not become junk
  // left over in the Transaction being decoded into.
  Transaction minimal;
  minimal.id = "T-min";
  minimal.account_id = "A";
  minimal.booked = BookingTime{Day(1970, 1, 1), -1};
  minimal.direction = Direction::kCredit;
  minimal.amount = Money::FromCents(1);
  minimal.currency = "EUR";
  minimal.channel = Channel::kTransfer;
  out.push_back(minimal);

  // The last second of a day (86399) is the largest valid second.
  Transaction last_second = Full("T-last-second");
  last_second.booked = BookingTime{Day(2024, 2, 29), 86399};
  last_second.direction = Direction::kCredit;
  last_second.channel = Channel::kCash;
  out.push_back(last_second);

  // Second 0 (midnight) is stored as 1 and must not be confused with
  // "no time" (stored as 0).
  Transaction midnight = Full("T-midnight");
  midnight.booked = BookingTime{Day(2000, 1, 1), 0};
  midnight.channel = Channel::kAtm;
  out.push_back(midnight);

  // Days before 1970 are negative day numbers: zigzag encoding must keep
  // their sign.
  Transaction old = Full("T-1901");
  old.booked = BookingTime{Day(1901, 12, 13), 3600};
  old.channel = Channel::kInternal;
  out.push_back(old);

  Transaction day_before_epoch = Full("T-1969");
  day_before_epoch.booked = BookingTime{Day(1969, 12, 31), -1};
  day_before_epoch.channel = Channel::kOther;
  out.push_back(day_before_epoch);

  // Far future: a day number that needs a multi-byte varint.
  Transaction future = Full("T-9999");
  future.booked = BookingTime{Day(9999, 12, 31), 86399};
  future.direction = Direction::kDebit;
  future.channel = Channel::kTransfer;
  out.push_back(future);

  // Large amounts: 90 billion euro, and the largest int64 (the reader
  // accepts up to INT64_MAX).
  Transaction large = Full("T-large");
  large.amount = Money::FromCents(9'000'000'000'000);
  large.channel = Channel::kCash;
  out.push_back(large);

  Transaction largest = Full("T-int64-max");
  largest.amount = Money::FromCents(INT64_MAX);
  largest.direction = Direction::kCredit;
  out.push_back(largest);

  // A long text field (length varint of more than one byte).
  Transaction long_text = Full("T-long");
  long_text.purpose = std::string(70'000, 'x') + "ā";
  out.push_back(long_text);

  // Every combination of direction and channel, so the flags byte is
  // exercised for all values.
  const Channel channels[] = {Channel::kTransfer, Channel::kCash,     Channel::kCard,
                              Channel::kAtm,      Channel::kInternal, Channel::kOther};
  for (Direction d : {Direction::kCredit, Direction::kDebit}) {
    for (Channel c : channels) {
      Transaction t =
          Full("T-dir" + std::to_string(static_cast<int>(d)) + "-ch" + std::to_string(static_cast<int>(c)));
      t.direction = d;
      t.channel = c;
      out.push_back(t);
    }
  }
  return out;
}

TEST(TxRecordTest, RoundTripsEveryFieldOfManyRecordsInOneBlock) {
  const std::vector<Transaction> samples = Samples();
  std::string block;
  for (const Transaction& t : samples) AppendTxRecord(t, block);

  TxRecordReader reader(block);
  // Decoding into the same Transaction each time (as the store does) must
  // overwrite every field: a stale value from the previous record would show
  // up as a mismatch on the minimal record.
  Transaction t;
  t.client_id = "kept";
  for (size_t i = 0; i < samples.size(); ++i) {
    SCOPED_TRACE("record " + std::to_string(i) + " " + samples[i].id);
    auto next = reader.Next(t);
    ASSERT_TRUE(next.has_value()) << next.error().ToString();
    ASSERT_TRUE(*next);
    ExpectSameRecordFields(t, samples[i]);
    EXPECT_EQ(t.client_id, "kept");  // not part of the record: left as it was
  }
  auto end = reader.Next(t);
  ASSERT_TRUE(end.has_value()) << end.error().ToString();
  EXPECT_FALSE(*end);
  EXPECT_EQ(reader.position(), block.size());
  // Reading past the end keeps saying "no more".
  auto again = reader.Next(t);
  ASSERT_TRUE(again.has_value());
  EXPECT_FALSE(*again);
}

TEST(TxRecordTest, PositionMarksRecordBoundaries) {
  // The store splits blocks into records using position(); each record's
  // span must be exactly what AppendTxRecord wrote for it.
  const std::vector<Transaction> samples = Samples();
  std::string block;
  std::vector<std::string> records;
  for (const Transaction& t : samples) {
    std::string one;
    AppendTxRecord(t, one);
    records.push_back(one);
    block += one;
  }
  TxRecordReader reader(block);
  Transaction t;
  for (size_t i = 0; i < records.size(); ++i) {
    size_t start = reader.position();
    auto next = reader.Next(t);
    ASSERT_TRUE(next.has_value() && *next);
    EXPECT_EQ(block.substr(start, reader.position() - start), records[i]) << i;
  }
}

TEST(TxRecordTest, AppendDoesNotTouchExistingBytes) {
  std::string out = "prefix";
  AppendTxRecord(Full("T1"), out);
  EXPECT_EQ(out.substr(0, 6), "prefix");
  std::string alone;
  AppendTxRecord(Full("T1"), alone);
  EXPECT_EQ(out.substr(6), alone);
}

TEST(TxRecordTest, PeekReturnsDaySecondAndId) {
  for (const Transaction& t : Samples()) {
    SCOPED_TRACE(t.id);
    std::string record;
    AppendTxRecord(t, record);
    auto key = PeekTxRecord(record);
    ASSERT_TRUE(key.has_value()) << key.error().ToString();
    EXPECT_EQ(key->day, static_cast<int32_t>(t.booked.date.time_since_epoch().count()));
    EXPECT_EQ(key->second, t.booked.second_of_day);
    EXPECT_EQ(key->id, t.id);
    // The id is a view into the record itself (no copy).
    EXPECT_GE(key->id.data(), record.data());
    EXPECT_LE(key->id.data() + key->id.size(), record.data() + record.size());
  }
}

TEST(TxRecordTest, PeekDayIsNegativeBefore1970) {
  Transaction t = Full("T");
  t.booked = BookingTime{Day(1969, 12, 31), -1};
  std::string record;
  AppendTxRecord(t, record);
  auto key = PeekTxRecord(record);
  ASSERT_TRUE(key.has_value());
  EXPECT_EQ(key->day, -1);
  EXPECT_EQ(key->second, -1);
}

TEST(TxRecordTest, PeekOnlyLooksAtTheFirstRecord) {
  // Peeking at a block returns the first record's key.
  std::string block;
  AppendTxRecord(Full("first"), block);
  AppendTxRecord(Full("second"), block);
  auto key = PeekTxRecord(block);
  ASSERT_TRUE(key.has_value());
  EXPECT_EQ(key->id, "first");
}

TEST(TxRecordTest, PeekFailsOnTruncatedKey) {
  std::string record;
  AppendTxRecord(Full("a-rather-long-transaction-id"), record);
  // Every prefix that ends before the id is complete must fail; the rest
  // of the record is not needed by Peek.
  auto whole = PeekTxRecord(record);
  ASSERT_TRUE(whole.has_value());
  size_t id_end = static_cast<size_t>(whole->id.data() + whole->id.size() - record.data());
  for (size_t n = 0; n < id_end; ++n) {
    EXPECT_FALSE(PeekTxRecord(std::string_view(record).substr(0, n)).has_value()) << "prefix " << n;
  }
  auto just_key = PeekTxRecord(std::string_view(record).substr(0, id_end));
  ASSERT_TRUE(just_key.has_value());
  EXPECT_EQ(just_key->id, "a-rather-long-transaction-id");
}

// A record cut short anywhere must be an Error from Next, never a crash or a
// read past the end. Only the empty prefix is a clean "no more records".
TEST(TxRecordTest, EveryTruncatedPrefixIsAnError) {
  for (const Transaction& t : Samples()) {
    if (t.purpose.size() > 1000) continue;  // the long record is covered below, sparsely
    SCOPED_TRACE(t.id);
    std::string record;
    AppendTxRecord(t, record);
    for (size_t n = 0; n < record.size(); ++n) {
      // A copy of exactly n bytes, so that ASan sees any read past the end.
      std::string prefix = record.substr(0, n);
      TxRecordReader reader(prefix);
      Transaction out;
      auto next = reader.Next(out);
      if (n == 0) {
        ASSERT_TRUE(next.has_value());
        EXPECT_FALSE(*next);
      } else {
        EXPECT_FALSE(next.has_value())
            << "prefix of " << n << " of " << record.size() << " bytes was accepted";
      }
    }
  }
}

TEST(TxRecordTest, TruncatedLongRecordIsAnError) {
  Transaction t = Full("T-long");
  t.purpose = std::string(70'000, 'x');
  std::string record;
  AppendTxRecord(t, record);
  for (size_t n : {size_t{1}, size_t{20}, record.size() / 2, record.size() - 100, record.size() - 1}) {
    std::string prefix = record.substr(0, n);
    TxRecordReader reader(prefix);
    Transaction out;
    EXPECT_FALSE(reader.Next(out).has_value()) << n;
  }
}

TEST(TxRecordTest, TruncatedSecondRecordFailsAfterTheFirstIsRead) {
  // The first record of a block reads fine; the cut-off second one errors.
  std::string block;
  AppendTxRecord(Full("one"), block);
  size_t first = block.size();
  AppendTxRecord(Full("two"), block);
  block.pop_back();
  TxRecordReader reader(block);
  Transaction out;
  auto a = reader.Next(out);
  ASSERT_TRUE(a.has_value() && *a);
  EXPECT_EQ(out.id, "one");
  EXPECT_EQ(reader.position(), first);
  auto b = reader.Next(out);
  ASSERT_FALSE(b.has_value());
  EXPECT_NE(b.error().message.find("corrupt"), std::string::npos) << b.error().message;
}

// The flags byte is the third field for records whose day and second varints
// are one byte each (1970-01-01 .. and second -1): byte 2.
constexpr size_t kFlagsOffset = 2;

std::string SmallRecord() {
  Transaction t = Full("T");
  t.booked = BookingTime{Day(1970, 1, 2), -1};  // zigzag(1) = 2, second 0: one byte each
  std::string record;
  AppendTxRecord(t, record);
  return record;
}

TEST(TxRecordTest, FlagsOffsetAssumptionHolds) {
  std::string record = SmallRecord();
  ASSERT_GT(record.size(), kFlagsOffset);
  EXPECT_EQ(static_cast<uint8_t>(record[0]), 2);
  EXPECT_EQ(static_cast<uint8_t>(record[1]), 0);
  EXPECT_EQ(static_cast<uint8_t>(record[kFlagsOffset]), 1 | static_cast<int>(Channel::kCard) << 1);
}

TEST(TxRecordTest, UnknownChannelIsAnError) {
  // Channel::kOther is the last channel; any larger value is corruption and
  // must not be cast into an enum value that does not exist.
  for (int channel : {static_cast<int>(Channel::kOther) + 1, 7, 64, 127}) {
    std::string record = SmallRecord();
    record[kFlagsOffset] = static_cast<char>(channel << 1);
    TxRecordReader reader(record);
    Transaction out;
    EXPECT_FALSE(reader.Next(out).has_value()) << "channel " << channel;
  }
  // ... while the largest valid channel, with either direction, reads.
  for (int direction : {0, 1}) {
    std::string record = SmallRecord();
    record[kFlagsOffset] = static_cast<char>(direction | static_cast<int>(Channel::kOther) << 1);
    TxRecordReader reader(record);
    Transaction out;
    auto next = reader.Next(out);
    ASSERT_TRUE(next.has_value() && *next);
    EXPECT_EQ(out.channel, Channel::kOther);
    EXPECT_EQ(out.direction, direction ? Direction::kDebit : Direction::kCredit);
  }
}

TEST(TxRecordTest, SecondBeyondTheDayIsAnError) {
  // Stored second = second of day + 1; 86400 is the last valid value
  // (second 86399). 86401 would be a second that does not exist.
  Transaction t = Full("T");
  t.booked = BookingTime{Day(1970, 1, 2), 86400};  // one past the last second
  std::string record;
  AppendTxRecord(t, record);
  TxRecordReader reader(record);
  Transaction out;
  EXPECT_FALSE(reader.Next(out).has_value());
}

// PeekTxRecord checks the second the way Next does: bytes that Next rejects
// as corrupt must not pass Peek with a second that does not exist.
TEST(TxRecordTest, PeekRejectsSecondBeyondTheDayLikeNext) {
  Transaction t = Full("T");
  t.booked = BookingTime{Day(1970, 1, 2), 89999};  // stored as 90000 > 86400
  std::string record;
  AppendTxRecord(t, record);
  TxRecordReader reader(record);
  Transaction out;
  ASSERT_FALSE(reader.Next(out).has_value());  // Next: corrupt
  auto key = PeekTxRecord(record);
  EXPECT_FALSE(key.has_value()) << "Peek accepted second " << key->second;
}

// A stored second of 2^31 must be rejected, not turned into INT32_MIN - 1
// (signed overflow; the sanitizer build would abort). Run in a child process
// so that a crash fails only this test.
TEST(TxRecordDeathTest, PeekOnHugeSecondDoesNotCrash) {
  std::string record = SmallRecord();
  // Replace the one-byte second (offset 1) with varint(2^31).
  record.replace(1, 1, std::string("\x80\x80\x80\x80\x08", 5));
  EXPECT_EXIT(
      {
        auto key = PeekTxRecord(record);
        std::exit(key.has_value() ? 1 : 0);
      },
      ::testing::ExitedWithCode(0), "");
}

TEST(TxRecordTest, ZeroAmountIsAnError) {
  // Amounts are > 0 by the model; a zero is corruption.
  Transaction t = Full("T");
  t.amount = Money::FromCents(0);
  std::string record;
  AppendTxRecord(t, record);
  TxRecordReader reader(record);
  Transaction out;
  EXPECT_FALSE(reader.Next(out).has_value());
}

TEST(TxRecordTest, OverlongVarintIsAnError) {
  // A day varint whose continuation bit never ends (more than 64 bits) is
  // corrupt, even with plenty of bytes after it.
  std::string record(12, static_cast<char>(0xff));
  record += SmallRecord();
  TxRecordReader reader(record);
  Transaction out;
  EXPECT_FALSE(reader.Next(out).has_value());
  EXPECT_FALSE(PeekTxRecord(record).has_value());
}

TEST(TxRecordTest, StringLengthPastTheEndIsAnError) {
  // A record whose id length claims more bytes than there are.
  std::string record = SmallRecord();
  // After day, second, flags and the amount varint comes the id length.
  TxRecordReader probe(record);
  auto key = PeekTxRecord(record);
  ASSERT_TRUE(key.has_value());
  size_t id_length_at = static_cast<size_t>(key->id.data() - record.data()) - 1;
  ASSERT_EQ(static_cast<uint8_t>(record[id_length_at]), 1);  // "T"
  record[id_length_at] = 0x7f;                               // 127 bytes: more than the record holds
  std::string cut = record.substr(0, 40);                    // and make sure it really is past the end
  TxRecordReader reader(cut);
  Transaction out;
  EXPECT_FALSE(reader.Next(out).has_value());
  EXPECT_FALSE(PeekTxRecord(cut).has_value());
}

TEST(TxRecordTest, RandomCorruptionNeverCrashes) {
  // Flip bytes of a valid block in many ways: Next may succeed (when the
  // flip lands in text) or fail, but must never read out of bounds or loop.
  std::string block;
  for (const Transaction& t : Samples()) {
    if (t.purpose.size() > 1000) continue;
    AppendTxRecord(t, block);
  }
  uint32_t state = 12345;
  auto rnd = [&] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  for (int round = 0; round < 2000; ++round) {
    std::string bytes = block;
    int flips = 1 + static_cast<int>(rnd() % 4);
    for (int f = 0; f < flips; ++f) bytes[rnd() % bytes.size()] = static_cast<char>(rnd());
    bytes.resize(rnd() % (bytes.size() + 1));
    TxRecordReader reader(bytes);
    Transaction out;
    size_t records = 0;
    while (true) {
      size_t before = reader.position();
      auto next = reader.Next(out);
      if (!next || !*next) break;
      ASSERT_GT(reader.position(), before) << "no progress";
      ASSERT_LE(reader.position(), bytes.size());
      ASSERT_LT(++records, 1000u);
    }
    (void)PeekTxRecord(bytes);
  }
}

}  // namespace
}  // namespace sargs
