// Tests of the Store's transaction storage (storage/tx_store.cc) through its
// public API. Transactions live in per-client blocks with a separate id
// index; the two are written by different code paths (a "fresh" one for an
// empty database, a "merged" one otherwise) and in several flushes per
// database transaction. Every test here checks what a reader sees — per
// client lists, lookups by id, counts — against a simple model, so that a
// block or index entry that is lost, duplicated or stale shows up.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "storage/store.h"
#include "testing/temp_dir.h"

namespace sargs {
namespace {

namespace fs = std::filesystem;

Date Day(int y, unsigned m, unsigned d) {
  return Date(std::chrono::year_month_day{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)});
}

Transaction Tx(std::string id, std::string client, Date day, int32_t second = -1, int64_t cents = 1000) {
  Transaction t;
  t.id = std::move(id);
  t.client_id = std::move(client);
  t.account_id = "ACC-" + t.client_id;
  t.booked = BookingTime{day, second};
  t.direction = cents % 2 ? Direction::kDebit : Direction::kCredit;
  t.amount = Money::FromCents(cents);
  t.currency = "EUR";
  t.channel = Channel::kTransfer;
  t.counterparty_name = "Saņēmējs " + t.id;
  t.purpose = "maksājums " + t.id;
  return t;
}

// Every stored field, for comparisons with readable failure messages.
std::string Describe(const Transaction& t) {
  return t.id + " | client=" + t.client_id + " | acc=" + t.account_id + " | " + FormatDate(t.booked.date) +
         " s=" + std::to_string(t.booked.second_of_day) + " | " + ToString(t.direction) + " " +
         t.amount.ToString() + " " + t.currency + " | " + ToString(t.channel) + " | cp=" + t.counterparty_id +
         "/" + t.counterparty_name + "/" + t.counterparty_account + "/" + t.counterparty_country +
         " | purpose=" + t.purpose + " | ip=" + t.ip + " atm=" + t.atm_id + " dev=" + t.device_id;
}

std::vector<std::string> Describe(const std::vector<Transaction>& ts) {
  std::vector<std::string> out;
  for (const Transaction& t : ts) out.push_back(Describe(t));
  return out;
}

std::vector<std::string> IdsOf(const std::vector<Transaction>& ts) {
  std::vector<std::string> out;
  for (const Transaction& t : ts) out.push_back(t.id);
  return out;
}

// The documented read order: date, second, id.
bool BookingOrder(const Transaction& a, const Transaction& b) {
  if (a.booked.date != b.booked.date) return a.booked.date < b.booked.date;
  if (a.booked.second_of_day != b.booked.second_of_day)
    return a.booked.second_of_day < b.booked.second_of_day;
  return a.id < b.id;
}

// What the store should hold: the latest version of each id.
using Model = std::map<std::string, Transaction>;

void Apply(Model& model, const std::vector<Transaction>& batch) {
  for (const Transaction& t : batch) model[t.id] = t;
}

std::map<std::string, std::vector<Transaction>> ByClient(const Model& model) {
  std::map<std::string, std::vector<Transaction>> out;
  for (const auto& [id, t] : model) out[t.client_id].push_back(t);
  for (auto& [client, ts] : out) std::sort(ts.begin(), ts.end(), BookingOrder);
  return out;
}

class TxStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Reopen();
    ASSERT_TRUE(store_.has_value());
  }

  // (Store is movable but not assignable: emplace, as importer_test does.)
  void Reopen() {
    store_.reset();
    auto store = Store::Open((dir_ / "sargs.db").string());
    ASSERT_TRUE(store.has_value()) << store.error().ToString();
    store_.emplace(std::move(*store));
  }

  void TearDown() override { store_.reset(); }

  std::optional<Store> OpenStore(const std::string& name) {
    auto store = Store::Open((dir_ / name).string());
    EXPECT_TRUE(store.has_value()) << store.error().ToString();
    if (!store) return std::nullopt;
    return std::move(*store);
  }

  Store& store() { return *store_; }

  // One database transaction that puts `batch` and commits; the test fails
  // on any error.
  static void Commit(Store& s, const std::vector<Transaction>& batch) {
    auto begun = s.Begin();
    ASSERT_TRUE(begun.has_value()) << begun.error().ToString();
    for (const Transaction& t : batch) {
      auto put = s.Put(t);
      ASSERT_TRUE(put.has_value()) << t.id << ": " << put.error().ToString();
    }
    auto committed = s.Commit();
    ASSERT_TRUE(committed.has_value()) << committed.error().ToString();
  }
  void Commit(const std::vector<Transaction>& batch) { Commit(store(), batch); }

  static std::vector<Transaction> Read(Store& s, const std::string& client) {
    auto ts = s.ClientTransactions(client);
    EXPECT_TRUE(ts.has_value()) << client << ": " << ts.error().ToString();
    return ts ? *ts : std::vector<Transaction>{};
  }

  static std::optional<Transaction> Find(Store& s, const std::string& id) {
    auto t = s.FindTransaction(id);
    EXPECT_TRUE(t.has_value()) << id << ": " << t.error().ToString();
    return t ? *t : std::nullopt;
  }

  static int64_t Count(Store& s) {
    auto n = s.TransactionCount();
    EXPECT_TRUE(n.has_value()) << n.error().ToString();
    auto m = s.Count("transactions");
    EXPECT_TRUE(m.has_value()) << m.error().ToString();
    if (n && m) {
      EXPECT_EQ(*n, *m) << "TransactionCount and Count(\"transactions\") disagree";
    }
    return n ? *n : -1;
  }

  // Checks that `s` holds exactly `model`: each client's list (complete, in
  // booking order, every field), the count, and lookups by id (every
  // `find_every`-th id, as each lookup reads a whole client). `gone_clients`
  // must have no transactions.
  static void ExpectHolds(Store& s, const Model& model, const std::set<std::string>& gone_clients = {},
                          size_t find_every = 1) {
    auto by_client = ByClient(model);
    for (const auto& [client, want] : by_client) {
      SCOPED_TRACE("client " + client);
      EXPECT_EQ(Describe(Read(s, client)), Describe(want));
    }
    for (const std::string& client : gone_clients) {
      if (by_client.count(client)) continue;
      EXPECT_TRUE(Read(s, client).empty()) << "client " << client << " should have no transactions";
    }
    EXPECT_EQ(Count(s), static_cast<int64_t>(model.size()));
    size_t i = 0;
    for (const auto& [id, want] : model) {
      if (i++ % find_every != 0) continue;
      auto got = Find(s, id);
      ASSERT_TRUE(got.has_value()) << "FindTransaction(" << id << ") found nothing";
      EXPECT_EQ(Describe(*got), Describe(want));
    }
  }

  int64_t BlockCount(Store& s, const std::string& client) {
    auto q = s.db().Prepare("SELECT COUNT(*) FROM tx_blocks WHERE client_id = ?1");
    EXPECT_TRUE(q.has_value());
    if (!q) return -1;
    q->Bind(1, client);
    auto row = q->Step();
    EXPECT_TRUE(row.has_value() && *row);
    return q->Int(0);
  }

  TempDir tmp_;
  const fs::path& dir_ = tmp_.path();
  std::optional<Store> store_;
};

