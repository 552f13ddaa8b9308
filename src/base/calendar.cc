#include "base/calendar.h"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "base/csv.h"
#include "reference/embedded_data.h"

namespace sargs {
namespace {

using std::chrono::days;
using std::chrono::year_month_day;

constexpr Date Ymd(int y, unsigned m, unsigned d) {
  return Date(year_month_day(std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)));
}

// Article 1 as first adopted (3 Oct 1990) already lists New Year, Good Friday,
// Easter Sunday, 1 May, Mother's Day, 23-24 June, 18 November, 25-26 December
// and 31 December, so those apply from the first table year. The others were
// added by amendments; each constant is the first year the amendment reached.
//
// Easter Monday ("otrā Lieldienu diena") and Whit Sunday are missing from the
// 1990 text and present by 2002. The consolidated text attributes Article 1's
// changes to amendments of 21 Sep 1995 and 18 Dec 1996; the first Easter after
// the earlier one is 1996, which is the year taken here (docs/calendar.md).
constexpr int kEasterMondayFrom = 1996;
// 4 May: amendment of 21 Mar 2002, in force 23 Apr 2002.
constexpr int kRestorationDayFrom = 2002;
// 24 December: amendment of 24 May 2007, in force 26 Jun 2007.
constexpr int kChristmasEveFrom = 2007;
// Day off in lieu when 4 May or 18 November falls on a weekend: the same 2007
// amendment, so 19 Nov 2007 was the first such day; 4 May 2003 (a Sunday) had
// none.
constexpr Date kWeekendRuleFrom = Ymd(2007, 6, 26);
// The song festival closing day: amendment of 2 Oct 2014, in force 22 Oct 2014.
constexpr Date kSongFestivalFrom = Ymd(2014, 10, 22);

constexpr Date kTableFirst = Ymd(BusinessCalendar::kFirstTableYear, 1, 1);
constexpr Date kTableEnd = Ymd(BusinessCalendar::kLastTableYear + 1, 1, 1);
constexpr int64_t kTableDays = (kTableEnd - kTableFirst).count();

constexpr uint8_t kHolidayBit = 1;
constexpr uint8_t kBusinessBit = 2;

bool IsWeekend(Date d) {
  std::chrono::weekday w{d};
  return w == std::chrono::Saturday || w == std::chrono::Sunday;
}

int YearOf(Date d) { return static_cast<int>(year_month_day(d).year()); }

bool Contains(const std::vector<Holiday>& list, Date d) {
  return std::any_of(list.begin(), list.end(), [&](const Holiday& h) { return h.date == d; });
}

// Checks that a header row names exactly the expected columns, so that a file
// with swapped columns fails instead of loading names as dates.
Result<void> CheckHeader(const CsvRecord& header, const std::vector<std::string_view>& expected,
                         const std::string& file) {
  for (size_t i = 0; i < expected.size(); ++i) {
    if (i >= header.fields.size()) {
      std::string all;
      for (std::string_view e : expected) all += (all.empty() ? "" : ",") + std::string(e);
      return Fail(Location{file, header.line, 1}, std::string(expected[i]),
                  "missing column (expected header " + all + ")");
    }
    const CsvField& f = header.fields[i];
    if (f.value != expected[i]) {
      return Fail(Location{file, f.line, f.column}, std::string(expected[i]),
                  "expected column '" + std::string(expected[i]) + "', found '" + f.value + "'");
    }
  }
  if (header.fields.size() > expected.size()) {
    const CsvField& f = header.fields[expected.size()];
    return Fail(Location{file, f.line, f.column}, f.value, "unexpected column");
  }
  return {};
}

Result<Date> ParseDateField(const CsvField& f, const std::string& file) {
  auto d = ParseDate(f.value);
  if (!d) return Fail(Location{file, f.line, f.column}, "date", d.error().message);
  return *d;
}

}  // namespace

