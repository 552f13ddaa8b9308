#include "app/importer.h"

#include <gtest/gtest.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "reference/reference_data.h"
#include "storage/store.h"
#include "testing/temp_dir.h"

namespace sargs {
namespace {

namespace fs = std::filesystem;

constexpr const char* kClientsCsv =
    "client_id,type,name,birth_date,registration_number,country,relationship_start,pep,legal_form,nace,"
    "activities,activity_linked_to_latvia,reputable_foreign_group,private_banking,"
    "planned_monthly_credit_turnover,planned_annual_credit_turnover,transaction_limit,onboarding\n"
    "K1,natural,Anna Bērziņa,1985-03-02,,LV,2019-05-10,none,,,,true,false,false,1200,,,in_person\n"
    "K2,legal,\"SIA \"\"Koks\"\"\",,40003000000,LV,2020-01-15,none,SIA,16.10,,true,false,false,,50000.00,,remote\n";

constexpr const char* kAccountsCsv =
    "account_id,client_id,opened_on,currency\n"
    "A1,K1,2019-05-10,EUR\n"
    "A2,K2,2020-01-15,EUR\n"
    "A3,K2,2021-01-15,USD\n";

constexpr const char* kTransactionsCsv =
    "tx_id,account_id,client_id,booked_at,direction,amount_eur,currency,channel,counterparty_name,"
    "counterparty_country\n"
    "T1,A1,K1,2025-06-10,credit,1150.00,EUR,transfer,SIA Darba Devējs,LV\n"
    "T2,A1,K1,2025-06-12T23:15:00Z,debit,400,EUR,card,,\n"
    "T3,A2,K2,2025-06-13,credit,10000.5,EUR,cash,,\n"
    "T4,A3,K2,2025-06-14 09:00,debit,99.99,USD,transfer,Acme Inc,US\n";

const std::vector<std::string> kTables = {"clients", "persons", "accounts", "transactions",
                                          "facts",   "links",   "reviews"};

// A problem as the tests expect it: file name (without directory), line,
// column, field, and a part of the message.
struct Expected {
  std::string file;
  int line;
  int column;
  std::string field;
  std::string message_part;
};

std::string Describe(const std::vector<Error>& errors) {
  std::string out;
  for (const Error& e : errors) out += "  " + e.ToString() + "\n";
  return out;
}

bool EndsWith(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

void ExpectProblems(const ImportReport& report, const std::vector<Expected>& expected) {
  ASSERT_EQ(report.errors.size(), expected.size()) << Describe(report.errors);
  for (size_t i = 0; i < expected.size(); ++i) {
    const Error& e = report.errors[i];
    const Expected& x = expected[i];
    SCOPED_TRACE("problem " + std::to_string(i) + ": " + e.ToString());
    EXPECT_EQ(fs::path(e.where.file).filename().string(), x.file);
    EXPECT_EQ(e.where.line, x.line);
    EXPECT_EQ(e.where.column, x.column);
    EXPECT_EQ(e.field, x.field);
    EXPECT_NE(e.message.find(x.message_part), std::string::npos) << e.message;
  }
}

class ImporterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Store::Open((dir_ / "sargs.db").string());
    ASSERT_TRUE(store.has_value()) << store.error().ToString();
    store_.emplace(std::move(*store));
  }

  void TearDown() override { store_.reset(); }

  std::string Write(const std::string& name, std::string_view content) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << content;
    return p.string();
  }

  std::vector<std::string> WriteValid(const std::string& sub = "") {
    std::string prefix = sub.empty() ? "" : sub + "/";
    return {Write(prefix + "clients.csv", kClientsCsv), Write(prefix + "accounts.csv", kAccountsCsv),
            Write(prefix + "transactions.csv", kTransactionsCsv)};
  }

  Result<ImportReport> Run(const std::vector<std::string>& files, const ImportOptions& options = {}) {
    return ImportFiles(*store_, files, options, ShippedReference());
  }

