#include "scoring/scorer.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "reference/embedded_data.h"

namespace sargs {
namespace {

Date D(const char* s) { return *ParseDate(s); }
Money Eur(const char* s) { return *Money::Parse(s); }

class ScorerTest : public ::testing::Test {
 protected:
  ScorerTest() : ref_(ShippedReference()), methodology_(*DefaultMethodology(ref_)) {}

  Client Natural(const std::string& country = "LV") {
    Client c;
    c.id = "C1";
    c.type = ClientType::kNatural;
    c.name = "Jānis Bērziņš";
    c.country = country;
    c.relationship_start = D("2020-01-15");
    return c;
  }
  Client Legal(const std::string& country = "LV") {
    Client c = Natural(country);
    c.type = ClientType::kLegal;
    c.name = "SIA Tests";
    return c;
  }
  // One credit a month of `amount` for the twelve months before as_of 2025-07-15.
  void MonthlyCredits(Money amount, int months = 12, const std::string& cp_country = "") {
    for (int i = 1; i <= months; ++i) {
      YearMonth m = YearMonth::Of(as_of_) - i;
      Credit(m.FirstDay() + std::chrono::days(4), amount, "CP" + std::to_string(i), cp_country);
    }
  }
  void Credit(Date on, Money amount, const std::string& cp = "", const std::string& cp_country = "") {
    Transaction t;
    t.id = "T" + std::to_string(txs_.size());
    t.client_id = "C1";
    t.booked.date = on;
    t.direction = Direction::kCredit;
    t.amount = amount;
    t.counterparty_id = cp;
    t.counterparty_country = cp_country;
    txs_.push_back(t);
  }
  void Debit(Date on, Money amount, const std::string& cp, const std::string& cp_country) {
    Credit(on, amount, cp, cp_country);
    txs_.back().direction = Direction::kDebit;
  }

  ClientScore Run(const Client& c, const Methodology* m = nullptr) {
    const Methodology& use = m ? *m : methodology_;
    activity_ = SummariseActivity(txs_, use.params.main_counterparty_share_percent);
    Scorer scorer(use, ref_, LatvianCalendar());
    return scorer.Score(ScoreInput{&c, persons_, facts_, links_, reviews_, &activity_, alerts_}, as_of_);
  }
  static bool Has(const ClientScore& s, const std::string& code) {
    return std::any_of(s.factors.begin(), s.factors.end(), [&](const FactorHit& h) { return h.code == code; });
  }
  static bool Reason(const ClientScore& s, const std::string& code) {
    return std::any_of(s.edd_reasons.begin(), s.edd_reasons.end(), [&](const EddReason& r) { return r.code == code; });
  }
  Methodology WithToml(const std::string& replace, const std::string& with) {
    std::string text(*FindEmbeddedFile("data/methodology/default.toml"));
    size_t at = text.find(replace);
    EXPECT_NE(at, std::string::npos) << replace;
    text.replace(at, replace.size(), with);
    auto m = ParseMethodology(text, "test.toml", ref_);
    EXPECT_TRUE(m.has_value()) << (m ? "" : m.error().ToString());
    return *m;
  }

