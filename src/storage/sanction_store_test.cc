// Tests of the Store's sanctions lists, screening parties, hits and
// decisions (storage/sanction_store.cc).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "screening/parse_sanction_list.h"
#include "storage/store.h"
#include "testing/temp_dir.h"

namespace sargs {
namespace {

const std::string kDataDir = std::string(SARGS_SOURCE_DIR) + "/tests/data/sanctions/";

Date Day(int y, unsigned m, unsigned d) {
  return Date(std::chrono::year_month_day{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)});
}

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void WriteText(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

const SanctionEntity* Find(const SanctionList& list, std::string_view id) {
  for (const SanctionEntity& e : list.entities) {
    if (e.entity_id == id) return &e;
  }
  return nullptr;
}

// Same entries with the same content (in any order; lines are not content).
void ExpectSameList(const SanctionList& expected, const SanctionList& actual) {
  EXPECT_EQ(actual.source, expected.source);
  EXPECT_EQ(actual.version, expected.version);
  ASSERT_EQ(actual.entities.size(), expected.entities.size());
  for (const SanctionEntity& e : expected.entities) {
    const SanctionEntity* got = Find(actual, e.entity_id);
    ASSERT_NE(got, nullptr) << e.entity_id;
    EXPECT_EQ(ChangedAspects(e, *got), 0) << e.entity_id;
  }
}

class SanctionStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Store::Open((dir_.path() / "sargs.db").string());
    ASSERT_TRUE(opened.has_value()) << opened.error().ToString();
    store_.emplace(std::move(*opened));
  }

  SanctionList Parse(const std::string& source, const std::vector<std::string>& files) {
    auto parsed = ParseSanctionList(source, files);
    EXPECT_TRUE(parsed.has_value()) << parsed.error().ToString();
    return parsed ? std::move(*parsed) : SanctionList{};
  }

  ListUpdate Load(const SanctionList& list, const std::vector<std::string>& files, const std::string& at) {
    auto update = store_->StoreListVersion(list, files, at);
    EXPECT_TRUE(update.has_value()) << update.error().ToString();
    return update ? std::move(*update) : ListUpdate{};
  }

  // A small list of invented entries.
  static SanctionList SmallList() {
    SanctionList l;
    l.source = "lv";
    l.version = "2026-03-01";
    for (auto [id, name] : {std::pair{"LV-1", "Ivans Petrovs"}, std::pair{"LV-2", "SIA Tumsa"}}) {
      SanctionEntity e;
      e.source = "lv";
      e.entity_id = id;
      e.type = std::string_view(id) == "LV-1" ? EntityType::kPerson : EntityType::kOrganisation;
      SanctionName n;
      n.full = name;
      e.names.push_back(n);
      l.entities.push_back(e);
    }
    return l;
  }

  TempDir dir_;
  std::optional<Store> store_;
};

