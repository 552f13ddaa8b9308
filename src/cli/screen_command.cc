// `sargs lists` (load and show versions of the sanctions lists), `sargs
// screen` (one name, or every stored party) and `sargs hits` (list and
// decide the stored hits).
#include <cstdio>
#include <cstdlib>

#include <unistd.h>

#include "app/screening.h"
#include "base/csv.h"
#include "base/json.h"
#include "cli/commands.h"

namespace sargs::cli {
namespace {

constexpr const char* kHitColumns =
    "party_id,party_name,list,entity_id,matched_name,score,explanation,party_kind,client_id,status";

std::string Score(double score) {
  char text[16];
  std::snprintf(text, sizeof text, "%.3f", score);
  return text;
}

// A hit as printed: the stored kind, or a one-name query's (no party).
struct HitRow {
  std::string party_kind, party_id, client_id, party_name, list, entity_id, matched_name, explanation, status;
  double score = 0;
};

HitRow RowOf(const ScreeningHit& h) {
  std::string status = "open";
  if (h.decision) {
    status = h.Open() ? "open (decided " + std::string(ToString(h.decision->verdict)) + " on other data)"
                      : ToString(h.decision->verdict);
  }
  return HitRow{ToString(h.pair.party_kind), h.pair.party_id, h.client_id,   h.party_name, h.pair.source,
                h.pair.entity_id,            h.matched_name,    h.explanation, status,      h.score};
}

void PrintHeader(const std::string& format) {
  if (format == "csv") std::printf("%s\n", kHitColumns);
}

void PrintHit(const HitRow& r, const std::string& format) {
  if (format == "csv") {
    std::printf("%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", CsvEscape(r.party_id).c_str(), CsvEscape(r.party_name).c_str(),
                r.list.c_str(), CsvEscape(r.entity_id).c_str(), CsvEscape(r.matched_name).c_str(),
                Score(r.score).c_str(), CsvEscape(r.explanation).c_str(), r.party_kind.c_str(),
                CsvEscape(r.client_id).c_str(), CsvEscape(r.status).c_str());
  } else if (format == "json") {
    JsonWriter w;
    w.BeginObject().Key("party_id").String(r.party_id).Key("party_name").String(r.party_name);
    w.Key("list").String(r.list).Key("entity_id").String(r.entity_id).Key("matched_name").String(r.matched_name);
    w.Key("score").Raw(Score(r.score)).Key("explanation").String(r.explanation);
    w.Key("party_kind").String(r.party_kind).Key("client_id").String(r.client_id).Key("status").String(r.status);
    w.EndObject();
    std::printf("%s\n", w.str().c_str());
  } else {
    std::printf("%-5s %-4s %-12s %s  %s%s%s ~ %s\n      %s\n", Score(r.score).c_str(), r.list.c_str(),
                r.entity_id.c_str(), r.party_kind.c_str(), r.party_id.empty() ? "" : (r.party_id + " ").c_str(),
                r.party_name.c_str(), r.status == "open" || r.status.empty() ? "" : (" [" + r.status + "]").c_str(),
                r.matched_name.c_str(), r.explanation.c_str());
  }
}

Result<std::optional<PartyBirthDate>> BirthDateFlag(const std::string& text) {
  if (text.empty()) return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (!ParsePartialIsoDate(text, y, m, d) || !IsValidPartialDate(y, m, d)) {
    return Fail(Location{}, "--birth-date", "'" + text + "' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
  }
  PartyBirthDate b;
  b.year = static_cast<int16_t>(y);
  b.month = static_cast<int8_t>(m);
  b.day = static_cast<int8_t>(d);
  return b;
}

struct ScreenFlags {
  std::string db, name, birth_date, country, type, format = "table";
  double threshold = kDefaultScreeningThreshold;
  bool all = false;
};

Result<int> RunScreen(const ScreenFlags& f) {
  if (f.all == !f.name.empty()) {
    return Fail(Location{}, "--name", "give either --name TEXT (one query) or --all (every stored party)");
  }
  if (f.all && (!f.birth_date.empty() || !f.country.empty() || !f.type.empty())) {
    return Fail(Location{}, "--all", "--birth-date, --country and --type describe a --name query");
  }
  if (!(f.threshold > 0 && f.threshold <= 1)) {
    return Fail(Location{}, "--threshold", "must be above 0 and at most 1");
  }
  ScreenerOptions options;
  options.threshold = static_cast<float>(f.threshold);
  ScreeningQuery query;
  query.name = f.name;
  if (auto b = TRY(BirthDateFlag(f.birth_date))) query.facts.birth_dates.push_back(*b);
  if (!f.country.empty()) {
    if (!ShippedReference().Country(f.country)) {
      return Fail(Location{}, "--country", "unknown country code '" + f.country + "' (ISO 3166 alpha-2, e.g. LV)");
    }
    query.facts.nationalities.push_back(f.country);
  }
  if (f.type == "person") query.type = PartyType::kPerson;
  if (f.type == "organisation") query.type = PartyType::kOrganisation;

  Store store = TRY(Store::Open(f.db));
  ScreeningTools tools = TRY(ScreeningTools::Create(options));
  std::map<std::string, int64_t> versions;
  auto index = TRY(IndexListsInForce(store, *tools.normalizer, &versions));
  if (index->entity_count() == 0) {
    return Fail(Location{}, "--db", "no sanctions list is loaded: sargs lists load --db DB --source un FILE");
  }
  PrintHeader(f.format);
  int64_t shown = 0;
  if (!f.all) {
    Screener screener(*index, *tools.normalizer, tools.scorer, options);
    NormalizedName normalized;
    for (const ScreeningMatch& m : screener.Screen(query, &normalized)) {
      const SanctionEntity& e = index->entity(m.entity);
      PrintHit(HitRow{"query", "", "", f.name, e.source, e.entity_id, e.names[m.name].full,
                      screener.Explain(normalized, m), "", m.score},
               f.format);
      ++shown;
    }
    if (shown == 0 && f.format == "table") std::printf("no hits at threshold %.2f\n", f.threshold);
    return kExitOk;
  }
  const bool progress = ::isatty(STDERR_FILENO);
  auto report = TRY(ScreenParties(
      store, *index, tools, versions,
      [&](const ScreeningHit& h) {
        PrintHit(RowOf(h), f.format);
        ++shown;
      },
      progress));
  if (shown == 0 && f.format == "table") std::printf("no open hits\n");
  std::fprintf(stderr,
               "%lld parties (%lld names, %lld distinct) screened against %zu list entries: %lld open hits, %lld kept "
               "quiet by false-positive decisions, %lld earlier hits no longer match\n",
               static_cast<long long>(report.parties), static_cast<long long>(report.names),
               static_cast<long long>(report.distinct_names), index->entity_count(),
               static_cast<long long>(report.open_hits), static_cast<long long>(report.suppressed),
               static_cast<long long>(report.removed));
  return kExitOk;
}

}  // namespace

void RegisterLists(CLI::App& app, Outcome& out) {
  CLI::App* cmd = app.add_subcommand("lists", "Load sanctions lists (EU, UN, OFAC, Latvian) and show their versions");
  cmd->require_subcommand(1);

  struct LoadFlags {
    std::string db, source, format = "table";
    std::vector<std::string> files;
  };
  auto load = std::make_shared<LoadFlags>();
  CLI::App* load_cmd = cmd->add_subcommand(
      "load", "Store a new version of a list and screen every stored party against what it added or changed");
  load_cmd->add_option("--db", load->db, "SQLite database")->required();
  load_cmd->add_option("--source", load->source, "eu, un, ofac or lv")
      ->required()
      ->check(CLI::IsMember({"eu", "un", "ofac", "lv"}));
  load_cmd->add_option("files", load->files,
                       "The list's file (EU FSF XML, UN XML, LV XML; OFAC sdn.csv [alt.csv add.csv] or sdn.xml)")
      ->required();
  load_cmd->add_option("--format", load->format, "table (default), csv or json: the new hits")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  load_cmd->callback([load, &out] {
    auto run = [&]() -> Result<int> {
      Store store = TRY(Store::Open(load->db));
      ScreeningTools tools = TRY(ScreeningTools::Create());
      PrintHeader(load->format);
      auto report = TRY(LoadList(
          store, load->source, load->files, tools,
          [&](const ScreeningHit& h) { PrintHit(RowOf(h), load->format); }, ::isatty(STDERR_FILENO)));
      const ListVersionInfo& v = report.update.version;
      std::fprintf(stderr,
                   "%s list version %lld%s: %lld entries, %zu added, %zu removed, %zu changed; %lld parties screened "
                   "against %lld added or changed entries: %lld open hits\n",
                   v.source.c_str(), static_cast<long long>(v.version_no),
                   v.version_label.empty() ? "" : (" (" + v.version_label + ")").c_str(),
                   static_cast<long long>(v.entity_count), report.update.diff.added.size(),
                   report.update.diff.removed.size(), report.update.diff.changed.size(),
                   static_cast<long long>(report.screening.parties), static_cast<long long>(report.entries_screened),
                   static_cast<long long>(report.screening.open_hits));
      return kExitOk;
    };
    auto code = run();
    out.code = code ? *code : Report(code.error(), kExitBadInput);
  });

  struct VersionsFlags {
    std::string db, source;
  };
  auto versions = std::make_shared<VersionsFlags>();
  CLI::App* versions_cmd = cmd->add_subcommand("versions", "The stored versions of the lists");
  versions_cmd->add_option("--db", versions->db, "SQLite database")->required();
  versions_cmd->add_option("--source", versions->source, "eu, un, ofac or lv (default: all)")
      ->check(CLI::IsMember({"eu", "un", "ofac", "lv"}));
  versions_cmd->callback([versions, &out] {
    auto run = [&]() -> Result<int> {
      Store store = TRY(Store::Open(versions->db));
      std::printf("source,version,label,loaded_at,entries,added,removed,changed,files\n");
      for (const char* source : {"eu", "un", "ofac", "lv"}) {
        if (!versions->source.empty() && versions->source != source) continue;
        for (const ListVersionInfo& v : TRY(store.ListVersions(source))) {
          std::string files;
          for (const std::string& f : v.files) files += (files.empty() ? "" : ";") + f;
          std::printf("%s,%lld,%s,%s,%lld,%lld,%lld,%lld,%s\n", v.source.c_str(),
                      static_cast<long long>(v.version_no), CsvEscape(v.version_label).c_str(), v.loaded_at.c_str(),
                      static_cast<long long>(v.entity_count), static_cast<long long>(v.added),
                      static_cast<long long>(v.removed), static_cast<long long>(v.changed), CsvEscape(files).c_str());
        }
      }
      return kExitOk;
    };
    auto code = run();
    out.code = code ? *code : Report(code.error(), kExitFailure);
  });
}

void RegisterScreen(CLI::App& app, Outcome& out) {
  auto flags = std::make_shared<ScreenFlags>();
  CLI::App* cmd = app.add_subcommand("screen", "Screen a name, or every stored party, against the sanctions lists");
  cmd->add_option("--db", flags->db, "SQLite database (its lists in force)")->required();
  cmd->add_option("--name", flags->name, "The name to screen");
  cmd->add_option("--birth-date", flags->birth_date, "Of the --name: YYYY-MM-DD, YYYY-MM or YYYY");
  cmd->add_option("--country", flags->country, "Of the --name: nationality or country of registration (ISO alpha-2)");
  cmd->add_option("--type", flags->type, "Of the --name: person or organisation (default: either)")
      ->check(CLI::IsMember({"person", "organisation"}));
  cmd->add_flag("--all", flags->all, "Screen every stored client, UBO, representative, authorised person, card user "
                                     "and counterparty, and store the hits");
  cmd->add_option("--threshold", flags->threshold, "Report scores at or above (default: 0.75)");
  cmd->add_option("--format", flags->format, "table (default), csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  cmd->callback([flags, &out] {
    auto code = RunScreen(*flags);
    out.code = code ? *code
                    : Report(code.error(), code.error().field.rfind("--", 0) == 0 ? kExitBadInput : kExitFailure);
  });
}

void RegisterHits(CLI::App& app, Outcome& out) {
  CLI::App* cmd = app.add_subcommand("hits", "List and decide the stored screening hits");
  cmd->require_subcommand(1);

  struct ListFlags {
    std::string db, status = "open", format = "table";
  };
  auto list = std::make_shared<ListFlags>();
  CLI::App* list_cmd = cmd->add_subcommand("list", "The stored hits (default: the open ones)");
  list_cmd->add_option("--db", list->db, "SQLite database")->required();
  list_cmd->add_option("--status", list->status, "open (default), decided or all")
      ->check(CLI::IsMember({"open", "decided", "all"}));
  list_cmd->add_option("--format", list->format, "table (default), csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  list_cmd->callback([list, &out] {
    auto run = [&]() -> Result<int> {
      Store store = TRY(Store::Open(list->db));
      PrintHeader(list->format);
      int64_t shown = 0;
      for (const ScreeningHit& h : TRY(store.ScreeningHits())) {
        if (list->status == "open" && !h.Open()) continue;
        if (list->status == "decided" && h.Open()) continue;
        PrintHit(RowOf(h), list->format);
        ++shown;
      }
      if (shown == 0 && list->format == "table") std::printf("no hits\n");
      return kExitOk;
    };
    auto code = run();
    out.code = code ? *code : Report(code.error(), kExitFailure);
  });

