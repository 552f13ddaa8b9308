#include "scoring/scorer.h"

#include <algorithm>
#include <cstring>

namespace sargs {
namespace {

std::string Eur(Money m) { return m.ToString() + " EUR"; }

// A party whose country can link the client to a country: the client itself,
// a beneficial owner, or a main counterparty.
struct CountryParty {
  enum Kind : uint8_t { kClient, kUboResidence, kUboCitizenship, kLink, kCounterparty };
  const std::string* country;
  Kind kind;
  size_t index;  // into persons, links or counterparties
  Date since;
  bool main_counterparty = false;
};

// The lookback window: the `lookback` complete calendar months before as_of.
struct Window {
  YearMonth first;  // inclusive
  YearMonth last;   // inclusive: the month before as_of's month
};

}  // namespace

bool ClientScore::HasAnnex1() const {
  return std::any_of(factors.begin(), factors.end(), [](const FactorHit& h) { return h.annex == 1; });
}

std::string ClientScore::FactorCodes() const {
  std::string out;
  for (const FactorHit& h : factors) out += (out.empty() ? "" : ";") + h.code;
  return out;
}

std::string ClientScore::EddReasonCodes() const {
  std::string out;
  for (const EddReason& r : edd_reasons) out += (out.empty() ? "" : ";") + r.code;
  return out;
}

int Scorer::CountrySlot(const std::string& code) {
  if (code.size() != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z') return -1;
  return (code[0] - 'A') * 26 + (code[1] - 'A');
}

uint8_t Scorer::Flags(const std::string& code) const {
  int slot = CountrySlot(code);
  return slot < 0 ? 0 : country_flags_[slot];
}

Scorer::Scorer(const Methodology& methodology, const ReferenceData& ref, const BusinessCalendar& calendar)
    : m_(methodology), ref_(ref), calendar_(calendar) {
  country_class_.fill(-1);
  for (int a = 0; a < 26; ++a) {
    for (int b = 0; b < 26; ++b) {
      std::string code{static_cast<char>('A' + a), static_cast<char>('A' + b)};
      const CountryInfo* info = ref.Country(code);
      if (!info) continue;
      uint8_t flags = 0;
      if (!info->eu && !info->eea && !info->oecd) flags |= kOutsideEuEeaOecd;
      const uint8_t list_flags[4] = {kListA112, kListA113, kListA114, kListA115};
      for (int i = 0; i < 4; ++i) {
        for (const std::string& id : m_.country_factor_lists[i]) {
          const CountryList* list = ref.List(id);
          if (list && list->codes.count(code)) flags |= list_flags[i];
        }
      }
      country_flags_[a * 26 + b] = flags;
      for (size_t k = 0; k < m_.own.residence_country.size(); ++k) {
        if (m_.own.residence_country[k].Contains(code, ref)) {
          country_class_[a * 26 + b] = static_cast<int8_t>(k);
          break;
        }
      }
    }
  }
  for (int n = 1; n <= 15; ++n) annex1_index_[n] = ref.FactorIndex("A1." + std::to_string(n));
  a2_53_ = ref.FactorIndex("A2.53");
  a2_54_ = ref.FactorIndex("A2.54");
  a2_55_ = ref.FactorIndex("A2.55");
  a2_90_ = ref.FactorIndex("A2.90");
}

ClientScore Scorer::Score(const ScoreInput& in, Date as_of) const {
  const Client& c = *in.client;
  static const ClientActivity kNoActivity;
  const ClientActivity& act = in.activity ? *in.activity : kNoActivity;
  const RegulatoryParameters& p = m_.params;

  ClientScore out;
  out.client_id = c.id;
  out.as_of = as_of;
  out.methodology_version = m_.version;
  // The fingerprint covers the methodology's text too, so that a score is
  // recorded again when either the data or the rules change.
  out.input_fingerprint = FingerprintInput(in) ^ (m_.content_hash * 0x9E3779B97F4A7C15ull);

  const YearMonth as_of_month = YearMonth::Of(as_of);
  const YearMonth start_month = YearMonth::Of(c.relationship_start);
  const Window window{as_of_month - p.turnover_lookback_months, as_of_month - 1};
  auto month_end_plus_one = [](YearMonth m) { return m.LastDay() + std::chrono::days(1); };
  auto clamp_since = [&](Date d) { return std::max(d, c.relationship_start); };

  // Average monthly credit turnover: the mean over the complete months of the
  // window since the relationship started; the planned figure when the client
  // has no transactions (or no complete month yet).
  Money window_credit;
  for (const MonthTurnover& mt : act.months) {
    if (mt.month >= window.first && mt.month <= window.last) window_credit += mt.credit;
  }
  {
    YearMonth from = std::max(window.first, start_month);
    int months = window.last - from + 1;
    if (act.transaction_count == 0 || months <= 0) {
      out.avg_monthly_credit = c.planned_monthly_credit_turnover.value_or(Money());
    } else {
      Money counted;
      for (const MonthTurnover& mt : act.months) {
        if (mt.month >= from && mt.month <= window.last) counted += mt.credit;
      }
      out.avg_monthly_credit = counted.DividedBy(months);
    }
  }
  // The day after the first month of the window by which the credit turnover
  // accumulated since the window's start exceeds `limit` (or, with
  // `average`, by which the average of the months counted so far does).
  // Anchoring to the window rather than to the as-of date keeps the trigger
  // date of a continuing condition from moving forward every month, which
  // would re-open an EDD that was just completed.
  auto first_month_over = [&](Money limit, YearMonth from, bool average) -> Date {
    Money running;
    for (YearMonth m = from; m <= window.last; m = m + 1) {
      running += act.CreditIn(m);
      Money value = average ? running.DividedBy(m - from + 1) : running;
      if (value > limit) return month_end_plus_one(m);
    }
    return month_end_plus_one(window.last);
  };
  // "Monthly credit turnover exceeds X": the planned figure, or any complete
  // month of the window. Returns the date the data first showed it.
  auto monthly_exceeds = [&](Money limit, std::string* evidence) -> std::optional<Date> {
    if (c.planned_monthly_credit_turnover && *c.planned_monthly_credit_turnover > limit) {
      *evidence = "planned monthly credit turnover " + Eur(*c.planned_monthly_credit_turnover);
      return c.relationship_start;
    }
    for (const MonthTurnover& mt : act.months) {
      if (mt.month < window.first || mt.month > window.last) continue;
      if (mt.credit > limit) {
        *evidence = "credit turnover " + Eur(mt.credit) + " in " + mt.month.ToString();
        return month_end_plus_one(mt.month);
      }
    }
    return std::nullopt;
  };

  std::vector<FactorHit>& hits = out.factors;
  auto add = [&](int index, Date since, HitSource source, std::string evidence, std::string rule) {
    if (index < 0 || !m_.Applies(index)) return;
    for (FactorHit& h : hits) {
      if (h.factor_index == index) {  // data and a fact agree: keep the earlier
        h.evidence += "; " + evidence;
        h.since = std::min(h.since, clamp_since(since));
        return;
      }
    }
    const FactorInfo& f = ref_.factors()[index];
    hits.push_back(FactorHit{f.code, f.label_en, f.annex, *m_.points[index], clamp_since(since),
                             source, std::move(evidence), std::move(rule), index});
  };
  auto A1 = [&](int n) { return annex1_index_[n]; };

  // A1.4: PEP, family member or close associate.
  if (c.type == ClientType::kNatural && c.pep != PepStatus::kNone) {
    bool exempt = c.country == "LV" && p.pep_exemption_categories.count(ToString(c.pep)) &&
                  out.avg_monthly_credit <= p.pep_exemption_avg_monthly_credit;
    if (exempt) {
      out.notes.push_back("A1.4 not applied: Latvian-resident PEP (" + std::string(ToString(c.pep)) +
                          ") with average monthly credit turnover " + Eur(out.avg_monthly_credit) +
                          " <= " + Eur(p.pep_exemption_avg_monthly_credit));
    } else {
      std::string why = "PEP status '" + std::string(ToString(c.pep)) + "', residence " + c.country;
      if (c.country == "LV") why += ", average monthly credit turnover " + Eur(out.avg_monthly_credit);
      add(A1(4), c.relationship_start, HitSource::kData, why,
          "natural person who is a PEP, family member or close associate; not exempt "
          "(exemption: LV resident with average monthly credit turnover <= " +
              Eur(p.pep_exemption_avg_monthly_credit) + ")");
    }
  }
  // A1.5: legal person whose main activity is not linked to Latvia.
  if (c.type == ClientType::kLegal && !c.activity_linked_to_latvia && !c.reputable_foreign_group) {
    add(A1(5), c.relationship_start, HitSource::kData,
        "activity_linked_to_latvia=false, reputable_foreign_group=false",
        "legal person whose main activity is not linked to Latvia and which is not part of a "
        "publicly known reputable foreign group");
  }
  // A1.6: private banking with planned or actual annual credit turnover > 1 000 000.
  if (c.private_banking) {
    if (c.planned_annual_credit_turnover && *c.planned_annual_credit_turnover > p.private_banking_annual_credit) {
      add(A1(6), c.relationship_start, HitSource::kData,
          "private banking; planned annual credit turnover " + Eur(*c.planned_annual_credit_turnover),
          "planned or actual annual credit turnover > " + Eur(p.private_banking_annual_credit));
    } else if (window_credit > p.private_banking_annual_credit) {
      add(A1(6), first_month_over(p.private_banking_annual_credit, window.first, false), HitSource::kData,
          "private banking; credit turnover " + Eur(window_credit) + " in " +
              window.first.ToString() + ".." + window.last.ToString(),
          "planned or actual annual credit turnover > " + Eur(p.private_banking_annual_credit));
    }
  }

  // Country links of the client and its beneficial owners. The description
  // of each link is built only when a factor cites it: most clients have no
  // such factor, and building strings for all of them dominated scoring time.
  std::vector<CountryParty> parties;
  parties.reserve(4 + in.persons.size() + in.links.size());
  auto describe = [&](const CountryParty& party) -> std::string {
    switch (party.kind) {
      case CountryParty::kClient: return "client residence/registration";
      case CountryParty::kUboResidence: return "UBO " + in.persons[party.index].name + " (residence)";
      case CountryParty::kUboCitizenship: return "UBO " + in.persons[party.index].name + " (citizenship)";
      case CountryParty::kLink: {
        const CountryLink& link = in.links[party.index];
        return std::string("country link (") + ToString(link.party) + ")" +
               (link.reason.empty() ? "" : ": " + link.reason);
      }
      case CountryParty::kCounterparty: {
        const CounterpartyMonth& cp = act.counterparties[party.index];
        const MonthTurnover* mt = act.Find(cp.month);
        Money total_credit = mt ? mt->credit : Money(), total_debit = mt ? mt->debit : Money();
        return "main counterparty " + (cp.name.empty() ? cp.key : cp.name) + " in " + cp.month.ToString() +
               " (credit " + Eur(cp.credit) + " of " + Eur(total_credit) + ", debit " + Eur(cp.debit) + " of " +
               Eur(total_debit) + ")";
      }
    }
    return "";
  };
  parties.push_back({&c.country, CountryParty::kClient, 0, c.relationship_start});
  for (size_t i = 0; i < in.persons.size(); ++i) {
    const Person& person = in.persons[i];
    if (person.role != PersonRole::kUbo) continue;
    parties.push_back({&person.country, CountryParty::kUboResidence, i, c.relationship_start});
    if (!person.citizenship.empty() && person.citizenship != person.country) {
      parties.push_back({&person.citizenship, CountryParty::kUboCitizenship, i, c.relationship_start});
    }
  }
  for (size_t i = 0; i < in.links.size(); ++i) {
    parties.push_back({&in.links[i].country, CountryParty::kLink, i, c.relationship_start,
                       in.links[i].party == LinkParty::kMainCounterparty});
  }
  const size_t client_and_ubo_parties = parties.size();
  for (size_t i = 0; i < act.counterparties.size(); ++i) {
    const CounterpartyMonth& cp = act.counterparties[i];
    if (cp.month < window.first || cp.month > window.last || cp.country.empty()) continue;
    const MonthTurnover* mt = act.Find(cp.month);
    Money total_credit = mt ? mt->credit : Money(), total_debit = mt ? mt->debit : Money();
    bool main = cp.credit.ExceedsPercentOf(total_credit, p.main_counterparty_share_percent) ||
                cp.debit.ExceedsPercentOf(total_debit, p.main_counterparty_share_percent);
    if (main) parties.push_back({&cp.country, CountryParty::kCounterparty, i, month_end_plus_one(cp.month), true});
  }

  // A1.7: client or UBO linked to a country outside EU/EEA/OECD, and monthly
  // credit turnover above the threshold for its type.
  {
    Money limit = c.type == ClientType::kNatural ? p.third_country_monthly_credit_natural
                                                 : p.third_country_monthly_credit_legal;
    for (size_t i = 0; i < client_and_ubo_parties; ++i) {
      const CountryParty& party = parties[i];
      if (party.main_counterparty || !(Flags(*party.country) & kOutsideEuEeaOecd)) continue;
      std::string turnover;
      if (auto since = monthly_exceeds(limit, &turnover)) {
        add(A1(7), std::max(*since, party.since), HitSource::kData,
            describe(party) + " " + *party.country + " is outside the EU/EEA/OECD; " + turnover,
            "link to a country outside the EU/EEA/OECD and monthly credit turnover > " + Eur(limit));
      }
      break;
    }
  }
  // A1.8-A1.11: activities, declared or implied by the NACE code.
  {
    uint8_t declared = c.activities;
    uint8_t from_nace = m_.nace_activity_mapping && !c.nace.empty() ? ref_.NaceActivities(c.nace) : 0;
    const std::pair<int, Activity> kActivityFactors[] = {
        {8, kGambling}, {9, kCashInTransit}, {10, kPreciousGoods}, {11, kArms}};
    for (auto [n, bit] : kActivityFactors) {
      if (!((declared | from_nace) & bit)) continue;
      std::string evidence = (declared & bit) ? "declared activity '" + ActivitiesToString(bit) + "'"
                                              : "NACE " + c.nace + " maps to '" + ActivitiesToString(bit) + "'";
      add(A1(n), c.relationship_start, HitSource::kData, evidence,
          "client engaged in " + ActivitiesToString(bit) + " (activities column, or default NACE mapping)");
    }
  }
  // A1.12-A1.15: link of the client, a UBO or a main counterparty to a listed country.
  {
    const uint8_t list_flags[4] = {kListA112, kListA113, kListA114, kListA115};
    for (int i = 0; i < 4; ++i) {
      const CountryParty* first = nullptr;
      for (const CountryParty& party : parties) {
        if ((Flags(*party.country) & list_flags[i]) && (!first || party.since < first->since)) first = &party;
      }
      if (!first) continue;
      std::string lists;
      for (const std::string& id : m_.country_factor_lists[i]) {
        const CountryList* list = ref_.List(id);
        lists += (lists.empty() ? "" : ", ") + id + (list ? " as of " + list->as_of : "");
      }
      add(A1(12 + i), first->since, HitSource::kData, describe(*first) + ": " + *first->country,
          "client, UBO or main counterparty linked to a country on " + lists);
    }
  }

  // Annex 2 turnover factors.
  // A2.53-A2.55 apply only to clients without annex 1 factors, whether found
  // in the data or recorded by an analyst.
  bool any_annex1 = std::any_of(hits.begin(), hits.end(), [](const FactorHit& h) { return h.annex == 1; }) ||
                    std::any_of(in.facts.begin(), in.facts.end(), [&](const Fact& f) {
                      int index = ref_.FactorIndex(f.factor);
                      return index >= 0 && ref_.factors()[index].annex == 1 && m_.Applies(index) &&
                             f.observed_on <= as_of && !(f.expires_on && *f.expires_on <= as_of);
                    });
  if (!c.activity_linked_to_latvia) {
    if (any_annex1) {
      out.notes.push_back("A2.53-A2.55 not evaluated: they apply only to clients without annex 1 factors");
    } else {
      std::string turnover;
      if (auto since = monthly_exceeds(p.non_latvia_monthly_credit, &turnover)) {
        add(a2_53_, *since, HitSource::kData, "activity not linked to Latvia; " + turnover,
            "monthly credit turnover > " + Eur(p.non_latvia_monthly_credit));
      }
      for (YearMonth m = window.first; m + 2 <= window.last; m = m + 1) {
        Money quarter = act.CreditIn(m) + act.CreditIn(m + 1) + act.CreditIn(m + 2);
        if (quarter > p.non_latvia_quarter_credit) {
          add(a2_54_, month_end_plus_one(m + 2), HitSource::kData,
              "activity not linked to Latvia; credit turnover " + Eur(quarter) + " in " +
                  m.ToString() + ".." + (m + 2).ToString(),
              "credit turnover over three months > " + Eur(p.non_latvia_quarter_credit));
          break;
        }
      }
      if (c.planned_annual_credit_turnover && *c.planned_annual_credit_turnover > p.non_latvia_annual_credit) {
        add(a2_55_, c.relationship_start, HitSource::kData,
            "activity not linked to Latvia; planned annual credit turnover " + Eur(*c.planned_annual_credit_turnover),
            "annual credit turnover > " + Eur(p.non_latvia_annual_credit));
      } else if (window_credit > p.non_latvia_annual_credit) {
        add(a2_55_, first_month_over(p.non_latvia_annual_credit, window.first, false), HitSource::kData,
            "activity not linked to Latvia; credit turnover " + Eur(window_credit) + " in " +
                window.first.ToString() + ".." + window.last.ToString(),
            "annual credit turnover > " + Eur(p.non_latvia_annual_credit));
      }
    }
  }
  // A2.90: natural person with planned or average actual monthly credit turnover > 30 000.
  if (c.type == ClientType::kNatural) {
    Money limit = p.natural_person_monthly_credit;
    if (c.planned_monthly_credit_turnover && *c.planned_monthly_credit_turnover > limit) {
      add(a2_90_, c.relationship_start, HitSource::kData,
          "planned monthly credit turnover " + Eur(*c.planned_monthly_credit_turnover),
          "natural person with planned or average actual monthly credit turnover > " + Eur(limit));
    } else if (out.avg_monthly_credit > limit) {
      add(a2_90_, first_month_over(limit, std::max(window.first, start_month), true), HitSource::kData,
          "average monthly credit turnover " + Eur(out.avg_monthly_credit) + " over " +
              window.first.ToString() + ".." + window.last.ToString(),
          "natural person with planned or average actual monthly credit turnover > " + Eur(limit));
    }
  }

  // Analyst facts.
  for (const Fact& f : in.facts) {
    if (f.observed_on > as_of || (f.expires_on && *f.expires_on <= as_of)) continue;
    int index = ref_.FactorIndex(f.factor);
    if (index < 0) continue;
    if (!m_.Applies(index)) {
      out.notes.push_back("fact " + f.factor + " ignored: the factor does not apply to " +
                          std::string(ToString(m_.institution_type)));
      continue;
    }
    add(index, f.observed_on, HitSource::kFact,
        "analyst finding of " + FormatDate(f.observed_on) + (f.author.empty() ? "" : " by " + f.author) +
            (f.note.empty() ? "" : ": " + f.note),
        "recorded as a fact");
  }
  std::sort(hits.begin(), hits.end(), [&](const FactorHit& a, const FactorHit& b) {
    return a.factor_index < b.factor_index;
  });

  // The institution's own factors.
  auto add_own = [&](std::string code, std::string label, int points, std::string evidence, std::string rule) {
    if (points == 0) return;
    hits.push_back(FactorHit{std::move(code), std::move(label), 0, points, c.relationship_start,
                             HitSource::kOwn, std::move(evidence), std::move(rule)});
  };
  if (int slot = CountrySlot(c.country); slot >= 0 && country_class_[slot] >= 0) {
    const CountryClass& cls = m_.own.residence_country[country_class_[slot]];
    add_own("own.country." + cls.name, "Residence/registration country in class '" + cls.name + "'", cls.points,
            "country " + c.country, "own geography factor: country class '" + cls.name + "'");
  }
  for (const auto& [form, points] : m_.own.legal_form_points) {
    if (!c.legal_form.empty() && c.legal_form == form) {
      add_own("own.legal_form", "Legal form " + form, points, "legal form " + form, "own customer factor: legal form");
      break;
    }
  }
  if (c.onboarding == Onboarding::kRemote) {
    add_own("own.remote_onboarding", "Onboarded remotely only", m_.own.remote_onboarding_points,
            "onboarding=remote", "own delivery-channel factor: no face-to-face identification");
  }
  if (!c.nace.empty() && ref_.NaceCashIntensive(c.nace)) {
    add_own("own.cash_intensive_nace", "Cash-intensive sector", m_.own.cash_intensive_nace_points,
            "NACE " + c.nace, "own customer factor: cash-intensive NACE sector (data/nace_activities.csv)");
  }

  // Score and risk level.
  for (const FactorHit& h : hits) out.raw_points += h.points;
  out.score = std::max(0, out.raw_points);
  out.level = out.score >= m_.high_threshold     ? RiskLevel::kHigh
              : out.score >= m_.medium_threshold ? RiskLevel::kMedium
                                                 : RiskLevel::kLow;
  any_annex1 = out.HasAnnex1();
  if (any_annex1 && out.level < m_.annex1_minimum_level) out.level = m_.annex1_minimum_level;

  // EDD reasons (points 20-22).
  std::vector<EddReason>& reasons = out.edd_reasons;
  for (const FactorHit& h : hits) {
    if (h.annex == 1) reasons.push_back({EddReasonKind::kAnnex1, h.code, h.since});
  }
  const bool during_relationship = c.relationship_start <= as_of;
  const int threshold = m_.EddThreshold(during_relationship);
  if (out.score >= threshold) {
    // The score reached the threshold on the first day on which the points of
    // the factors present by then added up to it.
    std::vector<const FactorHit*> by_date;
    for (const FactorHit& h : hits) by_date.push_back(&h);
    std::stable_sort(by_date.begin(), by_date.end(),
                     [](const FactorHit* a, const FactorHit* b) { return a->since < b->since; });
    int running = 0;
    Date since = as_of;
    for (size_t i = 0; i < by_date.size(); ++i) {
      running += by_date[i]->points;
      bool last_of_day = i + 1 == by_date.size() || by_date[i + 1]->since != by_date[i]->since;
      if (last_of_day && running >= threshold) {
        since = by_date[i]->since;
        break;
      }
    }
    reasons.push_back({EddReasonKind::kScoreThreshold, "score_threshold", since});
  }
  for (const EddCombination& combo : m_.edd_combinations) {
    Date since = c.relationship_start;
    bool all = true;
    for (int index : combo.factor_indices) {
      auto it = std::find_if(hits.begin(), hits.end(), [&](const FactorHit& h) { return h.factor_index == index; });
      if (it == hits.end()) {
        all = false;
        break;
      }
      since = std::max(since, it->since);
    }
    if (all) reasons.push_back({EddReasonKind::kCombination, "combination:" + combo.name, since});
  }
  for (const FactorHit& h : hits) {
    if (h.annex == 2) reasons.push_back({EddReasonKind::kAnnex2, h.code, h.since});
  }
  for (const Alert& a : in.open_alerts) {
    if (a.window_end > as_of) continue;
    bool known = std::any_of(reasons.begin(), reasons.end(), [&](const EddReason& r) {
      return r.kind == EddReasonKind::kAnnex2 && r.code == a.factor && r.since <= a.window_end;
    });
    if (!known) reasons.push_back({EddReasonKind::kAnnex2, a.factor, a.window_end});
  }
  out.edd_required = !reasons.empty();
  out.enhanced_monitoring = out.edd_required || out.score >= m_.enhanced_monitoring_threshold;

  // Review periods (point 21) and the EDD deadline (points 24-25).
  std::optional<Date> last_edd, last_review;
  for (const Review& r : in.reviews) {
    if (r.on > as_of || r.kind == ReviewKind::kExtension) continue;
    if (r.kind == ReviewKind::kEddCompleted && (!last_edd || r.on > *last_edd)) last_edd = r.on;
    if (!last_review || r.on > *last_review) last_review = r.on;
  }
  if (any_annex1) {
    bool short_period = std::any_of(hits.begin(), hits.end(), [&](const FactorHit& h) {
      return h.annex == 1 && m_.short_review_factors.count(h.factor_index);
    });
    out.edd_review_months = short_period ? m_.edd_review_months_short : m_.edd_review_months_long;
  } else if (std::any_of(reasons.begin(), reasons.end(), [](const EddReason& r) {
               return r.kind == EddReasonKind::kScoreThreshold || r.kind == EddReasonKind::kCombination;
             })) {
    out.edd_review_months = m_.review_months_by_level[static_cast<int>(out.level)];
  }
  std::optional<Date> pending;
  std::optional<Date> first_periodic;
  for (const EddReason& r : reasons) {
    if (r.kind != EddReasonKind::kAnnex2 && (!first_periodic || r.since < *first_periodic)) first_periodic = r.since;
    if (last_edd && r.since <= *last_edd) continue;
    if (!pending || r.since < *pending) pending = r.since;
  }
  if (out.edd_review_months) {
    Date anchor = last_edd ? *last_edd : *first_periodic;
    out.next_edd_review = AddMonths(anchor, *out.edd_review_months);
  }
  if (pending) {
    out.edd_triggered_on = pending;
    int extension = 0;
    for (const Review& r : in.reviews) {
      if (r.kind == ReviewKind::kExtension && r.on >= *pending && r.on <= as_of) extension += r.extension_business_days;
    }
    if (any_annex1 && extension > m_.edd_extension_max_business_days) {
      out.notes.push_back("EDD deadline extension of " + std::to_string(extension) +
                          " business days capped at " + std::to_string(m_.edd_extension_max_business_days) +
                          " (point 25, client with annex 1 factors)");
      extension = m_.edd_extension_max_business_days;
    }
    out.edd_extension_days = extension;
    out.edd_deadline = calendar_.AddBusinessDays(*pending, m_.edd_deadline_business_days + extension);
  }
  int period = out.edd_review_months.value_or(m_.review_months_by_level[static_cast<int>(out.level)]);
  out.next_review = AddMonths(last_review ? *last_review : c.relationship_start, period);
  return out;
}

// A 64-bit hash over a canonical rendering of every input, eight bytes at a
// time (byte-wise FNV cost a quarter of the scoring time). Strings carry
// their length, so ("ab","c") and ("a","bc") differ. Words are read in the
// machine's byte order; every platform Sargs builds on is little-endian.
namespace {
class Fnv {
 public:
  void Word(uint64_t w) {
    h_ ^= w;
    h_ *= 0x9E3779B97F4A7C15ull;
    h_ ^= h_ >> 29;
  }
  void Str(const std::string& s) {
    Word(s.size());
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      Word(w);
    }
    if (i < s.size()) {
      uint64_t w = 0;
      std::memcpy(&w, s.data() + i, s.size() - i);
      Word(w);
    }
  }
  void Int(int64_t v) { Word(static_cast<uint64_t>(v)); }
  void Byte(unsigned char c) { Word(c); }
  void Day(Date d) { Int(d.time_since_epoch().count()); }
  void OptMoney(const std::optional<Money>& m) { Int(m ? m->cents() : INT64_MIN); }
  uint64_t value() const { return h_ ^ (h_ >> 32); }

 private:
  uint64_t h_ = 14695981039346656037ull;
};
}  // namespace

uint64_t FingerprintInput(const ScoreInput& in) {
  Fnv f;
  const Client& c = *in.client;
  f.Str(c.id);
  f.Byte(static_cast<unsigned char>(c.type));
  f.Str(c.country);
  f.Day(c.relationship_start);
  f.Byte(static_cast<unsigned char>(c.pep));
  f.Str(c.legal_form);
  f.Str(c.nace);
  f.Byte(c.activities);
  f.Byte(static_cast<unsigned char>(c.activity_linked_to_latvia | c.reputable_foreign_group << 1 |
                                    c.private_banking << 2));
  f.OptMoney(c.planned_monthly_credit_turnover);
  f.OptMoney(c.planned_annual_credit_turnover);
  f.OptMoney(c.transaction_limit);
  f.Byte(static_cast<unsigned char>(c.onboarding));
  for (const Person& p : in.persons) {
    f.Str(p.id);
    f.Byte(static_cast<unsigned char>(p.role));
    f.Str(p.name);
    f.Str(p.country);
    f.Str(p.citizenship);
    f.Byte(static_cast<unsigned char>(p.pep));
  }
  for (const Fact& x : in.facts) {
    f.Str(x.factor);
    f.Day(x.observed_on);
    f.Day(x.expires_on.value_or(Date()));
    f.Str(x.note);
    f.Str(x.author);
  }
  for (const CountryLink& l : in.links) {
    f.Byte(static_cast<unsigned char>(l.party));
    f.Str(l.country);
    f.Str(l.reason);
  }
  for (const Review& r : in.reviews) {
    f.Byte(static_cast<unsigned char>(r.kind));
    f.Day(r.on);
    f.Int(r.extension_business_days);
  }
  for (const Alert& a : in.open_alerts) {
    f.Int(a.id);
    f.Str(a.factor);
    f.Day(a.window_end);
  }
  if (in.activity) {
    f.Int(in.activity->transaction_count);
    for (const MonthTurnover& m : in.activity->months) {
      f.Int(m.month.index());
      f.Int(m.credit.cents());
      f.Int(m.debit.cents());
    }
    for (const CounterpartyMonth& cp : in.activity->counterparties) {
      f.Int(cp.month.index());
      f.Str(cp.key);
      f.Str(cp.country);
      f.Int(cp.credit.cents());
      f.Int(cp.debit.cents());
    }
  }
  return f.value();
}

}  // namespace sargs
