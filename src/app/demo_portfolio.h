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
};

// Writes a realistic, deterministic portfolio (same options → byte-identical
// output on every machine) as CSV with header rows.
//
// Identifiers: clients C0000001…, accounts are IBANs of the institution
// (LVkkSRGS…), transactions T0000000001…, external counterparties CP000123.
// Every person row has its own person_id (the import's unique key).
void GenerateDemoPortfolio(const DemoOptions& options, const DemoSinks& sinks);

}  // namespace sargs
