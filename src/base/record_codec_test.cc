#include "base/record_codec.h"

#include <gtest/gtest.h>

namespace sargs {
namespace {

TEST(RecordCodec, FieldsComeBackInOrder) {
  std::string bytes;
  RecordWriter w(bytes);
  w.Text("Bērziņš");
  w.Byte(7);
  w.Int(-1);
  w.Int(INT64_MIN);
  w.Texts({"a", "", "c"});
  w.Day(Date{std::chrono::days(-3)});
  w.OptionalDay(std::nullopt);
  w.OptionalMoney(Money::FromCents(12'345));
  RecordReader r(bytes);
  std::string text;
  r.Text(text);
  EXPECT_EQ(text, "Bērziņš");
  EXPECT_EQ(r.Byte(), 7);
  EXPECT_EQ(r.Int(), -1);
  EXPECT_EQ(r.Int(), INT64_MIN);
  std::vector<std::string> texts;
  r.Texts(texts);
  EXPECT_EQ(texts, (std::vector<std::string>{"a", "", "c"}));
  EXPECT_EQ(r.Day(), Date{std::chrono::days(-3)});
  EXPECT_FALSE(r.OptionalDay().has_value());
  EXPECT_EQ(r.OptionalMoney(), Money::FromCents(12'345));
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r.at_end());
  EXPECT_EQ(r.position(), bytes.size());
}

TEST(RecordCodec, ABadFieldSpoilsEveryReadAfterIt) {
  std::string bytes;
  RecordWriter w(bytes);
  w.Count(1'000'000);  // a count far beyond the bytes that follow
  w.Text("x");
  RecordReader r(bytes);
  EXPECT_EQ(r.Count(), 0u);
  EXPECT_FALSE(r.ok());
  std::string text = "kept?";
  r.Text(text);
  EXPECT_EQ(text, "");
  EXPECT_EQ(r.Byte(), 0);

  RecordReader enums(std::string_view("\x05", 1));
  EXPECT_EQ(enums.Small<uint8_t>(3), 0);  // 5 is no value of a three-valued enum
  EXPECT_FALSE(enums.ok());
}

}  // namespace
}  // namespace sargs
