#include "screening/name_normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "base/csv.h"
#include "reference/embedded_data.h"
#include "screening/name_phonetic.h"
#include "screening/name_translit.h"

namespace sargs {

const char* NameTokenKindName(NameTokenKind kind) {
  switch (kind) {
    case NameTokenKind::kName: return "name";
    case NameTokenKind::kInitial: return "initial";
    case NameTokenKind::kNumber: return "number";
    case NameTokenKind::kParticle: return "particle";
    case NameTokenKind::kHonorific: return "honorific";
    case NameTokenKind::kTitle: return "title";
    case NameTokenKind::kLegalForm: return "legal form";
  }
  return "?";
}

const char* SpellingOriginName(SpellingOrigin origin) {
  switch (origin) {
    case SpellingOrigin::kLatin: return "Latin";
    case SpellingOrigin::kGermanUmlaut: return "German umlaut";
    case SpellingOrigin::kBgnPcgn: return "BGN/PCGN";
    case SpellingOrigin::kIcao: return "ICAO Doc 9303";
    case SpellingOrigin::kIso9: return "ISO 9";
    case SpellingOrigin::kLatvian: return "Latvian";
    case SpellingOrigin::kIcuAnyLatin: return "ICU Any-Latin";
    case SpellingOrigin::kLatvianEnding: return "Latvian ending removed";
    case SpellingOrigin::kFeminineEnding: return "feminine ending removed";
    case SpellingOrigin::kDigitLookalike: return "digits read as letters";
    case SpellingOrigin::kParticleVariant: return "particle variant";
    case SpellingOrigin::kLegalForm: return "legal form";
    case SpellingOrigin::kNumberWords: return "number in words";
    case SpellingOrigin::kNickname: return "short form of";
  }
  return "?";
}

std::string NormalizedName::ToString() const {
  std::string out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i > 0) out += ' ';
    out += Primary(i);
  }
  return out;
}

namespace {

using Spellings = std::vector<std::pair<std::string, SpellingOrigin>>;

// A word as cut from the text, before case folding.
struct Word {
  icu::UnicodeString text;
  std::string source;  // UTF-8, as written (after NFKC)
  int32_t end = 0;     // code-unit offset just past the word
  bool ended_by_dot = false;
  bool chain = false;  // letters joined from "A.B.C."
};

struct RawToken {
  std::string source;
  Spellings spellings;
  NameScript script = NameScript::kLatin;
};

bool IsApostrophe(UChar32 c) {
  return c == U'\'' || c == U'\u2019' || c == U'\u2018' || c == U'\u02BC' || c == U'\u02BB' ||
         c == U'`' || c == U'\u00B4';
}

bool IsWordChar(UChar32 c) {
  if (u_isalnum(c)) return true;
  const int8_t type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
}

bool IsLetter(UChar32 c) { return u_isalpha(c); }

// Lower-case ASCII letters and digits only: the alphabet the scorer works in.
// Anything else a transliterator leaves (apostrophes for soft signs, the
// middle dot between Chinese syllables, spaces) is removed.
std::string KeepAsciiAlnum(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
  }
  return out;
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::string Run(const icu::Transliterator& t, const icu::UnicodeString& s) {
  icu::UnicodeString copy(s);
  t.transliterate(copy);
  return ToUtf8(copy);
}

// A valid Roman numeral of at least two letters from 2 to 39 (fund series,
// vessel numbers); "I", "V" and "X" alone stay initials.
bool IsRomanNumeral(std::string_view s) {
  static const char* const kNumerals[] = {"ii",    "iii",  "iv",    "vi",   "vii",  "viii", "ix",
                                          "xi",    "xii",  "xiii",  "xiv",  "xv",   "xvi",  "xvii",
                                          "xviii", "xix",  "xx",    "xxi",  "xxii", "xxiii", "xxiv",
                                          "xxv",   "xxx",  "xxxix"};
  for (const char* n : kNumerals) {
    if (s == n) return true;
  }
  return false;
}

// "44" → fortyfour, "3" → three, "1st" → first: names write numbers both
// ways ("Brigade 44" / "Brigade Forty-Four"). Compound numbers are written
// together, since the scorer joins "forty four" into one word anyway.
std::string NumberWords(int value, bool ordinal) {
  static const char* const kOnes[] = {"zero",    "one",     "two",       "three",    "four",
                                      "five",    "six",     "seven",     "eight",    "nine",
                                      "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                      "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  static const char* const kOrdinals[] = {"zeroth",    "first",      "second",     "third",
                                          "fourth",    "fifth",      "sixth",      "seventh",
                                          "eighth",    "ninth",      "tenth",      "eleventh",
                                          "twelfth",   "thirteenth", "fourteenth", "fifteenth",
                                          "sixteenth", "seventeenth", "eighteenth", "nineteenth"};
  static const char* const kTens[] = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
                                      "eighty", "ninety"};
  if (value < 0 || value > 99) return "";
  if (value < 20) return ordinal ? kOrdinals[value] : kOnes[value];
  std::string out = kTens[value / 10];
  if (value % 10 != 0) {
    out += ordinal ? kOrdinals[value % 10] : kOnes[value % 10];
  } else if (ordinal) {
    out.pop_back();
    out += "ieth";
  }
  return out;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

void AddSpelling(Spellings& spellings, std::string text, SpellingOrigin origin) {
  if (text.empty()) return;
  for (const auto& [existing, unused] : spellings) {
    if (existing == text) return;
  }
  spellings.emplace_back(std::move(text), origin);
}

}  // namespace

struct NameNormalizer::Impl {
  NameNormalizerOptions options;
  const icu::Normalizer2* nfkc = nullptr;
  std::unique_ptr<icu::Transliterator> latin_ascii;
  std::unique_ptr<icu::Transliterator> russian_bgn;
  std::unique_ptr<icu::Transliterator> ukrainian_bgn;
  std::unique_ptr<icu::Transliterator> greek_bgn;
  std::unique_ptr<icu::Transliterator> iso9;
  std::unique_ptr<icu::Transliterator> any_latin;

