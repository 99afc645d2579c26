#include "io/document_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace khaldun::io {
namespace {

class DocumentReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("khaldun-reader-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& content) {
    auto path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  std::vector<Document> read_all(std::vector<std::string> paths, ReaderOptions options = {}) {
    DocumentReader reader(std::move(paths), options, diag_);
    std::vector<Document> docs;
    Document doc;
    while (reader.next(doc)) docs.push_back(doc);
    stats_ = reader.stats();
    return docs;
  }

  std::filesystem::path dir_;
  std::ostringstream messages_;
  Diagnostics diag_{messages_};
  ReadStats stats_;
};

TEST_F(DocumentReaderTest, JsonLinesKeepsMetadataAndReportsBadLines) {
  std::string path =
      write("batch.jsonl",
            "{\"id\": \"a\", \"date\": \"2023-03-29\", \"text\": \"Iran met Russia.\", "
            "\"source\": \"Xinhua\", \"tags\": [1, 2]}\n"
            "{\"id\": \"b\", \"text\": \n"
            "\n"
            "[1, 2]\n"
            "{\"id\": \"c\", \"title\": \"no text\"}\n"
            "{\"id\": 7, \"text\": \"Numbers as ids.\", \"date\": \"29 March\"}\n"
            "{\"id\": \"e\", \"text\": \"   \"}\n");
  auto docs = read_all({path}, {InputFormat::kAuto, "2020-01-01"});
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "a");
  EXPECT_EQ(docs[0].date, "2023-03-29");
  EXPECT_EQ(docs[0].meta["source"], "Xinhua");
  EXPECT_EQ(docs[0].meta["tags"].size(), 2u);
  EXPECT_EQ(docs[1].id, "7");
  EXPECT_EQ(docs[1].date, "2020-01-01");  // the bad date falls back to --date
  EXPECT_EQ(stats_.read, 6u);
  EXPECT_EQ(stats_.skipped, 4u);
  std::string log = messages_.str();
  EXPECT_NE(log.find("batch.jsonl:2: malformed JSON"), std::string::npos) << log;
  EXPECT_NE(log.find("batch.jsonl:4: a JSON Lines record must be an object"), std::string::npos);
  EXPECT_NE(log.find("batch.jsonl:5: record 'c' has no \"text\" field"), std::string::npos);
  EXPECT_NE(log.find("date '29 March' is not YYYY-MM-DD"), std::string::npos);
  EXPECT_NE(log.find("document 'e' skipped: empty"), std::string::npos);
}

TEST_F(DocumentReaderTest, PlainTextFilesAreDocumentsNamedAfterTheFile) {
  std::string a = write("a.txt", "Iran met Russia.");
  std::string bad = write("bad.txt", std::string("abc\0def", 7));
  std::string utf = write("utf.txt", "Caf\xC3 ok");
  std::string missing = (dir_ / "missing.txt").string();
  auto docs = read_all({a, bad, missing, utf}, {InputFormat::kAuto, "2023-03-29"});
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "a.txt");
  EXPECT_EQ(docs[0].date, "2023-03-29");
  EXPECT_EQ(docs[1].raw, "Caf\xEF\xBF\xBD ok");
  EXPECT_EQ(stats_.read, 4u);
  EXPECT_EQ(stats_.skipped, 2u);
  EXPECT_EQ(stats_.repaired, 1u);
  std::string log = messages_.str();
  EXPECT_NE(log.find("binary data (NUL byte at offset 3)"), std::string::npos) << log;
  EXPECT_NE(log.find("missing.txt: cannot open file"), std::string::npos);
  EXPECT_NE(log.find("1 invalid UTF-8 sequences replaced"), std::string::npos);
}

TEST_F(DocumentReaderTest, JsonEscapedNulIsBinary) {
  std::string path = write("nul.jsonl", "{\"id\": \"n\", \"text\": \"a\\u0000b\"}\n");
  EXPECT_TRUE(read_all({path}).empty());
  EXPECT_EQ(stats_.skipped, 1u);
}

TEST_F(DocumentReaderTest, OversizedDocumentsAreSkipped) {
  std::string path = write("big.txt", std::string(2000, 'x'));
  ReaderOptions options;
  options.max_document_bytes = 1000;
  EXPECT_TRUE(read_all({path}, options).empty());
  EXPECT_NE(messages_.str().find("over the limit"), std::string::npos);
}

TEST(InputFormat, ParsesNames) {
  EXPECT_EQ(parse_input_format("jsonl"), InputFormat::kJsonl);
  EXPECT_THROW(parse_input_format("xml"), std::invalid_argument);
}

}  // namespace
}  // namespace khaldun::io
