#include "screening/un_list.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "testing/replace_once.h"

namespace sargs {
namespace {

const std::string kDataDir = std::string(SARGS_SOURCE_DIR) + "/tests/data/sanctions/";

const SanctionList& RealUnList() {
  // Parsed once for all tests: the whole list takes about 10 ms.
  static const SanctionList* list = [] {
    auto parsed = ParseUnList(kDataDir + "un_consolidated.xml");
    EXPECT_TRUE(parsed.has_value()) << parsed.error().ToString();
    return new SanctionList(parsed ? std::move(*parsed) : SanctionList{});
  }();
  return *list;
}

const SanctionEntity* Find(const SanctionList& list, std::string_view id) {
  auto it = std::find_if(list.entities.begin(), list.entities.end(),
                         [&](const SanctionEntity& e) { return e.entity_id == id; });
  return it == list.entities.end() ? nullptr : &*it;
}

std::string ErrorOf(std::string_view xml) {
  auto r = ParseUnListText(xml, "un.xml");
  return r ? std::string("(parsed)") : r.error().ToString();
}

// Counts computed independently from the file with Python's ElementTree.
TEST(UnList, RealFileCounts) {
  const SanctionList& list = RealUnList();
  EXPECT_EQ(list.source, "un");
  EXPECT_EQ(list.version, "2026-02-27T00:00:09.554Z");
  ASSERT_EQ(list.entities.size(), 1003u);
  int persons = 0, organisations = 0, names = 0, weak = 0, former = 0, original = 0, identifiers = 0;
  int dates = 0, exact = 0, approximately = 0, between = 0, with_dates = 0;
  for (const SanctionEntity& e : list.entities) {
    persons += e.type == EntityType::kPerson;
    organisations += e.type == EntityType::kOrganisation;
    EXPECT_EQ(e.source, "un");
    EXPECT_FALSE(e.secondary_id.empty()) << e.entity_id;
    EXPECT_EQ(e.names.front().kind, NameKind::kPrimary) << e.entity_id;
    names += static_cast<int>(e.names.size());
    for (const SanctionName& n : e.names) {
      EXPECT_FALSE(n.full.empty());
      weak += n.strength == NameStrength::kWeak;
      former += n.kind == NameKind::kFormer;
      original += n.original_script;
    }
    for (const BirthDate& b : e.birth_dates) {
      exact += b.precision == DatePrecision::kExact;
      approximately += b.precision == DatePrecision::kApproximately;
      between += b.precision == DatePrecision::kBetween;
    }
    dates += static_cast<int>(e.birth_dates.size());
    with_dates += !e.birth_dates.empty();
    identifiers += static_cast<int>(e.identifiers.size());
    EXPECT_TRUE(e.listed_on.has_value()) << e.entity_id;
  }
  EXPECT_EQ(persons, 730);
  EXPECT_EQ(organisations, 273);
  // 1003 primary names + 2752 aliases with a name + 378 original-script
  // names = 4133; 14 aliases hold two or more names ("Jin Tiesan (金铁三)")
  // and are split into 55 names, which makes 41 more.
  EXPECT_EQ(names, 4174);
  EXPECT_EQ(weak, 626);  // QUALITY "Low": 615 aliases, 7 of them split in two
  EXPECT_EQ(former, 19);
  // The 378 NAME_ORIGINAL_SCRIPT names, 14 halves of split aliases and 25
  // aliases written in their original script (some with Latin in brackets).
  EXPECT_EQ(original, 417);
  EXPECT_EQ(dates, 888);
  EXPECT_EQ(exact, 741);
  EXPECT_EQ(approximately, 116);
  EXPECT_EQ(between, 31);
  EXPECT_EQ(with_dates, 677);
  EXPECT_EQ(identifiers, 448);
}

TEST(UnList, PersonWithGradedAliasesAndOriginalScript) {
  const SanctionEntity* e = Find(RealUnList(), "QDi.399");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->secondary_id, "6908575");
  EXPECT_EQ(e->type, EntityType::kPerson);
  ASSERT_EQ(e->names.size(), 5u);
  EXPECT_EQ(e->names[0].full, "BASSAM AHMAD AL-HASRI");
  EXPECT_EQ(e->names[0].kind, NameKind::kPrimary);
  EXPECT_EQ(e->names[1].full, "Bassam Ahmad Husari");
  EXPECT_EQ(e->names[1].strength, NameStrength::kStrong);
  EXPECT_EQ(e->names[2].full, "Abu Ahmad Akhlaq");
  EXPECT_EQ(e->names[2].strength, NameStrength::kWeak);
  EXPECT_EQ(e->names[3].full, "Abu Ahmad al-Shami");
  EXPECT_EQ(e->names[3].strength, NameStrength::kWeak);
  EXPECT_EQ(e->names[4].full, "بسام أحمد الحصري");  // leading and trailing spaces in the file
  EXPECT_TRUE(e->names[4].original_script);
  EXPECT_EQ(e->names[4].strength, NameStrength::kStrong);

