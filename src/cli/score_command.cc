#include <unistd.h>

#include <cstdio>

#include "app/portfolio_scoring.h"
#include "base/calendar.h"
#include "base/csv.h"
#include "base/json.h"
#include "base/progress.h"
#include "cli/commands.h"

namespace sargs::cli {
namespace {

std::string Opt(const std::optional<Date>& d) { return d ? FormatDate(*d) : ""; }

const std::vector<std::string> kScoreColumns = {
    "client_id", "score", "risk_level", "edd_required", "edd_reasons", "factors", "edd_review_months",
    "next_edd_review", "edd_deadline", "enhanced_monitoring", "next_review", "as_of", "methodology_version"};

std::vector<std::string> ScoreRow(const ClientScore& s) {
  return {s.client_id, std::to_string(s.score), ToString(s.level), s.edd_required ? "yes" : "no",
          s.EddReasonCodes(), s.FactorCodes(),
          s.edd_review_months ? std::to_string(*s.edd_review_months) : "", Opt(s.next_edd_review),
          Opt(s.edd_deadline), s.enhanced_monitoring ? "yes" : "no", Opt(s.next_review), FormatDate(s.as_of),
          s.methodology_version};
}

// One client as a flat JSON object with the columns of the CSV output (typed:
// numbers, booleans, null for empty), plus the points of each factor.
std::string ScoreRowJson(const ClientScore& s) {
  JsonWriter w;
  auto date = [&](const char* key, const std::optional<Date>& d) {
    w.Key(key);
    if (d) w.String(FormatDate(*d)); else w.Null();
  };
  w.BeginObject();
  w.Key("client_id").String(s.client_id).Key("score").Int(s.score).Key("risk_level").String(ToString(s.level));
  w.Key("edd_required").Bool(s.edd_required).Key("edd_reasons").String(s.EddReasonCodes());
  w.Key("factors").String(s.FactorCodes());
  w.Key("factor_points").BeginObject();
  for (const FactorHit& h : s.factors) w.Key(h.code).Int(h.points);
  w.EndObject();
  w.Key("edd_review_months");
  if (s.edd_review_months) w.Int(*s.edd_review_months); else w.Null();
  date("next_edd_review", s.next_edd_review);
  date("edd_deadline", s.edd_deadline);
  w.Key("enhanced_monitoring").Bool(s.enhanced_monitoring);
  date("next_review", s.next_review);
  w.Key("as_of").String(FormatDate(s.as_of)).Key("methodology_version").String(s.methodology_version);
  w.EndObject();
  return w.str();
}

// Prints rows as an aligned table (buffered: widths need every row).
class TablePrinter {
 public:
  explicit TablePrinter(std::vector<std::string> header) { rows_.push_back(std::move(header)); }
  void Add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  void Print() const {
    std::vector<size_t> width(rows_[0].size(), 0);
    auto display = [](const std::string& s) {
      size_t n = 0;
      for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      return n;
    };
    for (const auto& row : rows_) {
      for (size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], display(row[i]));
    }
    for (const auto& row : rows_) {
      std::string line;
      for (size_t i = 0; i < row.size(); ++i) {
        line += row[i];
        if (i + 1 < row.size()) line += std::string(width[i] - display(row[i]) + 2, ' ');
      }
      std::printf("%s\n", line.c_str());
    }
  }

