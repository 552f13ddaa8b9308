// ReferenceData: the facts Sargs ships in data/ (factor catalogue, countries,
// country lists, currencies, NACE activity mapping), parsed and indexed.
//
// The shipped files are compiled into the binary; ShippedReference() parses
// them once. A broken shipped file is a build defect, caught by the tests,
// so it aborts rather than returning an error to every caller.
//
// Thread safety: immutable after construction; safe to share.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/date.h"
#include "base/result.h"

namespace sargs {

// The institution types of regulation No. 135's factor table.
enum class InstitutionType : uint8_t {
  kCreditInstitution,
  kPaymentEmoney,
  kPrivatePensionFund,
  kInvestmentBroker,
  kInvestmentManagement,
  kAifm,
  kCreditUnion,
  kInsurer,
  kInsuranceIntermediary,
};
inline constexpr int kInstitutionTypeCount = 9;
// Accepts the column names of the factor table ("credit_institution", ...),
// plus "payment_institution" and "emoney_institution" (both answer to the
// payment_emoney column), which makes the regulation's ten kinds.
Result<InstitutionType> ParseInstitutionType(std::string_view name);
const char* ToString(InstitutionType t);

struct FactorInfo {
  std::string code;  // "A1.4"
  int annex = 0;     // 1, 2 or 3
  int number = 0;
  std::string segment;
  std::string label_en;
  std::string text_lv;
  uint16_t applies_mask = 0;  // bit i: applies to InstitutionType(i)

  bool AppliesTo(InstitutionType t) const { return applies_mask & (1u << static_cast<int>(t)); }
};

struct CountryInfo {
  std::string code;
  std::string name;
  bool eu = false, eea = false, oecd = false;
};

// A named list of countries with its provenance, e.g. the FATF call for action.
struct CountryList {
  std::string id;
  std::string title;
  std::string source;
  std::string as_of;
  std::set<std::string> codes;
};

struct NaceRule {
  std::string prefix;
  std::string activity;  // gambling | cash_in_transit | precious_goods | arms | cash_intensive
};

class ReferenceData {
 public:
  // Parses reference files given as (path, content) pairs using the shipped
  // layout: data/factors.csv, data/countries.csv, data/currencies.csv,
  // data/nace_activities.csv, data/country_lists/*.csv.
  static Result<ReferenceData> Parse(const std::vector<std::pair<std::string, std::string_view>>& files);

  const std::vector<FactorInfo>& factors() const { return factors_; }
  // Index into factors(), or -1.
  int FactorIndex(std::string_view code) const;
  const FactorInfo* Factor(std::string_view code) const;

  const CountryInfo* Country(std::string_view code) const;
  bool IsCurrency(std::string_view code) const;
  const CountryList* List(std::string_view id) const;
  const std::map<std::string, CountryList>& lists() const { return lists_; }

  // Activity bits (model Activity) that a NACE code maps to by default.
  uint8_t NaceActivities(std::string_view nace) const;
  bool NaceCashIntensive(std::string_view nace) const;
  const std::vector<NaceRule>& nace_rules() const { return nace_rules_; }

 private:
  std::vector<FactorInfo> factors_;
  std::unordered_map<std::string, int> factor_index_;
  // Looked up for every imported row: indexed by the code's letters
  // (AA = 0, AB = 1 ...) instead of hashed. An absent country has an empty code.
  std::vector<CountryInfo> countries_ = std::vector<CountryInfo>(26 * 26);
  std::vector<bool> currencies_ = std::vector<bool>(26 * 26 * 26);
  std::map<std::string, CountryList> lists_;
  std::vector<NaceRule> nace_rules_;
};

// The reference data compiled into this binary.
const ReferenceData& ShippedReference();

// Reads the "# key: value" comment lines at the top of a shipped CSV file.
std::map<std::string, std::string> ReadHeaderComments(std::string_view text);

}  // namespace sargs
