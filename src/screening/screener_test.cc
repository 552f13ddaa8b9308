#include "screening/screener.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace sargs {
namespace {

SanctionName Name(const std::string& full, NameStrength strength = NameStrength::kStrong) {
  SanctionName n;
  n.full = full;
  n.kind = NameKind::kPrimary;
  n.strength = strength;
  return n;
}

SanctionEntity Entity(const std::string& id, EntityType type, std::vector<SanctionName> names,
                      std::vector<BirthDate> births = {}) {
  SanctionEntity e;
  e.source = "eu";
  e.entity_id = id;
  e.type = type;
  e.names = std::move(names);
  for (size_t i = 1; i < e.names.size(); ++i) e.names[i].kind = NameKind::kAlias;
  e.birth_dates = std::move(births);
  return e;
}

class ScreenerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto normalizer = NameNormalizer::Create();
    ASSERT_TRUE(normalizer.has_value()) << normalizer.error().ToString();
    normalizer_ = std::move(*normalizer);
    SanctionList list;
    list.source = "eu";
    list.entities = {
        Entity("P1", EntityType::kPerson, {Name("Ivan Petrovich SIDOROV"), Name("Иван Петрович СИДОРОВ")},
               {BirthDate{1968, 3, 14}}),
        Entity("P2", EntityType::kPerson, {Name("Abdul Rahman"), Name("Abu Bakr", NameStrength::kWeak)},
               {BirthDate{1965, 0, 0}}),
        Entity("V1", EntityType::kVessel, {Name("AMBER")}),
        Entity("O1", EntityType::kOrganisation, {Name("Joint Stock Company Baltic Tanker Trading")}),
    };
    std::vector<SanctionList> lists;
    lists.push_back(std::move(list));
    auto index = ScreeningIndex::Build(std::move(lists), *normalizer_);
    ASSERT_TRUE(index.has_value());
    index_ = std::move(*index);
    screener_ = std::make_unique<Screener>(*index_, *normalizer_, scorer_);
  }

  // The ids of the entries `name` hits, best first.
  std::vector<std::string> Hits(const std::string& name, PartyType type = PartyType::kUnknown,
                                PartyFacts facts = {}) {
    ScreeningQuery q;
    q.name = name;
    q.type = type;
    q.facts = std::move(facts);
    std::vector<std::string> ids;
    for (const ScreeningMatch& m : screener_->Screen(q)) ids.push_back(index_->entity(m.entity).entity_id);
    return ids;
  }

  std::unique_ptr<NameNormalizer> normalizer_;
  NameScorer scorer_;
  std::unique_ptr<ScreeningIndex> index_;
  std::unique_ptr<Screener> screener_;
};

TEST_F(ScreenerTest, FindsTheEntryThroughTypoWordOrderScriptAndLatvianForm) {
  EXPECT_EQ(Hits("Ivan Sidorov"), std::vector<std::string>{"P1"});
  EXPECT_EQ(Hits("SIDOROV, Ivan Petrovich"), std::vector<std::string>{"P1"});
  EXPECT_EQ(Hits("Ivan Sidorow"), std::vector<std::string>{"P1"});  // one letter changed
  EXPECT_EQ(Hits("Ivans Sidorovs"), std::vector<std::string>{"P1"});
  EXPECT_EQ(Hits("Иван Сидоров"), std::vector<std::string>{"P1"});
  EXPECT_EQ(Hits("Baltic Tanker Trading AS", PartyType::kOrganisation), std::vector<std::string>{"O1"});
  EXPECT_TRUE(Hits("Jānis Bērziņš").empty());
}

TEST_F(ScreenerTest, AnEntryIsReportedOnceUnderItsBestName) {
  ScreeningQuery q;
  q.name = "Ivan Petrovich Sidorov";
  const auto hits = screener_->Screen(q);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].name, 0);  // the Latin name, an exact match, not the Cyrillic one
  EXPECT_FLOAT_EQ(hits[0].score, 1.0f);
}

TEST_F(ScreenerTest, AWeakAliasNeedsABirthDateOrIdentifierThatAgrees) {
  EXPECT_TRUE(Hits("Abu Bakr", PartyType::kPerson).empty());
  PartyFacts born;
  born.birth_dates.push_back(PartyBirthDate{1965, 5, 1, 0});
  EXPECT_EQ(Hits("Abu Bakr", PartyType::kPerson, born), std::vector<std::string>{"P2"});
  PartyFacts other;
  other.birth_dates.push_back(PartyBirthDate{1990, 5, 1, 0});
  EXPECT_TRUE(Hits("Abu Bakr", PartyType::kPerson, other).empty());
  // The strong name needs nothing else.
  EXPECT_EQ(Hits("Abdul Rahman", PartyType::kPerson), std::vector<std::string>{"P2"});
}

TEST_F(ScreenerTest, AOneWordListNameHitsOneWordNamesOnly) {
  EXPECT_EQ(Hits("Amber"), std::vector<std::string>{"V1"});
  EXPECT_EQ(Hits("SIA Amber", PartyType::kOrganisation), std::vector<std::string>{"V1"});  // the legal form aside
  EXPECT_TRUE(Hits("Amber Trade", PartyType::kOrganisation).empty());
}

