#include "screening/name_scorer.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "screening/name_jaro.h"
#include "screening/name_phonetic.h"

namespace sargs {

const char* TokenMatchKindName(TokenMatchKind kind) {
  switch (kind) {
    case TokenMatchKind::kExact: return "exact";
    case TokenMatchKind::kFuzzy: return "fuzzy";
    case TokenMatchKind::kInitial: return "initial";
    case TokenMatchKind::kJoined: return "joined";
    case TokenMatchKind::kAcronym: return "acronym";
    case TokenMatchKind::kMismatch: return "mismatch";
    case TokenMatchKind::kQueryExtra: return "query only";
    case TokenMatchKind::kListExtra: return "list only";
  }
  return "?";
}

const char* FactAdjustmentKindName(FactAdjustmentKind kind) {
  switch (kind) {
    case FactAdjustmentKind::kBirthDateExact: return "same date of birth";
    case FactAdjustmentKind::kBirthDateInRange: return "date of birth within the list's range";
    case FactAdjustmentKind::kBirthDateNearMiss: return "date of birth nearly the same";
    case FactAdjustmentKind::kBirthYearMismatch: return "different year of birth";
    case FactAdjustmentKind::kNationalityMatch: return "shared nationality";
    case FactAdjustmentKind::kNationalityMismatch: return "no shared nationality";
    case FactAdjustmentKind::kIdentifierMatch: return "same identifier";
  }
  return "?";
}

namespace {

// Token-level comparison works on at most this many tokens per side, so that
// every buffer of the hot path has a fixed size on the stack.
constexpr int kMaxTokens = 24;
// Candidate pairs: singles plus joined and acronym pairs, which are pruned
// hard (first letter, length), so four per single is generous.
constexpr int kMaxCandidates = kMaxTokens * kMaxTokens * 2;
// One token against at most this many adjacent tokens written together.
constexpr int kMaxJoin = 3;
// The similarity from which a token and a run written together count.
constexpr float kJoinedSimilarity = 0.85f;

struct Candidate {
  float similarity;
  uint8_t q_first, q_count, l_first, l_count;
  uint8_t q_spelling, l_spelling;
  TokenMatchKind kind;
};

// Tokens that may be part of a run written together: name parts, particles
// ("van der bilt"), and a legal form at the end ("SiemensAG").
bool Joinable(const NormalizedName& name, int first, int count) {
  for (int k = first; k < first + count; ++k) {
    const NameTokenKind kind = name.tokens[k].kind;
    const bool last = k == first + count - 1;
    if (kind == NameTokenKind::kName || kind == NameTokenKind::kParticle) continue;
    if (last && k > first && kind == NameTokenKind::kLegalForm) continue;
    return false;
  }
  return true;
}

struct PairSimilarity {
  float similarity = 0;
  uint8_t q_spelling = 0, l_spelling = 0;
  TokenMatchKind kind = TokenMatchKind::kFuzzy;
};

// The position of the bin/ibn/bint in a name with exactly one, or -1:
// tokens before it are the person's own names, tokens after it the
// father's line. A name with two ("Mohamed ben Belgacem ben Hamid") or one
// written surname first ("Al Ben Ali, Isa Ben Tarif") has no single
// dividing point, and the rule stays out of it.
int PatronymicMarker(const NormalizedName& name, int size) {
  int marker = -1;
  for (int k = 0; k < size; ++k) {
    if (name.tokens[k].kind != NameTokenKind::kParticle) continue;
    const std::string_view p = name.Primary(k);
    if (p != "bin" && p != "ibn" && p != "bint" && p != "ben") continue;
    if (marker >= 0 || k == 0 || k == size - 1) return -1;
    marker = k;
  }
  return marker;
}

PairSimilarity CompareTokens(const NormalizedName& q, int i, const NormalizedName& l, int j,
                             const NameScorerOptions& options) {
  PairSimilarity best;
  const NameTokenKind qk = q.tokens[i].kind, lk = l.tokens[j].kind;
  const std::string_view qp = q.Primary(i), lp = l.Primary(j);
  const bool q_initial = qk == NameTokenKind::kInitial, l_initial = lk == NameTokenKind::kInitial;
  if (q_initial || l_initial) {
    if (qp == lp) {
      best.similarity = 1;
      best.kind = TokenMatchKind::kExact;
    } else if (q_initial != l_initial && !qp.empty() && !lp.empty() && qp[0] == lp[0] &&
               (q_initial ? lk : qk) == NameTokenKind::kName) {
      best.similarity = options.initial_similarity;
      best.kind = TokenMatchKind::kInitial;
    }
    return best;
  }
  // Legal forms and numbers are canonical: equal or not. A fuzzy "LLC" ~
  // "LLP" or "2004" ~ "2005" would be noise.
  const bool q_exact_only = qk == NameTokenKind::kLegalForm || qk == NameTokenKind::kNumber;
  const bool l_exact_only = lk == NameTokenKind::kLegalForm || lk == NameTokenKind::kNumber;
  const NameToken& qtok = q.tokens[i];
  const NameToken& ltok = l.tokens[j];
  const bool same_script = qtok.script == ltok.script && qtok.script != NameScript::kLatin;
  // Two words in Han or Hangul romanised alike differ by whole syllables:
  // 习近平 and 习近朋 are different people, only equal text counts.
  const bool exact_only = q_exact_only || l_exact_only || (same_script && qtok.script == NameScript::kCjk);
  const TypoRule rule = same_script ? TypoRule::kStrict : TypoRule::kForgive;
  // Pairs at or below this similarity are dropped by the caller, so the
  // bounded similarity need not compute them. A shared skeleton can still
  // lift a pair from the gate, so the gate is the bar then.
  // Only across scripts: between two Latin spellings the vowels carry the
  // name (Olga / Oleg, Marcos / Marquez share a skeleton), while a word
  // romanised from Arabic script has lost them.
  const bool phonetic = qk == NameTokenKind::kName && lk == NameTokenKind::kName && !same_script &&
                        (qtok.script == NameScript::kArabic || ltok.script == NameScript::kArabic) &&
                        qtok.phonetic_key != 0 && qtok.phonetic_key == ltok.phonetic_key &&
                        PhoneticKeyLength(qtok.phonetic_key) >= 3;
  const float bar = phonetic ? std::min(options.phonetic_gate, options.similarity_floor) : options.similarity_floor;
  const auto qs = q.Spellings(i);
  const auto ls = l.Spellings(j);
  // Equal spellings first: a transliteration or an ending that makes the
  // two tokens the same word settles the pair before any fuzzy measure of
  // the spellings before it is computed.
  for (size_t a = 0; a < qs.size(); ++a) {
    if (qs[a].origin == SpellingOrigin::kNickname) continue;
    for (size_t b = 0; b < ls.size(); ++b) {
      if (qs[a].length != ls[b].length || qs[a].letters != ls[b].letters ||
          ls[b].origin == SpellingOrigin::kNickname || q.SpellingText(qs[a]) != l.SpellingText(ls[b])) {
        continue;
      }
      best.similarity = 1;
      best.q_spelling = static_cast<uint8_t>(a);
      best.l_spelling = static_cast<uint8_t>(b);
      best.kind = TokenMatchKind::kExact;
      return best;
    }
  }
  for (size_t a = 0; a < qs.size(); ++a) {
    const std::string_view qt = q.SpellingText(qs[a]);
    const bool q_nickname = qs[a].origin == SpellingOrigin::kNickname;
    for (size_t b = 0; b < ls.size(); ++b) {
      const std::string_view lt = l.SpellingText(ls[b]);
      const bool nickname = q_nickname || ls[b].origin == SpellingOrigin::kNickname;
      // Two short forms of the same name meet only through a full name.
      if (q_nickname && ls[b].origin == SpellingOrigin::kNickname) continue;
      float s;
      if (qt == lt) {
        s = nickname ? options.nickname_similarity : 1.0f;
      } else if (exact_only || nickname) {
        s = 0;
      } else {
        s = BoundedTokenSimilarity(qt, lt, qs[a].letters, ls[b].letters, std::max(bar, best.similarity), rule);
      }
      if (s > best.similarity) {
        best.similarity = s;
        best.q_spelling = static_cast<uint8_t>(a);
        best.l_spelling = static_cast<uint8_t>(b);
        if (s == 1) {
          best.kind = TokenMatchKind::kExact;
          return best;
        }
      }
    }
  }
  if (phonetic && best.similarity >= options.phonetic_gate && best.similarity < options.phonetic_similarity) {
    best.similarity = options.phonetic_similarity;
  }
  return best;
}

// Appends the primary spellings of tokens [first, first + count) to `out`
// (a buffer of kMaxTokenLength bytes); false if they do not fit.
bool JoinPrimaries(const NormalizedName& name, int first, int count, char* out, int* length) {
  int n = 0;
  for (int k = first; k < first + count; ++k) {
    const std::string_view p = name.Primary(k);
    if (n + static_cast<int>(p.size()) > kMaxTokenLength) return false;
    std::copy(p.begin(), p.end(), out + n);
    n += static_cast<int>(p.size());
  }
  *length = n;
  return true;
}

// Single token `single` of `a` against runs of 2..kMaxJoin adjacent tokens of
// `b`: the same word written together and apart, and acronyms.
template <typename Emit>
void JoinedCandidates(const NormalizedName& a, int single, const NormalizedName& b, int b_size,
                      const NameScorerOptions& options, Emit emit) {
  const NameTokenKind kind = a.tokens[single].kind;
  if (kind != NameTokenKind::kName && kind != NameTokenKind::kNumber) return;
  const std::string_view word = a.Primary(single);
  if (word.empty()) return;
  const int wl = static_cast<int>(word.size());
  const auto spellings = a.Spellings(single);
  char buffer[kMaxTokenLength];
  for (int first = 0; first < b_size; ++first) {
    // Acronym: "jc" against "jean claude", "pla" against "people liberation army".
    if (kind == NameTokenKind::kName && wl >= 2 && wl <= 5 && first + wl <= b_size) {
      bool initials = true;
      for (int k = 0; k < wl && initials; ++k) {
        const std::string_view p = b.Primary(first + k);
        initials = !p.empty() && p[0] == word[k] && b.tokens[first + k].kind == NameTokenKind::kName;
      }
      if (initials) emit(options.acronym_similarity, first, wl, 0, TokenMatchKind::kAcronym);
    }
    for (int count = 2; count <= kMaxJoin && first + count <= b_size; ++count) {
      if (!Joinable(b, first, count)) break;
      // First letter and length decide most runs before any copying.
      const std::string_view head = b.Primary(first);
      if (head.empty()) break;
      int run_length = 0;
      for (int k = first; k < first + count; ++k) run_length += static_cast<int>(b.Primary(k).size());
      bool possible = false;
      for (size_t s = 0; s < spellings.size() && !possible; ++s) {
        const std::string_view text = a.SpellingText(spellings[s]);
        const int tl = static_cast<int>(text.size());
        possible = !text.empty() && text[0] == head[0] && run_length <= tl + std::max(2, tl / 4) &&
                   run_length >= tl - std::max(2, tl / 4);
      }
      if (!possible) continue;
      int length = 0;
      if (!JoinPrimaries(b, first, count, buffer, &length)) break;
      const std::string_view joined(buffer, length);
      uint32_t joined_letters = 0;
      for (int k = first; k < first + count; ++k) joined_letters |= b.spellings[b.tokens[k].first_spelling].letters;
      float best = 0;
      uint8_t best_spelling = 0;
      for (size_t s = 0; s < spellings.size(); ++s) {
        const std::string_view text = a.SpellingText(spellings[s]);
        const int tl = static_cast<int>(text.size());
        if (text.empty() || text[0] != joined[0]) continue;
        if (length > tl + std::max(2, tl / 4) || length < tl - std::max(2, tl / 4)) continue;
        // Joining is a second guess: only a close fit counts, so the
        // bounded measure may stop at the bar.
        const float sim = BoundedTokenSimilarity(text, joined, spellings[s].letters, joined_letters,
                                                 std::max(best, kJoinedSimilarity));
        if (sim > best) {
          best = sim;
          best_spelling = static_cast<uint8_t>(s);
        }
      }
      if (best >= kJoinedSimilarity) emit(best, first, count, best_spelling, TokenMatchKind::kJoined);
    }
  }
}

// A number or a place: words that tell members of a family of names apart
// (Fund VIII / Fund IX, Santander México / Santander Chile).
// Only the list side's places count: a listed "Santander México" does not
// make its parent a hit, but a client "Deutsche Bank (Schweiz)" is a
// subsidiary of a listed "Deutsche Bank", which sanctions reach as well.
bool IsQualifier(const NameToken& token, bool listed) {
  return token.kind == NameTokenKind::kNumber || (listed && token.place);
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

// Whether two different spellings are short words that differ in a
// consonant: other names more often than typos (Zarina / Marina, Marta /
// Martha, Elina / Elia, Tele2 / Tele). Spellings that differ only in their
// vowels are how romanisations differ (Osama / Usama, Laden / Ladin, Qaeda /
// Qaida) and do not count.
bool ShortLookalike(std::string_view a, std::string_view b) {
  if (std::max(a.size(), b.size()) > 6) return false;
  size_t i = 0, j = 0;
  while (true) {
    while (i < a.size() && IsVowel(a[i])) ++i;
    while (j < b.size() && IsVowel(b[j])) ++j;
    if (i == a.size() || j == b.size()) return i != a.size() || j != b.size();
    if (a[i] != b[j]) return true;
    ++i;
    ++j;
  }
}

// What a token left over on both sides weighs as a disagreement: its
// weight, except that a name part counts in full however common it is.
float DisagreementWeight(const NameToken& token) {
  return token.kind == NameTokenKind::kName ? std::max(token.weight, 1.0f) : token.weight;
}

float Evidence(float similarity, float floor, float full) {
  if (similarity >= full) return 1;
  if (similarity <= floor) return 0;
  return (similarity - floor) / (full - floor);
}

}  // namespace

NameScorer::NameScorer(NameScorerOptions options) : options_(options) {}

template <bool kExplain>
float NameScorer::Compute(const NormalizedName& q, const NormalizedName& l,
                          std::vector<TokenMatch>* matches) const {
  const int n = std::min<int>(q.size(), kMaxTokens);
  const int m = std::min<int>(l.size(), kMaxTokens);
  if (n == 0 || m == 0) return 0;

  std::array<Candidate, kMaxCandidates> candidates;
  int count = 0;
  const auto add = [&](const Candidate& c) {
    if (count < kMaxCandidates) candidates[count++] = c;
  };
  const int q_marker = PatronymicMarker(q, n), l_marker = PatronymicMarker(l, m);
  const bool chains = q_marker >= 0 && l_marker >= 0;
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < m; ++j) {
      PairSimilarity p = CompareTokens(q, i, l, j, options_);
      if (chains && i != q_marker && j != l_marker && (i < q_marker) != (j < l_marker)) {
        p.similarity *= options_.patronymic_cross_factor;
      }
      if (p.similarity <= options_.similarity_floor) continue;
      add(Candidate{p.similarity, static_cast<uint8_t>(i), 1, static_cast<uint8_t>(j), 1, p.q_spelling,
                    p.l_spelling, p.kind});
    }
  }
  for (int i = 0; i < n; ++i) {
    JoinedCandidates(q, i, l, m, options_,
                     [&](float s, int first, int run, uint8_t spelling, TokenMatchKind kind) {
                       add(Candidate{s, static_cast<uint8_t>(i), 1, static_cast<uint8_t>(first),
                                     static_cast<uint8_t>(run), spelling, 0, kind});
                     });
  }
  for (int j = 0; j < m; ++j) {
    JoinedCandidates(l, j, q, n, options_,
                     [&](float s, int first, int run, uint8_t spelling, TokenMatchKind kind) {
                       add(Candidate{s, static_cast<uint8_t>(first), static_cast<uint8_t>(run),
                                     static_cast<uint8_t>(j), 1, 0, spelling, kind});
                     });
  }
  // Best first; among equals the pair covering more tokens, so that
  // "MOHAMMADHASNI" takes "MOHAMMAD HASNI" whole rather than half of it.
  std::sort(candidates.begin(), candidates.begin() + count, [](const Candidate& a, const Candidate& b) {
    if (a.similarity != b.similarity) return a.similarity > b.similarity;
    return a.q_count + a.l_count > b.q_count + b.l_count;
  });

