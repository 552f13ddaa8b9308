#include "app/demo_portfolio.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "base/csv.h"
#include "base/split_mix.h"

namespace sargs {
namespace {

// splitmix64: tiny, fast and identical everywhere.
class Rng {
 public:
  explicit Rng(uint64_t seed) : g_{seed} {}
  uint64_t Next() { return g_.Next(); }
  int64_t Below(int64_t n) { return g_.Below(n); }
  // Uniform in [lo, hi].
  int64_t Range(int64_t lo, int64_t hi) { return hi <= lo ? lo : lo + Below(hi - lo + 1); }
  bool Percent(int p) { return Below(100) < p; }
  bool PerMille(int p) { return Below(1000) < p; }
  template <typename T, size_t N>
  const T& Pick(const T (&items)[N]) { return items[Below(N)]; }
  // `value` scaled by a percentage drawn from [lo, hi], in whole cents.
  int64_t Scale(int64_t value, int lo, int hi) { return value * Range(lo, hi) / 100; }

 private:
  SplitMix64 g_;
};

// The splitmix64 finaliser: nearby inputs give unrelated outputs, so every
// client (and every client's transactions) gets its own random stream.
uint64_t Mix(uint64_t z) { return SplitMixFinalise(z); }

// The seed of stream `salt` of item `n` (a client or a block of clients).
uint64_t Stream(uint64_t seed, uint64_t salt, uint64_t n) { return Mix(Mix(seed + salt) ^ (n * 2 + 1)); }

enum StreamSalt : uint64_t { kProfileStream = 0, kTxStream = 1, kGroupStream = 2, kBlockPick = 3, kClientPick = 4,
                             kInjectStream = 5, kPatternTxStream = 6 };

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
// EU or OECD members: no annex 1 link (A1.7, A1.12-A1.15) comes from them.
const char* const kEuCountries[] = {"EE", "LT", "DE", "SE", "FI", "NL"};
const char* const kNace[] = {"62.01", "56.10", "41.20", "49.41", "47.11", "68.20", "70.22", "46.90", "01.11", "45.11",
                             "10.71", "43.21", "55.10", "86.23", "96.02"};
// The codes of kNace that data/nace_activities.csv marks cash_intensive
// (A2.21 does not apply to them), and the scrap dealer of the A2.26 pattern.
const char* const kCashIntensiveNace[] = {"56.10", "45.11", "55.10", "96.02", "46.77"};
const char* const kCounterpartyCountries[] = {"LV", "LV", "LV", "LV", "LV", "LT", "EE", "DE", "PL", "FI", "SE", "NL"};
const char* const kRiskyCountries[] = {"AE", "RU", "CN", "KZ", "HK", "TR", "IR", "PA", "VU", "KP"};
// On the FATF call-for-action or EU high-risk lists (A2.27).
const char* const kHighRiskCountries[] = {"RU", "IR", "MM", "SY", "AF", "VU", "VG", "LB", "YE"};
// Abroad for an association (A2.56), but on neither list of A2.27.
const char* const kDonationCountries[] = {"UA", "GE", "DE", "FR", "MD"};
const char* const kBanks[] = {"HABA", "UNLA", "RIKO", "PARX", "NDEA", "LPNS"};
const char* const kLegalPurposes[] = {"rēķina apmaksa", "invoice payment", "payment for goods", "oplata po schetu",
                                      "par precēm", "līgums 2025/14", "pakalpojumi"};
// Purposes A2.29 reads as payments for services; used only up to its limit.
const char* const kServicePurposes[] = {"consulting services", "marketing services", "reklāmas pakalpojumi",
                                        "konsultāciju pakalpojumi"};
const char* const kPrivatePurposes[] = {"īre", "rent", "aizdevuma atmaksa", "pārskaitījums", "dāvana", "uzkrājumi"};
const char* const kFactFindings[][2] = {{"A1.1", "Shell-arrangement signs confirmed"}, {"A1.2", "Trust services used"},
                                        {"A1.3", "Ownership structure obscures the UBO"}, {"A2.8", "Refused to provide information"},
                                        {"A2.12", "Negative public information"}, {"A2.93", "Adverse media"},
                                        {"A2.95", "Earlier suspicious-transaction report"}, {"A3.11", "Low-value product only"},
                                        {"A3.19", "Verified institutional investor"}};

// ---- patterns --------------------------------------------------------------------

enum class Pattern : uint8_t {
  kNone,
  // One client's own transactions.
  kPassThrough, kCashShare, kRoundAmounts, kFanInOut, kTransfersToCash, kHighRiskCountry, kServices, kOverLimit,
  kLateFirstCredit, kLateFirstDebit, kResumed, kLargeCash, kNonLatviaMonth, kNonLatviaQuarter, kNonLatviaYear,
  kAssociationAbroad, kDisproportionate,
  // Three clients together.
  kRing, kSharedIp, kCommonRecipient, kSameAtm,
};
constexpr Pattern kSinglePatterns[] = {
    Pattern::kPassThrough, Pattern::kCashShare, Pattern::kRoundAmounts, Pattern::kFanInOut, Pattern::kTransfersToCash,
    Pattern::kHighRiskCountry, Pattern::kServices, Pattern::kOverLimit, Pattern::kLateFirstCredit, Pattern::kLateFirstDebit,
    Pattern::kResumed, Pattern::kLargeCash, Pattern::kNonLatviaMonth, Pattern::kNonLatviaQuarter, Pattern::kNonLatviaYear,
    Pattern::kAssociationAbroad, Pattern::kDisproportionate};
constexpr Pattern kGroupPatterns[] = {Pattern::kRing, Pattern::kSharedIp, Pattern::kCommonRecipient, Pattern::kSameAtm};

const char* RuleOf(Pattern p) {
  switch (p) {
    case Pattern::kPassThrough: return "A2.20";
    case Pattern::kCashShare: return "A2.21";
    case Pattern::kRoundAmounts: return "A2.23";
    case Pattern::kFanInOut: return "A2.24";
    case Pattern::kTransfersToCash: return "A2.26";
    case Pattern::kHighRiskCountry: return "A2.27";
    case Pattern::kServices: return "A2.29";
    case Pattern::kRing: return "A2.30";
    case Pattern::kSharedIp: return "A2.46";
    case Pattern::kOverLimit: return "A2.48";
    case Pattern::kLateFirstCredit: return "A2.49";
    case Pattern::kLateFirstDebit: return "A2.50";
    case Pattern::kResumed: return "A2.51";
    case Pattern::kLargeCash: return "A2.52";
    case Pattern::kNonLatviaMonth: return "A2.53";
    case Pattern::kNonLatviaQuarter: return "A2.54";
    case Pattern::kNonLatviaYear: return "A2.55";
    case Pattern::kAssociationAbroad: return "A2.56";
    case Pattern::kCommonRecipient: return "A2.57";
    case Pattern::kDisproportionate: return "A2.58";
    case Pattern::kSameAtm: return "A2.73";
    case Pattern::kNone: break;
  }
  return "";
}

bool IsNonLatvia(Pattern p) {
  return p == Pattern::kNonLatviaMonth || p == Pattern::kNonLatviaQuarter || p == Pattern::kNonLatviaYear;
}

// The cross-client pattern of block `block` (clients 3*block .. 3*block+2),
// or kNone. Blocks draw first, so that a client carries one pattern at most.
Pattern BlockPattern(const DemoOptions& o, int64_t block) {
  const int pm = std::clamp(o.pattern_per_mille, 0, 50);
  if (pm == 0 || block * 3 + 2 >= o.clients) return Pattern::kNone;
  const int64_t x = static_cast<int64_t>(Stream(o.seed, kBlockPick, static_cast<uint64_t>(block)) % 1000);
  return x < pm * 4 ? kGroupPatterns[x / pm] : Pattern::kNone;
}

Pattern PatternOf(const DemoOptions& o, int64_t client) {
  const int pm = std::clamp(o.pattern_per_mille, 0, 50);
  if (pm == 0) return Pattern::kNone;
  if (Pattern g = BlockPattern(o, client / 3); g != Pattern::kNone) return g;
  const int64_t x = static_cast<int64_t>(Stream(o.seed, kClientPick, static_cast<uint64_t>(client)) % 1000);
  return x < pm * 17 ? kSinglePatterns[x / pm] : Pattern::kNone;
}

// ---- identifiers -------------------------------------------------------------------

// Decimal digits of `v`, zero-padded to `width`. The generator writes tens
// of millions of numbers; printf would be a third of its time.
void AppendUint(std::string& out, uint64_t v, int width = 1) {
  char buf[24];
  int n = 0;
  do {
    buf[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  while (n < width) buf[n++] = '0';
  while (n > 0) out += buf[--n];
}

void AppendAmount(std::string& out, int64_t cents) {
  AppendUint(out, static_cast<uint64_t>(cents / 100));
  out += '.';
  AppendUint(out, static_cast<uint64_t>(cents % 100), 2);
}

std::string Amount(int64_t cents) {
  std::string out;
  AppendAmount(out, cents);
  return out;
}

std::string Id(char prefix, int64_t n, int width) {
  std::string out(1, prefix);
  AppendUint(out, static_cast<uint64_t>(n), width);
  return out;
}

std::string CounterpartyId(int64_t n) {
  std::string out = "CP";
  AppendUint(out, static_cast<uint64_t>(n), 6);
  return out;
}

// An IBAN with real ISO 13616 check digits: the country, two check digits,
// then `bank` (letters, may be empty) and `number` with `digits` digits.
std::string Iban(const char* country, const char* bank, uint64_t number, int digits) {
  // The check is the remainder modulo 97 of bank + number + country + "00"
  // with letters as 10..35, taken a piece at a time.
  uint64_t mod = 0;
  for (const char* c = bank; *c; ++c) mod = (mod * 100 + static_cast<uint64_t>(*c - 'A' + 10)) % 97;
  uint64_t shift = 1;
  for (int k = 0; k < digits; ++k) shift = shift * 10 % 97;
  mod = (mod * shift + number % 97) % 97;
  const uint64_t tail = static_cast<uint64_t>(country[0] - 'A' + 10) * 10'000 +
                        static_cast<uint64_t>(country[1] - 'A' + 10) * 100;
  mod = (mod * 1'000'000 + tail) % 97;
  std::string out{country[0], country[1]};
  AppendUint(out, 98 - mod, 2);
  out += bank;
  AppendUint(out, number, digits);
  return out;
}

// A party on the other side of a transfer.
struct Party {
  std::string id, account;
  std::string name;  // as a CSV field, escaped where needed
  const char* country = "LV";
};

// Counterparties of one client: credit side 0-7, debit side 8-15, patterns
// 16-23. Their numbers never repeat across clients, so that no two clients
// share a counterparty by accident (A2.57), and a client never both pays and
// is paid by one (A2.30 would read that as a ring).
constexpr int kPartiesPerClient = 24;
constexpr int kFirstDebitParty = 8, kFirstPatternParty = 16;

void MakeParty(Party& p, int64_t client, int k, const char* country, const char* name) {
  const int64_t n = 1'000'000 + client * kPartiesPerClient + k;
  p.id = CounterpartyId(n);
  p.name = CsvEscape(name);
  p.country = country;
  const uint64_t number = 1'000'000'000ull + static_cast<uint64_t>(n);
  p.account = std::strcmp(country, "LV") == 0 ? Iban("LV", kBanks[n % 6], number, 13) : Iban(country, "", number, 16);
}

// Mass recipients and payers: paid by (or paying) a large share of the
// portfolio, as utilities, the tax office and the pension agency are. A2.57
// leaves such recipients out.
enum MassParty { kLatvenergo, kRigasUdens, kTele2, kLmt, kBite, kGaze, kInsurance, kTaxOffice, kPensionAgency,
                 kRimi, kMaxima, kCircleK, kMassPartyCount };
constexpr int kFirstUtility = kLatvenergo, kUtilityCount = kInsurance + 1;
constexpr int kFirstShop = kRimi, kShopCount = 3;

std::vector<Party> MassParties() {
  struct Row {
    const char* name;
    const char* bank;
  };
  const Row rows[kMassPartyCount] = {{"AS Latvenergo", "HABA"},        {"SIA Rīgas ūdens", "UNLA"},
                                     {"SIA Tele2", "HABA"},            {"SIA Latvijas Mobilais Telefons", "UNLA"},
                                     {"SIA Bite Latvija", "RIKO"},     {"AS Latvijas Gāze", "HABA"},
                                     {"AAS BTA Baltic Insurance Company", "UNLA"},
                                     {"Valsts ieņēmumu dienests", "TREL"},
                                     {"Valsts sociālās apdrošināšanas aģentūra", "TREL"},
                                     {"SIA Rimi Latvia", ""},          {"SIA Maxima Latvija", ""},
                                     {"SIA Circle K Latvia", ""}};
  std::vector<Party> out(kMassPartyCount);
  for (int k = 0; k < kMassPartyCount; ++k) {
    out[k].id = CounterpartyId(k + 1);
    out[k].name = CsvEscape(rows[k].name);
    out[k].country = "LV";
    // Card merchants are named, but a card payment carries no account.
    if (rows[k].bank[0]) out[k].account = Iban("LV", rows[k].bank, 1000 + static_cast<uint64_t>(k), 13);
  }
  return out;
}

void MakeEmployer(Party& p, int64_t e) {
  p.id = CounterpartyId(100 + e);
  p.name = CsvEscape(std::string("SIA \"") + kCompanyWords[e % 10] + " " + std::to_string(100 + e) + "\"");
  p.country = "LV";
  p.account = Iban("LV", kBanks[e % 6], 500'000'000ull + static_cast<uint64_t>(e), 13);
}

// A client's internet-bank addresses (k = 0 home, 1 mobile): one of its own,
// so that background data never puts unrelated clients on one address (A2.46).
uint32_t ClientIp(int64_t client, int k) { return (10u << 24) + static_cast<uint32_t>(client * 2 + k); }
// The address three clients of an A2.46 block share: outside every client's.
uint32_t SharedIp(int64_t block) {
  return (172u << 24) + ((16u + static_cast<uint32_t>(block >> 16) % 16) << 16) + static_cast<uint32_t>(block & 0xFFFF);
}

// ---- CSV output --------------------------------------------------------------------

// Buffers a CSV file and hands it to the stream in large pieces.
class Out {
 public:
  explicit Out(std::ostream* os) : os_(os) {}
  ~Out() { Flush(); }
  Out(const Out&) = delete;
  Out& operator=(const Out&) = delete;
  bool on() const { return os_ != nullptr; }
  Out& Field(std::string_view v, bool last = false) {
    if (!os_) return *this;
    if (v.find_first_of(",\"\r\n") == std::string_view::npos) {
      buf_ += v;
    } else {
      buf_ += CsvEscape(v);
    }
    buf_ += last ? '\n' : ',';
    if (buf_.size() > (1 << 20)) Flush();
    return *this;
  }
  void Row(std::initializer_list<std::string_view> fields) {
    size_t i = 0;
    for (std::string_view f : fields) Field(f, ++i == fields.size());
  }
  // A complete row, already escaped, ending with its newline.
  void Raw(std::string_view row) {
    if (!os_) return;
    buf_ += row;
    if (buf_.size() > (1 << 20)) Flush();
  }
  void Flush() {
    if (os_ && !buf_.empty()) os_->write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

 private:
  std::ostream* os_;
  std::string buf_;
};

// "YYYY-MM-DD" into `out` (11 bytes with the terminator).
void DateText(Date d, char* out) {
  const std::chrono::year_month_day ymd(d);
  const int y = static_cast<int>(ymd.year());
  const unsigned m = static_cast<unsigned>(ymd.month()), day = static_cast<unsigned>(ymd.day());
  out[0] = static_cast<char>('0' + y / 1000 % 10);
  out[1] = static_cast<char>('0' + y / 100 % 10);
  out[2] = static_cast<char>('0' + y / 10 % 10);
  out[3] = static_cast<char>('0' + y % 10);
  out[4] = '-';
  out[5] = static_cast<char>('0' + m / 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[7] = '-';
  out[8] = static_cast<char>('0' + day / 10);
  out[9] = static_cast<char>('0' + day % 10);
  out[10] = 0;
}

// ---- clients -----------------------------------------------------------------------

struct Profile {
  int64_t index = 0;
  Pattern pattern = Pattern::kNone;
  std::string id, name, birth, reg, country, pep = "none", legal_form, nace, activities, planned_year;
  Date start;
  bool natural = true, foreign = false, linked = true, reputable = false, private_banking = false, remote = false;
  bool cash_intensive = false, association = false;
  // No annex 1 factor may come from the client's data (A2.53-A2.55 apply
  // only then): EU country, reputable group, clean persons, no findings.
  bool clean = false;
  int64_t plan = 0;      // declared planned monthly credit turnover, cents; 0 = none
  int64_t activity = 0;  // what the client actually turns over in a month, cents
  int64_t limit = 0;     // transaction limit, cents; 0 = none
  int64_t big = 0;       // the main amount of the client's pattern, cents
  int n_accounts = 1;
  std::string accounts[2];
  const char* currency[2] = {"EUR", "EUR"};
};

struct Context {
  DemoOptions o;
  int64_t n = 0;
  Date as_of, window_start;
  YearMonth first_full, last_full;  // the complete months of the data
  int64_t atm_pool = 0, employers = 0;
  std::vector<Party> mass;
};

bool CashIntensive(const std::string& nace) {
  return std::any_of(std::begin(kCashIntensiveNace), std::end(kCashIntensiveNace),
                     [&](const char* c) { return nace == c; });
}

// The client record, from the client's own stream. The pattern adjusts it
// where the pattern needs a kind of client (a natural person for large cash,
// an association for payments abroad) or must not set off other rules (no
// transaction limit for large amounts, a declared turnover that the
// pattern's month stays within).
Profile MakeProfile(const Context& ctx, int64_t i, Rng& rng) {
  const Date as_of = ctx.as_of;
  Profile p;
  p.index = i;
  p.pattern = PatternOf(ctx.o, i);
  const Pattern pat = p.pattern;
  Rng inject(Stream(ctx.o.seed, kInjectStream, static_cast<uint64_t>(i)));
  p.id = Id('C', i + 1, 7);
  p.natural = rng.Percent(70);
  if (pat == Pattern::kCashShare || pat == Pattern::kLargeCash || pat == Pattern::kSameAtm) p.natural = true;
  if (pat == Pattern::kTransfersToCash || pat == Pattern::kServices || pat == Pattern::kAssociationAbroad ||
      IsNonLatvia(pat)) {
    p.natural = false;
  }
  p.foreign = rng.Percent(p.natural ? 8 : 15);
  if (pat == Pattern::kTransfersToCash || pat == Pattern::kAssociationAbroad) p.foreign = false;
  p.clean = IsNonLatvia(pat);
  if (p.clean) p.foreign = true;
  p.country = p.foreign ? (p.natural ? rng.Pick(kNatCountries) : rng.Pick(kLegalForeignCountries)) : "LV";
  if (p.clean) p.country = rng.Pick(kEuCountries);
  p.start = rng.Percent(8) ? as_of - std::chrono::days(20 + rng.Below(420)) : as_of - std::chrono::days(450 + rng.Below(6800));
  int64_t typical;
  if (p.natural) {
    const bool male = rng.Percent(50);
    p.name = p.foreign ? rng.Pick(kForeignNames)
                       : std::string(male ? rng.Pick(kFirstMale) : rng.Pick(kFirstFemale)) + " " +
                             (male ? rng.Pick(kLastMale) : rng.Pick(kLastFemale));
    p.birth = FormatDate(as_of - std::chrono::days(365 * 20 + rng.Below(365 * 55)));
    if (rng.Percent(2)) p.pep = rng.Percent(60) ? "pep" : (rng.Percent(50) ? "family" : "associate");
    p.private_banking = rng.Percent(1);
    typical = rng.Percent(4) ? 2'500'000 + rng.Below(6'000'000) : 80'000 + rng.Below(300'000);
    if (rng.Percent(40)) p.plan = typical / 100 * 100;
  } else {
    if (p.foreign) {
      p.name = std::string(rng.Pick(kForeignCompanies)) + " " + (p.country == "AE" ? "FZE" : rng.Percent(50) ? "Ltd" : "LLC");
      p.legal_form = rng.Percent(50) ? "Ltd" : "LLC";
      p.linked = rng.Percent(40);
      p.reputable = !p.linked && rng.Percent(40);
    } else {
      const char* forms[] = {"SIA", "SIA", "SIA", "SIA", "SIA", "SIA", "AS", "IK", "biedrība", "nodibinājums"};
      p.legal_form = rng.Pick(forms);
      if (pat == Pattern::kAssociationAbroad && p.legal_form != "nodibinājums") p.legal_form = "biedrība";
      if ((pat == Pattern::kTransfersToCash || pat == Pattern::kHighRiskCountry || pat == Pattern::kServices) &&
          (p.legal_form == "biedrība" || p.legal_form == "nodibinājums")) {
        p.legal_form = "SIA";
      }
      p.association = p.legal_form == "biedrība" || p.legal_form == "nodibinājums";
      p.name = p.association ? std::string(p.legal_form == "biedrība" ? "Biedrība" : "Nodibinājums") + " \"" +
                                   rng.Pick(kCompanyWords) + "\""
                             : p.legal_form + " \"" + rng.Pick(kCompanyWords) + " " + std::to_string(1 + rng.Below(99)) + "\"";
    }
    p.reg = std::to_string(40000000000LL + rng.Below(9999999999LL));
    p.nace = rng.PerMille(15) ? "92.00" : rng.PerMille(10) ? "46.48" : rng.Pick(kNace);
    if (pat == Pattern::kTransfersToCash) p.nace = "46.77";  // a scrap-metal dealer
    if (p.clean && (p.nace == "92.00" || p.nace == "46.48")) p.nace = "46.90";
    if (p.nace == "92.00") p.activities = "gambling";
    if (p.nace == "46.48") p.activities = "precious_goods";
    typical = rng.Percent(5) ? 20'000'000 + rng.Below(30'000'000) : 1'000'000 + rng.Below(8'000'000);
    p.plan = typical / 100 * 100;
    if (rng.Percent(30)) p.planned_year = Amount(p.plan * 12);
  }
  if (p.private_banking) p.planned_year = Amount(rng.Percent(50) ? 150'000'000 : 50'000'000);
  if (rng.Percent(50)) p.limit = (typical / 10000 + 1) * 10000;
  p.remote = rng.Percent(30);
  p.cash_intensive = !p.natural && CashIntensive(p.nace);
  // Actual turnover is what was planned or somewhat less. Clients whose
  // activity is not linked to Latvia stay below the A2.53-A2.55 amounts.
  p.activity = rng.Scale(typical, 60, 100);
  if (!p.linked) p.activity = std::min<int64_t>(p.activity, 10'000'000);

  // The pattern's adjustments.
  if (pat != Pattern::kNone && pat != Pattern::kOverLimit) p.limit = 0;
  if (pat == Pattern::kOverLimit && p.limit == 0) p.limit = (typical / 10000 + 1) * 10000;
  const Date window_start = ctx.window_start;
  switch (pat) {
    case Pattern::kLateFirstCredit:
      // A new relationship, quiet for more than six months, then a large month.
      p.start = AddMonths(as_of, -13) + std::chrono::days(inject.Below(20));
      p.big = inject.Range(7'500'000, 16'000'000);
      p.plan = std::max(p.plan, p.big * 2 / 5 / 100 * 100);
      p.linked = true;
      break;
    case Pattern::kLateFirstDebit:
      // An account opened early in the data whose first debit waits a year.
      p.start = window_start + std::chrono::days(3 + inject.Below(25));
      break;
    case Pattern::kResumed:
      p.big = inject.Range(7'500'000, 15'000'000);
      p.plan = std::max(p.plan, p.big * 2 / 5 / 100 * 100);
      p.linked = true;
      break;
    case Pattern::kLargeCash:
      p.plan = 0;
      p.linked = true;
      break;
    case Pattern::kNonLatviaMonth:
    case Pattern::kNonLatviaQuarter:
    case Pattern::kNonLatviaYear:
      p.name = std::string(rng.Pick(kForeignCompanies)) + " " + (inject.Percent(50) ? "AB" : "GmbH");
      p.legal_form = inject.Percent(50) ? "Ltd" : "LLC";
      p.linked = false;
      p.reputable = true;  // a known foreign group: not annex 1 factor A1.5
      p.plan = pat == Pattern::kNonLatviaMonth ? 16'000'000 : 10'000'000;
      p.activity = inject.Range(1'500'000, 2'500'000);
      p.planned_year.clear();
      p.private_banking = false;
      break;
    case Pattern::kDisproportionate:
      if (p.plan == 0) p.plan = std::max<int64_t>(typical / 100 * 100, 100'000);
      p.linked = true;
      break;
    default:
      break;
  }
  if (pat == Pattern::kLateFirstCredit || pat == Pattern::kLateFirstDebit) {
    p.start = std::min(p.start, as_of);
  }
  if (pat == Pattern::kResumed || pat == Pattern::kNonLatviaQuarter || pat == Pattern::kNonLatviaYear ||
      pat == Pattern::kNonLatviaMonth) {
    // Long-standing relationships: the pattern needs the whole window.
    if (p.start > window_start) p.start = window_start - std::chrono::days(200 + inject.Below(2000));
  }

  p.n_accounts = 1 + (rng.Percent(25) ? 1 : 0);
  if (pat == Pattern::kLateFirstDebit) p.n_accounts = 1;
  for (int k = 0; k < p.n_accounts; ++k) {
    p.accounts[k] = Iban("LV", "SRGS", static_cast<uint64_t>(i * 2 + k + 1), 13);
    p.currency[k] = k == 0 || rng.Percent(50) ? "EUR" : (rng.Percent(50) ? "USD" : "GBP");
  }
  return p;
}

// ---- transactions ------------------------------------------------------------------

enum class Ch : uint8_t { kTransfer, kCash, kCard, kAtm };
const char* ChannelText(Ch c) {
  switch (c) {
    case Ch::kTransfer: return "transfer";
    case Ch::kCash: return "cash";
    case Ch::kCard: return "card";
    case Ch::kAtm: return "atm";
  }
  return "";
}

struct Tx {
  int32_t day = 0;      // days since the epoch
  int32_t second = -1;  // Riga local second of the day; -1: date only
  int64_t cents = 0;
  bool credit = false;
  Ch channel = Ch::kTransfer;
  uint8_t account = 0;
  bool with_account = true;  // write the party's account (not for card payments)
  const Party* party = nullptr;
  const char* country = nullptr;  // overrides the party's
  const char* purpose = "";
  uint32_t ip = 0;  // 0: none
  int64_t atm = -1;
};

int32_t DayNumber(Date d) { return static_cast<int32_t>(d.time_since_epoch().count()); }
Date FromDayNumber(int32_t n) { return Date(std::chrono::days(n)); }

// One client's transactions before they are numbered and written.
struct ClientTxs {
  std::vector<Tx> txs;
  Party parties[kPartiesPerClient];
  Party employer, group_party[3];
  int64_t home_atm[2] = {0, 0};
};

// A manifest row.
struct Injected {
  const char* rule;
  Date from, to;
};

// What a pattern puts into one client's history: its transactions, the
// span kept free of background transactions, and the manifest rows.
struct Injection {
  std::vector<Tx> txs;
  Date quiet_from, quiet_to;  // [from, to): no background; empty when equal
  Date debits_from;           // background before it: credits only
  std::vector<Injected> rows;
  bool ok = false;
};

// The month of a pattern: a complete month of the data after the client's
// first one, drawn from `rng`; false when there is none.
bool PickMonth(const Context& ctx, Date first_day, int months, Rng& rng, YearMonth& out) {
  const YearMonth lo = std::max(ctx.first_full, YearMonth::Of(first_day) + 1);
  const YearMonth hi = ctx.last_full - (months - 1);
  if (hi < lo) return false;
  out = lo + static_cast<int>(rng.Below(hi - lo + 1));
  return true;
}

Tx Make(Date d, int second, bool credit, int64_t cents, Ch ch, const Party* party, const char* purpose) {
  Tx t;
  t.day = DayNumber(d);
  t.second = second;
  t.credit = credit;
  t.cents = cents;
  t.channel = ch;
  t.party = party;
  t.purpose = purpose;
  return t;
}

int Clock(Rng& r, int from_hour, int to_hour) {
  return static_cast<int>(r.Range(from_hour * 3600, to_hour * 3600 - 1));
}

// A single-client pattern. Each stays clear of the other rules' defaults
// where it can (see the amounts), so that an alert count per rule reads as
// "injected + background".
Injection InjectSingle(const Context& ctx, const Profile& p, Date first_day, ClientTxs& c) {
  Injection in;
  Rng r(Stream(ctx.o.seed, kPatternTxStream, static_cast<uint64_t>(p.index)));
  Party* own = &c.parties[kFirstPatternParty];
  auto party = [&](int k, const char* country, const char* name) {
    MakeParty(own[k], p.index, kFirstPatternParty + k, country, name);
    return &own[k];
  };
  const uint32_t ip = ClientIp(p.index, 0);
  YearMonth m;
  auto month_quiet = [&](YearMonth first, YearMonth last) {
    in.quiet_from = first.FirstDay();
    in.quiet_to = last.LastDay() + std::chrono::days(1);
  };
  auto row = [&](Date from, Date to) { in.rows.push_back({RuleOf(p.pattern), from, to}); };
  auto day_in = [&](YearMonth mm, int lo, int hi) { return mm.FirstDay() + std::chrono::days(r.Range(lo, hi)); };
  switch (p.pattern) {
    case Pattern::kPassThrough: {
      // Three or four days on which money comes in and goes out again.
      if (!PickMonth(ctx, first_day, 1, r, m)) return in;
      const Party* from = party(0, "LV", "SIA \"Tranzīts Serviss\"");
      const Party* to = p.association ? party(1, "LV", "SIA \"Baltijas Maksājumi\"")  // not abroad (A2.56)
                                      : party(1, "LT", "UAB Baltic Payments");
      const int days = static_cast<int>(r.Range(3, 4));
      for (int k = 0; k < days; ++k) {
        const Date d = day_in(m, k * 7 + 1, k * 7 + 5);
        const int64_t x = p.natural ? r.Range(110'000, 240'000) : r.Scale(p.activity, 30, 70);
        in.txs.push_back(Make(d, Clock(r, 9, 11), true, x, Ch::kTransfer, from, "invoice payment"));
        Tx out = Make(d, Clock(r, 13, 17), false, r.Scale(x, 93, 99), Ch::kTransfer, to, "payment for goods");
        out.ip = ip;
        in.txs.push_back(out);
      }
      month_quiet(m, m);
      row(m.FirstDay(), m.LastDay());
      break;
    }
    case Pattern::kCashShare: {
      // A month whose debits are mostly ATM withdrawals.
      if (!PickMonth(ctx, first_day, 1, r, m)) return in;
      const Party* to = party(0, "LV", "Ilze Kalniņa");
      Tx t = Make(day_in(m, 2, 6), -1, false, r.Range(60'000, 100'000), Ch::kTransfer, to, "īre");
      t.ip = ip;
      in.txs.push_back(t);
      const int n = static_cast<int>(r.Range(2, 3));
      for (int k = 0; k < n; ++k) {
        Tx a = Make(day_in(m, 8 + k * 6, 12 + k * 6), Clock(r, 8, 22), false, r.Range(40, 48) * 1000, Ch::kAtm, nullptr,
                    "");
        a.atm = k % 2;  // one of the client's two ATMs, known once the background has drawn them
        in.txs.push_back(a);
      }
      month_quiet(m, m);
      row(m.FirstDay(), m.LastDay());
      break;
    }
    case Pattern::kRoundAmounts: {
      if (!PickMonth(ctx, first_day, 1, r, m)) return in;
      const Party* to = party(0, "LV", "SIA \"Kreditors Plus\"");
      const int n = static_cast<int>(r.Range(3, 4));
      for (int k = 0; k < n; ++k) {
        Tx t = Make(day_in(m, 1 + k * 7, 5 + k * 7), -1, false, r.Range(1, p.natural ? 3 : 9) * 100'000, Ch::kTransfer,
                    to, "aizdevuma atmaksa");
        t.ip = ip;
        in.txs.push_back(t);
      }
      month_quiet(m, m);
      row(m.FirstDay(), m.LastDay());
      break;
    }
    case Pattern::kFanInOut: {
      // Small payments from several payers, then most of it onward.
      if (!PickMonth(ctx, first_day, 1, r, m)) return in;
      const int payers = static_cast<int>(r.Range(4, 7));
      const Date s = day_in(m, 0, 2);
      int64_t total = 0;
      int32_t last = DayNumber(s);
      for (int k = 0; k < payers; ++k) {
        const Date d = s + std::chrono::days(k * 3 + r.Below(3));
        const bool male = r.Percent(50);
        const std::string name = std::string(male ? r.Pick(kFirstMale) : r.Pick(kFirstFemale)) + " " +
                                 (male ? r.Pick(kLastMale) : r.Pick(kLastFemale));
        const Party* from = party(k, "LV", name.c_str());
        const int64_t x = r.Range(15'000, 95'000);
        total += x;
        last = std::max(last, DayNumber(d));
        in.txs.push_back(Make(d, -1, true, x, Ch::kTransfer, from, "pārskaitījums"));
      }
      const Date out_day = FromDayNumber(last) + std::chrono::days(1 + r.Below(3));
      Tx t = Make(out_day, Clock(r, 9, 20), false, r.Scale(total, 60, 95), Ch::kTransfer,
                  party(7, "LT", "UAB Greitas Kreditas"), "pārskaitījums");
      t.ip = ip;
      in.txs.push_back(t);
      // Quiet for 30 days before too: a salary counted with the small
      // payments would dilute the onward share.
      month_quiet(m, m);
      in.quiet_from = s - std::chrono::days(31);
      row(s, out_day);
      break;
    }
    case Pattern::kTransfersToCash: {
      if (!PickMonth(ctx, first_day, 1, r, m)) return in;
      const int64_t total = std::max<int64_t>(1'100'000 + r.Below(300'000), r.Scale(p.plan, 80, 150));
      const Party* a = party(0, "LV", "SIA \"Metāllūžņu Centrs\"");
      const Party* b = party(1, "LV", "SIA \"Baltijas Metāls\"");
      in.txs.push_back(Make(day_in(m, 1, 5), -1, true, total * 55 / 100, Ch::kTransfer, a, "par metāllūžņiem"));
      in.txs.push_back(Make(day_in(m, 8, 12), -1, true, total - total * 55 / 100, Ch::kTransfer, b, "par metāllūžņiem"));
      const int64_t cash = r.Scale(total, 60, 85);
      in.txs.push_back(Make(day_in(m, 13, 16), Clock(r, 9, 16), false, cash / 2, Ch::kCash, nullptr, "skaidras nauda"));
      in.txs.push_back(Make(day_in(m, 20, 24), Clock(r, 9, 16), false, cash - cash / 2, Ch::kCash, nullptr, "skaidras nauda"));
      month_quiet(m, m);
      row(m.FirstDay(), m.LastDay());
      break;
    }
    case Pattern::kHighRiskCountry: {
      if (!PickMonth(ctx, first_day, 1, r, m)) return in;
      const Date d = day_in(m, 0, 26);
      const char* country = r.Pick(kHighRiskCountries);
      Tx t = Make(d, Clock(r, 9, 17), false, r.Range(1'600'000, 6'000'000), Ch::kTransfer,
                  party(0, country, r.Pick(kForeignCompanies)), "payment for goods");
      t.ip = ip;
      in.txs.push_back(t);
      in.quiet_from = d;
      in.quiet_to = d + std::chrono::days(1);
      row(d, d);
      break;
    }
    case Pattern::kServices: {
      if (!PickMonth(ctx, first_day, 1, r, m)) return in;
      const Date d = day_in(m, 0, 26);
      const char* countries[] = {"LV", "EE", "LT", "CY"};
      Tx t = Make(d, Clock(r, 9, 17), false, r.Range(5'500'000, 25'000'000), Ch::kTransfer,
                  party(0, r.Pick(countries), "Alpine Consulting Ltd"), r.Pick(kServicePurposes));
      t.ip = ip;
      in.txs.push_back(t);
      in.quiet_from = d;
      in.quiet_to = d + std::chrono::days(1);
      row(d, d);
      break;
    }
    case Pattern::kOverLimit: {
      if (!PickMonth(ctx, first_day, 1, r, m)) return in;
      const Date d = day_in(m, 0, 26);
      const int64_t excess = std::max(r.Scale(p.limit, 40, 90), r.Range(110'000, 300'000));
      Tx t = Make(d, Clock(r, 9, 17), false, p.limit + excess + r.Below(100), Ch::kTransfer,
                  party(0, "LV", "SIA \"Auto Nams\""), "invoice payment");
      t.ip = ip;
      in.txs.push_back(t);
      in.quiet_from = d;
      in.quiet_to = d + std::chrono::days(1);
      row(d, d);
      break;
    }
    case Pattern::kLateFirstCredit: {
      // Nothing for six months and more, then a large first credit.
      const Date f = AddMonths(p.start, 6) + std::chrono::days(5 + r.Below(40));
      if (f > ctx.as_of - std::chrono::days(40)) return in;
      const YearMonth fm = YearMonth::Of(f);
      in.txs.push_back(Make(f, -1, true, p.big, Ch::kTransfer, party(0, "LV", "SIA \"Investīciju Grupa\""),
                            "aizdevums"));
      in.quiet_from = p.start;
      in.quiet_to = fm.LastDay() + std::chrono::days(1);
      row(fm.FirstDay(), fm.LastDay());
      break;
    }
    case Pattern::kLateFirstDebit: {
      const Date d = AddMonths(p.start, 12) + std::chrono::days(3 + r.Below(20));
      if (d > ctx.as_of - std::chrono::days(10)) return in;
      Tx t = Make(d, Clock(r, 9, 20), false, r.Scale(p.activity, 20, 60), Ch::kTransfer,
                  party(0, "LV", "SIA \"Mēbeļu Nams\""), "invoice payment");
      t.ip = ip;
      in.txs.push_back(t);
      in.debits_from = d;
      row(d, d);
      break;
    }
    case Pattern::kResumed: {
      // Three months of activity, seven without, then a large month.
      const YearMonth pause = std::max(ctx.first_full, YearMonth::Of(first_day) + 1) + 2 + static_cast<int>(r.Below(2));
      const YearMonth back = pause + 7;
      if (back > ctx.last_full) return in;
      in.txs.push_back(Make(day_in(back, 1, 10), -1, true, p.big, Ch::kTransfer,
                            party(0, "LV", "SIA \"Nekustamie Īpašumi\""), "par nekustamo īpašumu"));
      month_quiet(pause, back);
      row(back.FirstDay(), back.LastDay());
      break;
    }
    case Pattern::kLargeCash: {
      // Sells a flat, buys a car partly in cash.
      if (!PickMonth(ctx, first_day, 1, r, m)) return in;
      const int64_t cash = r.Range(1'550'000, 2'000'000);
      const int64_t transfer = r.Scale(cash, 260, 350);
      in.txs.push_back(Make(day_in(m, 1, 5), -1, true, r.Scale(cash + transfer, 100, 115), Ch::kTransfer,
                            party(0, "LV", "Zvērināts notārs Andris Liepiņš"), "dzīvokļa pārdošana"));
      Tx t = Make(day_in(m, 8, 13), Clock(r, 9, 17), false, transfer, Ch::kTransfer, party(1, "LV", "SIA \"Auto Nams\""),
                  "automašīnas iegāde");
      t.ip = ip;
      in.txs.push_back(t);
      const Date d = day_in(m, 16, 24);
      in.txs.push_back(Make(d, Clock(r, 10, 16), false, cash, Ch::kCash, nullptr, "skaidras nauda"));
      month_quiet(m, m);
      row(d, d);
      break;
    }
    case Pattern::kNonLatviaMonth: {
      if (!PickMonth(ctx, first_day, 1, r, m)) return in;
      const int64_t total = r.Range(31'000'000, 42'000'000);
      const Party* from = party(0, r.Pick(kEuCountries), "Nordic Metals AB");
      in.txs.push_back(Make(day_in(m, 2, 9), -1, true, total / 2, Ch::kTransfer, from, "payment for goods"));
      in.txs.push_back(Make(day_in(m, 15, 25), -1, true, total - total / 2, Ch::kTransfer, from, "payment for goods"));
      month_quiet(m, m);
      row(m.FirstDay(), m.LastDay());
      break;
    }
    case Pattern::kNonLatviaQuarter:
    case Pattern::kNonLatviaYear: {
      const bool year = p.pattern == Pattern::kNonLatviaYear;
      const int months = year ? 12 : 3;
      if (!PickMonth(ctx, first_day, months, r, m)) return in;
      const Party* from = party(0, r.Pick(kEuCountries), "Nordic Metals AB");
      for (int k = 0; k < months; ++k) {
        in.txs.push_back(Make(day_in(m + k, 3, 25), -1, true, year ? r.Range(25'200'000, 29'500'000)
                                                                 : r.Range(24'000'000, 29'000'000),
                              Ch::kTransfer, from, "payment for goods"));
      }
      month_quiet(m, m + (months - 1));
      // Twelve months above the annual amount are above the quarterly one
      // too: A2.55 comes with A2.54.
      in.rows.push_back({"A2.54", m.FirstDay(), (m + (months - 1)).LastDay()});
      if (year) in.rows.push_back({"A2.55", m.FirstDay(), (m + 11).LastDay()});
      break;
    }
    case Pattern::kAssociationAbroad: {
      if (!PickMonth(ctx, first_day, 1, r, m)) return in;
      const Date d = day_in(m, 0, 26);
      Tx t = Make(d, Clock(r, 9, 17), false, r.Range(1'200'000, 4'000'000), Ch::kTransfer,
                  party(0, r.Pick(kDonationCountries), "Humanitarian Aid Foundation"), "ziedojums");
      t.ip = ip;
      in.txs.push_back(t);
      in.quiet_from = d;
      in.quiet_to = d + std::chrono::days(1);
      row(d, d);
      break;
    }
    case Pattern::kDisproportionate: {
      if (!PickMonth(ctx, first_day, 1, r, m)) return in;
      const int64_t total = std::max(r.Scale(p.plan, 350, 600), r.Range(1'050'000, 1'500'000));
      const int n = static_cast<int>(r.Range(1, 3));
      const Party* from = party(0, "LV", "SIA \"Lielais Pasūtītājs\"");
      for (int k = 0; k < n; ++k) {
        const int64_t part = k + 1 < n ? total / n : total - total / n * (n - 1);
        in.txs.push_back(Make(day_in(m, 1 + k * 9, 7 + k * 9), -1, true, part, Ch::kTransfer, from, "invoice payment"));
      }
      month_quiet(m, m);
      row(m.FirstDay(), m.LastDay());
      break;
    }
    default:
      return in;
  }
  in.ok = true;
  return in;
}

// The values every member of a cross-client block computes alike.
struct Group {
  int64_t block = -1;
  Pattern pattern = Pattern::kNone;
  Profile members[3];
  bool ok = false;
  YearMonth month;
  Date day[3];
  int32_t second[3] = {-1, -1, -1};
  int64_t cents[3] = {0, 0, 0};
  int64_t atm = 0;
  Party recipient;
};

int64_t Share(const Context& ctx, int64_t total_tx, int64_t i) {
  return total_tx / ctx.n + (i < total_tx % ctx.n ? 1 : 0);
}

Date FirstDay(const Context& ctx, const Profile& p) { return std::max(p.start, ctx.window_start); }

constexpr int kMinBackground = 2;

// Transactions a member of a cross-client pattern needs for its part.
constexpr int kGroupNeed = 2;

void PlanGroup(const Context& ctx, int64_t total_tx, int64_t block, Group& g) {
  g = Group();
  g.block = block;
  g.pattern = BlockPattern(ctx.o, block);
  if (g.pattern == Pattern::kNone) return;
  Date latest_first = ctx.window_start;
  bool fits = true;
  for (int k = 0; k < 3; ++k) {
    const int64_t i = block * 3 + k;
    Rng rng(Stream(ctx.o.seed, kProfileStream, static_cast<uint64_t>(i)));
    g.members[k] = MakeProfile(ctx, i, rng);
    latest_first = std::max(latest_first, FirstDay(ctx, g.members[k]));
    if (Share(ctx, total_tx, i) < kGroupNeed + kMinBackground) fits = false;
  }
  Rng r(Stream(ctx.o.seed, kGroupStream, static_cast<uint64_t>(block)));
  if (!fits || !PickMonth(ctx, latest_first, 1, r, g.month)) return;
  const Date first = g.month.FirstDay();
  switch (g.pattern) {
    case Pattern::kRing: {
      // A pays B, B pays C, C pays A back: each hop within a few percent of
      // the first, all within a fortnight.
      g.day[0] = first + std::chrono::days(r.Range(1, 10));
      g.day[1] = g.day[0] + std::chrono::days(r.Range(2, 6));
      g.day[2] = g.day[1] + std::chrono::days(r.Range(2, 6));
      g.cents[0] = r.Range(600'000, 950'000);
      g.cents[1] = r.Scale(g.cents[0], 96, 99);
      g.cents[2] = r.Scale(g.cents[1], 96, 99);
      for (int k = 0; k < 3; ++k) g.second[k] = Clock(r, 9, 18);
      break;
    }
    case Pattern::kSharedIp:
      for (int k = 0; k < 3; ++k) g.day[k] = first + std::chrono::days(r.Range(0, 26));
      break;
    case Pattern::kCommonRecipient: {
      for (int k = 0; k < 3; ++k) {
        g.day[k] = first + std::chrono::days(r.Range(0, 26));
        g.cents[k] = r.Range(30'000, 400'000);
      }
      const char* countries[] = {"LV", "EE", "LT", "CY", "GB"};
      g.recipient.country = r.Pick(countries);
      g.recipient.id = CounterpartyId(2'000'000'000 + block);
      g.recipient.name = CsvEscape(std::string(r.Pick(kForeignCompanies)) + " Ltd");
      const uint64_t number = 3'000'000'000ull + static_cast<uint64_t>(block);
      g.recipient.account = std::strcmp(g.recipient.country, "LV") == 0 ? Iban("LV", "RIKO", number, 13)
                                                                         : Iban(g.recipient.country, "", number, 16);
      break;
    }
    case Pattern::kSameAtm: {
      const Date d = first + std::chrono::days(r.Range(3, 26));
      const int t0 = Clock(r, 10, 20);
      int t = t0;
      for (int k = 0; k < 3; ++k) {
        g.day[k] = d;
        g.second[k] = t;
        t += static_cast<int>(r.Range(60, 240));
        g.cents[k] = r.Range(50, 90) * 1000;
      }
      g.atm = r.Below(ctx.atm_pool);
      break;
    }
    default:
      return;
  }
  g.ok = true;
}

// The country code `code` as one of the tables' own strings (a Party keeps
// a pointer).
const char* StaticCountry(const std::string& code) {
  for (const char* c : kNatCountries) if (code == c) return c;
  for (const char* c : kLegalForeignCountries) if (code == c) return c;
  for (const char* c : kEuCountries) if (code == c) return c;
  return "LV";
}

Injection InjectGroup(const Context& ctx, const Group& g, int k, ClientTxs& c) {
  Injection in;
  if (!g.ok) return in;
  const Profile& me = g.members[k];
  Rng r(Stream(ctx.o.seed, kPatternTxStream, static_cast<uint64_t>(me.index)));
  const uint32_t ip = ClientIp(me.index, 0);
  const YearMonth m = g.month;
  auto row = [&](Date from, Date to) { in.rows.push_back({RuleOf(g.pattern), from, to}); };
  switch (g.pattern) {
    case Pattern::kRing: {
      const int next = (k + 1) % 3, prev = (k + 2) % 3;
      for (int side : {next, prev}) {
        Party& p = c.group_party[side];
        p.id = g.members[side].id;
        p.name = CsvEscape(g.members[side].name);
        p.account = g.members[side].accounts[0];
        p.country = StaticCountry(g.members[side].country);
      }
      // Member k pays hop k to the next member and receives hop prev from the previous one.
      Tx out = Make(g.day[k], g.second[k], false, g.cents[k], Ch::kTransfer, &c.group_party[next], "aizdevums");
      out.ip = ip;
      in.txs.push_back(out);
      in.txs.push_back(Make(g.day[prev], g.second[prev], true, g.cents[prev], Ch::kTransfer, &c.group_party[prev],
                            "aizdevums"));
      in.quiet_from = m.FirstDay();
      in.quiet_to = m.LastDay() + std::chrono::days(1);
      row(g.day[0], g.day[2]);
      break;
    }
    case Pattern::kSharedIp: {
      const int n = static_cast<int>(r.Range(1, 2));
      for (int j = 0; j < n; ++j) {
        const int u = kFirstUtility + static_cast<int>(r.Below(kUtilityCount));
        Tx t = Make(g.day[k] + std::chrono::days(j), Clock(r, 8, 23), false, r.Range(2'000, 15'000), Ch::kTransfer,
                    &ctx.mass[u], "rēķina apmaksa");
        t.ip = SharedIp(g.block);
        in.txs.push_back(t);
      }
      row(m.FirstDay(), m.LastDay());
      break;
    }
    case Pattern::kCommonRecipient: {
      c.group_party[0] = g.recipient;
      const int n = static_cast<int>(r.Range(1, 2));
      for (int j = 0; j < n; ++j) {
        Tx t = Make(g.day[k] + std::chrono::days(j), Clock(r, 9, 18), false, r.Scale(g.cents[k], 80, 120),
                    Ch::kTransfer, &c.group_party[0], "invoice payment");
        t.ip = ip;
        in.txs.push_back(t);
      }
      row(m.FirstDay(), m.LastDay());
      break;
    }
    case Pattern::kSameAtm: {
      // The withdrawal, and a month whose other debits keep cash under 30 %.
      Tx a = Make(g.day[k], g.second[k], false, g.cents[k], Ch::kAtm, nullptr, "");
      a.atm = g.atm;
      in.txs.push_back(a);
      const Date other = g.day[k] > m.FirstDay() + std::chrono::days(14) ? m.FirstDay() + std::chrono::days(r.Range(1, 5))
                                                                         : m.FirstDay() + std::chrono::days(r.Range(20, 26));
      Party* to = &c.parties[kFirstPatternParty];
      MakeParty(*to, me.index, kFirstPatternParty, "LV", "SIA \"Dzīvokļu Apsaimniekotājs\"");
      Tx t = Make(other, -1, false, r.Scale(g.cents[k], 330, 420), Ch::kTransfer, to, "īre");
      t.ip = ip;
      in.txs.push_back(t);
      in.quiet_from = m.FirstDay();
      in.quiet_to = m.LastDay() + std::chrono::days(1);
      row(g.day[k], g.day[k]);
      break;
    }
    default:
      return in;
  }
  in.ok = true;
  return in;
}

// The client's ordinary book: `count` transactions spread evenly over
// [first_day, as_of] outside the pattern's quiet span.
void Background(const Context& ctx, const Profile& p, Rng& r, int64_t count, Date first_day, const Injection& in,
                ClientTxs& c) {
  if (count <= 0) return;
  const int32_t first = DayNumber(first_day), last = DayNumber(ctx.as_of);
  int32_t q0 = DayNumber(in.quiet_from), q1 = DayNumber(in.quiet_to);
  q0 = std::clamp(q0, first, last + 1);
  q1 = std::clamp(q1, q0, last + 1);
  const int64_t quiet = q1 - q0;
  const int64_t allowed = std::max<int64_t>(1, last - first + 1 - quiet);
  const int32_t debits_from = in.debits_from == Date() ? INT32_MIN : DayNumber(in.debits_from);

  // Who pays the client, whom it pays.
  const int income = static_cast<int>(r.Below(100));  // natural: < 78 employed, < 92 pensioner, else other
  int credit_parties = 1, debit_parties = 1;
  const bool risky_partner = r.Percent(4) && !p.clean;
  auto country = [&](bool debit_side) -> const char* {
    if (p.association && debit_side) return "LV";
    if (p.clean) return r.Pick(kEuCountries);
    if (!p.linked && !debit_side) return r.Percent(70) ? r.Pick(kEuCountries) : r.Pick(kCounterpartyCountries);
    return r.Pick(kCounterpartyCountries);
  };
  if (p.natural) {
    if (income < 78) MakeEmployer(c.employer, r.Below(ctx.employers));
    const int relative = static_cast<int>(r.Below(10));
    MakeParty(c.parties[0], p.index, 0, "LV",
              p.foreign ? kForeignNames[relative]
                        : (std::string(kFirstFemale[relative]) + " " + kLastFemale[(relative + p.index) % 10]).c_str());
    const char* private_names[] = {"SIA \"Namu Pārvalde\"", "Kārlis Ozols", "AS Citadele banka", "SIA \"Mans Dzīvoklis\""};
    for (int k = 0; k < 3; ++k) MakeParty(c.parties[kFirstDebitParty + k], p.index, kFirstDebitParty + k, "LV", private_names[(p.index + k) % 4]);
    debit_parties = 3;
  } else {
    credit_parties = static_cast<int>(r.Range(2, 6));
    debit_parties = static_cast<int>(r.Range(2, 6));
    for (int k = 0; k < credit_parties; ++k) {
      const char* cc = country(false);
      MakeParty(c.parties[k], p.index, k, cc, std::strcmp(cc, "LV") == 0 ? kCompanyWords[(p.index + k) % 10]
                                                                        : kForeignCompanies[(p.index + k) % 8]);
    }
    for (int k = 0; k < debit_parties; ++k) {
      const char* cc = country(true);
      MakeParty(c.parties[kFirstDebitParty + k], p.index, kFirstDebitParty + k, cc,
                std::strcmp(cc, "LV") == 0 ? kCompanyWords[(p.index + k + 3) % 10] : kForeignCompanies[(p.index + k + 3) % 8]);
    }
    if (risky_partner) {
      c.parties[0].country = r.Pick(kRiskyCountries);
      if (!p.association) c.parties[kFirstDebitParty].country = c.parties[0].country;
    }
  }
  c.home_atm[0] = r.Below(ctx.atm_pool);
  c.home_atm[1] = r.Below(ctx.atm_pool);

  // Days and directions.
  const size_t base = c.txs.size();
  int64_t credits = 0;
  for (int64_t k = 0; k < count; ++k) {
    const int64_t lo = k * allowed / count, hi = (k + 1) * allowed / count;
    int64_t off = lo + r.Below(std::max<int64_t>(1, hi - lo));
    int32_t day = static_cast<int32_t>(first + off);
    if (day >= q0) day += static_cast<int32_t>(quiet);
    Tx t;
    t.day = std::min(day, last);
    t.credit = k == 0 || t.day < debits_from || r.Percent(p.natural ? 40 : 48);
    credits += t.credit;
    c.txs.push_back(t);
  }
  const int64_t debits = count - credits;
  // A credit is about a month's turnover or less; debits spend most of it.
  const int64_t credit_base = std::max<int64_t>(
      1'000, std::min(p.activity, p.activity * allowed / (30 * std::max<int64_t>(1, credits))));
  const int64_t debit_avg = std::max<int64_t>(
      500, std::min(p.activity * 9 / 10, credits * credit_base * 8 / 10 * 85 / 100 / std::max<int64_t>(1, debits)));
  const int64_t cap = std::max<int64_t>(1'000, p.activity * 95 / 100);
  int last_cash_month = -1;
  int debit_number = 0;
  for (size_t j = base; j < c.txs.size(); ++j) {
    Tx& t = c.txs[j];
    const Date d = FromDayNumber(t.day);
    t.account = static_cast<uint8_t>(p.n_accounts > 1 && r.Percent(30) ? 1 : 0);
    if (t.credit) {
      if (p.natural) {
        if (income < 92 && r.Percent(85)) {
          t.party = income < 78 ? &c.employer : &ctx.mass[kPensionAgency];
          t.purpose = income < 78 ? "alga" : "pensija";
          t.cents = r.Scale(credit_base, 88, 100);
          t.account = 0;
        } else {
          t.party = &c.parties[0];
          t.purpose = r.Percent(50) ? "pārskaitījums" : "dāvana";
          t.cents = r.Scale(credit_base, 10, 40);
        }
      } else if (p.cash_intensive && r.Percent(40)) {
        t.channel = Ch::kCash;
        t.purpose = "ieņēmumu iemaksa";
        t.cents = r.Scale(credit_base, 30, 80);
        t.second = Clock(r, 9, 18);
      } else {
        // Small payments come from two customers at most (A2.24 counts payers).
        const int64_t amount = r.Scale(credit_base, 50, 100);
        const int parties = amount <= 100'000 ? std::min(credit_parties, 2) : credit_parties;
        t.party = &c.parties[r.Below(parties)];
        t.purpose = r.Pick(kLegalPurposes);
        t.cents = amount;
      }
    } else {
      ++debit_number;
      if (debit_number == 2 && p.n_accounts > 1) t.account = 1;  // every account sees a debit early
      int64_t amount = std::min(cap, r.Scale(debit_avg, 30, 170));
      const int month = YearMonth::Of(d).index();
      if (p.natural) {
        if (amount < 20'000 && r.Percent(50)) {
          const int shop = kFirstShop + static_cast<int>(r.Below(kShopCount));
          t.channel = Ch::kCard;
          t.party = &ctx.mass[shop];
          t.with_account = false;
          t.second = Clock(r, 8, 22);
          if (r.Percent(10)) t.country = r.Pick(kEuCountries);
        } else if (month != last_cash_month && r.Percent(30)) {
          // At most one small withdrawal a month: below a third of any month
          // with 1 000 EUR of debits (A2.21), and never "significant" (A2.73).
          last_cash_month = month;
          t.channel = Ch::kAtm;
          amount = std::clamp<int64_t>(amount / 1000 * 1000, 2'000, 25'000);
          t.atm = c.home_atm[r.Below(2)];
          t.second = Clock(r, 7, 23);
        } else if (amount < 40'000 && r.Percent(50)) {
          t.party = &ctx.mass[kFirstUtility + r.Below(kUtilityCount)];
          t.purpose = "rēķina apmaksa";
        } else {
          t.party = &c.parties[kFirstDebitParty + r.Below(debit_parties)];
          t.purpose = r.Pick(kPrivatePurposes);
        }
      } else {
        const int kind = static_cast<int>(r.Below(100));
        if (kind < 12) {
          t.party = &ctx.mass[kTaxOffice];
          t.purpose = "nodokļu maksājums";
        } else if (kind < 20) {
          t.party = &ctx.mass[kFirstUtility + r.Below(kUtilityCount)];
          t.purpose = "rēķina apmaksa";
        } else {
          t.party = &c.parties[kFirstDebitParty + r.Below(debit_parties)];
          t.purpose = r.Percent(15) && amount <= 5'000'000 ? r.Pick(kServicePurposes) : r.Pick(kLegalPurposes);
        }
      }
      if (t.channel == Ch::kTransfer && r.Percent(75)) t.ip = ClientIp(p.index, r.Percent(70) ? 0 : 1);
      t.cents = amount;
    }
    // Partners in risky countries stay below A2.27's limit.
    if (t.party && t.party->country && std::strcmp(t.party->country, "LV") != 0) {
      for (const char* rc : kRiskyCountries) {
        if (std::strcmp(t.party->country, rc) == 0) t.cents = std::min<int64_t>(t.cents, 1'450'000);
      }
    }
    // Not a multiple of 1 000 EUR (A2.23), not zero.
    if (t.channel != Ch::kAtm && t.cents % 100'000 == 0) t.cents += 1 + r.Below(99);
    t.cents = std::max<int64_t>(t.cents, 100);
    if (t.second < 0 && r.Percent(30)) t.second = Clock(r, 8, 20);
  }
}

}  // namespace

Date DemoHistoryStart(Date as_of) { return AddMonths(as_of, -15); }

void GenerateDemoPortfolio(const DemoOptions& options, const DemoSinks& sinks) {
  Out clients(sinks.clients), persons(sinks.persons), accounts(sinks.accounts), txs(sinks.transactions),
      facts(sinks.facts), links(sinks.links), injected(sinks.injected);
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
  injected.Row({"rule", "client_id", "window_start", "window_end"});

  Context ctx;
  ctx.o = options;
  ctx.n = options.clients;
  ctx.as_of = options.as_of;
  ctx.window_start = DemoHistoryStart(ctx.as_of);
  ctx.first_full = YearMonth::Of(ctx.window_start) + 1;
  ctx.last_full = YearMonth::Of(ctx.as_of) - 1;
  // Enough ATMs and employers that strangers meet at one only by design.
  ctx.atm_pool = std::clamp<int64_t>(ctx.n / 10, 100, 999'999);
  ctx.employers = std::clamp<int64_t>(ctx.n / 25, 5, 99'800);
  ctx.mass = MassParties();
  const int64_t n = ctx.n;
  if (n <= 0) return;
  const int64_t total_tx = options.transactions > 0 ? options.transactions : n * 25;
  const Date as_of = ctx.as_of;
  int64_t tx_number = 0, person_number = 0;
  ClientTxs c;
  Group group;
  std::string line;
  char date_text[16];
  for (int64_t i = 0; i < n; ++i) {
    Rng rng(Stream(options.seed, kProfileStream, static_cast<uint64_t>(i)));
    // Transactions draw from a stream of their own, so that a client's
    // profile, facts and links do not depend on how many were asked for.
    Rng tx_rng(Stream(options.seed, kTxStream, static_cast<uint64_t>(i)));
    const Profile p = MakeProfile(ctx, i, rng);
    const std::string& id = p.id;
    clients.Row({id, p.natural ? "natural" : "legal", p.name, p.birth, p.reg, p.country, FormatDate(p.start), p.pep,
                 p.legal_form, p.nace, p.activities, p.linked ? "true" : "false", p.reputable ? "true" : "false",
                 p.private_banking ? "true" : "false", p.plan ? Amount(p.plan) : "", p.planned_year,
                 p.limit ? Amount(p.limit) : "", p.remote ? "remote" : "in_person"});

    if (!p.natural || rng.Percent(5)) {
      int ubos = p.natural ? 0 : 1 + static_cast<int>(rng.Below(2));
      for (int k = 0; k < ubos + 1; ++k) {
        bool ubo = k < ubos;
        std::string pcountry = rng.Percent(85) ? "LV" : rng.Pick(kNatCountries);
        std::string citizenship = rng.Percent(90) ? pcountry : rng.Pick(kRiskyCountries);
        std::string pep = rng.PerMille(15) ? "pep" : "none";
        if (p.clean) {  // no annex 1 link through the persons (A2.53-A2.55)
          pcountry = "LV";
          citizenship = "LV";
          pep = "none";
        }
        persons.Row({Id('P', ++person_number, 7), id, ubo ? "ubo" : (p.natural ? "authorised" : "representative"),
                     std::string(rng.Pick(kFirstMale)) + " " + rng.Pick(kLastMale),
                     FormatDate(as_of - std::chrono::days(365 * 25 + rng.Below(365 * 40))), pcountry, citizenship, pep});
      }
    }
    for (int k = 0; k < p.n_accounts; ++k) accounts.Row({p.accounts[k], id, FormatDate(p.start), p.currency[k]});

    if (rng.Percent(3) && !p.clean) {
      const auto& finding = kFactFindings[rng.Below(sizeof kFactFindings / sizeof kFactFindings[0])];
      Date observed = std::max(p.start, as_of - std::chrono::days(rng.Below(400)));
      facts.Row({id, finding[0], FormatDate(observed), finding[1], "Compliance analyst"});
    }
    if (rng.Percent(2) && !p.clean) {
      links.Row({id, rng.Percent(50) ? "client" : "ubo", rng.Pick(kRiskyCountries), "declared in onboarding questionnaire"});
    }

    // Transactions: this client's share of the total, within the last 15 months.
    if (!txs.on() && !injected.on()) continue;
    const int64_t share = Share(ctx, total_tx, i);
    const Date first_day = FirstDay(ctx, p);
    c.txs.clear();
    Injection in;
    if (p.pattern != Pattern::kNone) {
      bool is_group = false;
      for (Pattern g : kGroupPatterns) is_group |= g == p.pattern;
      if (is_group) {
        if (group.block != i / 3) PlanGroup(ctx, total_tx, i / 3, group);
        in = InjectGroup(ctx, group, static_cast<int>(i % 3), c);
      } else {
        in = InjectSingle(ctx, p, first_day, c);
      }
      if (!in.ok || static_cast<int64_t>(in.txs.size()) + kMinBackground > share) in = Injection();
    }
    for (const Injected& row : in.rows) injected.Row({row.rule, id, FormatDate(row.from), FormatDate(row.to)});
    if (!txs.on()) continue;
    Background(ctx, p, tx_rng, share - static_cast<int64_t>(in.txs.size()), first_day, in, c);
    for (Tx t : in.txs) {
      if (p.pattern == Pattern::kCashShare && t.channel == Ch::kAtm) t.atm = c.home_atm[t.atm];
      c.txs.push_back(t);
    }
    std::stable_sort(c.txs.begin(), c.txs.end(), [](const Tx& a, const Tx& b) {
      return a.day != b.day ? a.day < b.day : a.second < b.second;
    });
    for (const Tx& t : c.txs) {
      line.clear();
      line += 'T';
      AppendUint(line, static_cast<uint64_t>(++tx_number), 10);
      line += ',';
      line += p.accounts[t.account < p.n_accounts ? t.account : 0];
      line += ',';
      line += id;
      line += ',';
      DateText(FromDayNumber(t.day), date_text);
      line += date_text;
      if (t.second >= 0) {
        line += 'T';
        AppendUint(line, static_cast<uint64_t>(t.second / 3600), 2);
        line += ':';
        AppendUint(line, static_cast<uint64_t>(t.second / 60 % 60), 2);
        line += ':';
        AppendUint(line, static_cast<uint64_t>(t.second % 60), 2);
      }
      line += t.credit ? ",credit," : ",debit,";
      AppendAmount(line, t.cents);
      line += ",EUR,";
      line += ChannelText(t.channel);
      line += ',';
      if (t.party) {
        line += t.party->id;
        line += ',';
        line += t.party->name;
        line += ',';
        if (t.with_account) line += t.party->account;
        line += ',';
        line += t.country ? t.country : t.party->country;
      } else {
        line += ",,,";
      }
      line += ',';
      line += t.purpose;
      line += ',';
      if (t.ip) {
        for (int shift = 24; shift >= 0; shift -= 8) {
          AppendUint(line, (t.ip >> shift) & 255);
          if (shift) line += '.';
        }
      }
      line += ',';
      if (t.atm >= 0) {
        line += "ATM";
        AppendUint(line, static_cast<uint64_t>(t.atm), 5);
      }
      line += ",\n";  // device_id: none
      txs.Raw(line);
    }
  }
}

}  // namespace sargs
