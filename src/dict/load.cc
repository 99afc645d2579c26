#include "dict/load.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "dict/khaldun_format.h"
#include "dict/petrarch_lines.h"
#include "dict/petrarch_reader.h"

namespace khaldun::dict {
namespace {

namespace fs = std::filesystem;

enum class PetrarchKind { kVerbs, kActors, kAgents, kDiscards, kIssues, kOther };

PetrarchKind petrarch_kind(const std::string& name) {
  if (!name.ends_with(".txt")) return PetrarchKind::kOther;
  if (name.ends_with(".actors.txt")) return PetrarchKind::kActors;
  if (name.ends_with(".agents.txt")) return PetrarchKind::kAgents;
  if (name.ends_with(".discards.txt")) return PetrarchKind::kDiscards;
  if (name.starts_with("CAMEO") || name.find(".verbs") != std::string::npos) {
    return PetrarchKind::kVerbs;
  }
  if (name.find("Issue") != std::string::npos) return PetrarchKind::kIssues;
  return PetrarchKind::kOther;
}

std::vector<fs::path> sorted_entries(const fs::path& dir, bool recursive) {
  std::vector<fs::path> out;
  if (recursive) {
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
      if (e.is_regular_file()) out.push_back(e.path());
    }
  } else {
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.is_regular_file()) out.push_back(e.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::string_view to_string(Layout layout) {
  switch (layout) {
    case Layout::kEmpty:
      return "empty";
    case Layout::kPetrarch:
      return "PETRARCH-2";
    case Layout::kKhaldun:
      return "khaldun";
  }
  return "?";
}

Layout detect_layout(const std::string& dir) {
  if (!fs::is_directory(dir)) throw std::runtime_error(dir + ": not a directory");
  for (const auto& p : sorted_entries(dir, true)) {
    if (khaldun_file_kind(p.filename().string())) return Layout::kKhaldun;
  }
  for (const auto& p : sorted_entries(dir, false)) {
    if (petrarch_kind(p.filename().string()) != PetrarchKind::kOther) return Layout::kPetrarch;
  }
  return Layout::kEmpty;
}

std::vector<std::string> dictionary_files(const std::string& dir, Layout layout,
                                          const LoadOptions& options) {
  std::vector<std::string> out;
  if (layout == Layout::kKhaldun) {
    for (const auto& p : sorted_entries(dir, true)) {
      if (khaldun_file_kind(p.filename().string())) out.push_back(p.string());
    }
    return out;
  }
  if (layout != Layout::kPetrarch) return out;
  auto entries = sorted_entries(dir, false);
  // Verbs first (patterns refer to synonym sets), then actors, agents, discards, issues.
  for (auto kind : {PetrarchKind::kVerbs, PetrarchKind::kActors, PetrarchKind::kAgents,
                    PetrarchKind::kDiscards, PetrarchKind::kIssues}) {
    if (kind == PetrarchKind::kVerbs && !options.verbs_file.empty()) {
      fs::path chosen = options.verbs_file;
      if (!chosen.has_parent_path()) chosen = fs::path(dir) / chosen;
      if (!fs::is_regular_file(chosen)) {
        throw std::runtime_error(chosen.string() + ": verbs file not found");
      }
      out.push_back(chosen.string());
      continue;
    }
    for (const auto& p : entries) {
      if (petrarch_kind(p.filename().string()) == kind) out.push_back(p.string());
    }
  }
  return out;
}

LoadedDictionary load_directory(const std::string& dir, const LoadOptions& options) {
  LoadedDictionary result;
  result.dir = dir;
  result.layout = detect_layout(dir);
  Diagnostics diag(options.lenient);
  for (const auto& file : dictionary_files(dir, result.layout, options)) {
    std::string content = read_file(file);
    std::string name = fs::path(file).filename().string();
    if (result.layout == Layout::kKhaldun) {
      read_khaldun_file(content, file, *khaldun_file_kind(name), result.dict, diag);
      continue;
    }
    switch (petrarch_kind(name)) {
      case PetrarchKind::kActors:
        read_petrarch_actors(content, file, result.dict, diag);
        break;
      case PetrarchKind::kAgents:
        read_petrarch_agents(content, file, result.dict, diag);
        break;
      case PetrarchKind::kDiscards:
        read_petrarch_discards(content, file, result.dict, diag);
        break;
      case PetrarchKind::kIssues:
        read_petrarch_issues(content, file, result.dict, diag);
        break;
      default:  // the chosen verbs file may have any name
        read_petrarch_verbs(content, file, result.dict, diag);
        break;
    }
  }
  result.diagnostics = diag.items();
  result.errors = diag.errors();
  result.warnings = diag.warnings();
  return result;
}

std::string default_dictionary_dir() {
  if (const char* env = std::getenv("KHALDUN_DICT"); env && *env) return env;
  return (fs::path(KHALDUN_DATA_DIR) / "data" / "dict" / "default").string();
}

std::unique_ptr<DictionarySet> open_dictionary(const std::string& dir, const LoadOptions& options) {
  auto set = std::make_unique<DictionarySet>();
  std::string path = dir.empty() ? default_dictionary_dir() : dir;
  if (dir.empty() && !fs::is_directory(path)) {
    set->loaded.dir = path;  // no built-in dictionaries yet: an empty set
  } else {
    set->loaded = load_directory(path, options);
  }
  set->compiled = std::make_unique<CompiledDictionary>(set->loaded.dict);
  return set;
}

}  // namespace khaldun::dict
