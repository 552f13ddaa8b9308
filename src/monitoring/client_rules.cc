#include "monitoring/client_rules.h"

#include <algorithm>
#include <climits>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "monitoring/explain_format.h"

namespace sargs {
namespace {

// part >= percent % of whole, exactly (Money::ExceedsPercentOf is the strict form).
bool ReachesPercentOf(Money part, Money whole, int64_t percent) {
  return static_cast<__int128>(part.cents()) * 100 >= static_cast<__int128>(whole.cents()) * percent;
}

bool IsCash(const Transaction& tx) { return tx.channel == Channel::kCash || tx.channel == Channel::kAtm; }
bool IsCredit(const Transaction& tx) { return tx.direction == Direction::kCredit; }

// Whole months from `from` to `to`: the largest n with AddMonths(from, n) <= to,
// so that "six months after 31 August" is 28/29 February, as in AddMonths.
int MonthsBetween(Date from, Date to) {
  int n = YearMonth::Of(to) - YearMonth::Of(from);
  while (n > 0 && AddMonths(from, n) > to) --n;
  return n;
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else {  // every code point the lower-casing below produces is < U+0800
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Lower-cases ASCII, Latin-1, Latin Extended-A (all Latvian capitals: Ā Č Ē
// Ģ Ī Ķ Ļ Ņ Š Ū Ž) and the basic Cyrillic capitals, so that "REKLĀMA" and
// "РЕКЛАМА" match the keywords "reklām" and "реклам". Other characters (and
// malformed UTF-8) pass through unchanged: this is a keyword filter, not full
// Unicode case folding (ICU belongs to name screening, not here).
std::string LowerUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0x80) {
      out += static_cast<char>(b0 >= 'A' && b0 <= 'Z' ? b0 + ('a' - 'A') : b0);
      ++i;
      continue;
    }
    const bool two_bytes = (b0 & 0xE0) == 0xC0 && i + 1 < text.size() &&
                           (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80;
    if (!two_bytes) {
      out += text[i++];
      continue;
    }
    char32_t cp = ((b0 & 0x1F) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F);
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) {
      cp += 0x20;  // Latin-1 capitals (not the multiplication sign)
    } else if ((cp >= 0x100 && cp <= 0x137 && cp != 0x130) || (cp >= 0x14A && cp <= 0x177)) {
      if (cp % 2 == 0) ++cp;  // Latin Extended-A pairs: capital even, small odd
    } else if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) {
      if (cp % 2 == 1) ++cp;  // ... and here capital odd, small even
    } else if (cp == 0x178) {
      cp = 0xFF;  // Ÿ
    } else if (cp >= 0x400 && cp <= 0x40F) {
      cp += 0x50;  // Ѐ-Џ
    } else if (cp >= 0x410 && cp <= 0x42F) {
      cp += 0x20;  // А-Я
    }
    AppendUtf8(out, cp);
    i += 2;
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

struct MonthStats {
  YearMonth month;
  Money debit, credit;
  Money cash_debit, cash_credit;
  Money transfer_credit;
  // The month's transactions are positions [first, last) of the span: it is
  // in booking order, so a month is one run of it.
  size_t first = 0, last = 0;
  std::vector<size_t> Positions() const {
    std::vector<size_t> out(last - first);
    for (size_t i = first; i < last; ++i) out[i - first] = i;
    return out;
  }
};

// A transaction a per-transaction rule picked, with its clause of the
// explanation ("debit 20 000.00 EUR to IR (fatf_call_for_action)").
struct TxHit {
  size_t index;
  std::string clause;
};

class Evaluator {
 public:
  Evaluator(const MonitoredClient& mc, std::span<const Transaction> txs, const Methodology& m,
            const ReferenceData& ref)
      : mc_(mc), c_(*mc.client), txs_(txs), m_(m), p_(m.monitoring), ref_(ref) {
    for (size_t i = 0; i < txs_.size(); ++i) {
      const Transaction& tx = txs_[i];
      YearMonth ym = YearMonth::Of(tx.booked.date);
      if (months_.empty() || months_.back().month != ym) {
        months_.emplace_back();
        months_.back().month = ym;
        months_.back().first = i;
      }
      MonthStats& s = months_.back();
      s.last = i + 1;
      if (IsCredit(tx)) {
        s.credit += tx.amount;
        if (IsCash(tx)) s.cash_credit += tx.amount;
        if (tx.channel == Channel::kTransfer) s.transfer_credit += tx.amount;
      } else {
        s.debit += tx.amount;
        if (IsCash(tx)) s.cash_debit += tx.amount;
      }
    }
  }

  std::vector<Alert> Run() {
    for (const MonthStats& month : months_) {
      if (p_.pass_through.enabled) PassThrough(month);
      if (p_.cash_share.enabled) CashShare(month);
      if (p_.round_amounts.enabled) RoundAmounts(month);
      if (p_.transfers_to_cash.enabled) TransfersToCash(month);
      if (p_.disproportionate.enabled) Disproportionate(month);
    }
    if (p_.high_risk_jurisdiction.enabled) HighRiskJurisdiction();
    if (p_.services.enabled) Services();
    if (p_.over_limit.enabled) OverLimit();
    if (p_.late_first_credit.enabled) LateFirstCredit();
    if (p_.late_first_debit.enabled) LateFirstDebit();
    if (p_.resumed.enabled) Resumed();
    if (p_.large_cash.enabled) LargeCash();
    if (p_.non_latvia.enabled) NonLatvia();
    if (p_.association.enabled) Association();
    return Finish();
  }

 private:
  void Raise(const char* rule, Date start, Date end, Money amount, const std::vector<size_t>& evidence,
             std::string explanation) {
    Alert a;
    a.rule = rule;
    a.factor = rule;
    a.client_id = c_.id;
    a.window_start = start;
    a.window_end = end;
    a.amount = amount;
    a.tx_ids.reserve(evidence.size());
    for (size_t i : evidence) a.tx_ids.push_back(txs_[i].id);
    a.explanation = std::move(explanation);
    alerts_.push_back(std::move(a));
  }
  void RaiseMonth(const char* rule, const MonthStats& s, Money amount, const std::vector<size_t>& evidence,
                  std::string explanation) {
    Raise(rule, s.month.FirstDay(), s.month.LastDay(), amount, evidence, std::move(explanation));
  }
  template <typename Keep>
  std::vector<size_t> Select(const MonthStats& s, Keep keep) const {
    std::vector<size_t> out;
    for (size_t i = s.first; i < s.last; ++i) {
      if (keep(txs_[i])) out.push_back(i);
    }
    return out;
  }

  // Per-transaction rules raise one alert per day: an alert is identified by
  // rule, client and window, so two hits on one day must share one alert
  // (its amount is their total) or the second would be lost as a duplicate.
  void RaisePerDay(const char* rule, std::vector<TxHit> hits, const std::string& parameter) {
    std::stable_sort(hits.begin(), hits.end(), [&](const TxHit& a, const TxHit& b) {
      return txs_[a.index].booked.date < txs_[b.index].booked.date;
    });
    for (size_t i = 0; i < hits.size();) {
      const Date day = txs_[hits[i].index].booked.date;
      std::vector<size_t> evidence;
      Money total;
      std::string text = "on " + FormatDate(day) + ", ";
      for (; i < hits.size() && txs_[hits[i].index].booked.date == day; ++i) {
        if (!evidence.empty()) text += "; ";
        text += hits[i].clause;
        evidence.push_back(hits[i].index);
        total += txs_[hits[i].index].amount;
      }
      Raise(rule, day, day, total, evidence, text + " (parameter: " + parameter + ")");
    }
  }

  std::string Movement(const Transaction& tx) const {
    std::string out = IsCash(tx) ? std::string("cash ") : std::string();
    return out + ToString(tx.direction) + " " + Eur(tx.amount);
  }

  // A2.20: money that comes in and goes out on the same days.
  void PassThrough(const MonthStats& s) {
    const auto& p = p_.pass_through;
    int count = 0;
    Money in, out;
    std::vector<size_t> evidence;
    std::string dates;
    // The month's transactions are in booking order: each day is one run.
    for (size_t first = s.first; first < s.last;) {
      const Date date = txs_[first].booked.date;
      Money debit, credit;
      size_t last = first;
      for (; last < s.last && txs_[last].booked.date == date; ++last) {
        (IsCredit(txs_[last]) ? credit : debit) += txs_[last].amount;
      }
      const size_t day_first = first;
      first = last;
      if (debit < p.min_day_turnover || credit < p.min_day_turnover) continue;
      const Money larger = std::max(debit, credit), smaller = std::min(debit, credit);
      // "Differ by at most N % of the larger": over it is a strict excess.
      if ((larger - smaller).ExceedsPercentOf(larger, p.max_difference_percent)) continue;
      ++count;
      in += credit;
      out += debit;
      for (size_t i = day_first; i < last; ++i) evidence.push_back(i);
      dates += (dates.empty() ? "" : ", ") + FormatDate(date);
    }
    if (count < p.min_days) return;
    RaiseMonth("A2.20", s, in, evidence,
               "on " + std::to_string(count) + " days of " + s.month.ToString() + " (" + dates +
                   ") debit and credit turnover were each at least " + Eur(p.min_day_turnover) +
                   " and within " + std::to_string(p.max_difference_percent) + " % of each other, " +
                   Eur(in) + " in and " + Eur(out) + " out (parameter: at least " +
                   std::to_string(p.min_days) + " days a month)");
  }

  // A2.21: cash above a share of the month's debit or credit turnover.
  void CashShare(const MonthStats& s) {
    const auto& p = p_.cash_share;
    // Cash is typical for the client: a documented client-level exemption,
    // or a cash-intensive NACE code (shops, petrol stations).
    if (c_.cash_typical || (!c_.nace.empty() && ref_.NaceCashIntensive(c_.nace))) return;
    const bool debit =
        s.debit >= p.min_month_turnover && s.cash_debit.ExceedsPercentOf(s.debit, p.share_percent);
    const bool credit =
        s.credit >= p.min_month_turnover && s.cash_credit.ExceedsPercentOf(s.credit, p.share_percent);
    if (!debit && !credit) return;
    // Both directions of one month make one alert: the rule and the month
    // identify it.
    std::vector<std::string> parts;
    if (debit) {
      parts.push_back("cash " + Eur(s.cash_debit) + " is " + Percent(s.cash_debit, s.debit) + " of the " +
                      Eur(s.debit) + " debit turnover");
    }
    if (credit) {
      parts.push_back("cash " + Eur(s.cash_credit) + " is " + Percent(s.cash_credit, s.credit) + " of the " +
                      Eur(s.credit) + " credit turnover");
    }
    std::string text = parts[0] + (parts.size() > 1 ? " and " + parts[1] : "");
    Money amount = (debit ? s.cash_debit : Money()) + (credit ? s.cash_credit : Money());
    auto evidence =
        Select(s, [&](const Transaction& tx) { return IsCash(tx) && (IsCredit(tx) ? credit : debit); });
    RaiseMonth(
        "A2.21", s, amount, evidence,
        text + " of " + s.month.ToString() + " (parameter: > " + std::to_string(p.share_percent) + " %)");
  }

  // A2.23: regular round-amount payments.
  void RoundAmounts(const MonthStats& s) {
    const auto& p = p_.round_amounts;
    if (p.round_unit <= Money()) return;  // no unit, no rule (and no division by zero)
    auto evidence = Select(s, [&](const Transaction& tx) {
      return !IsCredit(tx) && tx.amount >= p.min_amount && tx.amount.cents() % p.round_unit.cents() == 0;
    });
    if (static_cast<int>(evidence.size()) < p.min_count || evidence.empty()) return;
    Money total;
    for (size_t i : evidence) total += txs_[i].amount;
    RaiseMonth("A2.23", s, total, evidence,
               std::to_string(evidence.size()) + " debits of " + s.month.ToString() + " totalling " +
                   Eur(total) + " are multiples of " + Eur(p.round_unit) + " and at least " +
                   Eur(p.min_amount) + " (parameter: at least " + std::to_string(p.min_count) + " a month)");
  }

  // A2.26: a legal person whose money comes in by transfer and leaves as cash.
  void TransfersToCash(const MonthStats& s) {
    const auto& p = p_.transfers_to_cash;
    if (c_.type != ClientType::kLegal) return;
    // The floor applies to the incoming money, which is what the factor is
    // about; a month without cash withdrawals is not this pattern at all
    // (0 would otherwise "reach" any share of a zero debit turnover).
    if (s.credit < p.min_month_turnover || s.cash_debit <= Money()) return;
    if (!ReachesPercentOf(s.transfer_credit, s.credit, p.min_transfer_in_percent) ||
        !ReachesPercentOf(s.cash_debit, s.debit, p.min_cash_out_percent)) {
      return;
    }
    auto evidence = Select(s, [](const Transaction& tx) {
      return IsCredit(tx) ? tx.channel == Channel::kTransfer : IsCash(tx);
    });
    RaiseMonth("A2.26", s, s.cash_debit, evidence,
               "incoming transfers " + Eur(s.transfer_credit) + " are " +
                   Percent(s.transfer_credit, s.credit) + " of the " + Eur(s.credit) +
                   " credit turnover and cash withdrawals " + Eur(s.cash_debit) + " are " +
                   Percent(s.cash_debit, s.debit) + " of the " + Eur(s.debit) + " debit turnover of " +
                   s.month.ToString() + " (parameters: >= " + std::to_string(p.min_transfer_in_percent) +
                   " % and >= " + std::to_string(p.min_cash_out_percent) +
                   " %, credit turnover >= " + Eur(p.min_month_turnover) + ")");
  }

  // A2.27: payments above the limit to or from high-risk jurisdictions.
  void HighRiskJurisdiction() {
    const auto& p = p_.high_risk_jurisdiction;
    std::vector<const CountryList*> lists;
    for (const std::string& id : p.lists) {
      if (const CountryList* list = ref_.List(id)) lists.push_back(list);
    }
    std::vector<TxHit> hits;
    for (size_t i = 0; i < txs_.size(); ++i) {
      const Transaction& tx = txs_[i];
      if (tx.amount <= p.limit || tx.counterparty_country.empty()) continue;
      std::string on;
      for (const CountryList* list : lists) {
        if (list->codes.count(tx.counterparty_country)) on += (on.empty() ? "" : ", ") + list->id;
      }
      if (on.empty()) continue;
      hits.push_back({i, Movement(tx) + (IsCredit(tx) ? " from " : " to ") + tx.counterparty_country + " (" +
                             on + ") is above the limit"});
    }
    if (hits.empty()) return;  // (most clients: build no text)
    std::string names;
    for (const std::string& id : p.lists) names += (names.empty() ? "" : ", ") + id;
    RaisePerDay("A2.27", std::move(hits), "> " + Eur(p.limit) + " with a country on " + names);
  }

  // A2.29: large payments for services, found by the purpose text.
  void Services() {
    const auto& p = p_.services;
    std::vector<std::string> keywords;
    std::vector<TxHit> hits;
    for (size_t i = 0; i < txs_.size(); ++i) {
      const Transaction& tx = txs_[i];
      if (tx.amount <= p.limit || tx.purpose.empty()) continue;
      if (keywords.empty()) {  // lower-cased once, and only for a client with a large payment
        for (const std::string& k : p.keywords) {
          if (!k.empty()) keywords.push_back(LowerUtf8(k));
        }
      }
      const std::string purpose = LowerUtf8(tx.purpose);
      for (const std::string& k : keywords) {
        if (purpose.find(k) == std::string::npos) continue;
        hits.push_back({i, Movement(tx) + " for '" + tx.purpose + "' (keyword '" + k +
                               "') is above the limit for payments for services"});
        break;
      }
    }
    if (hits.empty()) return;
    RaisePerDay("A2.29", std::move(hits), "> " + Eur(p.limit));
  }

  // A2.48: a transaction exceeds the client's own limit by a margin.
  void OverLimit() {
    const auto& p = p_.over_limit;
    if (!c_.transaction_limit) return;
    const Money limit = *c_.transaction_limit;
    std::vector<TxHit> hits;
    for (size_t i = 0; i < txs_.size(); ++i) {
      const Transaction& tx = txs_[i];
      const Money excess = tx.amount - limit;
      // "By at least" both: >=, and an amount at the limit never "exceeds" it.
      if (excess <= Money() || !ReachesPercentOf(excess, limit, p.min_excess_percent) ||
          excess < p.min_excess) {
        continue;
      }
      std::string share = limit > Money() ? " (" + Percent(excess, limit) + " of the limit)" : "";
      hits.push_back({i, Movement(tx) + " exceeds the client's transaction limit " + Eur(limit) + " by " +
                             Eur(excess) + share});
    }
    if (hits.empty()) return;
    RaisePerDay(
        "A2.48", std::move(hits),
        "excess >= " + std::to_string(p.min_excess_percent) + " % of the limit and >= " + Eur(p.min_excess));
  }

  // A2.49: the first credit comes long after the relationship started, and
  // it comes big.
  void LateFirstCredit() {
    const auto& p = p_.late_first_credit;
    auto first = std::find_if(txs_.begin(), txs_.end(), IsCredit);
    if (first == txs_.end()) return;
    const Date on = first->booked.date;
    if (p_.history_complete_from && c_.relationship_start < *p_.history_complete_from) return;
    if (on < AddMonths(c_.relationship_start, p.min_months)) return;
    const MonthStats& s = *Month(YearMonth::Of(on));
    if (s.credit < p.min_month_credit) return;
    auto evidence = Select(s, IsCredit);
    RaiseMonth("A2.49", s, s.credit, evidence,
               "the first credit was booked on " + FormatDate(on) + ", " +
                   std::to_string(MonthsBetween(c_.relationship_start, on)) +
                   " months after the relationship started on " + FormatDate(c_.relationship_start) +
                   ", and the credit turnover of " + s.month.ToString() + " is " + Eur(s.credit) +
                   " (parameters: >= " + std::to_string(p.min_months) +
                   " months and >= " + Eur(p.min_month_credit) + ")");
  }

  // A2.50: an account's first debit comes long after the account was opened.
  void LateFirstDebit() {
    const auto& p = p_.late_first_debit;
    // The first debit of each account, in account order (a client has one
    // or two accounts: a linear list beats a map).
    std::vector<std::pair<std::string_view, size_t>> first_debit;
    for (size_t i = 0; i < txs_.size(); ++i) {
      if (IsCredit(txs_[i])) continue;
      const std::string_view account = txs_[i].account_id;
      if (std::none_of(first_debit.begin(), first_debit.end(), [&](const auto& f) { return f.first == account; })) {
        first_debit.emplace_back(account, i);
      }
    }
    std::sort(first_debit.begin(), first_debit.end());
    std::vector<TxHit> hits;
    for (const auto& [account_id, i] : first_debit) {
      const Transaction& tx = txs_[i];
      auto account = std::find_if(mc_.accounts.begin(), mc_.accounts.end(),
                                  [&](const Account& a) { return a.id == account_id; });
      const bool known = account != mc_.accounts.end();
      const Date since = known ? account->opened_on : c_.relationship_start;
      if (p_.history_complete_from && since < *p_.history_complete_from) continue;
      if (tx.booked.date < AddMonths(since, p.min_months)) continue;
      hits.push_back({i, "the first debit on account " + std::string(account_id) + ", " + Eur(tx.amount) + ", came " +
                             std::to_string(MonthsBetween(since, tx.booked.date)) + " months after " +
                             (known ? "the account was opened on " : "the relationship started on ") +
                             FormatDate(since)});
    }
    if (hits.empty()) return;
    RaisePerDay("A2.50", std::move(hits), ">= " + std::to_string(p.min_months) + " months");
  }

  // A2.51: activity resumes after a long pause, with a big month.
  void Resumed() {
    const auto& p = p_.resumed;
    const MonthStats* previous = nullptr;
    for (const MonthStats& s : months_) {
      const MonthStats* before = previous;
      previous = &s;
      if (!before) continue;  // the first activity is a start, not a resumption (A2.49, A2.50)
      const int pause = s.month - before->month - 1;
      if (pause < p.min_pause_months) continue;
      if (s.debit < p.min_month_turnover && s.credit < p.min_month_turnover) continue;
      RaiseMonth("A2.51", s, std::max(s.debit, s.credit), s.Positions(),
                 "after " + std::to_string(pause) + " months without transactions (" +
                     (before->month + 1).ToString() + " to " + (s.month - 1).ToString() +
                     ") the turnover of " + s.month.ToString() + " is " + Eur(s.debit) + " debit and " +
                     Eur(s.credit) + " credit (parameters: pause >= " + std::to_string(p.min_pause_months) +
                     " months, debit or credit turnover >= " + Eur(p.min_month_turnover) + ")");
    }
  }

  // A2.52: a natural person's large cash transaction.
  void LargeCash() {
    const auto& p = p_.large_cash;
    if (c_.type != ClientType::kNatural) return;
    std::vector<TxHit> hits;
    for (size_t i = 0; i < txs_.size(); ++i) {
      const Transaction& tx = txs_[i];
      if (IsCash(tx) && tx.amount > p.limit)
        hits.push_back({i, Movement(tx) + " by a natural person is above the limit"});
    }
    if (hits.empty()) return;
    RaisePerDay("A2.52", std::move(hits), "> " + Eur(p.limit));
  }

  // A2.53-A2.55: credit turnover of a client whose activity is not linked to
  // Latvia, over one, three and twelve calendar months.
  void NonLatvia() {
    if (c_.activity_linked_to_latvia || mc_.has_annex1_factors) return;
    const RegulatoryParameters& r = m_.params;
    CreditOver("A2.53", 1, r.non_latvia_monthly_credit);
    CreditOver("A2.54", 3, r.non_latvia_quarter_credit);
    CreditOver("A2.55", 12, r.non_latvia_annual_credit);
  }

  // Rolling windows of `length` calendar months ending in each month from
  // the first to the last month with a credit. A window that overlaps one
  // already raised is skipped: one 800 000 EUR month would otherwise raise
  // A2.54 three times and A2.55 twelve times for the same money. Every
  // crossing window still overlaps a raised one, and because each decision
  // depends only on months up to the window's end, appending transactions
  // never takes back a window that was raised before.
  void CreditOver(const char* rule, int length, Money limit) {
    int first = INT_MAX, last = INT_MIN;
    for (const MonthStats& s : months_) {
      if (s.credit > Money()) {
        first = std::min(first, s.month.index());
        last = std::max(last, s.month.index());
      }
    }
    if (first > last) return;
    int raised_end = INT_MIN;
    for (int end = first; end <= last; ++end) {
      const int start = end - length + 1;
      if (start <= raised_end) continue;
      Money sum;
      std::vector<size_t> evidence;
      auto it = std::lower_bound(months_.begin(), months_.end(), start,
                                 [](const MonthStats& m, int index) { return m.month.index() < index; });
      for (; it != months_.end() && it->month.index() <= end; ++it) {
        sum += it->credit;
        for (size_t i = it->first; i < it->last; ++i) {
          if (IsCredit(txs_[i])) evidence.push_back(i);
        }
      }
      if (sum <= limit) continue;
      raised_end = end;
      const YearMonth from = YearMonth::FromIndex(start), to = YearMonth::FromIndex(end);
      std::string period = length == 1 ? to.ToString()
                                       : "the " + std::to_string(length) + " months " + from.ToString() +
                                             " to " + to.ToString();
      Raise(rule, from.FirstDay(), to.LastDay(), sum, evidence,
            "credit turnover " + Eur(sum) + " in " + period +
                " of a client whose activity is not linked to Latvia (parameter: > " + Eur(limit) + ")");
    }
  }

  // A2.56: an association or foundation sends money abroad or takes cash.
  void Association() {
    const auto& p = p_.association;
    if (c_.legal_form.empty() || std::none_of(txs_.begin(), txs_.end(), [&](const Transaction& tx) {
          return !IsCredit(tx) && tx.amount > p.limit;
        })) {
      return;  // (checked first: comparing legal forms costs more)
    }
    const std::string form = LowerUtf8(Trim(c_.legal_form));
    if (form.empty() || std::none_of(p.legal_forms.begin(), p.legal_forms.end(),
                                     [&](const std::string& f) { return LowerUtf8(Trim(f)) == form; })) {
      return;
    }
    std::vector<TxHit> hits;
    for (size_t i = 0; i < txs_.size(); ++i) {
      const Transaction& tx = txs_[i];
      if (IsCredit(tx) || tx.amount <= p.limit) continue;
      if (IsCash(tx)) {
        hits.push_back({i, "the " + c_.legal_form + " withdrew " + Eur(tx.amount) + " in cash"});
      } else if (!tx.counterparty_country.empty() && tx.counterparty_country != "LV") {
        hits.push_back({i, "the " + c_.legal_form + " sent " + Eur(tx.amount) + " abroad to " +
                               tx.counterparty_country});
      }
    }
    if (hits.empty()) return;
    RaisePerDay("A2.56", std::move(hits), "> " + Eur(p.limit));
  }

  // A2.58: actual credit turnover far above the declared plan.
  void Disproportionate(const MonthStats& s) {
    const auto& p = p_.disproportionate;
    if (!c_.planned_monthly_credit_turnover) return;
    const Money plan = *c_.planned_monthly_credit_turnover;
    if (s.credit < p.min_month_credit || !ReachesPercentOf(s.credit, plan, p.min_ratio_percent)) return;
    std::string ratio = plan > Money() ? " (" + Percent(s.credit, plan) + " of it)" : "";
    RaiseMonth("A2.58", s, s.credit, Select(s, IsCredit),
               "the credit turnover of " + s.month.ToString() + ", " + Eur(s.credit) +
                   ", is disproportionate to the planned monthly credit turnover " + Eur(plan) + ratio +
                   " (parameters: >= " + std::to_string(p.min_ratio_percent) +
                   " % of the plan and >= " + Eur(p.min_month_credit) + ")");
  }

  std::vector<Alert> Finish() {
    auto first_id = [](const Alert& a) -> std::string_view {
      return a.tx_ids.empty() ? std::string_view() : std::string_view(a.tx_ids.front());
    };
    std::sort(alerts_.begin(), alerts_.end(), [&](const Alert& a, const Alert& b) {
      if (a.window_start != b.window_start) return a.window_start < b.window_start;
      if (a.rule != b.rule) return a.rule < b.rule;
      if (a.window_end != b.window_end) return a.window_end < b.window_end;
      return first_id(a) < first_id(b);
    });
    // The rules raise each (rule, window) once by construction; this keeps
    // the promise even if a future rule forgets.
    alerts_.erase(std::unique(alerts_.begin(), alerts_.end(),
                              [](const Alert& a, const Alert& b) {
                                return a.rule == b.rule && a.window_start == b.window_start &&
                                       a.window_end == b.window_end;
                              }),
                  alerts_.end());
    return std::move(alerts_);
  }

  const MonitoredClient& mc_;
  const Client& c_;
  std::span<const Transaction> txs_;
  const Methodology& m_;
  const MonitoringParams& p_;
  const ReferenceData& ref_;
  // The months with transactions, ascending.
  const MonthStats* Month(YearMonth ym) const {
    auto it = std::lower_bound(months_.begin(), months_.end(), ym.index(),
                               [](const MonthStats& m, int index) { return m.month.index() < index; });
    return it != months_.end() && it->month == ym ? &*it : nullptr;
  }
  std::vector<MonthStats> months_;
  std::vector<Alert> alerts_;
};

}  // namespace

std::vector<Alert> EvaluateClient(const MonitoredClient& client, std::span<const Transaction> transactions,
                                  const Methodology& methodology, const ReferenceData& ref) {
  if (!client.client) return {};
  auto by_time = [](const Transaction& a, const Transaction& b) {
    return a.booked.date != b.booked.date ? a.booked.date < b.booked.date
                                          : a.booked.second_of_day < b.booked.second_of_day;
  };
  if (!std::is_sorted(transactions.begin(), transactions.end(), by_time)) {
    // The rules read months and days as runs of the span; a caller that
    // broke the contract still gets right answers, at the cost of a copy.
    std::vector<Transaction> sorted(transactions.begin(), transactions.end());
    std::stable_sort(sorted.begin(), sorted.end(), by_time);
    return Evaluator(client, sorted, methodology, ref).Run();
  }
  return Evaluator(client, transactions, methodology, ref).Run();
}

}  // namespace sargs
