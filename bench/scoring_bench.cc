// Scoring engine at portfolio scale: 1 000 000 clients with 10 000 000
// transactions, aggregated and scored in memory on one core.
//
//   build/scoring_bench [clients] [transactions]
//
// Prints the time to aggregate each client's transactions into activity
// (what the store does while reading), the time to aggregate and score every
// client, their difference (scoring alone), and the peak resident memory. docs/benchmarks.md records the figures.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "base/split_mix.h"
#include "base/calendar.h"
#include "scoring/scorer.h"

namespace {

using namespace sargs;

using Rng = SplitMix64;  // the same sequence on every machine

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
  const int64_t clients = argc > 1 ? std::atoll(argv[1]) : 1'000'000;
  const int64_t transactions = argc > 2 ? std::atoll(argv[2]) : 10'000'000;
  const Date as_of = *ParseDate("2026-06-30");
  // A Latvian institution's book: mostly residents, a few foreign and
  // third-country clients and counterparties.
  const char* countries[] = {"LV", "LV", "LV", "LV", "LV", "LV", "LV", "LV", "LV", "LV", "LV", "LV",
                             "LV", "LV", "LV", "LV", "LT", "EE", "DE", "UA", "AE", "RU", "LV", "LV"};
  const char* cp_countries[] = {"LV", "LV", "LV", "LT", "EE", "DE", "LV", "LV", "LV", "LV", "LV", "AE"};
  const ReferenceData& ref = ShippedReference();
  Methodology methodology = *DefaultMethodology(ref);
  Scorer scorer(methodology, ref, LatvianCalendar());

  Rng rng{135};
  std::vector<Client> portfolio(static_cast<size_t>(clients));
  std::vector<std::vector<Fact>> facts(static_cast<size_t>(clients));
  for (int64_t i = 0; i < clients; ++i) {
    Client& c = portfolio[static_cast<size_t>(i)];
    char id[24];
    std::snprintf(id, sizeof id, "C%lld", static_cast<long long>(i));
    c.id = id;
    c.type = rng.Below(10) < 7 ? ClientType::kNatural : ClientType::kLegal;
    c.country = countries[rng.Below(24)];
    c.relationship_start = as_of - std::chrono::days(30 + rng.Below(3650));
    if (c.type == ClientType::kNatural && rng.Below(50) == 0) c.pep = PepStatus::kPep;
    if (c.type == ClientType::kLegal) {
      c.activity_linked_to_latvia = rng.Below(20) != 0;
      c.nace = rng.Below(100) == 0 ? "92.00" : "62.01";
    }
    if (rng.Below(40) == 0) facts[static_cast<size_t>(i)].push_back(Fact{c.id, "A2.93", as_of - std::chrono::days(40), {}, "", ""});
  }

  // The transactions, in client order as the store delivers them (not timed).
  struct Tx {
    int32_t day_offset;
    uint8_t credit;
    uint8_t counterparty;
    int64_t cents;
  };
  const int64_t per_client = transactions / clients;
  std::vector<Tx> txs(static_cast<size_t>(per_client * clients));
  for (Tx& t : txs) {
    t.day_offset = static_cast<int32_t>(rng.Below(450));
    t.credit = static_cast<uint8_t>(rng.Below(2));
    t.counterparty = static_cast<uint8_t>(rng.Below(6));
    t.cents = 1000 + rng.Below(rng.Below(20) == 0 ? 50'000'000 : 500'000);
  }
  const std::string keys[6] = {"id:CP0", "id:CP1", "id:CP2", "id:CP3", "id:CP4", "id:CP5"};

  // Pass 1: aggregation only. Pass 2: aggregation and scoring, client by
  // client, as `sargs score` does. Scoring time = pass 2 - pass 1.
  ActivityBuilder builder;
  auto aggregate = [&](int64_t i) {
    const Tx* t = &txs[static_cast<size_t>(i * per_client)];
    for (int64_t k = 0; k < per_client; ++k, ++t) {
      builder.Add(as_of - std::chrono::days(t->day_offset), t->credit ? Direction::kCredit : Direction::kDebit,
                  Money::FromCents(t->cents), keys[t->counterparty], keys[t->counterparty],
                  cp_countries[(i + t->counterparty) % 12]);
    }
    return builder.Finish(methodology.params.main_counterparty_share_percent);
  };
  auto t0 = std::chrono::steady_clock::now();
  int64_t counterparties = 0;
  for (int64_t i = 0; i < clients; ++i) counterparties += static_cast<int64_t>(aggregate(i).counterparties.size());
  double aggregate_s = Seconds(t0);

  auto t1 = std::chrono::steady_clock::now();
  int64_t edd = 0, high = 0;
  for (int64_t i = 0; i < clients; ++i) {
    const auto idx = static_cast<size_t>(i);
    ClientActivity activity = aggregate(i);
    ScoreInput in{&portfolio[idx], {}, facts[idx], {}, {}, &activity, {}};
    ClientScore s = scorer.Score(in, as_of);
    edd += s.edd_required;
    high += s.level == RiskLevel::kHigh;
  }
  double total_s = Seconds(t1);
  double score_s = total_s - aggregate_s;

  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("clients=%lld transactions=%lld\n", static_cast<long long>(clients),
              static_cast<long long>(per_client * clients));
  std::printf("aggregate:           %.3f s (%.2f M tx/s, %lld main-counterparty rows)\n", aggregate_s,
              static_cast<double>(per_client * clients) / aggregate_s / 1e6, static_cast<long long>(counterparties));
  std::printf("aggregate + score:   %.3f s\n", total_s);
  std::printf("score (difference):  %.3f s (%.2f M clients/s), %lld in EDD, %lld high risk\n", score_s,
              static_cast<double>(clients) / score_s / 1e6, static_cast<long long>(edd), static_cast<long long>(high));
  std::printf("peak RSS:  %.0f MiB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
  return 0;
}
