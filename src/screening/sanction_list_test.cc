#include "screening/sanction_list.h"

#include <gtest/gtest.h>

#include <pugixml.hpp>

namespace sargs {
namespace {

TEST(SanctionList, BirthDateToString) {
  EXPECT_EQ((BirthDate{1960, 1, 12}).ToString(), "1960-01-12");
  EXPECT_EQ((BirthDate{1960, 3, 0}).ToString(), "1960-03");
  EXPECT_EQ((BirthDate{1960, 0, 0}).ToString(), "1960");
  BirthDate circa{1951};
  circa.precision = DatePrecision::kApproximately;
  EXPECT_EQ(circa.ToString(), "~1951");
  BirthDate range{1960};
  range.to_year = 1962;
  range.precision = DatePrecision::kBetween;
  EXPECT_EQ(range.ToString(), "1960..1962");
}

TEST(SanctionList, MapsCountryNamesAsTheListsWriteThem) {
  // UN official names.
  EXPECT_EQ(MapCountry("Iran (Islamic Republic of)").iso2, "IR");
  EXPECT_EQ(MapCountry("Democratic People's Republic of Korea").iso2, "KP");
  EXPECT_EQ(MapCountry("United Kingdom of Great Britain and Northern Ireland").iso2, "GB");
  EXPECT_EQ(MapCountry("Democratic Republic of the Congo").iso2, "CD");
  EXPECT_EQ(MapCountry("Türkiye").iso2, "TR");
  // OFAC's inverted and older names.
  EXPECT_EQ(MapCountry("Korea, North").iso2, "KP");
  EXPECT_EQ(MapCountry("Congo, Democratic Republic of the").iso2, "CD");
  EXPECT_EQ(MapCountry("Burma").iso2, "MM");
  EXPECT_EQ(MapCountry("The Gambia").iso2, "GM");
  EXPECT_EQ(MapCountry("Russia").iso2, "RU");
  // The shipped short names, in any case, and codes.
  EXPECT_EQ(MapCountry("LATVIA").iso2, "LV");
  EXPECT_EQ(MapCountry("Syria").iso2, "SY");
  EXPECT_EQ(MapCountry("RU").iso2, "RU");
  // Not a country: the text survives, the code stays empty.
  CountryRef gone = MapCountry(" former  Soviet Union ");
  EXPECT_EQ(gone.iso2, "");
  EXPECT_EQ(gone.text, "former Soviet Union");
  EXPECT_EQ(MapCountry("QQ").iso2, "");
}

TEST(SanctionList, NonLatinLetters) {
  EXPECT_FALSE(HasNonLatinLetters("Jānis Bērziņš"));
  EXPECT_FALSE(HasNonLatinLetters("Forces Démocratiques Alliées – l’Ouganda"));
  EXPECT_FALSE(HasNonLatinLetters("Nguyễn"));
  EXPECT_TRUE(HasNonLatinLetters("Иван"));
  EXPECT_TRUE(HasNonLatinLetters("صدام"));
  EXPECT_TRUE(HasNonLatinLetters("金正恩"));
}

TEST(SanctionList, PartialIsoDates) {
  int y, m, d;
  EXPECT_TRUE(ParsePartialIsoDate("1960-02-29", y, m, d));
  EXPECT_EQ(std::tie(y, m, d), std::make_tuple(1960, 2, 29));
  EXPECT_TRUE(ParsePartialIsoDate("1960-02", y, m, d));
  EXPECT_EQ(std::tie(y, m, d), std::make_tuple(1960, 2, 0));
  EXPECT_TRUE(ParsePartialIsoDate("1960", y, m, d));
  EXPECT_EQ(std::tie(y, m, d), std::make_tuple(1960, 0, 0));
  EXPECT_FALSE(ParsePartialIsoDate("1961-02-29", y, m, d));
  EXPECT_FALSE(ParsePartialIsoDate("1960-13", y, m, d));
  EXPECT_FALSE(ParsePartialIsoDate("196O", y, m, d));
  EXPECT_FALSE(ParsePartialIsoDate("0000", y, m, d));
  EXPECT_EQ(ParseLeadingIsoDate("2015-04-07-04:00"), ParseDate("2015-04-07").value());
  EXPECT_FALSE(ParseLeadingIsoDate("07.04.2015").has_value());
}

TEST(SanctionList, LinesAndColumnsOfOffsets) {
  TextLines lines("ab\ncd\n\nef");
  EXPECT_EQ(lines.At("f", 0).line, 1);
  EXPECT_EQ(lines.At("f", 1).column, 2);
  EXPECT_EQ(lines.At("f", 3).line, 2);
  EXPECT_EQ(lines.At("f", 3).column, 1);
  EXPECT_EQ(lines.At("f", 7).line, 4);
  EXPECT_EQ(lines.At("f", 8).column, 2);
}

TEST(SanctionList, XmlNodesKnowTheirLineAndMatchLocalNames) {
  const std::string text = "<?xml version=\"1.0\"?>\n<a:root xmlns:a=\"urn:x\">\n  <a:item n=\"1\">\n   x \n  </a:item>\n</a:root>\n";
  XmlSource src("t.xml", text);
  pugi::xml_document doc;
  ASSERT_TRUE(LoadXml(doc, text, src).has_value());
  pugi::xml_node item = ChildElement(doc.document_element(), "item");
  ASSERT_TRUE(item);
  EXPECT_EQ(LocalName(item), "item");
  EXPECT_EQ(src.At(item).line, 3);
  EXPECT_EQ(src.At(item).column, 3);
  EXPECT_EQ(NodeText(item), "x");
  EXPECT_EQ(AttributeText(item, "n"), "1");
  Error e = src.Fail(item, "bad").value();
  EXPECT_EQ(e.ToString(), "t.xml:3:3: item: bad");
}

TEST(SanctionList, MalformedXmlNamesLineAndColumn) {
  const std::string text = "<root>\n  <a>\n  </b>\n</root>\n";
  XmlSource src("broken.xml", text);
  pugi::xml_document doc;
  auto loaded = LoadXml(doc, text, src);
  ASSERT_FALSE(loaded.has_value());
  EXPECT_EQ(loaded.error().where.file, "broken.xml");
  EXPECT_EQ(loaded.error().where.line, 3);
  EXPECT_NE(loaded.error().message.find("malformed XML"), std::string::npos);
}

TEST(SanctionList, ReadListFileNamesAMissingFile) {
  auto r = ReadListFile("/nonexistent/list.xml");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().where.file, "/nonexistent/list.xml");
}

}  // namespace
}  // namespace sargs