// The UN list, then a copy with one entry removed, one added and one name
// changed: the stored difference is exactly that, and the version in force
// is the copy.
TEST_F(SanctionStoreTest, UnListVersionsAndTheirDifference) {
  const std::string original_path = kDataDir + "un_consolidated.xml";
  const SanctionList original = Parse("un", {original_path});
  ASSERT_EQ(original.entities.size(), 1003u);

  ListUpdate first = Load(original, {original_path}, "2026-03-01T06:00:00Z");
  EXPECT_EQ(first.version.version_no, 1);
  EXPECT_EQ(first.diff.added.size(), 1003u);
  EXPECT_TRUE(first.diff.removed.empty() && first.diff.changed.empty());
  auto current = store_->CurrentList("un");
  ASSERT_TRUE(current.has_value()) << current.error().ToString();
  ExpectSameList(original, *current);

  // The copy. The first individual (CDi.001) goes; a new one comes at the
  // end; the second individual's first name gets a letter more.
  std::string xml = ReadText(original_path);
  const size_t first_start = xml.find("<INDIVIDUAL>");
  const size_t first_end = xml.find("</INDIVIDUAL>", first_start) + std::string("</INDIVIDUAL>").size();
  std::string removed_block = xml.substr(first_start, first_end - first_start);
  ASSERT_NE(removed_block.find("<REFERENCE_NUMBER>CDi.001</REFERENCE_NUMBER>"), std::string::npos);
  xml.erase(first_start, first_end - first_start);
  std::string added_block = removed_block;
  added_block.replace(added_block.find("CDi.001"), 7, "CDi.999");
  added_block.replace(added_block.find("6907993"), 7, "9999999");
  added_block.replace(added_block.find("<FIRST_NAME>ERIC"), 16, "<FIRST_NAME>ERIKS");
  xml.insert(xml.find("</INDIVIDUALS>"), added_block + "\n");
  const size_t renamed = xml.find("<FIRST_NAME>FRANK KAKOLELE</FIRST_NAME>");
  ASSERT_NE(renamed, std::string::npos);
  xml.replace(renamed, std::string("<FIRST_NAME>FRANK KAKOLELE</FIRST_NAME>").size(),
              "<FIRST_NAME>FRANK KAKOLELLE</FIRST_NAME>");
  const std::string copy_path = (dir_.path() / "un_copy.xml").string();
  WriteText(copy_path, xml);
  const SanctionList copy = Parse("un", {copy_path});
  std::string renamed_id;
  for (const SanctionEntity& e : original.entities) {
    if (e.names[0].full.find("FRANK KAKOLELE") != std::string::npos) renamed_id = e.entity_id;
  }
  ASSERT_FALSE(renamed_id.empty());

  ListUpdate second = Load(copy, {copy_path}, "2026-03-02T06:00:00Z");
  EXPECT_EQ(second.version.version_no, 2);
  EXPECT_EQ(second.diff.added, std::vector<std::string>{"CDi.999"});
  EXPECT_EQ(second.diff.removed, std::vector<std::string>{"CDi.001"});
  ASSERT_EQ(second.diff.changed.size(), 1u);
  EXPECT_EQ(second.diff.changed[0].entity_id, renamed_id);
  EXPECT_EQ(AspectsToString(second.diff.changed[0].aspects), "names");
  current = store_->CurrentList("un");
  ASSERT_TRUE(current.has_value()) << current.error().ToString();
  ExpectSameList(copy, *current);
  // Only the two new contents were written; the old ones stay, closed.
  EXPECT_EQ(store_->Count("sanction_entities").value_or(-1), 1003 + 2);

  // The same file again: a version of its own, no difference, nothing written.
  ListUpdate third = Load(copy, {copy_path}, "2026-03-03T06:00:00Z");
  EXPECT_EQ(third.version.version_no, 3);
  EXPECT_TRUE(third.diff.empty());
  EXPECT_EQ(store_->Count("sanction_entities").value_or(-1), 1003 + 2);

  auto versions = store_->ListVersions("un");
  ASSERT_TRUE(versions.has_value()) << versions.error().ToString();
  ASSERT_EQ(versions->size(), 3u);
  const ListVersionInfo& v2 = (*versions)[1];
  EXPECT_EQ(v2.version_no, 2);
  EXPECT_EQ(v2.version_label, "2026-02-27T00:00:09.554Z");
  EXPECT_EQ(v2.loaded_at, "2026-03-02T06:00:00Z");
  EXPECT_EQ(v2.files, std::vector<std::string>{copy_path});
  EXPECT_EQ(v2.entity_count, 1003);
  EXPECT_EQ(v2.added, 1);
  EXPECT_EQ(v2.removed, 1);
  EXPECT_EQ(v2.changed, 1);
  EXPECT_EQ((*versions)[0].added, 1003);
  EXPECT_EQ((*versions)[2].added + (*versions)[2].removed + (*versions)[2].changed, 0);
  EXPECT_TRUE(store_->ListVersions("eu").value().empty());

  // Back to the original: the removed entry returns, the new one goes.
  ListUpdate fourth = Load(original, {original_path}, "2026-03-04T06:00:00Z");
  EXPECT_EQ(fourth.diff.added, std::vector<std::string>{"CDi.001"});
  EXPECT_EQ(fourth.diff.removed, std::vector<std::string>{"CDi.999"});
  ASSERT_EQ(fourth.diff.changed.size(), 1u);
  ExpectSameList(original, store_->CurrentList("un").value());
}

