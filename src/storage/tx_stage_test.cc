// Tests of TxStage (storage/tx_stage.h), the in-memory regrouping of an
// import's transactions by client and booking time. The store writes each
// group as a client's blocks, so a wrong group order, a lost entry or a
// record that points at the wrong bytes would silently misfile data.
#include "storage/tx_stage.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "storage/tx_record.h"

namespace sargs {
namespace {

Date Day(int y, unsigned m, unsigned d) {
  return Date(std::chrono::year_month_day{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)});
}

int32_t DayNumber(Date d) { return static_cast<int32_t>(d.time_since_epoch().count()); }

Transaction Tx(std::string id, std::string client, Date day, int32_t second, int64_t cents = 100) {
  Transaction t;
  t.id = std::move(id);
  t.account_id = "A-" + client;
  t.client_id = std::move(client);
  t.booked = BookingTime{day, second};
  t.direction = cents % 2 ? Direction::kDebit : Direction::kCredit;
  t.amount = Money::FromCents(cents);
  t.currency = "EUR";
  t.channel = Channel::kCard;
  t.counterparty_name = "Pārdevējs " + t.id;
  t.purpose = "purpose of " + t.id;
  return t;
}

// Decodes one staged record (the stage keeps no client id in it).
Transaction Decode(std::string_view record) {
  TxRecordReader reader(record);
  Transaction t;
  auto next = reader.Next(t);
  EXPECT_TRUE(next.has_value() && *next) << (next ? "empty record" : next.error().ToString());
  EXPECT_EQ(reader.position(), record.size()) << "a staged record must be exactly one record";
  return t;
}

std::vector<std::string> Ids(const TxStage& stage, const TxStage::Group& g) {
  std::vector<std::string> out;
  for (const TxStage::Entry& e : g.entries) out.push_back(Decode(stage.Record(e)).id);
  return out;
}

std::vector<std::string> ClientIds(const std::vector<TxStage::Group>& groups) {
  std::vector<std::string> out;
  for (const auto& g : groups) out.emplace_back(g.client_id);
  return out;
}

TEST(TxStageTest, EmptyStage) {
  TxStage stage;
  EXPECT_TRUE(stage.empty());
  EXPECT_EQ(stage.size(), 0u);
  EXPECT_EQ(stage.bytes(), 0u);
  EXPECT_EQ(stage.client_count(), 0u);
  EXPECT_TRUE(stage.Sorted().empty());
}

TEST(TxStageTest, SortedGroupsByClientIdThenBookingOrder) {
  TxStage stage;
  const Date d1 = Day(2025, 6, 1), d2 = Day(2025, 6, 2), d0 = Day(1999, 12, 31);
  // Clients interleaved, and not in id order of first appearance. "K10"
  // sorts before "K2" (byte order, not numeric), which is the order the
  // store's blocks use.
  stage.Add(Tx("c1", "K2", d2, 100));
  stage.Add(Tx("a1", "K10", d1, 500));
  stage.Add(Tx("c2", "K2", d1, -1));  // date only: before any time of the same day
  stage.Add(Tx("b1", "K1", d2, 10));
  stage.Add(Tx("a2", "K10", d1, 100));
  stage.Add(Tx("c3", "K2", d1, 0));
  stage.Add(Tx("c4", "K2", d0, 86399));  // an earlier day with a later second comes first
  stage.Add(Tx("a3", "K10", d1, 500));   // tie with a1: insertion order keeps a1 first
  stage.Add(Tx("a0", "K10", d1, 500));   // tie again, and an id that sorts first: still after a3
  stage.Add(Tx("b2", "K1", d2, 10));     // tie with b1

  EXPECT_EQ(stage.size(), 10u);
  EXPECT_EQ(stage.client_count(), 3u);
  std::vector<TxStage::Group> groups = stage.Sorted();
  ASSERT_EQ(ClientIds(groups), (std::vector<std::string>{"K1", "K10", "K2"}));
  EXPECT_EQ(Ids(stage, groups[0]), (std::vector<std::string>{"b1", "b2"}));
  EXPECT_EQ(Ids(stage, groups[1]), (std::vector<std::string>{"a2", "a1", "a3", "a0"}));
  EXPECT_EQ(Ids(stage, groups[2]), (std::vector<std::string>{"c4", "c2", "c3", "c1"}));

  // Each group names its client by index too, and the entries carry their
  // own booking time and the hash of their id.
  size_t total = 0;
  for (const TxStage::Group& g : groups) {
    EXPECT_EQ(stage.ClientId(g.client), g.client_id);
    for (const TxStage::Entry& e : g.entries) {
      Transaction t = Decode(stage.Record(e));
      EXPECT_EQ(e.client, g.client);
      EXPECT_EQ(e.day, DayNumber(t.booked.date));
      EXPECT_EQ(e.second, t.booked.second_of_day);
      EXPECT_EQ(e.id_hash, TxIdHash(t.id));
      ++total;
    }
  }
  EXPECT_EQ(total, 10u);
  EXPECT_EQ(stage.entries().size(), 10u);
}

TEST(TxStageTest, ClientIndexesFollowFirstAppearance) {
  TxStage stage;
  stage.Add(Tx("1", "Z", Day(2025, 1, 1), -1));
  stage.Add(Tx("2", "A", Day(2025, 1, 1), -1));
  stage.Add(Tx("3", "Z", Day(2025, 1, 1), -1));  // back to a known client (not the last one)
  stage.Add(Tx("4", "M", Day(2025, 1, 1), -1));
  stage.Add(Tx("5", "A", Day(2025, 1, 1), -1));
  EXPECT_EQ(stage.client_count(), 3u);
  EXPECT_EQ(stage.ClientId(0), "Z");
  EXPECT_EQ(stage.ClientId(1), "A");
  EXPECT_EQ(stage.ClientId(2), "M");
  std::map<std::string, std::set<uint32_t>> seen;
  for (const TxStage::Entry& e : stage.entries()) seen[Decode(stage.Record(e)).id].insert(e.client);
  EXPECT_EQ(seen["1"], std::set<uint32_t>{0});
  EXPECT_EQ(seen["3"], std::set<uint32_t>{0});
  EXPECT_EQ(seen["2"], std::set<uint32_t>{1});
  EXPECT_EQ(seen["5"], std::set<uint32_t>{1});
  EXPECT_EQ(seen["4"], std::set<uint32_t>{2});
}

TEST(TxStageTest, RecordDecodesBackToTheAddedTransaction) {
  TxStage stage;
  Transaction full = Tx("T-ā-🙂", "Klients-Ž", Day(1960, 2, 29), 86399, 9'000'000'000'000);
  full.direction = Direction::kDebit;
  full.channel = Channel::kOther;
  full.currency = "USD";
  full.counterparty_id = "CP";
  full.counterparty_account = "DE89370400440532013000";
  full.counterparty_country = "DE";
  full.ip = "192.0.2.1";
  full.atm_id = "ATM";
  full.device_id = "DEV";
  Transaction bare = Tx("bare", "Klients-Ž", Day(2100, 1, 1), -1, 1);
  bare.counterparty_name.clear();
  bare.purpose.clear();
  bare.account_id.clear();
  stage.Add(full);
  stage.Add(bare);

  std::map<std::string, Transaction> by_id;
  for (const TxStage::Entry& e : stage.entries()) {
    Transaction t = Decode(stage.Record(e));
    by_id[t.id] = t;
  }
  ASSERT_EQ(by_id.size(), 2u);
  for (const Transaction* want : {&full, &bare}) {
    SCOPED_TRACE(want->id);
    const Transaction& got = by_id[want->id];
    EXPECT_EQ(got.account_id, want->account_id);
    EXPECT_EQ(got.booked.date, want->booked.date);
    EXPECT_EQ(got.booked.second_of_day, want->booked.second_of_day);
    EXPECT_EQ(got.direction, want->direction);
    EXPECT_EQ(got.amount, want->amount);
    EXPECT_EQ(got.currency, want->currency);
    EXPECT_EQ(got.channel, want->channel);
    EXPECT_EQ(got.counterparty_id, want->counterparty_id);
    EXPECT_EQ(got.counterparty_name, want->counterparty_name);
    EXPECT_EQ(got.counterparty_account, want->counterparty_account);
    EXPECT_EQ(got.counterparty_country, want->counterparty_country);
    EXPECT_EQ(got.purpose, want->purpose);
    EXPECT_EQ(got.ip, want->ip);
    EXPECT_EQ(got.atm_id, want->atm_id);
    EXPECT_EQ(got.device_id, want->device_id);
  }
  // The same bytes AppendTxRecord would write: the stage stores records as
  // is, so the store can copy them into blocks.
  std::string expected;
  AppendTxRecord(full, expected);
  EXPECT_EQ(stage.Record(stage.entries()[0]), expected);
}

TEST(TxStageTest, RecordsStayIntactAfterSortingAndAcrossChunks) {
  // Records of about 1 MiB each: 80 of them fill more than one 64 MiB chunk,
  // so some records live in a later chunk. A record must never straddle two
  // chunks or point into the wrong one.
  TxStage stage;
  const std::string big(1 << 20, 'p');
  std::vector<std::string> ids;
  for (int i = 0; i < 80; ++i) {
    Transaction t = Tx("T" + std::to_string(i), i % 2 ? "odd" : "even", Day(2025, 1, 1), 80 - i);
    t.purpose = big + std::to_string(i);
    ids.push_back(t.id);
    stage.Add(t);
  }
  std::set<uint32_t> chunks;
  for (const TxStage::Entry& e : stage.entries()) chunks.insert(e.chunk);
  EXPECT_GT(chunks.size(), 1u) << "the test should span more than one chunk";

  std::vector<TxStage::Group> groups = stage.Sorted();
  ASSERT_EQ(ClientIds(groups), (std::vector<std::string>{"even", "odd"}));
  std::set<std::string> seen;
  for (const TxStage::Group& g : groups) {
    int32_t last_second = -2;
    for (const TxStage::Entry& e : g.entries) {
      Transaction t = Decode(stage.Record(e));
      int i = std::stoi(t.id.substr(1));
      EXPECT_EQ(t.purpose, big + std::to_string(i));
      EXPECT_EQ((i % 2) ? "odd" : "even", g.client_id);
      EXPECT_GT(e.second, last_second);  // descending seconds were added: sorted ascending now
      last_second = e.second;
      seen.insert(t.id);
    }
  }
  EXPECT_EQ(seen.size(), 80u);
}

TEST(TxStageTest, BytesGrowWithEachAdd) {
  TxStage stage;
  size_t last = stage.bytes();
  for (int i = 0; i < 50; ++i) {
    Transaction t = Tx("T" + std::to_string(i), "K", Day(2025, 1, 1), i);
    t.purpose = std::string(static_cast<size_t>(i) * 10, 'x');
    std::string record;
    AppendTxRecord(t, record);
    stage.Add(t);
    // At least the record itself is counted (the store flushes by bytes()).
    EXPECT_GE(stage.bytes(), last + record.size()) << i;
    last = stage.bytes();
  }
  EXPECT_EQ(stage.size(), 50u);
}

TEST(TxStageTest, ClearEmptiesButKeepsClientIndexes) {
  TxStage stage;
  stage.Add(Tx("1", "B", Day(2025, 1, 1), -1));
  stage.Add(Tx("2", "A", Day(2025, 1, 1), -1));
  stage.Add(Tx("3", "C", Day(2025, 1, 1), -1));
  (void)stage.Sorted();
  const uint32_t index_a = 1, index_b = 0, index_c = 2;
  ASSERT_EQ(stage.ClientId(index_a), "A");
  ASSERT_EQ(stage.ClientId(index_b), "B");

  stage.Clear();
  EXPECT_TRUE(stage.empty());
  EXPECT_EQ(stage.size(), 0u);
  EXPECT_EQ(stage.bytes(), 0u);
  EXPECT_TRUE(stage.entries().empty());
  EXPECT_TRUE(stage.Sorted().empty());
  // The store's per-client bookkeeping (block numbers, the id index) is
  // indexed by these numbers across flushes: they must not change.
  EXPECT_EQ(stage.client_count(), 3u);
  EXPECT_EQ(stage.ClientId(index_a), "A");
  EXPECT_EQ(stage.ClientId(index_b), "B");
  EXPECT_EQ(stage.ClientId(index_c), "C");

  // Re-adding: A and B keep their indexes (A first, to check the "last
  // client" shortcut does not carry a stale index over the Clear), a new
  // client gets the next free one.
  stage.Add(Tx("4", "A", Day(2025, 1, 2), 5));
  stage.Add(Tx("5", "D", Day(2025, 1, 2), 5));
  stage.Add(Tx("6", "B", Day(2025, 1, 2), 5));
  stage.Add(Tx("7", "A", Day(2025, 1, 1), 5));
  EXPECT_EQ(stage.client_count(), 4u);
  std::vector<TxStage::Group> groups = stage.Sorted();
  ASSERT_EQ(ClientIds(groups), (std::vector<std::string>{"A", "B", "D"}));  // C has nothing staged
  EXPECT_EQ(groups[0].client, index_a);
  EXPECT_EQ(groups[1].client, index_b);
  EXPECT_EQ(groups[2].client, 3u);
  EXPECT_EQ(Ids(stage, groups[0]), (std::vector<std::string>{"7", "4"}));
  EXPECT_EQ(Ids(stage, groups[1]), (std::vector<std::string>{"6"}));
  EXPECT_EQ(Ids(stage, groups[2]), (std::vector<std::string>{"5"}));
  // Nothing from before the Clear comes back.
  EXPECT_EQ(stage.size(), 4u);
}

TEST(TxStageTest, ClearThenSameLastClientKeepsIndex) {
  // The stage remembers the last client; after Clear the same client must
  // still map to its index.
  TxStage stage;
  stage.Add(Tx("1", "A", Day(2025, 1, 1), -1));
  stage.Add(Tx("2", "B", Day(2025, 1, 1), -1));
  stage.Clear();
  stage.Add(Tx("3", "B", Day(2025, 1, 1), -1));
  ASSERT_EQ(stage.entries().size(), 1u);
  EXPECT_EQ(stage.entries()[0].client, 1u);
  EXPECT_EQ(Decode(stage.Record(stage.entries()[0])).id, "3");
}

TEST(TxStageTest, ResetForgetsEverything) {
  TxStage stage;
  stage.Add(Tx("1", "B", Day(2025, 1, 1), -1));
  stage.Add(Tx("2", "A", Day(2025, 1, 1), -1));
  stage.Reset();
  EXPECT_TRUE(stage.empty());
  EXPECT_EQ(stage.size(), 0u);
  EXPECT_EQ(stage.bytes(), 0u);
  EXPECT_EQ(stage.client_count(), 0u);
  EXPECT_TRUE(stage.Sorted().empty());

  // The stage is usable again, and client numbering starts over: A (the
  // former index 1) is now the first client seen. "A" was also the last
  // client added before Reset, so a stale "last client" would misfile it.
  stage.Add(Tx("3", "A", Day(2025, 1, 1), -1));
  stage.Add(Tx("4", "C", Day(2025, 1, 1), -1));
  EXPECT_EQ(stage.client_count(), 2u);
  EXPECT_EQ(stage.ClientId(0), "A");
  EXPECT_EQ(stage.ClientId(1), "C");
  std::vector<TxStage::Group> groups = stage.Sorted();
  ASSERT_EQ(ClientIds(groups), (std::vector<std::string>{"A", "C"}));
  EXPECT_EQ(Ids(stage, groups[0]), (std::vector<std::string>{"3"}));
  EXPECT_EQ(Ids(stage, groups[1]), (std::vector<std::string>{"4"}));
}

TEST(TxStageTest, SortedTwiceIsStable) {
  // Sorted reorders entries in place; calling it again (as a second flush
  // attempt would) must give the same groups and order.
  TxStage stage;
  for (int i = 0; i < 30; ++i) {
    stage.Add(Tx("T" + std::to_string(i), "K" + std::to_string(i % 4), Day(2025, 1, 1 + (i * 7) % 5), i % 3));
  }
  auto first = stage.Sorted();
  std::vector<std::vector<std::string>> a;
  for (const auto& g : first) a.push_back(Ids(stage, g));
  auto second = stage.Sorted();
  std::vector<std::vector<std::string>> b;
  for (const auto& g : second) b.push_back(Ids(stage, g));
  EXPECT_EQ(ClientIds(first), ClientIds(second));
  EXPECT_EQ(a, b);
}

TEST(TxStageTest, ManyClientsInRandomOrder) {
  // A larger mixed input checked against a model: every entry appears once,
  // in its client's group, ordered by (day, second, insertion).
  TxStage stage;
  struct Model {
    int32_t day;
    int32_t second;
    int seq;
    std::string id;
  };
  std::map<std::string, std::vector<Model>> model;
  uint32_t state = 7;
  auto rnd = [&] {
    state = state * 1103515245u + 12345u;
    return (state >> 8) & 0xffff;
  };
  for (int i = 0; i < 5000; ++i) {
    std::string client = "C" + std::to_string(rnd() % 97);
    Date day = Day(2024, 1, 1) + std::chrono::days(rnd() % 20);
    int32_t second = static_cast<int32_t>(rnd() % 5) - 1;
    std::string id = "T" + std::to_string(i);
    stage.Add(Tx(id, client, day, second));
    model[client].push_back(Model{DayNumber(day), second, i, id});
  }
  std::vector<TxStage::Group> groups = stage.Sorted();
  ASSERT_EQ(groups.size(), model.size());
  auto m = model.begin();
  for (const TxStage::Group& g : groups) {
    ASSERT_EQ(g.client_id, m->first);
    std::vector<Model> want = m->second;
    std::stable_sort(want.begin(), want.end(), [](const Model& x, const Model& y) {
      return x.day != y.day ? x.day < y.day : x.second < y.second;
    });
    std::vector<std::string> want_ids;
    for (const Model& w : want) want_ids.push_back(w.id);
    EXPECT_EQ(Ids(stage, g), want_ids) << g.client_id;
    ++m;
  }
}

}  // namespace
}  // namespace sargs
