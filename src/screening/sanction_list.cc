#include "screening/sanction_list.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <unordered_map>

#include <pugixml.hpp>

#include "reference/reference_data.h"

namespace sargs {

const char* ToString(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "person";
    case EntityType::kOrganisation: return "organisation";
    case EntityType::kVessel: return "vessel";
    case EntityType::kAircraft: return "aircraft";
    case EntityType::kOther: return "other";
  }
  return "other";
}

namespace {

std::string FormatPartialDate(int year, int month, int day) {
  char buf[16];
  if (month == 0) {
    std::snprintf(buf, sizeof buf, "%04d", year);
  } else if (day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  }
  return buf;
}

}  // namespace

std::string BirthDate::ToString() const {
  std::string out = FormatPartialDate(year, month, day);
  switch (precision) {
    case DatePrecision::kExact: return out;
    case DatePrecision::kApproximately: return "~" + out;
    case DatePrecision::kBetween: return out + ".." + FormatPartialDate(to_year, to_month, to_day);
  }
  return out;
}

Result<std::string> ReadListFile(const std::string& path) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return Fail(Location{path, 0, 0}, "", "cannot open file");
  std::string text;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) text.append(buf, n);
  if (std::ferror(f.get())) return Fail(Location{path, 0, 0}, "", "cannot read file");
  return text;
}

TextLines::TextLines(std::string_view text) {
  starts_.push_back(0);
  for (size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) {
    starts_.push_back(i + 1);
  }
}

Location TextLines::At(std::string_view file, size_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const size_t line = static_cast<size_t>(it - starts_.begin());  // >= 1: starts_[0] == 0
  return Location{std::string(file), static_cast<int>(line),
                  static_cast<int>(offset - starts_[line - 1] + 1)};
}

Location XmlSource::At(const pugi::xml_node& node) const {
  const ptrdiff_t offset = node.offset_debug();
  if (offset < 0) return Location{file, 0, 0};
  // offset_debug points at the element's name; the element starts at its '<'.
  return lines.At(file, offset > 0 ? static_cast<size_t>(offset) - 1 : 0);
}

tl::unexpected<Error> XmlSource::Fail(const pugi::xml_node& node, std::string message) const {
  return tl::unexpected<Error>(Error{std::move(message), At(node), std::string(LocalName(node))});
}

Result<void> LoadXml(pugi::xml_document& doc, std::string_view text, const XmlSource& source) {
  // parse_default keeps offsets exact: pugixml normalises strings in place
  // without moving their starts, so offset_debug() stays a byte offset into
  // the original text (the lists are all UTF-8, so no conversion shifts it).
  const pugi::xml_parse_result parsed =
      doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    return tl::unexpected<Error>(Error{std::string("malformed XML: ") + parsed.description(),
                                       source.lines.At(source.file, static_cast<size_t>(parsed.offset)),
                                       ""});
  }
  if (!doc.document_element()) {
    return tl::unexpected<Error>(Error{"no root element", Location{source.file, 1, 1}, ""});
  }
  return {};
}

std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node ChildElement(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c) == name) return c;
  }
  return pugi::xml_node();
}

std::string NodeText(const pugi::xml_node& node) {
  // child_value() is the first text child; CDATA sections count as text too.
  std::string_view v = node.child_value();
  if (v.empty()) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_cdata) return CollapseWhitespace(c.value());
    }
  }
  return CollapseWhitespace(v);
}

std::string ChildText(const pugi::xml_node& node, std::string_view name) {
  pugi::xml_node c = ChildElement(node, name);
  return c ? NodeText(c) : std::string();
}

std::string AttributeText(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    std::string_view n = a.name();
    const size_t colon = n.find(':');
    if (colon != std::string_view::npos) n = n.substr(colon + 1);
    if (n == name) return CollapseWhitespace(a.value());
  }
  return std::string();
}

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

bool HasNonLatinLetters(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    int len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    uint32_t cp = len == 4 ? b & 0x07u : len == 3 ? b & 0x0Fu : b & 0x1Fu;
    for (int k = 1; k < len && i + k < s.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    }
    i += static_cast<size_t>(len);
    // Below U+0370: Latin-1 and Latin Extended-A/B, IPA, combining marks.
    // U+1E00..U+1EFF: Latin Extended Additional (Vietnamese). U+2000..U+2BFF:
    // punctuation and symbols. U+FB00.. : ligatures, half-width forms, BOM.
    if (cp < 0x0370 || (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2000 && cp <= 0x2BFF) ||
        (cp >= 0xFE00 && cp <= 0xFFFF)) {
      continue;
    }
    return true;
  }
  return false;
}

namespace {

// Lower-case ASCII letters and digits separated by single spaces; bytes of
// multi-byte characters are kept as they are ("türkiye"), and a leading
// "the " is dropped ("The Gambia"). Punctuation is not significant in
// country names: "Korea, North" and "Korea North" are one country.
std::string CountryKey(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
    if (!keep) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : static_cast<char>(c);
  }
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  return out;
}

