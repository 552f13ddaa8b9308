// DuplicateFinder: finds the keys that occur more than once in an import
// (transaction ids, client ids, a fact's client+factor+date ...).
//
// Keys are logged as they are read and sorted once at the end. A hash table
// probed for every row would do the same work with a cache miss per row:
// ten million transaction ids made it a tenth of an import's time, where
// appending to a log and sorting it costs well under a second.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/huge_page_allocator.h"

namespace sargs {

class DuplicateFinder {
 public:
  // Where a key was read: the file (an index the caller keeps, < 65 536),
  // line and column, and which field (an index < 256 the caller interprets).
  struct Where {
    int file = 0;
    int line = 0;
    int column = 0;
    int field = 0;
  };
  struct Duplicate {
    int space = 0;  // the key space given to Add (keys in different spaces never clash)
    std::string key;
    Where at;     // a repetition
    Where first;  // the key's first occurrence
  };

  // `space` < 256 separates kinds of keys; keys longer than 64 KiB are cut
  // (no id comes near).
  void Add(int space, std::string_view key, const Where& where);
  size_t size() const { return size_; }

  // Every repetition of a key, in reading order (file, line).
  std::vector<Duplicate> Find() const;

 private:
  // 32 bytes: ten million of them are a third of a gigabyte.
  struct Entry {
    uint64_t hash;
    uint64_t text;  // offset of the key in text_ << 24 | its length
    uint32_t line;
    uint32_t column;
    uint16_t file;
    uint8_t field;
    uint8_t space;
  };
  // Entries and key text live in fixed-size chunks: growing never copies,
  // and memory is touched once.
  static constexpr size_t kEntryChunk = size_t{1} << 20;
  static constexpr size_t kTextChunk = size_t{16} << 20;
  const Entry& At(size_t i) const { return entries_[i / kEntryChunk][i % kEntryChunk]; }
  std::string_view Text(const Entry& e) const {
    uint64_t offset = e.text >> 24;
    return {text_[offset / kTextChunk].data() + offset % kTextChunk, e.text & 0xffffff};
  }
  static Where WhereOf(const Entry& e) { return Where{e.file, static_cast<int>(e.line), static_cast<int>(e.column), e.field}; }

  std::vector<std::vector<Entry, HugePageAllocator<Entry>>> entries_;
  std::vector<std::vector<char, HugePageAllocator<char>>> text_;
  size_t size_ = 0;
  uint64_t text_size_ = 0;  // chunk * kTextChunk + used bytes of the last chunk
};

}  // namespace sargs
