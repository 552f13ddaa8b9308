// CrossClientData: gathers what the cross-client rules need from clients,
// persons, accounts and transactions, with every string interned to a dense
// number, and runs EvaluateCrossClient over it (cross_client_rules.h).
//
// Related clients (reg. 135 point 5.7 groups, until Sargs keeps them) are
// clients that share a beneficial owner or representative, or where one
// client is a natural person who is another's UBO or representative: the
// same person is recognised by name (case-insensitive) and birth date.
//
// Only transactions that some cross-client rule can use are kept (those with
// an IP address, an ATM id or a counterparty account), at 48 bytes each plus
// the caller's 8-byte reference, which names the transaction again when an
// alert needs its id.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/huge_page_allocator.h"
#include "base/result.h"
#include "base/string_table.h"
#include "model/client.h"
#include "model/transaction.h"
#include "monitoring/alert.h"
#include "monitoring/cross_client_rules.h"
#include "monitoring/monitoring_params.h"

namespace sargs {

class CrossClientData {
 public:
  void AddClient(const Client& c);
  void AddPerson(const Person& p);
  void AddAccount(std::string_view account_id, std::string_view client_id);
  // `ref` is the caller's name for the transaction, handed back to tx_id.
  // False when no cross-client rule can use the transaction (not kept).
  bool AddTransaction(const Transaction& t, uint64_t ref);
  // The same for a batch (a client's transactions): faster at millions of
  // accounts, as the table lookups of the batch overlap.
  void AddTransactions(std::span<const Transaction> txs, std::span<const uint64_t> refs);

  // Room for `transactions` transactions: growing arrays of ten million
  // records by doubling copied each one twice and faulted in fresh pages.
  void Reserve(size_t transactions) {
    txs_.reserve(transactions);
    refs_.reserve(transactions);
  }

  Result<std::vector<Alert>> Evaluate(const MonitoringParams& params,
                                      const std::function<std::string(uint64_t ref)>& tx_id);

 private:
  uint32_t ClientNumber(std::string_view id);
  uint32_t AccountNumber(std::string_view id, uint64_t hash);
  uint32_t AccountNumber(std::string_view id) { return AccountNumber(id, StringTable<uint32_t>::Hash(id)); }
  // `t` with the hashes of its counterparty account and IP address (0 when empty).
  bool Add(const Transaction& t, uint64_t ref, uint64_t account_hash, uint64_t ip_hash);
  // The text's number, adding it when new; `names` views the table's copy.
  static uint32_t Intern(std::string_view text, uint64_t hash, StringTable<uint32_t>& index,
                         std::vector<std::string_view>& names);
  static uint32_t Intern(std::string_view text, StringTable<uint32_t>& index, std::vector<std::string_view>& names) {
    return Intern(text, StringTable<uint32_t>::Hash(text), index, names);
  }
  uint32_t Root(uint32_t client);
  void Relate(std::string_view person_key, uint32_t client);

  StringTable<uint32_t> client_index_, account_index_, ip_index_, atm_index_, person_index_;
  std::vector<std::string_view> client_ids_, accounts_, ips_, atms_, person_keys_;
  std::vector<uint32_t> account_owner_;  // kNoNumber: not the institution's
  std::vector<uint32_t> parent_;         // union-find over clients
  std::vector<uint32_t> person_client_;  // person key number -> a client of theirs
  std::vector<CrossTx, HugePageAllocator<CrossTx>> txs_;
  std::vector<uint64_t, HugePageAllocator<uint64_t>> refs_;
  std::string key_;  // reused
  // Transactions come client by client, account by account: the last
  // account's number saves a lookup for most of them.
  std::string last_account_;
  uint32_t last_account_number_ = kNoNumber;
  std::vector<uint64_t> hashes_;  // a batch's, reused
};

}  // namespace sargs