  ASSERT_EQ(e->birth_dates.size(), 2u);
  EXPECT_EQ(e->birth_dates[0].ToString(), "1969-01-01");
  EXPECT_EQ(e->birth_dates[0].precision, DatePrecision::kExact);
  EXPECT_EQ(e->birth_dates[1].ToString(), "~1971");
  EXPECT_EQ(e->birth_dates[1].precision, DatePrecision::kApproximately);

  ASSERT_EQ(e->nationalities.size(), 2u);
  EXPECT_EQ(e->nationalities[0], (CountryRef{"SY", "Syrian Arab Republic"}));
  EXPECT_EQ(e->nationalities[1], (CountryRef{"PS", "State of Palestine"}));
  EXPECT_EQ(e->birth_places.size(), 3u);
  EXPECT_EQ(e->birth_places[0], "Qalamun, Damascus Province, Syrian Arab Republic");
  EXPECT_EQ(e->programmes, std::vector<std::string>{"Al-Qaida"});
  EXPECT_EQ(e->listed_on, ParseDate("2017-02-22").value());
  EXPECT_EQ(e->remarks.rfind("Leader of Al-Nusrah Front", 0), 0u);
}

TEST(UnList, DateRangesFormerNamesAndOffsetListingDates) {
  const SanctionList& list = RealUnList();
  const SanctionEntity* bosco = Find(list, "CDi.030");
  ASSERT_NE(bosco, nullptr);
  ASSERT_EQ(bosco->birth_dates.size(), 1u);
  EXPECT_EQ(bosco->birth_dates[0].precision, DatePrecision::kBetween);
  EXPECT_EQ(bosco->birth_dates[0].ToString(), "1973..1974");

  const SanctionEntity* adf = Find(list, "CDe.001");
  ASSERT_NE(adf, nullptr);
  EXPECT_EQ(adf->type, EntityType::kOrganisation);
  EXPECT_EQ(adf->names[0].full, "ADF");
  ASSERT_EQ(adf->names.size(), 5u);
  EXPECT_EQ(adf->names[1].full, "Allied Democratic Forces");
  EXPECT_EQ(adf->names[1].kind, NameKind::kAlias);
  EXPECT_EQ(adf->names[4].full, "NALU");
  EXPECT_EQ(adf->names[4].kind, NameKind::kFormer);

  // "2015-04-07-04:00": the date with a UTC offset.
  const SanctionEntity* q352 = Find(list, "QDi.352");
  ASSERT_NE(q352, nullptr);
  EXPECT_EQ(q352->listed_on, ParseDate("2015-04-07").value());

  const SanctionEntity* saddam = Find(list, "IQi.001");
  ASSERT_NE(saddam, nullptr);
  EXPECT_EQ(saddam->names[0].full, "SADDAM HUSSEIN AL-TIKRITI");
  EXPECT_EQ(saddam->names[1].full, "Abu Ali");
  EXPECT_EQ(saddam->names[1].strength, NameStrength::kWeak);
  EXPECT_EQ(saddam->names[2].full, "صدام حسين التكريتي");
  EXPECT_EQ(saddam->birth_dates, std::vector<BirthDate>{(BirthDate{1937, 4, 28})});
}

TEST(UnList, AliasesWithTwoScriptsAreSplit) {
  const SanctionList& list = RealUnList();
  bool found = false;
  for (const SanctionEntity& e : list.entities) {
    for (size_t i = 0; i + 1 < e.names.size(); ++i) {
      if (e.names[i].full != "Jin Tiesan") continue;
      found = true;
      EXPECT_FALSE(e.names[i].original_script);
      EXPECT_EQ(e.names[i + 1].full, "金铁三");
      EXPECT_TRUE(e.names[i + 1].original_script);
      EXPECT_EQ(e.names[i + 1].strength, e.names[i].strength);
    }
  }
  EXPECT_TRUE(found);
}

TEST(UnList, OriginalScriptLabelIsNoPartOfTheName) {
  const SanctionList& list = RealUnList();
  int labelled = 0;
  for (const SanctionEntity& e : list.entities) {
    for (size_t i = 0; i < e.names.size(); ++i) {
      EXPECT_NE(e.names[i].full.rfind("original script:", 0), 0u) << e.entity_id;
      if (e.names[i].full == "Amir Khazmat") {
        ASSERT_LT(i + 1, e.names.size());
        EXPECT_EQ(e.names[i + 1].full, "Амир Хазмат");
        EXPECT_TRUE(e.names[i + 1].original_script);
        ++labelled;
      }
    }
  }
  EXPECT_EQ(labelled, 1);
}

TEST(UnList, OnePassportListedInThreeLanguagesIsOneIdentifier) {
  const SanctionEntity* e = Find(RealUnList(), "KPi.006");
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->identifiers.size(), 1u);
  EXPECT_EQ(e->identifiers[0].number, "381420754");
  EXPECT_EQ(e->identifiers[0].type, "Numéro de passeport");
}

