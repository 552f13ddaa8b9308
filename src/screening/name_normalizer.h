// NameNormalizer turns a name as written ("Mr. Vladimirs Putins",
// "ООО «Ромашка»", "Siemens Aktiengesellschaft") into NormalizedName: a
// short list of tokens in lower-case ASCII, each with a kind, a weight and
// every spelling it may have in Latin script.
//
// Screening normalises a list name once and scores it against many queries,
// so NormalizedName is laid out for the scorer: all spellings of all tokens
// live in one string, tokens and spellings are small PODs with offsets into
// it, and a whole name is three allocations however many tokens it has.
//
// Steps, in order (each is tested on its own in name_normalizer_test.cc):
//   1. Unicode NFKC (full-width letters, ligatures, compatibility forms).
//   2. Split into words: letters, digits and combining marks form words;
//      everything else separates them. Apostrophes inside a word join it
//      ("O'Brien" → obrien, "Qa'ida" → qaida), a possessive 's is dropped,
//      hyphens separate ("Al-Qaida" → al qaida), "&" is the word "and", and
//      single letters written with dots ("A.B.C.", "G.m.b.H.") are one word.
//   3. Case folding, then per word by script: Latin loses its diacritics
//      (ā č ē ģ ī ķ ļ ņ š ū ž, ß → ss, ø → o, ı → i); Cyrillic gets BGN/PCGN
//      (primary), ICAO Doc 9303, ISO 9 and Latvian spellings; Greek gets
//      BGN/PCGN; other scripts ICU's Any-Latin.
//   4. Legal forms (from data/screening/legal_forms.csv) become one
//      low-weight token holding the form's canonical name, so
//      "Aktiengesellschaft" and "AG" are both the token "ag".
//   5. Titles, honorifics and particles (data/screening/name_stopwords.csv)
//      are marked with reduced weights; nothing is dropped, so an explanation
//      can still show every word.
//   6. Single letters become initials; digits and Roman numerals numbers.
//   7. Alternate spellings: Latvian nominative endings removed ("Putins" →
//      putin), Russian/Latvian feminine -a ("Ivanova" → ivanov), German
//      umlauts as ae/oe/ue, digits that stand for letters ("Sech1n"), the
//      Arabic particle variants bin/ibn/ben, al/el, and the full given names
//      a short form stands for (data/screening/name_nicknames.csv: "Bibi" →
//      benjamin, "Ted" → edward, theodore).
//   8. Countries and regions after the first word of an organisation's name
//      (data/screening/name_places.csv) are marked as places.
//   9. Per-token data for the scorer: the weight of a given name or surname
//      lowered by how common it is (data/screening/name_frequencies.csv: a
//      shared "Mohammed" says less than a shared rare surname), the script
//      the word was written in, its consonant skeleton (name_phonetic.h) and
//      a bitmask of the letters of every spelling.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace sargs {

// What a token is, which decides how much it counts when names are compared.
enum class NameTokenKind : uint8_t {
  kName,       // an ordinary name part
  kInitial,    // a single letter ("J." in "J. Smith"); can match a full name part
  kNumber,     // digits or a Roman numeral ("44", "II")
  kParticle,   // al, bin, de, van, of, and, the
  kHonorific,  // Sheikh, Haji, Mullah: a title in some names, a given name in others
  kTitle,      // Mr, Dr, General, President: says nothing about identity
  kLegalForm,  // SIA, AS, OOO, GmbH, LLC, ...: canonical form as text
};
const char* NameTokenKindName(NameTokenKind kind);

// How a spelling was obtained, for explanations ("Путин → putin (BGN/PCGN)").
enum class SpellingOrigin : uint8_t {
  kLatin,            // written in Latin script; case and diacritics removed
  kGermanUmlaut,     // ä ö ü written as ae oe ue
  kBgnPcgn,          // Cyrillic or Greek, BGN/PCGN (ICU)
  kIcao,             // Cyrillic, ICAO Doc 9303 passport table
  kIso9,             // Cyrillic, ISO 9 / scientific (ICU Cyrillic-Latin)
  kLatvian,          // Cyrillic, Latvian transcription
  kIcuAnyLatin,      // other scripts, ICU Any-Latin
  kLatvianEnding,    // Latvian nominative ending -s removed
  kFeminineEnding,   // feminine surname ending -a removed
  kDigitLookalike,   // digits read as the letters they resemble (0→o, 1→i)
  kParticleVariant,  // bin/ibn/ben, al/el
  kLegalForm,        // the canonical name of a legal form
  kNumberWords,      // a number written in English words ("44" → fortyfour)
  kNickname,         // the full given name a short form stands for ("bibi" → benjamin)
};
const char* SpellingOriginName(SpellingOrigin origin);

// One spelling of a token: a slice of NormalizedName::text.
struct NameSpelling {
  uint32_t offset = 0;
  uint8_t length = 0;
  SpellingOrigin origin = SpellingOrigin::kLatin;
  // Bit k set when the spelling holds letter 'a' + k (bits 0-25), bit 26
  // when it holds a digit: the scorer bounds an edit distance by the letters
  // one side has and the other lacks before it computes one.
  uint32_t letters = 0;
};

