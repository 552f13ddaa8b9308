// Tests of StringTable (base/string_table.h). The importer and the
// transaction stage keep the table's key views as the only copy of an id
// (TxStage stores them as its client ids), so besides the map behaviour the
// key views must stay valid and unchanged while the table grows.
#include "base/string_table.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sargs {
namespace {

TEST(StringTableTest, EmptyTable) {
  StringTable<int> table;
  EXPECT_EQ(table.size(), 0u);
  EXPECT_EQ(table.Find("x"), nullptr);
  EXPECT_EQ(table.Find(""), nullptr);
  int visits = 0;
  table.ForEach([&](std::string_view, int) { ++visits; });
  EXPECT_EQ(visits, 0);
}

TEST(StringTableTest, InsertThenFind) {
  StringTable<int> table;
  auto [a, a_new] = table.Insert("alpha", 1);
  ASSERT_NE(a, nullptr);
  EXPECT_TRUE(a_new);
  EXPECT_EQ(a->key, "alpha");
  EXPECT_EQ(a->value, 1);
  table.Insert("beta", 2);
  table.Insert("gamma", 3);
  EXPECT_EQ(table.size(), 3u);

  for (auto [key, value] :
       std::vector<std::pair<std::string, int>>{{"alpha", 1}, {"beta", 2}, {"gamma", 3}}) {
    auto* slot = table.Find(key);
    ASSERT_NE(slot, nullptr) << key;
    EXPECT_EQ(slot->key, key);
    EXPECT_EQ(slot->value, value);
  }
  // Near misses are not found: prefixes, extensions, other case.
  for (const char* key : {"alph", "alphaa", "Alpha", "", "delta"}) EXPECT_EQ(table.Find(key), nullptr) << key;
}

TEST(StringTableTest, RepeatedInsertReturnsExistingSlot) {
  StringTable<int> table;
  table.Insert("k", 7);
  auto [slot, inserted] = table.Insert("k", 99);
  EXPECT_FALSE(inserted);
  ASSERT_NE(slot, nullptr);
  // The stored value is kept, not overwritten by the second Insert.
  EXPECT_EQ(slot->value, 7);
  EXPECT_EQ(table.size(), 1u);
  // The slot is the table's: writing through it changes what Find sees (the
  // importer updates values in place this way).
  slot->value = 8;
  EXPECT_EQ(table.Find("k")->value, 8);
}

TEST(StringTableTest, KeyIsCopiedNotReferenced) {
  // The caller's buffer may be reused (a CSV line buffer): the table must
  // keep its own copy of the key.
  StringTable<int> table;
  std::string buffer = "client-1";
  auto [slot, inserted] = table.Insert(buffer, 1);
  ASSERT_TRUE(inserted);
  std::string_view key = slot->key;
  EXPECT_NE(key.data(), buffer.data());
  buffer = "XXXXXXXX";
  EXPECT_EQ(key, "client-1");
  EXPECT_NE(table.Find("client-1"), nullptr);
  EXPECT_EQ(table.Find("XXXXXXXX"), nullptr);
}

TEST(StringTableTest, EmptyKeyWorks) {
  StringTable<int> table;
  auto [slot, inserted] = table.Insert("", 5);
  EXPECT_TRUE(inserted);
  EXPECT_EQ(slot->key, "");
  table.Insert("a", 6);
  auto* found = table.Find("");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->value, 5);
  EXPECT_EQ(found->key.size(), 0u);
  auto [again, again_inserted] = table.Insert("", 9);
  EXPECT_FALSE(again_inserted);
  EXPECT_EQ(again->value, 5);
  EXPECT_EQ(table.size(), 2u);
}

