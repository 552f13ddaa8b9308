#include "monitoring/cross_client_rules.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <string_view>
#include <tuple>
#include <unordered_set>
#include <utility>

#include "monitoring/explain_format.h"
#include "monitoring/graph.h"

namespace sargs {
namespace {

// The rules in the order their alerts are returned.
enum class Rule : uint8_t { kFanInOut, kCircular, kSharedIp, kCommonRecipient, kSameAtm };
const char* FactorOf(Rule r) {
  switch (r) {
    case Rule::kFanInOut: return "A2.24";
    case Rule::kCircular: return "A2.30";
    case Rule::kSharedIp: return "A2.46";
    case Rule::kCommonRecipient: return "A2.57";
    case Rule::kSameAtm: return "A2.73";
  }
  return "?";
}

int64_t DayNumber(Date d) { return d.time_since_epoch().count(); }
Date DateOfDay(int64_t day) { return Date(std::chrono::days(day)); }

// "14:05:09".
std::string ClockTime(int32_t second_of_day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", second_of_day / 3600, second_of_day / 60 % 60,
                second_of_day % 60);
  return buf;
}

std::string JoinIds(const std::vector<std::string_view>& ids) {
  std::string out;
  for (std::string_view id : ids) {
    if (!out.empty()) out += ", ";
    out += id;
  }
  return out;
}

// Positions grouped by a key in compressed rows: the positions with key k
// are items[start[k]] .. items[start[k + 1]], in input order. A counting
// sort: two passes over the transactions and no comparison, which is what
// keeps ten million transactions cheap; only groups that pass a rule's
// first test are ever sorted.
struct Buckets {
  std::vector<uint32_t> start;
  std::vector<uint32_t> items;
  uint32_t keys() const { return static_cast<uint32_t>(start.size() - 1); }
  std::span<const uint32_t> Of(uint32_t key) const {
    return std::span<const uint32_t>(items).subspan(start[key], start[key + 1] - start[key]);
  }
};

// `key_of` returns the key of a transaction, or kNoNumber to leave it out.
template <typename KeyOf>
Buckets BucketBy(std::span<const CrossTx> txs, uint32_t keys, KeyOf key_of) {
  Buckets b;
  b.start.assign(static_cast<size_t>(keys) + 1, 0);
  for (const CrossTx& tx : txs) {
    const uint32_t k = key_of(tx);
    if (k != kNoNumber) ++b.start[k + 1];
  }
  for (uint32_t k = 0; k < keys; ++k) b.start[k + 1] += b.start[k];
  b.items.resize(b.start[keys]);
  std::vector<uint32_t> fill(b.start.begin(), b.start.end() - 1);
  for (uint32_t i = 0; i < txs.size(); ++i) {
    const uint32_t k = key_of(txs[i]);
    if (k != kNoNumber) b.items[fill[k]++] = i;
  }
  return b;
}

// Counts distinct numbers (clients, related groups) in a set that only
// grows, or in a sliding window, with a count per number: O(1) per step and
// no clearing between groups as long as every Add is matched by a Remove
// (sliding use) or the epoch moves on (growing use).
class DistinctCounter {
 public:
  explicit DistinctCounter(size_t numbers) : count_(numbers, 0), epoch_of_(numbers, 0) {}
  // Growing use: starts an empty set.
  void Restart() {
    ++epoch_;
    distinct_ = 0;
  }
  void Insert(uint32_t n) {
    if (epoch_of_[n] != epoch_) {
      epoch_of_[n] = epoch_;
      ++distinct_;
    }
  }
  // Sliding use.
  void Add(uint32_t n) {
    if (count_[n]++ == 0) ++distinct_;
  }
  void Remove(uint32_t n) {
    if (--count_[n] == 0) --distinct_;
  }
  uint32_t distinct() const { return distinct_; }

 private:
  std::vector<uint32_t> count_;
  std::vector<uint32_t> epoch_of_;
  uint32_t epoch_ = 0;
  uint32_t distinct_ = 0;
};

// One finding for one client, before findings with the same key merge.
struct Piece {
  Rule rule;
  uint32_t client;
  Date start, end;
  Money amount;
  std::vector<uint32_t> evidence;  // positions
  std::string clause;
};

class Evaluator {
 public:
  Evaluator(const CrossClientInput& in, const MonitoringParams& p)
      : in_(in), txs_(in.transactions), p_(p), clients_(static_cast<uint32_t>(in.client_ids.size())) {}

