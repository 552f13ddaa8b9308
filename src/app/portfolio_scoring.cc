#include "app/portfolio_scoring.h"

#include <cstdio>
#include <set>

#include "base/json.h"
#include "reference/reference_data.h"

namespace sargs {

Result<ScoreRunStats> ScorePortfolio(Store& store, const Scorer& scorer, const ScoreRunOptions& options,
                                     const std::function<void(const ClientScore&, const ClientRecord&)>& on_score) {
  ScoreRunStats stats;
  TRY(store.Begin());
  auto run = store.ForEachClient(
      options.as_of, scorer.methodology().params.main_counterparty_share_percent, options.only,
      [&](ClientRecord& rec) -> Result<bool> {
        ClientScore score = scorer.Score(rec.Input(), options.as_of);
        ++stats.clients;
        if (options.save &&
            TRY(store.SaveScore(score, [&] { return ExplanationJson(score, scorer.methodology()); }))) {
          ++stats.saved;
        }
        if (on_score) on_score(score, rec);
        return true;
      });
  if (!run) {
    store.Rollback();
    return tl::unexpected(run.error());
  }
  TRY(store.Commit());
  return stats;
}

namespace {

const char* SourceName(HitSource s) {
  switch (s) {
    case HitSource::kData: return "data";
    case HitSource::kFact: return "fact";
    case HitSource::kOwn: return "own_factor";
  }
  return "?";
}

const char* ReasonName(EddReasonKind k) {
  switch (k) {
    case EddReasonKind::kAnnex1: return "annex1_factor";
    case EddReasonKind::kScoreThreshold: return "score_threshold";
    case EddReasonKind::kCombination: return "factor_combination";
    case EddReasonKind::kAnnex2: return "annex2_factor";
  }
  return "?";
}

void OptDate(JsonWriter& w, const char* key, const std::optional<Date>& d) {
  w.Key(key);
  if (d) w.String(FormatDate(*d)); else w.Null();
}

}  // namespace

std::string ExplanationJson(const ClientScore& s, const Methodology& m) {
  JsonWriter w;
  w.BeginObject();
  w.Key("client_id").String(s.client_id);
  w.Key("as_of").String(FormatDate(s.as_of));
  w.Key("methodology").BeginObject();
  w.Key("name").String(m.name).Key("version").String(m.version);
  w.Key("institution_type").String(ToString(m.institution_type));
  w.Key("source").String(m.source).EndObject();
  w.Key("score").Int(s.score).Key("points_before_floor").Int(s.raw_points);
  w.Key("risk_level").String(ToString(s.level));
  w.Key("edd_required").Bool(s.edd_required);
  w.Key("enhanced_monitoring").Bool(s.enhanced_monitoring);
  w.Key("avg_monthly_credit_turnover").Raw(s.avg_monthly_credit.ToString());
  w.Key("edd_reasons").BeginArray();
  for (const EddReason& r : s.edd_reasons) {
    w.BeginObject().Key("kind").String(ReasonName(r.kind)).Key("code").String(r.code);
    w.Key("since").String(FormatDate(r.since)).EndObject();
  }
  w.EndArray();
  w.Key("factors").BeginArray();
  for (const FactorHit& h : s.factors) {
    w.BeginObject().Key("code").String(h.code).Key("label").String(h.label);
    w.Key("annex").Int(h.annex).Key("points").Int(h.points).Key("since").String(FormatDate(h.since));
    w.Key("source").String(SourceName(h.source)).Key("evidence").String(h.evidence);
    w.Key("rule").String(h.rule).EndObject();
  }
  w.EndArray();
  w.Key("edd_review_months");
  if (s.edd_review_months) w.Int(*s.edd_review_months); else w.Null();
  OptDate(w, "next_edd_review", s.next_edd_review);
  OptDate(w, "edd_triggered_on", s.edd_triggered_on);
  OptDate(w, "edd_deadline", s.edd_deadline);
  w.Key("edd_extension_business_days").Int(s.edd_extension_days);
  OptDate(w, "next_review", s.next_review);
  w.Key("notes").BeginArray();
  for (const std::string& n : s.notes) w.String(n);
  w.EndArray();
  char fp[20];
  std::snprintf(fp, sizeof fp, "%016llx", static_cast<unsigned long long>(s.input_fingerprint));
  w.Key("input_fingerprint").String(fp);
  w.EndObject();
  return w.str();
}

std::string ExplanationText(const ClientScore& s, const Client& c, const Methodology& m) {
  std::string out;
  auto line = [&](const std::string& text) { out += text + "\n"; };
  line("Client " + c.id + " — " + c.name + " (" + ToString(c.type) + ", " + c.country + ")");
  line("As of " + FormatDate(s.as_of) + ", methodology \"" + m.name + "\" version " + m.version + " (" +
       ToString(m.institution_type) + ")");
  line("");
  line("Score " + std::to_string(s.score) + (s.raw_points < 0 ? " (points " + std::to_string(s.raw_points) + ", floored at 0)" : "") +
       " → risk level " + ToString(s.level) + "  [medium ≥ " + std::to_string(m.medium_threshold) +
       ", high ≥ " + std::to_string(m.high_threshold) + "]");
  line("Average monthly credit turnover: " + s.avg_monthly_credit.ToString() + " EUR");
  line("");
  if (s.factors.empty()) line("No factor applies.");
  for (const FactorHit& h : s.factors) {
    char pts[16];
    std::snprintf(pts, sizeof pts, "%+d", h.points);
    line(std::string("  ") + pts + "  " + h.code + "  " + h.label);
    line("        since:    " + FormatDate(h.since) + " (" + SourceName(h.source) + ")");
    line("        evidence: " + h.evidence);
    line("        rule:     " + h.rule);
  }
  line("");
  if (s.edd_required) {
    line("Enhanced due diligence REQUIRED:");
    for (const EddReason& r : s.edd_reasons) {
      line("  - " + std::string(ReasonName(r.kind)) + " " + r.code + " since " + FormatDate(r.since));
    }
  } else {
    line("Enhanced due diligence not required.");
  }
  if (s.enhanced_monitoring) line("Enhanced monitoring applies.");
  if (s.edd_review_months) {
    line("Periodic EDD every " + std::to_string(*s.edd_review_months) + " months; next review " +
         FormatDate(*s.next_edd_review));
  }
  if (s.edd_deadline) {
    line("EDD triggered on " + FormatDate(*s.edd_triggered_on) + ", to be completed by " + FormatDate(*s.edd_deadline) +
         " (" + std::to_string(m.edd_deadline_business_days) + (s.edd_extension_days ? " + " + std::to_string(s.edd_extension_days) : "") +
         " Latvian business days)" + (*s.edd_deadline < s.as_of ? " — OVERDUE" : ""));
  }
  if (s.next_review) line("Next periodic due-diligence review: " + FormatDate(*s.next_review));
  for (const std::string& n : s.notes) line("Note: " + n);
  return out;
}

void PortfolioSummary::Add(const ClientScore& s) {
  ++clients;
  ++by_level[static_cast<int>(s.level)];
  if (s.enhanced_monitoring) ++enhanced_monitoring;
  Date soon = as_of + std::chrono::days(due_days);
  if (s.edd_required) {
    ++edd_required;
    std::set<std::string> kinds;
    for (const EddReason& r : s.edd_reasons) {
      kinds.insert(r.kind == EddReasonKind::kCombination ? "combination" : r.code);
    }
    for (const std::string& k : kinds) ++edd_by_reason[k];
  }
  if (s.next_edd_review) {
    if (*s.next_edd_review < as_of) ++reviews_overdue;
    else if (*s.next_edd_review <= soon) ++reviews_due_soon;
  }
  if (s.edd_deadline) {
    if (*s.edd_deadline < as_of) ++deadlines_overdue;
    else if (*s.edd_deadline <= soon) ++deadlines_due_soon;
  }
}

std::string PortfolioSummary::ToText() const {
  std::string out;
  char buf[256];
  auto pct = [&](int64_t n) { return clients ? 100.0 * static_cast<double>(n) / static_cast<double>(clients) : 0.0; };
  std::snprintf(buf, sizeof buf, "Portfolio as of %s: %lld clients\n\n", FormatDate(as_of).c_str(), static_cast<long long>(clients));
  out += buf;
  out += "Clients per risk level\n";
  const char* names[3] = {"low", "medium", "high"};
  for (int i = 0; i < 3; ++i) {
    std::snprintf(buf, sizeof buf, "  %-8s %8lld  %5.1f %%\n", names[i], static_cast<long long>(by_level[i]), pct(by_level[i]));
    out += buf;
  }
  std::snprintf(buf, sizeof buf, "\nEDD required: %lld clients (%.1f %%); enhanced monitoring: %lld\n",
                static_cast<long long>(edd_required), pct(edd_required), static_cast<long long>(enhanced_monitoring));
  out += buf;
  out += "EDD required by reason (a client may have several)\n";
  // Annex order (A1.2 before A1.10), then the other reasons.
  const ReferenceData& ref = ShippedReference();
  std::vector<std::pair<std::string, int64_t>> reasons(edd_by_reason.begin(), edd_by_reason.end());
  auto rank = [&](const std::string& code) {
    int index = ref.FactorIndex(code);
    return index < 0 ? static_cast<int>(ref.factors().size()) : index;
  };
  std::stable_sort(reasons.begin(), reasons.end(),
                   [&](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
  for (const auto& [reason, n] : reasons) {
    const FactorInfo* f = ref.Factor(reason);
    std::string label = f ? f->label_en : reason == "score_threshold" ? "score reached the EDD threshold"
                                                                       : "combination of factors";
    if (label.size() > 70) label = label.substr(0, 67) + "...";
    std::snprintf(buf, sizeof buf, "  %-16s %8lld  %s\n", reason.c_str(), static_cast<long long>(n), label.c_str());
    out += buf;
  }
  std::snprintf(buf, sizeof buf,
                "\nEDD reviews due in the next %d days: %lld (already overdue: %lld)\n"
                "EDD completion deadlines overdue: %lld (due in the next %d days: %lld)\n",
                due_days, static_cast<long long>(reviews_due_soon), static_cast<long long>(reviews_overdue),
                static_cast<long long>(deadlines_overdue), due_days, static_cast<long long>(deadlines_due_soon));
  out += buf;
  return out;
}

}  // namespace sargs
