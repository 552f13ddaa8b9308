// Screener: one party's name (and what else is known of it) against a
// ScreeningIndex — candidates from the index, then every candidate scored
// by the NameScorer and adjusted by birth date, nationality and identifiers.
//
// A weak alias (the list's own "low quality" names: "Abu Ahmed", "Haji")
// never raises a hit on its name alone: only when the party's birth date or
// an identifier agrees with the entity's. A list name of a single word (a
// vessel, a nickname) hits only names of a single word. An entity is
// reported once, under its best-scoring name.
//
// Thread safety: a Screener is NOT thread-safe (it holds the normaliser and
// working memory); use one per thread over a shared index.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "screening/name_normalizer.h"
#include "screening/name_scorer.h"
#include "screening/screening_index.h"

namespace sargs {

struct ScreeningQuery {
  std::string name;
  PartyType type = PartyType::kUnknown;
  PartyFacts facts;
};

struct ScreeningMatch {
  uint32_t entity = 0;  // ScreeningIndex::entity
  uint16_t name = 0;    // which of the entity's names matched best
  uint32_t indexed_name = 0;  // that name in ScreeningIndex::names()
  float score = 0;      // after the adjustments
  ScreeningScore detail;
};

struct ScreenerOptions {
  // Hits at or above. Default: kDefaultScreeningThreshold (name_scorer.h).
  float threshold = kDefaultScreeningThreshold;
  // How many of the index's best candidates are scored. Default: 32.
  size_t candidates = 32;
  // At most this many hits per query, best first. Default: 10.
  size_t max_hits = 10;
};

class Screener {
 public:
  Screener(const ScreeningIndex& index, NameNormalizer& normalizer, const NameScorer& scorer,
           ScreenerOptions options = {});

  // The hits of `query`, best first. `normalized` (optional) receives the
  // query's normalised name, for explanations. The name stage (candidates,
  // name scores) of the last query is remembered: screening a batch sorted
  // by name pays it once per distinct name.
  std::vector<ScreeningMatch> Screen(const ScreeningQuery& query, NormalizedName* normalized = nullptr);

  // One line per token pairing and adjustment (DescribeScore), joined by
  // "; ", with the list name and whether it is a weak alias.
  std::string Explain(const NormalizedName& query, const ScreeningMatch& hit) const;

  const ScreenerOptions& options() const { return options_; }

 private:
  const ScreeningIndex& index_;
  NameNormalizer& normalizer_;
  const NameScorer& scorer_;
  ScreenerOptions options_;
  CandidateScratch scratch_;
  std::vector<uint32_t> candidates_;
  struct NameStage {
    bool valid = false;
    std::string name;
    PartyType type = PartyType::kUnknown;
    NormalizedName normalized;
    std::vector<std::pair<uint32_t, float>> scored;  // candidate name, name score
  } last_;
};

// Whether an entity of `type` can be the party: a person is screened
// against persons (and entries of unknown type), an organisation against
// everything but persons.
bool TypesCompatible(PartyType party, EntityType entity);

}  // namespace sargs
