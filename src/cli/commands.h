// The subcommands of the `sargs` command line. Each Register* function adds
// one subcommand to the CLI11 app; main.cc only wires them together.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>

#include "base/result.h"
#include "reference/reference_data.h"
#include "scoring/methodology.h"
#include "scoring/scorer.h"
#include "storage/store.h"

namespace sargs::cli {

// Exit codes: 0 success, 1 a failure of the system (database, I/O),
// 2 bad input (usage, invalid files or values).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

// Holds the exit code the chosen subcommand produced.
struct Outcome {
  int code = kExitOk;
};

// Options shared by the commands that score.
struct ScoringFlags {
  std::string db;
  std::string as_of;        // YYYY-MM-DD; empty: today in Europe/Riga
  std::string methodology;  // empty: the shipped default
};
void AddScoringFlags(CLI::App* cmd, ScoringFlags& flags, bool db_required = true);
// The methodology to use; prints the point-14 review warning to stderr.
Result<Methodology> ChooseMethodology(const ScoringFlags& flags, const ReferenceData& ref, Date today);

// What every scoring command sets up: the as-of date, the methodology, the
// store and a scorer over them. Heap-held so that the scorer's references
// stay valid when the context moves.
struct ScoringContext {
  Date as_of;
  std::unique_ptr<Methodology> methodology;
  std::unique_ptr<Store> store;
  std::unique_ptr<Scorer> scorer;
};
// On failure reports the error, sets out.code and returns nullopt.
std::optional<ScoringContext> OpenScoring(const ScoringFlags& flags, Outcome& out);
Result<Date> ChooseAsOf(const std::string& text);
// A date option: nullopt when empty, an error naming `flag` when malformed.
Result<std::optional<Date>> DateFlag(const std::string& text, const char* flag);
// Prints an error to stderr and returns the exit code for it.
int Report(const Error& e, int code);

void RegisterImport(CLI::App& app, Outcome& out);
void RegisterScore(CLI::App& app, Outcome& out);
void RegisterExplain(CLI::App& app, Outcome& out);
void RegisterSummary(CLI::App& app, Outcome& out);
void RegisterCalendar(CLI::App& app, Outcome& out);
void RegisterDemo(CLI::App& app, Outcome& out);
void RegisterTransactions(CLI::App& app, Outcome& out);
void RegisterMonitor(CLI::App& app, Outcome& out);
void RegisterAlerts(CLI::App& app, Outcome& out);
void RegisterReference(CLI::App& app, Outcome& out);

// `sargs lists` (load, versions), `sargs screen` and `sargs hits` (list, decide).
void RegisterLists(CLI::App& app, Outcome& out);
void RegisterScreen(CLI::App& app, Outcome& out);
void RegisterHits(CLI::App& app, Outcome& out);

}  // namespace sargs::cli
