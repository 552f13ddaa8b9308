#include "app/monitoring_run.h"

#include <algorithm>
#include <unordered_set>

#include "base/varint.h"
#include "monitoring/client_rules.h"
#include "monitoring/cross_client_data.h"

namespace sargs {

Methodology MonitoringMethodology(const Methodology& m, std::optional<Date> data_complete_from) {
  Methodology out = m;
  if (!out.monitoring.history_complete_from) out.monitoring.history_complete_from = data_complete_from;
  return out;
}

bool HasAnnex1Factors(const Scorer& scorer, const ScoreInput& input, Date as_of) {
  const ClientScore score = scorer.Score(input, as_of);
  return std::any_of(score.factors.begin(), score.factors.end(), [](const FactorHit& h) { return h.annex == 1; });
}

bool AnyCrossClientRule(const MonitoringParams& p) {
  return p.fan_in_out.enabled || p.circular.enabled || p.shared_ip.enabled || p.common_recipient.enabled ||
         p.same_atm.enabled;
}

Date CrossClientReadFrom(const MonitoringParams& p, Date earliest_new) {
  const int days = std::max(p.fan_in_out.window_days, p.circular.window_days);
  return std::min(YearMonth::Of(earliest_new).FirstDay(), earliest_new - std::chrono::days(days));
}

namespace {

// The cross-client rules over the stored data: every client, person and
// account, and the transactions booked in [since, to].
Result<std::vector<Alert>> StoredCrossClientAlerts(Store& store, const MonitoringParams& params,
                                                   std::optional<Date> since, std::optional<Date> to) {
  CrossClientData data;
  TRY(store.ForEachClientIdentity([&](const Client& c) { data.AddClient(c); }));
  TRY(store.ForEachKeyPerson([&](const Person& p) { data.AddPerson(p); }));
  TRY(store.ForEachAccount([&](const Account& a) { data.AddAccount(a.id, a.client_id); }));
  // The ids of the transactions kept, each as its length (a varint) and its
  // text; a transaction's reference is where its entry starts.
  std::string ids;
  TRY(store.ForEachTransaction(since, [&](const Transaction& t) {
    if (to && t.booked.date > *to) return;
    if (!data.AddTransaction(t, ids.size())) return;  // no rule can use it
    PutVarint(t.id.size(), ids);
    ids += t.id;
  }));
  return data.Evaluate(params, [&](uint64_t ref) {
    size_t pos = static_cast<size_t>(ref);
    uint64_t n = 0;
    GetVarint(ids, pos, n);  // written just above: cannot fail
    return ids.substr(pos, static_cast<size_t>(n));
  });
}

}  // namespace

Result<MonitorReport> RunMonitor(Store& store, const Scorer& scorer, const ReferenceData& ref,
                                 const MonitorOptions& options) {
  const bool incremental = !options.from && !options.to && !options.dry_run;
  const int64_t last_batch = TRY(store.LastTransactionBatch());
  const int64_t watermark = incremental ? TRY(store.MonitorWatermark()) : 0;
  std::unordered_set<std::string> changed;
  if (incremental) {
    for (std::string& id : TRY(store.ClientsChangedSince(watermark))) changed.insert(std::move(id));
  }
  MonitorReport report;
  if (incremental && changed.empty()) return report;
  const Methodology m = MonitoringMethodology(
      scorer.methodology(), options.history_complete_from ? options.history_complete_from : TRY(store.HistoryCompleteFrom()));
  // An incremental run gives the cross-client rules the transactions a new
  // one can form a pattern with: from the start of its month, or its
  // longest window, before the earliest new booking.
  std::optional<Date> cross_from = options.from;
  if (incremental) {
    if (auto earliest = TRY(store.EarliestBookingAfter(watermark))) {
      cross_from = CrossClientReadFrom(m.monitoring, *earliest);
    }
  }
  auto raise = [&](Alert& a) -> Result<bool> {
    if (!options.dry_run && !TRY(store.AddAlert(a))) return true;  // raised by an earlier run
    ++report.by_rule[a.rule];
    if (!options.dry_run) report.alerts.push_back(std::move(a));
    return true;
  };
  if (!options.dry_run) TRY(store.Begin());
  auto run = [&]() -> Result<bool> {
    TRY(store.ForEachClient(options.as_of, m.params.main_counterparty_share_percent, incremental ? &changed : nullptr,
                            [&](ClientRecord& rec) -> Result<bool> {
      std::vector<Transaction> txs = TRY(store.ClientTransactions(rec.client.id));
      std::erase_if(txs, [&](const Transaction& t) {
        return (options.from && t.booked.date < *options.from) || (options.to && t.booked.date > *options.to);
      });
      ++report.clients;
      report.transactions += static_cast<int64_t>(txs.size());
      if (txs.empty()) return true;
      const std::vector<Account> accounts = TRY(store.ClientAccounts(rec.client.id));
      MonitoredClient client;
      client.client = &rec.client;
      client.accounts = accounts;
      client.has_annex1_factors = NeedsAnnex1Check(rec.client) && HasAnnex1Factors(scorer, rec.Input(), options.as_of);
      for (Alert& a : EvaluateClient(client, txs, m, ref)) TRY(raise(a));
      return true;
    }));
    if (AnyCrossClientRule(m.monitoring)) {
      for (Alert& a : TRY(StoredCrossClientAlerts(store, m.monitoring, cross_from, options.to))) TRY(raise(a));
    }
    if (incremental) TRY(store.SetMonitorWatermark(last_batch));
    return true;
  };
  auto ran = run();
  if (options.dry_run) return ran ? Result<MonitorReport>(std::move(report)) : tl::unexpected(ran.error());
  if (!ran) {
    store.Rollback();
    return tl::unexpected(ran.error());
  }
  TRY(store.Commit());
  return report;
}

}  // namespace sargs
