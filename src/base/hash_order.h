// OrderByHash: positions ordered by a 64-bit hash, for the bulk paths that
// group millions of ids by hash (the transaction id index, duplicate ids).
//
// A counting sort on the top 16 bits, then a sort of each bucket's few
// entries: hashes are uniform, so a bucket of ten million holds about 150,
// and the whole order costs two passes plus many tiny sorts instead of one
// std::sort with its cache misses.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace sargs {

inline constexpr int kHashBucketShift = 48;  // 65 536 buckets

// Positions 0 .. n-1 by `hash_at(i)`, equal hashes in position order.
template <typename HashAt>
std::vector<uint32_t> OrderByHash(size_t n, HashAt hash_at) {
  std::vector<uint32_t> next((size_t{1} << (64 - kHashBucketShift)) + 1, 0);
  for (size_t i = 0; i < n; ++i) ++next[(hash_at(i) >> kHashBucketShift) + 1];
  for (size_t b = 1; b < next.size(); ++b) next[b] += next[b - 1];
  const std::vector<uint32_t> start = next;
  std::vector<uint32_t> order(n);
  for (uint32_t i = 0; i < n; ++i) order[next[hash_at(i) >> kHashBucketShift]++] = i;
  for (size_t b = 0; b + 1 < start.size(); ++b) {
    std::sort(order.begin() + start[b], order.begin() + start[b + 1], [&](uint32_t x, uint32_t y) {
      uint64_t hx = hash_at(x), hy = hash_at(y);
      return hx != hy ? hx < hy : x < y;
    });
  }
  return order;
}

}  // namespace sargs
