#include "monitoring/graph.h"

#include <algorithm>
#include <limits>
#include <map>
#include <string>
#include <tuple>
#include <utility>

namespace sargs {
namespace {

// Accounts are dense numbers, so per-account state lives in plain vectors
// indexed by account: no hashing in the inner loops.
Result<uint32_t> CountAccounts(std::span<const GraphEdge> edges) {
  if (edges.size() >= std::numeric_limits<uint32_t>::max()) return Fail("too many transfers for one graph");
  uint32_t accounts = 0;
  for (const GraphEdge& e : edges) {
    if (e.amount < Money()) {
      return tl::unexpected(
          FieldError("amount", "transfer " + std::to_string(e.id) + " has a negative amount"));
    }
    if (std::max(e.from, e.to) == std::numeric_limits<uint32_t>::max()) {
      return tl::unexpected(
          FieldError("account", "transfer " + std::to_string(e.id) + " names account 2^32 - 1"));
    }
    accounts = std::max({accounts, e.from + 1, e.to + 1});
  }
  return accounts;
}

bool EarlierThan(const GraphEdge& a, const GraphEdge& b) {
  return a.time != b.time ? a.time < b.time : a.id < b.id;
}

enum class End { kPayer, kReceiver };

// Transfers grouped by one of their ends (compressed rows): the transfers of
// account a are positions in `edges`, items[start[a]] .. items[start[a + 1]],
// in (time, id) order. Self-loops never move money between two parties and
// are left out, as are transfers `keep` rejects.
struct Grouped {
  std::vector<uint32_t> start;
  std::vector<uint32_t> items;
  std::span<const uint32_t> Of(uint32_t account) const {
    return std::span<const uint32_t>(items).subspan(start[account], start[account + 1] - start[account]);
  }
};

template <typename Keep>
Grouped GroupBy(std::span<const GraphEdge> edges, uint32_t accounts, End end, Keep keep) {
  auto key = [end](const GraphEdge& e) { return end == End::kPayer ? e.from : e.to; };
  Grouped g;
  g.start.assign(accounts + 1, 0);
  for (const GraphEdge& e : edges) {
    if (e.from != e.to && keep(e)) ++g.start[key(e) + 1];
  }
  for (uint32_t a = 0; a < accounts; ++a) g.start[a + 1] += g.start[a];
  g.items.resize(g.start[accounts]);
  std::vector<uint32_t> fill(g.start.begin(), g.start.end() - 1);
  for (uint32_t i = 0; i < edges.size(); ++i) {
    const GraphEdge& e = edges[i];
    if (e.from != e.to && keep(e)) g.items[fill[key(e)]++] = i;
  }
  for (uint32_t a = 0; a < accounts; ++a) {
    std::sort(g.items.begin() + g.start[a], g.items.begin() + g.start[a + 1],
              [&](uint32_t x, uint32_t y) { return EarlierThan(edges[x], edges[y]); });
  }
  return g;
}

bool CountsAsSmall(const GraphEdge& e, const std::optional<Money>& max_small) {
  return !max_small || e.amount <= *max_small;
}

// The counterparties and totals of a run of one hub's transfers, optionally
// leaving out one counterparty (the recipient of an A2.24 onward payment).
FanPattern MakeFan(std::span<const GraphEdge> edges, uint32_t hub, std::span<const uint32_t> run, End hub_end,
                   std::optional<uint32_t> left_out = std::nullopt) {
  FanPattern p;
  p.hub = hub;
  for (uint32_t pos : run) {
    const GraphEdge& e = edges[pos];
    uint32_t other = hub_end == End::kReceiver ? e.from : e.to;
    if (left_out && other == *left_out) continue;
    if (p.edge_ids.empty()) p.first_time = e.time;
    p.last_time = e.time;
    p.edge_ids.push_back(e.id);
    p.counterparties.push_back(other);
    p.total += e.amount;
  }
  std::sort(p.counterparties.begin(), p.counterparties.end());
  p.counterparties.erase(std::unique(p.counterparties.begin(), p.counterparties.end()),
                         p.counterparties.end());
  return p;
}

// Distinct counterparties in a sliding run of transfers: a count per
// account, so that adding or removing a transfer is O(1).
class CounterpartyTally {
 public:
  explicit CounterpartyTally(uint32_t accounts) : count_(accounts, 0), sum_(accounts) {}
  void Add(uint32_t account, Money amount) {
    if (count_[account]++ == 0) ++distinct_;
    sum_[account] += amount;
    total_ += amount;
  }
  void Remove(uint32_t account, Money amount) {
    if (--count_[account] == 0) --distinct_;
    sum_[account] -= amount;
    total_ -= amount;
  }
  int distinct() const { return distinct_; }
  Money total() const { return total_; }
  bool Has(uint32_t account) const { return count_[account] > 0; }
  Money SumOf(uint32_t account) const { return sum_[account]; }