 private:
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace

void RegisterScore(CLI::App& app, Outcome& out) {
  struct Flags {
    ScoringFlags scoring;
    std::string format = "table";
    std::string client;
    bool no_save = false;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand("score", "Score every client (or one) and print one row per client");
  AddScoringFlags(cmd, flags->scoring);
  cmd->add_option("--format", flags->format, "table|csv|json (default table)")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  cmd->add_option("--client", flags->client, "Score only this client");
  cmd->add_flag("--no-save", flags->no_save, "Do not record the scores in the history");
  cmd->callback([flags, &out] {
    auto ctx = OpenScoring(flags->scoring, out);
    if (!ctx) return;
    Store& store = *ctx->store;
    const Scorer& scorer = *ctx->scorer;
    std::unordered_set<std::string> only;
    if (!flags->client.empty()) only.insert(flags->client);
    ScoreRunOptions run{ctx->as_of, only.empty() ? nullptr : &only, !flags->no_save};

    TablePrinter table(kScoreColumns);
    std::string buffer;
    bool first = true;
    const std::string& format = flags->format;
    if (format == "csv") {
      for (size_t i = 0; i < kScoreColumns.size(); ++i) buffer += (i ? "," : "") + kScoreColumns[i];
      buffer += '\n';
    } else if (format == "json") {
      buffer += "[";
    }
    auto flush = [&](bool force) {
      if (force || buffer.size() > (1 << 16)) {
        std::fwrite(buffer.data(), 1, buffer.size(), stdout);
        buffer.clear();
      }
    };
    int64_t total = 0;
    if (::isatty(STDERR_FILENO) && only.empty()) total = store.Count("clients").value_or(0);
    Progress progress(total > 0, "scoring", static_cast<uint64_t>(total), "clients");
    int64_t done = 0;
    auto stats = ScorePortfolio(store, scorer, run, [&](const ClientScore& s, const ClientRecord&) {
      if ((++done & 1023) == 0) progress.Update(static_cast<uint64_t>(done), done);
      if (format == "table") {
        table.Add(ScoreRow(s));
      } else if (format == "csv") {
        auto row = ScoreRow(s);
        for (size_t i = 0; i < row.size(); ++i) buffer += (i ? "," : "") + CsvEscape(row[i]);
        buffer += '\n';
        flush(false);
      } else {
        buffer += first ? "\n" : ",\n";
        buffer += ScoreRowJson(s);
        flush(false);
      }
      first = false;
    });
    progress.Done(done);
    if (!stats) return void(out.code = Report(stats.error(), kExitFailure));
    if (!flags->client.empty() && stats->clients == 0) {
      return void(out.code = Report(FieldError("--client", "unknown client '" + flags->client + "'"), kExitBadInput));
    }
    if (format == "table") table.Print();
    if (format == "json") buffer += "\n]\n";
    flush(true);
    std::fprintf(stderr, "scored %lld clients as of %s with methodology %s (%lld new scores in the history)\n",
                 static_cast<long long>(stats->clients), FormatDate(ctx->as_of).c_str(),
                 scorer.methodology().version.c_str(), static_cast<long long>(stats->saved));
  });
}

void RegisterExplain(CLI::App& app, Outcome& out) {
  struct Flags {
    ScoringFlags scoring;
    std::string client;
    std::string format = "text";
    bool history = false;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand("explain", "Explain one client's score factor by factor");
  AddScoringFlags(cmd, flags->scoring);
  cmd->add_option("client_id", flags->client, "Client id")->required();
  cmd->add_option("--format", flags->format, "text|json (default text)")->check(CLI::IsMember({"text", "json"}));
  cmd->add_flag("--history", flags->history, "Also list the client's stored score history");
  cmd->callback([flags, &out] {
    auto ctx = OpenScoring(flags->scoring, out);
    if (!ctx) return;
    Store& store = *ctx->store;
    const Scorer& scorer = *ctx->scorer;
    std::unordered_set<std::string> only{flags->client};
    std::string text;
    auto stats = ScorePortfolio(store, scorer, ScoreRunOptions{ctx->as_of, &only, true},
                                [&](const ClientScore& s, const ClientRecord& rec) {
                                  text = flags->format == "json" ? ExplanationJson(s, scorer.methodology()) + "\n"
                                                                 : ExplanationText(s, rec.client, scorer.methodology());
                                });
    if (!stats) return void(out.code = Report(stats.error(), kExitFailure));
    if (stats->clients == 0) {
      return void(out.code = Report(FieldError("client_id", "unknown client '" + flags->client + "'"), kExitBadInput));
    }
    std::fputs(text.c_str(), stdout);
    if (flags->history) {
      auto history = store.ScoreHistory(flags->client);
      if (!history) return void(out.code = Report(history.error(), kExitFailure));
      std::printf("\nScore history (as_of, methodology, score, level, EDD reasons, recorded at):\n");
      for (const StoredScore& h : *history) {
        std::printf("  %s  %-8s %4d  %-6s  %s  %s\n", h.as_of.c_str(), h.methodology_version.c_str(), h.score,
                    h.risk_level.c_str(), h.edd_reasons.empty() ? "-" : h.edd_reasons.c_str(), h.scored_at.c_str());
      }
    }
  });
}

void RegisterSummary(CLI::App& app, Outcome& out) {
  struct Flags {
    ScoringFlags scoring;
    int due_days = 30;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand("summary", "Score the portfolio and summarise risk levels, EDD reasons, reviews and deadlines");
  AddScoringFlags(cmd, flags->scoring);
  cmd->add_option("--due-days", flags->due_days, "Horizon for 'due soon' (default 30 days)");
  cmd->callback([flags, &out] {
    auto ctx = OpenScoring(flags->scoring, out);
    if (!ctx) return;
    Store& store = *ctx->store;
    const Scorer& scorer = *ctx->scorer;
    PortfolioSummary summary;
    summary.as_of = ctx->as_of;
    summary.due_days = flags->due_days;
    auto stats = ScorePortfolio(store, scorer, ScoreRunOptions{ctx->as_of, nullptr, true},
                                [&](const ClientScore& s, const ClientRecord&) { summary.Add(s); });
    if (!stats) return void(out.code = Report(stats.error(), kExitFailure));
    std::printf("Methodology: %s, version %s (%s)\n", scorer.methodology().name.c_str(),
                scorer.methodology().version.c_str(), ToString(scorer.methodology().institution_type));
    std::fputs(summary.ToText().c_str(), stdout);
  });
}

}  // namespace sargs::cli
