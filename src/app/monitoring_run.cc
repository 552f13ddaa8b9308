#include "app/monitoring_run.h"

#include <algorithm>
#include <unordered_set>

#include "monitoring/client_rules.h"

namespace sargs {

Result<MonitorReport> RunMonitor(Store& store, const Scorer& scorer, const ReferenceData& ref,
                                 const MonitorOptions& options) {
  const bool incremental = !options.from && !options.to && !options.dry_run;
  const int64_t last_batch = TRY(store.LastTransactionBatch());
  std::unordered_set<std::string> changed;
  if (incremental) {
    for (std::string& id : TRY(store.ClientsChangedSince(TRY(store.MonitorWatermark())))) changed.insert(std::move(id));
  }
  MonitorReport report;
  if (incremental && changed.empty()) return report;
  const Methodology& m = scorer.methodology();
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
      ClientScore score = scorer.Score(rec.Input(), options.as_of);
      MonitoredClient client;
      client.client = &rec.client;
      client.accounts = TRY(store.ClientAccounts(rec.client.id));
      client.cash_typical = ref.NaceCashIntensive(rec.client.nace);
      client.has_annex1_factors =
          std::any_of(score.factors.begin(), score.factors.end(), [](const FactorHit& h) { return h.annex == 1; });
      for (Alert& a : EvaluateClient(client, txs, m, ref)) {
        if (!options.dry_run) {
          auto id = TRY(store.AddAlert(a));
          if (!id) continue;  // raised by an earlier run
          a.id = *id;
        }
        ++report.by_rule[a.rule];
        report.alerts.push_back(std::move(a));
      }
      return true;
    }));
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
