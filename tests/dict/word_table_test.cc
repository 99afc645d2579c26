// The word table's fast paths must give what the plain ones would: fixed-size loads the bytes a
// memcpy of the word's length gives, and 16-byte slots no false hits for words that share their
// first 8 or 16 bytes.
#include "dict/word_table.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>

namespace khaldun::dict {
namespace {

TEST(WordTable, LoadUpTo8IsAZeroPaddedCopy) {
  const std::string bytes = "\x01\x82\x43\xC4\x65\xF6\x27\x98\x19\xAA";
  for (size_t size = 0; size <= bytes.size(); ++size) {
    uint64_t expected = 0;
    std::memcpy(&expected, bytes.data(), std::min<size_t>(8, size));
    EXPECT_EQ(WordTable::load_upto8(bytes.data(), size), expected) << size;
  }
}

TEST(WordTable, WordsSharingTheirFirstBytesStayApart) {
  WordTable t;
  const std::string words[] = {"negotiation",
                               "negotiations",
                               "negotiator",
                               "abcdefghijklmnop",
                               "abcdefghijklmnopq",
                               "abcdefghijklmnopr",
                               "internationalising",
                               "internationalisers",
                               "a",
                               "ab"};
  for (const std::string& w : words) t.intern(w);
  for (uint32_t id = 0; id < std::size(words); ++id) EXPECT_EQ(t.find(words[id]), id) << id;
  // Same length and first 8 (16) bytes as a word in the table, but another word.
  EXPECT_EQ(t.find("negotiatioms"), WordTable::kMissing);
  EXPECT_EQ(t.find("abcdefghijklmnoq"), WordTable::kMissing);
  EXPECT_EQ(t.find("abcdefghijklmnops"), WordTable::kMissing);
  EXPECT_EQ(t.find("internationalisint"), WordTable::kMissing);
  EXPECT_EQ(t.find(""), WordTable::kMissing);
}

}  // namespace
}  // namespace khaldun::dict
