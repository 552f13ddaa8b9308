// The binary record in which one transaction is stored.
//
// Transactions are the bulk of Sargs' data (ten million rows for a mid-sized
// bank's year). Stored one SQLite row each, with a B-tree key per row and a
// unique index on the id, they cost about 2.4 µs a row to write; packed as
// records into per-client blocks (storage/store.h) they cost a fraction of
// that and scoring reads each client's transactions as one blob.
//
// A record is self-contained (no delta against its neighbour), so records can
// be sorted and regrouped by copying bytes:
//
//   varint  zigzag(booked day, days since 1970-01-01)
//   varint  booked second of day + 1 (0 = date only)
//   byte    direction (bit 0: 1 = debit) | channel << 1
//   varint  amount in cents (> 0)
//   11 × (varint length, bytes): id, account_id, currency, counterparty_id,
//       counterparty_name, counterparty_account, counterparty_country,
//       purpose, ip, atm_id, device_id
//
// The client id is not in the record: a block belongs to one client.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "model/transaction.h"

namespace sargs {

// Appends `t`'s record (everything but client_id) to `out`.
void AppendTxRecord(const Transaction& t, std::string& out);

// The start of a record: its booking day and second and its id, read
// without decoding the rest. Fails on corrupt bytes.
struct TxRecordKey {
  int32_t day = 0;
  int32_t second = -1;
  std::string_view id;
};
Result<TxRecordKey> PeekTxRecord(std::string_view record);

// A record's bytes with its booking time, for ordering a client's records.
struct TimedRecord {
  int32_t day;
  int32_t second;
  std::string_view bytes;
};

// Reads the records of a block in turn.
class TxRecordReader {
 public:
  explicit TxRecordReader(std::string_view data) : data_(data) {}
  // Decodes the next record into `t` (client_id is left as it is): true when
  // one was read, false at the end, an Error when the bytes are corrupt.
  Result<bool> Next(Transaction& t);
  // Offset of the next record (a record spans [before Next, after Next)).
  size_t position() const { return pos_; }

 private:
  friend Result<TxRecordKey> PeekTxRecord(std::string_view record);
  bool Varint(uint64_t& v);
  bool Bytes(std::string& out);

  std::string_view data_;
  size_t pos_ = 0;
};

}  // namespace sargs
