#include "screening/screening_index.h"

#include <algorithm>
#include <cmath>

#include "base/string_table.h"

namespace sargs {
namespace {

uint64_t KeyHash(std::string_view key) {
  const uint64_t h = StringTable<uint8_t>::Hash(key);
  return h == 0 ? 1 : h;  // 0 marks an empty slot
}

// Tokens that identify: name parts and honorifics that may be given names
// are keys; titles, legal forms, particles, initials and numbers are too
// common or too short to find anything by.
bool IsKeyToken(NameTokenKind kind) { return kind == NameTokenKind::kName || kind == NameTokenKind::kHonorific; }

// Whether `name` has any key token; a name without one ("AL-QA'IDA" is
// particle + name, but "A.B.C." is initials only) is keyed on every token
// but its titles.
bool HasKeyToken(const NormalizedName& name) {
  for (const NameToken& t : name.tokens) {
    if (IsKeyToken(t.kind)) return true;
  }
  return false;
}

bool UseToken(const NormalizedName& name, size_t t, bool any) {
  const NameTokenKind kind = name.tokens[t].kind;
  return any ? kind != NameTokenKind::kTitle : IsKeyToken(kind);
}

// Calls `key` with each pair of adjacent (non-title) tokens written together.
template <typename F>
void ForEachJoinedKey(const NormalizedName& name, std::string& buffer, F&& key) {
  for (size_t t = 0; t + 1 < name.size(); ++t) {
    if (name.tokens[t].kind == NameTokenKind::kTitle || name.tokens[t + 1].kind == NameTokenKind::kTitle) continue;
    buffer.assign(name.Primary(t));
    buffer.append(name.Primary(t + 1));
    key(std::string_view(buffer));
  }
}

}  // namespace

size_t NameWords(const NormalizedName& name) {
  size_t words = 0;
  for (const NameToken& t : name.tokens) words += t.kind == NameTokenKind::kName;
  return words;
}

PartyFacts FactsOf(const SanctionEntity& entity) {
  PartyFacts f;
  for (const sargs::BirthDate& d : entity.birth_dates) {
    PartyBirthDate b;
    b.year = static_cast<int16_t>(d.year);
    b.month = static_cast<int8_t>(d.month);
    b.day = static_cast<int8_t>(d.day);
    if (d.precision == DatePrecision::kBetween) {
      b.year_to = static_cast<int16_t>(d.to_year);
    } else if (d.precision == DatePrecision::kApproximately) {
      // "circa 1960": a year either side.
      b.year = static_cast<int16_t>(d.year - 1);
      b.year_to = static_cast<int16_t>(d.year + 1);
      b.month = b.day = 0;
    }
    f.birth_dates.push_back(b);
  }
  for (const CountryRef& c : entity.nationalities) {
    if (!c.iso2.empty()) f.nationalities.push_back(c.iso2);
  }
  for (const SanctionIdentifier& id : entity.identifiers) {
    if (!id.number.empty()) f.identifiers.push_back(id.number);
  }
  return f;
}

Result<std::unique_ptr<ScreeningIndex>> ScreeningIndex::Build(std::vector<SanctionList> lists,
                                                               NameNormalizer& normalizer,
                                                               ScreeningIndexOptions options) {
  std::unique_ptr<ScreeningIndex> index(new ScreeningIndex());
  index->options_ = options;
  index->lists_ = std::move(lists);
  for (const SanctionList& list : index->lists_) {
    for (const SanctionEntity& e : list.entities) {
      const auto entity = static_cast<uint32_t>(index->entities_.size());
      index->entities_.push_back(&e);
      index->facts_.push_back(FactsOf(e));
      const PartyType kind = e.type == EntityType::kPerson ? PartyType::kPerson : PartyType::kOrganisation;
      for (size_t n = 0; n < e.names.size() && n <= UINT16_MAX; ++n) {
        IndexedName name;
        name.entity = entity;
        name.name = static_cast<uint16_t>(n);
        name.weak = e.names[n].strength == NameStrength::kWeak;
        name.normalized = normalizer.Normalize(e.names[n].full, kind);
        name.type = e.type;
        name.words = static_cast<uint8_t>(std::min<size_t>(NameWords(name.normalized), UINT8_MAX));
        if (!name.normalized.empty()) index->names_.push_back(std::move(name));
      }
    }
  }

  // (key hash, name) pairs, sorted into postings.
  std::vector<std::pair<uint64_t, uint32_t>> pairs;
  std::string buffer, joined;
  for (uint32_t n = 0; n < index->names_.size(); ++n) {
    const NormalizedName& name = index->names_[n].normalized;
    const bool any = !HasKeyToken(name);
    for (size_t t = 0; t < name.size(); ++t) {
      if (!UseToken(name, t, any)) continue;
      ForEachTokenKey(name, t, options.min_deletion_length, buffer,
                      [&](std::string_view key, bool) { pairs.emplace_back(KeyHash(key), n); });
    }
    ForEachJoinedKey(name, joined, [&](std::string_view key) { pairs.emplace_back(KeyHash(key), n); });
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());

  size_t distinct = 0;
  for (size_t i = 0; i < pairs.size(); ++i) distinct += i == 0 || pairs[i].first != pairs[i - 1].first;
  size_t capacity = 16;
  while (capacity < distinct * 2) capacity *= 2;
  index->keys_.assign(capacity, KeySlot{});
  index->mask_ = capacity - 1;
  index->postings_.reserve(pairs.size());
  for (size_t i = 0; i < pairs.size();) {
    size_t j = i;
    while (j < pairs.size() && pairs[j].first == pairs[i].first) ++j;
    KeySlot slot{pairs[i].first, static_cast<uint32_t>(index->postings_.size()), static_cast<uint32_t>(j - i)};
    for (size_t k = i; k < j; ++k) index->postings_.push_back(pairs[k].second);
    for (uint64_t p = slot.hash & index->mask_;; p = (p + 1) & index->mask_) {
      if (index->keys_[p].hash == 0) {
        index->keys_[p] = slot;
        break;
      }
    }
    i = j;
  }
  index->max_postings_ = static_cast<uint32_t>(
      std::max<double>(50.0, options.max_key_share * static_cast<double>(index->names_.size())));
  return index;
}

const ScreeningIndex::KeySlot* ScreeningIndex::Find(uint64_t hash) const {
  for (uint64_t p = hash & mask_;; p = (p + 1) & mask_) {
    const KeySlot& s = keys_[p];
    if (s.hash == hash) return &s;
    if (s.hash == 0) return nullptr;
  }
}

void ScreeningIndex::Candidates(const NormalizedName& query, size_t limit, CandidateScratch& scratch,
                                std::vector<uint32_t>& out) const {
  out.clear();
  if (names_.empty() || query.empty()) return;
  if (scratch.weight_.size() != names_.size()) {
    scratch.weight_.assign(names_.size(), 0.0f);
    scratch.stamp_.assign(names_.size(), 0);
    scratch.next_stamp_ = 0;
  }
  const float total = static_cast<float>(names_.size());
  // Adds `weight` × the key's rarity to every name under the key, once per
  // query token (the stamp): a token's exact spelling is looked up first,
  // so a name it matches exactly gets the exact weight.
  auto add = [&](std::string_view key, float weight) {
    const KeySlot* slot = Find(KeyHash(key));
    if (slot == nullptr || slot->count > max_postings_) return;
    const float rarity = std::log((total + 1.0f) / (static_cast<float>(slot->count) + 1.0f));
    const uint32_t stamp = scratch.next_stamp_;
    for (uint32_t i = slot->first; i < slot->first + slot->count; ++i) {
      const uint32_t n = postings_[i];
      if (scratch.stamp_[n] == stamp) continue;
      scratch.stamp_[n] = stamp;
      if (scratch.weight_[n] == 0.0f) scratch.touched_.push_back(n);
      scratch.weight_[n] += weight * rarity;
    }
  };
  auto next_stamp = [&] {
    if (++scratch.next_stamp_ == 0) {  // wrapped: forget every stamp
      std::fill(scratch.stamp_.begin(), scratch.stamp_.end(), 0);
      scratch.next_stamp_ = 1;
    }
  };
  const bool any = !HasKeyToken(query);
  for (size_t t = 0; t < query.size(); ++t) {
    if (!UseToken(query, t, any)) continue;
    next_stamp();
    const float weight = query.tokens[t].weight;
    ForEachTokenKey(query, t, options_.min_deletion_length, scratch.key_,
                    [&](std::string_view key, bool exact) { add(key, exact ? weight : 0.8f * weight); });
  }
  std::string joined;
  ForEachJoinedKey(query, joined, [&](std::string_view key) {
    next_stamp();
    add(key, 1.0f);
  });

  out.assign(scratch.touched_.begin(), scratch.touched_.end());
  auto heavier = [&](uint32_t a, uint32_t b) {
    return scratch.weight_[a] != scratch.weight_[b] ? scratch.weight_[a] > scratch.weight_[b] : a < b;
  };
  if (out.size() > limit) {
    std::nth_element(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(limit), out.end(), heavier);
    out.resize(limit);
  }
  std::sort(out.begin(), out.end(), heavier);
  for (uint32_t n : scratch.touched_) scratch.weight_[n] = 0.0f;
  scratch.touched_.clear();
}

}  // namespace sargs
