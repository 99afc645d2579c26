#include "io/conllu.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace khaldun::conllu {
namespace {

const char* kSample =
    "# newdoc id = doc1\n"
    "# newpar\n"
    "# sent_id = s1\n"
    "# text = Iran's army didn't move.\n"
    "1-2\tIran's\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "1\tIran\tIran\tPROPN\tNNP\tNumber=Sing\t3\tnmod:poss\t_\t_\n"
    "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n"
    "3\tarmy\tarmy\tNOUN\tNN\tNumber=Sing\t6\tnsubj\t_\t_\n"
    "4-5\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "4\tdid\tdo\tAUX\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t6\taux\t_\t_\n"
    "5\tn't\tnot\tPART\tRB\t_\t6\tadvmod\t_\t_\n"
    "6\tmove\tmove\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\tSpaceAfter=No\n"
    "7\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_\n"
    "\n"
    "# sent_id = s2\n"
    "# text = It  stayed.\n"
    "1\tIt\tit\tPRON\tPRP\t_\t2\tnsubj\t_\tGloss=x\n"
    "2\tstayed\tstay\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
    "2.1\tghost\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# newpar\n"
    "# sent_id = s3\n"
    "1\tNo\tno\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n"
    "2\t!\t!\tPUNCT\t.\t_\t1\tpunct\t_\t_\n"
    "\n"
    "# newdoc id = doc2\n"
    "# text = Second.\n"
    "1\tSecond\tsecond\tADJ\tJJ\t_\t0\troot\t_\tSpaceAfter=No\n"
    "2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n";

std::vector<Document> read_all(const std::string& text, const std::string& name = "t.conllu") {
  std::istringstream in(text);
  Reader reader(in, name);
  std::vector<Document> docs;
  while (auto doc = reader.next()) docs.push_back(std::move(*doc));
  return docs;
}

TEST(ConlluReader, ReadsDocumentsSentencesAndColumns) {
  auto docs = read_all(kSample);
  ASSERT_EQ(docs.size(), 2u);
  const Document& d = docs[0];
  EXPECT_EQ(d.id, "doc1");
  EXPECT_EQ(d.raw, "Iran's army didn't move. It  stayed.\n\nNo!");
  ASSERT_EQ(d.sentences.size(), 3u);
  EXPECT_EQ(d.sentences[0].paragraph, 0u);
  EXPECT_EQ(d.sentences[1].paragraph, 0u);
  EXPECT_EQ(d.sentences[2].paragraph, 1u);
  EXPECT_EQ(d.raw_text(d.sentences[1].raw), "It  stayed.");
  EXPECT_EQ(d.sentences[1].token_count, 3u);  // the empty node 2.1 is skipped
  EXPECT_EQ(d.sentences[2].text, "No!");      // rebuilt from the forms and SpaceAfter=No
  ASSERT_EQ(d.tokens.size(), 12u);
  const Token& army = d.tokens[2];
  EXPECT_EQ(army.form, "army");
  EXPECT_EQ(army.lemma, "army");
  EXPECT_EQ(army.upos, "NOUN");
  EXPECT_EQ(army.xpos, "NN");
  EXPECT_EQ(army.feats, "Number=Sing");
  EXPECT_EQ(army.head, 6);
  EXPECT_EQ(army.deprel, "nsubj");
  EXPECT_EQ(d.raw_text(army.raw), "army");
  EXPECT_EQ(d.raw_text(d.tokens[8].raw), "stayed");
  EXPECT_EQ(d.tokens[8].raw.begin, 29u);
  EXPECT_EQ(d.tokens[7].misc, "Gloss=x");
  EXPECT_EQ(docs[1].id, "doc2");
  EXPECT_EQ(docs[1].raw, "Second.");
}

TEST(ConlluReader, MultiwordTokens) {
  auto docs = read_all(kSample);
  const Document& d = docs[0];
  EXPECT_EQ(d.tokens[0].mwt_size, 2);
  EXPECT_EQ(d.tokens[1].mwt_size, 0);
  EXPECT_EQ(d.tokens[3].mwt_size, 2);
  EXPECT_EQ(d.raw_text(d.tokens[3].raw), "didn't");
  EXPECT_EQ(d.raw_text(d.tokens[4].raw), "didn't");
  EXPECT_FALSE(d.tokens[3].space_after);
  EXPECT_TRUE(d.tokens[4].space_after);
  EXPECT_FALSE(d.tokens[5].space_after);
}

TEST(ConlluReader, FileWithoutNewdocIsOneDocument) {
  auto docs =
      read_all("1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n1\tYo\tyo\tINTJ\tUH\t_\t0\troot\t_\t_\n",
               "x.conllu");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "x.conllu#1");
  EXPECT_EQ(docs[0].raw, "Hi Yo");
  EXPECT_EQ(docs[0].sentences.size(), 2u);
}

