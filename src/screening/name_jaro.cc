#include "screening/name_jaro.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace sargs {

double JaroWinkler(std::string_view a, std::string_view b) {
  const int la = std::min<int>(a.size(), kMaxTokenLength);
  const int lb = std::min<int>(b.size(), kMaxTokenLength);
  if (la == 0 && lb == 0) return 1.0;
  if (la == 0 || lb == 0) return 0.0;
  const int window = std::max(0, std::max(la, lb) / 2 - 1);
  // kMaxTokenLength is 64: which characters matched fits in one word each.
  static_assert(kMaxTokenLength <= 64);
  uint64_t a_used = 0, b_used = 0;
  int matches = 0;
  for (int i = 0; i < la; ++i) {
    const int lo = std::max(0, i - window), hi = std::min(lb - 1, i + window);
    for (int j = lo; j <= hi; ++j) {
      if (!(b_used >> j & 1) && a[i] == b[j]) {
        a_used |= uint64_t{1} << i;
        b_used |= uint64_t{1} << j;
        ++matches;
        break;
      }
    }
  }
  if (matches == 0) return 0.0;
  int transposed = 0;
  for (int i = 0, j = 0; i < la; ++i) {
    if (!(a_used >> i & 1)) continue;
    while (!(b_used >> j & 1)) ++j;
    if (a[i] != b[j]) ++transposed;
    ++j;
  }
  const double m = matches;
  const double jaro = (m / la + m / lb + (m - transposed / 2) / m) / 3.0;
  int prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] == b[prefix]) ++prefix;
  return jaro + prefix * 0.1 * (1.0 - jaro);
}

namespace {

// Hyyrö's bit-parallel OSA distance (2003, "A bit-vector algorithm for
// computing Levenshtein and Damerau edit distances"), as in RapidFuzz: one
// column of the matrix per machine word, so a token pair costs O(|b|)
// word operations instead of |a|·|b| cells. Tokens of lower-case letters
// only; anything else goes to the plain matrix below.
int BitParallelOsa(std::string_view a, int la, std::string_view b, int lb) {
  uint64_t peq[26] = {};
  for (int i = 0; i < la; ++i) peq[a[i] - 'a'] |= uint64_t{1} << i;
  const uint64_t last = uint64_t{1} << (la - 1);
  uint64_t vp = la == 64 ? ~uint64_t{0} : (uint64_t{1} << la) - 1;
  uint64_t vn = 0, d0 = 0, pm_old = 0;
  int distance = la;
  for (int j = 0; j < lb; ++j) {
    const uint64_t pm = peq[b[j] - 'a'];
    const uint64_t tr = (((~d0) & pm) << 1) & pm_old;
    d0 = (((pm & vp) + vp) ^ vp) | pm | vn | tr;
    const uint64_t hp = vn | ~(d0 | vp);
    const uint64_t hn = d0 & vp;
    if (hp & last) ++distance;
    if (hn & last) --distance;
    const uint64_t x = (hp << 1) | 1;
    vn = x & d0;
    vp = (hn << 1) | ~(x | d0);
    pm_old = pm;
  }
  return distance;
}

bool AllLowerLetters(std::string_view s, int length) {
  for (int i = 0; i < length; ++i) {
    if (s[i] < 'a' || s[i] > 'z') return false;
  }
  return true;
}

}  // namespace

int OsaDistance(std::string_view a, std::string_view b) {
  const int la = std::min<int>(a.size(), kMaxTokenLength);
  const int lb = std::min<int>(b.size(), kMaxTokenLength);
  if (la == 0) return lb;
  if (lb == 0) return la;
  if (AllLowerLetters(a, la) && AllLowerLetters(b, lb)) return BitParallelOsa(a, la, b, lb);
  // Three rolling rows (the transposition looks two rows back), rotated by
  // pointer rather than copied.
  uint8_t rows[3][kMaxTokenLength + 1];
  uint8_t* prev2 = rows[0];
  uint8_t* prev = rows[1];
  uint8_t* cur = rows[2];
  for (int j = 0; j <= lb; ++j) prev[j] = static_cast<uint8_t>(j);
  for (int i = 1; i <= la; ++i) {
    cur[0] = static_cast<uint8_t>(i);
    const char ai = a[i - 1];
    for (int j = 1; j <= lb; ++j) {
      const int cost = ai == b[j - 1] ? 0 : 1;
      int d = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && ai == b[j - 2] && a[i - 2] == b[j - 1]) d = std::min(d, prev2[j - 2] + 1);
      cur[j] = static_cast<uint8_t>(d);
    }
    uint8_t* const oldest = prev2;
    prev2 = prev;
    prev = cur;
    cur = oldest;
  }
  return prev[lb];
}

