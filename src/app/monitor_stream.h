// Use case: `sargs monitor --input`: the monitoring rules over data files,
// without a database — for back-tests over a year of an institution's
// transactions, or for a second opinion on another system's alerts.
//
// The importer validates the files exactly as `sargs import` would (same
// messages, same all-or-nothing rule) and hands each row to this sink, which
// keeps clients, persons and accounts as structs and transactions as compact
// records grouped by client (storage/tx_stage.h): ten million transactions
// take about a gigabyte, not the four a vector of Transaction would.
// Evaluate then runs the same rules as RunMonitor, one client at a time, and
// hands each alert to the caller as it is raised.
#pragma once

#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "app/importer.h"
#include "app/monitoring_run.h"
#include "base/string_table.h"
#include "storage/tx_stage.h"

namespace sargs {

class MonitorStream : public ImportSink {
 public:
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

  size_t transaction_count() const { return stage_.size(); }

  // Runs the rules over every client with transactions; `on_alert` receives
  // each alert (numbered from 1 in `id`) as it is raised. Counts go to the
  // report (its `alerts` stay empty). May be called again, e.g. with another
  // methodology for a back-test.
  Result<MonitorReport> Evaluate(const Scorer& scorer, const ReferenceData& ref, const MonitorOptions& options,
                                 const std::function<void(const Alert&)>& on_alert, bool progress);

 private:
  struct ClientData {
    Client client;
    std::vector<Person> persons;
    std::vector<Account> accounts;
  };
  ClientData& Data(std::string_view client_id);

  std::deque<ClientData> clients_;  // (a vector would copy a million clients as it grows)
  StringTable<uint32_t> index_;  // client id -> position in clients_
  ClientData* last_ = nullptr;   // the client Data found last (deque elements do not move)
  TxStage stage_;
  Transaction kept_;  // the fields the rules read of the transaction being added
  std::vector<TxStage::Group> groups_;  // stage_ sorted, once
  bool sorted_ = false;
};

}  // namespace sargs
