#ifndef HUBLINT_HUB_SECRET_H_
#define HUBLINT_HUB_SECRET_H_

// A credential that must never reach an output: the Docker Hub token or
// password, and the JWT the API trades it for. The value is reachable only
// through Reveal(), which is called in exactly the places that put it on the
// wire (the login body, the Authorization header); there is no stream
// operator, so it cannot end up in a message by accident. The memory is
// wiped when the object dies.

#include <string>
#include <string_view>
#include <utility>

namespace hublint::hub {

class Secret {
 public:
  Secret() = default;
  explicit Secret(std::string value) : value_(std::move(value)) {}
  Secret(const Secret&) = default;
  Secret& operator=(const Secret&) = default;
  Secret(Secret&& other) noexcept : value_(std::move(other.value_)) {
    other.Wipe();
  }
  Secret& operator=(Secret&& other) noexcept {
    if (this != &other) {
      Wipe();
      value_ = std::move(other.value_);
      other.Wipe();
    }
    return *this;
  }
  ~Secret() { Wipe(); }

  bool empty() const { return value_.empty(); }
  // The value, for the wire only.
  const std::string& Reveal() const { return value_; }

 private:
  void Wipe() {
    volatile char* p = value_.data();
    for (size_t i = 0; i < value_.size(); ++i) p[i] = 0;
    value_.clear();
  }
  std::string value_;
};

}  // namespace hublint::hub

#endif  // HUBLINT_HUB_SECRET_H_
