// The EU consolidated list of persons, groups and entities subject to
// financial sanctions (FSF, XML format 1.1) into a SanctionList.
//
// Layout (namespace http://eu.europa.ec/fpi/fsd/export; matched by local
// name): export[@generationDate] / sanctionEntity[@logicalId,
// @euReferenceNumber, @designationDate] with
//   subjectType[@code]   "person" | "enterprise"
//   regulation[@programme, @publicationDate]     programmes; the earliest
//                        publicationDate is the listing date when the entity
//                        has no designationDate
//   nameAlias[@wholeName, @firstName, @middleName, @lastName, @strong,
//             @nameLanguage, @title, @function]  strong="false" is a weak alias
//   birthdate[@birthdate, @year, @monthOfYear, @dayOfMonth, @circa,
//             @yearRangeFrom, @yearRangeTo, @city, @place, @countryDescription]
//   citizenship[@countryIso2Code, @countryDescription]
//   identification[@number, @identificationTypeCode,
//             @identificationTypeDescription, @countryIso2Code, @issuedDate, @validTo]
//   address[@street, @city, @zipCode, @countryIso2Code, @countryDescription]
//   remark (text)
// The first nameAlias is the primary name (the EU lists the name of the
// legal act first). countryIso2Code "00" is the EU's "unknown". Missing
// logicalId, an entity without a name, and dates that are not dates are
// errors naming the element and line; unknown elements are ignored.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "screening/sanction_list.h"

namespace sargs {

Result<SanctionList> ParseEuList(const std::string& path);
Result<SanctionList> ParseEuListText(std::string_view xml, std::string_view file_name);

}  // namespace sargs
