#include "monitoring/cross_client_rules.h"

#include "base/split_mix.h"
#include "monitoring/graph.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace sargs {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;

using Rng = SplitMix64;  // the same sequence on every machine

// Builds a CrossClientInput from readable strings, interning them as a
// caller would. Every rule is switched off until a test switches it on, so
// that each test sees only the alerts of its rule.
class CrossClientTest : public ::testing::Test {
 protected:
  CrossClientTest() { Reset(); }

  void Reset() {
    p_ = MonitoringParams();
    p_.fan_in_out.enabled = p_.circular.enabled = p_.shared_ip.enabled = false;
    p_.common_recipient.enabled = p_.same_atm.enabled = false;
    txs_.clear();
    tx_ids_.clear();
    client_ids_.clear();
    accounts_.clear();
    ips_.clear();
    atms_.clear();
    groups_.clear();
    owners_.clear();
    client_number_.clear();
    account_number_.clear();
  }

  uint32_t Client(const std::string& id) {
    auto [it, inserted] = client_number_.try_emplace(id, static_cast<uint32_t>(client_ids_.size()));
    if (inserted) {
      client_ids_.push_back(id);
      groups_.push_back(it->second);
    }
    return it->second;
  }
  // Puts `b` into `a`'s related group.
  void Relate(const std::string& a, const std::string& b) { groups_[Client(b)] = groups_[Client(a)]; }

  // An account, owned by a client or (owner "") outside the institution.
  uint32_t Account(const std::string& iban, const std::string& owner = "") {
    auto [it, inserted] = account_number_.try_emplace(iban, static_cast<uint32_t>(accounts_.size()));
    if (inserted) {
      accounts_.push_back(iban);
      owners_.push_back(owner.empty() ? kNoNumber : Client(owner));
    }
    return it->second;
  }

  static uint32_t Intern(std::vector<std::string>& table, const std::string& s) {
    if (s.empty()) return kNoNumber;
    for (uint32_t i = 0; i < table.size(); ++i) {
      if (table[i] == s) return i;
    }
    table.push_back(s);
    return static_cast<uint32_t>(table.size() - 1);
  }

  // A transaction on `account` (created for `client` when new). `when` is
  // "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS".
  CrossTx& Tx(const std::string& id, const std::string& client, const std::string& account, Direction direction,
              const std::string& amount, const std::string& when) {
    CrossTx tx;
    tx.account = Account(account, client);
    tx.direction = direction;
    tx.amount = *Money::Parse(amount);
    tx.booked = *ParseBookingTime(when);
    tx_ids_.push_back(id);
    txs_.push_back(tx);
    return txs_.back();
  }
  // A transfer out of / into `account` with a counterparty account.
  CrossTx& Pay(const std::string& id, const std::string& client, const std::string& account, const std::string& to,
               const std::string& amount, const std::string& when, const std::string& to_owner = "") {
    const uint32_t cp = Account(to, to_owner);
    CrossTx& tx = Tx(id, client, account, Direction::kDebit, amount, when);
    tx.counterparty_account = cp;
    return tx;
  }
  CrossTx& Receive(const std::string& id, const std::string& client, const std::string& account,
                   const std::string& from, const std::string& amount, const std::string& when,
                   const std::string& from_owner = "") {
    const uint32_t cp = Account(from, from_owner);
    CrossTx& tx = Tx(id, client, account, Direction::kCredit, amount, when);
    tx.counterparty_account = cp;
    return tx;
  }
  // A payment between two of the institution's clients, recorded on both
  // sides as the data has it: the payer's debit and the payee's credit.
  void Internal(const std::string& id, const std::string& payer, const std::string& from, const std::string& payee,
                const std::string& to, const std::string& amount, const std::string& when) {
    Account(from, payer);
    Account(to, payee);
    Pay(id + "d", payer, from, to, amount, when, payee);
    Receive(id + "c", payee, to, from, amount, when, payer);
  }
  CrossTx& Online(const std::string& id, const std::string& client, const std::string& ip, const std::string& when) {
    CrossTx& tx = Tx(id, client, "ACC-" + client, Direction::kDebit, "10.00", when);
    tx.ip = Intern(ips_, ip);
    return tx;
  }
  CrossTx& Withdraw(const std::string& id, const std::string& client, const std::string& atm,
                    const std::string& amount, const std::string& when) {
    CrossTx& tx = Tx(id, client, "ACC-" + client, Direction::kDebit, amount, when);
    tx.channel = Channel::kAtm;
    tx.atm = Intern(atms_, atm);
    return tx;
  }

  CrossClientInput Input() {
    CrossClientInput in;
    in.transactions = txs_;
    in.account_owner = owners_;
    in.related_group = groups_;
    auto views = [](const std::vector<std::string>& names, std::vector<std::string_view>& out) {
      out.assign(names.begin(), names.end());
      return std::span<const std::string_view>(out);
    };
    in.client_ids = views(client_ids_, client_id_views_);
    in.accounts = views(accounts_, account_views_);
    in.ips = views(ips_, ip_views_);
    in.atms = views(atms_, atm_views_);
    in.tx_id = [this](uint32_t pos) { return tx_ids_[pos]; };
    return in;
  }
  std::vector<Alert> Run() {
    auto r = EvaluateCrossClient(Input(), p_);
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().ToString());
    return r ? *r : std::vector<Alert>{};
  }
  static std::vector<std::string> Clients(const std::vector<Alert>& alerts) {
    std::vector<std::string> out;
    for (const Alert& a : alerts) out.push_back(a.client_id);
    return out;
  }

  MonitoringParams p_;
  std::vector<CrossTx> txs_;
  std::vector<std::string> tx_ids_;
  std::vector<std::string> client_ids_, accounts_, ips_, atms_;
  std::vector<std::string_view> client_id_views_, account_views_, ip_views_, atm_views_;
  std::vector<uint32_t> groups_, owners_;
  std::map<std::string, uint32_t> client_number_, account_number_;
};

