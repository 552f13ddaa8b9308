// Store: sanctions list versions, the parties screening looks at, and the
// hits and decisions that screening produces.
//
// sanction_entities is a temporal table: a row is one content of one entry,
// valid from the version that stored it (from_version) until the version
// that changed or removed it (to_version; NULL while in force). A new
// version writes rows only for the entries it added or changed and closes
// the rows of the entries it changed or removed, so the daily republication
// of an unchanged list writes nothing but its sanction_lists row, and the
// content an old decision was made on stays readable.
#include <algorithm>
#include <cctype>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "screening/list_diff.h"
#include "storage/store.h"

namespace sargs {


namespace {

std::string JoinLines(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) {
    if (!out.empty()) out += '\n';
    out += s;
  }
  return out;
}

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    out.emplace_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

// A savepoint, released by Release and rolled back otherwise: it nests in a
// caller's transaction and is a transaction of its own without one.
class Savepoint {
 public:
  explicit Savepoint(sqlite::Database& db) : db_(db) {}
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;
  ~Savepoint() {
    if (open_) (void)db_.Exec("ROLLBACK TO sanction_list; RELEASE sanction_list");
  }
  Result<bool> Start() {
    TRY(db_.Exec("SAVEPOINT sanction_list"));
    open_ = true;
    return true;
  }
  Result<bool> Release() {
    TRY(db_.Exec("RELEASE sanction_list"));
    open_ = false;
    return true;
  }

 private:
  sqlite::Database& db_;
  bool open_ = false;
};

// Legal forms and words that only organisations carry, upper case, as whole
// words of a counterparty name. Transaction files give a counterparty's name
// but not its kind; a name with one of these is an organisation, and without
// one the kind stays unknown (the matcher then compares it with persons and
// organisations alike) rather than guessed to be a person.
const std::unordered_set<std::string_view>& OrganisationWords() {
  static const std::unordered_set<std::string_view> words = {
      // Latvia, Lithuania, Estonia
      "SIA", "AS", "IK", "ZS", "PS", "KS", "KB", "UAB", "AB", "MB", "OU", "OÜ", "TU", "MTU", "MTÜ",
      // English-speaking and international
      "LTD", "LIMITED", "LLC", "LLP", "LP", "INC", "INCORPORATED", "CORP", "CORPORATION", "PLC", "CO",
      "COMPANY", "HOLDING", "HOLDINGS", "BANK", "TRUST", "FOUNDATION", "FUND", "GROUP",
      // Continental Europe
      "GMBH", "AG", "KG", "SA", "SAS", "SARL", "SRL", "SPA", "BV", "NV", "OY", "OYJ", "APS", "ASA", "SP",
      "ZOO",
      // Russian, Ukrainian, Belarusian, transliterated and in Cyrillic
      "OOO", "OAO", "ZAO", "PAO", "TOO", "TOV", "ООО", "ОАО", "ЗАО", "ПАО", "АО", "ТОВ", "ТОО"};
  return words;
}

PartyType GuessCounterpartyType(std::string_view name) {
  std::string word;
  auto flush = [&]() {
    bool found = !word.empty() && OrganisationWords().count(word) > 0;
    word.clear();
    return found;
  };
  for (char ch : name) {
    const auto u = static_cast<unsigned char>(ch);
    // Letters and digits (and every byte of a multi-byte UTF-8 letter) form
    // words; dots are dropped so that "S.A." and "Ltd." count.
    if (ch == '.') continue;
    if (u >= 0x80 || std::isalnum(u)) {
      word += u < 0x80 ? static_cast<char>(std::toupper(u)) : ch;
    } else if (flush()) {
      return PartyType::kOrganisation;
    }
  }
  return flush() ? PartyType::kOrganisation : PartyType::kUnknown;
}

PartyKind KindOfRole(std::string_view role) {
  return role == "ubo"              ? PartyKind::kUbo
         : role == "representative" ? PartyKind::kRepresentative
         : role == "authorised"     ? PartyKind::kAuthorised
                                    : PartyKind::kCardUser;
}

std::optional<Date> OptionalDate(const sqlite::Statement& s, int col) {
  if (s.IsNull(col)) return std::nullopt;
  auto d = ParseDate(s.Text(col));
  return d ? std::optional<Date>(*d) : std::nullopt;
}

void BindPair(sqlite::Statement& s, const ScreeningPair& p) {
  s.Bind(1, ToString(p.party_kind)).Bind(2, p.party_id).Bind(3, p.source).Bind(4, p.entity_id);
}

constexpr const char* kDecisionColumns =
    "id, party_kind, party_id, source, entity_id, party_fingerprint, entity_fingerprint, decision, note, "
    "analyst, decided_at";

ScreeningDecision ReadDecision(const sqlite::Statement& s, int first) {
  ScreeningDecision d;
  d.id = s.Int(first);
  d.pair.party_kind = ParsePartyKind(s.Text(first + 1)).value_or(PartyKind::kClient);
  d.pair.party_id = s.Text(first + 2);
  d.pair.source = s.Text(first + 3);
  d.pair.entity_id = s.Text(first + 4);
  d.party_fingerprint = s.Text(first + 5);
  d.entity_fingerprint = s.Text(first + 6);
  d.verdict =
      s.Text(first + 7) == "true_match" ? ScreeningVerdict::kTrueMatch : ScreeningVerdict::kFalsePositive;
  d.note = s.Text(first + 8);
  d.analyst = s.Text(first + 9);
  d.decided_at = s.Text(first + 10);
  return d;
}

}  // namespace

