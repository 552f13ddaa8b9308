// Use case: run the transaction-monitoring rules over stored transactions.
//
// Incremental by default: only clients whose transactions were written
// (imported, updated) since the last run are read, each with its whole
// history, so rules that look back (pauses, first credits, twelve-month
// turnover) see everything. The cross-client rules then read every client's
// transactions from shortly before the earliest new one (see
// CrossClientReadFrom). Alerts already raised for the same rule, client and
// window are not raised again. A run over a date range, or a dry run, looks
// at every client and moves nothing forward.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "monitoring/alert.h"
#include "scoring/scorer.h"
#include "storage/store.h"

namespace sargs {

struct MonitorOptions {
  Date as_of;                 // for the annex 1 factors that switch off A2.53-A2.55
  std::optional<Date> from;   // only transactions booked on or after
  std::optional<Date> to;     // only transactions booked on or before
  bool dry_run = false;       // evaluate and count; store nothing
  // From which day the data's history is complete (see
  // MonitoringMethodology). RunMonitor reads it from the database when unset.
  std::optional<Date> history_complete_from;
};

struct MonitorReport {
  std::vector<Alert> alerts;  // the new alerts (none kept by a dry run)
  std::map<std::string, int64_t> by_rule;  // new alerts per rule (a dry run: every alert the rules raise)
  int64_t clients = 0;        // clients evaluated
  int64_t transactions = 0;   // transactions read
};

// The methodology the rules run with: `m`, whose `history_complete_from`
// wins; without one, the data's own (`data_complete_from`, what the
// institution said when it loaded the data). A2.49 and A2.50 judge only
// relationships and accounts that began within complete history: an
// institution that loaded its last year of transactions would otherwise see
// every older account's first debit as a "late" first debit.
Methodology MonitoringMethodology(const Methodology& m, std::optional<Date> data_complete_from);

// A2.53-A2.55 apply only to clients whose activity is not linked to Latvia
// and who have no annex 1 factor; only for those is a score needed.
inline bool NeedsAnnex1Check(const Client& c) { return !c.activity_linked_to_latvia; }
bool HasAnnex1Factors(const Scorer& scorer, const ScoreInput& input, Date as_of);

// Whether any of the cross-client rules (A2.24, A2.30, A2.46, A2.57,
// A2.73) is switched on.
bool AnyCrossClientRule(const MonitoringParams& p);
// The first day a run must read so that the cross-client rules see every
// transaction a booking on `earliest_new` can form a pattern with.
Date CrossClientReadFrom(const MonitoringParams& p, Date earliest_new);

Result<MonitorReport> RunMonitor(Store& store, const Scorer& scorer, const ReferenceData& ref,
                                 const MonitorOptions& options);

}  // namespace sargs
