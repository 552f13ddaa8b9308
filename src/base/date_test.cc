#include "base/date.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace sargs {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

Date Ymd(int y, unsigned m, unsigned d) { return Date(year_month_day(year(y), month(m), day(d))); }

Date D(const char* text) {
  auto d = ParseDate(text);
  EXPECT_TRUE(d.has_value()) << text;
  return d ? *d : Date();
}

// "YYYY-MM-DD HH:MM:SS" of a parsed booking time, or "ERROR: ...".
std::string Booking(const char* text) {
  auto b = ParseBookingTime(text);
  if (!b) return "ERROR: " + b.error().message;
  std::string out = FormatDate(b->date);
  if (b->second_of_day < 0) return out;
  char buf[32];
  std::snprintf(buf, sizeof buf, " %02d:%02d:%02d", b->second_of_day / 3600, b->second_of_day / 60 % 60,
                b->second_of_day % 60);
  return out + buf;
}

void ExpectBadBooking(const char* text) {
  auto b = ParseBookingTime(text);
  EXPECT_FALSE(b.has_value()) << "'" << text << "' parsed as " << (b ? Booking(text) : "");
}

// ---- ParseDate / FormatDate -------------------------------------------------

TEST(ParseDate, ValidDates) {
  EXPECT_EQ(D("2025-03-15"), Ymd(2025, 3, 15));
  EXPECT_EQ(D("1999-12-31"), Ymd(1999, 12, 31));
  EXPECT_EQ(D("2026-01-01"), Ymd(2026, 1, 1));
  EXPECT_EQ(D("1970-01-01").time_since_epoch().count(), 0);
}

TEST(ParseDate, LeapDay) {
  EXPECT_EQ(D("2024-02-29"), Ymd(2024, 2, 29));
  EXPECT_EQ(D("2000-02-29"), Ymd(2000, 2, 29));
  auto d = ParseDate("2023-02-29");
  ASSERT_FALSE(d.has_value());
  EXPECT_NE(d.error().message.find("2023-02-29"), std::string::npos) << d.error().message;
  EXPECT_FALSE(ParseDate("1900-02-29").has_value());
}

TEST(ParseDate, RejectsImpossibleDays) {
  for (const char* text : {"2025-04-31", "2025-13-01", "2025-00-10", "2025-01-00", "2025-01-32"}) {
    EXPECT_FALSE(ParseDate(text).has_value()) << text;
  }
}

TEST(ParseDate, RejectsWrongFormats) {
  for (const char* text : {"", "2025-1-05", "2025-01-5", "25-01-05", "2025/01/05", "20250105", "05.01.2025",
                           "2025-01-05T00:00", "2025-01-05 ", " 2025-01-05", "2025-01-0x", "abcd-ef-gh",
                           "2025_01_05", "+2025-01-05", "2025-01-05Z"}) {
    auto d = ParseDate(text);
    EXPECT_FALSE(d.has_value()) << "'" << text << "'";
    if (!d) {
      EXPECT_FALSE(d.error().message.empty());
    }
  }
}

TEST(FormatDate, PadsYearMonthDay) {
  EXPECT_EQ(FormatDate(Ymd(2026, 1, 5)), "2026-01-05");
  EXPECT_EQ(FormatDate(Ymd(2024, 12, 31)), "2024-12-31");
  EXPECT_EQ(FormatDate(Ymd(999, 3, 4)), "0999-03-04");
  EXPECT_EQ(FormatDate(Date()), "1970-01-01");
}

TEST(FormatDate, RoundTripsParseDate) {
  for (const char* text : {"2024-02-29", "2025-08-31", "2000-01-01", "2099-12-31"}) {
    EXPECT_EQ(FormatDate(D(text)), text);
  }
}

// ---- ParseBookingTime -------------------------------------------------------

TEST(ParseBookingTime, DateOnlyHasNoTime) {
  auto b = ParseBookingTime("2025-06-10");
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->date, Ymd(2025, 6, 10));
  EXPECT_EQ(b->second_of_day, -1);
}

