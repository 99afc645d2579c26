#include "io/petrarch_records.h"

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "core/date.h"
#include "io/conllu.h"
#include "io/ud_v1.h"
#include "text/utf8.h"

namespace khaldun::petrarch {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Every run of whitespace, line breaks included, becomes one space: the records are hard-wrapped
// and sometimes double-spaced ("with  Osgiliath"), which says nothing about the sentence.
std::string normalise_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : trim(s)) {
    if (!is_space(c))
      out += c;
    else if (out.back() != ' ')  // never empty here: the trimmed text starts with a non-space
      out += ' ';
  }
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
           return lower(x) == lower(y);
         });
}

// The file's line of a byte offset, from the offsets where lines start.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) {
    starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') starts_.push_back(i + 1);
  }
  int line_of(ptrdiff_t offset) const {
    if (offset < 0) return 0;
    auto it = std::upper_bound(starts_.begin(), starts_.end(), static_cast<size_t>(offset));
    return static_cast<int>(it - starts_.begin());
  }

 private:
  std::vector<size_t> starts_;
};

// All the character data of an element (a comment inside it splits it into several nodes).
std::string element_text(pugi::xml_node node) {
  std::string out;
  for (pugi::xml_node child : node.children())
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) out += child.value();
  return out;
}

// "19950101" (the files' form) or "1995-01-01" -> "1995-01-01", if it names a real day.
std::optional<std::string> iso_date(std::string_view s) {
  s = trim(s);
  std::string iso(s);
  if (s.size() == 8 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    iso = fmt::format("{}-{}-{}", s.substr(0, 4), s.substr(4, 2), s.substr(6, 2));
  if (!parse_iso_date(iso)) return std::nullopt;
  return iso;
}

struct BadRecord {
  std::string message;
};

void read_event_codings(pugi::xml_node sentence, Record& r) {
  for (pugi::xml_node ec : sentence.children("EventCoding")) {
    const pugi::xml_attribute code = ec.attribute("eventcode");
    const pugi::xml_attribute noevents = ec.attribute("noevents");
    const pugi::xml_attribute error = ec.attribute("error");
    if (code) {
      ExpectedEvent e{std::string(trim(ec.attribute("sourcecode").value())),
                      std::string(trim(ec.attribute("targetcode").value())),
                      std::string(trim(code.value()))};
      if (e.code.empty() || e.source.empty() || e.target.empty())
        throw BadRecord{"EventCoding needs eventcode, sourcecode and targetcode"};
      r.expected.push_back(std::move(e));
    }
    if (noevents && iequals(trim(noevents.value()), "true")) r.no_events = true;
    if (error && r.error.empty()) r.error = std::string(trim(error.value()));
    if (!code && !noevents && !error)
      throw BadRecord{"EventCoding without eventcode, noevents or error"};
  }
  if (r.no_events && !r.expected.empty())
    throw BadRecord{"noevents=\"True\" together with expected events"};
}

void read_parse(pugi::xml_node sentence, Record& r) {
  const pugi::xml_node parse = sentence.child("Parse");
  if (!parse) return;
  std::string text = element_text(parse);
  const std::string_view body = trim(text);
  if (body.empty()) return;
  if (body.front() == '(')
    r.ptb_parse = std::move(text);
  else if (body.find('\t') != std::string_view::npos)
    r.ud_parse = std::move(text);
  else
    throw BadRecord{"<Parse> is neither CoNLL-U lines nor a bracketed tree"};
}

Record read_record(pugi::xml_node sentence) {
  Record r;
  r.id = std::string(trim(sentence.attribute("id").value()));
  if (r.id.empty()) throw BadRecord{"<Sentence> without an id"};
  pugi::xml_attribute category = sentence.attribute("source");
  if (!category) category = sentence.attribute("category");
  r.category = std::string(trim(category.value()));
  const std::optional<std::string> date = iso_date(sentence.attribute("date").value());
  if (!date)
    throw BadRecord{fmt::format("date \"{}\" is not YYYYMMDD", sentence.attribute("date").value())};
  r.date = *date;
  r.is_sentence = !iequals(trim(sentence.attribute("sentence").value()), "false");
  const pugi::xml_node text = sentence.child("Text");
  if (!text) throw BadRecord{"no <Text>"};
  r.text = normalise_space(element_text(text));
  read_event_codings(sentence, r);
  read_parse(sentence, r);
  return r;
}

Environment read_environment(pugi::xml_node env) {
  Environment e;
  auto value = [&](const char* name) { return std::string(trim(env.child(name).text().get())); };
  e.verb_file = value("Verbfile");
  e.actor_file = value("Actorfile");
  e.agent_file = value("Agentfile");
  e.discard_file = value("Discardfile");
  e.issue_file = value("Issuefile");
  std::istringstream words(std::string(env.child("Include").text().get()));
  for (std::string w; words >> w;) e.include.push_back(w);
  return e;
}

}  // namespace

