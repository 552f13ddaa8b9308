#include "monitoring/alert.h"

namespace sargs {

const char* ToString(AlertStatus s) {
  switch (s) {
    case AlertStatus::kOpen: return "open";
    case AlertStatus::kConfirmed: return "confirmed";
    case AlertStatus::kDismissed: return "dismissed";
  }
  return "?";
}

std::string Alert::TxIdList() const {
  std::string out;
  for (const std::string& id : tx_ids) out += (out.empty() ? "" : ";") + id;
  return out;
}

}  // namespace sargs
