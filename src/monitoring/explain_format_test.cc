#include "monitoring/explain_format.h"

#include <gtest/gtest.h>

namespace sargs {
namespace {

TEST(ExplainFormatTest, EurGroupsThousands) {
  EXPECT_EQ(Eur(Money()), "0.00 EUR");
  EXPECT_EQ(Eur(Money::FromCents(5)), "0.05 EUR");
  EXPECT_EQ(Eur(Money::FromCents(99'999)), "999.99 EUR");
  EXPECT_EQ(Eur(Money::FromEuros(1'000)), "1 000.00 EUR");
  EXPECT_EQ(Eur(Money::FromCents(420'050)), "4 200.50 EUR");
  EXPECT_EQ(Eur(Money::FromEuros(1'500'000)), "1 500 000.00 EUR");
  EXPECT_EQ(Eur(Money::FromEuros(-4'200)), "-4 200.00 EUR");
  EXPECT_EQ(Eur(Money::FromEuros(-420)), "-420.00 EUR");
}

TEST(ExplainFormatTest, PercentRoundsHalfUpAndDropsTrailingZeros) {
  EXPECT_EQ(Percent(Money::FromEuros(42), Money::FromEuros(100)), "42 %");
  EXPECT_EQ(Percent(Money::FromEuros(305), Money::FromEuros(1'000)), "30.5 %");
  EXPECT_EQ(Percent(Money::FromCents(3'001), Money::FromEuros(100)), "30.01 %");
  EXPECT_EQ(Percent(Money::FromCents(1), Money::FromEuros(200)), "0.01 %");   // 0.005 % rounds up
  EXPECT_EQ(Percent(Money::FromCents(1), Money::FromEuros(201)), "0 %");      // 0.00497 % rounds down
  EXPECT_EQ(Percent(Money::FromEuros(3), Money::FromEuros(2)), "150 %");
  EXPECT_EQ(Percent(Money::FromEuros(1), Money()), "- %");
}

}  // namespace
}  // namespace sargs
