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

}  // namespace sargs