  Result<std::vector<Alert>> Run() {
    TRY_VOID(Validate());
    if (p_.fan_in_out.enabled) TRY_VOID(FanInOut());
    if (p_.circular.enabled) TRY_VOID(Circular());
    if (p_.shared_ip.enabled) SharedIp();
    if (p_.common_recipient.enabled) CommonRecipient();
    if (p_.same_atm.enabled) SameAtm();
    return Finish();
  }

 private:
  // ---------------------------------------------------------------------
  // Input

  Result<void> Validate() const {
    if (txs_.size() >= kNoNumber) return Fail("too many transactions for one cross-client run");
    if (in_.related_group.size() != clients_) {
      return tl::unexpected(FieldError("related_group", "must have one entry per client"));
    }
    for (uint32_t c = 0; c < clients_; ++c) {
      if (in_.related_group[c] >= clients_) {
        return tl::unexpected(FieldError("related_group", "client " + std::string(in_.client_ids[c]) +
                                                              " has a group number beyond the clients"));
      }
    }
    if (in_.accounts.size() != in_.account_owner.size()) {
      return tl::unexpected(FieldError("accounts", "must have one entry per account number"));
    }
    for (uint32_t owner : in_.account_owner) {
      if (owner != kNoNumber && owner >= clients_) {
        return tl::unexpected(FieldError("account_owner", "names a client number beyond the clients"));
      }
    }
    const size_t accounts = in_.account_owner.size();
    for (size_t i = 0; i < txs_.size(); ++i) {
      const CrossTx& tx = txs_[i];
      auto bad = [&](const char* field, const char* why) {
        return tl::unexpected(FieldError(field, "transaction at position " + std::to_string(i) + " " + why));
      };
      if (tx.account >= accounts || in_.account_owner[tx.account] == kNoNumber) {
        return bad("account", "is not on one of the institution's accounts");
      }
      if (tx.counterparty_account != kNoNumber && tx.counterparty_account >= accounts) {
        return bad("counterparty_account", "names an unknown account number");
      }
      if (tx.ip != kNoNumber && tx.ip >= in_.ips.size()) return bad("ip", "names an unknown address number");
      if (tx.atm != kNoNumber && tx.atm >= in_.atms.size()) return bad("atm", "names an unknown ATM number");
      if (tx.amount < Money()) return bad("amount", "has a negative amount");
    }
    if (!in_.tx_id) return tl::unexpected(FieldError("tx_id", "is missing"));
    return {};
  }

  uint32_t ClientOf(const CrossTx& tx) const { return in_.account_owner[tx.account]; }
  uint32_t GroupOf(uint32_t client) const { return in_.related_group[client]; }
  std::string_view ClientId(uint32_t client) const { return in_.client_ids[client]; }
  Date DateOf(uint32_t pos) const { return txs_[pos].booked.date; }

  bool BookedBefore(uint32_t a, uint32_t b) const {
    const BookingTime& x = txs_[a].booked;
    const BookingTime& y = txs_[b].booked;
    return std::tie(x.date, x.second_of_day, a) < std::tie(y.date, y.second_of_day, b);
  }
  void SortByBooking(std::vector<uint32_t>& positions) const {
    std::sort(positions.begin(), positions.end(), [&](uint32_t a, uint32_t b) { return BookedBefore(a, b); });
  }

  void Raise(Rule rule, uint32_t client, Date start, Date end, Money amount, std::vector<uint32_t> evidence,
             std::string clause) {
    pieces_.push_back(Piece{rule, client, start, end, amount, std::move(evidence), std::move(clause)});
  }

  // ---------------------------------------------------------------------
  // A2.24 and A2.30: the transfers as a graph