// A mixed batch of three clients, in no particular order, with ties on date
// and second that the reader orders by id.
std::vector<Transaction> MixedBatch() {
  std::vector<Transaction> b;
  b.push_back(Tx("T5", "K2", Day(2025, 6, 3), 3600, 500));
  b.push_back(Tx("T1", "K1", Day(2025, 6, 2), -1, 101));
  b.push_back(Tx("T9", "K10", Day(2025, 1, 1), 10, 900));
  b.push_back(Tx("T3", "K1", Day(2025, 6, 1), 86399, 303));
  b.push_back(Tx("T2", "K1", Day(2025, 6, 2), 0, 202));
  b.push_back(Tx("T8", "K2", Day(2025, 6, 3), 3600, 800));  // same time as T5
  b.push_back(Tx("T7", "K2", Day(2025, 6, 3), 3600, 700));  // ... and as T8: ids order them
  b.push_back(Tx("T4", "K1", Day(1965, 6, 2), 5, 404));     // before 1970
  b.push_back(Tx("T6", "K2", Day(2025, 6, 3), -1, 600));    // date only: before the timed ones
  Transaction full = Tx("T0", "K10", Day(2099, 12, 31), 86399, 9'000'000'000'000);
  full.direction = Direction::kDebit;
  full.channel = Channel::kAtm;
  full.currency = "USD";
  full.counterparty_id = "CP-9";
  full.counterparty_account = "LV80BANK0000435195001";
  full.counterparty_country = "LV";
  full.ip = "198.51.100.7";
  full.atm_id = "ATM-1";
  full.device_id = "iPhone-ā";
  b.push_back(full);
  return b;
}

TEST_F(TxStoreTest, EmptyStore) {
  EXPECT_EQ(Count(store()), 0);
  EXPECT_TRUE(Read(store(), "K1").empty());
  EXPECT_FALSE(Find(store(), "T1").has_value());
}

TEST_F(TxStoreTest, CommittedBatchIsReadableInBookingOrderPerClient) {
  Commit(MixedBatch());
  EXPECT_EQ(IdsOf(Read(store(), "K1")), (std::vector<std::string>{"T4", "T3", "T1", "T2"}));
  EXPECT_EQ(IdsOf(Read(store(), "K2")), (std::vector<std::string>{"T6", "T5", "T7", "T8"}));
  EXPECT_EQ(IdsOf(Read(store(), "K10")), (std::vector<std::string>{"T9", "T0"}));
  // Every field, and the client id filled in from the block.
  Model model;
  Apply(model, MixedBatch());
  ExpectHolds(store(), model, {"K3", ""});
}

TEST_F(TxStoreTest, DataSurvivesReopening) {
  Commit(MixedBatch());
  Reopen();
  ASSERT_TRUE(store_.has_value());
  Model model;
  Apply(model, MixedBatch());
  ExpectHolds(store(), model);
}

TEST_F(TxStoreTest, BulkTransactionIsReadable) {
  // Begin(bulk) switches the journal mode for the transaction; the data must
  // be the same as with a normal one.
  ASSERT_TRUE(store().Begin(true).has_value());
  for (const Transaction& t : MixedBatch()) ASSERT_TRUE(store().Put(t).has_value());
  auto committed = store().Commit();
  ASSERT_TRUE(committed.has_value()) << committed.error().ToString();
  Model model;
  Apply(model, MixedBatch());
  ExpectHolds(store(), model);
}