namespace {

// Words of at most this many letters are short: one edit in them changes a
// fifth of the word or more.
constexpr int kShortWord = 5;

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whether one or two edits between `a` and `b` may be read as a typo.
// Not when a short word differs in its first letter: people rarely mistype
// the letter a name starts with, and short names that differ there are
// usually other names (Laura / Aura, Zarin / Marin, Yarin). Not when only
// one side holds digits either: "Tele2" is a brand of its own, not a typo
// for "Tele".
bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

bool TypoCanExplain(std::string_view a, std::string_view b, int longest) {
  if (longest <= kShortWord && a[0] != b[0] && !(IsVowel(a[0]) && IsVowel(b[0]))) return false;
  return HasDigit(a) == HasDigit(b);
}

}  // namespace

float TokenSimilarity(std::string_view a, std::string_view b) {
  return BoundedTokenSimilarity(a, b, ~0u, ~0u, -1.0f, TypoRule::kForgive);
}

float BoundedTokenSimilarity(std::string_view a, std::string_view b, uint32_t a_letters, uint32_t b_letters,
                             float at_least, TypoRule rule) {
  if (a == b) return 1.0f;
  if (a.empty() || b.empty()) return 0.0f;
  const int longest = std::min<int>(std::max(a.size(), b.size()), kMaxTokenLength);
  const int shortest = std::min<int>(std::min(a.size(), b.size()), kMaxTokenLength);
  // Tokens of very different length cannot be the same word; skip the
  // quadratic work (this prunes most pairs of a candidate list).
  if (shortest * 2 < longest) return 0.0f;
  float jw_bound = 1.0f;  // an upper bound on Jaro-Winkler
  if (at_least >= 0) {
    // Letters only one side has: each needs an edit, and each occurrence
    // of it is a character Jaro cannot match.
    const int a_only = __builtin_popcount(a_letters & ~b_letters);
    const int b_only = __builtin_popcount(b_letters & ~a_letters);
    const int la = std::min<int>(a.size(), kMaxTokenLength), lb = std::min<int>(b.size(), kMaxTokenLength);
    const int min_distance = std::max({la - lb, lb - la, a_only, b_only});
    const int max_matches = std::min(la - a_only, lb - b_only);
    if (max_matches <= 0) return 0.0f;
    const float jaro = (static_cast<float>(max_matches) / la + static_cast<float>(max_matches) / lb + 1.0f) / 3.0f;
    int prefix = 0;
    while (prefix < 4 && prefix < la && prefix < lb && a[prefix] == b[prefix]) ++prefix;
    jw_bound = jaro + prefix * 0.1f * (1.0f - jaro);
    float bound = 0.5f * jw_bound + 0.5f * (1.0f - static_cast<float>(min_distance) / longest);
    if (rule == TypoRule::kForgive) {
      if (min_distance <= 1 && longest >= 5 && (longest > kShortWord || a[0] == b[0] || IsVowel(a[0]))) {
        bound = std::max(bound, 0.92f);
      }
      if (min_distance <= 2 && shortest >= 8) bound = std::max(bound, 0.88f);
    }
    if (bound + 1e-4f <= at_least) return 0.0f;
  }
  // The edit distance first: it is the cheaper measure (bit-parallel), and
  // with Jaro-Winkler at most 1 it often settles the result alone, either
  // below the bar or below the typo floor that replaces the blend.
  const int distance = OsaDistance(a, b);
  const float edit = 1.0f - static_cast<float>(distance) / longest;
  float typo = 0;
  if (rule == TypoRule::kForgive && distance <= 2 && TypoCanExplain(a, b, longest)) {
    if (distance == 1 && longest >= 5) typo = 0.92f;
    // Two edits only between words of eight letters or more on both sides:
    // an eight-letter word two edits from a seven-letter one has lost a
    // third of what they share (Mansouri / Mansoor).
    if (distance == 2 && shortest >= 8) typo = 0.88f;
  }
  const float blend_bound = 0.5f * jw_bound + 0.5f * edit + 1e-4f;
  if (blend_bound <= typo) return typo;
  if (at_least >= 0 && std::max(blend_bound, typo) + 1e-4f <= at_least) return 0.0f;
  const float jw = static_cast<float>(JaroWinkler(a, b));
  return std::max(0.5f * jw + 0.5f * edit, typo);
}

}  // namespace sargs
