// Store: Sargs' persistent state in an embedded SQLite database — clients and
// their people, accounts, transactions, analyst facts, country links,
// reviews, the history of scores, and the sanctions lists with screening
// hits and decisions.
//
// Transactions are stored as compact records in per-client blocks
// (storage/tx_record.h), with an index from transaction id to client kept in
// 65 536 hash buckets: a bulk import writes about one SQLite row per client
// instead of one per transaction (plus two B-tree keys), and scoring a whole
// portfolio is one ordered scan that meets each client's transactions as a
// few blobs.
//
// Thread safety: one Store per thread.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/result.h"
#include "model/client.h"
#include "model/transaction.h"
#include "monitoring/alert.h"
#include "scoring/activity.h"
#include "scoring/scorer.h"
#include "screening/screening_types.h"
#include "storage/sqlite/sqlite.h"
#include "storage/tx_record.h"
#include "storage/tx_stage.h"

namespace sargs {

// Everything the scorer needs about one client.
struct ClientRecord {
  Client client;
  std::vector<Person> persons;
  std::vector<Fact> facts;
  std::vector<CountryLink> links;
  std::vector<Review> reviews;
  std::vector<Alert> open_alerts;
  ClientActivity activity;

  ScoreInput Input() const { return ScoreInput{&client, persons, facts, links, reviews, &activity, open_alerts}; }
};

// One line of an alert's audit log.
struct AlertAuditEntry {
  int64_t alert_id = 0;
  std::string action;  // raised, confirmed, dismissed
  std::string note;
  std::string author;
  std::string at;      // UTC, ISO 8601
};

// One stored score (a row of the score history).
struct StoredScore {
  int64_t id = 0;
  std::string client_id;
  std::string as_of;
  std::string methodology_version;
  std::string fingerprint;
  int score = 0;
  std::string risk_level;
  bool edd_required = false;
  std::string edd_reasons;
  std::string factors;
  std::string scored_at;
};

class Store {
 public:
  // Opens (creating when needed) the database and brings its schema up to date.
  static Result<Store> Open(const std::string& path);

  // `bulk`: a large import, written through a rollback journal (see store.cc).
  Result<bool> Begin(bool bulk = false);
  // Writes the staged transactions, then commits.
  Result<bool> Commit();
  // Also discards the staged transactions.
  void Rollback();

  // Upserts by id (clients, persons, accounts, transactions) or by natural key
  // (facts: client+factor+observed_on; links: client+party+country; reviews:
  // client+kind+date).
  Result<bool> Put(const Client& c);
  Result<bool> Put(const Person& p);
  Result<bool> Put(const Account& a);
  // Transactions are staged in memory and written, grouped by client, by
  // FlushTransactions — which Commit and every reader of transactions call.
  Result<bool> Put(const Transaction& t);
  Result<bool> Put(const Fact& f);
  Result<bool> Put(const CountryLink& l);
  Result<bool> Put(const Review& r);

  Result<bool> HasClient(const std::string& id);
  // The client an account belongs to, or nullopt for an unknown account.
  Result<std::optional<std::string>> AccountOwner(const std::string& account_id);
  Result<std::vector<Account>> ClientAccounts(const std::string& client_id);
  // Rows of a table; "transactions" counts the stored transactions.
  Result<int64_t> Count(const std::string& table);