  // Every transfer with a counterparty account, once: a debit goes from its
  // account to the counterparty; a credit from the counterparty to its
  // account, but only when the counterparty is outside the institution,
  // because a transfer between two of the institution's accounts is also
  // the payer's debit. Cash and card transactions without a counterparty
  // account move money to no one the graph can name and are left out.
  // Times are days (in seconds): the rules' windows are in days, and many
  // transactions carry no time of day, so the order inside a day is
  // unknown; the detectors treat same-day transfers as simultaneous.
  template <typename Visit>
  void ForEachTransfer(Visit visit) const {
    for (uint32_t i = 0; i < txs_.size(); ++i) {
      const CrossTx& tx = txs_[i];
      if (tx.counterparty_account == kNoNumber) continue;
      const int64_t time = DayNumber(tx.booked.date) * kSecondsPerDay;
      if (tx.direction == Direction::kDebit) {
        visit(GraphEdge{tx.account, tx.counterparty_account, tx.amount, time, i});
      } else if (in_.account_owner[tx.counterparty_account] == kNoNumber) {
        visit(GraphEdge{tx.counterparty_account, tx.account, tx.amount, time, i});
      }
    }
  }

  // The transfers `keep` accepts. Reserving room for every transaction
  // costs address space only: the pages never written are never mapped.
  template <typename Keep>
  std::vector<GraphEdge> Transfers(Keep keep) const {
    std::vector<GraphEdge> edges;
    edges.reserve(txs_.size());
    ForEachTransfer([&](const GraphEdge& e) {
      if (keep(e)) edges.push_back(e);
    });
    return edges;
  }

  Date EdgeDate(int64_t time) const { return DateOfDay(time / kSecondsPerDay); }
  std::string AccountId(uint32_t account) const { return std::string(in_.accounts[account]); }

  Result<void> FanInOut() {
    const auto& p = p_.fan_in_out;
    // Only a hub can raise A2.24, and a hub is one of the institution's
    // accounts with at least `min_payers` small payments in and a payment
    // out. The detector looks at every account; handing it only the
    // transfers into or out of possible hubs gives the same patterns for
    // them (a hub's patterns depend on its own transfers alone) at a
    // fraction of the cost, as most accounts are not possible hubs.
    const size_t accounts = in_.account_owner.size();
    std::vector<uint32_t> small_in(accounts, 0);
    std::vector<uint8_t> pays_out(accounts, 0);
    auto small = [&](const GraphEdge& e) { return e.amount <= p.max_incoming; };
    ForEachTransfer([&](const GraphEdge& e) {
      if (e.from == e.to) return;
      if (small(e)) ++small_in[e.to];
      pays_out[e.from] = 1;
    });
    auto hub = [&](uint32_t a) {
      return in_.account_owner[a] != kNoNumber && pays_out[a] && small_in[a] >= static_cast<uint32_t>(p.min_payers);
    };
    std::vector<GraphEdge> edges = Transfers([&](const GraphEdge& e) { return hub(e.from) || (small(e) && hub(e.to)); });
    small_in = {};
    pays_out = {};
    FanInThenOutOptions options;
    options.min_senders = p.min_payers;
    options.window = int64_t{p.window_days} * kSecondsPerDay;
    options.max_small = p.max_incoming;
    options.min_out_share_percent = p.min_onward_percent;
    auto patterns = FindFanInThenOut(edges, options);
    if (!patterns) {
      return tl::unexpected(FieldError("monitoring.A2.24." + patterns.error().field, patterns.error().message));
    }
    for (const FanInThenOutPattern& pattern : *patterns) {
      const uint32_t client = in_.account_owner[pattern.fan_in.hub];
      if (client == kNoNumber) continue;
      std::vector<uint32_t> evidence = pattern.fan_in.edge_ids;
      evidence.push_back(pattern.onward.id);
      const Money in = pattern.fan_in.total;
      const Date first = EdgeDate(pattern.fan_in.first_time), onward = EdgeDate(pattern.onward.time);
      std::string clause = "account " + AccountId(pattern.fan_in.hub) + " received " +
                           std::to_string(pattern.fan_in.edge_ids.size()) + " payments of at most " +
                           Eur(p.max_incoming) + " from " + std::to_string(pattern.fan_in.counterparties.size()) +
                           " payers, " + Eur(in) + " in all, from " + FormatDate(first) + " to " +
                           FormatDate(EdgeDate(pattern.fan_in.last_time)) + ", and on " + FormatDate(onward) +
                           " paid " + Eur(pattern.onward.amount) + " (" + Percent(pattern.onward.amount, in) +
                           " of it) to account " + AccountId(pattern.onward.to) + " (parameter: at least " +
                           std::to_string(p.min_payers) + " payers within " + std::to_string(p.window_days) +
                           " days, each payment at most " + Eur(p.max_incoming) + ", onward payment at least " +
                           std::to_string(p.min_onward_percent) + " % of them)";
      Raise(Rule::kFanInOut, client, first, onward, pattern.onward.amount, std::move(evidence), std::move(clause));
    }
    return {};
  }