  std::array<bool, kMaxTokens> q_used{}, l_used{};
  float numerator = 0, denominator = 0;
  // The weight of the pairs that agree in spelling and of those that only
  // resemble each other, for the cost of list name parts the query lacks.
  float certain = 0, uncertain = 0;
  for (int c = 0; c < count; ++c) {
    const Candidate& cand = candidates[c];
    bool free = true;
    for (int k = cand.q_first; k < cand.q_first + cand.q_count && free; ++k) free = !q_used[k];
    for (int k = cand.l_first; k < cand.l_first + cand.l_count && free; ++k) free = !l_used[k];
    if (!free) continue;
    float wq = 0, wl = 0;
    for (int k = cand.q_first; k < cand.q_first + cand.q_count; ++k) {
      q_used[k] = true;
      wq += q.tokens[k].weight;
    }
    for (int k = cand.l_first; k < cand.l_first + cand.l_count; ++k) {
      l_used[k] = true;
      wl += l.tokens[k].weight;
    }
    const float weight = 0.5f * (wq + wl);
    const float evidence = Evidence(cand.similarity, options_.similarity_floor, options_.similarity_full);
    const float shortfall =
        options_.fuzzy_mismatch_share * std::max(0.0f, options_.mismatch_weight - 1) * (1 - evidence);
    numerator += weight * evidence;
    denominator += weight * (1 + shortfall);
    if (cand.similarity >= 1) {
      certain += weight;
    } else if (cand.kind == TokenMatchKind::kFuzzy && cand.q_count == 1 && cand.l_count == 1 &&
               ShortLookalike(q.SpellingText(q.Spellings(cand.q_first)[cand.q_spelling]),
                              l.SpellingText(l.Spellings(cand.l_first)[cand.l_spelling]))) {
      uncertain += weight;
    }
    if constexpr (kExplain) {
      TokenMatch match;
      match.kind = cand.kind == TokenMatchKind::kFuzzy && cand.similarity >= 1 ? TokenMatchKind::kExact
                                                                               : cand.kind;
      match.query_first = cand.q_first;
      match.query_count = cand.q_count;
      match.list_first = cand.l_first;
      match.list_count = cand.l_count;
      match.query_spelling = cand.q_spelling;
      match.list_spelling = cand.l_spelling;
      match.similarity = cand.similarity;
      match.weight = weight * (1 + shortfall);
      matches->push_back(match);
    }
  }
  // A number only one side has is a disagreement, not an extra word:
  // "Fund VIII" and "Fund", "Management Company 23" and "Management
  // Company" are different funds and companies.
  // Two different numbers (a fund's VII and VIII) are left over on both
  // sides and counted as any other disagreement.
  // Places are qualifiers like numbers: "Banco Santander México" and
  // "Banco Santander" are two banks of one group.
  float q_left = 0, l_left = 0, q_numbers = 0, l_numbers = 0;
  // The same left-overs with every name part at full weight (DisagreementWeight).
  float q_left_full = 0, l_left_full = 0;
  for (int i = 0; i < n; ++i) {
    if (q_used[i]) continue;
    if (IsQualifier(q.tokens[i], false)) {
      q_numbers += q.tokens[i].weight;
    } else {
      q_left += q.tokens[i].weight;
      q_left_full += DisagreementWeight(q.tokens[i]);
    }
  }
  for (int j = 0; j < m; ++j) {
    if (l_used[j]) continue;
    if (IsQualifier(l.tokens[j], true)) {
      l_numbers += l.tokens[j].weight;
    } else {
      l_left += l.tokens[j].weight;
      l_left_full += DisagreementWeight(l.tokens[j]);
    }
  }
  const bool lone_numbers = (q_numbers > 0) != (l_numbers > 0);
  if (!lone_numbers) {
    q_left += q_numbers;
    l_left += l_numbers;
    q_left_full += q_numbers;
    l_left_full += l_numbers;
  } else {
    denominator += options_.mismatch_weight * (q_numbers + l_numbers);
  }
  // What is left on both sides disagrees; only the surplus on one side is
  // "extra". The shares are continuous in the weights, so a left-over title
  // (weight 0.05) against a left-over surname counts as 0.05 of mismatch.
  // A disagreement counts name parts at full weight: that many people share
  // a Mohamed makes an agreement on it weak evidence, but Mohamed against
  // Ahmed is as much a different person as any other pair of names.
  const float mismatch = std::min(q_left_full, l_left_full);
  const float shared_left = std::min(q_left, l_left);
  const float q_extra = q_left - shared_left, l_extra = l_left - shared_left;
  // A list name part the query lacks is cheap when what the query does hold
  // agrees letter for letter (a client gives two of a listed person's four
  // names), and costs more the more of the agreement is only resemblance:
  // two fuzzy name parts out of a list name of four are a coincidence of
  // the kind a long list produces every day (Laura Zariņa / Aura Cecilia
  // Grajales Marin).
  const float uncertain_share = certain + uncertain > 0 ? uncertain / (certain + uncertain) : 0;
  const float list_extra_weight =
      options_.list_extra_weight +
      uncertain_share * std::max(0.0f, options_.uncertain_list_extra_weight - options_.list_extra_weight);
  denominator += options_.mismatch_weight * mismatch + options_.query_extra_weight * q_extra +
                 list_extra_weight * l_extra;
  if constexpr (kExplain) {
    // The left-over mass is spread over the left-over tokens so that the
    // weights of an explanation add up to the score's denominator: the
    // mismatch is booked on the query side, the surpluses on their sides.
    const bool both = q_left > 0 && l_left > 0;
    const TokenMatchKind q_kind = both ? TokenMatchKind::kMismatch : TokenMatchKind::kQueryExtra;
    const TokenMatchKind l_kind = both ? TokenMatchKind::kMismatch : TokenMatchKind::kListExtra;
    for (int i = 0; i < n; ++i) {
      if (q_used[i]) continue;
      TokenMatch match;
      match.query_first = static_cast<uint8_t>(i);
      match.query_count = 1;
      if (lone_numbers && IsQualifier(q.tokens[i], false)) {
        match.kind = TokenMatchKind::kMismatch;
        match.weight = options_.mismatch_weight * q.tokens[i].weight;
      } else {
        match.kind = q_kind;
        match.weight = q_left > 0 ? q.tokens[i].weight * options_.query_extra_weight * q_extra / q_left : 0;
        if (q_left_full > 0) {
          match.weight += DisagreementWeight(q.tokens[i]) * options_.mismatch_weight * mismatch / q_left_full;
        }
      }
      matches->push_back(match);
    }
    for (int j = 0; j < m; ++j) {
      if (l_used[j]) continue;
      TokenMatch match;
      match.list_first = static_cast<uint8_t>(j);
      match.list_count = 1;
      if (lone_numbers && IsQualifier(l.tokens[j], true)) {
        match.kind = TokenMatchKind::kMismatch;
        match.weight = options_.mismatch_weight * l.tokens[j].weight;
      } else {
        match.kind = l_kind;
        match.weight = l.tokens[j].weight * list_extra_weight * l_extra / l_left;
      }
      matches->push_back(match);
    }
  }
  if (denominator <= 0) return 0;
  return std::clamp(numerator / denominator, 0.0f, 1.0f);
}

