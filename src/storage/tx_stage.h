// TxStage: transactions waiting to be written, as records (storage/tx_record.h)
// in large chunks of memory, so that staging ten million of them costs no
// allocation per transaction.
//
// Import files are rarely grouped the way Sargs stores transactions (by
// client, in booking order); the stage regroups them in memory before the
// store writes each client's records as blocks.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/huge_page_allocator.h"
#include "base/string_table.h"
#include "model/transaction.h"

namespace sargs {

// The 64-bit hash under which a transaction id is indexed.
uint64_t TxIdHash(std::string_view id);

class TxStage {
 public:
  struct Entry {
    uint32_t client = 0;  // index into the stage's client ids
    int32_t day = 0;      // booked day, days since 1970-01-01
    int32_t second = -1;  // booked second of the day, -1 when unknown
    uint32_t chunk = 0;   // where the record is
    uint32_t offset = 0;
    uint32_t length = 0;
    uint64_t id_hash = 0;
  };
  // One client's staged transactions, in booking order.
  struct Group {
    std::string_view client_id;
    uint32_t client;  // index of the client id in the stage
    std::span<const Entry> entries;
  };

  void Add(const Transaction& t);
  bool empty() const { return entries_.empty(); }
  size_t size() const { return entries_.size(); }
  size_t bytes() const { return bytes_; }
  size_t client_count() const { return clients_.size(); }
  // Drops the staged transactions; client indexes stay valid, and the
  // memory is kept for the next ones.
  void Clear();
  // Drops everything and returns the memory.
  void Reset();
  // Returns the memory Sorted keeps for the next flush, when there will be
  // none (a monitoring run sorts once).
  void ReleaseSpare() { Entries().swap(spare_); }

  // The group of every client with staged transactions, in ascending id order. Reorders the
  // entries; the spans stay valid until the next Add or Clear.
  std::vector<Group> Sorted();
  using Entries = std::vector<Entry, HugePageAllocator<Entry>>;
  const Entries& entries() const { return entries_; }
  std::string_view Record(const Entry& e) const { return {chunks_[e.chunk].data() + e.offset, e.length}; }
  std::string_view ClientId(uint32_t client) const { return clients_[client]; }

 private:
  static constexpr size_t kChunkBytes = size_t{64} << 20;

  std::vector<std::vector<char, HugePageAllocator<char>>> chunks_;
  size_t chunk_ = 0;  // the chunk being filled
  Entries entries_;
  Entries spare_;  // Sorted's second buffer, kept for the next flush
  std::string record_;  // the record being added
  std::vector<std::string_view> clients_;  // keys of client_index_
  StringTable<uint32_t> client_index_;
  uint32_t last_client_ = UINT32_MAX;  // import files are usually grouped by client
  size_t bytes_ = 0;
};

}  // namespace sargs
