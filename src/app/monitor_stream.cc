#include "app/monitor_stream.h"

#include <algorithm>
#include <cstring>
#include <filesystem>

#include "base/progress.h"
#include "base/varint.h"
#include "monitoring/client_rules.h"
#include "scoring/activity.h"
#include "storage/party_record.h"
#include "storage/tx_record.h"

namespace sargs {

MonitorStream::MonitorStream(std::vector<const Scorer*> passes, const ReferenceData& ref,
                             const MonitorOptions& options, size_t expected_transactions)
    : streamed_(true), ref_(&ref), options_(options) {
  for (const Scorer* s : passes) {
    passes_.push_back(MakePass(*s, options));
    cross_ = cross_ || passes_.back().cross;
  }
  if (cross_) {
    // Untouched reserved memory costs nothing; growing by doubling would
    // copy and fault in the arrays again and again.
    cross_data_.Reserve(expected_transactions);
    tx_ids_.reserve(expected_transactions * 12);
  }
}

MonitorStream::ClientData& MonitorStream::Data(std::string_view client_id) {
  // The importer has checked that every reference names a client read before.
  // Files are usually grouped by client: the last one is checked first.
  if (last_ == nullptr || last_id_ != client_id) {
    last_ = &clients_[index_.Find(client_id)->value];
    last_id_ = client_id;
  }
  return *last_;
}

uint64_t MonitorStream::Append(const std::string& record, bool chain) {
  constexpr size_t kChunk = size_t{16} << 20;
  const size_t need = record.size() + 10 + (chain ? 8 : 0);
  if (parties_.empty() || parties_.back().size() + need > parties_.back().capacity()) {
    parties_.emplace_back();
    parties_.back().reserve(std::max(kChunk, need));
  }
  std::string& chunk = parties_.back();
  const uint64_t at = (uint64_t{parties_.size() - 1} << 32) | chunk.size();
  if (chain) chunk.append(reinterpret_cast<const char*>(&kNone), 8);  // the next record: none yet
  PutVarint(record.size(), chunk);
  chunk.append(record);
  return at;
}

Result<bool> MonitorStream::Load(const ClientData& data, Party& party) const {
  auto record = [&](uint64_t at, bool chained, uint64_t* next) {
    const std::string& chunk = parties_[at >> 32];
    size_t pos = at & 0xffffffffu;
    if (chained) {
      std::memcpy(next, chunk.data() + pos, 8);
      pos += 8;
    }
    uint64_t length = 0;
    GetVarint(chunk, pos, length);
    return std::string_view(chunk).substr(pos, length);
  };
  size_t pos = 0;
  TRY(ReadRecord(record(data.client, false, nullptr), pos, party.client));
  party.persons.clear();
  for (uint64_t at = data.first_person; at != kNone;) {
    pos = 0;
    TRY(ReadRecord(record(at, true, &at), pos, party.persons.emplace_back()));
  }
  party.accounts.clear();
  for (uint64_t at = data.first_account; at != kNone;) {
    pos = 0;
    TRY(ReadRecord(record(at, true, &at), pos, party.accounts.emplace_back()));
  }
  return true;
}

Result<bool> MonitorStream::Put(const Client& c) {
  auto [slot, added] = index_.Insert(c.id, static_cast<uint32_t>(clients_.size()));
  if (added) clients_.emplace_back();
  record_.clear();
  AppendRecord(c, record_);
  clients_[slot->value].client = Append(record_, false);
  return true;
}

void MonitorStream::AppendToChain(uint64_t& first, uint64_t& last) {
  const uint64_t at = Append(record_, true);
  if (last == kNone) {
    first = at;
  } else {
    std::memcpy(parties_[last >> 32].data() + (last & 0xffffffffu), &at, 8);
  }
  last = at;
}

Result<bool> MonitorStream::Put(const Person& p) {
  ClientData& data = Data(p.client_id);
  record_.clear();
  AppendRecord(p, record_);
  AppendToChain(data.first_person, data.last_person);
  return true;
}

Result<bool> MonitorStream::Put(const Account& a) {
  ClientData& data = Data(a.client_id);
  record_.clear();
  AppendRecord(a, record_);
  AppendToChain(data.first_account, data.last_account);
  return true;
}

Result<bool> MonitorStream::Put(const Transaction& t) {
  // No rule reads the currency or the device, and the counterparty's name
  // matters only where it is all that identifies the counterparty (scoring's
  // main counterparties): leaving the rest out keeps ten million
  // transactions a few hundred megabytes smaller.
  Transaction* k = &kept_;
  if (streamed_) {
    ++read_;
    if (group_ == nullptr || group_id_ != t.client_id) {
      if (group_ == nullptr && cross_) TRY(AddParties(cross_data_));  // every party is known by now
      if (group_ != nullptr) TRY(EndGroup());
      group_ = &Data(t.client_id);
      group_id_ = t.client_id;
      if (group_->evaluated) {
        ungrouped_ = true;
        return Fail("the transactions of client '" + t.client_id + "' are not in one run");
      }
    }
    const Date day = t.booked.date;
    if ((options_.from && day < *options_.from) || (options_.to && day > *options_.to)) return true;
    if (group_size_ == group_txs_.size()) group_txs_.emplace_back();
    k = &group_txs_[group_size_++];
  }
  k->id = t.id;
  k->account_id = t.account_id;
  k->client_id = t.client_id;
  k->booked = t.booked;
  k->direction = t.direction;
  k->amount = t.amount;
  k->channel = t.channel;
  k->counterparty_id = t.counterparty_id;
  k->counterparty_account = t.counterparty_account;
  k->counterparty_name.clear();
  if (t.counterparty_id.empty() && t.counterparty_account.empty()) k->counterparty_name = t.counterparty_name;
  k->counterparty_country = t.counterparty_country;
  k->purpose = t.purpose;
  k->ip = t.ip;
  k->atm_id = t.atm_id;
  if (!streamed_) {
    stage_.Add(*k);
    sorted_ = false;
  }
  return true;
}

MonitorStream::Pass MonitorStream::MakePass(const Scorer& scorer, const MonitorOptions& options) const {
  Pass pass;
  pass.scorer = &scorer;
  pass.m = MonitoringMethodology(scorer.methodology(), options.history_complete_from);
  pass.cross = AnyCrossClientRule(pass.m.monitoring);
  return pass;
}

void MonitorStream::EvaluateClientOf(Pass& pass, const Party& data, std::span<const Transaction> txs,
                                     const std::function<void(Alert&)>& out) const {
  ++pass.report.clients;
  pass.report.transactions += static_cast<int64_t>(txs.size());
  if (txs.empty()) return;
  MonitoredClient client;
  client.client = &data.client;
  client.accounts = data.accounts;
  if (NeedsAnnex1Check(data.client)) {
    ClientActivity activity = SummariseActivity(txs, pass.m.params.main_counterparty_share_percent);
    client.has_annex1_factors = HasAnnex1Factors(
        *pass.scorer, ScoreInput{&data.client, data.persons, {}, {}, {}, &activity, {}}, options_.as_of);
  }
  for (Alert& a : EvaluateClient(client, txs, pass.m, *ref_)) out(a);
}

Result<bool> MonitorStream::EndGroup() {
  group_->evaluated = true;
  std::span<const Transaction> txs(group_txs_.data(), group_size_);
  TRY(Load(*group_, party_));
  for (Pass& pass : passes_) {
    EvaluateClientOf(pass, party_, txs, [&](Alert& a) { pass.alerts.push_back(std::move(a)); });
  }
  if (cross_) {
    group_refs_.resize(txs.size());
    for (size_t i = 0; i < txs.size(); ++i) {
      group_refs_[i] = tx_ids_.size();
      id_prefix_.clear();
      PutVarint(txs[i].id.size(), id_prefix_);
      tx_ids_.insert(tx_ids_.end(), id_prefix_.begin(), id_prefix_.end());
      tx_ids_.insert(tx_ids_.end(), txs[i].id.begin(), txs[i].id.end());
    }
    cross_data_.AddTransactions(txs, group_refs_);
  }
  group_size_ = 0;
  return true;
}

Result<bool> MonitorStream::AddParties(CrossClientData& cross) {
  for (const ClientData& d : clients_) {
    TRY(Load(d, party_));
    cross.AddClient(party_.client);
    for (const Person& p : party_.persons) cross.AddPerson(p);
    for (const Account& a : party_.accounts) cross.AddAccount(a.id, a.client_id);
  }
  return true;
}

Result<bool> MonitorStream::RunCrossClient(Pass& pass, CrossClientData& cross,
                                           const std::function<std::string(uint64_t)>& tx_id,
                                           const std::function<void(Alert&)>& out, bool progress) const {
  Progress bar(progress, "cross-client rules", 1, "passes");
  bar.Update(0, 0);
  for (Alert& a : TRY(cross.Evaluate(pass.m.monitoring, tx_id))) out(a);
  bar.Done(1);
  return true;
}

Result<MonitorReport> MonitorStream::Finish(size_t pass_index, const AlertSink& on_alert, bool progress) {
  if (!streamed_ || pass_index >= passes_.size()) return Fail("MonitorStream::Finish: no such pass");
  if (!finished_ && group_ != nullptr && !ungrouped_) TRY(EndGroup());
  finished_ = true;
  Pass& pass = passes_[pass_index];
  int64_t raised = 0;
  auto emit = [&](Alert& a) {
    a.id = ++raised;
    ++pass.report.by_rule[a.rule];
    on_alert(a);
  };
  // The file's client order need not be the ids' order, in which a staged
  // run raises them.
  std::stable_sort(pass.alerts.begin(), pass.alerts.end(),
                   [](const Alert& a, const Alert& b) { return a.client_id < b.client_id; });
  for (Alert& a : pass.alerts) emit(a);
  pass.alerts = {};
  if (pass.cross) {
    auto tx_id = [&](uint64_t offset) {
      size_t pos = offset;
      uint64_t length = 0;
      std::string_view ids(tx_ids_.data(), tx_ids_.size());
      GetVarint(ids, pos, length);
      return std::string(ids.substr(pos, length));
    };
    TRY(RunCrossClient(pass, cross_data_, tx_id, emit, progress));
  }
  return pass.report;
}

Result<MonitorReport> MonitorStream::Evaluate(const Scorer& scorer, const ReferenceData& ref,
                                              const MonitorOptions& options, const AlertSink& on_alert,
                                              bool progress) {
  if (streamed_) return Fail("MonitorStream::Evaluate: a streamed run ends with Finish");
  if (!sorted_) {
    groups_ = stage_.Sorted();
    stage_.ReleaseSpare();
    sorted_ = true;
  }
  ref_ = &ref;
  options_ = options;
  Pass pass = MakePass(scorer, options);
  int64_t raised = 0;
  auto emit = [&](Alert& a) {
    a.id = ++raised;
    ++pass.report.by_rule[a.rule];
    on_alert(a);
  };
  CrossClientData cross;
  if (pass.cross) {
    cross.Reserve(stage_.size());
    TRY(AddParties(cross));
  }
  Progress bar(progress, "monitoring", groups_.size(), "clients");
  std::vector<Transaction> txs;
  std::vector<uint64_t> refs;
  for (const TxStage::Group& g : groups_) {
    TRY(Load(Data(g.client_id), party_));
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
      refs[n] = static_cast<uint64_t>(&e - stage_.entries().data());
      ++n;
    }
    std::span<const Transaction> view(txs.data(), n);
    if (pass.cross) cross.AddTransactions(view, std::span<const uint64_t>(refs.data(), n));
    EvaluateClientOf(pass, party_, view, emit);
    bar.Update(static_cast<uint64_t>(pass.report.clients), pass.report.clients);
  }
  bar.Done(pass.report.clients);
  if (pass.cross) {
    auto tx_id = [&](uint64_t entry) {
      auto key = PeekTxRecord(stage_.Record(stage_.entries()[entry]));
      return key ? std::string(key->id) : std::string();
    };
    TRY(RunCrossClient(pass, cross, tx_id, emit, progress));
  }
  return pass.report;
}

