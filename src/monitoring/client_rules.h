// The single-client monitoring rules: the annex 2 factors of FCMC regulation
// No. 135 that one client's own transactions can show (A2.20, A2.21, A2.23,
// A2.26, A2.27, A2.29, A2.48-A2.56, A2.58).
//
// EvaluateClient is a pure function: the client's data and its transactions
// in, alerts out. It looks at the whole history it is given; the caller
// decides which window of alerts is new (an alert is identified by rule,
// client and window, so re-evaluating the same history raises nothing new).
#pragma once

#include <span>
#include <vector>

#include "base/date.h"
#include "model/client.h"
#include "model/transaction.h"
#include "monitoring/alert.h"
#include "monitoring/monitoring_params.h"
#include "reference/reference_data.h"
#include "scoring/methodology.h"

namespace sargs {

// What the rules need to know about a client besides its transactions.
struct MonitoredClient {
  const Client* client = nullptr;
  std::span<const Account> accounts;  // for A2.50 (opening dates)
  // The client has annex 1 factors (A2.53-A2.55 apply only without them).
  bool has_annex1_factors = false;
};

// `transactions` should be sorted by booking time (date, second), as the
// store and the stream give them (others are sorted in a copy); `methodology`
// supplies the [monitoring] parameters and the A2.53-A2.55 amounts.
std::vector<Alert> EvaluateClient(const MonitoredClient& client, std::span<const Transaction> transactions,
                                  const Methodology& methodology, const ReferenceData& ref);

}  // namespace sargs
