#ifndef HUBLINT_HUB_PROGRESS_H_
#define HUBLINT_HUB_PROGRESS_H_

// Progress of a collection on stderr. On a terminal, one line redrawn in
// place (the endpoints being read, pages and items so far, rate-limit
// waits); elsewhere (CI logs), one line per endpoint when it completes.
// `hublint fetch --quiet` uses neither.

#include <iosfwd>
#include <map>
#include <memory>
#include <string>

#include "absl/time/time.h"
#include "lint/hub/collector.h"
#include "lint/util/clock.h"

namespace hublint::hub {

// A line per endpoint when it completes, and one per retry and rate-limit
// wait: "hublint: members: 5000 items in 50 pages (1.2 s)".
std::unique_ptr<FetchProgress> NewLogProgress(std::ostream& err);

// A live line on a terminal, redrawn at most ten times a second.
std::unique_ptr<FetchProgress> NewTerminalProgress(std::ostream& err,
                                                   Clock& clock);

}  // namespace hublint::hub

#endif  // HUBLINT_HUB_PROGRESS_H_
