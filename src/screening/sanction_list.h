// SanctionList: one sanctions list (EU, UN, OFAC or the Latvian national
// list) in the single shape that screening works on.
//
// Each official list has its own format and its own vocabulary: the UN grades
// aliases "Good"/"Low", the EU marks them strong="true"/"false", OFAC keeps
// weak aliases in the free-text remarks of its CSV files. The parsers
// (un_list.h, eu_list.h, ofac_list.h, lv_list.h) translate all of that into
// these plain structs, so that normalisation, the index and the matcher never
// learn which list a name came from. Whatever a list says that the model has
// no field for stays readable in `remarks`.
//
// The lower half of this header holds the small helpers that every parser
// shares (reading a file, line numbers for XML nodes, country names to ISO
// codes, partial birth dates); screening code outside the parsers should not
// need them.
//
// Thread safety: plain values; the helpers are pure functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/result.h"

namespace pugi {
class xml_document;
class xml_node;
}  // namespace pugi

namespace sargs {

enum class EntityType : uint8_t { kPerson, kOrganisation, kVessel, kAircraft, kOther };
const char* ToString(EntityType type);

// Lists grade their aliases. A weak alias ("Low quality" at the UN, strong="false"
// in the EU file, the aliases in OFAC's remarks) is one the list itself says is
// too vague to identify anybody alone: the matcher must not raise a hit on it
// without other evidence.
enum class NameStrength : uint8_t { kStrong, kWeak };

// kPrimary is the name the list files the entry under (exactly one per
// entity, first in `names`). A former name (OFAC "f.k.a.", UN "f.k.a.") is
// still screened: payments keep arriving under old company names.
enum class NameKind : uint8_t { kPrimary, kAlias, kFormer };

struct SanctionName {
  std::string full;  // as the list writes it, whitespace collapsed; never empty
  // The parts, only when the list says which part is which (EU, OFAC "LAST,
  // First", LV). The UN numbers its parts FIRST_NAME..FOURTH_NAME without
  // saying which is the family name, so its parts stay empty.
  std::string first, middle, last;
  std::string title;  // "Dr", "Haji", ... when the list gives it
  NameKind kind = NameKind::kPrimary;
  NameStrength strength = NameStrength::kStrong;
  // The name is written in a non-Latin script (Arabic, Cyrillic, Chinese ...):
  // screening transliterates it instead of folding accents.
  bool original_script = false;
  std::string language;  // ISO 639-1, lower case, when the list says ("ru")

  bool operator==(const SanctionName&) const = default;
};

// How exact a birth date is. Granularity is separate: a date with month 0 is
// known to the year only, whatever its precision.
enum class DatePrecision : uint8_t {
  kExact,          // UN EXACT, EU circa="false", OFAC "DOB 12 Jan 1960"
  kApproximately,  // UN APPROXIMATELY, EU circa="true", OFAC "DOB circa 1960"
  kBetween,        // UN BETWEEN, EU yearRangeFrom/To, OFAC "DOB 1960 to 1962"
};

struct BirthDate {
  int year = 0;
  int month = 0;  // 1-12; 0 = not known
  int day = 0;    // 1-31; 0 = not known
  // The end of the range for kBetween (inclusive, same rules for 0); all zero otherwise.
  int to_year = 0, to_month = 0, to_day = 0;
  DatePrecision precision = DatePrecision::kExact;

  // "1960-01-12", "1960-01", "1960"; "~" in front when approximate;
  // "1960..1962" for a range.
  std::string ToString() const;
  bool operator==(const BirthDate&) const = default;
};

// A country as a list names it. Lists write names ("Iran (Islamic Republic
// of)", "Korea, North"), codes, or things that are no country ("former
// Soviet Union"): `iso2` is empty when the text could not be mapped, and
// `text` keeps what the list wrote either way, so nothing is lost.
struct CountryRef {
  std::string iso2;  // ISO 3166-1 alpha-2 (plus XK), upper case; empty when unknown
  std::string text;

