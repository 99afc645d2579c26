#include "nlp/hash_map.h"

#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace khaldun::nlp {
namespace {

TEST(HashMap64, FindsWhatWasInsertedAndNothingElse) {
  HashMap64<uint32_t> m;
  for (uint64_t k = 1; k <= 1000; ++k) m[k * 0x9e3779b97f4a7c15ULL] = static_cast<uint32_t>(k);
  EXPECT_EQ(m.size(), 1000u);
  for (uint64_t k = 1; k <= 1000; ++k) {
    const uint32_t* v = m.find(k * 0x9e3779b97f4a7c15ULL);
    ASSERT_NE(v, nullptr) << k;
    EXPECT_EQ(*v, k);
  }
  EXPECT_EQ(m.find(12345), nullptr);
  EXPECT_EQ(m.find(0), nullptr);
}

TEST(HashMap64, KeyZeroAndOverwritesAndInsertionOrder) {
  HashMap64<uint16_t> m;
  m[7] = 1;
  m[0] = 2;  // 0 marks empty slots inside, but is a key like any other outside
  m[3] = 3;
  m[7] = 4;  // an overwrite keeps the first place
  ASSERT_NE(m.find(0), nullptr);
  EXPECT_EQ(*m.find(0), 2);
  EXPECT_EQ(*m.find(7), 4);
  std::vector<std::pair<uint64_t, uint16_t>> seen;
  m.for_each([&](uint64_t k, uint16_t v) { seen.emplace_back(k, v); });
  const std::vector<std::pair<uint64_t, uint16_t>> want{{7, 4}, {0, 2}, {3, 3}};
  EXPECT_EQ(seen, want);
}

}  // namespace
}  // namespace khaldun::nlp
