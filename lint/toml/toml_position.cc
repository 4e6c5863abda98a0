#include "lint/toml/toml_position.h"

namespace hublint {

size_t TomlOffset(const SourceText& source, const toml::source_position& pos) {
  std::string_view line = source.Line(pos.line);
  size_t offset = static_cast<size_t>(line.data() - source.text().data());
  size_t k = 0;
  for (uint32_t cp = 1; cp < pos.column && k < line.size(); ++cp) {
    ++k;
    while (k < line.size() &&
           (static_cast<unsigned char>(line[k]) & 0xC0) == 0x80) {
      ++k;
    }
  }
  return offset + k;
}

}  // namespace hublint
