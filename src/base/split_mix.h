// SplitMix64: a tiny, fast pseudo-random generator whose sequence is the same
// on every machine and standard library (std:: distributions are not), for
// the demo portfolio, benchmarks and randomised tests, which must be
// byte-for-byte reproducible. Not for anything secret.
#pragma once

#include <cstdint>

namespace sargs {

// The splitmix64 finaliser: nearby inputs give unrelated outputs, so a seed
// mixed with a client's number gives that client a stream of its own.
constexpr uint64_t SplitMixFinalise(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

struct SplitMix64 {
  uint64_t state = 0;
  uint64_t Next() { return SplitMixFinalise(state += 0x9E3779B97F4A7C15ull); }
  // Uniform enough in [0, n) for test data (modulo bias is below 2^-40 for
  // the n used here); 0 when n <= 0.
  int64_t Below(int64_t n) { return n <= 0 ? 0 : static_cast<int64_t>(Next() % static_cast<uint64_t>(n)); }
};

}  // namespace sargs
