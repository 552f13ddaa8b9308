#include "screening/ofac_list.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace sargs {
namespace {

const std::string kDataDir = std::string(SARGS_SOURCE_DIR) + "/tests/data/sanctions/";

const SanctionList& RealOfacList() {
  // Parsed once for all tests (about 50 ms for the three files).
  static const SanctionList* list = [] {
    auto parsed = ParseOfacList({kDataDir + "ofac/sdn.csv", kDataDir + "ofac/alt.csv", kDataDir + "ofac/add.csv"});
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

std::vector<std::string> FullNames(const SanctionEntity& e) {
  std::vector<std::string> out;
  for (const SanctionName& n : e.names) out.push_back(n.full);
  return out;
}

// Counts computed independently with Python's csv module.
TEST(OfacList, RealCsvCounts) {
  const SanctionList& list = RealOfacList();
  EXPECT_EQ(list.source, "ofac");
  EXPECT_EQ(list.version, "");  // the legacy CSV states no date
  ASSERT_EQ(list.entities.size(), 8976u);
  int persons = 0, organisations = 0, vessels = 0, aircraft = 0, names = 0, weak = 0, former = 0;
  int dates = 0, exact = 0, approximately = 0, between = 0, with_dates = 0, with_nationality = 0, addresses = 0;
  for (const SanctionEntity& e : list.entities) {
    persons += e.type == EntityType::kPerson;
    organisations += e.type == EntityType::kOrganisation;
    vessels += e.type == EntityType::kVessel;
    aircraft += e.type == EntityType::kAircraft;
    names += static_cast<int>(e.names.size());
    for (const SanctionName& n : e.names) {
      weak += n.strength == NameStrength::kWeak;
      former += n.kind == NameKind::kFormer;
    }
    for (const BirthDate& b : e.birth_dates) {
      exact += b.precision == DatePrecision::kExact;
      approximately += b.precision == DatePrecision::kApproximately;
      between += b.precision == DatePrecision::kBetween;
    }
    dates += static_cast<int>(e.birth_dates.size());
    with_dates += !e.birth_dates.empty();
    with_nationality += e.type != EntityType::kVessel && !e.nationalities.empty();
    addresses += static_cast<int>(e.addresses.size());
  }
  EXPECT_EQ(persons, 4620);
  EXPECT_EQ(organisations, 3673);  // SDN_Type -0-
  EXPECT_EQ(vessels, 406);
  EXPECT_EQ(aircraft, 277);
  // 8976 primary names + 11910 rows of alt.csv + 2438 weak aliases in Remarks
  // (one more, "a.k.a. 'snowsjo", lost its closing quote to the 1000-character cut).
  EXPECT_EQ(names, 23324);
  EXPECT_EQ(weak, 2438);
  EXPECT_EQ(former, 369 + 24);  // fka rows in alt.csv + "f.k.a. '...'" in Remarks
  EXPECT_EQ(dates, 5124);
  EXPECT_EQ(exact, 4934);
  EXPECT_EQ(approximately, 77);
  EXPECT_EQ(between, 113);
  EXPECT_EQ(with_dates, 4428);
  EXPECT_EQ(with_nationality, 2546);
  EXPECT_EQ(addresses, 11440);
}

TEST(OfacList, PersonFromAllThreeFiles) {
  const SanctionEntity* e = Find(RealOfacList(), "7150");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, EntityType::kPerson);
  EXPECT_EQ(e->line, 385);
  ASSERT_GE(e->names.size(), 9u);
  EXPECT_EQ(e->names[0].full, "Abd al-Muhsin AL-LIBI");
  EXPECT_EQ(e->names[0].first, "Abd al-Muhsin");
  EXPECT_EQ(e->names[0].last, "AL-LIBI");
  // alt.csv first (strong), then the weak aliases of Remarks.
  EXPECT_EQ(FullNames(*e), (std::vector<std::string>{
                               "Abd al-Muhsin AL-LIBI", "Ibrahim Ali Muhammad ABU BAKR", "Abdel Ilah SABRI",
                               "Ibrahim Ali Abu Bakr TANTOUSH", "Ibrahim Abubaker TANTOUCHE",
                               "Ibrahim Abubaker TANTOUSH", "ABU ANAS", "'ABD AL-MUHSI", "'ABD AL-RAHMAN"}));
  EXPECT_EQ(e->names[1].strength, NameStrength::kStrong);
  EXPECT_EQ(e->names[6].strength, NameStrength::kWeak);
  EXPECT_EQ(e->names[8].strength, NameStrength::kWeak);
  EXPECT_EQ(e->birth_dates, (std::vector<BirthDate>{{1966}, {1969, 10, 27}}));
  EXPECT_EQ(e->nationalities, std::vector<CountryRef>{(CountryRef{"LY", "Libya"})});
  ASSERT_EQ(e->identifiers.size(), 1u);
  EXPECT_EQ(e->identifiers[0].type, "Passport");
  EXPECT_EQ(e->identifiers[0].number, "203037");
  EXPECT_EQ(e->identifiers[0].country.iso2, "LY");
  EXPECT_EQ(e->programmes, std::vector<std::string>{"SDGT"});
}

TEST(OfacList, OrganisationWithWeakAliasInRemarksAndAddresses) {
  const SanctionEntity* e = Find(RealOfacList(), "306");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, EntityType::kOrganisation);
  ASSERT_EQ(e->names.size(), 3u);
  EXPECT_EQ(e->names[0].full, "BANCO NACIONAL DE CUBA");
  EXPECT_EQ(e->names[1].full, "NATIONAL BANK OF CUBA");
  EXPECT_EQ(e->names[1].strength, NameStrength::kStrong);
  EXPECT_EQ(e->names[2].full, "BNC");
  EXPECT_EQ(e->names[2].strength, NameStrength::kWeak);
  ASSERT_GE(e->addresses.size(), 3u);
  EXPECT_EQ(e->addresses[0].text, "Zweierstrasse 35, Zurich CH-8022");
  EXPECT_EQ(e->addresses[0].country.iso2, "CH");
}

TEST(OfacList, VesselRangesAndProgrammes) {
  const SanctionList& list = RealOfacList();
  const SanctionEntity* artavil = Find(list, "15036");
  ASSERT_NE(artavil, nullptr);
  EXPECT_EQ(artavil->type, EntityType::kVessel);
  EXPECT_EQ(artavil->nationalities, std::vector<CountryRef>{(CountryRef{"IR", "Iran"})});  // the flag
  ASSERT_EQ(artavil->identifiers.size(), 3u);
  EXPECT_EQ(artavil->identifiers[0].type, "Call Sign");
  EXPECT_EQ(artavil->identifiers[0].number, "T2EU4");
  EXPECT_EQ(artavil->identifiers[1].type, "Vessel Registration Identification");
  EXPECT_EQ(artavil->identifiers[1].number, "IMO 9187629");
  EXPECT_EQ(artavil->identifiers[2].type, "MMSI");
  EXPECT_EQ(artavil->names.back().full, "ALPHA");
  EXPECT_EQ(artavil->names.back().kind, NameKind::kFormer);
  EXPECT_EQ(artavil->names.back().strength, NameStrength::kWeak);

  const SanctionEntity* mahamoud = Find(list, "11748");
  ASSERT_NE(mahamoud, nullptr);
  ASSERT_EQ(mahamoud->birth_dates.size(), 2u);
  EXPECT_EQ(mahamoud->birth_dates[0].ToString(), "1979..1982");  // "DOB circa 1979-1982"
  EXPECT_EQ(mahamoud->birth_dates[1].ToString(), "1982");

  const SanctionEntity* naway = Find(list, "9754");
  ASSERT_NE(naway, nullptr);
  EXPECT_EQ(naway->birth_dates[0].ToString(), "~1945");
  EXPECT_EQ(naway->birth_places, std::vector<std::string>{"Sistan Va Baluchistan, Iran"});

  // "NPWMD] [IFSR" is two programmes.
  int multi = 0;
  for (const SanctionEntity& e : list.entities) multi += e.programmes.size() > 1;
  EXPECT_GT(multi, 600);
}

TEST(OfacList, BirthDateForms) {
  auto dob = [](std::string_view s) {
    auto r = ParseOfacBirthDate(s);
    return r ? r->ToString() : "error: " + r.error().message;
  };
  EXPECT_EQ(dob("10 Dec 1948"), "1948-12-10");
  EXPECT_EQ(dob("Sep 1938"), "1938-09");
  EXPECT_EQ(dob("1946"), "1946");
  EXPECT_EQ(dob("circa 1951"), "~1951");
  EXPECT_EQ(dob("circa 07 Jul 1966"), "~1966-07-07");
  EXPECT_EQ(dob("1951 to 1953"), "1951..1953");
  EXPECT_EQ(dob("01 Jan 1961 to 31 Dec 1962"), "1961-01-01..1962-12-31");
  EXPECT_EQ(dob("Mar 1962 to Feb 1963"), "1962-03..1963-02");
  EXPECT_EQ(dob("circa 1979-1982"), "1979..1982");
  EXPECT_EQ(dob("12 January 1960."), "1960-01-12");
  EXPECT_EQ(dob("31 Feb 1960"), "error: not a date of birth: '31 Feb 1960'");
  EXPECT_EQ(dob("1962 to 1960"), "error: not a date range: '1962 to 1960'");
  EXPECT_EQ(dob("12 Janus 1960"), "error: not a date of birth: '12 Janus 1960'");
  EXPECT_EQ(dob("sixties"), "error: not a date of birth: 'sixties'");
}

std::string CsvError(std::string_view sdn, std::string_view alt = {}) {
  OfacCsvText text;
  text.sdn = sdn;
  text.alt = alt;
  auto r = ParseOfacListText(text);
  return r ? std::string("(parsed)") : r.error().ToString();
}

TEST(OfacList, MalformedCsvNamesFileLineAndField) {
  const std::string good = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";
  EXPECT_EQ(CsvError(good), "(parsed)");
  EXPECT_EQ(CsvError(good + "37,\"X\",-0- ,\"CUBA\",-0- ,-0- \r\n"),
            "sdn.csv:2:1: expected 12 columns (ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, "
            "Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks), found 6");
  EXPECT_EQ(CsvError(good + "38,\"DOE, John\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
                            "\"DOB 31 Feb 1960; nationality Iran.\"\r\n"),
            "sdn.csv:2:71: Remarks: not a date of birth: '31 Feb 1960' (entry 38)");
  EXPECT_EQ(CsvError(good + "39,\"X\",\"spaceship\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"),
            "sdn.csv:2:8: SDN_Type: unknown SDN_Type 'spaceship' (expected individual, vessel, aircraft or -0-)");
  EXPECT_EQ(CsvError("x1,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"),
            "sdn.csv:1:1: ent_num: not an entry number: 'x1'");
  EXPECT_EQ(CsvError(good + good), "sdn.csv:2:1: ent_num: entry 36 appears twice");
  EXPECT_EQ(CsvError(good + "40,\"\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"),
            "sdn.csv:2:4: SDN_Name: entry 40 has no name");
  EXPECT_EQ(CsvError(good, "99,1,\"aka\",\"GHOST\",-0- \r\n"), "alt.csv:1:1: ent_num: no entry '99' in sdn.csv");
  EXPECT_EQ(CsvError(good, "36,1,\"aka\",\"A\"\r\n"),
            "alt.csv:1:1: expected 5 columns (ent_num, alt_num, alt_type, alt_name, alt_remarks), found 4");
  EXPECT_EQ(CsvError(good, "36,1,\"xka\",\"A\",-0- \r\n"),
            "alt.csv:1:6: alt_type: unknown alt_type 'xka' (expected aka, fka or nka)");
  EXPECT_EQ(CsvError(good + "41,\"UNTERMINATED,-0- \r\n").rfind("sdn.csv:2:", 0), 0u);
}

TEST(OfacList, DosEndOfFileAndWindows1252) {
  // Older OFAC files are Windows-1252: 0xC9 is 'É', 0x92 a right quote.
  OfacCsvText text;
  text.sdn = "1,\"P\xC9REZ, Jos\xE9\",\"individual\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
             "\"a.k.a. 'O\x92NEIL'.\"\r\n\x1a";
  auto r = ParseOfacListText(text);
  ASSERT_TRUE(r.has_value()) << r.error().ToString();
  ASSERT_EQ(r->entities.size(), 1u);
  EXPECT_EQ(r->entities[0].names[0].full, "José PÉREZ");
  EXPECT_EQ(r->entities[0].names[1].full, "O\u2019NEIL");
}

TEST(OfacList, SdnXmlFixture) {
  auto r = ParseOfacXmlList(kDataDir + "ofac_sdn_sample.xml");
  ASSERT_TRUE(r.has_value()) << r.error().ToString();
  EXPECT_EQ(r->version, "2021-07-15");
  ASSERT_EQ(r->entities.size(), 5u);

  const SanctionEntity& bank = r->entities[0];
  EXPECT_EQ(bank.entity_id, "306");
  EXPECT_EQ(bank.type, EntityType::kOrganisation);
  EXPECT_EQ(FullNames(bank), (std::vector<std::string>{"BANCO NACIONAL DE CUBA", "BNC", "NATIONAL BANK OF CUBA"}));
  EXPECT_EQ(bank.names[1].strength, NameStrength::kWeak);
  EXPECT_EQ(bank.names[2].strength, NameStrength::kStrong);
  EXPECT_EQ(bank.addresses[0].country.iso2, "CH");

  const SanctionEntity& person = r->entities[1];
  EXPECT_EQ(person.type, EntityType::kPerson);
  EXPECT_EQ(person.names[0].full, "Karim AL-HADDAD");
  EXPECT_EQ(person.birth_dates, std::vector<BirthDate>{BirthDate{1971}});
  EXPECT_EQ(person.nationalities[0].iso2, "IQ");
  EXPECT_TRUE(person.identifiers.empty());  // "Gender Male" is no identifier
  EXPECT_EQ(person.remarks, "Gender Male");

  const SanctionEntity& vessel = r->entities[2];
  EXPECT_EQ(vessel.type, EntityType::kVessel);
  ASSERT_EQ(vessel.identifiers.size(), 2u);
  EXPECT_EQ(vessel.identifiers[0].number, "IMO 9165815");
  EXPECT_EQ(vessel.identifiers[1].type, "Call Sign");
  EXPECT_EQ(vessel.nationalities[0].iso2, "MT");

  const SanctionEntity& plane = r->entities[3];
  EXPECT_EQ(plane.type, EntityType::kAircraft);
  EXPECT_EQ(plane.programmes, (std::vector<std::string>{"SDGT", "IRGC"}));
  EXPECT_EQ(plane.names[1].kind, NameKind::kFormer);

  const SanctionEntity& petrov = r->entities[4];
  EXPECT_EQ(petrov.line, 116);
  ASSERT_EQ(petrov.names.size(), 3u);
  EXPECT_EQ(petrov.names[0].first, "Ivan Ivanovich");
  EXPECT_EQ(petrov.names[0].last, "PETROV");
  EXPECT_EQ(petrov.names[1].full, "Иван ПЕТРОВ");
  EXPECT_TRUE(petrov.names[1].original_script);
  EXPECT_EQ(petrov.names[2].strength, NameStrength::kWeak);
  ASSERT_EQ(petrov.birth_dates.size(), 2u);
  EXPECT_EQ(petrov.birth_dates[0].ToString(), "1960-01-12");
  EXPECT_EQ(petrov.birth_dates[1].precision, DatePrecision::kApproximately);
  ASSERT_EQ(petrov.identifiers.size(), 1u);
  EXPECT_EQ(petrov.identifiers[0].country.iso2, "RU");
  EXPECT_EQ(petrov.identifiers[0].note, "issued 01 Jun 2015");
  EXPECT_EQ(petrov.positions, std::vector<std::string>{"Director"});
}

TEST(OfacList, MalformedSdnXml) {
  auto error = [](std::string_view xml) {
    auto r = ParseOfacXmlListText(xml, "sdn.xml");
    return r ? std::string("(parsed)") : r.error().ToString();
  };
  const std::string head = "<?xml version=\"1.0\"?>\n<sdnList xmlns=\"http://tempuri.org/sdnList.xsd\">\n";
  const std::string entry =
      "<sdnEntry><uid>1</uid><lastName>X</lastName><sdnType>Entity</sdnType></sdnEntry>\n";
  EXPECT_EQ(error(head + entry + "</sdnList>\n"), "(parsed)");
  EXPECT_EQ(error(head + entry), "sdn.xml:3:81: malformed XML: Start-end tags mismatch");
  EXPECT_EQ(error(head + "<sdnEntry><lastName>X</lastName><sdnType>Entity</sdnType></sdnEntry>\n</sdnList>"),
            "sdn.xml:3:1: sdnEntry: no uid");
  EXPECT_EQ(error(head + "<sdnEntry><uid>2</uid><sdnType>Entity</sdnType></sdnEntry>\n</sdnList>"),
            "sdn.xml:3:1: sdnEntry: entry 2 has no lastName");
  EXPECT_EQ(error(head +
                  "<sdnEntry><uid>3</uid><lastName>X</lastName><sdnType>Individual</sdnType>\n"
                  "  <dateOfBirthList><dateOfBirthItem><dateOfBirth>13/13/1960</dateOfBirth></dateOfBirthItem>"
                  "</dateOfBirthList></sdnEntry>\n</sdnList>"),
            "sdn.xml:4:37: dateOfBirth: not a date of birth: '13/13/1960'");
  EXPECT_EQ(error(head +
                  "<sdnEntry><uid>4</uid><lastName>X</lastName><sdnType>Entity</sdnType>"
                  "<akaList><aka><category>medium</category><lastName>Y</lastName></aka></akaList></sdnEntry>\n"
                  "</sdnList>"),
            "sdn.xml:3:84: category: unknown alias category 'medium' (expected strong or weak)");
  EXPECT_EQ(error(head + entry + entry + "</sdnList>"), "sdn.xml:4:1: sdnEntry: entry 1 appears twice (first on line 3)");
}

}  // namespace
}  // namespace sargs