Result<ListUpdate> Store::StoreListVersion(const SanctionList& list, const std::vector<std::string>& files,
                                           const std::string& loaded_at) {
  if (list.source.empty()) return Fail("sanctions list without a source");
  std::unordered_map<std::string_view, const SanctionEntity*> by_id;
  by_id.reserve(list.entities.size());
  for (const SanctionEntity& e : list.entities) {
    const std::string at = " (line " + std::to_string(e.line) + ")";
    if (e.entity_id.empty())
      return Fail({}, "entity_id", "a " + list.source + " list entry without an id" + at);
    if (e.source != list.source) {
      return Fail({}, "source",
                  "entry " + e.entity_id + " of the " + list.source + " list says it is from " +
                      (e.source.empty() ? "no list" : e.source));
    }
    if (!by_id.emplace(e.entity_id, &e).second) {
      return Fail({}, "entity_id",
                  "list entry id " + e.entity_id + " appears twice in the " + list.source + " list" + at);
    }
  }

  Savepoint savepoint(db_);
  TRY(savepoint.Start());
  const SanctionList before = TRY(CurrentList(list.source));
  ListUpdate update;
  update.diff = DiffLists(before, list);
  const ListDiff& diff = update.diff;

  int64_t version_no = 1;
  {
    auto* q =
        TRY(Prepared("list_last_version", "SELECT MAX(version_no) FROM sanction_lists WHERE source = ?1"));
    q->Bind(1, list.source);
    if (TRY(q->Step()) && !q->IsNull(0)) version_no = q->Int(0) + 1;
    q->Reset();
  }

  auto* close = TRY(Prepared("entity_close", R"sql(
    UPDATE sanction_entities SET to_version = ?3
    WHERE source = ?1 AND entity_id = ?2 AND to_version IS NULL)sql"));
  auto* insert = TRY(Prepared("entity_insert", R"sql(
    INSERT INTO sanction_entities (source, entity_id, from_version, to_version, fingerprint, data)
    VALUES (?1, ?2, ?3, NULL, ?4, ?5))sql"));
  auto* drop_hits =
      TRY(Prepared("hits_of_entity", "DELETE FROM screening_hits WHERE source = ?1 AND entity_id = ?2"));
  auto close_row = [&](const std::string& id) -> Result<bool> {
    return close->Bind(1, list.source).Bind(2, id).Bind(3, version_no).Run();
  };
  auto insert_row = [&](const std::string& id) -> Result<bool> {
    const SanctionEntity& e = *by_id.at(id);
    std::string data = EncodeEntity(e);
    insert->Bind(1, list.source).Bind(2, id).Bind(3, version_no).Bind(4, EntityFingerprint(e));
    return insert->BindBlob(5, data).Run();
  };
  for (const std::string& id : diff.added) TRY(insert_row(id));
  for (const ChangedEntity& c : diff.changed) {
    TRY(close_row(c.entity_id));
    TRY(insert_row(c.entity_id));
  }
  for (const std::string& id : diff.removed) {
    TRY(close_row(id));
    // A hit on an entry that is no longer listed is no hit.
    TRY(drop_hits->Bind(1, list.source).Bind(2, id).Run());
  }

  ListVersionInfo& v = update.version;
  v.source = list.source;
  v.version_no = version_no;
  v.version_label = list.version;
  v.files = files;
  v.entity_count = static_cast<int64_t>(list.entities.size());
  v.added = static_cast<int64_t>(diff.added.size());
  v.removed = static_cast<int64_t>(diff.removed.size());
  v.changed = static_cast<int64_t>(diff.changed.size());
  auto* row = TRY(Prepared("list_version_insert", R"sql(
    INSERT INTO sanction_lists (source, version_no, version_label, loaded_at, files, entity_count, added,
                                removed, changed)
    VALUES (?1, ?2, ?3, COALESCE(?4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), ?5, ?6, ?7, ?8, ?9)
    RETURNING loaded_at)sql"));
  row->Bind(1, v.source).Bind(2, version_no).Bind(3, v.version_label).BindTextOrNull(4, loaded_at);
  row->Bind(5, JoinLines(files))
      .Bind(6, v.entity_count)
      .Bind(7, v.added)
      .Bind(8, v.removed)
      .Bind(9, v.changed);
  Result<bool> stepped = row->Step();
  if (stepped && *stepped) v.loaded_at = row->Text(0);
  row->Reset();
  if (!stepped) return tl::unexpected(stepped.error());
  TRY(savepoint.Release());
  return update;
}

Result<std::vector<ListVersionInfo>> Store::ListVersions(const std::string& source) {
  auto q = TRY(db_.Prepare(
      "SELECT source, version_no, version_label, loaded_at, files, entity_count, added, removed, changed "
      "FROM sanction_lists WHERE source = ?1 ORDER BY version_no"));
  q.Bind(1, source);
  std::vector<ListVersionInfo> out;
  while (TRY(q.Step())) {
    ListVersionInfo v;
    v.source = q.Text(0);
    v.version_no = q.Int(1);
    v.version_label = q.Text(2);
    v.loaded_at = q.Text(3);
    v.files = SplitLines(q.Text(4));
    v.entity_count = q.Int(5);
    v.added = q.Int(6);
    v.removed = q.Int(7);
    v.changed = q.Int(8);
    out.push_back(std::move(v));
  }
  return out;
}

Result<SanctionList> Store::CurrentList(const std::string& source) {
  SanctionList list;
  list.source = source;
  {
    auto* q = TRY(Prepared("list_current_label", R"sql(
      SELECT version_label FROM sanction_lists WHERE source = ?1 ORDER BY version_no DESC LIMIT 1)sql"));
    q->Bind(1, source);
    Result<bool> found = q->Step();
    if (found && *found) list.version = q->Text(0);
    q->Reset();
    if (!found) return tl::unexpected(found.error());
  }
  auto* q = TRY(Prepared("list_current_entities", R"sql(
    SELECT entity_id, data FROM sanction_entities WHERE source = ?1 AND to_version IS NULL
    ORDER BY entity_id)sql"));
  q->Bind(1, source);
  Result<bool> row = true;
  while ((row = q->Step()) && *row) {
    auto entity = DecodeEntity(q->Blob(1));
    if (!entity) {
      Error e = entity.error();
      e.message = "sanctions list " + source + ", entry " + std::string(q->Text(0)) + ": " + e.message;
      q->Reset();
      return tl::unexpected(std::move(e));
    }
    list.entities.push_back(std::move(*entity));
  }
  q->Reset();
  if (!row) return tl::unexpected(row.error());
  return list;
}

Result<bool> Store::PutScreeningDecision(ScreeningDecision& d) {
  if (d.analyst.empty()) return Fail({}, "analyst", "a screening decision needs the analyst who made it");
  if (d.verdict == ScreeningVerdict::kFalsePositive && d.note.empty()) {
    return Fail({}, "note", "a false positive needs a note saying why");
  }
  if (d.pair.party_id.empty() || d.pair.source.empty() || d.pair.entity_id.empty()) {
    return Fail("a screening decision needs a party, a list and an entry");
  }
  {  // A decision on an entry that was never listed is a typing error.
    auto* q =
        TRY(Prepared("entity_known", "SELECT 1 FROM sanction_entities WHERE source = ?1 AND entity_id = ?2"));
    q->Bind(1, d.pair.source).Bind(2, d.pair.entity_id);
    Result<bool> known = q->Step();
    q->Reset();
    if (!known) return tl::unexpected(known.error());
    if (!*known) {
      return Fail({}, "entity_id",
                  "no entry " + d.pair.entity_id + " in any stored " + d.pair.source + " list");
    }
  }
  auto* ins = TRY(Prepared("decision_insert", R"sql(
    INSERT INTO screening_decisions (party_kind, party_id, source, entity_id, party_fingerprint,
                                     entity_fingerprint, decision, note, analyst, decided_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, COALESCE(?10, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))
    RETURNING id, decided_at)sql"));
  BindPair(*ins, d.pair);
  ins->Bind(5, d.party_fingerprint).Bind(6, d.entity_fingerprint).Bind(7, ToString(d.verdict));
  ins->BindTextOrNull(8, d.note).Bind(9, d.analyst).BindTextOrNull(10, d.decided_at);
  Result<bool> row = ins->Step();
  if (row && *row) {
    d.id = ins->Int(0);
    d.decided_at = ins->Text(1);
  }
  ins->Reset();
  if (!row) return tl::unexpected(row.error());
  return true;
}

Result<std::optional<ScreeningDecision>> Store::LatestDecision(const ScreeningPair& pair) {
  auto* q =
      TRY(Prepared("decision_latest", std::string("SELECT ") + kDecisionColumns +
                                          " FROM screening_decisions WHERE party_kind = ?1 AND party_id = ?2 "
                                          "AND source = ?3 AND entity_id = ?4 ORDER BY id DESC LIMIT 1"));
  BindPair(*q, pair);
  std::optional<ScreeningDecision> out;
  Result<bool> row = q->Step();
  if (row && *row) out = ReadDecision(*q, 0);
  q->Reset();
  if (!row) return tl::unexpected(row.error());
  return out;
}

Result<std::vector<ScreeningDecision>> Store::DecisionHistory(const ScreeningPair& pair) {
  auto q =
      TRY(db_.Prepare(std::string("SELECT ") + kDecisionColumns +
                      " FROM screening_decisions WHERE party_kind = ?1 AND party_id = ?2 AND source = ?3 "
                      "AND entity_id = ?4 ORDER BY id"));
  BindPair(q, pair);
  std::vector<ScreeningDecision> out;
  while (TRY(q.Step())) out.push_back(ReadDecision(q, 0));
  return out;
}

Result<bool> Store::PutScreeningHit(const ScreeningHit& hit) {
  auto* s = TRY(Prepared("hit_put", R"sql(
    INSERT OR REPLACE INTO screening_hits (party_kind, party_id, source, entity_id, party_fingerprint,
      entity_fingerprint, score_e4, party_name, matched_name, explanation, list_version, found_at, client_id)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,
            COALESCE(?12, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), ?13))sql"));
  BindPair(*s, hit.pair);
  // Four decimals: SQLite wrappers here bind integers and text only, and a
  // score is shown and compared with thresholds to two.
  const auto score_e4 = static_cast<int64_t>(hit.score * 10000 + 0.5);
  s->Bind(5, hit.party_fingerprint).Bind(6, hit.entity_fingerprint).Bind(7, score_e4);
  s->Bind(8, hit.party_name).Bind(9, hit.matched_name).Bind(10, hit.explanation).Bind(11, hit.list_version);
  s->Bind(13, hit.client_id);
  return s->BindTextOrNull(12, hit.found_at).Run();
}

Result<bool> Store::RemoveScreeningHit(const ScreeningPair& pair) {
  auto* s = TRY(Prepared("hit_remove", R"sql(
    DELETE FROM screening_hits WHERE party_kind = ?1 AND party_id = ?2 AND source = ?3 AND entity_id = ?4)sql"));
  BindPair(*s, pair);
  return s->Run();
}

Result<std::vector<ScreeningHit>> Store::ScreeningHits() {
  auto q = TRY(db_.Prepare(R"sql(
    SELECT h.party_kind, h.party_id, h.source, h.entity_id, h.party_fingerprint, h.entity_fingerprint,
           h.score_e4, h.party_name, h.matched_name, h.explanation, h.list_version, h.found_at, h.client_id,
           d.id, d.party_kind, d.party_id, d.source, d.entity_id, d.party_fingerprint, d.entity_fingerprint,
           d.decision, d.note, d.analyst, d.decided_at
    FROM screening_hits h LEFT JOIN screening_decisions d ON d.id = (
      SELECT MAX(id) FROM screening_decisions x
      WHERE x.party_kind = h.party_kind AND x.party_id = h.party_id AND x.source = h.source
        AND x.entity_id = h.entity_id)
    ORDER BY h.party_kind, h.party_id, h.source, h.entity_id)sql"));
  std::vector<ScreeningHit> out;
  while (TRY(q.Step())) {
    ScreeningHit h;
    h.pair.party_kind = ParsePartyKind(q.Text(0)).value_or(PartyKind::kClient);
    h.pair.party_id = q.Text(1);
    h.pair.source = q.Text(2);
    h.pair.entity_id = q.Text(3);
    h.party_fingerprint = q.Text(4);
    h.entity_fingerprint = q.Text(5);
    h.score = static_cast<double>(q.Int(6)) / 10000;
    h.party_name = q.Text(7);
    h.matched_name = q.Text(8);
    h.explanation = q.Text(9);
    h.list_version = q.Int(10);
    h.found_at = q.Text(11);
    h.client_id = q.Text(12);
    if (!q.IsNull(13)) h.decision = ReadDecision(q, 13);
    out.push_back(std::move(h));
  }
  return out;
}

Result<bool> Store::ForEachScreeningParty(const std::function<void(const ScreeningParty&)>& fn) {
  ScreeningParty p;
  {
    auto q = TRY(db_.Prepare("SELECT id, type, name, birth_date, country FROM clients ORDER BY id"));
    while (TRY(q.Step())) {
      p = ScreeningParty{};
      p.kind = PartyKind::kClient;
      p.id = q.Text(0);
      p.client_id = p.id;
      p.type = q.Text(1) == "legal" ? PartyType::kOrganisation : PartyType::kPerson;
      p.name = q.Text(2);
      p.birth_date = OptionalDate(q, 3);
      p.country = q.Text(4);
      fn(p);
    }
  }
  {
    auto q =
        TRY(db_.Prepare("SELECT id, client_id, role, name, birth_date, country, citizenship FROM persons "
                        "ORDER BY client_id, id"));
    while (TRY(q.Step())) {
      p = ScreeningParty{};
      p.kind = KindOfRole(q.Text(2));
      p.id = q.Text(0);
      p.client_id = q.Text(1);
      p.type = PartyType::kPerson;
      p.name = q.Text(3);
      p.birth_date = OptionalDate(q, 4);
      p.country = q.Text(5);
      p.citizenship = q.Text(6);
      fn(p);
    }
  }

  // Counterparties exist only inside transactions: one pass over every
  // block, keeping per counterparty the latest transaction's name, country
  // and client, and every other spelling of its name (screening all of
  // them: a sanctioned name may be the old one). Memory grows with the
  // number of distinct counterparties, not of transactions.
  struct Seen {
    Date latest{};
    std::string name, country, client_id;
    std::vector<std::string> others;  // the other spellings (usually none), unsorted until the end
  };
  std::unordered_map<std::string, Seen> counterparties;
  std::string key;
  TRY(ForEachTransaction(std::nullopt, [&](const Transaction& t) {
    std::string name = CollapseWhitespace(t.counterparty_name);
    if (name.empty()) return;
    key.clear();
    if (!t.counterparty_id.empty())
      key.append("id:").append(t.counterparty_id);
    else if (!t.counterparty_account.empty())
      key.append("account:").append(t.counterparty_account).append("|name:").append(name);
    else
      key.append("name:").append(name);
    auto [it, added] = counterparties.try_emplace(key);
    Seen& s = it->second;
    // Ties on the date go to the smaller name and client, so that the
    // result does not depend on the order of blocks.
    const bool latest = added || std::tie(t.booked.date, s.name, s.client_id) > std::tie(s.latest, name, t.client_id);
    if (!added && name != s.name) {
      auto other = std::find(s.others.begin(), s.others.end(), name);
      if (latest) {
        if (other != s.others.end()) s.others.erase(other);
        s.others.push_back(s.name);  // the name it had until now
      } else if (other == s.others.end()) {
        s.others.push_back(name);
      }
    }
    if (latest) {
      s.latest = t.booked.date;
      s.name = std::move(name);
      s.country = t.counterparty_country;
      s.client_id = t.client_id;
    }
  }));
  std::vector<std::pair<const std::string*, Seen*>> sorted;  // by key
  sorted.reserve(counterparties.size());
  for (auto& [k, s] : counterparties) sorted.emplace_back(&k, &s);
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return *a.first < *b.first; });
  for (const auto& [k_ptr, s_ptr] : sorted) {
    const std::string& k = *k_ptr;
    Seen& s = *s_ptr;
    p = ScreeningParty{};
    p.kind = PartyKind::kCounterparty;
    p.id = k;
    p.client_id = s.client_id;
    p.name = s.name;
    std::sort(s.others.begin(), s.others.end());
    p.other_names = std::move(s.others);
    p.country = s.country;
    p.type = GuessCounterpartyType(p.name);
    for (const std::string& n : p.other_names) {
      if (p.type == PartyType::kUnknown) p.type = GuessCounterpartyType(n);
    }
    fn(p);
  }
  return true;
}

}  // namespace sargs
