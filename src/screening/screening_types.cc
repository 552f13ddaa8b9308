#include "screening/screening_types.h"

#include <algorithm>

namespace sargs {

const char* ToString(PartyKind k) {
  switch (k) {
    case PartyKind::kClient:
      return "client";
    case PartyKind::kUbo:
      return "ubo";
    case PartyKind::kRepresentative:
      return "representative";
    case PartyKind::kAuthorised:
      return "authorised";
    case PartyKind::kCardUser:
      return "card_user";
    case PartyKind::kCounterparty:
      return "counterparty";
  }
  return "client";
}

std::optional<PartyKind> ParsePartyKind(std::string_view text) {
  for (PartyKind k : {PartyKind::kClient, PartyKind::kUbo, PartyKind::kRepresentative, PartyKind::kAuthorised,
                      PartyKind::kCardUser, PartyKind::kCounterparty}) {
    if (text == ToString(k)) return k;
  }
  return std::nullopt;
}

const char* ToString(PartyType t) {
  switch (t) {
    case PartyType::kPerson:
      return "person";
    case PartyType::kOrganisation:
      return "organisation";
    case PartyType::kUnknown:
      return "unknown";
  }
  return "unknown";
}

const char* ToString(ScreeningVerdict v) {
  return v == ScreeningVerdict::kTrueMatch ? "true_match" : "false_positive";
}

std::string ScreeningParty::Fingerprint() const {
  // Length-prefixed fields (see list_diff.cc); the kind and id are not
  // content: they are the key the fingerprint is stored under.
  std::string bytes;
  auto field = [&](std::string_view s) {
    bytes += std::to_string(s.size());
    bytes += ':';
    bytes += s;
  };
  field(CollapseWhitespace(name));
  std::vector<std::string> others;
  for (const std::string& n : other_names) others.push_back(CollapseWhitespace(n));
  std::sort(others.begin(), others.end());
  for (const std::string& n : others) field(n);
  field(birth_date ? FormatDate(*birth_date) : "");
  field(country);
  field(citizenship);
  field(ToString(type));
  return StableFingerprint(bytes);
}

}  // namespace sargs
