// Use cases around scoring a stored portfolio: score every (or some) client
// as of a date, keep the history, explain one client, and summarise.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <string>
#include <unordered_set>

#include "base/result.h"
#include "scoring/scorer.h"
#include "storage/store.h"

namespace sargs {

struct ScoreRunOptions {
  Date as_of;
  const std::unordered_set<std::string>* only = nullptr;  // Default: every client
  bool save = true;                                        // append to the score history
};

struct ScoreRunStats {
  int64_t clients = 0;
  int64_t saved = 0;  // history rows written (unchanged scores are not written again)
};

// Scores clients one by one (in id order) and hands each score to `on_score`.
// Saving and scoring happen in one database transaction.
Result<ScoreRunStats> ScorePortfolio(Store& store, const Scorer& scorer, const ScoreRunOptions& options,
                                     const std::function<void(const ClientScore&, const ClientRecord&)>& on_score);

// The full explanation of a score as JSON: every factor with its evidence,
// rule and points, the EDD reasons and dates, the methodology.
std::string ExplanationJson(const ClientScore& s, const Methodology& m);
// The same for people.
std::string ExplanationText(const ClientScore& s, const Client& c, const Methodology& m);

// What `make run` prints about a portfolio.
struct PortfolioSummary {
  Date as_of;
  int64_t clients = 0;
  std::array<int64_t, 3> by_level{};
  int64_t edd_required = 0;
  std::map<std::string, int64_t> edd_by_reason;  // reason code -> clients
  int64_t enhanced_monitoring = 0;
  int64_t reviews_due_soon = 0;    // next EDD review within `due_days`
  int64_t reviews_overdue = 0;     // next EDD review before as_of
  int64_t deadlines_overdue = 0;   // EDD completion deadline before as_of
  int64_t deadlines_due_soon = 0;  // EDD completion deadline within `due_days`
  int due_days = 30;

  void Add(const ClientScore& s);
  std::string ToText() const;
};

}  // namespace sargs
