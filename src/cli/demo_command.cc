#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "app/demo_portfolio.h"
#include "app/importer.h"
#include "app/portfolio_scoring.h"
#include "base/calendar.h"
#include "cli/commands.h"

namespace sargs::cli {
namespace {

namespace fs = std::filesystem;

// The six import files, and injected.csv: the monitoring patterns put into
// the data (not an import file; see DemoSinks::injected). `manifest`, when
// given, receives a copy of injected.csv.
Result<bool> WriteDemoFiles(const DemoOptions& options, const fs::path& dir, const std::string& manifest) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Fail(Location{dir.string(), 0, 0}, "", "cannot create directory: " + ec.message());
  const char* names[7] = {"clients", "persons", "accounts", "transactions", "facts", "links", "injected"};
  std::ofstream files[7];
  for (int i = 0; i < 7; ++i) {
    files[i].open(dir / (std::string(names[i]) + ".csv"), std::ios::binary | std::ios::trunc);
    if (!files[i]) return Fail(Location{(dir / names[i]).string(), 0, 0}, "", "cannot write file");
  }
  GenerateDemoPortfolio(options,
                        DemoSinks{&files[0], &files[1], &files[2], &files[3], &files[4], &files[5], &files[6]});
  for (auto& f : files) {
    f.close();
    if (!f) return Fail(Location{dir.string(), 0, 0}, "", "writing the demo files failed");
  }
  if (!manifest.empty()) {
    fs::copy_file(dir / "injected.csv", manifest, fs::copy_options::overwrite_existing, ec);
    if (ec) return Fail(Location{manifest, 0, 0}, "", "cannot write file: " + ec.message());
  }
  return true;
}

// A real portfolio has a review history: most clients in EDD have completed
// it at some point. Deterministic by client id so that the demo is repeatable.
Result<bool> WriteDemoReviews(Store& store, const Scorer& scorer, Date as_of, const fs::path& file) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << "client_id,kind,on,extension_days,author,note\n";
  auto stats = ScorePortfolio(store, scorer, ScoreRunOptions{as_of, nullptr, false},
                              [&](const ClientScore& s, const ClientRecord&) {
                                uint64_t h = std::hash<std::string>()(s.client_id) * 0x9E3779B97F4A7C15ull;
                                if (!s.edd_required || !s.edd_triggered_on || h % 100 < 15) return;
                                int span = static_cast<int>((as_of - *s.edd_triggered_on).count());
                                if (span <= 0) return;
                                Date on = *s.edd_triggered_on + std::chrono::days(static_cast<int>((h >> 8) % span));
                                if (s.edd_review_months) {
                                  // Keep periodic clients spread over one review cycle.
                                  Date earliest = AddMonths(as_of, -*s.edd_review_months) + std::chrono::days(1);
                                  if (on < earliest) on = earliest + std::chrono::days(static_cast<int>((h >> 20) % (as_of - earliest).count()));
                                }
                                out << s.client_id << ",edd_completed," << FormatDate(on) << ",,Compliance (demo),EDD file completed\n";
                              });
  if (!stats) return tl::unexpected(stats.error());
  out.close();
  if (!out) return Fail(Location{file.string(), 0, 0}, "", "cannot write file");
  return true;
}

}  // namespace

