// MonitoringParams: the parameters of the transaction-monitoring rules, one
// struct per annex 2 factor. Defaults are the regulation's numbers where it
// gives them, and documented, conservative numbers where it leaves them to
// the institution. They are read from the methodology file's [monitoring]
// table (docs/methodology.md); every rule can be switched off.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/money.h"

namespace sargs {

struct MonitoringParams {
  // The first day from which the institution's transaction data is
  // complete. A2.49 and A2.50 ("the first credit/debit came months after
  // the start") look only at relationships and accounts that began on or
  // after it: for older ones the data cannot show which transaction was the
  // first. Default: none, and then the date the data was loaded with
  // (app/monitoring_run.h MonitoringMethodology); with neither, the history
  // is complete.
  std::optional<Date> history_complete_from;

  // A2.20 pass-through: on at least `min_days` days of a calendar month the
  // day's debit and credit turnover are both at least `min_day_turnover`
  // and differ by at most `max_difference_percent` of the larger.
  struct PassThrough {
    bool enabled = true;
    int min_days = 3;
    int max_difference_percent = 10;
    Money min_day_turnover = Money::FromEuros(1'000);
  } pass_through;

  // A2.21 cash > 30 % of the month's debit or credit turnover, unless cash is
  // typical for the client (a cash-intensive NACE code, or the client-level
  // exemption `cash_typical` in the client data).
  struct CashShare {
    bool enabled = true;
    int share_percent = 30;  // regulation: 30 %
    Money min_month_turnover = Money::FromEuros(1'000);  // ignore tiny months
  } cash_share;

