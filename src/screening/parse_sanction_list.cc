#include "screening/parse_sanction_list.h"

#include "screening/eu_list.h"
#include "screening/lv_list.h"
#include "screening/ofac_list.h"
#include "screening/un_list.h"

namespace sargs {
namespace {

// The file name without its directory, in lower case.
std::string BaseNameLower(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  for (char& c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return name;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

Result<SanctionList> ParseOfac(const std::vector<std::string>& files) {
  if (files.size() == 1 && EndsWith(BaseNameLower(files[0]), ".xml")) return ParseOfacXmlList(files[0]);
  OfacCsvFiles csv;
  for (const std::string& f : files) {
    const std::string name = BaseNameLower(f);
    std::string* slot = name == "sdn.csv" ? &csv.sdn : name == "alt.csv" ? &csv.alt : name == "add.csv" ? &csv.add : nullptr;
    if (slot == nullptr) {
      return Fail(Location{f, 0, 0}, "",
                  "not an OFAC list file (expected sdn.xml alone, or sdn.csv with optional alt.csv and add.csv)");
    }
    if (!slot->empty()) return Fail(Location{f, 0, 0}, "", "given twice: " + name);
    *slot = f;
  }
  if (csv.sdn.empty()) return Fail("the OFAC legacy CSV needs sdn.csv (alt.csv and add.csv are optional)");
  return ParseOfacList(csv);
}

}  // namespace

Result<SanctionList> ParseSanctionList(std::string_view source, const std::vector<std::string>& files) {
  if (source == "ofac") {
    if (files.empty()) return Fail("no files given for the OFAC list");
    return ParseOfac(files);
  }
  Result<SanctionList> (*parse)(const std::string&) = source == "eu"   ? &ParseEuList
                                                      : source == "un" ? &ParseUnList
                                                      : source == "lv" ? &ParseLvList
                                                                       : nullptr;
  if (parse == nullptr) {
    return Fail("unknown sanctions list '" + std::string(source) + "' (expected eu, un, ofac or lv)");
  }
  if (files.size() != 1) {
    return Fail("the " + std::string(source) + " list is one XML file; " + std::to_string(files.size()) +
                " given");
  }
  return parse(files[0]);
}

}  // namespace sargs
