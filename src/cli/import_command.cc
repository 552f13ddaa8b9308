#include <unistd.h>

#include <cstdio>

#include "app/importer.h"
#include "app/portfolio_scoring.h"
#include "base/calendar.h"
#include "cli/commands.h"

namespace sargs::cli {

void RegisterImport(CLI::App& app, Outcome& out) {
  struct Flags {
    ScoringFlags scoring;
    std::vector<std::string> files;
    std::string kind, history_complete_from;
    int max_errors = 100;
    bool no_rescore = false;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand("import", "Import clients, persons, accounts, transactions, facts, links or reviews (CSV or JSON Lines)");
  AddScoringFlags(cmd, flags->scoring);
  cmd->add_option("files", flags->files, "Files to import; the kind comes from the file name (clients.csv ...) or --kind")->required();
  cmd->add_option("--kind", flags->kind, "File kind for every file: clients|persons|accounts|transactions|facts|links|reviews");
  cmd->add_option("--max-errors", flags->max_errors, "Stop after this many problems (default 100)");
  cmd->add_flag("--no-rescore", flags->no_rescore, "Do not re-score the clients whose data changed");
  cmd->add_option("--history-complete-from", flags->history_complete_from,
                  "YYYY-MM-DD: the database's transactions are complete from this day (monitoring judges "
                  "late first credits and debits, A2.49 and A2.50, only for relationships and accounts begun since)");
  cmd->callback([flags, &out] {
    const ReferenceData& ref = ShippedReference();
    ImportOptions options;
    options.max_errors = std::max(1, flags->max_errors);
    auto history = DateFlag(flags->history_complete_from, "--history-complete-from");
    if (!history) return void(out.code = Report(history.error(), kExitBadInput));
    options.history_complete_from = *history;
    options.progress = ::isatty(STDERR_FILENO);
    if (!flags->kind.empty()) {
      auto kind = ParseImportKind(flags->kind);
      if (!kind) return void(out.code = Report(FieldError("--kind", kind.error().message), kExitBadInput));
      options.kind = *kind;
    }
    auto as_of = ChooseAsOf(flags->scoring.as_of);
    if (!as_of) return void(out.code = Report(as_of.error(), kExitBadInput));
    auto store = Store::Open(flags->scoring.db);
    if (!store) return void(out.code = Report(store.error(), kExitFailure));
    auto report = ImportFiles(*store, flags->files, options, ref);
    if (!report) {
      // A file that cannot be read or named is bad input; a database failure is not.
      bool database = report.error().message.rfind("database", 0) == 0;
      return void(out.code = Report(report.error(), database ? kExitFailure : kExitBadInput));
    }
    if (!report->errors.empty()) {
      for (const Error& e : report->errors) std::fprintf(stderr, "%s\n", e.ToString().c_str());
      std::fprintf(stderr, "sargs: import rejected: %zu problem%s%s; the database is unchanged\n",
                   report->errors.size(), report->errors.size() == 1 ? "" : "s",
                   report->truncated ? " (more not shown; see --max-errors)" : "");
      out.code = kExitBadInput;
      return;
    }
    std::string counts;
    for (int i = 0; i < kImportKindCount; ++i) {
      if (report->rows[i] == 0) continue;
      counts += (counts.empty() ? "" : ", ") + std::to_string(report->rows[i]) + " " + ToString(static_cast<ImportKind>(i));
    }
    std::printf("imported %s\n", counts.empty() ? "nothing" : counts.c_str());
    if (flags->no_rescore || report->affected_clients.empty()) return;
    // Point 12: a client is re-scored when its data changes.
    auto methodology = ChooseMethodology(flags->scoring, ref, TodayInRiga());
    if (!methodology) return void(out.code = Report(methodology.error(), kExitBadInput));
    Scorer scorer(*methodology, ref, LatvianCalendar());
    ScoreRunOptions run{*as_of, &report->affected_clients, true};
    auto stats = ScorePortfolio(*store, scorer, run, nullptr);
    if (!stats) return void(out.code = Report(stats.error(), kExitFailure));
    std::printf("re-scored %lld clients as of %s (%lld new scores in the history)\n",
                static_cast<long long>(stats->clients), FormatDate(*as_of).c_str(),
                static_cast<long long>(stats->saved));
  });
}

}  // namespace sargs::cli
