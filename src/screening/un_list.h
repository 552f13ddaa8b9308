// The UN Security Council consolidated list (scsanctions.un.org
// consolidated.xml) into a SanctionList.
//
// Layout: CONSOLIDATED_LIST[@dateGenerated] / INDIVIDUALS / INDIVIDUAL and
// ENTITIES / ENTITY. What is read, and how:
//   REFERENCE_NUMBER ("QDi.001")  -> entity_id (required); DATAID -> secondary_id
//   FIRST_NAME..FOURTH_NAME       -> the primary name, parts joined in order
//   *_ALIAS (QUALITY, ALIAS_NAME) -> aliases: "Good"/"a.k.a." strong, "Low"
//                                    weak, "f.k.a." a former name; an alias's
//                                    own DATE_OF_BIRTH joins the birth dates
//   NAME_ORIGINAL_SCRIPT          -> a strong alias in its original script
//   INDIVIDUAL_DATE_OF_BIRTH      -> TYPE_OF_DATE EXACT | APPROXIMATELY (DATE or
//                                    YEAR) | BETWEEN (FROM_YEAR, TO_YEAR)
//   NATIONALITY/VALUE, INDIVIDUAL_DOCUMENT, *_ADDRESS, INDIVIDUAL_PLACE_OF_BIRTH,
//   UN_LIST_TYPE (programme), LISTED_ON, TITLE, DESIGNATION, COMMENTS1.
//
// Quirks of the real file that the parser accepts: empty placeholder
// elements (<INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>, a
// date of birth with only an empty TYPE_OF_DATE or only a NOTE such as
// "30-35 years old" — these carry no date and are skipped), LISTED_ON with a
// UTC offset ("2015-04-07-04:00"), line breaks inside values.
// Missing REFERENCE_NUMBER, an entry without any name, or a date that is not
// a date are errors naming the element and its line.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "screening/sanction_list.h"

namespace sargs {

Result<SanctionList> ParseUnList(const std::string& path);
// `file_name` names the text in errors.
Result<SanctionList> ParseUnListText(std::string_view xml, std::string_view file_name);

}  // namespace sargs
