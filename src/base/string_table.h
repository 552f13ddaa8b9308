// StringTable<V>: a hash map from strings to small values for the millions
// of ids an import keeps track of (known clients, account owners).
//
// std::unordered_map<std::string, ...> costs a node allocation and a string
// per key; at a million clients that was a quarter of an import's time.
// Here the keys are packed into large chunks that never move, so a key's
// view stays valid for the table's life, and the slots are one flat
// open-addressing array of (hash, key, value).
#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "base/huge_page_allocator.h"

namespace sargs {

template <typename V>
class StringTable {
 public:
  struct Slot {
    uint64_t hash = 0;  // 0: empty
    std::string_view key;
    V value{};
  };

  size_t size() const { return size_; }

  // Slot pointers are valid until the next Insert; a slot's key view, for
  // the table's life.
  Slot* Find(std::string_view key) {
    if (slots_.empty()) return nullptr;
    uint64_t h = Hash(key);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.hash == 0) return nullptr;
      if (s.hash == h && s.key == key) return &s;
    }
  }

  // Inserts `key` with `value` unless present; returns the key's slot and
  // whether it was inserted.
  std::pair<Slot*, bool> Insert(std::string_view key, V value) { return Insert(key, value, Hash(key)); }

  // For lookups in bulk: at millions of keys nearly every probe misses the
  // cache, so callers hash a batch of keys, Prefetch their slots, then
  // Insert them with the hashes, and the misses overlap instead of queueing.
  static uint64_t Hash(std::string_view key) {
    uint64_t h = std::hash<std::string_view>()(key);
    return h == 0 ? 1 : h;
  }
  void Prefetch(uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash & mask_]);
  }
  // REQUIRES: hash == Hash(key).
  std::pair<Slot*, bool> Insert(std::string_view key, V value, uint64_t h) {
    if ((size_ + 1) * 2 > slots_.size()) Rehash(std::max<size_t>(1024, slots_.size() * 2));
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.hash == 0) {
        s = Slot{h, Keep(key), value};
        ++size_;
        return {&s, true};
      }
      if (s.hash == h && s.key == key) return {&s, false};
    }
  }

  template <typename Fn>
  void ForEach(Fn fn) const {
    for (const Slot& s : slots_) {
      if (s.hash != 0) fn(s.key, s.value);
    }
  }

 private:
  static constexpr size_t kChunkBytes = size_t{1} << 20;

  std::string_view Keep(std::string_view key) {
    if (chunks_.empty() || used_ + key.size() > chunk_size_) {
      chunk_size_ = std::max(kChunkBytes, key.size());
      chunks_.push_back(std::make_unique<char[]>(chunk_size_));
      used_ = 0;
    }
    char* p = chunks_.back().get() + used_;
    if (!key.empty()) std::memcpy(p, key.data(), key.size());
    used_ += key.size();
    return {p, key.size()};
  }
  void Rehash(size_t capacity) {
    std::vector<Slot, HugePageAllocator<Slot>> old = std::move(slots_);
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    for (const Slot& s : old) {
      if (s.hash == 0) continue;
      size_t i = s.hash & mask_;
      while (slots_[i].hash != 0) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }

  std::vector<Slot, HugePageAllocator<Slot>> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
  std::vector<std::unique_ptr<char[]>> chunks_;
  size_t chunk_size_ = 0;
  size_t used_ = 0;
};

}  // namespace sargs