 private:
  std::vector<uint32_t> count_;
  std::vector<Money> sum_;
  int distinct_ = 0;
  Money total_;
};

// Fan-in and fan-out are one scan over each hub's transfers, differing only
// in which end is the hub.
std::vector<FanPattern> ScanFans(std::span<const GraphEdge> edges, uint32_t accounts, End hub_end,
                                 int min_counterparties, int64_t window,
                                 const std::optional<Money>& max_small) {
  Grouped by_hub =
      GroupBy(edges, accounts, hub_end, [&](const GraphEdge& e) { return CountsAsSmall(e, max_small); });
  auto other = [hub_end](const GraphEdge& e) { return hub_end == End::kReceiver ? e.from : e.to; };
  CounterpartyTally tally(accounts);
  std::vector<FanPattern> out;
  for (uint32_t hub = 0; hub < accounts; ++hub) {
    std::span<const uint32_t> list = by_hub.Of(hub);
    size_t i = 0, j = 0;
    while (i < list.size()) {
      const int64_t end = edges[list[i]].time + window;
      for (; j < list.size() && edges[list[j]].time <= end; ++j) {
        tally.Add(other(edges[list[j]]), edges[list[j]].amount);
      }
      if (tally.distinct() >= min_counterparties) {
        out.push_back(MakeFan(edges, hub, list.subspan(i, j - i), hub_end));
        for (; i < j; ++i) tally.Remove(other(edges[list[i]]), edges[list[i]].amount);
        continue;
      }
      tally.Remove(other(edges[list[i]]), edges[list[i]].amount);
      ++i;
    }
    // The run is empty again here (i == j), so the tally is all zeros for the next hub.
  }
  return out;
}

Result<void> CheckWindow(int64_t window) {
  if (window < 0) return tl::unexpected(FieldError("window", "must not be negative"));
  return {};
}

}  // namespace

Result<std::vector<FanPattern>> FindFanIns(std::span<const GraphEdge> edges, const FanInOptions& options) {
  if (options.min_senders < 1) return tl::unexpected(FieldError("min_senders", "must be at least 1"));
  TRY_VOID(CheckWindow(options.window));
  uint32_t accounts = TRY(CountAccounts(edges));
  return ScanFans(edges, accounts, End::kReceiver, options.min_senders, options.window, options.max_small);
}

Result<std::vector<FanPattern>> FindFanOuts(std::span<const GraphEdge> edges, const FanOutOptions& options) {
  if (options.min_receivers < 1) return tl::unexpected(FieldError("min_receivers", "must be at least 1"));
  TRY_VOID(CheckWindow(options.window));
  uint32_t accounts = TRY(CountAccounts(edges));
  return ScanFans(edges, accounts, End::kPayer, options.min_receivers, options.window, options.max_small);
}

Result<std::vector<FanInThenOutPattern>> FindFanInThenOut(std::span<const GraphEdge> edges,
                                                          const FanInThenOutOptions& options) {
  if (options.min_senders < 1) return tl::unexpected(FieldError("min_senders", "must be at least 1"));
  if (options.min_out_share_percent < 0) {
    return tl::unexpected(FieldError("min_out_share_percent", "must not be negative"));
  }
  TRY_VOID(CheckWindow(options.window));
  uint32_t accounts = TRY(CountAccounts(edges));
  Grouped incoming = GroupBy(edges, accounts, End::kReceiver,
                             [&](const GraphEdge& e) { return CountsAsSmall(e, options.max_small); });
  Grouped outgoing = GroupBy(edges, accounts, End::kPayer, [](const GraphEdge&) { return true; });
  CounterpartyTally tally(accounts);
  std::vector<FanInThenOutPattern> out;
  for (uint32_t hub = 0; hub < accounts; ++hub) {
    std::span<const uint32_t> in = incoming.Of(hub);
    if (in.empty()) continue;
    size_t lo = 0, hi = 0;  // the incoming payments in the window before the current outgoing one
    for (uint32_t pos : outgoing.Of(hub)) {
      const GraphEdge& onward = edges[pos];
      for (; hi < in.size() && edges[in[hi]].time <= onward.time; ++hi) {
        tally.Add(edges[in[hi]].from, edges[in[hi]].amount);
      }
      for (; lo < hi && edges[in[lo]].time < onward.time - options.window; ++lo) {
        tally.Remove(edges[in[lo]].from, edges[in[lo]].amount);
      }
      // Money the recipient itself paid in does not make a fan-in to "another recipient".
      const int senders = tally.distinct() - (tally.Has(onward.to) ? 1 : 0);
      const Money total = tally.total() - tally.SumOf(onward.to);
      if (senders < options.min_senders) continue;
      if (static_cast<__int128>(onward.amount.cents()) * 100 <
          static_cast<__int128>(total.cents()) * options.min_out_share_percent) {
        continue;
      }
      out.push_back(FanInThenOutPattern{
          MakeFan(edges, hub, in.subspan(lo, hi - lo), End::kReceiver, onward.to), onward});
      for (; lo < hi; ++lo) tally.Remove(edges[in[lo]].from, edges[in[lo]].amount);
    }
    for (; lo < hi; ++lo) tally.Remove(edges[in[lo]].from, edges[in[lo]].amount);
  }
  return out;
}

namespace {

// One search per candidate first transfer; see FindCycles in the header.
class CycleSearch {
 public:
  CycleSearch(std::span<const GraphEdge> edges, uint32_t accounts, const CycleOptions& options)
      : edges_(edges),
        options_(options),
        accounts_(accounts),
        outgoing_(GroupBy(edges, accounts, End::kPayer, [](const GraphEdge&) { return true; })),
        incoming_(GroupBy(edges, accounts, End::kReceiver, [](const GraphEdge&) { return true; })),
        on_path_(accounts, 0),
        one_hop_(accounts, 0),
        two_hops_(accounts, 0),
        candidates_(static_cast<size_t>(options.max_hops)) {}

