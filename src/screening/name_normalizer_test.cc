#include "screening/name_normalizer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "screening/name_translit.h"

namespace sargs {
namespace {

using ::testing::Contains;
using ::testing::Pair;

// ICU compiles its transliterators once per process; the tests share one.
NameNormalizer& Normalizer() {
  static NameNormalizer* normalizer = [] {
    auto n = NameNormalizer::Create();
    if (!n) ADD_FAILURE() << n.error().ToString();
    return n->release();
  }();
  return *normalizer;
}

std::vector<std::string> AllSpellings(const NormalizedName& name, size_t token) {
  std::vector<std::string> out;
  for (const NameSpelling& s : name.Spellings(token)) out.emplace_back(name.SpellingText(s));
  return out;
}

bool HasSpelling(const NormalizedName& name, size_t token, std::string_view text, SpellingOrigin origin) {
  for (const NameSpelling& s : name.Spellings(token)) {
    if (name.SpellingText(s) == text && s.origin == origin) return true;
  }
  return false;
}

TEST(NameNormalizerTest, Nfkc) {
  // Full-width letters and the "ﬁ" ligature are compatibility characters.
  EXPECT_EQ(Normalizer().Normalize("ＡＢＣ ﬁnance").ToString(), "abc finance");
}

TEST(NameNormalizerTest, CaseFolding) {
  EXPECT_EQ(Normalizer().Normalize("VLADIMIR Putin").ToString(), "vladimir putin");
  EXPECT_EQ(Normalizer().Normalize("STRAẞE").ToString(), "strasse");
}

TEST(NameNormalizerTest, LatvianDiacritics) {
  EXPECT_EQ(Normalizer().Normalize("Āboliņš Ģirts Ķēniņš Ļūdmila Čakste Žūriņa Šīrons").ToString(),
            "abolins girts kenins ludmila cakste zurina sirons");
}

TEST(NameNormalizerTest, OtherLatinDiacritics) {
  EXPECT_EQ(Normalizer().Normalize("Recep Tayyip Erdoğan").ToString(), "recep tayyip erdogan");
  EXPECT_EQ(Normalizer().Normalize("Aleksandar Vučić").ToString(), "aleksandar vucic");
  EXPECT_EQ(Normalizer().Normalize("Søren Łukasz İbrahim").ToString(), "soren lukasz ibrahim");
}

TEST(NameNormalizerTest, GermanUmlautAlternate) {
  const NormalizedName name = Normalizer().Normalize("Müller");
  EXPECT_EQ(name.Primary(0), "muller");
  EXPECT_TRUE(HasSpelling(name, 0, "mueller", SpellingOrigin::kGermanUmlaut));
}

TEST(NameNormalizerTest, PunctuationSeparates) {
  EXPECT_EQ(Normalizer().Normalize("Putin, Vladimir (Vladimirovich)").ToString(), "putin vladimir vladimirovich");
  EXPECT_EQ(Normalizer().Normalize("Al-Qaida").ToString(), "al qaida");
}

TEST(NameNormalizerTest, ApostrophesJoinWords) {
  EXPECT_EQ(Normalizer().Normalize("O'Brien").ToString(), "obrien");
  EXPECT_EQ(Normalizer().Normalize("Al-Qa’ida").ToString(), "al qaida");
  EXPECT_EQ(Normalizer().Normalize("'Ndrangheta").ToString(), "ndrangheta");
  // A possessive is not part of the name.
  EXPECT_EQ(Normalizer().Normalize("Deutsche Bank's", PartyType::kOrganisation).ToString(), "deutsche bank");
}

TEST(NameNormalizerTest, AmpersandIsAnd) {
  EXPECT_EQ(Normalizer().Normalize("AT&T", PartyType::kOrganisation).ToString(), "at and t");
}

TEST(NameNormalizerTest, DottedLettersAreOneWord) {
  EXPECT_EQ(Normalizer().Normalize("A.B.C. Holdings", PartyType::kOrganisation).ToString(), "abc holdings");
  EXPECT_EQ(Normalizer().Normalize("J.P. Morgan").ToString(), "jp morgan");
}

TEST(NameNormalizerTest, Initials) {
  const NormalizedName name = Normalizer().Normalize("J. Smith", PartyType::kPerson);
  ASSERT_EQ(name.size(), 2u);
  EXPECT_EQ(name.tokens[0].kind, NameTokenKind::kInitial);
  EXPECT_EQ(name.Primary(0), "j");
  EXPECT_LT(name.tokens[0].weight, 1.0f);
  EXPECT_EQ(name.tokens[1].kind, NameTokenKind::kName);
  // With a space, dotted letters are separate initials.
  EXPECT_EQ(Normalizer().Normalize("J. C. Juncker").ToString(), "j c juncker");
}

TEST(NameNormalizerTest, RussianBgnPcgnIsPrimary) {
  const NormalizedName name = Normalizer().Normalize("Сергей Викторович Лавров");
  EXPECT_EQ(name.ToString(), "sergey viktorovich lavrov");
  EXPECT_EQ(name.spellings[name.tokens[0].first_spelling].origin, SpellingOrigin::kBgnPcgn);
}

TEST(NameNormalizerTest, IcaoSpelling) {
  EXPECT_EQ(IcaoFromCyrillic("юлия щербакова"), "iuliia shcherbakova");
  EXPECT_EQ(IcaoFromCyrillic("цой"), "tsoi");
  const NormalizedName name = Normalizer().Normalize("Юлия");
  EXPECT_TRUE(HasSpelling(name, 0, "iuliia", SpellingOrigin::kIcao));
}

TEST(NameNormalizerTest, Iso9Spelling) {
  const NormalizedName name = Normalizer().Normalize("Сергей");
  EXPECT_TRUE(HasSpelling(name, 0, "sergej", SpellingOrigin::kIso9)) << name.ToString();
}

TEST(NameNormalizerTest, LatvianSpelling) {
  EXPECT_EQ(LatvianFromCyrillic("евгений пугачёва хрущёв"), "jevgenij pugacova hruscov");
  const NormalizedName name = Normalizer().Normalize("Хрущёв");
  EXPECT_TRUE(HasSpelling(name, 0, "hruscov", SpellingOrigin::kLatvian));
}

TEST(NameNormalizerTest, UkrainianLettersChooseUkrainianTableForTheWholeName) {
  // "і" in the first word decides for the second, which has no
  // Ukrainian-only letter.
  const NormalizedName name = Normalizer().Normalize("Віталій Кличко");
  EXPECT_EQ(name.ToString(), "vitaliy klychko");
  // The Russian reading stays available.
  EXPECT_THAT(AllSpellings(name, 1), Contains("klichko"));
}

TEST(NameNormalizerTest, OtherScriptsViaAnyLatin) {
  EXPECT_EQ(Normalizer().Normalize("バラク・オバマ").ToString(), "baraku obama");
  const NormalizedName greek = Normalizer().Normalize("Κυριάκος Μητσοτάκης");
  EXPECT_EQ(greek.ToString(), "kiriakos mitsotakis");  // BGN/PCGN: υ → i
  EXPECT_EQ(Normalizer().Normalize("فرناندو").spellings[0].origin, SpellingOrigin::kIcuAnyLatin);
}

TEST(NameNormalizerTest, LatvianNominativeEndingAlternates) {
  const NormalizedName name = Normalizer().Normalize("Vladimirs Putins", PartyType::kPerson);
  EXPECT_EQ(name.ToString(), "vladimirs putins");
  EXPECT_TRUE(HasSpelling(name, 0, "vladimir", SpellingOrigin::kLatvianEnding));
  EXPECT_TRUE(HasSpelling(name, 1, "putin", SpellingOrigin::kLatvianEnding));
  // Short words and -ss are not endings.
  EXPECT_EQ(Normalizer().Normalize("Hans").spellings.size(), 1u);
  EXPECT_EQ(Normalizer().Normalize("Strauss").spellings.size(), 1u);
}

TEST(NameNormalizerTest, FeminineEndingAlternate) {
  const NormalizedName name = Normalizer().Normalize("Ivanova");
  EXPECT_TRUE(HasSpelling(name, 0, "ivanov", SpellingOrigin::kFeminineEnding));
}

TEST(NameNormalizerTest, DigitLookalikes) {
  const NormalizedName name = Normalizer().Normalize("Ig0r Sech1n");
  EXPECT_TRUE(HasSpelling(name, 0, "igor", SpellingOrigin::kDigitLookalike));
  EXPECT_TRUE(HasSpelling(name, 1, "sechin", SpellingOrigin::kDigitLookalike));
}

TEST(NameNormalizerTest, NumbersAndNumberWords) {
  const NormalizedName name = Normalizer().Normalize("Brigade 44", PartyType::kOrganisation);
  EXPECT_EQ(name.tokens[1].kind, NameTokenKind::kNumber);
  EXPECT_TRUE(HasSpelling(name, 1, "fortyfour", SpellingOrigin::kNumberWords));
  const NormalizedName ordinal = Normalizer().Normalize("1st Bank", PartyType::kOrganisation);
  EXPECT_EQ(ordinal.Primary(0), "1");
  EXPECT_TRUE(HasSpelling(ordinal, 0, "first", SpellingOrigin::kNumberWords));
  EXPECT_EQ(Normalizer().Normalize("Fund XII", PartyType::kOrganisation).tokens[1].kind, NameTokenKind::kNumber);
}

TEST(NameNormalizerTest, LegalFormsAreLowWeightTokensWithACanonicalForm) {
  const NormalizedName long_form = Normalizer().Normalize("Siemens Aktiengesellschaft", PartyType::kOrganisation);
  const NormalizedName short_form = Normalizer().Normalize("Siemens AG", PartyType::kOrganisation);
  ASSERT_EQ(long_form.size(), 2u);
  EXPECT_EQ(long_form.tokens[1].kind, NameTokenKind::kLegalForm);
  EXPECT_EQ(long_form.Primary(1), short_form.Primary(1));
  EXPECT_LT(long_form.tokens[1].weight, 0.5f);
  EXPECT_EQ(long_form.Source(1), "Aktiengesellschaft");
}

TEST(NameNormalizerTest, LatvianAndRussianLegalForms) {
  for (const char* name : {"SIA Zaļā Bite", "AS Latvijas Gāze", "ООО Ромашка", "OOO Romashka", "IK Bite"}) {
    const NormalizedName n = Normalizer().Normalize(name, PartyType::kOrganisation);
    ASSERT_FALSE(n.empty()) << name;
    EXPECT_EQ(n.tokens[0].kind, NameTokenKind::kLegalForm) << name;
  }
  EXPECT_EQ(Normalizer().Normalize("ООО Ромашка").Primary(0), Normalizer().Normalize("OOO Romashka").Primary(0));
  // Multi-word forms become one token.
  const NormalizedName ojsc = Normalizer().Normalize("Open Joint Stock Company Gazprom", PartyType::kOrganisation);
  EXPECT_EQ(ojsc.size(), 2u) << ojsc.ToString();
}

TEST(NameNormalizerTest, LegalFormsInPersonNamesOnlyAtTheEdges) {
  const NormalizedName maduro = Normalizer().Normalize("Nicolás Maduro SA", PartyType::kPerson);
  EXPECT_EQ(maduro.tokens[2].kind, NameTokenKind::kLegalForm);
  // "As" inside a person's name is a name.
  const NormalizedName inside = Normalizer().Normalize("Ali As Rahman", PartyType::kPerson);
  EXPECT_EQ(inside.tokens[1].kind, NameTokenKind::kName);
}

TEST(NameNormalizerTest, Titles) {
  const NormalizedName name = Normalizer().Normalize("Mr. Recep Tayyip Erdoğan", PartyType::kPerson);
  EXPECT_EQ(name.tokens[0].kind, NameTokenKind::kTitle);
  EXPECT_LT(name.tokens[0].weight, 0.1f);
  // Multi-word titles are one token.
  const NormalizedName general = Normalizer().Normalize("Lieutenant General Ivanov", PartyType::kPerson);
  EXPECT_EQ(general.size(), 2u);
  EXPECT_EQ(general.tokens[0].kind, NameTokenKind::kTitle);
  // In an organisation's name "General" is a word.
  const NormalizedName motors = Normalizer().Normalize("General Motors", PartyType::kOrganisation);
  EXPECT_EQ(motors.tokens[0].kind, NameTokenKind::kName);
  // Unknown kind: only a leading title is one.
  EXPECT_EQ(Normalizer().Normalize("Dr Who").tokens[0].kind, NameTokenKind::kTitle);
  EXPECT_EQ(Normalizer().Normalize("Who Dr").tokens[1].kind, NameTokenKind::kName);
}

TEST(NameNormalizerTest, HonorificsAreDownWeightedNotDropped) {
  const NormalizedName name = Normalizer().Normalize("Shaikh Isa Bin Tarif", PartyType::kPerson);
  ASSERT_EQ(name.size(), 4u);
  EXPECT_EQ(name.tokens[0].kind, NameTokenKind::kHonorific);
  EXPECT_GT(name.tokens[0].weight, 0.1f);
  EXPECT_LT(name.tokens[0].weight, 1.0f);
}

TEST(NameNormalizerTest, ParticlesWithVariants) {
  const NormalizedName name = Normalizer().Normalize("Usama bin Laden", PartyType::kPerson);
  EXPECT_EQ(name.tokens[1].kind, NameTokenKind::kParticle);
  EXPECT_TRUE(HasSpelling(name, 1, "ibn", SpellingOrigin::kParticleVariant));
  // A name that is only a particle keeps it as a name.
  EXPECT_EQ(Normalizer().Normalize("The").tokens[0].kind, NameTokenKind::kName);
}

TEST(NameNormalizerTest, EmptyAndGarbage) {
  EXPECT_TRUE(Normalizer().Normalize("").empty());
  EXPECT_TRUE(Normalizer().Normalize(" ,.-/ ").empty());
  EXPECT_EQ(Normalizer().Normalize("Bad\xFF\xFEName").size(), 2u);
}

TEST(NameNormalizerTest, RomaniseListsEverySpelling) {
  const auto spellings = Normalizer().Romanise("Путин");
  EXPECT_THAT(spellings, Contains(Pair("putin", SpellingOrigin::kBgnPcgn)));
}

TEST(NameNormalizerTest, ShortFormsGetTheFullNamesAsSpellings) {
  const NormalizedName n = Normalizer().Normalize("Ted Kennedy", PartyType::kPerson);
  EXPECT_TRUE(HasSpelling(n, 0, "edward", SpellingOrigin::kNickname));
  EXPECT_TRUE(HasSpelling(n, 0, "theodore", SpellingOrigin::kNickname));
  EXPECT_EQ(n.Primary(0), "ted");
  EXPECT_EQ(Normalizer().Normalize("Kennedy").Spellings(0).size(), 1u);
}

TEST(NameNormalizerTest, CommonNamesWeighLess) {
  const NormalizedName n = Normalizer().Normalize("Abdul Zargarov", PartyType::kPerson);
  EXPECT_GE(n.tokens[0].weight, 0.55f);
  EXPECT_LT(n.tokens[0].weight, 0.7f);
  EXPECT_FLOAT_EQ(n.tokens[1].weight, 1.0f);
}

TEST(NameNormalizerTest, ScriptAndLetterMasks) {
  const NormalizedName n = Normalizer().Normalize("Путин Ali 习近平 محمد", PartyType::kPerson);
  ASSERT_EQ(n.size(), 4u);
  EXPECT_EQ(n.tokens[0].script, NameScript::kCyrillic);
  EXPECT_EQ(n.tokens[1].script, NameScript::kLatin);
  EXPECT_EQ(n.tokens[2].script, NameScript::kCjk);
  EXPECT_EQ(n.tokens[3].script, NameScript::kArabic);
  EXPECT_EQ(n.spellings[n.tokens[1].first_spelling].letters, (1u << 0) | (1u << ('l' - 'a')) | (1u << ('i' - 'a')));
  EXPECT_NE(n.tokens[0].phonetic_key, 0u);
}

TEST(NameNormalizerTest, PlacesAfterTheFirstWordOfAnOrganisation) {
  const NormalizedName bank = Normalizer().Normalize("Banco Santander México S.A.", PartyType::kOrganisation);
  EXPECT_FALSE(bank.tokens[1].place);
  EXPECT_TRUE(bank.tokens[2].place);
  // The first word names the organisation; persons have no places.
  EXPECT_FALSE(Normalizer().Normalize("China Railway", PartyType::kOrganisation).tokens[0].place);
  EXPECT_FALSE(Normalizer().Normalize("Maria Chile", PartyType::kPerson).tokens[1].place);
  EXPECT_TRUE(Normalizer().Normalize("Mendez Nederland B.V.").tokens[1].place);
}

TEST(NameNormalizerTest, TwoAsARomanNumeralIsNotALegalForm) {
  const NormalizedName n = Normalizer().Normalize("Bowne Global Solutions II, Inc.", PartyType::kOrganisation);
  ASSERT_EQ(n.size(), 5u);
  EXPECT_EQ(n.tokens[3].kind, NameTokenKind::kNumber);
  EXPECT_EQ(n.tokens[4].kind, NameTokenKind::kLegalForm);
}

TEST(NameNormalizerTest, RomanNumeralsOnlyAfterAName) {
  EXPECT_EQ(Normalizer().Normalize("Apollo Fund VIII").tokens[2].kind, NameTokenKind::kNumber);
  EXPECT_EQ(Normalizer().Normalize("Xi Jinping").tokens[0].kind, NameTokenKind::kName);
}

}  // namespace
}  // namespace sargs
