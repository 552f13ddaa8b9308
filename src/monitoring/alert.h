// Alert: what a monitoring rule raises — an annex 2 factor of FCMC regulation
// No. 135 that a client's transactions show, with the evidence.
#pragma once

#include <string>
#include <vector>

#include "base/date.h"
#include "base/money.h"

namespace sargs {

enum class AlertStatus : uint8_t { kOpen, kConfirmed, kDismissed };
const char* ToString(AlertStatus s);

struct Alert {
  int64_t id = 0;       // assigned by the store; 0 before it is stored
  std::string rule;     // the rule's name, e.g. "A2.21" or "cash_share"
  std::string factor;   // the annex 2 factor, e.g. "A2.21"
  std::string client_id;
  // The window the rule looked at (a day, a calendar month, N days ...): the
  // same rule, client and window never raise two alerts.
  Date window_start;
  Date window_end;
  Money amount;                     // the amount that crossed the parameter
  std::vector<std::string> tx_ids;  // the evidence, in booking order
  std::string explanation;          // which numbers crossed which parameter
  AlertStatus status = AlertStatus::kOpen;
  // When the store recorded it and last changed its status (UTC, ISO 8601);
  // empty for an alert that is not stored (a dry run, `monitor --input`).
  std::string created_at;
  std::string updated_at;

  // tx_ids separated by ';', as stored and printed.
  std::string TxIdList() const;
};

}  // namespace sargs
