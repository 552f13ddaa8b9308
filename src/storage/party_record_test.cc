#include "storage/party_record.h"

#include <gtest/gtest.h>

namespace sargs {
namespace {

Date Day(const char* text) { return *ParseDate(text); }

TEST(PartyRecord, ClientRoundTripsEveryField) {
  Client c;
  c.id = "C0000042";
  c.type = ClientType::kLegal;
  c.name = "SIA \"Vidzemes Būve\", a name longer than a short string";
  c.registration_number = "40003012345";
  c.country = "LV";
  c.relationship_start = Day("1999-02-28");
  c.pep = PepStatus::kNone;
  c.legal_form = "SIA";
  c.nace = "41.20";
  c.activities = kGambling | kArms;
  c.activity_linked_to_latvia = false;
  c.reputable_foreign_group = true;
  c.private_banking = false;
  c.cash_typical = true;
  c.planned_monthly_credit_turnover = Money::FromCents(1'234'567);
  c.transaction_limit = Money::FromCents(-1);  // whatever the value, it comes back
  c.onboarding = Onboarding::kRemote;
  Client natural;
  natural.id = "C1";
  natural.name = "Jānis Bērziņš";
  natural.birth_date = Day("1960-01-01");
  natural.pep = PepStatus::kAssociate;
  natural.relationship_start = Day("2024-12-31");

  std::string bytes;
  AppendRecord(c, bytes);
  AppendRecord(natural, bytes);
  size_t pos = 0;
  Client a, b;
  ASSERT_TRUE(ReadRecord(bytes, pos, a).has_value());
  ASSERT_TRUE(ReadRecord(bytes, pos, b).has_value());
  EXPECT_EQ(pos, bytes.size());
  EXPECT_EQ(a.id, c.id);
  EXPECT_EQ(a.type, c.type);
  EXPECT_EQ(a.name, c.name);
  EXPECT_FALSE(a.birth_date.has_value());
  EXPECT_EQ(a.registration_number, c.registration_number);
  EXPECT_EQ(a.country, c.country);
  EXPECT_EQ(a.relationship_start, c.relationship_start);
  EXPECT_EQ(a.legal_form, c.legal_form);
  EXPECT_EQ(a.nace, c.nace);
  EXPECT_EQ(a.activities, c.activities);
  EXPECT_FALSE(a.activity_linked_to_latvia);
  EXPECT_TRUE(a.reputable_foreign_group);
  EXPECT_FALSE(a.private_banking);
  EXPECT_TRUE(a.cash_typical);
  EXPECT_EQ(a.planned_monthly_credit_turnover, c.planned_monthly_credit_turnover);
  EXPECT_FALSE(a.planned_annual_credit_turnover.has_value());
  EXPECT_EQ(a.transaction_limit, c.transaction_limit);
  EXPECT_EQ(a.onboarding, Onboarding::kRemote);
  EXPECT_EQ(b.name, natural.name);
  EXPECT_EQ(b.birth_date, natural.birth_date);
  EXPECT_EQ(b.pep, PepStatus::kAssociate);
  EXPECT_TRUE(b.activity_linked_to_latvia);
  EXPECT_EQ(b.relationship_start, natural.relationship_start);
}

TEST(PartyRecord, PersonAndAccountRoundTrip) {
  Person p{"P1", "C1", PersonRole::kRepresentative, "Anna Liepa", Day("1975-05-05"), "EE", "LV", PepStatus::kPep};
  Account acc{"LV41SRGS0000000000001", "C1", Day("1969-12-31"), "EUR"};
  std::string bytes;
  AppendRecord(p, bytes);
  AppendRecord(acc, bytes);
  size_t pos = 0;
  Person q;
  Account b;
  ASSERT_TRUE(ReadRecord(bytes, pos, q).has_value());
  ASSERT_TRUE(ReadRecord(bytes, pos, b).has_value());
  EXPECT_EQ(q.id, "P1");
  EXPECT_EQ(q.client_id, "C1");
  EXPECT_EQ(q.role, PersonRole::kRepresentative);
  EXPECT_EQ(q.name, "Anna Liepa");
  EXPECT_EQ(q.birth_date, p.birth_date);
  EXPECT_EQ(q.country, "EE");
  EXPECT_EQ(q.citizenship, "LV");
  EXPECT_EQ(q.pep, PepStatus::kPep);
  EXPECT_EQ(b.id, acc.id);
  EXPECT_EQ(b.client_id, "C1");
  EXPECT_EQ(b.opened_on, acc.opened_on);  // before 1970: a negative day
  EXPECT_EQ(b.currency, "EUR");
}

TEST(PartyRecord, CorruptBytesFailEveryCut) {
  Client c;
  c.id = "C1";
  c.name = "Jānis";
  c.transaction_limit = Money::FromCents(500'000);
  std::string bytes;
  AppendRecord(c, bytes);
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    size_t pos = 0;
    Client out;
    EXPECT_FALSE(ReadRecord(std::string_view(bytes).substr(0, cut), pos, out).has_value()) << cut;
  }
  std::string bad = bytes;
  bad[3] = 7;  // after "C1" (a length byte and two letters) the type byte: 0 or 1
  size_t pos = 0;
  Client out;
  EXPECT_FALSE(ReadRecord(bad, pos, out).has_value());
}

}  // namespace
}  // namespace sargs
