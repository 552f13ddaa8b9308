// Methodology: the institution's versioned scoring rules — points for every
// regulation No. 135 factor and for its own factors, risk-level and EDD
// thresholds, review periods, and every regulatory number as a named
// parameter whose default is the regulation's value.
//
// A methodology is read from TOML (data/methodology/default.toml is the
// shipped template, docs/methodology.md explains each key). Parsing validates
// everything up front — unknown keys, missing points, wrong signs — so that
// scoring itself never meets a bad setting.
//
// Thread safety: immutable after parsing; safe to share.
#pragma once

#include <array>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "base/result.h"
#include "monitoring/monitoring_params.h"
#include "reference/reference_data.h"

namespace sargs {

enum class RiskLevel : uint8_t { kLow, kMedium, kHigh };
const char* ToString(RiskLevel level);

// The regulation's numbers. Each default is the value the regulation gives.
struct RegulatoryParameters {
  Money pep_exemption_avg_monthly_credit = Money::FromEuros(3'000);          // A1.4
  Money private_banking_annual_credit = Money::FromEuros(1'000'000);         // A1.6
  Money third_country_monthly_credit_natural = Money::FromEuros(15'000);     // A1.7
  Money third_country_monthly_credit_legal = Money::FromEuros(50'000);       // A1.7
  int main_counterparty_share_percent = 30;                                  // footnote 4
  Money natural_person_monthly_credit = Money::FromEuros(30'000);            // A2.90
  Money non_latvia_monthly_credit = Money::FromEuros(300'000);               // A2.53
  Money non_latvia_quarter_credit = Money::FromEuros(700'000);               // A2.54
  Money non_latvia_annual_credit = Money::FromEuros(3'000'000);              // A2.55
  int turnover_lookback_months = 12;  // "last 12 complete calendar months"
  // Which PEP categories the Latvian-resident exemption of A1.4 covers.
  std::set<std::string> pep_exemption_categories = {"pep", "family", "associate"};
};

// A class of countries for the institution's own geography factor.
struct CountryClass {
  std::string name;
  int points = 0;
  std::vector<std::string> lists;    // country list ids
  std::set<std::string> countries;   // explicit ISO codes
  bool outside_eu_eea_oecd = false;  // every country outside EU/EEA/OECD

  bool Contains(const std::string& country, const ReferenceData& ref) const;
};

// The institution's own factors (point 11: geography, customer, product or
// service, delivery channel).
struct OwnFactors {
  std::vector<CountryClass> residence_country;  // first matching class wins
  std::vector<std::pair<std::string, int>> legal_form_points;  // exact legal_form text
  int remote_onboarding_points = 0;
  int cash_intensive_nace_points = 0;
};

// A set of factors that together trigger EDD (point 20: "combinations of
// factors may trigger it").
struct EddCombination {
  std::string name;
  std::vector<int> factor_indices;
};

struct Methodology {
  // Identity and governance.
  std::string name;
  std::string version;
  Date effective_from;
  std::string approved_by;
  std::optional<Date> approved_on;
  Date points_reviewed_on;
  int points_review_interval_months = 18;  // point 14
  std::string source;  // where it was read from
  // A hash of the file's text: scores made with an edited methodology whose
  // version was not changed are still told apart in the score history.
  uint64_t content_hash = 0;

  InstitutionType institution_type = InstitutionType::kCreditInstitution;
  // Points per factor, indexed like ReferenceData::factors(); factors that do
  // not apply to the institution type hold nullopt and are never evaluated.
  std::vector<std::optional<int>> points;

  // Risk levels: the highest level whose threshold the score reaches.
  int medium_threshold = 20;
  int high_threshold = 40;
  RiskLevel annex1_minimum_level = RiskLevel::kHigh;

  // EDD (points 16.3, 20-25).
  int edd_threshold_onboarding = 40;
  int edd_threshold_ongoing = 40;
  int enhanced_monitoring_threshold = 30;
  std::vector<EddCombination> edd_combinations;
  int edd_deadline_business_days = 35;        // point 24
  int edd_extension_max_business_days = 15;   // point 25
  int edd_review_months_short = 6;            // point 21: annex 1 factors 1, 4-7, 12-15
  int edd_review_months_long = 12;            // point 21: other annex 1 factors
  std::set<int> short_review_factors;         // factor indices with the 6-month period
  std::array<int, 3> review_months_by_level = {60, 36, 12};  // low, medium, high

  RegulatoryParameters params;
  // Which country lists answer A1.12, A1.13, A1.14 and A1.15.
  std::array<std::vector<std::string>, 4> country_factor_lists;
  bool nace_activity_mapping = true;  // A1.8-A1.11 also from the client's NACE code
  OwnFactors own;
  // The transaction-monitoring rules ([monitoring], monitoring/monitoring_params.h).
  MonitoringParams monitoring;

  bool Applies(int factor_index) const { return points[factor_index].has_value(); }
  int EddThreshold(bool during_relationship) const {
    return during_relationship ? edd_threshold_ongoing : edd_threshold_onboarding;
  }
};

Result<Methodology> ParseMethodology(std::string_view toml_text, std::string_view file,
                                     const ReferenceData& ref);
// Reads a methodology file from disk.
Result<Methodology> LoadMethodology(const std::string& path, const ReferenceData& ref);
// The shipped data/methodology/default.toml.
Result<Methodology> DefaultMethodology(const ReferenceData& ref);

// Point 14: the points must be reviewed at least every 18 months. Returns the
// warning to show when the last review is older than that on `today`.
std::optional<std::string> ReviewOverdueWarning(const Methodology& m, Date today);

// A methodology scores dates from its effective date on; earlier as-of dates
// get a warning (the score is still computed, e.g. for back-testing).
std::optional<std::string> NotYetEffectiveWarning(const Methodology& m, Date as_of);

}  // namespace sargs
