// Streams documents from plain-text files, JSON Lines files and stdin, one at a time, so memory
// stays constant in the number of documents. Bad input is reported (file:line or document id) and
// skipped; the caller sees only documents that can be processed, and the stats say what was lost.
#pragma once

#include <cstddef>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/document.h"

namespace khaldun::io {

enum class InputFormat { kAuto, kText, kJsonl, kConllu };

// "auto", "text", "jsonl", "conllu"; throws std::invalid_argument on anything else.
InputFormat parse_input_format(std::string_view name);

struct ReaderOptions {
  InputFormat format = InputFormat::kAuto;
  std::string date;  // publication date for documents that carry none (YYYY-MM-DD)
  size_t max_document_bytes = size_t{64} << 20;
};

struct ReadStats {
  size_t read = 0;      // documents (or records) met in the input
  size_t skipped = 0;   // of those, rejected: unreadable, binary, malformed, empty, too large
  size_t repaired = 0;  // accepted with invalid UTF-8 replaced
};

class DocumentReader {
 public:
  // "-" in `paths` is stdin. Format kAuto decides per file: *.jsonl / *.json -> JSON Lines,
  // *.conllu -> CoNLL-U, otherwise plain text; for stdin, JSON Lines when the input starts with
  // '{'.
  DocumentReader(std::vector<std::string> paths, ReaderOptions options, Diagnostics& diagnostics);
  // Reads one already-open stream, named `name` in messages (tests, fuzzing, embedding).
  DocumentReader(std::istream& in, std::string name, ReaderOptions options,
                 Diagnostics& diagnostics);
  ~DocumentReader();

  // Fills `doc` with the next good document; false at the end of all input.
  bool next(Document& doc);
  const ReadStats& stats() const { return stats_; }

 private:
  bool open_next_file();
  bool next_text(Document& doc);
  bool next_jsonl(Document& doc);
  bool next_conllu(Document& doc);
  // Checks and repairs doc.raw; false (and counted as skipped) when it cannot be processed.
  bool accept(Document& doc, const std::string& where);

  std::vector<std::string> paths_;
  ReaderOptions options_;
  Diagnostics& diag_;
  ReadStats stats_;

  size_t next_path_ = 0;
  std::string current_path_;
  InputFormat current_format_ = InputFormat::kText;
  std::istream* in_ = nullptr;
  std::istream* preset_stream_ = nullptr;
  std::unique_ptr<std::ifstream> file_;
  size_t line_ = 0;
  bool text_pending_ = false;  // a plain-text file is one document, read on the first next()
  struct Jsonl;
  std::unique_ptr<Jsonl> jsonl_;
  struct Conllu;
  std::unique_ptr<Conllu> conllu_;
};

}  // namespace khaldun::io
