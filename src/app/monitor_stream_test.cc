#include "app/monitor_stream.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "app/demo_portfolio.h"
#include "base/calendar.h"
#include "reference/reference_data.h"
#include "testing/temp_dir.h"

namespace sargs {
namespace {

// What identifies an alert, whatever order it was raised in.
using AlertKey = std::tuple<std::string, std::string, std::string, std::string, int64_t, std::string>;

AlertKey Key(const Alert& a) {
  std::string ids;
  for (const std::string& id : a.tx_ids) ids += id + ";";
  return {a.rule, a.client_id, FormatDate(a.window_start), FormatDate(a.window_end), a.amount.cents(), ids};
}

class MonitorFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    as_of_ = *ParseDate("2026-06-30");
    DemoOptions o;
    o.clients = 600;
    o.transactions = 12'000;
    o.as_of = as_of_;
    o.pattern_per_mille = 40;  // every rule several times
    std::ofstream clients(Path("clients.csv")), persons(Path("persons.csv")), accounts(Path("accounts.csv")),
        transactions(Path("transactions.csv"));
    std::ostringstream injected;
    GenerateDemoPortfolio(o, DemoSinks{&clients, &persons, &accounts, &transactions, nullptr, nullptr, &injected});
    injected_ = injected.str();
  }

  std::string Path(const std::string& name) const { return (dir_.path() / name).string(); }

  std::vector<std::pair<ImportKind, std::string>> Plan(const std::string& transactions) const {
    return {{ImportKind::kClients, Path("clients.csv")},
            {ImportKind::kPersons, Path("persons.csv")},
            {ImportKind::kAccounts, Path("accounts.csv")},
            {ImportKind::kTransactions, Path(transactions)}};
  }

  MonitorOptions Options() const {
    MonitorOptions options;
    options.as_of = as_of_;
    options.history_complete_from = DemoHistoryStart(as_of_);
    return options;
  }

  // The alerts of MonitorFiles, in the order raised.
  std::vector<Alert> Monitor(const std::string& transactions, const Scorer& scorer, MonitorReport* report = nullptr) {
    std::vector<Alert> alerts;
    std::vector<MonitorPass> passes(1);
    passes[0].scorer = &scorer;
    passes[0].on_alert = [&](const Alert& a) { alerts.push_back(a); };
    auto read = MonitorFiles(Plan(transactions), ImportOptions{}, ref_, Options(), passes);
    EXPECT_TRUE(read.has_value());
    EXPECT_TRUE(read && read->errors.empty()) << (read && !read->errors.empty() ? read->errors[0].ToString() : "");
    if (report) *report = passes[0].report;
    return alerts;
  }

  // transactions.csv with its rows shuffled: no client's rows in one run.
  void WriteShuffled(const std::string& name) const {
    std::ifstream in(Path("transactions.csv"));
    std::string header, line;
    std::getline(in, header);
    std::vector<std::string> rows;
    while (std::getline(in, line)) rows.push_back(line);
    std::mt19937 rng(7);
    std::shuffle(rows.begin(), rows.end(), rng);
    std::ofstream out(Path(name));
    out << header << "\n";
    for (const std::string& r : rows) out << r << "\n";
  }

  const ReferenceData& ref_ = ShippedReference();
  Methodology methodology_ = *DefaultMethodology(ShippedReference());
  Scorer scorer_{methodology_, ShippedReference(), LatvianCalendar()};
  TempDir dir_;
  Date as_of_;
  std::string injected_;
};