  Result<bool> FlushTransactions();
  // Staged transactions are written when they pass this many bytes, so an
  // import of any size needs a bounded amount of memory. A file sorted by
  // client gives each client one block whatever the limit; an unsorted one
  // gives a client up to one block per flush (the next import that adds to
  // such a client merges its blocks).
  static constexpr size_t kDefaultStageLimit = size_t{512} << 20;
  void set_stage_limit(size_t bytes) { stage_limit_ = bytes; }
  Result<int64_t> TransactionCount();
  // A client's transactions in booking order (date, second, id).
  Result<std::vector<Transaction>> ClientTransactions(const std::string& client_id);
  Result<std::optional<Transaction>> FindTransaction(const std::string& tx_id);
  // Clients with blocks written in a batch after `batch` (in id order), and
  // the highest batch number stored (0 when none).
  Result<std::vector<std::string>> ClientsChangedSince(int64_t batch);
  Result<int64_t> LastTransactionBatch();
  // The earliest booking date among the blocks written after `batch`.
  Result<std::optional<Date>> EarliestBookingAfter(int64_t batch);
  // What the cross-client monitoring rules read about everyone: every
  // client's id, type, name and birth date; every UBO and representative
  // (id, client, role, name, birth date); every account (id, client); and
  // every transaction booked on or after `since` (all when nullopt), client
  // by client, in no particular order within a client.
  Result<bool> ForEachClientIdentity(const std::function<void(const Client&)>& fn);
  Result<bool> ForEachKeyPerson(const std::function<void(const Person&)>& fn);
  Result<bool> ForEachAccount(const std::function<void(const Account&)>& fn);
  Result<bool> ForEachTransaction(std::optional<Date> since, const std::function<void(const Transaction&)>& fn);
  // From which day this database's transaction history is complete, as the
  // importer was told (`sargs import --history-complete-from`); nullopt when
  // it was never said, meaning complete.
  Result<std::optional<Date>> HistoryCompleteFrom();
  Result<bool> SetHistoryCompleteFrom(Date d);

  // Calls `fn` for each client (in id order) with its inputs as of `as_of`;
  // `only` restricts the pass to the given clients. Stops at the first error.
  Result<int64_t> ForEachClient(Date as_of, int main_share_percent,
                                const std::unordered_set<std::string>* only,
                                const std::function<Result<bool>(ClientRecord&)>& fn);

  // Appends a score to the history unless the client's latest stored score
  // has the same as-of date, methodology version and input fingerprint.
  // `detail_json` is called only when a row is written: most re-scoring
  // changes nothing, and the explanation is the costly part of a row.
  // Returns true when a row was written.
  Result<bool> SaveScore(const ClientScore& s, const std::function<std::string()>& detail_json);
  Result<std::vector<StoredScore>> ScoreHistory(const std::string& client_id);

  // Monitoring alerts (alert_store.cc). AddAlert returns the new id, or
  // nullopt when the same rule, client and window already has an alert.
  // Stores `a` unless an alert with its rule, client and window exists:
  // true and `a`'s id and timestamps set when it was new, false otherwise.
  Result<bool> AddAlert(Alert& a);
  Result<std::vector<Alert>> Alerts(std::optional<AlertStatus> status, std::optional<int64_t> id = std::nullopt);
  // Confirms (recording the factor as a fact) or dismisses (a note is
  // required) an open alert; the decision goes to the audit log.
  Result<Alert> CloseAlert(int64_t alert_id, AlertStatus decision, const std::string& note, const std::string& author);
  Result<std::vector<AlertAuditEntry>> AlertAudit(int64_t alert_id);
  // The last transaction batch the monitor has evaluated.
  Result<int64_t> MonitorWatermark();
  Result<bool> SetMonitorWatermark(int64_t batch);

  // Sanctions lists and screening (sanction_store.cc).
  //
  // Stores `list` as the next version of its source, in one database
  // transaction (inside the caller's, when there is one), and returns its
  // difference from the version in force. A list the same as the one in force
  // still records a version, with an empty difference. Only the entities that
  // changed are written: each stored entity content is valid from the version
  // that added it until the one that changed or removed it, so every version
  // can be explained later while an unchanged daily republication costs one
  // row. Hits against removed entries are deleted. Fails, writing nothing,
  // on a list without source, with an empty or repeated entity id, or with
  // an entry of another source.
  // `loaded_at`: UTC, ISO 8601; the store's clock when empty.
  Result<ListUpdate> StoreListVersion(const SanctionList& list, const std::vector<std::string>& files,
                                      const std::string& loaded_at = "");
  // A source's versions, oldest first.
  Result<std::vector<ListVersionInfo>> ListVersions(const std::string& source);
  // The entities of the version in force, by entity id (empty when none was
  // loaded). An entity's `line` is in the file of the version that stored
  // its current content.
  Result<SanctionList> CurrentList(const std::string& source);

