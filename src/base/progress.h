// A one-line progress bar on standard error, for long work on a terminal
// (imports, scoring a portfolio). Callers decide whether it is shown: on a
// pipe or in a log it would only add noise.
#pragma once

#include <cstdint>
#include <string>

namespace sargs {

class Progress {
 public:
  // `total` is in the caller's unit (bytes of a file, clients); 0 hides the bar.
  // `unit` names what `items` counts ("rows", "clients").
  Progress(bool enabled, std::string label, uint64_t total, std::string unit);
  // Redraws only when the whole percentage changes, so calling it per row is cheap.
  void Update(uint64_t done, int64_t items);
  void Done(int64_t items);

 private:
  bool enabled_;
  std::string label_;
  uint64_t total_;
  std::string unit_;
  int last_percent_ = -1;
};

}  // namespace sargs