TEST_F(MonitorFilesTest, GroupedFileStreamsToTheSameAlertsAsAStagedRun) {
  MonitorReport streamed_report;
  const std::vector<Alert> streamed = Monitor("transactions.csv", scorer_, &streamed_report);

  MonitorStream staged;
  auto read = ReadFiles(staged, Plan("transactions.csv"), ImportOptions{}, ref_);
  ASSERT_TRUE(read && read->errors.empty());
  std::vector<Alert> evaluated;
  auto report = staged.Evaluate(scorer_, ref_, Options(), [&](const Alert& a) { evaluated.push_back(a); }, false);
  ASSERT_TRUE(report.has_value());

  ASSERT_EQ(streamed.size(), evaluated.size());
  for (size_t i = 0; i < streamed.size(); ++i) {
    EXPECT_EQ(Key(streamed[i]), Key(evaluated[i])) << i;
    EXPECT_EQ(streamed[i].id, static_cast<int64_t>(i + 1));
    EXPECT_EQ(streamed[i].explanation, evaluated[i].explanation);
  }
  EXPECT_EQ(streamed_report.transactions, 12'000);
  EXPECT_EQ(streamed_report.clients, report->clients);
  EXPECT_EQ(streamed_report.by_rule, report->by_rule);

  // Every injected (rule, client) pair is among the alerts, cross-client
  // rules included.
  std::set<std::pair<std::string, std::string>> raised;
  for (const Alert& a : streamed) raised.emplace(a.rule, a.client_id);
  std::istringstream in(injected_);
  std::string line;
  std::getline(in, line);  // header
  std::set<std::string> rules;
  while (std::getline(in, line)) {
    const std::string rule = line.substr(0, line.find(','));
    const std::string client = line.substr(rule.size() + 1, line.find(',', rule.size() + 1) - rule.size() - 1);
    rules.insert(rule);
    EXPECT_TRUE(raised.count({rule, client})) << rule << " " << client;
  }
  EXPECT_TRUE(rules.count("A2.30") && rules.count("A2.46") && rules.count("A2.57") && rules.count("A2.73"));
}

TEST_F(MonitorFilesTest, UngroupedFileIsReadAgainAndStagedWithTheSameAlerts) {
  WriteShuffled("shuffled.csv");
  std::set<AlertKey> grouped, shuffled;
  for (const Alert& a : Monitor("transactions.csv", scorer_)) grouped.insert(Key(a));
  for (const Alert& a : Monitor("shuffled.csv", scorer_)) shuffled.insert(Key(a));
  EXPECT_FALSE(grouped.empty());
  EXPECT_EQ(grouped, shuffled);
}

TEST_F(MonitorFilesTest, ABadRowLateInTheFileMeansNoAlertsAtAll) {
  // The last row gets an unknown direction: every client before it has
  // been evaluated by then, and still nothing may come out.
  std::ifstream in(Path("transactions.csv"));
  std::stringstream text;
  text << in.rdbuf();
  std::string body = text.str();
  const size_t last = body.rfind(",debit,") != std::string::npos && body.rfind(",debit,") > body.rfind(",credit,")
                          ? body.rfind(",debit,")
                          : body.rfind(",credit,");
  body.replace(last, body.find(',', last + 1) - last, ",debet");
  std::ofstream(Path("bad.csv")) << body;

  int alerts = 0;
  std::vector<MonitorPass> passes(1);
  passes[0].scorer = &scorer_;
  passes[0].on_alert = [&](const Alert&) { ++alerts; };
  auto read = MonitorFiles(Plan("bad.csv"), ImportOptions{}, ref_, Options(), passes);
  ASSERT_TRUE(read.has_value());
  ASSERT_EQ(read->errors.size(), 1u);
  EXPECT_EQ(read->errors[0].field, "direction");
  EXPECT_EQ(read->errors[0].where.line, 12'001);
  EXPECT_EQ(alerts, 0);
}

TEST_F(MonitorFilesTest, TwoPassesGiveEachMethodologysCounts) {
  Methodology strict = methodology_;
  strict.monitoring.cash_share.enabled = false;
  Scorer strict_scorer(strict, ref_, LatvianCalendar());
  std::vector<MonitorPass> passes(2);
  int64_t first = 0, second = 0;
  passes[0].scorer = &scorer_;
  passes[0].on_alert = [&](const Alert&) { ++first; };
  passes[1].scorer = &strict_scorer;
  passes[1].on_alert = [&](const Alert&) { ++second; };
  auto read = MonitorFiles(Plan("transactions.csv"), ImportOptions{}, ref_, Options(), passes);
  ASSERT_TRUE(read && read->errors.empty());
  EXPECT_GT(passes[0].report.by_rule["A2.21"], 0);
  EXPECT_EQ(passes[1].report.by_rule.count("A2.21"), 0u);
  EXPECT_EQ(first - passes[0].report.by_rule["A2.21"], second);
  EXPECT_EQ(static_cast<int64_t>(Monitor("transactions.csv", scorer_).size()), first);
}

}  // namespace
}  // namespace sargs