TEST(ParseBookingTime, LocalTimeWithoutOffsetIsRigaTime) {
  auto b = ParseBookingTime("2025-01-15T14:30");
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->date, Ymd(2025, 1, 15));
  EXPECT_EQ(b->second_of_day, 14 * 3600 + 30 * 60);
  // Late in the evening stays on the same day: no conversion without an offset.
  EXPECT_EQ(Booking("2025-07-15T23:59:59"), "2025-07-15 23:59:59");
  EXPECT_EQ(Booking("2025-07-15T00:00"), "2025-07-15 00:00:00");
  // A space may replace the T.
  EXPECT_EQ(Booking("2025-01-15 09:05:07"), "2025-01-15 09:05:07");
}

TEST(ParseBookingTime, SecondsAndFractions) {
  EXPECT_EQ(Booking("2025-01-15T14:30:15"), "2025-01-15 14:30:15");
  EXPECT_EQ(Booking("2025-01-15T14:30:15.123"), "2025-01-15 14:30:15");
  EXPECT_EQ(Booking("2025-01-15T14:30:15.999999999"), "2025-01-15 14:30:15");
  EXPECT_EQ(Booking("2025-01-15T14:30:15,5"), "2025-01-15 14:30:15");
  EXPECT_EQ(Booking("2025-01-15T14:30:15.5Z"), "2025-01-15 16:30:15");
  // A leap second is kept within its minute.
  EXPECT_EQ(Booking("2025-01-15T23:59:60"), "2025-01-15 23:59:59");
}

TEST(ParseBookingTime, UtcInWinterIsTwoHoursBehindRiga) {
  EXPECT_EQ(Booking("2025-01-15T10:00:00Z"), "2025-01-15 12:00:00");
  EXPECT_EQ(Booking("2025-01-15T21:59:59Z"), "2025-01-15 23:59:59");
  // 22:30 UTC is already 00:30 of the next day in Riga.
  EXPECT_EQ(Booking("2025-01-15T22:30:00Z"), "2025-01-16 00:30:00");
  EXPECT_EQ(Booking("2025-01-15T22:00Z"), "2025-01-16 00:00:00");
  // Across a month and a year end.
  EXPECT_EQ(Booking("2024-12-31T23:15Z"), "2025-01-01 01:15:00");
  EXPECT_EQ(Booking("2025-01-31T22:00Z"), "2025-02-01 00:00:00");
}

TEST(ParseBookingTime, UtcInSummerIsThreeHoursBehindRiga) {
  EXPECT_EQ(Booking("2025-07-15T10:00:00Z"), "2025-07-15 13:00:00");
  EXPECT_EQ(Booking("2025-07-15T20:59:59Z"), "2025-07-15 23:59:59");
  // 21:30 UTC: the next day in summer, still the same day in winter.
  EXPECT_EQ(Booking("2025-07-15T21:30:00Z"), "2025-07-16 00:30:00");
  EXPECT_EQ(Booking("2025-01-15T21:30:00Z"), "2025-01-15 23:30:00");
  EXPECT_EQ(Booking("2025-06-30T21:00Z"), "2025-07-01 00:00:00");
}

TEST(ParseBookingTime, DaylightSavingTransitions) {
  // Summer time starts on 2025-03-30 at 01:00 UTC (03:00 -> 04:00 local).
  EXPECT_EQ(Booking("2025-03-30T00:30Z"), "2025-03-30 02:30:00");
  EXPECT_EQ(Booking("2025-03-30T01:30Z"), "2025-03-30 04:30:00");
  EXPECT_EQ(Booking("2025-03-29T21:30Z"), "2025-03-29 23:30:00");
  // It ends on 2025-10-26 at 01:00 UTC (04:00 -> 03:00 local).
  EXPECT_EQ(Booking("2025-10-25T21:30Z"), "2025-10-26 00:30:00");
  EXPECT_EQ(Booking("2025-10-26T21:30Z"), "2025-10-26 23:30:00");
}

