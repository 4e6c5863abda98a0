#ifndef HUBLINT_CEL_MAP_DATA_H_
#define HUBLINT_CEL_MAP_DATA_H_

// MapData: the representation of a map built in an arena (map literals,
// transformMap results, JSON objects). Internal; hosts build maps with
// MapBuilder (value_builder.h) or expose their own through a MapAdapter.

#include <cstddef>
#include <cstdint>

#include "lint/cel/value.h"

namespace hublint::cel {

struct MapData {
  size_t size = 0;
  const Value* keys = nullptr;    // size entries, insertion order
  const Value* values = nullptr;  // size entries
  // Open-addressing index: slot i holds entry index + 1, or 0 when empty.
  // nullptr for small maps, which are scanned linearly.
  const uint32_t* slots = nullptr;
  uint32_t slot_mask = 0;  // slot count - 1 (a power of two minus one)
};

// Maps up to this size have no index.
inline constexpr size_t kLinearMapMax = 8;

// Finds `key` (already normalized, see NormalizeMapKey) in `map`; returns
// the entry index or -1.
ptrdiff_t FindMapEntry(const MapData& map, const Value& key);

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_MAP_DATA_H_