  ImportReport Import(const std::vector<std::string>& files, const ImportOptions& options = {}) {
    auto r = Run(files, options);
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().ToString());
    return r ? std::move(*r) : ImportReport{};
  }

  int64_t Count(const std::string& table) {
    auto c = store_->Count(table);
    EXPECT_TRUE(c.has_value()) << table;
    return c ? *c : -1;
  }

  // A stored transaction (the test fails when there is none).
  Transaction Tx(const std::string& id) {
    auto t = store_->FindTransaction(id);
    EXPECT_TRUE(t.has_value() && t->has_value()) << id;
    return t && *t ? **t : Transaction{};
  }
  bool HasTx(const std::string& id) {
    auto t = store_->FindTransaction(id);
    EXPECT_TRUE(t.has_value()) << id;
    return t && t->has_value();
  }

  std::map<std::string, int64_t> Counts() {
    std::map<std::string, int64_t> out;
    for (const std::string& t : kTables) out[t] = Count(t);
    return out;
  }

  // The first column of the first row of `sql`, or "<no row>".
  std::string Query(const std::string& sql) {
    auto s = store_->db().Prepare(sql);
    EXPECT_TRUE(s.has_value()) << sql;
    if (!s) return "<error>";
    auto row = s->Step();
    EXPECT_TRUE(row.has_value()) << sql;
    if (!row || !*row) return "<no row>";
    return std::string(s->Text(0));
  }

  TempDir tmp_;
  const fs::path& dir_ = tmp_.path();
  std::optional<Store> store_;
};

// ---- valid imports -------------------------------------------------------------

TEST_F(ImporterTest, ValidImportCommitsAllRows) {
  ImportReport report = Import(WriteValid());
  EXPECT_TRUE(report.errors.empty()) << Describe(report.errors);
  EXPECT_FALSE(report.truncated);
  EXPECT_EQ(report.rows[static_cast<int>(ImportKind::kClients)], 2);
  EXPECT_EQ(report.rows[static_cast<int>(ImportKind::kAccounts)], 3);
  EXPECT_EQ(report.rows[static_cast<int>(ImportKind::kTransactions)], 4);
  EXPECT_EQ(report.rows[static_cast<int>(ImportKind::kPersons)], 0);
  EXPECT_EQ(report.affected_clients, (std::unordered_set<std::string>{"K1", "K2"}));

  EXPECT_EQ(Counts(), (std::map<std::string, int64_t>{{"clients", 2}, {"persons", 0}, {"accounts", 3},
                                                      {"transactions", 4}, {"facts", 0}, {"links", 0},
                                                      {"reviews", 0}}));
  // Values arrive exactly.
  EXPECT_EQ(Query("SELECT name FROM clients WHERE id='K2'"), "SIA \"Koks\"");
  EXPECT_EQ(Query("SELECT name FROM clients WHERE id='K1'"), "Anna Bērziņa");
  EXPECT_EQ(Query("SELECT planned_monthly_credit_cents FROM clients WHERE id='K1'"), "120000");
  EXPECT_EQ(Query("SELECT planned_annual_credit_cents FROM clients WHERE id='K2'"), "5000000");
  EXPECT_EQ(Tx("T3").amount.cents(), 1000050);
  EXPECT_EQ(Tx("T4").amount.cents(), 9999);
  EXPECT_EQ(Tx("T4").counterparty_name, "Acme Inc");
  EXPECT_EQ(Tx("T4").currency, "USD");
  EXPECT_EQ(Tx("T4").channel, Channel::kTransfer);
  EXPECT_EQ(Tx("T4").direction, Direction::kDebit);
  EXPECT_EQ(Tx("T4").client_id, "K2");
  EXPECT_EQ(Tx("T4").account_id, "A3");
  EXPECT_EQ(Tx("T1").counterparty_name, "SIA Darba Devējs");
  EXPECT_EQ(Query("SELECT client_id FROM accounts WHERE id='A3'"), "K2");
  // 23:15 UTC on 12 June is 02:15 on 13 June in Riga.
  EXPECT_EQ(FormatDate(Tx("T2").booked.date), "2025-06-13");
  EXPECT_EQ(Tx("T2").booked.second_of_day, 2 * 3600 + 15 * 60);
  EXPECT_EQ(Tx("T1").booked.second_of_day, -1);  // a date without a time
}

TEST_F(ImporterTest, FileOrderDoesNotMatter) {
  auto files = WriteValid();
  ImportReport report = Import({files[2], files[1], files[0]});
  EXPECT_TRUE(report.errors.empty()) << Describe(report.errors);
  EXPECT_EQ(Count("clients"), 2);
  EXPECT_EQ(Count("accounts"), 3);
  EXPECT_EQ(Count("transactions"), 4);
}

