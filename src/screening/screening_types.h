// The values of sanctions screening that outlive a run: list versions and
// their differences, the parties screened, and the hits and the analysts'
// decisions on them. The Store keeps them (storage/sanction_store.cc); the
// screening use cases (app/screening.h) make them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "screening/list_diff.h"
#include "screening/name_normalizer.h"
#include "screening/sanction_list.h"

namespace sargs {

// One stored version of a sanctions list (a row of sanction_lists), with
// the size of its difference from the version before it.
struct ListVersionInfo {
  std::string source;      // "eu", "un", "ofac", "lv"
  int64_t version_no = 0;  // 1, 2, ... per source; the highest is in force
  std::string version_label;  // the publication date the list states ("" when none)
  std::string loaded_at;      // UTC, ISO 8601
  std::vector<std::string> files;
  int64_t entity_count = 0;
  int64_t added = 0, removed = 0, changed = 0;
};

struct ListUpdate {
  ListVersionInfo version;
  ListDiff diff;  // against the version in force before
};

// Who is screened. Authorised persons and card users are screened as well
// as UBOs and representatives: they can move the client's money.
enum class PartyKind : uint8_t { kClient, kUbo, kRepresentative, kAuthorised, kCardUser, kCounterparty };
const char* ToString(PartyKind k);  // "client", "ubo", ..., "counterparty"
std::optional<PartyKind> ParsePartyKind(std::string_view text);
const char* ToString(PartyType t);  // "person", "organisation", "unknown"

// A party as screening sees it.
struct ScreeningParty {
  PartyKind kind = PartyKind::kClient;
  // Client id; person id; for a counterparty "id:" + its id, else
  // "account:" + account + "|name:" + name, else "name:" + name (the
  // prefixes keep the three apart).
  std::string id;
  // The client (for a counterparty: the client of its latest transaction).
  std::string client_id;
  std::string name;
  // A counterparty's other spellings under the same id, sorted.
  std::vector<std::string> other_names;
  std::optional<Date> birth_date;
  std::string country;      // residence, registration, or the counterparty's
  std::string citizenship;  // persons only
  PartyType type = PartyType::kUnknown;

  // A stable hash of what screening reads (names, birth date, countries,
  // type): a decision made on other data is not a decision on this.
  std::string Fingerprint() const;
};

// The party and list entry a hit or decision is about.
struct ScreeningPair {
  PartyKind party_kind = PartyKind::kClient;
  std::string party_id;
  std::string source;
  std::string entity_id;
};

enum class ScreeningVerdict : uint8_t { kTrueMatch, kFalsePositive };
const char* ToString(ScreeningVerdict v);  // "true_match", "false_positive"

// An analyst's decision on a hit, with the fingerprints of the party and the
// entry as they were when it was made.
struct ScreeningDecision {
  int64_t id = 0;  // set by the store
  ScreeningPair pair;
  std::string party_fingerprint;
  std::string entity_fingerprint;
  ScreeningVerdict verdict = ScreeningVerdict::kFalsePositive;
  std::string note;
  std::string analyst;
  std::string decided_at;  // UTC, ISO 8601; the store's clock when empty

  // A false positive keeps a hit from being raised again only while neither
  // the party nor the list entry has changed.
  bool Suppresses(std::string_view party_fp, std::string_view entity_fp) const {
    return verdict == ScreeningVerdict::kFalsePositive && party_fp == party_fingerprint &&
           entity_fp == entity_fingerprint;
  }
};

// The latest result of screening one party against one list entry. Hits
// are kept because list updates re-screen only the added and changed
// entries: without them, the hits found against unchanged entries would be
// forgotten at the next update.
struct ScreeningHit {
  ScreeningPair pair;
  std::string party_fingerprint;
  std::string entity_fingerprint;
  double score = 0;  // the matcher's [0, 1]; stored to four decimals
  std::string party_name;    // the name that matched
  std::string matched_name;  // the list's name that matched
  std::string explanation;
  int64_t list_version = 0;  // the version of the list it was found in
  std::string found_at;      // UTC, ISO 8601; the store's clock when empty
  std::string client_id;     // the party's client (a counterparty's: of its latest transaction)
  // Filled by ScreeningHits: the newest decision on the pair, if any.
  std::optional<ScreeningDecision> decision;

  // Open: no decision, or a false positive made on other data.
  bool Open() const {
    return !decision || (decision->verdict == ScreeningVerdict::kFalsePositive &&
                         !decision->Suppresses(party_fingerprint, entity_fingerprint));
  }
};

}  // namespace sargs