TEST_F(SanctionStoreTest, LoadedAtDefaultsToNowAndSourcesAreSeparate) {
  ListUpdate lv = Load(SmallList(), {"LV_national_v2.xml"}, "");
  EXPECT_EQ(lv.version.loaded_at.size(), std::string("2026-03-01T06:00:00Z").size());
  EXPECT_EQ(lv.version.version_no, 1);
  SanctionList other = SmallList();
  other.source = "eu";
  for (SanctionEntity& e : other.entities) e.source = "eu";
  EXPECT_EQ(Load(other, {}, "2026-03-01T06:00:00Z").version.version_no, 1);
  EXPECT_EQ(store_->CurrentList("lv").value().entities.size(), 2u);
  EXPECT_TRUE(store_->CurrentList("un").value().entities.empty());
}

// A list the store refuses leaves the version in force as it was.
TEST_F(SanctionStoreTest, RefusedListChangesNothing) {
  Load(SmallList(), {"lv.xml"}, "2026-03-01T06:00:00Z");
  SanctionList repeated = SmallList();
  repeated.entities.push_back(repeated.entities[0]);
  repeated.entities.back().names[0].full = "Someone Else";
  auto r = store_->StoreListVersion(repeated, {"lv.xml"}, "2026-03-02T06:00:00Z");
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message.find("LV-1 appears twice"), std::string::npos) << r.error().ToString();
  SanctionList no_id = SmallList();
  no_id.entities[1].entity_id.clear();
  EXPECT_FALSE(store_->StoreListVersion(no_id, {"lv.xml"}, "").has_value());
  EXPECT_EQ(store_->ListVersions("lv").value().size(), 1u);
  ExpectSameList(SmallList(), store_->CurrentList("lv").value());

  // A malformed file never reaches the store: the parser fails first.
  const std::string bad = (dir_.path() / "bad.xml").string();
  WriteText(bad, "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>");
  EXPECT_FALSE(ParseSanctionList("un", {bad}).has_value());
}

// Inside a caller's transaction the version is part of it: a rollback
// takes it back.
TEST_F(SanctionStoreTest, VersionRollsBackWithCallersTransaction) {
  ASSERT_TRUE(store_->Begin());
  Load(SmallList(), {"lv.xml"}, "2026-03-01T06:00:00Z");
  store_->Rollback();
  EXPECT_TRUE(store_->ListVersions("lv").value().empty());
  EXPECT_TRUE(store_->CurrentList("lv").value().entities.empty());
  ASSERT_TRUE(store_->Begin());
  Load(SmallList(), {"lv.xml"}, "2026-03-01T06:00:00Z");
  ASSERT_TRUE(store_->Commit());
  EXPECT_EQ(store_->ListVersions("lv").value().size(), 1u);
}

