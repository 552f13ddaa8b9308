#include "scoring/activity.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace sargs {

Money ClientActivity::CreditIn(YearMonth month) const {
  const MonthTurnover* m = Find(month);
  return m ? m->credit : Money();
}

const MonthTurnover* ClientActivity::Find(YearMonth month) const {
  auto it = std::lower_bound(months.begin(), months.end(), month,
                             [](const MonthTurnover& m, YearMonth x) { return m.month < x; });
  return it != months.end() && it->month == month ? &*it : nullptr;
}

std::string CounterpartyKey(const Transaction& tx) {
  if (!tx.counterparty_id.empty()) return "id:" + tx.counterparty_id;
  if (!tx.counterparty_account.empty()) return "account:" + tx.counterparty_account;
  if (!tx.counterparty_name.empty()) return "name:" + tx.counterparty_name;
  return "";
}

void ActivityBuilder::Add(Date booked_on, Direction direction, Money amount,
                          std::string_view counterparty_key, std::string_view counterparty_name,
                          std::string_view counterparty_country) {
  ++count_;
  YearMonth month = YearMonth::Of(booked_on);
  MonthTurnover* m = nullptr;
  for (MonthTurnover& x : months_) {
    if (x.month == month) {
      m = &x;
      break;
    }
  }
  if (!m) {
    months_.push_back(MonthTurnover{month, {}, {}, 0, 0});
    m = &months_.back();
  }
  bool credit = direction == Direction::kCredit;
  (credit ? m->credit : m->debit) += amount;
  ++(credit ? m->credit_count : m->debit_count);
  if (counterparty_key.empty()) return;
  parties_.push_back(CounterpartyMonth{month, std::string(counterparty_key), std::string(counterparty_name),
                                       std::string(counterparty_country), credit ? amount : Money(),
                                       credit ? Money() : amount});
}

ClientActivity ActivityBuilder::Finish(int main_share_percent) {
  ClientActivity out;
  out.transaction_count = count_;
  std::sort(months_.begin(), months_.end(), [](const MonthTurnover& a, const MonthTurnover& b) { return a.month < b.month; });
  out.months = months_;
  std::sort(parties_.begin(), parties_.end(), [](const CounterpartyMonth& a, const CounterpartyMonth& b) {
    return a.month != b.month ? a.month < b.month : a.key < b.key;
  });
  for (size_t i = 0; i < parties_.size();) {
    CounterpartyMonth merged = std::move(parties_[i]);
    size_t j = i + 1;
    for (; j < parties_.size() && parties_[j].month == merged.month && parties_[j].key == merged.key; ++j) {
      merged.credit += parties_[j].credit;
      merged.debit += parties_[j].debit;
      if (merged.country.empty()) merged.country = std::move(parties_[j].country);
      if (merged.name.empty()) merged.name = std::move(parties_[j].name);
    }
    i = j;
    const MonthTurnover* m = out.Find(merged.month);
    if (merged.credit.ExceedsPercentOf(m->credit, main_share_percent) ||
        merged.debit.ExceedsPercentOf(m->debit, main_share_percent)) {
      out.counterparties.push_back(std::move(merged));
    }
  }
  months_.clear();
  parties_.clear();
  count_ = 0;
  return out;
}

ClientActivity SummariseActivity(std::span<const Transaction> transactions, int main_share_percent) {
  ActivityBuilder builder;
  for (const Transaction& tx : transactions) {
    builder.Add(tx.booked.date, tx.direction, tx.amount, CounterpartyKey(tx), tx.counterparty_name,
                tx.counterparty_country);
  }
  return builder.Finish(main_share_percent);
}

}  // namespace sargs