TEST_F(ImporterTest, ReimportIsIdempotent) {
  auto files = WriteValid();
  ImportReport first = Import(files);
  ASSERT_TRUE(first.errors.empty()) << Describe(first.errors);
  auto before = Counts();
  ImportReport second = Import(files);
  EXPECT_TRUE(second.errors.empty()) << Describe(second.errors);
  EXPECT_EQ(second.rows, first.rows);
  EXPECT_EQ(Counts(), before);
  ImportReport third = Import({files[2]});  // transactions alone: accounts and clients are in the database
  EXPECT_TRUE(third.errors.empty()) << Describe(third.errors);
  EXPECT_EQ(Counts(), before);
}

TEST_F(ImporterTest, ReimportUpdatesChangedRows) {
  Import(WriteValid());
  std::string changed = kTransactionsCsv;
  changed.replace(changed.find("1150.00"), 7, "1150.01");
  changed.replace(changed.find("2025-06-13,credit"), 10, "2025-07-01");  // T3 moves to another day
  Import({Write("again/transactions.csv", changed)});
  EXPECT_EQ(Count("transactions"), 4);
  EXPECT_EQ(Tx("T1").amount.cents(), 115001);
  EXPECT_EQ(FormatDate(Tx("T3").booked.date), "2025-07-01");
  // T3 left its old place: the client's transactions hold it once.
  auto k2 = store_->ClientTransactions("K2");
  ASSERT_TRUE(k2.has_value());
  ASSERT_EQ(k2->size(), 2u);
  EXPECT_EQ((*k2)[0].id, "T4");
  EXPECT_EQ((*k2)[1].id, "T3");
}

// ---- rejected imports ----------------------------------------------------------

