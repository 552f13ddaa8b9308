#include "screening/eu_list.h"

#include <gtest/gtest.h>

#include "testing/replace_once.h"

namespace sargs {
namespace {

const std::string kDataDir = std::string(SARGS_SOURCE_DIR) + "/tests/data/sanctions/";

std::string ErrorOf(std::string_view xml) {
  auto r = ParseEuListText(xml, "eu.xml");
  return r ? std::string("(parsed)") : r.error().ToString();
}

TEST(EuList, Fixture) {
  auto r = ParseEuList(kDataDir + "eu_fsf_sample.xml");
  ASSERT_TRUE(r.has_value()) << r.error().ToString();
  EXPECT_EQ(r->source, "eu");
  EXPECT_EQ(r->version, "2026-02-20T18:02:11.341+01:00");
  ASSERT_EQ(r->entities.size(), 6u);

  const SanctionEntity& duma = r->entities[0];
  EXPECT_EQ(duma.entity_id, "90011");
  EXPECT_EQ(duma.secondary_id, "EU.9001.11");
  EXPECT_EQ(duma.type, EntityType::kPerson);
  EXPECT_EQ(duma.line, 3);
  EXPECT_EQ(duma.listed_on, ParseDate("2022-02-23").value());
  ASSERT_EQ(duma.names.size(), 3u);
  EXPECT_EQ(duma.names[0].full, "Ivan Petrovich SIDOROV");
  EXPECT_EQ(duma.names[0].first, "Ivan");
  EXPECT_EQ(duma.names[0].middle, "Petrovich");
  EXPECT_EQ(duma.names[0].last, "Sidorov");
  EXPECT_EQ(duma.names[0].kind, NameKind::kPrimary);
  EXPECT_FALSE(duma.names[0].original_script);
  EXPECT_EQ(duma.names[1].full, "Иван Петрович СИДОРОВ");
  EXPECT_TRUE(duma.names[1].original_script);
  EXPECT_EQ(duma.names[1].language, "ru");
  EXPECT_EQ(duma.names[1].kind, NameKind::kAlias);
  EXPECT_EQ(duma.names[2].full, "Vanya");
  EXPECT_EQ(duma.names[2].strength, NameStrength::kWeak);
  EXPECT_EQ(duma.nationalities, std::vector<CountryRef>{(CountryRef{"RU", "RUSSIAN FEDERATION"})});
  EXPECT_EQ(duma.birth_dates, std::vector<BirthDate>{(BirthDate{1968, 3, 14})});
  EXPECT_EQ(duma.birth_places, std::vector<std::string>{"Voronezh, RUSSIAN FEDERATION"});
  ASSERT_EQ(duma.identifiers.size(), 1u);
  EXPECT_EQ(duma.identifiers[0].type, "passport");
  EXPECT_EQ(duma.identifiers[0].number, "720123456");
  EXPECT_EQ(duma.identifiers[0].country.iso2, "RU");
  EXPECT_EQ(duma.identifiers[0].note, "National passport; issued 2015-06-01");
  EXPECT_EQ(duma.programmes, std::vector<std::string>{"UKR"});
  EXPECT_EQ(duma.positions, std::vector<std::string>{"Member of the State Duma"});
  EXPECT_EQ(duma.remarks.rfind("Member of the State Duma who voted", 0), 0u);

  const SanctionEntity& tanker = r->entities[1];
  EXPECT_EQ(tanker.type, EntityType::kOrganisation);
  EXPECT_EQ(tanker.programmes, (std::vector<std::string>{"UKR", "RUS"}));
  EXPECT_EQ(tanker.names[1].full, "АО «Балтийская танкерная торговля»");
  EXPECT_TRUE(tanker.names[1].original_script);
  EXPECT_EQ(tanker.names[2].strength, NameStrength::kWeak);
  ASSERT_EQ(tanker.addresses.size(), 1u);
  EXPECT_EQ(tanker.addresses[0].text, "Kanonersky Island 19, Saint Petersburg, 198184");
  EXPECT_EQ(tanker.addresses[0].country.iso2, "RU");

  // No designationDate: the first regulation's publication date. A circa year
  // and a year range; "00" is the EU's unknown country.
  const SanctionEntity& haji = r->entities[2];
  EXPECT_EQ(haji.listed_on, ParseDate("2002-05-29").value());
  EXPECT_EQ(haji.names[0].title, "Haji");
  EXPECT_TRUE(haji.names[1].original_script);
  EXPECT_EQ(haji.names[1].language, "ar");
  EXPECT_EQ(haji.names[2].strength, NameStrength::kWeak);
  ASSERT_EQ(haji.birth_dates.size(), 2u);
  EXPECT_EQ(haji.birth_dates[0].precision, DatePrecision::kApproximately);
  EXPECT_EQ(haji.birth_dates[0].ToString(), "~1965");
  EXPECT_EQ(haji.birth_dates[1].precision, DatePrecision::kBetween);
  EXPECT_EQ(haji.birth_dates[1].ToString(), "1960..1962");
  EXPECT_EQ(haji.birth_places, std::vector<std::string>{"Kandahar, AFGHANISTAN"});

  // Month and year only; an unknown citizenship is no nationality.
  const SanctionEntity& koval = r->entities[3];
  EXPECT_EQ(koval.birth_dates, std::vector<BirthDate>{(BirthDate{1974, 5, 0})});
  EXPECT_TRUE(koval.nationalities.empty());

  // A nameAlias with only a function adds no name; unknown elements are skipped.
  const SanctionEntity& minsk = r->entities[4];
  EXPECT_EQ(minsk.names.size(), 1u);
  EXPECT_EQ(minsk.positions, std::vector<std::string>{"Transport operator"});
  EXPECT_EQ(minsk.addresses[0].country.iso2, "BY");

  // wholeName empty: composed from the parts.
  const SanctionEntity& karimi = r->entities[5];
  EXPECT_EQ(karimi.names[0].full, "Mohammad Karimi");
  EXPECT_EQ(karimi.nationalities[0].iso2, "IR");
  EXPECT_EQ(karimi.birth_dates.size(), 2u);
}

constexpr std::string_view kMinimal = R"(<?xml version="1.0" encoding="UTF-8"?>
<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2026-01-01">
  <sanctionEntity logicalId="1" euReferenceNumber="EU.1.1">
    <subjectType code="person"/>
    <nameAlias wholeName="John Doe" strong="true"/>
    <birthdate birthdate="1970-01-02" circa="false"/>
  </sanctionEntity>
</export>
)";

TEST(EuList, MalformedInputNamesFileLineAndElement) {
  EXPECT_EQ(ErrorOf(kMinimal), "(parsed)");
  EXPECT_EQ(ErrorOf(kMinimal.substr(0, kMinimal.find("  </sanctionEntity>"))),
            "eu.xml:6:54: malformed XML: Start-end tags mismatch");
  EXPECT_EQ(ErrorOf(ReplaceOnce(kMinimal, "logicalId=\"1\" ", "")), "eu.xml:3:3: sanctionEntity: no logicalId");
  EXPECT_EQ(ErrorOf(ReplaceOnce(kMinimal, "John Doe", "")),
            "eu.xml:3:3: sanctionEntity: entity 1 has no nameAlias with a name");
  EXPECT_EQ(ErrorOf(ReplaceOnce(kMinimal, "1970-01-02", "1970-02-30")),
            "eu.xml:6:5: birthdate: birthdate is not a date: '1970-02-30' (expected YYYY-MM-DD)");
  EXPECT_EQ(ErrorOf(ReplaceOnce(kMinimal, "birthdate=\"1970-01-02\"", "year=\"1970\" monthOfYear=\"13\"")),
            "eu.xml:6:5: birthdate: not a date: year '1970', monthOfYear '13', dayOfMonth ''");
  EXPECT_EQ(ErrorOf(ReplaceOnce(kMinimal, "birthdate=\"1970-01-02\"", "yearRangeFrom=\"1972\" yearRangeTo=\"1970\"")),
            "eu.xml:6:5: birthdate: not a year range: yearRangeFrom '1972', yearRangeTo '1970'");
  EXPECT_EQ(ErrorOf(ReplaceOnce(kMinimal, "strong=\"true\"", "strong=\"yes\"")),
            "eu.xml:5:5: nameAlias: strong must be true or false, not 'yes'");
  EXPECT_EQ(ErrorOf("<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST/>"),
            "eu.xml:2:1: CONSOLIDATED_LIST: not an EU financial sanctions file (the root element must be export)");
}

}  // namespace
}  // namespace sargs
