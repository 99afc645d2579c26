// libFuzzer target: arbitrary bytes as a PETRARCH validation file, each record turned into a
// Document from its supplied parse (UD v1 labels upgraded) and every token dated as a predicate.
// Any crash, sanitizer report or broken offset invariant fails; malformed input must only throw
// the documented exceptions.
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string_view>

#include "coder/event_date.h"
#include "io/conllu.h"
#include "io/petrarch_records.h"

namespace {

void check_invariants(const khaldun::Document& doc) {
  for (const auto& s : doc.sentences) {
    if (s.raw.end > doc.raw.size() || s.raw.begin > s.raw.end) std::abort();
    if (static_cast<size_t>(s.first_token) + s.token_count > doc.tokens.size()) std::abort();
  }
  for (const auto& t : doc.tokens)
    if (t.raw.end > doc.raw.size() || t.raw.begin > t.raw.end) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  khaldun::petrarch::RecordFile file;
  try {
    file = khaldun::petrarch::parse_record_file(
        std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.xml");
  } catch (const std::runtime_error&) {
    return 0;
  }
  const khaldun::Date doc_date{2023, 3, 29};
  for (const auto& record : file.records) {
    if (record.date.size() != 10) std::abort();
    for (bool supplied : {false, true}) {
      khaldun::Document doc;
      try {
        doc = khaldun::petrarch::to_document(record, supplied);
      } catch (const khaldun::conllu::ParseError&) {
        continue;
      }
      check_invariants(doc);
      for (const auto& s : doc.sentences) {
        const auto tokens = doc.tokens_of(s);
        for (size_t p = 0; p < tokens.size(); ++p) {
          const auto date = khaldun::coder::resolve_event_date(tokens, p, doc_date);
          if (!date.from_text && date.date != doc_date) std::abort();
        }
      }
    }
  }
  return 0;
}
