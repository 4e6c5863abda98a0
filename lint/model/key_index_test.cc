#include "lint/model/key_index.h"

#include <doctest/doctest.h>

#include <map>
#include <random>
#include <string>
#include <vector>

namespace hublint {
namespace {

struct Item {
  std::string key;
};
std::string_view KeyOf(const Item& item) { return item.key; }

KeyIndex Build(const std::vector<Item>& items,
               std::vector<uint32_t>* first_positions = nullptr) {
  KeyIndex index;
  index.Reset(items.size());
  for (uint32_t i = 0; i < items.size(); ++i) {
    uint32_t first = index.Insert(items, i, KeyOf);
    if (first_positions) first_positions->push_back(first);
  }
  return index;
}

TEST_CASE("KeyIndex finds each key at its first position") {
  std::vector<Item> items = {{"alice"}, {"bob"}, {""}, {"alice"}, {"carol"}};
  std::vector<uint32_t> firsts;
  KeyIndex index = Build(items, &firsts);
  CHECK(firsts == std::vector<uint32_t>{0, 1, 2, 0, 4});
  struct Case {
    std::string_view key;
    std::optional<uint32_t> position;
  };
  const Case cases[] = {{"alice", 0},
                        {"bob", 1},
                        {"", 2},
                        {"carol", 4},
                        {"dave", std::nullopt},
                        {"alic", std::nullopt}};
  for (const Case& c : cases) {
    CAPTURE(c.key);
    CHECK(index.Find(c.key, items, KeyOf) == c.position);
  }
}

TEST_CASE("An empty or never built KeyIndex finds nothing") {
  std::vector<Item> items;
  CHECK_FALSE(KeyIndex().Find("a", items, KeyOf).has_value());
  CHECK_FALSE(Build(items).Find("a", items, KeyOf).has_value());
}

TEST_CASE("A copied KeyIndex reads the copied items") {
  std::vector<Item> items = {{"a"}, {"b"}};
  KeyIndex index = Build(items);
  KeyIndex copy = index;
  std::vector<Item> copied_items = items;
  CHECK(copy.Find("b", copied_items, KeyOf) == 1u);
  // Items edited since: a position past the end, or holding another key,
  // is not a match.
  copied_items.pop_back();
  CHECK_FALSE(copy.Find("b", copied_items, KeyOf).has_value());
  copied_items[0].key = "z";
  CHECK_FALSE(copy.Find("a", copied_items, KeyOf).has_value());
}

// Against std::map, on many keys with duplicates and near-misses, so that
// probing runs over long clusters.
TEST_CASE("KeyIndex agrees with std::map") {
  std::mt19937 random(11);
  std::vector<Item> items;
  for (int i = 0; i < 20000; ++i) {
    items.push_back({"user" + std::to_string(random() % 15000)});
  }
  std::vector<uint32_t> firsts;
  KeyIndex index = Build(items, &firsts);
  std::map<std::string, uint32_t> want;
  for (uint32_t i = 0; i < items.size(); ++i) {
    auto [it, inserted] = want.try_emplace(items[i].key, i);
    REQUIRE(firsts[i] == it->second);
  }
  for (int i = 0; i < 16000; ++i) {
    std::string key = "user" + std::to_string(i);
    auto it = want.find(key);
    std::optional<uint32_t> expected;
    if (it != want.end()) expected = it->second;
    REQUIRE(index.Find(key, items, KeyOf) == expected);
  }
}

}  // namespace
}  // namespace hublint