  // Appends a decision (the log is append-only; the newest decision on a pair
  // counts). Requires an analyst, and a note for a false positive; `d.id` and
  // an empty `decided_at` are set.
  Result<bool> PutScreeningDecision(ScreeningDecision& d);
  Result<std::optional<ScreeningDecision>> LatestDecision(const ScreeningPair& pair);
  Result<std::vector<ScreeningDecision>> DecisionHistory(const ScreeningPair& pair);  // oldest first

  // Replaces the hit on `hit.pair`; RemoveScreeningHit forgets it (the party
  // or entry changed and no longer matches).
  Result<bool> PutScreeningHit(const ScreeningHit& hit);
  Result<bool> RemoveScreeningHit(const ScreeningPair& pair);
  // Every stored hit with its newest decision, by party and entry.
  Result<std::vector<ScreeningHit>> ScreeningHits();

  // Every party to screen: clients, then their persons (all four roles),
  // then the counterparties of all stored transactions, one per counterparty
  // id (else per account and name, else per name), with the name, country
  // and client of its latest transaction and its other spellings.
  // Transactions without a counterparty name are skipped.
  Result<bool> ForEachScreeningParty(const std::function<void(const ScreeningParty&)>& fn);

  sqlite::Database& db() { return db_; }

 private:
  explicit Store(sqlite::Database db) : db_(std::move(db)) {}
  Result<bool> Migrate();
  Result<sqlite::Statement*> Prepared(const char* key, std::string_view sql);
  Result<bool> MigrateTransactionsTable();
  Result<bool> EndBulk();
  Result<bool> AuditAlert(int64_t alert_id, const std::string& action, const std::string& note,
                          const std::string& author);

  // Writing transactions (tx_store.cc).
  Result<bool> FinishTransactions();  // flush, then write the id index
  void ResetTransactionState();
  Result<bool> WriteFresh(const std::vector<TxStage::Group>& groups);
  Result<bool> WriteMerged(const std::vector<TxStage::Group>& groups);
  Result<bool> WriteBlocks(std::string_view client, int64_t seq, const std::vector<TimedRecord>& run);
  Result<bool> WritePendingIds();
  Result<bool> NoteChange(std::string_view client);  // tx_changes: `client` changed in this batch
  Result<bool> CheckDistinctIds(uint64_t hash, uint32_t client_a, uint32_t client_b);
  template <typename Entries>
  void RememberWritten(const Entries& entries);
  // Calls fn with the blob of each of a client's blocks, in order.
  Result<bool> ForEachBlock(const std::string& client_id, const std::function<Result<bool>(std::string_view)>& fn);

  sqlite::Database db_;
  std::unordered_map<std::string, sqlite::Statement> statements_;
  std::unordered_map<std::string, std::string> latest_;  // client -> "as_of|version|fingerprint"
  bool latest_loaded_ = false;
  bool bulk_ = false;  // in a bulk transaction, with a rollback journal

  TxStage stage_;
  size_t stage_limit_ = kDefaultStageLimit;
  // Whether the database held no transactions when the current database
  // transaction first wrote some (decided at the first flush).
  std::optional<bool> tx_fresh_;
  std::optional<int64_t> tx_batch_;  // the batch number of the blocks written now
  using PendingIds = std::vector<std::pair<uint64_t, uint32_t>, HugePageAllocator<std::pair<uint64_t, uint32_t>>>;
  PendingIds pending_ids_;                                   // fresh: (id hash, stage client) for the index
  std::vector<int64_t> next_seq_;                            // fresh: next block number per stage client
  std::string block_;                                        // the block being written
  std::vector<uint64_t> written_;  // merged path: id hashes written in this transaction, sorted
};

}  // namespace sargs
