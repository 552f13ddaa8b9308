#include <cstdio>

#include "cli/commands.h"

namespace sargs::cli {

void AddScoringFlags(CLI::App* cmd, ScoringFlags& flags) {
  cmd->add_option("--db", flags.db, "SQLite database file")->required();
  cmd->add_option("--as-of", flags.as_of, "Date to score as of, YYYY-MM-DD (default: today in Europe/Riga)");
  cmd->add_option("--methodology", flags.methodology,
                  "Methodology TOML file (default: the shipped data/methodology/default.toml)");
}

Result<Date> ChooseAsOf(const std::string& text) {
  if (text.empty()) return TodayInRiga();
  auto d = ParseDate(text);
  if (!d) return Fail(Location{}, "--as-of", d.error().message);
  return *d;
}

Result<Methodology> ChooseMethodology(const ScoringFlags& flags, const ReferenceData& ref, Date today) {
  Methodology m = flags.methodology.empty() ? TRY(DefaultMethodology(ref)) : TRY(LoadMethodology(flags.methodology, ref));
  if (auto warning = ReviewOverdueWarning(m, today)) std::fprintf(stderr, "warning: %s\n", warning->c_str());
  return m;
}

int Report(const Error& e, int code) {
  std::fprintf(stderr, "sargs: %s\n", e.ToString().c_str());
  return code;
}

}  // namespace sargs::cli
