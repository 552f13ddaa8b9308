// The data Sargs keeps about an institution's clients: plain structs, no
// behaviour. They mirror the import formats documented in docs/formats.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/money.h"

namespace sargs {

enum class ClientType : uint8_t { kNatural, kLegal };
enum class PepStatus : uint8_t { kNone, kPep, kFamily, kAssociate };
enum class Onboarding : uint8_t { kUnknown, kInPerson, kRemote };

// Activities named by annex 1 factors 8-11, as a bit set.
enum Activity : uint8_t {
  kGambling = 1,
  kCashInTransit = 2,
  kPreciousGoods = 4,
  kArms = 8,
};

struct Client {
  std::string id;
  ClientType type = ClientType::kNatural;
  std::string name;
  std::optional<Date> birth_date;
  std::string registration_number;
  std::string country;  // residence (natural) or registration (legal), ISO 3166 alpha-2
  Date relationship_start;
  PepStatus pep = PepStatus::kNone;
  std::string legal_form;
  std::string nace;
  uint8_t activities = 0;  // Activity bits
  bool activity_linked_to_latvia = true;
  bool reputable_foreign_group = false;
  bool private_banking = false;
  std::optional<Money> planned_monthly_credit_turnover;
  std::optional<Money> planned_annual_credit_turnover;
  std::optional<Money> transaction_limit;
  Onboarding onboarding = Onboarding::kUnknown;
  // Cash is usual in the client's business although its NACE code is not
  // one of the cash-intensive ones (a documented exemption): A2.21 does not
  // apply.
  bool cash_typical = false;
};

enum class PersonRole : uint8_t { kUbo, kRepresentative, kAuthorised, kCardUser };

// A natural person connected to a client: beneficial owner, representative,
// authorised person or card user.
struct Person {
  std::string id;
  std::string client_id;
  PersonRole role = PersonRole::kUbo;
  std::string name;
  std::optional<Date> birth_date;
  std::string country;
  std::string citizenship;
  PepStatus pep = PepStatus::kNone;
};

struct Account {
  std::string id;
  std::string client_id;
  Date opened_on;
  std::string currency;
};

// An analyst's finding that a factor applies to a client (factors that need
// judgement, or a confirmed monitoring alert).
struct Fact {
  std::string client_id;
  std::string factor;  // "A1.1", "A2.93", "A3.19"
  Date observed_on;
  std::optional<Date> expires_on;  // the finding no longer applies from this day
  std::string note;
  std::string author;
};

enum class LinkParty : uint8_t { kClient, kUbo, kMainCounterparty };

// A country connection known outside the client record (a second residence,
// a UBO's other citizenship, a counterparty known from documents).
struct CountryLink {
  std::string client_id;
  LinkParty party = LinkParty::kClient;
  std::string country;
  std::string reason;
};

enum class ReviewKind : uint8_t { kEddCompleted, kCddCompleted, kExtension };

// A completed due-diligence review, or a documented deadline extension.
struct Review {
  std::string client_id;
  ReviewKind kind = ReviewKind::kEddCompleted;
  Date on;
  int extension_business_days = 0;  // kExtension only
  std::string author;
  std::string note;
};

const char* ToString(ClientType t);
const char* ToString(PepStatus p);
const char* ToString(PersonRole r);
const char* ToString(LinkParty p);
const char* ToString(ReviewKind k);
const char* ToString(Onboarding o);
std::string ActivitiesToString(uint8_t activities);  // "gambling;arms"

}  // namespace sargs
