// Store: Sargs' persistent state in an embedded SQLite database — clients and
// their people, accounts, transactions, analyst facts, country links,
// reviews, and the history of scores.
//
// Transactions are clustered by (client_id, booked_on) so that scoring a
// whole portfolio is one sequential scan that meets each client's rows
// together; a unique index on the transaction id keeps re-imports idempotent.
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
#include "scoring/activity.h"
#include "scoring/scorer.h"
#include "storage/sqlite/sqlite.h"

namespace sargs {

// Everything the scorer needs about one client.
struct ClientRecord {
  Client client;
  std::vector<Person> persons;
  std::vector<Fact> facts;
  std::vector<CountryLink> links;
  std::vector<Review> reviews;
  ClientActivity activity;

  ScoreInput Input() const { return ScoreInput{&client, persons, facts, links, reviews, &activity}; }
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

  Result<bool> Begin();
  Result<bool> Commit();
  void Rollback();

  // Upserts by id (clients, persons, accounts, transactions) or by natural key
  // (facts: client+factor+observed_on; links: client+party+country; reviews:
  // client+kind+date).
  Result<bool> Put(const Client& c);
  Result<bool> Put(const Person& p);
  Result<bool> Put(const Account& a);
  Result<bool> Put(const Transaction& t, std::string_view booked_at_text);
  Result<bool> Put(const Fact& f);
  Result<bool> Put(const CountryLink& l);
  Result<bool> Put(const Review& r);

  Result<bool> HasClient(const std::string& id);
  // The client an account belongs to, or nullopt for an unknown account.
  Result<std::optional<std::string>> AccountOwner(const std::string& account_id);
  Result<int64_t> Count(const std::string& table);

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

  sqlite::Database& db() { return db_; }

 private:
  explicit Store(sqlite::Database db) : db_(std::move(db)) {}
  Result<bool> Migrate();
  Result<sqlite::Statement*> Prepared(const char* key, std::string_view sql);

  sqlite::Database db_;
  std::unordered_map<std::string, sqlite::Statement> statements_;
  std::unordered_map<std::string, std::string> latest_;  // client -> "as_of|version|fingerprint"
  bool latest_loaded_ = false;
};

}  // namespace sargs
