// Precision, recall and F1 of predicted spans against gold spans, the way the CoNLL 2018 shared
// task scores tokenisation and segmentation: a predicted span counts when the same span is gold.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

#include "core/document.h"

namespace khaldun {

struct SpanScores {
  size_t gold = 0;
  size_t predicted = 0;
  size_t correct = 0;

  // Both lists sorted by begin; counts exact matches in one merge pass.
  void add(const std::vector<Span>& gold_spans, const std::vector<Span>& predicted_spans) {
    gold += gold_spans.size();
    predicted += predicted_spans.size();
    size_t i = 0, j = 0;
    while (i < gold_spans.size() && j < predicted_spans.size()) {
      const Span& g = gold_spans[i];
      const Span& p = predicted_spans[j];
      if (g == p) {
        ++correct;
        ++i;
        ++j;
      } else if (g.begin < p.begin || (g.begin == p.begin && g.end < p.end)) {
        ++i;
      } else {
        ++j;
      }
    }
  }
  double precision() const {
    return predicted ? 100.0 * static_cast<double>(correct) / static_cast<double>(predicted) : 0.0;
  }
  double recall() const {
    return gold ? 100.0 * static_cast<double>(correct) / static_cast<double>(gold) : 0.0;
  }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

// Surface-token spans of a document (a multiword token counts once) and sentence spans (first to
// last token), sorted.
std::vector<Span> surface_token_spans(const Document& doc);
std::vector<Span> sentence_spans(const Document& doc);

}  // namespace khaldun
