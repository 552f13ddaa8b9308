// Scorer: the client risk scoring system of FCMC regulation No. 135.
//
// Given one client's data, its activity aggregates, a methodology and an
// as-of date, it decides which annex factors and own factors apply, adds up
// their points into the score, derives the risk level, whether enhanced due
// diligence (EDD) is required and why, the periodic review dates and the EDD
// completion deadline in Latvian business days. Every factor it finds carries
// the data that triggered it and the rule that was applied, so a score can be
// explained line by line to a supervisor.
//
// The scorer is a pure function of its inputs: no clock, no storage.
// Thread safety: const methods are safe to call concurrently.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/calendar.h"
#include "model/client.h"
#include "monitoring/alert.h"
#include "reference/reference_data.h"
#include "scoring/activity.h"
#include "scoring/methodology.h"

namespace sargs {

struct ScoreInput {
  const Client* client = nullptr;
  std::span<const Person> persons;
  std::span<const Fact> facts;
  std::span<const CountryLink> links;
  std::span<const Review> reviews;
  const ClientActivity* activity = nullptr;
  // Open monitoring alerts: each is an annex 2 trigger (point 22) that
  // starts the targeted-EDD clock on its window's last day; it adds no
  // points until an analyst confirms it (then it is a fact).
  std::span<const Alert> open_alerts;
};

enum class HitSource : uint8_t { kData, kFact, kOwn };

struct FactorHit {
  std::string code;   // "A1.4", or "own.remote_onboarding"
  std::string label;
  int annex = 0;      // 1, 2, 3; 0 for the institution's own factors
  int points = 0;
  Date since;         // when the data first shows the factor
  HitSource source = HitSource::kData;
  std::string evidence;  // the data that triggered it
  std::string rule;      // the rule, with the parameter values used
  int factor_index = -1;  // into ReferenceData::factors(); -1 for own factors
};

enum class EddReasonKind : uint8_t { kAnnex1, kScoreThreshold, kCombination, kAnnex2 };

struct EddReason {
  EddReasonKind kind;
  std::string code;  // factor code, "score_threshold" or "combination:NAME"
  Date since;
};

struct ClientScore {
  std::string client_id;
  Date as_of;
  int score = 0;
  int raw_points = 0;  // before the floor at zero
  RiskLevel level = RiskLevel::kLow;
  bool edd_required = false;
  bool enhanced_monitoring = false;
  std::vector<EddReason> edd_reasons;
  std::vector<FactorHit> factors;  // annex order, then own factors
  std::optional<int> edd_review_months;
  std::optional<Date> next_edd_review;
  std::optional<Date> edd_triggered_on;  // earliest trigger not yet covered by a completed EDD
  std::optional<Date> edd_deadline;
  int edd_extension_days = 0;
  std::optional<Date> next_review;  // periodic due-diligence refresh by risk level
  Money avg_monthly_credit;         // as defined in docs/methodology.md
  std::string methodology_version;
  uint64_t input_fingerprint = 0;  // of the inputs and the methodology's text
  std::vector<std::string> notes;   // why something did not apply, caps applied

  bool HasAnnex1() const;
  // "A1.4;A2.90;own.remote_onboarding"
  std::string FactorCodes() const;
  // "A1.4;score_threshold;A2.90"
  std::string EddReasonCodes() const;
};

class Scorer {
 public:
  Scorer(const Methodology& methodology, const ReferenceData& ref, const BusinessCalendar& calendar);

  ClientScore Score(const ScoreInput& input, Date as_of) const;

  const Methodology& methodology() const { return m_; }

 private:
  // Per-country flags, indexed by the two letters of an ISO code.
  enum CountryFlag : uint8_t {
    kOutsideEuEeaOecd = 1,
    kListA112 = 2,
    kListA113 = 4,
    kListA114 = 8,
    kListA115 = 16,
  };
  static int CountrySlot(const std::string& code);
  uint8_t Flags(const std::string& code) const;

  const Methodology& m_;
  const ReferenceData& ref_;
  const BusinessCalendar& calendar_;
  std::array<uint8_t, 26 * 26> country_flags_{};
  // The first own residence-country class containing each country, or -1.
  std::array<int8_t, 26 * 26> country_class_{};
  std::array<int, 16> annex1_index_{};  // factor index of A1.n (n = 1..15)
  int a2_53_ = -1, a2_54_ = -1, a2_55_ = -1, a2_90_ = -1;
};

// A stable 64-bit fingerprint of everything a score depends on (FNV-1a).
uint64_t FingerprintInput(const ScoreInput& input);

}  // namespace sargs
