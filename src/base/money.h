// Money: an amount of euro held as a whole number of cents.
//
// Money is never a float. Every amount the regulation names (3 000, 15 000,
// 1 000 000 EUR ...) and every turnover is exact, so the boundary tests of
// the regulation ("exceeds 3 000") behave the same on every machine.
// Sums use int64 cents, which holds ±92 trillion euro; ratios go through
// __int128 so that "more than 30 % of" cannot overflow.
//
// Thread safety: a value type; safe to share when not mutated.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"

namespace sargs {

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money FromCents(int64_t cents) { return Money(cents); }
  static constexpr Money FromEuros(int64_t euros) { return Money(euros * 100); }

  // Parses "1234", "1234.5", "1234.56", "-12.00". At most two decimals: an
  // amount in cents of a cent is a data error, not something to round away.
  static Result<Money> Parse(std::string_view text);

  constexpr int64_t cents() const { return cents_; }
  // "1234.56"; negative amounts keep their sign.
  std::string ToString() const;

  constexpr Money operator+(Money o) const { return Money(cents_ + o.cents_); }
  constexpr Money operator-(Money o) const { return Money(cents_ - o.cents_); }
  constexpr Money& operator+=(Money o) { cents_ += o.cents_; return *this; }
  constexpr Money& operator-=(Money o) { cents_ -= o.cents_; return *this; }
  constexpr auto operator<=>(const Money&) const = default;

  // True when this amount is more than `percent` % of `whole` (strict), with
  // exact integer arithmetic.
  constexpr bool ExceedsPercentOf(Money whole, int64_t percent) const {
    return static_cast<__int128>(cents_) * 100 >
           static_cast<__int128>(whole.cents_) * percent;
  }
  // This amount divided by n, rounded half away from zero to a cent.
  Money DividedBy(int64_t n) const;

 private:
  constexpr explicit Money(int64_t cents) : cents_(cents) {}
  int64_t cents_ = 0;
};

}  // namespace sargs