  struct LegalForm {
    std::string form;     // canonical token text: "ag", "ooo", "llc"
    std::string generic;  // rigour's coarse type, may be empty
  };
  std::unordered_map<std::string, LegalForm> legal_forms;  // key: primaries joined by ' '
  int legal_form_max_words = 1;
  std::unordered_map<std::string, NameTokenKind> stopwords;
  int stopword_max_words = 1;
  std::unordered_map<std::string, float> common_name_weights;
  std::unordered_map<std::string, std::vector<std::string>> nicknames;  // form → full names
  std::unordered_set<std::string> places;

  std::vector<Word> Split(std::string_view utf8) const;
  Spellings Spell(const icu::UnicodeString& folded, bool ukrainian, NameScript* script) const;
  Result<void> LoadCommonNames();
  Result<void> LoadNicknames();
  Result<void> LoadPlaces();
  std::vector<RawToken> Tokenize(std::string_view utf8) const;
  Result<void> LoadLegalForms();
  Result<void> LoadStopwords();
};

std::vector<Word> NameNormalizer::Impl::Split(std::string_view utf8) const {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString text =
      nfkc->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size())), status);
  std::vector<Word> words;
  if (U_FAILURE(status)) return words;
  Word current;
  int32_t word_begin = -1;
  auto finish = [&](int32_t end, bool by_dot) {
    if (word_begin < 0) return;
    current.end = end;
    current.ended_by_dot = by_dot;
    current.source = ToUtf8(current.text);
    words.push_back(std::move(current));
    current = Word();
    word_begin = -1;
  };
  const int32_t n = text.length();
  for (int32_t i = 0; i < n;) {
    const UChar32 c = text.char32At(i);
    const int32_t next = text.moveIndex32(i, 1);
    if (IsWordChar(c) && c != 0xFFFD) {
      if (word_begin < 0) word_begin = i;
      current.text.append(c);
    } else if (IsApostrophe(c) && word_begin >= 0 && next < n && IsLetter(text.char32At(next))) {
      // Inside a word: "O'Brien", "Qa'ida". A possessive "'s" at the end of
      // a word is dropped ("Deutsche Bank's AG").
      const UChar32 after = text.char32At(next);
      const int32_t after_next = text.moveIndex32(next, 1);
      if ((after == U's' || after == U'S') && (after_next >= n || !IsWordChar(text.char32At(after_next)))) {
        finish(i, false);
        i = after_next;
        continue;
      }
    } else if (c == U'.') {
      finish(i, true);
    } else if (c == U'&') {
      finish(i, false);
      Word and_word;
      and_word.text = icu::UnicodeString::fromUTF8("and");
      and_word.source = "&";
      and_word.end = next;
      words.push_back(std::move(and_word));
    } else {
      finish(i, false);
    }
    i = next;
  }
  finish(n, false);

  // Letters written with dots and no space between them are one word:
  // "A.B.C." is abc, "G.m.b.H." gmbh, "J.P." jp; "J. P." stays two initials.
  std::vector<Word> merged;
  for (Word& w : words) {
    const int32_t w_begin = w.end - w.text.length();
    if (w.text.countChar32() == 1 && !merged.empty()) {
      Word& last = merged.back();
      const bool chainable = last.chain || last.text.countChar32() == 1;
      if (chainable && last.ended_by_dot && last.end + 1 == w_begin) {
        last.text.append(w.text);
        last.source += "." + w.source;
        last.end = w.end;
        last.ended_by_dot = w.ended_by_dot;
        last.chain = true;
        continue;
      }
    }
    merged.push_back(std::move(w));
  }
  return merged;
}