Result<ImportReport> MonitorFiles(const std::vector<std::pair<ImportKind, std::string>>& plan,
                                  const ImportOptions& read_options, const ReferenceData& ref,
                                  const MonitorOptions& options, std::vector<MonitorPass>& passes) {
  std::vector<const Scorer*> scorers;
  for (const MonitorPass& p : passes) scorers.push_back(p.scorer);
  // A transaction row takes at least 40 bytes; the estimate only reserves
  // address space.
  size_t expected = 0;
  for (const auto& [kind, path] : plan) {
    std::error_code ec;
    const uintmax_t bytes = std::filesystem::file_size(path, ec);
    if (kind == ImportKind::kTransactions && !ec) expected += bytes / 40;
  }
  {
    MonitorStream stream(scorers, ref, options, expected);
    auto read = ReadFiles(stream, plan, read_options, ref);
    if (read || !stream.ungrouped()) {
      if (!read || !read->errors.empty()) return read;
      for (size_t i = 0; i < passes.size(); ++i) {
        passes[i].report = TRY(stream.Finish(i, passes[i].on_alert, read_options.progress));
      }
      return read;
    }
  }
  // Rows of one client in several places: keep every row, then evaluate.
  MonitorStream stream;
  auto read = TRY(ReadFiles(stream, plan, read_options, ref));
  if (!read.errors.empty()) return read;
  for (MonitorPass& p : passes) {
    p.report = TRY(stream.Evaluate(*p.scorer, ref, options, p.on_alert, read_options.progress));
  }
  return read;
}

}  // namespace sargs
