// Number formatting shared by the explanations of monitoring alerts, so that
// every rule prints amounts and shares the same way.
//
// Only for display: the rules decide with exact integer comparisons on
// Money, never with this text.
//
// Thread safety: pure functions.
#pragma once

#include <string>

#include "base/money.h"

namespace sargs {

// "1 500 000.00 EUR": thousands grouped with a space, as analysts read them
// at a glance; a negative amount keeps its sign ("-4 200.00 EUR").
std::string Eur(Money m);

// `part` as a percentage of `whole`, rounded half up to hundredths and
// written without trailing zeros: "42 %", "30.5 %", "30.01 %". "- %" when
// `whole` is not positive. REQUIRES: part >= 0.
std::string Percent(Money part, Money whole);

}  // namespace sargs
