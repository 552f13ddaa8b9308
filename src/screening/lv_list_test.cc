#include "screening/lv_list.h"

#include <gtest/gtest.h>

#include "testing/replace_once.h"

namespace sargs {
namespace {

const std::string kDataDir = std::string(SARGS_SOURCE_DIR) + "/tests/data/sanctions/";

std::string ErrorOf(std::string_view xml) {
  auto r = ParseLvListText(xml, "lv.xml");
  return r ? std::string("(parsed)") : r.error().ToString();
}

TEST(LvList, FixtureWithAttributesAndChildElements) {
  auto r = ParseLvList(kDataDir + "lv_national_sample.xml");
  ASSERT_TRUE(r.has_value()) << r.error().ToString();
  EXPECT_EQ(r->source, "lv");
  EXPECT_EQ(r->version, "2026-01-15");
  ASSERT_EQ(r->entities.size(), 3u);

  const SanctionEntity& p = r->entities[0];
  EXPECT_EQ(p.entity_id, "LV-2022-001");
  EXPECT_EQ(p.type, EntityType::kPerson);
  EXPECT_EQ(p.line, 5);
  ASSERT_EQ(p.names.size(), 3u);
  EXPECT_EQ(p.names[0].full, "Pjotrs Ivanovs");
  EXPECT_EQ(p.names[0].first, "Pjotrs");
  EXPECT_EQ(p.names[0].last, "Ivanovs");
  EXPECT_EQ(p.names[0].kind, NameKind::kPrimary);
  EXPECT_EQ(p.names[1].full, "Пётр Иванов");
  EXPECT_TRUE(p.names[1].original_script);
  EXPECT_EQ(p.names[1].language, "ru");
  EXPECT_EQ(p.names[2].strength, NameStrength::kWeak);
  EXPECT_EQ(p.birth_dates, std::vector<BirthDate>{(BirthDate{1970, 5, 4})});  // 04.05.1970
  EXPECT_EQ(p.birth_places, std::vector<std::string>{"Daugavpils"});
  ASSERT_EQ(p.nationalities.size(), 2u);
  EXPECT_EQ(p.nationalities[0].iso2, "RU");
  EXPECT_EQ(p.nationalities[1].iso2, "LV");
  ASSERT_EQ(p.identifiers.size(), 1u);
  EXPECT_EQ(p.identifiers[0].type, "Passport");
  EXPECT_EQ(p.identifiers[0].number, "LV1234567");
  EXPECT_EQ(p.identifiers[0].country.iso2, "LV");
  EXPECT_EQ(p.listed_on, ParseDate("2022-03-10").value());
  EXPECT_EQ(p.programmes, std::vector<std::string>{"Valsts drošības apdraudējums"});
  EXPECT_EQ(p.remarks, "Iekļauts ar Ārlietu ministra rīkojumu.");

  // Id and Type as child elements; an alias as plain text with Quality="Low".
  const SanctionEntity& company = r->entities[1];
  EXPECT_EQ(company.entity_id, "LV-2023-014");
  EXPECT_EQ(company.type, EntityType::kOrganisation);
  EXPECT_EQ(company.names[0].full, "SIA \"Baltijas Tranzīta Serviss\"");
  EXPECT_EQ(company.names[1].full, "BTS");
  EXPECT_EQ(company.names[1].strength, NameStrength::kWeak);
  EXPECT_EQ(company.identifiers[0].number, "40003123456");
  EXPECT_EQ(company.identifiers[0].type, "Reģistrācijas numurs");

  // An Alias before the Name: the Name is still the primary name.
  const SanctionEntity& hasan = r->entities[2];
  ASSERT_EQ(hasan.names.size(), 2u);
  EXPECT_EQ(hasan.names[0].full, "Alijev Hasan");
  EXPECT_EQ(hasan.names[0].kind, NameKind::kPrimary);
  EXPECT_EQ(hasan.names[1].full, "Ali Hasanov");
  ASSERT_EQ(hasan.birth_dates.size(), 1u);
  EXPECT_EQ(hasan.birth_dates[0].ToString(), "~1958");
  EXPECT_EQ(hasan.nationalities[0].iso2, "AZ");
  EXPECT_EQ(hasan.listed_on, ParseDate("2024-02-15").value());
}

constexpr std::string_view kMinimal = R"(<?xml version="1.0" encoding="UTF-8"?>
<List>
  <Entity Id="1" Type="FP">
    <Name><WholeName>Jānis Bērziņš</WholeName></Name>
    <Birth><BirthDate>1970-01-02</BirthDate></Birth>
    <ListedOn>2024-01-01</ListedOn>
  </Entity>
</List>
)";

TEST(LvList, MalformedInputNamesFileLineAndElement) {
  EXPECT_EQ(ErrorOf(kMinimal), "(parsed)");
  EXPECT_EQ(ErrorOf(kMinimal.substr(0, kMinimal.find("</Entity>"))),
            "lv.xml:7:2: malformed XML: Start-end tags mismatch");
  EXPECT_EQ(ErrorOf(ReplaceOnce(kMinimal, "Id=\"1\" ", "")), "lv.xml:3:3: Entity: no Id");
  EXPECT_EQ(ErrorOf(ReplaceOnce(kMinimal, "<WholeName>Jānis Bērziņš</WholeName>", "")),
            "lv.xml:3:3: Entity: entity 1 has no Name");
  EXPECT_EQ(ErrorOf(ReplaceOnce(kMinimal, "1970-01-02", "1970-02-30")),
            "lv.xml:5:12: BirthDate: not a date: '1970-02-30' (expected YYYY-MM-DD, YYYY-MM, YYYY or DD.MM.YYYY)");
  EXPECT_EQ(ErrorOf(ReplaceOnce(kMinimal, "2024-01-01", "soon")),
            "lv.xml:6:5: ListedOn: not a date: 'soon' (expected YYYY-MM-DD)");
  EXPECT_EQ(ErrorOf(ReplaceOnce(kMinimal, "Type=\"FP\"", "Type=\"XX\"")),
            "lv.xml:3:3: Entity: unknown Type 'XX' (expected FP or JP)");
}

}  // namespace
}  // namespace sargs
