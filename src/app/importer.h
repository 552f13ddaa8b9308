// Import of client data files (CSV or JSON Lines) into the Store.
//
// An import is all or nothing: every file is validated row by row inside one
// database transaction, every problem is collected (up to a cap) as
// FILE:LINE:COLUMN: field: reason, and the transaction is committed only when
// there was none. Re-importing the same rows is idempotent (upsert by id).
// docs/formats.md documents every column.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/result.h"
#include "reference/reference_data.h"
#include "storage/store.h"

namespace sargs {

enum class ImportKind { kClients, kPersons, kAccounts, kTransactions, kFacts, kLinks, kReviews };
inline constexpr int kImportKindCount = 7;
const char* ToString(ImportKind kind);
Result<ImportKind> ParseImportKind(std::string_view name);

struct ImportOptions {
  std::optional<ImportKind> kind;  // Default: from each file's name
  int max_errors = 100;            // stop collecting after this many problems
  bool progress = false;           // draw a progress bar on stderr
  // No accounts file: an account first seen in a transaction belongs to
  // that transaction's client (later rows must agree). Default: off, an
  // unknown account is an error.
  bool accounts_from_transactions = false;
  // When set, the database records that its transaction history is complete
  // from this day (Store::SetHistoryCompleteFrom), with the import.
  std::optional<Date> history_complete_from;
};

struct ImportReport {
  std::vector<Error> errors;  // empty when the import was committed
  bool truncated = false;     // more errors than max_errors
  std::array<int64_t, kImportKindCount> rows{};
  std::unordered_set<std::string> affected_clients;
};

// Where validated rows go. The Store is one; `sargs monitor --input` keeps
// them in memory instead. A sink also answers whether a client or account
// exists outside the files being read (the database's, for the Store).
class ImportSink {
 public:
  virtual ~ImportSink() = default;
  virtual Result<bool> HasClient(const std::string& id) = 0;
  virtual Result<std::optional<std::string>> AccountOwner(const std::string& account_id) = 0;
  virtual Result<bool> Put(const Client& c) = 0;
  virtual Result<bool> Put(const Person& p) = 0;
  virtual Result<bool> Put(const Account& a) = 0;
  virtual Result<bool> Put(const Transaction& t) = 0;
  virtual Result<bool> Put(const Fact& f) = 0;
  virtual Result<bool> Put(const CountryLink& l) = 0;
  virtual Result<bool> Put(const Review& r) = 0;
};

// The kind of each file, from --kind or its name, in dependency order
// (clients before accounts before transactions ...).
Result<std::vector<std::pair<ImportKind, std::string>>> PlanImport(const std::vector<std::string>& files,
                                                                  const ImportOptions& options);

// Validates `plan`'s files row by row and hands each clean row to `sink`
// while no problem has been found. Returns an Error only when the files
// could not be read at all or the sink failed; data problems are in the
// report (and then the sink has been given only part of the rows).
Result<ImportReport> ReadFiles(ImportSink& sink, const std::vector<std::pair<ImportKind, std::string>>& plan,
                               const ImportOptions& options, const ReferenceData& ref);

// Imports `files` in dependency order (clients before accounts before
// transactions ...). Returns an Error only when the import could not run at
// all (unreadable file, database failure); data problems are in the report.
Result<ImportReport> ImportFiles(Store& store, const std::vector<std::string>& files,
                                 const ImportOptions& options, const ReferenceData& ref);

}  // namespace sargs
