#include "model/client.h"
#include "model/transaction.h"

namespace sargs {

const char* ToString(ClientType t) { return t == ClientType::kNatural ? "natural" : "legal"; }

const char* ToString(PepStatus p) {
  switch (p) {
    case PepStatus::kNone: return "none";
    case PepStatus::kPep: return "pep";
    case PepStatus::kFamily: return "family";
    case PepStatus::kAssociate: return "associate";
  }
  return "?";
}

const char* ToString(PersonRole r) {
  switch (r) {
    case PersonRole::kUbo: return "ubo";
    case PersonRole::kRepresentative: return "representative";
    case PersonRole::kAuthorised: return "authorised";
    case PersonRole::kCardUser: return "card_user";
  }
  return "?";
}

const char* ToString(LinkParty p) {
  switch (p) {
    case LinkParty::kClient: return "client";
    case LinkParty::kUbo: return "ubo";
    case LinkParty::kMainCounterparty: return "main_counterparty";
  }
  return "?";
}

const char* ToString(ReviewKind k) {
  switch (k) {
    case ReviewKind::kEddCompleted: return "edd_completed";
    case ReviewKind::kCddCompleted: return "cdd_completed";
    case ReviewKind::kExtension: return "extension";
  }
  return "?";
}

const char* ToString(Onboarding o) {
  switch (o) {
    case Onboarding::kUnknown: return "";
    case Onboarding::kInPerson: return "in_person";
    case Onboarding::kRemote: return "remote";
  }
  return "?";
}

std::string ActivitiesToString(uint8_t activities) {
  static constexpr std::pair<Activity, const char*> kNames[] = {
      {kGambling, "gambling"}, {kCashInTransit, "cash_in_transit"},
      {kPreciousGoods, "precious_goods"}, {kArms, "arms"}};
  std::string out;
  for (auto [bit, name] : kNames) {
    if (activities & bit) {
      if (!out.empty()) out += ';';
      out += name;
    }
  }
  return out;
}

const char* ToString(Direction d) { return d == Direction::kCredit ? "credit" : "debit"; }

const char* ToString(Channel c) {
  switch (c) {
    case Channel::kTransfer: return "transfer";
    case Channel::kCash: return "cash";
    case Channel::kCard: return "card";
    case Channel::kAtm: return "atm";
    case Channel::kInternal: return "internal";
    case Channel::kOther: return "other";
  }
  return "?";
}

}  // namespace sargs
