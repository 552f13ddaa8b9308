#include "app/importer.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <unordered_map>

#include "base/csv.h"
#include "base/huge_page_allocator.h"
#include "base/json.h"
#include "app/duplicate_finder.h"
#include "base/progress.h"
#include "base/string_table.h"
#include "scoring/activity.h"

namespace sargs {
namespace {

constexpr const char* kKindNames[kImportKindCount] = {"clients", "persons", "accounts", "transactions",
                                                      "facts",   "links",   "reviews"};

struct ColumnSpec {
  const char* name;
  bool required;
};

// The columns of each file kind; required columns must be present and, for
// all but free-text fields, non-empty.
const std::vector<ColumnSpec>& Columns(ImportKind kind) {
  static const std::vector<ColumnSpec> kColumns[kImportKindCount] = {
      {{"client_id", true}, {"type", true}, {"name", true}, {"birth_date", false},
       {"registration_number", false}, {"country", true}, {"relationship_start", true}, {"pep", true},
       {"legal_form", false}, {"nace", false}, {"activities", false},
       {"activity_linked_to_latvia", true}, {"reputable_foreign_group", true}, {"private_banking", true},
       {"planned_monthly_credit_turnover", false}, {"planned_annual_credit_turnover", false},
       {"transaction_limit", false}, {"onboarding", false}, {"cash_typical", false}},
      {{"person_id", true}, {"client_id", true}, {"role", true}, {"name", true}, {"birth_date", false},
       {"country", true}, {"citizenship", true}, {"pep", true}},
      {{"account_id", true}, {"client_id", true}, {"opened_on", true}, {"currency", true}},
      {{"tx_id", true}, {"account_id", true}, {"client_id", true}, {"booked_at", true}, {"direction", true},
       {"amount_eur", true}, {"currency", true}, {"channel", true}, {"counterparty_id", false},
       {"counterparty_name", false}, {"counterparty_account", false}, {"counterparty_country", false},
       {"purpose", false}, {"ip", false}, {"atm_id", false}, {"device_id", false}},
      {{"client_id", true}, {"factor", true}, {"observed_on", true}, {"note", true}, {"author", true},
       {"expires_on", false}},
      {{"client_id", true}, {"party", true}, {"country", true}, {"reason", true}},
      {{"client_id", true}, {"kind", true}, {"on", true}, {"extension_days", false}, {"author", false},
       {"note", false}},
  };
  return kColumns[static_cast<int>(kind)];
}

// Free-text columns may be present but empty.
bool MayBeEmpty(std::string_view column) {
  return column == "note" || column == "author" || column == "reason";
}

// A file's bytes, mapped read-only.
class MappedFile {
 public:
  static Result<MappedFile> Open(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) return Fail(Location{path, 0, 0}, "", "cannot open file");
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      ::close(fd);
      return Fail(Location{path, 0, 0}, "", "not a regular file");
    }
    MappedFile f;
    f.size_ = static_cast<size_t>(st.st_size);
    if (f.size_ > 0) {
      void* p = ::mmap(nullptr, f.size_, PROT_READ, MAP_PRIVATE, fd, 0);
      if (p == MAP_FAILED) {
        ::close(fd);
        return Fail(Location{path, 0, 0}, "", "cannot map file");
      }
      ::madvise(p, f.size_, MADV_SEQUENTIAL);
      f.data_ = static_cast<const char*>(p);
    }
    ::close(fd);
    return f;
  }
  MappedFile() = default;
  MappedFile(MappedFile&& o) noexcept : data_(o.data_), size_(o.size_), released_(o.released_) { o.data_ = nullptr; }
  MappedFile(const MappedFile&) = delete;
  ~MappedFile() {
    if (data_) ::munmap(const_cast<char*>(data_), size_);
  }
  std::string_view text() const { return {data_ ? data_ : "", size_}; }
  // The bytes before `offset` will not be read again: their pages leave the
  // process (they stay in the page cache), so that a 1.5 GB file does not
  // count 1.5 GB toward the peak memory of an import or a monitoring run.
  void Release(size_t offset) {
    const size_t end = offset / kReleaseBytes * kReleaseBytes;
    if (!data_ || end <= released_) return;
    ::madvise(const_cast<char*>(data_) + released_, end - released_, MADV_DONTNEED);
    released_ = end;
  }

