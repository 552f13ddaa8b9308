#include <cstdio>

#include "base/calendar.h"
#include "cli/commands.h"

namespace sargs::cli {

void RegisterCalendar(CLI::App& app, Outcome& out) {
  CLI::App* cmd = app.add_subcommand("calendar", "Latvian public holidays and business days");
  cmd->require_subcommand(1);

  struct AddFlags {
    std::string date;
    int days = 0;
  };
  auto add = std::make_shared<AddFlags>();
  CLI::App* add_cmd = cmd->add_subcommand("add-business-days", "Print the date N Latvian business days after DATE");
  add_cmd->add_option("date", add->date, "YYYY-MM-DD")->required();
  add_cmd->add_option("n", add->days, "Number of business days (negative counts back)")->required();
  add_cmd->callback([add, &out] {
    auto d = ParseDate(add->date);
    if (!d) return void(out.code = Report(FieldError("DATE", d.error().message), kExitBadInput));
    std::printf("%s\n", FormatDate(LatvianCalendar().AddBusinessDays(*d, add->days)).c_str());
  });

  auto year = std::make_shared<int>(0);
  CLI::App* holidays = cmd->add_subcommand("holidays", "List the public holidays of a year");
  holidays->add_option("year", *year, "Year, e.g. 2026")->required()->check(CLI::Range(1991, 2100));
  holidays->callback([year] {
    for (const Holiday& h : LatvianCalendar().HolidaysIn(*year)) {
      std::printf("%s  %s / %s\n", FormatDate(h.date).c_str(), h.name_lv.c_str(), h.name_en.c_str());
    }
  });

  auto day = std::make_shared<std::string>();
  CLI::App* is = cmd->add_subcommand("is-business-day", "Tell whether DATE is a Latvian business day (exit 0 yes, 3 no)");
  is->add_option("date", *day, "YYYY-MM-DD")->required();
  is->callback([day, &out] {
    auto d = ParseDate(*day);
    if (!d) return void(out.code = Report(FieldError("DATE", d.error().message), kExitBadInput));
    bool yes = LatvianCalendar().IsBusinessDay(*d);
    std::printf("%s\n", yes ? "yes" : "no");
    out.code = yes ? 0 : 3;
  });
}

}  // namespace sargs::cli
