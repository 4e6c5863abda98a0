#ifndef HUBLINT_CEL_SPELLING_H_
#define HUBLINT_CEL_SPELLING_H_

// "Did you mean" suggestions for misspelled identifiers, fields and
// functions in CEL expressions.

#include <string>
#include <string_view>
#include <vector>

namespace hublint::cel {

// Levenshtein distance, counting bytes.
size_t EditDistance(std::string_view a, std::string_view b);

// "; did you mean `x`?" for the candidate closest to `word` when it is a
// likely typo (within a third of the word's length, or the word is a prefix
// or suffix of it, as `two_factor` is of `two_factor_enabled`); "" otherwise.
std::string DidYouMean(std::string_view word,
                       const std::vector<std::string>& candidates);

}  // namespace hublint::cel

#endif  // HUBLINT_CEL_SPELLING_H_