TEST_F(ImporterTest, EveryProblemIsReportedAndNothingIsWritten) {
  ASSERT_TRUE(Import(WriteValid()).errors.empty());
  const auto before = Counts();

  std::vector<std::string> files = {
      Write("bad/clients.csv",
            "client_id,type,name,country,relationship_start,pep,activity_linked_to_latvia,"
            "reputable_foreign_group,private_banking\n"
            "K3,natural,Jānis Liepa,LV,2021-04-01,none,true,false,false\n"
            "K4,natural,Bad Date,LV,2021-02-30,none,true,false,false\n"
            "K5,natural,Bad Country,XX,2021-04-01,none,true,false,false\n"
            "K3,natural,Dup,LV,2021-04-01,none,true,false,false\n"),
      Write("bad/persons.csv",
            "person_id,client_id,role,name,country,citizenship,pep\n"
            "P1,K1,representative,Ilze Ozola,LV,LV,none\n"),
      Write("bad/accounts.csv",
            "account_id,client_id,opened_on,currency\n"
            "A9,K3,2021-04-01,EUR\n"),
      Write("bad/transactions.csv",
            "tx_id,account_id,client_id,booked_at,direction,amount_eur,currency,channel\n"
            "T10,A1,K1,2025-07-01,credit,-5.00,EUR,transfer\n"
            "T11,A1,K1,2025-07-01,credit,0.00,EUR,transfer\n"
            "T12,A404,K1,2025-07-01,credit,5.00,EUR,transfer\n"
            "T13,A2,K1,2025-07-01,credit,5.00,EUR,transfer\n"
            "T14,A1,K1,2025-07-32,credit,5.00,EUR,transfer\n"
            "T15,A9,K3,2025-07-02T10:00Z,credit,5.00,EUR,transfer\n"),
      Write("bad/facts.csv",
            "client_id,factor,observed_on,note,author\n"
            "K1,A9.99,2025-07-01,Something,I. Analītiķe\n"
            "K1,A1.1,2025-07-01,Shell arrangement,I. Analītiķe\n"),
      Write("bad/links.csv",
            "client_id,party,country,reason,colour\n"
            "K1,client,EE,second residence,blue\n"),
      Write("bad/reviews.csv",
            "client_id,on,author\n"
            "K1,2025-07-01,I. Analītiķe\n"),
  };
  ImportReport report = Import(files);
  ExpectProblems(report, {
                             {"clients.csv", 3, 24, "relationship_start", "2021-02-30"},
                             {"clients.csv", 4, 24, "country", "unknown country code 'XX'"},
                             {"clients.csv", 5, 1, "client_id", "duplicate id 'K3' (first at "},
                             {"transactions.csv", 2, 29, "amount_eur", "greater than zero"},
                             {"transactions.csv", 3, 29, "amount_eur", "greater than zero"},
                             {"transactions.csv", 4, 5, "account_id", "unknown account 'A404'"},
                             {"transactions.csv", 5, 5, "account_id", "belongs to client 'K2'"},
                             {"transactions.csv", 6, 11, "booked_at", "2025-07-32"},
                             {"facts.csv", 2, 4, "factor", "unknown factor code 'A9.99'"},
                             {"links.csv", 1, 32, "colour", "unknown column"},
                             {"reviews.csv", 1, 1, "kind", "missing required column"},
                         });
  EXPECT_FALSE(report.truncated);
  EXPECT_TRUE(report.affected_clients.empty());
  // The duplicate names the line of the first occurrence.
  ASSERT_EQ(report.errors.size(), 11u);
  EXPECT_TRUE(EndsWith(report.errors[2].message, "2)")) << report.errors[2].message;
  // Errors name the file as it was given.
  ASSERT_FALSE(report.errors.empty());
  EXPECT_EQ(report.errors[0].where.file, files[0]);
  EXPECT_EQ(report.errors[0].ToString().rfind(files[0] + ":3:24: relationship_start: ", 0), 0u)
      << report.errors[0].ToString();

  // Nothing of this import reached the database, not even the rows of the
  // files that were clean (persons, accounts) or the clean rows of the others.
  EXPECT_EQ(Counts(), before);
  EXPECT_EQ(Query("SELECT COUNT(*) FROM clients WHERE id='K3'"), "0");
  EXPECT_EQ(Query("SELECT COUNT(*) FROM accounts WHERE id='A9'"), "0");
  EXPECT_FALSE(HasTx("T15"));

  // The store is still usable: a clean import after the rejected one commits.
  ImportReport again = Import({Write("more/persons.csv",
                                     "person_id,client_id,role,name,country,citizenship,pep\n"
                                     "P1,K1,representative,Ilze Ozola,LV,LV,none\n")});
  EXPECT_TRUE(again.errors.empty()) << Describe(again.errors);
  EXPECT_EQ(Count("persons"), 1);
}

TEST_F(ImporterTest, RejectedFirstImportLeavesEmptyDatabase) {
  auto files = WriteValid();
  files.push_back(Write("x/facts.csv",
                        "client_id,factor,observed_on,note,author\n"
                        "K1,A1.1,2025-07-01,,\n"
                        "K9,A1.1,2025-07-01,note,me\n"));
  ImportReport report = Import(files);
  ExpectProblems(report, {{"facts.csv", 3, 1, "client_id", "unknown client 'K9'"}});
  for (const auto& [table, n] : Counts()) EXPECT_EQ(n, 0) << table;
}

TEST_F(ImporterTest, EmptyRequiredValueAndWrongFieldCount) {
  ImportReport report = Import({Write("clients.csv",
                                      "client_id,type,name,country,relationship_start,pep,"
                                      "activity_linked_to_latvia,reputable_foreign_group,private_banking\n"
                                      "K1,natural,,LV,2021-04-01,none,true,false,false\n"
                                      "K2,natural,Anna,LV,2021-04-01,none,true,false\n"
                                      "K3,natural,Anna,LV,2021-04-01,none,yes,false,false\n")});
  ExpectProblems(report, {
                             {"clients.csv", 2, 12, "name", "required value is empty"},
                             {"clients.csv", 3, 1, "", "expected 9 fields"},
                             {"clients.csv", 4, 36, "activity_linked_to_latvia", "expected true or false"},
                         });
  EXPECT_EQ(Count("clients"), 0);
}

TEST_F(ImporterTest, MalformedCsvIsReportedWithPosition) {
  ImportReport report = Import({Write("accounts.csv",
                                      "account_id,client_id,opened_on,currency\n"
                                      "A1,\"K1,2019-05-10,EUR\n"),
                                Write("clients.csv", kClientsCsv)});
  ExpectProblems(report, {{"accounts.csv", 2, 4, "", "never closed"}});
  EXPECT_EQ(Count("clients"), 0);
}

