#include "base/csv.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sargs {
namespace {

std::vector<CsvRecord> Parse(std::string_view text, CsvOptions options = {}) {
  auto records = ParseCsv(text, "test.csv", options);
  EXPECT_TRUE(records.has_value()) << (records ? "" : records.error().ToString());
  return records ? *records : std::vector<CsvRecord>{};
}

std::vector<std::string> Values(const CsvRecord& r) {
  std::vector<std::string> out;
  for (const CsvField& f : r.fields) out.push_back(f.value);
  return out;
}

using Strings = std::vector<std::string>;

TEST(Csv, SimpleRecordsWithLinesAndColumns) {
  auto rows = Parse("id,name,country\n1,Anna,LV\n22,Jānis,EE\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(Values(rows[0]), (Strings{"id", "name", "country"}));
  EXPECT_EQ(Values(rows[1]), (Strings{"1", "Anna", "LV"}));
  EXPECT_EQ(Values(rows[2]), (Strings{"22", "Jānis", "EE"}));
  EXPECT_EQ(rows[0].line, 1);
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_EQ(rows[2].line, 3);
  EXPECT_EQ(rows[1].fields[0].column, 1);
  EXPECT_EQ(rows[1].fields[1].column, 3);
  EXPECT_EQ(rows[1].fields[2].column, 8);
  EXPECT_EQ(rows[2].fields[1].line, 3);
  EXPECT_EQ(rows[2].fields[1].column, 4);
  EXPECT_EQ(rows[2].fields[2].column, 10);
}

TEST(Csv, LastLineWithoutLineFeed) {
  auto rows = Parse("a,b\n1,2");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(Values(rows[1]), (Strings{"1", "2"}));
}

TEST(Csv, EmptyFields) {
  auto rows = Parse("a,,c\n,\n,x,\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(Values(rows[0]), (Strings{"a", "", "c"}));
  EXPECT_EQ(Values(rows[1]), (Strings{"", ""}));
  EXPECT_EQ(Values(rows[2]), (Strings{"", "x", ""}));
  EXPECT_EQ(rows[2].fields[2].column, 4);
}

TEST(Csv, EmptyTextHasNoRecords) {
  EXPECT_TRUE(Parse("").empty());
  EXPECT_TRUE(Parse("\n\n").empty());
  EXPECT_TRUE(Parse("\xEF\xBB\xBF").empty());
}

TEST(Csv, QuotedFieldsWithEscapedQuotes) {
  auto rows = Parse("\"he said \"\"hi\"\"\",x\n\"\",\"a,b\"\n\"\"\"\"\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(Values(rows[0]), (Strings{"he said \"hi\"", "x"}));
  // "he said ""hi""" is 16 characters, so x is at column 18.
  EXPECT_EQ(rows[0].fields[1].column, 18);
  EXPECT_EQ(Values(rows[1]), (Strings{"", "a,b"}));
  EXPECT_EQ(rows[1].fields[1].column, 4);
  EXPECT_EQ(Values(rows[2]), (Strings{"\""}));
}

TEST(Csv, EmbeddedNewlinesKeepLaterLineNumbers) {
  auto rows = Parse(
      "id,note,country\n"
      "1,\"line one\nline two\",LV\n"
      "2,\"a\n\nb\",EE\n"
      "3,plain,LT\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_EQ(rows[1].fields[1].value, "line one\nline two");
  EXPECT_EQ(rows[1].fields[1].line, 2);
  EXPECT_EQ(rows[1].fields[1].column, 3);
  // The field after the quoted one starts on the next physical line.
  EXPECT_EQ(rows[1].fields[2].value, "LV");
  EXPECT_EQ(rows[1].fields[2].line, 3);
  EXPECT_EQ(rows[1].fields[2].column, 11);  // `line two",` is 10 characters
  EXPECT_EQ(rows[2].line, 4);
  EXPECT_EQ(rows[2].fields[1].value, "a\n\nb");
  EXPECT_EQ(rows[2].fields[2].line, 6);
  EXPECT_EQ(rows[2].fields[2].column, 4);
  EXPECT_EQ(rows[3].line, 7);
  EXPECT_EQ(rows[3].fields[0].line, 7);
  EXPECT_EQ(rows[3].fields[2].column, 9);
  EXPECT_EQ(Values(rows[3]), (Strings{"3", "plain", "LT"}));
}

TEST(Csv, CrLfLineEnds) {
  auto rows = Parse("a,b\r\n1,2\r\n\r\n3,\"x\r\ny\"\r\n4,5");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(Values(rows[0]), (Strings{"a", "b"}));
  EXPECT_EQ(Values(rows[1]), (Strings{"1", "2"}));
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_EQ(rows[2].line, 4);
  // A CRLF inside a quoted field is one line break.
  EXPECT_EQ(Values(rows[2]), (Strings{"3", "x\ny"}));
  EXPECT_EQ(rows[3].line, 6);
  EXPECT_EQ(Values(rows[3]), (Strings{"4", "5"}));
}

TEST(Csv, ByteOrderMarkIsSkipped) {
  auto rows = Parse("\xEF\xBB\xBFid,name\n1,x\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields[0].value, "id");
  EXPECT_EQ(rows[0].fields[0].column, 1);
  EXPECT_EQ(rows[0].fields[1].column, 4);
  EXPECT_EQ(rows[0].line, 1);
}

TEST(Csv, ByteOrderMarkOnlyAtTheStart) {
  auto rows = Parse("a\n\xEF\xBB\xBF" "b\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].fields[0].value, "\xEF\xBB\xBF" "b");
}

TEST(Csv, CommentLinesOnlyWithTheOption) {
  const char* text = "# source: somewhere\nid,v\n# note\n1,#x\n";
  auto plain = Parse(text);
  ASSERT_EQ(plain.size(), 4u);
  EXPECT_EQ(Values(plain[0]), (Strings{"# source: somewhere"}));
  EXPECT_EQ(Values(plain[2]), (Strings{"# note"}));

  auto with = Parse(text, CsvOptions{.comments = true});
  ASSERT_EQ(with.size(), 2u);
  EXPECT_EQ(Values(with[0]), (Strings{"id", "v"}));
  EXPECT_EQ(with[0].line, 2);
  // A '#' that does not start a line is data.
  EXPECT_EQ(Values(with[1]), (Strings{"1", "#x"}));
  EXPECT_EQ(with[1].line, 4);
}

TEST(Csv, CommentLinesWithCrLf) {
  auto rows = Parse("# a\r\n# b\r\nx,y\r\n", CsvOptions{.comments = true});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(Values(rows[0]), (Strings{"x", "y"}));
  EXPECT_EQ(rows[0].line, 3);
  EXPECT_EQ(rows[0].fields[1].column, 3);
}

TEST(Csv, BlankLinesAreSkipped) {
  auto rows = Parse("a\n\n\nb\n\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].fields[0].value, "b");
  EXPECT_EQ(rows[1].line, 4);
}

TEST(Csv, ColumnsCountUtf8Characters) {
  auto rows = Parse("Bērziņš,LV\n\"Bērziņš\",LV\nŽ,€,x\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].fields[0].value, "Bērziņš");
  EXPECT_EQ(rows[0].fields[1].column, 9);
  EXPECT_EQ(rows[1].fields[0].value, "Bērziņš");
  EXPECT_EQ(rows[1].fields[1].column, 11);
  EXPECT_EQ(rows[2].fields[1].column, 3);
  EXPECT_EQ(rows[2].fields[2].column, 5);
}

TEST(Csv, OtherDelimiter) {
  auto rows = Parse("a;b,c;\"d;e\"\n", CsvOptions{.delimiter = ';'});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(Values(rows[0]), (Strings{"a", "b,c", "d;e"}));
  EXPECT_EQ(rows[0].fields[2].column, 7);
}

TEST(Csv, ErrorUnterminatedQuoteNamesFieldStart) {
  auto r = ParseCsv("id,name\n1,\"abc\n2,def\n", "people.csv");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().where.file, "people.csv");
  EXPECT_EQ(r.error().where.line, 2);
  EXPECT_EQ(r.error().where.column, 3);
  EXPECT_NE(r.error().message.find("never closed"), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().ToString().rfind("people.csv:2:3: ", 0), 0u) << r.error().ToString();
}

TEST(Csv, ErrorTextAfterClosingQuote) {
  auto r = ParseCsv("a,b\n1,\"abc\"x,2\n", "f.csv");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().where.file, "f.csv");
  EXPECT_EQ(r.error().where.line, 2);
  EXPECT_EQ(r.error().where.column, 8);
  EXPECT_NE(r.error().message.find("after a closing quote"), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().ToString(), "f.csv:2:8: unexpected text after a closing quote");
}

TEST(Csv, ErrorAfterClosingQuoteOnLaterPhysicalLine) {
  auto r = ParseCsv("x\n\"Bērziņš\nb\" y\n", "f.csv");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().where.line, 3);
  EXPECT_EQ(r.error().where.column, 3);
}

TEST(Csv, ErrorAfterClosingQuoteCountsUtf8) {
  auto r = ParseCsv("\"Ā\"Ē\n", "f.csv");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().where.line, 1);
  EXPECT_EQ(r.error().where.column, 4);
}

TEST(Csv, ErrorQuoteInsideUnquotedField) {
  auto r = ParseCsv("a,b\nxy,ab\"c\n", "f.csv");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().where.line, 2);
  EXPECT_EQ(r.error().where.column, 6);
}

TEST(CsvReader, ReusesRecordAndShrinksFields) {
  const std::string text = "a,b,c\nd\ne,f\n";
  CsvReader reader(text, "r.csv");
  CsvRecord record;
  auto more = reader.Next(record);
  ASSERT_TRUE(more.has_value());
  ASSERT_TRUE(*more);
  EXPECT_EQ(Values(record), (Strings{"a", "b", "c"}));
  ASSERT_TRUE(*reader.Next(record));
  EXPECT_EQ(Values(record), (Strings{"d"}));
  EXPECT_EQ(record.line, 2);
  ASSERT_TRUE(*reader.Next(record));
  EXPECT_EQ(Values(record), (Strings{"e", "f"}));
  EXPECT_EQ(record.fields[1].column, 3);
  auto end = reader.Next(record);
  ASSERT_TRUE(end.has_value());
  EXPECT_FALSE(*end);
  EXPECT_EQ(reader.position(), text.size());
  // Past the end it keeps answering "no more".
  EXPECT_FALSE(*reader.Next(record));
}

TEST(CsvReader, ErrorComesAfterGoodRecords) {
  const std::string text = "a\nb\n\"c\n";
  CsvReader reader(text, "r.csv");
  CsvRecord record;
  ASSERT_TRUE(*reader.Next(record));
  ASSERT_TRUE(*reader.Next(record));
  EXPECT_EQ(record.fields[0].value, "b");
  auto bad = reader.Next(record);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().where.file, "r.csv");
  EXPECT_EQ(bad.error().where.line, 3);
  EXPECT_EQ(bad.error().where.column, 1);
}

TEST(CsvEscape, LeavesPlainValuesAlone) {
  EXPECT_EQ(CsvEscape(""), "");
  EXPECT_EQ(CsvEscape("plain"), "plain");
  EXPECT_EQ(CsvEscape("Bērziņš SIA; 12.50"), "Bērziņš SIA; 12.50");
}

TEST(CsvEscape, QuotesWhenNeeded) {
  EXPECT_EQ(CsvEscape("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvEscape("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvEscape("\""), "\"\"\"\"");
  EXPECT_EQ(CsvEscape("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvEscape("cr\r"), "\"cr\r\"");
}

TEST(CsvEscape, RoundTripsThroughTheReader) {
  const Strings values = {"plain", "a,b", "say \"hi\"", "two\nlines", "", "\"", ",\",", "Ā, \"Ē\""};
  std::string line;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) line += ',';
    line += CsvEscape(values[i]);
  }
  line += "\n";
  auto rows = Parse(line);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(Values(rows[0]), values);
}

}  // namespace
}  // namespace sargs
