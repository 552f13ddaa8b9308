#include "base/money.h"

#include <cstdlib>

namespace sargs {

Result<Money> Money::Parse(std::string_view text) {
  if (text.empty()) return Fail("empty amount");
  size_t i = 0;
  bool negative = false;
  if (text[0] == '-' || text[0] == '+') {
    negative = text[0] == '-';
    i = 1;
  }
  __int128 cents = 0;
  int int_digits = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    cents = cents * 10 + (text[i] - '0');
    if (++int_digits > 15) return Fail("amount too large: '" + std::string(text) + "'");
  }
  int frac_digits = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
      if (++frac_digits > 2) {
        return Fail("more than two decimal places in '" + std::string(text) + "'");
      }
      cents = cents * 10 + (text[i] - '0');
    }
    if (frac_digits == 0) return Fail("no digits after the decimal point in '" + std::string(text) + "'");
  }
  if (i != text.size() || int_digits == 0) {
    return Fail("not a decimal amount: '" + std::string(text) +
                "' (expected digits with an optional '.' and up to two decimals)");
  }
  for (; frac_digits < 2; ++frac_digits) cents *= 10;
  return Money(static_cast<int64_t>(negative ? -cents : cents));
}

std::string Money::ToString() const {
  int64_t v = cents_;
  std::string sign;
  if (v < 0) {
    sign = "-";
    v = -v;
  }
  std::string frac = std::to_string(v % 100);
  if (frac.size() < 2) frac = "0" + frac;
  return sign + std::to_string(v / 100) + "." + frac;
}

Money Money::DividedBy(int64_t n) const {
  if (n == 0) return Money();
  int64_t q = cents_ / n, r = cents_ % n;
  if (std::llabs(r) * 2 >= std::llabs(n)) q += ((cents_ < 0) != (n < 0)) ? -1 : 1;
  return Money(q);
}

}  // namespace sargs