  std::vector<CyclePattern> Run() {
    for (uint32_t start = 0; start < accounts_; ++start) {
      if (outgoing_.Of(start).empty() || incoming_.Of(start).empty()) continue;
      MarkAccountsNear(start);
      for (uint32_t pos : outgoing_.Of(start)) {
        const GraphEdge& first = edges_[pos];
        first_ = &first;
        deadline_ = first.time + options_.window;
        if (!CanStillClose(first.to, 1)) continue;
        path_.assign(1, pos);
        on_path_[first.from] = on_path_[first.to] = 1;
        Extend(first.to, first.time);
        on_path_[first.from] = on_path_[first.to] = 0;
      }
    }
    std::vector<CyclePattern> out = std::move(found_);
    std::sort(out.begin(), out.end(), [](const CyclePattern& a, const CyclePattern& b) {
      return std::tie(a.first_time, a.accounts) < std::tie(b.first_time, b.accounts);
    });
    return out;
  }

 private:
  bool AmountFits(const GraphEdge& e) const {
    if (!options_.hop_tolerance_percent) return true;
    __int128 deviation = static_cast<__int128>(e.amount.cents()) - first_->amount.cents();
    if (deviation < 0) deviation = -deviation;
    return deviation * 100 <= static_cast<__int128>(first_->amount.cents()) * *options_.hop_tolerance_percent;
  }

  // Marks the accounts that pay `start` directly, and those that pay one of
  // them, ignoring time and amounts. The deepest levels of the search are
  // the widest; these marks cut the last two of them to the accounts that
  // can still get back to `start`, for the price of a look at its payers'
  // payers.
  void MarkAccountsNear(uint32_t start) {
    ++stamp_;
    for (uint32_t pos : incoming_.Of(start)) {
      const uint32_t payer = edges_[pos].from;
      if (one_hop_[payer] == stamp_) continue;
      one_hop_[payer] = two_hops_[payer] = stamp_;
      if (options_.max_hops < 3) continue;  // two hops back matter only for rings of three or more
      for (uint32_t before : incoming_.Of(payer)) two_hops_[edges_[before].from] = stamp_;
    }
  }

  // Whether a path whose `transfers`-th transfer reached `account` may still
  // return to the start within max_hops.
  bool CanStillClose(uint32_t account, size_t transfers) const {
    const size_t left = static_cast<size_t>(options_.max_hops) - transfers;
    if (account == first_->from) return true;
    if (left == 0) return false;
    if (left == 1) return one_hop_[account] == stamp_;
    if (left == 2) return two_hops_[account] == stamp_;
    return true;
  }

