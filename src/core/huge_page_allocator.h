// An allocator for large tables read at random places (a loaded model's weights, the dictionaries'
// word and trie tables): blocks of 1 MB or more are mapped, aligned to 2 MB and offered to the
// kernel as transparent huge pages. With 4 KB pages nearly every lookup in a table of several MB
// is a TLB miss as well as a cache miss, and under virtualisation a TLB miss walks two page tables.
//
// `kLoaded` is for tables filled right away from a file (nlp::BigAllocator): their pages are mapped
// pre-populated, since touching fresh memory page by page costs ~4 ms per MB here (a fault per
// page) against a tenth of that, and their elements are default-initialised, not zeroed.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <new>
#include <utility>

namespace khaldun {

template <typename T, bool kLoaded = false>
struct HugePageAllocator {
  using value_type = T;
  static constexpr size_t kThreshold = size_t{1} << 20;  // smaller blocks go to operator new
  static constexpr size_t kHugePage = size_t{2} << 20;
  // Small blocks keep the element's alignment too (a table's slots may be aligned to cache lines).
  static constexpr std::align_val_t kAlign{alignof(T)};
  template <typename U>
  struct rebind {
    using other = HugePageAllocator<U, kLoaded>;
  };

  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U, kLoaded>&) {}

  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kThreshold) return static_cast<T*>(::operator new(bytes, kAlign));
    const size_t size = mapped_size(bytes);
    // One huge page more than needed, then the ends cut off so that the block is aligned.
    void* raw = mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (raw == MAP_FAILED) throw std::bad_alloc();
    const auto start = reinterpret_cast<uintptr_t>(raw);
    const uintptr_t aligned = (start + kHugePage - 1) & ~(kHugePage - 1);
    if (aligned > start) munmap(raw, aligned - start);
    if (const uintptr_t end = start + size + kHugePage; end > aligned + size)
      munmap(reinterpret_cast<void*>(aligned + size), end - aligned - size);
    void* p = reinterpret_cast<void*>(aligned);
    // Hints: without huge pages or MADV_POPULATE_WRITE (Linux < 5.14) the memory is there all the
    // same, only slower.
    madvise(p, size, MADV_HUGEPAGE);
#ifdef MADV_POPULATE_WRITE
    if constexpr (kLoaded) madvise(p, size, MADV_POPULATE_WRITE);
#endif
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kThreshold) {
      ::operator delete(p, kAlign);
    } else {
      munmap(p, mapped_size(bytes));
    }
  }
  // A loaded table is overwritten right away (and mapped memory is zero already).
  template <typename U, typename... Args>
  requires kLoaded void construct(U* p, Args&&... args) {
    if constexpr (sizeof...(Args) == 0) {
      ::new (static_cast<void*>(p)) U;
    } else {
      ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
  }
  template <typename U>
  bool operator==(const HugePageAllocator<U, kLoaded>&) const {
    return true;
  }

 private:
  // Whole huge pages, so that no small page is left at the end of a block.
  static size_t mapped_size(size_t bytes) { return (bytes + kHugePage - 1) & ~(kHugePage - 1); }
};

}  // namespace khaldun
