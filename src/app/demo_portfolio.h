// A deterministic demo and benchmark portfolio for the client risk engine.
//
// The generator writes a client base of a Latvian institution as the import
// CSV files (clients, persons, accounts, transactions, analyst facts, extra
// country links). It exists so that a demo shows every risk level and many
// enhanced-due-diligence reasons of FCMC regulation No. 135 with no real
// client data, and so that benchmarks run on the same data everywhere.
//
// Determinism is a contract: the same options give byte-identical files on
// every machine and standard library. That is why the generator uses its own
// PRNG and integer-only sampling (no std:: distributions, no floating point)
// and never reads the clock; `as_of` anchors every date.
//
// Each client is generated from its own random stream, keyed by the seed and
// the client's number, so a client's profile does not depend on how many
// transactions were asked for or on which files are written.
//
// Transactions are meant to look like an institution's ordinary book, so
// that the monitoring rules stay quiet on it: salaries, pensions, utility
// bills and card purchases for natural persons; customers, suppliers and
// taxes for companies; amounts sized by the client's planned turnover and
// below its transaction limit; cash only for natural persons (small ATM
// withdrawals) and for cash-intensive businesses (deposits); every client on
// IP addresses and counterparties of its own, except mass recipients such as
// utilities. On top of that background, each monitoring rule's pattern is
// injected into a known, deterministic set of clients (see
// DemoOptions::pattern_per_mille and DemoSinks::injected), clearly above the
// rule's default thresholds, so that a monitoring run has something to find
// and its result can be checked against the list of what was put there.
//
// Thread safety: GenerateDemoPortfolio keeps no global state; concurrent
// calls with different sinks are safe.
#pragma once

#include <cstdint>
#include <iosfwd>

#include "base/date.h"

namespace sargs {

struct DemoOptions {
  // Number of clients. Default: 2000.
  int64_t clients = 2000;
  // Number of transactions over all clients; 0 means 25 per client.
  // REQUIRES: >= 0. With no clients no transactions are written.
  int64_t transactions = 0;
  // Different seeds give different, equally realistic portfolios.
  uint64_t seed = 135;
  // The data covers the 15 months before as_of (inclusive); relationships
  // start up to ~20 years earlier. Nothing is dated after as_of.
  Date as_of;
  // How many clients in a thousand carry the pattern of each monitoring
  // rule (A2.20, A2.21, A2.23, A2.24, A2.26, A2.27, A2.29, A2.30, A2.46,
  // A2.48-A2.58 but A2.53-A2.55 count as three, A2.73: 21 patterns). Single-
  // client patterns are drawn per client; the cross-client ones (A2.30 ring,
  // A2.46 shared IP address, A2.57 common recipient, A2.73 same ATM) per
  // block of three consecutive clients, all three taking part. A client
  // carries at most one pattern. A pattern is written only where the
  // client's share of the transactions can hold it (A2.55 needs 14, the
  // others 3 to 10); the client's record is adjusted either way, so that
  // profiles never depend on the number of transactions. 0 injects nothing.
  // Default: 5 (about ten examples of each rule among 2000 clients).
  // REQUIRES: 0 <= pattern_per_mille <= 50.
  int pattern_per_mille = 5;
};

// Where each CSV goes; any may be null (not generated). Every file starts
// with its header row; rows end with "\n".
struct DemoSinks {
  std::ostream* clients = nullptr;
  std::ostream* persons = nullptr;
  std::ostream* accounts = nullptr;
  std::ostream* transactions = nullptr;
  std::ostream* facts = nullptr;
  std::ostream* links = nullptr;
  // The injected patterns, one row per rule and client:
  // rule,client_id,window_start,window_end — the rule whose pattern the
  // client's transactions carry between those dates (inclusive). Not an
  // import file.
  std::ostream* injected = nullptr;
};

// Writes a realistic, deterministic portfolio (same options → byte-identical
// output on every machine) as CSV with header rows.
//
// Identifiers: clients C0000001…, accounts are IBANs of the institution
// (LVkkSRGS…, with real check digits), transactions T0000000001… (each
// client's in booking-time order), external counterparties CP000123 (more
// digits in large portfolios); a transfer between two clients names the
// other client as counterparty_id.
// Every person row has its own person_id (the import's unique key).
// The first day of the portfolio's transaction data (15 months before
// as_of): its history is complete from then, not before — what
// `sargs import --history-complete-from` says for it.
Date DemoHistoryStart(Date as_of);

void GenerateDemoPortfolio(const DemoOptions& options, const DemoSinks& sinks);

}  // namespace sargs
