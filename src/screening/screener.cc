#include "screening/screener.h"

#include <algorithm>

namespace sargs {
namespace {

// The facts' adjustments can lift a name score by at most this much below
// the threshold (an exact birth date on a fair name match); candidates
// further below are not adjusted at all.
constexpr float kMaxLift = 0.2f;

// Whether the party's birth date or an identifier agrees with the entity's:
// what a weak alias needs before it may raise a hit.
bool Corroborated(const std::vector<FactAdjustment>& adjustments) {
  for (const FactAdjustment& a : adjustments) {
    if (a.kind == FactAdjustmentKind::kBirthDateExact || a.kind == FactAdjustmentKind::kBirthDateInRange ||
        a.kind == FactAdjustmentKind::kIdentifierMatch) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool TypesCompatible(PartyType party, EntityType entity) {
  switch (party) {
    case PartyType::kPerson: return entity == EntityType::kPerson || entity == EntityType::kOther;
    case PartyType::kOrganisation: return entity != EntityType::kPerson;
    case PartyType::kUnknown: return true;
  }
  return true;
}

Screener::Screener(const ScreeningIndex& index, NameNormalizer& normalizer, const NameScorer& scorer,
                   ScreenerOptions options)
    : index_(index), normalizer_(normalizer), scorer_(scorer), options_(options) {}

std::vector<ScreeningMatch> Screener::Screen(const ScreeningQuery& query, NormalizedName* normalized) {
  if (!last_.valid || last_.name != query.name || last_.type != query.type) {
    // The name stage: candidates, filters that depend on the names only,
    // and the name scores. Remembered for the next query with this name.
    last_.valid = true;
    last_.name = query.name;
    last_.type = query.type;
    last_.normalized = normalizer_.Normalize(query.name, query.type);
    last_.scored.clear();
    const NormalizedName& q = last_.normalized;
    if (!q.empty()) {
      index_.Candidates(q, options_.candidates, scratch_, candidates_);
      const size_t query_words = NameWords(q);
      for (uint32_t c : candidates_) {
        const IndexedName& listed = index_.names()[c];
        if (!TypesCompatible(query.type, listed.type)) continue;
        // A list name of one word (the vessel "AMBER", the alias "SANIA")
        // is not evidence against a party of several words that shares one
        // of them ("Amber Trade", "Sanita Vītola"): it hits one-word names only.
        if (query_words > 1 && listed.words == 1) continue;
        const float name_score = scorer_.Score(q, listed.normalized);
        if (name_score >= options_.threshold - kMaxLift) last_.scored.emplace_back(c, name_score);
      }
    }
  }
  if (normalized != nullptr) *normalized = last_.normalized;
  std::vector<ScreeningMatch> hits;
  std::vector<FactAdjustment> adjustments;
  for (const auto& [c, name_score] : last_.scored) {
    const IndexedName& listed = index_.names()[c];
    adjustments.clear();
    const float score = scorer_.AdjustForFacts(name_score, query.facts, index_.facts(listed.entity), &adjustments);
    if (score < options_.threshold) continue;
    if (listed.weak && !Corroborated(adjustments)) continue;
    auto same = std::find_if(hits.begin(), hits.end(), [&](const ScreeningMatch& h) { return h.entity == listed.entity; });
    if (same != hits.end() && same->score >= score) continue;
    ScreeningMatch hit;
    hit.entity = listed.entity;
    hit.name = listed.name;
    hit.indexed_name = c;
    hit.score = score;
    hit.detail = scorer_.ScoreParty(last_.normalized, query.facts, listed.normalized, index_.facts(listed.entity));
    if (same != hits.end()) {
      *same = std::move(hit);
    } else {
      hits.push_back(std::move(hit));
    }
  }
  std::sort(hits.begin(), hits.end(), [](const ScreeningMatch& a, const ScreeningMatch& b) {
    return a.score != b.score ? a.score > b.score : a.entity < b.entity;
  });
  if (hits.size() > options_.max_hits) hits.resize(options_.max_hits);
  return hits;
}

std::string Screener::Explain(const NormalizedName& query, const ScreeningMatch& hit) const {
  const SanctionEntity& entity = index_.entity(hit.entity);
  const SanctionName& name = entity.names[hit.name];
  const NormalizedName& listed = index_.names()[hit.indexed_name].normalized;
  std::string text = "matched " + std::string(name.kind == NameKind::kPrimary ? "primary name" : "alias") +
                     " '" + name.full + "'";
  if (name.strength == NameStrength::kWeak) text += " (a weak alias, corroborated)";
  // DescribeScore's lines, trimmed, as one line.
  const std::string lines = DescribeScore(query, listed, hit.detail);
  std::string joined;
  for (size_t start = 0; start < lines.size();) {
    size_t end = lines.find('\n', start);
    if (end == std::string::npos) end = lines.size();
    std::string_view line = std::string_view(lines).substr(start, end - start);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    if (!line.empty()) joined += (joined.empty() ? "" : "; ") + std::string(line);
    start = end + 1;
  }
  return text + ": " + joined;
}

}  // namespace sargs
