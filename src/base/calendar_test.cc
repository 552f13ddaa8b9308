#include "base/calendar.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sargs {
namespace {

Date D(const char* text) {
  auto d = ParseDate(text);
  EXPECT_TRUE(d.has_value()) << text;
  return *d;
}

std::vector<std::string> DatesOf(const std::vector<Holiday>& holidays) {
  std::vector<std::string> out;
  for (const Holiday& h : holidays) out.push_back(FormatDate(h.date));
  return out;
}

const Holiday* Find(const std::vector<Holiday>& holidays, const char* date) {
  for (const Holiday& h : holidays) {
    if (FormatDate(h.date) == date) return &h;
  }
  return nullptr;
}

// A calendar with no dated entries, so that only the permanent rules act.
BusinessCalendar RulesOnly() {
  auto cal = BusinessCalendar::FromCsv("date,kind,name_lv,name_en,source\n", "empty.csv");
  EXPECT_TRUE(cal.has_value()) << cal.error().ToString();
  return *cal;
}

// Day-by-day reference for the table-driven AddBusinessDays.
Date WalkBusinessDays(const BusinessCalendar& cal, Date d, int n) {
  const int step = n > 0 ? 1 : -1;
  for (int left = n > 0 ? n : -n; left > 0;) {
    d += std::chrono::days(step);
    if (cal.IsBusinessDay(d)) --left;
  }
  return d;
}

TEST(CalendarTest, EasterMatchesKnownDates) {
  EXPECT_EQ(FormatDate(EasterSunday(1991)), "1991-03-31");
  EXPECT_EQ(FormatDate(EasterSunday(1995)), "1995-04-16");
  EXPECT_EQ(FormatDate(EasterSunday(2000)), "2000-04-23");
  EXPECT_EQ(FormatDate(EasterSunday(2008)), "2008-03-23");
  EXPECT_EQ(FormatDate(EasterSunday(2011)), "2011-04-24");
  EXPECT_EQ(FormatDate(EasterSunday(2019)), "2019-04-21");
  EXPECT_EQ(FormatDate(EasterSunday(2024)), "2024-03-31");
  EXPECT_EQ(FormatDate(EasterSunday(2025)), "2025-04-20");
  EXPECT_EQ(FormatDate(EasterSunday(2026)), "2026-04-05");
  EXPECT_EQ(FormatDate(EasterSunday(2027)), "2027-03-28");
  EXPECT_EQ(FormatDate(EasterSunday(2038)), "2038-04-25");
  EXPECT_EQ(FormatDate(EasterSunday(2100)), "2100-03-28");
}

TEST(CalendarTest, EasterHolidaysEveryYear) {
  const BusinessCalendar& cal = LatvianCalendar();
  for (int y = 1996; y <= 2100; ++y) {
    const Date easter = EasterSunday(y);
    EXPECT_EQ(std::chrono::weekday{easter}, std::chrono::Sunday) << y;
    EXPECT_TRUE(cal.IsHoliday(easter - std::chrono::days(2))) << "Good Friday " << y;
    EXPECT_FALSE(cal.IsBusinessDay(easter - std::chrono::days(2))) << y;
    EXPECT_TRUE(cal.IsHoliday(easter)) << y;
    EXPECT_TRUE(cal.IsHoliday(easter + std::chrono::days(1))) << "Easter Monday " << y;
    EXPECT_FALSE(cal.IsBusinessDay(easter + std::chrono::days(1))) << y;
    EXPECT_TRUE(cal.IsBusinessDay(easter + std::chrono::days(2))) << "Tuesday after " << y;
    const auto holidays = cal.HolidaysIn(y);
    const Holiday* whit = Find(holidays, FormatDate(easter + std::chrono::days(49)).c_str());
    ASSERT_NE(whit, nullptr) << y;
  }
}

TEST(CalendarTest, EasterMondayOnlyFrom1996) {
  const BusinessCalendar& cal = LatvianCalendar();
  EXPECT_TRUE(cal.IsHoliday(D("1995-04-14")));  // Good Friday was in the 1990 law
  EXPECT_TRUE(cal.IsBusinessDay(D("1995-04-17")));
  EXPECT_FALSE(cal.IsBusinessDay(D("1996-04-08")));
}

TEST(CalendarTest, RestorationDayMovesOffWeekend) {
  const BusinessCalendar& cal = LatvianCalendar();
  // 2019-05-04 and 2024-05-04 are Saturdays: Monday 6 May is the day off.
  EXPECT_TRUE(cal.IsHoliday(D("2019-05-04")));
  EXPECT_TRUE(cal.IsHoliday(D("2019-05-06")));
  EXPECT_FALSE(cal.IsBusinessDay(D("2019-05-06")));
  EXPECT_TRUE(cal.IsBusinessDay(D("2019-05-07")));
  EXPECT_TRUE(cal.IsHoliday(D("2024-05-06")));
  EXPECT_TRUE(cal.IsBusinessDay(D("2024-05-03")));  // the Friday before is not touched
  // A Sunday: the Monday after.
  EXPECT_TRUE(cal.IsHoliday(D("2025-05-05")));
  // On a weekday nothing moves.
  EXPECT_TRUE(cal.IsHoliday(D("2023-05-04")));
  EXPECT_TRUE(cal.IsBusinessDay(D("2023-05-05")));
  // Before the 2007 amendment a weekend 4 May had no day in lieu.
  EXPECT_TRUE(cal.IsBusinessDay(D("2003-05-05")));
  // 4 May became a public holiday in 2002.
  EXPECT_TRUE(cal.IsBusinessDay(D("2001-05-04")));
  EXPECT_TRUE(cal.IsHoliday(D("2002-05-04")));

  const auto holidays = cal.HolidaysIn(2019);
  const Holiday* in_lieu = Find(holidays, "2019-05-06");
  ASSERT_NE(in_lieu, nullptr);
  EXPECT_EQ(in_lieu->name_lv,
            "Latvijas Republikas Neatkarības atjaunošanas diena (pārceltā brīvdiena)");
  EXPECT_EQ(in_lieu->name_en, "Restoration of Independence Day (day off in lieu)");
}

TEST(CalendarTest, ProclamationDayMovesOffWeekend) {
  const BusinessCalendar& cal = LatvianCalendar();
  EXPECT_TRUE(cal.IsHoliday(D("2023-11-18")));  // Saturday
  EXPECT_FALSE(cal.IsBusinessDay(D("2023-11-20")));
  EXPECT_TRUE(cal.IsBusinessDay(D("2023-11-21")));
  EXPECT_TRUE(cal.IsHoliday(D("2029-11-18")));  // Sunday
  EXPECT_FALSE(cal.IsBusinessDay(D("2029-11-19")));
  EXPECT_TRUE(cal.IsBusinessDay(D("2029-11-20")));
  // The first day in lieu under the 2007 amendment; none in 2001.
  EXPECT_TRUE(cal.IsHoliday(D("2007-11-19")));
  EXPECT_TRUE(cal.IsBusinessDay(D("2001-11-19")));
  EXPECT_FALSE(cal.IsBusinessDay(D("2024-11-18")));  // Monday itself
}

TEST(CalendarTest, MidsummerDoesNotMoveOffWeekend) {
  const BusinessCalendar& cal = LatvianCalendar();
  EXPECT_FALSE(cal.IsBusinessDay(D("2025-06-23")));
  EXPECT_FALSE(cal.IsBusinessDay(D("2025-06-24")));
  EXPECT_TRUE(cal.IsBusinessDay(D("2025-06-25")));
  // 2023-06-24 is a Saturday; the law gives no day in lieu for Jāņi.
  EXPECT_TRUE(cal.IsHoliday(D("2023-06-24")));
  EXPECT_TRUE(cal.IsBusinessDay(D("2023-06-26")));
}

TEST(CalendarTest, ChristmasAndNewYearsEve) {
  const BusinessCalendar& cal = LatvianCalendar();
  for (const char* d : {"2024-12-24", "2024-12-25", "2024-12-26", "2024-12-31", "2025-01-01"}) {
    EXPECT_TRUE(cal.IsHoliday(D(d))) << d;
    EXPECT_FALSE(cal.IsBusinessDay(D(d))) << d;
  }
  EXPECT_TRUE(cal.IsBusinessDay(D("2024-12-27")));
  EXPECT_TRUE(cal.IsBusinessDay(D("2024-12-30")));
  // Christmas Eve only since the 2007 amendment.
  EXPECT_TRUE(cal.IsBusinessDay(D("2003-12-24")));
  EXPECT_FALSE(cal.IsBusinessDay(D("2008-12-24")));
  EXPECT_TRUE(cal.IsHoliday(D("1991-12-31")));
}

TEST(CalendarTest, OneOffHolidaysFromShippedData) {
  const BusinessCalendar& cal = LatvianCalendar();
  EXPECT_TRUE(cal.IsHoliday(D("2018-09-24")));
  EXPECT_FALSE(cal.IsBusinessDay(D("2018-09-24")));
  EXPECT_TRUE(cal.IsHoliday(D("2023-05-29")));
  EXPECT_FALSE(cal.IsBusinessDay(D("2023-05-29")));
  // The Cabinet's 2023 bridge Friday is not in the law, so not a holiday.
  EXPECT_TRUE(cal.IsBusinessDay(D("2023-05-05")));

  const BusinessCalendar rules = RulesOnly();
  EXPECT_TRUE(rules.IsBusinessDay(D("2018-09-24")));
  EXPECT_TRUE(rules.IsBusinessDay(D("2023-05-29")));
}

TEST(CalendarTest, SongFestivalClosingDayMovesOffWeekend) {
  const BusinessCalendar& cal = LatvianCalendar();
  EXPECT_TRUE(cal.IsHoliday(D("2018-07-08")));
  EXPECT_FALSE(cal.IsBusinessDay(D("2018-07-09")));
  EXPECT_TRUE(cal.IsHoliday(D("2023-07-09")));
  EXPECT_FALSE(cal.IsBusinessDay(D("2023-07-10")));
  EXPECT_TRUE(cal.IsBusinessDay(D("2023-07-11")));
  const auto holidays = cal.HolidaysIn(2023);
  const Holiday* closing = Find(holidays, "2023-07-09");
  ASSERT_NE(closing, nullptr);
  EXPECT_EQ(closing->name_en,
            "Closing day of the XXVII General Latvian Song and XVII Dance Festival");
}

TEST(CalendarTest, SongFestivalOnWeekdayNeedsNoDayInLieu) {
  auto cal = BusinessCalendar::FromCsv(
      "date,kind,name_lv,name_en,source\n"
      "2033-07-06,song_festival_closing,Noslēgums,Closing,test\n",
      "test.csv");
  ASSERT_TRUE(cal.has_value()) << cal.error().ToString();
  EXPECT_FALSE(cal->IsBusinessDay(D("2033-07-06")));  // a Wednesday
  EXPECT_TRUE(cal->IsBusinessDay(D("2033-07-07")));
}

TEST(CalendarTest, HolidaysInListsEveryHolidayInOrder) {
  const BusinessCalendar& cal = LatvianCalendar();
  EXPECT_EQ(DatesOf(cal.HolidaysIn(2024)),
            (std::vector<std::string>{"2024-01-01", "2024-03-29", "2024-03-31", "2024-04-01",
                                      "2024-05-01", "2024-05-04", "2024-05-06", "2024-05-12",
                                      "2024-05-19", "2024-06-23", "2024-06-24", "2024-11-18",
                                      "2024-12-24", "2024-12-25", "2024-12-26", "2024-12-31"}));
  EXPECT_EQ(DatesOf(cal.HolidaysIn(2023)),
            (std::vector<std::string>{"2023-01-01", "2023-04-07", "2023-04-09", "2023-04-10",
                                      "2023-05-01", "2023-05-04", "2023-05-14", "2023-05-28",
                                      "2023-05-29", "2023-06-23", "2023-06-24", "2023-07-09",
                                      "2023-07-10", "2023-11-18", "2023-11-20", "2023-12-24",
                                      "2023-12-25", "2023-12-26", "2023-12-31"}));
  const auto y2025 = cal.HolidaysIn(2025);
  ASSERT_EQ(y2025.size(), 16u);
  EXPECT_EQ(FormatDate(y2025[7].date), "2025-05-11");
  EXPECT_EQ(y2025[7].name_lv, "Mātes diena");
  EXPECT_EQ(FormatDate(y2025[8].date), "2025-06-08");
  EXPECT_EQ(y2025[8].name_en, "Whit Sunday");
}

TEST(CalendarTest, AddBusinessDaysAcrossChristmasAndNewYear) {
  const BusinessCalendar& cal = LatvianCalendar();
  // Fri 20 Dec 2024: Mon 23, then 24-26 off, Fri 27, Mon 30, then 31 and 1 Jan off.
  EXPECT_EQ(FormatDate(cal.AddBusinessDays(D("2024-12-20"), 1)), "2024-12-23");
  EXPECT_EQ(FormatDate(cal.AddBusinessDays(D("2024-12-20"), 2)), "2024-12-27");
  EXPECT_EQ(FormatDate(cal.AddBusinessDays(D("2024-12-20"), 3)), "2024-12-30");
  EXPECT_EQ(FormatDate(cal.AddBusinessDays(D("2024-12-20"), 4)), "2025-01-02");
  // 15 business days from Mon 16 Dec 2024: 17-20 (4), 23 (5), 27 (6), 30 (7),
  // 2-3 Jan (9), 6-10 Jan (14), 13 Jan (15).
  EXPECT_EQ(FormatDate(cal.AddBusinessDays(D("2024-12-16"), 15)), "2025-01-13");
  EXPECT_EQ(FormatDate(cal.AddBusinessDays(D("2025-01-13"), -15)), "2024-12-16");
}

TEST(CalendarTest, AddBusinessDaysAcrossEaster) {
  const BusinessCalendar& cal = LatvianCalendar();
  // 35 business days from Mon 3 Mar 2025: five full weeks to 4 Apr (24),
  // 7-11 Apr (29), 14-17 Apr (33; 18 is Good Friday), 22 Apr (34; 21 is
  // Easter Monday), 23 Apr (35).
  EXPECT_EQ(FormatDate(cal.AddBusinessDays(D("2025-03-03"), 35)), "2025-04-23");
  EXPECT_EQ(FormatDate(cal.AddBusinessDays(D("2025-04-23"), -35)), "2025-03-03");
  // Thu 28 Mar 2024 to Tue 2 Apr: Good Friday, the weekend and Easter Monday.
  EXPECT_EQ(FormatDate(cal.AddBusinessDays(D("2024-03-28"), 1)), "2024-04-02");
  EXPECT_EQ(FormatDate(cal.AddBusinessDays(D("2024-04-02"), -1)), "2024-03-28");
  // 35 from Mon 22 May 2023 passes the hockey holiday (29 May), Līgo (Fri 23
  // Jun) and the song festival's Monday (10 Jul): 13 Jul.
  EXPECT_EQ(FormatDate(cal.AddBusinessDays(D("2023-05-22"), 35)), "2023-07-13");
}

TEST(CalendarTest, AddBusinessDaysZeroAndFromNonBusinessDay) {
  const BusinessCalendar& cal = LatvianCalendar();
  EXPECT_EQ(FormatDate(cal.AddBusinessDays(D("2024-12-25"), 0)), "2024-12-25");
  EXPECT_EQ(FormatDate(cal.AddBusinessDays(D("2024-12-25"), 1)), "2024-12-27");
  EXPECT_EQ(FormatDate(cal.AddBusinessDays(D("2024-12-25"), -1)), "2024-12-23");
  // Sat 3 May 2025: Sunday 4 May and its day in lieu, Monday 5 May, are off.
  EXPECT_EQ(FormatDate(cal.AddBusinessDays(D("2025-05-03"), 1)), "2025-05-06");
}

TEST(CalendarTest, AddBusinessDaysMatchesDayByDayWalk) {
  const BusinessCalendar& cal = LatvianCalendar();
  for (Date d = D("2016-01-01"); d <= D("2030-12-31"); d += std::chrono::days(1)) {
    for (int n : {1, 5, 15, 35, -1, -15, -35}) {
      ASSERT_EQ(cal.AddBusinessDays(d, n), WalkBusinessDays(cal, d, n))
          << FormatDate(d) << " " << n;
    }
  }
}

TEST(CalendarTest, BusinessDaysBetween) {
  const BusinessCalendar& cal = LatvianCalendar();
  EXPECT_EQ(cal.BusinessDaysBetween(D("2025-03-03"), D("2025-04-23")), 35);
  EXPECT_EQ(cal.BusinessDaysBetween(D("2025-04-23"), D("2025-03-03")), -35);
  EXPECT_EQ(cal.BusinessDaysBetween(D("2025-03-03"), D("2025-03-03")), 0);
  // (Fri 20 Dec, Mon 23 Dec]: only the Monday.
  EXPECT_EQ(cal.BusinessDaysBetween(D("2024-12-20"), D("2024-12-23")), 1);
  EXPECT_EQ(cal.BusinessDaysBetween(D("2024-12-23"), D("2024-12-26")), 0);
  // Working days of whole years (from 31 Dec of the year before).
  EXPECT_EQ(cal.BusinessDaysBetween(D("2023-12-31"), D("2024-12-31")), 251);
  EXPECT_EQ(cal.BusinessDaysBetween(D("2024-12-31"), D("2025-12-31")), 249);

  for (Date d = D("2020-01-01"); d <= D("2026-12-31"); d += std::chrono::days(3)) {
    if (!cal.IsBusinessDay(d)) continue;
    for (int n : {1, 15, 35, -15, -35}) {
      const Date x = cal.AddBusinessDays(d, n);
      ASSERT_EQ(cal.BusinessDaysBetween(d, x), n) << FormatDate(d) << " " << n;
      ASSERT_EQ(cal.AddBusinessDays(d, cal.BusinessDaysBetween(d, x)), x);
    }
  }
}

TEST(CalendarTest, OverridesFollowTheCabinetsMovedDays) {
  BusinessCalendar cal = LatvianCalendar();
  // The Cabinet gave the public sector 23 and 30 Dec 2024 off, worked on the
  // Saturdays 14 and 28 Dec.
  auto added = cal.AddOverrides(
      "date,kind,note\n"
      "2024-12-14,working_day,worked for 23 Dec\n"
      "2024-12-23,holiday,moved from 14 Dec\n"
      "2024-12-28,working_day,worked for 30 Dec\n"
      "2024-12-30,holiday,moved from 28 Dec\n",
      "institution.csv");
  ASSERT_TRUE(added.has_value()) << added.error().ToString();
  EXPECT_TRUE(cal.IsBusinessDay(D("2024-12-14")));
  EXPECT_FALSE(cal.IsHoliday(D("2024-12-14")));
  EXPECT_TRUE(cal.IsHoliday(D("2024-12-23")));
  EXPECT_FALSE(cal.IsBusinessDay(D("2024-12-23")));
  EXPECT_EQ(FormatDate(cal.AddBusinessDays(D("2024-12-13"), 1)), "2024-12-14");
  EXPECT_EQ(FormatDate(cal.AddBusinessDays(D("2024-12-20"), 1)), "2024-12-27");
  EXPECT_EQ(FormatDate(cal.AddBusinessDays(D("2024-12-20"), 2)), "2024-12-28");
  EXPECT_EQ(FormatDate(cal.AddBusinessDays(D("2024-12-20"), 3)), "2025-01-02");
  EXPECT_EQ(cal.BusinessDaysBetween(D("2024-12-20"), D("2025-01-02")), 3);

  const auto holidays = cal.HolidaysIn(2024);
  const Holiday* moved = Find(holidays, "2024-12-23");
  ASSERT_NE(moved, nullptr);
  EXPECT_EQ(moved->name_en, "moved from 14 Dec");
  EXPECT_EQ(holidays.size(), 18u);

  // The shipped calendar itself is untouched.
  EXPECT_TRUE(LatvianCalendar().IsBusinessDay(D("2024-12-23")));
}

TEST(CalendarTest, LaterOverridesWin) {
  BusinessCalendar cal = LatvianCalendar();
  ASSERT_TRUE(cal.AddOverrides("date,kind,note\n"
                               "2025-03-10,holiday,first\n"
                               "2025-03-10,working_day,second\n",
                               "a.csv")
                  .has_value());
  EXPECT_TRUE(cal.IsBusinessDay(D("2025-03-10")));
  ASSERT_TRUE(cal.AddOverrides("date,kind,note\n2025-03-10,holiday,third\n", "b.csv").has_value());
  EXPECT_FALSE(cal.IsBusinessDay(D("2025-03-10")));
  // A working_day override removes a statutory holiday from the list.
  ASSERT_TRUE(cal.AddOverrides("date,kind,note\n2025-12-31,working_day,\n", "c.csv").has_value());
  EXPECT_FALSE(cal.IsHoliday(D("2025-12-31")));
  EXPECT_EQ(Find(cal.HolidaysIn(2025), "2025-12-31"), nullptr);
}

TEST(CalendarTest, OverrideErrorsNameLineAndColumnAndChangeNothing) {
  BusinessCalendar cal = LatvianCalendar();
  auto bad_kind = cal.AddOverrides(
      "date,kind,note\n"
      "2025-03-10,holiday,ok\n"
      "2025-03-11,day_off,typo\n",
      "inst.csv");
  ASSERT_FALSE(bad_kind.has_value());
  EXPECT_EQ(bad_kind.error().where.line, 3);
  EXPECT_EQ(bad_kind.error().where.column, 12);
  EXPECT_EQ(bad_kind.error().field, "kind");
  EXPECT_EQ(bad_kind.error().ToString(),
            "inst.csv:3:12: kind: unknown kind 'day_off' (expected holiday or working_day)");
  EXPECT_TRUE(cal.IsBusinessDay(D("2025-03-10")));  // line 2 was not applied

  auto bad_date = cal.AddOverrides("date,kind,note\n2025-13-01,holiday,x\n", "inst.csv");
  ASSERT_FALSE(bad_date.has_value());
  EXPECT_EQ(bad_date.error().where.line, 2);
  EXPECT_EQ(bad_date.error().where.column, 1);
  EXPECT_EQ(bad_date.error().field, "date");

  auto bad_header = cal.AddOverrides("day,kind,note\n", "inst.csv");
  ASSERT_FALSE(bad_header.has_value());
  EXPECT_EQ(bad_header.error().field, "date");
  EXPECT_EQ(bad_header.error().where.column, 1);

  auto short_row = cal.AddOverrides("date,kind,note\n2025-03-10,holiday\n", "inst.csv");
  ASSERT_FALSE(short_row.has_value());
  EXPECT_EQ(short_row.error().where.line, 2);
}

TEST(CalendarTest, MalformedHolidayCsvErrors) {
  const std::string header =
      "# source: test\n"
      "date,kind,name_lv,name_en,source\n";

  auto bad_date = BusinessCalendar::FromCsv(header + "2023-02-30,one_off,A,B,C\n", "h.csv");
  ASSERT_FALSE(bad_date.has_value());
  EXPECT_EQ(bad_date.error().where.file, "h.csv");
  EXPECT_EQ(bad_date.error().where.line, 3);
  EXPECT_EQ(bad_date.error().where.column, 1);
  EXPECT_EQ(bad_date.error().field, "date");
  EXPECT_EQ(bad_date.error().ToString().rfind("h.csv:3:1: date: ", 0), 0u)
      << bad_date.error().ToString();

  auto bad_kind = BusinessCalendar::FromCsv(header + "2023-05-29,bank_holiday,A,B,C\n", "h.csv");
  ASSERT_FALSE(bad_kind.has_value());
  EXPECT_EQ(bad_kind.error().where.line, 3);
  EXPECT_EQ(bad_kind.error().where.column, 12);
  EXPECT_EQ(bad_kind.error().field, "kind");
  EXPECT_NE(bad_kind.error().message.find("bank_holiday"), std::string::npos);

  auto empty_name = BusinessCalendar::FromCsv(header + "2023-05-29,one_off,,B,C\n", "h.csv");
  ASSERT_FALSE(empty_name.has_value());
  EXPECT_EQ(empty_name.error().field, "name_lv");
  EXPECT_EQ(empty_name.error().where.column, 20);

  auto too_few = BusinessCalendar::FromCsv(header + "2023-05-29,one_off,A,B\n", "h.csv");
  ASSERT_FALSE(too_few.has_value());
  EXPECT_EQ(too_few.error().where.line, 3);

  auto duplicate = BusinessCalendar::FromCsv(
      header + "2023-05-29,one_off,A,B,C\n2023-05-29,one_off,A,B,C\n", "h.csv");
  ASSERT_FALSE(duplicate.has_value());
  EXPECT_EQ(duplicate.error().where.line, 4);
  EXPECT_NE(duplicate.error().message.find("line 3"), std::string::npos);

  auto too_early =
      BusinessCalendar::FromCsv(header + "2013-07-07,song_festival_closing,A,B,C\n", "h.csv");
  ASSERT_FALSE(too_early.has_value());
  EXPECT_EQ(too_early.error().field, "date");

  auto out_of_range = BusinessCalendar::FromCsv(header + "1989-01-02,one_off,A,B,C\n", "h.csv");
  ASSERT_FALSE(out_of_range.has_value());
  EXPECT_EQ(out_of_range.error().field, "date");

  auto swapped = BusinessCalendar::FromCsv("date,name_lv,kind,name_en,source\n", "h.csv");
  ASSERT_FALSE(swapped.has_value());
  EXPECT_EQ(swapped.error().where.line, 1);
  EXPECT_EQ(swapped.error().where.column, 6);
  EXPECT_EQ(swapped.error().field, "kind");

  auto quoted =
      BusinessCalendar::FromCsv(header + "2023-05-29,one_off,\"A, with comma\",B,C\n", "h.csv");
  ASSERT_TRUE(quoted.has_value()) << quoted.error().ToString();
  EXPECT_EQ(Find(quoted->HolidaysIn(2023), "2023-05-29")->name_lv, "A, with comma");
}

TEST(CalendarTest, DatesOutsideTheTableUseTheSameRules) {
  const BusinessCalendar& cal = LatvianCalendar();
  // Thu 30 Dec 2100, then 31 Dec and 1 Jan 2101 off, the weekend, Mon 3 Jan.
  EXPECT_EQ(FormatDate(cal.AddBusinessDays(D("2100-12-30"), 2)), "2101-01-04");
  EXPECT_EQ(FormatDate(cal.AddBusinessDays(D("2101-01-04"), -2)), "2100-12-30");
  EXPECT_EQ(cal.BusinessDaysBetween(D("2100-12-30"), D("2101-01-04")), 2);
  EXPECT_EQ(cal.BusinessDaysBetween(D("2101-01-04"), D("2100-12-30")), -2);
  EXPECT_TRUE(cal.IsHoliday(D("2101-12-24")));
  EXPECT_FALSE(cal.IsBusinessDay(D("2101-12-26")));  // a Monday
  EXPECT_EQ(cal.HolidaysIn(2101).size(), 15u);       // 4 May and 18 Nov on weekdays
  // The law of 1990 was in force on 31 Dec 1990.
  EXPECT_EQ(FormatDate(cal.AddBusinessDays(D("1991-01-02"), -1)), "1990-12-28");
}

TEST(CalendarTest, ShippedCalendarIsBuiltOnce) {
  EXPECT_EQ(&LatvianCalendar(), &LatvianCalendar());
}

}  // namespace
}  // namespace sargs