constexpr std::string_view kMinimal = R"(<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2026-01-01T00:00:00Z">
  <INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>1</DATAID>
      <FIRST_NAME>JOHN</FIRST_NAME>
      <SECOND_NAME>DOE</SECOND_NAME>
      <REFERENCE_NUMBER>XXi.001</REFERENCE_NUMBER>
      <SOMETHING_NEW><VALUE>ignored</VALUE></SOMETHING_NEW>
      <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Johnny</ALIAS_NAME><DATE_OF_BIRTH>1970-02-03</DATE_OF_BIRTH></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1970-01-02</DATE></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NUMBER>P 123</NUMBER><ISSUING_COUNTRY>Iraq</ISSUING_COUNTRY><DATE_OF_ISSUE>2001-01-01</DATE_OF_ISSUE></INDIVIDUAL_DOCUMENT>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES/>
</CONSOLIDATED_LIST>
)";

TEST(UnList, MinimalEntryWithAliasBirthDateAndUnknownElements) {
  auto r = ParseUnListText(kMinimal, "un.xml");
  ASSERT_TRUE(r.has_value()) << r.error().ToString();
  ASSERT_EQ(r->entities.size(), 1u);
  const SanctionEntity& e = r->entities[0];
  EXPECT_EQ(e.line, 4);
  EXPECT_EQ(e.names.size(), 2u);
  // The alias's own date of birth joins the entity's dates.
  EXPECT_EQ(e.birth_dates, (std::vector<BirthDate>{{1970, 2, 3}, {1970, 1, 2}}));
  ASSERT_EQ(e.identifiers.size(), 1u);
  EXPECT_EQ(e.identifiers[0].type, "Passport");
  EXPECT_EQ(e.identifiers[0].number, "P 123");
  EXPECT_EQ(e.identifiers[0].country.iso2, "IQ");
  EXPECT_EQ(e.identifiers[0].note, "issued 2001-01-01");
}

TEST(UnList, MalformedInputNamesFileLineAndElement) {
  // Truncated in the middle of an entry.
  EXPECT_EQ(ErrorOf(kMinimal.substr(0, kMinimal.find("<INDIVIDUAL_DOCUMENT>"))),
            "un.xml:12:6: malformed XML: Start-end tags mismatch");
  EXPECT_EQ(ErrorOf(ReplaceOnce(kMinimal, "<REFERENCE_NUMBER>XXi.001</REFERENCE_NUMBER>", "")),
            "un.xml:4:5: INDIVIDUAL: no REFERENCE_NUMBER (DATAID 1)");
  EXPECT_EQ(ErrorOf(ReplaceOnce(kMinimal, "<DATE>1970-01-02</DATE>", "<DATE>1970-02-30</DATE>")),
            "un.xml:11:67: DATE: not a date: '1970-02-30' (expected YYYY-MM-DD)");
  EXPECT_EQ(ErrorOf(ReplaceOnce(kMinimal, "EXACT", "ROUGHLY")),
            "un.xml:11:33: TYPE_OF_DATE: unknown TYPE_OF_DATE 'ROUGHLY' (expected EXACT, APPROXIMATELY or BETWEEN)");
  EXPECT_EQ(ErrorOf(ReplaceOnce(kMinimal, "<QUALITY>Good</QUALITY>", "<QUALITY>Medium</QUALITY>")),
            "un.xml:10:25: QUALITY: unknown alias quality 'Medium' (expected Good, Low, a.k.a. or f.k.a.)");
  std::string nameless = ReplaceOnce(ReplaceOnce(kMinimal, "<FIRST_NAME>JOHN</FIRST_NAME>", ""),
                                 "<SECOND_NAME>DOE</SECOND_NAME>", "");
  nameless = ReplaceOnce(nameless, "<ALIAS_NAME>Johnny</ALIAS_NAME>", "<ALIAS_NAME/>");
  EXPECT_EQ(ErrorOf(nameless), "un.xml:4:5: INDIVIDUAL: entry XXi.001 has no name");
  EXPECT_EQ(ErrorOf("<?xml version=\"1.0\"?>\n<sdnList/>\n"),
            "un.xml:2:1: sdnList: not a UN consolidated list (the root element must be CONSOLIDATED_LIST)");
  EXPECT_EQ(ErrorOf(""), "un.xml:1:1: malformed XML: No document element found");
}

TEST(UnList, MissingFile) {
  auto r = ParseUnList(kDataDir + "no_such_file.xml");
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().ToString().find("no_such_file.xml: cannot open file"), std::string::npos);
}

}  // namespace
}  // namespace sargs
