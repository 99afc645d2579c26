#include "text/char_class.h"

#include <string>

namespace khaldun::text {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = to_lower(c);
  return out;
}

}  // namespace khaldun::text
