// Reading and writing CoNLL-U (https://universaldependencies.org/format.html), the format of the
// UD treebanks we train and evaluate on, and the output of `khaldun parse`.
#pragma once

#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>

#include "core/document.h"

namespace khaldun::conllu {

// A malformed line or a form that cannot be found in the sentence text. what() is
// "file:line: message".
struct ParseError : std::runtime_error {
  using runtime_error::runtime_error;
};

class Reader {
 public:
  Reader(std::istream& in, std::string file_name);

  // The next document, or nullopt at the end of the input. Documents are split at "# newdoc"
  // comments (a file without them is one document). Document::raw is rebuilt from the "# text"
  // lines (sentences of a paragraph joined by a space, paragraphs by "\n\n"), or from the forms
  // and SpaceAfter=No when a sentence has no "# text"; every Sentence::raw and Token::raw points
  // into it. Empty nodes (3.1) are skipped; multiword token lines (3-4) set Token::mwt_size.
  //
  // Throws ParseError on a malformed sentence; that sentence is dropped and the next call goes
  // on after it, so one bad sentence loses only itself. A form missing from the text drops the
  // whole document (its offsets cannot be trusted).
  std::optional<Document> next();

  ~Reader();
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

 private:
  struct State;  // the document being read; see conllu.cc
  std::unique_ptr<State> state_;
};

struct WriteOptions {
  // Also write the boilerplate sentences (datelines, credits, bylines), each marked with a
  // "# boilerplate = kind" comment. By default only codable sentences are written.
  bool all_sentences = false;
};

// Writes one document: "# newdoc id", "# doc_id", then per sentence "# sent_id = ID-N", "# text"
// and the ten columns. MISC carries SpaceAfter=No and TokenRange=BEGIN:END (byte offsets into
// Document::raw), merged with Token::misc.
void write(std::ostream& out, const Document& doc, const WriteOptions& options = {});

}  // namespace khaldun::conllu
