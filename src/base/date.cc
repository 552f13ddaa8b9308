#include "base/date.h"

#include <date/tz.h>

#include <cctype>

namespace sargs {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

bool Digits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

Result<Date> ParseDatePrefix(std::string_view text) {
  int y, m, d;
  if (text.size() < 10 || !Digits(text, 0, 4, &y) || text[4] != '-' ||
      !Digits(text, 5, 2, &m) || text[7] != '-' || !Digits(text, 8, 2, &d)) {
    return Fail("not a date: '" + std::string(text) + "' (expected YYYY-MM-DD)");
  }
  year_month_day ymd{year(y), month(static_cast<unsigned>(m)), day(static_cast<unsigned>(d))};
  if (!ymd.ok()) return Fail("no such calendar day: '" + std::string(text.substr(0, 10)) + "'");
  return Date(ymd);
}

const date::time_zone* Riga() {
  static const date::time_zone* zone = date::locate_zone("Europe/Riga");
  return zone;
}

}  // namespace

Result<Date> ParseDate(std::string_view text) {
  if (text.size() != 10) return Fail("not a date: '" + std::string(text) + "' (expected YYYY-MM-DD)");
  return ParseDatePrefix(text);
}

std::string FormatDate(Date d) {
  // Hand-formatted: called once per stored transaction, where snprintf showed
  // in profiles.
  year_month_day ymd{d};
  int y = static_cast<int>(ymd.year());
  unsigned m = static_cast<unsigned>(ymd.month()), day_of_month = static_cast<unsigned>(ymd.day());
  if (y < 0 || y > 9999) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%d-%02u-%02u", y, m, day_of_month);
    return buf;
  }
  std::string out(10, '-');
  out[0] = static_cast<char>('0' + y / 1000);
  out[1] = static_cast<char>('0' + y / 100 % 10);
  out[2] = static_cast<char>('0' + y / 10 % 10);
  out[3] = static_cast<char>('0' + y % 10);
  out[5] = static_cast<char>('0' + m / 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[8] = static_cast<char>('0' + day_of_month / 10);
  out[9] = static_cast<char>('0' + day_of_month % 10);
  return out;
}

Result<BookingTime> ParseBookingTime(std::string_view text) {
  Date d = TRY(ParseDatePrefix(text));
  if (text.size() == 10) return BookingTime{d, -1};
  auto bad = [&] {
    return Fail("not a date or ISO 8601 date-time: '" + std::string(text) + "'");
  };
  int hh, mm, ss = 0;
  if ((text[10] != 'T' && text[10] != ' ') || !Digits(text, 11, 2, &hh) || text.size() < 16 ||
      text[13] != ':' || !Digits(text, 14, 2, &mm) || hh > 23 || mm > 59) {
    return bad();
  }
  size_t pos = 16;
  if (pos < text.size() && text[pos] == ':') {
    if (!Digits(text, pos + 1, 2, &ss) || ss > 60) return bad();
    pos += 3;
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
      ++pos;
      size_t start = pos;
      while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) ++pos;
      if (pos == start) return bad();
    }
  }
  int local_seconds = hh * 3600 + mm * 60 + std::min(ss, 59);
  if (pos == text.size()) return BookingTime{d, local_seconds};

  int offset_seconds = 0;
  if (text[pos] == 'Z' && pos + 1 == text.size()) {
    offset_seconds = 0;
  } else if (text[pos] == '+' || text[pos] == '-') {
    int oh, om = 0;
    if (!Digits(text, pos + 1, 2, &oh)) return bad();
    size_t after = pos + 3;
    if (after < text.size() && text[after] == ':') ++after;
    if (after < text.size()) {
      if (!Digits(text, after, 2, &om)) return bad();
      after += 2;
    }
    if (after != text.size() || oh > 14 || om > 59) return bad();
    offset_seconds = (text[pos] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
  } else {
    return bad();
  }
  auto utc = std::chrono::sys_seconds(d) + std::chrono::seconds(local_seconds - offset_seconds);
  auto local = Riga()->to_local(utc);
  auto local_day = std::chrono::floor<std::chrono::days>(local);
  return BookingTime{Date(local_day.time_since_epoch()),
                     static_cast<int32_t>((local - local_day).count())};
}

Date TodayInRiga() {
  auto local = Riga()->to_local(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  return Date(std::chrono::floor<std::chrono::days>(local).time_since_epoch());
}

Date AddMonths(Date d, int months) {
  year_month_day ymd{d};
  auto ym = std::chrono::year_month(ymd.year(), ymd.month()) + std::chrono::months(months);
  auto last = std::chrono::year_month_day_last(ym.year(), std::chrono::month_day_last(ym.month()));
  day dd = std::min(ymd.day(), last.day());
  return Date(year_month_day(ym.year(), ym.month(), dd));
}

YearMonth YearMonth::Of(Date d) {
  year_month_day ymd{d};
  return YearMonth(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()));
}

Date YearMonth::FirstDay() const {
  return Date(year_month_day(std::chrono::year(year()), std::chrono::month(month()), day(1)));
}

Date YearMonth::LastDay() const {
  return Date(std::chrono::year_month_day_last(std::chrono::year(year()), std::chrono::month_day_last(std::chrono::month(month()))));
}

std::string YearMonth::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u", year(), month());
  return buf;
}

}  // namespace sargs
