#include "storage/store.h"

#include <algorithm>
#include <cstdio>

#include "storage/tx_record.h"

namespace sargs {
namespace {

// 1: one row per transaction; 2: transactions in per-client blocks;
// 3: clients.cash_typical; 4: sanctions lists, screening hits and decisions
// (new tables only, which kSchema creates).
constexpr int kSchemaVersion = 4;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS clients (
  id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, birth_date TEXT,
  registration_number TEXT, country TEXT NOT NULL, relationship_start TEXT NOT NULL,
  pep TEXT NOT NULL, legal_form TEXT, nace TEXT, activities INTEGER NOT NULL,
  activity_linked_to_latvia INTEGER NOT NULL, reputable_foreign_group INTEGER NOT NULL,
  private_banking INTEGER NOT NULL, planned_monthly_credit_cents INTEGER,
  planned_annual_credit_cents INTEGER, transaction_limit_cents INTEGER, onboarding TEXT,
  cash_typical INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS persons (
  id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES clients(id), role TEXT NOT NULL,
  name TEXT NOT NULL, birth_date TEXT, country TEXT NOT NULL, citizenship TEXT NOT NULL,
  pep TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS persons_client ON persons(client_id);
CREATE TABLE IF NOT EXISTS accounts (
  id TEXT PRIMARY KEY, client_id TEXT NOT NULL REFERENCES clients(id), opened_on TEXT NOT NULL,
  currency TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS accounts_client ON accounts(client_id);
CREATE TABLE IF NOT EXISTS tx_blocks (
  client_id TEXT NOT NULL, seq INTEGER NOT NULL, batch INTEGER NOT NULL, first_on TEXT NOT NULL,
  last_on TEXT NOT NULL, count INTEGER NOT NULL, data BLOB NOT NULL,
  PRIMARY KEY (client_id, seq)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tx_changes (
  batch INTEGER NOT NULL, client_id TEXT NOT NULL, PRIMARY KEY (batch, client_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tx_ids (bucket INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS facts (
  client_id TEXT NOT NULL REFERENCES clients(id), factor TEXT NOT NULL, observed_on TEXT NOT NULL,
  expires_on TEXT, note TEXT, author TEXT, PRIMARY KEY (client_id, factor, observed_on));
CREATE TABLE IF NOT EXISTS links (
  client_id TEXT NOT NULL REFERENCES clients(id), party TEXT NOT NULL, country TEXT NOT NULL,
  reason TEXT, PRIMARY KEY (client_id, party, country));
CREATE TABLE IF NOT EXISTS reviews (
  client_id TEXT NOT NULL REFERENCES clients(id), kind TEXT NOT NULL, on_date TEXT NOT NULL,
  extension_days INTEGER NOT NULL DEFAULT 0, author TEXT, note TEXT,
  PRIMARY KEY (client_id, kind, on_date));
CREATE TABLE IF NOT EXISTS alerts (
  id INTEGER PRIMARY KEY, rule TEXT NOT NULL, factor TEXT NOT NULL, client_id TEXT NOT NULL,
  window_start TEXT NOT NULL, window_end TEXT NOT NULL, amount_cents INTEGER NOT NULL,
  tx_ids TEXT NOT NULL, explanation TEXT NOT NULL, status TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (rule, client_id, window_start, window_end));
CREATE INDEX IF NOT EXISTS alerts_status ON alerts(status, id);
CREATE INDEX IF NOT EXISTS alerts_client ON alerts(client_id, status);
CREATE TABLE IF NOT EXISTS alert_audit (
  id INTEGER PRIMARY KEY, alert_id INTEGER NOT NULL, action TEXT NOT NULL, note TEXT,
  author TEXT NOT NULL, at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
CREATE TRIGGER IF NOT EXISTS alert_audit_append_only_update BEFORE UPDATE ON alert_audit
  BEGIN SELECT RAISE(ABORT, 'the alert audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS alert_audit_append_only_delete BEFORE DELETE ON alert_audit
  BEGIN SELECT RAISE(ABORT, 'the alert audit log is append-only'); END;
CREATE TABLE IF NOT EXISTS score_history (
  id INTEGER PRIMARY KEY, client_id TEXT NOT NULL, as_of TEXT NOT NULL,
  methodology_version TEXT NOT NULL, fingerprint TEXT NOT NULL, score INTEGER NOT NULL,
  risk_level TEXT NOT NULL, edd_required INTEGER NOT NULL, edd_reasons TEXT NOT NULL,
  factors TEXT NOT NULL, edd_review_months INTEGER, next_edd_review TEXT, edd_deadline TEXT,
  next_review TEXT, enhanced_monitoring INTEGER NOT NULL, detail TEXT NOT NULL,
  scored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
CREATE INDEX IF NOT EXISTS score_history_client ON score_history(client_id, id);
CREATE TABLE IF NOT EXISTS sanction_lists (
  source TEXT NOT NULL, version_no INTEGER NOT NULL, version_label TEXT NOT NULL, loaded_at TEXT NOT NULL,
  files TEXT NOT NULL, entity_count INTEGER NOT NULL, added INTEGER NOT NULL, removed INTEGER NOT NULL,
  changed INTEGER NOT NULL, PRIMARY KEY (source, version_no)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sanction_entities (
  source TEXT NOT NULL, entity_id TEXT NOT NULL, from_version INTEGER NOT NULL, to_version INTEGER,
  fingerprint TEXT NOT NULL, data BLOB NOT NULL,
  PRIMARY KEY (source, entity_id, from_version)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS screening_hits (
  party_kind TEXT NOT NULL, party_id TEXT NOT NULL, source TEXT NOT NULL, entity_id TEXT NOT NULL,
  party_fingerprint TEXT NOT NULL, entity_fingerprint TEXT NOT NULL, score_e4 INTEGER NOT NULL,
  party_name TEXT NOT NULL, matched_name TEXT NOT NULL, explanation TEXT NOT NULL,
  list_version INTEGER NOT NULL, found_at TEXT NOT NULL, client_id TEXT NOT NULL,
  PRIMARY KEY (party_kind, party_id, source, entity_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS screening_decisions (
  id INTEGER PRIMARY KEY, party_kind TEXT NOT NULL, party_id TEXT NOT NULL, source TEXT NOT NULL,
  entity_id TEXT NOT NULL, party_fingerprint TEXT NOT NULL, entity_fingerprint TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('true_match', 'false_positive')), note TEXT,
  analyst TEXT NOT NULL, decided_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS screening_decisions_pair
  ON screening_decisions(party_kind, party_id, source, entity_id, id);
CREATE TRIGGER IF NOT EXISTS screening_decisions_append_only_update BEFORE UPDATE ON screening_decisions
  BEGIN SELECT RAISE(ABORT, 'screening decisions are append-only'); END;
CREATE TRIGGER IF NOT EXISTS screening_decisions_append_only_delete BEFORE DELETE ON screening_decisions
  BEGIN SELECT RAISE(ABORT, 'screening decisions are append-only'); END;
)sql";

std::optional<int64_t> Cents(const std::optional<Money>& m) {
  return m ? std::optional<int64_t>(m->cents()) : std::nullopt;
}

std::optional<Money> OptMoney(const sqlite::Statement& s, int col) {
  return s.IsNull(col) ? std::nullopt : std::optional<Money>(Money::FromCents(s.Int(col)));
}

std::optional<Date> OptDate(const sqlite::Statement& s, int col) {
  if (s.IsNull(col)) return std::nullopt;
  auto d = ParseDate(s.Text(col));
  return d ? std::optional<Date>(*d) : std::nullopt;
}

Date StoredDate(const sqlite::Statement& s, int col) { return ParseDate(s.Text(col)).value_or(Date()); }

PepStatus ParsePep(std::string_view s) {
  if (s == "pep") return PepStatus::kPep;
  if (s == "family") return PepStatus::kFamily;
  if (s == "associate") return PepStatus::kAssociate;
  return PepStatus::kNone;
}

std::string Hex(uint64_t v) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace

Result<Store> Store::Open(const std::string& path) {
  sqlite::Database db = TRY(sqlite::Database::Open(path));
  Store store(std::move(db));
  // 16 KiB pages (set before WAL fixes the page size of a new database): fewer
  // B-tree levels and page splits for the large transactions table; measured
  // 10 % faster bulk inserts than the 4 KiB default. Foreign keys stay
  // declared but are not enforced by SQLite: the importer checks every
  // reference itself (with a better message), and enforcement made each
  // upsert open a statement journal — accounts imported 2.7 times slower.
  TRY(store.db_.Exec("PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                     "PRAGMA cache_size=-16384; PRAGMA temp_store=MEMORY; PRAGMA mmap_size=68719476736;"));
  TRY(store.Migrate());
  return store;
}

Result<bool> Store::Migrate() {
  std::string version;
  {  // (statements left open would lock the tables the migration drops)
    auto check = TRY(db_.Prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='meta'"));
    if (TRY(check.Step())) {
      auto v = TRY(db_.Prepare("SELECT value FROM meta WHERE key='schema_version'"));
      if (TRY(v.Step())) version = v.Text(0);
    }
  }
  if (!version.empty() && version != "1" && version != "2" && version != "3" &&
      version != std::to_string(kSchemaVersion)) {
    return Fail(Location{db_.path(), 0, 0}, "",
                "database schema version " + version + " is not supported by this sargs (expects " +
                    std::to_string(kSchemaVersion) + ")");
  }
  TRY(db_.Exec("BEGIN"));
  auto migrated = [&]() -> Result<bool> {
    TRY(db_.Exec(kSchema));
    if (version == "1") TRY(MigrateTransactionsTable());
    if (version == "1" || version == "2") {
      bool has_column = false;
      {
        auto q = TRY(db_.Prepare("SELECT 1 FROM pragma_table_info('clients') WHERE name = 'cash_typical'"));
        has_column = TRY(q.Step());
      }
      if (!has_column) TRY(db_.Exec("ALTER TABLE clients ADD COLUMN cash_typical INTEGER NOT NULL DEFAULT 0"));
    }
    return db_.Exec("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', '" +
                    std::to_string(kSchemaVersion) + "')");
  }();
  if (!migrated) {
    Rollback();
    return tl::unexpected(migrated.error());
  }
  return Commit();
}

// Schema 1 kept one row per transaction; its rows move into blocks.
Result<bool> Store::MigrateTransactionsTable() {
  {
    auto rows = TRY(db_.Prepare(
        "SELECT client_id, booked_on, booked_second, id, account_id, direction, amount_cents, currency, "
        "channel, counterparty_id, counterparty_name, counterparty_account, counterparty_country, purpose, "
        "ip, atm_id, device_id FROM transactions"));
    Transaction t;
    while (TRY(rows.Step())) {
      t.client_id = rows.Text(0);
      t.booked.date = StoredDate(rows, 1);
      t.booked.second_of_day = rows.IsNull(2) ? -1 : static_cast<int32_t>(rows.Int(2));
      t.id = rows.Text(3);
      t.account_id = rows.Text(4);
      t.direction = rows.Text(5) == "debit" ? Direction::kDebit : Direction::kCredit;
      t.amount = Money::FromCents(rows.Int(6));
      t.currency = rows.Text(7);
      std::string_view channel = rows.Text(8);
      t.channel = channel == "cash"       ? Channel::kCash
                  : channel == "card"     ? Channel::kCard
                  : channel == "atm"      ? Channel::kAtm
                  : channel == "internal" ? Channel::kInternal
                  : channel == "other"    ? Channel::kOther
                                          : Channel::kTransfer;
      t.counterparty_id = rows.Text(9);
      t.counterparty_name = rows.Text(10);
      t.counterparty_account = rows.Text(11);
      t.counterparty_country = rows.Text(12);
      t.purpose = rows.Text(13);
      t.ip = rows.Text(14);
      t.atm_id = rows.Text(15);
      t.device_id = rows.Text(16);
      TRY(Put(t));
    }
  }
  TRY(FlushTransactions());
  return db_.Exec("DROP TABLE transactions");
}

Result<sqlite::Statement*> Store::Prepared(const char* key, std::string_view sql) {
  auto it = statements_.find(key);
  if (it == statements_.end()) it = statements_.emplace(key, TRY(db_.Prepare(sql))).first;
  return &it->second;
}

Result<bool> Store::Begin(bool bulk) {
  // A bulk load writes most pages fresh. Through the write-ahead log each
  // page is written twice (to the log, then checkpointed into the database);
  // with a rollback journal, pages that did not exist before need no journal
  // entry and are written once — a ten-million-transaction import saved a
  // fifth of its time. The switch needs the only connection to the
  // database; when others are open, the import simply stays in WAL mode.
  if (bulk) {
    auto mode = db_.Prepare("PRAGMA journal_mode=DELETE");
    if (mode && mode->Step().value_or(false) && mode->Text(0) == "delete") {
      bulk_ = true;
      TRY(db_.Exec("PRAGMA synchronous=FULL"));
    }
  }
  return db_.Exec("BEGIN IMMEDIATE");
}

Result<bool> Store::Commit() {
  TRY(FinishTransactions());
  TRY(db_.Exec("COMMIT"));
  return EndBulk();
}

void Store::Rollback() {
  ResetTransactionState();
  (void)db_.Exec("ROLLBACK");
  (void)EndBulk();
  latest_loaded_ = false;
  latest_.clear();
}

Result<bool> Store::EndBulk() {
  if (!bulk_) return true;
  bulk_ = false;
  return db_.Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL");
}

Result<bool> Store::Put(const Client& c) {
  auto* s = TRY(Prepared("client", R"sql(
    INSERT INTO clients VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19)
    ON CONFLICT(id) DO UPDATE SET type=?2, name=?3, birth_date=?4, registration_number=?5,
      country=?6, relationship_start=?7, pep=?8, legal_form=?9, nace=?10, activities=?11,
      activity_linked_to_latvia=?12, reputable_foreign_group=?13, private_banking=?14,
      planned_monthly_credit_cents=?15, planned_annual_credit_cents=?16,
      transaction_limit_cents=?17, onboarding=?18, cash_typical=?19)sql"));
  s->Bind(1, c.id).Bind(2, ToString(c.type)).Bind(3, c.name);
  if (c.birth_date) s->Bind(4, FormatDate(*c.birth_date)); else s->BindNull(4);
  s->BindTextOrNull(5, c.registration_number).Bind(6, c.country).Bind(7, FormatDate(c.relationship_start));
  s->Bind(8, ToString(c.pep)).BindTextOrNull(9, c.legal_form).BindTextOrNull(10, c.nace);
  s->Bind(11, int64_t{c.activities}).Bind(12, int64_t{c.activity_linked_to_latvia});
  s->Bind(13, int64_t{c.reputable_foreign_group}).Bind(14, int64_t{c.private_banking});
  s->Bind(15, Cents(c.planned_monthly_credit_turnover)).Bind(16, Cents(c.planned_annual_credit_turnover));
  s->Bind(17, Cents(c.transaction_limit)).BindTextOrNull(18, ToString(c.onboarding));
  s->Bind(19, int64_t{c.cash_typical});
  return s->Run();
}

Result<bool> Store::Put(const Person& p) {
  auto* s = TRY(Prepared("person", R"sql(
    INSERT INTO persons VALUES (?1,?2,?3,?4,?5,?6,?7,?8)
    ON CONFLICT(id) DO UPDATE SET client_id=?2, role=?3, name=?4, birth_date=?5, country=?6,
      citizenship=?7, pep=?8)sql"));
  s->Bind(1, p.id).Bind(2, p.client_id).Bind(3, ToString(p.role)).Bind(4, p.name);
  if (p.birth_date) s->Bind(5, FormatDate(*p.birth_date)); else s->BindNull(5);
  s->Bind(6, p.country).Bind(7, p.citizenship).Bind(8, ToString(p.pep));
  return s->Run();
}

Result<bool> Store::Put(const Account& a) {
  auto* s = TRY(Prepared("account", R"sql(
    INSERT INTO accounts VALUES (?1,?2,?3,?4)
    ON CONFLICT(id) DO UPDATE SET client_id=?2, opened_on=?3, currency=?4)sql"));
  return s->Bind(1, a.id).Bind(2, a.client_id).Bind(3, FormatDate(a.opened_on)).Bind(4, a.currency).Run();
}

Result<bool> Store::Put(const Fact& f) {
  auto* s = TRY(Prepared("fact", R"sql(
    INSERT INTO facts VALUES (?1,?2,?3,?4,?5,?6)
    ON CONFLICT(client_id, factor, observed_on) DO UPDATE SET expires_on=?4, note=?5, author=?6)sql"));
  s->Bind(1, f.client_id).Bind(2, f.factor).Bind(3, FormatDate(f.observed_on));
  if (f.expires_on) s->Bind(4, FormatDate(*f.expires_on)); else s->BindNull(4);
  return s->BindTextOrNull(5, f.note).BindTextOrNull(6, f.author).Run();
}

Result<bool> Store::Put(const CountryLink& l) {
  auto* s = TRY(Prepared("link", R"sql(
    INSERT INTO links VALUES (?1,?2,?3,?4)
    ON CONFLICT(client_id, party, country) DO UPDATE SET reason=?4)sql"));
  return s->Bind(1, l.client_id).Bind(2, ToString(l.party)).Bind(3, l.country).BindTextOrNull(4, l.reason).Run();
}

Result<bool> Store::Put(const Review& r) {
  auto* s = TRY(Prepared("review", R"sql(
    INSERT INTO reviews VALUES (?1,?2,?3,?4,?5,?6)
    ON CONFLICT(client_id, kind, on_date) DO UPDATE SET extension_days=?4, author=?5, note=?6)sql"));
  s->Bind(1, r.client_id).Bind(2, ToString(r.kind)).Bind(3, FormatDate(r.on));
  return s->Bind(4, int64_t{r.extension_business_days}).BindTextOrNull(5, r.author).BindTextOrNull(6, r.note).Run();
}

Result<bool> Store::HasClient(const std::string& id) {
  auto* s = TRY(Prepared("has_client", "SELECT 1 FROM clients WHERE id = ?1"));
  s->Bind(1, id);
  bool found = TRY(s->Step());
  s->Reset();
  return found;
}

Result<bool> Store::ForEachClientIdentity(const std::function<void(const Client&)>& fn) {
  auto q = TRY(db_.Prepare("SELECT id, type, name, birth_date FROM clients"));
  Client c;
  while (TRY(q.Step())) {
    c.id = q.Text(0);
    c.type = q.Text(1) == "legal" ? ClientType::kLegal : ClientType::kNatural;
    c.name = q.Text(2);
    c.birth_date = OptDate(q, 3);
    fn(c);
  }
  return true;
}

Result<bool> Store::ForEachKeyPerson(const std::function<void(const Person&)>& fn) {
  auto q = TRY(db_.Prepare(
      "SELECT id, client_id, role, name, birth_date FROM persons WHERE role IN ('ubo', 'representative')"));
  Person p;
  while (TRY(q.Step())) {
    p.id = q.Text(0);
    p.client_id = q.Text(1);
    p.role = q.Text(2) == "ubo" ? PersonRole::kUbo : PersonRole::kRepresentative;
    p.name = q.Text(3);
    p.birth_date = OptDate(q, 4);
    fn(p);
  }
  return true;
}

Result<bool> Store::ForEachAccount(const std::function<void(const Account&)>& fn) {
  auto q = TRY(db_.Prepare("SELECT id, client_id, opened_on, currency FROM accounts"));
  Account a;
  while (TRY(q.Step())) {
    a.id = q.Text(0);
    a.client_id = q.Text(1);
    a.opened_on = StoredDate(q, 2);
    a.currency = q.Text(3);
    fn(a);
  }
  return true;
}

Result<std::vector<Account>> Store::ClientAccounts(const std::string& client_id) {
  auto* s = TRY(Prepared("client_accounts", "SELECT id, opened_on, currency FROM accounts WHERE client_id = ?1 ORDER BY id"));
  s->Bind(1, client_id);
  std::vector<Account> out;
  Result<bool> row = true;
  while ((row = s->Step()) && *row) {
    out.push_back(Account{std::string(s->Text(0)), client_id, StoredDate(*s, 1), std::string(s->Text(2))});
  }
  s->Reset();
  if (!row) return tl::unexpected(row.error());
  return out;
}

Result<std::optional<std::string>> Store::AccountOwner(const std::string& account_id) {
  auto* s = TRY(Prepared("account_owner", "SELECT client_id FROM accounts WHERE id = ?1"));
  s->Bind(1, account_id);
  std::optional<std::string> owner;
  if (TRY(s->Step())) owner = std::string(s->Text(0));
  s->Reset();
  return owner;
}

Result<int64_t> Store::Count(const std::string& table) {
  if (table == "transactions") return TransactionCount();
  auto s = TRY(db_.Prepare("SELECT COUNT(*) FROM " + table));
  TRY(s.Step());
  return s.Int(0);
}

namespace {

// A cursor over rows ordered by client id, consumed client by client.
class ClientCursor {
 public:
  explicit ClientCursor(sqlite::Statement stmt) : stmt_(std::move(stmt)) {}
  Result<bool> Start() {
    has_row_ = TRY(stmt_.Step());
    return true;
  }
  // Calls fn for each row of `client_id` (rows of smaller ids are skipped).
  template <typename Fn>
  Result<bool> Take(const std::string& client_id, Fn fn) {
    while (has_row_ && stmt_.Text(0) < client_id) has_row_ = TRY(stmt_.Step());
    while (has_row_ && stmt_.Text(0) == client_id) {
      fn(stmt_);
      has_row_ = TRY(stmt_.Step());
    }
    return true;
  }

 private:
  sqlite::Statement stmt_;
  bool has_row_ = false;
};

}  // namespace

Result<int64_t> Store::ForEachClient(Date as_of, int main_share_percent,
                                     const std::unordered_set<std::string>* only,
                                     const std::function<Result<bool>(ClientRecord&)>& fn) {
  TRY(FlushTransactions());
  // A few clients: use the indexes, client by client (about 0.1 ms each at
  // a million clients). Many or all: one ordered pass over each table (about
  // 7 s at a million clients), which wins from a few tens of thousands.
  constexpr size_t kIndexedLimit = 20000;
  if (only && only->size() > 1 && only->size() <= kIndexedLimit) {
    std::vector<std::string> ids(only->begin(), only->end());
    std::sort(ids.begin(), ids.end());
    int64_t visited = 0;
    for (const std::string& id : ids) {
      std::unordered_set<std::string> one{id};
      visited += TRY(ForEachClient(as_of, main_share_percent, &one, fn));
    }
    return visited;
  }
  std::string filter, tx_filter;
  if (only && only->size() == 1) {
    filter = " WHERE client_id = ?1";
    tx_filter = " AND client_id = ?1";
  }
  auto bind = [&](sqlite::Statement s) {
    if (!filter.empty()) s.Bind(1, *only->begin());
    return s;
  };
  std::string client_filter = filter.empty() ? "" : " WHERE id = ?1";
  auto clients = bind(TRY(db_.Prepare(
      "SELECT id, type, name, birth_date, registration_number, country, relationship_start, pep, "
      "legal_form, nace, activities, activity_linked_to_latvia, reputable_foreign_group, "
      "private_banking, planned_monthly_credit_cents, planned_annual_credit_cents, "
      "transaction_limit_cents, onboarding, cash_typical FROM clients" + client_filter + " ORDER BY id")));
  ClientCursor persons(bind(TRY(db_.Prepare(
      "SELECT client_id, id, role, name, birth_date, country, citizenship, pep FROM persons" + filter +
      " ORDER BY client_id, id"))));
  ClientCursor facts(bind(TRY(db_.Prepare(
      "SELECT client_id, factor, observed_on, expires_on, note, author FROM facts" + filter +
      " ORDER BY client_id, observed_on, factor"))));
  ClientCursor links(bind(TRY(db_.Prepare(
      "SELECT client_id, party, country, reason FROM links" + filter + " ORDER BY client_id, party, country"))));
  ClientCursor reviews(bind(TRY(db_.Prepare(
      "SELECT client_id, kind, on_date, extension_days, author, note FROM reviews" + filter +
      " ORDER BY client_id, on_date"))));
  ClientCursor alerts(bind(TRY(db_.Prepare(
      "SELECT client_id, id, rule, factor, window_start, window_end FROM alerts WHERE status = 'open'" +
      (filter.empty() ? std::string() : " AND client_id = ?1") + " ORDER BY client_id, id"))));
  ClientCursor blocks(bind(TRY(db_.Prepare("SELECT client_id, data FROM tx_blocks" + filter +
                                            " ORDER BY client_id, seq"))));
  TRY(persons.Start());
  TRY(facts.Start());
  TRY(links.Start());
  TRY(reviews.Start());
  TRY(blocks.Start());
  TRY(alerts.Start());

  int64_t visited = 0;
  ClientRecord rec;
  ActivityBuilder activity;
  Transaction tx;
  std::string key;
  while (TRY(clients.Step())) {
    std::string id(clients.Text(0));
    if (only && filter.empty() && !only->count(id)) continue;
    Client& c = rec.client;
    c = Client{};
    c.id = id;
    c.type = clients.Text(1) == "legal" ? ClientType::kLegal : ClientType::kNatural;
    c.name = clients.Text(2);
    c.birth_date = OptDate(clients, 3);
    c.registration_number = clients.Text(4);
    c.country = clients.Text(5);
    c.relationship_start = StoredDate(clients, 6);
    c.pep = ParsePep(clients.Text(7));
    c.legal_form = clients.Text(8);
    c.nace = clients.Text(9);
    c.activities = static_cast<uint8_t>(clients.Int(10));
    c.activity_linked_to_latvia = clients.Int(11) != 0;
    c.reputable_foreign_group = clients.Int(12) != 0;
    c.private_banking = clients.Int(13) != 0;
    c.planned_monthly_credit_turnover = OptMoney(clients, 14);
    c.planned_annual_credit_turnover = OptMoney(clients, 15);
    c.transaction_limit = OptMoney(clients, 16);
    std::string_view onboarding = clients.Text(17);
    c.onboarding = onboarding == "remote"      ? Onboarding::kRemote
                   : onboarding == "in_person" ? Onboarding::kInPerson
                                               : Onboarding::kUnknown;
    c.cash_typical = clients.Int(18) != 0;
    rec.persons.clear();
    rec.facts.clear();
    rec.links.clear();
    rec.reviews.clear();
    TRY(persons.Take(id, [&](const sqlite::Statement& s) {
      std::string_view role = s.Text(2);
      rec.persons.push_back(Person{
          std::string(s.Text(1)), id,
          role == "ubo" ? PersonRole::kUbo
          : role == "representative" ? PersonRole::kRepresentative
          : role == "authorised" ? PersonRole::kAuthorised
                                 : PersonRole::kCardUser,
          std::string(s.Text(3)), OptDate(s, 4), std::string(s.Text(5)), std::string(s.Text(6)),
          ParsePep(s.Text(7))});
    }));
    TRY(facts.Take(id, [&](const sqlite::Statement& s) {
      rec.facts.push_back(Fact{id, std::string(s.Text(1)), StoredDate(s, 2), OptDate(s, 3),
                               std::string(s.Text(4)), std::string(s.Text(5))});
    }));
    TRY(links.Take(id, [&](const sqlite::Statement& s) {
      std::string_view party = s.Text(1);
      rec.links.push_back(CountryLink{id,
                                      party == "ubo"                 ? LinkParty::kUbo
                                      : party == "main_counterparty" ? LinkParty::kMainCounterparty
                                                                     : LinkParty::kClient,
                                      std::string(s.Text(2)), std::string(s.Text(3))});
    }));
    TRY(reviews.Take(id, [&](const sqlite::Statement& s) {
      std::string_view kind = s.Text(1);
      rec.reviews.push_back(Review{id,
                                   kind == "extension"       ? ReviewKind::kExtension
                                   : kind == "cdd_completed" ? ReviewKind::kCddCompleted
                                                             : ReviewKind::kEddCompleted,
                                   StoredDate(s, 2), static_cast<int>(s.Int(3)), std::string(s.Text(4)),
                                   std::string(s.Text(5))});
    }));
    rec.open_alerts.clear();
    TRY(alerts.Take(id, [&](const sqlite::Statement& s) {
      Alert a;
      a.id = s.Int(1);
      a.rule = s.Text(2);
      a.factor = s.Text(3);
      a.client_id = id;
      a.window_start = StoredDate(s, 4);
      a.window_end = StoredDate(s, 5);
      rec.open_alerts.push_back(std::move(a));
    }));
    Result<bool> decoded = true;
    TRY(blocks.Take(id, [&](const sqlite::Statement& s) {
      TxRecordReader reader(s.Blob(1));
      while (decoded) {
        decoded = reader.Next(tx);
        if (!decoded || !*decoded) break;
        if (tx.booked.date > as_of) continue;
        CounterpartyKey(tx, key);
        activity.Add(tx.booked.date, tx.direction, tx.amount, key, tx.counterparty_name, tx.counterparty_country);
      }
    }));
    if (!decoded) return tl::unexpected(decoded.error());
    rec.activity = activity.Finish(main_share_percent);
    ++visited;
    TRY(fn(rec));
  }
  return visited;
}

Result<bool> Store::SaveScore(const ClientScore& s, const std::function<std::string()>& detail_json) {
  if (!latest_loaded_) {
    auto q = TRY(db_.Prepare(
        "SELECT client_id, as_of || '|' || methodology_version || '|' || fingerprint FROM score_history "
        "WHERE id IN (SELECT MAX(id) FROM score_history GROUP BY client_id)"));
    while (TRY(q.Step())) latest_[std::string(q.Text(0))] = std::string(q.Text(1));
    latest_loaded_ = true;
  }
  std::string as_of = FormatDate(s.as_of);
  std::string fingerprint = Hex(s.input_fingerprint);
  std::string key = as_of + "|" + s.methodology_version + "|" + fingerprint;
  std::string& latest = latest_[s.client_id];
  if (latest == key) return false;
  auto* ins = TRY(Prepared("score", R"sql(
    INSERT INTO score_history (client_id, as_of, methodology_version, fingerprint, score,
      risk_level, edd_required, edd_reasons, factors, edd_review_months, next_edd_review,
      edd_deadline, next_review, enhanced_monitoring, detail)
    VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15))sql"));
  ins->Bind(1, s.client_id).Bind(2, as_of).Bind(3, s.methodology_version).Bind(4, fingerprint);
  ins->Bind(5, int64_t{s.score}).Bind(6, ToString(s.level)).Bind(7, int64_t{s.edd_required});
  ins->Bind(8, s.EddReasonCodes()).Bind(9, s.FactorCodes());
  ins->Bind(10, s.edd_review_months ? std::optional<int64_t>(*s.edd_review_months) : std::nullopt);
  if (s.next_edd_review) ins->Bind(11, FormatDate(*s.next_edd_review)); else ins->BindNull(11);
  if (s.edd_deadline) ins->Bind(12, FormatDate(*s.edd_deadline)); else ins->BindNull(12);
  if (s.next_review) ins->Bind(13, FormatDate(*s.next_review)); else ins->BindNull(13);
  ins->Bind(14, int64_t{s.enhanced_monitoring}).Bind(15, detail_json());
  TRY(ins->Run());
  latest = key;
  return true;
}

Result<std::vector<StoredScore>> Store::ScoreHistory(const std::string& client_id) {
  std::vector<StoredScore> out;
  auto q = TRY(db_.Prepare(
      "SELECT id, client_id, as_of, methodology_version, fingerprint, score, risk_level, edd_required, "
      "edd_reasons, factors, scored_at FROM score_history WHERE client_id = ?1 ORDER BY id"));
  q.Bind(1, client_id);
  while (TRY(q.Step())) {
    out.push_back(StoredScore{q.Int(0), std::string(q.Text(1)), std::string(q.Text(2)),
                              std::string(q.Text(3)), std::string(q.Text(4)), static_cast<int>(q.Int(5)),
                              std::string(q.Text(6)), q.Int(7) != 0, std::string(q.Text(8)),
                              std::string(q.Text(9)), std::string(q.Text(10))});
  }
  return out;
}

}  // namespace sargs
