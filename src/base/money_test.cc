#include "base/money.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

namespace sargs {
namespace {

int64_t CentsOf(const char* text) {
  auto m = Money::Parse(text);
  EXPECT_TRUE(m.has_value()) << text << ": " << (m ? "" : m.error().ToString());
  return m ? m->cents() : -999999;
}

void ExpectRejected(const char* text) {
  auto m = Money::Parse(text);
  EXPECT_FALSE(m.has_value()) << "'" << text << "' parsed as " << (m ? m->ToString() : "");
  if (!m) {
    EXPECT_FALSE(m.error().message.empty()) << text;
  }
}

TEST(MoneyParse, WholeEuros) {
  EXPECT_EQ(CentsOf("0"), 0);
  EXPECT_EQ(CentsOf("7"), 700);
  EXPECT_EQ(CentsOf("1234"), 123400);
  EXPECT_EQ(CentsOf("3000"), 300000);
  EXPECT_EQ(CentsOf("007"), 700);
}

TEST(MoneyParse, OneAndTwoDecimals) {
  EXPECT_EQ(CentsOf("1234.5"), 123450);
  EXPECT_EQ(CentsOf("1234.56"), 123456);
  EXPECT_EQ(CentsOf("0.05"), 5);
  EXPECT_EQ(CentsOf("0.5"), 50);
  EXPECT_EQ(CentsOf("12.00"), 1200);
  EXPECT_EQ(CentsOf("0.01"), 1);
}

TEST(MoneyParse, Sign) {
  EXPECT_EQ(CentsOf("-12.00"), -1200);
  EXPECT_EQ(CentsOf("-0.01"), -1);
  EXPECT_EQ(CentsOf("-1234.5"), -123450);
  EXPECT_EQ(CentsOf("+7.10"), 710);
  EXPECT_EQ(CentsOf("-0"), 0);
}

TEST(MoneyParse, RejectsThreeDecimals) {
  auto m = Money::Parse("1.234");
  ASSERT_FALSE(m.has_value());
  EXPECT_NE(m.error().message.find("two decimal"), std::string::npos) << m.error().message;
  ExpectRejected("0.001");
  ExpectRejected("-5.000");
}

TEST(MoneyParse, RejectsMalformedText) {
  ExpectRejected("");
  ExpectRejected("1,5");
  ExpectRejected("1e3");
  ExpectRejected(" 12");
  ExpectRejected("12 ");
  ExpectRejected("12.");
  ExpectRejected(".5");
  ExpectRejected("-.5");
  ExpectRejected("-");
  ExpectRejected("+");
  ExpectRejected("--1");
  ExpectRejected("+-1");
  ExpectRejected("1.2.3");
  ExpectRejected("12a");
  ExpectRejected("EUR 12");
  ExpectRejected("1 000");
}

TEST(MoneyParse, EmptyIsReportedAsEmpty) {
  auto m = Money::Parse("");
  ASSERT_FALSE(m.has_value());
  EXPECT_NE(m.error().message.find("empty"), std::string::npos) << m.error().message;
}

TEST(MoneyParse, TooLarge) {
  // Fifteen integer digits are the most accepted.
  EXPECT_EQ(CentsOf("999999999999999.99"), int64_t{99999999999999999});
  EXPECT_EQ(CentsOf("-999999999999999.99"), -int64_t{99999999999999999});
  auto m = Money::Parse("1000000000000000");
  ASSERT_FALSE(m.has_value());
  EXPECT_NE(m.error().message.find("too large"), std::string::npos) << m.error().message;
  ExpectRejected("99999999999999999999999999999999");
  ExpectRejected("-1000000000000000.00");
}

TEST(MoneyToString, FormatsCentsWithTwoDecimals) {
  EXPECT_EQ(Money().ToString(), "0.00");
  EXPECT_EQ(Money::FromCents(5).ToString(), "0.05");
  EXPECT_EQ(Money::FromCents(50).ToString(), "0.50");
  EXPECT_EQ(Money::FromCents(123456).ToString(), "1234.56");
  EXPECT_EQ(Money::FromEuros(3000).ToString(), "3000.00");
  EXPECT_EQ(Money::FromCents(100000000).ToString(), "1000000.00");
}

TEST(MoneyToString, NegativeKeepsSign) {
  EXPECT_EQ(Money::FromCents(-1200).ToString(), "-12.00");
  EXPECT_EQ(Money::FromCents(-5).ToString(), "-0.05");
  EXPECT_EQ(Money::FromCents(-123456).ToString(), "-1234.56");
}

TEST(MoneyToString, RoundTripsThroughParse) {
  for (const char* text : {"0.00", "0.01", "-0.99", "12.30", "1234.56", "-1000000.00", "999999999999999.99"}) {
    auto m = Money::Parse(text);
    ASSERT_TRUE(m.has_value()) << text;
    EXPECT_EQ(m->ToString(), text);
  }
}

TEST(MoneyArithmetic, AddSubtractCompare) {
  Money a = Money::FromCents(1050), b = Money::FromEuros(2);
  EXPECT_EQ((a + b).cents(), 1250);
  EXPECT_EQ((a - b).cents(), 850);
  EXPECT_EQ((b - a).cents(), -850);
  a += b;
  EXPECT_EQ(a.cents(), 1250);
  a -= Money::FromCents(1250);
  EXPECT_EQ(a, Money());
  EXPECT_LT(Money::FromCents(-1), Money());
  EXPECT_GT(Money::FromCents(300001), Money::FromEuros(3000));
  EXPECT_EQ(Money::FromEuros(15000), Money::FromCents(1500000));
}

TEST(MoneyExceedsPercentOf, ExactBoundaryIsNotExceeding) {
  const Money whole = Money::FromCents(10000);  // 100.00
  EXPECT_FALSE(Money::FromCents(3000).ExceedsPercentOf(whole, 30));  // 30.00
  EXPECT_TRUE(Money::FromCents(3001).ExceedsPercentOf(whole, 30));   // 30.01
  EXPECT_FALSE(Money::FromCents(2999).ExceedsPercentOf(whole, 30));
}

TEST(MoneyExceedsPercentOf, BoundaryWithUnevenWhole) {
  // 30 % of 100.01 is 30.003: 30.00 does not exceed it, 30.01 does.
  const Money whole = Money::FromCents(10001);
  EXPECT_FALSE(Money::FromCents(3000).ExceedsPercentOf(whole, 30));
  EXPECT_TRUE(Money::FromCents(3001).ExceedsPercentOf(whole, 30));
  // 100 % and 0 %.
  EXPECT_FALSE(whole.ExceedsPercentOf(whole, 100));
  EXPECT_TRUE((whole + Money::FromCents(1)).ExceedsPercentOf(whole, 100));
  EXPECT_FALSE(Money().ExceedsPercentOf(whole, 0));
  EXPECT_TRUE(Money::FromCents(1).ExceedsPercentOf(whole, 0));
}

TEST(MoneyExceedsPercentOf, DoesNotOverflowForHugeAmounts) {
  const Money max = Money::FromCents(std::numeric_limits<int64_t>::max());
  EXPECT_FALSE(max.ExceedsPercentOf(max, 100));
  EXPECT_TRUE(max.ExceedsPercentOf(max, 99));
  EXPECT_FALSE(Money::FromCents(std::numeric_limits<int64_t>::max() / 2).ExceedsPercentOf(max, 50));
  EXPECT_TRUE(Money::FromCents(std::numeric_limits<int64_t>::max() / 2 + 1).ExceedsPercentOf(max, 50));
}

TEST(MoneyDividedBy, ExactDivision) {
  EXPECT_EQ(Money::FromCents(10000).DividedBy(4).cents(), 2500);
  EXPECT_EQ(Money::FromCents(-900).DividedBy(3).cents(), -300);
  EXPECT_EQ(Money::FromCents(1234).DividedBy(1).cents(), 1234);
}

TEST(MoneyDividedBy, RoundsToNearestCent) {
  EXPECT_EQ(Money::FromCents(100).DividedBy(3).cents(), 33);    // 33.33..
  EXPECT_EQ(Money::FromCents(200).DividedBy(3).cents(), 67);    // 66.66..
  EXPECT_EQ(Money::FromCents(10000).DividedBy(7).cents(), 1429);  // 1428.57..
  EXPECT_EQ(Money::FromCents(1).DividedBy(3).cents(), 0);
  EXPECT_EQ(Money::FromCents(5).DividedBy(4).cents(), 1);        // 1.25
  EXPECT_EQ(Money::FromCents(7).DividedBy(4).cents(), 2);        // 1.75
}

TEST(MoneyDividedBy, HalfRoundsAwayFromZero) {
  EXPECT_EQ(Money::FromCents(5).DividedBy(2).cents(), 3);
  EXPECT_EQ(Money::FromCents(1).DividedBy(2).cents(), 1);
  EXPECT_EQ(Money::FromCents(3).DividedBy(2).cents(), 2);
  EXPECT_EQ(Money::FromCents(-5).DividedBy(2).cents(), -3);
  EXPECT_EQ(Money::FromCents(-1).DividedBy(2).cents(), -1);
  EXPECT_EQ(Money::FromCents(5).DividedBy(-2).cents(), -3);
  EXPECT_EQ(Money::FromCents(-5).DividedBy(-2).cents(), 3);
  EXPECT_EQ(Money::FromCents(-7).DividedBy(4).cents(), -2);
  EXPECT_EQ(Money::FromCents(-5).DividedBy(4).cents(), -1);
  // A yearly amount over 12 months: 1000.01 / 12 = 83.334.. -> 83.33,
  // 1000.02 / 12 = 83.335 -> 83.34, -1000.02 / 12 -> -83.34.
  EXPECT_EQ(Money::FromCents(100001).DividedBy(12).cents(), 8333);
  EXPECT_EQ(Money::FromCents(100002).DividedBy(12).cents(), 8334);
  EXPECT_EQ(Money::FromCents(-100002).DividedBy(12).cents(), -8334);
}

TEST(MoneyDividedBy, ByZeroIsZero) {
  EXPECT_EQ(Money::FromCents(12345).DividedBy(0), Money());
}

}  // namespace
}  // namespace sargs