Spellings NameNormalizer::Impl::Spell(const icu::UnicodeString& folded, bool ukrainian_name,
                                      NameScript* script_class) const {
  Spellings spellings;
  const std::string utf8 = ToUtf8(folded);
  UScriptCode script = USCRIPT_LATIN;
  for (int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1)) {
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode s = uscript_getScript(folded.char32At(i), &status);
    if (U_SUCCESS(status) && s != USCRIPT_COMMON && s != USCRIPT_INHERITED) {
      script = s;
      break;
    }
  }
  switch (script) {
    case USCRIPT_LATIN: *script_class = NameScript::kLatin; break;
    case USCRIPT_CYRILLIC: *script_class = NameScript::kCyrillic; break;
    case USCRIPT_GREEK: *script_class = NameScript::kGreek; break;
    case USCRIPT_ARABIC: *script_class = NameScript::kArabic; break;
    case USCRIPT_HAN: case USCRIPT_HANGUL: case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA:
      *script_class = NameScript::kCjk;
      break;
    default: *script_class = NameScript::kOther; break;
  }
  switch (script) {
    case USCRIPT_LATIN: {
      if (IsAscii(utf8)) {
        AddSpelling(spellings, KeepAsciiAlnum(utf8), SpellingOrigin::kLatin);
        break;
      }
      AddSpelling(spellings, KeepAsciiAlnum(Run(*latin_ascii, folded)), SpellingOrigin::kLatin);
      // German writes ä ö ü as ae oe ue when the letters are missing
      // (Müller / Mueller); Latin-ASCII gives plain a o u.
      if (folded.indexOf(static_cast<UChar32>(U'ä')) >= 0 || folded.indexOf(static_cast<UChar32>(U'ö')) >= 0 || folded.indexOf(static_cast<UChar32>(U'ü')) >= 0) {
        icu::UnicodeString umlaut(folded);
        umlaut.findAndReplace(icu::UnicodeString(static_cast<UChar32>(U'ä')), icu::UnicodeString("ae", -1, US_INV));
        umlaut.findAndReplace(icu::UnicodeString(static_cast<UChar32>(U'ö')), icu::UnicodeString("oe", -1, US_INV));
        umlaut.findAndReplace(icu::UnicodeString(static_cast<UChar32>(U'ü')), icu::UnicodeString("ue", -1, US_INV));
        AddSpelling(spellings, KeepAsciiAlnum(Run(*latin_ascii, umlaut)), SpellingOrigin::kGermanUmlaut);
      }
      break;
    }
    case USCRIPT_CYRILLIC: {
      // Ukrainian letters anywhere in the name make the Ukrainian BGN/PCGN
      // table the better primary for all its words (Володимир Зеленський →
      // volodymyr zelenskyy); the Russian one stays an alternate.
      const bool ukrainian = ukrainian_name || folded.indexOf(static_cast<UChar32>(U'і')) >= 0 || folded.indexOf(static_cast<UChar32>(U'ї')) >= 0 ||
                             folded.indexOf(static_cast<UChar32>(U'є')) >= 0 || folded.indexOf(static_cast<UChar32>(U'ґ')) >= 0;
      if (ukrainian) {
        AddSpelling(spellings, KeepAsciiAlnum(Run(*ukrainian_bgn, folded)), SpellingOrigin::kBgnPcgn);
      }
      AddSpelling(spellings, KeepAsciiAlnum(Run(*russian_bgn, folded)), SpellingOrigin::kBgnPcgn);
      // The tables leave letters they do not know (Kazakh ұ, Mongolian ү);
      // Any-Latin finishes those.
      const auto finish = [&](const std::string& s) {
        return KeepAsciiAlnum(Run(*any_latin, icu::UnicodeString::fromUTF8(s)));
      };
      AddSpelling(spellings, finish(IcaoFromCyrillic(utf8)), SpellingOrigin::kIcao);
      AddSpelling(spellings, KeepAsciiAlnum(Run(*iso9, folded)), SpellingOrigin::kIso9);
      AddSpelling(spellings, finish(LatvianFromCyrillic(utf8)), SpellingOrigin::kLatvian);
      break;
    }
    case USCRIPT_GREEK:
      AddSpelling(spellings, KeepAsciiAlnum(Run(*greek_bgn, folded)), SpellingOrigin::kBgnPcgn);
      AddSpelling(spellings, KeepAsciiAlnum(Run(*any_latin, folded)), SpellingOrigin::kIcuAnyLatin);
      break;
    default:
      // Arabic, Hebrew, Armenian, Georgian, Han, kana, Hangul, ...: ICU's
      // Any-Latin. Han comes out as spaced syllables; they are joined, as
      // the word was one word in the source.
      AddSpelling(spellings, KeepAsciiAlnum(Run(*any_latin, folded)), SpellingOrigin::kIcuAnyLatin);
      break;
  }
  // A script ICU cannot romanise (Khmer in ICU 72) keeps its own letters so
  // that two names in that script can still be compared.
  if (spellings.empty() && !utf8.empty()) AddSpelling(spellings, utf8, SpellingOrigin::kIcuAnyLatin);
  return spellings;
}

