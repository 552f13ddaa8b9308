// ReplaceOnce: a fixture with one thing changed, for tests that spoil a
// valid input one field at a time. For tests only.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace sargs {

// `text` with the first `from` replaced by `to`; a test failure when `from`
// is not there (the fixture and the test have drifted apart).
inline std::string ReplaceOnce(std::string_view text, std::string_view from, std::string_view to) {
  std::string s(text);
  const size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

}  // namespace sargs
