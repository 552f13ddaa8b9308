#include "app/demo_portfolio.h"

#include <gtest/gtest.h>
#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "app/importer.h"
#include "base/csv.h"
#include "base/date.h"
#include "reference/reference_data.h"
#include "storage/store.h"
#include "testing/temp_dir.h"

namespace sargs {
namespace {

namespace fs = std::filesystem;

// The six import files in the order of DemoSinks and of ImportKind, then
// the manifest of injected patterns.
constexpr std::array<const char*, 7> kFiles = {"clients", "persons", "accounts", "transactions", "facts", "links",
                                               "injected"};
enum File { kClients, kPersons, kAccounts, kTransactions, kFacts, kLinks, kInjected };
constexpr size_t kImportFiles = 6;

Date Day(const char* text) {
  auto d = ParseDate(text);
  EXPECT_TRUE(d.has_value()) << text;
  return d ? *d : Date();
}

DemoOptions Options(int64_t clients, int64_t transactions, uint64_t seed = 135, const char* as_of = "2026-06-30") {
  DemoOptions o;
  o.clients = clients;
  o.transactions = transactions;
  o.seed = seed;
  o.as_of = Day(as_of);
  return o;
}

using Portfolio = std::array<std::string, 7>;

Portfolio Generate(const DemoOptions& options) {
  std::array<std::ostringstream, 7> out;
  GenerateDemoPortfolio(options, DemoSinks{&out[0], &out[1], &out[2], &out[3], &out[4], &out[5], &out[6]});
  Portfolio p;
  for (size_t i = 0; i < out.size(); ++i) p[i] = out[i].str();
  return p;
}

// One parsed file: the header and the rows as maps column -> value.
struct Table {
  std::vector<std::string> header;
  std::vector<std::map<std::string, std::string>> rows;

