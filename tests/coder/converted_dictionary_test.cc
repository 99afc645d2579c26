// Lossless conversion, checked where it matters: PETRARCH-2 dictionaries converted to khaldun's
// format code every validation record exactly as the originals do (same options, same parses).
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "coder/coder.h"
#include "dict/khaldun_format.h"
#include "dict/load.h"
#include "io/petrarch_records.h"
#include "io/ud_v1.h"
#include "test_paths.h"

namespace khaldun::coder {
namespace {

TEST(ConvertedDictionary, CodesTheValidationRecordsLikeTheOriginal) {
  KHALDUN_REQUIRE_SHARED("data/petrarch/validation-records/PETR.UnitTest.records.ud.xml");
  dict::LoadOptions options;
  options.verbs_file = "PETR.Validate.verbs.2.0.txt";
  auto original = dict::open_dictionary(testing::shared_path("data/petrarch/validate"), options);
  auto dir = std::filesystem::temp_directory_path() / "khaldun-converted-validate";
  std::filesystem::remove_all(dir);
  dict::write_khaldun_directory(original->loaded.dict, dir.string());
  auto converted = dict::open_dictionary(dir.string());
  ASSERT_EQ(converted->loaded.layout, dict::Layout::kKhaldun);

  CoderOptions coder_options;
  coder_options.petrarch_compatible = true;
  Coder a(*original, coder_options);
  Coder b(*converted, coder_options);
  auto file = petrarch::read_record_file(
      testing::shared_path("data/petrarch/validation-records/PETR.UnitTest.records.ud.xml"));
  size_t compared = 0, events = 0;
  for (const auto& record : file.records) {
    if (record.ud_parse.empty()) continue;
    Document doc = petrarch::to_document(record, true);
    for (const Sentence& s : doc.sentences) ud::upgrade_ud_v1_labels(doc.tokens_of(s));
    std::set<std::string> from_a, from_b;
    for (const Event& e : a.code(doc))
      from_a.insert(e.source.code + ">" + e.target.code + ":" + e.code);
    for (const Event& e : b.code(doc))
      from_b.insert(e.source.code + ">" + e.target.code + ":" + e.code);
    EXPECT_EQ(from_a, from_b) << record.id << ": " << record.text;
    ++compared;
    events += from_a.size();
  }
  EXPECT_GT(compared, 270u);
  EXPECT_GT(events, 150u);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace khaldun::coder
