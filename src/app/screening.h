// Use cases of sanctions screening: load a version of a list (and screen
// every stored party against what it added or changed), screen every stored
// party against the lists in force, and screen one name.
//
// Hits are kept in the database, one per party and list entry, with the
// fingerprints of both as they were when found. An analyst's false-positive
// decision keeps a hit from being raised again until the party or the entry
// changes (ScreeningDecision::Suppresses); the hit itself stays stored, so
// the history can be shown.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "base/result.h"
#include "screening/screener.h"
#include "storage/store.h"

namespace sargs {

// What screening needs besides the index. One per thread.
struct ScreeningTools {
  std::unique_ptr<NameNormalizer> normalizer;
  NameScorer scorer;
  ScreenerOptions options;

  static Result<ScreeningTools> Create(ScreenerOptions options = {});
};

// An index over the versions in force of every list in the store (an empty
// index when none was loaded); `versions` receives each source's version.
Result<std::unique_ptr<ScreeningIndex>> IndexListsInForce(Store& store, NameNormalizer& normalizer,
                                                          std::map<std::string, int64_t>* versions = nullptr);

// The screening query for a stored party (its name; the other names are
// screened separately by ScreenParties).
ScreeningQuery QueryOf(const ScreeningParty& party);

struct PartyScreeningReport {
  int64_t parties = 0;     // parties screened
  int64_t names = 0;       // names screened (counterparties may have several)
  int64_t distinct_names = 0;  // of those, scored against the lists (the rest repeat the name before)
  int64_t open_hits = 0;   // hits raised (new, or found again and not decided away)
  int64_t suppressed = 0;  // hits an unchanged false-positive decision keeps quiet
  int64_t removed = 0;     // stored hits that no longer match, forgotten
};

// Screens every stored party against `index` and stores each hit. `on_hit`
// receives the open ones. Stored hits on the entries `index` holds that
// were not found again are removed (the party or the entry changed); hits
// on other entries are left alone, so an index of only the entries a list
// update changed forgets nothing else. `versions` gives each source's
// version in force, recorded with the hits. One database transaction.
Result<PartyScreeningReport> ScreenParties(Store& store, const ScreeningIndex& index, ScreeningTools& tools,
                                           const std::map<std::string, int64_t>& versions,
                                           const std::function<void(const ScreeningHit&)>& on_hit, bool progress);

struct ListLoadReport {
  ListUpdate update;
  int64_t entries_screened = 0;  // added and changed entries the parties were screened against
  PartyScreeningReport screening;
};

// Parses `files` as list `source` (eu, un, ofac, lv), stores it as the next
// version and screens every stored party against the entries it added or
// changed in what screening reads. A file that cannot be parsed stores
// nothing: the version in force stays in force.
Result<ListLoadReport> LoadList(Store& store, const std::string& source, const std::vector<std::string>& files,
                                ScreeningTools& tools, const std::function<void(const ScreeningHit&)>& on_hit,
                                bool progress);

}  // namespace sargs
