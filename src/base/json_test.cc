#include "base/json.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace sargs {
namespace {

// ---- JsonWriter -------------------------------------------------------------

TEST(JsonWriter, EmptyContainers) {
  EXPECT_EQ(JsonWriter().BeginObject().EndObject().str(), "{}");
  EXPECT_EQ(JsonWriter().BeginArray().EndArray().str(), "[]");
  EXPECT_EQ(JsonWriter().BeginArray().BeginArray().EndArray().BeginObject().EndObject().EndArray().str(),
            "[[],{}]");
}

TEST(JsonWriter, ObjectWithEveryKindOfValue) {
  JsonWriter w;
  w.BeginObject()
      .Key("id").String("K01")
      .Key("score").Int(42)
      .Key("edd").Bool(true)
      .Key("pep").Bool(false)
      .Key("limit").Null()
      .Key("turnover").Raw("1234.50")
      .EndObject();
  EXPECT_EQ(w.str(), R"({"id":"K01","score":42,"edd":true,"pep":false,"limit":null,"turnover":1234.50})");
}

TEST(JsonWriter, NestingAndCommas) {
  JsonWriter w;
  w.BeginObject()
      .Key("a").Int(1)
      .Key("b").BeginArray().String("x").Int(-2).Null().BeginObject().Key("c").Bool(false).EndObject()
      .BeginArray().EndArray().EndArray()
      .Key("d").BeginObject().Key("e").BeginObject().EndObject().Key("f").Raw("0.01").EndObject()
      .Key("g").String("")
      .EndObject();
  EXPECT_EQ(w.str(), R"({"a":1,"b":["x",-2,null,{"c":false},[]],"d":{"e":{},"f":0.01},"g":""})");
}

TEST(JsonWriter, ArrayOfObjects) {
  JsonWriter w;
  w.BeginArray();
  for (int i = 0; i < 3; ++i) w.BeginObject().Key("n").Int(i).Key("s").String("v").EndObject();
  w.EndArray();
  EXPECT_EQ(w.str(), R"([{"n":0,"s":"v"},{"n":1,"s":"v"},{"n":2,"s":"v"}])");
}

TEST(JsonWriter, IntegerExtremes) {
  JsonWriter w;
  w.BeginArray()
      .Int(0)
      .Int(std::numeric_limits<int64_t>::min())
      .Int(std::numeric_limits<int64_t>::max())
      .EndArray();
  EXPECT_EQ(w.str(), "[0,-9223372036854775808,9223372036854775807]");
}

TEST(JsonWriter, EscapesQuotesBackslashAndControlCharacters) {
  JsonWriter w;
  w.BeginObject().Key("k\"ey").String("say \"hi\" \\ \n\r\t\x01\x1f\b end").EndObject();
  EXPECT_EQ(w.str(), R"({"k\"ey":"say \"hi\" \\ \n\r\t\u0001\u001f\u0008 end"})");
}

TEST(JsonWriter, LeavesUtf8AsIs) {
  JsonWriter w;
  w.BeginArray().String("Bērziņš € 😀").String("/slash\x7f").EndArray();
  EXPECT_EQ(w.str(), "[\"Bērziņš € 😀\",\"/slash\x7f\"]");
}

TEST(AppendJsonString, AppendsToExistingText) {
  std::string out = "x=";
  AppendJsonString(out, "a\"b");
  EXPECT_EQ(out, "x=\"a\\\"b\"");
  AppendJsonString(out, "");
  EXPECT_EQ(out, "x=\"a\\\"b\"\"\"");
  std::string nul;
  AppendJsonString(nul, std::string_view("a\0b", 3));
  EXPECT_EQ(nul, "\"a\\u0000b\"");
}

// ---- ParseFlatJsonObject -----------------------------------------------------

std::vector<JsonField> ParseOk(std::string_view line) {
  auto r = ParseFlatJsonObject(line);
  EXPECT_TRUE(r.has_value()) << line << ": " << (r ? "" : r.error().ToString());
  return r ? *r : std::vector<JsonField>{};
}

