// Store: writing and reading transactions (see store.h for the layout).
//
// tx_blocks holds each client's transactions as records (tx_record.h) in
// blocks of at most kBlockRecords, keyed (client_id, seq); `batch` numbers
// the database transaction that wrote the block (1, 2, ...). tx_ids maps every
// transaction id to its client: bucket = the id hash's top 16 bits, data =
// that bucket's entries sorted by hash (8 bytes little-endian, then the
// client id as varint length and bytes). Two ids may share a hash; an entry
// only names the client whose blocks to search.
#include <algorithm>
#include <cstring>
#include <map>
#include <unordered_map>

#include "base/hash_order.h"
#include "base/varint.h"
#include "storage/store.h"
#include "storage/tx_record.h"

namespace sargs {
namespace {

constexpr int kBucketShift = kHashBucketShift;  // 65 536 buckets
constexpr size_t kBlockRecords = 4096;      // records per block at most
constexpr int64_t kCompactAfterBlocks = 8;  // a client's blocks are merged into one beyond this

struct IdEntry {
  uint64_t hash;
  std::string client;
};

Result<std::vector<IdEntry>> DecodeBucket(std::string_view data) {
  std::vector<IdEntry> out;
  size_t pos = 0;
  while (pos < data.size()) {
    uint64_t hash = 0, length = 0;
    if (data.size() - pos < 8) return Fail("database: a transaction id bucket is corrupt");
    std::memcpy(&hash, data.data() + pos, 8);
    pos += 8;
    if (!GetVarint(data, pos, length) || length > data.size() - pos) {
      return Fail("database: a transaction id bucket is corrupt");
    }
    out.push_back(IdEntry{hash, std::string(data.substr(pos, length))});
    pos += length;
  }
  return out;
}

void AppendIdEntry(uint64_t hash, std::string_view client, std::string& out) {
  char bytes[8];
  std::memcpy(bytes, &hash, 8);
  out.append(bytes, 8);
  PutVarint(client.size(), out);
  out.append(client);
}

std::string FormatDay(int32_t day) { return FormatDate(Date(std::chrono::days(day))); }

// Splits a block into its records.
Result<bool> SplitBlock(std::string_view block, std::vector<TimedRecord>& out, Transaction& scratch) {
  TxRecordReader reader(block);
  size_t start = 0;
  while (TRY(reader.Next(scratch))) {
    out.push_back(TimedRecord{static_cast<int32_t>(scratch.booked.date.time_since_epoch().count()),
                              scratch.booked.second_of_day, block.substr(start, reader.position() - start)});
    start = reader.position();
  }
  return true;
}

}  // namespace

Result<bool> Store::ForEachBlock(const std::string& client_id,
                                 const std::function<Result<bool>(std::string_view)>& fn) {
  auto* q = TRY(Prepared("tx_blocks_of", "SELECT data FROM tx_blocks WHERE client_id = ?1 ORDER BY seq"));
  q->Bind(1, client_id);
  Result<bool> result = true;
  while (result) {
    auto row = q->Step();
    if (!row || !*row) {
      if (!row) result = tl::unexpected(row.error());
      break;
    }
    result = fn(q->Blob(0));
  }
  q->Reset();
  return result;
}

Result<bool> Store::Put(const Transaction& t) {
  stage_.Add(t);
  return stage_.bytes() > stage_limit_ ? FlushTransactions() : Result<bool>(true);
}

Result<bool> Store::FlushTransactions() {
  if (stage_.empty()) return true;
  if (!tx_fresh_) {
    auto* any = TRY(Prepared("tx_any", "SELECT 1 FROM tx_blocks LIMIT 1"));
    tx_fresh_ = !TRY(any->Step());
    any->Reset();
    // Every block this database transaction writes carries its batch
    // number, and tx_changes says which clients each batch touched, so that
    // monitoring can find what changed since its last run. A first load
    // touches every client: one row ('*') says so.
    auto* last = TRY(Prepared("tx_last_batch", "SELECT COALESCE(MAX(batch), 0) + 1 FROM tx_changes"));
    TRY(last->Step());
    tx_batch_ = last->Int(0);
    last->Reset();
    if (*tx_fresh_) TRY(NoteChange("*"));
  }
  std::vector<TxStage::Group> groups = stage_.Sorted();
  TRY(*tx_fresh_ ? WriteFresh(groups) : WriteMerged(groups));
  stage_.Clear();
  return true;
}

Result<bool> Store::FinishTransactions() {
  TRY(FlushTransactions());
  TRY(WritePendingIds());
  ResetTransactionState();
  return true;
}

// Hashes of the ids this database transaction has written through the
// merged path, sorted: a staged id that replaces one of them is the same id
// written twice, which is an error, not an update.
template <typename Entries>
void Store::RememberWritten(const Entries& entries) {
  size_t old_size = written_.size();
  for (const auto& e : entries) {
    if constexpr (std::is_same_v<std::decay_t<decltype(e)>, TxStage::Entry>) {
      written_.push_back(e.id_hash);
    } else {
      written_.push_back(e.first);
    }
  }
  std::sort(written_.begin() + static_cast<std::ptrdiff_t>(old_size), written_.end());
  std::inplace_merge(written_.begin(), written_.begin() + static_cast<std::ptrdiff_t>(old_size), written_.end());
}

void Store::ResetTransactionState() {
  written_ = {};
  tx_batch_.reset();
  stage_.Reset();
  tx_fresh_.reset();
  pending_ids_ = {};
  next_seq_ = {};
}

Result<bool> Store::NoteChange(std::string_view client) {
  auto* note = TRY(Prepared("tx_note_change", "INSERT OR IGNORE INTO tx_changes VALUES (?1, ?2)"));
  return note->Bind(1, *tx_batch_).Bind(2, client).Run();
}

Result<bool> Store::WriteBlocks(std::string_view client, int64_t seq, const std::vector<TimedRecord>& run) {
  auto* put_block = TRY(Prepared("tx_put_block", "INSERT INTO tx_blocks VALUES (?1, ?2, ?7, ?3, ?4, ?5, ?6)"));
  for (size_t i = 0; i < run.size(); i += kBlockRecords, ++seq) {
    size_t end = std::min(run.size(), i + kBlockRecords);
    block_.clear();
    for (size_t k = i; k < end; ++k) block_.append(run[k].bytes);
    TRY(put_block->Bind(1, client).Bind(2, seq).Bind(3, FormatDay(run[i].day)).Bind(4, FormatDay(run[end - 1].day))
            .Bind(5, static_cast<int64_t>(end - i)).BindBlob(6, block_).Bind(7, *tx_batch_).Run());
  }
  return true;
}

// The database held no transactions when this database transaction began:
// no staged id can replace a stored one (the caller writes each id once), so
// blocks are appended and the id index is written once, at commit.
Result<bool> Store::WriteFresh(const std::vector<TxStage::Group>& groups) {
  next_seq_.resize(stage_.client_count(), 1);
  if (pending_ids_.capacity() < pending_ids_.size() + stage_.size()) {
    pending_ids_.reserve(std::max(pending_ids_.size() + stage_.size(), pending_ids_.capacity() * 2));
  }
  std::vector<TimedRecord> run;
  for (const TxStage::Group& g : groups) {
    run.clear();
    for (const TxStage::Entry& e : g.entries) {
      run.push_back(TimedRecord{e.day, e.second, stage_.Record(e)});
      pending_ids_.emplace_back(e.id_hash, g.client);
    }
    TRY(WriteBlocks(g.client_id, next_seq_[g.client], run));
    next_seq_[g.client] += static_cast<int64_t>((run.size() + kBlockRecords - 1) / kBlockRecords);
  }
  return true;
}

Result<bool> Store::WritePendingIds() {
  if (pending_ids_.empty()) return true;
  PendingIds ids(pending_ids_.size());
  {
    const std::vector<uint32_t> order = OrderByHash(pending_ids_.size(), [&](size_t i) { return pending_ids_[i].first; });
    for (size_t i = 0; i < order.size(); ++i) ids[i] = pending_ids_[order[i]];
    pending_ids_ = {};
  }
  auto* put_bucket = TRY(Prepared("tx_bucket_put", "INSERT OR REPLACE INTO tx_ids(bucket, data) VALUES (?1, ?2)"));
  std::string bytes;
  for (size_t i = 0; i < ids.size();) {
    const uint64_t bucket = ids[i].first >> kBucketShift;
    bytes.clear();
    for (; i < ids.size() && ids[i].first >> kBucketShift == bucket; ++i) {
      if (i > 0 && ids[i].first == ids[i - 1].first) TRY(CheckDistinctIds(ids[i].first, ids[i - 1].second, ids[i].second));
      AppendIdEntry(ids[i].first, stage_.ClientId(ids[i].second), bytes);
    }
    TRY(put_bucket->Bind(1, static_cast<int64_t>(bucket)).BindBlob(2, bytes).Run());
  }
  return true;
}

// Two staged ids with the same hash are almost always two different ids;
// the same id twice in one database transaction is a caller's error.
Result<bool> Store::CheckDistinctIds(uint64_t hash, uint32_t client_a, uint32_t client_b) {
  std::vector<uint32_t> clients = {client_a};
  if (client_b != client_a) clients.push_back(client_b);
  std::vector<std::string> ids;
  for (uint32_t client : clients) {
    for (const Transaction& t : TRY(ClientTransactions(std::string(stage_.ClientId(client))))) {
      if (TxIdHash(t.id) == hash) ids.push_back(t.id);
    }
  }
  std::sort(ids.begin(), ids.end());
  auto twice = std::adjacent_find(ids.begin(), ids.end());
  if (twice != ids.end()) return Fail("database: transaction id '" + *twice + "' written twice in one transaction");
  return true;
}

// The general case: the database held transactions before this database
// transaction began, so a staged id may replace a stored one.
Result<bool> Store::WriteMerged(const std::vector<TxStage::Group>& groups) {
  // Clients whose stored records change because a staged transaction
  // replaces one of theirs (a re-import, or a transaction that moved to
  // another client): their remaining records, keyed by id.
  struct Changed {
    std::vector<std::string> blocks;  // owns the bytes the records point into
    std::vector<TimedRecord> records;
    std::unordered_map<std::string_view, size_t> by_id;
    std::vector<bool> removed;
  };
  std::map<std::string, Changed, std::less<>> changed;
  Transaction scratch;
  auto load = [&](const std::string& client) -> Result<Changed*> {
    auto it = changed.find(client);
    if (it != changed.end()) return &it->second;
    Changed& c = changed[client];
    TRY(ForEachBlock(client, [&](std::string_view blob) -> Result<bool> {
      c.blocks.emplace_back(blob);
      return true;
    }));
    for (const std::string& b : c.blocks) TRY(SplitBlock(b, c.records, scratch));
    c.removed.assign(c.records.size(), false);
    for (size_t i = 0; i < c.records.size(); ++i) c.by_id[TRY(PeekTxRecord(c.records[i].bytes)).id] = i;
    return &c;
  };

  // 1. The id index, bucket by bucket.
  const TxStage::Entries& entries = stage_.entries();
  const std::vector<uint32_t> by_hash = OrderByHash(entries.size(), [&](size_t i) { return entries[i].id_hash; });
  auto* get_bucket = TRY(Prepared("tx_bucket_get", "SELECT data FROM tx_ids WHERE bucket = ?1"));
  auto* put_bucket = TRY(Prepared("tx_bucket_put", "INSERT OR REPLACE INTO tx_ids(bucket, data) VALUES (?1, ?2)"));
  std::string bucket_bytes;
  std::vector<IdEntry> stored;
  for (size_t i = 0, end = 0; i < by_hash.size(); i = end) {
    const uint64_t bucket = entries[by_hash[i]].id_hash >> kBucketShift;
    while (end < by_hash.size() && entries[by_hash[end]].id_hash >> kBucketShift == bucket) ++end;
    stored.clear();
    get_bucket->Bind(1, static_cast<int64_t>(bucket));
    if (TRY(get_bucket->Step())) stored = TRY(DecodeBucket(get_bucket->Blob(0)));
    get_bucket->Reset();
    // Merge the stored entries with the staged ones (both sorted by hash).
    // A staged id already stored is an update: its old record leaves its
    // client's blocks, and the entry names the new client.
    bucket_bytes.clear();
    size_t s = 0;
    for (size_t k = i; k < end; ++k) {
      const TxStage::Entry& e = entries[by_hash[k]];
      if (k > i && e.id_hash == entries[by_hash[k - 1]].id_hash) {
        std::string_view id = TRY(PeekTxRecord(stage_.Record(e))).id;
        if (id == TRY(PeekTxRecord(stage_.Record(entries[by_hash[k - 1]]))).id) {
          return Fail("database: transaction id '" + std::string(id) + "' written twice in one transaction");
        }
      }
      while (s < stored.size() && stored[s].hash < e.id_hash) {
        AppendIdEntry(stored[s].hash, stored[s].client, bucket_bytes);
        ++s;
      }
      bool replaced = false;
      for (size_t c = s; c < stored.size() && stored[c].hash == e.id_hash && !replaced; ++c) {
        std::string_view id = TRY(PeekTxRecord(stage_.Record(e))).id;
        Changed* old = TRY(load(stored[c].client));
        auto found = old->by_id.find(id);
        if (found != old->by_id.end() && !old->removed[found->second]) {
          if (std::binary_search(written_.begin(), written_.end(), e.id_hash)) {
            return Fail("database: transaction id '" + std::string(id) + "' written twice in one transaction");
          }
          old->removed[found->second] = true;
          stored[c].client = stage_.ClientId(e.client);
          replaced = true;
        }
      }
      if (!replaced) AppendIdEntry(e.id_hash, stage_.ClientId(e.client), bucket_bytes);
    }
    for (; s < stored.size(); ++s) AppendIdEntry(stored[s].hash, stored[s].client, bucket_bytes);
    TRY(put_bucket->Bind(1, static_cast<int64_t>(bucket)).BindBlob(2, bucket_bytes).Run());
  }

  RememberWritten(entries);

  // 2. The blocks, client by client in id order: new records go into new
  // blocks after the client's last one; a client with replaced records, or
  // with many blocks, has all its blocks rewritten as one sorted run.
  auto* last_block = TRY(Prepared("tx_last_block", "SELECT COUNT(*), MAX(seq) FROM tx_blocks WHERE client_id = ?1"));
  auto* drop_blocks = TRY(Prepared("tx_drop_blocks", "DELETE FROM tx_blocks WHERE client_id = ?1"));
  std::vector<TimedRecord> run;
  auto by_time = [](const TimedRecord& a, const TimedRecord& b) {
    return a.day != b.day ? a.day < b.day : a.second < b.second;
  };
  auto rewrite = [&](std::string_view client, Changed& old) -> Result<bool> {
    for (size_t i = 0; i < old.records.size(); ++i) {
      if (!old.removed[i]) run.push_back(old.records[i]);
    }
    std::stable_sort(run.begin(), run.end(), by_time);
    TRY(drop_blocks->Bind(1, client).Run());
    return WriteBlocks(client, 1, run);
  };
  auto g = groups.begin();
  auto c = changed.begin();
  while (g != groups.end() || c != changed.end()) {
    bool take_group = g != groups.end() && (c == changed.end() || g->client_id <= c->first);
    bool take_changed = c != changed.end() && (g == groups.end() || c->first <= g->client_id);
    std::string client(take_group ? g->client_id : std::string_view(c->first));
    TRY(NoteChange(client));
    run.clear();
    if (take_group) {
      for (const TxStage::Entry& e : g->entries) run.push_back(TimedRecord{e.day, e.second, stage_.Record(e)});
    }
    if (take_changed) {
      TRY(rewrite(client, c->second));
    } else {
      last_block->Bind(1, client);
      TRY(last_block->Step());
      int64_t count = last_block->Int(0), last = last_block->Int(1);
      last_block->Reset();
      if (count >= kCompactAfterBlocks) {
        TRY(rewrite(client, *TRY(load(client))));
      } else {
        TRY(WriteBlocks(client, last + 1, run));
      }
    }
    if (take_group) ++g;
    if (take_changed) ++c;
  }
  return true;
}

Result<std::vector<std::string>> Store::ClientsChangedSince(int64_t batch) {
  TRY(FlushTransactions());
  auto all = TRY(db_.Prepare("SELECT 1 FROM tx_changes WHERE batch > ?1 AND client_id = '*' LIMIT 1"));
  all.Bind(1, batch);
  auto q = TRY(TRY(all.Step()) ? db_.Prepare("SELECT DISTINCT client_id FROM tx_blocks ORDER BY client_id")
                               : db_.Prepare("SELECT DISTINCT client_id FROM tx_changes WHERE batch > ?1 "
                                             "ORDER BY client_id"));
  q.Bind(1, batch);
  std::vector<std::string> out;
  while (TRY(q.Step())) out.emplace_back(q.Text(0));
  return out;
}

Result<int64_t> Store::LastTransactionBatch() {
  TRY(FlushTransactions());
  auto q = TRY(db_.Prepare("SELECT COALESCE(MAX(batch), 0) FROM tx_changes"));
  TRY(q.Step());
  return q.Int(0);
}

Result<std::optional<Date>> Store::EarliestBookingAfter(int64_t batch) {
  TRY(FlushTransactions());
  auto q = TRY(db_.Prepare("SELECT MIN(first_on) FROM tx_blocks WHERE batch > ?1"));
  q.Bind(1, batch);
  TRY(q.Step());
  if (q.IsNull(0)) return std::optional<Date>();
  return std::optional<Date>(TRY(ParseDate(q.Text(0))));
}

Result<bool> Store::ForEachTransaction(std::optional<Date> since,
                                       const std::function<void(const Transaction&)>& fn) {
  TRY(FlushTransactions());
  auto q = TRY(db_.Prepare("SELECT client_id, data FROM tx_blocks WHERE last_on >= ?1"));
  q.Bind(1, since ? FormatDate(*since) : std::string());
  Transaction t;
  while (TRY(q.Step())) {
    t.client_id = q.Text(0);
    TxRecordReader reader(q.Blob(1));
    while (TRY(reader.Next(t))) {
      if (!since || t.booked.date >= *since) fn(t);
    }
  }
  return true;
}

Result<int64_t> Store::TransactionCount() {
  TRY(FlushTransactions());
  auto q = TRY(db_.Prepare("SELECT COALESCE(SUM(count), 0) FROM tx_blocks"));
  TRY(q.Step());
  return q.Int(0);
}

Result<std::vector<Transaction>> Store::ClientTransactions(const std::string& client_id) {
  TRY(FlushTransactions());
  std::vector<Transaction> out;
  TRY(ForEachBlock(client_id, [&](std::string_view blob) -> Result<bool> {
    TxRecordReader reader(blob);
    Transaction t;
    t.client_id = client_id;
    while (TRY(reader.Next(t))) out.push_back(t);
    return true;
  }));
  std::stable_sort(out.begin(), out.end(), [](const Transaction& a, const Transaction& b) {
    if (a.booked.date != b.booked.date) return a.booked.date < b.booked.date;
    if (a.booked.second_of_day != b.booked.second_of_day) return a.booked.second_of_day < b.booked.second_of_day;
    return a.id < b.id;
  });
  return out;
}

Result<std::optional<Transaction>> Store::FindTransaction(const std::string& tx_id) {
  TRY(FlushTransactions());
  // The index must be complete to be searched; what this database
  // transaction writes from now on is merged into it.
  RememberWritten(pending_ids_);
  TRY(WritePendingIds());
  if (tx_fresh_) tx_fresh_ = false;
  const uint64_t hash = TxIdHash(tx_id);
  auto* get_bucket = TRY(Prepared("tx_bucket_get", "SELECT data FROM tx_ids WHERE bucket = ?1"));
  get_bucket->Bind(1, static_cast<int64_t>(hash >> kBucketShift));
  std::vector<IdEntry> stored;
  if (TRY(get_bucket->Step())) stored = TRY(DecodeBucket(get_bucket->Blob(0)));
  get_bucket->Reset();
  for (const IdEntry& e : stored) {
    if (e.hash != hash) continue;
    for (Transaction& t : TRY(ClientTransactions(e.client))) {
      if (t.id == tx_id) return std::optional<Transaction>(std::move(t));
    }
  }
  return std::optional<Transaction>();
}

}  // namespace sargs
