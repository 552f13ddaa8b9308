#include "screening/name_phonetic.h"

namespace sargs {

namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// The class of a consonant, or 0 for a letter that is dropped.
char ConsonantClass(char c) {
  switch (c) {
    case 'q': case 'c': case 'k': case 'g': return 'k';
    case 'z': case 's': case 'x': return 's';
    case 'b': case 'p': return 'b';
    case 'v': case 'f': return 'f';
    case 'd': case 't': return 't';
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': case 'w': return 0;
    default: return (c >= 'a' && c <= 'z') ? c : 0;
  }
}

}  // namespace

std::string PhoneticSkeleton(std::string_view token) {
  std::string out;
  if (token.empty()) return out;
  if (IsVowel(token[0])) out += 'a';
  for (size_t i = 0; i < token.size(); ++i) {
    const char c = token[i];
    // An h after a consonant is part of a digraph (kh, sh, th, dh, ph, gh,
    // ch) and an h after a vowel and before a consonant or the end is a
    // lengthening (Ahmed / Ahmad, Abdullah / Abdulla); only a word-initial h
    // or one between vowels is a consonant of its own (Mohammed / Muhamad).
    if (c == 'h' && i > 0 && (!IsVowel(token[i - 1]) || i + 1 == token.size() || !IsVowel(token[i + 1]))) {
      if (token[i - 1] == 'p' && !out.empty()) out.back() = 'f';
      continue;
    }
    const char k = ConsonantClass(c);
    // Repeats collapse even across vowels: romanisations double consonants
    // at will (Hussein / Husayn), and the skeleton has no vowels to keep
    // them apart anyway.
    if (k == 0 || (!out.empty() && out.back() == k)) continue;
    out += k;
  }
  return out;
}

uint64_t PhoneticKey(std::string_view token) {
  const std::string s = PhoneticSkeleton(token);
  if (s.empty() || (s.size() == 1 && s[0] == 'a')) return 0;
  const size_t n = s.size() < 12 ? s.size() : 12;
  uint64_t key = static_cast<uint64_t>(n) << 60;
  for (size_t i = 0; i < n; ++i) key |= static_cast<uint64_t>(s[i] - 'a' + 1) << (5 * i);
  return key;
}

}  // namespace sargs