TEST_F(ImporterTest, EmptyFileIsAProblem) {
  ImportReport report = Import({Write("clients.csv", "")});
  ExpectProblems(report, {{"clients.csv", 1, 1, "", "empty file"}});
}

TEST_F(ImporterTest, UnreadableFileAbortsTheImport) {
  auto files = WriteValid();
  const std::string missing = (dir_ / "nowhere" / "persons.csv").string();
  files.push_back(missing);
  auto r = Run(files);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().where.file, missing);
  EXPECT_EQ(Count("clients"), 0);
  EXPECT_EQ(Count("accounts"), 0);
  // No transaction is left open.
  ImportReport report = Import(WriteValid("retry"));
  EXPECT_TRUE(report.errors.empty()) << Describe(report.errors);
  EXPECT_EQ(Count("clients"), 2);
}

// ---- JSON Lines ------------------------------------------------------------------

TEST_F(ImporterTest, JsonLinesImport) {
  std::vector<std::string> files = {
      Write("clients.jsonl",
            R"({"client_id":"K1","type":"natural","name":"Caf\u00e9 \"Ā\"","country":"LV",)"
            R"("relationship_start":"2019-05-10","pep":"none","activity_linked_to_latvia":true,)"
            R"("reputable_foreign_group":false,"private_banking":false,"planned_monthly_credit_turnover":1200.50,)"
            R"("birth_date":null})"
            "\r\n"
            "\n"
            "   \n"
            R"({"client_id":"K2","type":"legal","name":"SIA Koks","country":"EE","relationship_start":"2020-01-15",)"
            R"("pep":"none","activity_linked_to_latvia":false,"reputable_foreign_group":true,"private_banking":false})"
            "\r\n"),
      Write("accounts.ndjson",
            R"({"account_id":"A1","client_id":"K1","opened_on":"2019-05-10","currency":"EUR"})"
            "\n"
            R"({"account_id":"A2","client_id":"K2","opened_on":"2020-01-15","currency":"EUR"})"),
      Write("transactions.jsonl",
            R"({"tx_id":"T1","account_id":"A1","client_id":"K1","booked_at":"2025-06-10T12:00:00+03:00",)"
            R"("direction":"credit","amount_eur":1150.25,"currency":"EUR","channel":"transfer","purpose":null})"
            "\n"),
  };
  ImportReport report = Import(files);
  EXPECT_TRUE(report.errors.empty()) << Describe(report.errors);
  EXPECT_EQ(report.rows[static_cast<int>(ImportKind::kClients)], 2);
  EXPECT_EQ(report.rows[static_cast<int>(ImportKind::kAccounts)], 2);
  EXPECT_EQ(report.rows[static_cast<int>(ImportKind::kTransactions)], 1);
  EXPECT_EQ(Count("clients"), 2);
  EXPECT_EQ(Count("accounts"), 2);
  EXPECT_EQ(Count("transactions"), 1);
  EXPECT_EQ(Query("SELECT name FROM clients WHERE id='K1'"), "Café \"Ā\"");
  EXPECT_EQ(Query("SELECT planned_monthly_credit_cents FROM clients WHERE id='K1'"), "120050");
  EXPECT_EQ(Query("SELECT birth_date IS NULL FROM clients WHERE id='K1'"), "1");
  EXPECT_EQ(Query("SELECT reputable_foreign_group FROM clients WHERE id='K2'"), "1");
  EXPECT_EQ(Tx("T1").amount.cents(), 115025);
  EXPECT_EQ(Tx("T1").booked.second_of_day, 12 * 3600);

  // Re-importing the JSON Lines files changes nothing.
  auto before = Counts();
  EXPECT_TRUE(Import(files).errors.empty());
  EXPECT_EQ(Counts(), before);
}

