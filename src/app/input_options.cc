#include "app/input_options.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "app/command.h"
#include "core/date.h"
#include "io/document_reader.h"

namespace khaldun::app {

void add_input_options(CLI::App& cmd, InputOptions& options) {
  cmd.add_option("files", options.files, "Input files; '-' or nothing reads stdin");
  cmd.add_option("--input", options.input, "Input format: auto, text, jsonl, conllu")
      ->check(CLI::IsMember({"auto", "text", "jsonl", "conllu"}))
      ->capture_default_str();
  cmd.add_option("--date", options.date, "Publication date (YYYY-MM-DD) for documents without one")
      ->check([](const std::string& s) {
        return parse_iso_date(s) ? std::string() : "expected a date as YYYY-MM-DD, got " + s;
      });
}

void count_printed(const Document& doc, bool all, RunCounts& counts) {
  for (const Sentence& s : doc.sentences) {
    if (!s.codable() && !all) continue;
    ++counts.sentences;
    counts.tokens += s.token_count;
  }
}

int for_each_document(const std::string& command, const InputOptions& options,
                      const std::function<bool(Document&, RunCounts&)>& process) {
  Diagnostics diag(std::cerr);
  io::ReaderOptions reader_options;
  reader_options.format = io::parse_input_format(options.input);
  reader_options.date = options.date;
  io::DocumentReader reader(options.files, reader_options, diag);
  RunCounts counts;
  auto start = std::chrono::steady_clock::now();
  Document doc;
  while (reader.next(doc)) {
    if (process(doc, counts)) {
      ++counts.documents_processed;
    } else {
      ++counts.documents_failed;
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout.flush();
  diag.flush_suppressed();
  const auto& stats = reader.stats();
  std::string events = counts.count_events ? fmt::format(", {} events", counts.events) : "";
  std::cerr << fmt::format(
      "khaldun {}: {} documents read, {} processed, {} skipped; {} sentences, {} tokens{}; "
      "{:.2f} s, {:.0f} sentences/s\n",
      command, stats.read, counts.documents_processed, stats.skipped + counts.documents_failed,
      counts.sentences, counts.tokens, events, seconds,
      seconds > 0 ? static_cast<double>(counts.sentences) / seconds : 0.0);
  return stats.skipped + counts.documents_failed > 0 ? kExitSkipped : kExitOk;
}

}  // namespace khaldun::app