std::vector<RawToken> NameNormalizer::Impl::Tokenize(std::string_view utf8) const {
  std::vector<RawToken> tokens;
  std::vector<Word> words = Split(utf8);
  bool ukrainian = false;
  for (const Word& word : words) {
    for (UChar32 c : {U'і', U'ї', U'є', U'ґ', U'І', U'Ї', U'Є', U'Ґ'}) {
      ukrainian = ukrainian || word.text.indexOf(static_cast<UChar32>(c)) >= 0;
    }
  }
  for (Word& word : words) {
    icu::UnicodeString folded(word.text);
    folded.foldCase();
    NameScript script = NameScript::kLatin;
    Spellings spellings = Spell(folded, ukrainian, &script);
    if (spellings.empty()) continue;
    tokens.push_back(RawToken{std::move(word.source), std::move(spellings), script});
  }
  return tokens;
}

namespace {

// The rows of a table compiled into the binary (data/screening/), after
// its header, each with `columns` fields.
Result<std::vector<CsvRecord>> ShippedTable(std::string_view path, size_t columns, const char* header) {
  const auto content = FindEmbeddedFile(path);
  if (!content) return Fail(std::string(path) + " is not compiled into the binary");
  CsvOptions csv;
  csv.comments = true;
  auto rows = TRY(ParseCsv(*content, path, csv));
  if (!rows.empty()) rows.erase(rows.begin());
  for (const CsvRecord& row : rows) {
    if (row.fields.size() != columns) {
      return Fail(Location{std::string(path), row.line, 1}, "", std::string("expected ") + header);
    }
  }
  return rows;
}

}  // namespace

