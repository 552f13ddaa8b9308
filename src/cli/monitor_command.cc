// `sargs monitor` (run the annex 2 monitoring rules) and `sargs alerts`
// (list, show and decide alerts).
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

#include <unistd.h>

#include "app/monitor_stream.h"
#include "app/monitoring_run.h"
#include "base/csv.h"
#include "base/json.h"
#include "cli/commands.h"

namespace sargs::cli {
namespace {

constexpr const char* kAlertColumns =
    "alert_id,rule,factor,client_id,window_start,window_end,amount,tx_ids,explanation,status";

void PrintAlertHeader(const std::string& format) {
  if (format == "csv") std::printf("%s\n", kAlertColumns);
}

void PrintAlert(const Alert& a, const std::string& format) {
  if (format == "json") {
    JsonWriter w;
    w.BeginObject().Key("alert_id").Int(a.id).Key("rule").String(a.rule).Key("factor").String(a.factor);
    w.Key("client_id").String(a.client_id).Key("window_start").String(FormatDate(a.window_start));
    w.Key("window_end").String(FormatDate(a.window_end)).Key("amount").Raw(a.amount.ToString());
    w.Key("tx_ids").BeginArray();
    for (const std::string& id : a.tx_ids) w.String(id);
    w.EndArray().Key("explanation").String(a.explanation).Key("status").String(ToString(a.status));
    if (!a.created_at.empty()) w.Key("created_at").String(a.created_at).Key("updated_at").String(a.updated_at);
    w.EndObject();
    std::printf("%s\n", w.str().c_str());
  } else if (format == "csv") {
    std::printf("%lld,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", static_cast<long long>(a.id), CsvEscape(a.rule).c_str(),
                CsvEscape(a.factor).c_str(), CsvEscape(a.client_id).c_str(), FormatDate(a.window_start).c_str(),
                FormatDate(a.window_end).c_str(), a.amount.ToString().c_str(), CsvEscape(a.TxIdList()).c_str(),
                CsvEscape(a.explanation).c_str(), ToString(a.status));
  } else {
    std::string window = FormatDate(a.window_start);
    if (a.window_end != a.window_start) window += ".." + FormatDate(a.window_end);
    std::printf("#%-6lld %-6s %-10s %-22s %14s  %s  [%s]\n         %s\n", static_cast<long long>(a.id),
                a.factor.c_str(), a.client_id.c_str(), window.c_str(), a.amount.ToString().c_str(),
                ToString(a.status), a.TxIdList().c_str(), a.explanation.c_str());
  }
}

void PrintAlertFooter(int64_t count, const std::string& format) {
  if (count == 0 && format == "table") std::printf("no alerts\n");
}

void PrintAlerts(const std::vector<Alert>& alerts, const std::string& format) {
  PrintAlertHeader(format);
  for (const Alert& a : alerts) PrintAlert(a, format);
  PrintAlertFooter(static_cast<int64_t>(alerts.size()), format);
}

// The per-rule counts of a back-test, baseline beside candidate.
void PrintComparison(const MonitorReport& base, const MonitorReport& candidate) {
  std::set<std::string> rules;
  for (const auto& [rule, n] : base.by_rule) rules.insert(rule);
  for (const auto& [rule, n] : candidate.by_rule) rules.insert(rule);
  int64_t base_total = 0, candidate_total = 0;
  std::printf("rule,baseline,candidate,difference\n");
  for (const std::string& rule : rules) {
    int64_t b = base.by_rule.count(rule) ? base.by_rule.at(rule) : 0;
    int64_t c = candidate.by_rule.count(rule) ? candidate.by_rule.at(rule) : 0;
    base_total += b;
    candidate_total += c;
    std::printf("%s,%lld,%lld,%+lld\n", rule.c_str(), static_cast<long long>(b), static_cast<long long>(c),
                static_cast<long long>(c - b));
  }
  std::printf("total,%lld,%lld,%+lld\n", static_cast<long long>(base_total), static_cast<long long>(candidate_total),
              static_cast<long long>(candidate_total - base_total));
}

}  // namespace

void RegisterMonitor(CLI::App& app, Outcome& out) {
  struct Flags {
    ScoringFlags scoring;
    std::string from, to, format = "table", baseline;
    std::string input, clients, accounts, persons, history_complete_from;
    bool dry_run = false;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand("monitor", "Run the annex 2 transaction-monitoring rules; print the new alerts");
  AddScoringFlags(cmd, flags->scoring, /*db_required=*/false);
  cmd->add_option("--from", flags->from, "Only transactions booked on or after YYYY-MM-DD (evaluates every client)");
  cmd->add_option("--to", flags->to, "Only transactions booked on or before YYYY-MM-DD (evaluates every client)");
  cmd->add_option("--format", flags->format, "table (default), csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  cmd->add_flag("--dry-run", flags->dry_run,
                "Store nothing: print the alert counts per rule of --methodology beside those of --baseline");
  cmd->add_option("--baseline", flags->baseline,
                  "With --dry-run: the methodology to compare with (default: the shipped one)");
  cmd->add_option("--input", flags->input,
                  "Monitor this transactions file (CSV or JSON Lines) without a database; needs --clients");
  cmd->add_option("--clients", flags->clients, "With --input: the clients file");
  cmd->add_option("--accounts", flags->accounts, "With --input: the accounts file (opening dates for A2.50)");
  cmd->add_option("--persons", flags->persons, "With --input: the persons file (UBOs, representatives)");
  cmd->add_option("--history-complete-from", flags->history_complete_from,
                  "YYYY-MM-DD: the transactions are complete from this day (default: as the database was told "
                  "at import; with --input: complete). The methodology's history_complete_from wins");
  cmd->callback([flags, &out] {
    const bool files = !flags->input.empty();
    if (files == !flags->scoring.db.empty()) {
      out.code = Report(Error{files ? "--input monitors files without a database: leave out --db"
                                    : "give --db DB, or --input FILE --clients FILE to monitor files",
                              Location{}, files ? "--db" : "--input"},
                        kExitBadInput);
      return;
    }
    if (files && flags->clients.empty()) {
      out.code = Report(Error{"--input needs --clients FILE", Location{}, "--clients"}, kExitBadInput);
      return;
    }
    if (!files && (!flags->clients.empty() || !flags->accounts.empty() || !flags->persons.empty())) {
      out.code = Report(Error{"--clients, --accounts and --persons go with --input", Location{}, "--clients"},
                        kExitBadInput);
      return;
    }
    auto ctx = OpenScoring(flags->scoring, out);
    if (!ctx) return;
    const ReferenceData& ref = ShippedReference();
    auto run = [&]() -> Result<int> {
      MonitorOptions options;
      options.as_of = ctx->as_of;
      options.from = TRY(DateFlag(flags->from, "--from"));
      options.to = TRY(DateFlag(flags->to, "--to"));
      options.dry_run = flags->dry_run;
      options.history_complete_from = TRY(DateFlag(flags->history_complete_from, "--history-complete-from"));
      std::optional<Scorer> base_scorer;
      std::optional<Methodology> baseline;
      if (flags->dry_run) {
        ScoringFlags base_flags = flags->scoring;
        base_flags.methodology = flags->baseline;
        baseline = TRY(ChooseMethodology(base_flags, ref, TodayInRiga()));
        base_scorer.emplace(*baseline, ref, LatvianCalendar());
      }
      if (files) {
        ImportOptions read_options;
        read_options.progress = ::isatty(STDERR_FILENO);
        read_options.accounts_from_transactions = flags->accounts.empty();
        std::vector<std::pair<ImportKind, std::string>> plan = {{ImportKind::kClients, flags->clients}};
        if (!flags->persons.empty()) plan.emplace_back(ImportKind::kPersons, flags->persons);
        if (!flags->accounts.empty()) plan.emplace_back(ImportKind::kAccounts, flags->accounts);
        plan.emplace_back(ImportKind::kTransactions, flags->input);
        // Alerts are printed only once every file has proved clean.
        bool header = false;
        int64_t count = 0;
        std::vector<MonitorPass> passes(flags->dry_run ? 2 : 1);
        if (flags->dry_run) {
          passes[0].scorer = &*base_scorer;
          passes[0].on_alert = [](const Alert&) {};
          passes[1].scorer = &*ctx->scorer;
          passes[1].on_alert = [](const Alert&) {};
        } else {
          passes[0].scorer = &*ctx->scorer;
          passes[0].on_alert = [&](const Alert& a) {
            if (!header) PrintAlertHeader(flags->format);
            header = true;
            PrintAlert(a, flags->format);
            ++count;
          };
        }
        auto read = MonitorFiles(plan, read_options, ref, options, passes);
        if (!read) return Report(read.error(), kExitBadInput);  // a file that cannot be read
        if (!read->errors.empty()) {
          for (const Error& e : read->errors) std::fprintf(stderr, "%s\n", e.ToString().c_str());
          std::fprintf(stderr, "sargs: %zu problem%s%s; nothing was monitored\n", read->errors.size(),
                       read->errors.size() == 1 ? "" : "s", read->truncated ? " (more not shown)" : "");
          return kExitBadInput;
        }
        if (flags->dry_run) {
          PrintComparison(passes[0].report, passes[1].report);
          return kExitOk;
        }
        if (!header) PrintAlertHeader(flags->format);
        PrintAlertFooter(count, flags->format);
        const MonitorReport& report = passes[0].report;
        std::fprintf(stderr, "%lld alerts from %lld transactions of %lld clients (not stored)\n",
                     static_cast<long long>(count), static_cast<long long>(report.transactions),
                     static_cast<long long>(report.clients));
        return kExitOk;
      }
      MonitorReport report = TRY(RunMonitor(*ctx->store, *ctx->scorer, ref, options));
      if (!flags->dry_run) {
        PrintAlerts(report.alerts, flags->format);
        std::fprintf(stderr, "%lld new alerts from %lld transactions of %lld clients\n",
                     static_cast<long long>(report.alerts.size()), static_cast<long long>(report.transactions),
                     static_cast<long long>(report.clients));
        return kExitOk;
      }
      PrintComparison(TRY(RunMonitor(*ctx->store, *base_scorer, ref, options)), report);
      return kExitOk;
    };
    auto code = run();
    out.code = code ? *code : Report(code.error(), code.error().field.rfind("--", 0) == 0 ? kExitBadInput : kExitFailure);
  });
}

void RegisterAlerts(CLI::App& app, Outcome& out) {
  CLI::App* cmd = app.add_subcommand("alerts", "List, show and decide monitoring alerts");
  cmd->require_subcommand(1);

  struct ListFlags {
    std::string db, status, format = "table";
  };
  auto list = std::make_shared<ListFlags>();
  CLI::App* list_cmd = cmd->add_subcommand("list", "List alerts (all, or by status)");
  list_cmd->add_option("--db", list->db, "SQLite database")->required();
  list_cmd->add_option("--status", list->status, "open, confirmed or dismissed")
      ->check(CLI::IsMember({"open", "confirmed", "dismissed"}));
  list_cmd->add_option("--format", list->format, "table (default), csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  list_cmd->callback([list, &out] {
    auto run = [&]() -> Result<int> {
      Store store = TRY(Store::Open(list->db));
      std::optional<AlertStatus> status;
      if (list->status == "open") status = AlertStatus::kOpen;
      if (list->status == "confirmed") status = AlertStatus::kConfirmed;
      if (list->status == "dismissed") status = AlertStatus::kDismissed;
      PrintAlerts(TRY(store.Alerts(status)), list->format);
      return kExitOk;
    };
    auto code = run();
    out.code = code ? *code : Report(code.error(), kExitFailure);
  });

  struct CloseFlags {
    std::string db, decision, note, author;
    int64_t id = 0;
  };
  auto close = std::make_shared<CloseFlags>();
  CLI::App* close_cmd = cmd->add_subcommand("close", "Confirm (records the factor as a fact) or dismiss an alert");
  close_cmd->add_option("--db", close->db, "SQLite database")->required();
  close_cmd->add_option("alert_id", close->id, "The alert")->required();
  close_cmd->add_option("--decision", close->decision, "confirmed or dismissed")
      ->required()
      ->check(CLI::IsMember({"confirmed", "dismissed"}));
  close_cmd->add_option("--note", close->note, "Why (required to dismiss)");
  close_cmd->add_option("--author", close->author, "Who decides (default: $USER)");
  close_cmd->callback([close, &out] {
    auto run = [&]() -> Result<int> {
      std::string author = close->author;
      if (author.empty() && std::getenv("USER")) author = std::getenv("USER");
      if (author.empty()) return Fail(Location{}, "--author", "say who decides (--author NAME)");
      Store store = TRY(Store::Open(close->db));
      TRY(store.Begin());
      auto closed = store.CloseAlert(close->id, close->decision == "confirmed" ? AlertStatus::kConfirmed
                                                                               : AlertStatus::kDismissed,
                                     close->note, author);
      if (!closed) {
        store.Rollback();
        return tl::unexpected(closed.error());
      }
      TRY(store.Commit());
      std::printf("alert %lld %s by %s%s\n", static_cast<long long>(close->id), ToString(closed->status),
                  author.c_str(),
                  closed->status == AlertStatus::kConfirmed
                      ? ("; fact " + closed->factor + " recorded for " + closed->client_id).c_str()
                      : "");
      return kExitOk;
    };
    auto code = run();
    out.code = code ? *code : Report(code.error(), kExitBadInput);
  });

  struct ShowFlags {
    std::string db;
    int64_t id = 0;
  };
  auto show = std::make_shared<ShowFlags>();
  CLI::App* show_cmd = cmd->add_subcommand("show", "One alert with its audit log");
  show_cmd->add_option("--db", show->db, "SQLite database")->required();
  show_cmd->add_option("alert_id", show->id, "The alert")->required();
  show_cmd->callback([show, &out] {
    auto run = [&]() -> Result<int> {
      Store store = TRY(Store::Open(show->db));
      auto alerts = TRY(store.Alerts(std::nullopt, show->id));
      if (alerts.empty()) return Fail(Location{}, "alert_id", "no alert " + std::to_string(show->id));
      PrintAlerts(alerts, "table");
      for (const AlertAuditEntry& e : TRY(store.AlertAudit(show->id))) {
        std::printf("  %s  %-9s by %s%s%s\n", e.at.c_str(), e.action.c_str(), e.author.c_str(),
                    e.note.empty() ? "" : ": ", e.note.c_str());
      }
      return kExitOk;
    };
    auto code = run();
    out.code = code ? *code : Report(code.error(), kExitBadInput);
  });
}

}  // namespace sargs::cli
