#include "storage/party_record.h"

#include "base/record_codec.h"

namespace sargs {
namespace {

Result<bool> Done(const RecordReader& r, size_t& pos, const char* what) {
  pos = r.position();
  if (!r.ok()) return Fail(std::string("corrupt ") + what + " record");
  return true;
}

}  // namespace

void AppendRecord(const Client& c, std::string& out) {
  RecordWriter w(out);
  w.Text(c.id);
  w.Byte(static_cast<uint8_t>(c.type));
  w.Text(c.name);
  w.OptionalDay(c.birth_date);
  w.Text(c.registration_number);
  w.Text(c.country);
  w.Day(c.relationship_start);
  w.Byte(static_cast<uint8_t>(c.pep));
  w.Text(c.legal_form);
  w.Text(c.nace);
  w.Byte(c.activities);
  w.Byte(static_cast<uint8_t>(c.activity_linked_to_latvia | c.reputable_foreign_group << 1 |
                              c.private_banking << 2 | c.cash_typical << 3));
  w.OptionalMoney(c.planned_monthly_credit_turnover);
  w.OptionalMoney(c.planned_annual_credit_turnover);
  w.OptionalMoney(c.transaction_limit);
  w.Byte(static_cast<uint8_t>(c.onboarding));
}

void AppendRecord(const Person& p, std::string& out) {
  RecordWriter w(out);
  w.Text(p.id);
  w.Text(p.client_id);
  w.Byte(static_cast<uint8_t>(p.role));
  w.Text(p.name);
  w.OptionalDay(p.birth_date);
  w.Text(p.country);
  w.Text(p.citizenship);
  w.Byte(static_cast<uint8_t>(p.pep));
}

void AppendRecord(const Account& a, std::string& out) {
  RecordWriter w(out);
  w.Text(a.id);
  w.Text(a.client_id);
  w.Day(a.opened_on);
  w.Text(a.currency);
}

Result<bool> ReadRecord(std::string_view data, size_t& pos, Client& c) {
  RecordReader r(data, pos);
  r.Text(c.id);
  c.type = r.Small<ClientType>(2);
  r.Text(c.name);
  c.birth_date = r.OptionalDay();
  r.Text(c.registration_number);
  r.Text(c.country);
  c.relationship_start = r.Day();
  c.pep = r.Small<PepStatus>(4);
  r.Text(c.legal_form);
  r.Text(c.nace);
  c.activities = r.Byte();
  const uint8_t flags = r.Byte();
  c.activity_linked_to_latvia = flags & 1;
  c.reputable_foreign_group = flags & 2;
  c.private_banking = flags & 4;
  c.cash_typical = flags & 8;
  c.planned_monthly_credit_turnover = r.OptionalMoney();
  c.planned_annual_credit_turnover = r.OptionalMoney();
  c.transaction_limit = r.OptionalMoney();
  c.onboarding = r.Small<Onboarding>(3);
  return Done(r, pos, "client");
}

Result<bool> ReadRecord(std::string_view data, size_t& pos, Person& p) {
  RecordReader r(data, pos);
  r.Text(p.id);
  r.Text(p.client_id);
  p.role = r.Small<PersonRole>(4);
  r.Text(p.name);
  p.birth_date = r.OptionalDay();
  r.Text(p.country);
  r.Text(p.citizenship);
  p.pep = r.Small<PepStatus>(4);
  return Done(r, pos, "person");
}

Result<bool> ReadRecord(std::string_view data, size_t& pos, Account& a) {
  RecordReader r(data, pos);
  r.Text(a.id);
  r.Text(a.client_id);
  a.opened_on = r.Day();
  r.Text(a.currency);
  return Done(r, pos, "account");
}

}  // namespace sargs