Result<void> NameNormalizer::Impl::LoadLegalForms() {
  constexpr std::string_view kPath = "data/screening/legal_forms.csv";
  for (const CsvRecord& row : TRY(ShippedTable(kPath, 3, "alias,form,generic"))) {
    const std::vector<RawToken> alias = Tokenize(row.fields[0].value);
    const std::vector<RawToken> form = Tokenize(row.fields[1].value);
    if (alias.empty() || form.empty()) continue;
    std::string key, form_text;
    for (const RawToken& t : alias) key += (key.empty() ? "" : " ") + t.spellings[0].first;
    for (const RawToken& t : form) form_text += t.spellings[0].first;
    if (stopwords.count(key) > 0) continue;
    legal_form_max_words = std::max<int>(legal_form_max_words, alias.size());
    std::string generic;
    for (char c : row.fields[2].value) generic += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    legal_forms.emplace(std::move(key), LegalForm{std::move(form_text), std::move(generic)});
  }
  return {};
}

Result<void> NameNormalizer::Impl::LoadStopwords() {
  constexpr std::string_view kPath = "data/screening/name_stopwords.csv";
  for (const CsvRecord& row : TRY(ShippedTable(kPath, 2, "phrase,kind"))) {
    const std::string& kind_text = row.fields[1].value;
    NameTokenKind kind;
    if (kind_text == "title") {
      kind = NameTokenKind::kTitle;
    } else if (kind_text == "honorific") {
      kind = NameTokenKind::kHonorific;
    } else if (kind_text == "particle") {
      kind = NameTokenKind::kParticle;
    } else {
      return Fail(Location{std::string(kPath), row.line, row.fields[1].column}, "kind",
                  "unknown kind '" + kind_text + "' (title, honorific, particle)");
    }
    const std::vector<RawToken> phrase = Tokenize(row.fields[0].value);
    if (phrase.empty()) continue;
    std::string key;
    for (const RawToken& t : phrase) key += (key.empty() ? "" : " ") + t.spellings[0].first;
    stopword_max_words = std::max<int>(stopword_max_words, phrase.size());
    stopwords.emplace(std::move(key), kind);
  }
  return {};
}

Result<void> NameNormalizer::Impl::LoadCommonNames() {
  constexpr std::string_view kPath = "data/screening/name_frequencies.csv";
  for (const CsvRecord& row : TRY(ShippedTable(kPath, 2, "token,per_10000"))) {
    const double per_10000 = std::atof(row.fields[1].value.c_str());
    if (per_10000 <= 0) {
      return Fail(Location{std::string(kPath), row.line, row.fields[1].column}, "per_10000", "expected a positive number");
    }
    // Ten in 10 000 is where a name stops being distinctive enough to count
    // in full; each doubling beyond takes `slope` off.
    const double weight = 1.0 - options.common_name_weight_slope * std::log2(std::max(1.0, per_10000 / 10.0));
    common_name_weights[row.fields[0].value] =
        static_cast<float>(std::clamp<double>(weight, options.common_name_weight_floor, 1.0));
  }
  return {};
}

Result<void> NameNormalizer::Impl::LoadNicknames() {
  constexpr std::string_view kPath = "data/screening/name_nicknames.csv";
  for (const CsvRecord& row : TRY(ShippedTable(kPath, 2, "form,names"))) {
    std::vector<std::string>& names = nicknames[KeepAsciiAlnum(row.fields[0].value)];
    std::string_view rest = row.fields[1].value;
    while (!rest.empty()) {
      const size_t space = rest.find(' ');
      const std::string name = KeepAsciiAlnum(rest.substr(0, space));
      if (!name.empty()) names.push_back(name);
      rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    }
  }
  return {};
}

Result<void> NameNormalizer::Impl::LoadPlaces() {
  constexpr std::string_view kPath = "data/screening/name_places.csv";
  for (const CsvRecord& row : TRY(ShippedTable(kPath, 1, "place"))) {
    const std::string place = KeepAsciiAlnum(row.fields[0].value);
    if (!place.empty()) places.insert(place);
  }
  return {};
}

