#include "io/document_reader.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <iostream>
#include <iterator>
#include <sstream>
#include <stdexcept>

#include "core/date.h"
#include "io/conllu.h"
#include "text/utf8.h"

namespace khaldun::io {

InputFormat parse_input_format(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "text") return InputFormat::kText;
  if (name == "jsonl") return InputFormat::kJsonl;
  if (name == "conllu") return InputFormat::kConllu;
  throw std::invalid_argument(
      fmt::format("unknown input format '{}' (auto, text, jsonl, conllu)", name));
}

struct DocumentReader::Jsonl {
  simdjson::dom::parser parser;
  std::string line;
};

struct DocumentReader::Conllu {
  std::unique_ptr<conllu::Reader> reader;
};

DocumentReader::DocumentReader(std::vector<std::string> paths, ReaderOptions options,
                               Diagnostics& diagnostics)
    : paths_(std::move(paths)), options_(std::move(options)), diag_(diagnostics) {
  if (paths_.empty()) paths_.push_back("-");
  jsonl_ = std::make_unique<Jsonl>();
}

DocumentReader::DocumentReader(std::istream& in, std::string name, ReaderOptions options,
                               Diagnostics& diagnostics)
    : DocumentReader(std::vector<std::string>{std::move(name)}, std::move(options), diagnostics) {
  preset_stream_ = &in;
}

DocumentReader::~DocumentReader() = default;

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string base_name(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

bool DocumentReader::open_next_file() {
  while (next_path_ < paths_.size()) {
    current_path_ = paths_[next_path_++];
    line_ = 0;
    file_.reset();
    conllu_.reset();
    if (preset_stream_ != nullptr) {
      in_ = preset_stream_;
    } else if (current_path_ == "-") {
      in_ = &std::cin;
      current_path_ = "<stdin>";
    } else {
      file_ = std::make_unique<std::ifstream>(current_path_, std::ios::binary);
      if (!*file_) {
        ++stats_.read;
        ++stats_.skipped;
        diag_.error(current_path_, "cannot open file for reading");
        continue;
      }
      in_ = file_.get();
    }
    current_format_ = options_.format;
    if (current_format_ == InputFormat::kAuto) {
      if (ends_with(current_path_, ".jsonl") || ends_with(current_path_, ".json")) {
        current_format_ = InputFormat::kJsonl;
      } else if (ends_with(current_path_, ".conllu")) {
        current_format_ = InputFormat::kConllu;
      } else if (current_path_ == "<stdin>" || preset_stream_ != nullptr) {
        int c = in_->peek();
        while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
          in_->get();
          c = in_->peek();
        }
        current_format_ = c == '{' ? InputFormat::kJsonl : InputFormat::kText;
      } else {
        current_format_ = InputFormat::kText;
      }
    }
    if (current_format_ == InputFormat::kConllu) {
      conllu_ = std::make_unique<Conllu>();
      conllu_->reader = std::make_unique<conllu::Reader>(*in_, current_path_);
    }
    text_pending_ = current_format_ == InputFormat::kText;
    return true;
  }
  return false;
}

bool DocumentReader::next(Document& doc) {
  while (true) {
    if (in_ == nullptr && !open_next_file()) return false;
    bool got = false;
    switch (current_format_) {
      case InputFormat::kText:
        got = next_text(doc);
        break;
      case InputFormat::kJsonl:
        got = next_jsonl(doc);
        break;
      case InputFormat::kConllu:
        got = next_conllu(doc);
        break;
      case InputFormat::kAuto:
        break;
    }
    if (got) return true;
    in_ = nullptr;  // this file is exhausted
  }
}

