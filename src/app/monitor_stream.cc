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
  // Files are usually grouped by client: the last one is checked first.
  if (last_ == nullptr || last_->client.id != client_id) last_ = &clients_[index_.Find(client_id)->value];
  return *last_;
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
  // No rule reads the currency or the device, and the counterparty's name
  // matters only where it is all that identifies the counterparty (scoring's
  // main counterparties): leaving the rest out keeps ten million
  // transactions a few hundred megabytes smaller.
  kept_.id = t.id;
  kept_.account_id = t.account_id;
  kept_.client_id = t.client_id;
  kept_.booked = t.booked;
  kept_.direction = t.direction;
  kept_.amount = t.amount;
  kept_.channel = t.channel;
  kept_.counterparty_id = t.counterparty_id;
  kept_.counterparty_account = t.counterparty_account;
  kept_.counterparty_name.clear();
  if (t.counterparty_id.empty() && t.counterparty_account.empty()) kept_.counterparty_name = t.counterparty_name;
  kept_.counterparty_country = t.counterparty_country;
  kept_.purpose = t.purpose;
  kept_.ip = t.ip;
  kept_.atm_id = t.atm_id;
  stage_.Add(kept_);
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
  const Methodology m = MonitoringMethodology(scorer.methodology(), options.history_complete_from);
  MonitorReport report;
  const bool cross = AnyCrossClientRule(m.monitoring);
  CrossClientData cross_data;
  if (cross) {
    cross_data.Reserve(stage_.size());
    for (const ClientData& d : clients_) {
      cross_data.AddClient(d.client);
      for (const Person& p : d.persons) cross_data.AddPerson(p);
      for (const Account& a : d.accounts) cross_data.AddAccount(a.id, a.client_id);
    }
  }
  Progress bar(progress, "monitoring", groups_.size(), "clients");
  std::vector<Transaction> txs;
  std::vector<uint64_t> refs;
  int64_t alerts_raised = 0;
  for (const TxStage::Group& g : groups_) {
    ClientData& data = Data(g.client_id);
    txs.resize(g.entries.size());
    refs.resize(g.entries.size());
    size_t n = 0;
    for (const TxStage::Entry& e : g.entries) {
      const Date day{std::chrono::days(e.day)};
      if ((options.from && day < *options.from) || (options.to && day > *options.to)) continue;
      Transaction& t = txs[n];
      TxRecordReader reader(stage_.Record(e));
      if (!TRY(reader.Next(t))) return Fail("corrupt staged transaction of client " + std::string(g.client_id));
      t.client_id = g.client_id;
      // A transaction's reference for the cross-client rules is its entry.
      if (cross) refs[n] = static_cast<uint64_t>(&e - stage_.entries().data());
      ++n;
    }
    ++report.clients;
    report.transactions += static_cast<int64_t>(n);
    bar.Update(static_cast<uint64_t>(report.clients), report.clients);
    if (n == 0) continue;
    std::span<const Transaction> view(txs.data(), n);
    if (cross) cross_data.AddTransactions(view, std::span<const uint64_t>(refs.data(), n));
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
  bar.Done(report.clients);
  if (cross) {
    Progress cross_bar(progress, "cross-client rules", 1, "passes");
    cross_bar.Update(0, 0);
    auto alerts = TRY(cross_data.Evaluate(m.monitoring, [&](uint64_t entry) {
      auto key = PeekTxRecord(stage_.Record(stage_.entries()[entry]));
      return key ? std::string(key->id) : std::string();
    }));
    cross_bar.Done(1);
    for (Alert& a : alerts) {
      a.id = ++alerts_raised;
      ++report.by_rule[a.rule];
      on_alert(a);
    }
  }
  return report;
}

}  // namespace sargs
