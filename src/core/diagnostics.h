// Where warnings and errors about the input go. Every message names its place (file:line or the
// document id) so a user can find the bad record in a batch of millions; the counts feed the
// summary and the exit status.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <mutex>
#include <string_view>

namespace khaldun {

class Diagnostics {
 public:
  // Messages beyond `max_printed` of a kind are counted but not printed, so a corrupt file cannot
  // flood the terminal.
  explicit Diagnostics(std::ostream& out, size_t max_printed = 200);

  void warning(std::string_view where, std::string_view message);
  void error(std::string_view where, std::string_view message);

  size_t warnings() const { return warnings_; }
  size_t errors() const { return errors_; }
  // Prints how many messages were not shown, if any.
  void flush_suppressed();

 private:
  void print(std::string_view level, std::string_view where, std::string_view message,
             size_t count);

  std::ostream& out_;
  size_t max_printed_;
  size_t warnings_ = 0;
  size_t errors_ = 0;
  std::mutex mutex_;
};

}  // namespace khaldun