  // The ring is looked for on clients, not accounts: the institution's
  // accounts are numbered by their owner (so a transfer between one
  // client's own accounts is a self-loop, which the detector ignores, and
  // money that comes back to another account of the same client closes the
  // ring), outside accounts after the clients.
  Result<void> Circular() {
    const auto& p = p_.circular;
    std::vector<GraphEdge> edges = Transfers([&](const GraphEdge& e) { return e.amount >= p.min_amount; });
    auto node = [&](uint32_t account) {
      const uint32_t owner = in_.account_owner[account];
      return owner != kNoNumber ? owner : clients_ + account;
    };
    for (GraphEdge& e : edges) {
      e.from = node(e.from);
      e.to = node(e.to);
    }
    CycleOptions options;
    options.max_hops = p.max_hops;
    options.window = int64_t{p.window_days} * kSecondsPerDay;
    options.order = CycleOrder::kTimeOrdered;
    options.hop_tolerance_percent = p.hop_tolerance_percent;
    auto rings = FindCycles(edges, options);
    if (!rings) {
      return tl::unexpected(FieldError("monitoring.A2.30." + rings.error().field, rings.error().message));
    }
    for (const CyclePattern& ring : *rings) {
      auto name = [&](uint32_t n) {
        return n < clients_ ? "client " + std::string(ClientId(n)) : "account " + AccountId(n - clients_);
      };
      std::string path = name(ring.accounts[0]);
      std::string hops;
      for (size_t i = 0; i < ring.accounts.size(); ++i) {
        path += " -> " + name(ring.accounts[(i + 1) % ring.accounts.size()]);
        const CrossTx& tx = txs_[ring.edge_ids[i]];
        hops += (i ? ", " : "") + FormatDate(tx.booked.date) + " " + Eur(ring.amounts[i]);
      }
      const Date first = EdgeDate(ring.first_time), last = EdgeDate(ring.last_time);
      std::string clause = Eur(ring.amounts[0]) + " went round " + path + " in " +
                           std::to_string(ring.accounts.size()) + " transfers from " + FormatDate(first) + " to " +
                           FormatDate(last) + " (" + hops + ")" +
                           (ring.occurrences > 1 ? "; trips round this ring: " + std::to_string(ring.occurrences)
                                                 : std::string()) +
                           " (parameter: at most " + std::to_string(p.max_hops) + " transfers within " +
                           std::to_string(p.window_days) + " days, each within " +
                           std::to_string(p.hop_tolerance_percent) + " % of the first and at least " +
                           Eur(p.min_amount) + ")";
      std::vector<uint32_t> members;
      for (uint32_t n : ring.accounts) {
        if (n < clients_) members.push_back(n);
      }
      std::sort(members.begin(), members.end());
      members.erase(std::unique(members.begin(), members.end()), members.end());
      for (uint32_t client : members) {
        Raise(Rule::kCircular, client, first, last, ring.amounts[0], ring.edge_ids, clause);
      }
    }
    return {};
  }

  // ---------------------------------------------------------------------
  // A2.46, A2.57: who shares what in a calendar month

  // The set of strings an allow-list names; looked up only for the few
  // groups that pass the counts, so its cost does not grow with the data.
  static std::unordered_set<std::string_view> AllowList(const std::vector<std::string>& list) {
    return std::unordered_set<std::string_view>(list.begin(), list.end());
  }

  // Splits `positions` (sorted by booking) into calendar months.
  template <typename Visit>
  void ForEachMonth(std::span<const uint32_t> positions, Visit visit) const {
    for (size_t i = 0; i < positions.size();) {
      const YearMonth month = YearMonth::Of(DateOf(positions[i]));
      const Date last = month.LastDay();
      size_t j = i;
      while (j < positions.size() && DateOf(positions[j]) <= last) ++j;
      visit(month, positions.subspan(i, j - i));
      i = j;
    }
  }

