#include "storage/party_record.h"

#include "base/varint.h"

namespace sargs {
namespace {

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}
  void Text(std::string_view s) {
    PutVarint(s.size(), out_);
    out_.append(s);
  }
  void Byte(uint8_t b) { out_.push_back(static_cast<char>(b)); }
  void Int(int64_t v) { PutVarint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63), out_); }
  void Day(Date d) { Int(d.time_since_epoch().count()); }
  void OptionalDay(const std::optional<Date>& d) {
    Byte(d.has_value());
    if (d) Day(*d);
  }
  void OptionalMoney(const std::optional<Money>& m) {
    Byte(m.has_value());
    if (m) Int(m->cents());
  }

 private:
  std::string& out_;
};

// Reads fields in turn; after the first corrupt one every read fails
// quietly and ok() says so.
class Reader {
 public:
  Reader(std::string_view data, size_t& pos) : data_(data), pos_(pos) {}
  bool ok() const { return ok_; }
  void Text(std::string& s) {
    uint64_t n = 0;
    if (!Varint(n) || n > data_.size() - pos_) {
      ok_ = false;
      return;
    }
    s.assign(data_.substr(pos_, n));
    pos_ += n;
  }
  uint8_t Byte() {
    if (!ok_ || pos_ >= data_.size()) {
      ok_ = false;
      return 0;
    }
    return static_cast<uint8_t>(data_[pos_++]);
  }
  template <typename Enum>
  Enum Small(uint8_t count) {
    const uint8_t b = Byte();
    if (b >= count) ok_ = false;
    return static_cast<Enum>(b < count ? b : 0);
  }
  int64_t Int() {
    uint64_t v = 0;
    if (!Varint(v)) return 0;
    return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
  }
  Date Day() { return Date{std::chrono::days(Int())}; }
  std::optional<Date> OptionalDay() {
    if (!Byte()) return std::nullopt;
    return Day();
  }
  std::optional<Money> OptionalMoney() {
    if (!Byte()) return std::nullopt;
    return Money::FromCents(Int());
  }

 private:
  bool Varint(uint64_t& v) {
    ok_ = ok_ && GetVarint(data_, pos_, v);
    return ok_;
  }
  std::string_view data_;
  size_t& pos_;
  bool ok_ = true;
};

Result<bool> Done(const Reader& r, const char* what) {
  if (!r.ok()) return Fail(std::string("corrupt ") + what + " record");
  return true;
}

}  // namespace

void AppendRecord(const Client& c, std::string& out) {
  Writer w(out);
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
  Writer w(out);
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
  Writer w(out);
  w.Text(a.id);
  w.Text(a.client_id);
  w.Day(a.opened_on);
  w.Text(a.currency);
}

Result<bool> ReadRecord(std::string_view data, size_t& pos, Client& c) {
  Reader r(data, pos);
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
  return Done(r, "client");
}

Result<bool> ReadRecord(std::string_view data, size_t& pos, Person& p) {
  Reader r(data, pos);
  r.Text(p.id);
  r.Text(p.client_id);
  p.role = r.Small<PersonRole>(4);
  r.Text(p.name);
  p.birth_date = r.OptionalDay();
  r.Text(p.country);
  r.Text(p.citizenship);
  p.pep = r.Small<PepStatus>(4);
  return Done(r, "person");
}

Result<bool> ReadRecord(std::string_view data, size_t& pos, Account& a) {
  Reader r(data, pos);
  r.Text(a.id);
  r.Text(a.client_id);
  a.opened_on = r.Day();
  r.Text(a.currency);
  return Done(r, "account");
}

}  // namespace sargs
