// ListDiff: what a new version of a sanctions list changed against the
// version in force — the entries it added, removed and changed — and the
// identity of an entry's content (its fingerprint), which screening
// decisions are tied to.
//
// Lists are republished in full, often daily, and most publications change
// nothing or a handful of entries. Re-screening a whole portfolio against
// every publication costs minutes and re-raises hits analysts have already
// dismissed; screening only the added and changed entries costs
// milliseconds. For that the comparison must not see changes where there are
// none: a list that reorders an entry's aliases, or rewraps a line inside an
// XML element, is the same list. Content is therefore compared in a
// canonical form — strings with whitespace collapsed, and every repeated
// field (names, dates, nationalities, identifiers, programmes, ...) as a
// sorted set — and `SanctionEntity::line`, which moves whenever anything
// earlier in the file changes, is never compared.
//
// The lower half holds the binary encoding in which the Store keeps entities.
//
// Thread safety: pure functions over plain values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "screening/sanction_list.h"

namespace sargs {

// The parts of an entry a change can touch, as bits. All but kOther are
// what the matcher reads; an entry changed in kOther only (remarks, an
// address, the listing date) needs no re-screening and keeps its
// fingerprint, so analysts' decisions on it stay in force.
enum class EntityAspect : uint8_t {
  kNames = 1,          // full names with their kind, strength and script
  kBirthDates = 2,     // dates with precision and range
  kNationalities = 4,  // ISO codes (the text of unmapped countries)
  kIdentifiers = 8,    // type, number, issuing country
  kProgrammes = 16,
  kType = 32,   // person, organisation, vessel ...
  kOther = 64,  // everything else but the line number
};

// "names;birth_dates;...;other" for a set of EntityAspect bits ("" for none).
std::string AspectsToString(uint8_t aspects);

struct ChangedEntity {
  std::string entity_id;
  uint8_t aspects = 0;  // EntityAspect bits; never 0
  bool Has(EntityAspect a) const { return (aspects & static_cast<uint8_t>(a)) != 0; }
  // Whether the change can change a screening result (anything but kOther).
  bool AffectsScreening() const { return (aspects & ~static_cast<uint8_t>(EntityAspect::kOther)) != 0; }

  bool operator==(const ChangedEntity&) const = default;
};

// Entity ids, each list sorted by id.
struct ListDiff {
  std::vector<std::string> added;
  std::vector<std::string> removed;
  std::vector<ChangedEntity> changed;

  bool empty() const { return added.empty() && removed.empty() && changed.empty(); }
};

// The difference from `before` to `after`, keyed by entity_id. Entity ids
// are unique within a list as the parsers produce it; should one repeat, its
// first entity counts (the Store refuses such a list).
ListDiff DiffLists(const SanctionList& before, const SanctionList& after);

// Which aspects differ between two versions of one entry (0 when none).
uint8_t ChangedAspects(const SanctionEntity& before, const SanctionEntity& after);

// A stable 64-bit hash, as 16 lower-case hex digits, of what screening
// reads of an entry: names (full text, kind, strength, script), birth
// dates, nationalities, identifiers, type and programmes, in the canonical
// form described above. Equal for two entries exactly when ChangedAspects
// reports no aspect but kOther (barring a hash collision). The same on every
// machine and build: it is stored beside analysts' decisions.
std::string EntityFingerprint(const SanctionEntity& entity);

// The hash behind EntityFingerprint over any canonical bytes, for the other
// fingerprints stored beside decisions (the screened party's).
std::string StableFingerprint(std::string_view canonical_bytes);

// ---------------------------------------------------------------------------
// Storage encoding.
//
// Binary rather than JSON: an OFAC version is about nine thousand entities,
// stored once per version and read back by every screening run, and the
// binary form is about half the size and decodes without a parser. Layout
// (strings as varint length + bytes, integers as varints, signed ones
// zigzag):
//
//   byte     format version (1)
//   strings  source, entity_id, secondary_id; byte type
//   names    varint count, each: full, first, middle, last, title, language,
//            byte kind, byte strength, byte original_script
//   dates    varint count, each: year, month, day, to_year, to_month,
//            to_day (zigzag), byte precision
//   strings  birth_places (count + strings)
//   countries nationalities (count, each iso2, text)
//   ids      count, each: type, number, country iso2, country text, note
//   addresses count, each: text, country iso2, country text
//   strings  programmes, positions (count + strings each)
//   byte     listed_on present; zigzag days since 1970-01-01 when it is
//   string   remarks; zigzag line
//
// A new field means a new format version; DecodeEntity keeps reading the
// old ones.
std::string EncodeEntity(const SanctionEntity& entity);
// Fails on bytes that are not a complete entity of a known format version.
Result<SanctionEntity> DecodeEntity(std::string_view bytes);

}  // namespace sargs
