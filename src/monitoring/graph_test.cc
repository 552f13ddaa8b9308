#include "monitoring/graph.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <vector>

#include "base/split_mix.h"

namespace sargs {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr int64_t kDay = kSecondsPerDay;

using Rng = SplitMix64;  // the same sequence on every machine

// Transfers in a test get ids in the order they are written.
class Graph {
 public:
  Graph& Pay(uint32_t from, uint32_t to, int64_t cents, int64_t time) {
    edges_.push_back(
        GraphEdge{from, to, Money::FromCents(cents), time, static_cast<uint32_t>(edges_.size())});
    return *this;
  }
  std::vector<GraphEdge>& edges() { return edges_; }

 private:
  std::vector<GraphEdge> edges_;
};

template <typename T>
T Ok(Result<T> r) {
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().ToString());
  return r ? std::move(*r) : T{};
}

// ---------------------------------------------------------------------------
// Fan-in

FanInOptions FanIn(int min_senders, int64_t window) {
  FanInOptions o;
  o.min_senders = min_senders;
  o.window = window;
  return o;
}

TEST(FanInTest, OneSenderShortOfTheMinimumIsNotAFanIn) {
  Graph g;
  for (uint32_t s = 1; s <= 4; ++s) g.Pay(s, 0, 100'00, s * kDay);
  EXPECT_THAT(Ok(FindFanIns(g.edges(), FanIn(5, 30 * kDay))), IsEmpty());
  g.Pay(5, 0, 100'00, 5 * kDay);
  auto found = Ok(FindFanIns(g.edges(), FanIn(5, 30 * kDay)));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].hub, 0u);
  EXPECT_THAT(found[0].counterparties, ElementsAre(1, 2, 3, 4, 5));
  EXPECT_THAT(found[0].edge_ids, ElementsAre(0, 1, 2, 3, 4));
  EXPECT_EQ(found[0].first_time, 1 * kDay);
  EXPECT_EQ(found[0].last_time, 5 * kDay);
  EXPECT_EQ(found[0].total, Money::FromEuros(500));
}

TEST(FanInTest, WindowIncludesItsLastSecond) {
  const int64_t window = 7 * kDay;
  Graph at_limit;
  at_limit.Pay(1, 0, 100, 1000).Pay(2, 0, 100, 1000 + window);
  EXPECT_EQ(Ok(FindFanIns(at_limit.edges(), FanIn(2, window))).size(), 1u);
  Graph one_over;
  one_over.Pay(1, 0, 100, 1000).Pay(2, 0, 100, 1000 + window + 1);
  EXPECT_THAT(Ok(FindFanIns(one_over.edges(), FanIn(2, window))), IsEmpty());
}

TEST(FanInTest, RepeatedPaymentsFromOnePayerCountOnce) {
  Graph g;
  for (int i = 0; i < 10; ++i) g.Pay(1, 0, 100, i);
  g.Pay(2, 0, 100, 20);
  EXPECT_THAT(Ok(FindFanIns(g.edges(), FanIn(3, kDay))), IsEmpty());
  auto found = Ok(FindFanIns(g.edges(), FanIn(2, kDay)));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].edge_ids.size(), 11u);
}

TEST(FanInTest, SelfTransfersAreNotPayers) {
  Graph g;
  g.Pay(0, 0, 100, 1).Pay(1, 0, 100, 2);
  EXPECT_THAT(Ok(FindFanIns(g.edges(), FanIn(2, kDay))), IsEmpty());
}

TEST(FanInTest, SmallAmountConditionIsInclusiveAndOptional) {
  Graph g;
  g.Pay(1, 0, 500'00, 1).Pay(2, 0, 500'01, 2).Pay(3, 0, 20'00, 3);
  FanInOptions o = FanIn(3, kDay);
  EXPECT_EQ(Ok(FindFanIns(g.edges(), o)).size(), 1u);  // no amount condition
  o.max_small = Money::FromEuros(500);
  EXPECT_THAT(Ok(FindFanIns(g.edges(), o)), IsEmpty());  // 500.01 is not small
  o.max_small = Money::FromCents(500'01);
  EXPECT_EQ(Ok(FindFanIns(g.edges(), o)).size(), 1u);
  o.min_senders = 2;
  o.max_small = Money::FromEuros(500);
  auto found = Ok(FindFanIns(g.edges(), o));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].counterparties, ElementsAre(1, 3));
  EXPECT_EQ(found[0].total, Money::FromEuros(520));
}

