#include "screening/name_scorer.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "screening/name_jaro.h"
#include "screening/name_phonetic.h"

namespace sargs {
namespace {

NameNormalizer& Normalizer() {
  static NameNormalizer* normalizer = [] {
    auto n = NameNormalizer::Create();
    if (!n) ADD_FAILURE() << n.error().ToString();
    return n->release();
  }();
  return *normalizer;
}

float Score(std::string_view a, std::string_view b, PartyType kind = PartyType::kPerson) {
  return NameScorer().Score(Normalizer().Normalize(a, kind), Normalizer().Normalize(b, kind));
}

TEST(NameJaroTest, JaroWinklerKnownValues) {
  EXPECT_NEAR(JaroWinkler("martha", "marhta"), 0.961, 0.001);
  EXPECT_NEAR(JaroWinkler("dixon", "dicksonx"), 0.813, 0.001);
  EXPECT_EQ(JaroWinkler("abc", "abc"), 1.0);
  EXPECT_EQ(JaroWinkler("abc", "xyz"), 0.0);
}

TEST(NameJaroTest, OsaCountsATranspositionAsOneEdit) {
  EXPECT_EQ(OsaDistance("scholz", "schloz"), 1);
  EXPECT_EQ(OsaDistance("kitten", "sitting"), 3);
  EXPECT_EQ(OsaDistance("", "abc"), 3);
}

TEST(NameJaroTest, TokenSimilarity) {
  EXPECT_EQ(TokenSimilarity("putin", "putin"), 1.0f);
  EXPECT_GE(TokenSimilarity("macron", "macrone"), 0.9f);   // one edit
  EXPECT_LT(TokenSimilarity("pol", "pot"), 0.8f);          // short words are not forgiven
  EXPECT_EQ(TokenSimilarity("al", "lindemann"), 0.0f);     // lengths too far apart
}

TEST(NameJaroTest, ShortWordsThatDifferInTheFirstLetterAreNotTypos) {
  EXPECT_LT(TokenSimilarity("zarin", "marin"), 0.9f);
  EXPECT_LT(TokenSimilarity("laura", "aura"), 0.9f);
  EXPECT_LT(TokenSimilarity("zarin", "yarin"), 0.9f);
  // A vowel for a vowel is how romanisations differ.
  EXPECT_GE(TokenSimilarity("osama", "usama"), 0.9f);
  // Longer words and later letters keep the allowance.
  EXPECT_GE(TokenSimilarity("zarina", "marina"), 0.9f);
  EXPECT_GE(TokenSimilarity("elina", "elia"), 0.9f);
}

TEST(NameJaroTest, DigitsOnOneSideAreNotTypos) {
  EXPECT_LT(TokenSimilarity("tele2", "tele"), 0.9f);
  EXPECT_GE(TokenSimilarity("tele2", "tele3"), 0.0f);
  EXPECT_GE(TokenSimilarity("sech1n", "sech1m"), 0.9f);
}

TEST(NameJaroTest, BoundedSimilaritySettledByTheEditDistanceIsExact) {
  // The bounded measure skips Jaro-Winkler when the edit distance decides;
  // whatever it returns above the bar must be the full measure's value.
  const auto mask = [](std::string_view s) {
    uint32_t m = 0;
    for (char c : s) m |= 1u << (c - 'a');
    return m;
  };
  const std::pair<const char*, const char*> pairs[] = {
      {"macron", "macrone"}, {"schulze", "scholz"}, {"mansouri", "mansoor"}, {"hussein", "husayn"},
      {"abdurrahim", "abdurrahman"}, {"volodimir", "volodymyr"}, {"aleksandr", "alexander"},
      {"internationalization", "internationalisation"}, {"kim", "kin"}};
  for (const auto& [a, b] : pairs) {
    const float full = TokenSimilarity(a, b);
    const float bounded = BoundedTokenSimilarity(a, b, mask(a), mask(b), 0.55f);
    if (full > 0.55f + 1e-4f) {
      EXPECT_FLOAT_EQ(bounded, full) << a << " " << b;
    }
    EXPECT_FLOAT_EQ(BoundedTokenSimilarity(a, b, ~0u, ~0u, -1.0f), full) << a << " " << b;
  }
}

TEST(NameJaroTest, BitParallelOsaAgreesWithTheMatrix) {
  // Letters only take the bit-parallel path; a digit forces the matrix.
  EXPECT_EQ(OsaDistance("ca", "abc"), 3);
  EXPECT_EQ(OsaDistance("abcdef", "badcfe"), 3);
  EXPECT_EQ(OsaDistance("hussein", "husayn"), 3);
  EXPECT_EQ(OsaDistance("hussein1", "husayn1"), 3);
  EXPECT_EQ(OsaDistance(std::string(64, 'a'), std::string(63, 'a') + "b"), 1);
}

TEST(NameJaroTest, BoundedSimilarityOnlyCutsPairsBelowTheBar) {
  // A bound that cannot reach the bar gives 0; otherwise the exact value.
  const auto mask = [](std::string_view s) {
    uint32_t m = 0;
    for (char c : s) m |= 1u << (c - 'a');
    return m;
  };
  EXPECT_EQ(BoundedTokenSimilarity("vladimir", "mohammed", mask("vladimir"), mask("mohammed"), 0.9f), 0.0f);
  EXPECT_FLOAT_EQ(BoundedTokenSimilarity("macrone", "macron", mask("macrone"), mask("macron"), 0.55f),
                  TokenSimilarity("macrone", "macron"));
  // Same-script pairs get no typo allowance.
  EXPECT_LT(BoundedTokenSimilarity("lukashenka", "lukashevich", ~0u, ~0u, -1, TypoRule::kStrict),
            TokenSimilarity("lukashenka", "lukashevich") + 1e-6f);
}

TEST(NamePhoneticTest, SkeletonsOfArabicRomanisations) {
  EXPECT_EQ(PhoneticSkeleton("hussein"), "hsn");
  EXPECT_EQ(PhoneticSkeleton("husayn"), "hsn");
  EXPECT_EQ(PhoneticSkeleton("qaddafi"), PhoneticSkeleton("kadhafi"));
  EXPECT_EQ(PhoneticSkeleton("gaddafi"), PhoneticSkeleton("qaddafi"));
  EXPECT_EQ(PhoneticSkeleton("usama"), PhoneticSkeleton("osama"));
  EXPECT_EQ(PhoneticSkeleton("mohammed"), PhoneticSkeleton("muhamad"));
  EXPECT_NE(PhoneticSkeleton("hassan"), PhoneticSkeleton("hamid"));
  EXPECT_EQ(PhoneticKey("hussein"), PhoneticKey("husayn"));
  EXPECT_EQ(PhoneticKeyLength(PhoneticKey("hussein")), 3);
  EXPECT_EQ(PhoneticKey("a"), 0u);
}

TEST(NameScorerTest, ConsonantSkeletonBridgesArabicScript) {
  // ICU romanises فرناندو without vowels ("frnandw"); the skeleton finds Fernando.
  EXPECT_GE(Score("فرناندو بيريز", "Fernando Pérez"), kDefaultScreeningThreshold);
  // Between two Latin spellings the vowels count: Olga is not Oleg.
  EXPECT_LT(Score("Olga Baranova", "Oleg Baranov"), kDefaultScreeningThreshold);
}

TEST(NameScorerTest, ShortFormsOfGivenNames) {
  EXPECT_GE(Score("Bibi Netanyahu", "Benjamin Netanyahu"), kDefaultScreeningThreshold);
  EXPECT_GE(Score("Ted Doe", "Theodore Doe"), kDefaultScreeningThreshold);
  EXPECT_GE(Score("Ben Netanyahu", "Benjamin Netanyahu"), kDefaultScreeningThreshold);  // "ben" is also a particle
  // A short form is a strong but not a full match, and two short forms of
  // one name do not meet through it.
  const NameScoreExplanation e = NameScorer().Explain(Normalizer().Normalize("Bill Gates"), Normalizer().Normalize("William Gates"));
  ASSERT_FALSE(e.matches.empty());
  EXPECT_FLOAT_EQ(std::min(e.matches[0].similarity, e.matches[1].similarity), NameScorerOptions().nickname_similarity);
  EXPECT_LT(Score("Ted Doe", "Eddie Doe"), kDefaultScreeningThreshold);
}

TEST(NameScorerTest, CommonGivenNamesAreWeakerEvidence) {
  // The same shape of pair: one agreeing given name, one different surname.
  // A shared "Mohammed" says less than a shared rare given name.
  EXPECT_LT(Score("Mohammed Sherif", "Mohammed Shia"), Score("Zaurbek Sherif", "Zaurbek Shia"));
  const NormalizedName n = Normalizer().Normalize("Mohammed Zarif", PartyType::kPerson);
  EXPECT_LT(n.tokens[0].weight, 0.8f);
  EXPECT_FLOAT_EQ(n.tokens[1].weight, 1.0f);
}

TEST(NameScorerTest, FuzzySurnameCountsMostlyAsADifferentSurname) {
  EXPECT_LT(Score("Raul Castillo", "Raul Castro"), kDefaultScreeningThreshold);
  EXPECT_GE(Score("Emmanuel Macrone", "Emmanuel Macron"), kDefaultScreeningThreshold);
}

TEST(NameScorerTest, PatronymicChainsHaveAnOrder) {
  EXPECT_LT(Score("Salman bin Muhammad al-Rawi", "Muhammad bin Salman al-Rawi"), kDefaultScreeningThreshold);
  EXPECT_FLOAT_EQ(Score("Muhammad bin Salman al-Rawi", "Muhammad bin Salman al-Rawi"), 1.0f);
}

TEST(NameScorerTest, ANumberOnOneSideOnlyIsADisagreement) {
  EXPECT_LT(Score("Management Company 23", "Management Company", PartyType::kOrganisation),
            kDefaultScreeningThreshold);
}

TEST(NameScorerTest, FuzzyOnlyMatchesPayMoreForListNamesTheQueryLacks) {
  // Two names of four, both met only by resemblance: a coincidence.
  EXPECT_LT(Score("Laura Zariņa", "Aura Cecilia GRAJALES MARIN"), kDefaultScreeningThreshold);
  EXPECT_LT(Score("Marta Zariņa", "Martha Marina MUNERA VELASQUEZ"), kDefaultScreeningThreshold);
  EXPECT_LT(Score("Mārtiņš Zariņš", "Pedro Antonio MARIN MARIN"), kDefaultScreeningThreshold);
  EXPECT_LT(Score("SIA Tele2", "GLOBOVISION TELE C.A.", PartyType::kOrganisation), kDefaultScreeningThreshold);
  // The same names met letter for letter still hit, and so do spellings
  // that differ only in their vowels.
  EXPECT_GE(Score("Laura Grajales", "Laura Cecilia GRAJALES MARIN"), kDefaultScreeningThreshold);
  EXPECT_GE(Score("Osama bin Laden", "Usama bin Ladin"), kDefaultScreeningThreshold);
}

TEST(NameScorerTest, CommonNamesDisagreeInFull) {
  // One name part of six differs; that the names are common makes the ones
  // that agree weaker evidence, not the disagreement.
  EXPECT_LT(Score("ABDUL GHANI BARADAR ABDUL HASIB TURK", "ABDUL GHANI BARADAR ABDUL AHMAD TURK"),
            kDefaultScreeningThreshold);
  EXPECT_LT(Score("MOHAMMED QASIM MIR ABDUL KHUDAI RAHIM", "MOHAMMED QASIM MIR WALI KHUDAI RAHIM"),
            kDefaultScreeningThreshold);
  // Without the disagreeing part the same names still hit.
  EXPECT_GE(Score("ABDUL GHANI BARADAR ABDUL TURK", "ABDUL GHANI BARADAR ABDUL AHMAD TURK"),
            kDefaultScreeningThreshold);
}

TEST(NameScorerTest, AListedSubsidiaryNamedByCountryIsNotItsParent) {
  EXPECT_LT(Score("Banco Santander S.A.", "Banco Santander México S.A.", PartyType::kOrganisation),
            kDefaultScreeningThreshold);
  EXPECT_LT(Score("Mendez, B.V.B.A", "Mendez Nederland, B.V.", PartyType::kOrganisation), kDefaultScreeningThreshold);
  // A client that is a subsidiary of a listed company is a hit.
  EXPECT_GE(Score("Deutsche Bank (Schweiz) AG", "Deutsche Bank AG", PartyType::kOrganisation),
            kDefaultScreeningThreshold);
  EXPECT_FLOAT_EQ(Score("Banco Santander Chile", "Banco Santander Chile", PartyType::kOrganisation), 1.0f);
}

TEST(NameScorerTest, ASeriesNumeralIsNotALegalForm) {
  EXPECT_LT(Score("Bowne Global Solutions, Inc.", "Bowne Global Solutions II, Inc.", PartyType::kOrganisation),
            0.9f);
}

TEST(NameScorerTest, CjkNamesInScriptMatchOnlyExactly) {
  EXPECT_LT(Score("习近朋", "习近平"), kDefaultScreeningThreshold);
  EXPECT_LT(Score("김종은", "김정은"), kDefaultScreeningThreshold);
  EXPECT_FLOAT_EQ(Score("习近平", "习近平"), 1.0f);
}

TEST(NameScorerTest, RomanNumeralIsNotTheFirstWord) {
  EXPECT_GE(Score("Xi Jinping", "Xi Jinping"), 1.0f);
  const NormalizedName n = Normalizer().Normalize("Xi Jinping", PartyType::kPerson);
  EXPECT_EQ(n.tokens[0].kind, NameTokenKind::kName);
}

TEST(NameScorerTest, IdenticalNamesScoreOne) {
  EXPECT_FLOAT_EQ(Score("Vladimir Putin", "Vladimir Putin"), 1.0f);
}

TEST(NameScorerTest, WordOrderFree) {
  EXPECT_FLOAT_EQ(Score("Putin, Vladimir", "Vladimir Putin"), 1.0f);
  EXPECT_FLOAT_EQ(Score("bin Salman Mohammed", "Mohammed bin Salman"), 1.0f);
}

TEST(NameScorerTest, AcrossScriptsAndRomanisations) {
  EXPECT_GE(Score("Vladimirs Putins", "Владимир Путин"), kDefaultScreeningThreshold);
  EXPECT_GE(Score("Sergejs Lavrovs", "Сергей Лавров"), 0.95f);
  EXPECT_GE(Score("Iuliia Shcherbakova", "Юлия Щербакова"), 0.95f);  // ICAO passport spelling
}

TEST(NameScorerTest, TyposMatchDifferentNamesDoNot) {
  EXPECT_GE(Score("Emmanuel Macrone", "Emmanuel Macron"), kDefaultScreeningThreshold);
  EXPECT_LT(Score("Bashar al-Assad", "Hafez al-Assad"), kDefaultScreeningThreshold);
  EXPECT_LT(Score("Usama bin Laden", "Shaikh Isa Bin Tarif Al Bin Ali"), 0.3f);
}

TEST(NameScorerTest, LegalFormsWeighLittle) {
  const PartyType org = PartyType::kOrganisation;
  EXPECT_GE(Score("Siemens Aktiengesellschaft", "Siemens AG", org), 0.99f);
  EXPECT_GE(Score("Deutsche Bank AG", "Deutsche Bank", org), kDefaultScreeningThreshold);
  EXPECT_LT(Score("Volkswagen AG", "Siemens AG", org), 0.3f);
  // Same generic type, different abbreviation: both joint-stock companies.
  EXPECT_GE(Score("OAO Gazprom", "Gazprom JSC", org), 0.95f);
}

TEST(NameScorerTest, JoinedAndSplitWords) {
  EXPECT_GE(Score("SiemensAG", "Siemens AG", PartyType::kOrganisation), kDefaultScreeningThreshold);
  EXPECT_GE(Score("MOHAMMADHASNI KHAN", "MOHAMMAD HASNI KHAN"), 0.95f);
  EXPECT_GE(Score("AlisherUsmanov", "Alisher Usmanov"), 0.95f);
}

TEST(NameScorerTest, InitialsMatchPartially) {
  const float initial = Score("Hans J Friedrich", "Hans Joachim Friedrich");
  EXPECT_GE(initial, kDefaultScreeningThreshold);
  EXPECT_LT(initial, 1.0f);
  EXPECT_LT(Score("Hans O Friedrich", "Hans Joachim Friedrich"), initial);
  EXPECT_GE(Score("JC Juncker", "Jean-Claude Juncker"), kDefaultScreeningThreshold);
}

TEST(NameScorerTest, TitlesBarelyCount) {
  EXPECT_GE(Score("Mr. Rami Makhlouf", "Rami Makhlouf"), 0.98f);
}

TEST(NameScorerTest, AsymmetricExtraTokens) {
  // The query has a patronymic the list lacks: a small penalty.
  const float query_extra = Score("Vladimir Vladimirovich Putin", "Vladimir Putin");
  // The list has a part the query lacks: a larger one.
  const float list_extra = Score("Vladimir Putin", "Vladimir Vladimirovich Putin");
  EXPECT_GE(query_extra, kDefaultScreeningThreshold);
  EXPECT_GE(list_extra, kDefaultScreeningThreshold);
  EXPECT_GT(query_extra, list_extra);
  // A disagreeing part costs more than a missing one.
  EXPECT_LT(Score("Sergey Ivanevich Lavrov", "Sergey Viktorovich Lavrov"), list_extra);
}

TEST(NameScorerTest, EmptyNamesScoreZero) {
  EXPECT_EQ(Score("", "Vladimir Putin"), 0.0f);
  EXPECT_EQ(Score("Vladimir Putin", ""), 0.0f);
}

TEST(NameScorerTest, ExplanationNamesTokensAndTransliterations) {
  const NormalizedName q = Normalizer().Normalize("Vladimirs Putins", PartyType::kPerson);
  const NormalizedName l = Normalizer().Normalize("Путин Владимир Владимирович", PartyType::kPerson);
  const NameScorer scorer;
  const NameScoreExplanation e = scorer.Explain(q, l);
  EXPECT_FLOAT_EQ(e.score, scorer.Score(q, l));
  ASSERT_EQ(e.matches.size(), 3u);
  const TokenMatch& putin = e.matches[0];
  EXPECT_EQ(putin.kind, TokenMatchKind::kExact);
  EXPECT_EQ(q.Spellings(putin.query_first)[putin.query_spelling].origin, SpellingOrigin::kLatvianEnding);
  EXPECT_EQ(l.Spellings(putin.list_first)[putin.list_spelling].origin, SpellingOrigin::kBgnPcgn);
  EXPECT_EQ(e.matches[2].kind, TokenMatchKind::kListExtra);
  ScreeningScore s;
  s.name = e;
  s.score = e.score;
  const std::string text = DescribeScore(q, l, s);
  EXPECT_NE(text.find("Путин → putin (BGN/PCGN)"), std::string::npos) << text;
  EXPECT_NE(text.find("Latvian ending removed"), std::string::npos) << text;
}

TEST(NameScorerTest, ExplanationWeightsAddUpToTheDenominator) {
  // No fuzzy pairs: every matched pair has similarity 1, every other entry 0.
  const NormalizedName q = Normalizer().Normalize("Sergey Xu Lavrov Junior", PartyType::kPerson);
  const NormalizedName l = Normalizer().Normalize("Sergey Zhang Lavrov", PartyType::kPerson);
  const NameScoreExplanation e = NameScorer().Explain(q, l);
  float numerator = 0, denominator = 0;
  for (const TokenMatch& m : e.matches) {
    denominator += m.weight;
    if (m.similarity >= 1) numerator += m.weight;
  }
  EXPECT_NEAR(numerator / denominator, e.score, 1e-4);
}

TEST(NameScorerTest, ExplanationWeightsAddUpWithCommonNamesAndFuzzyPairs) {
  // Common names left over on both sides count in full, and fuzzy pairs
  // raise what a list-only name costs; the explanation shows both.
  const NormalizedName q = Normalizer().Normalize("Marta Mohamed Zariņa", PartyType::kPerson);
  const NormalizedName l = Normalizer().Normalize("Martha Ahmed Marina Munera", PartyType::kPerson);
  const NameScorer scorer;
  const NameScoreExplanation e = scorer.Explain(q, l);
  float numerator = 0, denominator = 0;
  for (const TokenMatch& m : e.matches) {
    denominator += m.weight;
    const float g = std::clamp((m.similarity - 0.55f) / (0.9f - 0.55f), 0.0f, 1.0f);
    if (m.kind != TokenMatchKind::kMismatch && m.kind != TokenMatchKind::kListExtra &&
        m.kind != TokenMatchKind::kQueryExtra) {
      // weight = w·(1 + (1 − g)) with the default options: w = weight / (2 − g).
      numerator += m.weight / (2 - g) * g;
    }
  }
  EXPECT_NEAR(numerator / denominator, e.score, 1e-4);
  EXPECT_NEAR(scorer.Score(q, l), e.score, 1e-6);
}

TEST(NameScorerFactsTest, SameBirthDateRaises) {
  const NameScorer scorer;
  PartyFacts q, l;
  q.birth_dates = {{1952, 10, 7}};
  l.birth_dates = {{1952, 10, 7}};
  std::vector<FactAdjustment> adjustments;
  const float s = scorer.AdjustForFacts(0.8f, q, l, &adjustments);
  EXPECT_GT(s, 0.85f);
  ASSERT_EQ(adjustments.size(), 1u);
  EXPECT_EQ(adjustments[0].kind, FactAdjustmentKind::kBirthDateExact);
  // A poor name match gains less than a good one.
  EXPECT_LT(scorer.AdjustForFacts(0.3f, q, l) - 0.3f, s - 0.8f);
}

TEST(NameScorerFactsTest, BirthYearWithinTheListsRangeAndPrecision) {
  const NameScorer scorer;
  PartyFacts q, l;
  q.birth_dates = {{1959, 3, 14}};
  l.birth_dates = {{1958, 0, 0, 1960}};  // "circa 1958-1960"
  std::vector<FactAdjustment> adjustments;
  EXPECT_GT(scorer.AdjustForFacts(0.8f, q, l, &adjustments), 0.8f);
  EXPECT_EQ(adjustments[0].kind, FactAdjustmentKind::kBirthDateInRange);
}

TEST(NameScorerFactsTest, BirthYearOutsideTheRangeLowers) {
  const NameScorer scorer;
  PartyFacts q, l;
  q.birth_dates = {{1975, 1, 1}};
  l.birth_dates = {{1958, 0, 0, 1960}};
  std::vector<FactAdjustment> adjustments;
  // Lowered, but a name that agrees in full stays a hit: list birth dates
  // are often wrong by years.
  EXPECT_FLOAT_EQ(scorer.AdjustForFacts(0.9f, q, l, &adjustments), 0.9f * 0.85f);
  EXPECT_GE(scorer.AdjustForFacts(1.0f, q, l), kDefaultScreeningThreshold);
  EXPECT_EQ(adjustments[0].kind, FactAdjustmentKind::kBirthYearMismatch);
  // One year off is a near miss, lowered less.
  q.birth_dates = {{1961, 1, 1}};
  EXPECT_GT(scorer.AdjustForFacts(0.9f, q, l), 0.8f);
  EXPECT_LT(scorer.AdjustForFacts(0.9f, q, l), 0.9f);
}

TEST(NameScorerFactsTest, UnknownDatesChangeNothing) {
  const NameScorer scorer;
  PartyFacts q, l;
  q.birth_dates = {{1961, 1, 1}};
  EXPECT_FLOAT_EQ(scorer.AdjustForFacts(0.8f, q, l), 0.8f);
}

TEST(NameScorerFactsTest, Nationality) {
  const NameScorer scorer;
  PartyFacts q, l;
  q.nationalities = {"LV"};
  l.nationalities = {"RU", "lv"};
  EXPECT_GT(scorer.AdjustForFacts(0.8f, q, l), 0.8f);
  l.nationalities = {"RU"};
  EXPECT_LT(scorer.AdjustForFacts(0.8f, q, l), 0.8f);
}

TEST(NameScorerFactsTest, SameIdentifierIsNearCertain) {
  const NameScorer scorer;
  PartyFacts q, l;
  q.identifiers = {"lv 4000 3216 381"};
  l.identifiers = {"LV40003216381"};
  std::vector<FactAdjustment> adjustments;
  EXPECT_GE(scorer.AdjustForFacts(0.4f, q, l, &adjustments), 0.95f);
  EXPECT_EQ(adjustments.back().kind, FactAdjustmentKind::kIdentifierMatch);
}

TEST(NameScorerFactsTest, ScorePartyCombinesNameAndFacts) {
  const NameScorer scorer;
  PartyFacts q, l;
  q.birth_dates = {{1952, 10, 7}};
  l.birth_dates = {{1952, 10, 7}};
  const ScreeningScore s = scorer.ScoreParty(Normalizer().Normalize("Vladimirs Putins", PartyType::kPerson), q,
                                             Normalizer().Normalize("Владимир Владимирович Путин", PartyType::kPerson), l);
  EXPECT_GT(s.score, s.name.score);
  EXPECT_EQ(s.adjustments.size(), 1u);
}

}  // namespace
}  // namespace sargs
