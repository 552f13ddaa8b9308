#include "screening/lv_list.h"

#include <algorithm>
#include <optional>

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

// A field that may be an attribute or a child element (attribute first).
std::string Field(const pugi::xml_node& n, std::string_view name) {
  std::string v = AttributeText(n, name);
  return v.empty() ? ChildText(n, name) : v;
}

// The element a field came from, for error lines: the child when there is
// one, else the node itself.
pugi::xml_node FieldNode(const pugi::xml_node& n, std::string_view name) {
  pugi::xml_node c = ChildElement(n, name);
  return c ? c : n;
}

// "YYYY-MM-DD", "YYYY-MM", "YYYY" or "DD.MM.YYYY" (the Latvian way).
bool ParseLvDate(const std::string& s, int& year, int& month, int& day) {
  if (s.size() == 10 && s[2] == '.' && s[5] == '.') {
    return ParsePartialIsoDate(s.substr(6, 4) + "-" + s.substr(3, 2) + "-" + s.substr(0, 2), year, month, day);
  }
  return ParsePartialIsoDate(s, year, month, day);
}

class LvParser {
 public:
  LvParser(std::string_view text, std::string_view file) : text_(text), src_(file, text) {}

  Result<SanctionList> Parse() {
    pugi::xml_document doc;
    TRY_VOID(LoadXml(doc, text_, src_));
    pugi::xml_node root = doc.document_element();
    SanctionList list;
    list.source = "lv";
    for (std::string_view v : {"GenerationDate", "PublicationDate", "Date"}) {
      list.version = Field(root, v);
      if (!list.version.empty()) break;
    }
    TRY_VOID(Collect(root, list));
    return list;
  }

 private:
  // Every Entity under `n`, at any depth, in document order.
  Result<void> Collect(const pugi::xml_node& n, SanctionList& list) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      if (LocalName(c) == "Entity") {
        list.entities.push_back(TRY(Entity(c)));
      } else {
        TRY_VOID(Collect(c, list));
      }
    }
    return {};
  }

  Result<SanctionEntity> Entity(const pugi::xml_node& n) {
    SanctionEntity e;
    e.source = "lv";
    e.line = src_.At(n).line;
    e.entity_id = Field(n, "Id");
    if (e.entity_id.empty()) return src_.Fail(n, "no Id");
    const std::string type = Field(n, "Type");
    if (type == "FP") {
      e.type = EntityType::kPerson;
    } else if (type == "JP") {
      e.type = EntityType::kOrganisation;
    } else if (!type.empty()) {
      return src_.Fail(FieldNode(n, "Type"), "unknown Type '" + type + "' (expected FP or JP)");
    }

    // Names first, then aliases, whatever the order of the elements.
    std::vector<SanctionName> names, aliases;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view name = LocalName(c);
      if (name == "Name" || name == "Alias") {
        if (std::optional<SanctionName> s = NameOf(c)) (name == "Name" ? names : aliases).push_back(std::move(*s));
      } else if (name == "Birth") {
        AddUnique(e.birth_places, Field(c, "Place"));
        TRY_VOID(BirthDateOf(c, FieldNode(c, "BirthDate"), Field(c, "BirthDate"), e));
      } else if (name == "BirthDate") {
        TRY_VOID(BirthDateOf(c, c, NodeText(c), e));
      } else if (name == "Citizen") {
        std::string text = NodeText(c);
        if (text.empty()) text = Field(c, "Country");
        if (text.empty()) continue;
        CountryRef country = MapCountry(text);
        if (std::find(e.nationalities.begin(), e.nationalities.end(), country) == e.nationalities.end()) {
          e.nationalities.push_back(std::move(country));
        }
      } else if (name == "Document") {
        SanctionIdentifier id;
        id.number = Field(c, "Number");
        if (id.number.empty()) id.number = NodeText(c);
        if (id.number.empty()) continue;
        id.type = Field(c, "Type");
        if (std::string country = Field(c, "Country"); !country.empty()) id.country = MapCountry(country);
        id.note = Field(c, "Note");
        e.identifiers.push_back(std::move(id));
      } else if (name == "ListedOn") {
        const std::string t = NodeText(c);
        int y, m, d;
        if (!ParseLvDate(t, y, m, d) || d == 0) {
          return src_.Fail(c, "not a date: '" + t + "' (expected YYYY-MM-DD)");
        }
        e.listed_on = Date(std::chrono::year{y} / m / d);
      } else if (name == "Program") {
        AddUnique(e.programmes, NodeText(c));
      } else if (name == "Remarks" || name == "Remark") {
        const std::string t = NodeText(c);
        if (!t.empty()) e.remarks += (e.remarks.empty() ? "" : "\n") + t;
      }
    }
    if (names.empty()) return src_.Fail(n, "entity " + e.entity_id + " has no Name");
    names.front().kind = NameKind::kPrimary;
    e.names = std::move(names);
    for (SanctionName& a : aliases) e.names.push_back(std::move(a));
    return e;
  }

  // A Name or Alias element as a name; nullopt when it holds no name.
  static std::optional<SanctionName> NameOf(const pugi::xml_node& c) {
    SanctionName s;
    s.first = Field(c, "FirstName");
    s.last = Field(c, "LastName");
    s.full = Field(c, "WholeName");
    if (s.full.empty()) {
      s.full = s.first.empty() ? s.last : s.last.empty() ? s.first : s.first + " " + s.last;
    }
    if (s.full.empty()) s.full = NodeText(c);
    if (s.full.empty()) return std::nullopt;
    s.language = Lower(Field(c, "Language"));
    s.original_script = HasNonLatinLetters(s.full);
    const std::string strong = Lower(Field(c, "Strong")), quality = Lower(Field(c, "Quality"));
    if (strong == "false" || quality == "low" || quality == "weak") s.strength = NameStrength::kWeak;
    s.kind = NameKind::kAlias;
    return s;
  }

  Result<void> BirthDateOf(const pugi::xml_node& owner, const pugi::xml_node& at, const std::string& text,
                           SanctionEntity& e) {
    if (text.empty()) return {};
    BirthDate b;
    int m, d;
    if (text.size() == 9 && text[4] == '-') {  // "1960-1962"
      if (!ParsePartialIsoDate(text.substr(0, 4), b.year, m, d) ||
          !ParsePartialIsoDate(text.substr(5, 4), b.to_year, m, d) || b.to_year < b.year) {
        return src_.Fail(at, "not a year range: '" + text + "'");
      }
      b.precision = DatePrecision::kBetween;
    } else if (!ParseLvDate(text, b.year, b.month, b.day)) {
      return src_.Fail(at, "not a date: '" + text + "' (expected YYYY-MM-DD, YYYY-MM, YYYY or DD.MM.YYYY)");
    } else if (Lower(Field(owner, "Circa")) == "true" || Lower(AttributeText(at, "Circa")) == "true") {
      b.precision = DatePrecision::kApproximately;
    }
    if (std::find(e.birth_dates.begin(), e.birth_dates.end(), b) == e.birth_dates.end()) e.birth_dates.push_back(b);
    return {};
  }

  std::string_view text_;
  XmlSource src_;
};

}  // namespace

Result<SanctionList> ParseLvListText(std::string_view xml, std::string_view file_name) {
  return LvParser(xml, file_name).Parse();
}

Result<SanctionList> ParseLvList(const std::string& path) {
  const std::string text = TRY(ReadListFile(path));
  return ParseLvListText(text, path);
}

}  // namespace sargs