TEST(FanInTest, EpisodesDoNotSharePayments) {
  Graph g;
  for (uint32_t s = 1; s <= 6; ++s) g.Pay(s, 0, 100, s);  // one burst of six payers
  auto found = Ok(FindFanIns(g.edges(), FanIn(3, kDay)));
  ASSERT_EQ(found.size(), 1u);  // the whole window, not one pattern per payment
  EXPECT_EQ(found[0].edge_ids.size(), 6u);
  Graph two;
  for (uint32_t s = 1; s <= 3; ++s) two.Pay(s, 0, 100, s);
  for (uint32_t s = 1; s <= 3; ++s) two.Pay(s, 0, 100, 10 * kDay + s);
  found = Ok(FindFanIns(two.edges(), FanIn(3, kDay)));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_THAT(found[1].edge_ids, ElementsAre(3, 4, 5));
}

TEST(FanInTest, SlidesPastPaymentsThatStartNoFanIn) {
  Graph g;
  g.Pay(1, 0, 100, 0);  // alone in its window
  g.Pay(2, 0, 100, 5 * kDay).Pay(3, 0, 100, 6 * kDay);
  auto found = Ok(FindFanIns(g.edges(), FanIn(2, 2 * kDay)));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].counterparties, ElementsAre(2, 3));
}

TEST(FanInTest, RejectsBadOptionsAndAmounts) {
  Graph g;
  g.Pay(1, 0, 100, 0);
  auto bad = FindFanIns(g.edges(), FanIn(0, kDay));
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().field, "min_senders");
  bad = FindFanIns(g.edges(), FanIn(2, -1));
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().field, "window");
  g.Pay(2, 0, -1, 0);
  bad = FindFanIns(g.edges(), FanIn(2, kDay));
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().field, "amount");
  EXPECT_NE(bad.error().message.find("transfer 1"), std::string::npos);
}

TEST(FanInTest, NoTransfersNoPatterns) {
  EXPECT_THAT(Ok(FindFanIns({}, FanInOptions{})), IsEmpty());
  EXPECT_THAT(Ok(FindCycles({}, CycleOptions{})), IsEmpty());
}

// ---------------------------------------------------------------------------
// Fan-out

TEST(FanOutTest, MirrorsFanIn) {
  FanOutOptions o;
  o.min_receivers = 3;
  o.window = kDay;
  Graph g;
  g.Pay(0, 1, 100, 0).Pay(0, 2, 100, kDay).Pay(0, 3, 100, kDay + 1);
  EXPECT_THAT(Ok(FindFanOuts(g.edges(), o)), IsEmpty());  // third receiver one second late
  g.Pay(0, 4, 100, kDay);
  auto found = Ok(FindFanOuts(g.edges(), o));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].hub, 0u);
  EXPECT_THAT(found[0].counterparties, ElementsAre(1, 2, 4));
  EXPECT_THAT(found[0].edge_ids, ElementsAre(0, 1, 3));
  // The receivers of a fan-out are not fan-ins.
  EXPECT_EQ(Ok(FindFanIns(g.edges(), FanIn(1, kDay))).size(), 4u);
  o.max_small = Money::FromCents(99);
  EXPECT_THAT(Ok(FindFanOuts(g.edges(), o)), IsEmpty());
  o.min_receivers = 0;
  EXPECT_FALSE(FindFanOuts(g.edges(), o).has_value());
}

// ---------------------------------------------------------------------------
// Fan-in followed by one large outgoing payment (A2.24)

FanInThenOutOptions A224(int min_senders = 3, int64_t window = 10 * kDay) {
  FanInThenOutOptions o;
  o.min_senders = min_senders;
  o.window = window;
  o.max_small = Money::FromEuros(100);
  o.min_out_share_percent = 50;
  return o;
}

TEST(FanInThenOutTest, SmallPaymentsThenOneLargePaymentOnward) {
  Graph g;
  g.Pay(1, 0, 40'00, 1 * kDay).Pay(2, 0, 30'00, 2 * kDay).Pay(3, 0, 30'00, 3 * kDay);
  g.Pay(0, 9, 50'00, 4 * kDay);  // exactly half of the 100 EUR that came in
  auto found = Ok(FindFanInThenOut(g.edges(), A224()));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].fan_in.hub, 0u);
  EXPECT_THAT(found[0].fan_in.counterparties, ElementsAre(1, 2, 3));
  EXPECT_THAT(found[0].fan_in.edge_ids, ElementsAre(0, 1, 2));
  EXPECT_EQ(found[0].fan_in.total, Money::FromEuros(100));
  EXPECT_EQ(found[0].onward.id, 3u);
  EXPECT_EQ(found[0].onward.to, 9u);
  EXPECT_EQ(found[0].onward.amount, Money::FromEuros(50));
}