  // A2.23 regular round-amount payments: at least `min_count` debits in a
  // calendar month that are multiples of `round_unit` and at least `min_amount`.
  struct RoundAmounts {
    bool enabled = true;
    int min_count = 3;
    Money round_unit = Money::FromEuros(1'000);
    Money min_amount = Money::FromEuros(1'000);
  } round_amounts;

  // A2.26 a legal person whose month is mainly incoming transfers out of
  // which cash is withdrawn: credits by transfer >= `min_transfer_in_percent`
  // of credit turnover and cash withdrawals >= `min_cash_out_percent` of
  // debit turnover.
  struct TransfersToCash {
    bool enabled = true;
    int min_transfer_in_percent = 80;
    int min_cash_out_percent = 50;
    Money min_month_turnover = Money::FromEuros(10'000);
  } transfers_to_cash;

  // A2.27 payments above the institution's limit to or from a high-risk
  // jurisdiction (the country lists named here).
  struct HighRiskJurisdiction {
    bool enabled = true;
    Money limit = Money::FromEuros(15'000);
    std::vector<std::string> lists = {"fatf_call_for_action", "eu_high_risk_third_countries"};
  } high_risk_jurisdiction;

  // A2.29 large payments for services (purpose keywords in Latvian, English
  // and Russian) above the institution's limit.
  struct Services {
    bool enabled = true;
    Money limit = Money::FromEuros(50'000);
    std::vector<std::string> keywords = {
        "consult", "advertis", "marketing", "konsult", "reklām", "mārketing",
        "консалт", "консульт", "реклам", "маркетинг"};
  } services;

  // A2.48 a transaction exceeds the client's transaction_limit by at least
  // `min_excess_percent` of the limit and by at least `min_excess`.
  struct OverLimit {
    bool enabled = true;
    int min_excess_percent = 30;                   // regulation: 30 %
    Money min_excess = Money::FromEuros(1'000);    // regulation: 1 000 EUR
  } over_limit;

  // A2.49 first credit `min_months` or more after the relationship started,
  // and that month's credit turnover >= `min_month_credit`.
  struct LateFirstCredit {
    bool enabled = true;
    int min_months = 6;                                  // regulation: six months
    Money min_month_credit = Money::FromEuros(70'000);   // regulation: 70 000 EUR
  } late_first_credit;

  // A2.50 first debit `min_months` or more after the account was opened.
  struct LateFirstDebit {
    bool enabled = true;
    int min_months = 12;  // regulation: 12 months
  } late_first_debit;

  // A2.51 activity resumes after a pause of >= `min_pause_months` and the
  // first month's debit or credit turnover >= `min_month_turnover`.
  struct Resumed {
    bool enabled = true;
    int min_pause_months = 6;                              // regulation: 6 months
    Money min_month_turnover = Money::FromEuros(70'000);   // regulation: 70 000 EUR
  } resumed;

  // A2.52 a natural person's cash transaction > `limit`.
  struct LargeCash {
    bool enabled = true;
    Money limit = Money::FromEuros(15'000);  // regulation: 15 000 EUR
  } large_cash;

  // A2.53-A2.55 clients whose activity is not linked to Latvia: credit
  // turnover > 300 000 in a calendar month, > 700 000 in three, > 3 000 000
  // in twelve (the methodology's [parameters] hold the amounts).
  struct NonLatvia {
    bool enabled = true;
  } non_latvia;

  // A2.56 an association or foundation (legal forms listed) sends money
  // abroad or withdraws cash above `limit`.
  struct Association {
    bool enabled = true;
    Money limit = Money::FromEuros(10'000);  // regulation: 10 000 EUR
    std::vector<std::string> legal_forms = {"biedrība", "nodibinājums"};
  } association;

  // A2.58 actual turnover disproportionate to the declared: a calendar
  // month's credit turnover is at least `min_ratio_percent` of the planned
  // monthly credit turnover and at least `min_month_credit`.
  struct Disproportionate {
    bool enabled = true;
    int min_ratio_percent = 300;  // three times the plan
    Money min_month_credit = Money::FromEuros(10'000);
  } disproportionate;

  // --- Cross-client and graph rules (monitoring/cross_client_rules.h) ---
  // The regulation gives no numbers for these factors; the defaults are
  // Sargs' choices, with the reason beside each.

  // A2.24 many small incoming payments from several payers, then one large
  // payment on to another recipient (graph.h FindFanInThenOut on accounts).
  struct FanInOut {
    bool enabled = true;
    // Distinct payers, not counting the onward recipient. Default: 3, the
    // least number that reads as "several"; the amount conditions below
    // already narrow the pattern.
    int min_payers = 3;
    // Incoming payments up to this many days before the onward payment
    // count. Default: 30, the month the other rules look at.
    int window_days = 30;
    // "Small": only incoming payments of at most this amount count.
    // Default: 1 000 EUR, consumer-sized payments rather than business ones.
    Money max_incoming = Money::FromEuros(1'000);
    // The onward payment carries at least this share of what came in.
    // Default: 50 %: "large" relative to the inflow, leaving room for fees
    // and what a collector keeps.
    int min_onward_percent = 50;
  } fan_in_out;

  // A2.30 money leaves a client and comes back to the same client's
  // accounts (graph.h FindCycles on clients and outside accounts).
  struct Circular {
    bool enabled = true;
    // Longest ring in transfers. Default: 6; layering through a few
    // accounts rarely needs more, and the search grows with this power.
    int max_hops = 6;
    // Every transfer of the ring within this many days of the first.
    // Default: 30; a slower round trip is hard to tell from ordinary
    // two-way business.
    int window_days = 30;
    // Every transfer carries the first one's amount within this many
    // percent either way. Default: 10: fees and a cut, but an unrelated
    // payment closing a loop seldom matches.
    int hop_tolerance_percent = 10;
    // Every transfer of the ring is at least this amount. Default: 5 000
    // EUR: the everyday look-alikes of a ring (a refund from a shop, a small
    // loan between friends repaid) are mostly below it, and layering that
    // matters is not.
    Money min_amount = Money::FromEuros(5'000);
  } circular;

  // A2.46 one IP address used for internet-bank access by several unrelated
  // clients (clients of one related group count once).
  struct SharedIp {
    bool enabled = true;
    // Unrelated clients (distinct related groups) using one address within
    // a calendar month. Default: 3: two unrelated clients behind one
    // address are an everyday sight (flatmates, a small office), three
    // begin to look like one person running several clients' accounts.
    int min_clients = 3;
    // An address used by at least this many distinct clients over the
    // whole input is a public one (mobile operator NAT, a café's Wi-Fi) and
    // is left out. Default: 50: far above a household or an office, far
    // below a carrier's shared address.
    int mass_address_clients = 50;
    // Addresses never looked at: the institution's own branch network,
    // known public networks. Exact text as in the transaction data.
    std::vector<std::string> allowed_ips;
  } shared_ip;

  // A2.57 several clients pay the same recipient account within a calendar
  // month; mass-market recipients (utilities, shops) are excluded.
  struct CommonRecipient {
    bool enabled = true;
    // Distinct paying clients in one calendar month. Default: 3, "several".
    int min_clients = 3;
    // A recipient paid by at least this many distinct clients over the
    // whole input serves "a wide range of clients" (the factor's own
    // exclusion) and is left out. Default: 50.
    int mass_recipient_clients = 50;
    // Recipient accounts never looked at (IBAN as in the data).
    std::vector<std::string> allowed_accounts;
  } common_recipient;

  // A2.73 several unrelated clients withdraw significant cash at the same
  // ATM almost simultaneously.
  struct SameAtm {
    bool enabled = true;
    // Unrelated clients (distinct related groups) within one span of
    // `window_minutes`. Default: 3: two strangers one after the other at a
    // busy ATM are ordinary, a third within minutes much less so.
    int min_clients = 3;
    // First and last withdrawal at most this many minutes apart. Default:
    // 10: one person working through several cards needs a few minutes.
    int window_minutes = 10;
    // Only withdrawals of at least this amount count ("significant").
    // Default: 500 EUR: above everyday withdrawals, below the usual daily
    // ATM limit that emptying an account runs into.
    Money min_withdrawal = Money::FromEuros(500);
  } same_atm;
};

}  // namespace sargs
