#include "screening/un_list.h"

#include <algorithm>

#include <pugixml.hpp>

namespace sargs {
namespace {

void AddUnique(std::vector<std::string>& values, std::string value) {
  if (value.empty()) return;
  for (const std::string& v : values) {
    if (v == value) return;
  }
  values.push_back(std::move(value));
}

// Joins the non-empty texts with `sep`.
std::string Join(std::initializer_list<std::string> parts, std::string_view sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

class UnParser {
 public:
  UnParser(std::string_view text, std::string_view file) : text_(text), src_(file, text) {}

  Result<SanctionList> Parse() {
    pugi::xml_document doc;
    TRY_VOID(LoadXml(doc, text_, src_));
    pugi::xml_node root = doc.document_element();
    if (LocalName(root) != "CONSOLIDATED_LIST") {
      return src_.Fail(root, "not a UN consolidated list (the root element must be CONSOLIDATED_LIST)");
    }
    SanctionList list;
    list.source = "un";
    list.version = AttributeText(root, "dateGenerated");
    for (pugi::xml_node group = root.first_child(); group; group = group.next_sibling()) {
      const std::string_view group_name = LocalName(group);
      const bool individuals = group_name == "INDIVIDUALS";
      if (!individuals && group_name != "ENTITIES") continue;
      const std::string_view item = individuals ? "INDIVIDUAL" : "ENTITY";
      for (pugi::xml_node n = group.first_child(); n; n = n.next_sibling()) {
        if (n.type() != pugi::node_element || LocalName(n) != item) continue;
        list.entities.push_back(TRY(Entry(n, individuals)));
      }
    }
    return list;
  }

 private:
  Result<SanctionEntity> Entry(const pugi::xml_node& n, bool individual) {
    SanctionEntity e;
    e.source = "un";
    e.type = individual ? EntityType::kPerson : EntityType::kOrganisation;
    e.line = src_.At(n).line;
    e.entity_id = ChildText(n, "REFERENCE_NUMBER");
    e.secondary_id = ChildText(n, "DATAID");
    if (e.entity_id.empty()) {
      return src_.Fail(n, "no REFERENCE_NUMBER" +
                              (e.secondary_id.empty() ? std::string() : " (DATAID " + e.secondary_id + ")"));
    }

    SanctionName primary;
    primary.full = Join({ChildText(n, "FIRST_NAME"), ChildText(n, "SECOND_NAME"), ChildText(n, "THIRD_NAME"),
                         ChildText(n, "FOURTH_NAME")},
                        " ");
    primary.kind = NameKind::kPrimary;
    const std::string alias_element = individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS";
    std::vector<SanctionName> aliases;
    std::vector<SanctionName> original_script;  // listed after the aliases, wherever the element is

    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view name = LocalName(c);
      if (name == alias_element) {
        TRY_VOID(Alias(c, aliases, e));
      } else if (name == "NAME_ORIGINAL_SCRIPT") {
        SanctionName s;
        s.full = NodeText(c);
        if (s.full.empty()) continue;
        s.kind = NameKind::kAlias;
        s.original_script = true;
        original_script.push_back(std::move(s));
      } else if (name == "INDIVIDUAL_DATE_OF_BIRTH") {
        TRY_VOID(BirthDateOf(c, e));
      } else if (name == "NATIONALITY") {
        for (pugi::xml_node v = c.first_child(); v; v = v.next_sibling()) {
          if (LocalName(v) != "VALUE") continue;
          std::string t = NodeText(v);
          if (!t.empty()) e.nationalities.push_back(MapCountry(t));
        }
      } else if (name == "INDIVIDUAL_DOCUMENT") {
        Document(c, e);
      } else if (name == "INDIVIDUAL_ADDRESS" || name == "ENTITY_ADDRESS") {
        SanctionAddress a;
        a.text = Join({ChildText(c, "STREET"), ChildText(c, "CITY"), ChildText(c, "STATE_PROVINCE"),
                       ChildText(c, "ZIP_CODE"), ChildText(c, "NOTE")},
                      ", ");
        const std::string country = ChildText(c, "COUNTRY");
        if (!country.empty()) a.country = MapCountry(country);
        if (!a.text.empty() || !country.empty()) e.addresses.push_back(std::move(a));
      } else if (name == "INDIVIDUAL_PLACE_OF_BIRTH") {
        AddUnique(e.birth_places, Join({ChildText(c, "STREET"), ChildText(c, "CITY"),
                                        ChildText(c, "STATE_PROVINCE"), ChildText(c, "COUNTRY")},
                                       ", "));
      } else if (name == "UN_LIST_TYPE") {
        AddUnique(e.programmes, NodeText(c));
      } else if (name == "LISTED_ON") {
        const std::string t = NodeText(c);
        if (t.empty()) continue;
        e.listed_on = ParseLeadingIsoDate(t);
        if (!e.listed_on) return src_.Fail(c, "not a date: '" + t + "' (expected YYYY-MM-DD)");
      } else if (name == "TITLE") {
        std::string titles;
        for (pugi::xml_node v = c.first_child(); v; v = v.next_sibling()) {
          if (LocalName(v) == "VALUE" && !NodeText(v).empty()) titles = Join({titles, NodeText(v)}, ", ");
        }
        primary.title = titles;
      } else if (name == "DESIGNATION") {
        for (pugi::xml_node v = c.first_child(); v; v = v.next_sibling()) {
          if (LocalName(v) == "VALUE") AddUnique(e.positions, NodeText(v));
        }
      } else if (name == "COMMENTS1") {
        e.remarks = NodeText(c);
      }
    }

    for (SanctionName& s : original_script) aliases.push_back(std::move(s));
    if (primary.full.empty()) {
      // Never seen in a real file; an entry known only by aliases still has to
      // be screened, so the first strong alias becomes the primary name.
      auto it = std::find_if(aliases.begin(), aliases.end(),
                             [](const SanctionName& a) { return a.strength == NameStrength::kStrong; });
      if (it == aliases.end()) return src_.Fail(n, "entry " + e.entity_id + " has no name");
      primary = *it;
      primary.kind = NameKind::kPrimary;
      aliases.erase(it);
    }
    e.names.reserve(1 + aliases.size());
    e.names.push_back(std::move(primary));
    for (SanctionName& a : aliases) e.names.push_back(std::move(a));
    return e;
  }

  Result<void> Alias(const pugi::xml_node& c, std::vector<SanctionName>& aliases, SanctionEntity& e) {
    SanctionName a;
    a.full = ChildText(c, "ALIAS_NAME");
    if (a.full.empty()) return {};  // the empty placeholder every entry without aliases has
    const std::string quality = ChildText(c, "QUALITY");
    a.kind = NameKind::kAlias;
    if (quality == "Low") {
      a.strength = NameStrength::kWeak;
    } else if (quality == "f.k.a.") {
      a.kind = NameKind::kFormer;
    } else if (!quality.empty() && quality != "Good" && quality != "a.k.a.") {
      return src_.Fail(ChildElement(c, "QUALITY"),
                       "unknown alias quality '" + quality + "' (expected Good, Low, a.k.a. or f.k.a.)");
    }
    for (std::string& part : SplitScripts(a.full)) {
      SanctionName n = a;
      n.full = std::move(part);
      n.original_script = HasNonLatinLetters(n.full);
      aliases.push_back(std::move(n));
    }
    // Some DPRK entries give a different date of birth for an alias; the
    // person is the same, so the date is one more date of the entity.
    const std::string dob = ChildText(c, "DATE_OF_BIRTH");
    if (!dob.empty()) {
      BirthDate b;
      if (!ParsePartialIsoDate(dob, b.year, b.month, b.day)) {
        return src_.Fail(ChildElement(c, "DATE_OF_BIRTH"), "not a date: '" + dob + "'");
      }
      AddBirthDate(e, b);
    }
    return {};
  }

  // Some aliases carry a transliteration and the original script in one
  // value: "Jin Tiesan (金铁三)", "حسن غول (Hassan Ghul; Hassan Gul)",
  // "Abubakar (original script: Абубакар)". Such a
  // value is split into its names, so that each is normalised by the rules
  // of its own script; anything less regular is kept whole.
  static std::vector<std::string> SplitScripts(const std::string& full) {
    const size_t open = full.find(" (");
    if (open == std::string::npos || full.back() != ')') return {full};
    const std::string outside = full.substr(0, open);
    std::string inside = full.substr(open + 2, full.size() - open - 3);
    // "Amir Khazmat (original script: Амир Хазмат)": the label is no name.
    constexpr std::string_view kLabel = "original script:";
    if (inside.compare(0, kLabel.size(), kLabel) == 0) inside.erase(0, kLabel.size());
    if (inside.empty() || inside.find_first_of("()") != std::string::npos) return {full};
    const bool outside_latin = !HasNonLatinLetters(outside), inside_latin = !HasNonLatinLetters(inside);
    if (outside_latin == inside_latin) return {full};  // "Hamas (Islamic Resistance Movement)"
    std::vector<std::string> out{CollapseWhitespace(outside)};
    for (size_t start = 0; start <= inside.size();) {
      size_t end = inside.find(';', start);
      if (end == std::string::npos) end = inside.size();
      std::string name = CollapseWhitespace(std::string_view(inside).substr(start, end - start));
      if (!name.empty()) out.push_back(std::move(name));
      start = end + 1;
    }
    return out;
  }

  static void AddBirthDate(SanctionEntity& e, const BirthDate& b) {
    for (const BirthDate& have : e.birth_dates) {
      if (have == b) return;
    }
    e.birth_dates.push_back(b);
  }

  Result<void> BirthDateOf(const pugi::xml_node& c, SanctionEntity& e) {
    const std::string type = ChildText(c, "TYPE_OF_DATE");
    BirthDate b;
    if (type == "BETWEEN") {
      pugi::xml_node from = ChildElement(c, "FROM_YEAR"), to = ChildElement(c, "TO_YEAR");
      const std::string from_text = NodeText(from), to_text = NodeText(to);
      int m, d;
      if (!ParsePartialIsoDate(from_text, b.year, m, d) || m != 0) {
        return src_.Fail(from ? from : c, "not a year: '" + from_text + "'");
      }
      if (!ParsePartialIsoDate(to_text, b.to_year, m, d) || m != 0 || b.to_year < b.year) {
        return src_.Fail(to ? to : c, "not a year after FROM_YEAR: '" + to_text + "'");
      }
      b.precision = DatePrecision::kBetween;
      AddBirthDate(e, b);
      return {};
    }
    pugi::xml_node date = ChildElement(c, "DATE");
    pugi::xml_node year = ChildElement(c, "YEAR");
    const std::string date_text = NodeText(date), year_text = NodeText(year);
    if (date_text.empty() && year_text.empty()) {
      // The placeholder (empty TYPE_OF_DATE) or a NOTE alone ("30-35 years
      // old"): no date to screen against.
      return {};
    }
    if (type == "APPROXIMATELY") {
      b.precision = DatePrecision::kApproximately;
    } else if (type != "EXACT" && !type.empty()) {
      return src_.Fail(ChildElement(c, "TYPE_OF_DATE"),
                       "unknown TYPE_OF_DATE '" + type + "' (expected EXACT, APPROXIMATELY or BETWEEN)");
    }
    if (!date_text.empty()) {
      if (!ParsePartialIsoDate(date_text, b.year, b.month, b.day)) {
        return src_.Fail(date, "not a date: '" + date_text + "' (expected YYYY-MM-DD)");
      }
    } else {
      int m, d;
      if (!ParsePartialIsoDate(year_text, b.year, m, d) || m != 0) {
        return src_.Fail(year, "not a year: '" + year_text + "'");
      }
    }
    AddBirthDate(e, b);
    return {};
  }

  static void Document(const pugi::xml_node& c, SanctionEntity& e) {
    SanctionIdentifier id;
    id.number = ChildText(c, "NUMBER");
    if (id.number.empty()) return;  // a document known only by its type identifies nobody
    std::string type = ChildText(c, "TYPE_OF_DOCUMENT"), type2 = ChildText(c, "TYPE_OF_DOCUMENT2");
    id.type = type.empty() ? type2 : type;
    std::string country = ChildText(c, "ISSUING_COUNTRY");
    if (country.empty()) country = ChildText(c, "COUNTRY_OF_ISSUE");
    if (!country.empty()) id.country = MapCountry(country);
    const std::string issued = ChildText(c, "DATE_OF_ISSUE");
    id.note = Join({type.empty() ? std::string() : type2, ChildText(c, "CITY_OF_ISSUE"),
                    issued.empty() ? std::string() : "issued " + issued, ChildText(c, "NOTE")},
                   "; ");
    // The same passport is sometimes listed once per language of the
    // resolution ("Passport", "Numéro de passeport", "Número de pasaporte").
    for (const SanctionIdentifier& have : e.identifiers) {
      if (have.number == id.number && have.country == id.country) return;
    }
    e.identifiers.push_back(std::move(id));
  }

  std::string_view text_;
  XmlSource src_;
};

}  // namespace

Result<SanctionList> ParseUnListText(std::string_view xml, std::string_view file_name) {
  return UnParser(xml, file_name).Parse();
}

Result<SanctionList> ParseUnList(const std::string& path) {
  const std::string text = TRY(ReadListFile(path));
  return ParseUnListText(text, path);
}

}  // namespace sargs
