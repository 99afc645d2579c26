#include "text/abbreviations.h"

#include <algorithm>
#include <array>
#include <string>

#include "text/char_class.h"

namespace khaldun::text {
namespace {

// Lower-cased, without the final period; sorted.
constexpr std::array<std::string_view, 68> kInside = {
    "adm", "apr",  "art",  "aug",  "ave", "blvd", "brig", "capt", "cf",  "cmdr", "co-op",  "col",
    "cpl", "dec",  "dept", "dr",   "e.g", "eg",   "esp",  "feb",  "fig", "fr",   "ft",     "gen",
    "gov", "hon",  "hwy",  "i.e",  "ie",  "jan",  "jul",  "jun",  "lt",  "maj",  "messrs", "mr",
    "mrs", "ms",   "msgr", "mt",   "nov", "oct",  "op",   "p",    "pp",  "pres", "prof",   "pt",
    "pvt", "rd",   "rep",  "reps", "rev", "rt",   "sen",  "sens", "sep", "sept", "sgt",    "sr",
    "st",  "supt", "tel",  "thu",  "v",   "vol",  "vs",   "wed",
};

constexpr std::array<std::string_view, 16> kMaybeFinal = {
    "a.m", "bros", "co",  "corp", "etc", "inc", "jr",    "llc",
    "ltd", "p.m",  "plc", "u.k",  "u.n", "u.s", "u.s.a", "vs.",
};

constexpr std::array<std::string_view, 64> kStarters = {
    "a",         "according", "after",  "all",   "also",  "although", "an",     "and",
    "as",        "at",        "before", "both",  "but",   "by",       "during", "each",
    "earlier",   "for",       "from",   "he",    "her",   "his",      "how",    "however",
    "i",         "if",        "in",     "it",    "its",   "last",     "later",  "many",
    "meanwhile", "more",      "most",   "mr",    "mrs",   "ms",       "my",     "no",
    "not",       "now",       "on",     "one",   "our",   "she",      "since",  "so",
    "some",      "that",      "the",    "their", "there", "these",    "they",   "this",
    "those",     "though",    "thus",   "to",    "we",    "what",     "when",   "you",
};

static_assert(std::is_sorted(kInside.begin(), kInside.end()));
static_assert(std::is_sorted(kMaybeFinal.begin(), kMaybeFinal.end()));
static_assert(std::is_sorted(kStarters.begin(), kStarters.end()));

template <size_t N>
bool contains(const std::array<std::string_view, N>& sorted, std::string_view key) {
  return std::binary_search(sorted.begin(), sorted.end(), key);
}

}  // namespace

Abbreviation classify_abbreviation(std::string_view word) {
  if (word.empty() || word.size() > 8) return Abbreviation::kNone;
  // An initial ("George W. Bush") or a one-letter list label.
  if (word.size() == 1 && is_letter(word[0])) return Abbreviation::kInside;
  std::string lower = lower_ascii(word);
  if (contains(kInside, lower)) return Abbreviation::kInside;
  if (contains(kMaybeFinal, lower)) return Abbreviation::kMaybeFinal;
  // Dotted forms not listed ("U.A.E", "Ph.D"): letters separated by periods.
  if (lower.find('.') != std::string::npos) {
    bool dotted =
        std::all_of(lower.begin(), lower.end(), [](char c) { return is_letter(c) || c == '.'; });
    if (dotted) return Abbreviation::kMaybeFinal;
  }
  return Abbreviation::kNone;
}

bool is_sentence_starter(std::string_view word) { return contains(kStarters, lower_ascii(word)); }

}  // namespace khaldun::text