float NameScorer::Score(const NormalizedName& query, const NormalizedName& listed) const {
  return Compute<false>(query, listed, nullptr);
}

NameScoreExplanation NameScorer::Explain(const NormalizedName& query, const NormalizedName& listed) const {
  NameScoreExplanation out;
  out.score = Compute<true>(query, listed, &out.matches);
  return out;
}

namespace {

std::string CanonicalIdentifier(std::string_view id) {
  std::string out;
  for (char c : id) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) out += c;
  }
  return out;
}

enum class DateRelation { kUnknown, kExact, kInRange, kNearMiss, kMismatch };

// How a query date relates to a list date, which may be a year, a month or
// a range of years.
DateRelation CompareDates(const PartyBirthDate& q, const PartyBirthDate& l) {
  if (q.year == 0 || l.year == 0) return DateRelation::kUnknown;
  const int q_from = q.year, q_to = std::max(q.year, q.year_to);
  const int l_from = l.year, l_to = std::max(l.year, l.year_to);
  if (q_to < l_from - 1 || q_from > l_to + 1) return DateRelation::kMismatch;
  if (q_to < l_from || q_from > l_to) return DateRelation::kNearMiss;
  // Years overlap. Month and day only mean something for a single year.
  if (q_from != q_to || l_from != l_to || q.year != l.year) return DateRelation::kInRange;
  if (q.month != 0 && l.month != 0 && q.month != l.month) return DateRelation::kNearMiss;
  if (q.day != 0 && l.day != 0 && q.day != l.day) return DateRelation::kNearMiss;
  if (q.month != 0 && q.month == l.month && q.day != 0 && q.day == l.day) return DateRelation::kExact;
  return DateRelation::kInRange;
}

}  // namespace

