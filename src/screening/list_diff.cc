#include "screening/list_diff.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <unordered_map>

#include "base/record_codec.h"
#include "base/split_mix.h"
#include "base/varint.h"

namespace sargs {
namespace {

constexpr int kAspectCount = 7;  // EntityAspect bits 0..6; kOther is the last

// Appends a length-prefixed field, so that concatenated fields cannot be
// confused ("ab" + "c" vs "a" + "bc").
void Field(std::string_view s, std::string& out) {
  PutVarint(s.size(), out);
  out.append(s);
}

void Field(int64_t v, std::string& out) {
  PutVarint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63), out);
}

// A repeated field as a set: the elements sorted, duplicates dropped, then
// concatenated.
std::string SetOf(std::vector<std::string>& elements) {
  std::sort(elements.begin(), elements.end());
  elements.erase(std::unique(elements.begin(), elements.end()), elements.end());
  std::string out;
  PutVarint(elements.size(), out);
  for (const std::string& e : elements) Field(e, out);
  return out;
}

std::string CountryKey(const CountryRef& c) {
  return c.iso2.empty() ? "?" + CollapseWhitespace(c.text) : c.iso2;
}

// An entity in canonical form, one byte string per aspect: two entities have
// the same content in an aspect exactly when these strings are equal.
using Canonical = std::array<std::string, kAspectCount>;

Canonical Canonicalise(const SanctionEntity& e) {
  Canonical c;
  std::vector<std::string> elements, other;
  std::string element;
  auto element_of = [&](auto&&... fields) {
    element.clear();
    (Field(fields, element), ...);
    return element;
  };

  elements.clear();
  for (const SanctionName& n : e.names) {
    const std::string full = CollapseWhitespace(n.full);
    elements.push_back(element_of(full, int64_t{static_cast<uint8_t>(n.kind)},
                                  int64_t{static_cast<uint8_t>(n.strength)}, int64_t{n.original_script}));
    // What "other" holds of a name, a country or an identifier is only what
    // the screening aspect does not already hold, so that one change is
    // reported once.
    other.push_back(element_of("name", CollapseWhitespace(n.first), CollapseWhitespace(n.middle),
                               CollapseWhitespace(n.last), CollapseWhitespace(n.title), n.language));
  }
  c[0] = SetOf(elements);

  elements.clear();
  for (const BirthDate& d : e.birth_dates) {
    elements.push_back(element_of(int64_t{d.year}, int64_t{d.month}, int64_t{d.day}, int64_t{d.to_year},
                                  int64_t{d.to_month}, int64_t{d.to_day},
                                  int64_t{static_cast<uint8_t>(d.precision)}));
  }
  c[1] = SetOf(elements);

  elements.clear();
  for (const CountryRef& n : e.nationalities) {
    elements.push_back(CountryKey(n));
    if (!n.iso2.empty()) other.push_back(element_of("nationality", CollapseWhitespace(n.text)));
  }
  c[2] = SetOf(elements);

  elements.clear();
  for (const SanctionIdentifier& id : e.identifiers) {
    const std::string type = CollapseWhitespace(id.type), number = CollapseWhitespace(id.number);
    elements.push_back(element_of(type, number, CountryKey(id.country)));
    other.push_back(element_of("identifier",
                               id.country.iso2.empty() ? "" : CollapseWhitespace(id.country.text),
                               CollapseWhitespace(id.note)));
  }
  c[3] = SetOf(elements);

  elements.clear();
  for (const std::string& p : e.programmes) elements.push_back(CollapseWhitespace(p));
  c[4] = SetOf(elements);

  c[5] = ToString(e.type);

  for (const std::string& p : e.birth_places)
    other.push_back(element_of("birth_place", CollapseWhitespace(p)));
  for (const SanctionAddress& a : e.addresses) {
    other.push_back(element_of("address", CollapseWhitespace(a.text), a.country.iso2,
                               CollapseWhitespace(a.country.text)));
  }
  for (const std::string& p : e.positions) other.push_back(element_of("position", CollapseWhitespace(p)));
  c[6] = SetOf(other);
  Field(CollapseWhitespace(e.secondary_id), c[6]);
  Field(e.listed_on ? int64_t{e.listed_on->time_since_epoch().count()} : INT64_MIN, c[6]);
  Field(CollapseWhitespace(e.remarks), c[6]);
  return c;
}

