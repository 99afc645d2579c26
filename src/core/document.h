// The data model that flows once through the pipeline: a Document owns its raw text, the
// sentences found in it and their tokens. Each stage adds to it (tags, arcs, mentions, events);
// none re-tokenises. Offsets always point into Document::raw, so evidence can quote the source.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace khaldun {

// A half-open byte range [begin, end) into Document::raw.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool operator==(const Span&) const = default;
};

// What a sentence-sized piece of the text is. Only kBody and kHeadline are coded; the wire
// boilerplate is kept so that records can show it, but it never produces events.
enum class SegmentKind : uint8_t { kBody, kHeadline, kDateline, kCredit, kByline };

std::string_view to_string(SegmentKind kind);

struct Token {
  // The fields the coder reads for every token come first, together (form, lemma, upos, deprel,
  // head: three cache lines, where spread over the struct they were four or five): the coder reads
  // large batches of parsed documents whose tokens are no longer cached.
  std::string form;  // normalised surface form: NFC, ASCII quotes/dashes, entities decoded
  // Filled by nlp/ (tagger, lemmatizer, parser), like xpos, feats below. Empty until then.
  std::string lemma;
  std::string upos;
  std::string deprel;
  int32_t head = -1;  // 1-based index of the head within the sentence, 0 = root, -1 = unparsed
  Span raw;           // where the token stands in Document::raw
  bool space_after = true;
  // On the first word of a multiword token ("don't" = do + n't, "Iran's" = Iran + 's): how many
  // words the surface token spans. 0 elsewhere. The surface form is the raw text they cover.
  uint8_t mwt_size = 0;
  std::string xpos;
  std::string feats;
  std::string misc;  // CoNLL-U MISC passed through from supplied parses; empty otherwise
};

struct Sentence {
  std::string text;  // normalised text, hard wraps reflowed into spaces
  Span raw;          // from the first to the last character in Document::raw
  uint32_t first_token = 0;
  uint32_t token_count = 0;
  uint32_t paragraph = 0;  // 0-based paragraph number within the document
  SegmentKind kind = SegmentKind::kBody;

  bool codable() const { return kind == SegmentKind::kBody || kind == SegmentKind::kHeadline; }
};

struct Document {
  std::string id;
  std::string date;    // publication date, YYYY-MM-DD, or empty when unknown
  std::string raw;     // the text as read, after invalid UTF-8 was replaced
  std::string origin;  // where it came from, for messages: "file.jsonl:12" or "article.txt"
  nlohmann::json meta = nlohmann::json::object();  // other input fields, passed through

  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<std::string> warnings;  // non-fatal problems met while processing

  std::span<Token> tokens_of(const Sentence& s) {
    return std::span<Token>(tokens).subspan(s.first_token, s.token_count);
  }
  std::span<const Token> tokens_of(const Sentence& s) const {
    return std::span<const Token>(tokens).subspan(s.first_token, s.token_count);
  }
  std::string_view raw_text(Span span) const {
    return std::string_view(raw).substr(span.begin, span.end - span.begin);
  }
};

}  // namespace khaldun
