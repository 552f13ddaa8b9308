#include "storage/tx_stage.h"

#include <algorithm>
#include <functional>

#include "storage/tx_record.h"

namespace sargs {

uint64_t TxIdHash(std::string_view id) { return std::hash<std::string_view>()(id); }

void TxStage::Add(const Transaction& t) {
  if (last_client_ == UINT32_MAX || clients_[last_client_] != t.client_id) {
    auto [slot, added] = client_index_.Insert(t.client_id, static_cast<uint32_t>(clients_.size()));
    if (added) clients_.push_back(slot->key);
    last_client_ = slot->value;
  }
  record_.clear();
  AppendTxRecord(t, record_);
  // Chunks are kept across Clear and refilled: memory that has been written
  // once costs no more page faults.
  if (chunks_.empty() || chunks_[chunk_].size() + record_.size() > kChunkBytes) {
    if (!chunks_.empty()) ++chunk_;
    if (chunk_ == chunks_.size()) chunks_.emplace_back().reserve(kChunkBytes);
  }
  auto& chunk = chunks_[chunk_];
  size_t offset = chunk.size();
  chunk.insert(chunk.end(), record_.begin(), record_.end());
  Entry e;
  e.client = last_client_;
  e.day = static_cast<int32_t>(t.booked.date.time_since_epoch().count());
  e.second = t.booked.second_of_day;
  e.chunk = static_cast<uint32_t>(chunk_);
  e.offset = static_cast<uint32_t>(offset);
  e.length = static_cast<uint32_t>(chunk.size() - offset);
  e.id_hash = TxIdHash(t.id);
  entries_.push_back(e);
  bytes_ += e.length + sizeof(Entry);
}

void TxStage::Clear() {
  for (auto& chunk : chunks_) chunk.clear();
  chunk_ = 0;
  entries_.clear();
  bytes_ = 0;
}

void TxStage::Reset() {
  Clear();
  chunks_ = {};
  entries_ = {};
  spare_ = {};
  clients_ = {};
  client_index_ = {};
  last_client_ = UINT32_MAX;
}

std::vector<TxStage::Group> TxStage::Sorted() {
  // The clients of this stage in id order, then a counting sort of the
  // entries by client (one pass, stable) and a sort by booking time within
  // each client's few rows.
  std::vector<uint32_t> count(clients_.size(), 0);
  std::vector<uint32_t> present;
  for (const Entry& e : entries_) {
    if (count[e.client]++ == 0) present.push_back(e.client);
  }
  std::sort(present.begin(), present.end(), [&](uint32_t a, uint32_t b) { return clients_[a] < clients_[b]; });
  std::vector<size_t> next(clients_.size(), 0);  // where each client's entries go
  size_t offset = 0;
  for (uint32_t c : present) {
    next[c] = offset;
    offset += count[c];
  }
  spare_.resize(entries_.size());
  for (const Entry& e : entries_) spare_[next[e.client]++] = e;
  entries_.swap(spare_);
  std::vector<Group> groups;
  groups.reserve(present.size());
  auto first = entries_.begin();
  for (uint32_t c : present) {
    auto last = first + count[c];
    std::stable_sort(first, last, [](const Entry& a, const Entry& b) {
      return a.day != b.day ? a.day < b.day : a.second < b.second;
    });
    groups.push_back(Group{clients_[c], c, std::span<const Entry>(&*first, count[c])});
    first = last;
  }
  return groups;
}

}  // namespace sargs