TEST(FanInThenOutTest, OnwardShareBoundary) {
  Graph g;
  g.Pay(1, 0, 40'00, 1).Pay(2, 0, 30'00, 2).Pay(3, 0, 30'00, 3).Pay(0, 9, 49'99, 4);
  EXPECT_THAT(Ok(FindFanInThenOut(g.edges(), A224())), IsEmpty());
  FanInThenOutOptions o = A224();
  o.min_out_share_percent = 49;
  EXPECT_EQ(Ok(FindFanInThenOut(g.edges(), o)).size(), 1u);
}

TEST(FanInThenOutTest, SenderCountBoundary) {
  Graph g;
  g.Pay(1, 0, 10'00, 1).Pay(2, 0, 10'00, 2).Pay(0, 9, 20'00, 3);
  EXPECT_THAT(Ok(FindFanInThenOut(g.edges(), A224(3))), IsEmpty());
  EXPECT_EQ(Ok(FindFanInThenOut(g.edges(), A224(2))).size(), 1u);
}

TEST(FanInThenOutTest, PayingBackOneOfThePayersIsNotAnotherRecipient) {
  Graph g;
  g.Pay(1, 0, 10'00, 1).Pay(2, 0, 10'00, 2).Pay(3, 0, 10'00, 3).Pay(0, 3, 30'00, 4);
  EXPECT_THAT(Ok(FindFanInThenOut(g.edges(), A224(3))), IsEmpty());
  auto found = Ok(FindFanInThenOut(g.edges(), A224(2)));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].fan_in.counterparties, ElementsAre(1, 2));  // the recipient's own payment left out
  EXPECT_EQ(found[0].fan_in.total, Money::FromEuros(20));
}

TEST(FanInThenOutTest, WindowBeforeTheOnwardPayment) {
  const int64_t window = 10 * kDay;
  Graph at_limit;
  at_limit.Pay(1, 0, 10'00, 100).Pay(2, 0, 10'00, 200).Pay(0, 9, 20'00, 100 + window);
  EXPECT_EQ(Ok(FindFanInThenOut(at_limit.edges(), A224(2, window))).size(), 1u);
  Graph one_over;
  one_over.Pay(1, 0, 10'00, 100).Pay(2, 0, 10'00, 200).Pay(0, 9, 20'00, 101 + window);
  EXPECT_THAT(Ok(FindFanInThenOut(one_over.edges(), A224(2, window))), IsEmpty());
}

TEST(FanInThenOutTest, OnwardPaymentMustNotComeFirst) {
  Graph g;
  g.Pay(0, 9, 20'00, 1).Pay(1, 0, 10'00, 2).Pay(2, 0, 10'00, 3);
  EXPECT_THAT(Ok(FindFanInThenOut(g.edges(), A224(2))), IsEmpty());
  Graph same_day;  // booked on the same day: the order inside it is unknown
  same_day.Pay(0, 9, 20'00, 5 * kDay).Pay(1, 0, 10'00, 5 * kDay).Pay(2, 0, 10'00, 5 * kDay);
  EXPECT_EQ(Ok(FindFanInThenOut(same_day.edges(), A224(2))).size(), 1u);
}

TEST(FanInThenOutTest, SmallConditionOnIncomingPayments) {
  Graph g;
  g.Pay(1, 0, 100'00, 1).Pay(2, 0, 100'01, 2).Pay(3, 0, 10'00, 3).Pay(0, 9, 200'00, 4);
  EXPECT_THAT(Ok(FindFanInThenOut(g.edges(), A224(3))), IsEmpty());  // 100.01 is not small
  FanInThenOutOptions o = A224(3);
  o.max_small.reset();
  auto found = Ok(FindFanInThenOut(g.edges(), o));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].fan_in.total, Money::FromCents(210'01));
}

TEST(FanInThenOutTest, IncomingPaymentsFundOnePatternOnly) {
  Graph g;
  g.Pay(1, 0, 10'00, 1).Pay(2, 0, 10'00, 2).Pay(3, 0, 10'00, 3).Pay(0, 8, 30'00, 4).Pay(0, 9, 30'00, 5);
  auto found = Ok(FindFanInThenOut(g.edges(), A224(3)));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].onward.to, 8u);
}

TEST(FanInThenOutTest, RejectsBadOptions) {
  FanInThenOutOptions o = A224();
  o.min_out_share_percent = -1;
  auto bad = FindFanInThenOut({}, o);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().field, "min_out_share_percent");
}

// ---------------------------------------------------------------------------
// Cycles

CycleOptions Cycles(int max_hops = 6, int64_t window = 30 * kDay, CycleOrder order = CycleOrder::kTimeOrdered,
                    std::optional<int> tolerance = std::nullopt) {
  CycleOptions o;
  o.max_hops = max_hops;
  o.window = window;
  o.order = order;
  o.hop_tolerance_percent = tolerance;
  return o;
}

TEST(CycleTest, TriangleIsReportedOnceWithItsEvidence) {
  Graph g;
  g.Pay(7, 3, 1000'00, 1 * kDay).Pay(3, 5, 990'00, 2 * kDay).Pay(5, 7, 980'00, 3 * kDay);
  auto found = Ok(FindCycles(g.edges(), Cycles()));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].accounts, ElementsAre(7, 3, 5));  // from the first payer, in payment order
  EXPECT_THAT(found[0].edge_ids, ElementsAre(0, 1, 2));
  EXPECT_THAT(found[0].amounts,
              ElementsAre(Money::FromEuros(1000), Money::FromEuros(990), Money::FromEuros(980)));
  EXPECT_EQ(found[0].first_time, 1 * kDay);
  EXPECT_EQ(found[0].last_time, 3 * kDay);
  EXPECT_EQ(found[0].occurrences, 1);
}

TEST(CycleTest, TwoHopsAreTheShortestRingAndSelfTransfersAreNone) {
  Graph g;
  g.Pay(1, 1, 100, 1).Pay(1, 2, 100, 2).Pay(2, 1, 100, 3);
  auto found = Ok(FindCycles(g.edges(), Cycles()));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].accounts, ElementsAre(1, 2));
  EXPECT_THAT(found[0].edge_ids, ElementsAre(1, 2));
}

