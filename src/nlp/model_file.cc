#include "nlp/model_file.h"

#include <fstream>

#include <fmt/format.h>

#include "nlp/hash.h"

namespace khaldun::nlp {
namespace {

// FNV-1a (then mixed, as hash_string does) is enough to catch damage; it does not resist
// tampering, which is not the point.
constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ULL;

uint64_t fnv_update(uint64_t h, std::string_view data) {
  for (char c : data) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

uint64_t checksum(std::string_view data) { return mix(fnv_update(kFnvOffset, data)); }

}  // namespace

void ModelWriter::save(const std::string& path) const {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw ModelError(fmt::format("cannot write model file {}", path));
  const uint32_t version = kModelVersion;
  const uint64_t size = buffer_.size();
  const uint64_t sum = checksum(buffer_);
  out.write(kModelMagic.data(), kModelMagic.size());
  out.write(reinterpret_cast<const char*>(&version), sizeof version);
  out.write(reinterpret_cast<const char*>(&size), sizeof size);
  out.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  out.write(reinterpret_cast<const char*>(&sum), sizeof sum);
  if (!out.flush()) throw ModelError(fmt::format("cannot write model file {}", path));
}

ModelReader::ModelReader(const std::string& path) : path_(path) {
  in_.open(path, std::ios::binary | std::ios::ate);
  if (!in_) throw ModelError(fmt::format("cannot open model file {}", path));
  const std::streamoff length = in_.tellg();
  in_.seekg(0);
  const uint64_t file_size = length > 0 ? static_cast<uint64_t>(length) : 0;
  const size_t header = kModelMagic.size() + sizeof(uint32_t) + sizeof(uint64_t);
  std::string magic(kModelMagic.size(), '\0');
  if (file_size < kModelMagic.size() || !in_.read(magic.data(), magic.size()) ||
      magic != kModelMagic)
    throw ModelError(fmt::format("{} is not a khaldun model (bad magic number)", path));
  uint32_t version = 0;
  uint64_t size = 0;
  if (file_size < header + sizeof(uint64_t) ||
      !in_.read(reinterpret_cast<char*>(&version), sizeof version) ||
      !in_.read(reinterpret_cast<char*>(&size), sizeof size))
    throw ModelError(fmt::format("model file {} is truncated ({} bytes)", path, file_size));
  if (version != kModelVersion)
    throw ModelError(fmt::format("model file {} has format version {}, this khaldun reads {}", path,
                                 version, kModelVersion));
  if (size != file_size - header - sizeof(uint64_t))
    throw ModelError(
        fmt::format("model file {} is truncated or damaged: {} bytes of data "
                    "announced, {} present",
                    path, size, file_size - header - sizeof(uint64_t)));
  remaining_ = size;
  hash_ = kFnvOffset;
}

void ModelReader::bytes(void* out, size_t n) {
  if (n > remaining_) fail("unexpected end of data");
  if (n == 0) return;
  char* p = static_cast<char*>(out);
  if (!in_.read(p, static_cast<std::streamsize>(n))) fail("read error");
  hash_ = fnv_update(hash_, std::string_view(p, n));
  remaining_ -= n;
  read_ += n;
}

std::string ModelReader::str() {
  const uint32_t n = u32();
  if (n > remaining_) fail("string longer than the file");
  std::string s(n, '\0');
  bytes(s.data(), n);
  return s;
}

std::vector<std::string> ModelReader::strings() {
  const uint32_t n = u32();
  if (n > remaining_ / sizeof(uint32_t)) fail("list longer than the file");
  std::vector<std::string> v;
  v.reserve(n);
  for (uint32_t i = 0; i < n; ++i) v.push_back(str());
  return v;
}

void ModelReader::finish() {
  if (remaining_ != 0) fail("unread data at the end");
  uint64_t sum = 0;
  if (!in_.read(reinterpret_cast<char*>(&sum), sizeof sum)) fail("missing checksum");
  if (mix(hash_) != sum)
    throw ModelError(fmt::format("model file {} is damaged (checksum mismatch)", path_));
}

void ModelReader::fail(std::string_view what) const {
  throw ModelError(
      fmt::format("model file {} is damaged or not of this version: {} at byte {} of the data",
                  path_, what, read_));
}

}  // namespace khaldun::nlp