float NameScorer::AdjustForFacts(float s, const PartyFacts& query, const PartyFacts& listed,
                                 std::vector<FactAdjustment>* adjustments) const {
  const auto record = [&](FactAdjustmentKind kind, float before, float after) {
    if (adjustments) adjustments->push_back(FactAdjustment{kind, before, after});
  };
  // Raise towards 1 by `share` of the distance left, but in proportion to
  // how good the name already is: facts confirm a name match, they do not
  // make one.
  const auto raise = [&](float share) {
    const float confidence = std::min(1.0f, s / 0.7f);
    return s + share * (1 - s) * confidence * confidence;
  };

  // Birth dates: the best relation over all pairs (lists give several).
  DateRelation best = DateRelation::kUnknown;
  const auto rank = [](DateRelation r) {
    switch (r) {
      case DateRelation::kExact: return 4;
      case DateRelation::kInRange: return 3;
      case DateRelation::kNearMiss: return 2;
      case DateRelation::kMismatch: return 1;
      case DateRelation::kUnknown: return 0;
    }
    return 0;
  };
  for (const PartyBirthDate& qd : query.birth_dates) {
    for (const PartyBirthDate& ld : listed.birth_dates) {
      const DateRelation r = CompareDates(qd, ld);
      if (rank(r) > rank(best)) best = r;
    }
  }
  float before = s;
  switch (best) {
    case DateRelation::kExact:
      s = raise(0.5f);
      record(FactAdjustmentKind::kBirthDateExact, before, s);
      break;
    case DateRelation::kInRange:
      s = raise(0.15f);
      record(FactAdjustmentKind::kBirthDateInRange, before, s);
      break;
    case DateRelation::kNearMiss:
      s *= 0.9f;
      record(FactAdjustmentKind::kBirthDateNearMiss, before, s);
      break;
    case DateRelation::kMismatch:
      // Lists' birth dates are often wrong by years; a name that agrees in
      // every part must stay a hit for an analyst to look at.
      s *= 0.85f;
      record(FactAdjustmentKind::kBirthYearMismatch, before, s);
      break;
    case DateRelation::kUnknown:
      break;
  }

  if (!query.nationalities.empty() && !listed.nationalities.empty()) {
    bool shared = false;
    for (const std::string& a : query.nationalities) {
      for (const std::string& b : listed.nationalities) {
        shared = shared || CanonicalIdentifier(a) == CanonicalIdentifier(b);
      }
    }
    before = s;
    s = shared ? raise(0.1f) : s * 0.95f;
    record(shared ? FactAdjustmentKind::kNationalityMatch : FactAdjustmentKind::kNationalityMismatch,
           before, s);
  }

  for (const std::string& a : query.identifiers) {
    const std::string qa = CanonicalIdentifier(a);
    // Very short "identifiers" (a house number, "1") prove nothing.
    if (qa.size() < 5) continue;
    bool found = false;
    for (const std::string& b : listed.identifiers) found = found || qa == CanonicalIdentifier(b);
    if (found) {
      before = s;
      s = std::max(s, 0.95f + 0.05f * s);
      record(FactAdjustmentKind::kIdentifierMatch, before, s);
      break;
    }
  }
  return std::clamp(s, 0.0f, 1.0f);
}