TEST_F(TxStoreTest, FindTransactionByIdAndUnknownIds) {
  Commit(MixedBatch());
  auto t = Find(store(), "T0");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->client_id, "K10");
  EXPECT_EQ(t->amount.cents(), 9'000'000'000'000);
  EXPECT_EQ(t->channel, Channel::kAtm);
  EXPECT_EQ(t->device_id, "iPhone-ā");
  // Unknown ids, including ones that differ from a stored id only slightly
  // and the empty id.
  for (const char* id : {"T", "T00", "t0", "T0 ", "", "K10", "nope"}) {
    EXPECT_FALSE(Find(store(), id).has_value()) << "'" << id << "'";
  }
}

TEST_F(TxStoreTest, RollbackLeavesNothing) {
  ASSERT_TRUE(store().Begin().has_value());
  for (const Transaction& t : MixedBatch()) ASSERT_TRUE(store().Put(t).has_value());
  store().Rollback();
  EXPECT_EQ(Count(store()), 0);
  EXPECT_TRUE(Read(store(), "K1").empty());
  EXPECT_FALSE(Find(store(), "T1").has_value());

  // The store is usable afterwards, and nothing of the rolled-back batch
  // reappears with the next one.
  Commit({Tx("N1", "K1", Day(2025, 1, 1))});
  Model model;
  Apply(model, {Tx("N1", "K1", Day(2025, 1, 1))});
  ExpectHolds(store(), model, {"K2", "K10"});
  EXPECT_FALSE(Find(store(), "T1").has_value());
}

TEST_F(TxStoreTest, RollbackAfterFlushesLeavesNothing) {
  // With a stage limit of one byte every Put writes blocks at once; a
  // rollback must still undo them, and the id index, too.
  store().set_stage_limit(1);
  ASSERT_TRUE(store().Begin().has_value());
  for (const Transaction& t : MixedBatch()) ASSERT_TRUE(store().Put(t).has_value());
  store().Rollback();
  EXPECT_EQ(Count(store()), 0);
  EXPECT_FALSE(Find(store(), "T1").has_value());
  EXPECT_TRUE(Read(store(), "K2").empty());

  Commit(MixedBatch());
  Model model;
  Apply(model, MixedBatch());
  ExpectHolds(store(), model);
}

TEST_F(TxStoreTest, RollbackOfAnUpdateKeepsTheOldData) {
  Commit(MixedBatch());
  ASSERT_TRUE(store().Begin().has_value());
  ASSERT_TRUE(store().Put(Tx("T1", "K2", Day(2025, 7, 1), -1, 999)).has_value());  // moves and changes
  ASSERT_TRUE(store().Put(Tx("NEW", "K1", Day(2025, 7, 1))).has_value());
  ASSERT_TRUE(store().FlushTransactions().has_value());
  store().Rollback();
  Model model;
  Apply(model, MixedBatch());
  ExpectHolds(store(), model);
  EXPECT_FALSE(Find(store(), "NEW").has_value());
}

TEST_F(TxStoreTest, ReputtingAnIdInALaterTransactionReplacesIt) {
  Commit(MixedBatch());
  Model model;
  Apply(model, MixedBatch());

  // Same client: amount and booking time change; T2 moves from after T1 to
  // the front of K1's list.
  std::vector<Transaction> update = {Tx("T2", "K1", Day(1960, 1, 1), -1, 2222),
                                     Tx("T7", "K2", Day(2025, 6, 3), 3600, 7777)};
  update[1].purpose = "labots";
  Commit(update);
  Apply(model, update);
  ExpectHolds(store(), model);
  EXPECT_EQ(Count(store()), 10);
  EXPECT_EQ(IdsOf(Read(store(), "K1")), (std::vector<std::string>{"T2", "T4", "T3", "T1"}));
  EXPECT_EQ(Find(store(), "T7")->amount.cents(), 7777);

  // Re-importing the identical batch again changes nothing.
  Commit(MixedBatch());
  Model again;
  Apply(again, MixedBatch());
  ExpectHolds(store(), again);
}

