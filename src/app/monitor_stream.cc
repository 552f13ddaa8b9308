#include "app/monitor_stream.h"

#include <algorithm>

#include "base/progress.h"
#include "monitoring/client_rules.h"
#include "monitoring/cross_client_data.h"
#include "scoring/activity.h"
#include "storage/tx_record.h"

namespace sargs {

MonitorStream::ClientData& MonitorStream::Data(std::string_view client_id) {
  // The importer has checked that every reference names a client read before.
  return clients_[index_.Find(client_id)->value];
}

Result<bool> MonitorStream::Put(const Client& c) {
  auto [slot, added] = index_.Insert(c.id, static_cast<uint32_t>(clients_.size()));
  if (added) clients_.emplace_back();
  clients_[slot->value].client = c;
  return true;
}

Result<bool> MonitorStream::Put(const Person& p) {
  Data(p.client_id).persons.push_back(p);
  return true;
}

Result<bool> MonitorStream::Put(const Account& a) {
  Data(a.client_id).accounts.push_back(a);
  return true;
}

Result<bool> MonitorStream::Put(const Transaction& t) {
  stage_.Add(t);
  sorted_ = false;
  return true;
}

Result<MonitorReport> MonitorStream::Evaluate(const Scorer& scorer, const ReferenceData& ref,
                                              const MonitorOptions& options,
                                              const std::function<void(const Alert&)>& on_alert, bool progress) {
  if (!sorted_) {
    groups_ = stage_.Sorted();
    stage_.ReleaseSpare();
    sorted_ = true;
  }
  std::optional<Date> earliest;
  for (const TxStage::Entry& e : stage_.entries()) {
    const Date day{std::chrono::days(e.day)};
    if (!earliest || day < *earliest) earliest = day;
  }
  const Methodology m = MonitoringMethodology(scorer.methodology(), earliest);
  MonitorReport report;
  const bool cross = AnyCrossClientRule(m.monitoring);
  CrossClientData cross_data;
  if (cross) {
    for (const ClientData& d : clients_) {
      cross_data.AddClient(d.client);
      for (const Person& p : d.persons) cross_data.AddPerson(p);
      for (const Account& a : d.accounts) cross_data.AddAccount(a.id, a.client_id);
    }
  }
  Progress bar(progress, "monitoring", groups_.size(), "clients");
  std::vector<Transaction> txs;
  int64_t alerts_raised = 0;
  for (const TxStage::Group& g : groups_) {
    ClientData& data = Data(g.client_id);
    txs.resize(g.entries.size());
    size_t n = 0;
    for (const TxStage::Entry& e : g.entries) {
      const Date day{std::chrono::days(e.day)};
      if ((options.from && day < *options.from) || (options.to && day > *options.to)) continue;
      Transaction& t = txs[n];
      TxRecordReader reader(stage_.Record(e));
      if (!TRY(reader.Next(t))) return Fail("corrupt staged transaction of client " + std::string(g.client_id));
      t.client_id = g.client_id;
      // A transaction's reference for the cross-client rules is its entry.
      if (cross) cross_data.AddTransaction(t, static_cast<uint64_t>(&e - stage_.entries().data()));
      ++n;
    }
    ++report.clients;
    report.transactions += static_cast<int64_t>(n);
    bar.Update(static_cast<uint64_t>(report.clients), report.transactions);
    if (n == 0) continue;
    std::span<const Transaction> view(txs.data(), n);
    MonitoredClient client;
    client.client = &data.client;
    client.accounts = data.accounts;
    if (NeedsAnnex1Check(data.client)) {
      ClientActivity activity = SummariseActivity(view, m.params.main_counterparty_share_percent);
      client.has_annex1_factors = HasAnnex1Factors(
          scorer, ScoreInput{&data.client, data.persons, {}, {}, {}, &activity, {}}, options.as_of);
    }
    for (Alert& a : EvaluateClient(client, view, m, ref)) {
      a.id = ++alerts_raised;
      ++report.by_rule[a.rule];
      on_alert(a);
    }
  }
  bar.Done(report.transactions);
  if (cross) {
    auto alerts = TRY(cross_data.Evaluate(m.monitoring, [&](uint64_t entry) {
      auto key = PeekTxRecord(stage_.Record(stage_.entries()[entry]));
      return key ? std::string(key->id) : std::string();
    }));
    for (Alert& a : alerts) {
      a.id = ++alerts_raised;
      ++report.by_rule[a.rule];
      on_alert(a);
    }
  }
  return report;
}

}  // namespace sargs