Date EasterSunday(int y) {
  const int a = y % 19;
  const int b = y / 100;
  const int c = y % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return Ymd(y, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

// Holiday dates of one year at a time, for the paths that run outside the
// precomputed table; a walk across many days mostly stays within one year.
class BusinessCalendar::YearCache {
 public:
  const std::vector<Date>& For(const BusinessCalendar& calendar, int year) {
    if (year != year_) {
      dates_.clear();
      for (const Holiday& h : calendar.StatutoryHolidaysIn(year)) dates_.push_back(h.date);
      std::sort(dates_.begin(), dates_.end());
      year_ = year;
    }
    return dates_;
  }

 private:
  int year_ = INT_MIN;
  std::vector<Date> dates_;
};

Result<BusinessCalendar> BusinessCalendar::FromCsv(std::string_view holidays_csv,
                                                   std::string_view file_name) {
  const std::string file(file_name);
  auto records = TRY(ParseCsv(holidays_csv, file_name, CsvOptions{.comments = true}));
  if (records.empty()) return Fail(Location{file, 1, 1}, "", "no header row");
  TRY_VOID(CheckHeader(records[0], {"date", "kind", "name_lv", "name_en", "source"}, file));

  BusinessCalendar calendar;
  std::map<Date, int> line_of;
  for (size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    if (rec.fields.size() != 5) {
      return Fail(Location{file, rec.line, 1}, "",
                  "expected 5 fields, found " + std::to_string(rec.fields.size()));
    }
    const CsvField& date_field = rec.fields[0];
    const CsvField& kind_field = rec.fields[1];
    DatedEntry entry;
    entry.date = TRY(ParseDateField(date_field, file));
    const Location at_date{file, date_field.line, date_field.column};
    const int year = YearOf(entry.date);
    if (year < kFirstTableYear || year > kLastTableYear) {
      return Fail(at_date, "date",
                  "outside the supported years " + std::to_string(kFirstTableYear) + "-" +
                      std::to_string(kLastTableYear));
    }
    if (kind_field.value == "one_off") {
      entry.moves_off_weekend = false;
    } else if (kind_field.value == "song_festival_closing") {
      entry.moves_off_weekend = true;
      if (entry.date < kSongFestivalFrom) {
        return Fail(at_date, "date",
                    "the song festival closing day is a public holiday only since 2014-10-22");
      }
    } else {
      return Fail(
          Location{file, kind_field.line, kind_field.column}, "kind",
          "unknown kind '" + kind_field.value + "' (expected one_off or song_festival_closing)");
    }
    static constexpr const char* kRequired[] = {"name_lv", "name_en", "source"};
    for (int c = 2; c < 5; ++c) {
      if (rec.fields[c].value.empty()) {
        return Fail(Location{file, rec.fields[c].line, rec.fields[c].column}, kRequired[c - 2],
                    "must not be empty");
      }
    }
    if (auto [it, inserted] = line_of.emplace(entry.date, rec.line); !inserted) {
      return Fail(at_date, "date", "already listed on line " + std::to_string(it->second));
    }
    entry.name_lv = rec.fields[2].value;
    entry.name_en = rec.fields[3].value;
    calendar.dated_.push_back(std::move(entry));
  }
  std::sort(calendar.dated_.begin(), calendar.dated_.end(),
            [](const DatedEntry& a, const DatedEntry& b) { return a.date < b.date; });
  calendar.Rebuild();
  return calendar;
}

Result<void> BusinessCalendar::AddOverrides(std::string_view csv, std::string_view file_name) {
  const std::string file(file_name);
  auto records = TRY(ParseCsv(csv, file_name));
  if (records.empty()) return Fail(Location{file, 1, 1}, "", "no header row");
  TRY_VOID(CheckHeader(records[0], {"date", "kind", "note"}, file));

  // Parsed in full before anything is applied, so a bad line leaves the
  // calendar as it was.
  std::vector<std::pair<Date, Override>> parsed;
  for (size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    if (rec.fields.size() != 3) {
      return Fail(Location{file, rec.line, 1}, "",
                  "expected 3 fields, found " + std::to_string(rec.fields.size()));
    }
    Date date = TRY(ParseDateField(rec.fields[0], file));
    const CsvField& kind_field = rec.fields[1];
    Override o;
    if (kind_field.value == "holiday") {
      o.kind = DayOverride::kHoliday;
    } else if (kind_field.value == "working_day") {
      o.kind = DayOverride::kWorkingDay;
    } else {
      return Fail(Location{file, kind_field.line, kind_field.column}, "kind",
                  "unknown kind '" + kind_field.value + "' (expected holiday or working_day)");
    }
    o.note = rec.fields[2].value;
    parsed.emplace_back(date, std::move(o));
  }
  for (auto& [date, o] : parsed) overrides_.insert_or_assign(date, std::move(o));
  Rebuild();
  return {};
}

std::vector<Holiday> BusinessCalendar::StatutoryHolidaysIn(int y) const {
  std::vector<Holiday> out;
  std::vector<Holiday> movable;  // moved to the next working day when on a weekend
  auto add = [&](Date d, std::string lv, std::string en) {
    out.push_back(Holiday{d, std::move(lv), std::move(en)});
  };

  add(Ymd(y, 1, 1), "Jaungada diena", "New Year's Day");
  const Date easter = EasterSunday(y);
  add(easter - days(2), "Lielā Piektdiena", "Good Friday");
  add(easter, "Pirmās Lieldienas", "Easter Sunday");
  if (y >= kEasterMondayFrom) add(easter + days(1), "Otrās Lieldienas", "Easter Monday");
  add(Ymd(y, 5, 1), "Darba svētki, Latvijas Republikas Satversmes sapulces sasaukšanas diena",
      "Labour Day; Convocation of the Constituent Assembly");
  if (y >= kRestorationDayFrom) {
    add(Ymd(y, 5, 4), "Latvijas Republikas Neatkarības atjaunošanas diena",
        "Restoration of Independence Day");
    movable.push_back(out.back());
  }
  add(Date(std::chrono::year(y) / std::chrono::May / std::chrono::Sunday[2]), "Mātes diena",
      "Mother's Day");
  if (y >= kEasterMondayFrom) add(easter + days(49), "Vasarsvētki", "Whit Sunday");
  add(Ymd(y, 6, 23), "Līgo diena", "Midsummer Eve (Līgo Day)");
  add(Ymd(y, 6, 24), "Jāņu diena", "Midsummer Day (Jāņi)");
  add(Ymd(y, 11, 18), "Latvijas Republikas Proklamēšanas diena",
      "Proclamation Day of the Republic of Latvia");
  movable.push_back(out.back());
  if (y >= kChristmasEveFrom) add(Ymd(y, 12, 24), "Ziemassvētku vakars", "Christmas Eve");
  add(Ymd(y, 12, 25), "Pirmie Ziemassvētki", "Christmas Day");
  add(Ymd(y, 12, 26), "Otrie Ziemassvētki", "Second Day of Christmas");
  add(Ymd(y, 12, 31), "Vecgada diena", "New Year's Eve");

  auto first = std::lower_bound(dated_.begin(), dated_.end(), Ymd(y, 1, 1),
                                [](const DatedEntry& e, Date d) { return e.date < d; });
  for (auto it = first; it != dated_.end() && it->date < Ymd(y + 1, 1, 1); ++it) {
    add(it->date, it->name_lv, it->name_en);
    if (it->moves_off_weekend) movable.push_back(out.back());
  }

  // In date order, so that an earlier day in lieu is already taken when a
  // later one looks for the next working day.
  std::sort(movable.begin(), movable.end(),
            [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  for (const Holiday& h : movable) {
    if (!IsWeekend(h.date) || h.date < kWeekendRuleFrom) continue;
    Date next = h.date + days(1);
    while (IsWeekend(next) || Contains(out, next)) next += days(1);
    add(next, h.name_lv + " (pārceltā brīvdiena)", h.name_en + " (day off in lieu)");
  }

  std::stable_sort(out.begin(), out.end(),
                   [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  return out;
}

bool BusinessCalendar::ComputeIsHoliday(Date d, YearCache& cache) const {
  if (auto it = overrides_.find(d); it != overrides_.end()) {
    return it->second.kind == DayOverride::kHoliday;
  }
  const std::vector<Date>& dates = cache.For(*this, YearOf(d));
  return std::binary_search(dates.begin(), dates.end(), d);
}

bool BusinessCalendar::ComputeIsBusinessDay(Date d, YearCache& cache) const {
  if (auto it = overrides_.find(d); it != overrides_.end()) {
    return it->second.kind == DayOverride::kWorkingDay;
  }
  if (IsWeekend(d)) return false;
  const std::vector<Date>& dates = cache.For(*this, YearOf(d));
  return !std::binary_search(dates.begin(), dates.end(), d);
}

void BusinessCalendar::Rebuild() {
  day_flags_.assign(static_cast<size_t>(kTableDays), 0);
  for (int y = kFirstTableYear; y <= kLastTableYear; ++y) {
    for (const Holiday& h : StatutoryHolidaysIn(y)) {
      day_flags_[static_cast<size_t>((h.date - kTableFirst).count())] |= kHolidayBit;
    }
  }
  for (int64_t i = 0; i < kTableDays; ++i) {
    if (!(day_flags_[i] & kHolidayBit) && !IsWeekend(kTableFirst + days(i))) {
      day_flags_[i] |= kBusinessBit;
    }
  }
  for (const auto& [date, o] : overrides_) {
    int64_t i = TableIndex(date);
    if (i < 0) continue;
    day_flags_[i] = o.kind == DayOverride::kHoliday ? kHolidayBit : kBusinessBit;
  }

  business_before_.assign(static_cast<size_t>(kTableDays) + 1, 0);
  business_days_.clear();
  for (int64_t i = 0; i < kTableDays; ++i) {
    const bool business = day_flags_[i] & kBusinessBit;
    business_before_[i + 1] = business_before_[i] + (business ? 1 : 0);
    if (business) business_days_.push_back(static_cast<int32_t>(i));
  }
}

int64_t BusinessCalendar::TableIndex(Date d) const {
  const int64_t i = (d - kTableFirst).count();
  return i >= 0 && i < kTableDays ? i : -1;
}

bool BusinessCalendar::IsHoliday(Date d) const {
  if (int64_t i = TableIndex(d); i >= 0) return day_flags_[i] & kHolidayBit;
  YearCache cache;
  return ComputeIsHoliday(d, cache);
}

bool BusinessCalendar::IsBusinessDay(Date d) const {
  if (int64_t i = TableIndex(d); i >= 0) return day_flags_[i] & kBusinessBit;
  YearCache cache;
  return ComputeIsBusinessDay(d, cache);
}

Date BusinessCalendar::AddBusinessDays(Date d, int n) const {
  if (n == 0) return d;
  Date from = d;
  int64_t left = n > 0 ? n : -static_cast<int64_t>(n);
  const int64_t count = static_cast<int64_t>(business_days_.size());
  if (int64_t i = TableIndex(d); i >= 0 && count > 0) {
    // The k-th business day of the table (0-based) is the answer when it
    // exists; otherwise walk on from the table's last (or first) business day.
    const int64_t k = n > 0 ? business_before_[i + 1] + int64_t{n} - 1 : business_before_[i] + n;
    if (k >= 0 && k < count) return kTableFirst + days(business_days_[k]);
    if (k >= count) {
      from = kTableFirst + days(business_days_.back());
      left = k - (count - 1);
    } else {
      from = kTableFirst + days(business_days_.front());
      left = -k;
    }
  }
  const days step(n > 0 ? 1 : -1);
  YearCache cache;
  while (left > 0) {
    from += step;
    if (ComputeIsBusinessDay(from, cache)) --left;
  }
  return from;
}

int BusinessCalendar::BusinessDaysBetween(Date from, Date to) const {
  const int64_t a = TableIndex(from);
  const int64_t b = TableIndex(to);
  if (a >= 0 && b >= 0) return business_before_[b + 1] - business_before_[a + 1];
  if (to < from) return -BusinessDaysBetween(to, from);
  YearCache cache;
  int count = 0;
  for (Date x = from + days(1); x <= to; x += days(1)) {
    if (ComputeIsBusinessDay(x, cache)) ++count;
  }
  return count;
}

std::vector<Holiday> BusinessCalendar::HolidaysIn(int year) const {
  std::vector<Holiday> out = StatutoryHolidaysIn(year);
  auto first = overrides_.lower_bound(Ymd(year, 1, 1));
  auto last = overrides_.lower_bound(Ymd(year + 1, 1, 1));
  for (auto it = first; it != last; ++it) {
    const Date date = it->first;
    if (it->second.kind == DayOverride::kWorkingDay) {
      std::erase_if(out, [&](const Holiday& h) { return h.date == date; });
    } else if (!Contains(out, date)) {
      const std::string& note = it->second.note;
      out.push_back(Holiday{date, note.empty() ? "Iestādes brīvdiena" : note,
                            note.empty() ? "Institution day off" : note});
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  return out;
}

const BusinessCalendar& LatvianCalendar() {
  static const BusinessCalendar calendar = [] {
    constexpr std::string_view kPath = "data/holidays.csv";
    auto text = FindEmbeddedFile(kPath);
    if (!text) {
      std::fprintf(stderr, "sargs: %s is not compiled into the binary\n", kPath.data());
      std::abort();
    }
    auto parsed = BusinessCalendar::FromCsv(*text, kPath);
    if (!parsed) {
      std::fprintf(stderr, "sargs: shipped holiday calendar is broken: %s\n",
                   parsed.error().ToString().c_str());
      std::abort();
    }
    return std::move(*parsed);
  }();
  return calendar;
}

}  // namespace sargs
