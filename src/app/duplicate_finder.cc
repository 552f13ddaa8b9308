#include "app/duplicate_finder.h"

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
  // Sort positions by hash: a counting sort on the top 16 bits, then each
  // bucket's few entries (reading order breaks ties).
  constexpr int kShift = 48;
  std::vector<uint32_t> next((size_t{1} << (64 - kShift)) + 1, 0);
  for (size_t i = 0; i < size_; ++i) ++next[(At(i).hash >> kShift) + 1];
  for (size_t b = 1; b < next.size(); ++b) next[b] += next[b - 1];
  std::vector<uint32_t> order(size_);
  for (uint32_t i = 0; i < size_; ++i) order[next[At(i).hash >> kShift]++] = i;
  auto key = [&](uint32_t i) {
    const Entry& e = At(i);
    return std::make_tuple(e.hash, e.file, e.line, e.column);
  };
  std::vector<Duplicate> out;
  for (size_t i = 0; i < order.size();) {
    size_t end = i + 1;
    const uint64_t bucket = At(order[i]).hash >> kShift;
    while (end < order.size() && At(order[end]).hash >> kShift == bucket) ++end;
    std::sort(order.begin() + static_cast<std::ptrdiff_t>(i), order.begin() + static_cast<std::ptrdiff_t>(end),
              [&](uint32_t a, uint32_t b) { return key(a) < key(b); });
    // Within a run of equal hashes, an entry repeats the first earlier one
    // with the same space and text (equal hashes with different text are
    // different keys).
    for (size_t run = i; run < end;) {
      size_t run_end = run + 1;
      while (run_end < end && At(order[run_end]).hash == At(order[run]).hash) ++run_end;
      for (size_t k = run + 1; k < run_end; ++k) {
        const Entry& e = At(order[k]);
        for (size_t j = run; j < k; ++j) {
          const Entry& f = At(order[j]);
          if (f.space != e.space || Text(f) != Text(e)) continue;
          out.push_back(Duplicate{e.space, std::string(Text(e)), WhereOf(e), WhereOf(f)});
          break;
        }
      }
      run = run_end;
    }
    i = end;
  }
  std::sort(out.begin(), out.end(), [](const Duplicate& a, const Duplicate& b) {
    return std::tie(a.at.file, a.at.line, a.at.column) < std::tie(b.at.file, b.at.line, b.at.column);
  });
  return out;
}

}  // namespace sargs
