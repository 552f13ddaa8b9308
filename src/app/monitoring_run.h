// Use case: run the transaction-monitoring rules over stored transactions.
//
// Incremental by default: only clients whose transactions were written
// (imported, updated) since the last run are read, each with its whole
// history, so rules that look back (pauses, first credits, twelve-month
// turnover) see everything; alerts already raised for the same rule, client
// and window are not raised again. A run over a date range, or a dry run,
// looks at every client and moves nothing forward.
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
};

struct MonitorReport {
  std::vector<Alert> alerts;  // the new alerts (a dry run: every alert the rules raise)
  std::map<std::string, int64_t> by_rule;
  int64_t clients = 0;        // clients evaluated
  int64_t transactions = 0;   // transactions read
};

Result<MonitorReport> RunMonitor(Store& store, const Scorer& scorer, const ReferenceData& ref,
                                 const MonitorOptions& options);

}  // namespace sargs