TEST_F(TxStoreTest, TransactionWhoseClientChangesMoves) {
  Commit(MixedBatch());
  Commit({Tx("S1", "K9", Day(2025, 2, 2), -1, 1)});  // K9's only transaction
  Model model;
  Apply(model, MixedBatch());
  Apply(model, {Tx("S1", "K9", Day(2025, 2, 2), -1, 1)});

  // T5 moves from K2 to K1 (a client that sorts before it), T6 from K2 to
  // K3 (a new client after it), S1 leaves K9 empty, and T9 moves from K10 to
  // K2 while K2 also loses two records.
  std::vector<Transaction> moves = {
      Tx("T5", "K1", Day(2025, 6, 3), 3600, 5555), Tx("T6", "K3", Day(2025, 6, 3), -1, 6666),
      Tx("S1", "K8", Day(2025, 2, 2), -1, 1), Tx("T9", "K2", Day(2025, 1, 1), 10, 9999)};
  Commit(moves);
  Apply(model, moves);
  ExpectHolds(store(), model, {"K9"});
  EXPECT_EQ(IdsOf(Read(store(), "K2")), (std::vector<std::string>{"T9", "T7", "T8"}));
  EXPECT_EQ(IdsOf(Read(store(), "K1")), (std::vector<std::string>{"T4", "T3", "T1", "T2", "T5"}));
  EXPECT_EQ(IdsOf(Read(store(), "K3")), (std::vector<std::string>{"T6"}));
  EXPECT_EQ(IdsOf(Read(store(), "K10")), (std::vector<std::string>{"T0"}));
  EXPECT_EQ(Find(store(), "T5")->client_id, "K1");
  EXPECT_EQ(Find(store(), "S1")->client_id, "K8");
  EXPECT_EQ(Count(store()), 11);

  // And back again.
  std::vector<Transaction> back = {Tx("T5", "K2", Day(2025, 6, 3), 3600, 500)};
  Commit(back);
  Apply(model, back);
  ExpectHolds(store(), model, {"K9"});
  EXPECT_EQ(Find(store(), "T5")->client_id, "K2");
}

// A base import and a second import that adds, updates and moves, for the
// flush-size tests.
std::vector<Transaction> BaseImport() {
  std::vector<Transaction> out;
  for (int i = 0; i < 120; ++i) {
    // Clients interleaved, booking times out of order, some ties.
    int client = (i * 7) % 6;
    out.push_back(Tx("B" + std::to_string(i), "C" + std::to_string(client), Day(2025, 1, 1 + (i * 13) % 28),
                     (i % 5 == 0) ? -1 : (i * 997) % 86400, 100 + i));
  }
  return out;
}

std::vector<Transaction> SecondImport() {
  std::vector<Transaction> out;
  for (int i = 0; i < 60; ++i) {
    out.push_back(Tx("N" + std::to_string(i), "C" + std::to_string((i * 5) % 8),
                     Day(2025, 2, 1 + (i * 11) % 28), (i * 4001) % 86400, 5000 + i));
    if (i % 3 == 0) {
      // An update of a base transaction; every other one also moves client.
      int b = i * 2;
      int client = (b * 7) % 6;
      if (i % 2 == 0) client = (client + 1) % 7;
      out.push_back(
          Tx("B" + std::to_string(b), "C" + std::to_string(client), Day(2024, 12, 1 + i % 28), 5, 9000 + i));
    }
  }
  return out;
}

std::set<std::string> AllClients() {
  std::set<std::string> out;
  for (int i = 0; i < 10; ++i) out.insert("C" + std::to_string(i));
  return out;
}

TEST_F(TxStoreTest, ManySmallFlushesMatchOneBigFlush) {
  // Reference: each import staged whole and written in one flush.
  auto reference = OpenStore("reference.db");
  ASSERT_TRUE(reference.has_value());
  // Every Put flushes: into an empty database this takes the fresh path
  // (blocks appended per flush, ids indexed at commit); the second import
  // takes the merged path (index updated and blocks merged per flush).
  auto small = OpenStore("small.db");
  ASSERT_TRUE(small.has_value());
  small->set_stage_limit(1);

  Model model;
  Apply(model, BaseImport());
  Commit(*reference, BaseImport());
  Commit(*small, BaseImport());
  {
    SCOPED_TRACE("reference, first import");
    ExpectHolds(*reference, model, AllClients());
  }
  {
    SCOPED_TRACE("small flushes, first import (fresh path)");
    ExpectHolds(*small, model, AllClients());
  }

  Apply(model, SecondImport());
  Commit(*reference, SecondImport());
  Commit(*small, SecondImport());
  {
    SCOPED_TRACE("reference, second import");
    ExpectHolds(*reference, model, AllClients());
  }
  {
    SCOPED_TRACE("small flushes, second import (merged path)");
    ExpectHolds(*small, model, AllClients());
  }
  for (const std::string& client : AllClients()) {
    EXPECT_EQ(Describe(Read(*small, client)), Describe(Read(*reference, client))) << client;
  }
}

TEST_F(TxStoreTest, MediumStageLimitMatchesOneBigFlush) {
  // A limit that flushes every few Puts, so a flush holds several clients
  // (some of them seen in earlier flushes of the same transaction).
  auto medium = OpenStore("medium.db");
  ASSERT_TRUE(medium.has_value());
  medium->set_stage_limit(2000);
  Model model;
  Apply(model, BaseImport());
  Commit(*medium, BaseImport());
  ExpectHolds(*medium, model, AllClients());
  Apply(model, SecondImport());
  Commit(*medium, SecondImport());
  ExpectHolds(*medium, model, AllClients());
}