  // The clients of `run` in order of first appearance, and the number of
  // distinct related groups among them.
  std::vector<uint32_t> ClientsOf(std::span<const uint32_t> run, uint32_t* groups) {
    std::vector<uint32_t> clients;
    seen_clients_.Restart();
    seen_groups_.Restart();
    for (uint32_t pos : run) {
      const uint32_t c = ClientOf(txs_[pos]);
      const uint32_t before = seen_clients_.distinct();
      seen_clients_.Insert(c);
      if (seen_clients_.distinct() != before) clients.push_back(c);
      seen_groups_.Insert(GroupOf(c));
    }
    if (groups) *groups = seen_groups_.distinct();
    return clients;
  }

  // The first test every group passes before it is sorted: distinct clients
  // and related groups, without building a list.
  uint32_t CountClients(std::span<const uint32_t> run, uint32_t* groups) {
    seen_clients_.Restart();
    seen_groups_.Restart();
    for (uint32_t pos : run) {
      const uint32_t c = ClientOf(txs_[pos]);
      seen_clients_.Insert(c);
      seen_groups_.Insert(GroupOf(c));
    }
    *groups = seen_groups_.distinct();
    return seen_clients_.distinct();
  }

  std::vector<std::string_view> IdsOf(const std::vector<uint32_t>& clients) const {
    std::vector<std::string_view> ids;
    for (uint32_t c : clients) ids.push_back(ClientId(c));
    return ids;
  }

  // The client's own part of a run.
  Money OwnAmount(std::span<const uint32_t> run, uint32_t client) const {
    Money sum;
    for (uint32_t pos : run) {
      if (ClientOf(txs_[pos]) == client) sum += txs_[pos].amount;
    }
    return sum;
  }

  // A2.46. Clients of one related group count once: a family or a company
  // and its owner at one address is expected. An address used by very many
  // clients over the whole input is a public one (operator NAT, public
  // Wi-Fi): counted over the whole input rather than per month, so that an
  // operator's address that changes hands month by month is recognised.
  void SharedIp() {
    const auto& p = p_.shared_ip;
    const auto min_clients = static_cast<uint32_t>(p.min_clients);
    const auto mass = static_cast<uint32_t>(p.mass_address_clients);
    const auto allowed = AllowList(p.allowed_ips);
    Buckets by_ip = BucketBy(txs_, static_cast<uint32_t>(in_.ips.size()), [](const CrossTx& tx) { return tx.ip; });
    for (uint32_t ip = 0; ip < by_ip.keys(); ++ip) {
      std::span<const uint32_t> all = by_ip.Of(ip);
      if (all.size() < min_clients) continue;
      uint32_t groups = 0;
      const uint32_t clients = CountClients(all, &groups);
      if (groups < min_clients || clients >= mass) continue;
      if (allowed.count(std::string(in_.ips[ip]))) continue;
      std::vector<uint32_t> sorted(all.begin(), all.end());
      SortByBooking(sorted);
      ForEachMonth(sorted, [&](YearMonth month, std::span<const uint32_t> run) {
        uint32_t month_groups = 0;
        const std::vector<uint32_t> users = ClientsOf(run, &month_groups);
        if (month_groups < min_clients) return;
        const std::string clause =
            "in " + month.ToString() + " IP address " + std::string(in_.ips[ip]) + " was used by " +
            std::to_string(users.size()) + " clients (" + JoinIds(IdsOf(users)) + "), " +
            std::to_string(month_groups) + " of them unrelated to each other, in " + std::to_string(run.size()) +
            " transactions (parameter: at least " + std::to_string(min_clients) +
            " unrelated clients in a calendar month; an address used by " + std::to_string(mass) +
            " or more clients over all the data is public, this one by " + std::to_string(clients) + ")";
        for (uint32_t c : users) {
          Raise(Rule::kSharedIp, c, month.FirstDay(), month.LastDay(), OwnAmount(run, c),
                std::vector<uint32_t>(run.begin(), run.end()), clause);
        }
      });
    }
  }

