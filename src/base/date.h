// Calendar dates and months as Sargs uses them.
//
// All dates are civil dates in Europe/Riga. A Date is a std::chrono::sys_days
// used as a plain day number (no time zone attached); timestamps that carry
// an offset are converted to the Riga civil date once, at the edge, by
// ParseBookingTime. Engines never read the clock: callers pass an as-of date.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"

namespace sargs {

using Date = std::chrono::sys_days;

// Strict "YYYY-MM-DD" with a real calendar day.
Result<Date> ParseDate(std::string_view text);
std::string FormatDate(Date d);

// A booking moment: the Riga civil date, and the Riga local second of the
// day when the source gave a time (-1 otherwise).
struct BookingTime {
  Date date;
  int32_t second_of_day = -1;
};
// "YYYY-MM-DD", or ISO 8601 "YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|±HH:MM]"
// (a space may replace the T). Without an offset the time is Riga local time.
Result<BookingTime> ParseBookingTime(std::string_view text);

// Today's civil date in Europe/Riga.
Date TodayInRiga();

// The same day `months` months later (or earlier when negative); when that
// month is shorter, the month's last day: 31 Aug + 6 months = 28/29 Feb.
Date AddMonths(Date d, int months);

// A calendar month as a single number (year * 12 + month - 1) so that months
// can be subtracted and used as array offsets.
class YearMonth {
 public:
  constexpr YearMonth() = default;
  constexpr YearMonth(int year, unsigned month) : index_(year * 12 + static_cast<int>(month) - 1) {}
  static YearMonth Of(Date d);
  static constexpr YearMonth FromIndex(int index) { YearMonth m; m.index_ = index; return m; }

  constexpr int index() const { return index_; }
  constexpr int year() const { return index_ >= 0 ? index_ / 12 : (index_ - 11) / 12; }
  constexpr unsigned month() const { return static_cast<unsigned>(index_ - year() * 12 + 1); }
  Date FirstDay() const;
  Date LastDay() const;
  std::string ToString() const;  // "YYYY-MM"

  constexpr YearMonth operator+(int n) const { return FromIndex(index_ + n); }
  constexpr YearMonth operator-(int n) const { return FromIndex(index_ - n); }
  constexpr int operator-(YearMonth o) const { return index_ - o.index_; }
  constexpr auto operator<=>(const YearMonth&) const = default;

 private:
  int index_ = 0;
};

}  // namespace sargs
