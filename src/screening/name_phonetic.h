// A consonant skeleton of a name token: how the word sounds with the vowels
// and the letters that romanisations disagree about taken out.
//
// Arabic, Persian and Pashto names reach the lists through a dozen
// romanisations that agree on the consonants and little else: Husayn /
// Hussein / Hussain, Qaddafi / Gaddafi / Kadhafi, Usama / Osama. Edit
// distance sees three edits between Husayn and Hussein, so the scorer asks
// a second question: do the two words share the consonant skeleton? And an
// Arabic-script name romanised by ICU has no vowels at all ("frnandw" for
// فرناندو), which only the skeleton can bring back to "Fernando".
//
// The skeleton: digraphs to one consonant (ph→f, kh→k, gh→g, dh→d, th→t,
// sh→s, ch→c); letters that the romanisations swap merged into one class
// (q c k g, z s x, b p, v f w, d t); vowels, h after a letter, y and w
// dropped, except that a word starting with a vowel keeps one vowel mark;
// repeated classes collapsed (Hussein → hsn, Qaddafi → kdf).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sargs {

// The skeleton of a lower-case ASCII token, as a string ("hussein" → "hsn").
std::string PhoneticSkeleton(std::string_view token);

// The skeleton packed into 64 bits for comparison in the scorer's hot path:
// five bits per class, at most twelve classes (longer skeletons are cut),
// and the skeleton's length in the top four bits. 0 for a token without
// consonants.
uint64_t PhoneticKey(std::string_view token);

// The number of classes in a key (its length).
inline int PhoneticKeyLength(uint64_t key) { return static_cast<int>(key >> 60); }

}  // namespace sargs
