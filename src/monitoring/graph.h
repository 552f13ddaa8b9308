// Graph detectors of the transaction-monitoring engine: fan-in, fan-out and
// cycles over a list of directed, timed, valued transfers between accounts.
//
// They implement the generic shapes behind two factors of FCMC regulation
// No. 135, annex 2:
//   A2.24 "many small incoming payments from several payers, then one large
//         outgoing payment to another recipient"  -> FindFanInThenOut
//   A2.30 "funds move in a circle, starting and ending in the same client's
//         accounts"                                 -> FindCycles
// plus the plain FindFanIns / FindFanOuts that rules build on.
//
// The detectors know nothing about clients, currencies or the clock: the
// caller numbers the accounts (or clients) densely, converts amounts to
// euro, and chooses the epoch of `time`. Every function is a pure function
// of its inputs, so the same call gives the same patterns, in the same
// order, on every machine. To look for A2.30 on clients rather than accounts,
// pass client numbers as `from`/`to`: a transfer between one client's own
// accounts then becomes a self-loop, and self-loops are ignored everywhere.
//
// Every pattern names its accounts, the ids of the transfers involved, the
// first and last time and the amounts, so that an alert can explain itself.
//
// Thread safety: the functions share no state; call them from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "base/money.h"
#include "base/result.h"