TEST(ParseBookingTime, PositiveOffset) {
  // +02:00 is Riga's winter offset: the same wall-clock time.
  EXPECT_EQ(Booking("2025-01-15T23:30:00+02:00"), "2025-01-15 23:30:00");
  // In summer, 23:30+02:00 is 21:30 UTC, 00:30 next day in Riga.
  EXPECT_EQ(Booking("2025-07-15T23:30+02:00"), "2025-07-16 00:30:00");
  // A far-east offset moves the date back.
  EXPECT_EQ(Booking("2025-01-16T01:00+09:00"), "2025-01-15 18:00:00");
  // Offsets written without the colon or without minutes.
  EXPECT_EQ(Booking("2025-01-15T23:30+0200"), "2025-01-15 23:30:00");
  EXPECT_EQ(Booking("2025-01-15T23:30+02"), "2025-01-15 23:30:00");
  EXPECT_EQ(Booking("2025-01-15T12:00+05:30"), "2025-01-15 08:30:00");
  EXPECT_EQ(Booking("2025-07-15T12:00:00+03:00"), "2025-07-15 12:00:00");
}

TEST(ParseBookingTime, NegativeOffset) {
  EXPECT_EQ(Booking("2025-01-15T10:00-05:00"), "2025-01-15 17:00:00");
  // 20:00 in New York in winter is 01:00 UTC next day, 03:00 in Riga.
  EXPECT_EQ(Booking("2025-01-15T20:00-05:00"), "2025-01-16 03:00:00");
  EXPECT_EQ(Booking("2025-07-15T18:00:00-05:00"), "2025-07-16 02:00:00");
  EXPECT_EQ(Booking("2025-07-15T17:59:59-05:00"), "2025-07-16 01:59:59");
  EXPECT_EQ(Booking("2025-01-15T00:00-00:00"), "2025-01-15 02:00:00");
}

TEST(ParseBookingTime, BadInputs) {
  for (const char* text :
       {"", "2025-01-15T", "2025-01-15T1", "2025-01-15T10", "2025-01-15T10:0", "2025-01-15T1:00",
        "2025-01-15T24:00", "2025-01-15T25:00", "2025-01-15T10:60", "2025-01-15X10:00", "2025-01-15T10-00",
        "2025-01-15T10:00:", "2025-01-15T10:00:5", "2025-01-15T10:00:61", "2025-01-15T10:00:00.",
        "2025-01-15T10:00:00.Z", "2025-01-15T10:00Q", "2025-01-15T10:00Zjunk", "2025-01-15T10:00z",
        "2025-01-15T10:00+2", "2025-01-15T10:00+02:0", "2025-01-15T10:00+02:00:00", "2025-01-15T10:00+15:00",
        "2025-01-15T10:00+02:60", "2025-01-15T10:00+", "2025-01-15T10:00 +02:00", "2025-02-30T10:00",
        "2023-02-29", "15.01.2025", "2025/01/15 10:00", "2025-01-15T10:00:00ZZ"}) {
    ExpectBadBooking(text);
  }
}

TEST(ParseBookingTime, ErrorNamesTheInput) {
  auto b = ParseBookingTime("2025-01-15T10:00Q");
  ASSERT_FALSE(b.has_value());
  EXPECT_NE(b.error().message.find("2025-01-15T10:00Q"), std::string::npos) << b.error().message;
}

// ---- AddMonths --------------------------------------------------------------

TEST(AddMonths, SameDayOfMonth) {
  EXPECT_EQ(AddMonths(D("2025-03-15"), 1), D("2025-04-15"));
  EXPECT_EQ(AddMonths(D("2025-03-15"), 12), D("2026-03-15"));
  EXPECT_EQ(AddMonths(D("2025-11-15"), 3), D("2026-02-15"));
  EXPECT_EQ(AddMonths(D("2025-03-15"), 0), D("2025-03-15"));
  EXPECT_EQ(AddMonths(D("2025-03-15"), 60), D("2030-03-15"));
}

TEST(AddMonths, ClampsToEndOfShorterMonth) {
  EXPECT_EQ(AddMonths(D("2025-08-31"), 6), D("2026-02-28"));
  EXPECT_EQ(AddMonths(D("2023-08-31"), 6), D("2024-02-29"));
  EXPECT_EQ(AddMonths(D("2025-01-31"), 1), D("2025-02-28"));
  EXPECT_EQ(AddMonths(D("2025-05-31"), 1), D("2025-06-30"));
  EXPECT_EQ(AddMonths(D("2024-02-29"), 12), D("2025-02-28"));
  EXPECT_EQ(AddMonths(D("2024-02-29"), 48), D("2028-02-29"));
  // A clamped date does not grow back: 30 Jan + 1 = 28 Feb, + 1 more = 28 Mar.
  EXPECT_EQ(AddMonths(AddMonths(D("2025-01-30"), 1), 1), D("2025-03-28"));
  EXPECT_EQ(AddMonths(D("2025-01-30"), 2), D("2025-03-30"));
}