  bool operator==(const CountryRef&) const = default;
};

struct SanctionIdentifier {
  std::string type;    // as the list names it: "Passport", "National ID No.", "IMO"
  std::string number;  // as written (spaces and dots kept: lists are inconsistent)
  CountryRef country;  // issuing country, when given
  std::string note;    // issue/expiry dates and other text that came with it
};

struct SanctionAddress {
  std::string text;  // the address lines joined with ", " (without the country)
  CountryRef country;
};

struct SanctionEntity {
  std::string source;     // "eu", "un", "ofac", "lv"
  std::string entity_id;  // the list's own key: UN REFERENCE_NUMBER, EU logicalId, OFAC ent_num/uid, LV Id
  // A second key the list gives: UN DATAID, EU euReferenceNumber; empty otherwise.
  std::string secondary_id;
  EntityType type = EntityType::kOther;
  std::vector<SanctionName> names;  // names[0] is the primary name
  std::vector<BirthDate> birth_dates;
  std::vector<std::string> birth_places;
  // Nationality and citizenship together: the lists do not use the two words
  // consistently (the EU's "citizenship" is the UN's "NATIONALITY").
  std::vector<CountryRef> nationalities;
  std::vector<SanctionIdentifier> identifiers;
  std::vector<SanctionAddress> addresses;
  std::vector<std::string> programmes;  // "DPRK", "SDGT", "UKR" ...
  std::vector<std::string> positions;   // functions and designations ("Minister of ...")
  std::optional<Date> listed_on;
  std::string remarks;
  int line = 0;  // where the entity starts in its file, for explanations
};

struct SanctionList {
  std::string source;  // "eu", "un", "ofac", "lv"
  // The publication or generation date the file states, as written
  // ("2026-02-27T00:00:09.554Z"); empty when the format has none (OFAC CSV).
  std::string version;
  std::vector<SanctionEntity> entities;
};

// ---------------------------------------------------------------------------
// Shared by the list parsers.

// The whole file. Errors name the path.
Result<std::string> ReadListFile(const std::string& path);

// Line and column (1-based, column in bytes) of a byte offset into a text.
// Built once per file, so that every entity can carry its line cheaply.
class TextLines {
 public:
  explicit TextLines(std::string_view text);
  Location At(std::string_view file, size_t offset) const;

 private:
  std::vector<size_t> starts_;  // offset of each line's first byte
};

// An XML text being parsed: its name for errors and its line table.
struct XmlSource {
  std::string file;
  TextLines lines;

  XmlSource(std::string_view file_name, std::string_view text) : file(file_name), lines(text) {}
  // Where `node` starts. `node` must belong to a document loaded from the text.
  Location At(const pugi::xml_node& node) const;
  // "<element>: message" at the node's line.
  tl::unexpected<Error> Fail(const pugi::xml_node& node, std::string message) const;
};

// Parses `text` into `doc`. A malformed document gives an Error at the line
// and column where pugixml gave up.
Result<void> LoadXml(pugi::xml_document& doc, std::string_view text, const XmlSource& source);

// The element name without its namespace prefix: the lists have moved
// between namespaces over the years (OFAC's tempuri.org, EU's fsd/export),
// so parsers match local names only.
std::string_view LocalName(const pugi::xml_node& node);
// The first child element with local name `name`, or a null node.
pugi::xml_node ChildElement(const pugi::xml_node& node, std::string_view name);
// The text of the first child element with local name `name`, whitespace
// collapsed ("" when absent).
std::string ChildText(const pugi::xml_node& node, std::string_view name);
// The node's own text, whitespace collapsed.
std::string NodeText(const pugi::xml_node& node);
// An attribute's value (matched by local name), whitespace collapsed.
std::string AttributeText(const pugi::xml_node& node, std::string_view name);

// Trims and collapses runs of whitespace (line breaks inside UN elements) to one space.
std::string CollapseWhitespace(std::string_view text);

// True when the text contains letters of a non-Latin script (Greek,
// Cyrillic, Arabic, CJK ...); accented Latin letters do not count.
bool HasNonLatinLetters(std::string_view utf8);

// Maps a country as a list writes it (an ISO alpha-2 code, a short or
// official English name, OFAC's "Korea, North", the UN's "Iran (Islamic
// Republic of)") to a CountryRef; unknown text keeps an empty code.
CountryRef MapCountry(std::string_view text);

// A plausible birth-date part: year 1800..2100, month 0..12, day 0..31 and
// a real calendar day when all three are known.
bool IsValidPartialDate(int year, int month, int day);
// "YYYY-MM-DD", "YYYY-MM" or "YYYY" into year/month/day (0 for missing parts).
bool ParsePartialIsoDate(std::string_view text, int& year, int& month, int& day);
// The first ten characters "YYYY-MM-DD" of a date that may carry a time or
// an offset ("2015-04-07-04:00", "2024-01-01T00:00:00").
std::optional<Date> ParseLeadingIsoDate(std::string_view text);

}  // namespace sargs