Error ParseBad(std::string_view line) {
  auto r = ParseFlatJsonObject(line);
  EXPECT_FALSE(r.has_value()) << line;
  return r ? Error{} : r.error();
}

TEST(ParseFlatJsonObject, AllValueKinds) {
  auto f = ParseOk(R"({"id":"K1","amount":1234.56,"yes":true,"no":false,"none":null,"neg":-0.10})");
  ASSERT_EQ(f.size(), 6u);
  EXPECT_EQ(f[0].key, "id");
  EXPECT_EQ(f[0].value, "K1");
  EXPECT_FALSE(f[0].is_null);
  EXPECT_EQ(f[1].key, "amount");
  EXPECT_EQ(f[1].value, "1234.56");
  EXPECT_FALSE(f[1].is_null);
  EXPECT_EQ(f[2].value, "true");
  EXPECT_EQ(f[3].value, "false");
  EXPECT_EQ(f[4].key, "none");
  EXPECT_TRUE(f[4].is_null);
  EXPECT_EQ(f[4].value, "");
  EXPECT_EQ(f[5].value, "-0.10");
}

TEST(ParseFlatJsonObject, NumbersKeepTheirExactText) {
  auto f = ParseOk(R"({"a":1234.56,"b":0.1,"c":100,"d":12345678901234567890,"e":1e3,"f":2.50E-2})");
  ASSERT_EQ(f.size(), 6u);
  EXPECT_EQ(f[0].value, "1234.56");
  EXPECT_EQ(f[1].value, "0.1");
  EXPECT_EQ(f[2].value, "100");
  EXPECT_EQ(f[3].value, "12345678901234567890");
  EXPECT_EQ(f[4].value, "1e3");
  EXPECT_EQ(f[5].value, "2.50E-2");
}

TEST(ParseFlatJsonObject, EmptyObject) {
  EXPECT_TRUE(ParseOk("{}").empty());
  EXPECT_TRUE(ParseOk("  {  }  ").empty());
}

TEST(ParseFlatJsonObject, StringEscapes) {
  auto f = ParseOk(R"({"s":"a\"b\\c\/d\n\t\r\b\f","k\"":"x"})");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].value, "a\"b\\c/d\n\t\r\b\f");
  EXPECT_EQ(f[1].key, "k\"");
}

TEST(ParseFlatJsonObject, UnicodeEscapes) {
  auto f = ParseOk(R"({"a":"caf\u00e9","b":"\u0041\u00C9\u20AC","c":"\ud83d\ude00","d":"x\u0000y"})");
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(f[0].value, "café");
  EXPECT_EQ(f[0].value, "caf\xC3\xA9");
  EXPECT_EQ(f[1].value, "AÉ€");
  EXPECT_EQ(f[2].value, "\xF0\x9F\x98\x80");  // U+1F600
  EXPECT_EQ(f[3].value, std::string("x\0y", 3));
}

TEST(ParseFlatJsonObject, RawUtf8PassesThrough) {
  auto f = ParseOk(R"({"name":"Bērziņš","n":5})");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].value, "Bērziņš");
  // `{"name":"Bērziņš",` is 18 characters.
  EXPECT_EQ(f[1].column, 23);
}

TEST(ParseFlatJsonObject, WhitespaceAroundTokens) {
  auto f = ParseOk(" \t{ \"a\" : 1 ,\t\"b\" :\"x\" , \"c\":null }\r");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].key, "a");
  EXPECT_EQ(f[0].value, "1");
  EXPECT_EQ(f[1].value, "x");
  EXPECT_TRUE(f[2].is_null);
}

TEST(ParseFlatJsonObject, ValueColumns) {
  auto f = ParseOk(R"({"a": "x", "bb":12,"c" : true})");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].column, 7);
  EXPECT_EQ(f[1].column, 17);
  EXPECT_EQ(f[2].column, 26);
}