TEST_F(ImporterTest, JsonLinesProblemsNameTheirLine) {
  auto valid = WriteValid();
  ASSERT_TRUE(Import(valid).errors.empty());
  const auto before = Counts();
  const std::string good =
      R"({"tx_id":"T20","account_id":"A1","client_id":"K1","booked_at":"2025-07-01","direction":"credit",)"
      R"("amount_eur":10,"currency":"EUR","channel":"cash"})";
  std::string text = good + "\n\n";
  // Line 3: not valid JSON (a missing comma after "T21").
  text += R"({"tx_id":"T21" "account_id":"A1"})" "\n";
  // Line 4: a required field is missing.
  text += R"({"tx_id":"T22","account_id":"A1","client_id":"K1","booked_at":"2025-07-01","direction":"credit",)"
          R"("amount_eur":10,"currency":"EUR"})" "\n";
  // Line 5: an unknown key.
  text += R"({"colour":"red","tx_id":"T23","account_id":"A1","client_id":"K1","booked_at":"2025-07-01",)"
          R"("direction":"credit","amount_eur":10,"currency":"EUR","channel":"cash"})" "\n";
  // Line 6: a number Money does not accept.
  text += R"({"amount_eur":1e3,"tx_id":"T24","account_id":"A1","client_id":"K1","booked_at":"2025-07-01",)"
          R"("direction":"credit","currency":"EUR","channel":"cash"})" "\n";
  // Line 7: nested value.
  text += R"({"tx_id":{"x":1}})" "\n";
  text += good;  // line 8: a duplicate of line 1
  ImportReport report = Import({Write("json/transactions.jsonl", text)});
  ExpectProblems(report, {
                             {"transactions.jsonl", 3, 16, "", "expected ',' or '}'"},
                             {"transactions.jsonl", 4, 1, "channel", "missing required field"},
                             {"transactions.jsonl", 5, 11, "colour", "unknown column"},
                             {"transactions.jsonl", 6, 15, "amount_eur", "not a decimal amount"},
                             {"transactions.jsonl", 7, 10, "", "nested"},
                             {"transactions.jsonl", 8, 10, "tx_id", "duplicate id 'T20' (first at "},
                         });
  ASSERT_EQ(report.errors.size(), 6u);
  EXPECT_TRUE(EndsWith(report.errors[5].message, "1)")) << report.errors[5].message;
  EXPECT_EQ(Counts(), before);
}

// ---- file kinds ------------------------------------------------------------------

TEST_F(ImporterTest, KindFromPrefixedFileNames) {
  ImportReport report = Import({Write("2026_clients.csv", kClientsCsv), Write("q3-accounts.csv", kAccountsCsv),
                                Write("bank_x_transactions.csv", kTransactionsCsv)});
  EXPECT_TRUE(report.errors.empty()) << Describe(report.errors);
  EXPECT_EQ(Count("clients"), 2);
  EXPECT_EQ(Count("accounts"), 3);
  EXPECT_EQ(Count("transactions"), 4);
}

TEST_F(ImporterTest, UnknownFileNameNeedsKind) {
  for (const char* name : {"data.csv", "myclients.csv", "clients-2026.csv", "client.csv", "clients.csv.bak"}) {
    const std::string path = Write(name, kClientsCsv);
    auto r = Run({path});
    ASSERT_FALSE(r.has_value()) << name;
    EXPECT_EQ(r.error().where.file, path);
    EXPECT_NE(r.error().message.find("--kind"), std::string::npos) << r.error().message;
  }
  EXPECT_EQ(Count("clients"), 0);
}

TEST_F(ImporterTest, KindOptionOverridesFileName) {
  ImportOptions options;
  options.kind = ImportKind::kClients;
  // One file without a kind in its name, one whose name says "accounts".
  ImportReport report = Import({Write("export.csv", kClientsCsv),
                                Write("accounts.csv",
                                      "client_id,type,name,country,relationship_start,pep,"
                                      "activity_linked_to_latvia,reputable_foreign_group,private_banking\n"
                                      "K7,natural,Anna,LV,2021-04-01,none,true,false,false\n")},
                               options);
  EXPECT_TRUE(report.errors.empty()) << Describe(report.errors);
  EXPECT_EQ(Count("clients"), 3);
  EXPECT_EQ(Count("accounts"), 0);
}

