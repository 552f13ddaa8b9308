// Unsigned LEB128 varints, the length prefixes of Sargs' binary records.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sargs {

inline void PutVarint(uint64_t v, std::string& out) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

// Reads a varint at `pos`, advancing it; false when the bytes end first or
// the value does not fit 64 bits.
inline bool GetVarint(std::string_view data, size_t& pos, uint64_t& v) {
  v = 0;
  for (int shift = 0; shift < 64 && pos < data.size(); shift += 7) {
    auto b = static_cast<uint8_t>(data[pos++]);
    v |= static_cast<uint64_t>(b & 0x7f) << shift;
    if (b < 0x80) return true;
  }
  return false;
}

}  // namespace sargs