  // A2.57. The factor excludes "payments to providers of goods and
  // services used by a wide range of clients": a recipient paid by at
  // least `mass_recipient_clients` distinct clients over the whole input
  // is one. Only debits count (the payment by one of the institution's
  // clients), and not those to the client's own accounts.
  void CommonRecipient() {
    const auto& p = p_.common_recipient;
    const auto min_clients = static_cast<uint32_t>(p.min_clients);
    const auto mass = static_cast<uint32_t>(p.mass_recipient_clients);
    const auto allowed = AllowList(p.allowed_accounts);
    Buckets by_recipient =
        BucketBy(txs_, static_cast<uint32_t>(in_.account_owner.size()), [&](const CrossTx& tx) {
          if (tx.direction != Direction::kDebit || tx.counterparty_account == kNoNumber) return kNoNumber;
          if (in_.account_owner[tx.counterparty_account] == ClientOf(tx)) return kNoNumber;
          return tx.counterparty_account;
        });
    for (uint32_t account = 0; account < by_recipient.keys(); ++account) {
      std::span<const uint32_t> all = by_recipient.Of(account);
      if (all.size() < min_clients) continue;
      uint32_t groups = 0;
      const uint32_t clients = CountClients(all, &groups);
      if (clients < min_clients || clients >= mass) continue;
      if (allowed.count(std::string(in_.accounts[account]))) continue;
      std::vector<uint32_t> sorted(all.begin(), all.end());
      SortByBooking(sorted);
      ForEachMonth(sorted, [&](YearMonth month, std::span<const uint32_t> run) {
        const std::vector<uint32_t> payers = ClientsOf(run, nullptr);
        if (payers.size() < min_clients) return;
        Money total;
        for (uint32_t pos : run) total += txs_[pos].amount;
        const std::string clause =
            "in " + month.ToString() + " " + std::to_string(payers.size()) + " clients (" +
            JoinIds(IdsOf(payers)) + ") paid account " + std::string(in_.accounts[account]) + " " + Eur(total) + " in " +
            std::to_string(run.size()) + " payments (parameter: at least " + std::to_string(min_clients) +
            " clients in a calendar month; a recipient paid by " + std::to_string(mass) +
            " or more clients over all the data is a mass-market one, this one by " + std::to_string(clients) +
            ")";
        for (uint32_t c : payers) {
          Raise(Rule::kCommonRecipient, c, month.FirstDay(), month.LastDay(), OwnAmount(run, c),
                std::vector<uint32_t>(run.begin(), run.end()), clause);
        }
      });
    }
  }

  // ---------------------------------------------------------------------
  // A2.73: the same ATM within minutes

  // Withdrawals at one ATM in booking order are scanned with a sliding
  // window of `window_minutes` inside each day; every window holding at
  // least `min_clients` unrelated clients qualifies, and qualifying windows
  // that share a withdrawal form one episode, alerted once per client and
  // day. The day bounds the window so that the alert's window is the day;
  // a group straddling midnight is split (and then often too small), an
  // accepted loss for a stable alert identity.
  void SameAtm() {
    const auto& p = p_.same_atm;
    const auto min_clients = static_cast<uint32_t>(p.min_clients);
    const int64_t span = int64_t{p.window_minutes} * 60;
    Buckets by_atm = BucketBy(txs_, static_cast<uint32_t>(in_.atms.size()), [&](const CrossTx& tx) {
      const bool cash = tx.channel == Channel::kAtm || tx.channel == Channel::kCash;
      if (!cash || tx.direction != Direction::kDebit || tx.booked.second_of_day < 0) return kNoNumber;
      return tx.amount >= p.min_withdrawal ? tx.atm : kNoNumber;
    });
    DistinctCounter window_groups(clients_);
    for (uint32_t atm = 0; atm < by_atm.keys(); ++atm) {
      std::span<const uint32_t> all = by_atm.Of(atm);
      if (all.size() < min_clients) continue;
      std::vector<uint32_t> list(all.begin(), all.end());
      SortByBooking(list);
      auto second = [&](size_t k) { return int64_t{txs_[list[k]].booked.second_of_day}; };
      size_t lo = 0;
      size_t run_start = 0, run_end = 0;  // the current episode, [run_start, run_end]
      bool in_run = false;
      auto close_run = [&] {
        if (in_run) Episode(atm, std::span<const uint32_t>(list).subspan(run_start, run_end - run_start + 1));
        in_run = false;
      };
      for (size_t hi = 0; hi < list.size(); ++hi) {
        if (DateOf(list[hi]) != DateOf(list[lo])) {
          close_run();
          for (; lo < hi; ++lo) window_groups.Remove(GroupOf(ClientOf(txs_[list[lo]])));
        }
        for (; second(hi) - second(lo) > span; ++lo) window_groups.Remove(GroupOf(ClientOf(txs_[list[lo]])));
        window_groups.Add(GroupOf(ClientOf(txs_[list[hi]])));
        if (window_groups.distinct() < min_clients) continue;
        if (in_run && lo <= run_end) {
          run_end = hi;
        } else {
          close_run();
          in_run = true;
          run_start = lo;
          run_end = hi;
        }
      }
      close_run();
      for (; lo < list.size(); ++lo) window_groups.Remove(GroupOf(ClientOf(txs_[list[lo]])));
    }
  }

