#include "screening/eu_list.h"

#include <algorithm>

#include <pugixml.hpp>

namespace sargs {
namespace {

void AddUnique(std::vector<std::string>& values, std::string value) {
  if (value.empty()) return;
  if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(std::move(value));
}

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// A whole number attribute; empty counts as 0. False for anything else.
bool IntAttribute(const std::string& text, int& out) {
  out = 0;
  if (text.empty()) return true;
  if (text.size() > 4) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

class EuParser {
 public:
  EuParser(std::string_view text, std::string_view file) : text_(text), src_(file, text) {}

  Result<SanctionList> Parse() {
    pugi::xml_document doc;
    TRY_VOID(LoadXml(doc, text_, src_));
    pugi::xml_node root = doc.document_element();
    if (LocalName(root) != "export") {
      return src_.Fail(root, "not an EU financial sanctions file (the root element must be export)");
    }
    SanctionList list;
    list.source = "eu";
    list.version = AttributeText(root, "generationDate");
    for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling()) {
      if (n.type() != pugi::node_element || LocalName(n) != "sanctionEntity") continue;
      list.entities.push_back(TRY(Entity(n)));
    }
    return list;
  }

 private:
  // The country of an element with countryIso2Code / countryDescription.
  static CountryRef Country(const pugi::xml_node& n) {
    const std::string code = AttributeText(n, "countryIso2Code");
    const std::string description = AttributeText(n, "countryDescription");
    if (code.size() == 2 && code != "00") {
      CountryRef c = MapCountry(code);
      if (!c.iso2.empty()) {
        if (!description.empty()) c.text = description;
        return c;
      }
    }
    // "00" is the EU's "unknown"; its description then says "UNKNOWN".
    if (description.empty() || Lower(description) == "unknown") return CountryRef{};
    return MapCountry(description);
  }

  Result<SanctionEntity> Entity(const pugi::xml_node& n) {
    SanctionEntity e;
    e.source = "eu";
    e.line = src_.At(n).line;
    e.entity_id = AttributeText(n, "logicalId");
    if (e.entity_id.empty()) return src_.Fail(n, "no logicalId");
    e.secondary_id = AttributeText(n, "euReferenceNumber");
    if (std::string designated = AttributeText(n, "designationDate"); !designated.empty()) {
      e.listed_on = ParseLeadingIsoDate(designated);
      if (!e.listed_on) return src_.Fail(n, "designationDate is not a date: '" + designated + "'");
    }
    std::optional<Date> first_publication;
    std::vector<std::string> remarks;

    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view name = LocalName(c);
      if (name == "subjectType") {
        const std::string code = AttributeText(c, "code");
        e.type = code == "person"       ? EntityType::kPerson
                 : code == "enterprise" ? EntityType::kOrganisation
                                        : EntityType::kOther;
      } else if (name == "regulation") {
        AddUnique(e.programmes, AttributeText(c, "programme"));
        const std::string published = AttributeText(c, "publicationDate");
        if (published.empty()) continue;
        std::optional<Date> d = ParseLeadingIsoDate(published);
        if (!d) return src_.Fail(c, "publicationDate is not a date: '" + published + "'");
        if (!first_publication || *d < *first_publication) first_publication = d;
      } else if (name == "nameAlias") {
        TRY_VOID(NameAlias(c, e));
      } else if (name == "birthdate") {
        TRY_VOID(Birthdate(c, e));
      } else if (name == "citizenship") {
        CountryRef country = Country(c);
        if (!country.text.empty() &&
            std::find(e.nationalities.begin(), e.nationalities.end(), country) == e.nationalities.end()) {
          e.nationalities.push_back(std::move(country));
        }
      } else if (name == "identification") {
        Identification(c, e);
      } else if (name == "address") {
        SanctionAddress a;
        for (std::string_view part : {"street", "poBox", "city", "zipCode", "region", "place"}) {
          const std::string v = AttributeText(c, part);
          if (v.empty()) continue;
          if (!a.text.empty()) a.text += ", ";
          a.text += v;
        }
        a.country = Country(c);
        if (!a.text.empty() || !a.country.text.empty()) e.addresses.push_back(std::move(a));
      } else if (name == "remark") {
        AddUnique(remarks, NodeText(c));
      }
    }
    if (e.names.empty()) return src_.Fail(n, "entity " + e.entity_id + " has no nameAlias with a name");
    if (!e.listed_on) e.listed_on = first_publication;
    for (const std::string& r : remarks) e.remarks += (e.remarks.empty() ? "" : "\n") + r;
    return e;
  }

