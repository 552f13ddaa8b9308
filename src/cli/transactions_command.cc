// `sargs transactions`: a client's stored transactions, in the import format
// (CSV or JSON Lines), so that what Sargs holds can be checked, exported, and
// imported again unchanged.
#include <cstdio>

#include "base/csv.h"
#include "base/json.h"
#include "cli/commands.h"

namespace sargs::cli {
namespace {

constexpr const char* kColumns[] = {"tx_id", "account_id", "client_id", "booked_at", "direction", "amount_eur",
                                    "currency", "channel", "counterparty_id", "counterparty_name",
                                    "counterparty_account", "counterparty_country", "purpose", "ip", "atm_id",
                                    "device_id"};

// The stored booking time: the Riga date, with the local time when known.
std::string BookedAt(const BookingTime& b) {
  std::string out = FormatDate(b.date);
  if (b.second_of_day >= 0) {
    char time[32];
    std::snprintf(time, sizeof time, "T%02d:%02d:%02d", b.second_of_day / 3600, b.second_of_day / 60 % 60,
                  b.second_of_day % 60);
    out += time;
  }
  return out;
}

std::vector<std::string> Values(const Transaction& t) {
  return {t.id, t.account_id, t.client_id, BookedAt(t.booked), ToString(t.direction), t.amount.ToString(),
          t.currency, ToString(t.channel), t.counterparty_id, t.counterparty_name, t.counterparty_account,
          t.counterparty_country, t.purpose, t.ip, t.atm_id, t.device_id};
}

}  // namespace

void RegisterTransactions(CLI::App& app, Outcome& out) {
  struct Flags {
    std::string db, client, format = "csv";
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand("transactions", "Print a client's stored transactions in the import format");
  cmd->add_option("--db", flags->db, "SQLite database")->required();
  cmd->add_option("client_id", flags->client, "The client")->required();
  cmd->add_option("--format", flags->format, "csv (default) or jsonl")->check(CLI::IsMember({"csv", "jsonl"}));
  cmd->callback([flags, &out] {
    auto run = [&]() -> Result<int> {
      Store store = TRY(Store::Open(flags->db));
      if (!TRY(store.HasClient(flags->client))) {
        return Fail(Location{}, "client_id", "unknown client '" + flags->client + "'");
      }
      std::vector<Transaction> txs = TRY(store.ClientTransactions(flags->client));
      if (flags->format == "csv") {
        std::string line;
        for (const char* c : kColumns) line += std::string(line.empty() ? "" : ",") + c;
        std::printf("%s\n", line.c_str());
        for (const Transaction& t : txs) {
          line.clear();
          for (const std::string& v : Values(t)) line += (line.empty() ? "" : ",") + CsvEscape(v);
          std::printf("%s\n", line.c_str());
        }
      } else {
        for (const Transaction& t : txs) {
          JsonWriter w;
          w.BeginObject();
          std::vector<std::string> values = Values(t);
          for (size_t i = 0; i < values.size(); ++i) {
            if (values[i].empty()) continue;
            w.Key(kColumns[i]);
            if (std::string_view(kColumns[i]) == "amount_eur") w.Raw(values[i]); else w.String(values[i]);
          }
          w.EndObject();
          std::printf("%s\n", w.str().c_str());
        }
      }
      return kExitOk;
    };
    auto code = run();
    out.code = code ? *code : Report(code.error(), code.error().field == "client_id" ? kExitBadInput : kExitFailure);
  });
}

}  // namespace sargs::cli
