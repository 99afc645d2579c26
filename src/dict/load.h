// Loading a dictionary directory in either format: what `--dict DIR` means for every command.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dict/compiled.h"
#include "dict/diagnostics.h"
#include "dict/model.h"

namespace khaldun::dict {

enum class Layout { kEmpty, kPetrarch, kKhaldun };

std::string_view to_string(Layout layout);

struct LoadOptions {
  bool lenient = false;  // skip and count bad entries instead of stopping at the first
  // PETRARCH layout only: read this verbs file (a file name in the directory, or a path) instead
  // of every verbs file found. validate/ holds two generations of the same verbs.
  std::string verbs_file;
};

struct LoadedDictionary {
  std::string dir;
  Layout layout = Layout::kEmpty;
  Dictionary dict;
  std::vector<Diagnostic> diagnostics;
  int errors = 0;  // entries skipped (lenient mode only; otherwise loading throws)
  int warnings = 0;
};

// Recognises the layout from file names: a khaldun directory holds *.actors.tsv, *.verbs.tsv,
// ... files (sub-directories included); a PETRARCH-2 directory holds CAMEO*.txt / *.verbs*.txt,
// *.actors.txt, *.agents.txt, *.discards.txt, *Issue*.txt. An empty or missing-files directory
// is kEmpty. Throws std::runtime_error when `dir` is not a directory.
Layout detect_layout(const std::string& dir);

// The files of `dir` that a load reads, in reading order.
std::vector<std::string> dictionary_files(const std::string& dir, Layout layout,
                                          const LoadOptions& options = {});

// Loads `dir`. Throws DictError (file:line) at the first malformed entry unless lenient, and
// std::runtime_error when the directory or a file cannot be read.
LoadedDictionary load_directory(const std::string& dir, const LoadOptions& options = {});

// The built-in dictionaries: $KHALDUN_DICT when set, else <repo>/data/dict/default.
std::string default_dictionary_dir();

// A loaded and compiled dictionary, ready for the coder.
struct DictionarySet {
  LoadedDictionary loaded;
  std::unique_ptr<CompiledDictionary> compiled;
};

// What commands call for `--dict DIR`: `dir` empty means the built-in default. The default
// directory may be missing or empty: that loads as an empty dictionary.
std::unique_ptr<DictionarySet> open_dictionary(const std::string& dir,
                                               const LoadOptions& options = {});

}  // namespace khaldun::dict
