#include "core/document.h"

namespace khaldun {

std::string_view to_string(SegmentKind kind) {
  switch (kind) {
    case SegmentKind::kBody:
      return "body";
    case SegmentKind::kHeadline:
      return "headline";
    case SegmentKind::kDateline:
      return "dateline";
    case SegmentKind::kCredit:
      return "credit";
    case SegmentKind::kByline:
      return "byline";
  }
  return "body";
}

}  // namespace khaldun