Date D(const char* s) { return *ParseDate(s); }

// ---------------------------------------------------------------------------
// A2.46 shared IP address

class SharedIpTest : public CrossClientTest {
 protected:
  SharedIpTest() { p_.shared_ip.enabled = true; }
};

TEST_F(SharedIpTest, ThreeUnrelatedClientsInAMonthEachGetAnAlert) {
  Online("T3", "C3", "10.0.0.1", "2026-03-20");
  Online("T1", "C1", "10.0.0.1", "2026-03-02");
  Online("T2", "C2", "10.0.0.1", "2026-03-05");
  Online("T4", "C1", "10.0.0.1", "2026-03-31");
  Online("T5", "C1", "10.0.0.2", "2026-03-03");  // another address, C1's alone
  auto alerts = Run();
  ASSERT_THAT(alerts, SizeIs(3));
  EXPECT_THAT(Clients(alerts), ElementsAre("C3", "C1", "C2"));  // by client number
  const Alert& c1 = alerts[1];
  EXPECT_EQ(c1.rule, "A2.46");
  EXPECT_EQ(c1.factor, "A2.46");
  EXPECT_EQ(c1.window_start, D("2026-03-01"));
  EXPECT_EQ(c1.window_end, D("2026-03-31"));
  EXPECT_EQ(c1.amount, Money::FromEuros(20));  // C1's own two transactions
  EXPECT_THAT(c1.tx_ids, ElementsAre("T1", "T2", "T3", "T4"));
  EXPECT_EQ(c1.explanation,
            "in 2026-03 IP address 10.0.0.1 was used by 3 clients (C1, C2, C3), 3 of them unrelated to each "
            "other, in 4 transactions (parameter: at least 3 unrelated clients in a calendar month; an address "
            "used by 50 or more clients over all the data is public, this one by 3)");
}

TEST_F(SharedIpTest, MinimumNumberOfUnrelatedClients) {
  Online("T1", "C1", "10.0.0.1", "2026-03-02");
  Online("T2", "C2", "10.0.0.1", "2026-03-05");
  EXPECT_THAT(Run(), IsEmpty());  // 2 < 3
  p_.shared_ip.min_clients = 2;
  EXPECT_THAT(Run(), SizeIs(2));
}

TEST_F(SharedIpTest, RelatedClientsCountOnce) {
  Online("T1", "C1", "10.0.0.1", "2026-03-02");
  Online("T2", "C2", "10.0.0.1", "2026-03-05");
  Online("T3", "C3", "10.0.0.1", "2026-03-07");
  Relate("C1", "C2");
  EXPECT_THAT(Run(), IsEmpty());  // two unrelated groups
  Online("T4", "C4", "10.0.0.1", "2026-03-09");
  auto alerts = Run();  // three groups: every client of the address is alerted, related ones too
  EXPECT_THAT(Clients(alerts), ElementsAre("C1", "C2", "C3", "C4"));
  EXPECT_NE(alerts[0].explanation.find("used by 4 clients (C1, C2, C3, C4), 3 of them unrelated"),
            std::string::npos);
}

TEST_F(SharedIpTest, TheWindowIsTheCalendarMonth) {
  Online("T1", "C1", "10.0.0.1", "2026-03-31");
  Online("T2", "C2", "10.0.0.1", "2026-03-31");
  Online("T3", "C3", "10.0.0.1", "2026-04-01");
  EXPECT_THAT(Run(), IsEmpty());
}

TEST_F(SharedIpTest, AllowedAddressesAreNotLookedAt) {
  for (const char* c : {"C1", "C2", "C3"}) Online(std::string("T") + c, c, "192.0.2.7", "2026-03-02");
  p_.shared_ip.allowed_ips = {"192.0.2.1", "192.0.2.7"};
  EXPECT_THAT(Run(), IsEmpty());
  p_.shared_ip.allowed_ips = {"192.0.2.70"};  // exact text only
  EXPECT_THAT(Run(), SizeIs(3));
}

TEST_F(SharedIpTest, AddressesOfManyClientsArePublic) {
  p_.shared_ip.mass_address_clients = 5;
  for (const char* c : {"C1", "C2", "C3"}) Online(std::string("T") + c, c, "10.0.0.1", "2026-03-02");
  Online("T4", "C4", "10.0.0.1", "2026-06-02");
  EXPECT_THAT(Run(), SizeIs(3));  // 4 clients over all the data: just under
  Online("T5", "C5", "10.0.0.1", "2026-07-02");
  EXPECT_THAT(Run(), IsEmpty());  // 5: a public address
}

