#include "lint/hub/progress.h"

#include <ostream>

#include "lint/util/strings.h"

namespace hublint::hub {
namespace {

std::string Seconds(absl::Duration d) {
  int64_t tenths = absl::ToInt64Milliseconds(d) / 100;
  return Cat(tenths / 10, ".", tenths % 10, " s");
}

std::string Plural(int64_t n, std::string_view one, std::string_view many) {
  return Cat(n, " ", n == 1 ? one : many);
}

class LogProgress : public FetchProgress {
 public:
  explicit LogProgress(std::ostream& err) : err_(err) {}
  void OnPage(const std::string&, size_t) override {}
  void OnEndpointDone(const std::string& endpoint, int64_t pages, int64_t items,
                      absl::Duration elapsed) override {
    err_ << "hublint: " << endpoint << ": " << Plural(items, "item", "items")
         << " in " << Plural(pages, "answer", "answers") << " ("
         << Seconds(elapsed) << ")\n";
  }
  void OnRateLimitWait(absl::Duration wait) override {
    err_ << "hublint: rate limited; waiting " << Seconds(wait) << "\n";
  }
  void OnRetry(const std::string& url, const std::string& reason) override {
    err_ << "hublint: retrying GET " << url << ": " << reason << "\n";
  }
  void OnFinished() override { err_.flush(); }

 private:
  std::ostream& err_;
};

class TerminalProgress : public FetchProgress {
 public:
  TerminalProgress(std::ostream& err, Clock& clock)
      : err_(err), clock_(clock) {}
  void OnPage(const std::string& endpoint, size_t items) override {
    Counts& c = active_[endpoint];
    ++c.pages;
    c.items += static_cast<int64_t>(items);
    ++answers_;
    Draw(false);
  }
  void OnEndpointDone(const std::string& endpoint, int64_t, int64_t,
                      absl::Duration) override {
    active_.erase(endpoint);
    ++done_;
    Draw(true);
  }
  void OnRateLimitWait(absl::Duration wait) override {
    ++waits_;
    note_ = Cat("rate limited, waiting ", Seconds(wait));
    Draw(true);
  }
  void OnRetry(const std::string&, const std::string& reason) override {
    ++retries_;
    note_ = Cat("retrying: ", reason);
    Draw(true);
  }
  void OnFinished() override {
    if (drawn_) err_ << "\r\x1b[K" << std::flush;
  }

 private:
  struct Counts {
    int64_t pages = 0;
    int64_t items = 0;
  };
  void Draw(bool force) {
    absl::Time now = clock_.Now();
    if (!force && now - last_ < absl::Milliseconds(100)) return;
    last_ = now;
    std::string line =
        Cat("fetch: ", answers_, " answers, ", done_, " endpoints done");
    for (const auto& [endpoint, c] : active_) {
      Append(&line, " | ", endpoint, " ", c.pages, "p ", c.items);
    }
    if (waits_ > 0) Append(&line, " | rate-limit waits ", waits_);
    if (retries_ > 0) Append(&line, " | retries ", retries_);
    if (!note_.empty()) Append(&line, " | ", note_);
    if (line.size() > 150) line = Cat(line.substr(0, 147), "...");
    err_ << "\r\x1b[K" << line << std::flush;
    drawn_ = true;
  }

  std::ostream& err_;
  Clock& clock_;
  std::map<std::string, Counts> active_;
  int64_t answers_ = 0;
  int64_t done_ = 0;
  int64_t waits_ = 0;
  int64_t retries_ = 0;
  std::string note_;
  absl::Time last_ = absl::InfinitePast();
  bool drawn_ = false;
};

}  // namespace

std::unique_ptr<FetchProgress> NewLogProgress(std::ostream& err) {
  return std::make_unique<LogProgress>(err);
}

std::unique_ptr<FetchProgress> NewTerminalProgress(std::ostream& err,
                                                   Clock& clock) {
  return std::make_unique<TerminalProgress>(err, clock);
}

}  // namespace hublint::hub