  std::vector<std::string> Column(const std::string& name) const {
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.at(name));
    return out;
  }
};

Table Parse(const std::string& text, const std::string& name) {
  Table t;
  auto records = ParseCsv(text, name);
  EXPECT_TRUE(records.has_value()) << name << ": " << (records ? "" : records.error().ToString());
  if (!records || records->empty()) {
    ADD_FAILURE() << name << ": no header row";
    return t;
  }
  for (const CsvField& f : (*records)[0].fields) t.header.push_back(f.value);
  for (size_t i = 1; i < records->size(); ++i) {
    const CsvRecord& r = (*records)[i];
    EXPECT_EQ(r.fields.size(), t.header.size()) << name << " line " << r.line;
    std::map<std::string, std::string> row;
    for (size_t k = 0; k < r.fields.size() && k < t.header.size(); ++k) row[t.header[k]] = r.fields[k].value;
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::array<Table, 7> ParseAll(const Portfolio& p) {
  std::array<Table, 7> t;
  for (size_t i = 0; i < p.size(); ++i) t[i] = Parse(p[i], kFiles[i]);
  return t;
}

size_t Lines(const std::string& text) { return static_cast<size_t>(std::count(text.begin(), text.end(), '\n')); }

template <typename T>
std::set<T> Duplicates(const std::vector<T>& values) {
  std::set<T> seen, dup;
  for (const T& v : values) {
    if (!seen.insert(v).second) dup.insert(v);
  }
  return dup;
}


// Writes the files as NAME.csv into `dir` and returns their paths.
std::vector<std::string> WriteFiles(const Portfolio& p, const fs::path& dir, const std::string& prefix = "") {
  std::vector<std::string> paths;
  for (size_t i = 0; i < kImportFiles; ++i) {
    fs::path path = dir / (prefix + kFiles[i] + ".csv");
    std::ofstream out(path, std::ios::binary);
    out << p[i];
    out.close();
    EXPECT_TRUE(out.good()) << path;
    paths.push_back(path.string());
  }
  return paths;
}

std::string Describe(const std::vector<Error>& errors) {
  std::string out;
  for (size_t i = 0; i < errors.size() && i < 20; ++i) out += "  " + errors[i].ToString() + "\n";
  return out;
}

// ---- determinism -------------------------------------------------------------

TEST(DemoPortfolio, SameOptionsGiveByteIdenticalFiles) {
  const DemoOptions options = Options(300, 4000, 42);
  const Portfolio a = Generate(options);
  const Portfolio b = Generate(options);
  for (size_t i = 0; i < a.size(); ++i) {
    SCOPED_TRACE(kFiles[i]);
    if (i <= kTransactions) {
      EXPECT_GT(Lines(a[i]), 1u) << "no rows were generated";
    }
    EXPECT_TRUE(a[i] == b[i]) << "the two runs differ";
  }
  // A portfolio with findings and links, so that those files are compared too.
  const DemoOptions larger = Options(2000, 4000);
  const Portfolio c = Generate(larger);
  const Portfolio d = Generate(larger);
  EXPECT_GT(Lines(c[kFacts]), 1u);
  EXPECT_GT(Lines(c[kLinks]), 1u);
  EXPECT_TRUE(c == d);
}

TEST(DemoPortfolio, AnotherSeedGivesAnotherPortfolio) {
  const Portfolio a = Generate(Options(300, 4000, 42));
  const Portfolio b = Generate(Options(300, 4000, 43));
  for (File f : {kClients, kPersons, kAccounts, kTransactions}) {
    SCOPED_TRACE(kFiles[f]);
    EXPECT_NE(a[f], b[f]);
    // The header is the same; the rows differ.
    EXPECT_EQ(a[f].substr(0, a[f].find('\n')), b[f].substr(0, b[f].find('\n')));
  }
  // Not only a reshuffle: the client records themselves differ.
  const Table ca = Parse(a[kClients], "a"), cb = Parse(b[kClients], "b");
  ASSERT_EQ(ca.rows.size(), cb.rows.size());
  int differing = 0;
  for (size_t i = 0; i < ca.rows.size(); ++i) differing += ca.rows[i] != cb.rows[i];
  EXPECT_GT(differing, 250);
}

TEST(DemoPortfolio, AnotherAsOfMovesTheDates) {
  const Portfolio a = Generate(Options(50, 500, 7, "2026-06-30"));
  const Portfolio b = Generate(Options(50, 500, 7, "2027-06-30"));
  EXPECT_NE(a[kClients], b[kClients]);
  EXPECT_NE(a[kTransactions], b[kTransactions]);
}

// The header comment: a client's profile depends neither on the number of
// transactions asked for nor on which files are written.
TEST(DemoPortfolio, ClientProfilesDoNotDependOnTransactionCountOrSinks) {
  const Portfolio few = Generate(Options(200, 300, 9));
  const Portfolio many = Generate(Options(200, 9000, 9));
  EXPECT_EQ(few[kClients], many[kClients]);
  EXPECT_EQ(few[kPersons], many[kPersons]);
  EXPECT_EQ(few[kAccounts], many[kAccounts]);
  EXPECT_NE(few[kTransactions], many[kTransactions]);

  // Only clients and transactions requested: the same bytes as with all six.
  std::ostringstream clients, transactions;
  DemoSinks sinks;
  sinks.clients = &clients;
  sinks.transactions = &transactions;
  GenerateDemoPortfolio(Options(200, 9000, 9), sinks);
  EXPECT_EQ(clients.str(), many[kClients]);
  EXPECT_EQ(transactions.str(), many[kTransactions]);

  // No sink at all is allowed.
  GenerateDemoPortfolio(Options(20, 100, 9), DemoSinks{});
}

// ---- file layout ---------------------------------------------------------------

// The columns the importer knows for a file kind, read from its "unknown
// column" message, so that the comparison is with the importer itself.
std::vector<std::string> ImporterColumns(const std::string& kind) {
  TempDir dir;
  fs::path path = dir.path() / (kind + ".csv");
  std::ofstream(path, std::ios::binary) << "no_such_column\n";
  auto store = Store::Open((dir.path() / "t.db").string());
  EXPECT_TRUE(store.has_value());
  if (!store) return {};
  auto report = ImportFiles(*store, {path.string()}, ImportOptions{}, ShippedReference());
  EXPECT_TRUE(report.has_value());
  if (!report || report->errors.empty()) {
    ADD_FAILURE() << kind << ": the unknown column was not reported";
    return {};
  }
  const std::string& message = report->errors[0].message;
  const std::string start = "unknown column for " + kind + " (known: ";
  EXPECT_EQ(message.rfind(start, 0), 0u) << message;
  if (message.rfind(start, 0) != 0 || message.back() != ')') return {};
  std::string list = message.substr(start.size(), message.size() - start.size() - 1);
  std::vector<std::string> columns;
  size_t pos = 0;
  while (pos <= list.size()) {
    size_t end = list.find(", ", pos);
    if (end == std::string::npos) end = list.size();
    columns.push_back(list.substr(pos, end - pos));
    pos = end + 2;
  }
  return columns;
}

TEST(DemoPortfolio, HeaderRowsAreTheImportColumns) {
  const Portfolio p = Generate(Options(30, 100));
  for (size_t i = 0; i < kImportFiles; ++i) {
    SCOPED_TRACE(kFiles[i]);
    std::vector<std::string> expected = ImporterColumns(kFiles[i]);
    ASSERT_FALSE(expected.empty());
    // The demo leaves out two optional columns and has every other one, in
    // the same order: facts record no expiry, clients no documented
    // cash_typical exemption.
    for (const char* optional : {"expires_on", "cash_typical"}) {
      expected.erase(std::remove(expected.begin(), expected.end(), std::string(optional)), expected.end());
    }
    EXPECT_EQ(Parse(p[i], kFiles[i]).header, expected);
  }
  EXPECT_EQ(p[kInjected].substr(0, p[kInjected].find('\n') + 1), "rule,client_id,window_start,window_end\n");
  // The same lists, written out, so that a change in either place shows here.
  EXPECT_EQ(p[kAccounts].substr(0, p[kAccounts].find('\n') + 1), "account_id,client_id,opened_on,currency\n");
  EXPECT_EQ(p[kLinks].substr(0, p[kLinks].find('\n') + 1), "client_id,party,country,reason\n");
  EXPECT_EQ(p[kPersons].substr(0, p[kPersons].find('\n') + 1),
            "person_id,client_id,role,name,birth_date,country,citizenship,pep\n");
}

TEST(DemoPortfolio, NoClientsGivesHeadersOnly) {
  for (int64_t transactions : {0, 100}) {
    const Portfolio p = Generate(Options(0, transactions));
    for (size_t i = 0; i < p.size(); ++i) {
      SCOPED_TRACE(std::string(kFiles[i]) + " with transactions=" + std::to_string(transactions));
      EXPECT_EQ(Lines(p[i]), 1u);
      ASSERT_FALSE(p[i].empty());
      EXPECT_EQ(p[i].back(), '\n');
    }
  }
}

TEST(DemoPortfolio, EveryRowEndsWithNewline) {
  const Portfolio p = Generate(Options(40, 333));
  for (size_t i = 0; i < p.size(); ++i) {
    SCOPED_TRACE(kFiles[i]);
    ASSERT_FALSE(p[i].empty());
    EXPECT_EQ(p[i].back(), '\n');
    EXPECT_EQ(p[i].find('\r'), std::string::npos);
  }
}

// ---- sizes and identifiers ---------------------------------------------------------

TEST(DemoPortfolio, RequestedNumbersOfClientsAndTransactions) {
  struct Case {
    int64_t clients, transactions, expected_transactions;
  };
  for (Case c : {Case{7, 100, 100}, Case{10, 3, 3}, Case{25, 25, 25}, Case{13, 0, 13 * 25}, Case{1, 1, 1},
                 Case{9, 1000, 1000}}) {
    SCOPED_TRACE(std::to_string(c.clients) + " clients, " + std::to_string(c.transactions) + " transactions");
    const auto t = ParseAll(Generate(Options(c.clients, c.transactions)));
    EXPECT_EQ(static_cast<int64_t>(t[kClients].rows.size()), c.clients);
    EXPECT_EQ(static_cast<int64_t>(t[kTransactions].rows.size()), c.expected_transactions);
    // Transactions are shared out as evenly as possible, the first clients
    // taking the remainder.
    std::map<std::string, int64_t> per_client;
    for (const std::string& id : t[kTransactions].Column("client_id")) ++per_client[id];
    const std::vector<std::string> ids = t[kClients].Column("client_id");
    for (size_t i = 0; i < ids.size(); ++i) {
      int64_t n = static_cast<int64_t>(ids.size());
      int64_t want = c.expected_transactions / n + (static_cast<int64_t>(i) < c.expected_transactions % n ? 1 : 0);
      EXPECT_EQ(per_client[ids[i]], want) << ids[i];
    }
  }
  // The default is 2000 clients.
  DemoOptions defaults;
  EXPECT_EQ(defaults.clients, 2000);
  EXPECT_EQ(defaults.transactions, 0);
}

TEST(DemoPortfolio, IdentifiersAreUniqueAndWellFormed) {
  const auto t = ParseAll(Generate(Options(1500, 6000, 2024)));
  const auto clients = t[kClients].Column("client_id");
  const auto persons = t[kPersons].Column("person_id");
  const auto accounts = t[kAccounts].Column("account_id");
  const auto transactions = t[kTransactions].Column("tx_id");
  ASSERT_EQ(clients.size(), 1500u);
  ASSERT_EQ(transactions.size(), 6000u);
  ASSERT_GT(persons.size(), 300u);
  ASSERT_GT(accounts.size(), 1500u);
  EXPECT_TRUE(Duplicates(clients).empty()) << *Duplicates(clients).begin();
  EXPECT_TRUE(Duplicates(persons).empty()) << *Duplicates(persons).begin();
  EXPECT_TRUE(Duplicates(accounts).empty()) << *Duplicates(accounts).begin();
  EXPECT_TRUE(Duplicates(transactions).empty()) << *Duplicates(transactions).begin();

  // Clients C0000001..., transactions T0000000001..., numbered in order.
  EXPECT_EQ(clients.front(), "C0000001");
  EXPECT_EQ(clients.back(), "C0001500");
  for (size_t i = 0; i < clients.size(); ++i) {
    char want[32];
    std::snprintf(want, sizeof want, "C%07zu", i + 1);
    ASSERT_EQ(clients[i], want);
  }
  for (size_t i = 0; i < transactions.size(); ++i) {
    char want[32];
    std::snprintf(want, sizeof want, "T%010zu", i + 1);
    ASSERT_EQ(transactions[i], want);
  }
  // Accounts: the institution's Latvian IBAN layout LVkkSRGS + 13 digits.
  for (const std::string& a : accounts) {
    ASSERT_EQ(a.size(), 21u) << a;
    EXPECT_EQ(a.substr(0, 2), "LV") << a;
    EXPECT_EQ(a.substr(4, 4), "SRGS") << a;
    EXPECT_EQ(a.find_first_not_of("0123456789", 8), std::string::npos) << a;
    EXPECT_EQ(a.find_first_not_of("0123456789", 2), 4u) << a;
  }
  // External counterparties CP + at least 6 digits, another client of the
  // institution by its id (A2.30 rings), or none (cash).
  const std::set<std::string> client_set(clients.begin(), clients.end());
  for (const std::string& cp : t[kTransactions].Column("counterparty_id")) {
    if (cp.empty() || client_set.count(cp)) continue;
    ASSERT_GE(cp.size(), 8u) << cp;
    EXPECT_EQ(cp.substr(0, 2), "CP") << cp;
    EXPECT_EQ(cp.find_first_not_of("0123456789", 2), std::string::npos) << cp;
  }
  // Every IBAN's check digits are right (ISO 13616: mod 97 == 1).
  auto valid_iban = [](const std::string& iban) {
    const std::string moved = iban.substr(4) + iban.substr(0, 4);
    int mod = 0;
    for (char ch : moved) {
      if (ch >= 'A' && ch <= 'Z') {
        mod = (mod * 100 + (ch - 'A' + 10)) % 97;
      } else {
        mod = (mod * 10 + (ch - '0')) % 97;
      }
    }
    return mod == 1;
  };
  for (const std::string& a : accounts) EXPECT_TRUE(valid_iban(a)) << a;
  for (const std::string& a : t[kTransactions].Column("counterparty_account")) {
    if (!a.empty()) {
      EXPECT_TRUE(valid_iban(a)) << a;
    }
  }
  // The natural keys of facts and links are unique too (the importer's
  // duplicate check).
  std::vector<std::string> fact_keys, link_keys;
  for (const auto& r : t[kFacts].rows) fact_keys.push_back(r.at("client_id") + "|" + r.at("factor") + "|" + r.at("observed_on"));
  for (const auto& r : t[kLinks].rows) link_keys.push_back(r.at("client_id") + "|" + r.at("party") + "|" + r.at("country"));
  EXPECT_TRUE(Duplicates(fact_keys).empty());
  EXPECT_TRUE(Duplicates(link_keys).empty());
}

// ---- consistency -------------------------------------------------------------------

TEST(DemoPortfolio, ReferencesAndDatesAreConsistent) {
  for (const char* as_of_text : {"2026-06-30", "2024-02-29"}) {
    SCOPED_TRACE(as_of_text);
    const Date as_of = Day(as_of_text);
    const Date window_start = AddMonths(as_of, -15);
    const auto t = ParseAll(Generate(Options(800, 12000, 77, as_of_text)));

    std::map<std::string, Date> start;
    for (const auto& r : t[kClients].rows) {
      Date d = Day(r.at("relationship_start").c_str());
      EXPECT_LE(d, as_of) << r.at("client_id");
      start[r.at("client_id")] = d;
      if (!r.at("birth_date").empty()) {
        EXPECT_LT(Day(r.at("birth_date").c_str()), as_of) << r.at("client_id");
      }
    }
    std::map<std::string, std::string> owner;
    for (const auto& r : t[kAccounts].rows) {
      ASSERT_TRUE(start.count(r.at("client_id"))) << r.at("account_id");
      owner[r.at("account_id")] = r.at("client_id");
      Date opened = Day(r.at("opened_on").c_str());
      EXPECT_GE(opened, start[r.at("client_id")]) << r.at("account_id");
      EXPECT_LE(opened, as_of) << r.at("account_id");
    }
    std::set<std::string> with_account;
    for (const auto& [account, client] : owner) with_account.insert(client);
    EXPECT_EQ(with_account.size(), start.size()) << "every client has an account";

    Date earliest = as_of, latest = window_start;
    for (const auto& r : t[kTransactions].rows) {
      const std::string& id = r.at("tx_id");
      ASSERT_TRUE(owner.count(r.at("account_id"))) << id;
      EXPECT_EQ(owner[r.at("account_id")], r.at("client_id")) << id << ": account of another client";
      auto booked = ParseBookingTime(r.at("booked_at"));
      ASSERT_TRUE(booked.has_value()) << id << " " << r.at("booked_at");
      EXPECT_LE(booked->date, as_of) << id << " " << r.at("booked_at");
      EXPECT_GE(booked->date, start[r.at("client_id")]) << id << " " << r.at("booked_at");
      EXPECT_GE(booked->date, window_start) << id << " " << r.at("booked_at");
      earliest = std::min(earliest, booked->date);
      latest = std::max(latest, booked->date);
    }
    // The transactions spread over the 15 months, not a corner of them.
    EXPECT_LT(earliest, window_start + std::chrono::days(31));
    EXPECT_GT(latest, as_of - std::chrono::days(31));

    for (const auto& r : t[kPersons].rows) {
      EXPECT_TRUE(start.count(r.at("client_id"))) << r.at("person_id");
      if (!r.at("birth_date").empty()) {
        EXPECT_LT(Day(r.at("birth_date").c_str()), as_of) << r.at("person_id");
      }
    }
    for (const auto& r : t[kFacts].rows) {
      ASSERT_TRUE(start.count(r.at("client_id")));
      Date observed = Day(r.at("observed_on").c_str());
      EXPECT_GE(observed, start[r.at("client_id")]) << r.at("client_id");
      EXPECT_LE(observed, as_of) << r.at("client_id");
    }
    for (const auto& r : t[kLinks].rows) EXPECT_TRUE(start.count(r.at("client_id")));
  }
}

// The files pass the importer's every check: the demo is valid input.
TEST(DemoPortfolio, ImportsWithoutASingleError) {
  struct Case {
    int64_t clients, transactions;
    uint64_t seed;
    const char* as_of;
  };
  for (Case c : {Case{2000, 20000, 135, "2026-06-30"}, Case{500, 0, 1, "2025-01-31"}, Case{333, 1001, 99, "2024-02-29"}}) {
    SCOPED_TRACE("seed " + std::to_string(c.seed));
    const Portfolio p = Generate(Options(c.clients, c.transactions, c.seed, c.as_of));
    TempDir dir;
    const std::vector<std::string> files = WriteFiles(p, dir.path());
    auto store = Store::Open((dir.path() / "demo.db").string());
    ASSERT_TRUE(store.has_value()) << store.error().ToString();
    auto report = ImportFiles(*store, files, ImportOptions{}, ShippedReference());
    ASSERT_TRUE(report.has_value()) << report.error().ToString();
    EXPECT_TRUE(report->errors.empty()) << report->errors.size() << " problems, first:\n" << Describe(report->errors);
    EXPECT_FALSE(report->truncated);
    // Every row arrived.
    for (size_t i = 0; i < kImportFiles; ++i) {
      SCOPED_TRACE(kFiles[i]);
      EXPECT_EQ(report->rows[i], static_cast<int64_t>(Lines(p[i]) - 1));
      auto count = store->Count(kFiles[i]);
      ASSERT_TRUE(count.has_value());
      EXPECT_EQ(*count, static_cast<int64_t>(Lines(p[i]) - 1));
    }
    EXPECT_EQ(report->rows[kClients], c.clients);
    EXPECT_EQ(report->rows[kTransactions], c.transactions ? c.transactions : c.clients * 25);
    EXPECT_EQ(static_cast<int64_t>(report->affected_clients.size()), c.clients);
  }
}

// ---- content -------------------------------------------------------------------------

TEST(DemoPortfolio, ShowsTheVarietyOfAPortfolio) {
  const auto t = ParseAll(Generate(Options(2000, 4000)));
  std::map<std::string, int> types, peps, countries;
  int remote = 0;
  for (const auto& r : t[kClients].rows) {
    ++types[r.at("type")];
    ++countries[r.at("country")];
    if (r.at("type") == "natural") ++peps[r.at("pep")];
    if (r.at("type") == "legal") {
      EXPECT_EQ(r.at("pep"), "none") << r.at("client_id") << ": a legal client cannot be a PEP";
    }
    if (r.at("type") == "natural") {
      EXPECT_TRUE(r.at("legal_form").empty()) << r.at("client_id");
      EXPECT_FALSE(r.at("birth_date").empty()) << r.at("client_id");
    }
    remote += r.at("onboarding") == "remote";
  }
  // Natural and legal persons, both in numbers.
  EXPECT_GT(types["natural"], 1000);
  EXPECT_GT(types["legal"], 300);
  EXPECT_EQ(types["natural"] + types["legal"], 2000);
  // PEPs (A1.4), also family members or associates.
  EXPECT_GE(peps["pep"], 5);
  EXPECT_GE(peps["family"] + peps["associate"], 1);
  // Mostly Latvian, with several other countries of residence or registration.
  EXPECT_GT(countries["LV"], 1500);
  EXPECT_GE(countries.size(), 8u);
  EXPECT_GT(remote, 300);

  // Legal clients have beneficial owners; some persons are foreign.
  std::set<std::string> with_ubo, person_countries;
  for (const auto& r : t[kPersons].rows) {
    if (r.at("role") == "ubo") with_ubo.insert(r.at("client_id"));
    person_countries.insert(r.at("citizenship"));
  }
  EXPECT_EQ(static_cast<int>(with_ubo.size()), types["legal"]);
  EXPECT_GE(person_countries.size(), 5u);

  // Cash and transfers, credits and debits, several counterparty countries.
  std::map<std::string, int> channels, directions;
  std::set<std::string> cp_countries;
  for (const auto& r : t[kTransactions].rows) {
    ++channels[r.at("channel")];
    ++directions[r.at("direction")];
    if (!r.at("counterparty_country").empty()) cp_countries.insert(r.at("counterparty_country"));
  }
  EXPECT_GT(channels["transfer"], 0);
  EXPECT_GT(channels["cash"], 0);
  EXPECT_GT(directions["credit"], 1000);
  EXPECT_GT(directions["debit"], 1000);
  EXPECT_GE(cp_countries.size(), 8u);

  // Analyst findings and extra country links exist.
  EXPECT_GT(t[kFacts].rows.size(), 10u);
  EXPECT_GT(t[kLinks].rows.size(), 5u);
}

// ---- monitoring patterns ------------------------------------------------------------------

int64_t Cents(const std::string& amount) {
  const size_t dot = amount.find('.');
  if (dot == std::string::npos) return std::stoll(amount) * 100;
  return std::stoll(amount.substr(0, dot)) * 100 + std::stoll(amount.substr(dot + 1));
}

// The generated portfolio, indexed for the checks below.
struct Book {
  std::array<Table, 7> t;
  std::map<std::string, const std::map<std::string, std::string>*> client;
  std::map<std::string, std::vector<const std::map<std::string, std::string>*>> txs;  // by client, booking order
  std::map<std::string, std::string> account_owner, account_opened;
  // Transactions by IP address, by counterparty account, by ATM.
  std::map<std::string, std::vector<const std::map<std::string, std::string>*>> by_ip, by_account, by_atm;

  explicit Book(const Portfolio& p) : t(ParseAll(p)) {
    for (const auto& r : t[kClients].rows) client[r.at("client_id")] = &r;
    for (const auto& r : t[kTransactions].rows) {
      txs[r.at("client_id")].push_back(&r);
      if (!r.at("ip").empty()) by_ip[r.at("ip")].push_back(&r);
      if (!r.at("counterparty_account").empty()) by_account[r.at("counterparty_account")].push_back(&r);
      if (!r.at("atm_id").empty()) by_atm[r.at("atm_id")].push_back(&r);
    }
    for (const auto& r : t[kAccounts].rows) {
      account_owner[r.at("account_id")] = r.at("client_id");
      account_opened[r.at("account_id")] = r.at("opened_on");
    }
  }
  static Date DayOf(const std::map<std::string, std::string>& tx) { return ParseBookingTime(tx.at("booked_at"))->date; }
  static int SecondOf(const std::map<std::string, std::string>& tx) {
    return ParseBookingTime(tx.at("booked_at"))->second_of_day;
  }
};

bool IsCashRow(const std::map<std::string, std::string>& tx) {
  return tx.at("channel") == "cash" || tx.at("channel") == "atm";
}

const std::set<std::string> kHighRisk = {"RU", "IR", "MM", "SY", "AF", "VU", "VG", "LB", "YE", "KP"};

TEST(DemoPortfolio, InjectsEveryRulesPatternAtTheRequestedRate) {
  const Portfolio p = Generate(Options(6000, 0));
  const auto t = ParseAll(p);
  const Date as_of = Day("2026-06-30"), window_start = AddMonths(as_of, -15);
  std::map<std::string, std::set<std::string>> clients_of;  // rule -> clients
  std::map<std::string, std::set<std::string>> rules_of;    // client -> rules
  for (const auto& r : t[kInjected].rows) {
    clients_of[r.at("rule")].insert(r.at("client_id"));
    rules_of[r.at("client_id")].insert(r.at("rule"));
    const Date from = Day(r.at("window_start").c_str()), to = Day(r.at("window_end").c_str());
    EXPECT_LE(from, to) << r.at("rule") << " " << r.at("client_id");
    EXPECT_GE(from, window_start) << r.at("rule") << " " << r.at("client_id");
    EXPECT_LE(to, as_of) << r.at("rule") << " " << r.at("client_id");
  }
  // Every rule, about 5 per mille of 6000 clients = 30 each (A2.54 also
  // comes with every A2.55 pattern).
  const std::vector<std::string> rules = {"A2.20", "A2.21", "A2.23", "A2.24", "A2.26", "A2.27", "A2.29",
                                          "A2.30", "A2.46", "A2.48", "A2.49", "A2.50", "A2.51", "A2.52",
                                          "A2.53", "A2.54", "A2.55", "A2.56", "A2.57", "A2.58", "A2.73"};
  EXPECT_EQ(clients_of.size(), rules.size());
  for (const std::string& rule : rules) {
    const size_t n = clients_of[rule].size();
    EXPECT_GE(n, 12u) << rule;
    EXPECT_LE(n, rule == "A2.54" ? 100u : 55u) << rule;
  }
  // One pattern per client.
  for (const auto& [client, rs] : rules_of) {
    if (rs.size() == 2) {
      EXPECT_EQ(rs, (std::set<std::string>{"A2.54", "A2.55"})) << client;
    } else {
      EXPECT_EQ(rs.size(), 1u) << client;
    }
  }
  // Cross-client patterns come in blocks of three consecutive clients.
  for (const char* rule : {"A2.30", "A2.46", "A2.57", "A2.73"}) {
    const auto& cs = clients_of[rule];
    EXPECT_EQ(cs.size() % 3, 0u) << rule;
    for (const std::string& c : cs) {
      const int number = std::stoi(c.substr(1)) - 1;
      const int first = number / 3 * 3;
      for (int k = 0; k < 3; ++k) {
        char id[16];
        std::snprintf(id, sizeof id, "C%07d", first + k + 1);
        EXPECT_TRUE(cs.count(id)) << rule << " " << c << " without " << id;
      }
    }
  }
  // The rate is an option: none, or four times as many.
  const Portfolio none = Generate([] { DemoOptions o = Options(3000, 0); o.pattern_per_mille = 0; return o; }());
  EXPECT_EQ(Lines(none[kInjected]), 1u);
  DemoOptions more = Options(6000, 0);
  more.pattern_per_mille = 20;
  const size_t more_rows = Lines(Generate(more)[kInjected]) - 1;
  const size_t rows = t[kInjected].rows.size();
  EXPECT_GT(more_rows, rows * 3);
  EXPECT_LT(more_rows, rows * 5);
}

// Every manifest row is backed by transactions that show the rule's
// pattern above its default thresholds, read directly from the rows.
TEST(DemoPortfolio, InjectedPatternsAreInTheTransactions) {
  const Book b(Generate(Options(4000, 0)));
  using Row = std::map<std::string, std::string>;
  int checked = 0;
  for (const auto& m : b.t[kInjected].rows) {
    const std::string& rule = m.at("rule");
    const std::string& id = m.at("client_id");
    SCOPED_TRACE(rule + " " + id);
    const Date from = Day(m.at("window_start").c_str()), to = Day(m.at("window_end").c_str());
    const Row& client = *b.client.at(id);
    std::vector<const Row*> in;  // the client's transactions in the window
    for (const Row* tx : b.txs.at(id)) {
      if (Book::DayOf(*tx) >= from && Book::DayOf(*tx) <= to) in.push_back(tx);
    }
    ASSERT_FALSE(in.empty());
    int64_t credit = 0, debit = 0, cash_debit = 0;
    for (const Row* tx : in) {
      (tx->at("direction") == "credit" ? credit : debit) += Cents(tx->at("amount_eur"));
      if (tx->at("direction") == "debit" && IsCashRow(*tx)) cash_debit += Cents(tx->at("amount_eur"));
    }
    auto any = [&](auto pred) { return std::any_of(in.begin(), in.end(), [&](const Row* tx) { return pred(*tx); }); };
    auto count = [&](auto pred) { return std::count_if(in.begin(), in.end(), [&](const Row* tx) { return pred(*tx); }); };
    if (rule == "A2.20") {
      std::map<Date, std::pair<int64_t, int64_t>> days;
      for (const Row* tx : in) {
        auto& d = days[Book::DayOf(*tx)];
        (tx->at("direction") == "credit" ? d.first : d.second) += Cents(tx->at("amount_eur"));
      }
      int matching = 0;
      for (const auto& [day, d] : days) {
        const int64_t larger = std::max(d.first, d.second), smaller = std::min(d.first, d.second);
        matching += smaller >= 100'000 && (larger - smaller) * 10 <= larger;
      }
      EXPECT_GE(matching, 3);
    } else if (rule == "A2.21") {
      EXPECT_GE(debit, 100'000);
      EXPECT_GT(cash_debit * 100, debit * 30);
    } else if (rule == "A2.23") {
      EXPECT_GE(count([](const Row& tx) {
                  const int64_t c = Cents(tx.at("amount_eur"));
                  return tx.at("direction") == "debit" && c >= 100'000 && c % 100'000 == 0;
                }),
                3);
    } else if (rule == "A2.24") {
      std::set<std::string> payers;
      int64_t small = 0;
      for (const Row* tx : in) {
        if (tx->at("direction") == "credit" && Cents(tx->at("amount_eur")) <= 100'000) {
          payers.insert(tx->at("counterparty_account"));
          small += Cents(tx->at("amount_eur"));
        }
      }
      EXPECT_GE(payers.size(), 3u);
      EXPECT_TRUE(any([&](const Row& tx) {
        return tx.at("direction") == "debit" && Book::DayOf(tx) == to && Cents(tx.at("amount_eur")) * 2 >= small &&
               !payers.count(tx.at("counterparty_account"));
      }));
    } else if (rule == "A2.26") {
      EXPECT_EQ(client.at("type"), "legal");
      EXPECT_GE(credit, 1'000'000);
      EXPECT_GE(cash_debit * 2, debit);
    } else if (rule == "A2.27") {
      EXPECT_TRUE(any([](const Row& tx) {
        return Cents(tx.at("amount_eur")) > 1'500'000 && kHighRisk.count(tx.at("counterparty_country"));
      }));
    } else if (rule == "A2.29") {
      EXPECT_TRUE(any([](const Row& tx) {
        const std::string& purpose = tx.at("purpose");
        return Cents(tx.at("amount_eur")) > 5'000'000 &&
               (purpose.find("consult") != std::string::npos || purpose.find("marketing") != std::string::npos ||
                purpose.find("reklām") != std::string::npos || purpose.find("konsult") != std::string::npos);
      }));
    } else if (rule == "A2.30") {
      // A payment to another client and one back from another client, both
      // sides booked: each transfer appears as the payee's credit too.
      int legs = 0;
      for (const Row* tx : in) {
        const auto owner = b.account_owner.find(tx->at("counterparty_account"));
        if (owner == b.account_owner.end()) continue;
        ++legs;
        EXPECT_EQ(owner->second, tx->at("counterparty_id"));
        EXPECT_GE(Cents(tx->at("amount_eur")), 500'000);
        const bool mirrored = std::any_of(b.txs.at(owner->second).begin(), b.txs.at(owner->second).end(), [&](const Row* o) {
          return o->at("booked_at") == tx->at("booked_at") && o->at("amount_eur") == tx->at("amount_eur") &&
                 o->at("direction") != tx->at("direction") && o->at("counterparty_account") == tx->at("account_id");
        });
        EXPECT_TRUE(mirrored) << tx->at("tx_id");
      }
      EXPECT_EQ(legs, 2);
    } else if (rule == "A2.46" || rule == "A2.57") {
      // Three clients or more on one address / paying one account that month.
      const std::string field = rule == "A2.46" ? "ip" : "counterparty_account";
      const auto& index = rule == "A2.46" ? b.by_ip : b.by_account;
      bool shared = false;
      for (const Row* tx : in) {
        if (tx->at(field).empty() || tx->at("direction") != "debit") continue;
        std::set<std::string> users;
        for (const Row* o : index.at(tx->at(field))) {
          if (Book::DayOf(*o) >= from && Book::DayOf(*o) <= to) users.insert(o->at("client_id"));
        }
        shared |= users.size() >= 3 && users.size() < 50;
      }
      EXPECT_TRUE(shared);
    } else if (rule == "A2.48") {
      const int64_t limit = Cents(client.at("transaction_limit"));
      EXPECT_TRUE(any([&](const Row& tx) {
        const int64_t excess = Cents(tx.at("amount_eur")) - limit;
        return excess >= 100'000 && excess * 100 >= limit * 30;
      }));
    } else if (rule == "A2.49") {
      const Row* first = nullptr;
      for (const Row* tx : b.txs.at(id)) {
        if (tx->at("direction") == "credit") {
          first = tx;
          break;
        }
      }
      ASSERT_NE(first, nullptr);
      EXPECT_GE(Book::DayOf(*first), from);
      EXPECT_GE(Book::DayOf(*first), AddMonths(Day(client.at("relationship_start").c_str()), 6));
      EXPECT_GE(credit, 7'000'000);
    } else if (rule == "A2.50") {
      ASSERT_EQ(in.size(), 1u);
      const Row& tx = *in[0];
      EXPECT_EQ(tx.at("direction"), "debit");
      for (const Row* earlier : b.txs.at(id)) {
        if (Book::DayOf(*earlier) < from && earlier->at("account_id") == tx.at("account_id")) {
          EXPECT_EQ(earlier->at("direction"), "credit");
        }
      }
      EXPECT_GE(from, AddMonths(Day(b.account_opened.at(tx.at("account_id")).c_str()), 12));
    } else if (rule == "A2.51") {
      EXPECT_GE(std::max(credit, debit), 7'000'000);
      for (const Row* tx : b.txs.at(id)) {
        const Date d = Book::DayOf(*tx);
        EXPECT_FALSE(d < from && d >= AddMonths(from, -6)) << tx->at("tx_id") << " in the pause";
      }
    } else if (rule == "A2.52") {
      EXPECT_EQ(client.at("type"), "natural");
      EXPECT_TRUE(any([](const Row& tx) { return IsCashRow(tx) && Cents(tx.at("amount_eur")) > 1'500'000; }));
    } else if (rule == "A2.53" || rule == "A2.54" || rule == "A2.55") {
      EXPECT_EQ(client.at("activity_linked_to_latvia"), "false");
      EXPECT_EQ(client.at("reputable_foreign_group"), "true");
      const int64_t over = rule == "A2.53" ? 30'000'000 : rule == "A2.54" ? 70'000'000 : 300'000'000;
      EXPECT_GT(credit, over);
    } else if (rule == "A2.56") {
      EXPECT_TRUE(client.at("legal_form") == "biedrība" || client.at("legal_form") == "nodibinājums");
      EXPECT_TRUE(any([](const Row& tx) {
        return tx.at("direction") == "debit" && tx.at("counterparty_country") != "LV" &&
               Cents(tx.at("amount_eur")) > 1'000'000;
      }));
    } else if (rule == "A2.58") {
      const int64_t plan = Cents(client.at("planned_monthly_credit_turnover"));
      EXPECT_GE(credit, 1'000'000);
      EXPECT_GE(credit, plan * 3);
    } else if (rule == "A2.73") {
      // Three clients or more, 500 EUR or more each, one ATM, ten minutes.
      const Row* mine = nullptr;
      for (const Row* tx : in) {
        if (tx->at("channel") == "atm" && Cents(tx->at("amount_eur")) >= 50'000) mine = tx;
      }
      ASSERT_NE(mine, nullptr);
      std::set<std::string> nearby;
      for (const Row* o : b.by_atm.at(mine->at("atm_id"))) {
        if (Book::DayOf(*o) == from && Cents(o->at("amount_eur")) >= 50'000 &&
            std::abs(Book::SecondOf(*o) - Book::SecondOf(*mine)) <= 600) {
          nearby.insert(o->at("client_id"));
        }
      }
      EXPECT_GE(nearby.size(), 3u);
    } else {
      ADD_FAILURE() << "unknown rule";
    }
    ++checked;
  }
  EXPECT_GT(checked, 300);
}

// Outside the injected patterns the data stays below the rules' defaults:
// the background is what an institution sees on ordinary days.
TEST(DemoPortfolio, BackgroundStaysBelowTheMonitoringThresholds) {
  const Book b(Generate(Options(6000, 0)));
  using Row = std::map<std::string, std::string>;
  std::set<std::string> injected;
  for (const auto& m : b.t[kInjected].rows) injected.insert(m.at("client_id"));
  std::map<std::string, std::set<std::string>> ip_users, recipient_payers;
  for (const auto& [id, rows] : b.txs) {
    if (injected.count(id)) continue;
    SCOPED_TRACE(id);
    const Row& client = *b.client.at(id);
    const bool natural = client.at("type") == "natural";
    const bool association = client.at("legal_form") == "biedrība" || client.at("legal_form") == "nodibinājums";
    const int64_t limit = client.at("transaction_limit").empty() ? 0 : Cents(client.at("transaction_limit"));
    for (const Row* tx : rows) {
      const int64_t cents = Cents(tx->at("amount_eur"));
      const bool debit = tx->at("direction") == "debit";
      if (IsCashRow(*tx)) {
        if (natural) {
          EXPECT_TRUE(debit && tx->at("channel") == "atm" && cents <= 25'000) << tx->at("tx_id");
        } else {
          EXPECT_FALSE(debit) << tx->at("tx_id") << ": a company withdrawing cash";
        }
      }
      if (limit > 0) {
        EXPECT_LE(cents, limit) << tx->at("tx_id");
      }
      if (kHighRisk.count(tx->at("counterparty_country"))) {
        EXPECT_LE(cents, 1'500'000) << tx->at("tx_id");
      }
      if (association && debit) {
        EXPECT_EQ(tx->at("counterparty_country"), "LV") << tx->at("tx_id");
      }
      if (debit && cents >= 100'000) {
        EXPECT_NE(cents % 100'000, 0) << tx->at("tx_id");
      }
      if (!tx->at("ip").empty()) ip_users[tx->at("ip")].insert(id);
      if (debit && !tx->at("counterparty_account").empty()) recipient_payers[tx->at("counterparty_account")].insert(id);
    }
  }
  for (const auto& [ip, users] : ip_users) EXPECT_EQ(users.size(), 1u) << ip;
  // A recipient is either one client's own or a mass one (utilities, the
  // tax office) paid by very many.
  for (const auto& [account, payers] : recipient_payers) {
    EXPECT_TRUE(payers.size() == 1 || payers.size() >= 50) << account << " paid by " << payers.size();
  }
}

// Each client's transactions are written in booking-time order.
TEST(DemoPortfolio, TransactionsOfAClientAreInBookingOrder) {
  const Book b(Generate(Options(500, 0)));
  for (const auto& [id, rows] : b.txs) {
    for (size_t i = 1; i < rows.size(); ++i) {
      const auto prev = *ParseBookingTime(rows[i - 1]->at("booked_at")), cur = *ParseBookingTime(rows[i]->at("booked_at"));
      EXPECT_TRUE(prev.date < cur.date || (prev.date == cur.date && prev.second_of_day <= cur.second_of_day))
          << rows[i]->at("tx_id");
    }
  }
}

}  // namespace
}  // namespace sargs