TEST_F(SharedIpTest, SeveralAddressesInAMonthAreOneAlertPerClient) {
  for (const char* c : {"C1", "C2", "C3"}) Online(std::string("A") + c, c, "10.0.0.1", "2026-03-02");
  for (const char* c : {"C1", "C4", "C5"}) Online(std::string("B") + c, c, "10.0.0.2", "2026-03-03");
  auto alerts = Run();
  EXPECT_THAT(Clients(alerts), ElementsAre("C1", "C2", "C3", "C4", "C5"));
  EXPECT_THAT(alerts[0].tx_ids, ElementsAre("AC1", "AC2", "AC3", "BC1", "BC4", "BC5"));
  EXPECT_NE(alerts[0].explanation.find("10.0.0.1"), std::string::npos);
  EXPECT_NE(alerts[0].explanation.find("; in 2026-03 IP address 10.0.0.2"), std::string::npos);
  EXPECT_EQ(alerts[0].amount, Money::FromEuros(20));
}

TEST_F(SharedIpTest, DisabledRaisesNothing) {
  for (const char* c : {"C1", "C2", "C3"}) Online(std::string("T") + c, c, "10.0.0.1", "2026-03-02");
  p_.shared_ip.enabled = false;
  EXPECT_THAT(Run(), IsEmpty());
}

// ---------------------------------------------------------------------------
// A2.57 several clients pay the same recipient

class CommonRecipientTest : public CrossClientTest {
 protected:
  CommonRecipientTest() { p_.common_recipient.enabled = true; }
};

TEST_F(CommonRecipientTest, ThreeClientsPayingOneAccountInAMonth) {
  Pay("T1", "C1", "LV01", "EE99", "100.00", "2026-03-02");
  Pay("T2", "C2", "LV02", "EE99", "200.00", "2026-03-10");
  Pay("T3", "C3", "LV03", "EE99", "300.00", "2026-03-31");
  Pay("T4", "C1", "LV01", "EE99", "50.00", "2026-03-31T18:00");
  auto alerts = Run();
  ASSERT_THAT(Clients(alerts), ElementsAre("C1", "C2", "C3"));
  EXPECT_EQ(alerts[0].rule, "A2.57");
  EXPECT_EQ(alerts[0].window_start, D("2026-03-01"));
  EXPECT_EQ(alerts[0].window_end, D("2026-03-31"));
  EXPECT_EQ(alerts[0].amount, Money::FromEuros(150));
  EXPECT_THAT(alerts[0].tx_ids, ElementsAre("T1", "T2", "T3", "T4"));
  EXPECT_EQ(alerts[0].explanation,
            "in 2026-03 3 clients (C1, C2, C3) paid account EE99 650.00 EUR in 4 payments (parameter: at least 3 "
            "clients in a calendar month; a recipient paid by 50 or more clients over all the data is a "
            "mass-market one, this one by 3)");
}

TEST_F(CommonRecipientTest, MinimumNumberOfClients) {
  Pay("T1", "C1", "LV01", "EE99", "100.00", "2026-03-02");
  Pay("T2", "C2", "LV02", "EE99", "200.00", "2026-03-10");
  Pay("T3", "C2", "LV02", "EE99", "200.00", "2026-03-11");
  EXPECT_THAT(Run(), IsEmpty());
  Pay("T4", "C3", "LV03", "EE99", "300.00", "2026-04-01");  // another month
  EXPECT_THAT(Run(), IsEmpty());
  p_.common_recipient.min_clients = 2;
  EXPECT_THAT(Clients(Run()), ElementsAre("C1", "C2"));
}

TEST_F(CommonRecipientTest, MassMarketRecipientsAreExcluded) {
  p_.common_recipient.mass_recipient_clients = 5;
  for (const char* c : {"C1", "C2", "C3", "C4"}) Pay(std::string("T") + c, c, std::string("LV") + c, "EE99", "10.00", "2026-03-02");
  EXPECT_THAT(Run(), SizeIs(4));  // 4 payers over all the data: just under
  Pay("T5", "C5", "LV05", "EE99", "10.00", "2026-09-02");
  EXPECT_THAT(Run(), IsEmpty());  // 5: a mass-market recipient
}

TEST_F(CommonRecipientTest, AllowedAccountsAreNotLookedAt) {
  for (const char* c : {"C1", "C2", "C3"}) Pay(std::string("T") + c, c, std::string("LV") + c, "LV00TAX", "10.00", "2026-03-02");
  p_.common_recipient.allowed_accounts = {"LV00TAX"};
  EXPECT_THAT(Run(), IsEmpty());
}

TEST_F(CommonRecipientTest, OnlyPaymentsByClientsToOthersCount) {
  // Credits from the account are not payments to it by clients, and a
  // client paying its own account is not "several clients".
  Receive("T1", "C1", "LV01", "EE99", "100.00", "2026-03-02");
  Pay("T2", "C2", "LV02", "EE99", "100.00", "2026-03-02");
  Pay("T3", "C3", "LV03", "EE99", "100.00", "2026-03-02");
  Pay("T4", "C4", "LV04", "LV05", "100.00", "2026-03-02", "C4");
  EXPECT_THAT(Run(), IsEmpty());
  // A recipient that is one of the institution's clients counts once per
  // payment: the payee's credit is not a payment.
  Internal("I1", "C1", "LV01", "C9", "LV09", "100.00", "2026-05-02");
  Internal("I2", "C2", "LV02", "C9", "LV09", "100.00", "2026-05-03");
  Internal("I3", "C3", "LV03", "C9", "LV09", "100.00", "2026-05-04");
  auto alerts = Run();
  EXPECT_THAT(Clients(alerts), ElementsAre("C1", "C2", "C3"));
  EXPECT_THAT(alerts[0].tx_ids, ElementsAre("I1d", "I2d", "I3d"));
}

