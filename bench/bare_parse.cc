// hublint-bare-parse FILE: parses a JSON file with simdjson's DOM parser
// (the library hublint reads snapshots with) and prints its top-level
// array sizes. The floor of the side-by-side benchmark in
// docs/performance.md: any reader of the snapshot has to do at least this.

#include <simdjson.h>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: hublint-bare-parse FILE\n";
    return 2;
  }
  simdjson::padded_string text;
  if (auto error = simdjson::padded_string::load(argv[1]).get(text)) {
    std::cerr << "hublint-bare-parse: " << argv[1] << ": "
              << simdjson::error_message(error) << "\n";
    return 1;
  }
  simdjson::dom::parser parser;
  simdjson::dom::object root;
  if (auto error = parser.parse(text).get(root)) {
    std::cerr << "hublint-bare-parse: " << argv[1] << ": "
              << simdjson::error_message(error) << "\n";
    return 1;
  }
  for (auto field : root) {
    simdjson::dom::array array;
    if (field.value.get(array) == simdjson::SUCCESS) {
      std::cout << field.key << " " << array.size() << "\n";
    }
  }
  return 0;
}