TEST_F(ImporterTest, KindOptionAppliesTheKindsColumns) {
  ImportOptions options;
  options.kind = ImportKind::kAccounts;
  ImportReport report = Import({Write("clients.csv", kClientsCsv)}, options);
  ASSERT_FALSE(report.errors.empty());
  EXPECT_EQ(report.errors[0].where.line, 1);
  EXPECT_EQ(report.errors[0].field, "type");
  EXPECT_NE(report.errors[0].message.find("unknown column for accounts"), std::string::npos)
      << report.errors[0].message;
  EXPECT_EQ(Count("clients"), 0);
}

TEST(ImportKind, NamesRoundTrip) {
  for (int i = 0; i < kImportKindCount; ++i) {
    auto kind = static_cast<ImportKind>(i);
    auto parsed = ParseImportKind(ToString(kind));
    ASSERT_TRUE(parsed.has_value()) << ToString(kind);
    EXPECT_EQ(*parsed, kind);
  }
  EXPECT_STREQ(ToString(ImportKind::kTransactions), "transactions");
  EXPECT_FALSE(ParseImportKind("transaction").has_value());
  EXPECT_FALSE(ParseImportKind("Clients").has_value());
  EXPECT_FALSE(ParseImportKind("").has_value());
}

// ---- error cap -------------------------------------------------------------------

std::string AccountsWithUnknownClients(int rows, const char* currency = "EUR") {
  std::string text = "account_id,client_id,opened_on,currency\n";
  for (int i = 0; i < rows; ++i) {
    text += 'B';
    text += std::to_string(i);
    text += ",NOPE,2021-01-01,";
    text += currency;
    text += '\n';
  }
  return text;
}

TEST_F(ImporterTest, MaxErrorsCapSetsTruncated) {
  ImportOptions options;
  options.max_errors = 3;
  ImportReport report = Import({Write("accounts.csv", AccountsWithUnknownClients(10))}, options);
  ASSERT_EQ(report.errors.size(), 3u) << Describe(report.errors);
  EXPECT_EQ(report.errors[0].where.line, 2);
  EXPECT_EQ(report.errors[2].where.line, 4);
  // Seven more problems were not collected.
  EXPECT_TRUE(report.truncated);
  EXPECT_EQ(Count("accounts"), 0);
}

TEST_F(ImporterTest, MaxErrorsCapWithSeveralProblemsPerRow) {
  ImportOptions options;
  options.max_errors = 3;
  ImportReport report = Import({Write("accounts.csv", AccountsWithUnknownClients(5, "ZZZ"))}, options);
  ASSERT_EQ(report.errors.size(), 3u) << Describe(report.errors);
  EXPECT_EQ(report.errors[0].field, "client_id");
  EXPECT_EQ(report.errors[1].field, "currency");
  EXPECT_EQ(report.errors[2].where.line, 3);
  EXPECT_TRUE(report.truncated);
}

TEST_F(ImporterTest, ExactlyMaxErrorsIsNotTruncated) {
  ImportOptions options;
  options.max_errors = 3;
  ImportReport report = Import({Write("accounts.csv", AccountsWithUnknownClients(3))}, options);
  EXPECT_EQ(report.errors.size(), 3u) << Describe(report.errors);
  EXPECT_FALSE(report.truncated);
}

TEST_F(ImporterTest, DefaultCapIsOneHundred) {
  // 150 rows with two problems each: 300 problems, 100 collected.
  ImportReport report = Import({Write("accounts.csv", AccountsWithUnknownClients(150, "ZZZ"))});
  EXPECT_EQ(report.errors.size(), 100u);
  EXPECT_TRUE(report.truncated);
}

}  // namespace
}  // namespace sargs

