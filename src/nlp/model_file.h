// The binary model format: little-endian fields behind a magic number and a version, closed by
// a checksum of everything before it, so a truncated or damaged file is refused with a clear
// message instead of being half-read.
#pragma once

#include <cstdint>
#include <cstring>
#include <fstream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace khaldun::nlp {

struct ModelError : std::runtime_error {
  using runtime_error::runtime_error;
};

inline constexpr std::string_view kModelMagic = "KHALDUN-NLP";
// 2: the tagger stores WordNet's word classes.
inline constexpr uint32_t kModelVersion = 2;

class ModelWriter {
 public:
  void u8(uint8_t v) { buffer_.push_back(static_cast<char>(v)); }
  void u16(uint16_t v) { raw(&v, sizeof v); }
  void u32(uint32_t v) { raw(&v, sizeof v); }
  void u64(uint64_t v) { raw(&v, sizeof v); }
  void f32(float v) { raw(&v, sizeof v); }
  void str(std::string_view s) {
    u32(static_cast<uint32_t>(s.size()));
    buffer_.append(s);
  }
  void strings(const std::vector<std::string>& v) {
    u32(static_cast<uint32_t>(v.size()));
    for (const auto& s : v) str(s);
  }
  template <typename T>
  void array(std::span<const T> v) {
    u64(v.size());
    raw(v.data(), v.size() * sizeof(T));
  }
  template <typename T, typename Alloc>
  void array(const std::vector<T, Alloc>& v) {
    array(std::span<const T>(v));
  }

  // Header + payload + checksum, written to `path` (throws ModelError on an I/O failure).
  void save(const std::string& path) const;

 private:
  void raw(const void* p, size_t n) { buffer_.append(static_cast<const char*>(p), n); }
  std::string buffer_;
};

// Reads the payload straight from the file into its final place (no copy of the whole file:
// on this kind of machine touching fresh memory is what loading costs), checking the checksum
// as it goes; finish() compares it.
class ModelReader {
 public:
  // Opens the file and checks magic, version and size.
  explicit ModelReader(const std::string& path);

  uint8_t u8() { return take<uint8_t>(); }
  uint16_t u16() { return take<uint16_t>(); }
  uint32_t u32() { return take<uint32_t>(); }
  uint64_t u64() { return take<uint64_t>(); }
  float f32() { return take<float>(); }
  std::string str();
  std::vector<std::string> strings();
  template <typename T, typename Alloc = std::allocator<T>>
  std::vector<T, Alloc> array() {
    const uint64_t n = u64();
    if (n > remaining_ / sizeof(T)) fail("array longer than the file");
    std::vector<T, Alloc> v(n);
    bytes(v.data(), n * sizeof(T));
    return v;
  }
  // Everything must have been read and the checksum must match.
  void finish();
  [[noreturn]] void fail(std::string_view what) const;

 private:
  template <typename T>
  T take() {
    T v;
    bytes(&v, sizeof(T));
    return v;
  }
  void bytes(void* out, size_t n);

  std::string path_;
  std::ifstream in_;
  uint64_t remaining_ = 0;  // payload bytes not read yet
  uint64_t read_ = 0;
  uint64_t hash_;  // FNV-1a state over the payload read so far
};

}  // namespace khaldun::nlp