TEST_F(TxStoreTest, ClientWithManyBlocksAcrossImportsIsReadCompletelyInOrder) {
  // Each import adds one transaction to K, earlier than all before it (so
  // its block sorts before the others), and one to L. After 8 blocks the
  // store merges a client's blocks; reading must stay complete and ordered
  // before and after each merge.
  Model model;
  int64_t most_blocks = 0;
  for (int i = 0; i < 20; ++i) {
    std::vector<Transaction> batch = {
        Tx("K-" + std::to_string(i), "K", Day(2025, 12, 31) - std::chrono::days(i), i),
        Tx("L-" + std::to_string(i), "L", Day(2025, 1, 1) + std::chrono::days(i % 3), 7)};
    Commit(batch);
    Apply(model, batch);
    SCOPED_TRACE("after import " + std::to_string(i + 1));
    ExpectHolds(store(), model);
    int64_t blocks = BlockCount(store(), "K");
    most_blocks = std::max(most_blocks, blocks);
    // Blocks are merged: a client never keeps more than 8 of them.
    EXPECT_LE(blocks, 8);
  }
  EXPECT_EQ(most_blocks, 8);
  std::vector<Transaction> k = Read(store(), "K");
  ASSERT_EQ(k.size(), 20u);
  EXPECT_EQ(k.front().id, "K-19");
  EXPECT_EQ(k.back().id, "K-0");
}

TEST_F(TxStoreTest, ClientWithManyBlocksFromOneImportIsMergedLater) {
  // One transaction with a flush per Put into an empty database writes one
  // block per transaction (12 for K, more than 8), which is then read
  // completely; the next import merges them, including an update.
  store().set_stage_limit(1);
  std::vector<Transaction> first;
  for (int i = 0; i < 12; ++i)
    first.push_back(Tx("K-" + std::to_string(i), "K", Day(2025, 3, 12 - i), -1, 10 + i));
  Commit(first);
  Model model;
  Apply(model, first);
  EXPECT_GT(BlockCount(store(), "K"), 8);
  ExpectHolds(store(), model);

  store().set_stage_limit(Store::kDefaultStageLimit);
  std::vector<Transaction> second = {Tx("K-new", "K", Day(2025, 3, 5), 100, 77),
                                     Tx("K-3", "K", Day(2026, 1, 1), -1, 33)};
  Commit(second);
  Apply(model, second);
  ExpectHolds(store(), model);
  EXPECT_LE(BlockCount(store(), "K"), 8);
}

TEST_F(TxStoreTest, ClientWithMoreThanOneBlockOfRecordsIsMergedInOrder) {
  // 5000 records (more than one full block of 4096) in the first import,
  // then single-record imports until the blocks are merged: the merged run
  // spans several blocks and must come back whole and in order.
  std::vector<Transaction> first;
  for (int i = 0; i < 5000; ++i) {
    first.push_back(Tx("X" + std::to_string(i), "BIG", Day(2024, 1, 1) + std::chrono::days(i % 365),
                       (i * 37) % 86400, 1 + i));
  }
  Commit(first);
  Model model;
  Apply(model, first);
  for (int i = 0; i < 9; ++i) {
    std::vector<Transaction> batch = {
        Tx("Y" + std::to_string(i), "BIG", Day(2023, 6, 1) + std::chrono::days(i * 50), 1)};
    if (i == 8) batch.push_back(Tx("X2500", "BIG", Day(2020, 1, 1), -1, 42));  // an update as well
    Commit(batch);
    Apply(model, batch);
  }
  ExpectHolds(store(), model, {}, 997);
  EXPECT_EQ(Find(store(), "X2500")->amount.cents(), 42);
  EXPECT_EQ(Find(store(), "Y8")->client_id, "BIG");
  EXPECT_EQ(Count(store()), 5009);
}

// The same id twice in one database transaction is a caller's error that
// Commit reports ("written twice"); it must not silently keep one of them.
// `prefill`: start from a non-empty database (the merged path).
void ExpectWrittenTwice(Store& s, bool prefill, size_t stage_limit, bool two_clients) {
  Model model;
  if (prefill) {
    std::vector<Transaction> base = {Tx("P1", "K1", Day(2025, 1, 1)), Tx("P2", "K2", Day(2025, 1, 2))};
    auto begun = s.Begin();
    ASSERT_TRUE(begun.has_value());
    for (const Transaction& t : base) ASSERT_TRUE(s.Put(t).has_value());
    ASSERT_TRUE(s.Commit().has_value());
    Apply(model, base);
  }
  s.set_stage_limit(stage_limit);
  std::vector<Transaction> batch = {Tx("D1", "K1", Day(2025, 5, 1), -1, 100), Tx("OK", "K2", Day(2025, 5, 1)),
                                    Tx("D1", two_clients ? "K2" : "K1", Day(2025, 5, 2), -1, 200)};
  std::string where;
  auto begun = s.Begin();
  ASSERT_TRUE(begun.has_value());
  std::optional<Error> error;
  for (const Transaction& t : batch) {
    auto put = s.Put(t);
    if (!put) {
      error = put.error();
      where = "Put(" + t.id + ")";
      break;
    }
  }
  if (!error) {
    auto committed = s.Commit();
    if (!committed) {
      error = committed.error();
      where = "Commit";
    }
  }
  if (error) {
    s.Rollback();
  } else {
    auto stored = s.FindTransaction("D1");
    auto list = s.ClientTransactions("K1");
    ADD_FAILURE() << "an id put twice in one transaction was accepted; FindTransaction(D1) gives "
                  << (stored && *stored ? Describe(**stored) : std::string("nothing")) << "; K1 holds "
                  << (list ? list->size() : 0) << " transactions";
    return;
  }
  EXPECT_NE(error->message.find("written twice"), std::string::npos) << where << ": " << error->message;
  EXPECT_NE(error->message.find("D1"), std::string::npos) << error->message;
  // Found when the repeat is written: at the flush a Put triggers, or at Commit.
  EXPECT_TRUE(where == "Commit" || where == "Put(D1)") << where << ": " << error->message;
  // The rollback left the database as it was, and it still works.
  s.set_stage_limit(Store::kDefaultStageLimit);
  auto d1 = s.FindTransaction("D1");
  ASSERT_TRUE(d1.has_value());
  EXPECT_FALSE(d1->has_value());
  auto count = s.TransactionCount();
  ASSERT_TRUE(count.has_value());
  EXPECT_EQ(*count, static_cast<int64_t>(model.size()));
  auto begun2 = s.Begin();
  ASSERT_TRUE(begun2.has_value());
  ASSERT_TRUE(s.Put(Tx("D1", "K1", Day(2025, 5, 1))).has_value());
  auto committed = s.Commit();
  ASSERT_TRUE(committed.has_value()) << committed.error().ToString();
  auto found = s.FindTransaction("D1");
  ASSERT_TRUE(found.has_value() && found->has_value());
  EXPECT_EQ((*found)->client_id, "K1");
}