namespace sargs {
namespace {

// ---- the cash_typical column, the earliest booking, files without accounts ----

TEST_F(ImporterTest, CashTypicalIsOptionalAndStored) {
  std::string clients = std::string(kClientsCsv);
  // Add the column: K1 exempt, K2 empty (= false).
  clients.replace(clients.find("onboarding\n"), 11, "onboarding,cash_typical\n");
  clients.replace(clients.find(",in_person\n"), 11, ",in_person,true\n");
  clients.replace(clients.find(",remote\n"), 8, ",remote,\n");
  ImportReport report = Import({Write("clients.csv", clients)});
  ASSERT_TRUE(report.errors.empty()) << Describe(report.errors);
  EXPECT_EQ(Query("SELECT cash_typical FROM clients WHERE id='K1'"), "1");
  EXPECT_EQ(Query("SELECT cash_typical FROM clients WHERE id='K2'"), "0");
  std::map<std::string, bool> read;
  ASSERT_TRUE(store_->ForEachClient(*ParseDate("2026-06-30"), 30, nullptr, [&](ClientRecord& r) -> Result<bool> {
    read[r.client.id] = r.client.cash_typical;
    return true;
  }));
  EXPECT_EQ(read, (std::map<std::string, bool>{{"K1", true}, {"K2", false}}));

  clients.replace(clients.find(",in_person,true\n"), 16, ",in_person,often\n");
  ImportReport bad = Import({Write("bad/clients.csv", clients)});
  ExpectProblems(bad, {{"clients.csv", 2, 93, "cash_typical", "true"}});
}

TEST_F(ImporterTest, HistoryCompleteFromIsRecordedWithACleanImportOnly) {
  EXPECT_EQ(store_->HistoryCompleteFrom().value(), std::nullopt);
  ImportOptions options;
  options.history_complete_from = ParseDate("2025-01-01").value();
  // A rejected import records nothing.
  std::string bad = std::string(kClientsCsv);
  bad.replace(bad.find("natural"), 7, "naturel");
  ImportReport rejected = Import({Write("bad/clients.csv", bad)}, options);
  ASSERT_FALSE(rejected.errors.empty());
  EXPECT_EQ(store_->HistoryCompleteFrom().value(), std::nullopt);
  ImportReport report = Import(WriteValid(), options);
  ASSERT_TRUE(report.errors.empty()) << Describe(report.errors);
  EXPECT_EQ(store_->HistoryCompleteFrom().value(), ParseDate("2025-01-01").value());
  // An import without the option leaves what was said.
  Import(WriteValid("again"));
  EXPECT_EQ(store_->HistoryCompleteFrom().value(), ParseDate("2025-01-01").value());
}

// A sink that keeps nothing of the database: what `sargs monitor --input`
// sees of the importer.
class CountingSink : public ImportSink {
 public:
  Result<bool> HasClient(const std::string&) override { return false; }
  Result<std::optional<std::string>> AccountOwner(const std::string&) override { return std::nullopt; }
  Result<bool> Put(const Client&) override { return true; }
  Result<bool> Put(const Person&) override { return true; }
  Result<bool> Put(const Account&) override { return true; }
  Result<bool> Put(const Transaction& t) override {
    owners[t.account_id] = t.client_id;
    return true;
  }
  Result<bool> Put(const Fact&) override { return true; }
  Result<bool> Put(const CountryLink&) override { return true; }
  Result<bool> Put(const Review&) override { return true; }
  std::map<std::string, std::string> owners;
};

TEST_F(ImporterTest, WithoutAnAccountsFileTheFirstTransactionNamesTheOwner) {
  const std::string clients = Write("clients.csv", kClientsCsv);
  const std::string txs = Write("transactions.csv",
                                "tx_id,account_id,client_id,booked_at,direction,amount_eur,currency,channel\n"
                                "T1,X1,K1,2025-06-10,credit,10,EUR,transfer\n"
                                "T2,X2,K2,2025-06-10,credit,10,EUR,transfer\n"
                                "T3,X1,K1,2025-06-11,debit,5,EUR,transfer\n"
                                "T4,X1,K2,2025-06-12,debit,5,EUR,transfer\n");
  const std::vector<std::pair<ImportKind, std::string>> plan = {{ImportKind::kClients, clients},
                                                                {ImportKind::kTransactions, txs}};
  CountingSink strict;
  auto refused = ReadFiles(strict, plan, ImportOptions{}, ShippedReference());
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->errors.size(), 4u) << Describe(refused->errors);  // every account is unknown

  ImportOptions options;
  options.accounts_from_transactions = true;
  CountingSink lenient;
  auto read = ReadFiles(lenient, plan, options, ShippedReference());
  ASSERT_TRUE(read.has_value());
  // X1 belongs to K1 from its first row on: K2's row on it is still wrong.
  ExpectProblems(*read, {{"transactions.csv", 5, 4, "account_id", "belongs to client 'K1'"}});
}

}  // namespace
}  // namespace sargs
