#ifndef HUBLINT_UTIL_ENVIRONMENT_H_
#define HUBLINT_UTIL_ENVIRONMENT_H_

// The process environment behind an interface, so tests can give commands
// any environment (credentials, CI=true, NO_COLOR) without touching the real
// one.

#include <map>
#include <optional>
#include <string>

namespace hublint {

class Environment {
 public:
  virtual ~Environment() = default;
  // The value of variable `name`, or nullopt when it is not set.
  virtual std::optional<std::string> Get(const std::string& name) const = 0;
};

// The real process environment (getenv).
class ProcessEnvironment : public Environment {
 public:
  std::optional<std::string> Get(const std::string& name) const override;
};

// A fixed environment for tests.
class FakeEnvironment : public Environment {
 public:
  FakeEnvironment() = default;
  explicit FakeEnvironment(std::map<std::string, std::string> vars)
      : vars_(std::move(vars)) {}
  void Set(const std::string& name, const std::string& value) {
    vars_[name] = value;
  }
  std::optional<std::string> Get(const std::string& name) const override {
    auto it = vars_.find(name);
    if (it == vars_.end()) return std::nullopt;
    return it->second;
  }

 private:
  std::map<std::string, std::string> vars_;
};

}  // namespace hublint

#endif  // HUBLINT_UTIL_ENVIRONMENT_H_
