// Where loaders report problems. Errors stop the load (throw DictError) unless the load is
// lenient, in which case the bad entry is skipped and counted; warnings never stop it.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "dict/model.h"

namespace khaldun::dict {

class DictError : public std::runtime_error {
 public:
  DictError(SourceRef where, const std::string& message)
      : std::runtime_error(where.to_string() + ": " + message), where_(std::move(where)) {}
  const SourceRef& where() const { return where_; }

 private:
  SourceRef where_;
};

class Diagnostics {
 public:
  explicit Diagnostics(bool lenient = false) : lenient_(lenient) {}

  void warn(SourceRef where, std::string message);
  // Throws DictError when not lenient; otherwise records the error and counts a skipped entry.
  void error(SourceRef where, std::string message);

  const std::vector<Diagnostic>& items() const { return items_; }
  int errors() const { return errors_; }
  int warnings() const { return warnings_; }
  int skipped() const { return errors_; }  // every error skips the entry it was found in
  bool lenient() const { return lenient_; }

 private:
  bool lenient_;
  std::vector<Diagnostic> items_;
  int errors_ = 0;
  int warnings_ = 0;
};

}  // namespace khaldun::dict