TEST_F(SanctionStoreTest, DecisionsNewestWins) {
  Load(SmallList(), {"lv.xml"}, "2026-03-01T06:00:00Z");
  const ScreeningPair pair{PartyKind::kClient, "K1", "lv", "LV-1"};
  EXPECT_FALSE(store_->LatestDecision(pair).value().has_value());

  ScreeningDecision fp;
  fp.pair = pair;
  fp.party_fingerprint = "p1";
  fp.entity_fingerprint = "e1";
  fp.verdict = ScreeningVerdict::kFalsePositive;
  fp.note = "different birth year";
  fp.analyst = "anna";
  fp.decided_at = "2026-03-01T09:00:00Z";
  ASSERT_TRUE(store_->PutScreeningDecision(fp));
  EXPECT_GT(fp.id, 0);
  auto latest = store_->LatestDecision(pair).value();
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(latest->verdict, ScreeningVerdict::kFalsePositive);
  EXPECT_EQ(latest->note, "different birth year");
  EXPECT_TRUE(latest->Suppresses("p1", "e1"));
  EXPECT_FALSE(latest->Suppresses("p2", "e1"));  // the party changed
  EXPECT_FALSE(latest->Suppresses("p1", "e2"));  // the entry changed

  ScreeningDecision tm = fp;
  tm.verdict = ScreeningVerdict::kTrueMatch;
  tm.note.clear();  // a true match needs no note
  tm.analyst = "janis";
  tm.decided_at.clear();
  ASSERT_TRUE(store_->PutScreeningDecision(tm));
  EXPECT_FALSE(tm.decided_at.empty());
  latest = store_->LatestDecision(pair).value();
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(latest->verdict, ScreeningVerdict::kTrueMatch);
  EXPECT_EQ(latest->analyst, "janis");
  EXPECT_FALSE(latest->Suppresses("p1", "e1"));
  EXPECT_EQ(store_->DecisionHistory(pair).value().size(), 2u);
  // Other pairs are untouched.
  EXPECT_FALSE(
      store_->LatestDecision(ScreeningPair{PartyKind::kUbo, "K1", "lv", "LV-1"}).value().has_value());
  EXPECT_FALSE(
      store_->LatestDecision(ScreeningPair{PartyKind::kClient, "K1", "lv", "LV-2"}).value().has_value());

  // The log is append-only.
  EXPECT_FALSE(store_->db().Exec("UPDATE screening_decisions SET decision = 'false_positive'"));
  EXPECT_FALSE(store_->db().Exec("DELETE FROM screening_decisions"));

  ScreeningDecision bad = fp;
  bad.note.clear();
  EXPECT_FALSE(store_->PutScreeningDecision(bad).has_value());  // false positive without a note
  bad = fp;
  bad.analyst.clear();
  EXPECT_FALSE(store_->PutScreeningDecision(bad).has_value());
  bad = fp;
  bad.pair.entity_id = "LV-404";
  auto unknown = store_->PutScreeningDecision(bad);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_NE(unknown.error().message.find("LV-404"), std::string::npos);
  EXPECT_EQ(store_->DecisionHistory(pair).value().size(), 2u);
}

TEST_F(SanctionStoreTest, HitsCarryTheirLatestDecisionAndGoWithTheirEntry) {
  Load(SmallList(), {"lv.xml"}, "2026-03-01T06:00:00Z");
  ScreeningHit hit;
  hit.pair = ScreeningPair{PartyKind::kClient, "K1", "lv", "LV-1"};
  hit.party_fingerprint = "p1";
  hit.entity_fingerprint = "e1";
  hit.score = 0.8125;
  hit.party_name = "Ivans Petrovs";
  hit.matched_name = "Ivans Petrovs";
  hit.explanation = "exact";
  hit.list_version = 1;
  ASSERT_TRUE(store_->PutScreeningHit(hit));
  ScreeningHit other = hit;
  other.pair = ScreeningPair{PartyKind::kCounterparty, "name:SIA Tumsa", "lv", "LV-2"};
  ASSERT_TRUE(store_->PutScreeningHit(other));

  auto hits = store_->ScreeningHits().value();
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].pair.party_id, "K1");
  EXPECT_DOUBLE_EQ(hits[0].score, 0.8125);
  EXPECT_FALSE(hits[0].found_at.empty());
  EXPECT_TRUE(hits[0].Open());

  ScreeningDecision fp;
  fp.pair = hit.pair;
  fp.party_fingerprint = "p1";
  fp.entity_fingerprint = "e1";
  fp.note = "other person";
  fp.analyst = "anna";
  ASSERT_TRUE(store_->PutScreeningDecision(fp));
  hits = store_->ScreeningHits().value();
  ASSERT_TRUE(hits[0].decision.has_value());
  EXPECT_EQ(hits[0].decision->id, fp.id);
  EXPECT_FALSE(hits[0].Open());
  // The party changed: the hit is found again on new data and is open.
  hit.party_fingerprint = "p2";
  ASSERT_TRUE(store_->PutScreeningHit(hit));
  hits = store_->ScreeningHits().value();
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_TRUE(hits[0].Open());

  // LV-2 leaves the list: its hit goes with it.
  SanctionList smaller = SmallList();
  smaller.entities.pop_back();
  Load(smaller, {"lv.xml"}, "2026-03-02T06:00:00Z");
  hits = store_->ScreeningHits().value();
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].pair.entity_id, "LV-1");
  ASSERT_TRUE(store_->RemoveScreeningHit(hit.pair));
  EXPECT_TRUE(store_->ScreeningHits().value().empty());
}