 private:
  static constexpr size_t kReleaseBytes = size_t{16} << 20;  // a multiple of every page size
  const char* data_ = nullptr;
  size_t size_ = 0;
  size_t released_ = 0;
};

// One row of any file kind: values by column index of Columns(kind).
struct Row {
  std::vector<const std::string*> values;  // null when the column is absent
  std::vector<int> columns;
  int line = 0;
  std::string_view Get(size_t i) const { return values[i] ? std::string_view(*values[i]) : std::string_view(); }
};

// Validates rows of every kind and writes them when the import is clean.
class Importer {
 public:
  Importer(ImportSink& sink, const ImportOptions& options, const ReferenceData& ref, ImportReport& report)
      : sink_(sink), options_(options), ref_(ref), report_(report) {}


  Result<bool> ImportFile(const std::string& path, ImportKind kind) {
    MappedFile file = TRY(MappedFile::Open(path));
    kind_ = kind;
    file_ = path;
    files_.push_back(path);
    const auto& spec = Columns(kind);
    Row row;
    row.values.assign(spec.size(), nullptr);
    row.columns.assign(spec.size(), 0);
    Progress progress(options_.progress, std::filesystem::path(path).filename().string() + " (" +
                                             ToString(kind) + ")",
                      file.text().size(), "rows");
    int64_t rows = 0;
    std::string ext = std::filesystem::path(path).extension().string();
    bool jsonl = ext == ".jsonl" || ext == ".ndjson" || ext == ".json";
    if (jsonl) {
      std::string_view text = file.text();
      size_t pos = 0;
      int line = 0;
      std::vector<JsonField> fields;
      while (pos < text.size() && !report_.truncated) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line_text = text.substr(pos, end - pos);
        ++line;
        pos = end + 1;
        if (!line_text.empty() && line_text.back() == '\r') line_text.remove_suffix(1);
        if (line_text.find_first_not_of(" \t") == std::string_view::npos) continue;
        auto parsed = ParseFlatJsonObject(line_text);
        if (!parsed) {
          Problem(line, parsed.error().where.column, "", parsed.error().message);
          continue;
        }
        fields = std::move(*parsed);
        std::fill(row.values.begin(), row.values.end(), nullptr);
        row.line = line;
        bool ok = true;
        for (const JsonField& f : fields) {
          auto it = std::find_if(spec.begin(), spec.end(), [&](const ColumnSpec& c) { return f.key == c.name; });
          if (it == spec.end()) {
            Problem(line, f.column, f.key, UnknownColumn());
            ok = false;
            continue;
          }
          size_t i = static_cast<size_t>(it - spec.begin());
          row.values[i] = f.is_null ? &kEmpty : &f.value;
          row.columns[i] = f.column;
        }
        for (size_t i = 0; i < spec.size(); ++i) {
          if (spec[i].required && !row.values[i]) {
            Problem(line, 1, spec[i].name, "missing required field");
            ok = false;
          }
        }
        if (ok) TRY(Handle(row));
        ++rows;
        progress.Update(pos, rows);
        if ((rows & 1023) == 0) file.Release(pos);
      }
    } else {
      CsvReader reader(file.text(), path);
      CsvRecord header, record;
      auto has_header = reader.Next(header);
      if (!has_header) {
        Problem(has_header.error());
        return true;
      }
      if (!*has_header) {
        Problem(1, 1, "", "empty file: expected a header row");
        return true;
      }
      std::vector<int> map(header.fields.size(), -1);
      bool header_ok = true;
      for (size_t k = 0; k < header.fields.size(); ++k) {
        const CsvField& h = header.fields[k];
        auto it = std::find_if(spec.begin(), spec.end(), [&](const ColumnSpec& c) { return h.value == c.name; });
        if (it == spec.end()) {
          Problem(h.line, h.column, h.value, UnknownColumn());
          header_ok = false;
          continue;
        }
        int index = static_cast<int>(it - spec.begin());
        if (std::find(map.begin(), map.end(), index) != map.end()) {
          Problem(h.line, h.column, h.value, "column appears twice");
          header_ok = false;
        }
        map[k] = index;
      }
      for (size_t i = 0; i < spec.size(); ++i) {
        if (spec[i].required && std::find(map.begin(), map.end(), static_cast<int>(i)) == map.end()) {
          Problem(header.line, 1, spec[i].name, "missing required column");
          header_ok = false;
        }
      }
      if (!header_ok) return true;
      while (!report_.truncated) {
        auto more = reader.Next(record);
        if (!more) {
          Problem(more.error());
          break;
        }
        if (!*more) break;
        row.line = record.line;
        if (record.fields.size() != header.fields.size()) {
          Problem(record.line, 1, "",
                  "expected " + std::to_string(header.fields.size()) + " fields as in the header, found " +
                      std::to_string(record.fields.size()));
          continue;
        }
        for (size_t k = 0; k < record.fields.size(); ++k) {
          row.values[map[k]] = &record.fields[k].value;
          row.columns[map[k]] = record.fields[k].column;
        }
        TRY(Handle(row));
        ++rows;
        if ((rows & 1023) == 0) {
          progress.Update(reader.position(), rows);
          file.Release(reader.position());
        }
      }
    }
    progress.Done(rows);
    return true;
  }

  // Reports every repeated id, then puts all problems in reading order
  // (file, line) and applies the cap.
  void ReportDuplicates() {
    for (const DuplicateFinder::Duplicate& d : dupes_.Find()) {
      const ColumnSpec& field = Columns(static_cast<ImportKind>(d.space))[static_cast<size_t>(d.at.field)];
      report_.errors.push_back(Error{"duplicate id '" + d.key + "' (first at " + files_[d.first.file] + ":" +
                                         std::to_string(d.first.line) + ")",
                                     Location{files_[d.at.file], d.at.line, d.at.column}, field.name});
    }
    std::unordered_map<std::string, size_t> file_order;
    for (size_t i = 0; i < files_.size(); ++i) file_order.emplace(files_[i], i);
    std::stable_sort(report_.errors.begin(), report_.errors.end(), [&](const Error& a, const Error& b) {
      return std::make_pair(file_order[a.where.file], a.where.line) < std::make_pair(file_order[b.where.file], b.where.line);
    });
    if (report_.errors.size() > static_cast<size_t>(options_.max_errors)) {
      report_.errors.resize(static_cast<size_t>(options_.max_errors));
      report_.truncated = true;
    }
  }

  // The clients this import touched (for re-scoring).
  void CollectAffected() {
    report_.affected_clients.reserve(clients_.size());
    clients_.ForEach([&](std::string_view id, uint8_t flags) {
      if (flags & kAffected) report_.affected_clients.emplace(id);
    });
  }

  // After the cap, rows are still read until one more problem shows that
  // some were not listed (ImportReport::truncated).
  bool Full() const { return static_cast<int>(report_.errors.size()) >= options_.max_errors; }

 private:
  static inline const std::string kEmpty;

  std::string UnknownColumn() const {
    std::string known;
    for (const ColumnSpec& c : Columns(kind_)) known += std::string(known.empty() ? "" : ", ") + c.name;
    return std::string("unknown column for ") + ToString(kind_) + " (known: " + known + ")";
  }

  void Problem(int line, int column, std::string field, std::string message) {
    if (Full()) {
      report_.truncated = true;
      return;
    }
    report_.errors.push_back(Error{std::move(message), Location{file_, line, column}, std::move(field)});
  }
  void Problem(Error e) {
    if (e.where.file.empty()) e.where.file = file_;
    if (Full()) {
      report_.truncated = true;
      return;
    }
    report_.errors.push_back(std::move(e));
  }

  // Field accessors: each reports its own problem and returns nullopt.
  const ColumnSpec& Spec(size_t i) const { return Columns(kind_)[i]; }
  void Bad(const Row& r, size_t i, std::string why) { Problem(r.line, r.columns[i] ? r.columns[i] : 1, Spec(i).name, std::move(why)); }

  std::optional<std::string> Text(const Row& r, size_t i) {
    std::string_view v = r.Get(i);
    if (v.empty() && Spec(i).required && !MayBeEmpty(Spec(i).name)) {
      Bad(r, i, "required value is empty");
      return std::nullopt;
    }
    return std::string(v);
  }
  std::optional<std::optional<Date>> DateField(const Row& r, size_t i) {
    auto text = Text(r, i);
    if (!text) return std::nullopt;
    if (text->empty()) return std::optional<Date>();
    auto d = ParseDate(*text);
    if (!d) {
      Bad(r, i, d.error().message);
      return std::nullopt;
    }
    return std::optional<Date>(*d);
  }
  std::optional<std::string> CountryField(const Row& r, size_t i) {
    auto text = Text(r, i);
    if (!text) return std::nullopt;
    if (text->empty()) return text;
    if (!ref_.Country(*text)) {
      Bad(r, i, "unknown country code '" + *text + "' (expected ISO 3166 alpha-2, e.g. LV)");
      return std::nullopt;
    }
    return text;
  }
  std::optional<bool> BoolField(const Row& r, size_t i) {
    std::string_view v = r.Get(i);
    if (v == "true" || v == "1") return true;
    if (v == "false" || v == "0") return false;
    Bad(r, i, "expected true or false, found '" + std::string(v) + "'");
    return std::nullopt;
  }
  std::optional<std::optional<Money>> AmountField(const Row& r, size_t i, bool positive) {
    auto text = Text(r, i);
    if (!text) return std::nullopt;
    if (text->empty()) return std::optional<Money>();
    auto m = Money::Parse(*text);
    if (!m) {
      Bad(r, i, m.error().message);
      return std::nullopt;
    }
    if (positive ? *m <= Money() : *m < Money()) {
      Bad(r, i, positive ? "amount must be greater than zero" : "amount must not be negative");
      return std::nullopt;
    }
    return std::optional<Money>(*m);
  }
  template <typename E>
  std::optional<E> EnumField(const Row& r, size_t i, std::initializer_list<std::pair<const char*, E>> options) {
    std::string_view v = r.Get(i);
    std::string known;
    for (const auto& [name, value] : options) {
      if (v == name) return value;
      known += std::string(known.empty() ? "" : ", ") + name;
    }
    Bad(r, i, "unknown value '" + std::string(v) + "' (expected " + known + ")");
    return std::nullopt;
  }
  std::optional<PepStatus> PepField(const Row& r, size_t i) {
    return EnumField<PepStatus>(r, i, {{"none", PepStatus::kNone}, {"pep", PepStatus::kPep},
                                       {"family", PepStatus::kFamily}, {"associate", PepStatus::kAssociate}});
  }
  // Whether a client exists in the database or this import. Looked up on
  // demand and remembered: a small import into a large database must not
  // load a million ids first. A database failure ends the import (fatal_).
  bool KnownClient(std::string_view id) { return KnownClientKey(id) != nullptr; }
  // The table's entry for a client known to exist, looked up in the
  // database when the import has not met it yet, or null.
  StringTable<uint8_t>::Slot* KnownClientKey(std::string_view id) {
    auto* slot = clients_.Find(id);
    if (slot) return slot;
    auto found = sink_.HasClient(std::string(id));
    if (!found) {
      fatal_ = found.error();
      return nullptr;
    }
    return *found ? clients_.Insert(id, 0).first : nullptr;
  }
  // Marks a known client for re-scoring.
  void Affect(std::string_view client) {
    if (auto* slot = clients_.Find(client)) slot->value |= kAffected;
  }
  // The owner of an account in the database or this import, or null.
  const std::string_view* AccountOwner(std::string_view id) {
    if (auto* slot = accounts_.Find(id)) return &slot->value;
    auto owner = sink_.AccountOwner(std::string(id));
    if (!owner) {
      fatal_ = owner.error();
      return nullptr;
    }
    if (!*owner) return nullptr;
    auto* client = KnownClientKey(**owner);
    if (!client) return nullptr;
    return &accounts_.Insert(id, client->key).first->value;
  }

  // A reference to a client that must exist in the database or this import:
  // the client's entry in clients_ (valid until the next client is added).
  StringTable<uint8_t>::Slot* ClientRef(const Row& r, size_t i) {
    std::string_view id = r.Get(i);
    if (id.empty()) {
      Bad(r, i, "required value is empty");
      return nullptr;
    }
    auto* slot = KnownClientKey(id);
    if (!slot && !fatal_) Bad(r, i, "unknown client '" + std::string(id) + "'");
    return slot;
  }
  // The same, as the client's id (for the small kinds: facts, links, reviews).
  std::optional<std::string> ClientRefId(const Row& r, size_t i) {
    auto* slot = ClientRef(r, i);
    return slot ? std::optional<std::string>(slot->key) : std::nullopt;
  }
  // Ids must be unique within one import (across its files of the same
  // kind); a repeated id in a later import is an update. Repetitions are
  // found at the end (ReportDuplicates).
  void Unique(const Row& r, size_t i, std::string_view id) {
    dupes_.Add(static_cast<int>(kind_), id,
               DuplicateFinder::Where{static_cast<int>(files_.size()) - 1, r.line, r.columns[i] ? r.columns[i] : 1,
                                      static_cast<int>(i)});
  }

  bool Clean() const { return report_.errors.empty(); }

  Result<bool> Handle(const Row& r) {
    auto handled = Dispatch(r);
    if (fatal_) return tl::unexpected(*fatal_);
    return handled;
  }

  Result<bool> Dispatch(const Row& r) {
    switch (kind_) {
      case ImportKind::kClients: return HandleClient(r);
      case ImportKind::kPersons: return HandlePerson(r);
      case ImportKind::kAccounts: return HandleAccount(r);
      case ImportKind::kTransactions: return HandleTransaction(r);
      case ImportKind::kFacts: return HandleFact(r);
      case ImportKind::kLinks: return HandleLink(r);
      case ImportKind::kReviews: return HandleReview(r);
    }
    return true;
  }

  Result<bool> HandleClient(const Row& r) {
    Client c;
    auto id = Text(r, 0);
    auto type = EnumField<ClientType>(r, 1, {{"natural", ClientType::kNatural}, {"legal", ClientType::kLegal}});
    auto name = Text(r, 2);
    auto birth = DateField(r, 3);
    auto country = CountryField(r, 5);
    auto start = DateField(r, 6);
    auto pep = PepField(r, 7);
    auto linked = BoolField(r, 11);
    auto reputable = BoolField(r, 12);
    auto private_banking = BoolField(r, 13);
    auto planned_month = AmountField(r, 14, false);
    auto planned_year = AmountField(r, 15, false);
    auto limit = AmountField(r, 16, false);
    uint8_t activities = 0;
    bool ok = id && type && name && birth && country && start && pep && linked && reputable &&
              private_banking && planned_month && planned_year && limit;
    std::string_view acts = r.Get(10);
    size_t pos = 0;
    while (pos < acts.size()) {
      size_t end = acts.find(';', pos);
      if (end == std::string_view::npos) end = acts.size();
      std::string_view a = acts.substr(pos, end - pos);
      if (a == "gambling") activities |= kGambling;
      else if (a == "cash_in_transit") activities |= kCashInTransit;
      else if (a == "precious_goods") activities |= kPreciousGoods;
      else if (a == "arms") activities |= kArms;
      else if (!a.empty()) {
        Bad(r, 10, "unknown activity '" + std::string(a) + "' (gambling, cash_in_transit, precious_goods, arms)");
        ok = false;
      }
      pos = end + 1;
    }
    Onboarding onboarding = Onboarding::kUnknown;
    if (!r.Get(17).empty()) {
      auto o = EnumField<Onboarding>(r, 17, {{"remote", Onboarding::kRemote}, {"in_person", Onboarding::kInPerson}});
      if (!o) ok = false;
      else onboarding = *o;
    }
    bool cash_typical = false;
    if (!r.Get(18).empty()) {
      auto b = BoolField(r, 18);
      if (!b) ok = false;
      else cash_typical = *b;
    }
    if (type && pep && *type == ClientType::kLegal && *pep != PepStatus::kNone) {
      Bad(r, 7, "PEP status applies to natural persons only: pep must be 'none' for a legal client");
      ok = false;
    }
    if (!ok) return true;
    Unique(r, 0, *id);
    clients_.Insert(*id, 0).first->value |= kAffected;
    ++report_.rows[0];
    if (!Clean()) return true;
    c.id = *id;
    c.type = *type;
    c.name = *name;
    c.birth_date = *birth;
    c.registration_number = std::string(r.Get(4));
    c.country = *country;
    c.relationship_start = **start;
    c.pep = *pep;
    c.legal_form = std::string(r.Get(8));
    c.nace = std::string(r.Get(9));
    c.activities = activities;
    c.activity_linked_to_latvia = *linked;
    c.reputable_foreign_group = *reputable;
    c.private_banking = *private_banking;
    c.planned_monthly_credit_turnover = *planned_month;
    c.planned_annual_credit_turnover = *planned_year;
    c.transaction_limit = *limit;
    c.onboarding = onboarding;
    c.cash_typical = cash_typical;
    return sink_.Put(c);
  }

  Result<bool> HandlePerson(const Row& r) {
    auto id = Text(r, 0);
    auto client = ClientRef(r, 1);
    auto role = EnumField<PersonRole>(r, 2, {{"ubo", PersonRole::kUbo}, {"representative", PersonRole::kRepresentative},
                                             {"authorised", PersonRole::kAuthorised}, {"card_user", PersonRole::kCardUser}});
    auto name = Text(r, 3);
    auto birth = DateField(r, 4);
    auto country = CountryField(r, 5);
    auto citizenship = CountryField(r, 6);
    auto pep = PepField(r, 7);
    if (!(id && client && role && name && birth && country && citizenship && pep)) return true;
    Unique(r, 0, *id);
    client->value |= kAffected;
    ++report_.rows[1];
    if (!Clean()) return true;
    return sink_.Put(Person{*id, std::string(client->key), *role, *name, *birth, *country, *citizenship, *pep});
  }

  Result<bool> HandleAccount(const Row& r) {
    auto id = Text(r, 0);
    auto client = ClientRef(r, 1);
    auto opened = DateField(r, 2);
    auto currency = Text(r, 3);
    bool ok = id && client && opened && currency;
    if (currency && !ref_.IsCurrency(*currency)) {
      Bad(r, 3, "unknown currency code '" + *currency + "' (expected ISO 4217, e.g. EUR)");
      ok = false;
    }
    if (!ok) return true;
    Unique(r, 0, *id);
    client->value |= kAffected;
    accounts_.Insert(*id, client->key).first->value = client->key;
    ++report_.rows[2];
    if (!Clean()) return true;
    return sink_.Put(Account{*id, std::string(client->key), **opened, *currency});
  }

  // Transactions come by the million: this path avoids per-row allocation
  // and remembers the last client and account, since files are usually
  // grouped by client.
  Result<bool> HandleTransaction(const Row& r) {
    bool ok = true;
    auto required = [&](size_t i) {
      std::string_view v = r.Get(i);
      if (v.empty()) {
        Bad(r, i, "required value is empty");
        ok = false;
      }
      return v;
    };
    std::string_view id = required(0), account = required(1), client = required(2);
    if (!client.empty() && client != last_client_) {
      if (KnownClient(client)) {
        last_client_ = client;
        Affect(client);
      } else {
        Bad(r, 2, "unknown client '" + std::string(client) + "'");
        ok = false;
      }
    }
    if (!account.empty() && account != last_account_) {
      const std::string_view* owner = AccountOwner(account);
      if (!owner && options_.accounts_from_transactions && !fatal_) {
        // The first transaction names the account's owner.
        if (auto* known = clients_.Find(client)) owner = &accounts_.Insert(account, known->key).first->value;
      }
      if (!owner) {
        Bad(r, 1, "unknown account '" + std::string(account) + "'");
        ok = false;
      } else {
        last_account_ = account;
        last_account_owner_ = *owner;
      }
    }
    if (ok && account == last_account_ && client != last_account_owner_) {
      Bad(r, 1, "account '" + std::string(account) + "' belongs to client '" + std::string(last_account_owner_) + "', not '" +
                    std::string(client) + "'");
      ok = false;
    }
    auto booked = ParseBookingTime(r.Get(3));
    if (!booked) {
      Bad(r, 3, booked.error().message);
      ok = false;
    }
    auto direction = EnumField<Direction>(r, 4, {{"credit", Direction::kCredit}, {"debit", Direction::kDebit}});
    auto amount = AmountField(r, 5, true);
    std::string_view currency = r.Get(6);
    if (!ref_.IsCurrency(currency)) {
      Bad(r, 6, "unknown currency code '" + std::string(currency) + "' (expected ISO 4217, e.g. EUR)");
      ok = false;
    }
    auto channel = EnumField<Channel>(r, 7, {{"transfer", Channel::kTransfer}, {"cash", Channel::kCash},
                                             {"card", Channel::kCard}, {"atm", Channel::kAtm},
                                             {"internal", Channel::kInternal}, {"other", Channel::kOther}});
    std::string_view cp_country = r.Get(11);
    if (!cp_country.empty() && !ref_.Country(cp_country)) {
      Bad(r, 11, "unknown country code '" + std::string(cp_country) + "' (expected ISO 3166 alpha-2, e.g. LV)");
      ok = false;
    }
    ok = ok && direction && amount && *amount && channel;
    if (!ok) return true;
    Unique(r, 0, id);
    ++report_.rows[3];
    if (!Clean()) return true;
    Transaction& t = tx_;
    t.id = id;
    t.account_id = account;
    t.client_id = client;
    t.booked = *booked;
    t.direction = *direction;
    t.amount = **amount;
    t.currency = currency;
    t.channel = *channel;
    t.counterparty_id = r.Get(8);
    t.counterparty_name = r.Get(9);
    t.counterparty_account = r.Get(10);
    t.counterparty_country = cp_country;
    t.purpose = r.Get(12);
    t.ip = r.Get(13);
    t.atm_id = r.Get(14);
    t.device_id = r.Get(15);
    return sink_.Put(t);
  }

  Result<bool> HandleFact(const Row& r) {
    auto client = ClientRefId(r, 0);
    auto factor = Text(r, 1);
    auto observed = DateField(r, 2);
    auto note = Text(r, 3);
    auto author = Text(r, 4);
    auto expires = DateField(r, 5);
    bool ok = client && factor && observed && note && author && expires;
    if (factor && !factor->empty() && ref_.FactorIndex(*factor) < 0) {
      Bad(r, 1, "unknown factor code '" + *factor + "' (A1.1-A1.15, A2.1-A2.108, A3.1-A3.19)");
      ok = false;
    }
    if (ok && *expires && **expires <= **observed) {
      Bad(r, 5, "expires_on must be after observed_on");
      ok = false;
    }
    if (!ok) return true;
    Unique(r, 1, *client + "|" + *factor + "|" + FormatDate(**observed));
    Affect(*client);
    ++report_.rows[4];
    if (!Clean()) return true;
    return sink_.Put(Fact{*client, *factor, **observed, *expires, *note, *author});
  }

  Result<bool> HandleLink(const Row& r) {
    auto client = ClientRefId(r, 0);
    auto party = EnumField<LinkParty>(r, 1, {{"client", LinkParty::kClient}, {"ubo", LinkParty::kUbo},
                                             {"main_counterparty", LinkParty::kMainCounterparty}});
    auto country = CountryField(r, 2);
    auto reason = Text(r, 3);
    if (!(client && party && country && reason)) return true;
    Unique(r, 2, *client + "|" + ToString(*party) + "|" + *country);
    Affect(*client);
    ++report_.rows[5];
    if (!Clean()) return true;
    return sink_.Put(CountryLink{*client, *party, *country, *reason});
  }

  Result<bool> HandleReview(const Row& r) {
    auto client = ClientRefId(r, 0);
    auto kind = EnumField<ReviewKind>(r, 1, {{"edd_completed", ReviewKind::kEddCompleted},
                                             {"cdd_completed", ReviewKind::kCddCompleted},
                                             {"extension", ReviewKind::kExtension}});
    auto on = DateField(r, 2);
    bool ok = client && kind && on;
    int days = 0;
    std::string_view d = r.Get(3);
    if (kind && *kind == ReviewKind::kExtension) {
      if (d.empty() || d.size() > 3 || d.find_first_not_of("0123456789") != std::string_view::npos ||
          std::stoi(std::string(d)) < 1) {
        Bad(r, 3, "an extension needs extension_days, a whole number of business days >= 1");
        ok = false;
      } else {
        days = std::stoi(std::string(d));
      }
    } else if (!d.empty() && d != "0") {
      Bad(r, 3, "extension_days applies only to kind 'extension'");
      ok = false;
    }
    if (!ok) return true;
    Unique(r, 1, *client + "|" + ToString(*kind) + "|" + FormatDate(**on));
    Affect(*client);
    ++report_.rows[6];
    if (!Clean()) return true;
    return sink_.Put(Review{*client, *kind, **on, days, std::string(r.Get(4)), std::string(r.Get(5))});
  }

  ImportSink& sink_;
  const ImportOptions& options_;
  const ReferenceData& ref_;
  ImportReport& report_;
  ImportKind kind_ = ImportKind::kClients;
  std::string file_;
  static constexpr uint8_t kAffected = 1;
  StringTable<uint8_t> clients_;             // known to exist -> kAffected when this import touches them
  StringTable<std::string_view> accounts_;   // known account -> owner (a key of clients_)
  std::optional<Error> fatal_;                                 // a database failure during validation
  DuplicateFinder dupes_;
  std::vector<std::string> files_;  // every file read so far, for duplicate messages
  std::string last_client_;         // the last client a transaction row was checked against
  std::string last_account_;        // the last account checked, and its owner
  std::string_view last_account_owner_;
  Transaction tx_;
};

}  // namespace

