#include "monitoring/explain_format.h"

#include <cstdint>

namespace sargs {

std::string Eur(Money m) {
  const std::string digits = m.ToString();  // "[-]units.cents"
  const bool negative = !digits.empty() && digits.front() == '-';
  const size_t begin = negative ? 1 : 0;
  const size_t point = digits.find('.');
  const std::string units = digits.substr(begin, point - begin);
  std::string grouped;
  grouped.reserve(units.size() + units.size() / 3);
  for (size_t i = 0; i < units.size(); ++i) {
    const size_t left = units.size() - i;  // digits from here to the point
    if (i > 0 && left % 3 == 0) grouped += ' ';
    grouped += units[i];
  }
  return (negative ? "-" : "") + grouped + digits.substr(point) + " EUR";
}

std::string Percent(Money part, Money whole) {
  if (whole.cents() <= 0) return "- %";
  // Hundredths of a percent, rounded half up: 10 000 * part / whole.
  const __int128 scaled = static_cast<__int128>(part.cents()) * 10'000;
  const __int128 hundredths = (2 * scaled + whole.cents()) / (2 * static_cast<__int128>(whole.cents()));
  const auto value = static_cast<int64_t>(hundredths);
  std::string text = std::to_string(value / 100);
  const int64_t fraction = value % 100;
  if (fraction != 0) {
    text += '.';
    text += static_cast<char>('0' + fraction / 10);
    if (fraction % 10 != 0) text += static_cast<char>('0' + fraction % 10);
  }
  return text + " %";
}

}  // namespace sargs
