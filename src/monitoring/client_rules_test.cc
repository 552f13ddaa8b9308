#include "monitoring/client_rules.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <tuple>

namespace sargs {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

Date D(const char* s) { return *ParseDate(s); }
Money Eur(const char* s) { return *Money::Parse(s); }

class ClientRulesTest : public ::testing::Test {
 protected:
  ClientRulesTest() : ref_(ShippedReference()) {
    client_.id = "C1";
    client_.type = ClientType::kNatural;
    client_.name = "Jānis Bērziņš";
    client_.country = "LV";
    client_.relationship_start = D("2025-01-15");
    mc_.client = &client_;
  }

  void MakeLegal(const std::string& legal_form = "SIA") {
    client_.type = ClientType::kLegal;
    client_.name = "Tests";
    client_.legal_form = legal_form;
  }

  Transaction& Add(const char* date, Direction direction, const char* amount,
                   Channel channel = Channel::kTransfer, const std::string& country = "",
                   const std::string& purpose = "") {
    Transaction t;
    t.id = "T" + std::to_string(txs_.size() + 1);
    t.account_id = "A1";
    t.client_id = client_.id;
    t.booked.date = D(date);
    t.direction = direction;
    t.amount = Eur(amount);
    t.currency = "EUR";
    t.channel = channel;
    t.counterparty_country = country;
    t.purpose = purpose;
    txs_.push_back(t);
    return txs_.back();
  }
  Transaction& Credit(const char* date, const char* amount, Channel channel = Channel::kTransfer,
                      const std::string& country = "", const std::string& purpose = "") {
    return Add(date, Direction::kCredit, amount, channel, country, purpose);
  }
  Transaction& Debit(const char* date, const char* amount, Channel channel = Channel::kTransfer,
                     const std::string& country = "", const std::string& purpose = "") {
    return Add(date, Direction::kDebit, amount, channel, country, purpose);
  }

  std::vector<Alert> Run() {
    std::stable_sort(txs_.begin(), txs_.end(), [](const Transaction& a, const Transaction& b) {
      return a.booked.date < b.booked.date;
    });
    mc_.accounts = accounts_;
    return EvaluateClient(mc_, txs_, m_, ref_);
  }
  // The alerts of one rule.
  std::vector<Alert> Of(const std::string& rule) {
    std::vector<Alert> out;
    for (Alert& a : Run()) {
      if (a.rule == rule) out.push_back(std::move(a));
    }
    return out;
  }

