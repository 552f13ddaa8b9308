// A booked account transaction, as imported.
#pragma once

#include <cstdint>
#include <string>

#include "base/date.h"
#include "base/money.h"

namespace sargs {

enum class Direction : uint8_t { kCredit, kDebit };
enum class Channel : uint8_t { kTransfer, kCash, kCard, kAtm, kInternal, kOther };

struct Transaction {
  std::string id;
  std::string account_id;
  std::string client_id;
  BookingTime booked;
  Direction direction = Direction::kCredit;
  Money amount;  // EUR equivalent, > 0
  std::string currency;
  Channel channel = Channel::kTransfer;
  std::string counterparty_id;
  std::string counterparty_name;
  std::string counterparty_account;
  std::string counterparty_country;
  std::string purpose;
  std::string ip;
  std::string atm_id;
  std::string device_id;
};

const char* ToString(Direction d);
const char* ToString(Channel c);

}  // namespace sargs
