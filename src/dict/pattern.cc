#include "dict/pattern.h"
#include "dict/text_util.h"

#include <algorithm>
#include <cctype>

namespace khaldun::dict {
namespace {

bool is_code_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

bool is_space(char c) { return c == ' ' || c == '\t'; }

// Characters that end a word inside a pattern.
bool ends_word(char c) {
  return is_space(c) || c == '_' || c == '{' || c == '}' || c == '(' || c == ')';
}

PatternItem::Kind marker_kind(char c) {
  switch (c) {
    case '*':
      return PatternItem::Kind::kVerb;
    case '$':
      return PatternItem::Kind::kSource;
    case '+':
      return PatternItem::Kind::kTarget;
    case '%':
      return PatternItem::Kind::kCompound;
    default:
      return PatternItem::Kind::kSkip;
  }
}

bool is_marker(char c) { return c == '*' || c == '$' || c == '+' || c == '%' || c == '^'; }

int count_verbs(const std::vector<PatternItem>& items) {
  int n = 0;
  for (const auto& item : items) {
    if (item.kind == PatternItem::Kind::kVerb) ++n;
    n += count_verbs(item.items);
  }
  return n;
}

}  // namespace

std::string EventCode::to_string() const {
  if (!paired) return primary.empty() ? "---" : primary;
  return primary + ":" + reverse;
}

bool parse_event_code(std::string_view text, EventCode& out, std::string& warning) {
  out = EventCode{};
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  if (text.empty()) return false;
  if (text.find_first_not_of('-') == std::string_view::npos) return true;  // "---": no event
  if (text == "+++" || text == "###") {
    // TABARI's special codes, kept as written: "+++" marks a null actor/event and "###" an
    // event to delete; the coder decides what they do.
    out.primary = std::string(text);
    return true;
  }
  auto colon = text.find(':');
  std::string_view first = text.substr(0, colon);
  std::string_view second = colon == std::string_view::npos ? "" : text.substr(colon + 1);
  auto clean = [&](std::string_view part, std::string& into) {
    size_t n = 0;
    while (n < part.size() && is_code_char(part[n])) ++n;
    if (n != part.size()) {
      // PETRARCH-2 keeps such codes; we keep the code characters and say what was dropped.
      if (n == 0) return false;
      warning = "junk '" + std::string(part.substr(n)) + "' after code '" +
                std::string(part.substr(0, n)) + "' ignored";
    }
    into = upper(part.substr(0, n));
    return true;
  };
  if (!first.empty() && !clean(first, out.primary)) return false;
  if (colon != std::string_view::npos) {
    out.paired = true;
    if (!second.empty() && !clean(second, out.reverse)) return false;
    if (out.primary.empty() && out.reverse.empty()) return false;
  }
  return !out.none() || out.paired;
}

std::string parse_pattern(std::string_view text, const std::vector<std::string>& synsets,
                          std::vector<PatternItem>& out, std::vector<std::string>& warnings) {
  out.clear();
  std::vector<std::vector<PatternItem>*> stack{&out};
  std::vector<char> closers;
  bool joined = false;
  size_t i = 0;
  auto emit = [&](PatternItem item) {
    item.joined = joined && !stack.back()->empty();
    joined = false;
    stack.back()->push_back(std::move(item));
  };
  while (i < text.size()) {
    char c = text[i];
    if (is_space(c)) {
      joined = false;
      ++i;
    } else if (c == '_') {
      joined = true;
      ++i;
    } else if (c == '{' || c == '(') {
      PatternItem group;
      group.kind = c == '{' ? PatternItem::Kind::kNounPhrase : PatternItem::Kind::kPrepPhrase;
      emit(std::move(group));
      stack.push_back(&stack.back()->back().items);
      closers.push_back(c == '{' ? '}' : ')');
      ++i;
    } else if (c == '}' || c == ')') {
      if (closers.empty()) {
        // PETRARCH-2 codes with such patterns ("(WITH VISIT) VISIT)"); the closer means nothing.
        warnings.push_back(std::string("stray '") + c + "' ignored");
        ++i;
        continue;
      }
      if (closers.back() != c)
        return std::string("'") + c + "' closes '" + (closers.back() == '}' ? '{' : '(') + "'";
      closers.pop_back();
      stack.pop_back();
      joined = false;
      ++i;
    } else if (is_marker(c)) {
      PatternItem item;
      item.kind = marker_kind(c);
      emit(std::move(item));
      ++i;
      if (i < text.size() && !ends_word(text[i])) {
        warnings.push_back(std::string("marker '") + c + "' glued to the next word; read as '" + c +
                           "_'");
        joined = true;
      }
    } else if (c == '&') {
      size_t end = i + 1;
      while (end < text.size() && !is_space(text[end]) && text[end] != '{' && text[end] != '}' &&
             text[end] != '(' && text[end] != ')') {
        ++end;
      }
      std::string name = upper(text.substr(i + 1, end - i - 1));
      std::string rest;
      // Names hold '_' (&FIGHT_OF_WORDS) and may also be glued to a following word with '_'
      // (&GENINT_CONVENTIONS): keep the longest known name, the rest is joined words.
      auto known = [&](const std::string& n) {
        return std::find(synsets.begin(), synsets.end(), n) != synsets.end();
      };
      std::string base = name;
      while (!base.empty() && base.back() == '_') base.pop_back();
      if (!known(base)) {
        for (size_t cut = base.rfind('_'); cut != std::string::npos && cut > 0;
             cut = base.rfind('_', cut - 1)) {
          if (known(base.substr(0, cut))) {
            rest = base.substr(cut);
            base = base.substr(0, cut);
            break;
          }
          if (cut == 0) break;
        }
      }
      if (base.empty()) return "empty synset name after '&'";
      PatternItem item;
      item.kind = PatternItem::Kind::kSynset;
      item.text = base;
      emit(std::move(item));
      // Re-scan what followed the name as ordinary pattern text.
      i = end - rest.size();
    } else {
      size_t end = i;
      while (end < text.size() && !ends_word(text[end])) {
        if (text[end] == '*' && end > i) break;  // "SPY*" is a word glued to the verb slot
        ++end;
      }
      PatternItem item;
      item.kind = PatternItem::Kind::kWord;
      item.text = upper(text.substr(i, end - i));
      emit(std::move(item));
      i = end;
      if (i < text.size() && text[i] == '*') joined = true;
    }
  }
  if (!closers.empty()) return std::string("missing '") + closers.back() + "'";
  int verbs = count_verbs(out);
  if (verbs == 0) return "no verb slot '*'";
  if (verbs > 1) return "more than one verb slot '*'";
  for (const auto& item : out) {
    if ((item.kind == PatternItem::Kind::kNounPhrase ||
         item.kind == PatternItem::Kind::kPrepPhrase) &&
        item.items.empty()) {
      warnings.push_back("empty " +
                         std::string(item.kind == PatternItem::Kind::kNounPhrase ? "{}" : "()"));
    }
  }
  return {};
}

std::string format_pattern(const std::vector<PatternItem>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += item.joined ? "_" : " ";
    switch (item.kind) {
      case PatternItem::Kind::kWord:
        out += item.text;
        break;
      case PatternItem::Kind::kSynset:
        out += "&" + item.text;
        break;
      case PatternItem::Kind::kVerb:
        out += "*";
        break;
      case PatternItem::Kind::kSource:
        out += "$";
        break;
      case PatternItem::Kind::kTarget:
        out += "+";
        break;
      case PatternItem::Kind::kCompound:
        out += "%";
        break;
      case PatternItem::Kind::kSkip:
        out += "^";
        break;
      case PatternItem::Kind::kNounPhrase:
        out += "{" + format_pattern(item.items) + "}";
        break;
      case PatternItem::Kind::kPrepPhrase:
        out += "(" + format_pattern(item.items) + ")";
        break;
    }
  }
  return out;
}

void collect_synsets(const std::vector<PatternItem>& items, std::vector<std::string>& out) {
  for (const auto& item : items) {
    if (item.kind == PatternItem::Kind::kSynset) out.push_back(item.text);
    collect_synsets(item.items, out);
  }
}

}  // namespace khaldun::dict