Transaction Tx(std::string id, std::string client, Date day, std::string cp_id, std::string cp_name,
               std::string cp_account = "", std::string cp_country = "") {
  Transaction t;
  t.id = std::move(id);
  t.client_id = std::move(client);
  t.account_id = "ACC-" + t.client_id;
  t.booked = BookingTime{day, -1};
  t.amount = Money::FromCents(10000);
  t.currency = "EUR";
  t.counterparty_id = std::move(cp_id);
  t.counterparty_name = std::move(cp_name);
  t.counterparty_account = std::move(cp_account);
  t.counterparty_country = std::move(cp_country);
  return t;
}

TEST_F(SanctionStoreTest, ScreeningPartiesOfAPortfolio) {
  Store& s = *store_;
  ASSERT_TRUE(s.Begin());
  Client anna;
  anna.id = "K1";
  anna.type = ClientType::kNatural;
  anna.name = "Anna Bērziņa";
  anna.birth_date = Day(1980, 5, 17);
  anna.country = "LV";
  anna.relationship_start = Day(2020, 1, 1);
  Client firm;
  firm.id = "K2";
  firm.type = ClientType::kLegal;
  firm.name = "SIA Koks";
  firm.country = "LV";
  firm.relationship_start = Day(2021, 1, 1);
  ASSERT_TRUE(s.Put(anna));
  ASSERT_TRUE(s.Put(firm));
  const std::pair<const char*, PersonRole> persons[] = {{"P1", PersonRole::kUbo},
                                                        {"P2", PersonRole::kRepresentative},
                                                        {"P3", PersonRole::kAuthorised},
                                                        {"P4", PersonRole::kCardUser}};
  for (const auto& [id, role] : persons) {
    Person p;
    p.id = id;
    p.client_id = "K2";
    p.role = role;
    p.name = std::string("Person ") + id;
    p.birth_date = Day(1970, 1, 2);
    p.country = "LV";
    p.citizenship = "EE";
    ASSERT_TRUE(s.Put(p));
  }
  ASSERT_TRUE(s.Put(Account{"ACC-K1", "K1", Day(2020, 1, 1), "EUR"}));
  ASSERT_TRUE(s.Put(Account{"ACC-K2", "K2", Day(2021, 1, 1), "EUR"}));
  // CP-7 under two spellings (the later one counts, the other is kept); a
  // counterparty without id, told apart by account and name; one with a name
  // only; a cash withdrawal without any counterparty.
  ASSERT_TRUE(s.Put(Tx("T1", "K1", Day(2025, 1, 10), "CP-7", "Vostok Trading LLC", "", "RU")));
  ASSERT_TRUE(s.Put(Tx("T2", "K2", Day(2025, 3, 10), "CP-7", "Vostok  Trading Ltd", "", "AE")));
  ASSERT_TRUE(s.Put(Tx("T3", "K2", Day(2025, 2, 1), "", "Jānis Ozols", "LV80BANK0000435195001", "LV")));
  ASSERT_TRUE(s.Put(Tx("T4", "K1", Day(2025, 2, 2), "", "Jānis Ozols", "LV80BANK0000435195002", "LV")));
  ASSERT_TRUE(s.Put(Tx("T5", "K1", Day(2025, 2, 3), "", "Ozols Jānis", "LV80BANK0000435195002", "LV")));
  ASSERT_TRUE(s.Put(Tx("T6", "K1", Day(2025, 2, 4), "", "Kafejnīca Rīts", "", "")));
  ASSERT_TRUE(s.Put(Tx("T7", "K1", Day(2025, 2, 5), "", "", "", "")));
  ASSERT_TRUE(s.Commit());

  std::vector<ScreeningParty> parties;
  ASSERT_TRUE(s.ForEachScreeningParty([&](const ScreeningParty& p) { parties.push_back(p); }));
  std::vector<std::string> seen;
  for (const ScreeningParty& p : parties) {
    seen.push_back(std::string(ToString(p.kind)) + " " + p.id + " " + p.name + " (" + ToString(p.type) + ")");
  }
  EXPECT_EQ(seen, (std::vector<std::string>{
                      "client K1 Anna Bērziņa (person)",
                      "client K2 SIA Koks (organisation)",
                      "ubo P1 Person P1 (person)",
                      "representative P2 Person P2 (person)",
                      "authorised P3 Person P3 (person)",
                      "card_user P4 Person P4 (person)",
                      "counterparty account:LV80BANK0000435195001|name:Jānis Ozols Jānis Ozols (unknown)",
                      "counterparty account:LV80BANK0000435195002|name:Jānis Ozols Jānis Ozols (unknown)",
                      "counterparty account:LV80BANK0000435195002|name:Ozols Jānis Ozols Jānis (unknown)",
                      "counterparty id:CP-7 Vostok Trading Ltd (organisation)",
                      "counterparty name:Kafejnīca Rīts Kafejnīca Rīts (unknown)",
                  }));
  ASSERT_EQ(parties.size(), 11u);
  EXPECT_EQ(parties[0].birth_date, Day(1980, 5, 17));
  EXPECT_EQ(parties[0].country, "LV");
  EXPECT_EQ(parties[2].client_id, "K2");
  EXPECT_EQ(parties[2].citizenship, "EE");
  const ScreeningParty& vostok = parties[9];
  EXPECT_EQ(vostok.client_id, "K2");
  EXPECT_EQ(vostok.country, "AE");
  EXPECT_EQ(vostok.other_names, std::vector<std::string>{"Vostok Trading LLC"});

  // The fingerprint follows what screening reads.
  ScreeningParty changed = parties[0];
  EXPECT_EQ(changed.Fingerprint(), parties[0].Fingerprint());
  changed.birth_date = Day(1980, 5, 18);
  EXPECT_NE(changed.Fingerprint(), parties[0].Fingerprint());
  changed = parties[0];
  changed.kind = PartyKind::kUbo;  // the key, not the content
  EXPECT_EQ(changed.Fingerprint(), parties[0].Fingerprint());
  changed.name = "Anna  Bērziņa ";
  EXPECT_EQ(changed.Fingerprint(), parties[0].Fingerprint());
  changed.name = "Anna Bērziņa-Kalniņa";
  EXPECT_NE(changed.Fingerprint(), parties[0].Fingerprint());
}

