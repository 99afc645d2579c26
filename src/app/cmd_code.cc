// `khaldun code`: the main job. Raw text or JSON Lines (or supplied CoNLL-U parses) in, one event
// per line out, in input order whatever the number of threads.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <iostream>
#include <memory>
#include <thread>

#include "app/coding_setup.h"
#include "app/command.h"
#include "app/input_options.h"
#include "coder/event_output.h"
#include "coder/parse_filter.h"
#include "core/diagnostics.h"
#include "io/document_reader.h"
#include "io/ud_v1.h"
#include "text/text_pipeline.h"

namespace khaldun::app {
namespace {

struct CodeOptions {
  InputOptions input;
  CodingOptions coding;
  std::string format = "json";
  int threads = 1;
};

// One document's result: its formatted events, or why it failed.
struct Result {
  std::string output;
  size_t sentences = 0;
  size_t tokens = 0;
  size_t events = 0;
  size_t parsed = 0;                // sentences parsed (the others could not give an event)
  std::vector<std::string> limits;  // sentences where an internal limit cut coding short
  std::string error;
};

Result process(Document& doc, const CodingSetup& setup, const coder::ParseFilter* filter,
               bool tsv) {
  Result r;
  try {
    if (filter == nullptr) {
      for (const Sentence& s : doc.sentences) ud::upgrade_ud_v1_labels(doc.tokens_of(s));
    } else {
      text::analyse(doc);
      // Only codable sentences are read by the coder, and only those that could give an event
      // need their parse (see coder/parse_filter.h); the others are tagged for their mentions.
      for (const Sentence& s : doc.sentences)
        if (s.codable()) setup.parser->tag(doc.tokens_of(s));
      std::vector<bool> parse = filter->sentences_to_parse(doc);
      for (size_t k = 0; k < doc.sentences.size(); ++k) {
        if (!parse[k]) continue;
        setup.parser->parse(doc.tokens_of(doc.sentences[k]));
        ++r.parsed;
      }
    }
    for (const Sentence& s : doc.sentences) {
      if (!s.codable()) continue;
      ++r.sentences;
      r.tokens += s.token_count;
    }
    auto events = setup.coder->code(doc, nullptr, &r.limits);
    r.events = events.size();
    for (const auto& e : events) {
      r.output += tsv ? coder::event_tsv(doc, e)
                      : coder::event_json(doc, e, setup.coder->dictionary())
                            .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      r.output += '\n';
    }
  } catch (const std::exception& e) {
    r.error = e.what();
  }
  return r;
}

int run_code(const CodeOptions& o) {
  bool supplied = o.input.input == "conllu";
  CodingSetup setup = open_coding(o.coding, !supplied);
  std::unique_ptr<coder::ParseFilter> filter;
  if (!supplied)
    filter =
        std::make_unique<coder::ParseFilter>(setup.coder->compiled(), o.coding.allow_no_target);
  bool tsv = o.format == "tsv";
  if (tsv) std::cout << coder::event_tsv_header() << "\n";

  Diagnostics diag(std::cerr);
  io::ReaderOptions reader_options;
  reader_options.format = io::parse_input_format(o.input.input);
  reader_options.date = o.input.date;
  io::DocumentReader reader(o.input.files, reader_options, diag);
  size_t threads = static_cast<size_t>(std::max(1, o.threads));
  // Documents go in batches: the threads share a batch, and its output is written in input order
  // before the next is read, so memory stays bounded whatever the input size.
  const size_t batch_size = 64 * threads;
  std::vector<Document> batch;
  std::vector<Result> results;
  size_t processed = 0, failed = 0, sentences = 0, tokens = 0, events = 0, parsed = 0, limited = 0;
  auto start = std::chrono::steady_clock::now();
  bool more = true;
  while (more) {
    batch.clear();
    Document doc;
    while (batch.size() < batch_size && (more = reader.next(doc))) batch.push_back(std::move(doc));
    results.assign(batch.size(), Result{});
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i = next++; i < batch.size(); i = next++)
        results[i] = process(batch[i], setup, filter.get(), tsv);
    };
    std::vector<std::thread> pool;
    for (size_t t = 1; t < threads && t < batch.size(); ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    for (size_t i = 0; i < batch.size(); ++i) {
      const Result& r = results[i];
      if (!r.error.empty()) {
        ++failed;
        diag.error(batch[i].origin.empty() ? batch[i].id : batch[i].origin,
                   fmt::format("document '{}' failed: {}", batch[i].id, r.error));
        continue;
      }
      ++processed;
      for (const auto& line : r.limits)
        diag.warning(batch[i].origin.empty() ? batch[i].id : batch[i].origin,
                     fmt::format("document '{}': {}", batch[i].id, line));
      limited += r.limits.size();
      sentences += r.sentences;
      tokens += r.tokens;
      events += r.events;
      parsed += r.parsed;
      std::cout << r.output;
    }
  }
  std::cout.flush();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  diag.flush_suppressed();
  const auto& stats = reader.stats();
  std::cerr << fmt::format(
      "khaldun code: {} documents read, {} processed, {} skipped; {} sentences, {} tokens, {} "
      "events; "
      "{:.2f} s, {:.0f} sentences/s ({} threads){}{}\n",
      stats.read, processed, stats.skipped + failed, sentences, tokens, events, seconds,
      seconds > 0 ? static_cast<double>(sentences) / seconds : 0.0, threads,
      supplied ? "" : fmt::format("; {} sentences parsed, the others could give no event", parsed),
      limited == 0
          ? ""
          : fmt::format("; {} sentences hit an internal limit (see the warnings)", limited));
  return stats.skipped + failed > 0 ? kExitSkipped : kExitOk;
}

const RegisterCommand kRegister{
    "code", "Code events: one JSON object (or TSV row) per event", 5, [](CLI::App& cmd) {
      auto o = std::make_shared<CodeOptions>();
      add_input_options(cmd, o->input);
      add_coding_options(cmd, o->coding);
      cmd.add_option("--format", o->format,
                     "json (JSON Lines) or tsv (PETRARCH/Phoenix-style rows)")
          ->check(CLI::IsMember({"json", "tsv"}))
          ->capture_default_str();
      cmd.add_option("-j,--threads", o->threads,
                     "Worker threads; output order does not depend on it")
          ->check(CLI::Range(1, 256))
          ->capture_default_str();
      return [o] { return run_code(*o); };
    }};

}  // namespace
}  // namespace khaldun::app