ScreeningScore NameScorer::ScoreParty(const NormalizedName& query_name, const PartyFacts& query,
                                      const NormalizedName& listed_name, const PartyFacts& listed) const {
  ScreeningScore out;
  out.name = Explain(query_name, listed_name);
  out.score = AdjustForFacts(out.name.score, query, listed, &out.adjustments);
  return out;
}

namespace {

void AppendSide(std::string& out, const NormalizedName& name, int first, int count, int spelling) {
  std::string source, spelled;
  for (int k = first; k < first + count; ++k) {
    if (k > first) source += ' ';
    source += name.Source(k);
  }
  out += source;
  if (count == 1) {
    const auto spellings = name.Spellings(first);
    const NameSpelling& s = spellings[std::min<size_t>(spelling, spellings.size() - 1)];
    out += " → ";
    out += name.SpellingText(s);
    out += " (";
    out += SpellingOriginName(s.origin);
    if (name.tokens[first].kind != NameTokenKind::kName) {
      out += ", ";
      out += NameTokenKindName(name.tokens[first].kind);
    }
    out += ')';
  }
}

}  // namespace

std::string DescribeScore(const NormalizedName& query, const NormalizedName& listed, const ScreeningScore& score) {
  std::string out;
  char number[64];
  std::snprintf(number, sizeof number, "name score %.3f\n", score.name.score);
  out += number;
  for (const TokenMatch& m : score.name.matches) {
    out += "  ";
    if (m.query_count > 0) {
      AppendSide(out, query, m.query_first, m.query_count, m.query_spelling);
    } else {
      out += "-";
    }
    out += "  ~  ";
    if (m.list_count > 0) {
      AppendSide(out, listed, m.list_first, m.list_count, m.list_spelling);
    } else {
      out += "-";
    }
    std::snprintf(number, sizeof number, ": %s %.2f (weight %.2f)\n", TokenMatchKindName(m.kind), m.similarity,
                  m.weight);
    out += number;
  }
  for (const FactAdjustment& a : score.adjustments) {
    std::snprintf(number, sizeof number, "  %.3f → %.3f: ", a.before, a.after);
    out += number;
    out += FactAdjustmentKindName(a.kind);
    out += '\n';
  }
  std::snprintf(number, sizeof number, "score %.3f\n", score.score);
  out += number;
  return out;
}

}  // namespace sargs