// In an empty database the repeat is found when the id index is built at
// commit (equal hashes, then the ids compared) — also when both copies
// belong to one client.
TEST_F(TxStoreTest, SameIdTwiceIsRejectedFreshDefaultLimit) {
  ExpectWrittenTwice(store(), false, Store::kDefaultStageLimit, false);
}

TEST_F(TxStoreTest, SameIdTwiceForTwoClientsIsRejectedFreshDefaultLimit) {
  ExpectWrittenTwice(store(), false, Store::kDefaultStageLimit, true);
}

// The same with a flush per Put: the copies are in different flushes.
TEST_F(TxStoreTest, SameIdTwiceIsRejectedFreshStageLimit1) {
  ExpectWrittenTwice(store(), false, 1, false);
}

TEST_F(TxStoreTest, SameIdTwiceForTwoClientsIsRejectedFreshStageLimit1) {
  ExpectWrittenTwice(store(), false, 1, true);
}

TEST_F(TxStoreTest, SameIdTwiceIsRejectedMergedDefaultLimit) {
  ExpectWrittenTwice(store(), true, Store::kDefaultStageLimit, false);
}

TEST_F(TxStoreTest, SameIdTwiceForTwoClientsIsRejectedMergedDefaultLimit) {
  ExpectWrittenTwice(store(), true, Store::kDefaultStageLimit, true);
}

// In a non-empty database with a flush per Put, the second D1 lands in a
// later flush than the first: it must not pass for an update of a stored
// transaction.
TEST_F(TxStoreTest, SameIdTwiceIsRejectedMergedStageLimit1) {
  ExpectWrittenTwice(store(), true, 1, false);
}

// As above, with the two D1 for two clients.
TEST_F(TxStoreTest, SameIdTwiceForTwoClientsIsRejectedMergedStageLimit1) {
  ExpectWrittenTwice(store(), true, 1, true);
}

TEST_F(TxStoreTest, FindInAnOpenTransactionSeesStagedDataFreshDatabase) {
  ASSERT_TRUE(store().Begin().has_value());
  std::vector<Transaction> before = {Tx("T1", "K1", Day(2025, 1, 3)), Tx("T2", "K2", Day(2025, 1, 2), 5, 222),
                                     Tx("T3", "K1", Day(2025, 1, 1))};
  for (const Transaction& t : before) ASSERT_TRUE(store().Put(t).has_value());
  auto t2 = Find(store(), "T2");
  ASSERT_TRUE(t2.has_value()) << "a staged transaction is not visible to FindTransaction";
  EXPECT_EQ(t2->client_id, "K2");
  EXPECT_EQ(t2->amount.cents(), 222);
  EXPECT_FALSE(Find(store(), "T4").has_value());

  // Later Puts in the same transaction: new ids for an existing and a new
  // client, after the index was written mid-transaction.
  std::vector<Transaction> after = {Tx("T4", "K1", Day(2024, 12, 31)), Tx("T5", "K3", Day(2025, 1, 1)),
                                    Tx("T6", "K2", Day(2025, 1, 2), 4)};
  for (const Transaction& t : after) ASSERT_TRUE(store().Put(t).has_value());
  EXPECT_TRUE(Find(store(), "T5").has_value());
  auto committed = store().Commit();
  ASSERT_TRUE(committed.has_value()) << committed.error().ToString();

  Model model;
  Apply(model, before);
  Apply(model, after);
  ExpectHolds(store(), model);
  EXPECT_EQ(IdsOf(Read(store(), "K1")), (std::vector<std::string>{"T4", "T3", "T1"}));

  // The index written mid-transaction serves later updates too.
  std::vector<Transaction> update = {Tx("T1", "K3", Day(2025, 1, 3), -1, 111)};
  Commit(update);
  Apply(model, update);
  ExpectHolds(store(), model);
}