Result<std::unique_ptr<NameNormalizer>> NameNormalizer::Create(NameNormalizerOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->options.max_tokens = std::clamp(options.max_tokens, 1, 255);
  UErrorCode status = U_ZERO_ERROR;
  impl->nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return Fail(std::string("ICU NFKC: ") + u_errorName(status));
  const auto make = [](const char* id) -> Result<std::unique_ptr<icu::Transliterator>> {
    UErrorCode s = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, s));
    if (U_FAILURE(s) || !t) return Fail(std::string("ICU transliterator ") + id + ": " + u_errorName(s));
    return t;
  };
  // Removing the marks after NFD handles every Latin letter with a
  // diacritic (Latvian ā č ē ģ ī ķ ļ ņ š ū ž included); Latin-ASCII then
  // covers the letters that are not letter + mark (ß, ø, ł, đ, æ, ı).
  impl->latin_ascii = TRY(make("NFD; [:Nonspacing Mark:] Remove; NFC; Latin-ASCII"));
  impl->russian_bgn = TRY(make("Russian-Latin/BGN; Latin-ASCII"));
  impl->ukrainian_bgn = TRY(make("Ukrainian-Latin/BGN; Latin-ASCII"));
  impl->greek_bgn = TRY(make("Greek-Latin/BGN; Latin-ASCII"));
  impl->iso9 = TRY(make("Cyrillic-Latin; Latin-ASCII"));
  impl->any_latin = TRY(make("Any-Latin; NFD; [:Nonspacing Mark:] Remove; NFC; Latin-ASCII"));
  // Stopwords first: a legal-form alias that is also a particle ("of",
  // "and" in some languages' abbreviations) stays a particle.
  TRY_VOID(impl->LoadStopwords());
  TRY_VOID(impl->LoadLegalForms());
  TRY_VOID(impl->LoadCommonNames());
  TRY_VOID(impl->LoadNicknames());
  TRY_VOID(impl->LoadPlaces());
  return std::unique_ptr<NameNormalizer>(new NameNormalizer(std::move(impl)));
}

NameNormalizer::NameNormalizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
NameNormalizer::~NameNormalizer() = default;

std::vector<std::pair<std::string, SpellingOrigin>> NameNormalizer::Romanise(std::string_view word) {
  Spellings out;
  for (RawToken& t : impl_->Tokenize(word)) {
    for (auto& s : t.spellings) AddSpelling(out, std::move(s.first), s.second);
  }
  return out;
}

