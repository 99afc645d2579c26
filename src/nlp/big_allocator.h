// An allocator for the large tables of a loaded model. On the machines we run on, touching fresh
// memory page by page costs ~4 ms per MB (a fault per page); mapping it pre-populated costs a
// tenth of that, which is what keeps model loading under half a second.
#pragma once

#include <sys/mman.h>

#include <cstddef>
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

  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kThreshold) return static_cast<T*>(::operator new(bytes));
    void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kThreshold) {
      ::operator delete(p);
    } else {
      munmap(p, bytes);
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
};

template <typename T>
using BigVector = std::vector<T, BigAllocator<T>>;

}  // namespace khaldun::nlp