TEST(ParseFlatJsonObject, RoundTripsWriterOutput) {
  JsonWriter w;
  w.BeginObject().Key("s").String("q\"\\\n\x01 é").Key("n").Raw("-12.30").Key("b").Bool(true).Key("z").Null().EndObject();
  auto f = ParseOk(w.str());
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(f[0].value, "q\"\\\n\x01 é");
  EXPECT_EQ(f[1].value, "-12.30");
  EXPECT_EQ(f[2].value, "true");
  EXPECT_TRUE(f[3].is_null);
}

TEST(ParseFlatJsonObject, ErrorNestedObjectOrArray) {
  Error e = ParseBad(R"({"a":{"b":1}})");
  EXPECT_EQ(e.where.column, 6);
  EXPECT_NE(e.message.find("nested"), std::string::npos) << e.message;
  e = ParseBad(R"({"id":"x", "list": [1,2]})");
  EXPECT_EQ(e.where.column, 20);
}

TEST(ParseFlatJsonObject, ErrorMissingColon) {
  Error e = ParseBad(R"({"a" 1})");
  EXPECT_EQ(e.where.column, 6);
  EXPECT_NE(e.message.find("':'"), std::string::npos) << e.message;
  e = ParseBad(R"({"ā":"x","bē"})");
  EXPECT_EQ(e.where.column, 14);
}

TEST(ParseFlatJsonObject, ErrorTrailingText) {
  Error e = ParseBad(R"({"a":1} x)");
  EXPECT_EQ(e.where.column, 9);
  EXPECT_NE(e.message.find("after the closing"), std::string::npos) << e.message;
  e = ParseBad(R"({"a":1}{"b":2})");
  EXPECT_EQ(e.where.column, 8);
}

TEST(ParseFlatJsonObject, ErrorUnterminatedString) {
  Error e = ParseBad(R"({"a":"abc)");
  EXPECT_EQ(e.where.column, 10);
  EXPECT_NE(e.message.find("never closed"), std::string::npos) << e.message;
  e = ParseBad(R"({"a":"abc\)");
  EXPECT_NE(e.message.find("never closed"), std::string::npos) << e.message;
  e = ParseBad(R"({"abc)");
  EXPECT_NE(e.message.find("never closed"), std::string::npos) << e.message;
}

TEST(ParseFlatJsonObject, ErrorOtherShapes) {
  EXPECT_EQ(ParseBad("").where.column, 1);
  EXPECT_EQ(ParseBad(R"(["a"])").where.column, 1);
  EXPECT_EQ(ParseBad(R"(  "a":1)").where.column, 3);
  EXPECT_EQ(ParseBad(R"({a:1})").where.column, 2);                 // unquoted key
  EXPECT_EQ(ParseBad(R"({"a":1 "b":2})").where.column, 8);         // missing comma
  EXPECT_EQ(ParseBad(R"({"a":1,})").where.column, 8);              // trailing comma
  EXPECT_EQ(ParseBad(R"({"a":tru})").where.column, 6);             // not a value
  EXPECT_EQ(ParseBad(R"({"a":'x'})").where.column, 6);
  EXPECT_EQ(ParseBad(R"({"a":1)").where.column, 7);                // no closing brace
  EXPECT_EQ(ParseBad(R"({"a":)").where.column, 6);
}

TEST(ParseFlatJsonObject, ErrorBadEscapes) {
  EXPECT_NE(ParseBad(R"({"a":"\x"})").message.find("escape"), std::string::npos);
  EXPECT_NE(ParseBad(R"({"a":"\u00zz"})").message.find("escape"), std::string::npos);
  EXPECT_NE(ParseBad(R"({"a":"\u00e"})").message.find("escape"), std::string::npos);
  EXPECT_NE(ParseBad(R"({"a":"\ud83d"})").message.find("surrogate"), std::string::npos);
  EXPECT_NE(ParseBad(R"({"a":"\ud83dx"})").message.find("surrogate"), std::string::npos);
  EXPECT_NE(ParseBad(R"({"a":"\ud83d\u0041"})").message.find("surrogate"), std::string::npos);
}

}  // namespace
}  // namespace sargs