  const ReferenceData& ref_;
  Methodology methodology_;
  Date as_of_ = D("2025-07-15");
  std::vector<Transaction> txs_;
  std::vector<Person> persons_;
  std::vector<Fact> facts_;
  std::vector<CountryLink> links_;
  std::vector<Review> reviews_;
  std::vector<Alert> alerts_;  // open monitoring alerts
  ClientActivity activity_;
};

TEST_F(ScorerTest, NoFactorsIsLowRiskWithoutEdd) {
  MonthlyCredits(Eur("1000.00"));
  ClientScore s = Run(Natural());
  EXPECT_EQ(s.score, 0);
  EXPECT_EQ(s.level, RiskLevel::kLow);
  EXPECT_FALSE(s.edd_required);
  EXPECT_FALSE(s.edd_deadline.has_value());
  EXPECT_FALSE(s.edd_review_months.has_value());
  EXPECT_EQ(s.avg_monthly_credit, Eur("1000.00"));
}

TEST_F(ScorerTest, LatvianPepAtExemptionLimitIsNotA14) {
  Client c = Natural("LV");
  c.pep = PepStatus::kPep;
  MonthlyCredits(Eur("3000.00"));
  ClientScore s = Run(c);
  EXPECT_EQ(s.avg_monthly_credit, Eur("3000.00"));
  EXPECT_FALSE(Has(s, "A1.4"));
  ASSERT_FALSE(s.notes.empty());
  EXPECT_NE(s.notes[0].find("A1.4 not applied"), std::string::npos);
}

TEST_F(ScorerTest, LatvianPepOneCentAboveLimitIsA14) {
  Client c = Natural("LV");
  c.pep = PepStatus::kFamily;
  MonthlyCredits(Eur("3000.00"));
  Credit(D("2025-06-20"), Eur("0.12"));  // 36 000.12 / 12 = 3 000.01
  ClientScore s = Run(c);
  EXPECT_EQ(s.avg_monthly_credit, Eur("3000.01"));
  EXPECT_TRUE(Has(s, "A1.4"));
  EXPECT_TRUE(s.edd_required);
  EXPECT_TRUE(Reason(s, "A1.4"));
  EXPECT_EQ(s.level, RiskLevel::kHigh);
  EXPECT_EQ(s.edd_review_months, 6);
}

TEST_F(ScorerTest, ForeignPepWithSmallTurnoverIsA14) {
  Client c = Natural("EE");
  c.pep = PepStatus::kPep;
  MonthlyCredits(Eur("100.00"));
  EXPECT_TRUE(Has(Run(c), "A1.4"));
}

TEST_F(ScorerTest, AverageCountsOnlyMonthsSinceRelationshipStart) {
  Client c = Natural("LV");
  c.pep = PepStatus::kPep;
  c.relationship_start = D("2025-04-10");
  MonthlyCredits(Eur("3100.00"), 3);  // April, May, June 2025
  ClientScore s = Run(c);
  EXPECT_EQ(s.avg_monthly_credit, Eur("3100.00"));  // 9 300 / 3, not / 12
  EXPECT_TRUE(Has(s, "A1.4"));
}

TEST_F(ScorerTest, PlannedTurnoverUsedWithoutTransactions) {
  Client c = Natural("LV");
  c.pep = PepStatus::kPep;
  c.planned_monthly_credit_turnover = Eur("2500.00");
  ClientScore s = Run(c);
  EXPECT_EQ(s.avg_monthly_credit, Eur("2500.00"));
  EXPECT_FALSE(Has(s, "A1.4"));
}

TEST_F(ScorerTest, A17NaturalPersonBoundary) {
  Client c = Natural("UA");  // outside EU/EEA/OECD
  MonthlyCredits(Eur("15000.00"));
  EXPECT_FALSE(Has(Run(c), "A1.7"));
  Credit(D("2025-03-20"), Eur("0.01"));
  ClientScore s = Run(c);
  ASSERT_TRUE(Has(s, "A1.7"));
  EXPECT_EQ(s.edd_review_months, 6);
  auto hit = std::find_if(s.factors.begin(), s.factors.end(), [](const FactorHit& h) { return h.code == "A1.7"; });
  EXPECT_EQ(hit->since, D("2025-04-01"));  // the day after the month that exceeded
}

TEST_F(ScorerTest, A17LegalPersonBoundaryAndUboLink) {
  Client c = Legal("LV");
  c.reputable_foreign_group = true;
  persons_.push_back(Person{"P1", "C1", PersonRole::kUbo, "Ivan Petrov", std::nullopt, "LV", "KZ", PepStatus::kNone});
  MonthlyCredits(Eur("50000.00"));
  EXPECT_FALSE(Has(Run(c), "A1.7"));
  c.planned_monthly_credit_turnover = Eur("50000.01");
  EXPECT_TRUE(Has(Run(c), "A1.7"));
}

TEST_F(ScorerTest, A290NaturalPersonAverageBoundary) {
  Client c = Natural("LV");
  MonthlyCredits(Eur("30000.00"));
  EXPECT_FALSE(Has(Run(c), "A2.90"));
  Credit(D("2025-01-09"), Eur("0.12"));
  ClientScore s = Run(c);
  EXPECT_TRUE(Has(s, "A2.90"));
  EXPECT_TRUE(Reason(s, "A2.90"));
  EXPECT_FALSE(s.edd_review_months.has_value());  // targeted EDD only
  ASSERT_TRUE(s.edd_deadline.has_value());
}

TEST_F(ScorerTest, A290PlannedAbove) {
  Client c = Natural("LV");
  c.planned_monthly_credit_turnover = Eur("30000.01");
  EXPECT_TRUE(Has(Run(c), "A2.90"));
  c.type = ClientType::kLegal;
  EXPECT_FALSE(Has(Run(c), "A2.90"));
}

TEST_F(ScorerTest, A253MonthlyBoundaryForNonLatviaLinked) {
  Client c = Legal("LV");
  c.activity_linked_to_latvia = false;
  c.reputable_foreign_group = true;  // no A1.5
  MonthlyCredits(Eur("100000.00"));
  Credit(D("2025-02-10"), Eur("200000.00"));  // February: 300 000.00
  EXPECT_FALSE(Has(Run(c), "A2.53"));
  Credit(D("2025-02-11"), Eur("0.01"));
  ClientScore s = Run(c);
  EXPECT_TRUE(Has(s, "A2.53"));
  EXPECT_FALSE(Has(s, "A2.54"));  // Dec-Feb: 500 000.01, below 700 000
}

TEST_F(ScorerTest, A254QuarterBoundary) {
  Client c = Legal("LV");
  c.activity_linked_to_latvia = false;
  c.reputable_foreign_group = true;
  Credit(D("2025-01-05"), Eur("233333.33"));
  Credit(D("2025-02-05"), Eur("233333.33"));
  Credit(D("2025-03-05"), Eur("233333.34"));  // 700 000.00
  EXPECT_FALSE(Has(Run(c), "A2.54"));
  Credit(D("2025-03-06"), Eur("0.01"));
  ClientScore s = Run(c);
  EXPECT_TRUE(Has(s, "A2.54"));
  EXPECT_FALSE(Has(s, "A2.53"));
}

TEST_F(ScorerTest, A255AnnualBoundaryAndLatviaLinkedClientsExcluded) {
  Client c = Legal("LV");
  c.activity_linked_to_latvia = false;
  c.reputable_foreign_group = true;
  MonthlyCredits(Eur("250000.00"));  // 3 000 000.00 a year, 750 000 a quarter
  ClientScore s = Run(c);
  EXPECT_FALSE(Has(s, "A2.55"));
  EXPECT_TRUE(Has(s, "A2.54"));
  Credit(D("2024-09-01"), Eur("0.01"));
  EXPECT_TRUE(Has(Run(c), "A2.55"));
  c.activity_linked_to_latvia = true;
  EXPECT_FALSE(Has(Run(c), "A2.55"));
}

TEST_F(ScorerTest, A253To55NotEvaluatedWithAnnex1Factors) {
  Client c = Legal("LV");
  c.activity_linked_to_latvia = false;  // A1.5 as well
  MonthlyCredits(Eur("400000.00"));
  ClientScore s = Run(c);
  EXPECT_TRUE(Has(s, "A1.5"));
  EXPECT_FALSE(Has(s, "A2.53"));
}

TEST_F(ScorerTest, A16PrivateBankingBoundaryAndApplicability) {
  Client c = Natural("LV");
  c.private_banking = true;
  c.planned_annual_credit_turnover = Eur("1000000.00");
  EXPECT_FALSE(Has(Run(c), "A1.6"));
  c.planned_annual_credit_turnover = Eur("1000000.01");
  EXPECT_TRUE(Has(Run(c), "A1.6"));
  // A1.6 applies to credit institutions only.
  Methodology union_m = WithToml("institution_type = \"credit_institution\"", "institution_type = \"credit_union\"");
  EXPECT_FALSE(Has(Run(c, &union_m), "A1.6"));
}

TEST_F(ScorerTest, MainCounterpartyInListedCountryAtThirtyPercent) {
  Client c = Legal("LV");
  // June: 70.00 from a Latvian payer and 30.00 from Iran: exactly 30 % is not main.
  ASSERT_TRUE(ref_.List("terrorism_support")->codes.count("IR"));
  Credit(D("2025-06-03"), Eur("70.00"), "LVCP", "LV");
  Credit(D("2025-06-04"), Eur("30.00"), "IRCP", "IR");
  ClientScore s = Run(c);
  EXPECT_FALSE(Has(s, "A1.13"));
  txs_.back().amount = Eur("30.01");
  s = Run(c);
  EXPECT_TRUE(Has(s, "A1.12"));  // terrorism_support list
  EXPECT_TRUE(Has(s, "A1.13"));  // FATF call for action
  EXPECT_TRUE(Has(s, "A1.15"));  // EU high-risk third country
  auto hit = std::find_if(s.factors.begin(), s.factors.end(), [](const FactorHit& h) { return h.code == "A1.13"; });
  EXPECT_NE(hit->evidence.find("main counterparty"), std::string::npos);
  EXPECT_EQ(hit->since, D("2025-07-01"));
}

TEST_F(ScorerTest, DebitSideMakesMainCounterpartyToo) {
  Client c = Legal("LV");
  Debit(D("2025-05-03"), Eur("500.00"), "KPCP", "KP");
  Debit(D("2025-05-04"), Eur("500.00"), "LVCP", "LV");
  EXPECT_TRUE(Has(Run(c), "A1.13"));
}

TEST_F(ScorerTest, ClientResidenceOnLowTaxListIsA114) {
  const CountryList* list = ref_.List("lv_low_tax_jurisdictions");
  ASSERT_NE(list, nullptr);
  ASSERT_FALSE(list->codes.empty());
  Client c = Legal(*list->codes.begin());
  ClientScore s = Run(c);
  EXPECT_TRUE(Has(s, "A1.14"));
  EXPECT_EQ(s.edd_review_months, 6);
}

TEST_F(ScorerTest, ActivitiesFromColumnAndNace) {
  Client c = Legal("LV");
  c.activities = kGambling;
  ClientScore s = Run(c);
  EXPECT_TRUE(Has(s, "A1.8"));
  EXPECT_EQ(s.edd_review_months, 12);  // A1.8 is not a 6-month factor
  c.activities = 0;
  c.nace = "92.00";
  EXPECT_TRUE(Has(Run(c), "A1.8"));
  c.nace = "62.01";
  c.activities = kCashInTransit | kPreciousGoods | kArms;
  s = Run(c);
  EXPECT_FALSE(Has(s, "A1.8"));
  EXPECT_TRUE(Has(s, "A1.9"));
  EXPECT_TRUE(Has(s, "A1.10"));
  EXPECT_TRUE(Has(s, "A1.11"));
}

TEST_F(ScorerTest, NaceMappingCanBeSwitchedOff) {
  Client c = Legal("LV");
  c.nace = "92.00";
  Methodology m = WithToml("nace_activity_mapping = true", "nace_activity_mapping = false");
  EXPECT_FALSE(Has(Run(c, &m), "A1.8"));
}

TEST_F(ScorerTest, FactsAddPointsAndAnnex3Reduces) {
  Client c = Natural("LV");
  facts_.push_back(Fact{"C1", "A2.93", D("2025-03-03"), std::nullopt, "adverse media", "analyst"});
  ClientScore s = Run(c);
  ASSERT_TRUE(Has(s, "A2.93"));
  int with_a293 = s.score;
  EXPECT_EQ(with_a293, *methodology_.points[ref_.FactorIndex("A2.93")]);
  EXPECT_TRUE(Reason(s, "A2.93"));
  // EDD must be completed within 35 Latvian business days of the trigger
  // (3 March 2025 + 35 business days, across Easter 2025 = 23 April 2025).
  EXPECT_EQ(s.edd_triggered_on, D("2025-03-03"));
  EXPECT_EQ(s.edd_deadline, D("2025-04-23"));
  facts_.push_back(Fact{"C1", "A3.19", D("2025-03-01"), std::nullopt, "institutional investor", "analyst"});
  facts_.push_back(Fact{"C1", "A3.18", D("2025-03-01"), std::nullopt, "listed", "analyst"});
  facts_.push_back(Fact{"C1", "A3.11", D("2025-03-01"), std::nullopt, "low value", "analyst"});
  s = Run(c);
  EXPECT_LT(s.raw_points, with_a293);
  EXPECT_GE(s.score, 0);
  if (s.raw_points < 0) {
    EXPECT_EQ(s.score, 0);
  }
}

TEST_F(ScorerTest, ScoreNeverBelowZero) {
  Client c = Natural("LV");
  for (const char* code : {"A3.11", "A3.18", "A3.19", "A3.1"}) {
    facts_.push_back(Fact{"C1", code, D("2025-01-01"), std::nullopt, "", ""});
  }
  ClientScore s = Run(c);
  EXPECT_LT(s.raw_points, 0);
  EXPECT_EQ(s.score, 0);
}

TEST_F(ScorerTest, ExpiredAndFutureFactsIgnored) {
  Client c = Natural("LV");
  facts_.push_back(Fact{"C1", "A2.93", D("2025-08-01"), std::nullopt, "", ""});
  facts_.push_back(Fact{"C1", "A2.95", D("2024-01-01"), D("2025-07-15"), "", ""});
  EXPECT_EQ(Run(c).factors.size(), 0u);
}

TEST_F(ScorerTest, CompletedEddClearsDeadlineAndSetsNextReview) {
  Client c = Natural("EE");
  c.pep = PepStatus::kPep;
  ClientScore s = Run(c);
  ASSERT_TRUE(s.edd_deadline.has_value());
  EXPECT_LT(*s.edd_deadline, as_of_);  // triggered at relationship start in 2020
  reviews_.push_back(Review{"C1", ReviewKind::kEddCompleted, D("2025-05-20"), 0, "", ""});
  s = Run(c);
  EXPECT_FALSE(s.edd_deadline.has_value());
  EXPECT_EQ(s.next_edd_review, D("2025-11-20"));
}

TEST_F(ScorerTest, ExtensionCappedAtFifteenForAnnex1Clients) {
  Client c = Natural("EE");
  c.pep = PepStatus::kPep;
  c.relationship_start = D("2025-07-01");
  reviews_.push_back(Review{"C1", ReviewKind::kExtension, D("2025-07-02"), 20, "", "waiting for documents"});
  ClientScore s = Run(c);
  EXPECT_EQ(s.edd_extension_days, 15);
  EXPECT_EQ(s.edd_deadline, LatvianCalendar().AddBusinessDays(D("2025-07-01"), 35 + 15));
}

TEST_F(ScorerTest, ScoreThresholdTriggersEddWithRiskLevelPeriod) {
  Client c = Natural("LV");
  facts_.push_back(Fact{"C1", "A2.93", D("2025-01-10"), std::nullopt, "", ""});  // 25
  facts_.push_back(Fact{"C1", "A2.95", D("2025-02-10"), std::nullopt, "", ""});  // 20
  ClientScore s = Run(c);
  EXPECT_GE(s.score, methodology_.edd_threshold_ongoing);
  EXPECT_TRUE(Reason(s, "score_threshold"));
  EXPECT_EQ(s.level, RiskLevel::kHigh);
  EXPECT_EQ(s.edd_review_months, methodology_.review_months_by_level[2]);
  auto it = std::find_if(s.edd_reasons.begin(), s.edd_reasons.end(),
                         [](const EddReason& r) { return r.code == "score_threshold"; });
  EXPECT_EQ(it->since, D("2025-02-10"));  // the day the points first added up to the threshold
}

TEST_F(ScorerTest, CombinationTriggersEdd) {
  Client c = Natural("LV");
  facts_.push_back(Fact{"C1", "A2.20", D("2025-01-10"), std::nullopt, "", ""});
  facts_.push_back(Fact{"C1", "A2.21", D("2025-02-10"), std::nullopt, "", ""});
  EXPECT_TRUE(Reason(Run(c), "combination:cash_pass_through"));
}

// An open alert is an annex 2 trigger (point 22): EDD from the last day of
// its window, deadline 35 business days later, no points until confirmed.
TEST_F(ScorerTest, OpenAlertStartsTheEddClockWithoutPoints) {
  Client c = Natural("LV");
  Alert a;
  a.id = 7;
  a.factor = "A2.52";
  a.window_start = a.window_end = D("2025-03-20");
  alerts_.push_back(a);
  ClientScore s = Run(c);
  EXPECT_EQ(s.score, 0);
  EXPECT_TRUE(s.edd_required);
  EXPECT_TRUE(Reason(s, "A2.52"));
  EXPECT_EQ(s.edd_deadline, LatvianCalendar().AddBusinessDays(D("2025-03-20"), 35));
  EXPECT_FALSE(s.edd_review_months.has_value());  // targeted EDD, not periodic

  // An alert whose window ends after the as-of date is not yet a trigger.
  alerts_.back().window_start = alerts_.back().window_end = as_of_ + std::chrono::days(1);
  EXPECT_FALSE(Run(c).edd_required);
}

TEST_F(ScorerTest, OwnFactors) {
  Client c = Legal("LV");
  c.legal_form = "biedrība";
  c.onboarding = Onboarding::kRemote;
  c.nace = "56.10";
  ClientScore s = Run(c);
  EXPECT_TRUE(Has(s, "own.legal_form"));
  EXPECT_TRUE(Has(s, "own.remote_onboarding"));
  EXPECT_TRUE(Has(s, "own.cash_intensive_nace"));
  EXPECT_EQ(s.score, 5 + 5 + 8);
}

TEST_F(ScorerTest, FingerprintChangesWithData) {
  Client c = Natural("LV");
  MonthlyCredits(Eur("10.00"));
  uint64_t a = Run(c).input_fingerprint;
  EXPECT_EQ(a, Run(c).input_fingerprint);
  txs_.back().amount = Eur("10.01");
  EXPECT_NE(a, Run(c).input_fingerprint);
}

TEST(MethodologyTest, ReviewWarningAfterEighteenMonths) {
  Methodology m = *DefaultMethodology(ShippedReference());
  m.points_reviewed_on = *ParseDate("2024-01-31");
  EXPECT_FALSE(ReviewOverdueWarning(m, *ParseDate("2025-07-31")).has_value());
  EXPECT_TRUE(ReviewOverdueWarning(m, *ParseDate("2025-08-01")).has_value());
}

TEST(MethodologyTest, WarnsBeforeEffectiveDate) {
  Methodology m = *DefaultMethodology(ShippedReference());
  EXPECT_TRUE(NotYetEffectiveWarning(m, m.effective_from - std::chrono::days(1)).has_value());
  EXPECT_FALSE(NotYetEffectiveWarning(m, m.effective_from).has_value());
}

TEST(MethodologyTest, RejectsBadFilesWithLocation) {
  const ReferenceData& ref = ShippedReference();
  std::string base(*FindEmbeddedFile("data/methodology/default.toml"));
  auto with = [&](const std::string& from, const std::string& to) {
    std::string t = base;
    t.replace(t.find(from), from.size(), to);
    return ParseMethodology(t, "m.toml", ref);
  };
  auto unknown = with("[risk_levels]\n", "[risk_levels]\nmediun = 3\n");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().field, "risk_levels.mediun");
  EXPECT_GT(unknown.error().where.line, 0);
  auto positive = with("\"A3.19\" = -10", "\"A3.19\" = 10");
  ASSERT_FALSE(positive);
  EXPECT_EQ(positive.error().field, "points.A3.19");
  auto missing = with("\"A2.90\" = 10\n", "");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("A2.90"), std::string::npos);
  auto syntax = with("[edd]", "[edd");
  ASSERT_FALSE(syntax);
  EXPECT_EQ(syntax.error().where.file, "m.toml");
  auto bad_type = with("institution_type = \"credit_institution\"", "institution_type = \"bank\"");
  ASSERT_FALSE(bad_type);
  EXPECT_EQ(bad_type.error().field, "methodology.institution_type");
  auto too_long = with("deadline_business_days = 35", "deadline_business_days = 36");
  ASSERT_FALSE(too_long);
  // Stricter than the regulation is allowed, laxer is not.
  EXPECT_TRUE(with("natural_person_monthly_credit_eur = 30000", "natural_person_monthly_credit_eur = 20000"));
  auto laxer = with("natural_person_monthly_credit_eur = 30000", "natural_person_monthly_credit_eur = \"30000.01\"");
  ASSERT_FALSE(laxer);
  EXPECT_EQ(laxer.error().field, "parameters.natural_person_monthly_credit_eur");
  EXPECT_FALSE(with("main_counterparty_share_percent = 30", "main_counterparty_share_percent = 31"));
}