TEST_F(TxStoreTest, FindInAnOpenTransactionSeesStagedDataNonEmptyDatabase) {
  Commit(MixedBatch());
  Model model;
  Apply(model, MixedBatch());
  ASSERT_TRUE(store().Begin().has_value());
  std::vector<Transaction> before = {Tx("N1", "K1", Day(2025, 1, 3)),
                                     Tx("T1", "K2", Day(2025, 1, 2), 5, 1111)};
  for (const Transaction& t : before) ASSERT_TRUE(store().Put(t).has_value());
  auto t1 = Find(store(), "T1");
  ASSERT_TRUE(t1.has_value());
  EXPECT_EQ(t1->client_id, "K2");
  EXPECT_EQ(t1->amount.cents(), 1111);
  EXPECT_TRUE(Find(store(), "N1").has_value());
  std::vector<Transaction> after = {Tx("N2", "K2", Day(2025, 1, 3)),
                                    Tx("T2", "K10", Day(2025, 1, 2), 5, 2222)};
  for (const Transaction& t : after) ASSERT_TRUE(store().Put(t).has_value());
  auto committed = store().Commit();
  ASSERT_TRUE(committed.has_value()) << committed.error().ToString();
  Apply(model, before);
  Apply(model, after);
  ExpectHolds(store(), model);
}

TEST_F(TxStoreTest, RollbackAfterFindInAnOpenTransactionLeavesNothing) {
  // FindTransaction writes the id index mid-transaction; a rollback must
  // take that back with the blocks.
  ASSERT_TRUE(store().Begin().has_value());
  ASSERT_TRUE(store().Put(Tx("T1", "K1", Day(2025, 1, 1))).has_value());
  ASSERT_TRUE(Find(store(), "T1").has_value());
  ASSERT_TRUE(store().Put(Tx("T2", "K1", Day(2025, 1, 1))).has_value());
  store().Rollback();
  EXPECT_FALSE(Find(store(), "T1").has_value());
  EXPECT_FALSE(Find(store(), "T2").has_value());
  EXPECT_EQ(Count(store()), 0);

  // The next transaction starts over on the fresh path.
  Commit({Tx("T2", "K2", Day(2025, 1, 1))});
  Model model;
  Apply(model, {Tx("T2", "K2", Day(2025, 1, 1))});
  ExpectHolds(store(), model, {"K1"});
}

// The id index keeps a client id's length as a varint: ids longer than a
// byte can count must not corrupt their bucket.
TEST_F(TxStoreTest, ClientIdLongerThan255Bytes) {
  const std::string long_client = "K-" + std::string(298, 'z');  // 300 bytes
  Commit({Tx("LONG1", long_client, Day(2025, 1, 1)), Tx("SHORT", "K1", Day(2025, 1, 1))});
  EXPECT_EQ(Read(store(), long_client).size(), 1u);
  auto t = store().FindTransaction("LONG1");
  ASSERT_TRUE(t.has_value()) << t.error().ToString();
  ASSERT_TRUE(t->has_value()) << "FindTransaction did not find a transaction of a 300-byte client id";
  EXPECT_EQ((*t)->client_id, long_client);
  // An update must find and replace the stored record (not add a second one).
  Commit({Tx("LONG1", long_client, Day(2025, 1, 2), -1, 5)});
  EXPECT_EQ(Read(store(), long_client).size(), 1u);
}