NormalizedName NameNormalizer::Normalize(std::string_view utf8, PartyType kind) {
  const Impl& impl = *impl_;
  const NameNormalizerOptions& options = impl.options;
  std::vector<RawToken> raw = impl.Tokenize(utf8);
  if (raw.size() > static_cast<size_t>(options.max_tokens)) raw.resize(options.max_tokens);
  const int n = static_cast<int>(raw.size());

  struct Pending {
    std::string source;
    Spellings spellings;
    NameTokenKind kind;
    NameScript script = NameScript::kLatin;
  };
  std::vector<Pending> tokens;
  tokens.reserve(n);
  bool only_titles_so_far = true;
  std::string key;
  for (int i = 0; i < n;) {
    bool matched = false;
    const int longest = std::min(n - i, std::max(impl.legal_form_max_words, impl.stopword_max_words));
    for (int length = longest; length >= 1 && !matched; --length) {
      key.clear();
      for (int k = i; k < i + length; ++k) {
        if (k > i) key += ' ';
        key += raw[k].spellings[0].first;
      }
      const auto join_source = [&] {
        std::string source;
        for (int k = i; k < i + length; ++k) source += (k > i ? " " : "") + raw[k].source;
        return source;
      };
      // A person's name holds a legal form only when someone pasted a
      // company suffix onto it ("Nicolás Maduro SA"): look only at its ends,
      // so that short forms (AS, SA, AO) inside a person's name stay names.
      const bool at_edge = i == 0 || i + length == n;
      const bool legal_allowed = kind != PartyType::kPerson || (at_edge && n >= 3);
      if (legal_allowed && length <= impl.legal_form_max_words) {
        const auto it = impl.legal_forms.find(key);
        if (it != impl.legal_forms.end()) {
          // The generic type is a second spelling, marked with '#' so that it
          // can only ever equal another generic type: OAO and JSC are both
          // joint-stock companies, AG and GmbH are not.
          Spellings spellings = {{it->second.form, SpellingOrigin::kLegalForm}};
          if (!it->second.generic.empty()) {
            AddSpelling(spellings, "#" + it->second.generic, SpellingOrigin::kLegalForm);
          }
          tokens.push_back({join_source(), std::move(spellings), NameTokenKind::kLegalForm, raw[i].script});
          only_titles_so_far = false;
          i += length;
          matched = true;
          break;
        }
      }
      if (length <= impl.stopword_max_words) {
        const auto it = impl.stopwords.find(key);
        if (it == impl.stopwords.end()) continue;
        const NameTokenKind word_kind = it->second;
        bool allowed = true;
        if (word_kind == NameTokenKind::kTitle) {
          allowed = kind == PartyType::kPerson || (kind == PartyType::kUnknown && only_titles_so_far);
        } else if (word_kind == NameTokenKind::kHonorific) {
          allowed = kind != PartyType::kOrganisation;
        }
        // A name that is nothing but particles or titles ("The", "Al") is
        // still a name.
        if (!allowed || (length == n)) continue;
        Spellings spellings;
        for (int k = i; k < i + length; ++k) {
          for (auto& s : raw[k].spellings) {
            if (length == 1) AddSpelling(spellings, s.first, s.second);
          }
        }
        if (length > 1) AddSpelling(spellings, key, raw[i].spellings[0].second);
        tokens.push_back({join_source(), std::move(spellings), word_kind, raw[i].script});
        if (word_kind != NameTokenKind::kTitle) only_titles_so_far = false;
        i += length;
        matched = true;
      }
    }
    if (matched) continue;
    RawToken& t = raw[i];
    const std::string& primary = t.spellings[0].first;
    NameTokenKind token_kind = NameTokenKind::kName;
    const bool ordinal = primary.size() >= 3 && primary.size() <= 4 && AllDigits(primary.substr(0, primary.size() - 2)) &&
                         (EndsWith(primary, "st") || EndsWith(primary, "nd") || EndsWith(primary, "rd") ||
                          EndsWith(primary, "th"));
    if (AllDigits(primary) || ordinal) {
      token_kind = NameTokenKind::kNumber;
      const std::string digits = ordinal ? primary.substr(0, primary.size() - 2) : primary;
      std::string words = digits.size() <= 2 ? NumberWords(std::stoi(digits), ordinal) : "";
      if (ordinal) t.spellings[0].first = digits;
      AddSpelling(t.spellings, std::move(words), SpellingOrigin::kNumberWords);
    } else if (IsRomanNumeral(primary) && !only_titles_so_far) {
      // A Roman numeral follows a name ("Fund VIII", "Henry VIII"); as the
      // first word it is a name ("Xi Jinping", "Vi Nguyen").
      token_kind = NameTokenKind::kNumber;
    } else if (primary.size() == 1) {
      token_kind = NameTokenKind::kInitial;
    }
    tokens.push_back({std::move(t.source), std::move(t.spellings), token_kind, t.script});
    only_titles_so_far = false;
    ++i;
  }

  // Alternate spellings (step 7).
  for (Pending& t : tokens) {
    // Short forms: "Ben" is also a particle (ben = bin), so particles get
    // them too; the scorer weighs a particle meeting a name by both weights.
    if (t.kind == NameTokenKind::kName || t.kind == NameTokenKind::kParticle) {
      const auto it = impl.nicknames.find(t.spellings[0].first);
      if (it != impl.nicknames.end()) {
        for (const std::string& name : it->second) AddSpelling(t.spellings, name, SpellingOrigin::kNickname);
      }
    }
    if (t.kind == NameTokenKind::kParticle) {
      static const std::vector<std::vector<std::string>> kVariants = {{"bin", "ibn", "ben", "bint"},
                                                                      {"al", "el", "ul"}};
      for (const auto& group : kVariants) {
        if (std::find(group.begin(), group.end(), t.spellings[0].first) == group.end()) continue;
        for (const std::string& v : group) AddSpelling(t.spellings, v, SpellingOrigin::kParticleVariant);
      }
      continue;
    }
    if (t.kind != NameTokenKind::kName) continue;
    const size_t count = t.spellings.size();
    for (size_t s = 0; s < count; ++s) {
      const std::string text = t.spellings[s].first;
      const SpellingOrigin origin = t.spellings[s].second;
      const bool latin = origin == SpellingOrigin::kLatin || origin == SpellingOrigin::kGermanUmlaut;
      // Latvian adds -s to masculine names (Putins, Lavrovs, Sergejs); the
      // list spells them without it. Short words keep their s (Hans, Boris
      // are left alone below five letters... and "-ss" is never an ending).
      if (latin && text.size() >= 5 && text.back() == 's' && !EndsWith(text, "ss") && !EndsWith(text, "us")) {
        AddSpelling(t.spellings, text.substr(0, text.size() - 1), SpellingOrigin::kLatvianEnding);
      }
      // Russian (and Latvian) feminine surnames: Ivanova / Ivanov.
      if (text.size() >= 6 && (EndsWith(text, "ova") || EndsWith(text, "eva") || EndsWith(text, "ina"))) {
        AddSpelling(t.spellings, text.substr(0, text.size() - 1), SpellingOrigin::kFeminineEnding);
      }
      // "Ig0r Sech1n": digits inside a word are letters in disguise.
      const bool has_digit = std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
      const bool has_letter = std::any_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      if (has_digit && has_letter) {
        std::string letters = text;
        for (char& c : letters) {
          static constexpr char kLookalike[] = "oizeasgtbg";  // 0..9
          if (c >= '0' && c <= '9') c = kLookalike[c - '0'];
        }
        AddSpelling(t.spellings, std::move(letters), SpellingOrigin::kDigitLookalike);
      }
    }
  }

  NormalizedName out;
  size_t text_size = 0;
  for (const Pending& t : tokens) {
    text_size += t.source.size();
    for (const auto& s : t.spellings) text_size += s.first.size();
  }
  out.text.reserve(text_size);
  out.tokens.reserve(tokens.size());
  for (const Pending& t : tokens) {
    NameToken token;
    token.kind = t.kind;
    token.script = t.script;
    switch (t.kind) {
      case NameTokenKind::kName: {
        token.weight = 1.0f;
        for (const auto& [text, origin] : t.spellings) {
          if (origin == SpellingOrigin::kNickname) continue;
          const auto it = impl.common_name_weights.find(text);
          if (it != impl.common_name_weights.end()) token.weight = std::min(token.weight, it->second);
        }
        token.phonetic_key = PhoneticKey(t.spellings[0].first);
        // The first word names the organisation itself ("China Railway
        // Engineering", "Chile Holdings"); later ones qualify it.
        token.place = kind != PartyType::kPerson && !out.tokens.empty() && impl.places.count(t.spellings[0].first) > 0;
        break;
      }
      case NameTokenKind::kInitial: token.weight = options.initial_weight; break;
      case NameTokenKind::kNumber: token.weight = options.number_weight; break;
      case NameTokenKind::kParticle: token.weight = options.particle_weight; break;
      case NameTokenKind::kHonorific: token.weight = options.honorific_weight; break;
      case NameTokenKind::kTitle: token.weight = options.title_weight; break;
      case NameTokenKind::kLegalForm: token.weight = options.legal_form_weight; break;
    }
    const std::string_view source = std::string_view(t.source).substr(0, 0xFFFF);
    token.source_offset = static_cast<uint32_t>(out.text.size());
    token.source_length = static_cast<uint16_t>(source.size());
    out.text += source;
    token.first_spelling = static_cast<uint16_t>(out.spellings.size());
    for (const auto& [text, origin] : t.spellings) {
      if (token.spelling_count == 255) break;
      NameSpelling s;
      s.offset = static_cast<uint32_t>(out.text.size());
      s.length = static_cast<uint8_t>(std::min<size_t>(text.size(), 255));
      s.origin = origin;
      for (size_t k = 0; k < s.length; ++k) {
        const char c = text[k];
        if (c >= 'a' && c <= 'z') s.letters |= 1u << (c - 'a');
        else if (c >= '0' && c <= '9') s.letters |= 1u << 26;
      }
      out.text.append(text, 0, s.length);
      out.spellings.push_back(s);
      ++token.spelling_count;
    }
    out.tokens.push_back(token);
  }
  return out;
}

}  // namespace sargs
