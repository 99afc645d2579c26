#include "core/diagnostics.h"

#include <ostream>

namespace khaldun {

Diagnostics::Diagnostics(std::ostream& out, size_t max_printed)
    : out_(out), max_printed_(max_printed) {}

void Diagnostics::print(std::string_view level, std::string_view where, std::string_view message,
                        size_t count) {
  if (count > max_printed_) return;
  out_ << "khaldun: " << level << ": " << where << ": " << message << "\n";
}

void Diagnostics::warning(std::string_view where, std::string_view message) {
  std::lock_guard lock(mutex_);
  print("warning", where, message, ++warnings_);
}

void Diagnostics::error(std::string_view where, std::string_view message) {
  std::lock_guard lock(mutex_);
  print("error", where, message, ++errors_);
}

void Diagnostics::flush_suppressed() {
  std::lock_guard lock(mutex_);
  size_t hidden_w = warnings_ > max_printed_ ? warnings_ - max_printed_ : 0;
  size_t hidden_e = errors_ > max_printed_ ? errors_ - max_printed_ : 0;
  if (hidden_w + hidden_e > 0)
    out_ << "khaldun: " << hidden_e << " more errors and " << hidden_w
         << " more warnings not shown\n";
}

}  // namespace khaldun
