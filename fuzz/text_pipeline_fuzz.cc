// libFuzzer target: arbitrary bytes through the reader (plain text, JSON Lines or CoNLL-U, chosen
// by the first byte), the normaliser, reflow, boilerplate, segmenter and tokenizer. Any crash,
// sanitizer report or broken offset invariant fails.
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "core/diagnostics.h"
#include "io/document_reader.h"
#include "text/text_pipeline.h"

namespace {

void check_invariants(const khaldun::Document& doc) {
  for (const auto& s : doc.sentences) {
    if (s.raw.end > doc.raw.size() || s.raw.begin > s.raw.end) std::abort();
    if (static_cast<size_t>(s.first_token) + s.token_count > doc.tokens.size()) std::abort();
  }
  for (const auto& t : doc.tokens) {
    if (t.raw.end > doc.raw.size() || t.raw.begin >= t.raw.end || t.form.empty()) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const khaldun::io::InputFormat kFormats[] = {khaldun::io::InputFormat::kText,
                                                      khaldun::io::InputFormat::kJsonl,
                                                      khaldun::io::InputFormat::kConllu};
  khaldun::io::ReaderOptions options;
  options.format = kFormats[data[0] % 3];
  std::istringstream in(std::string(reinterpret_cast<const char*>(data + 1), size - 1));
  std::ostringstream messages;
  khaldun::Diagnostics diag(messages);
  khaldun::io::DocumentReader reader(in, "fuzz", options, diag);
  khaldun::Document doc;
  while (reader.next(doc)) {
    khaldun::text::analyse(doc);
    check_invariants(doc);
  }
  return 0;
}
