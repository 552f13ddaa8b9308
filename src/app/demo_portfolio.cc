#include "app/demo_portfolio.h"

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <string>

#include "base/csv.h"

namespace sargs {
namespace {

// splitmix64: tiny, fast and identical everywhere.
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t Next() {
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int64_t Below(int64_t n) { return n <= 0 ? 0 : static_cast<int64_t>(Next() % static_cast<uint64_t>(n)); }
  bool Percent(int p) { return Below(100) < p; }
  bool PerMille(int p) { return Below(1000) < p; }
  template <typename T, size_t N>
  const T& Pick(const T (&items)[N]) { return items[Below(N)]; }
  // A spread of amounts: mostly near `typical`, with a long right tail.
  int64_t Skewed(int64_t typical) {
    int64_t v = typical / 4 + Below(typical);
    int tail = static_cast<int>(Below(100));
    if (tail >= 97) v *= 8;
    else if (tail >= 90) v *= 3;
    return std::max<int64_t>(v, 100);
  }

 private:
  uint64_t s_;
};

// The splitmix64 finaliser: nearby inputs give unrelated outputs, so every
// client (and every client's transactions) gets its own random stream.
uint64_t Mix(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

const char* const kFirstMale[] = {"Jānis", "Andris", "Pēteris", "Mārtiņš", "Kārlis", "Edgars", "Raivis", "Uldis", "Aivars", "Gatis"};
const char* const kLastMale[] = {"Bērziņš", "Kalniņš", "Ozols", "Jansons", "Liepiņš", "Krūmiņš", "Balodis", "Zariņš", "Vītols", "Kļaviņš"};
const char* const kFirstFemale[] = {"Anna", "Inese", "Līga", "Kristīne", "Ilze", "Marta", "Dace", "Sanita", "Laura", "Elīna"};
const char* const kLastFemale[] = {"Bērziņa", "Kalniņa", "Ozola", "Jansone", "Liepiņa", "Krūmiņa", "Balode", "Zariņa", "Vītola", "Kļaviņa"};
const char* const kForeignNames[] = {"Ivan Petrov", "Olga Smirnova", "Oleksandr Shevchenko", "Tomas Kazlauskas", "Kadri Tamm",
                                     "Hans Müller", "John Smith", "Aigerim Nurlanovna", "Ahmed Al Mansouri", "Li Wei"};
const char* const kCompanyWords[] = {"Baltijas Koks", "Rīgas Tirdzniecība", "Daugava Logistics", "Zemgales Agro", "Vidzemes Būve",
                                     "Kurzemes Zivis", "Latgales Maiznīca", "Amber Trade", "Nordic IT", "Jūrmalas Viesnīca"};
const char* const kForeignCompanies[] = {"Gulf Star Trading", "Cyprus Holdings", "Eastern Commodities", "Pacific Ventures",
                                         "Silk Road Logistics", "Alpine Consulting", "Harbour Shipping", "Orion Capital"};
const char* const kNatCountries[] = {"LT", "EE", "DE", "GB", "UA", "RU", "US", "KZ", "BY", "FI"};
const char* const kLegalForeignCountries[] = {"EE", "LT", "CY", "AE", "GB", "SE", "HK", "SG", "PA", "VU", "CH", "KZ"};
const char* const kNace[] = {"62.01", "56.10", "41.20", "49.41", "47.11", "68.20", "70.22", "46.90", "01.11", "45.11",
                             "10.71", "43.21", "55.10", "86.23", "96.02"};
const char* const kCounterpartyCountries[] = {"LV", "LV", "LV", "LV", "LV", "LT", "EE", "DE", "PL", "FI", "SE", "NL"};
const char* const kRiskyCountries[] = {"AE", "RU", "CN", "KZ", "HK", "TR", "IR", "PA", "VU", "KP"};
const char* const kPurposes[] = {"alga", "rēķina apmaksa", "invoice payment", "rent", "комиссия", "oplata po schetu",
                                 "consulting services", "marketing services", "aizdevuma atmaksa", "pakalpojumi"};
const char* const kFactFindings[][2] = {{"A1.1", "Shell-arrangement signs confirmed"}, {"A1.2", "Trust services used"},
                                        {"A1.3", "Ownership structure obscures the UBO"}, {"A2.8", "Refused to provide information"},
                                        {"A2.12", "Negative public information"}, {"A2.93", "Adverse media"},
                                        {"A2.95", "Earlier suspicious-transaction report"}, {"A3.11", "Low-value product only"},
                                        {"A3.19", "Verified institutional investor"}};

std::string Amount(int64_t cents) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(cents / 100), static_cast<long long>(cents % 100));
  return buf;
}

std::string Id(char prefix, int64_t n, int width) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%c%0*lld", prefix, width, static_cast<long long>(n));
  return buf;
}