TEST(AddMonths, NegativeMonths) {
  EXPECT_EQ(AddMonths(D("2025-03-15"), -3), D("2024-12-15"));
  EXPECT_EQ(AddMonths(D("2024-03-31"), -1), D("2024-02-29"));
  EXPECT_EQ(AddMonths(D("2025-03-31"), -1), D("2025-02-28"));
  EXPECT_EQ(AddMonths(D("2025-01-31"), -2), D("2024-11-30"));
  EXPECT_EQ(AddMonths(D("2026-02-28"), -6), D("2025-08-28"));
  EXPECT_EQ(AddMonths(D("2025-01-15"), -13), D("2023-12-15"));
  EXPECT_EQ(AddMonths(D("2025-01-15"), -24), D("2023-01-15"));
}

// ---- YearMonth --------------------------------------------------------------

TEST(YearMonth, FieldsAndIndex) {
  YearMonth m(2025, 7);
  EXPECT_EQ(m.year(), 2025);
  EXPECT_EQ(m.month(), 7u);
  EXPECT_EQ(m.index(), 2025 * 12 + 6);
  EXPECT_EQ(YearMonth::FromIndex(m.index()), m);
  EXPECT_EQ(YearMonth(2025, 1).month(), 1u);
  EXPECT_EQ(YearMonth(2025, 12).year(), 2025);
  EXPECT_EQ(YearMonth(2025, 12).month(), 12u);
}

TEST(YearMonth, Of) {
  EXPECT_EQ(YearMonth::Of(D("2025-07-19")), YearMonth(2025, 7));
  EXPECT_EQ(YearMonth::Of(D("2024-12-31")), YearMonth(2024, 12));
  EXPECT_EQ(YearMonth::Of(D("2025-01-01")), YearMonth(2025, 1));
}

TEST(YearMonth, Arithmetic) {
  EXPECT_EQ(YearMonth(2025, 1) + 1, YearMonth(2025, 2));
  EXPECT_EQ(YearMonth(2025, 12) + 1, YearMonth(2026, 1));
  EXPECT_EQ(YearMonth(2025, 1) - 1, YearMonth(2024, 12));
  EXPECT_EQ(YearMonth(2025, 3) + 12, YearMonth(2026, 3));
  EXPECT_EQ(YearMonth(2025, 3) - 15, YearMonth(2023, 12));
  EXPECT_EQ(YearMonth(2026, 3) - YearMonth(2025, 11), 4);
  EXPECT_EQ(YearMonth(2025, 11) - YearMonth(2026, 3), -4);
  EXPECT_EQ(YearMonth(2025, 6) - YearMonth(2025, 6), 0);
  EXPECT_LT(YearMonth(2024, 12), YearMonth(2025, 1));
  EXPECT_GT(YearMonth(2025, 2), YearMonth(2025, 1));
}

TEST(YearMonth, FirstAndLastDay) {
  EXPECT_EQ(YearMonth(2024, 2).FirstDay(), D("2024-02-01"));
  EXPECT_EQ(YearMonth(2024, 2).LastDay(), D("2024-02-29"));
  EXPECT_EQ(YearMonth(2025, 2).LastDay(), D("2025-02-28"));
  EXPECT_EQ(YearMonth(2025, 4).LastDay(), D("2025-04-30"));
  EXPECT_EQ(YearMonth(2025, 12).FirstDay(), D("2025-12-01"));
  EXPECT_EQ(YearMonth(2025, 12).LastDay(), D("2025-12-31"));
  EXPECT_EQ((YearMonth(2025, 12) + 1).FirstDay(), D("2026-01-01"));
}

TEST(YearMonth, ToString) {
  EXPECT_EQ(YearMonth(2025, 7).ToString(), "2025-07");
  EXPECT_EQ(YearMonth(2025, 12).ToString(), "2025-12");
  EXPECT_EQ((YearMonth(2025, 1) - 1).ToString(), "2024-12");
  EXPECT_EQ(YearMonth::Of(D("2024-02-29")).ToString(), "2024-02");
}

}  // namespace
}  // namespace sargs