TEST(StringTableTest, ManyKeysSurviveRehashesWithStableViews) {
  // 100 000 keys force many rehashes (the table starts at 1024 slots and
  // doubles at half full) and several 1 MiB key chunks. Views taken right
  // after each Insert must still show the same text at the end, and every
  // key must still be found with its value.
  StringTable<uint32_t> table;
  constexpr uint32_t kKeys = 100'000;
  std::vector<std::string_view> views;
  views.reserve(kKeys);
  auto key_of = [](uint32_t i) { return "id-" + std::to_string(i) + std::string(i % 23, 'x'); };
  for (uint32_t i = 0; i < kKeys; ++i) {
    std::string key = key_of(i);
    auto [slot, inserted] = table.Insert(key, i);
    ASSERT_TRUE(inserted) << key;
    views.push_back(slot->key);
  }
  EXPECT_EQ(table.size(), kKeys);
  for (uint32_t i = 0; i < kKeys; ++i) {
    std::string key = key_of(i);
    ASSERT_EQ(views[i], key) << "the view of key " << i << " changed";
    auto* slot = table.Find(key);
    ASSERT_NE(slot, nullptr) << key;
    EXPECT_EQ(slot->value, i);
    // Find returns the same stored copy whose view was handed out.
    EXPECT_EQ(slot->key.data(), views[i].data());
  }
  // Inserting them all again adds nothing.
  for (uint32_t i = 0; i < kKeys; i += 97) {
    auto [slot, inserted] = table.Insert(key_of(i), 0);
    EXPECT_FALSE(inserted);
    EXPECT_EQ(slot->value, i);
  }
  EXPECT_EQ(table.size(), kKeys);
  EXPECT_EQ(table.Find("id-100000"), nullptr);
}

TEST(StringTableTest, KeyLargerThanAChunk) {
  // A key bigger than the 1 MiB key chunk gets its own; keys before and
  // after it are unaffected.
  StringTable<int> table;
  std::string small_before = "before";
  std::string big(3 << 20, 'b');
  big.back() = 'E';
  auto [s1, i1] = table.Insert(small_before, 1);
  std::string_view before_view = s1->key;
  auto [s2, i2] = table.Insert(big, 2);
  std::string_view big_view = s2->key;
  auto [s3, i3] = table.Insert("after", 3);
  std::string_view after_view = s3->key;
  EXPECT_TRUE(i1 && i2 && i3);
  for (int i = 0; i < 5000; ++i) table.Insert("filler-" + std::to_string(i), i);
  EXPECT_EQ(before_view, "before");
  EXPECT_EQ(big_view, big);
  EXPECT_EQ(after_view, "after");
  ASSERT_NE(table.Find(big), nullptr);
  EXPECT_EQ(table.Find(big)->value, 2);
  EXPECT_EQ(table.Find("after")->value, 3);
}

TEST(StringTableTest, ForEachVisitsEachKeyOnce) {
  StringTable<int> table;
  std::map<std::string, int> want;
  for (int i = 0; i < 3000; ++i) {
    std::string key = "k" + std::to_string(i * 7919 % 3001);
    table.Insert(key, i);
    want.emplace(key, i);  // the first value stays
  }
  table.Insert("", -1);
  want.emplace("", -1);
  std::map<std::string, int> seen;
  size_t visits = 0;
  table.ForEach([&](std::string_view key, int value) {
    ++visits;
    EXPECT_TRUE(seen.emplace(std::string(key), value).second) << "visited twice: " << key;
  });
  EXPECT_EQ(visits, want.size());
  EXPECT_EQ(visits, table.size());
  EXPECT_EQ(seen, want);
}

TEST(StringTableTest, KeysWithEmbeddedNulAndBinaryBytes) {
  // Keys are byte strings, compared by length and content.
  StringTable<int> table;
  std::string a("a\0b", 3), b("a\0c", 3), c("a", 1);
  table.Insert(a, 1);
  table.Insert(b, 2);
  table.Insert(c, 3);
  EXPECT_EQ(table.size(), 3u);
  EXPECT_EQ(table.Find(a)->value, 1);
  EXPECT_EQ(table.Find(b)->value, 2);
  EXPECT_EQ(table.Find(c)->value, 3);
  EXPECT_EQ(table.Find(std::string("a\0", 2)), nullptr);
}

TEST(StringTableTest, MovedTableKeepsKeysAndViews) {
  // TxStage::Reset replaces its table by a new one (move assignment); a
  // moved-from-and-into table must keep working, and views into the moved
  // table's keys stay valid (the chunks move, not the bytes).
  StringTable<int> table;
  auto [slot, inserted] = table.Insert("kept", 1);
  std::string_view view = slot->key;
  StringTable<int> moved = std::move(table);
  EXPECT_EQ(view, "kept");
  ASSERT_NE(moved.Find("kept"), nullptr);
  EXPECT_EQ(moved.Find("kept")->key.data(), view.data());
  moved.Insert("more", 2);
  EXPECT_EQ(moved.size(), 2u);

  table = {};
  EXPECT_EQ(table.size(), 0u);
  EXPECT_EQ(table.Find("kept"), nullptr);
  auto [fresh, fresh_inserted] = table.Insert("kept", 5);
  EXPECT_TRUE(fresh_inserted);
  EXPECT_EQ(fresh->value, 5);
}

}  // namespace
}  // namespace sargs