TEST_F(CommonRecipientTest, RelatedClientsStillCountAsSeveral) {
  // The factor speaks of several clients, not unrelated ones.
  for (const char* c : {"C1", "C2", "C3"}) Pay(std::string("T") + c, c, std::string("LV") + c, "EE99", "10.00", "2026-03-02");
  Relate("C1", "C2");
  Relate("C1", "C3");
  EXPECT_THAT(Run(), SizeIs(3));
  p_.common_recipient.enabled = false;
  EXPECT_THAT(Run(), IsEmpty());
}

// ---------------------------------------------------------------------------
// A2.73 same ATM within minutes

class SameAtmTest : public CrossClientTest {
 protected:
  SameAtmTest() { p_.same_atm.enabled = true; }
};

TEST_F(SameAtmTest, ThreeUnrelatedClientsWithinTenMinutes) {
  Withdraw("T1", "C1", "ATM7", "500.00", "2026-03-02T10:00:00");
  Withdraw("T2", "C2", "ATM7", "800.00", "2026-03-02T10:04:00");
  Withdraw("T3", "C3", "ATM7", "600.00", "2026-03-02T10:10:00");  // exactly 10 minutes after the first
  auto alerts = Run();
  ASSERT_THAT(Clients(alerts), ElementsAre("C1", "C2", "C3"));
  EXPECT_EQ(alerts[1].rule, "A2.73");
  EXPECT_EQ(alerts[1].window_start, D("2026-03-02"));
  EXPECT_EQ(alerts[1].window_end, D("2026-03-02"));
  EXPECT_EQ(alerts[1].amount, Money::FromEuros(800));
  EXPECT_THAT(alerts[1].tx_ids, ElementsAre("T1", "T2", "T3"));
  EXPECT_EQ(alerts[1].explanation,
            "on 2026-03-02 at ATM ATM7 3 clients, 3 of them unrelated to each other, withdrew cash between "
            "10:00:00 and 10:10:00 (C1 10:00:00 500.00 EUR, C2 10:04:00 800.00 EUR, C3 10:10:00 600.00 EUR) "
            "(parameter: at least 3 unrelated clients within 10 minutes, withdrawals of at least 500.00 EUR)");
}

TEST_F(SameAtmTest, OneSecondBeyondTheWindow) {
  Withdraw("T1", "C1", "ATM7", "500.00", "2026-03-02T10:00:00");
  Withdraw("T2", "C2", "ATM7", "800.00", "2026-03-02T10:04:00");
  Withdraw("T3", "C3", "ATM7", "600.00", "2026-03-02T10:10:01");
  EXPECT_THAT(Run(), IsEmpty());
  p_.same_atm.window_minutes = 11;
  EXPECT_THAT(Run(), SizeIs(3));
}

