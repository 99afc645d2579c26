// Paths the tests need, and the skip rule for data that lives outside the repo.
#pragma once

#include <filesystem>
#include <string>

namespace khaldun::testing {

inline std::string source_path(const std::string& relative) {
  return std::string(KHALDUN_SOURCE_DIR) + "/" + relative;
}

inline std::string shared_path(const std::string& relative) {
  return std::string(KHALDUN_SHARED_DIR) + "/" + relative;
}

inline bool shared_available(const std::string& relative) {
  return std::filesystem::exists(shared_path(relative));
}

}  // namespace khaldun::testing

// Skips the current test when a file of ../shared is absent (a user's machine); CI has it.
#define KHALDUN_REQUIRE_SHARED(relative)                                                        \
  do {                                                                                          \
    if (!::khaldun::testing::shared_available(relative))                                        \
      GTEST_SKIP() << "needs " << ::khaldun::testing::shared_path(relative)                     \
                   << " (the shared data folder, present in CI but not shipped with the repo)"; \
  } while (0)