// The script a word was written in, as far as the scorer cares: two words
// written in the same non-Latin script and romanised by the same table
// differ only where their letters differ, so the scorer forgives them less
// than two romanisations made by different hands.
enum class NameScript : uint8_t {
  kLatin,
  kCyrillic,
  kGreek,
  kArabic,  // Arabic, Persian, Urdu, Pashto: written without short vowels
  kCjk,     // Han, Hangul, kana: every character a syllable
  kOther,
};

struct NameToken {
  uint32_t source_offset = 0;  // the word(s) as written, in NormalizedName::text
  uint16_t source_length = 0;
  uint16_t first_spelling = 0;  // index into NormalizedName::spellings
  uint8_t spelling_count = 0;   // >= 1; the first is the primary spelling
  NameTokenKind kind = NameTokenKind::kName;
  NameScript script = NameScript::kLatin;
  float weight = 1.0f;
  // A country or region (data/screening/name_places.csv) after the first
  // word of a name that is not a person's: "Banco Santander México" is a
  // subsidiary of "Banco Santander", and NameScorer counts a place only one
  // side names as a disagreement. Always false in persons' names.
  bool place = false;
  // PhoneticKey of the primary spelling; 0 for tokens other than name parts.
  uint64_t phonetic_key = 0;
};

// A name ready for scoring. Plain data; copyable and movable.
struct NormalizedName {
  std::string text;  // every spelling and every source word, back to back
  std::vector<NameToken> tokens;
  std::vector<NameSpelling> spellings;

  size_t size() const { return tokens.size(); }
  bool empty() const { return tokens.empty(); }
  std::string_view SpellingText(const NameSpelling& s) const {
    return std::string_view(text).substr(s.offset, s.length);
  }
  std::span<const NameSpelling> Spellings(size_t token) const {
    const NameToken& t = tokens[token];
    return std::span<const NameSpelling>(spellings).subspan(t.first_spelling, t.spelling_count);
  }
  std::string_view Primary(size_t token) const {
    return SpellingText(spellings[tokens[token].first_spelling]);
  }
  std::string_view Source(size_t token) const {
    return std::string_view(text).substr(tokens[token].source_offset, tokens[token].source_length);
  }
  // The primary spellings joined by spaces ("putin vladimir"), for logs and tests.
  std::string ToString() const;
};

// What kind of party a name belongs to. Titles are only recognised where
// they can be titles: "General" is a rank before a person's name and a word
// in "General Motors".
enum class PartyType : uint8_t {
  kUnknown,       // titles only at the start of the name
  kPerson,        // titles anywhere; legal forms only first or last
  kOrganisation,  // no titles or honorifics
};

struct NameNormalizerOptions {
  // Weights of the token kinds: the share of a full name part a token of
  // that kind counts for in NameScorer. Default: kName 1, kInitial 0.6,
  // kNumber 0.5, kParticle 0.35, kHonorific 0.5, kTitle 0.05, kLegalForm 0.25.
  float initial_weight = 0.6f;
  float number_weight = 0.5f;
  float particle_weight = 0.35f;
  float honorific_weight = 0.5f;
  float title_weight = 0.05f;
  float legal_form_weight = 0.25f;
  // A name part listed in data/screening/name_frequencies.csv as occurring
  // in f of 10 000 names weighs 1 - slope·log2(f / 10), but never less than
  // the floor. Default: slope 0.1, floor 0.55 (a "Mohammed" in one name of
  // twenty counts about half a rare surname). A floor of 1 turns it off.
  float common_name_weight_slope = 0.1f;
  float common_name_weight_floor = 0.55f;
  // Names longer than this many tokens are cut (list entries with 40 words
  // are descriptions, not names). Default: 24. REQUIRES: 1..255.
  int max_tokens = 24;
};

// Thread safety: a NameNormalizer is NOT thread-safe. It owns ICU
// transliterators, which keep per-call state and must not be used from two
// threads at once. Creating one costs tens of milliseconds (ICU compiles
// its rule sets, and the legal-form list is normalised), so make one per
// thread and reuse it; the NormalizedName values it returns are plain data
// and may be shared freely.
class NameNormalizer {
 public:
  // Builds the transliterators and loads the tables compiled into the
  // binary. Fails only if ICU lacks a transliterator or the shipped data is
  // malformed.
  static Result<std::unique_ptr<NameNormalizer>> Create(NameNormalizerOptions options = {});

  ~NameNormalizer();
  NameNormalizer(const NameNormalizer&) = delete;
  NameNormalizer& operator=(const NameNormalizer&) = delete;

  // Normalises one name. Never fails: text without letters or digits gives
  // an empty name, invalid UTF-8 is replaced (U+FFFD) and then dropped.
  NormalizedName Normalize(std::string_view utf8, PartyType kind = PartyType::kUnknown);

  // One word through steps 1-3 only (no tokens, kinds or alternates): the
  // Latin spellings of a single word, primary first. For tests and tools.
  std::vector<std::pair<std::string, SpellingOrigin>> Romanise(std::string_view word);

 private:
  struct Impl;
  explicit NameNormalizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sargs
