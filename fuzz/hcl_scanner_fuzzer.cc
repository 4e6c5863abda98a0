// Fuzzes the Terraform block scanner (lint/tfplan/hcl_scanner.h), which
// reads `.tf` files a pull request may hold anything in. It never fails;
// each block it finds must carry a position inside the text.

#include <algorithm>

#include "fuzz/fuzz_support.h"
#include "lint/tfplan/hcl_scanner.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text = hublint::fuzz::AsString(data, size);
  size_t lines = 1 + static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
  for (const hublint::HclBlock& block : hublint::ScanHclBlocks(text)) {
    hublint::fuzz::Require(block.line >= 1 && block.line <= lines,
                           "a block outside the text");
    hublint::fuzz::Require(block.column >= 1, "a block without a column");
  }
  return 0;
}
