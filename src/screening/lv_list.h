// The Latvian national sanctions list (LV_national_v2.xml) into a
// SanctionList.
//
// No specification of this file is published with it, and the files seen so
// far differ in whether a value is an attribute or a child element, so the
// parser reads every field from either place (attribute first) and assumes
// this layout:
//
//   <AnyRoot GenerationDate="2025-06-02">        version: @GenerationDate |
//                                                 @PublicationDate | @Date (or
//                                                 a child element of that name)
//     <Entity Id="LV-0001" Type="FP">             Id, Type: attribute or child;
//                                                 FP = natural person, JP = legal
//                                                 person; Entity at any depth
//       <Name><FirstName/><LastName/></Name>      or <Name><WholeName/></Name> or
//                                                 <Name>text</Name>; the first Name
//                                                 is the primary name, further ones
//                                                 aliases; @Language optional
//       <Alias Strong="false">...</Alias>         same shapes as Name; weak when
//                                                 Strong="false" or Quality="Low"/"weak"
//       <Birth Circa="true"><BirthDate/><Place/></Birth>   or BirthDate directly
//                                                 in Entity; "YYYY-MM-DD", "YYYY-MM",
//                                                 "YYYY", "DD.MM.YYYY", "YYYY-YYYY"
//       <Citizen>RU</Citizen>                     ISO code or country name
//       <Document Type="Passport" Number="X" Country="RU"/>   or child elements,
//                                                 or the number as the text
//       <ListedOn>2023-03-01</ListedOn>           YYYY-MM-DD or DD.MM.YYYY
//       <Program>..</Program>  <Remarks>..</Remarks>
//     </Entity>
//
// An Entity without an Id or without any name, an unknown Type, and dates
// that are not dates are errors naming the element and line. Elements not
// listed here are ignored.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "screening/sanction_list.h"

namespace sargs {

Result<SanctionList> ParseLvList(const std::string& path);
Result<SanctionList> ParseLvListText(std::string_view xml, std::string_view file_name);

}  // namespace sargs
