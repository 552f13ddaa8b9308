// Latvian public holidays and business days.
//
// Deadlines in the AML rules are counted in business days (35 for enhanced
// due diligence, 15 for its follow-up), so a wrong holiday moves a deadline.
// The permanent rules of the law "Par svētku, atceres un atzīmējamām dienām"
// live in code with the year each took effect; what no rule can predict (a
// one-off holiday voted by the Saeima, the closing day of a song festival)
// comes from data/holidays.csv. docs/calendar.md lists the rules and sources.
//
// Business days of 1991-2100 are precomputed, so AddBusinessDays and
// BusinessDaysBetween are two array lookups there; dates outside that range
// are computed on demand with the same rules.
//
// Thread safety: const methods are safe to call concurrently; AddOverrides
// mutates and needs exclusive access.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/result.h"

namespace sargs {

struct Holiday {
  Date date;
  std::string name_lv;
  std::string name_en;
};

// One entry of an institution's override table. The Cabinet moves working
// days for the public sector (a bridge Friday worked on a Saturday); an
// institution that follows it loads those moves as overrides.
enum class DayOverride { kHoliday, kWorkingDay };

// Western (Gregorian) Easter Sunday, by the anonymous Gregorian computus.
Date EasterSunday(int year);

class BusinessCalendar {
 public:
  static constexpr int kFirstTableYear = 1991;
  static constexpr int kLastTableYear = 2100;

  // Builds Latvia's calendar: permanent rules in code plus the dated entries
  // of a CSV in the data/holidays.csv format (`#` comment lines, then
  // date,kind,name_lv,name_en,source with kind one_off or
  // song_festival_closing). Errors name file:line:column and the field.
  static Result<BusinessCalendar> FromCsv(std::string_view holidays_csv,
                                          std::string_view file_name);

  // Institution overrides: CSV `date,kind,note` with a header row and kind
  // `holiday` or `working_day`. Later entries win, also over earlier calls.
  // On error the calendar is left unchanged.
  Result<void> AddOverrides(std::string_view csv, std::string_view file_name);

  // A public holiday, including a day off in lieu of a weekend holiday, after
  // overrides (a working_day override makes it not a holiday).
  bool IsHoliday(Date d) const;
  // Monday to Friday and not a holiday; an override decides regardless of the
  // weekday, so a Saturday can be a working day.
  bool IsBusinessDay(Date d) const;

  // The date n business days after d, d itself not counted; n = 0 returns d
  // even when d is not a business day. n < 0 counts backwards.
  Date AddBusinessDays(Date d, int n) const;
  // Business days in (from, to]; the negated count of (to, from] when
  // to < from. For business days d and x,
  // AddBusinessDays(d, BusinessDaysBetween(d, x)) == x.
  int BusinessDaysBetween(Date from, Date to) const;

  // The year's holidays sorted by date, including those that fall on a Sunday
  // anyway (Easter Sunday, Mother's Day, Whit Sunday) and days off in lieu.
  // Overrides apply: a holiday override appears under its note, a working_day
  // override removes the date. Two holidays on one date are two entries.
  std::vector<Holiday> HolidaysIn(int year) const;

 private:
  struct DatedEntry {
    Date date;
    bool moves_off_weekend = false;  // song festival closing days do, one-offs do not
    std::string name_lv;
    std::string name_en;
  };
  struct Override {
    DayOverride kind;
    std::string note;
  };
  class YearCache;

  BusinessCalendar() = default;

  // The law's holidays of a year, before overrides.
  std::vector<Holiday> StatutoryHolidaysIn(int year) const;
  bool ComputeIsHoliday(Date d, YearCache& cache) const;
  bool ComputeIsBusinessDay(Date d, YearCache& cache) const;
  // Fills the 1991-2100 tables from the rules, the dated entries and the
  // overrides.
  void Rebuild();
  // Day index into the tables, or -1 outside them.
  int64_t TableIndex(Date d) const;

  std::vector<DatedEntry> dated_;  // sorted by date
  std::map<Date, Override> overrides_;

  std::vector<uint8_t> day_flags_;        // per day: kHolidayBit | kBusinessBit
  std::vector<int32_t> business_before_;  // [i]: business days among table days [0, i)
  std::vector<int32_t> business_days_;    // table indexes of business days, ascending
};

// Latvia's calendar from the shipped data/holidays.csv, built once. A broken
// shipped file is a build defect caught by the tests, so it aborts.
const BusinessCalendar& LatvianCalendar();

}  // namespace sargs