uint8_t Compare(const Canonical& a, const Canonical& b) {
  uint8_t aspects = 0;
  for (int i = 0; i < kAspectCount; ++i) {
    if (a[i] != b[i]) aspects |= static_cast<uint8_t>(1u << i);
  }
  return aspects;
}

// FNV-1a, then the splitmix finaliser to spread FNV's weak high bits:
// defined byte by byte, so the value never depends on the platform or the
// standard library (std::hash may change between releases).
uint64_t StableHash(std::string_view bytes) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char ch : bytes) {
    h ^= ch;
    h *= 0x100000001b3ull;
  }
  return SplitMixFinalise(h);
}

}  // namespace

std::string StableFingerprint(std::string_view canonical_bytes) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(StableHash(canonical_bytes)));
  return buf;
}

std::string AspectsToString(uint8_t aspects) {
  static constexpr const char* kNames[kAspectCount] = {
      "names", "birth_dates", "nationalities", "identifiers", "programmes", "type", "other"};
  std::string out;
  for (int i = 0; i < kAspectCount; ++i) {
    if (!(aspects & (1u << i))) continue;
    if (!out.empty()) out += ';';
    out += kNames[i];
  }
  return out;
}

uint8_t ChangedAspects(const SanctionEntity& before, const SanctionEntity& after) {
  return Compare(Canonicalise(before), Canonicalise(after));
}

std::string EntityFingerprint(const SanctionEntity& entity) {
  const Canonical c = Canonicalise(entity);
  std::string relevant;
  for (int i = 0; i < kAspectCount - 1; ++i) Field(c[i], relevant);  // all but kOther
  return StableFingerprint(relevant);
}

ListDiff DiffLists(const SanctionList& before, const SanctionList& after) {
  std::unordered_map<std::string_view, const SanctionEntity*> old_by_id;
  old_by_id.reserve(before.entities.size());
  for (const SanctionEntity& e : before.entities) old_by_id.emplace(e.entity_id, &e);

  ListDiff diff;
  std::unordered_map<std::string_view, bool> seen;  // ids of `after` already compared
  seen.reserve(after.entities.size());
  for (const SanctionEntity& e : after.entities) {
    if (!seen.emplace(e.entity_id, true).second) continue;
    auto it = old_by_id.find(e.entity_id);
    if (it == old_by_id.end()) {
      diff.added.push_back(e.entity_id);
    } else if (uint8_t aspects = ChangedAspects(*it->second, e)) {
      diff.changed.push_back(ChangedEntity{e.entity_id, aspects});
    }
  }
  for (const auto& [id, entity] : old_by_id) {
    if (!seen.count(id)) diff.removed.emplace_back(id);
  }
  std::sort(diff.added.begin(), diff.added.end());
  std::sort(diff.removed.begin(), diff.removed.end());
  std::sort(diff.changed.begin(), diff.changed.end(),
            [](const ChangedEntity& a, const ChangedEntity& b) { return a.entity_id < b.entity_id; });
  return diff;
}

// ---------------------------------------------------------------------------
// Encoding.

namespace {

constexpr uint8_t kFormatVersion = 1;

void PutCountry(RecordWriter& w, const CountryRef& c) {
  w.Text(c.iso2);
  w.Text(c.text);
}

void GetCountry(RecordReader& r, CountryRef& c) {
  r.Text(c.iso2);
  r.Text(c.text);
}

}  // namespace

