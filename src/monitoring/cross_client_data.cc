#include "monitoring/cross_client_data.h"

#include <cctype>

namespace sargs {
namespace {

// "name|birth date" with ASCII letters lower-cased and runs of spaces
// collapsed: "Jānis  BĒRZIŅŠ" and "jānis bērziņš" are one person only if the
// data spells the non-ASCII letters alike, which exports of one institution
// do.
void PersonKey(std::string_view name, const std::optional<Date>& birth, std::string& out) {
  out.clear();
  bool space = false;
  for (char ch : name) {
    if (ch == ' ' || ch == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  out += '|';
  if (birth) out += FormatDate(*birth);
}

}  // namespace

uint32_t CrossClientData::Intern(std::string_view text, uint64_t hash, StringTable<uint32_t>& index,
                                 std::vector<std::string_view>& names) {
  auto [slot, added] = index.Insert(text, static_cast<uint32_t>(names.size()), hash);
  if (added) names.push_back(slot->key);  // the table keeps the text for its life
  return slot->value;
}

uint32_t CrossClientData::ClientNumber(std::string_view id) {
  const uint32_t n = Intern(id, client_index_, client_ids_);
  if (n == parent_.size()) parent_.push_back(n);
  return n;
}

uint32_t CrossClientData::AccountNumber(std::string_view id, uint64_t hash) {
  const uint32_t n = Intern(id, hash, account_index_, accounts_);
  if (n == account_owner_.size()) account_owner_.push_back(kNoNumber);
  return n;
}

uint32_t CrossClientData::Root(uint32_t client) {
  while (parent_[client] != client) {
    parent_[client] = parent_[parent_[client]];  // path halving
    client = parent_[client];
  }
  return client;
}

void CrossClientData::Relate(std::string_view person_key, uint32_t client) {
  const uint32_t p = Intern(person_key, person_index_, person_keys_);
  if (p == person_client_.size()) {
    person_client_.push_back(client);
    return;
  }
  const uint32_t a = Root(person_client_[p]), b = Root(client);
  if (a != b) parent_[std::max(a, b)] = std::min(a, b);
}

void CrossClientData::AddClient(const Client& c) {
  const uint32_t n = ClientNumber(c.id);
  if (c.type == ClientType::kNatural && !c.name.empty()) {
    PersonKey(c.name, c.birth_date, key_);
    Relate(key_, n);
  }
}

void CrossClientData::AddPerson(const Person& p) {
  if (p.role != PersonRole::kUbo && p.role != PersonRole::kRepresentative) return;
  if (p.name.empty()) return;
  PersonKey(p.name, p.birth_date, key_);
  Relate(key_, ClientNumber(p.client_id));
}

void CrossClientData::AddAccount(std::string_view account_id, std::string_view client_id) {
  account_owner_[AccountNumber(account_id)] = ClientNumber(client_id);
}

bool CrossClientData::AddTransaction(const Transaction& t, uint64_t ref) {
  using Table = StringTable<uint32_t>;
  return Add(t, ref, t.counterparty_account.empty() ? 0 : Table::Hash(t.counterparty_account),
             t.ip.empty() ? 0 : Table::Hash(t.ip));
}

void CrossClientData::AddTransactions(std::span<const Transaction> txs, std::span<const uint64_t> refs) {
  using Table = StringTable<uint32_t>;
  hashes_.assign(txs.size() * 2, 0);
  for (size_t i = 0; i < txs.size(); ++i) {
    const Transaction& t = txs[i];
    if (!t.counterparty_account.empty()) {
      hashes_[2 * i] = Table::Hash(t.counterparty_account);
      account_index_.Prefetch(hashes_[2 * i]);
    }
    if (!t.ip.empty()) {
      hashes_[2 * i + 1] = Table::Hash(t.ip);
      ip_index_.Prefetch(hashes_[2 * i + 1]);
    }
  }
  for (size_t i = 0; i < txs.size(); ++i) Add(txs[i], refs[i], hashes_[2 * i], hashes_[2 * i + 1]);
}

bool CrossClientData::Add(const Transaction& t, uint64_t ref, uint64_t account_hash, uint64_t ip_hash) {
  if (t.ip.empty() && t.atm_id.empty() && t.counterparty_account.empty()) return false;
  CrossTx x;
  if (last_account_number_ == kNoNumber || t.account_id != last_account_) {
    last_account_ = t.account_id;
    last_account_number_ = AccountNumber(t.account_id);
  }
  x.account = last_account_number_;
  if (account_owner_[x.account] == kNoNumber) account_owner_[x.account] = ClientNumber(t.client_id);
  if (!t.counterparty_account.empty()) x.counterparty_account = AccountNumber(t.counterparty_account, account_hash);
  if (!t.ip.empty()) x.ip = Intern(t.ip, ip_hash, ip_index_, ips_);
  if (!t.atm_id.empty()) x.atm = Intern(t.atm_id, atm_index_, atms_);
  x.booked = t.booked;
  x.amount = t.amount;
  x.direction = t.direction;
  x.channel = t.channel;
  txs_.push_back(x);
  refs_.push_back(ref);
  return true;
}

Result<std::vector<Alert>> CrossClientData::Evaluate(const MonitoringParams& params,
                                                     const std::function<std::string(uint64_t ref)>& tx_id) {
  std::vector<uint32_t> group(client_ids_.size());
  for (uint32_t c = 0; c < group.size(); ++c) group[c] = Root(c);
  CrossClientInput in;
  in.transactions = txs_;
  in.account_owner = account_owner_;
  in.related_group = group;
  in.client_ids = client_ids_;
  in.accounts = accounts_;
  in.ips = ips_;
  in.atms = atms_;
  in.tx_id = [&](uint32_t position) { return tx_id(refs_[position]); };
  return EvaluateCrossClient(in, params);
}

}  // namespace sargs