  Result<void> NameAlias(const pugi::xml_node& c, SanctionEntity& e) {
    SanctionName a;
    a.first = AttributeText(c, "firstName");
    a.middle = AttributeText(c, "middleName");
    a.last = AttributeText(c, "lastName");
    a.full = AttributeText(c, "wholeName");
    if (a.full.empty()) {
      for (const std::string* part : {&a.first, &a.middle, &a.last}) {
        if (part->empty()) continue;
        if (!a.full.empty()) a.full += ' ';
        a.full += *part;
      }
    }
    AddUnique(e.positions, AttributeText(c, "function"));
    if (a.full.empty()) return {};  // the EU has aliases that carry only a function or a gender
    a.title = AttributeText(c, "title");
    a.language = Lower(AttributeText(c, "nameLanguage"));
    a.original_script = HasNonLatinLetters(a.full);
    const std::string strong = AttributeText(c, "strong");
    if (strong == "false") {
      a.strength = NameStrength::kWeak;
    } else if (!strong.empty() && strong != "true") {
      return src_.Fail(c, "strong must be true or false, not '" + strong + "'");
    }
    a.kind = e.names.empty() ? NameKind::kPrimary : NameKind::kAlias;
    e.names.push_back(std::move(a));
    return {};
  }

  Result<void> Birthdate(const pugi::xml_node& c, SanctionEntity& e) {
    std::string place;
    for (std::string_view part : {"city", "place", "region", "countryDescription"}) {
      std::string v = AttributeText(c, part);
      if (v.empty() || (part == "countryDescription" && Lower(v) == "unknown")) continue;
      if (!place.empty()) place += ", ";
      place += v;
    }
    if (!place.empty() && std::find(e.birth_places.begin(), e.birth_places.end(), place) == e.birth_places.end()) {
      e.birth_places.push_back(place);
    }

    BirthDate b;
    const std::string from = AttributeText(c, "yearRangeFrom"), to = AttributeText(c, "yearRangeTo");
    const std::string full = AttributeText(c, "birthdate"), year = AttributeText(c, "year");
    if (!from.empty() || !to.empty()) {
      if (!IntAttribute(from, b.year) || !IntAttribute(to, b.to_year) || !IsValidPartialDate(b.year, 0, 0) ||
          !IsValidPartialDate(b.to_year, 0, 0) || b.to_year < b.year) {
        return src_.Fail(c, "not a year range: yearRangeFrom '" + from + "', yearRangeTo '" + to + "'");
      }
      b.precision = DatePrecision::kBetween;
    } else if (!full.empty()) {
      if (!ParsePartialIsoDate(full, b.year, b.month, b.day)) {
        return src_.Fail(c, "birthdate is not a date: '" + full + "' (expected YYYY-MM-DD)");
      }
    } else if (!year.empty()) {
      const std::string month = AttributeText(c, "monthOfYear"), day = AttributeText(c, "dayOfMonth");
      if (!IntAttribute(year, b.year) || !IntAttribute(month, b.month) || !IntAttribute(day, b.day) ||
          !IsValidPartialDate(b.year, b.month, b.day)) {
        return src_.Fail(c, "not a date: year '" + year + "', monthOfYear '" + month + "', dayOfMonth '" +
                                day + "'");
      }
    } else {
      return {};  // a place of birth only
    }
    const std::string circa = AttributeText(c, "circa");
    if (circa == "true" && b.precision != DatePrecision::kBetween) b.precision = DatePrecision::kApproximately;
    if (!circa.empty() && circa != "true" && circa != "false") {
      return src_.Fail(c, "circa must be true or false, not '" + circa + "'");
    }
    if (std::find(e.birth_dates.begin(), e.birth_dates.end(), b) == e.birth_dates.end()) e.birth_dates.push_back(b);
    return {};
  }

  static void Identification(const pugi::xml_node& c, SanctionEntity& e) {
    SanctionIdentifier id;
    id.number = AttributeText(c, "number");
    if (id.number.empty()) id.number = AttributeText(c, "latinNumber");
    if (id.number.empty()) return;
    const std::string description = AttributeText(c, "identificationTypeDescription");
    id.type = AttributeText(c, "identificationTypeCode");
    if (id.type.empty()) id.type = description;
    id.country = Country(c);
    std::string note = description == id.type ? std::string() : description;
    for (auto [attribute, label] : {std::pair<const char*, const char*>{"issuedDate", "issued "},
                                    {"validTo", "valid to "},
                                    {"issuedBy", "issued by "}}) {
      const std::string v = AttributeText(c, attribute);
      if (!v.empty()) note += (note.empty() ? "" : "; ") + (label + v);
    }
    if (AttributeText(c, "knownFalse") == "true") note += (note.empty() ? "" : "; ") + std::string("known false");
    id.note = note;
    e.identifiers.push_back(std::move(id));
  }

  std::string_view text_;
  XmlSource src_;
};

}  // namespace

Result<SanctionList> ParseEuListText(std::string_view xml, std::string_view file_name) {
  return EuParser(xml, file_name).Parse();
}

Result<SanctionList> ParseEuList(const std::string& path) {
  const std::string text = TRY(ReadListFile(path));
  return ParseEuListText(text, path);
}

}  // namespace sargs