  const ReferenceData& ref_;
  Client client_;
  MonitoredClient mc_;
  std::vector<Account> accounts_;
  Methodology m_;
  std::vector<Transaction> txs_;
};

// ---------------------------------------------------------------- general

TEST(ClientRulesAlertStatus, Names) {
  EXPECT_STREQ(ToString(AlertStatus::kOpen), "open");
  EXPECT_STREQ(ToString(AlertStatus::kConfirmed), "confirmed");
  EXPECT_STREQ(ToString(AlertStatus::kDismissed), "dismissed");
}

TEST_F(ClientRulesTest, NoTransactionsNoAlerts) { EXPECT_THAT(Run(), IsEmpty()); }

TEST_F(ClientRulesTest, NoClientNoAlerts) {
  mc_.client = nullptr;
  Credit("2025-03-02", "20000.00", Channel::kCash);
  EXPECT_THAT(Run(), IsEmpty());
}

TEST_F(ClientRulesTest, AlertsCarryClientFactorAndAreSortedAndUnique) {
  client_.transaction_limit = Eur("1000.00");
  Credit("2025-03-02", "20000.00", Channel::kCash);           // A2.21, A2.48, A2.52
  Credit("2025-03-02", "16000.00", Channel::kCash);           // same day: merged
  Debit("2025-02-10", "20000.00", Channel::kTransfer, "IR");  // A2.27, A2.48
  std::vector<Alert> alerts = Run();
  ASSERT_FALSE(alerts.empty());
  std::set<std::tuple<std::string, Date, Date>> seen;
  for (const Alert& a : alerts) {
    EXPECT_EQ(a.client_id, "C1");
    EXPECT_EQ(a.factor, a.rule);
    EXPECT_EQ(a.status, AlertStatus::kOpen);
    EXPECT_EQ(a.id, 0);
    EXPECT_FALSE(a.explanation.empty());
    EXPECT_TRUE(seen.insert({a.rule, a.window_start, a.window_end}).second) << a.rule;
  }
  EXPECT_TRUE(std::is_sorted(alerts.begin(), alerts.end(), [](const Alert& a, const Alert& b) {
    return std::tie(a.window_start, a.rule, a.window_end) < std::tie(b.window_start, b.rule, b.window_end);
  }));
  // Evaluating again gives the same alerts.
  std::vector<Alert> again = Run();
  ASSERT_EQ(again.size(), alerts.size());
  for (size_t i = 0; i < alerts.size(); ++i) {
    EXPECT_EQ(again[i].rule, alerts[i].rule);
    EXPECT_EQ(again[i].explanation, alerts[i].explanation);
    EXPECT_EQ(again[i].tx_ids, alerts[i].tx_ids);
  }
  // A2.48 on two days; the day of two hits is one alert with both.
  std::vector<Alert> over = Of("A2.48");
  ASSERT_THAT(over, SizeIs(2));
  EXPECT_EQ(over[0].window_start, D("2025-02-10"));
  EXPECT_EQ(over[1].window_start, D("2025-03-02"));
  EXPECT_EQ(over[1].window_end, D("2025-03-02"));
  EXPECT_THAT(over[1].tx_ids, ElementsAre("T1", "T2"));
  EXPECT_EQ(over[1].amount, Eur("36000.00"));
}

// ---------------------------------------------------------------- A2.20

TEST_F(ClientRulesTest, PassThroughOnThreeDaysOfAMonth) {
  for (const char* day : {"2025-03-03", "2025-03-10", "2025-03-17"}) {
    Credit(day, "10000.00");
    Debit(day, "9000.00");  // differs by exactly 10 % of the larger
  }
  std::vector<Alert> a = Of("A2.20");
  ASSERT_THAT(a, SizeIs(1));
  EXPECT_EQ(a[0].window_start, D("2025-03-01"));
  EXPECT_EQ(a[0].window_end, D("2025-03-31"));
  EXPECT_EQ(a[0].amount, Eur("30000.00"));
  EXPECT_THAT(a[0].tx_ids, ElementsAre("T1", "T2", "T3", "T4", "T5", "T6"));
  EXPECT_THAT(a[0].explanation, HasSubstr("on 3 days of 2025-03"));
  EXPECT_THAT(a[0].explanation, HasSubstr("30 000.00 EUR in and 27 000.00 EUR out"));
  EXPECT_THAT(a[0].explanation, HasSubstr("(parameter: at least 3 days a month)"));
}

TEST_F(ClientRulesTest, PassThroughTwoDaysAreNotEnough) {
  for (const char* day : {"2025-03-03", "2025-03-10"}) {
    Credit(day, "10000.00");
    Debit(day, "10000.00");
  }
  Credit("2025-04-01", "10000.00");  // third day in another month
  Debit("2025-04-01", "10000.00");
  EXPECT_THAT(Of("A2.20"), IsEmpty());
}

TEST_F(ClientRulesTest, PassThroughDifferenceOverTenPercentDoesNotCount) {
  for (const char* day : {"2025-03-03", "2025-03-10"}) {
    Credit(day, "10000.00");
    Debit(day, "9000.00");
  }
  Credit("2025-03-17", "10000.00");
  Debit("2025-03-17", "8999.99");  // 10.0001 %
  EXPECT_THAT(Of("A2.20"), IsEmpty());
}

TEST_F(ClientRulesTest, PassThroughSmallDaysDoNotCount) {
  for (const char* day : {"2025-03-03", "2025-03-10"}) {
    Credit(day, "1000.00");  // exactly the minimum
    Debit(day, "1000.00");
  }
  Credit("2025-03-17", "999.99");
  Debit("2025-03-17", "999.99");
  EXPECT_THAT(Of("A2.20"), IsEmpty());
  Credit("2025-03-18", "1000.00");
  Debit("2025-03-18", "1000.00");
  EXPECT_THAT(Of("A2.20"), SizeIs(1));
}

TEST_F(ClientRulesTest, PassThroughDisabled) {
  m_.monitoring.pass_through.enabled = false;
  for (const char* day : {"2025-03-03", "2025-03-10", "2025-03-17"}) {
    Credit(day, "10000.00");
    Debit(day, "10000.00");
  }
  EXPECT_THAT(Of("A2.20"), IsEmpty());
}

// ---------------------------------------------------------------- A2.21

TEST_F(ClientRulesTest, CashShareExactlyThirtyPercentDoesNotRaise) {
  Debit("2025-03-02", "3000.00", Channel::kAtm);
  Debit("2025-03-05", "7000.00");
  EXPECT_THAT(Of("A2.21"), IsEmpty());
}

TEST_F(ClientRulesTest, CashShareAboveThirtyPercentRaises) {
  Debit("2025-03-02", "3001.00", Channel::kAtm);
  Debit("2025-03-05", "6999.00");
  Credit("2025-03-06", "20000.00");
  std::vector<Alert> a = Of("A2.21");
  ASSERT_THAT(a, SizeIs(1));
  EXPECT_EQ(a[0].window_start, D("2025-03-01"));
  EXPECT_EQ(a[0].window_end, D("2025-03-31"));
  EXPECT_EQ(a[0].amount, Eur("3001.00"));
  EXPECT_THAT(a[0].tx_ids, ElementsAre("T1"));
  EXPECT_EQ(
      a[0].explanation,
      "cash 3 001.00 EUR is 30.01 % of the 10 000.00 EUR debit turnover of 2025-03 (parameter: > 30 %)");
}

TEST_F(ClientRulesTest, CashShareOfCreditTurnover) {
  Credit("2025-03-02", "4200.00", Channel::kCash);
  Credit("2025-03-05", "5800.00");
  std::vector<Alert> a = Of("A2.21");
  ASSERT_THAT(a, SizeIs(1));
  EXPECT_THAT(a[0].explanation, HasSubstr("cash 4 200.00 EUR is 42 % of the 10 000.00 EUR credit turnover"));
}

TEST_F(ClientRulesTest, CashShareBothDirectionsMakeOneAlert) {
  Credit("2025-03-02", "5000.00", Channel::kCash);
  Credit("2025-03-03", "5000.00");
  Debit("2025-03-04", "4000.00", Channel::kAtm);
  Debit("2025-03-05", "6000.00");
  std::vector<Alert> a = Of("A2.21");
  ASSERT_THAT(a, SizeIs(1));
  EXPECT_EQ(a[0].amount, Eur("9000.00"));
  EXPECT_THAT(a[0].tx_ids, ElementsAre("T1", "T3"));
  EXPECT_THAT(a[0].explanation, HasSubstr("40 % of the 10 000.00 EUR debit turnover and cash 5 000.00 EUR"));
}

TEST_F(ClientRulesTest, CashShareNeedsTheMinimumMonthTurnover) {
  Debit("2025-03-02", "999.99", Channel::kCash);
  EXPECT_THAT(Of("A2.21"), IsEmpty());
  Debit("2025-04-02", "1000.00", Channel::kCash);
  std::vector<Alert> a = Of("A2.21");
  ASSERT_THAT(a, SizeIs(1));
  EXPECT_EQ(a[0].window_start, D("2025-04-01"));
}

TEST_F(ClientRulesTest, CashShareSkippedWhenCashIsTypical) {
  Debit("2025-03-02", "5000.00", Channel::kCash);
  ASSERT_THAT(Of("A2.21"), SizeIs(1));
  client_.cash_typical = true;
  EXPECT_THAT(Of("A2.21"), IsEmpty());
}

TEST_F(ClientRulesTest, CashShareSkippedForCashIntensiveNace) {
  ASSERT_TRUE(ref_.NaceCashIntensive("47.30"));
  client_.nace = "47.30";
  Debit("2025-03-02", "5000.00", Channel::kCash);
  EXPECT_THAT(Of("A2.21"), IsEmpty());
}

TEST_F(ClientRulesTest, CashShareCardIsNotCash) {
  Debit("2025-03-02", "5000.00", Channel::kCard);
  EXPECT_THAT(Of("A2.21"), IsEmpty());
}

TEST_F(ClientRulesTest, CashShareDisabled) {
  m_.monitoring.cash_share.enabled = false;
  Debit("2025-03-02", "5000.00", Channel::kCash);
  EXPECT_THAT(Of("A2.21"), IsEmpty());
}

// ---------------------------------------------------------------- A2.23

TEST_F(ClientRulesTest, RoundAmountsThreeInAMonth) {
  Debit("2025-03-02", "1000.00");
  Debit("2025-03-03", "5000.00");
  Debit("2025-03-04", "1000.01");   // not round
  Credit("2025-03-05", "3000.00");  // a credit, not a payment
  Debit("2025-03-20", "2000.00");
  std::vector<Alert> a = Of("A2.23");
  ASSERT_THAT(a, SizeIs(1));
  EXPECT_EQ(a[0].amount, Eur("8000.00"));
  EXPECT_THAT(a[0].tx_ids, ElementsAre("T1", "T2", "T5"));
  EXPECT_EQ(
      a[0].explanation,
      "3 debits of 2025-03 totalling 8 000.00 EUR are multiples of 1 000.00 EUR and at least 1 000.00 EUR "
      "(parameter: at least 3 a month)");
}

TEST_F(ClientRulesTest, RoundAmountsTwoAreNotEnough) {
  Debit("2025-03-02", "1000.00");
  Debit("2025-03-03", "5000.00");
  Debit("2025-04-03", "5000.00");
  EXPECT_THAT(Of("A2.23"), IsEmpty());
}

TEST_F(ClientRulesTest, RoundAmountsBelowTheMinimumDoNotCount) {
  m_.monitoring.round_amounts.round_unit = Eur("100.00");
  Debit("2025-03-02", "1000.00");
  Debit("2025-03-03", "1100.00");
  Debit("2025-03-04", "900.00");
  EXPECT_THAT(Of("A2.23"), IsEmpty());
  Debit("2025-03-05", "1200.00");
  EXPECT_THAT(Of("A2.23"), SizeIs(1));
}

TEST_F(ClientRulesTest, RoundAmountsDisabled) {
  m_.monitoring.round_amounts.enabled = false;
  for (const char* day : {"2025-03-02", "2025-03-03", "2025-03-04"}) Debit(day, "1000.00");
  EXPECT_THAT(Of("A2.23"), IsEmpty());
}

// ---------------------------------------------------------------- A2.26

TEST_F(ClientRulesTest, TransfersToCashForALegalPerson) {
  MakeLegal();
  Credit("2025-03-02", "10000.00");
  Debit("2025-03-03", "5000.00", Channel::kCash);  // exactly 50 %
  Debit("2025-03-04", "5000.00");
  std::vector<Alert> a = Of("A2.26");
  ASSERT_THAT(a, SizeIs(1));
  EXPECT_EQ(a[0].amount, Eur("5000.00"));
  EXPECT_THAT(a[0].tx_ids, ElementsAre("T1", "T2"));
  EXPECT_THAT(a[0].explanation, HasSubstr("incoming transfers 10 000.00 EUR are 100 % of the 10 000.00 EUR"));
  EXPECT_THAT(a[0].explanation,
              HasSubstr("cash withdrawals 5 000.00 EUR are 50 % of the 10 000.00 EUR debit"));
  EXPECT_THAT(a[0].explanation, HasSubstr(">= 80 % and >= 50 %"));
}

TEST_F(ClientRulesTest, TransfersToCashNotForNaturalPersons) {
  Credit("2025-03-02", "10000.00");
  Debit("2025-03-03", "10000.00", Channel::kAtm);
  EXPECT_THAT(Of("A2.26"), IsEmpty());
}

TEST_F(ClientRulesTest, TransfersToCashBelowTheCashShare) {
  MakeLegal();
  Credit("2025-03-02", "10000.00");
  Debit("2025-03-03", "4999.99", Channel::kCash);
  Debit("2025-03-04", "5000.01");
  EXPECT_THAT(Of("A2.26"), IsEmpty());
}

TEST_F(ClientRulesTest, TransfersToCashBelowTheTransferShare) {
  MakeLegal();
  Credit("2025-03-02", "8000.00");
  Credit("2025-03-02", "2000.01", Channel::kCard);  // transfers 79.9998 %
  Debit("2025-03-03", "9000.00", Channel::kAtm);
  EXPECT_THAT(Of("A2.26"), IsEmpty());
}

TEST_F(ClientRulesTest, TransfersToCashBelowTheMonthTurnover) {
  MakeLegal();
  Credit("2025-03-02", "9999.99");
  Debit("2025-03-03", "9999.99", Channel::kAtm);
  EXPECT_THAT(Of("A2.26"), IsEmpty());
}

TEST_F(ClientRulesTest, TransfersToCashDisabled) {
  MakeLegal();
  m_.monitoring.transfers_to_cash.enabled = false;
  Credit("2025-03-02", "10000.00");
  Debit("2025-03-03", "10000.00", Channel::kAtm);
  EXPECT_THAT(Of("A2.26"), IsEmpty());
}

// ---------------------------------------------------------------- A2.27

TEST_F(ClientRulesTest, HighRiskJurisdictionAboveTheLimit) {
  Debit("2025-03-02", "15000.00", Channel::kTransfer, "IR");  // at the limit
  Credit("2025-03-03", "15000.01", Channel::kTransfer, "KP");
  Debit("2025-03-04", "90000.00", Channel::kTransfer, "DE");  // not high-risk
  std::vector<Alert> a = Of("A2.27");
  ASSERT_THAT(a, SizeIs(1));
  EXPECT_EQ(a[0].window_start, D("2025-03-03"));
  EXPECT_EQ(a[0].window_end, D("2025-03-03"));
  EXPECT_EQ(a[0].amount, Eur("15000.01"));
  EXPECT_THAT(a[0].tx_ids, ElementsAre("T2"));
  EXPECT_EQ(
      a[0].explanation,
      "on 2025-03-03, credit 15 000.01 EUR from KP (fatf_call_for_action, eu_high_risk_third_countries) is "
      "above the limit (parameter: > 15 000.00 EUR with a country on fatf_call_for_action, "
      "eu_high_risk_third_countries)");
}

TEST_F(ClientRulesTest, HighRiskJurisdictionOneAlertPerTransactionDay) {
  Debit("2025-03-02", "20000.00", Channel::kTransfer, "RU");
  Debit("2025-03-02", "30000.00", Channel::kTransfer, "IR");
  Debit("2025-03-09", "30000.00", Channel::kTransfer, "SY");
  std::vector<Alert> a = Of("A2.27");
  ASSERT_THAT(a, SizeIs(2));
  EXPECT_THAT(a[0].tx_ids, ElementsAre("T1", "T2"));
  EXPECT_EQ(a[0].amount, Eur("50000.00"));
  EXPECT_THAT(a[0].explanation, HasSubstr("20 000.00 EUR to RU"));
  EXPECT_THAT(a[0].explanation, HasSubstr("30 000.00 EUR to IR"));
  EXPECT_THAT(a[1].tx_ids, ElementsAre("T3"));
}

TEST_F(ClientRulesTest, HighRiskJurisdictionOnlyTheConfiguredLists) {
  m_.monitoring.high_risk_jurisdiction.lists = {"fatf_call_for_action"};
  Debit("2025-03-02", "20000.00", Channel::kTransfer, "RU");  // EU list only
  Debit("2025-03-03", "20000.00", Channel::kTransfer, "IR");
  std::vector<Alert> a = Of("A2.27");
  ASSERT_THAT(a, SizeIs(1));
  EXPECT_THAT(a[0].tx_ids, ElementsAre("T2"));
}

TEST_F(ClientRulesTest, HighRiskJurisdictionDisabled) {
  m_.monitoring.high_risk_jurisdiction.enabled = false;
  Debit("2025-03-02", "20000.00", Channel::kTransfer, "IR");
  EXPECT_THAT(Of("A2.27"), IsEmpty());
}

// ---------------------------------------------------------------- A2.29

TEST_F(ClientRulesTest, ServicesAboveTheLimit) {
  Debit("2025-03-02", "50000.00", Channel::kTransfer, "", "Consulting fee");  // at the limit
  Debit("2025-03-03", "50000.01", Channel::kTransfer, "", "Consulting fee Q1");
  Debit("2025-03-04", "90000.00", Channel::kTransfer, "", "Office rent");
  std::vector<Alert> a = Of("A2.29");
  ASSERT_THAT(a, SizeIs(1));
  EXPECT_THAT(a[0].tx_ids, ElementsAre("T2"));
  EXPECT_EQ(a[0].amount, Eur("50000.01"));
  EXPECT_THAT(a[0].explanation, HasSubstr("debit 50 000.01 EUR for 'Consulting fee Q1' (keyword 'consult')"));
  EXPECT_THAT(a[0].explanation, HasSubstr("(parameter: > 50 000.00 EUR)"));
}

TEST_F(ClientRulesTest, ServicesKeywordsIgnoreLatvianAndCyrillicCase) {
  Debit("2025-03-02", "60000.00", Channel::kTransfer, "", "REKLĀMAS PAKALPOJUMI");
  Credit("2025-03-03", "60000.00", Channel::kTransfer, "", "Оплата за МАРКЕТИНГ");
  Debit("2025-03-04", "60000.00", Channel::kTransfer, "", "Mārketinga kampaņa");
  Debit("2025-03-05", "60000.00", Channel::kTransfer, "", "KONSULTĀCIJAS");
  Debit("2025-03-06", "60000.00", Channel::kTransfer, "", "Pārskaitījums");
  std::vector<Alert> a = Of("A2.29");
  ASSERT_THAT(a, SizeIs(4));
  EXPECT_THAT(a[0].explanation, HasSubstr("keyword 'reklām'"));
  EXPECT_THAT(a[1].explanation, HasSubstr("keyword 'маркетинг'"));
  EXPECT_THAT(a[2].explanation, HasSubstr("keyword 'mārketing'"));
  EXPECT_THAT(a[3].explanation, HasSubstr("keyword 'konsult'"));
}

TEST_F(ClientRulesTest, ServicesDisabled) {
  m_.monitoring.services.enabled = false;
  Debit("2025-03-03", "90000.00", Channel::kTransfer, "", "Advertising");
  EXPECT_THAT(Of("A2.29"), IsEmpty());
}

// ---------------------------------------------------------------- A2.48

TEST_F(ClientRulesTest, OverLimitPercentBoundary) {
  client_.transaction_limit = Eur("10000.00");
  Debit("2025-03-02", "12999.99");  // 29.9999 % over
  Debit("2025-03-03", "13000.00");  // 30 % over
  std::vector<Alert> a = Of("A2.48");
  ASSERT_THAT(a, SizeIs(1));
  EXPECT_THAT(a[0].tx_ids, ElementsAre("T2"));
  EXPECT_EQ(a[0].amount, Eur("13000.00"));
  EXPECT_EQ(a[0].explanation,
            "on 2025-03-03, debit 13 000.00 EUR exceeds the client's transaction limit 10 000.00 EUR by 3 "
            "000.00 EUR "
            "(30 % of the limit) (parameter: excess >= 30 % of the limit and >= 1 000.00 EUR)");
}

TEST_F(ClientRulesTest, OverLimitAmountBoundary) {
  client_.transaction_limit = Eur("3000.00");  // 30 % is 900: the 1 000 EUR binds
  Credit("2025-03-02", "3999.99");             // 999.99 over
  Credit("2025-03-03", "4000.00");             // 1 000 over
  std::vector<Alert> a = Of("A2.48");
  ASSERT_THAT(a, SizeIs(1));
  EXPECT_THAT(a[0].tx_ids, ElementsAre("T2"));
  EXPECT_THAT(a[0].explanation, HasSubstr("by 1 000.00 EUR (33.33 % of the limit)"));
}

TEST_F(ClientRulesTest, OverLimitNeedsALimit) {
  Debit("2025-03-03", "1000000.00");
  EXPECT_THAT(Of("A2.48"), IsEmpty());
}

TEST_F(ClientRulesTest, OverLimitDisabled) {
  client_.transaction_limit = Eur("1000.00");
  m_.monitoring.over_limit.enabled = false;
  Debit("2025-03-03", "100000.00");
  EXPECT_THAT(Of("A2.48"), IsEmpty());
}

// ---------------------------------------------------------------- A2.49

TEST_F(ClientRulesTest, LateFirstCreditSixMonths) {
  Credit("2025-07-15", "70000.00");  // relationship started 2025-01-15
  std::vector<Alert> a = Of("A2.49");
  ASSERT_THAT(a, SizeIs(1));
  EXPECT_EQ(a[0].window_start, D("2025-07-01"));
  EXPECT_EQ(a[0].window_end, D("2025-07-31"));
  EXPECT_EQ(a[0].amount, Eur("70000.00"));
  EXPECT_EQ(
      a[0].explanation,
      "the first credit was booked on 2025-07-15, 6 months after the relationship started on 2025-01-15, and "
      "the credit turnover of 2025-07 is 70 000.00 EUR (parameters: >= 6 months and >= 70 000.00 EUR)");
}

TEST_F(ClientRulesTest, LateFirstCreditOneDayShortOfSixMonths) {
  Credit("2025-07-14", "70000.00");
  EXPECT_THAT(Of("A2.49"), IsEmpty());
}

TEST_F(ClientRulesTest, LateFirstCreditFiveMonthsIsTooEarly) {
  Credit("2025-06-20", "90000.00");
  EXPECT_THAT(Of("A2.49"), IsEmpty());
}

TEST_F(ClientRulesTest, LateFirstCreditCountsTheWholeMonth) {
  Debit("2025-02-01", "10.00");  // debits do not matter
  Credit("2025-07-20", "40000.00");
  Credit("2025-07-25", "29999.99");
  EXPECT_THAT(Of("A2.49"), IsEmpty());
  Credit("2025-07-31", "0.01");
  std::vector<Alert> a = Of("A2.49");
  ASSERT_THAT(a, SizeIs(1));
  EXPECT_THAT(a[0].tx_ids, ElementsAre("T2", "T3", "T4"));
}

TEST_F(ClientRulesTest, LateFirstCreditOnlyTheFirstCredit) {
  Credit("2025-02-01", "10.00");
  Credit("2025-09-01", "100000.00");
  EXPECT_THAT(Of("A2.49"), IsEmpty());
}

TEST_F(ClientRulesTest, LateFirstCreditDisabled) {
  m_.monitoring.late_first_credit.enabled = false;
  Credit("2025-09-01", "100000.00");
  EXPECT_THAT(Of("A2.49"), IsEmpty());
}

// ---------------------------------------------------------------- A2.50

TEST_F(ClientRulesTest, LateFirstDebitTwelveMonthsAfterOpening) {
  accounts_.push_back(Account{"A1", "C1", D("2025-03-10"), "EUR"});
  Credit("2025-03-11", "500.00");
  Debit("2026-03-10", "200.00");
  Debit("2026-04-01", "200.00");  // not the first any more
  std::vector<Alert> a = Of("A2.50");
  ASSERT_THAT(a, SizeIs(1));
  EXPECT_EQ(a[0].window_start, D("2026-03-10"));
  EXPECT_EQ(a[0].window_end, D("2026-03-10"));
  EXPECT_THAT(a[0].tx_ids, ElementsAre("T2"));
  EXPECT_EQ(
      a[0].explanation,
      "on 2026-03-10, the first debit on account A1, 200.00 EUR, came 12 months after the account was opened "
      "on 2025-03-10 (parameter: >= 12 months)");
}

TEST_F(ClientRulesTest, LateFirstDebitElevenMonthsIsNot) {
  accounts_.push_back(Account{"A1", "C1", D("2025-03-10"), "EUR"});
  Debit("2026-03-09", "200.00");
  EXPECT_THAT(Of("A2.50"), IsEmpty());
}

TEST_F(ClientRulesTest, LateFirstDebitUnknownAccountUsesRelationshipStart) {
  Debit("2026-01-14", "200.00").account_id = "X";
  EXPECT_THAT(Of("A2.50"), IsEmpty());
  Debit("2026-01-15", "200.00").account_id = "Y";
  std::vector<Alert> a = Of("A2.50");
  ASSERT_THAT(a, SizeIs(1));
  EXPECT_THAT(a[0].tx_ids, ElementsAre("T2"));
  EXPECT_THAT(a[0].explanation, HasSubstr("after the relationship started on 2025-01-15"));
}

TEST_F(ClientRulesTest, LateFirstDebitPerAccount) {
  accounts_.push_back(Account{"A1", "C1", D("2025-01-15"), "EUR"});
  accounts_.push_back(Account{"A2", "C1", D("2026-01-01"), "EUR"});
  Debit("2025-02-01", "10.00");                    // A1 early
  Debit("2027-01-05", "10.00").account_id = "A2";  // A2 late
  std::vector<Alert> a = Of("A2.50");
  ASSERT_THAT(a, SizeIs(1));
  EXPECT_THAT(a[0].explanation, HasSubstr("account A2"));
}

TEST_F(ClientRulesTest, LateFirstDebitDisabled) {
  m_.monitoring.late_first_debit.enabled = false;
  Debit("2027-01-15", "200.00");
  EXPECT_THAT(Of("A2.50"), IsEmpty());
}

// ---------------------------------------------------------------- A2.51

TEST_F(ClientRulesTest, ResumedAfterSixMonthsPause) {
  Credit("2025-01-20", "100.00");
  Credit("2025-08-03", "70000.00");  // February to July without transactions
  std::vector<Alert> a = Of("A2.51");
  ASSERT_THAT(a, SizeIs(1));
  EXPECT_EQ(a[0].window_start, D("2025-08-01"));
  EXPECT_EQ(a[0].window_end, D("2025-08-31"));
  EXPECT_EQ(a[0].amount, Eur("70000.00"));
  EXPECT_THAT(a[0].tx_ids, ElementsAre("T2"));
  EXPECT_EQ(
      a[0].explanation,
      "after 6 months without transactions (2025-02 to 2025-07) the turnover of 2025-08 is 0.00 EUR debit "
      "and "
      "70 000.00 EUR credit (parameters: pause >= 6 months, debit or credit turnover >= 70 000.00 EUR)");
}

TEST_F(ClientRulesTest, ResumedAfterFiveMonthsIsNot) {
  Credit("2025-01-20", "100.00");
  Credit("2025-07-03", "70000.00");
  EXPECT_THAT(Of("A2.51"), IsEmpty());
}

TEST_F(ClientRulesTest, ResumedBelowTheTurnover) {
  Credit("2025-01-20", "100.00");
  Credit("2025-08-03", "69999.99");
  Debit("2025-08-04", "69999.99");
  EXPECT_THAT(Of("A2.51"), IsEmpty());
  Debit("2025-08-05", "0.01");  // the debit side reaches it
  EXPECT_THAT(Of("A2.51"), SizeIs(1));
}

TEST_F(ClientRulesTest, ResumedNeedsEarlierActivity) {
  Credit("2026-01-20", "100000.00");
  EXPECT_THAT(Of("A2.51"), IsEmpty());
}

TEST_F(ClientRulesTest, ResumedDisabled) {
  m_.monitoring.resumed.enabled = false;
  Credit("2025-01-20", "100.00");
  Credit("2025-09-03", "70000.00");
  EXPECT_THAT(Of("A2.51"), IsEmpty());
}

// ---------------------------------------------------------------- A2.52

TEST_F(ClientRulesTest, LargeCashOfANaturalPerson) {
  Credit("2025-03-02", "15000.00", Channel::kCash);  // at the limit
  Debit("2025-03-03", "15000.01", Channel::kAtm);
  Debit("2025-03-04", "50000.00", Channel::kTransfer);
  std::vector<Alert> a = Of("A2.52");
  ASSERT_THAT(a, SizeIs(1));
  EXPECT_THAT(a[0].tx_ids, ElementsAre("T2"));
  EXPECT_EQ(a[0].explanation,
            "on 2025-03-03, cash debit 15 000.01 EUR by a natural person is above the limit "
            "(parameter: > 15 000.00 EUR)");
}

TEST_F(ClientRulesTest, LargeCashNotForLegalPersons) {
  MakeLegal();
  Credit("2025-03-02", "50000.00", Channel::kCash);
  EXPECT_THAT(Of("A2.52"), IsEmpty());
}

TEST_F(ClientRulesTest, LargeCashDisabled) {
  m_.monitoring.large_cash.enabled = false;
  Credit("2025-03-02", "50000.00", Channel::kCash);
  EXPECT_THAT(Of("A2.52"), IsEmpty());
}

// ---------------------------------------------------------------- A2.53-A2.55

TEST_F(ClientRulesTest, NonLatviaMonthBoundary) {
  MakeLegal();
  client_.activity_linked_to_latvia = false;
  Credit("2025-03-02", "300000.00");
  Credit("2025-05-02", "300000.01");
  std::vector<Alert> a = Of("A2.53");
  ASSERT_THAT(a, SizeIs(1));
  EXPECT_EQ(a[0].window_start, D("2025-05-01"));
  EXPECT_EQ(a[0].window_end, D("2025-05-31"));
  EXPECT_EQ(a[0].explanation,
            "credit turnover 300 000.01 EUR in 2025-05 of a client whose activity is not linked to Latvia "
            "(parameter: > 300 000.00 EUR)");
}

TEST_F(ClientRulesTest, NonLatviaSuppressedWhenLinkedToLatvia) {
  MakeLegal();
  client_.activity_linked_to_latvia = true;
  Credit("2025-03-02", "5000000.00");
  for (const char* rule : {"A2.53", "A2.54", "A2.55"}) EXPECT_THAT(Of(rule), IsEmpty()) << rule;
}

TEST_F(ClientRulesTest, NonLatviaSuppressedWithAnnex1Factors) {
  MakeLegal();
  client_.activity_linked_to_latvia = false;
  mc_.has_annex1_factors = true;
  Credit("2025-03-02", "5000000.00");
  for (const char* rule : {"A2.53", "A2.54", "A2.55"}) EXPECT_THAT(Of(rule), IsEmpty()) << rule;
}

TEST_F(ClientRulesTest, NonLatviaThreeMonths) {
  client_.activity_linked_to_latvia = false;
  m_.params.non_latvia_monthly_credit = Eur("1000000.00");  // keep A2.53 out of the way
  Credit("2025-01-10", "233333.33");
  Credit("2025-02-10", "233333.33");
  Credit("2025-03-10", "233333.34");  // exactly 700 000.00
  EXPECT_THAT(Of("A2.54"), IsEmpty());
  Credit("2025-03-11", "0.01");
  std::vector<Alert> a = Of("A2.54");
  ASSERT_THAT(a, SizeIs(1));
  EXPECT_EQ(a[0].window_start, D("2025-01-01"));
  EXPECT_EQ(a[0].window_end, D("2025-03-31"));
  EXPECT_EQ(a[0].amount, Eur("700000.01"));
  EXPECT_THAT(a[0].tx_ids, ElementsAre("T1", "T2", "T3", "T4"));
  EXPECT_THAT(a[0].explanation,
              HasSubstr("credit turnover 700 000.01 EUR in the 3 months 2025-01 to 2025-03"));
  EXPECT_THAT(a[0].explanation, HasSubstr("(parameter: > 700 000.00 EUR)"));
}

TEST_F(ClientRulesTest, NonLatviaOneBigMonthRaisesEachRuleOnce) {
  client_.activity_linked_to_latvia = false;
  Credit("2025-01-10", "100.00");
  Credit("2025-03-10", "3500000.00");
  for (const char* day :
       {"2025-04-10", "2025-05-10", "2025-06-10", "2025-09-10", "2026-01-10", "2026-02-10"}) {
    Credit(day, "100.00");
  }
  std::vector<Alert> quarter = Of("A2.54");
  ASSERT_THAT(quarter, SizeIs(1));
  EXPECT_EQ(quarter[0].window_start, D("2025-01-01"));
  EXPECT_EQ(quarter[0].window_end, D("2025-03-31"));
  std::vector<Alert> year = Of("A2.55");
  ASSERT_THAT(year, SizeIs(1));
  EXPECT_EQ(year[0].window_start, D("2024-04-01"));
  EXPECT_EQ(year[0].window_end, D("2025-03-31"));
  EXPECT_EQ(year[0].amount, Eur("3500100.00"));
  EXPECT_THAT(year[0].explanation, HasSubstr("in the 12 months 2024-04 to 2025-03"));
  EXPECT_THAT(Of("A2.53"), SizeIs(1));
}

TEST_F(ClientRulesTest, NonLatviaTwelveMonthsBoundary) {
  client_.activity_linked_to_latvia = false;
  m_.params.non_latvia_monthly_credit = Eur("10000000.00");
  m_.params.non_latvia_quarter_credit = Eur("10000000.00");
  for (int month = 1; month <= 12; ++month) {
    std::string day = "2025-" + std::string(month < 10 ? "0" : "") + std::to_string(month) + "-05";
    Credit(day.c_str(), "250000.00");  // 3 000 000.00 in the year
  }
  EXPECT_THAT(Of("A2.55"), IsEmpty());
  Credit("2025-12-31", "0.01");
  std::vector<Alert> a = Of("A2.55");
  ASSERT_THAT(a, SizeIs(1));
  EXPECT_EQ(a[0].window_start, D("2025-01-01"));
  EXPECT_EQ(a[0].window_end, D("2025-12-31"));
  EXPECT_THAT(a[0].explanation, HasSubstr("3 000 000.01 EUR"));
}

TEST_F(ClientRulesTest, NonLatviaDisabled) {
  client_.activity_linked_to_latvia = false;
  m_.monitoring.non_latvia.enabled = false;
  Credit("2025-03-02", "5000000.00");
  for (const char* rule : {"A2.53", "A2.54", "A2.55"}) EXPECT_THAT(Of(rule), IsEmpty()) << rule;
}

// ---------------------------------------------------------------- A2.56

TEST_F(ClientRulesTest, AssociationSendsMoneyAbroad) {
  MakeLegal("biedrība");
  Debit("2025-03-02", "10000.00", Channel::kTransfer, "EE");  // at the limit
  Debit("2025-03-03", "10000.01", Channel::kTransfer, "EE");
  Debit("2025-03-04", "50000.00", Channel::kTransfer, "LV");   // domestic
  Debit("2025-03-05", "50000.00", Channel::kTransfer, "");     // country unknown
  Credit("2025-03-06", "50000.00", Channel::kTransfer, "DE");  // incoming
  std::vector<Alert> a = Of("A2.56");
  ASSERT_THAT(a, SizeIs(1));
  EXPECT_THAT(a[0].tx_ids, ElementsAre("T2"));
  EXPECT_EQ(a[0].explanation,
            "on 2025-03-03, the biedrība sent 10 000.01 EUR abroad to EE (parameter: > 10 000.00 EUR)");
}

TEST_F(ClientRulesTest, AssociationWithdrawsCash) {
  MakeLegal("Nodibinājums");  // legal forms compare without case
  Debit("2025-03-02", "10000.01", Channel::kAtm);
  Debit("2025-03-03", "10000.00", Channel::kCash);
  std::vector<Alert> a = Of("A2.56");
  ASSERT_THAT(a, SizeIs(1));
  EXPECT_THAT(a[0].tx_ids, ElementsAre("T1"));
  EXPECT_THAT(a[0].explanation, HasSubstr("withdrew 10 000.01 EUR in cash"));
}

TEST_F(ClientRulesTest, AssociationRuleNotForOtherLegalForms) {
  MakeLegal("SIA");
  Debit("2025-03-02", "90000.00", Channel::kTransfer, "EE");
  Debit("2025-03-03", "90000.00", Channel::kCash);
  EXPECT_THAT(Of("A2.56"), IsEmpty());
}

TEST_F(ClientRulesTest, AssociationDisabled) {
  MakeLegal("biedrība");
  m_.monitoring.association.enabled = false;
  Debit("2025-03-02", "90000.00", Channel::kTransfer, "EE");
  EXPECT_THAT(Of("A2.56"), IsEmpty());
}

// ---------------------------------------------------------------- A2.58

TEST_F(ClientRulesTest, DisproportionateToThePlan) {
  client_.planned_monthly_credit_turnover = Eur("10000.00");
  Credit("2025-03-02", "29999.99");
  Credit("2025-04-02", "30000.00");
  std::vector<Alert> a = Of("A2.58");
  ASSERT_THAT(a, SizeIs(1));
  EXPECT_EQ(a[0].window_start, D("2025-04-01"));
  EXPECT_EQ(a[0].amount, Eur("30000.00"));
  EXPECT_EQ(
      a[0].explanation,
      "the credit turnover of 2025-04, 30 000.00 EUR, is disproportionate to the planned monthly credit "
      "turnover 10 000.00 EUR (300 % of it) (parameters: >= 300 % of the plan and >= 10 000.00 EUR)");
}

TEST_F(ClientRulesTest, DisproportionateNeedsTheMinimumCredit) {
  client_.planned_monthly_credit_turnover = Eur("1000.00");
  Credit("2025-03-02", "9999.99");
  EXPECT_THAT(Of("A2.58"), IsEmpty());
  Credit("2025-03-03", "0.01");
  EXPECT_THAT(Of("A2.58"), SizeIs(1));
}

TEST_F(ClientRulesTest, DisproportionateNeedsAPlan) {
  Credit("2025-03-02", "900000.00");
  EXPECT_THAT(Of("A2.58"), IsEmpty());
}

TEST_F(ClientRulesTest, DisproportionateDisabled) {
  client_.planned_monthly_credit_turnover = Eur("1000.00");
  m_.monitoring.disproportionate.enabled = false;
  Credit("2025-03-02", "900000.00");
  EXPECT_THAT(Of("A2.58"), IsEmpty());
}

}  // namespace
}  // namespace sargs