  void Episode(uint32_t atm, std::span<const uint32_t> run) {
    const auto& p = p_.same_atm;
    uint32_t groups = 0;
    const std::vector<uint32_t> clients = ClientsOf(run, &groups);
    const Date day = DateOf(run.front());
    std::string each;
    for (uint32_t pos : run) {
      each += (each.empty() ? "" : ", ") + std::string(ClientId(ClientOf(txs_[pos]))) + " " +
              ClockTime(txs_[pos].booked.second_of_day) + " " + Eur(txs_[pos].amount);
    }
    const std::string clause =
        "on " + FormatDate(day) + " at ATM " + std::string(in_.atms[atm]) + " " + std::to_string(clients.size()) +
        " clients, " + std::to_string(groups) + " of them unrelated to each other, withdrew cash between " +
        ClockTime(txs_[run.front()].booked.second_of_day) + " and " +
        ClockTime(txs_[run.back()].booked.second_of_day) + " (" + each + ") (parameter: at least " +
        std::to_string(p.min_clients) + " unrelated clients within " + std::to_string(p.window_minutes) +
        " minutes, withdrawals of at least " + Eur(p.min_withdrawal) + ")";
    for (uint32_t c : clients) {
      Raise(Rule::kSameAtm, c, day, day, OwnAmount(run, c), std::vector<uint32_t>(run.begin(), run.end()), clause);
    }
  }

  // ---------------------------------------------------------------------
  // Output

  std::vector<Alert> Finish() {
    std::stable_sort(pieces_.begin(), pieces_.end(), [](const Piece& a, const Piece& b) {
      return std::tie(a.rule, a.client, a.start, a.end) < std::tie(b.rule, b.client, b.start, b.end);
    });
    std::vector<Alert> alerts;
    for (size_t i = 0; i < pieces_.size();) {
      const Piece& first = pieces_[i];
      Alert a;
      a.rule = a.factor = FactorOf(first.rule);
      a.client_id = std::string(ClientId(first.client));
      a.window_start = first.start;
      a.window_end = first.end;
      std::vector<uint32_t> evidence;
      size_t j = i;
      for (; j < pieces_.size() && pieces_[j].rule == first.rule && pieces_[j].client == first.client &&
             pieces_[j].start == first.start && pieces_[j].end == first.end;
           ++j) {
        a.amount += pieces_[j].amount;
        evidence.insert(evidence.end(), pieces_[j].evidence.begin(), pieces_[j].evidence.end());
        if (j > i) a.explanation += "; ";
        a.explanation += pieces_[j].clause;
      }
      SortByBooking(evidence);
      evidence.erase(std::unique(evidence.begin(), evidence.end()), evidence.end());
      a.tx_ids.reserve(evidence.size());
      for (uint32_t pos : evidence) a.tx_ids.push_back(in_.tx_id(pos));
      alerts.push_back(std::move(a));
      i = j;
    }
    return alerts;
  }

  const CrossClientInput& in_;
  std::span<const CrossTx> txs_;
  const MonitoringParams& p_;
  const uint32_t clients_;
  DistinctCounter seen_clients_{clients_};
  DistinctCounter seen_groups_{clients_};
  std::vector<Piece> pieces_;
};

}  // namespace

Result<std::vector<Alert>> EvaluateCrossClient(const CrossClientInput& input, const MonitoringParams& params) {
  return Evaluator(input, params).Run();
}

}  // namespace sargs
