#include "base/progress.h"

#include <algorithm>
#include <cstdio>

namespace sargs {

Progress::Progress(bool enabled, std::string label, uint64_t total, std::string unit)
    : enabled_(enabled && total > 0), label_(std::move(label)), total_(total), unit_(std::move(unit)) {}

void Progress::Update(uint64_t done, int64_t items) {
  if (!enabled_) return;
  int percent = static_cast<int>(std::min<uint64_t>(done, total_) * 100 / total_);
  if (percent == last_percent_) return;
  last_percent_ = percent;
  int filled = percent / 4;
  std::fprintf(stderr, "\r%-40.40s [%.*s%*s] %3d%% %lld %s", label_.c_str(), filled, "#########################",
               25 - filled, "", percent, static_cast<long long>(items), unit_.c_str());
  std::fflush(stderr);
}

void Progress::Done(int64_t items) {
  if (!enabled_) return;
  last_percent_ = -1;
  Update(total_, items);
  std::fprintf(stderr, "\n");
}

}  // namespace sargs
