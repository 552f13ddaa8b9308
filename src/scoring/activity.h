// ClientActivity: what the scoring rules need to know about a client's
// transactions — monthly credit and debit turnover and, per month, the
// turnover with each counterparty (to find "main counterparties", those with
// more than 30 % of a month's debit or credit turnover).
//
// Scoring reads aggregates, never raw transactions: a year of a million
// clients' transactions reduces to a few dozen numbers per client, which is
// what lets a whole portfolio be scored in about a second.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "model/transaction.h"

namespace sargs {

struct MonthTurnover {
  YearMonth month;
  Money credit;
  Money debit;
  int32_t credit_count = 0;
  int32_t debit_count = 0;
};

struct CounterpartyMonth {
  YearMonth month;
  std::string key;      // counterparty_id, else account, else name
  std::string name;
  std::string country;  // as given on the transactions ("" when unknown)
  Money credit;
  Money debit;
};

struct ClientActivity {
  std::vector<MonthTurnover> months;              // ascending, months with transactions only
  std::vector<CounterpartyMonth> counterparties;  // ascending by month
  int64_t transaction_count = 0;

  // Credit turnover of `month` (zero when there was none).
  Money CreditIn(YearMonth month) const;
  const MonthTurnover* Find(YearMonth month) const;
};

// The key that identifies a counterparty across transactions, or "" when the
// transaction names none (cash, for instance).
std::string CounterpartyKey(const Transaction& tx);
// The same, into a reused buffer (no allocation per transaction).
void CounterpartyKey(const Transaction& tx, std::string& out);

// Accumulates one client's transactions, in any order, into ClientActivity.
class ActivityBuilder {
 public:
  void Add(Date booked_on, Direction direction, Money amount, std::string_view counterparty_key,
           std::string_view counterparty_name, std::string_view counterparty_country);
  // Keeps only counterparty rows above `main_share_percent` of their month's
  // credit or debit turnover: the only ones that can be main counterparties.
  ClientActivity Finish(int main_share_percent);

 private:
  // A client has a few dozen transactions a year: a linear scan over months
  // and a sort of per-transaction counterparty rows beat tree maps. Row text
  // lives in one reused arena, so adding a transaction allocates nothing.
  struct PartyRow {
    int month;
    uint64_t key_hash;
    uint32_t key, key_len, name, name_len, country, country_len;  // offsets into arena_
    Money credit, debit;
  };
  std::string_view Text(uint32_t offset, uint32_t length) const { return {arena_.data() + offset, length}; }
  uint32_t Store(std::string_view text);

  std::vector<MonthTurnover> months_;
  std::vector<PartyRow> parties_;
  std::string arena_;
  int64_t count_ = 0;
};

// Aggregates one client's transactions (any order). Counterparty rows are
// kept only for counterparties that could be main ones in their month, i.e.
// above `main_share_percent` of that month's credit or debit turnover.
ClientActivity SummariseActivity(std::span<const Transaction> transactions, int main_share_percent);

}  // namespace sargs