std::string EncodeEntity(const SanctionEntity& e) {
  std::string out;
  out.reserve(256);
  RecordWriter w(out);
  w.Byte(kFormatVersion);
  w.Text(e.source);
  w.Text(e.entity_id);
  w.Text(e.secondary_id);
  w.Byte(static_cast<uint8_t>(e.type));
  w.Count(e.names.size());
  for (const SanctionName& n : e.names) {
    w.Text(n.full);
    w.Text(n.first);
    w.Text(n.middle);
    w.Text(n.last);
    w.Text(n.title);
    w.Text(n.language);
    w.Byte(static_cast<uint8_t>(n.kind));
    w.Byte(static_cast<uint8_t>(n.strength));
    w.Byte(n.original_script);
  }
  w.Count(e.birth_dates.size());
  for (const BirthDate& d : e.birth_dates) {
    for (int v : {d.year, d.month, d.day, d.to_year, d.to_month, d.to_day}) w.Int(v);
    w.Byte(static_cast<uint8_t>(d.precision));
  }
  w.Texts(e.birth_places);
  w.Count(e.nationalities.size());
  for (const CountryRef& c : e.nationalities) PutCountry(w, c);
  w.Count(e.identifiers.size());
  for (const SanctionIdentifier& id : e.identifiers) {
    w.Text(id.type);
    w.Text(id.number);
    PutCountry(w, id.country);
    w.Text(id.note);
  }
  w.Count(e.addresses.size());
  for (const SanctionAddress& a : e.addresses) {
    w.Text(a.text);
    PutCountry(w, a.country);
  }
  w.Texts(e.programmes);
  w.Texts(e.positions);
  w.Byte(e.listed_on.has_value());
  if (e.listed_on) w.Int(e.listed_on->time_since_epoch().count());
  w.Text(e.remarks);
  w.Int(e.line);
  return out;
}

Result<SanctionEntity> DecodeEntity(std::string_view bytes) {
  RecordReader r(bytes);
  const uint8_t format = r.Byte();
  if (r.ok() && format != kFormatVersion) {
    return Fail("stored sanctions entity has format version " + std::to_string(format) +
                ", which this sargs does not know");
  }
  SanctionEntity e;
  r.Text(e.source);
  r.Text(e.entity_id);
  r.Text(e.secondary_id);
  e.type = r.Small<EntityType>(5);
  e.names.resize(r.Count());
  for (SanctionName& n : e.names) {
    r.Text(n.full);
    r.Text(n.first);
    r.Text(n.middle);
    r.Text(n.last);
    r.Text(n.title);
    r.Text(n.language);
    n.kind = r.Small<NameKind>(3);
    n.strength = r.Small<NameStrength>(2);
    n.original_script = r.Small<uint8_t>(2) != 0;
  }
  e.birth_dates.resize(r.Count());
  for (BirthDate& d : e.birth_dates) {
    for (int* v : {&d.year, &d.month, &d.day, &d.to_year, &d.to_month, &d.to_day}) *v = static_cast<int>(r.Int());
    d.precision = r.Small<DatePrecision>(3);
  }
  r.Texts(e.birth_places);
  e.nationalities.resize(r.Count());
  for (CountryRef& c : e.nationalities) GetCountry(r, c);
  e.identifiers.resize(r.Count());
  for (SanctionIdentifier& id : e.identifiers) {
    r.Text(id.type);
    r.Text(id.number);
    GetCountry(r, id.country);
    r.Text(id.note);
  }
  e.addresses.resize(r.Count());
  for (SanctionAddress& a : e.addresses) {
    r.Text(a.text);
    GetCountry(r, a.country);
  }
  r.Texts(e.programmes);
  r.Texts(e.positions);
  if (r.Small<uint8_t>(2)) e.listed_on = Date(std::chrono::days(r.Int()));
  r.Text(e.remarks);
  e.line = static_cast<int>(r.Int());
  if (!r.ok() || !r.at_end()) return Fail("stored sanctions entity is corrupt");
  return e;
}

}  // namespace sargs