// Buffers a CSV file and hands it to the stream in large pieces.
class Out {
 public:
  explicit Out(std::ostream* os) : os_(os) {}
  ~Out() { Flush(); }
  bool on() const { return os_ != nullptr; }
  Out& Field(std::string_view v, bool last = false) {
    if (!os_) return *this;
    buf_ += CsvEscape(v);
    buf_ += last ? '\n' : ',';
    if (buf_.size() > (1 << 20)) Flush();
    return *this;
  }
  void Row(std::initializer_list<std::string_view> fields) {
    size_t i = 0;
    for (std::string_view f : fields) Field(f, ++i == fields.size());
  }
  void Flush() {
    if (os_ && !buf_.empty()) os_->write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

 private:
  std::ostream* os_;
  std::string buf_;
};

}  // namespace

void GenerateDemoPortfolio(const DemoOptions& options, const DemoSinks& sinks) {
  Out clients(sinks.clients), persons(sinks.persons), accounts(sinks.accounts), txs(sinks.transactions),
      facts(sinks.facts), links(sinks.links);
  clients.Row({"client_id", "type", "name", "birth_date", "registration_number", "country", "relationship_start", "pep",
               "legal_form", "nace", "activities", "activity_linked_to_latvia", "reputable_foreign_group",
               "private_banking", "planned_monthly_credit_turnover", "planned_annual_credit_turnover",
               "transaction_limit", "onboarding"});
  persons.Row({"person_id", "client_id", "role", "name", "birth_date", "country", "citizenship", "pep"});
  accounts.Row({"account_id", "client_id", "opened_on", "currency"});
  txs.Row({"tx_id", "account_id", "client_id", "booked_at", "direction", "amount_eur", "currency", "channel",
           "counterparty_id", "counterparty_name", "counterparty_account", "counterparty_country", "purpose", "ip",
           "atm_id", "device_id"});
  facts.Row({"client_id", "factor", "observed_on", "note", "author"});
  links.Row({"client_id", "party", "country", "reason"});

  const int64_t n = options.clients;
  const int64_t total_tx = options.transactions > 0 ? options.transactions : n * 25;
  const Date as_of = options.as_of;
  const Date window_start = AddMonths(as_of, -15);
  int64_t tx_number = 0, person_number = 0;
  for (int64_t i = 0; i < n; ++i) {
    Rng rng(Mix(Mix(options.seed) ^ (static_cast<uint64_t>(i) * 2 + 1)));
    // Transactions draw from a stream of their own, so that a client's
    // profile, facts and links do not depend on how many were asked for.
    Rng tx_rng(Mix(Mix(options.seed + 1) ^ (static_cast<uint64_t>(i) * 2 + 1)));
    const std::string id = Id('C', i + 1, 7);
    const bool natural = rng.Percent(70);
    const bool foreign = rng.Percent(natural ? 8 : 15);
    std::string country = foreign ? (natural ? rng.Pick(kNatCountries) : rng.Pick(kLegalForeignCountries)) : "LV";
    Date start = rng.Percent(8) ? as_of - std::chrono::days(20 + rng.Below(420))
                                : as_of - std::chrono::days(450 + rng.Below(6800));
    std::string name, birth, reg, pep = "none", legal_form, nace, activities, planned_month, planned_year, limit;
    bool linked = true, reputable = false, private_banking = false;
    int64_t typical_cents;
    if (natural) {
      bool male = rng.Percent(50);
      name = foreign ? rng.Pick(kForeignNames)
                     : std::string(male ? rng.Pick(kFirstMale) : rng.Pick(kFirstFemale)) + " " +
                           (male ? rng.Pick(kLastMale) : rng.Pick(kLastFemale));
      birth = FormatDate(as_of - std::chrono::days(365 * 20 + rng.Below(365 * 55)));
      if (rng.Percent(2)) pep = rng.Percent(60) ? "pep" : (rng.Percent(50) ? "family" : "associate");
      private_banking = rng.Percent(1);
      typical_cents = rng.Percent(4) ? 2'500'000 + rng.Below(6'000'000) : 80'000 + rng.Below(300'000);
      if (rng.Percent(40)) planned_month = Amount(typical_cents / 100 * 100);
    } else {
      if (foreign) {
        name = std::string(rng.Pick(kForeignCompanies)) + " " + (country == "AE" ? "FZE" : rng.Percent(50) ? "Ltd" : "LLC");
        legal_form = rng.Percent(50) ? "Ltd" : "LLC";
        linked = rng.Percent(40);
        reputable = !linked && rng.Percent(40);
      } else {
        const char* forms[] = {"SIA", "SIA", "SIA", "SIA", "SIA", "SIA", "AS", "IK", "biedrība", "nodibinājums"};
        legal_form = rng.Pick(forms);
        name = legal_form == "biedrība" || legal_form == "nodibinājums"
                   ? std::string(legal_form == "biedrība" ? "Biedrība" : "Nodibinājums") + " \"" + rng.Pick(kCompanyWords) + "\""
                   : legal_form + " \"" + rng.Pick(kCompanyWords) + " " + std::to_string(1 + rng.Below(99)) + "\"";
      }
      reg = std::to_string(40000000000LL + rng.Below(9999999999LL));
      nace = rng.PerMille(15) ? "92.00" : rng.PerMille(10) ? "46.48" : rng.Pick(kNace);
      if (nace == "92.00") activities = "gambling";
      if (nace == "46.48") activities = "precious_goods";
      typical_cents = rng.Percent(5) ? 20'000'000 + rng.Below(30'000'000) : 1'000'000 + rng.Below(8'000'000);
      planned_month = Amount(typical_cents / 100 * 100);
      if (rng.Percent(30)) planned_year = Amount(typical_cents / 100 * 100 * 12);
    }
    if (private_banking) planned_year = Amount(rng.Percent(50) ? 150'000'000 : 50'000'000);
    if (rng.Percent(50)) limit = Amount((typical_cents / 10000 + 1) * 10000);
    clients.Row({id, natural ? "natural" : "legal", name, birth, reg, country, FormatDate(start), pep, legal_form, nace,
                 activities, linked ? "true" : "false", reputable ? "true" : "false", private_banking ? "true" : "false",
                 planned_month, planned_year, limit, rng.Percent(30) ? "remote" : "in_person"});

    if (!natural || rng.Percent(5)) {
      int ubos = natural ? 0 : 1 + static_cast<int>(rng.Below(2));
      for (int k = 0; k < ubos + 1; ++k) {
        bool ubo = k < ubos;
        std::string pcountry = rng.Percent(85) ? "LV" : rng.Pick(kNatCountries);
        std::string citizenship = rng.Percent(90) ? pcountry : rng.Pick(kRiskyCountries);
        persons.Row({Id('P', ++person_number, 7), id, ubo ? "ubo" : (natural ? "authorised" : "representative"),
                     std::string(rng.Pick(kFirstMale)) + " " + rng.Pick(kLastMale),
                     FormatDate(as_of - std::chrono::days(365 * 25 + rng.Below(365 * 40))), pcountry, citizenship,
                     rng.PerMille(15) ? "pep" : "none"});
      }
    }
    int n_accounts = 1 + (rng.Percent(25) ? 1 : 0);
    std::string account_ids[2];
    for (int k = 0; k < n_accounts; ++k) {
      account_ids[k] = "LV" + std::to_string(10 + rng.Below(89)) + "SRGS" + Id('0', i * 2 + k + 1, 13).substr(1);
      accounts.Row({account_ids[k], id, FormatDate(start), k == 0 || rng.Percent(50) ? "EUR" : (rng.Percent(50) ? "USD" : "GBP")});
    }

    if (rng.Percent(3)) {
      const auto& finding = kFactFindings[rng.Below(sizeof kFactFindings / sizeof kFactFindings[0])];
      Date observed = std::max(start, as_of - std::chrono::days(rng.Below(400)));
      facts.Row({id, finding[0], FormatDate(observed), finding[1], "Compliance analyst"});
    }
    if (rng.Percent(2)) {
      links.Row({id, rng.Percent(50) ? "client" : "ubo", rng.Pick(kRiskyCountries), "declared in onboarding questionnaire"});
    }
    // Transactions: this client's share of the total, within the last 15 months.
    int64_t share = total_tx / n + (i < total_tx % n ? 1 : 0);
    Date first_day = std::max(start, window_start);
    int64_t span = std::max<int64_t>(1, (as_of - first_day).count() + 1);
    bool risky_partner = tx_rng.Percent(4);
    std::string cp_country[4];
    for (int k = 0; k < 4; ++k) cp_country[k] = tx_rng.Pick(kCounterpartyCountries);
    if (risky_partner) cp_country[0] = tx_rng.Pick(kRiskyCountries);
    int64_t per_month_credits = std::max<int64_t>(1, share / 15 / 2);
    for (int64_t k = 0; k < share; ++k) {
      Date on = first_day + std::chrono::days(tx_rng.Below(span));
      bool credit = tx_rng.Percent(50);
      int cp = static_cast<int>(tx_rng.Below(4));
      bool cash = tx_rng.Percent(natural ? 8 : 3);
      int64_t cents = tx_rng.Skewed(typical_cents / per_month_credits);
      std::string booked = FormatDate(on);
      if (tx_rng.Percent(30)) {
        char t[32];
        std::snprintf(t, sizeof t, "T%02d:%02d:00%s", static_cast<int>(8 + tx_rng.Below(10)), static_cast<int>(tx_rng.Below(60)),
                      tx_rng.Percent(50) ? "" : "+02:00");
        booked += t;
      }
      std::string cp_id = cash ? "" : Id('P', 0, 0).substr(0, 0) + "CP" + Id('0', (i * 4 + cp) % 999983, 6).substr(1);
      txs.Row({Id('T', ++tx_number, 10), account_ids[tx_rng.Below(n_accounts)], id, booked, credit ? "credit" : "debit",
               Amount(cents), "EUR", cash ? "cash" : (tx_rng.Percent(10) ? "card" : "transfer"), cp_id,
               cash ? "" : std::string(tx_rng.Pick(kForeignCompanies)), "", cash ? "" : cp_country[cp],
               tx_rng.Pick(kPurposes), tx_rng.Percent(20) ? "10.0." + std::to_string(tx_rng.Below(256)) + "." + std::to_string(tx_rng.Below(256)) : "",
               cash && tx_rng.Percent(50) ? "ATM" + std::to_string(tx_rng.Below(400)) : "", ""});
    }
  }
}

}  // namespace sargs