TEST(MethodologyTest, DefaultHasRegulatoryNumbers) {
  Methodology m = *DefaultMethodology(ShippedReference());
  EXPECT_EQ(m.params.pep_exemption_avg_monthly_credit, Money::FromEuros(3000));
  EXPECT_EQ(m.params.private_banking_annual_credit, Money::FromEuros(1000000));
  EXPECT_EQ(m.params.third_country_monthly_credit_natural, Money::FromEuros(15000));
  EXPECT_EQ(m.params.third_country_monthly_credit_legal, Money::FromEuros(50000));
  EXPECT_EQ(m.params.main_counterparty_share_percent, 30);
  EXPECT_EQ(m.params.natural_person_monthly_credit, Money::FromEuros(30000));
  EXPECT_EQ(m.params.non_latvia_monthly_credit, Money::FromEuros(300000));
  EXPECT_EQ(m.params.non_latvia_quarter_credit, Money::FromEuros(700000));
  EXPECT_EQ(m.params.non_latvia_annual_credit, Money::FromEuros(3000000));
  EXPECT_EQ(m.edd_deadline_business_days, 35);
  EXPECT_EQ(m.edd_extension_max_business_days, 15);
  EXPECT_EQ(m.edd_review_months_short, 6);
  EXPECT_EQ(m.edd_review_months_long, 12);
  int applicable = 0;
  for (const auto& p : m.points) applicable += p.has_value();
  EXPECT_GT(applicable, 100);
}

