#include "app/duplicate_finder.h"

#include "base/hash_order.h"

#include <algorithm>
#include <functional>
#include <tuple>

namespace sargs {

void DuplicateFinder::Add(int space, std::string_view key, const Where& where) {
  key = key.substr(0, 0xffff);  // (and so fits the 24 bits of Entry::text)
  if (text_.empty() || text_.back().size() + key.size() > kTextChunk) {
    text_size_ = text_.size() * kTextChunk;
    text_.emplace_back().reserve(kTextChunk);
  }
  uint64_t offset = text_size_ + text_.back().size();
  text_.back().insert(text_.back().end(), key.begin(), key.end());
  if (size_ % kEntryChunk == 0) entries_.emplace_back().reserve(kEntryChunk);
  uint64_t hash = std::hash<std::string_view>()(key) ^ (static_cast<uint64_t>(space) * 0x9e3779b97f4a7c15ULL);
  entries_.back().push_back(Entry{hash, offset << 24 | key.size(), static_cast<uint32_t>(where.line),
                                  static_cast<uint32_t>(where.column), static_cast<uint16_t>(where.file),
                                  static_cast<uint8_t>(where.field), static_cast<uint8_t>(space)});
  ++size_;
}

std::vector<DuplicateFinder::Duplicate> DuplicateFinder::Find() const {
  std::vector<uint32_t> order = OrderByHash(size_, [&](size_t i) { return At(i).hash; });
  std::vector<Duplicate> out;
  // Within a run of equal hashes, an entry repeats the first earlier one
  // with the same space and text (equal hashes with different text are
  // different keys).
  for (size_t run = 0, run_end = 0; run < order.size(); run = run_end) {
    while (run_end < order.size() && At(order[run_end]).hash == At(order[run]).hash) ++run_end;
    // The first occurrence is the earliest in reading order, whatever the
    // order the keys were added in.
    std::sort(order.begin() + static_cast<std::ptrdiff_t>(run), order.begin() + static_cast<std::ptrdiff_t>(run_end),
              [&](uint32_t a, uint32_t b) {
                const Entry &x = At(a), &y = At(b);
                return std::tie(x.file, x.line, x.column) < std::tie(y.file, y.line, y.column);
              });
    for (size_t k = run + 1; k < run_end; ++k) {
      const Entry& e = At(order[k]);
      for (size_t j = run; j < k; ++j) {
        const Entry& f = At(order[j]);
        if (f.space != e.space || Text(f) != Text(e)) continue;
        out.push_back(Duplicate{e.space, std::string(Text(e)), WhereOf(e), WhereOf(f)});
        break;
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const Duplicate& a, const Duplicate& b) {
    return std::tie(a.at.file, a.at.line, a.at.column) < std::tie(b.at.file, b.at.line, b.at.column);
  });
  return out;
}

}  // namespace sargs
