// Transaction monitoring at portfolio scale, on one core.
//
//   build/monitoring_bench CSV_DIR [DB]
//
// CSV_DIR holds a portfolio as `sargs demo --out` writes it (clients,
// persons, accounts, transactions). The benchmark
//   1. reads and validates the files into memory, as `sargs monitor --input`
//      does (timed apart: that is the file's cost, not the rules');
//   2. runs every monitoring rule over the transactions in memory;
//   3. with DB (the same portfolio imported by `sargs import`), measures the
//      incremental case: for 2 000 clients in turn, one new transaction is
//      evaluated against the client's stored history (read its blocks and
//      accounts, run the rules), and the median and 99th percentile are
//      printed; then one `RunMonitor` over a batch of 10 000 new
//      transactions, per transaction. The database is changed: use a copy.
// docs/benchmarks.md records the figures.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "app/demo_portfolio.h"
#include "app/monitor_stream.h"
#include "app/monitoring_run.h"
#include "base/calendar.h"
#include "base/memory_policy.h"
#include "monitoring/client_rules.h"

namespace {

using namespace sargs;

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

double PeakMiB() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

int Fail(const Error& e) {
  std::fprintf(stderr, "monitoring_bench: %s\n", e.ToString().c_str());
  return 1;
}

// A plain new transaction for `client` on `account`, booked on `day`.
Transaction NewTransaction(const std::string& client, const std::string& account, Date day, int64_t n) {
  Transaction t;
  t.id = "BENCH" + std::to_string(n);
  t.client_id = client;
  t.account_id = account;
  t.booked.date = day;
  t.direction = n % 2 ? Direction::kDebit : Direction::kCredit;
  t.amount = Money::FromCents(12'345 + n % 1000);
  t.currency = "EUR";
  t.counterparty_id = "CPBENCH";
  t.counterparty_country = "LV";
  return t;
}

int Incremental(const std::string& db_path, const Scorer& scorer, const ReferenceData& ref, Date as_of) {
  auto opened = Store::Open(db_path);
  if (!opened) return Fail(opened.error());
  Store& store = *opened;
  // Bring the watermark up to date, so that the runs below see only the new transactions.
  MonitorOptions options;
  options.as_of = as_of;
  auto first = RunMonitor(store, scorer, ref, options);
  if (!first) return Fail(first.error());

  const Methodology m = MonitoringMethodology(scorer.methodology(), *store.HistoryCompleteFrom());
  std::vector<double> micros;
  int64_t n = 0;
  for (int64_t i = 0; i < 2000; ++i) {
    char id[24];
    std::snprintf(id, sizeof id, "C%07lld", static_cast<long long>(1 + i * 487 % 1'000'000));
    auto accounts = store.ClientAccounts(id);
    if (!accounts || accounts->empty()) continue;
    Client client;
    client.id = id;
    if (!store.Begin() || !store.Put(NewTransaction(id, accounts->front().id, as_of, ++n)) || !store.Commit()) {
      std::fprintf(stderr, "monitoring_bench: cannot add a transaction\n");
      return 1;
    }
    auto t0 = std::chrono::steady_clock::now();
    auto txs = store.ClientTransactions(id);
    MonitoredClient mc;
    mc.client = &client;
    mc.accounts = *store.ClientAccounts(id);
    std::vector<Alert> alerts = EvaluateClient(mc, *txs, m, ref);
    micros.push_back(Seconds(t0) * 1e6);
  }
  std::sort(micros.begin(), micros.end());
  std::printf("incremental, one new transaction against the client's stored history (%zu clients):\n",
              micros.size());
  std::printf("  median %.1f us, p99 %.1f us\n", micros[micros.size() / 2], micros[micros.size() * 99 / 100]);

  // A day's batch: 10 000 clients with one new transaction each, then one run.
  if (!store.Begin()) return 1;
  for (int64_t i = 0; i < 10'000; ++i) {
    char id[24];
    std::snprintf(id, sizeof id, "C%07lld", static_cast<long long>(1 + i * 97 % 1'000'000));
    auto accounts = store.ClientAccounts(id);
    if (!accounts || accounts->empty()) continue;
    if (!store.Put(NewTransaction(id, accounts->front().id, as_of, ++n))) return 1;
  }
  if (!store.Commit()) return 1;
  auto t0 = std::chrono::steady_clock::now();
  auto run = RunMonitor(store, scorer, ref, options);
  if (!run) return Fail(run.error());
  const double s = Seconds(t0);
  std::printf("incremental run after a batch of 10 000 new transactions: %.3f s, %.1f us per transaction, "
              "%lld clients read, %zu new alerts\n",
              s, s * 1e6 / 10'000, static_cast<long long>(run->clients), run->alerts.size());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: monitoring_bench CSV_DIR [DB]\n");
    return 2;
  }
  HeapOnHugePages(argv);  // as sargs does
  KeepFreedMemory();
  const std::string dir = argv[1];
  const Date as_of = *ParseDate("2026-06-30");
  const ReferenceData& ref = ShippedReference();
  Methodology methodology = *DefaultMethodology(ref);
  Scorer scorer(methodology, ref, LatvianCalendar());

  MonitorStream stream;
  auto t0 = std::chrono::steady_clock::now();
  auto read = ReadFiles(stream,
                        {{ImportKind::kClients, dir + "/clients.csv"},
                         {ImportKind::kPersons, dir + "/persons.csv"},
                         {ImportKind::kAccounts, dir + "/accounts.csv"},
                         {ImportKind::kTransactions, dir + "/transactions.csv"}},
                        ImportOptions{}, ref);
  if (!read) return Fail(read.error());
  if (!read->errors.empty()) return Fail(read->errors.front());
  const double read_s = Seconds(t0);
  std::printf("read and validate the files: %.3f s, %zu transactions, peak RSS %.0f MiB\n", read_s,
              stream.transaction_count(), PeakMiB());

  MonitorOptions options;
  options.as_of = as_of;
  options.history_complete_from = DemoHistoryStart(as_of);  // as make bench imports it
  std::map<std::string, int64_t> alerts;
  auto t1 = std::chrono::steady_clock::now();
  auto report = stream.Evaluate(scorer, ref, options, [&](const Alert& a) { ++alerts[a.rule]; }, false);
  if (!report) return Fail(report.error());
  const double rules_s = Seconds(t1);
  int64_t total = 0;
  for (const auto& [rule, n] : alerts) total += n;
  std::printf("all rules over %lld transactions of %lld clients in memory: %.3f s (%.2f M tx/s), %lld alerts\n",
              static_cast<long long>(report->transactions), static_cast<long long>(report->clients), rules_s,
              static_cast<double>(report->transactions) / rules_s / 1e6, static_cast<long long>(total));
  for (const auto& [rule, n] : alerts) std::printf("  %-6s %lld\n", rule.c_str(), static_cast<long long>(n));
  std::printf("peak RSS: %.0f MiB\n", PeakMiB());
  if (argc > 2) return Incremental(argv[2], scorer, ref, as_of);
  return 0;
}