TEST(CycleTest, TimeOrderViolationBreaksTheRing) {
  Graph g;
  g.Pay(1, 2, 100, 10).Pay(2, 3, 100, 5).Pay(3, 1, 100, 20);
  EXPECT_THAT(Ok(FindCycles(g.edges(), Cycles())), IsEmpty());
  auto any = Ok(FindCycles(g.edges(), Cycles(6, 30 * kDay, CycleOrder::kAnyOrder)));
  ASSERT_EQ(any.size(), 1u);
  EXPECT_THAT(any[0].accounts, ElementsAre(2, 3, 1));  // opened by the earliest transfer
  EXPECT_EQ(any[0].first_time, 5);
  EXPECT_EQ(any[0].last_time, 20);
}

TEST(CycleTest, EqualTimesKeepTheOrderWhateverTheIds) {
  // Same-day bookings: ids say nothing about the order inside the day.
  Graph g;
  g.Pay(9, 9, 100, 0);  // id 0, a self-loop, so that the ring's ids start at 1
  g.Pay(2, 3, 100, kDay).Pay(3, 4, 100, 2 * kDay).Pay(1, 2, 100, kDay);  // 1 -> 2 (id 3) before 2 -> 3 (id 1)
  g.Pay(4, 1, 100, 2 * kDay);
  auto found = Ok(FindCycles(g.edges(), Cycles()));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].occurrences, 1);
  // 2 -> 3 has the smaller id, but only a ring opened by 1 -> 2 is in time order.
  EXPECT_THAT(found[0].accounts, ElementsAre(1, 2, 3, 4));
  EXPECT_THAT(found[0].edge_ids, ElementsAre(3, 1, 2, 4));
  EXPECT_EQ(found[0].first_time, kDay);
  EXPECT_EQ(found[0].last_time, 2 * kDay);
}

TEST(CycleTest, RingAtOneInstantIsReportedOnce) {
  Graph g;
  g.Pay(3, 1, 100, 50).Pay(1, 2, 100, 50).Pay(2, 3, 100, 50);
  auto found = Ok(FindCycles(g.edges(), Cycles()));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].accounts, ElementsAre(3, 1, 2));  // shown from the smallest id
  EXPECT_THAT(found[0].edge_ids, ElementsAre(0, 1, 2));
  EXPECT_EQ(found[0].occurrences, 3);  // at one instant, any of the three can be read as the first
}