TEST_F(SameAtmTest, MinimumNumberOfClientsAndRelatedOnes) {
  Withdraw("T1", "C1", "ATM7", "500.00", "2026-03-02T10:00:00");
  Withdraw("T2", "C2", "ATM7", "500.00", "2026-03-02T10:01:00");
  Withdraw("T3", "C1", "ATM7", "500.00", "2026-03-02T10:02:00");
  EXPECT_THAT(Run(), IsEmpty());  // two clients
  Withdraw("T4", "C3", "ATM7", "500.00", "2026-03-02T10:03:00");
  Relate("C2", "C3");
  EXPECT_THAT(Run(), IsEmpty());  // three clients, two unrelated
  p_.same_atm.min_clients = 2;
  auto alerts = Run();
  EXPECT_THAT(Clients(alerts), ElementsAre("C1", "C2", "C3"));
  EXPECT_THAT(alerts[0].tx_ids, ElementsAre("T1", "T2", "T3", "T4"));
  EXPECT_EQ(alerts[0].amount, Money::FromEuros(1'000));
}

TEST_F(SameAtmTest, OnlySignificantTimedWithdrawalsAtOneAtmCount) {
  Withdraw("T1", "C1", "ATM7", "500.00", "2026-03-02T10:00:00");
  Withdraw("T2", "C2", "ATM7", "500.00", "2026-03-02T10:01:00");
  Withdraw("T3", "C3", "ATM7", "499.99", "2026-03-02T10:02:00");  // not significant
  Withdraw("T4", "C4", "ATM8", "900.00", "2026-03-02T10:02:00");  // another ATM
  Withdraw("T5", "C5", "ATM7", "900.00", "2026-03-02");           // no time of day
  Withdraw("T6", "C6", "ATM7", "900.00", "2026-03-02T10:03:00").direction = Direction::kCredit;  // a deposit
  Withdraw("T7", "C7", "ATM7", "900.00", "2026-03-02T10:03:00").channel = Channel::kCard;
  EXPECT_THAT(Run(), IsEmpty());
  Withdraw("T8", "C8", "ATM7", "900.00", "2026-03-02T10:04:00").channel = Channel::kCash;  // at a cash machine
  EXPECT_THAT(Clients(Run()), ElementsAre("C1", "C2", "C8"));
  p_.same_atm.min_withdrawal = *Money::Parse("499.99");
  EXPECT_THAT(Clients(Run()), ElementsAre("C1", "C2", "C3", "C8"));
}

TEST_F(SameAtmTest, TheWindowDoesNotCrossMidnight) {
  Withdraw("T1", "C1", "ATM7", "500.00", "2026-03-02T23:55:00");
  Withdraw("T2", "C2", "ATM7", "500.00", "2026-03-02T23:58:00");
  Withdraw("T3", "C3", "ATM7", "500.00", "2026-03-03T00:01:00");
  EXPECT_THAT(Run(), IsEmpty());
}

TEST_F(SameAtmTest, OverlappingWindowsAreOneEpisodeSeparateOnesAreMergedPerDay) {
  // 10:00-10:10 and 10:08-10:15 share withdrawals: one episode.
  Withdraw("T1", "C1", "ATM7", "500.00", "2026-03-02T10:00:00");
  Withdraw("T2", "C2", "ATM7", "500.00", "2026-03-02T10:05:00");
  Withdraw("T3", "C3", "ATM7", "500.00", "2026-03-02T10:08:00");
  Withdraw("T4", "C4", "ATM7", "500.00", "2026-03-02T10:15:00");
  // Later that day C1 again, with two others: a second episode.
  Withdraw("T5", "C1", "ATM7", "500.00", "2026-03-02T18:00:00");
  Withdraw("T6", "C5", "ATM7", "500.00", "2026-03-02T18:01:00");
  Withdraw("T7", "C6", "ATM7", "500.00", "2026-03-02T18:02:00");
  auto alerts = Run();
  ASSERT_THAT(Clients(alerts), ElementsAre("C1", "C2", "C3", "C4", "C5", "C6"));
  EXPECT_THAT(alerts[0].tx_ids, ElementsAre("T1", "T2", "T3", "T4", "T5", "T6", "T7"));
  EXPECT_EQ(alerts[0].amount, Money::FromEuros(1'000));
  EXPECT_NE(alerts[0].explanation.find("between 10:00:00 and 10:15:00"), std::string::npos);
  EXPECT_NE(alerts[0].explanation.find("; on 2026-03-02 at ATM ATM7 3 clients"), std::string::npos);
  EXPECT_THAT(alerts[3].tx_ids, ElementsAre("T1", "T2", "T3", "T4"));
  p_.same_atm.enabled = false;
  EXPECT_THAT(Run(), IsEmpty());
}

// ---------------------------------------------------------------------------
// A2.24 fan-in, then one large payment on

class FanInOutTest : public CrossClientTest {
 protected:
  FanInOutTest() { p_.fan_in_out.enabled = true; }
  void ThreePayersThenOnward(const std::string& small, const std::string& onward) {
    Receive("T1", "C1", "LV01", "EE01", "900.00", "2026-03-01");
    Receive("T2", "C1", "LV01", "EE02", small, "2026-03-05");
    Receive("T3", "C1", "LV01", "EE03", "800.00", "2026-03-10");
    Pay("T4", "C1", "LV01", "EE99", onward, "2026-03-12");
  }
};

TEST_F(FanInOutTest, SmallPaymentsFromThreePayersThenOneLargeOnward) {
  ThreePayersThenOnward("1000.00", "1350.00");
  auto alerts = Run();
  ASSERT_THAT(alerts, SizeIs(1));
  const Alert& a = alerts[0];
  EXPECT_EQ(a.rule, "A2.24");
  EXPECT_EQ(a.client_id, "C1");
  EXPECT_EQ(a.window_start, D("2026-03-01"));
  EXPECT_EQ(a.window_end, D("2026-03-12"));
  EXPECT_EQ(a.amount, Money::FromEuros(1'350));
  EXPECT_THAT(a.tx_ids, ElementsAre("T1", "T2", "T3", "T4"));
  EXPECT_EQ(a.explanation,
            "account LV01 received 3 payments of at most 1 000.00 EUR from 3 payers, 2 700.00 EUR in all, from "
            "2026-03-01 to 2026-03-10, and on 2026-03-12 paid 1 350.00 EUR (50 % of it) to account EE99 "
            "(parameter: at least 3 payers within 30 days, each payment at most 1 000.00 EUR, onward payment at "
            "least 50 % of them)");
}

TEST_F(FanInOutTest, AmountBoundaries) {
  ThreePayersThenOnward("1000.01", "1350.00");  // one payment is not small: two payers
  EXPECT_THAT(Run(), IsEmpty());
  txs_.clear();
  tx_ids_.clear();
  ThreePayersThenOnward("1000.00", "1349.99");  // just under half of 2 700
  EXPECT_THAT(Run(), IsEmpty());
  p_.fan_in_out.min_onward_percent = 49;
  EXPECT_THAT(Run(), SizeIs(1));
}

TEST_F(FanInOutTest, PayersAndWindow) {
  ThreePayersThenOnward("1000.00", "1350.00");
  p_.fan_in_out.min_payers = 4;
  EXPECT_THAT(Run(), IsEmpty());
  p_.fan_in_out.min_payers = 3;
  p_.fan_in_out.window_days = 10;  // 2026-03-02 .. 12: the first payment falls out
  EXPECT_THAT(Run(), IsEmpty());
  p_.fan_in_out.window_days = 11;  // 2026-03-01 is exactly 11 days before
  EXPECT_THAT(Run(), SizeIs(1));
  p_.fan_in_out.enabled = false;
  EXPECT_THAT(Run(), IsEmpty());
}

TEST_F(FanInOutTest, APaymentBetweenTwoClientsCountsOnce) {
  // C2 pays C1 twice: each payment is in the data as C2's debit and C1's
  // credit. Counted once each, C1 has three payers; were the credits
  // counted as well, the evidence would show them and the total double.
  Receive("T1", "C1", "LV01", "EE01", "900.00", "2026-03-01");
  Internal("I1", "C2", "LV02", "C1", "LV01", "400.00", "2026-03-05");
  Internal("I2", "C2", "LV02", "C1", "LV01", "400.00", "2026-03-06");
  Receive("T3", "C1", "LV01", "EE03", "800.00", "2026-03-10");
  Pay("T4", "C1", "LV01", "EE99", "1250.00", "2026-03-12");
  auto alerts = Run();
  ASSERT_THAT(alerts, SizeIs(1));
  EXPECT_THAT(alerts[0].tx_ids, ElementsAre("T1", "I1d", "I2d", "T3", "T4"));
  EXPECT_NE(alerts[0].explanation.find("received 4 payments of at most 1 000.00 EUR from 3 payers, 2 500.00 EUR"),
            std::string::npos);
}

// ---------------------------------------------------------------------------
// A2.30 circular flows

class CircularTest : public CrossClientTest {
 protected:
  CircularTest() { p_.circular.enabled = true; }
};

TEST_F(CircularTest, MoneyComesBackToAnotherAccountOfTheSameClient) {
  Account("LV11", "C1");
  // C1 -> C2 (both sides recorded), C2 -> outside, outside -> C1's other account.
  Internal("I1", "C1", "LV01", "C2", "LV02", "10000.00", "2026-03-01");
  Pay("T2", "C2", "LV02", "EE77", "9800.00", "2026-03-03");
  Receive("T3", "C1", "LV11", "EE77", "9500.00", "2026-03-20");
  auto alerts = Run();
  ASSERT_THAT(Clients(alerts), ElementsAre("C1", "C2"));
  const Alert& a = alerts[0];
  EXPECT_EQ(a.rule, "A2.30");
  EXPECT_EQ(a.window_start, D("2026-03-01"));
  EXPECT_EQ(a.window_end, D("2026-03-20"));
  EXPECT_EQ(a.amount, Money::FromEuros(10'000));
  EXPECT_THAT(a.tx_ids, ElementsAre("I1d", "T2", "T3"));
  EXPECT_EQ(a.explanation,
            "10 000.00 EUR went round client C1 -> client C2 -> account EE77 -> client C1 in 3 transfers from "
            "2026-03-01 to 2026-03-20 (2026-03-01 10 000.00 EUR, 2026-03-03 9 800.00 EUR, 2026-03-20 9 500.00 "
            "EUR) (parameter: at most 6 transfers within 30 days, each within 10 % of the first and at least "
            "5 000.00 EUR)");
  EXPECT_EQ(alerts[1].tx_ids, a.tx_ids);
}

TEST_F(CircularTest, TransfersBetweenOneClientsOwnAccountsAreNoRing) {
  Pay("T1", "C1", "LV01", "LV11", "10000.00", "2026-03-01", "C1");
  Pay("T2", "C1", "LV11", "LV01", "10000.00", "2026-03-02", "C1");
  EXPECT_THAT(Run(), IsEmpty());
}

TEST_F(CircularTest, Boundaries) {
  Pay("T1", "C1", "LV01", "EE77", "10000.00", "2026-03-01");
  Receive("T2", "C1", "LV01", "EE77", "9000.00", "2026-03-31");  // exactly 10 % less, exactly 30 days later
  EXPECT_THAT(Run(), SizeIs(1));
  p_.circular.window_days = 29;
  EXPECT_THAT(Run(), IsEmpty());
  p_.circular.window_days = 30;
  p_.circular.hop_tolerance_percent = 9;
  EXPECT_THAT(Run(), IsEmpty());
  p_.circular.hop_tolerance_percent = 10;
  p_.circular.min_amount = *Money::Parse("9000.01");  // every transfer must reach it
  EXPECT_THAT(Run(), IsEmpty());
  p_.circular.min_amount = Money::FromEuros(9'000);
  EXPECT_THAT(Run(), SizeIs(1));
  p_.circular.enabled = false;
  EXPECT_THAT(Run(), IsEmpty());
}

TEST_F(CircularTest, RingLongerThanMaxHops) {
  Internal("I1", "C1", "LV01", "C2", "LV02", "10000.00", "2026-03-01");
  Internal("I2", "C2", "LV02", "C3", "LV03", "10000.00", "2026-03-02");
  Internal("I3", "C3", "LV03", "C1", "LV01", "10000.00", "2026-03-03");
  EXPECT_THAT(Clients(Run()), ElementsAre("C1", "C2", "C3"));
  p_.circular.max_hops = 2;
  EXPECT_THAT(Run(), IsEmpty());
}

// ---------------------------------------------------------------------------
// Input checks

TEST_F(CrossClientTest, RejectsInconsistentInput) {
  p_.shared_ip.enabled = true;
  Online("T1", "C1", "10.0.0.1", "2026-03-02");
  txs_[0].ip = 5;
  auto r = EvaluateCrossClient(Input(), p_);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "ip");
  txs_[0].ip = 0;
  txs_[0].account = Account("EE01");  // not the institution's
  r = EvaluateCrossClient(Input(), p_);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "account");
  txs_[0].account = Account("ACC-C1");
  groups_[0] = 7;
  r = EvaluateCrossClient(Input(), p_);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "related_group");
}

TEST_F(CrossClientTest, NoTransactionsNoAlerts) {
  p_ = MonitoringParams();
  EXPECT_THAT(Run(), IsEmpty());
}

// ---------------------------------------------------------------------------
// Cross-checks on random small inputs against direct definitions

using Key = std::tuple<std::string, std::string, Date, Date>;  // rule, client, window

std::set<Key> Keys(const std::vector<Alert>& alerts) {
  std::set<Key> keys;
  for (const Alert& a : alerts) {
    EXPECT_TRUE(keys.emplace(a.rule, a.client_id, a.window_start, a.window_end).second) << "duplicate alert";
  }
  return keys;
}

TEST_F(CrossClientTest, RandomInputsMatchTheDefinitions) {
  std::map<std::string, int> found;
  for (uint64_t seed = 1; seed <= 150; ++seed) {
    Reset();
    Rng rng{seed};
    p_.shared_ip.enabled = p_.common_recipient.enabled = p_.same_atm.enabled = true;
    p_.shared_ip.min_clients = 2 + static_cast<int>(rng.Below(2));
    p_.shared_ip.mass_address_clients = 3 + static_cast<int>(rng.Below(4));
    p_.common_recipient.min_clients = 2 + static_cast<int>(rng.Below(2));
    p_.common_recipient.mass_recipient_clients = 3 + static_cast<int>(rng.Below(4));
    p_.same_atm.min_clients = 2 + static_cast<int>(rng.Below(2));
    p_.same_atm.window_minutes = 1 + static_cast<int>(rng.Below(20));
    p_.shared_ip.allowed_ips = {"ip0"};
    const int clients = 3 + static_cast<int>(rng.Below(6));
    for (int c = 0; c < clients; ++c) Client("C" + std::to_string(c));
    for (int c = 1; c < clients; ++c) {
      if (rng.Below(4) == 0) Relate("C" + std::to_string(rng.Below(c)), "C" + std::to_string(c));
    }
    const int n = 10 + static_cast<int>(rng.Below(50));
    for (int i = 0; i < n; ++i) {
      const std::string c = "C" + std::to_string(rng.Below(clients));
      char when[32];
      std::snprintf(when, sizeof when, "2026-%02d-%02dT%02d:%02d:00", static_cast<int>(3 + rng.Below(2)),
                    static_cast<int>(27 + rng.Below(2)), rng.Below(2) ? 23 : 0, static_cast<int>(rng.Below(60)));
      const std::string id = "T" + std::to_string(i);
      switch (rng.Below(3)) {
        case 0: Online(id, c, "ip" + std::to_string(rng.Below(3)), when); break;
        case 1: Pay(id, c, "ACC-" + c, "R" + std::to_string(rng.Below(3)), "10.00", when); break;
        default: Withdraw(id, c, "ATM" + std::to_string(rng.Below(2)), rng.Below(5) ? "500.00" : "10.00", when);
      }
    }
    // The definitions, directly: every qualifying group of transactions
    // flags each of its clients for its window.
    std::set<Key> expected;
    auto month_of = [](const CrossTx& tx) { return YearMonth::Of(tx.booked.date); };
    auto client_of = [&](const CrossTx& tx) { return owners_[tx.account]; };
    for (int rule = 0; rule < 2; ++rule) {
      std::map<uint32_t, std::set<uint32_t>> all_clients;  // key -> clients over all the data
      std::map<std::pair<uint32_t, YearMonth>, std::set<uint32_t>> month_clients;
      for (const CrossTx& tx : txs_) {
        uint32_t key = rule == 0 ? tx.ip : tx.counterparty_account;
        if (key == kNoNumber || (rule == 0 && ips_[key] == "ip0")) continue;
        if (rule == 1 && tx.direction != Direction::kDebit) continue;
        all_clients[key].insert(client_of(tx));
        month_clients[{key, month_of(tx)}].insert(client_of(tx));
      }
      for (const auto& [km, cs] : month_clients) {
        const auto& pr = rule == 0 ? p_.shared_ip.min_clients : p_.common_recipient.min_clients;
        const int mass = rule == 0 ? p_.shared_ip.mass_address_clients : p_.common_recipient.mass_recipient_clients;
        std::set<uint32_t> groups;
        for (uint32_t c : cs) groups.insert(rule == 0 ? groups_[c] : c);
        if (static_cast<int>(groups.size()) < pr || static_cast<int>(all_clients[km.first].size()) >= mass) continue;
        for (uint32_t c : cs) {
          expected.emplace(rule == 0 ? "A2.46" : "A2.57", client_ids_[c], km.second.FirstDay(), km.second.LastDay());
        }
      }
    }
    for (size_t i = 0; i < txs_.size(); ++i) {  // A2.73: every window starting at a withdrawal
      const CrossTx& a = txs_[i];
      if (a.atm == kNoNumber || a.amount < p_.same_atm.min_withdrawal) continue;
      std::set<uint32_t> groups, cs;
      for (const CrossTx& b : txs_) {
        if (b.atm != a.atm || b.amount < p_.same_atm.min_withdrawal || b.booked.date != a.booked.date) continue;
        const int64_t d = int64_t{b.booked.second_of_day} - a.booked.second_of_day;
        if (d < 0 || d > int64_t{p_.same_atm.window_minutes} * 60) continue;
        groups.insert(groups_[client_of(b)]);
        cs.insert(client_of(b));
      }
      if (static_cast<int>(groups.size()) < p_.same_atm.min_clients) continue;
      for (uint32_t c : cs) expected.emplace("A2.73", client_ids_[c], a.booked.date, a.booked.date);
    }
    EXPECT_EQ(Keys(Run()), expected) << "seed " << seed;
    for (const Key& k : expected) ++found[std::get<0>(k)];
  }
  EXPECT_GT(found["A2.46"], 50);  // the inputs do hold patterns
  EXPECT_GT(found["A2.57"], 50);
  EXPECT_GT(found["A2.73"], 50);
}

// The payee's credit of a transfer between two clients adds nothing to the
// graph rules: removing every such credit leaves the alerts as they were.
TEST_F(CrossClientTest, RandomGraphsCountInternalTransfersOnce) {
  size_t fan_ins = 0, rings = 0;
  for (uint64_t seed = 1; seed <= 100; ++seed) {
    Reset();
    Rng rng{seed};
    p_.fan_in_out.enabled = p_.circular.enabled = true;
    p_.fan_in_out.min_payers = 2;
    p_.circular.min_amount = Money::FromEuros(100);
    p_.circular.hop_tolerance_percent = 50;
    const int n = 20 + static_cast<int>(rng.Below(60));
    for (int i = 0; i < n; ++i) {
      const std::string c = "C" + std::to_string(rng.Below(5));
      const std::string other = "C" + std::to_string(rng.Below(5));
      const std::string amount = std::to_string(100 + rng.Below(1'000)) + ".00";
      char when[16];
      std::snprintf(when, sizeof when, "2026-03-%02d", static_cast<int>(1 + rng.Below(20)));
      const std::string id = "T" + std::to_string(i);
      switch (rng.Below(3)) {
        case 0: Internal(id, c, "LV" + c, other, "LV" + other + (rng.Below(2) ? "b" : ""), amount, when); break;
        case 1: Pay(id, c, "LV" + c, "EE" + std::to_string(rng.Below(4)), amount, when); break;
        default: Receive(id, c, "LV" + c, "EE" + std::to_string(rng.Below(4)), amount, when);
      }
    }
    const std::vector<Alert> with_credits = Run();
    // A2.24 directly: the detector on every transfer, counted once.
    std::vector<GraphEdge> edges;
    for (uint32_t i = 0; i < txs_.size(); ++i) {
      const CrossTx& tx = txs_[i];
      const int64_t time = tx.booked.date.time_since_epoch().count() * kSecondsPerDay;
      if (tx.direction == Direction::kDebit) {
        edges.push_back(GraphEdge{tx.account, tx.counterparty_account, tx.amount, time, i});
      } else if (owners_[tx.counterparty_account] == kNoNumber) {
        edges.push_back(GraphEdge{tx.counterparty_account, tx.account, tx.amount, time, i});
      }
    }
    FanInThenOutOptions options;
    options.min_senders = 2;
    std::set<Key> expected;
    const auto patterns = FindFanInThenOut(edges, options);
    ASSERT_TRUE(patterns);
    for (const FanInThenOutPattern& f : *patterns) {
      if (owners_[f.fan_in.hub] == kNoNumber) continue;
      const Date first = Date(std::chrono::days(f.fan_in.first_time / kSecondsPerDay));
      const Date last = Date(std::chrono::days(f.onward.time / kSecondsPerDay));
      expected.emplace("A2.24", client_ids_[owners_[f.fan_in.hub]], first, last);
    }
    std::set<Key> got;
    for (const Alert& a : with_credits) {
      if (a.rule == "A2.24") got.emplace(a.rule, a.client_id, a.window_start, a.window_end);
    }
    EXPECT_EQ(got, expected) << "seed " << seed;
    fan_ins += got.size();
    rings += with_credits.size() - got.size();
    std::vector<CrossTx> all = txs_;
    std::vector<std::string> ids = tx_ids_;
    txs_.clear();
    tx_ids_.clear();
    for (size_t i = 0; i < all.size(); ++i) {
      const bool internal_credit = all[i].direction == Direction::kCredit &&
                                   owners_[all[i].counterparty_account] != kNoNumber;
      if (internal_credit) continue;
      txs_.push_back(all[i]);
      tx_ids_.push_back(ids[i]);
    }
    const std::vector<Alert> without = Run();
    ASSERT_EQ(with_credits.size(), without.size()) << "seed " << seed;
    for (size_t i = 0; i < without.size(); ++i) {
      EXPECT_EQ(with_credits[i].client_id, without[i].client_id);
      EXPECT_EQ(with_credits[i].tx_ids, without[i].tx_ids);
      EXPECT_EQ(with_credits[i].explanation, without[i].explanation);
    }
  }
  EXPECT_GT(fan_ins, 20u);  // the inputs do hold patterns
  EXPECT_GT(rings, 20u);
}

}  // namespace
}  // namespace sargs
