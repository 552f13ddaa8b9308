// String similarity between two normalised name tokens (lower-case ASCII, as
// NameNormalizer produces them). These are the innermost loops of screening:
// a portfolio run compares millions of token pairs, so nothing here allocates
// and every function works on stack buffers of at most kMaxTokenLength bytes.
#pragma once

#include <cstdint>
#include <string_view>

namespace sargs {

// Longer tokens are compared on their first kMaxTokenLength bytes. Real name
// parts are far shorter; the cap only bounds the stack buffers.
inline constexpr int kMaxTokenLength = 64;

// Jaro-Winkler similarity in [0, 1] with the usual prefix scale 0.1 over at
// most four leading characters.
double JaroWinkler(std::string_view a, std::string_view b);

// Optimal-string-alignment distance: Levenshtein plus transposition of two
// adjacent characters as one edit ("Schloz" / "Scholz" is one typo, not two).
int OsaDistance(std::string_view a, std::string_view b);

// The similarity of two name tokens in [0, 1], the one number the scorer
// uses. Jaro-Winkler alone is too generous to short tokens ("Pol"/"Pot"
// 0.82) and to long tokens that share a prefix ("Ronaldinho"/"Ronaldo"),
// while edit distance alone ignores that typos cluster at the end of names.
// The blend takes the mean of both and then treats a single edit in a token
// of five or more characters (two edits when both have eight or more) as
// the typo it nearly always is in screening data; not when a word of five
// letters or fewer differs in its first letter, a consonant (Zarin / Marin),
// nor when only one side holds digits (Tele2 / Tele).
float TokenSimilarity(std::string_view a, std::string_view b);

// Whether TokenSimilarity forgives one or two edits as typos.
enum class TypoRule : uint8_t {
  kForgive,  // romanisations by different hands and typed names
  kStrict,   // two words in the same non-Latin script, romanised alike: a
             // different letter there is a different name (Lukashenka /
             // Lukashevich), not a spelling variant
};

// TokenSimilarity, or 0 when a cheap bound shows it cannot exceed
// `at_least`. `a_letters` / `b_letters` are the NameSpelling::letters masks
// of the two tokens: a letter one side has and the other lacks costs at
// least one edit and one Jaro match, which bounds both measures before
// either is computed. Most token pairs a screening run sees are unrelated
// and end there.
float BoundedTokenSimilarity(std::string_view a, std::string_view b, uint32_t a_letters, uint32_t b_letters,
                             float at_least, TypoRule rule = TypoRule::kForgive);

}  // namespace sargs
