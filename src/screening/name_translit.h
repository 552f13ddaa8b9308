// Romanisations of Cyrillic that ICU 72 does not ship: the ICAO Doc 9303
// passport table and the Latvian transcription of Russian names. Both map
// one code point at a time (with the few context rules the schemes define),
// so a table is smaller and faster than an ICU rule set.
//
// ICU does ship BGN/PCGN (Russian-Latin/BGN, Ukrainian-Latin/BGN, ...) and a
// scientific ISO 9 style scheme (Cyrillic-Latin); NameNormalizer uses those.
#pragma once

#include <string>
#include <string_view>

namespace sargs {

// ICAO Doc 9303 part 3 (7th edition, 2015), the table of Cyrillic letters
// used in the machine-readable zone of passports, which Russian passports
// have followed since 2013: Ж→ZH, Х→KH, Ц→TS, Щ→SHCH, Ъ→IE, Й→I, Ю→IU, Я→IA.
// Input is lower-case UTF-8 (case folded); output is lower-case ASCII.
// Characters that are not Cyrillic letters are copied unchanged.
std::string IcaoFromCyrillic(std::string_view utf8);

// The Latvian transcription of Russian (and other Cyrillic) names, as used in
// Latvian documents and press ("Vladimirs Putins", "Sergejs Lavrovs"),
// without the Latvian nominative ending: Ж→ž, Ч→č, Ш→š, Щ→šč, Х→h, Ц→c,
// Й→j, Ю→ju, Я→ja, Ё→jo, Ы→i, Е→je at the start of a word and after a
// vowel. Diacritics are then removed, since the scorer compares ASCII
// ("putin", "lavrov", "pugacova"). The ending is not produced here: Latin
// tokens drop it instead (NameNormalizer), so "Putins" and "Путин" meet at
// "putin".
std::string LatvianFromCyrillic(std::string_view utf8);

}  // namespace sargs