bool DocumentReader::accept(Document& doc, const std::string& where) {
  size_t nul = doc.raw.find('\0');
  if (nul != std::string::npos) {
    ++stats_.skipped;
    diag_.error(where, fmt::format("document '{}' skipped: binary data (NUL byte at offset {})",
                                   doc.id, nul));
    return false;
  }
  if (doc.raw.size() > options_.max_document_bytes) {
    ++stats_.skipped;
    diag_.error(where, fmt::format("document '{}' skipped: {} bytes is over the limit of {}",
                                   doc.id, doc.raw.size(), options_.max_document_bytes));
    return false;
  }
  auto repair = text::repair_utf8(doc.raw);
  if (repair.replaced > 0) {
    ++stats_.repaired;
    diag_.warning(where,
                  fmt::format("document '{}': {} invalid UTF-8 sequences replaced with U+FFFD "
                              "(first at byte {})",
                              doc.id, repair.replaced, repair.first_offset));
  }
  if (doc.raw.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
    ++stats_.skipped;
    diag_.warning(where, fmt::format("document '{}' skipped: empty", doc.id));
    return false;
  }
  if (!doc.date.empty() && !parse_iso_date(doc.date)) {
    diag_.warning(where, fmt::format("document '{}': date '{}' is not YYYY-MM-DD; ignored", doc.id,
                                     doc.date));
    doc.date.clear();
  }
  if (doc.date.empty()) doc.date = options_.date;
  return true;
}

bool DocumentReader::next_text(Document& doc) {
  while (text_pending_) {
    text_pending_ = false;
    doc = Document{};
    doc.id = current_path_ == "<stdin>" ? "stdin" : base_name(current_path_);
    doc.origin = current_path_;
    doc.raw.assign(std::istreambuf_iterator<char>(*in_), std::istreambuf_iterator<char>());
    ++stats_.read;
    if (in_->bad()) {
      ++stats_.skipped;
      diag_.error(current_path_, "read error");
      return false;
    }
    if (accept(doc, current_path_)) return true;
  }
  return false;
}

bool DocumentReader::next_jsonl(Document& doc) {
  auto& j = *jsonl_;
  while (std::getline(*in_, j.line)) {
    ++line_;
    if (j.line.find_first_not_of(" \t\r") == std::string::npos) continue;
    ++stats_.read;
    std::string where = fmt::format("{}:{}", current_path_, line_);
    simdjson::dom::element root;
    auto error = j.parser.parse(j.line).get(root);
    if (error) {
      ++stats_.skipped;
      diag_.error(where, fmt::format("malformed JSON: {}", simdjson::error_message(error)));
      continue;
    }
    simdjson::dom::object object;
    if (root.get_object().get(object)) {
      ++stats_.skipped;
      diag_.error(where, "a JSON Lines record must be an object");
      continue;
    }
    doc = Document{};
    doc.origin = where;
    bool has_text = false;
    bool bad = false;
    for (auto field : object) {
      std::string_view key = field.key;
      if (key == "text") {
        std::string_view text;
        if (field.value.get_string().get(text)) {
          bad = true;
          diag_.error(where, "field \"text\" must be a string");
          break;
        }
        doc.raw.assign(text);
        has_text = true;
      } else if (key == "id" && field.value.is_string()) {
        doc.id = std::string(std::string_view(field.value.get_string().value_unsafe()));
      } else if (key == "id") {
        doc.id = simdjson::minify(field.value);
      } else if (key == "date" && field.value.is_string()) {
        doc.date = std::string(std::string_view(field.value.get_string().value_unsafe()));
      } else {
        doc.meta[std::string(key)] =
            nlohmann::json::parse(simdjson::minify(field.value), nullptr, false);
      }
    }
    if (bad) {
      ++stats_.skipped;
      continue;
    }
    if (doc.id.empty()) doc.id = where;
    if (!has_text) {
      ++stats_.skipped;
      diag_.error(where, fmt::format("record '{}' has no \"text\" field", doc.id));
      continue;
    }
    if (accept(doc, where)) return true;
  }
  if (in_->bad()) diag_.error(current_path_, "read error");
  return false;
}

bool DocumentReader::next_conllu(Document& doc) {
  while (true) {
    try {
      auto next = conllu_->reader->next();
      if (!next) return false;
      ++stats_.read;
      doc = std::move(*next);
      if (doc.date.empty()) doc.date = options_.date;
      doc.origin = current_path_;
      return true;
    } catch (const conllu::ParseError& e) {
      ++stats_.read;
      ++stats_.skipped;
      diag_.error(current_path_, e.what());
    }
  }
}

}  // namespace khaldun::io