TEST(ReferenceDataTest, CatalogueAndLists) {
  const ReferenceData& ref = ShippedReference();
  EXPECT_EQ(ref.factors().size(), 142u);
  int annex[4] = {0, 0, 0, 0};
  for (const FactorInfo& f : ref.factors()) ++annex[f.annex];
  EXPECT_EQ(annex[1], 15);
  EXPECT_EQ(annex[2], 108);
  EXPECT_EQ(annex[3], 19);
  EXPECT_TRUE(ref.Factor("A1.6")->AppliesTo(InstitutionType::kCreditInstitution));
  EXPECT_FALSE(ref.Factor("A1.6")->AppliesTo(InstitutionType::kCreditUnion));
  EXPECT_TRUE(ref.Country("LV")->eu);
  EXPECT_TRUE(ref.Country("NO")->eea);
  EXPECT_TRUE(ref.Country("US")->oecd);
  EXPECT_FALSE(ref.Country("UA")->oecd);
  for (const char* id : {"eu_high_risk_third_countries", "fatf_call_for_action", "fatf_increased_monitoring",
                         "lv_low_tax_jurisdictions", "terrorism_support"}) {
    ASSERT_NE(ref.List(id), nullptr) << id;
    EXPECT_FALSE(ref.List(id)->as_of.empty()) << id;
  }
  EXPECT_TRUE(ref.List("fatf_call_for_action")->codes.count("KP"));
  EXPECT_TRUE(ref.IsCurrency("EUR"));
  EXPECT_FALSE(ref.IsCurrency("EUX"));
  EXPECT_TRUE(ref.NaceActivities("92.00") & kGambling);
  EXPECT_EQ(*ParseInstitutionType("emoney_institution"), InstitutionType::kPaymentEmoney);
}

}  // namespace
}  // namespace sargs