namespace sargs {

inline constexpr int64_t kSecondsPerDay = 86'400;

// One transfer between two accounts.
struct GraphEdge {
  // Accounts are numbered densely from 0 by the caller: the detectors keep
  // a few bytes per number up to the largest one. REQUIRES: < 2^32 - 1.
  uint32_t from = 0;  // paying account
  uint32_t to = 0;    // receiving account
  Money amount;       // EUR equivalent; REQUIRES: not negative
  int64_t time = 0;   // seconds since an epoch of the caller's choice
  uint32_t id = 0;    // the caller's number for the transfer, echoed in patterns
};

// ---------------------------------------------------------------------------
// Fan-in and fan-out

struct FanInOptions {
  // Distinct payers (other than the account itself) within one window.
  // Default: 5. The plain fan-in has no other condition, so it needs a
  // count that an individual's ordinary month (salary, a refund, a few
  // family transfers) rarely reaches. REQUIRES: >= 1.
  int min_senders = 5;
  // Length of the window, in seconds; a payment exactly `window` after the
  // first one is still inside. Default: 30 days, the period over which the
  // methodology already looks at turnover. REQUIRES: >= 0.
  int64_t window = 30 * kSecondsPerDay;
  // When set, only incoming payments of at most this amount count. Default:
  // none; the plain detector is about the number of payers, and rules add
  // amount conditions where their factor names one.
  std::optional<Money> max_small;
};

struct FanOutOptions {
  // Distinct receivers (other than the account itself) within one window.
  // Default: 5, mirroring FanInOptions::min_senders. REQUIRES: >= 1.
  int min_receivers = 5;
  // As FanInOptions::window. Default: 30 days.
  int64_t window = 30 * kSecondsPerDay;
  // When set, only outgoing payments of at most this amount count (a
  // collection account spreading money in small parts). Default: none.
  std::optional<Money> max_small;
};

// A fan (in or out) around one account: the payments of one window.
struct FanPattern {
  uint32_t hub = 0;                      // the account receiving (fan-in) or paying (fan-out)
  std::vector<uint32_t> counterparties;  // the distinct payers / receivers, ascending
  std::vector<uint32_t> edge_ids;        // the payments counted, in time order
  int64_t first_time = 0;                // of the first and last payment counted
  int64_t last_time = 0;
  Money total;  // sum of the payments counted
};

// Every account that receives from at least `min_senders` distinct payers
// within `window`. An account's payments are scanned in time order and cut
// into episodes that share no payment: once a window qualifies, it is
// reported with every payment inside it and the scan resumes after it. So a
// steady stream of payers gives one pattern per window's worth of payments,
// not one per payment. Ordered by hub, then time.
// O(E log E) time for the sort, O(E + n) memory.
Result<std::vector<FanPattern>> FindFanIns(std::span<const GraphEdge> edges, const FanInOptions& options);

// The mirror image: accounts paying at least `min_receivers` distinct
// receivers within `window`. Same episodes, order and cost as FindFanIns.
Result<std::vector<FanPattern>> FindFanOuts(std::span<const GraphEdge> edges, const FanOutOptions& options);

// A2.24: several payers pay an account, then the account sends most of it on.
struct FanInThenOutOptions {
  // Distinct payers within `window` before the outgoing payment, not
  // counting its recipient. Default: 3, the least number that reads as
  // "several"; the other two conditions already narrow the pattern.
  // REQUIRES: >= 1.
  int min_senders = 3;
  // The incoming payments counted are those at most `window` seconds
  // before the outgoing one (same time included: with daily booking dates
  // the order inside a day is unknown). Default: 30 days.
  int64_t window = 30 * kSecondsPerDay;
  // When set, only incoming payments of at most this amount count, the
  // "small" of A2.24. Default: 1 000 EUR, a round figure that keeps
  // consumer-sized payments and leaves out business-sized ones; the
  // methodology is expected to set its own.
  std::optional<Money> max_small = Money::FromEuros(1'000);
  // The outgoing payment must be at least this percentage of the incoming
  // payments counted: "one large payment" is large relative to what came
  // in, not in absolute terms; half leaves room for fees and what the
  // collector keeps. Default: 50. REQUIRES: >= 0 (above 100 asks for more
  // to go out than came in).
  int min_out_share_percent = 50;
};

struct FanInThenOutPattern {
  FanPattern fan_in;  // the incoming payments counted
  GraphEdge onward;   // the outgoing payment that completed the pattern
};

// Every outgoing payment (hub -> recipient) preceded within `window` by
// small incoming payments from at least `min_senders` distinct payers other
// than the recipient, whose total it carries at least `min_out_share_percent`
// of. Incoming payments are not shared between patterns: after a pattern the
// hub's scan resumes after the last incoming payment it counted. Ordered by
// hub, then time. O(E log E) time, O(E + n) memory.
Result<std::vector<FanInThenOutPattern>> FindFanInThenOut(std::span<const GraphEdge> edges,
                                                          const FanInThenOutOptions& options);

// ---------------------------------------------------------------------------
// Cycles

enum class CycleOrder {
  // Each transfer is no earlier than the one before it, so the same money
  // could have travelled the whole ring. What A2.30 describes.
  kTimeOrdered,
  // Only the window matters. For rings whose members pay on their own
  // schedules (synthetic data sets such as AMLSim generate them this way);
  // it finds more and costs more.
  kAnyOrder,
};

struct CycleOptions {
  // Longest ring, in transfers; the shortest is 2 (A -> B -> A). Default:
  // 6. Layering through a client's own accounts and a handful of companies
  // rarely needs more hops, and the search grows with the branching factor
  // to this power. REQUIRES: 2..32.
  int max_hops = 6;
  // All transfers of a ring lie within this many seconds of its first one
  // (exactly `window` later is inside). Default: 30 days, the monitoring
  // period of the other rules: a slower round trip is hard to tell from
  // ordinary two-way business, and the window bounds the search.
  // REQUIRES: >= 0.
  int64_t window = 30 * kSecondsPerDay;
  // Default: kTimeOrdered, see CycleOrder.
  CycleOrder order = CycleOrder::kTimeOrdered;
  // When set, every transfer of the ring carries the first one's amount
  // within this many percent either way (so the money that comes back is at
  // least 100 - tolerance percent of what left). Default: 10: a round trip
  // pays fees and may keep a cut, but an unrelated payment that happens to
  // close a loop seldom matches in amount. Unset means no amount condition.
  // REQUIRES: >= 0.
  std::optional<int> hop_tolerance_percent = 10;
};

// One ring of accounts, with the transfers of its earliest occurrence.
struct CyclePattern {
  // In payment order, starting with the account that paid first:
  // accounts[i] paid accounts[i + 1], and the last one paid accounts[0].
  std::vector<uint32_t> accounts;
  std::vector<uint32_t> edge_ids;  // edge_ids[i]: the transfer accounts[i] -> accounts[i + 1]
  std::vector<Money> amounts;      // amounts[i]: its amount
  int64_t first_time = 0;          // earliest and latest transfer of the ring
  int64_t last_time = 0;
  // How many transfers started a trip round this same ring (the same
  // accounts in the same circular order) within a window. A ring is
  // reported once, however often and from whichever of its accounts the
  // money went round; this says roughly how often (identical transfers
  // booked together each count).
  int occurrences = 0;
};

// Simple rings (no account twice) of 2..max_hops transfers within `window`.
//
// How: each transfer in turn is tried as the first transfer of a ring; a
// depth-first search extends the path with transfers inside the window
// (kTimeOrdered: none earlier than the previous one; kAnyOrder: none
// before the first in (time, id) order), skipping accounts already on the
// path (the visited set), until it returns to the start. A trip round a
// ring thus has one first transfer: for kTimeOrdered the one where the
// time order begins (with every transfer at the same time, each of them
// can be read as the first), for kAnyOrder the earliest by (time, id). So
// a ring is not found once per account, and trips of the same ring are
// merged into one pattern, keyed by the ring rotated to start at its
// smallest account. Of several transfers from one account to the same next
// account only the earliest that passes the amount condition is followed:
// any ring a later one closes, the earliest closes too. Before searching
// from an account, the accounts that pay it, and those that pay them, are
// marked, so that the last two levels of the search, the widest, only
// enter accounts that can still get back.
//
// Cost: O(E log E) to sort, plus O(E * b^(K-1)) for the searches, where K is
// max_hops and b is the number of distinct accounts an account pays inside
// one window after a given transfer, plus the sum over accounts of
// in-degree times out-degree for the marks. The time order, the window,
// the amount condition and the marks keep the searches small in practice
// (docs/monitoring_amlsim.md has timings). O(E + n) memory besides the
// patterns. Ordered by first transfer time, then accounts.
Result<std::vector<CyclePattern>> FindCycles(std::span<const GraphEdge> edges, const CycleOptions& options);

}  // namespace sargs