  // Extends the path (whose last transfer, at `last_time`, reached `account`).
  void Extend(uint32_t account, int64_t last_time) {
    const bool ordered = options_.order == CycleOrder::kTimeOrdered;
    const size_t depth = path_.size();  // transfers on the path so far
    std::span<const uint32_t> list = outgoing_.Of(account);
    const int64_t from_time = ordered ? last_time : first_->time;
    auto it = std::partition_point(list.begin(), list.end(),
                                   [&](uint32_t pos) { return edges_[pos].time < from_time; });
    // The earliest usable transfer to each next account (see the header for
    // why the earliest is enough). Buffers are per depth, reused across calls.
    std::vector<std::pair<uint32_t, uint32_t>>& next = candidates_[depth];
    next.clear();
    for (; it != list.end(); ++it) {
      const GraphEdge& e = edges_[*it];
      if (e.time > deadline_) break;
      if (!ordered && !EarlierThan(*first_, e)) continue;
      if (!AmountFits(e)) continue;
      // Only the start can close the ring; other accounts on the path are dead ends.
      if (e.to != first_->from && (on_path_[e.to] || !CanStillClose(e.to, depth + 1))) continue;
      next.emplace_back(e.to, *it);
    }
    // Stable: for each next account the earliest transfer stays first.
    std::stable_sort(next.begin(), next.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    next.erase(std::unique(next.begin(), next.end(),
                           [](const auto& a, const auto& b) { return a.first == b.first; }),
               next.end());
    // The recursion below fills only deeper buffers, so `next` stays valid.
    for (const auto& [to, pos] : next) {
      path_.push_back(pos);
      if (to == first_->from) {
        Close();
      } else {
        on_path_[to] = 1;
        Extend(to, edges_[pos].time);
        on_path_[to] = 0;
      }
      path_.pop_back();
    }
  }

  void Close() {
    int64_t last_time = first_->time;
    for (uint32_t pos : path_) last_time = std::max(last_time, edges_[pos].time);
    auto key_of = [&] {
      std::vector<uint32_t> key;
      for (uint32_t pos : path_) key.push_back(edges_[pos].from);
      std::rotate(key.begin(), std::min_element(key.begin(), key.end()), key.end());
      return key;
    };
    auto [where, inserted] = index_.try_emplace(key_of(), found_.size());
    if (!inserted) {
      CyclePattern& seen = found_[where->second];
      ++seen.occurrences;
      // Searches run account by account, so an earlier occurrence may come
      // later; the pattern shows the earliest.
      if (std::pair(first_->time, first_->id) >= std::pair(seen.first_time, seen.edge_ids[0])) return;
      const int occurrences = seen.occurrences;
      seen = Describe(last_time);
      seen.occurrences = occurrences;
      return;
    }
    found_.push_back(Describe(last_time));
  }

  CyclePattern Describe(int64_t last_time) const {
    CyclePattern p;
    for (uint32_t pos : path_) {
      p.accounts.push_back(edges_[pos].from);
      p.edge_ids.push_back(edges_[pos].id);
      p.amounts.push_back(edges_[pos].amount);
    }
    p.first_time = first_->time;
    p.last_time = last_time;
    p.occurrences = 1;
    return p;
  }

  std::span<const GraphEdge> edges_;
  const CycleOptions& options_;
  uint32_t accounts_;
  Grouped outgoing_;
  Grouped incoming_;
  std::vector<uint8_t> on_path_;
  // Marks for the current start account (equal to stamp_ when set), so that
  // moving to the next start clears them in O(1).
  std::vector<uint32_t> one_hop_, two_hops_;
  uint32_t stamp_ = 0;
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> candidates_;  // (next account, position) per depth
  std::vector<uint32_t> path_;  // positions of the transfers on the path
  const GraphEdge* first_ = nullptr;
  int64_t deadline_ = 0;
  std::map<std::vector<uint32_t>, size_t> index_;  // ring rotated to its smallest account -> found_
  std::vector<CyclePattern> found_;
};

}  // namespace

Result<std::vector<CyclePattern>> FindCycles(std::span<const GraphEdge> edges, const CycleOptions& options) {
  if (options.max_hops < 2 || options.max_hops > 32) {
    return tl::unexpected(FieldError("max_hops", "must be between 2 and 32"));
  }
  TRY_VOID(CheckWindow(options.window));
  if (options.hop_tolerance_percent && *options.hop_tolerance_percent < 0) {
    return tl::unexpected(FieldError("hop_tolerance_percent", "must not be negative"));
  }
  uint32_t accounts = TRY(CountAccounts(edges));
  return CycleSearch(edges, accounts, options).Run();
}

}  // namespace sargs
