#include "lint/cel/value.h"

#include <doctest/doctest.h>

#include <string>
#include <type_traits>

#include "lint/cel/strings.h"
#include "lint/cel/value_builder.h"
#include "lint/cel/value_compare.h"

namespace hublint::cel {
namespace {

static_assert(sizeof(Value) == 24);
static_assert(std::is_trivially_copyable_v<Value>);
static_assert(std::is_trivially_destructible_v<Value>);

TEST_CASE("maps: CEL key equality, duplicates, large maps") {
  Arena arena;
  MapBuilder b(&arena);
  CHECK(b.Add(Value::Int(1), Value::String("one")).ok());
  CHECK(b.Add(Value::Bool(true), Value::String("yes")).ok());
  CHECK(std::string(StdView(b.Add(Value::Uint(1), Value::Null()).message())) ==
        "duplicate map key: 1u");
  CHECK(std::string(
            StdView(b.Add(Value::Double(1.5), Value::Null()).message())) ==
        "unsupported map key type: double");
  Value map = b.Build();
  Value found;
  CHECK(map.map_find(Value::Uint(1), &found));
  CHECK(found.string_value() == "one");
  CHECK(map.map_find(Value::Double(1.0), &found));
  CHECK(!map.map_find(Value::Double(1.5), &found));
  CHECK(!map.map_find(Value::Int(-1), &found));
  CHECK(!map.map_find(Value::String("1"), &found));

  // Past kLinearMapMax entries the map is indexed; lookups still agree.
  MapBuilder big(&arena);
  for (int i = 0; i < 1000; ++i) {
    REQUIRE(big.Add(MakeString(&arena, Cat("k", i)), Value::Int(i)).ok());
  }
  CHECK(!big.Add(MakeString(&arena, "k500"), Value::Null()).ok());
  Value m = big.Build();
  CHECK(m.map_size() == 1000);
  for (int i = 0; i < 1000; i += 37) {
    REQUIRE(m.map_find(MakeString(&arena, Cat("k", i)), &found));
    CHECK(found.int_value() == i);
  }
  CHECK(m.map_key(999).string_value() == "k999");  // insertion order
  CHECK(!m.map_find(Value::String("k1000"), &found));
}

TEST_CASE("lists grow in the arena") {
  Arena arena;
  ListBuilder b(&arena);
  for (int i = 0; i < 100; ++i) b.Add(Value::Int(i));
  Value list = b.Build();
  CHECK(list.list_size() == 100);
  CHECK(list.list_element(42).int_value() == 42);
  CHECK(b.size() == 0);
}

TEST_CASE("equality and ordering across numeric kinds") {
  CHECK(ValuesEqual(Value::Int(1), Value::Double(1.0)));
  CHECK(ValuesEqual(Value::Uint(1), Value::Int(1)));
  CHECK(!ValuesEqual(Value::Int(-1), Value::Uint(UINT64_MAX)));
  CHECK(!ValuesEqual(Value::String("1"), Value::Int(1)));
  CHECK(CompareValues(Value::Int(-1), Value::Uint(0)) == Ordering::kLess);
  CHECK(CompareValues(Value::Double(0.0 / 0.0), Value::Int(1)) ==
        Ordering::kUnordered);
  CHECK(CompareValues(Value::Null(), Value::Null()) == Ordering::kIncomparable);
}

TEST_CASE("debug strings") {
  Arena arena;
  ListBuilder list(&arena);
  list.Add(Value::Double(2));
  list.Add(MakeBytes(&arena, std::string("\x00", 1)));
  CHECK(list.Build().DebugString() == "[2.0, b\"\\x00\"]");
  CHECK(Value::Error("x \"y\"").DebugString() == "error(\"x \\\"y\\\"\")");
  CHECK(Value::UnknownFact().DebugString() == "unknown()");
}

}  // namespace
}  // namespace hublint::cel
