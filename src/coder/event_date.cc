#include "coder/event_date.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>
#include <vector>

namespace khaldun::coder {
namespace {

// 0 = Monday ... 6 = Sunday (as Date::weekday), or -1.
int weekday_of(std::string_view word) {
  static constexpr std::array<std::string_view, 7> kDays = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (size_t i = 0; i < kDays.size(); ++i)
    if (word == kDays[i]) return static_cast<int>(i);
  return -1;
}

// 1-12, or 0. Month names are capitalised in news text; the lower-case words ("march", "may")
// are verbs and nouns. Abbreviations need their period ("Jan.", "Sept.").
int month_of(const Token& t, std::string_view word) {
  static constexpr std::array<std::string_view, 12> kNames = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  static constexpr std::array<std::string_view, 13> kAbbreviations = {
      "jan.", "feb.",  "mar.", "apr.", "",     "jun.", "jul.",
      "aug.", "sept.", "oct.", "nov.", "dec.", "sep."};
  if (t.form.empty() || !(t.form[0] >= 'A' && t.form[0] <= 'Z')) return 0;
  if (t.upos == "VERB" || t.upos == "AUX") return 0;
  for (size_t i = 0; i < kNames.size(); ++i)
    if (word == kNames[i]) return static_cast<int>(i) + 1;
  for (size_t i = 0; i < kAbbreviations.size(); ++i)
    if (!kAbbreviations[i].empty() && word == kAbbreviations[i])
      return i == 12 ? 9 : static_cast<int>(i) + 1;
  return 0;
}

// "29", "29th", "1st", "2021" -> the number; anything else -> nullopt.
std::optional<int> number_of(std::string_view word) {
  for (std::string_view suffix : {"st", "nd", "rd", "th"})
    if (word.size() > suffix.size() && word.ends_with(suffix)) word.remove_suffix(suffix.size());
  if (word.empty() || word.size() > 4) return std::nullopt;
  int value = 0;
  for (char c : word) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

bool temporal_relation(std::string_view deprel) {
  return deprel == "obl" || deprel == "obl:tmod" || deprel == "obl:npmod" ||
         deprel == "obl:unmarked" || deprel == "nmod:tmod" || deprel == "nmod:npmod" ||
         deprel == "nmod:unmarked" || deprel == "nmod" || deprel == "advmod";
}

// Dependents that start a clause or another conjunct: a date inside them is not the phrase's.
// A coordinator goes with its conjunct (v1 parses hang it on the first one: "on Thursday and").
bool outside_phrase(std::string_view deprel) {
  const std::string_view base = deprel.substr(0, deprel.find(':'));
  return base == "acl" || base == "advcl" || base == "ccomp" || base == "xcomp" ||
         base == "csubj" || base == "parataxis" || base == "conj" || base == "cc" ||
         base == "list" || base == "reparandum" || base == "orphan";
}

// Prepositions that put the event at the time named. "until", "since", "by", "before",
// "after", "from", ... name another time, so their phrases are not the event's date.
bool date_preposition(std::string_view word) {
  return word == "on" || word == "in" || word == "during" || word == "at";
}

// A phrase this long is not a date expression; it also bounds the work on odd parses.
constexpr size_t kMaxPhraseTokens = 16;

// The dependent at `root` and its subtree without clauses and conjuncts, as sorted token indexes;
// empty when it grows beyond kMaxPhraseTokens.
std::vector<size_t> phrase_of(const SentenceView& s, size_t root) {
  std::vector<size_t> phrase{root};
  for (size_t next = 0; next < phrase.size(); ++next) {
    for (uint32_t i : s.children(phrase[next])) {
      if (outside_phrase(s.full_rel(i))) continue;
      if (std::find(phrase.begin(), phrase.end(), i) != phrase.end()) continue;  // cycles
      phrase.push_back(i);
      if (phrase.size() > kMaxPhraseTokens) return {};
    }
  }
  std::sort(phrase.begin(), phrase.end());
  return phrase;
}

bool real_day(const Date& d) {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && Date::from_days(d.days()) == d;
}

Date add_days(Date d, int64_t n) { return Date::from_days(d.days() + n); }

// What the words of a phrase say, before resolving against the document date.
struct Reading {
  int weekday = -1;
  int month = 0;
  int day = 0;
  int year = 0;
  bool head_is_year = false;  // "in 2018": the number itself is the phrase
  bool last = false, next = false, this_ = false, before = false;
  bool yesterday = false, today = false, part_of_day = false;
  bool week = false, month_word = false, year_word = false;
  bool bad_case = false;
};

Reading read_phrase(const SentenceView& s, const std::vector<size_t>& phrase, size_t root) {
  Reading r;
  for (size_t i : phrase) {
    const Token& t = s.token(i);
    const std::string_view word = s.word(i);
    if (s.full_rel(i) == "case" && s.head(i) == static_cast<int>(root) && !date_preposition(word))
      r.bad_case = true;
    if (int wd = weekday_of(word); wd >= 0) r.weekday = wd;
    if (int m = month_of(t, word); m > 0) r.month = m;
    if (std::optional<int> n = number_of(word)) {
      if (*n >= 1 && *n <= 31 && r.day == 0) {
        r.day = *n;
      } else if (*n >= 1000 && *n <= 2999 && word.size() == 4) {
        r.year = *n;
        if (i == root) r.head_is_year = true;
      }
    }
    if (word == "last") r.last = true;
    if (word == "next" || word == "coming") r.next = true;
    if (word == "this") r.this_ = true;
    if (word == "before") r.before = true;
    if (word == "yesterday") r.yesterday = true;
    if (word == "today" || word == "tonight") r.today = true;
    if (word == "morning" || word == "afternoon" || word == "evening" || word == "night")
      r.part_of_day = true;
    if (word == "week") r.week = true;
    if (word == "month") r.month_word = true;
    if (word == "year") r.year_word = true;
  }
  return r;
}

std::optional<Date> resolve(const Reading& r, Date doc) {
  if (r.bad_case) return std::nullopt;
  if (r.month > 0) {
    if (r.day > 0 && r.year > 0) {
      Date d{r.year, r.month, r.day};
      return real_day(d) ? std::optional(d) : std::nullopt;
    }
    if (r.day > 0) {
      Date d{doc.year, r.month, r.day};
      if (!real_day(d) || d > doc) d.year -= 1;  // "February 29" may exist only a year back
      return real_day(d) ? std::optional(d) : std::nullopt;
    }
    if (r.year > 0) return Date{r.year, r.month, 1};
    return Date{r.month <= doc.month ? doc.year : doc.year - 1, r.month, 1};
  }
  if (r.year > 0 && (r.head_is_year || r.year_word)) return Date{r.year, 1, 1};
  if (r.weekday >= 0) {
    const int back = (doc.weekday() - r.weekday + 7) % 7;
    if (r.next) return add_days(doc, back == 0 ? 7 : 7 - back);
    return add_days(doc, -back);
  }
  if (r.yesterday) return add_days(doc, r.before ? -2 : -1);
  if (r.today || (r.this_ && r.part_of_day)) return doc;
  if (r.last && r.week) return add_days(doc, -7);
  if (r.last && r.month_word)
    return doc.month == 1 ? Date{doc.year - 1, 12, 1} : Date{doc.year, doc.month - 1, 1};
  if (r.last && r.year_word) return Date{doc.year - 1, 1, 1};
  return std::nullopt;
}

}  // namespace

EventDate resolve_event_date(std::span<const Token> sentence, size_t predicate,
                             Date document_date) {
  return resolve_event_date(SentenceView(sentence), predicate, document_date);
}

EventDate resolve_event_date(const SentenceView& s, size_t predicate, Date document_date) {
  EventDate result{document_date, {}, {}, false};
  if (predicate >= s.size()) return result;
  const std::span<const Token> sentence = s.tokens();
  for (uint32_t i : s.children(predicate)) {
    if (!temporal_relation(s.full_rel(i))) continue;
    const std::vector<size_t> phrase = phrase_of(s, i);
    if (phrase.empty()) continue;
    const std::optional<Date> date = resolve(read_phrase(s, phrase, i), document_date);
    if (!date) continue;
    result.date = *date;
    result.from_text = true;
    // The words from the first to the last of the phrase, without punctuation at the edges
    // ("In July 2022," -> "In July 2022").
    size_t first = phrase.front(), last = phrase.back();
    while (first < last && sentence[first].upos == "PUNCT") ++first;
    while (last > first && sentence[last].upos == "PUNCT") --last;
    for (size_t k = first; k <= last; ++k) {
      result.expression += sentence[k].form;
      if (k < last && sentence[k].space_after) result.expression += ' ';
    }
    result.raw = Span{sentence[first].raw.begin, sentence[last].raw.end};
    return result;
  }
  return result;
}

}  // namespace khaldun::coder
