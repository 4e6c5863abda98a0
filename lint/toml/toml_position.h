#ifndef HUBLINT_TOML_TOML_POSITION_H_
#define HUBLINT_TOML_TOML_POSITION_H_

// toml++ counts columns in code points; hublint's diagnostics count bytes.
// These turn a toml++ position into a byte offset of the file's text, for
// SourceText::Diagnostic().

#include <toml++/toml.h>

#include <cstddef>

#include "lint/util/source_text.h"

namespace hublint {

// The byte offset in `source` of toml++ position `pos`.
size_t TomlOffset(const SourceText& source, const toml::source_position& pos);

// The byte offset where `node` (a value, table or array) begins.
inline size_t TomlOffset(const SourceText& source, const toml::node& node) {
  return TomlOffset(source, node.source().begin);
}

}  // namespace hublint

#endif  // HUBLINT_TOML_TOML_POSITION_H_