// A database written by schema 1 (one row per transaction) is migrated to
// blocks when opened.
TEST_F(TxStoreTest, Schema1DatabaseIsMigrated) {
  const std::string path = (dir_ / "old.db").string();
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* message = nullptr;
    const char* sql = R"sql(
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      INSERT INTO meta VALUES('schema_version','1');
      CREATE TABLE transactions (client_id TEXT NOT NULL, booked_on TEXT NOT NULL, id TEXT NOT NULL,
        account_id TEXT NOT NULL, booked_at TEXT NOT NULL, booked_second INTEGER, direction TEXT NOT NULL,
        amount_cents INTEGER NOT NULL, currency TEXT NOT NULL, channel TEXT NOT NULL, counterparty_key TEXT,
        counterparty_id TEXT, counterparty_name TEXT, counterparty_account TEXT, counterparty_country TEXT,
        purpose TEXT, ip TEXT, atm_id TEXT, device_id TEXT, PRIMARY KEY (client_id, booked_on, id)) WITHOUT ROWID;
      INSERT INTO transactions VALUES ('K1', '2025-06-12', 'OLD-1', 'A1', '2025-06-12T23:15:00Z', 83700, 'debit',
        40000, 'EUR', 'card', 'key-1', 'CP-1', 'SIA Koks', 'LV80BANK0000435195001', 'LV', 'Rēķins 5', '192.0.2.1',
        'ATM-1', 'DEV-1');
      INSERT INTO transactions VALUES ('K2', '1969-07-20', 'OLD-2', 'A2', '1969-07-20', NULL, 'credit',
        900000000000000, 'USD', 'atm', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
    )sql";
    int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
    std::string error = message ? message : "";
    sqlite3_free(message);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << error;
  }

  {
    auto opened = Store::Open(path);
    ASSERT_TRUE(opened.has_value()) << opened.error().ToString();
    Store& s = *opened;

    auto one = s.FindTransaction("OLD-1");
    ASSERT_TRUE(one.has_value()) << one.error().ToString();
    ASSERT_TRUE(one->has_value()) << "OLD-1 was not migrated";
    const Transaction& a = **one;
    EXPECT_EQ(a.client_id, "K1");
    EXPECT_EQ(a.account_id, "A1");
    EXPECT_EQ(FormatDate(a.booked.date), "2025-06-12");
    EXPECT_EQ(a.booked.second_of_day, 83700);
    EXPECT_EQ(a.direction, Direction::kDebit);
    EXPECT_EQ(a.amount.cents(), 40000);
    EXPECT_EQ(a.currency, "EUR");
    EXPECT_EQ(a.channel, Channel::kCard);
    EXPECT_EQ(a.counterparty_id, "CP-1");
    EXPECT_EQ(a.counterparty_name, "SIA Koks");
    EXPECT_EQ(a.counterparty_account, "LV80BANK0000435195001");
    EXPECT_EQ(a.counterparty_country, "LV");
    EXPECT_EQ(a.purpose, "Rēķins 5");
    EXPECT_EQ(a.ip, "192.0.2.1");
    EXPECT_EQ(a.atm_id, "ATM-1");
    EXPECT_EQ(a.device_id, "DEV-1");

    auto two = s.FindTransaction("OLD-2");
    ASSERT_TRUE(two.has_value()) << two.error().ToString();
    ASSERT_TRUE(two->has_value()) << "OLD-2 was not migrated";
    const Transaction& b = **two;
    EXPECT_EQ(b.client_id, "K2");
    EXPECT_EQ(FormatDate(b.booked.date), "1969-07-20");
    EXPECT_EQ(b.booked.second_of_day, -1);  // NULL second: date only
    EXPECT_EQ(b.direction, Direction::kCredit);
    EXPECT_EQ(b.amount.cents(), 900'000'000'000'000);
    EXPECT_EQ(b.currency, "USD");
    EXPECT_EQ(b.channel, Channel::kAtm);
    EXPECT_EQ(b.counterparty_name, "");
    EXPECT_EQ(b.purpose, "");
    EXPECT_EQ(b.device_id, "");

    EXPECT_EQ(Count(s), 2);
    EXPECT_EQ(IdsOf(Read(s, "K1")), std::vector<std::string>{"OLD-1"});

    {
      auto table =
          s.db().Prepare("SELECT COUNT(*) FROM sqlite_master WHERE type='table' AND name='transactions'");
      ASSERT_TRUE(table.has_value());
      ASSERT_TRUE(table->Step().value_or(false));
      EXPECT_EQ(table->Int(0), 0) << "the schema-1 transactions table is still there";
      auto version = s.db().Prepare("SELECT value FROM meta WHERE key='schema_version'");
      ASSERT_TRUE(version.has_value());
      ASSERT_TRUE(version->Step().value_or(false));
      EXPECT_EQ(version->Text(0), "4");
    }

    // The migrated database takes further imports (merged path) and reopens.
    Commit(s, {Tx("OLD-1", "K1", Day(2025, 6, 12), 83700, 41000), Tx("NEW-1", "K2", Day(2025, 1, 1))});
  }
  auto reopened = Store::Open(path);
  ASSERT_TRUE(reopened.has_value()) << reopened.error().ToString();
  EXPECT_EQ(Count(*reopened), 3);
  auto updated = reopened->FindTransaction("OLD-1");
  ASSERT_TRUE(updated.has_value() && updated->has_value());
  EXPECT_EQ((*updated)->amount.cents(), 41000);
}

}  // namespace
}  // namespace sargs

namespace sargs {
namespace {

// A schema-2 database gains clients.cash_typical (false for everyone) when
// opened.
TEST_F(TxStoreTest, Schema2DatabaseIsMigrated) {
  const std::string path = (dir_ / "v2.db").string();
  {
    auto opened = Store::Open(path);
    ASSERT_TRUE(opened.has_value()) << opened.error().ToString();
    Client c;
    c.id = "K1";
    c.name = "Anna";
    c.country = "LV";
    c.cash_typical = true;
    ASSERT_TRUE(opened->Begin());
    ASSERT_TRUE(opened->Put(c));
    ASSERT_TRUE(opened->Commit());
    Commit(*opened, {Tx("T1", "K1", Day(2025, 3, 4)), Tx("T2", "K1", Day(2024, 11, 30))});
    ASSERT_TRUE(opened->db().Exec("ALTER TABLE clients DROP COLUMN cash_typical; "
                                  "UPDATE meta SET value = '2' WHERE key = 'schema_version'"));
  }
  auto reopened = Store::Open(path);
  ASSERT_TRUE(reopened.has_value()) << reopened.error().ToString();
  auto version = reopened->db().Prepare("SELECT value FROM meta WHERE key='schema_version'");
  ASSERT_TRUE(version.has_value() && version->Step().value_or(false));
  EXPECT_EQ(version->Text(0), "4");
  auto flag = reopened->db().Prepare("SELECT cash_typical FROM clients WHERE id = 'K1'");
  ASSERT_TRUE(flag.has_value() && flag->Step().value_or(false));
  EXPECT_EQ(flag->Int(0), 0);
  EXPECT_EQ(Count(*reopened), 2);
}

}  // namespace
}  // namespace sargs
