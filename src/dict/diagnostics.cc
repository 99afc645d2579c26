#include "dict/diagnostics.h"

namespace khaldun::dict {

std::string Diagnostic::to_string() const {
  return where.to_string() + (severity == Severity::kError ? ": error: " : ": warning: ") + message;
}

void Diagnostics::warn(SourceRef where, std::string message) {
  ++warnings_;
  items_.push_back({Severity::kWarning, std::move(where), std::move(message)});
}

void Diagnostics::error(SourceRef where, std::string message) {
  if (!lenient_) throw DictError(std::move(where), message);
  ++errors_;
  items_.push_back({Severity::kError, std::move(where), std::move(message)});
}

}  // namespace khaldun::dict
