// The US OFAC Specially Designated Nationals list into a SanctionList, from
// either of the two formats OFAC publishes it in.
//
// Legacy CSV (sdn.csv, alt.csv, add.csv): no header row, "-0-" (often with a
// trailing space) for null, CRLF line ends and a DOS end-of-file byte (0x1A)
// at the end; older files are Windows-1252, newer ones ASCII/UTF-8 — the
// text is converted to UTF-8 when it is not valid UTF-8 already.
//   sdn.csv  ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type,
//            Tonnage, GRT, Vess_flag, Vess_owner, Remarks
//   alt.csv  ent_num, alt_num, alt_type (aka|fka|nka), alt_name, alt_remarks
//   add.csv  ent_num, add_num, Address, City/State/Postal, Country, Add_remarks
// The CSV has no fields for dates of birth, nationality or documents: they
// live in Remarks, "; "-separated ("DOB 12 Jan 1960; alt. DOB 1961; POB ...;
// nationality Iran; Passport X123 (Iran); a.k.a. 'ABU X'."), and are parsed
// out of it. The aliases in alt.csv are OFAC's strong aliases; the weak ones
// exist only as "a.k.a. '...'" in Remarks and are marked weak. OFAC cuts
// Remarks at 1000 characters, so the last item of a long remark may be
// incomplete: an alias without its closing quote is dropped.
// Individuals are named "LAST, First": the parts are split and `full` is in
// natural order ("First LAST"). SDN_Type "-0-" is an organisation. A vessel's
// flag is its nationality.
//
// SDN XML (sdn.xml): sdnList / publshInformation / Publish_Date and sdnEntry
// (uid, firstName, lastName, title, sdnType, remarks, programList/program,
// akaList/aka with type and category strong|weak, idList/id, addressList,
// nationalityList, citizenshipList, dateOfBirthList/dateOfBirthItem,
// placeOfBirthList, vesselInfo). Elements are matched by local name: OFAC has
// moved the file between namespaces. idList items that are not identifiers
// ("Gender", "Website", "Secondary sanctions risk:") go to remarks.
//
// Dates of birth in both formats: "12 Jan 1960", "Jan 1960", "1960",
// "circa 1960", "circa 12 Jan 1960", "1960 to 1962", "01 Jan 1961 to 31 Dec
// 1962", "circa 1979-1982". Anything else is an error naming file, line and
// field: a date silently dropped would be a screening miss nobody sees.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "screening/sanction_list.h"

namespace sargs {

// Paths of the legacy CSV files; alt and add may be empty (not given).
struct OfacCsvFiles {
  std::string sdn;
  std::string alt;
  std::string add;
};
Result<SanctionList> ParseOfacList(const OfacCsvFiles& files);

// The same files' contents; the names are used in errors only.
struct OfacCsvText {
  std::string_view sdn;
  std::string_view alt;
  std::string_view add;
  std::string sdn_name = "sdn.csv";
  std::string alt_name = "alt.csv";
  std::string add_name = "add.csv";
};
Result<SanctionList> ParseOfacListText(const OfacCsvText& text);

Result<SanctionList> ParseOfacXmlList(const std::string& path);
Result<SanctionList> ParseOfacXmlListText(std::string_view xml, std::string_view file_name);

// One date of birth as OFAC writes it (see above). The Error has only a message.
Result<BirthDate> ParseOfacBirthDate(std::string_view text);

}  // namespace sargs
