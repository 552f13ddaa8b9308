#include "screening/parse_sanction_list.h"

#include <gtest/gtest.h>

namespace sargs {
namespace {

const std::string kDataDir = std::string(SARGS_SOURCE_DIR) + "/tests/data/sanctions/";

std::string ErrorOf(std::string_view source, const std::vector<std::string>& files) {
  auto r = ParseSanctionList(source, files);
  return r ? std::string("(parsed)") : r.error().ToString();
}

TEST(ParseSanctionList, EachSourceByName) {
  auto un = ParseSanctionList("un", {kDataDir + "un_consolidated.xml"});
  ASSERT_TRUE(un.has_value()) << un.error().ToString();
  EXPECT_EQ(un->entities.size(), 1003u);

  auto eu = ParseSanctionList("eu", {kDataDir + "eu_fsf_sample.xml"});
  ASSERT_TRUE(eu.has_value()) << eu.error().ToString();
  EXPECT_EQ(eu->source, "eu");

  auto lv = ParseSanctionList("lv", {kDataDir + "lv_national_sample.xml"});
  ASSERT_TRUE(lv.has_value()) << lv.error().ToString();
  EXPECT_EQ(lv->source, "lv");

  auto xml = ParseSanctionList("ofac", {kDataDir + "ofac_sdn_sample.xml"});
  ASSERT_TRUE(xml.has_value()) << xml.error().ToString();
  EXPECT_EQ(xml->entities.size(), 5u);
}

TEST(ParseSanctionList, OfacCsvFilesRecognisedByNameInAnyOrder) {
  auto all = ParseSanctionList("ofac", {kDataDir + "ofac/add.csv", kDataDir + "ofac/sdn.csv", kDataDir + "ofac/alt.csv"});
  ASSERT_TRUE(all.has_value()) << all.error().ToString();
  EXPECT_EQ(all->entities.size(), 8976u);
  size_t names = 0, addresses = 0;
  for (const SanctionEntity& e : all->entities) {
    names += e.names.size();
    addresses += e.addresses.size();
  }
  EXPECT_EQ(names, 23324u);
  EXPECT_EQ(addresses, 11440u);

  // sdn.csv alone: the primary names and the weak aliases of Remarks only.
  auto sdn = ParseSanctionList("ofac", {kDataDir + "ofac/sdn.csv"});
  ASSERT_TRUE(sdn.has_value()) << sdn.error().ToString();
  names = 0;
  for (const SanctionEntity& e : sdn->entities) names += e.names.size();
  EXPECT_EQ(names, 8976u + 2438u);
}

TEST(ParseSanctionList, Errors) {
  EXPECT_EQ(ErrorOf("uk", {"x.xml"}), "unknown sanctions list 'uk' (expected eu, un, ofac or lv)");
  EXPECT_EQ(ErrorOf("un", {}), "the un list is one XML file; 0 given");
  EXPECT_EQ(ErrorOf("ofac", {}), "no files given for the OFAC list");
  EXPECT_EQ(ErrorOf("ofac", {kDataDir + "ofac/alt.csv"}),
            "the OFAC legacy CSV needs sdn.csv (alt.csv and add.csv are optional)");
  EXPECT_EQ(ErrorOf("ofac", {"/tmp/names.csv"}),
            "/tmp/names.csv: not an OFAC list file (expected sdn.xml alone, or sdn.csv with optional alt.csv and "
            "add.csv)");
  EXPECT_EQ(ErrorOf("ofac", {"/a/sdn.csv", "/b/SDN.CSV"}), "/b/SDN.CSV: given twice: sdn.csv");
  EXPECT_EQ(ErrorOf("eu", {kDataDir + "missing.xml"}), kDataDir + "missing.xml: cannot open file");
  // The wrong parser for a file says so instead of returning an empty list.
  EXPECT_EQ(ErrorOf("eu", {kDataDir + "un_consolidated.xml"}),
            kDataDir +
                "un_consolidated.xml:2:1: CONSOLIDATED_LIST: not an EU financial sanctions file (the root element "
                "must be export)");
}

}  // namespace
}  // namespace sargs
