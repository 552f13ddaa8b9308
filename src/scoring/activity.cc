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

void CounterpartyKey(const Transaction& tx, std::string& out) {
  out.clear();
  if (!tx.counterparty_id.empty()) out.append("id:").append(tx.counterparty_id);
  else if (!tx.counterparty_account.empty()) out.append("account:").append(tx.counterparty_account);
  else if (!tx.counterparty_name.empty()) out.append("name:").append(tx.counterparty_name);
}

std::string CounterpartyKey(const Transaction& tx) {
  std::string key;
  CounterpartyKey(tx, key);
  return key;
}

uint32_t ActivityBuilder::Store(std::string_view text) {
  auto offset = static_cast<uint32_t>(arena_.size());
  arena_.append(text);
  return offset;
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
  PartyRow row{month.index(), std::hash<std::string_view>()(counterparty_key),
               Store(counterparty_key), static_cast<uint32_t>(counterparty_key.size()),
               Store(counterparty_name), static_cast<uint32_t>(counterparty_name.size()),
               Store(counterparty_country), static_cast<uint32_t>(counterparty_country.size()),
               credit ? amount : Money(), credit ? Money() : amount};
  parties_.push_back(row);
}

ClientActivity ActivityBuilder::Finish(int main_share_percent) {
  ClientActivity out;
  out.transaction_count = count_;
  std::sort(months_.begin(), months_.end(), [](const MonthTurnover& a, const MonthTurnover& b) { return a.month < b.month; });
  out.months = months_;
  std::sort(parties_.begin(), parties_.end(), [&](const PartyRow& a, const PartyRow& b) {
    if (a.month != b.month) return a.month < b.month;
    if (a.key_hash != b.key_hash) return a.key_hash < b.key_hash;
    return Text(a.key, a.key_len) < Text(b.key, b.key_len);
  });
  for (size_t i = 0; i < parties_.size();) {
    const PartyRow& first = parties_[i];
    std::string_view key = Text(first.key, first.key_len);
    Money credit, debit;
    const PartyRow* named = nullptr;
    const PartyRow* located = nullptr;
    size_t j = i;
    for (; j < parties_.size() && parties_[j].month == first.month && parties_[j].key_hash == first.key_hash &&
           Text(parties_[j].key, parties_[j].key_len) == key;
         ++j) {
      credit += parties_[j].credit;
      debit += parties_[j].debit;
      if (!named && parties_[j].name_len) named = &parties_[j];
      if (!located && parties_[j].country_len) located = &parties_[j];
    }
    i = j;
    YearMonth month = YearMonth::FromIndex(first.month);
    const MonthTurnover* m = out.Find(month);
    if (credit.ExceedsPercentOf(m->credit, main_share_percent) || debit.ExceedsPercentOf(m->debit, main_share_percent)) {
      out.counterparties.push_back(CounterpartyMonth{
          month, std::string(key), named ? std::string(Text(named->name, named->name_len)) : std::string(),
          located ? std::string(Text(located->country, located->country_len)) : std::string(), credit, debit});
    }
  }
  months_.clear();
  parties_.clear();
  arena_.clear();
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
