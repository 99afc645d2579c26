// The large tables of a loaded model: on huge pages, mapped pre-populated (model loading stays
// under half a second), elements not zeroed (see core/huge_page_allocator.h). The scorers read a
// few hundred random places of ~60 MB of tables per parser move.
#pragma once

#include <vector>

#include "core/huge_page_allocator.h"

namespace khaldun::nlp {

template <typename T>
using BigAllocator = HugePageAllocator<T, /*kLoaded=*/true>;

template <typename T>
using BigVector = std::vector<T, BigAllocator<T>>;

}  // namespace khaldun::nlp
