#include "lint/config/provenance.h"

#include "lint/util/strings.h"

namespace hublint {

Provenance Provenance::File(const SourceText& file, size_t offset) {
  Provenance p;
  p.origin = ConfigOrigin::kFile;
  p.name = file.name();
  p.offset = offset;
  p.position = file.PositionOf(offset);
  return p;
}

Provenance Provenance::Environment(std::string variable) {
  Provenance p;
  p.origin = ConfigOrigin::kEnvironment;
  p.name = std::move(variable);
  return p;
}

Provenance Provenance::Flag(std::string flag) {
  Provenance p;
  p.origin = ConfigOrigin::kFlag;
  p.name = std::move(flag);
  return p;
}

std::string Provenance::ToString() const {
  switch (origin) {
    case ConfigOrigin::kDefault:
      return "default";
    case ConfigOrigin::kFile:
      return Cat(name, ":", position.line, ":", position.column);
    case ConfigOrigin::kEnvironment:
      return Cat("env ", name);
    case ConfigOrigin::kFlag:
      return Cat("flag --", name);
  }
  return "default";
}

std::string ConfigDiagnostic(const std::shared_ptr<const SourceText>& file,
                             const Provenance& at, std::string_view message) {
  if (at.origin == ConfigOrigin::kFile && file != nullptr) {
    return file->Diagnostic(at.offset, message);
  }
  return Cat(at.ToString(), ": ", message);
}

}  // namespace hublint
