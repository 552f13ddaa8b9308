#include <cstdio>

#include "base/calendar.h"
#include "cli/commands.h"

namespace sargs::cli {

void AddScoringFlags(CLI::App* cmd, ScoringFlags& flags, bool db_required) {
  cmd->add_option("--db", flags.db, "SQLite database file")->required(db_required);
  cmd->add_option("--as-of", flags.as_of, "Date to score as of, YYYY-MM-DD (default: today in Europe/Riga)");
  cmd->add_option("--methodology", flags.methodology,
                  "Methodology TOML file (default: the shipped data/methodology/default.toml)");
}

Result<std::optional<Date>> DateFlag(const std::string& text, const char* flag) {
  if (text.empty()) return std::optional<Date>();
  auto d = ParseDate(text);
  if (!d) return Fail(Location{}, flag, d.error().message);
  return std::optional<Date>(*d);
}

Result<Date> ChooseAsOf(const std::string& text) { return TRY(DateFlag(text, "--as-of")).value_or(TodayInRiga()); }

Result<Methodology> ChooseMethodology(const ScoringFlags& flags, const ReferenceData& ref, Date today) {
  Methodology m = flags.methodology.empty() ? TRY(DefaultMethodology(ref)) : TRY(LoadMethodology(flags.methodology, ref));
  if (auto warning = ReviewOverdueWarning(m, today)) std::fprintf(stderr, "warning: %s\n", warning->c_str());
  return m;
}

std::optional<ScoringContext> OpenScoring(const ScoringFlags& flags, Outcome& out) {
  const ReferenceData& ref = ShippedReference();
  auto as_of = ChooseAsOf(flags.as_of);
  if (!as_of) return out.code = Report(as_of.error(), kExitBadInput), std::nullopt;
  auto methodology = ChooseMethodology(flags, ref, TodayInRiga());
  if (!methodology) return out.code = Report(methodology.error(), kExitBadInput), std::nullopt;
  std::unique_ptr<Store> store;
  if (!flags.db.empty()) {  // commands that may run without a database leave --db empty
    auto opened = Store::Open(flags.db);
    if (!opened) return out.code = Report(opened.error(), kExitFailure), std::nullopt;
    store = std::make_unique<Store>(std::move(*opened));
  }
  if (auto warning = NotYetEffectiveWarning(*methodology, *as_of)) std::fprintf(stderr, "warning: %s\n", warning->c_str());
  ScoringContext ctx;
  ctx.as_of = *as_of;
  ctx.methodology = std::make_unique<Methodology>(std::move(*methodology));
  ctx.store = std::move(store);
  ctx.scorer = std::make_unique<Scorer>(*ctx.methodology, ref, LatvianCalendar());
  return ctx;
}

int Report(const Error& e, int code) {
  std::fprintf(stderr, "sargs: %s\n", e.ToString().c_str());
  return code;
}

}  // namespace sargs::cli