  struct DecideFlags {
    std::string db, party_kind = "client", party, list, entity, decision, note, analyst;
  };
  auto decide = std::make_shared<DecideFlags>();
  CLI::App* decide_cmd = cmd->add_subcommand(
      "decide", "Record a decision on a hit: true_match, or false_positive (not raised again until either side changes)");
  decide_cmd->add_option("--db", decide->db, "SQLite database")->required();
  decide_cmd->add_option("--party-kind", decide->party_kind,
                         "client (default), ubo, representative, authorised, card_user or counterparty")
      ->check(CLI::IsMember({"client", "ubo", "representative", "authorised", "card_user", "counterparty"}));
  decide_cmd->add_option("--party", decide->party, "The party's id, as `hits list` shows it")->required();
  decide_cmd->add_option("--list", decide->list, "eu, un, ofac or lv")
      ->required()
      ->check(CLI::IsMember({"eu", "un", "ofac", "lv"}));
  decide_cmd->add_option("--entity", decide->entity, "The list's id of the entry")->required();
  decide_cmd->add_option("--decision", decide->decision, "true_match or false_positive")
      ->required()
      ->check(CLI::IsMember({"true_match", "false_positive"}));
  decide_cmd->add_option("--note", decide->note, "Why (required for a false positive)");
  decide_cmd->add_option("--analyst", decide->analyst, "Who decides (default: $USER)");
  decide_cmd->callback([decide, &out] {
    auto run = [&]() -> Result<int> {
      std::string analyst = decide->analyst;
      if (analyst.empty() && std::getenv("USER")) analyst = std::getenv("USER");
      if (analyst.empty()) return Fail(Location{}, "--analyst", "say who decides (--analyst NAME)");
      Store store = TRY(Store::Open(decide->db));
      ScreeningPair pair{*ParsePartyKind(decide->party_kind), decide->party, decide->list, decide->entity};
      std::optional<ScreeningHit> hit;
      for (ScreeningHit& h : TRY(store.ScreeningHits())) {
        if (h.pair.party_kind == pair.party_kind && h.pair.party_id == pair.party_id && h.pair.source == pair.source &&
            h.pair.entity_id == pair.entity_id) {
          hit = std::move(h);
        }
      }
      if (!hit) {
        return Fail(Location{}, "--entity",
                    "no stored hit of " + decide->party_kind + " " + decide->party + " on " + decide->list + " " +
                        decide->entity + " (sargs hits list --status all)");
      }
      ScreeningDecision d;
      d.pair = pair;
      d.party_fingerprint = hit->party_fingerprint;
      d.entity_fingerprint = hit->entity_fingerprint;
      d.verdict = decide->decision == "true_match" ? ScreeningVerdict::kTrueMatch : ScreeningVerdict::kFalsePositive;
      d.note = decide->note;
      d.analyst = analyst;
      TRY(store.PutScreeningDecision(d));
      std::printf("%s %s on %s %s: %s by %s\n", decide->party_kind.c_str(), decide->party.c_str(),
                  decide->list.c_str(), decide->entity.c_str(), decide->decision.c_str(), analyst.c_str());
      return kExitOk;
    };
    auto code = run();
    out.code = code ? *code : Report(code.error(), kExitBadInput);
  });
}

}  // namespace sargs::cli