// The shipped country table knows every code and one short English name;
// the lists also use official UN names, OFAC's inverted names and old names.
// These are the spellings found in the UN, OFAC and EU files, plus the
// common older names that a list may still use.
constexpr std::pair<const char*, const char*> kCountryAliases[] = {
    {"Democratic Republic of the Congo", "CD"},
    {"Congo, Democratic Republic of the", "CD"},
    {"Congo, Republic of the", "CG"},
    {"Republic of the Congo", "CG"},
    {"Democratic People's Republic of Korea", "KP"},
    {"Korea, North", "KP"},
    {"North Korea", "KP"},
    {"Korea, South", "KR"},
    {"South Korea", "KR"},
    {"Republic of Korea", "KR"},
    {"Iran (Islamic Republic of)", "IR"},
    {"United Kingdom of Great Britain and Northern Ireland", "GB"},
    {"Great Britain", "GB"},
    {"Syrian Arab Republic", "SY"},
    {"State of Palestine", "PS"},
    {"Palestine", "PS"},
    {"Palestinian", "PS"},
    {"United Republic of Tanzania", "TZ"},
    {"Turkey", "TR"},
    {"Russia", "RU"},
    {"Burma", "MM"},
    {"Vietnam", "VN"},
    {"Macedonia, The Former Yugoslav Republic of", "MK"},
    {"The former Yugoslav Republic of Macedonia", "MK"},
    {"Macedonia", "MK"},
    {"United States", "US"},
    {"USA", "US"},
    {"Cote d'Ivoire", "CI"},
    {"Ivory Coast", "CI"},
    {"Czech Republic", "CZ"},
    {"Swaziland", "SZ"},
    {"Cape Verde", "CV"},
    {"Brunei", "BN"},
    {"Laos", "LA"},
    {"Macau", "MO"},
    {"Bolivia (Plurinational State of)", "BO"},
    {"Venezuela (Bolivarian Republic of)", "VE"},
    {"Republic of Moldova", "MD"},
    {"Moldova, Republic of", "MD"},
    {"Micronesia", "FM"},
    {"Vatican", "VA"},
    {"Kyrgyz Republic", "KG"},
    {"Slovak Republic", "SK"},
    {"East Timor", "TL"},
    {"Curacao", "CW"},
    {"Reunion", "RE"},
    {"United Arab Emirates", "AE"},
    {"UAE", "AE"},
    {"Lao People's Democratic Republic", "LA"},
    {"Tanzania, United Republic of", "TZ"},
    {"Taiwan, Province of China", "TW"},
};

const std::unordered_map<std::string, std::string>& CountryNames() {
  static const auto* names = [] {
    auto* m = new std::unordered_map<std::string, std::string>();
    const ReferenceData& ref = ShippedReference();
    char code[3] = {0, 0, 0};
    for (char a = 'A'; a <= 'Z'; ++a) {
      for (char b = 'A'; b <= 'Z'; ++b) {
        code[0] = a;
        code[1] = b;
        if (const CountryInfo* c = ref.Country(code)) m->emplace(CountryKey(c->name), c->code);
      }
    }
    for (const auto& [name, iso2] : kCountryAliases) m->emplace(CountryKey(name), iso2);
    return m;
  }();
  return *names;
}

}  // namespace

CountryRef MapCountry(std::string_view text) {
  CountryRef out;
  out.text = CollapseWhitespace(text);
  const std::string& t = out.text;
  if (t.size() == 2 && t[0] >= 'A' && t[0] <= 'Z' && t[1] >= 'A' && t[1] <= 'Z') {
    if (ShippedReference().Country(t)) out.iso2 = t;
    return out;
  }
  const auto& names = CountryNames();
  auto it = names.find(CountryKey(t));
  if (it != names.end()) out.iso2 = it->second;
  return out;
}

bool IsValidPartialDate(int year, int month, int day) {
  if (year < 1800 || year > 2100 || month < 0 || month > 12 || day < 0 || day > 31) return false;
  if (day != 0 && month == 0) return false;
  if (day == 0) return true;
  using namespace std::chrono;
  return year_month_day{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                        std::chrono::day{static_cast<unsigned>(day)}}
      .ok();
}

namespace {

bool Digits(std::string_view s, size_t n, int& out) {
  if (s.size() != n) return false;
  out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

}  // namespace

bool ParsePartialIsoDate(std::string_view text, int& year, int& month, int& day) {
  year = month = day = 0;
  if (!Digits(text.substr(0, 4), 4, year)) return false;
  if (text.size() == 4) return IsValidPartialDate(year, 0, 0);
  if (text.size() < 7 || text[4] != '-' || !Digits(text.substr(5, 2), 2, month)) return false;
  if (text.size() == 7) return month >= 1 && IsValidPartialDate(year, month, 0);
  if (text.size() != 10 || text[7] != '-' || !Digits(text.substr(8, 2), 2, day)) return false;
  return month >= 1 && day >= 1 && IsValidPartialDate(year, month, day);
}

std::optional<Date> ParseLeadingIsoDate(std::string_view text) {
  if (text.size() < 10) return std::nullopt;
  auto d = ParseDate(text.substr(0, 10));
  if (!d) return std::nullopt;
  return *d;
}

}  // namespace sargs
