#include "text/text_pipeline.h"

#include "text/boilerplate.h"
#include "text/char_class.h"
#include "text/normalizer.h"
#include "text/reflow.h"
#include "text/segmenter.h"
#include "text/tokenizer.h"

namespace khaldun::text {
namespace {

// Datelines and bylines only open a story.
constexpr uint32_t kLeadParagraphs = 3;

class SentenceBuilder {
 public:
  SentenceBuilder(Document& doc, const MappedText& text) : doc_(doc), text_(text) {}

  void add(size_t begin, size_t end, uint32_t paragraph, SegmentKind kind) {
    const std::string& s = text_.text;
    while (begin < end && is_space(s[begin])) ++begin;
    while (end > begin && is_space(s[end - 1])) --end;
    if (begin == end) return;
    Sentence sentence;
    sentence.text.assign(s, begin, end - begin);
    sentence.raw = raw_span(begin, end);
    sentence.paragraph = paragraph;
    sentence.kind = kind;
    sentence.first_token = static_cast<uint32_t>(doc_.tokens.size());
    bounds_.clear();
    tokenize(s, begin, end, bounds_);
    for (size_t k = 0; k < bounds_.size(); ++k) {
      const TokenBounds& b = bounds_[k];
      Token token;
      token.form.assign(s, b.begin, b.end - b.begin);
      token.raw = raw_span(b.begin, b.end);
      token.mwt_size = b.mwt_size;
      token.space_after = k + 1 == bounds_.size() || bounds_[k + 1].begin > b.end;
      doc_.tokens.push_back(std::move(token));
    }
    sentence.token_count = static_cast<uint32_t>(doc_.tokens.size()) - sentence.first_token;
    doc_.sentences.push_back(std::move(sentence));
  }

 private:
  // Raw bytes of text[begin, end): ends at the raw start of the next byte, minus any break or space
  // that reflowing folded away.
  Span raw_span(size_t begin, size_t end) const {
    uint32_t b = text_.to_raw[begin];
    uint32_t e = text_.to_raw[end];
    while (e > b + 1 && (doc_.raw[e - 1] == ' ' || doc_.raw[e - 1] == '\n' ||
                         doc_.raw[e - 1] == '\r' || doc_.raw[e - 1] == '\t'))
      --e;
    if (e <= b) e = b + 1;
    return {b, e};
  }

  Document& doc_;
  const MappedText& text_;
  std::vector<TokenBounds> bounds_;
};

}  // namespace

void analyse(Document& doc) {
  doc.sentences.clear();
  doc.tokens.clear();
  doc.tokens.reserve(doc.raw.size() / 5);  // about one token per five bytes of news text
  ReflowedText reflowed = reflow(normalize(doc.raw));
  const std::string& s = reflowed.text.text;
  SentenceBuilder builder(doc, reflowed.text);
  bool seen_body = false;
  for (uint32_t pi = 0; pi < reflowed.paragraphs.size(); ++pi) {
    const Paragraph& para = reflowed.paragraphs[pi];
    std::string_view text(s.data() + para.begin, para.end - para.begin);
    bool lead = pi < kLeadParagraphs && !seen_body;
    if (lead && is_byline(text)) {
      builder.add(para.begin, para.end, pi, SegmentKind::kByline);
      continue;
    }
    size_t body_begin = 0;
    if (lead) {
      body_begin = dateline_length(text);
      if (body_begin > 0)
        builder.add(para.begin, para.begin + body_begin, pi, SegmentKind::kDateline);
    }
    size_t body_end = credit_start(text.substr(body_begin)) + body_begin;
    if (para.headline_like && body_begin == 0 && body_end == text.size()) {
      builder.add(para.begin, para.end, pi, SegmentKind::kHeadline);
      continue;
    }
    for (auto [b, e] : split_sentences(text.substr(body_begin, body_end - body_begin))) {
      builder.add(para.begin + body_begin + b, para.begin + body_begin + e, pi, SegmentKind::kBody);
      seen_body = true;
    }
    if (body_end < text.size())
      builder.add(para.begin + body_end, para.end, pi, SegmentKind::kCredit);
  }
}

}  // namespace khaldun::text