RecordFile parse_record_file(std::string_view xml, const std::string& name) {
  // Offsets must match the bytes we count lines in: skip a byte-order mark, turn CRLF into LF
  // ourselves (pugixml would, shifting its offsets) and repair invalid UTF-8 (same lines).
  if (xml.starts_with("\xEF\xBB\xBF")) xml.remove_prefix(3);
  std::string buffer;
  buffer.reserve(xml.size());
  for (size_t i = 0; i < xml.size(); ++i)
    if (!(xml[i] == '\r' && i + 1 < xml.size() && xml[i + 1] == '\n')) buffer += xml[i];
  text::repair_utf8(buffer);
  const LineIndex lines(buffer);

  pugi::xml_document doc;
  const pugi::xml_parse_result result =
      doc.load_buffer(buffer.data(), buffer.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result)
    throw std::runtime_error(fmt::format("{}:{}: malformed XML: {}", name,
                                         lines.line_of(result.offset), result.description()));
  const pugi::xml_node root = doc.document_element();
  const std::string_view root_name = root.name();
  if (root_name != "Validation" && root_name != "Sentences")
    throw std::runtime_error(
        fmt::format("{}:{}: expected a <Validation> or <Sentences> root element, found <{}>", name,
                    lines.line_of(root.offset_debug()), root_name));

  RecordFile file;
  if (pugi::xml_node env = root.child("Environment")) file.environment = read_environment(env);
  auto read_sentences = [&](pugi::xml_node parent) {
    for (pugi::xml_node s : parent.children("Sentence")) {
      const int line = lines.line_of(s.offset_debug());
      try {
        Record r = read_record(s);
        r.line = line;
        file.records.push_back(std::move(r));
      } catch (const BadRecord& bad) {
        const std::string_view id = trim(s.attribute("id").value());
        file.errors.push_back(
            id.empty() ? fmt::format("{}:{}: {}", name, line, bad.message)
                       : fmt::format("{}:{}: record {}: {}", name, line, id, bad.message));
      }
    }
  };
  read_sentences(root);
  for (pugi::xml_node sentences : root.children("Sentences")) read_sentences(sentences);
  return file;
}

RecordFile read_record_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("{}:0: cannot open the file", path));
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) throw std::runtime_error(fmt::format("{}:0: cannot read the file", path));
  return parse_record_file(contents.str(), path);
}

Document to_document(const Record& record, bool use_supplied_parse) {
  Document doc;
  doc.id = record.id;
  doc.date = record.date;
  doc.origin = fmt::format("record {} (line {})", record.id, record.line);
  doc.meta["category"] = record.category;
  if (!use_supplied_parse || record.ud_parse.empty()) {
    doc.raw = record.text;
    // The records join a name's words with '_' as the dictionaries do ("Dol_Amroth"); as text
    // they are words.
    std::replace(doc.raw.begin(), doc.raw.end(), '_', ' ');
    return doc;
  }
  std::istringstream in(record.ud_parse);
  conllu::Reader reader(in, "<Parse>");
  std::optional<Document> parsed;
  try {
    parsed = reader.next();
    if (parsed && reader.next())
      doc.warnings.push_back("the <Parse> holds several documents; only the first is used");
  } catch (const conllu::ParseError& e) {
    throw conllu::ParseError(
        fmt::format("record {} (line {}): {}", record.id, record.line, e.what()));
  }
  if (!parsed) {
    doc.raw = record.text;
    return doc;
  }
  doc.raw = std::move(parsed->raw);
  doc.sentences = std::move(parsed->sentences);
  doc.tokens = std::move(parsed->tokens);
  for (const Sentence& s : doc.sentences) ud::upgrade_ud_v1_labels(doc.tokens_of(s));
  return doc;
}

}  // namespace khaldun::petrarch