// A database of schema 3 (before sanctions lists) gets the new tables.
TEST_F(SanctionStoreTest, Schema3DatabaseIsMigrated) {
  const std::string path = (dir_.path() / "v3.db").string();
  {
    auto opened = Store::Open(path);
    ASSERT_TRUE(opened.has_value()) << opened.error().ToString();
    Client c;
    c.id = "K1";
    c.name = "Anna";
    c.country = "LV";
    ASSERT_TRUE(opened->Begin());
    ASSERT_TRUE(opened->Put(c));
    ASSERT_TRUE(opened->Commit());
    ASSERT_TRUE(opened->db().Exec(
        "DROP TABLE sanction_lists; DROP TABLE sanction_entities; DROP TABLE screening_hits; "
        "DROP TABLE screening_decisions; UPDATE meta SET value = '3' WHERE key = 'schema_version'"));
  }
  auto reopened = Store::Open(path);
  ASSERT_TRUE(reopened.has_value()) << reopened.error().ToString();
  auto version = reopened->db().Prepare("SELECT value FROM meta WHERE key='schema_version'");
  ASSERT_TRUE(version.has_value() && version->Step().value_or(false));
  EXPECT_EQ(version->Text(0), "4");
  EXPECT_EQ(reopened->Count("clients").value_or(-1), 1);
  auto update = reopened->StoreListVersion(SmallList(), {"lv.xml"}, "2026-03-01T06:00:00Z");
  ASSERT_TRUE(update.has_value()) << update.error().ToString();
  EXPECT_EQ(update->diff.added.size(), 2u);
  ScreeningDecision d;
  d.pair = ScreeningPair{PartyKind::kClient, "K1", "lv", "LV-1"};
  d.note = "n";
  d.analyst = "a";
  EXPECT_TRUE(reopened->PutScreeningDecision(d).has_value());
  EXPECT_FALSE(reopened->db().Exec("DELETE FROM screening_decisions"));  // the triggers came too
}

