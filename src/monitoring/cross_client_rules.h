// The cross-client monitoring rules: the annex 2 factors of FCMC regulation
// No. 135 that only the transactions of several clients together can show.
//
//   A2.24 many small incoming payments from several payers, then one large
//         payment on to another recipient (graph.h FindFanInThenOut, on
//         accounts);
//   A2.30 money that leaves a client and comes back to the same client's
//         accounts (graph.h FindCycles, on clients and outside accounts);
//   A2.46 one IP address used by several unrelated clients in a month;
//   A2.57 several clients pay the same recipient account in a month, unless
//         the recipient is a mass-market one;
//   A2.73 several unrelated clients withdraw significant cash at the same
//         ATM within minutes.
//
// EvaluateCrossClient is a pure function of the institution's transactions
// (all clients at once) and the [monitoring] parameters. The caller interns
// every string to a dense number first: the engine then works on compact
// records and plain arrays indexed by those numbers, which is what lets it
// take ten million transactions in one pass of memory (see the .cc).
//
// Alert identity and windows. An alert is unique on (rule, client, window),
// and a run over grown data must raise the same windows again rather than
// near-duplicates, so every window is fixed by the calendar or by the
// pattern itself, never by the day of the run:
//   A2.46, A2.57  the calendar month;
//   A2.73         the day of the withdrawals;
//   A2.24         first counted incoming payment .. the onward payment;
//   A2.30         first .. last transfer of the ring's earliest trip.
// Several findings of one rule with the same client and window (two rings
// on the same dates, two shared addresses in one month) are one alert: its
// evidence is their union and its explanation lists each.
//
// Evidence is every transaction of the pattern, those of the other clients
// included, in booking order: an alert about a shared address or a ring
// cannot be judged from one side of it. The alert's amount is the client's
// own part (A2.46, A2.57, A2.73), the onward payment (A2.24) or the amount
// that went round (A2.30, the ring's first transfer).
//
// Thread safety: no shared state; call it from any thread.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/money.h"
#include "base/result.h"
#include "model/transaction.h"
#include "monitoring/alert.h"
#include "monitoring/monitoring_params.h"

namespace sargs {

// "No number": an empty field (no counterparty account, no IP, no ATM) or
// an account that is not the institution's.
inline constexpr uint32_t kNoNumber = UINT32_MAX;

// One booked transaction of one of the institution's accounts, with its
// strings replaced by the caller's dense numbers. 48 bytes.
struct CrossTx {
  // The institution's account the transaction is booked on; its owner is
  // account_owner[account]. Accounts, the institution's and outside ones,
  // share one number space so that a transfer between two clients names
  // the same account from both sides.
  uint32_t account = kNoNumber;
  uint32_t counterparty_account = kNoNumber;  // kNoNumber when the data has none
  uint32_t ip = kNoNumber;                    // internet-bank address; kNoNumber when none
  uint32_t atm = kNoNumber;                   // ATM id; kNoNumber when none
  // Booking date and, when the source gave one, the second of the day.
  // A2.73 needs the second and skips withdrawals without one; the other
  // rules work on dates.
  BookingTime booked;
  Money amount;  // EUR equivalent; REQUIRES: >= 0
  Direction direction = Direction::kCredit;
  Channel channel = Channel::kTransfer;
};

struct CrossClientInput {
  // Every transaction of the period, of every client, in any order. A
  // transaction is named by its position here (evidence, tx_id).
  // REQUIRES: fewer than 2^32 - 1.
  std::span<const CrossTx> transactions;
  // Account number -> client number, kNoNumber for accounts outside the
  // institution. A transfer between two of the institution's accounts is in
  // the data twice, as the payer's debit and the payee's credit; the graph
  // rules count it once, as the debit, so both sides must be present.
  std::span<const uint32_t> account_owner;
  // Client number -> related-group number (reg. 135 point 5.7): clients
  // with equal numbers are related. A client on its own may use its own
  // number. REQUIRES: every group number < number of clients.
  std::span<const uint32_t> related_group;
  // Client number -> client id; its size is the number of clients.
  std::span<const std::string_view> client_ids;
  // Account number -> account id (IBAN); same size as account_owner. For
  // explanations and allowed_accounts.
  std::span<const std::string_view> accounts;
  std::span<const std::string_view> ips;   // IP number -> address; for explanations and allowed_ips
  std::span<const std::string_view> atms;  // ATM number -> id; for explanations
  // Position in `transactions` -> the transaction's id, for the evidence.
  // Called only for the transactions of alerts.
  std::function<std::string(uint32_t position)> tx_id;
};

// The alerts of every enabled cross-client rule, ordered by rule (A2.24,
// A2.30, A2.46, A2.57, A2.73), then client number, then window. An error
// when the input breaks one of the REQUIRES above (a number out of range, a
// negative amount); the parameters are taken as validated by the
// methodology parser, and an out-of-range one is an error too.
//
// Cost: O(N + A + I + T) time and memory for N transactions, A accounts,
// I addresses and T ATMs, plus the sorts of the few groups that pass the
// cheap first test and the graph detectors' own cost (graph.h).
Result<std::vector<Alert>> EvaluateCrossClient(const CrossClientInput& input, const MonitoringParams& params);

}  // namespace sargs
