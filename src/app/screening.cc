#include "app/screening.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "base/progress.h"
#include "base/record_codec.h"
#include "screening/parse_sanction_list.h"

namespace sargs {
namespace {

constexpr const char* kSources[] = {"eu", "un", "ofac", "lv"};

// A party as a compact record (base/record_codec.h): a portfolio of a
// million clients has five million parties with its counterparties, which
// as structs of strings took gigabytes.
void AppendParty(const ScreeningParty& p, std::string& out) {
  RecordWriter w(out);
  w.Text(p.name);  // first: batches are sorted by it
  w.Byte(static_cast<uint8_t>(p.type));
  w.Byte(static_cast<uint8_t>(p.kind));
  w.Text(p.id);
  w.Text(p.client_id);
  w.Texts(p.other_names);
  w.OptionalDay(p.birth_date);
  w.Text(p.country);
  w.Text(p.citizenship);
}

bool ReadParty(std::string_view bytes, ScreeningParty& p) {
  RecordReader r(bytes);
  r.Text(p.name);
  p.type = r.Small<PartyType>(3);
  p.kind = r.Small<PartyKind>(6);
  r.Text(p.id);
  r.Text(p.client_id);
  r.Texts(p.other_names);
  p.birth_date = r.OptionalDay();
  r.Text(p.country);
  r.Text(p.citizenship);
  return r.ok();
}

// The name and type a record starts with, for sorting without decoding.
std::pair<std::string_view, uint8_t> NameOf(std::string_view record) {
  size_t pos = 0;
  uint64_t length = 0;
  GetVarint(record, pos, length);
  return {record.substr(pos, length), static_cast<uint8_t>(record[pos + length])};
}

std::string PairKey(const ScreeningPair& p) {
  return std::string(ToString(p.party_kind)) + '\x1f' + p.party_id + '\x1f' + p.source + '\x1f' + p.entity_id;
}

}  // namespace

Result<ScreeningTools> ScreeningTools::Create(ScreenerOptions options) {
  ScreeningTools tools;
  tools.normalizer = TRY(NameNormalizer::Create());
  tools.options = options;
  return tools;
}

Result<std::unique_ptr<ScreeningIndex>> IndexListsInForce(Store& store, NameNormalizer& normalizer,
                                                          std::map<std::string, int64_t>* versions) {
  std::vector<SanctionList> lists;
  for (const char* source : kSources) {
    SanctionList list = TRY(store.CurrentList(source));
    if (list.entities.empty()) continue;
    if (versions) {
      const auto all = TRY(store.ListVersions(source));
      if (!all.empty()) (*versions)[source] = all.back().version_no;
    }
    lists.push_back(std::move(list));
  }
  return ScreeningIndex::Build(std::move(lists), normalizer);
}

ScreeningQuery QueryOf(const ScreeningParty& party) {
  ScreeningQuery q;
  q.name = party.name;
  q.type = party.type;
  if (party.birth_date) {
    const std::chrono::year_month_day ymd(*party.birth_date);
    PartyBirthDate b;
    b.year = static_cast<int16_t>(static_cast<int>(ymd.year()));
    b.month = static_cast<int8_t>(static_cast<unsigned>(ymd.month()));
    b.day = static_cast<int8_t>(static_cast<unsigned>(ymd.day()));
    q.facts.birth_dates.push_back(b);
  }
  // Lists record nationality (citizenship) for persons and the country of
  // registration for organisations.
  if (!party.citizenship.empty()) {
    q.facts.nationalities.push_back(party.citizenship);
  } else if (!party.country.empty()) {
    q.facts.nationalities.push_back(party.country);
  }
  return q;
}

Result<PartyScreeningReport> ScreenParties(Store& store, const ScreeningIndex& index, ScreeningTools& tools,
                                           const std::map<std::string, int64_t>& versions,
                                           const std::function<void(const ScreeningHit&)>& on_hit, bool progress) {
  PartyScreeningReport report;
  Screener screener(index, *tools.normalizer, tools.scorer, tools.options);
  // The entries the index covers: stored hits on them that are not found
  // again are forgotten.
  std::unordered_set<std::string> covered;
  for (uint32_t e = 0; e < index.entity_count(); ++e) {
    covered.insert(index.entity(e).source + '\x1f' + index.entity(e).entity_id);
  }
  std::unordered_map<uint32_t, std::string> entity_fingerprints;
  std::unordered_set<std::string> found;

  // Parties are collected first, as records: the store's enumeration holds
  // a statement open, and hits are written as they are found. In name
  // order, a name many parties share (common names, one company in several
  // roles) is scored against the lists once (Screener remembers the last
  // name); the hits are handed out in the parties' order after.
  std::vector<std::string> chunks(1);
  std::vector<std::string_view> parties;
  std::string record;
  TRY(store.ForEachScreeningParty([&](const ScreeningParty& p) {
    record.clear();
    AppendParty(p, record);
    if (chunks.back().size() + record.size() > chunks.back().capacity()) {
      chunks.emplace_back();
      chunks.back().reserve(std::max<size_t>(size_t{16} << 20, record.size()));
    }
    const size_t at = chunks.back().size();
    chunks.back().append(record);
    parties.emplace_back(chunks.back().data() + at, record.size());
  }));
  std::stable_sort(parties.begin(), parties.end(),
                   [](std::string_view a, std::string_view b) { return NameOf(a) < NameOf(b); });
  std::vector<ScreeningHit> open;
  TRY(store.Begin());
  Progress bar(progress, "screening", parties.size(), "parties");
  ScreeningQuery query;
  NormalizedName normalized;
  std::string last_name;
  PartyType last_type = PartyType::kUnknown;
  ScreeningParty party;
  for (std::string_view bytes : parties) {
    if (!ReadParty(bytes, party)) return Fail("corrupt party record");
    ++report.parties;
    bar.Update(static_cast<uint64_t>(report.parties), report.parties);
    query = QueryOf(party);
    // The best match per entry over the party's names.
    struct Best {
      ScreeningMatch match;
      std::string explanation;
      std::string name;  // the party's name that matched
    };
    std::map<uint32_t, Best> best;
    std::vector<std::string> names{party.name};
    names.insert(names.end(), party.other_names.begin(), party.other_names.end());
    for (const std::string& name : names) {
      ++report.names;
      if (name != last_name || party.type != last_type) ++report.distinct_names;
      last_name = name;
      last_type = party.type;
      query.name = name;
      for (ScreeningMatch& m : screener.Screen(query, &normalized)) {
        auto it = best.find(m.entity);
        if (it != best.end() && it->second.match.score >= m.score) continue;
        std::string explanation = screener.Explain(normalized, m);
        best[m.entity] = Best{std::move(m), std::move(explanation), name};
      }
    }
    if (best.empty()) continue;
    const std::string party_fingerprint = party.Fingerprint();
    for (auto& [entity_index, match] : best) {
      const SanctionEntity& entity = index.entity(entity_index);
      auto fp = entity_fingerprints.find(entity_index);
      if (fp == entity_fingerprints.end()) fp = entity_fingerprints.emplace(entity_index, EntityFingerprint(entity)).first;
      ScreeningHit hit;
      hit.pair = ScreeningPair{party.kind, party.id, entity.source, entity.entity_id};
      hit.party_fingerprint = party_fingerprint;
      hit.entity_fingerprint = fp->second;
      // As stored (four decimals), so that a hit reads the same now and later.
      hit.score = std::round(static_cast<double>(match.match.score) * 10000) / 10000;
      hit.client_id = party.client_id;
      hit.party_name = match.name;
      hit.matched_name = entity.names[match.match.name].full;
      hit.explanation = match.explanation;
      auto version = versions.find(entity.source);
      hit.list_version = version != versions.end() ? version->second : 0;
      found.insert(PairKey(hit.pair));
      TRY(store.PutScreeningHit(hit));
      hit.decision = TRY(store.LatestDecision(hit.pair));
      if (!hit.Open()) {
        ++report.suppressed;
        continue;
      }
      ++report.open_hits;
      open.push_back(std::move(hit));
    }
  }
  bar.Done(report.parties);
  for (const ScreeningHit& stored : TRY(store.ScreeningHits())) {
    if (!covered.count(stored.pair.source + '\x1f' + stored.pair.entity_id)) continue;
    if (found.count(PairKey(stored.pair))) continue;
    TRY(store.RemoveScreeningHit(stored.pair));
    ++report.removed;
  }
  TRY(store.Commit());
  std::sort(open.begin(), open.end(), [](const ScreeningHit& a, const ScreeningHit& b) {
    return std::tie(a.pair.party_kind, a.pair.party_id, a.pair.source, a.pair.entity_id) <
           std::tie(b.pair.party_kind, b.pair.party_id, b.pair.source, b.pair.entity_id);
  });
  for (const ScreeningHit& h : open) on_hit(h);
  return report;
}

Result<ListLoadReport> LoadList(Store& store, const std::string& source, const std::vector<std::string>& files,
                                ScreeningTools& tools, const std::function<void(const ScreeningHit&)>& on_hit,
                                bool progress) {
  SanctionList list = TRY(ParseSanctionList(source, files));
  ListLoadReport report;
  report.update = TRY(store.StoreListVersion(list, files));
  // Only what can change a screening result is screened again: entries
  // added, and entries whose names, dates, nationalities, identifiers,
  // programmes or type changed.
  std::set<std::string> screen;
  for (const std::string& id : report.update.diff.added) screen.insert(id);
  for (const ChangedEntity& c : report.update.diff.changed) {
    if (c.AffectsScreening()) screen.insert(c.entity_id);
  }
  SanctionList changed;
  changed.source = list.source;
  changed.version = list.version;
  for (SanctionEntity& e : list.entities) {
    if (screen.count(e.entity_id)) changed.entities.push_back(std::move(e));
  }
  report.entries_screened = static_cast<int64_t>(changed.entities.size());
  if (changed.entities.empty()) return report;
  std::vector<SanctionList> lists;
  lists.push_back(std::move(changed));
  auto index = TRY(ScreeningIndex::Build(std::move(lists), *tools.normalizer));
  const std::map<std::string, int64_t> versions{{source, report.update.version.version_no}};
  report.screening = TRY(ScreenParties(store, *index, tools, versions, on_hit, progress));
  return report;
}

}  // namespace sargs
