// The parse filter may only skip sentences whose parse could not change what the coder outputs:
// coding the corpus with the filter (tag everything, parse what it keeps) must give exactly the
// events of coding every sentence parsed, for both dictionary sets and with and without
// --allow-no-target. This also catches a change to the coder that the filter does not allow for
// (a new source of actors, say). Coding every sentence in full (as with limit reports) must give
// the same events as the coder's shortcuts for sentences that cannot give one.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "coder/coder.h"
#include "coder/event_output.h"
#include "coder/parse_filter.h"
#include "core/diagnostics.h"
#include "dict/load.h"
#include "io/document_reader.h"
#include "nlp/pipeline.h"
#include "test_paths.h"
#include "text/text_pipeline.h"

namespace khaldun::coder {
namespace {

constexpr size_t kDocuments = 150;

std::vector<Document> corpus_text() {
  std::ifstream in(testing::shared_path("data/corpus/synthetic_news.jsonl"));
  std::ostringstream messages;
  Diagnostics diag(messages);
  io::ReaderOptions options;
  options.format = io::InputFormat::kJsonl;
  options.date = "2023-03-29";
  io::DocumentReader reader(in, "corpus", options, diag);
  std::vector<Document> out;
  Document doc;
  while (out.size() < kDocuments && reader.next(doc)) {
    text::analyse(doc);
    out.push_back(std::move(doc));
  }
  return out;
}

// With `limits`, the coder is asked for its limit reports, which makes it go through every
// predicate of every sentence: without, it skips sentences that cannot give an event (no
// dictionary verb, or no possible source), and must give the same events.
std::string code_all(const std::vector<Document>& docs, const dict::DictionarySet& dictionaries,
                     bool allow_no_target, bool limits = false) {
  CoderOptions options;
  options.allow_no_target = allow_no_target;
  options.petrarch_compatible = dictionaries.loaded.layout == dict::Layout::kPetrarch;
  Coder coder(dictionaries, options);
  std::string out;
  for (const Document& doc : docs) {
    std::vector<std::string> limit_lines;
    for (const Event& e : coder.code(doc, nullptr, limits ? &limit_lines : nullptr))
      out += event_json(doc, e, coder.dictionary()).dump() + "\n";
  }
  return out;
}

void expect_same_events(const std::string& dict_dir) {
  auto pipeline = nlp::Pipeline::load(nlp::Pipeline::default_model_path());
  auto dictionaries = dict::open_dictionary(dict_dir);
  std::vector<Document> text = corpus_text();
  ASSERT_EQ(text.size(), kDocuments);
  std::vector<Document> full = text;
  for (Document& doc : full) pipeline.annotate(doc);
  for (bool allow_no_target : {false, true}) {
    ParseFilter filter(*dictionaries->compiled, allow_no_target);
    std::vector<Document> filtered = text;
    size_t sentences = 0, parsed = 0;
    for (Document& doc : filtered) {
      for (const Sentence& s : doc.sentences)
        if (s.codable()) pipeline.tag(doc.tokens_of(s));
      std::vector<bool> parse = filter.sentences_to_parse(doc);
      for (size_t k = 0; k < doc.sentences.size(); ++k) {
        sentences += doc.sentences[k].codable() ? 1 : 0;
        if (!parse[k]) continue;
        EXPECT_TRUE(doc.sentences[k].codable());
        pipeline.parse(doc.tokens_of(doc.sentences[k]));
        ++parsed;
      }
    }
    std::string expected = code_all(full, *dictionaries, allow_no_target);
    EXPECT_FALSE(expected.empty());
    EXPECT_EQ(code_all(full, *dictionaries, allow_no_target, true), expected)
        << "every sentence coded in full, allow_no_target=" << allow_no_target;
    EXPECT_EQ(code_all(filtered, *dictionaries, allow_no_target), expected)
        << "allow_no_target=" << allow_no_target;
    // The filter is worth having: it leaves out a good share of the sentences.
    EXPECT_LT(parsed, sentences);
  }
}

TEST(ParseFilter, SameEventsWithDefaultDictionaries) {
  KHALDUN_REQUIRE_SHARED("data/corpus/synthetic_news.jsonl");
  expect_same_events("");
}

TEST(ParseFilter, SameEventsWithPhoenix) {
  KHALDUN_REQUIRE_SHARED("data/corpus/synthetic_news.jsonl");
  KHALDUN_REQUIRE_SHARED("data/petrarch/phoenix");
  expect_same_events(testing::shared_path("data/petrarch/phoenix"));
}

}  // namespace
}  // namespace khaldun::coder
