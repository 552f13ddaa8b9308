// Use case: `sargs monitor --input`: the monitoring rules over data files,
// without a database — for back-tests over a year of an institution's
// transactions, or for a second opinion on another system's alerts.
//
// The importer validates the files exactly as `sargs import` would (same
// messages, same all-or-nothing rule) and hands each row to a MonitorStream.
// MonitorFiles is the whole use case; MonitorStream is its engine room and
// works in one of two ways:
//
//  - Streamed (the constructor with passes): transaction files are nearly
//    always grouped by client, so each client is evaluated as soon as its
//    rows end, and only what the cross-client rules need stays in memory.
//    Alerts wait in memory until Finish, which the caller reaches only when
//    every file was clean: a bad row near the end still means no alerts.
//    A client whose rows come in two runs makes the stream `ungrouped()`.
//  - Staged (the default constructor): every transaction is kept as a
//    compact record grouped by client (storage/tx_stage.h), and Evaluate
//    runs the rules afterwards, as often as wanted. This serves files in any
//    order, at about a gigabyte per ten million transactions.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "app/importer.h"
#include "app/monitoring_run.h"
#include "base/huge_page_allocator.h"
#include "base/string_table.h"
#include "monitoring/cross_client_data.h"
#include "storage/tx_stage.h"

namespace sargs {

using AlertSink = std::function<void(const Alert&)>;

class MonitorStream : public ImportSink {
 public:
  // Staged.
  MonitorStream() = default;
  // Streamed: one pass of the rules per scorer (its methodology), all with
  // `options`; `expected_transactions` (an estimate, may be 0) sizes the
  // cross-client arrays up front.
  MonitorStream(std::vector<const Scorer*> passes, const ReferenceData& ref, const MonitorOptions& options,
                size_t expected_transactions);

  // Everything comes from the files: no client or account exists besides.
  Result<bool> HasClient(const std::string&) override { return false; }
  Result<std::optional<std::string>> AccountOwner(const std::string&) override { return std::nullopt; }
  Result<bool> Put(const Client& c) override;
  Result<bool> Put(const Person& p) override;
  Result<bool> Put(const Account& a) override;
  Result<bool> Put(const Transaction& t) override;
  // Facts, links and reviews do not change what the rules see.
  Result<bool> Put(const Fact&) override { return true; }
  Result<bool> Put(const CountryLink&) override { return true; }
  Result<bool> Put(const Review&) override { return true; }

  // Staged: the transactions kept. Streamed: those read.
  size_t transaction_count() const { return streamed_ ? read_ : stage_.size(); }
  // Streamed: a client's transactions did not come in one run (Put then
  // fails); the files need the staged way.
  bool ungrouped() const { return ungrouped_; }

  // Staged: runs the rules over every client with transactions; `on_alert`
  // receives each alert (numbered from 1 in `id`) as it is raised. Counts go
  // to the report (its `alerts` stay empty). May be called again, e.g. with
  // another methodology for a back-test.
  Result<MonitorReport> Evaluate(const Scorer& scorer, const ReferenceData& ref, const MonitorOptions& options,
                                 const AlertSink& on_alert, bool progress);
  // Streamed, once the files are read and clean: the alerts of pass `pass`,
  // in the order Evaluate would raise them (clients in id order, then the
  // cross-client rules).
  Result<MonitorReport> Finish(size_t pass, const AlertSink& on_alert, bool progress);

 private:
  // A client, its persons and accounts as the rules see them.
  struct Party {
    Client client;
    std::vector<Person> persons;
    std::vector<Account> accounts;
  };
  // Where a client's records are (storage/party_record.h): a million
  // clients as structs of strings would take most of a gigabyte.
  struct ClientData {
    uint64_t client = 0;  // its record in parties_
    uint64_t first_person = kNone, last_person = kNone;  // its persons, chained
    uint64_t first_account = kNone, last_account = kNone;
    bool evaluated = false;  // streamed: its rows have ended
  };
  static constexpr uint64_t kNone = UINT64_MAX;
  // The state of one methodology's run.
  struct Pass {
    const Scorer* scorer = nullptr;
    Methodology m;
    bool cross = false;  // some cross-client rule is on
    MonitorReport report;
    std::vector<Alert> alerts;  // streamed: the single-client ones, until Finish
  };
  ClientData& Data(std::string_view client_id);
  // Appends a record (after a chain link when `chain`) and returns where it is.
  uint64_t Append(const std::string& record, bool chain);
  // Appends record_ to the chain that runs from `first` to `last`.
  void AppendToChain(uint64_t& first, uint64_t& last);
  // Decodes a client's records into `party`.
  Result<bool> Load(const ClientData& data, Party& party) const;
  Pass MakePass(const Scorer& scorer, const MonitorOptions& options) const;
  // The single-client rules of `pass` over one client's transactions (those
  // within the run's dates), each alert to `out`.
  void EvaluateClientOf(Pass& pass, const Party& party, std::span<const Transaction> txs,
                        const std::function<void(Alert&)>& out) const;
  // Streamed: evaluates the client whose rows have just ended.
  Result<bool> EndGroup();
  // Feeds the cross-client data from the clients, persons and accounts.
  Result<bool> AddParties(CrossClientData& cross);
  Result<bool> RunCrossClient(Pass& pass, CrossClientData& cross, const std::function<std::string(uint64_t)>& tx_id,
                      const std::function<void(Alert&)>& out, bool progress) const;

  std::deque<ClientData> clients_;  // in the order read (a deque never moves its elements)
  StringTable<uint32_t> index_;  // client id -> position in clients_
  std::string last_id_;          // the client Data found last
  ClientData* last_ = nullptr;
  // The records, in chunks that never move (offset = chunk << 32 | position).
  std::vector<std::string> parties_;
  std::string record_;  // the record being written
  Party party_;         // the client being evaluated
  Transaction kept_;  // the fields the rules read of the transaction being added

  // Staged.
  TxStage stage_;
  std::vector<TxStage::Group> groups_;  // stage_ sorted, once
  bool sorted_ = false;

  // Streamed.
  bool streamed_ = false;
  bool ungrouped_ = false;
  const ReferenceData* ref_ = nullptr;
  MonitorOptions options_;
  std::vector<Pass> passes_;
  bool cross_ = false;  // some pass has a cross-client rule
  CrossClientData cross_data_;
  ClientData* group_ = nullptr;  // the client whose rows are being read
  std::string group_id_;
  std::vector<Transaction> group_txs_;  // its transactions within the run's dates (reused)
  size_t group_size_ = 0;
  std::vector<uint64_t> group_refs_;
  // The ids of the transactions the cross-client rules kept, each after its
  // length: alerts name them by their offset here.
  std::vector<char, HugePageAllocator<char>> tx_ids_;
  std::string id_prefix_;  // the length prefix being written (reused)
  size_t read_ = 0;
  bool finished_ = false;
};

// A pass of MonitorFiles: a methodology's rules, where its alerts go, and
// (filled in) its counts.
struct MonitorPass {
  const Scorer* scorer = nullptr;
  AlertSink on_alert;
  MonitorReport report;
};

// Validates `plan`'s files as `sargs import` would and, when they are clean,
// runs each pass's rules over them. Streamed when the transaction file is
// grouped by client, staged otherwise (then the files are read twice).
// Data problems are in the returned report, and then no pass has run.
Result<ImportReport> MonitorFiles(const std::vector<std::pair<ImportKind, std::string>>& plan,
                                  const ImportOptions& read_options, const ReferenceData& ref,
                                  const MonitorOptions& options, std::vector<MonitorPass>& passes);

}  // namespace sargs
