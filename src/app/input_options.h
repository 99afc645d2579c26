// The input options every document-processing command shares (FILE..., --input, --date), the
// loop over documents, and the summary on stderr that ends each run.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/document.h"

namespace CLI {
class App;
}

namespace khaldun::app {

struct InputOptions {
  std::vector<std::string> files;
  std::string input = "auto";
  std::string date;
};

void add_input_options(CLI::App& cmd, InputOptions& options);

struct RunCounts {
  size_t documents_processed = 0;
  size_t documents_failed = 0;  // read fine but failed later (e.g. an internal limit)
  size_t sentences = 0;
  size_t tokens = 0;
  size_t events = 0;
  bool count_events = false;
};

// Counts the sentences a command prints (the codable ones, or all of them with `all`) and their
// tokens.
void count_printed(const Document& doc, bool all, RunCounts& counts);

// Reads every document of `options` and hands it to `process`, which returns false when it failed
// on that document (it reports the reason itself). Prints the summary on stderr and returns the
// exit status: kExitSkipped when any document was skipped or failed.
int for_each_document(const std::string& command, const InputOptions& options,
                      const std::function<bool(Document&, RunCounts&)>& process);

}  // namespace khaldun::app
