// An allocator for the large tables of a loaded model. On the machines we run on, touching fresh
// memory page by page costs ~4 ms per MB (a fault per page); mapping it pre-populated costs a
// tenth of that, which is what keeps model loading under half a second.
//
// The blocks are also aligned to 2 MB and offered to the kernel as transparent huge pages: the
// scorers read a few hundred random places of ~60 MB of tables per parser move, and with 4 KB
// pages nearly every one of them was a TLB miss too (a page walk before the cache miss).
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <new>
#include <utility>
#include <vector>

namespace khaldun::nlp {

template <typename T>
struct BigAllocator {
  using value_type = T;
  static constexpr size_t kThreshold = size_t{1} << 20;  // smaller blocks go to operator new

  BigAllocator() = default;
  template <typename U>
  BigAllocator(const BigAllocator<U>&) {}

  static constexpr size_t kHugePage = size_t{2} << 20;

  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kThreshold) return static_cast<T*>(::operator new(bytes));
    const size_t size = mapped_size(bytes);
    // Map one huge page more than needed, then cut the ends off so that the block is aligned.
    void* raw = mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (raw == MAP_FAILED) throw std::bad_alloc();
    const auto start = reinterpret_cast<uintptr_t>(raw);
    const uintptr_t aligned = (start + kHugePage - 1) & ~(kHugePage - 1);
    if (aligned > start) munmap(raw, aligned - start);
    if (const uintptr_t end = start + size + kHugePage; end > aligned + size)
      munmap(reinterpret_cast<void*>(aligned + size), end - aligned - size);
    void* p = reinterpret_cast<void*>(aligned);
    // Both are hints: without huge pages or MADV_POPULATE_WRITE (Linux < 5.14) the memory is
    // still there, only slower.
    madvise(p, size, MADV_HUGEPAGE);
#ifdef MADV_POPULATE_WRITE
    madvise(p, size, MADV_POPULATE_WRITE);
#endif
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kThreshold) {
      ::operator delete(p);
    } else {
      munmap(p, mapped_size(bytes));
    }
  }
  // Elements are default-initialised, not zeroed: a loaded table is overwritten right away, and
  // mapped memory is zero already.
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    if constexpr (sizeof...(Args) == 0) {
      ::new (static_cast<void*>(p)) U;
    } else {
      ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
  }
  template <typename U>
  bool operator==(const BigAllocator<U>&) const {
    return true;
  }

 private:
  // Whole huge pages, so that no small page is left at the end of a block.
  static size_t mapped_size(size_t bytes) { return (bytes + kHugePage - 1) & ~(kHugePage - 1); }
};

template <typename T>
using BigVector = std::vector<T, BigAllocator<T>>;

}  // namespace khaldun::nlp