TEST(ConlluWriter, RoundTrip) {
  auto docs = read_all(kSample);
  std::ostringstream out;
  for (const auto& d : docs) write(out, d);
  const std::string written = out.str();
  EXPECT_NE(written.find("# sent_id = doc1-2\n"), std::string::npos);
  EXPECT_NE(written.find("# text = It  stayed.\n"), std::string::npos);
  EXPECT_NE(written.find("4-5\tdidn't\t_\t_\t_\t_\t_\t_\t_\tTokenRange=12:18\n"),
            std::string::npos);
  EXPECT_NE(written.find("6\tmove\tmove\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\tSpaceAfter=No|"
                         "TokenRange=19:23\n"),
            std::string::npos);
  EXPECT_NE(written.find("1\tIt\tit\tPRON\tPRP\t_\t2\tnsubj\t_\tGloss=x|TokenRange=25:27\n"),
            std::string::npos);

  auto again = read_all(written);
  ASSERT_EQ(again.size(), docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    EXPECT_EQ(again[i].id, docs[i].id);
    EXPECT_EQ(again[i].raw, docs[i].raw);
    ASSERT_EQ(again[i].tokens.size(), docs[i].tokens.size());
    for (size_t k = 0; k < docs[i].tokens.size(); ++k) {
      const Token& a = again[i].tokens[k];
      const Token& b = docs[i].tokens[k];
      EXPECT_EQ(a.form, b.form);
      EXPECT_EQ(a.lemma, b.lemma);
      EXPECT_EQ(a.upos, b.upos);
      EXPECT_EQ(a.feats, b.feats);
      EXPECT_EQ(a.head, b.head);
      EXPECT_EQ(a.deprel, b.deprel);
      EXPECT_EQ(a.raw, b.raw);
      EXPECT_EQ(a.mwt_size, b.mwt_size);
      EXPECT_EQ(a.space_after, b.space_after);
    }
  }
}

TEST(ConlluWriter, SkipsBoilerplateUnlessAsked) {
  auto docs = read_all(kSample);
  Document d = docs[0];
  d.sentences[0].kind = SegmentKind::kDateline;
  std::ostringstream plain, all;
  write(plain, d);
  write(all, d, WriteOptions{.all_sentences = true});
  EXPECT_EQ(plain.str().find("Iran's"), std::string::npos);
  EXPECT_NE(plain.str().find("# sent_id = doc1-1\n# text = It"), std::string::npos);
  EXPECT_NE(all.str().find("# boilerplate = dateline\n# sent_id = doc1-1\n"), std::string::npos);
}

// The error for `text`, which must name `line`; then the reader goes on with what follows.
std::string error_of(const std::string& text, size_t* docs_after = nullptr) {
  std::istringstream in(text);
  Reader reader(in, "bad.conllu");
  std::string message;
  size_t count = 0;
  for (;;) {
    try {
      auto doc = reader.next();
      if (!doc) break;
      count += doc->sentences.size();
    } catch (const ParseError& e) {
      message = e.what();
    }
  }
  if (docs_after) *docs_after = count;
  return message;
}

const char* kGood = "1\tOk\tok\tINTJ\tUH\t_\t0\troot\t_\t_\n\n";

TEST(ConlluReader, WrongColumnCount) {
  size_t sentences = 0;
  EXPECT_EQ(error_of(std::string(kGood) +
                         "# text = a b\n1\ta\ta\tX\n2\tb\tb\tX\tX\t_\t0\troot\t_\t_\n\n" + kGood,
                     &sentences),
            "bad.conllu:4: expected 10 tab-separated columns, found 4");
  EXPECT_EQ(sentences, 2u);  // the bad sentence is dropped, the good ones around it are kept
}

TEST(ConlluReader, BadHead) {
  EXPECT_EQ(error_of(std::string(kGood) + "1\ta\ta\tX\tX\t_\tx\troot\t_\t_\n"),
            "bad.conllu:3: expected a numeric HEAD or '_', found 'x'");
  EXPECT_EQ(error_of("1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n2\tb\tb\tX\tX\t_\t7\tdep\t_\t_\n\n"),
            "bad.conllu:2: HEAD 7 is beyond the sentence's 2 words");
}

TEST(ConlluReader, NonNumericId) {
  EXPECT_EQ(error_of(std::string(kGood) + kGood + "one\ta\ta\tX\tX\t_\t0\troot\t_\t_\n"),
            "bad.conllu:5: expected a numeric word ID, found 'one'");
  EXPECT_EQ(error_of("2\ta\ta\tX\tX\t_\t0\troot\t_\t_\n"),
            "bad.conllu:1: expected word ID 1, found 2");
}

TEST(ConlluReader, FormNotInText) {
  std::string message = error_of(
      "# text = Hello there\n1\tHello\thello\tX\tX\t_\t0\troot\t_\t_\n"
      "2\tworld\tworld\tX\tX\t_\t1\tdep\t_\t_\n");
  EXPECT_TRUE(message.starts_with("bad.conllu:3: form 'world' does not match")) << message;
}

TEST(ConlluReader, ReadsEwtDev) {
  const std::filesystem::path path =
      std::filesystem::path(KHALDUN_SHARED_DIR) / "data/ud/en_ewt-ud-dev.conllu";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "shared data absent: " << path;
  std::ifstream in(path);
  Reader reader(in, path.string());
  size_t docs = 0, sentences = 0, words = 0, mwt = 0;
  while (auto doc = reader.next()) {
    ++docs;
    sentences += doc->sentences.size();
    words += doc->tokens.size();
    int inside_mwt = 0;  // words of a multiword token left to see
    for (const Token& t : doc->tokens) {
      ASSERT_LE(t.raw.end, doc->raw.size());
      if (t.mwt_size > 0) {
        ++mwt;
        inside_mwt = t.mwt_size;
      }
      if (inside_mwt == 0) {
        ASSERT_EQ(doc->raw_text(t.raw), t.form);
      }
      if (inside_mwt > 0) --inside_mwt;
    }
  }
  EXPECT_EQ(docs, 318u);
  EXPECT_EQ(sentences, 2001u);
  EXPECT_EQ(words, 25147u);
  EXPECT_GT(mwt, 100u);
}

}  // namespace
}  // namespace khaldun::conllu