void RegisterDemo(CLI::App& app, Outcome& out) {
  struct Flags {
    std::string db;
    std::string out_dir;
    std::string as_of;
    std::string manifest;
    int pattern_per_mille = DemoOptions().pattern_per_mille;
    int64_t clients = 2000;
    int64_t transactions = 0;
    uint64_t seed = 135;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand("demo", "Create a realistic, deterministic demo portfolio (CSV files and/or a database)");
  cmd->add_option("--db", flags->db, "Import the portfolio into this SQLite database");
  cmd->add_option("--out", flags->out_dir, "Write the CSV files to this directory (default: a temporary one)");
  cmd->add_option("--as-of", flags->as_of, "The data covers the 15 months before this date (default: today in Europe/Riga)");
  cmd->add_option("--clients", flags->clients, "Number of clients (default 2000)")->check(CLI::Range(int64_t{1}, int64_t{100'000'000}));
  cmd->add_option("--transactions", flags->transactions, "Number of transactions (default 25 per client)")->check(CLI::NonNegativeNumber);
  cmd->add_option("--seed", flags->seed, "Seed (default 135)");
  cmd->add_option("--pattern-per-mille", flags->pattern_per_mille,
                  "Clients per thousand that carry each monitoring rule's pattern (default 5, 0 for none)")
      ->check(CLI::Range(0, 50));
  cmd->add_option("--manifest", flags->manifest,
                  "Write the injected patterns (rule,client_id,window_start,window_end) to this file; "
                  "--out writes them to injected.csv as well");
  cmd->callback([flags, &out] {
    if (flags->db.empty() && flags->out_dir.empty()) {
      return void(out.code = Report(FieldError("", "give --db, --out or both"), kExitBadInput));
    }
    auto as_of = ChooseAsOf(flags->as_of);
    if (!as_of) return void(out.code = Report(as_of.error(), kExitBadInput));
    DemoOptions options{flags->clients, flags->transactions, flags->seed, *as_of, flags->pattern_per_mille};
    bool temporary = flags->out_dir.empty();
    fs::path dir = temporary ? fs::temp_directory_path() / ("sargs-demo-" + std::to_string(::getpid())) : fs::path(flags->out_dir);
    auto cleanup = [&] {
      std::error_code ec;
      if (temporary) fs::remove_all(dir, ec);
    };
    if (auto w = WriteDemoFiles(options, dir, flags->manifest); !w) {
      cleanup();
      return void(out.code = Report(w.error(), kExitFailure));
    }
    if (flags->db.empty()) {
      std::printf("wrote the demo portfolio to %s\n", dir.string().c_str());
      return;
    }
    const ReferenceData& ref = ShippedReference();
    auto run = [&]() -> Result<bool> {
      Store store = TRY(Store::Open(flags->db));
      ImportOptions import_options;
      import_options.progress = ::isatty(STDERR_FILENO);
      import_options.history_complete_from = DemoHistoryStart(*as_of);
      std::vector<std::string> files;
      for (const char* name : {"clients", "persons", "accounts", "transactions", "facts", "links"}) {
        files.push_back((dir / (std::string(name) + ".csv")).string());
      }
      ImportReport report = TRY(ImportFiles(store, files, import_options, ref));
      if (!report.errors.empty()) return tl::unexpected(report.errors.front());
      Methodology m = TRY(DefaultMethodology(ref));
      Scorer scorer(m, ref, LatvianCalendar());
      fs::path reviews = dir / "reviews.csv";
      TRY(WriteDemoReviews(store, scorer, *as_of, reviews));
      ImportReport review_report = TRY(ImportFiles(store, {reviews.string()}, import_options, ref));
      if (!review_report.errors.empty()) return tl::unexpected(review_report.errors.front());
      std::printf("demo portfolio in %s: %lld clients, %lld persons, %lld accounts, %lld transactions, %lld facts, "
                  "%lld links, %lld reviews (as of %s, seed %llu)\n",
                  flags->db.c_str(), static_cast<long long>(report.rows[0]), static_cast<long long>(report.rows[1]),
                  static_cast<long long>(report.rows[2]), static_cast<long long>(report.rows[3]),
                  static_cast<long long>(report.rows[4]), static_cast<long long>(report.rows[5]),
                  static_cast<long long>(review_report.rows[6]), FormatDate(*as_of).c_str(),
                  static_cast<unsigned long long>(flags->seed));
      return true;
    };
    auto result = run();
    cleanup();
    if (!result) out.code = Report(result.error(), kExitFailure);
  });
}

}  // namespace sargs::cli
