#include "screening/ofac_list.h"

#include <algorithm>
#include <array>
#include <tuple>
#include <unordered_map>

#include <pugixml.hpp>

#include "base/csv.h"

namespace sargs {
namespace {

// ---------------------------------------------------------------------------
// Text helpers

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Trims, and drops the full stop OFAC ends most remark items with.
std::string_view TrimItem(std::string_view s) {
  s = Trim(s);
  while (!s.empty() && (s.back() == '.' || s.back() == ',')) s = Trim(s.substr(0, s.size() - 1));
  return s;
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// A CSV value: trimmed, "-0-" (OFAC's null) as empty.
std::string Value(const CsvField& f) {
  std::string_view v = Trim(f.value);
  return v == "-0-" ? std::string() : CollapseWhitespace(v);
}

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

// Windows-1252 to UTF-8. OFAC's legacy files were Windows-1252 for years
// (accented Latin American names); the bytes 0x80-0x9F are the code page's
// punctuation, not C1 controls.
std::string Windows1252ToUtf8(std::string_view s) {
  static constexpr std::array<uint16_t, 32> kHigh = {
      0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char ch : s) {
    const auto b = static_cast<unsigned char>(ch);
    if (b < 0x80) {
      out += ch;
      continue;
    }
    const uint32_t cp = b < 0xA0 ? kHigh[b - 0x80] : b;
    if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
    } else {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    }
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

// The text of a legacy CSV file as UTF-8 without the DOS end-of-file byte.
// Returns a view into `storage` or into `raw`.
std::string_view PrepareCsvText(std::string_view raw, std::string& storage) {
  while (!raw.empty() && (raw.back() == '\x1a' || raw.back() == '\n' || raw.back() == '\r')) {
    raw.remove_suffix(1);
  }
  if (IsValidUtf8(raw)) return raw;
  storage = Windows1252ToUtf8(raw);
  return storage;
}

// "LAST, First" (individuals) into parts and natural order; a third part is
// a suffix ("DELOS REYES, Feliciano Semborio, Jr."). Other names as they are.
SanctionName PersonName(std::string_view raw) {
  SanctionName n;
  const std::string text = CollapseWhitespace(raw);
  const size_t comma = text.find(", ");
  if (comma == std::string::npos) {
    n.full = text;
    return n;
  }
  n.last = text.substr(0, comma);
  std::string rest = text.substr(comma + 2);
  std::string suffix;
  const size_t comma2 = rest.find(", ");
  if (comma2 != std::string::npos) {
    suffix = rest.substr(comma2 + 2);
    rest.resize(comma2);
  }
  n.first = rest;
  n.full = n.first.empty() ? n.last : n.first + " " + n.last;
  if (!suffix.empty()) n.full += " " + suffix;
  return n;
}

SanctionName MakeName(std::string_view raw, EntityType type) {
  if (type == EntityType::kPerson) return PersonName(raw);
  SanctionName n;
  n.full = CollapseWhitespace(raw);
  return n;
}

void AddCountry(std::vector<CountryRef>& to, std::string_view text) {
  if (text.empty()) return;
  CountryRef c = MapCountry(text);
  for (const CountryRef& have : to) {
    if (have.text == c.text || (!c.iso2.empty() && have.iso2 == c.iso2)) return;
  }
  to.push_back(std::move(c));
}

void AddUnique(std::vector<std::string>& values, std::string value) {
  if (value.empty()) return;
  if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(std::move(value));
}

void AddBirthDate(SanctionEntity& e, const BirthDate& b) {
  if (std::find(e.birth_dates.begin(), e.birth_dates.end(), b) == e.birth_dates.end()) {
    e.birth_dates.push_back(b);
  }
}

// ---------------------------------------------------------------------------
// Dates

// "Jan", "January" (and "Sept"), any case; 0 for anything else.
int MonthNumber(std::string_view word) {
  static constexpr const char* kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                            "july",    "august",   "september", "october", "november", "december"};
  if (word.size() < 3 || word.size() > 9) return 0;
  char lower[9];
  for (size_t i = 0; i < word.size(); ++i) lower[i] = static_cast<char>(word[i] | 0x20);
  const std::string_view w(lower, word.size());
  for (int m = 0; m < 12; ++m) {
    const std::string_view full = kMonths[m];
    if (w == full.substr(0, 3) || w == full || (m == 8 && w == "sept")) return m + 1;
  }
  return 0;
}

bool ParseNumber(std::string_view s, int& out) {
  if (s.empty() || s.size() > 4) return false;
  out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

// "12 Jan 1960", "Jan 1960", "1960".
bool ParseSingleDate(std::string_view s, int& year, int& month, int& day) {
  year = month = day = 0;
  std::string_view words[3];
  int n = 0;
  while (!s.empty()) {
    s = Trim(s);
    if (s.empty()) break;
    if (n == 3) return false;
    const size_t sp = s.find(' ');
    words[n++] = s.substr(0, sp);
    s = sp == std::string_view::npos ? std::string_view() : s.substr(sp);
  }
  if (n == 0 || !ParseNumber(words[n - 1], year) || words[n - 1].size() != 4) return false;
  if (n >= 2 && (month = MonthNumber(words[n - 2])) == 0) return false;
  if (n == 3 && (!ParseNumber(words[0], day) || words[0].size() > 2)) return false;
  return IsValidPartialDate(year, month, day) && (n < 3 || day >= 1);
}

}  // namespace

Result<BirthDate> ParseOfacBirthDate(std::string_view text) {
  std::string_view s = TrimItem(text);
  BirthDate b;
  const bool circa = StartsWith(s, "circa ");
  if (circa) s = Trim(s.substr(6));
  std::string_view from = s, to;
  if (const size_t t = s.find(" to "); t != std::string_view::npos) {
    from = s.substr(0, t);
    to = s.substr(t + 4);
  } else if (const size_t dash = s.find('-'); dash != std::string_view::npos) {
    from = s.substr(0, dash);
    to = s.substr(dash + 1);
  }
  if (!ParseSingleDate(from, b.year, b.month, b.day)) {
    return Fail("not a date of birth: '" + std::string(text) + "'");
  }
  if (to.empty() && from.size() == s.size()) {
    b.precision = circa ? DatePrecision::kApproximately : DatePrecision::kExact;
    return b;
  }
  if (!ParseSingleDate(to, b.to_year, b.to_month, b.to_day) ||
      std::tuple(b.to_year, b.to_month, b.to_day) < std::tuple(b.year, b.month, b.day)) {
    return Fail("not a date range: '" + std::string(text) + "'");
  }
  b.precision = DatePrecision::kBetween;  // a range is already approximate; "circa" adds nothing
  return b;
}

namespace {

// ---------------------------------------------------------------------------
// Identifiers in remarks

// Identifier labels as OFAC writes them in Remarks (and as idType in the
// XML). A label must be known: "Linked To: X 5" or "Executive Order 13662"
// look just like an identifier but are not one. Found by counting the
// labels of the July 2021 file; each covers at least two entries.
constexpr const char* kIdentifierLabels[] = {
    "Passport", "Diplomatic Passport", "Passport Booklet:", "Passport Booklet", "Cedula No.",
    "National ID No.", "NIT #", "Vessel Registration Identification", "R.F.C.", "R.F.C. #", "RFC",
    "C.U.R.P.", "C.U.R.P. #", "Registration Number", "Aircraft Manufacturer's Serial Number (MSN)",
    "Tax ID No.", "Registration ID", "RUC #", "Folio Mercantil No.", "Identification Number",
    "Government Gazette Number", "Aircraft Construction Number (also called L/N or S/N or F/N)",
    "Company Number", "Matricula Mercantil No", "Commercial Registry Number", "Aircraft Tail Number", "MMSI",
    "D.N.I.", "D-U-N-S Number", "C.R. No.", "Business Registration Number", "V.A.T. Number", "RIF #",
    "Trade License No.", "Electoral Registry No.", "Business Registration Document #",
    "Driver's License No.", "SWIFT/BIC", "Italian Fiscal Code", "Italian Fiscal Code:",
    "Credencial electoral", "Cartilla de Servicio Militar Nacional", "Personal ID Card", "US FEIN",
    "National Foreign ID Number", "Chamber of Commerce Number", "SSN", "Public Registration Number",
    "UK Company Number", "Residency Number", "BIK (RU)", "I.F.E.", "Birth Certificate Number",
    "Registered Charity No.", "C.U.I.T.", "LE Number", "Branch Unit Number",
    "Certificate of Incorporation Number", "C.U.I.P.", "Turkish Identification Number",
    "Numero de Identidad", "RTN", "Citizen's Card Number", "United Social Credit Code Certificate (USCCC)",
    "Unified Social Credit Code (USCC)", "Legal Entity Number", "Kenyan ID No.", "Travel Document Number",
    "Dubai Chamber of Commerce Membership No.", "Enterprise Number", "VisaNumberID", "File Number",
    "C.U.I.", "Business Number", "Tazkira National ID Card", "Aircraft Mode S Transponder Code",
    "Aircraft Serial Identification", "Immigration No.", "C.I.F.", "Pilot License Number", "SRE Permit No.",
    "Numero Unico de Identificacao Tributaria (NUIT)", "Afghan Money Service Provider License Number",
    "License", "National ID Card", "Stateless Person Passport", "Stateless Person ID Card",
    "Refugee ID Card", "Kuwaiti Citizenship No.", "Moroccan Personal ID No.", "Matricula Consular",
    "IMO", "Tax ID", "Passport Number", "Registration No.", "Serial No."};
constexpr std::string_view kDigitalCurrency = "Digital Currency Address - ";

// The labels, longest first, so that "Passport Booklet:" wins over "Passport".
const std::vector<std::string_view>& IdentifierLabels() {
  static const auto* labels = [] {
    auto* v = new std::vector<std::string_view>(std::begin(kIdentifierLabels), std::end(kIdentifierLabels));
    std::sort(v->begin(), v->end(), [](std::string_view a, std::string_view b) { return a.size() > b.size(); });
    return v;
  }();
  return *labels;
}

// The label `item` starts with (followed by a space), or "".
std::string_view IdentifierLabel(std::string_view item) {
  if (StartsWith(item, kDigitalCurrency)) {
    const size_t sp = item.find(' ', kDigitalCurrency.size());
    return sp == std::string_view::npos ? std::string_view() : item.substr(0, sp);
  }
  for (std::string_view label : IdentifierLabels()) {
    if (item.size() > label.size() + 1 && StartsWith(item, label) && item[label.size()] == ' ') return label;
  }
  return {};
}

bool IsIdentifierType(std::string_view type) {
  type = Trim(type);
  if (StartsWith(type, kDigitalCurrency)) return true;
  for (std::string_view label : IdentifierLabels()) {
    if (label == type) return true;
  }
  return false;
}

// "<label> <number> [(<country>)] [issued ...] [expires ...]".
SanctionIdentifier ParseIdentifier(std::string_view label, std::string_view item) {
  SanctionIdentifier id;
  id.type = std::string(label);
  std::string_view rest = Trim(item.substr(label.size()));
  size_t end = rest.size();
  for (std::string_view stop : {std::string_view(" ("), std::string_view(" issued"), std::string_view(" expires")}) {
    end = std::min(end, rest.find(stop));
  }
  id.number = std::string(TrimItem(rest.substr(0, end)));
  rest = Trim(rest.substr(end));
  if (StartsWith(rest, "(")) {
    const size_t close = rest.find(')');
    if (close != std::string_view::npos) {
      CountryRef c = MapCountry(rest.substr(1, close - 1));
      if (!c.iso2.empty()) {
        id.country = std::move(c);
        rest = Trim(rest.substr(close + 1));
      }
    }
  }
  id.note = std::string(TrimItem(rest));
  return id;
}

// ---------------------------------------------------------------------------
// Remarks

// Reads what the legacy CSV keeps in Remarks into `e`. `where` is the
// Remarks field, for errors.
Result<void> ParseRemarks(std::string_view remarks, SanctionEntity& e, const Location& where) {
  size_t start = 0;
  while (start <= remarks.size()) {
    size_t semi = remarks.find(';', start);
    if (semi == std::string_view::npos) semi = remarks.size();
    std::string_view item = Trim(remarks.substr(start, semi - start));
    start = semi + 1;
    if (item.empty()) continue;

    // Weak aliases: "a.k.a. 'ABU HAFS'", "f.k.a. 'X'".
    NameKind kind = NameKind::kAlias;
    std::string_view quoted;
    if (StartsWith(item, "a.k.a. '") || StartsWith(item, "n.k.a. '")) {
      quoted = item.substr(7);
    } else if (StartsWith(item, "f.k.a. '")) {
      quoted = item.substr(7);
      kind = NameKind::kFormer;
    }
    if (!quoted.empty()) {
      const size_t close = quoted.rfind('\'');
      if (close == 0) continue;  // cut off at OFAC's 1000-character limit
      SanctionName n = MakeName(quoted.substr(1, close - 1), e.type);
      if (n.full.empty()) continue;
      n.kind = kind;
      n.strength = NameStrength::kWeak;
      e.names.push_back(std::move(n));
      continue;
    }

    std::string_view body = item;
    if (StartsWith(body, "alt. ")) body = Trim(body.substr(5));
    if (StartsWith(body, "DOB ")) {
      auto b = ParseOfacBirthDate(body.substr(4));
      if (!b) return Fail(where, "Remarks", b.error().message + " (entry " + e.entity_id + ")");
      AddBirthDate(e, *b);
    } else if (StartsWith(body, "POB ")) {
      AddUnique(e.birth_places, std::string(TrimItem(body.substr(4))));
    } else if (StartsWith(body, "nationality ")) {
      AddCountry(e.nationalities, TrimItem(body.substr(12)));
    } else if (StartsWith(body, "citizen ")) {
      AddCountry(e.nationalities, TrimItem(body.substr(8)));
    } else if (std::string_view label = IdentifierLabel(body); !label.empty()) {
      SanctionIdentifier id = ParseIdentifier(label, body);
      if (!id.number.empty()) e.identifiers.push_back(std::move(id));
    }
  }
  return {};
}

std::vector<std::string> Programmes(std::string_view text) {
  // "SDGT] [IFSR": the brackets of "[SDGT] [IFSR]" with the outer pair gone.
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(']', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view p = Trim(text.substr(start, end - start));
    while (!p.empty() && (p.front() == '[' || p.front() == ' ')) p.remove_prefix(1);
    AddUnique(out, std::string(Trim(p)));
    start = end + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Legacy CSV

Result<EntityType> CsvEntityType(const CsvField& f, const std::string& file) {
  const std::string t = Value(f);
  if (t.empty()) return EntityType::kOrganisation;
  if (t == "individual") return EntityType::kPerson;
  if (t == "vessel") return EntityType::kVessel;
  if (t == "aircraft") return EntityType::kAircraft;
  return Fail(Location{file, f.line, f.column}, "SDN_Type",
              "unknown SDN_Type '" + t + "' (expected individual, vessel, aircraft or -0-)");
}

class CsvFile {
 public:
  CsvFile(std::string_view raw, std::string file, size_t columns, std::vector<std::string_view> names)
      : text_(PrepareCsvText(raw, storage_)), reader_(text_, file), file_(std::move(file)),
        columns_(columns), names_(std::move(names)) {}

  // The next record, checked for its column count; false at the end.
  Result<bool> Next(CsvRecord& r) {
    if (!TRY(reader_.Next(r))) return false;
    if (r.fields.size() != columns_) {
      return Fail(Location{file_, r.line, 1}, "",
                  "expected " + std::to_string(columns_) + " columns (" + ColumnList() + "), found " +
                      std::to_string(r.fields.size()));
    }
    return true;
  }
  Location At(const CsvRecord& r, size_t column) const {
    return Location{file_, r.fields[column].line, r.fields[column].column};
  }
  const std::string& file() const { return file_; }

 private:
  std::string ColumnList() const {
    std::string out;
    for (std::string_view n : names_) out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
  }

  std::string storage_;
  std::string_view text_;
  CsvReader reader_;
  std::string file_;
  size_t columns_;
  std::vector<std::string_view> names_;
};

Result<size_t> FindEntry(const std::unordered_map<std::string, size_t>& index, const CsvFile& f,
                         const CsvRecord& r, const std::string& sdn_name) {
  const std::string id = Value(r.fields[0]);
  auto it = index.find(id);
  if (it == index.end()) {
    return Fail(f.At(r, 0), "ent_num", "no entry '" + id + "' in " + sdn_name);
  }
  return it->second;
}

}  // namespace

Result<SanctionList> ParseOfacListText(const OfacCsvText& text) {
  SanctionList list;
  list.source = "ofac";
  std::unordered_map<std::string, size_t> index;
  CsvRecord r;

  CsvFile sdn(text.sdn, text.sdn_name, 12,
              {"ent_num", "SDN_Name", "SDN_Type", "Program", "Title", "Call_Sign", "Vess_type", "Tonnage",
               "GRT", "Vess_flag", "Vess_owner", "Remarks"});
  while (TRY(sdn.Next(r))) {
    SanctionEntity e;
    e.source = "ofac";
    e.line = r.line;
    e.entity_id = Value(r.fields[0]);
    if (e.entity_id.empty() || e.entity_id.find_first_not_of("0123456789") != std::string::npos) {
      return Fail(sdn.At(r, 0), "ent_num", "not an entry number: '" + r.fields[0].value + "'");
    }
    e.type = TRY(CsvEntityType(r.fields[2], sdn.file()));
    const std::string name = Value(r.fields[1]);
    if (name.empty()) return Fail(sdn.At(r, 1), "SDN_Name", "entry " + e.entity_id + " has no name");
    e.names.push_back(MakeName(name, e.type));
    e.programmes = Programmes(Value(r.fields[3]));
    AddUnique(e.positions, Value(r.fields[4]));
    if (std::string call_sign = Value(r.fields[5]); !call_sign.empty()) {
      e.identifiers.push_back(SanctionIdentifier{"Call Sign", call_sign, {}, {}});
    }
    AddCountry(e.nationalities, Value(r.fields[9]));
    e.remarks = Value(r.fields[11]);
    TRY_VOID(ParseRemarks(e.remarks, e, sdn.At(r, 11)));
    if (!index.emplace(e.entity_id, list.entities.size()).second) {
      return Fail(sdn.At(r, 0), "ent_num", "entry " + e.entity_id + " appears twice");
    }
    list.entities.push_back(std::move(e));
  }

  if (!text.alt.empty()) {
    CsvFile alt(text.alt, text.alt_name, 5, {"ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks"});
    while (TRY(alt.Next(r))) {
      SanctionEntity& e = list.entities[TRY(FindEntry(index, alt, r, text.sdn_name))];
      const std::string type = Value(r.fields[2]);
      const std::string alias = Value(r.fields[3]);
      if (alias.empty()) return Fail(alt.At(r, 3), "alt_name", "empty alias of entry " + e.entity_id);
      SanctionName n = MakeName(alias, e.type);
      if (type == "aka" || type == "nka") {
        n.kind = NameKind::kAlias;
      } else if (type == "fka") {
        n.kind = NameKind::kFormer;
      } else {
        return Fail(alt.At(r, 2), "alt_type", "unknown alt_type '" + type + "' (expected aka, fka or nka)");
      }
      // Insert before the weak aliases from Remarks: strong names first reads
      // better in an explanation, and costs nothing.
      auto weak = std::find_if(e.names.begin() + 1, e.names.end(),
                               [](const SanctionName& x) { return x.strength == NameStrength::kWeak; });
      e.names.insert(weak, std::move(n));
    }
  }

  if (!text.add.empty()) {
    CsvFile add(text.add, text.add_name, 6,
                {"ent_num", "add_num", "Address", "City/State/Postal", "Country", "Add_remarks"});
    while (TRY(add.Next(r))) {
      SanctionEntity& e = list.entities[TRY(FindEntry(index, add, r, text.sdn_name))];
      SanctionAddress a;
      for (size_t i : {size_t{2}, size_t{3}, size_t{5}}) {
        const std::string v = Value(r.fields[i]);
        if (v.empty()) continue;
        if (!a.text.empty()) a.text += ", ";
        a.text += v;
      }
      if (std::string country = Value(r.fields[4]); !country.empty()) a.country = MapCountry(country);
      if (!a.text.empty() || !a.country.text.empty()) e.addresses.push_back(std::move(a));
    }
  }
  return list;
}

Result<SanctionList> ParseOfacList(const OfacCsvFiles& files) {
  const std::string sdn = TRY(ReadListFile(files.sdn));
  std::string alt, add;
  if (!files.alt.empty()) alt = TRY(ReadListFile(files.alt));
  if (!files.add.empty()) add = TRY(ReadListFile(files.add));
  OfacCsvText text;
  text.sdn = sdn;
  text.alt = alt;
  text.add = add;
  text.sdn_name = files.sdn;
  if (!files.alt.empty()) text.alt_name = files.alt;
  if (!files.add.empty()) text.add_name = files.add;
  return ParseOfacListText(text);
}

// ---------------------------------------------------------------------------
// SDN XML

namespace {

class OfacXmlParser {
 public:
  OfacXmlParser(std::string_view text, std::string_view file) : text_(text), src_(file, text) {}

  Result<SanctionList> Parse() {
    pugi::xml_document doc;
    TRY_VOID(LoadXml(doc, text_, src_));
    pugi::xml_node root = doc.document_element();
    if (LocalName(root) != "sdnList") {
      return src_.Fail(root, "not an OFAC SDN XML file (the root element must be sdnList)");
    }
    SanctionList list;
    list.source = "ofac";
    list.version = PublishDate(ChildText(ChildElement(root, "publshInformation"), "Publish_Date"));
    std::unordered_map<std::string, int> seen;
    for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling()) {
      if (n.type() != pugi::node_element || LocalName(n) != "sdnEntry") continue;
      SanctionEntity e = TRY(Entry(n));
      if (!seen.emplace(e.entity_id, e.line).second) {
        return src_.Fail(n, "entry " + e.entity_id + " appears twice (first on line " +
                                std::to_string(seen[e.entity_id]) + ")");
      }
      list.entities.push_back(std::move(e));
    }
    return list;
  }

 private:
  // "03/01/2024" (month first) as "2024-03-01"; anything else as written.
  static std::string PublishDate(const std::string& s) {
    if (s.size() == 10 && s[2] == '/' && s[5] == '/') {
      return s.substr(6, 4) + "-" + s.substr(0, 2) + "-" + s.substr(3, 2);
    }
    return s;
  }

  Result<EntityType> TypeOf(const pugi::xml_node& n) {
    pugi::xml_node t = ChildElement(n, "sdnType");
    const std::string s = NodeText(t);
    if (s == "Individual") return EntityType::kPerson;
    if (s == "Entity") return EntityType::kOrganisation;
    if (s == "Vessel") return EntityType::kVessel;
    if (s == "Aircraft") return EntityType::kAircraft;
    return src_.Fail(t ? t : n, "unknown sdnType '" + s + "' (expected Individual, Entity, Vessel or Aircraft)");
  }

  static SanctionName XmlName(const pugi::xml_node& n, EntityType type) {
    SanctionName name;
    name.last = ChildText(n, "lastName");
    name.first = ChildText(n, "firstName");
    name.full = name.first.empty() ? name.last : name.first + " " + name.last;
    if (type != EntityType::kPerson && name.first.empty()) name.last.clear();
    return name;
  }

  Result<SanctionEntity> Entry(const pugi::xml_node& n) {
    SanctionEntity e;
    e.source = "ofac";
    e.line = src_.At(n).line;
    e.entity_id = ChildText(n, "uid");
    if (e.entity_id.empty()) return src_.Fail(n, "no uid");
    e.type = TRY(TypeOf(n));
    SanctionName primary = XmlName(n, e.type);
    if (primary.full.empty()) return src_.Fail(n, "entry " + e.entity_id + " has no lastName");
    e.names.push_back(std::move(primary));
    AddUnique(e.positions, ChildText(n, "title"));
    e.remarks = ChildText(n, "remarks");

    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view name = LocalName(c);
      if (name == "programList") {
        for (pugi::xml_node p = c.first_child(); p; p = p.next_sibling()) {
          if (LocalName(p) == "program") AddUnique(e.programmes, NodeText(p));
        }
      } else if (name == "akaList") {
        for (pugi::xml_node a = c.first_child(); a; a = a.next_sibling()) {
          if (LocalName(a) == "aka") TRY_VOID(Aka(a, e));
        }
      } else if (name == "dateOfBirthList") {
        for (pugi::xml_node d = c.first_child(); d; d = d.next_sibling()) {
          if (LocalName(d) != "dateOfBirthItem") continue;
          pugi::xml_node v = ChildElement(d, "dateOfBirth");
          const std::string t = NodeText(v);
          if (t.empty()) continue;
          auto b = ParseOfacBirthDate(t);
          if (!b) return src_.Fail(v, b.error().message);
          AddBirthDate(e, *b);
        }
      } else if (name == "placeOfBirthList") {
        for (pugi::xml_node p = c.first_child(); p; p = p.next_sibling()) {
          if (LocalName(p) == "placeOfBirthItem") AddUnique(e.birth_places, ChildText(p, "placeOfBirth"));
        }
      } else if (name == "nationalityList" || name == "citizenshipList") {
        for (pugi::xml_node p = c.first_child(); p; p = p.next_sibling()) {
          AddCountry(e.nationalities, ChildText(p, "country"));
        }
      } else if (name == "idList") {
        for (pugi::xml_node p = c.first_child(); p; p = p.next_sibling()) {
          if (LocalName(p) == "id") Id(p, e);
        }
      } else if (name == "addressList") {
        for (pugi::xml_node p = c.first_child(); p; p = p.next_sibling()) {
          if (LocalName(p) != "address") continue;
          SanctionAddress a;
          for (std::string_view part :
               {"address1", "address2", "address3", "city", "stateOrProvince", "postalCode"}) {
            const std::string v = ChildText(p, part);
            if (v.empty()) continue;
            if (!a.text.empty()) a.text += ", ";
            a.text += v;
          }
          if (std::string country = ChildText(p, "country"); !country.empty()) a.country = MapCountry(country);
          if (!a.text.empty() || !a.country.text.empty()) e.addresses.push_back(std::move(a));
        }
      } else if (name == "vesselInfo") {
        if (std::string call_sign = ChildText(c, "callSign"); !call_sign.empty()) {
          e.identifiers.push_back(SanctionIdentifier{"Call Sign", call_sign, {}, {}});
        }
        AddCountry(e.nationalities, ChildText(c, "vesselFlag"));
      }
    }
    return e;
  }

  Result<void> Aka(const pugi::xml_node& a, SanctionEntity& e) {
    SanctionName n = XmlName(a, e.type);
    if (n.full.empty()) return src_.Fail(a, "alias of entry " + e.entity_id + " has no lastName");
    const std::string type = ChildText(a, "type");
    if (type == "f.k.a.") {
      n.kind = NameKind::kFormer;
    } else if (type.empty() || type == "a.k.a." || type == "n.k.a.") {
      n.kind = NameKind::kAlias;
    } else {
      return src_.Fail(ChildElement(a, "type"), "unknown alias type '" + type + "' (expected a.k.a., f.k.a. or n.k.a.)");
    }
    const std::string category = ChildText(a, "category");
    if (category == "weak") {
      n.strength = NameStrength::kWeak;
    } else if (!category.empty() && category != "strong") {
      return src_.Fail(ChildElement(a, "category"), "unknown alias category '" + category +
                                                        "' (expected strong or weak)");
    }
    n.original_script = HasNonLatinLetters(n.full);
    e.names.push_back(std::move(n));
    return {};
  }

  static void Id(const pugi::xml_node& p, SanctionEntity& e) {
    const std::string type = ChildText(p, "idType");
    const std::string number = ChildText(p, "idNumber");
    if (number.empty()) return;
    if (!IsIdentifierType(type)) {
      // "Gender Male", "Website x.ir", "Secondary sanctions risk: ...": facts
      // for a reviewer, not keys to match on.
      e.remarks += (e.remarks.empty() ? "" : "; ") + type + " " + number;
      return;
    }
    SanctionIdentifier id;
    id.type = type;
    id.number = number;
    if (std::string country = ChildText(p, "idCountry"); !country.empty()) id.country = MapCountry(country);
    std::string note;
    if (std::string issued = ChildText(p, "issueDate"); !issued.empty()) note = "issued " + issued;
    if (std::string expires = ChildText(p, "expirationDate"); !expires.empty()) {
      note += (note.empty() ? "" : " ") + ("expires " + expires);
    }
    id.note = note;
    e.identifiers.push_back(std::move(id));
  }

  std::string_view text_;
  XmlSource src_;
};

}  // namespace

Result<SanctionList> ParseOfacXmlListText(std::string_view xml, std::string_view file_name) {
  return OfacXmlParser(xml, file_name).Parse();
}

Result<SanctionList> ParseOfacXmlList(const std::string& path) {
  const std::string text = TRY(ReadListFile(path));
  return ParseOfacXmlListText(text, path);
}

}  // namespace sargs
