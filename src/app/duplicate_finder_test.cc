// Tests of DuplicateFinder (app/duplicate_finder.h), which reports every
// repeated id of an import. A missed duplicate lets the same transaction be
// stored twice (or fail deep inside the store); a false one rejects a valid
// file. Reports must point at the first occurrence and come in reading order,
// since they become the import's error messages.
#include "app/duplicate_finder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

namespace sargs {
namespace {

using Where = DuplicateFinder::Where;

std::string Show(const std::vector<DuplicateFinder::Duplicate>& ds) {
  std::string out;
  for (const auto& d : ds) {
    out += "  space " + std::to_string(d.space) + " '" + d.key + "' at " + std::to_string(d.at.file) + ":" +
           std::to_string(d.at.line) + ":" + std::to_string(d.at.column) + " first " +
           std::to_string(d.first.file) + ":" + std::to_string(d.first.line) + ":" +
           std::to_string(d.first.column) + "\n";
  }
  return out;
}

void ExpectWhere(const Where& got, const Where& want) {
  EXPECT_EQ(got.file, want.file);
  EXPECT_EQ(got.line, want.line);
  EXPECT_EQ(got.column, want.column);
  EXPECT_EQ(got.field, want.field);
}

TEST(DuplicateFinderTest, NothingAddedFindsNothing) {
  DuplicateFinder finder;
  EXPECT_EQ(finder.size(), 0u);
  EXPECT_TRUE(finder.Find().empty());
}

TEST(DuplicateFinderTest, DistinctKeysAreNotDuplicates) {
  DuplicateFinder finder;
  // Keys that differ only slightly: prefixes, case, trailing space, empty.
  const char* keys[] = {"T1", "T10", "t1", "T1 ", "", "T2", "T01"};
  int line = 2;
  for (const char* k : keys) finder.Add(0, k, Where{0, line++, 1, 0});
  EXPECT_EQ(finder.size(), 7u);
  auto found = finder.Find();
  EXPECT_TRUE(found.empty()) << Show(found);
}

TEST(DuplicateFinderTest, KeyThreeTimesGivesTwoDuplicatesOfTheFirst) {
  DuplicateFinder finder;
  finder.Add(1, "T7", Where{0, 2, 1, 3});
  finder.Add(1, "other", Where{0, 3, 1, 3});
  finder.Add(1, "T7", Where{0, 4, 1, 3});
  finder.Add(1, "T7", Where{1, 2, 5, 4});  // in a second file, another field
  auto found = finder.Find();
  ASSERT_EQ(found.size(), 2u) << Show(found);
  for (const auto& d : found) {
    EXPECT_EQ(d.key, "T7");
    EXPECT_EQ(d.space, 1);
    // Both repetitions point at the first occurrence, not at each other.
    ExpectWhere(d.first, Where{0, 2, 1, 3});
  }
  ExpectWhere(found[0].at, Where{0, 4, 1, 3});
  ExpectWhere(found[1].at, Where{1, 2, 5, 4});
}

TEST(DuplicateFinderTest, SameKeyInDifferentSpacesIsNotADuplicate) {
  // A client id and a transaction id may be equal strings; only the same
  // kind of key clashes.
  DuplicateFinder finder;
  for (int space = 0; space < 256; space += 51) finder.Add(space, "X1", Where{0, space + 2, 1, 0});
  auto found = finder.Find();
  EXPECT_TRUE(found.empty()) << Show(found);

  // ... while a repeat within one of those spaces is found, pointing at that
  // space's first occurrence.
  finder.Add(102, "X1", Where{0, 900, 1, 0});
  found = finder.Find();
  ASSERT_EQ(found.size(), 1u) << Show(found);
  EXPECT_EQ(found[0].space, 102);
  ExpectWhere(found[0].first, Where{0, 104, 1, 0});
  ExpectWhere(found[0].at, Where{0, 900, 1, 0});
}

TEST(DuplicateFinderTest, ResultsAreInReadingOrderWhateverTheInsertionOrder) {
  // Files may be read in any order (or in parallel); the report is ordered
  // by (file, line) of each repetition, and "first" is the earliest
  // occurrence in that order, not the first one added.
  DuplicateFinder finder;
  finder.Add(0, "B", Where{2, 50, 1, 0});
  finder.Add(0, "A", Where{1, 30, 1, 0});
  finder.Add(0, "B", Where{0, 10, 1, 0});
  finder.Add(0, "C", Where{0, 99, 1, 0});
  finder.Add(0, "A", Where{0, 20, 1, 0});
  finder.Add(0, "C", Where{0, 5, 1, 0});
  finder.Add(0, "A", Where{2, 1, 1, 0});
  finder.Add(0, "B", Where{1, 40, 1, 0});
  auto found = finder.Find();
  ASSERT_EQ(found.size(), 5u) << Show(found);
  std::vector<std::tuple<std::string, int, int, int, int>> got;
  for (const auto& d : found) got.emplace_back(d.key, d.at.file, d.at.line, d.first.file, d.first.line);
  std::vector<std::tuple<std::string, int, int, int, int>> want = {
      {"C", 0, 99, 0, 5},   //
      {"A", 1, 30, 0, 20},  //
      {"B", 1, 40, 0, 10},  //
      {"A", 2, 1, 0, 20},   //
      {"B", 2, 50, 0, 10},  //
  };
  EXPECT_EQ(got, want) << Show(found);
}

TEST(DuplicateFinderTest, SameLineDifferentColumnsOrderedByColumn) {
  // Two fields of one row can hold the same key kind (e.g. two id columns).
  DuplicateFinder finder;
  finder.Add(0, "K", Where{0, 7, 9, 2});
  finder.Add(0, "K", Where{0, 7, 3, 1});
  auto found = finder.Find();
  ASSERT_EQ(found.size(), 1u) << Show(found);
  ExpectWhere(found[0].first, Where{0, 7, 3, 1});
  ExpectWhere(found[0].at, Where{0, 7, 9, 2});
}

TEST(DuplicateFinderTest, LongKeysAreCutAt64KiB) {
  // Keys longer than 64 KiB are compared by their first 65 535 bytes.
  DuplicateFinder finder;
  std::string a(70'000, 'a');
  std::string b = a;
  b.back() = 'b';  // differs only after the cut
  std::string c = a;
  c[100] = 'c';  // differs before the cut
  finder.Add(0, a, Where{0, 1, 1, 0});
  finder.Add(0, b, Where{0, 2, 1, 0});
  finder.Add(0, c, Where{0, 3, 1, 0});
  auto found = finder.Find();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].key.size(), 0xffffu);
  ExpectWhere(found[0].at, Where{0, 2, 1, 0});
  ExpectWhere(found[0].first, Where{0, 1, 1, 0});
}

TEST(DuplicateFinderTest, ManyDistinctKeysGiveNoFalseDuplicates) {
  // 200 000 distinct keys of about 90 bytes (18 MB of text: more than one
  // 16 MiB text chunk) with a few real repeats mixed in, one of whose first
  // occurrence is in the first text chunk and the repeat in the second.
  DuplicateFinder finder;
  const std::string pad(80, '.');
  constexpr int kKeys = 200'000;
  for (int i = 0; i < kKeys; ++i) {
    finder.Add(i % 3, "TX-" + std::to_string(i) + pad, Where{i % 4, i + 2, 1 + i % 7, i % 5});
  }
  EXPECT_EQ(finder.size(), static_cast<size_t>(kKeys));
  auto none = finder.Find();
  EXPECT_TRUE(none.empty()) << none.size() << " false duplicates, e.g.\n"
                            << Show(std::vector<DuplicateFinder::Duplicate>(
                                   none.begin(), none.begin() + std::min<size_t>(none.size(), 5)));

  // Real repeats of keys 0 (first text chunk) and 199 999 (second chunk),
  // in their own spaces.
  finder.Add(0, "TX-0" + pad, Where{9, 1, 1, 0});
  finder.Add((kKeys - 1) % 3, "TX-" + std::to_string(kKeys - 1) + pad, Where{9, 2, 1, 0});
  auto found = finder.Find();
  ASSERT_EQ(found.size(), 2u) << Show(found);
  EXPECT_EQ(found[0].key, "TX-0" + pad);
  ExpectWhere(found[0].first, Where{0, 2, 1, 0});
  ExpectWhere(found[0].at, Where{9, 1, 1, 0});
  EXPECT_EQ(found[1].key, "TX-" + std::to_string(kKeys - 1) + pad);
  ExpectWhere(found[1].first, Where{(kKeys - 1) % 4, kKeys + 1, 1 + (kKeys - 1) % 7, (kKeys - 1) % 5});
  ExpectWhere(found[1].at, Where{9, 2, 1, 0});
}

}  // namespace
}  // namespace sargs
