#include "screening/list_diff.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "screening/parse_sanction_list.h"

namespace sargs {
namespace {

const std::string kDataDir = std::string(SARGS_SOURCE_DIR) + "/tests/data/sanctions/";

const SanctionList& RealUnList() {
  static const SanctionList* list = [] {
    auto parsed = ParseSanctionList("un", {kDataDir + "un_consolidated.xml"});
    EXPECT_TRUE(parsed.has_value()) << parsed.error().ToString();
    return new SanctionList(parsed ? std::move(*parsed) : SanctionList{});
  }();
  return *list;
}

SanctionName Name(std::string full, NameKind kind = NameKind::kAlias,
                  NameStrength strength = NameStrength::kStrong) {
  SanctionName n;
  n.full = std::move(full);
  n.kind = kind;
  n.strength = strength;
  return n;
}

// An entry with something in every field.
SanctionEntity Petrov() {
  SanctionEntity e;
  e.source = "eu";
  e.entity_id = "EU.101.7";
  e.secondary_id = "EU.5512.33";
  e.type = EntityType::kPerson;
  SanctionName primary = Name("Ivan Petrovich PETROV", NameKind::kPrimary);
  primary.first = "Ivan";
  primary.middle = "Petrovich";
  primary.last = "PETROV";
  primary.title = "General";
  e.names.push_back(primary);
  SanctionName cyrillic = Name("Иван Петрович ПЕТРОВ");
  cyrillic.original_script = true;
  cyrillic.language = "ru";
  e.names.push_back(cyrillic);
  e.names.push_back(Name("Vanya", NameKind::kAlias, NameStrength::kWeak));
  e.names.push_back(Name("Ivan SIDOROV", NameKind::kFormer));
  e.birth_dates.push_back(BirthDate{1961, 3, 14, 0, 0, 0, DatePrecision::kExact});
  e.birth_dates.push_back(BirthDate{1960, 0, 0, 1962, 0, 0, DatePrecision::kBetween});
  e.birth_places = {"Tula, Russia"};
  e.nationalities = {CountryRef{"RU", "Russian Federation"}, CountryRef{"", "former USSR"}};
  e.identifiers.push_back(
      SanctionIdentifier{"Passport", "72 1234567", CountryRef{"RU", "Russia"}, "expires 2030"});
  e.identifiers.push_back(SanctionIdentifier{"National ID No.", "4509 112233", CountryRef{}, ""});
  e.addresses.push_back(SanctionAddress{"Tverskaya 1, Moscow", CountryRef{"RU", "Russia"}});
  e.programmes = {"UKR", "RUS"};
  e.positions = {"Deputy Minister of Defence"};
  e.listed_on = Date(std::chrono::year(2022) / 2 / 28);
  e.remarks = "Gender: male";
  e.line = 120;
  return e;
}

SanctionEntity Org(std::string id, std::string name) {
  SanctionEntity e;
  e.source = "eu";
  e.entity_id = std::move(id);
  e.type = EntityType::kOrganisation;
  e.names.push_back(Name(std::move(name), NameKind::kPrimary));
  e.programmes = {"UKR"};
  return e;
}

SanctionList ListOf(std::vector<SanctionEntity> entities) {
  SanctionList l;
  l.source = "eu";
  l.version = "2026-03-01";
  l.entities = std::move(entities);
  return l;
}

TEST(ListDiff, IdenticalListsGiveNoChanges) {
  SanctionList a = ListOf({Petrov(), Org("EU.2.1", "Vostok LLC")});
  EXPECT_TRUE(DiffLists(a, a).empty());
  EXPECT_TRUE(DiffLists(RealUnList(), RealUnList()).empty());
}

TEST(ListDiff, AddedAndRemovedSortedById) {
  SanctionList before = ListOf({Org("EU.3", "C"), Org("EU.1", "A"), Org("EU.2", "B")});
  SanctionList after = ListOf({Org("EU.5", "E"), Org("EU.2", "B"), Org("EU.4", "D")});
  ListDiff d = DiffLists(before, after);
  EXPECT_EQ(d.added, (std::vector<std::string>{"EU.4", "EU.5"}));
  EXPECT_EQ(d.removed, (std::vector<std::string>{"EU.1", "EU.3"}));
  EXPECT_TRUE(d.changed.empty());
  EXPECT_EQ(DiffLists(ListOf({}), after).added.size(), 3u);
  EXPECT_EQ(DiffLists(after, ListOf({})).removed.size(), 3u);
}

// A republication that lists the same content in another order, rewraps
// text or moves the entry to another line is the same list.
TEST(ListDiff, OrderWhitespaceAndLineAreNoChange) {
  SanctionEntity a = Petrov();
  SanctionEntity b = Petrov();
  std::reverse(b.names.begin(), b.names.end());
  std::reverse(b.birth_dates.begin(), b.birth_dates.end());
  std::reverse(b.nationalities.begin(), b.nationalities.end());
  std::reverse(b.identifiers.begin(), b.identifiers.end());
  std::reverse(b.programmes.begin(), b.programmes.end());
  b.names[0].full = "  Ivan   SIDOROV ";
  b.identifiers[0].number = "4509\n 112233";
  b.remarks = "Gender:\n   male ";
  b.line = 9000;
  EXPECT_EQ(ChangedAspects(a, b), 0);
  EXPECT_EQ(EntityFingerprint(a), EntityFingerprint(b));
  EXPECT_TRUE(DiffLists(ListOf({a, Org("EU.2", "B")}), ListOf({Org("EU.2", "B"), b})).empty());
}

TEST(ListDiff, DuplicateNamesDoNotCount) {
  SanctionEntity a = Petrov();
  SanctionEntity b = Petrov();
  b.names.push_back(b.names[2]);
  b.programmes.push_back("UKR");
  EXPECT_EQ(ChangedAspects(a, b), 0);
}

struct AspectCase {
  const char* what;
  void (*change)(SanctionEntity&);
  EntityAspect aspect;
  const char* reported = nullptr;  // when more than `aspect` changed
};

TEST(ListDiff, EachAspectIsReportedAlone) {
  const AspectCase cases[] = {
      {"alias spelling", [](SanctionEntity& e) { e.names[2].full = "Vania"; }, EntityAspect::kNames},
      {"alias added", [](SanctionEntity& e) { e.names.push_back(Name("Ivan P. PETROV")); },
       EntityAspect::kNames},
      {"alias strength", [](SanctionEntity& e) { e.names[2].strength = NameStrength::kStrong; },
       EntityAspect::kNames},
      {"script flag", [](SanctionEntity& e) { e.names[1].original_script = false; }, EntityAspect::kNames},
      {"former becomes alias", [](SanctionEntity& e) { e.names[3].kind = NameKind::kAlias; },
       EntityAspect::kNames},
      {"birth day", [](SanctionEntity& e) { e.birth_dates[0].day = 15; }, EntityAspect::kBirthDates},
      {"date precision",
       [](SanctionEntity& e) { e.birth_dates[0].precision = DatePrecision::kApproximately; },
       EntityAspect::kBirthDates},
      {"date range end", [](SanctionEntity& e) { e.birth_dates[1].to_year = 1963; },
       EntityAspect::kBirthDates},
      {"nationality",
       [](SanctionEntity& e) {
         e.nationalities[0] = CountryRef{"BY", "Russian Federation"};
       },
       EntityAspect::kNationalities},
      // The list's wording changed as well as the code.
      {"nationality and wording",
       [](SanctionEntity& e) {
         e.nationalities[0] = CountryRef{"BY", "Belarus"};
       },
       EntityAspect::kNationalities, "nationalities;other"},
      {"unmapped nationality text",
       [](SanctionEntity& e) { e.nationalities[1].text = "former Soviet Union"; },
       EntityAspect::kNationalities},
      {"identifier number", [](SanctionEntity& e) { e.identifiers[0].number = "72 7654321"; },
       EntityAspect::kIdentifiers},
      {"identifier country",
       [](SanctionEntity& e) {
         e.identifiers[1].country = CountryRef{"RU", ""};
       },
       EntityAspect::kIdentifiers},
      {"programme", [](SanctionEntity& e) { e.programmes.push_back("BLR"); }, EntityAspect::kProgrammes},
      {"type", [](SanctionEntity& e) { e.type = EntityType::kOther; }, EntityAspect::kType},
      {"remarks", [](SanctionEntity& e) { e.remarks = "Gender: male. Son of ..."; }, EntityAspect::kOther},
      {"address", [](SanctionEntity& e) { e.addresses.clear(); }, EntityAspect::kOther},
      {"listed on", [](SanctionEntity& e) { e.listed_on.reset(); }, EntityAspect::kOther},
      {"name parts", [](SanctionEntity& e) { e.names[0].title = ""; }, EntityAspect::kOther},
      {"name language", [](SanctionEntity& e) { e.names[1].language = "uk"; }, EntityAspect::kOther},
      {"identifier note", [](SanctionEntity& e) { e.identifiers[0].note = ""; }, EntityAspect::kOther},
      {"nationality wording", [](SanctionEntity& e) { e.nationalities[0].text = "Russia"; },
       EntityAspect::kOther},
      {"secondary id", [](SanctionEntity& e) { e.secondary_id = "EU.5512.34"; }, EntityAspect::kOther},
      {"position", [](SanctionEntity& e) { e.positions[0] = "Minister of Defence"; }, EntityAspect::kOther},
      {"birth place", [](SanctionEntity& e) { e.birth_places.push_back("Moscow"); }, EntityAspect::kOther},
  };
  const SanctionEntity base = Petrov();
  const std::string base_fingerprint = EntityFingerprint(base);
  for (const AspectCase& c : cases) {
    SCOPED_TRACE(c.what);
    SanctionEntity changed = base;
    c.change(changed);
    EXPECT_EQ(AspectsToString(ChangedAspects(base, changed)),
              c.reported ? c.reported : AspectsToString(static_cast<uint8_t>(c.aspect)));
    // The fingerprint follows what screening reads, and only that.
    if (c.aspect == EntityAspect::kOther) {
      EXPECT_EQ(EntityFingerprint(changed), base_fingerprint);
    } else {
      EXPECT_NE(EntityFingerprint(changed), base_fingerprint);
    }
    ListDiff d = DiffLists(ListOf({base}), ListOf({changed}));
    ASSERT_EQ(d.changed.size(), 1u);
    EXPECT_EQ(d.changed[0].entity_id, "EU.101.7");
    EXPECT_TRUE(d.changed[0].Has(c.aspect));
    EXPECT_EQ(d.changed[0].AffectsScreening(), c.aspect != EntityAspect::kOther);
    EXPECT_TRUE(d.added.empty() && d.removed.empty());
  }
}

TEST(ListDiff, SeveralAspectsAtOnce) {
  SanctionEntity a = Petrov();
  SanctionEntity b = Petrov();
  b.names.pop_back();
  b.programmes = {"UKR"};
  b.remarks.clear();
  EXPECT_EQ(AspectsToString(ChangedAspects(a, b)), "names;programmes;other");
}

TEST(ListDiff, RepeatedIdCountsOnce) {
  SanctionList before = ListOf({Org("EU.1", "A")});
  SanctionList after = ListOf({Org("EU.1", "A"), Org("EU.1", "A changed")});
  EXPECT_TRUE(DiffLists(before, after).empty());
}

// Fingerprints are stored beside analysts' decisions: if this value
// changes, every stored false positive is raised again. Change it only with
// a migration that recomputes the stored fingerprints.
TEST(ListDiff, FingerprintIsStable) {
  EXPECT_EQ(EntityFingerprint(Petrov()), "167129215a0522e2");
  EXPECT_EQ(EntityFingerprint(Org("EU.2.1", "Vostok LLC")), "5c3476856a885ccc");
  EXPECT_EQ(StableFingerprint(""), "f52a15e9a9b5e89b");  // FNV-1a offset basis, finalised
}

TEST(ListDiff, FingerprintsOfRealListAreDistinct) {
  // Entries of the UN list are different people and organisations: equal
  // fingerprints would mean the hash ignores something that tells them apart.
  std::set<std::string> seen;
  for (const SanctionEntity& e : RealUnList().entities) seen.insert(EntityFingerprint(e));
  EXPECT_EQ(seen.size(), RealUnList().entities.size());
}

void ExpectSameEntity(const SanctionEntity& a, const SanctionEntity& b) {
  EXPECT_EQ(ChangedAspects(a, b), 0) << a.entity_id;
  EXPECT_EQ(EncodeEntity(a), EncodeEntity(b)) << a.entity_id;
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.entity_id, b.entity_id);
  EXPECT_EQ(a.line, b.line);
  EXPECT_EQ(a.listed_on, b.listed_on);
}

TEST(ListDiff, EncodingRoundTripsEveryField) {
  const SanctionEntity e = Petrov();
  auto decoded = DecodeEntity(EncodeEntity(e));
  ASSERT_TRUE(decoded.has_value()) << decoded.error().ToString();
  ExpectSameEntity(e, *decoded);
  EXPECT_EQ(decoded->names, e.names);
  EXPECT_EQ(decoded->birth_dates, e.birth_dates);
  EXPECT_EQ(decoded->nationalities, e.nationalities);
  EXPECT_EQ(decoded->birth_places, e.birth_places);
  ASSERT_EQ(decoded->identifiers.size(), 2u);
  EXPECT_EQ(decoded->identifiers[0].number, "72 1234567");
  EXPECT_EQ(decoded->identifiers[0].country, e.identifiers[0].country);
  EXPECT_EQ(decoded->identifiers[0].note, "expires 2030");
  ASSERT_EQ(decoded->addresses.size(), 1u);
  EXPECT_EQ(decoded->addresses[0].text, "Tverskaya 1, Moscow");
  EXPECT_EQ(decoded->addresses[0].country, e.addresses[0].country);
  EXPECT_EQ(decoded->programmes, e.programmes);
  EXPECT_EQ(decoded->positions, e.positions);
  EXPECT_EQ(decoded->secondary_id, e.secondary_id);
  EXPECT_EQ(decoded->remarks, e.remarks);
  EXPECT_EQ(decoded->type, e.type);

  SanctionEntity empty;
  auto decoded_empty = DecodeEntity(EncodeEntity(empty));
  ASSERT_TRUE(decoded_empty.has_value());
  ExpectSameEntity(empty, *decoded_empty);
  EXPECT_FALSE(decoded_empty->listed_on.has_value());
}

TEST(ListDiff, EncodingRoundTripsRealList) {
  for (const SanctionEntity& e : RealUnList().entities) {
    auto decoded = DecodeEntity(EncodeEntity(e));
    ASSERT_TRUE(decoded.has_value()) << e.entity_id << ": " << decoded.error().ToString();
    ExpectSameEntity(e, *decoded);
    EXPECT_EQ(decoded->names, e.names);
    EXPECT_EQ(decoded->birth_dates, e.birth_dates);
  }
}

TEST(ListDiff, CorruptBytesFailCleanly) {
  const std::string bytes = EncodeEntity(Petrov());
  for (size_t n = 0; n < bytes.size(); ++n) {
    EXPECT_FALSE(DecodeEntity(std::string_view(bytes).substr(0, n)).has_value()) << n;
  }
  EXPECT_FALSE(DecodeEntity(bytes + "x").has_value());
  std::string future = bytes;
  future[0] = 9;
  auto r = DecodeEntity(future);
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message.find("format version 9"), std::string::npos);
  // Flipping any single byte never crashes (it may decode to something else).
  for (size_t i = 1; i < bytes.size(); ++i) {
    std::string flipped = bytes;
    flipped[i] = static_cast<char>(flipped[i] ^ 0xff);
    (void)DecodeEntity(flipped);
  }
}

}  // namespace
}  // namespace sargs