TEST(CycleTest, WindowIncludesItsLastSecond) {
  const int64_t window = 5 * kDay;
  for (CycleOrder order : {CycleOrder::kTimeOrdered, CycleOrder::kAnyOrder}) {
    Graph at_limit;
    at_limit.Pay(1, 2, 100, 1000).Pay(2, 3, 100, 2000).Pay(3, 1, 100, 1000 + window);
    EXPECT_EQ(Ok(FindCycles(at_limit.edges(), Cycles(6, window, order))).size(), 1u);
    Graph one_over;
    one_over.Pay(1, 2, 100, 1000).Pay(2, 3, 100, 2000).Pay(3, 1, 100, 1001 + window);
    EXPECT_THAT(Ok(FindCycles(one_over.edges(), Cycles(6, window, order))), IsEmpty());
  }
}

TEST(CycleTest, MaxHopsIsInclusive) {
  Graph g;
  for (uint32_t a = 0; a < 5; ++a) g.Pay(a, (a + 1) % 5, 100, a);  // five hops
  EXPECT_EQ(Ok(FindCycles(g.edges(), Cycles(5))).size(), 1u);
  EXPECT_THAT(Ok(FindCycles(g.edges(), Cycles(4))), IsEmpty());
  EXPECT_THAT(Ok(FindCycles(g.edges(), Cycles(4, 30 * kDay, CycleOrder::kAnyOrder))), IsEmpty());
  Graph two;
  two.Pay(0, 1, 100, 0).Pay(1, 0, 100, 1);
  EXPECT_EQ(Ok(FindCycles(two.edges(), Cycles(2))).size(), 1u);
}

