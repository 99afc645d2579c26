#include "core/span_scores.h"

namespace khaldun {

std::vector<Span> surface_token_spans(const Document& doc) {
  std::vector<Span> spans;
  spans.reserve(doc.tokens.size());
  for (const Sentence& s : doc.sentences) {
    auto tokens = doc.tokens_of(s);
    for (size_t i = 0; i < tokens.size(); ++i) {
      Span span = tokens[i].raw;
      size_t words = tokens[i].mwt_size > 1 ? tokens[i].mwt_size : 1;
      size_t last = std::min(tokens.size(), i + words) - 1;
      span.end = tokens[last].raw.end;
      spans.push_back(span);
      i = last;
    }
  }
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  return spans;
}

std::vector<Span> sentence_spans(const Document& doc) {
  std::vector<Span> spans;
  for (const Sentence& s : doc.sentences) {
    if (s.token_count == 0) continue;
    auto tokens = doc.tokens_of(s);
    spans.push_back({tokens.front().raw.begin, tokens.back().raw.end});
  }
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  return spans;
}

}  // namespace khaldun