const char* ToString(ImportKind kind) { return kKindNames[static_cast<int>(kind)]; }

Result<ImportKind> ParseImportKind(std::string_view name) {
  for (int i = 0; i < kImportKindCount; ++i) {
    if (name == kKindNames[i]) return static_cast<ImportKind>(i);
  }
  return Fail("unknown file kind '" + std::string(name) +
              "' (clients, persons, accounts, transactions, facts, links, reviews)");
}

Result<std::vector<std::pair<ImportKind, std::string>>> PlanImport(const std::vector<std::string>& files,
                                                                  const ImportOptions& options) {
  std::vector<std::pair<ImportKind, std::string>> plan;
  for (const std::string& path : files) {
    if (options.kind) {
      plan.emplace_back(*options.kind, path);
      continue;
    }
    // The kind is the file name's stem, optionally with a prefix: "clients.csv", "2026_clients.jsonl".
    std::string stem = std::filesystem::path(path).stem().string();
    std::optional<ImportKind> kind;
    for (int i = 0; i < kImportKindCount; ++i) {
      std::string k = kKindNames[i];
      if (stem == k || (stem.size() > k.size() && stem.compare(stem.size() - k.size(), k.size(), k) == 0 &&
                        (stem[stem.size() - k.size() - 1] == '_' || stem[stem.size() - k.size() - 1] == '-'))) {
        kind = static_cast<ImportKind>(i);
      }
    }
    if (!kind) {
      return Fail(Location{path, 0, 0}, "",
                  "cannot tell the file kind from its name; name it clients.csv, persons.csv, accounts.csv, "
                  "transactions.csv, facts.csv, links.csv or reviews.csv (or .jsonl), or pass --kind");
    }
    plan.emplace_back(*kind, path);
  }
  std::stable_sort(plan.begin(), plan.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return plan;
}

Result<ImportReport> ReadFiles(ImportSink& sink, const std::vector<std::pair<ImportKind, std::string>>& plan,
                               const ImportOptions& options, const ReferenceData& ref) {
  ImportReport report;
  Importer importer(sink, options, ref, report);
  for (const auto& [kind, path] : plan) {
    TRY(importer.ImportFile(path, kind));
    if (report.truncated) break;
  }
  importer.ReportDuplicates();
  if (report.errors.empty()) importer.CollectAffected();
  return report;
}

namespace {

// The Store as an import sink: the database answers for clients and
// accounts the files do not contain.
class StoreSink : public ImportSink {
 public:
  explicit StoreSink(Store& store) : sink_(store) {}
  Result<bool> HasClient(const std::string& id) override { return sink_.HasClient(id); }
  Result<std::optional<std::string>> AccountOwner(const std::string& id) override { return sink_.AccountOwner(id); }
  Result<bool> Put(const Client& c) override { return sink_.Put(c); }
  Result<bool> Put(const Person& p) override { return sink_.Put(p); }
  Result<bool> Put(const Account& a) override { return sink_.Put(a); }
  Result<bool> Put(const Transaction& t) override { return sink_.Put(t); }
  Result<bool> Put(const Fact& f) override { return sink_.Put(f); }
  Result<bool> Put(const CountryLink& l) override { return sink_.Put(l); }
  Result<bool> Put(const Review& r) override { return sink_.Put(r); }

 private:
  Store& sink_;
};

}  // namespace

Result<ImportReport> ImportFiles(Store& store, const std::vector<std::string>& files,
                                 const ImportOptions& options, const ReferenceData& ref) {
  const auto plan = TRY(PlanImport(files, options));
  // Imports of more than 64 MiB are bulk loads (see Store::Begin).
  uintmax_t bytes = 0;
  for (const auto& [kind, path] : plan) {
    std::error_code ec;
    uintmax_t size = std::filesystem::file_size(path, ec);
    if (!ec) bytes += size;
  }
  TRY(store.Begin(bytes >= (uintmax_t{64} << 20)));
  StoreSink sink(store);
  auto report = ReadFiles(sink, plan, options, ref);
  if (report && report->errors.empty() && options.history_complete_from) {
    if (auto set = store.SetHistoryCompleteFrom(*options.history_complete_from); !set) report = tl::unexpected(set.error());
  }
  if (!report || !report->errors.empty()) {
    store.Rollback();
    return report;
  }
  TRY(store.Commit());
  return report;
}

}  // namespace sargs
