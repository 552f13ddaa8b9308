// ScreeningIndex: the names of one or more sanctions lists, normalised once
// and keyed so that a query finds its few plausible entries without being
// compared with the whole list.
//
// Every token of every listed name is indexed under each of its Latin
// spellings (transliterations, Latvian endings, ...) and under each spelling
// with one letter deleted. Two words that differ by one letter inserted,
// deleted, changed or two letters swapped share such a key ("Hussein" and
// "Husein" both give "husein"), so a typo in a name costs no recall, while
// the index stays a flat table of about 40 keys per name. Adjacent tokens
// are also indexed written together, for names written as one word
// ("SiemensAG", "MOHAMMADHASNI").
//
// A query collects, per listed name, the weight of its tokens that share a
// key with the name; a rare token weighs more than a common one ("Putin"
// more than "Vladimir"). Only the best-weighted names go on to the scorer
// (screener.h), which decides.
//
// Thread safety: immutable after Build; any number of threads may call the
// const methods, each with its own CandidateScratch.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "screening/name_normalizer.h"
#include "screening/name_scorer.h"
#include "screening/sanction_list.h"

namespace sargs {

// One name of one listed entity.
struct IndexedName {
  uint32_t entity = 0;  // index into ScreeningIndex::entities()
  uint16_t name = 0;    // index into the entity's names
  bool weak = false;    // a weak alias: never a hit on its own (see Screener)
  // The entity's type and the name's count of name words (NameWords), kept
  // here so that the screener's filters need not look further.
  EntityType type = EntityType::kOther;
  uint8_t words = 0;
  NormalizedName normalized;
};

// Name parts proper: no titles, particles, initials, numbers or legal forms.
size_t NameWords(const NormalizedName& name);

// Working memory of candidate searches; one per thread, reused.
class CandidateScratch {
 public:
  CandidateScratch() = default;

 private:
  friend class ScreeningIndex;
  std::vector<float> weight_;     // per indexed name
  std::vector<uint32_t> stamp_;   // per indexed name: the query token that last added weight
  std::vector<uint32_t> touched_; // names with weight
  uint32_t next_stamp_ = 0;
  std::string key_;
};

struct ScreeningIndexOptions {
  // Tokens shorter than this are indexed (and looked up) only as written,
  // without one-letter deletions: "li" minus a letter matches everything.
  // Default: 4.
  int min_deletion_length = 4;
  // A key shared by more than this share of all names says nothing about a
  // match and is not followed (particles the normaliser did not know, "llc"
  // written out, ...). Default: 0.05.
  double max_key_share = 0.05;
};

class ScreeningIndex {
 public:
  // Normalises every name of every entity of `lists` and builds the keys.
  // The lists are kept (moved in); entities keep their order, list by list.
  static Result<std::unique_ptr<ScreeningIndex>> Build(std::vector<SanctionList> lists, NameNormalizer& normalizer,
                                                       ScreeningIndexOptions options = {});

  std::span<const SanctionList> lists() const { return lists_; }
  size_t entity_count() const { return entities_.size(); }
  const SanctionEntity& entity(uint32_t i) const { return *entities_[i]; }
  // What the scorer compares besides the name, per entity.
  const PartyFacts& facts(uint32_t i) const { return facts_[i]; }
  std::span<const IndexedName> names() const { return names_; }
  size_t key_count() const { return keys_.size(); }

  // Up to `limit` indexed names (indices into names()) that share keys with
  // `query`, the heaviest shared weight first.
  void Candidates(const NormalizedName& query, size_t limit, CandidateScratch& scratch,
                  std::vector<uint32_t>& out) const;

 private:
  ScreeningIndex() = default;
  struct KeySlot {
    uint64_t hash = 0;  // 0: empty
    uint32_t first = 0;  // postings_[first, first + count)
    uint32_t count = 0;
  };
  const KeySlot* Find(uint64_t hash) const;

  std::vector<SanctionList> lists_;
  std::vector<const SanctionEntity*> entities_;
  std::vector<PartyFacts> facts_;
  std::vector<IndexedName> names_;
  std::vector<KeySlot> keys_;  // open addressing on the key's hash
  uint64_t mask_ = 0;
  std::vector<uint32_t> postings_;  // name indices, per key
  ScreeningIndexOptions options_;
  uint32_t max_postings_ = 0;
};

// Calls `key(text, exact)` for each lookup key of token `t` of `name`:
// each spelling as written (exact), then with one letter deleted. Shared by
// indexing and lookup, so that both sides derive keys alike.
template <typename KeyFn>
void ForEachTokenKey(const NormalizedName& name, size_t t, int min_deletion_length, std::string& buffer,
                     KeyFn&& key) {
  const auto spellings = name.Spellings(t);
  for (const NameSpelling& s : spellings) key(name.SpellingText(s), true);
  for (const NameSpelling& s : spellings) {
    const std::string_view text = name.SpellingText(s);
    if (static_cast<int>(text.size()) < min_deletion_length) continue;
    for (size_t i = 0; i < text.size(); ++i) {
      if (i > 0 && text[i] == text[i - 1]) continue;  // deleting either of a double letter gives one key
      buffer.assign(text.substr(0, i));
      buffer.append(text.substr(i + 1));
      key(std::string_view(buffer), false);
    }
  }
}

// The facts of a listed entity in the scorer's terms.
PartyFacts FactsOf(const SanctionEntity& entity);

}  // namespace sargs