TEST(CycleTest, AmountToleranceBoundaries) {
  auto ring = [](int64_t returning_cents) {
    Graph g;
    g.Pay(1, 2, 1000'00, 1).Pay(2, 3, 1000'00, 2).Pay(3, 1, returning_cents, 3);
    return g;
  };
  const CycleOptions ten = Cycles(6, 30 * kDay, CycleOrder::kTimeOrdered, 10);
  EXPECT_EQ(Ok(FindCycles(ring(900'00).edges(), ten)).size(), 1u);    // exactly 90 %
  EXPECT_THAT(Ok(FindCycles(ring(899'99).edges(), ten)), IsEmpty());  // one cent less
  EXPECT_EQ(Ok(FindCycles(ring(1100'00).edges(), ten)).size(), 1u);   // exactly 110 %
  EXPECT_THAT(Ok(FindCycles(ring(1100'01).edges(), ten)), IsEmpty());
  EXPECT_EQ(Ok(FindCycles(ring(1'00).edges(), Cycles())).size(), 1u);  // no amount condition
  const CycleOptions exact = Cycles(6, 30 * kDay, CycleOrder::kTimeOrdered, 0);
  EXPECT_EQ(Ok(FindCycles(ring(1000'00).edges(), exact)).size(), 1u);
  EXPECT_THAT(Ok(FindCycles(ring(999'99).edges(), exact)), IsEmpty());
}

TEST(CycleTest, AmountConditionPicksTheMatchingParallelTransfer) {
  Graph g;
  g.Pay(1, 2, 500'00, 1).Pay(2, 1, 5'00, 2).Pay(2, 1, 495'00, 3);
  auto found = Ok(FindCycles(g.edges(), Cycles(6, 30 * kDay, CycleOrder::kTimeOrdered, 10)));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].edge_ids, ElementsAre(0, 2));
}

TEST(CycleTest, RepeatedRoundTripsAreOneRingWithOccurrences) {
  Graph g;
  // The same ring three times, opened from different accounts each time;
  // AMLSim also books identical transfers several times.
  g.Pay(1, 2, 100, 1 * kDay).Pay(2, 3, 100, 2 * kDay).Pay(3, 1, 100, 3 * kDay);
  g.Pay(2, 3, 100, 40 * kDay).Pay(3, 1, 100, 41 * kDay).Pay(1, 2, 100, 42 * kDay);
  g.Pay(3, 1, 100, 80 * kDay).Pay(3, 1, 100, 80 * kDay).Pay(1, 2, 100, 81 * kDay).Pay(2, 3, 100, 82 * kDay);
  for (CycleOrder order : {CycleOrder::kTimeOrdered, CycleOrder::kAnyOrder}) {
    auto found = Ok(FindCycles(g.edges(), Cycles(6, 5 * kDay, order)));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_THAT(found[0].accounts, ElementsAre(1, 2, 3));  // the earliest occurrence
    EXPECT_THAT(found[0].edge_ids, ElementsAre(0, 1, 2));
    EXPECT_EQ(found[0].occurrences, 4);  // 1 -> 2 on day 1, 2 -> 3 on day 40, and both 3 -> 1 on day 80
  }
}

TEST(CycleTest, OppositeDirectionsAreDifferentRings) {
  Graph g;
  g.Pay(1, 2, 100, 1).Pay(2, 3, 100, 2).Pay(3, 1, 100, 3);
  g.Pay(1, 3, 100, 4).Pay(3, 2, 100, 5).Pay(2, 1, 100, 6);
  std::vector<std::vector<uint32_t>> rings;
  for (const CyclePattern& c : Ok(FindCycles(g.edges(), Cycles()))) rings.push_back(c.accounts);
  // Both directions of the triangle, and the three two-hop rings that the
  // pairs of opposite transfers make.
  EXPECT_THAT(rings, ElementsAre(ElementsAre(1, 2), ElementsAre(1, 2, 3), ElementsAre(2, 3),
                                 ElementsAre(3, 1), ElementsAre(1, 3, 2)));
}

TEST(CycleTest, OnlySimpleRings) {
  // 1 -> 2 -> 1 -> 3 -> 1 passes account 1 twice: two rings, not one of four hops.
  Graph g;
  g.Pay(1, 2, 100, 1).Pay(2, 1, 100, 2).Pay(1, 3, 100, 3).Pay(3, 1, 100, 4);
  auto found = Ok(FindCycles(g.edges(), Cycles()));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_THAT(found[0].accounts, ElementsAre(1, 2));
  EXPECT_THAT(found[1].accounts, ElementsAre(1, 3));
}

TEST(CycleTest, RingFoundFromAnyStartIsReportedOnce) {
  // In any order, each of the three transfers could start the search; the
  // ring is still one pattern with one occurrence.
  Graph g;
  g.Pay(2, 3, 100, 30).Pay(1, 2, 100, 10).Pay(3, 1, 100, 20);
  auto found = Ok(FindCycles(g.edges(), Cycles(6, 30 * kDay, CycleOrder::kAnyOrder)));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].occurrences, 1);
  EXPECT_THAT(found[0].accounts, ElementsAre(1, 2, 3));
}

// The definition FindCycles implements, by brute force: every sequence of
// transfers that forms a simple ring, accepted when some rotation of it
// starts at a transfer that can be its first (see the header).
bool TripIsValid(const std::vector<GraphEdge>& trip, const CycleOptions& o) {
  const GraphEdge& first = trip[0];
  for (size_t k = 0; k < trip.size(); ++k) {
    const GraphEdge& e = trip[k];
    if (e.time < first.time || e.time > first.time + o.window) return false;
    if (o.order == CycleOrder::kTimeOrdered && k > 0 && e.time < trip[k - 1].time) return false;
    if (o.order == CycleOrder::kAnyOrder && k > 0 && !(e.time > first.time || e.id > first.id)) return false;
    if (o.hop_tolerance_percent && std::llabs(e.amount.cents() - first.amount.cents()) * 100 >
                                       first.amount.cents() * *o.hop_tolerance_percent) {
      return false;
    }
  }
  return true;
}

std::vector<uint32_t> RingKey(std::vector<uint32_t> accounts) {
  std::rotate(accounts.begin(), std::min_element(accounts.begin(), accounts.end()), accounts.end());
  return accounts;
}

std::set<std::vector<uint32_t>> RingsByBruteForce(const std::vector<GraphEdge>& edges,
                                                  const CycleOptions& o) {
  std::set<std::vector<uint32_t>> rings;
  std::vector<GraphEdge> trip;
  auto walk = [&](auto& self, uint32_t at) -> void {
    for (const GraphEdge& e : edges) {
      if (e.from != at || e.from == e.to) continue;
      bool revisits = false;
      for (const GraphEdge& t : trip) revisits |= t.from == e.to;
      if (revisits && e.to != trip[0].from) continue;
      trip.push_back(e);
      if (e.to == trip[0].from) {
        if (TripIsValid(trip, o)) {
          std::vector<uint32_t> accounts;
          for (const GraphEdge& t : trip) accounts.push_back(t.from);
          rings.insert(RingKey(accounts));
        }
      } else if (trip.size() < static_cast<size_t>(o.max_hops)) {
        self(self, e.to);
      }
      trip.pop_back();
    }
  };
  for (const GraphEdge& e : edges) {  // every transfer as the first, so every rotation is tried
    if (e.from == e.to) continue;
    trip.assign(1, e);
    walk(walk, e.to);
  }
  return rings;
}

TEST(CycleTest, AgreesWithBruteForceOnRandomGraphs) {
  Rng rng{2030};
  int rings_seen = 0;
  for (int round = 0; round < 400; ++round) {
    Graph g;
    const int accounts = 3 + static_cast<int>(rng.Below(4));
    const int transfers = 4 + static_cast<int>(rng.Below(12));
    const int64_t amounts[] = {100'00, 95'00, 105'00, 110'00, 89'00, 50'00};
    for (int i = 0; i < transfers; ++i) {
      g.Pay(static_cast<uint32_t>(rng.Below(accounts)), static_cast<uint32_t>(rng.Below(accounts)),
            amounts[rng.Below(6)], rng.Below(5) * kDay);
    }
    std::optional<int> tolerances[] = {std::nullopt, 0, 10};
    CycleOptions o =
        Cycles(2 + static_cast<int>(rng.Below(4)), rng.Below(4) * kDay,
               rng.Below(2) ? CycleOrder::kTimeOrdered : CycleOrder::kAnyOrder, tolerances[rng.Below(3)]);
    std::vector<CyclePattern> found = Ok(FindCycles(g.edges(), o));
    std::set<std::vector<uint32_t>> rings;
    for (const CyclePattern& c : found) {
      EXPECT_TRUE(rings.insert(RingKey(c.accounts)).second) << "ring reported twice in round " << round;
      // The evidence is itself a valid trip, shown from its first transfer.
      std::vector<GraphEdge> trip;
      for (uint32_t id : c.edge_ids) trip.push_back(g.edges()[id]);
      EXPECT_TRUE(TripIsValid(trip, o)) << "round " << round;
      for (size_t k = 0; k < trip.size(); ++k) {
        EXPECT_EQ(trip[k].from, c.accounts[k]);
        EXPECT_EQ(trip[k].to, c.accounts[(k + 1) % c.accounts.size()]);
        EXPECT_EQ(trip[k].amount, c.amounts[k]);
      }
      EXPECT_EQ(c.first_time, trip[0].time);
      EXPECT_GE(c.occurrences, 1);
    }
    EXPECT_EQ(rings, RingsByBruteForce(g.edges(), o)) << "round " << round;
    rings_seen += static_cast<int>(rings.size());
  }
  EXPECT_GT(rings_seen, 100);  // the random graphs do contain rings
}

TEST(FanInTest, AgreesWithBruteForceOnRandomGraphs) {
  Rng rng{24};
  for (int round = 0; round < 300; ++round) {
    Graph g;
    const int transfers = 1 + static_cast<int>(rng.Below(20));
    for (int i = 0; i < transfers; ++i) {
      g.Pay(static_cast<uint32_t>(rng.Below(6)), static_cast<uint32_t>(rng.Below(6)), 100,
            rng.Below(10) * kDay);
    }
    FanInOptions o = FanIn(1 + static_cast<int>(rng.Below(4)), rng.Below(5) * kDay);
    std::set<uint32_t> hubs;
    for (const FanPattern& f : Ok(FindFanIns(g.edges(), o))) {
      hubs.insert(f.hub);
      EXPECT_GE(f.counterparties.size(), static_cast<size_t>(o.min_senders));
      EXPECT_LE(f.last_time - f.first_time, o.window);
    }
    // A hub is an account with some window [t, t + window] holding enough payers.
    std::set<uint32_t> expected;
    for (const GraphEdge& start : g.edges()) {
      std::set<uint32_t> payers;
      for (const GraphEdge& e : g.edges()) {
        if (e.to == start.to && e.from != e.to && e.time >= start.time && e.time <= start.time + o.window) {
          payers.insert(e.from);
        }
      }
      if (payers.size() >= static_cast<size_t>(o.min_senders)) expected.insert(start.to);
    }
    EXPECT_EQ(hubs, expected) << "round " << round;
  }
}

TEST(CycleTest, RejectsBadOptions) {
  EXPECT_EQ(FindCycles({}, Cycles(1)).error().field, "max_hops");
  EXPECT_EQ(FindCycles({}, Cycles(33)).error().field, "max_hops");
  EXPECT_EQ(FindCycles({}, Cycles(6, -1)).error().field, "window");
  EXPECT_EQ(FindCycles({}, Cycles(6, kDay, CycleOrder::kTimeOrdered, -1)).error().field,
            "hop_tolerance_percent");
}

// ---------------------------------------------------------------------------
// Golden-style: patterns planted in a random background, AMLSim-like (the
// background pays 100-600 EUR, the planted patterns small amounts), built in
// memory so that the test reads nothing from disk.

TEST(GraphGoldenTest, PlantedPatternsInRandomBackground) {
  constexpr uint32_t kAccounts = 2000;
  Graph g;
  Rng rng{135};
  for (int i = 0; i < 12000; ++i) {  // six payments per account over 90 days
    auto from = static_cast<uint32_t>(rng.Below(kAccounts));
    auto to = static_cast<uint32_t>(rng.Below(kAccounts));
    g.Pay(from, to, 100'00 + rng.Below(500'00), rng.Below(90) * kDay);
  }
  // Ten rings of three to five accounts, time-ordered within a week, fixed amounts.
  std::set<std::vector<uint32_t>> rings;
  std::set<uint32_t> ring_accounts, fan_hubs, fan_payers;
  uint32_t next = kAccounts;  // planted patterns use fresh accounts
  for (int r = 0; r < 10; ++r) {
    const int hops = 3 + r % 3;
    const int64_t start = rng.Below(80) * kDay;
    const int64_t cents = 10'00 + rng.Below(10'00);
    std::vector<uint32_t> ring;
    for (int h = 0; h < hops; ++h) ring.push_back(next++);
    for (int h = 0; h < hops; ++h) {
      g.Pay(ring[h], ring[(h + 1) % hops], cents, start + h * kDay);
      ring_accounts.insert(ring[h]);
    }
    // A ring member also takes part in the background.
    g.Pay(ring[0], static_cast<uint32_t>(rng.Below(kAccounts)), 250'00, start);
    rings.insert(ring);
  }
  // Ten fan-ins: four payers of a few euro each within two weeks, then one
  // payment onward of most of it.
  for (int f = 0; f < 10; ++f) {
    const uint32_t hub = next++;
    const int64_t start = rng.Below(70) * kDay;
    fan_hubs.insert(hub);
    int64_t total = 0;
    for (int p = 0; p < 4; ++p) {
      const uint32_t payer = next++;
      const int64_t cents = 2'00 + rng.Below(3'00);
      g.Pay(payer, hub, cents, start + p * 3 * kDay);
      fan_payers.insert(payer);
      total += cents;
    }
    g.Pay(hub, static_cast<uint32_t>(rng.Below(kAccounts)), total * 9 / 10, start + 13 * kDay);
  }

  // Cycles with a tight amount condition: exactly the planted rings. (At
  // 10 % one pair of background transfers also happens to make a ring.)
  CycleOptions cycles = Cycles(6, 7 * kDay, CycleOrder::kTimeOrdered, 1);
  std::vector<CyclePattern> found = Ok(FindCycles(g.edges(), cycles));
  std::set<std::vector<uint32_t>> found_rings;
  for (const CyclePattern& c : found) {
    std::vector<uint32_t> ring = c.accounts;
    std::rotate(ring.begin(), std::min_element(ring.begin(), ring.end()), ring.end());
    found_rings.insert(ring);
    EXPECT_EQ(c.occurrences, 1);
  }
  EXPECT_EQ(found_rings, rings);
  // Without it, the background adds rings but every planted one is still found.
  cycles.hop_tolerance_percent.reset();
  std::set<std::vector<uint32_t>> all_rings;
  for (const CyclePattern& c : Ok(FindCycles(g.edges(), cycles))) {
    std::vector<uint32_t> ring = c.accounts;
    std::rotate(ring.begin(), std::min_element(ring.begin(), ring.end()), ring.end());
    all_rings.insert(ring);
  }
  EXPECT_TRUE(std::includes(all_rings.begin(), all_rings.end(), rings.begin(), rings.end()));
  EXPECT_GT(all_rings.size(), rings.size());

  // Fan-in with "small" below the background's smallest payment: exactly the planted hubs.
  FanInOptions fan_in = FanIn(4, 14 * kDay);
  fan_in.max_small = Money::FromCents(99'99);
  std::set<uint32_t> hubs, payers;
  for (const FanPattern& f : Ok(FindFanIns(g.edges(), fan_in))) {
    hubs.insert(f.hub);
    payers.insert(f.counterparties.begin(), f.counterparties.end());
  }
  EXPECT_EQ(hubs, fan_hubs);
  EXPECT_EQ(payers, fan_payers);

  // A2.24 with the same "small": the planted hubs, each with its onward payment.
  FanInThenOutOptions a224 = A224(4, 14 * kDay);
  a224.max_small = Money::FromCents(99'99);
  hubs.clear();
  for (const FanInThenOutPattern& f : Ok(FindFanInThenOut(g.edges(), a224))) {
    hubs.insert(f.fan_in.hub);
    EXPECT_EQ(f.fan_in.counterparties.size(), 4u);
    EXPECT_EQ(f.onward.time - f.fan_in.first_time, 13 * kDay);
  }
  EXPECT_EQ(hubs, fan_hubs);
}

}  // namespace
}  // namespace sargs#include "base/split_mix.h"

