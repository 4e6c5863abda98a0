#ifndef HUBLINT_UTIL_SPELLING_H_
#define HUBLINT_UTIL_SPELLING_H_

// "Did you mean" suggestions for misspelled flags, commands, fields, rule ids
// and parameters (after ninja's SpellcheckStringV).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hublint {

// Levenshtein distance between `a` and `b`, counting bytes.
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `word` when it is close enough to be a likely
// typo (distance at most a third of the word's length, and at least 1 for
// short words); nullopt otherwise. Ties go to the earliest candidate.
std::optional<std::string> ClosestMatch(
    std::string_view word, const std::vector<std::string>& candidates);

// "; did you mean `x`?" for the closest match, or "" when there is none.
std::string DidYouMean(std::string_view word,
                       const std::vector<std::string>& candidates);

}  // namespace hublint

#endif  // HUBLINT_UTIL_SPELLING_H_