// Not a test: the time to store and read back UN + OFAC (about 10 000
// entries). Run with --gtest_also_run_disabled_tests.
TEST_F(SanctionStoreTest, DISABLED_TimeUnAndOfac) {
  using Clock = std::chrono::steady_clock;
  auto ms = [](Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };
  auto t0 = Clock::now();
  const SanctionList un = Parse("un", {kDataDir + "un_consolidated.xml"});
  const SanctionList ofac =
      Parse("ofac", {kDataDir + "ofac/sdn.csv", kDataDir + "ofac/alt.csv", kDataDir + "ofac/add.csv"});
  auto t1 = Clock::now();
  Load(un, {"un.xml"}, "2026-03-01T06:00:00Z");
  Load(ofac, {"sdn.csv"}, "2026-03-01T06:00:00Z");
  auto t2 = Clock::now();
  Load(un, {"un.xml"}, "2026-03-02T06:00:00Z");
  Load(ofac, {"sdn.csv"}, "2026-03-02T06:00:00Z");
  auto t3 = Clock::now();
  size_t n =
      store_->CurrentList("un").value().entities.size() + store_->CurrentList("ofac").value().entities.size();
  auto t4 = Clock::now();
  SanctionList changed = ofac;
  for (size_t i = 0; i < changed.entities.size(); i += 100) changed.entities[i].programmes.push_back("NEW");
  auto t5 = Clock::now();
  Load(changed, {"sdn.csv"}, "2026-03-03T06:00:00Z");
  auto t6 = Clock::now();
  ASSERT_TRUE(store_->db().Exec("PRAGMA wal_checkpoint(TRUNCATE)"));
  std::printf("entities: %zu (un %zu, ofac %zu)\n", n, un.entities.size(), ofac.entities.size());
  std::printf("parse un+ofac:               %8.1f ms\n", ms(t1 - t0));
  std::printf("store first versions:        %8.1f ms\n", ms(t2 - t1));
  std::printf("store identical versions:    %8.1f ms\n", ms(t3 - t2));
  std::printf("read both current lists:     %8.1f ms\n", ms(t4 - t3));
  std::printf("store ofac, 1%% changed:      %8.1f ms\n", ms(t6 - t5));
  std::printf("database size:               %8.1f MB\n",
              static_cast<double>(std::filesystem::file_size(dir_.path() / "sargs.db")) / 1e6);
}

}  // namespace
}  // namespace sargs
