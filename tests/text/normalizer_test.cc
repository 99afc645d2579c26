#include "text/normalizer.h"

#include <gtest/gtest.h>

#include "text/html_entities.h"
#include "text/utf8.h"

namespace khaldun::text {
namespace {

TEST(Normalizer, FoldsTypographicPunctuationAndKeepsOffsets) {
  std::string raw =
      "Iran\xE2\x80\x99s \xE2\x80\x9C"
      "correct path\xE2\x80\x9D \xE2\x80\x94 done\xE2\x80\xA6";
  MappedText n = normalize(raw);
  EXPECT_EQ(n.text, "Iran's \"correct path\" -- done...");
  ASSERT_EQ(n.to_raw.size(), n.text.size() + 1);
  // The apostrophe maps to the first byte of U+2019 in the raw text.
  EXPECT_EQ(n.to_raw[4], 4u);
  EXPECT_EQ(n.to_raw[5], 7u);  // 's' follows the three-byte apostrophe
  EXPECT_EQ(n.to_raw.back(), raw.size());
}

TEST(Normalizer, NonBreakingAndZeroWidthSpaces) {
  std::string raw =
      "a\xC2\xA0"
      "b\xE2\x80\x8B"
      "c\r\nd\te";
  EXPECT_EQ(normalize(raw).text, "a bc\nd e");
}

TEST(Normalizer, DecodesHtmlEntities) {
  EXPECT_EQ(normalize("AT&amp;T &lt;b&gt; &#8220;hi&#x201D; &nbsp;x &bogus; & done").text,
            "AT&T <b> \"hi\"  x &bogus; & done");
}

TEST(Normalizer, ComposesToNfc) {
  // "e" + COMBINING ACUTE ACCENT becomes U+00E9.
  EXPECT_EQ(normalize("Caf"
                      "e\xCC\x81")
                .text,
            "Caf\xC3\xA9");
  EXPECT_EQ(normalize("Erdo\xC4\x9F"
                      "an")
                .text,
            "Erdo\xC4\x9F"
            "an");
}

TEST(HtmlEntities, RejectsUnterminatedAndOutOfRange) {
  size_t length = 0;
  EXPECT_EQ(decode_html_entity("&amp", 0, length), -1);
  EXPECT_EQ(decode_html_entity("&#0;", 0, length), -1);
  EXPECT_EQ(decode_html_entity("&#x110000;", 0, length), -1);
  EXPECT_EQ(decode_html_entity("&#65;", 0, length), 'A');
  EXPECT_EQ(length, 5u);
}

TEST(Utf8, ReplacesInvalidSequencesAndCountsThem) {
  std::string s = "ok \xFF\xFE bad \xC3 end";
  Utf8Repair r = repair_utf8(s);
  EXPECT_EQ(r.replaced, 3u);
  EXPECT_EQ(r.first_offset, 3u);
  EXPECT_EQ(s, "ok \xEF\xBF\xBD\xEF\xBF\xBD bad \xEF\xBF\xBD end");
  std::string valid = "Amir-Abdollahian \xE2\x80\x99";
  EXPECT_EQ(repair_utf8(valid).replaced, 0u);
  EXPECT_EQ(valid, "Amir-Abdollahian \xE2\x80\x99");
}

}  // namespace
}  // namespace khaldun::text