TEST_F(ScreenerTest, PersonsAreNotScreenedAgainstOrganisationsAndBack) {
  EXPECT_TRUE(Hits("Amber", PartyType::kPerson).empty());
  EXPECT_TRUE(Hits("Ivan Sidorov", PartyType::kOrganisation).empty());
  EXPECT_TRUE(TypesCompatible(PartyType::kPerson, EntityType::kOther));
  EXPECT_TRUE(TypesCompatible(PartyType::kOrganisation, EntityType::kVessel));
  EXPECT_TRUE(TypesCompatible(PartyType::kUnknown, EntityType::kPerson));
}

TEST_F(ScreenerTest, BirthDatesMoveTheScoreAndTheExplanationSaysSo) {
  ScreeningQuery q;
  q.name = "Ivans Sidorovs";
  const float plain = screener_->Screen(q).at(0).score;
  q.facts.birth_dates.push_back(PartyBirthDate{1968, 3, 14, 0});
  NormalizedName normalized;
  const auto same = screener_->Screen(q, &normalized);
  ASSERT_EQ(same.size(), 1u);
  EXPECT_GT(same[0].score, plain);
  const std::string text = screener_->Explain(normalized, same[0]);
  EXPECT_NE(text.find("matched primary name 'Ivan Petrovich SIDOROV'"), std::string::npos) << text;
  EXPECT_NE(text.find("Latvian ending"), std::string::npos) << text;
  EXPECT_NE(text.find("same date of birth"), std::string::npos) << text;
  EXPECT_EQ(text.find('\n'), std::string::npos);
  q.facts.birth_dates[0] = PartyBirthDate{1990, 1, 1, 0};
  const auto other = screener_->Screen(q);  // the same name again: its name stage is remembered
  ASSERT_EQ(other.size(), 1u);
  EXPECT_LT(other[0].score, plain);
}

TEST_F(ScreenerTest, ThresholdAndHitLimitAreOptions) {
  ScreenerOptions strict;
  strict.threshold = 0.99f;
  Screener screener(*index_, *normalizer_, scorer_, strict);
  ScreeningQuery q;
  q.name = "Ivan Sidorow";
  EXPECT_TRUE(screener.Screen(q).empty());
  q.name = "Ivan Petrovich Sidorov";
  EXPECT_EQ(screener.Screen(q).size(), 1u);
}

TEST(ScreeningIndex, KeysAreEachSpellingAndEachOneLetterDeletion) {
  auto normalizer = NameNormalizer::Create();
  ASSERT_TRUE(normalizer.has_value());
  const NormalizedName name = (*normalizer)->Normalize("Husein", PartyType::kPerson);
  ASSERT_EQ(name.size(), 1u);
  std::set<std::string> exact, deleted;
  std::string buffer;
  ForEachTokenKey(name, 0, 4, buffer,
                  [&](std::string_view key, bool is_exact) { (is_exact ? exact : deleted).insert(std::string(key)); });
  EXPECT_TRUE(exact.count("husein"));
  EXPECT_TRUE(deleted.count("usein") && deleted.count("husen") && deleted.count("husei"));
  EXPECT_FALSE(deleted.count("husein"));
  // "Hussein" minus one s is "husein": a shared key, whichever is listed.
  const NormalizedName other = (*normalizer)->Normalize("Hussein", PartyType::kPerson);
  std::set<std::string> other_keys;
  ForEachTokenKey(other, 0, 4, buffer, [&](std::string_view key, bool) { other_keys.insert(std::string(key)); });
  EXPECT_TRUE(other_keys.count("husein"));
  // Short words are keyed only as written.
  const NormalizedName short_name = (*normalizer)->Normalize("Li", PartyType::kPerson);
  size_t keys = 0;
  ForEachTokenKey(short_name, 0, 4, buffer, [&](std::string_view, bool is_exact) { keys += !is_exact; });
  EXPECT_EQ(keys, 0u);
}

TEST(ScreeningIndex, CandidatesPutTheRarerSharedWordFirst) {
  auto normalizer = NameNormalizer::Create();
  ASSERT_TRUE(normalizer.has_value());
  SanctionList list;
  list.source = "un";
  // Many Mohammads, one Karimi.
  for (int i = 0; i < 40; ++i) {
    list.entities.push_back(
        Entity("M" + std::to_string(i), EntityType::kPerson, {Name("Mohammad Surname" + std::string(1, 'a' + i % 26) +
                                                                   std::string(1, 'a' + i / 26))}));
    list.entities.back().source = "un";
  }
  list.entities.push_back(Entity("K", EntityType::kPerson, {Name("Ali Karimi")}));
  list.entities.back().source = "un";
  std::vector<SanctionList> lists;
  lists.push_back(std::move(list));
  auto index = ScreeningIndex::Build(std::move(lists), **normalizer);
  ASSERT_TRUE(index.has_value());
  CandidateScratch scratch;
  std::vector<uint32_t> out;
  (*index)->Candidates((*normalizer)->Normalize("Mohammad Karimi"), 5, scratch, out);
  ASSERT_FALSE(out.empty());
  EXPECT_EQ((*index)->entity((*index)->names()[out[0]].entity).entity_id, "K");
  EXPECT_LE(out.size(), 5u);
  // The scratch is clean for the next query.
  (*index)->Candidates((*normalizer)->Normalize("Nobody Known"), 5, scratch, out);
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace sargs
