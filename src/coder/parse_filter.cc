#include "coder/parse_filter.h"

#include <algorithm>

#include "coder/mentions.h"
#include "coder/sentence_view.h"
#include "core/date.h"
#include "text/char_class.h"

namespace khaldun::coder {

ParseFilter::ParseFilter(const dict::CompiledDictionary& dict, bool allow_no_target)
    : dict_(dict),
      verbs_(dict),
      synsets_(dict),
      allow_no_target_(allow_no_target),
      acronyms_in_capitals_(written_in_mixed_case(dict.dictionary())) {
  for (const dict::VerbGroup& group : dict.dictionary().verb_groups) {
    auto& coding = coding_patterns_.emplace_back();
    for (const PreparedPattern& p : prepare_patterns(group, dict, synsets_))
      if (!group.patterns[static_cast<size_t>(p.index)].code.none()) coding.push_back(p.required);
  }
}

bool ParseFilter::may_code(const SentenceView& s, size_t i, const WordSet& words) const {
  auto present = [&](const std::vector<uint32_t>& ids) {
    return std::all_of(ids.begin(), ids.end(), [&](uint32_t id) { return words.contains(id); });
  };
  for (uint32_t key : {s.word_key(i), s.lemma_key(i)}) {
    for (uint32_t id : verbs_.entries_of(key)) {
      const VerbIndex::Entry& e = verbs_.entry(id);
      // As VerbIndex::match: the words before stand right before it; those after are among the
      // verb's dependents (or the noun it modifies), so at least in the sentence.
      size_t pos = i;
      bool before = true;
      for (auto it = e.before.rbegin(); it != e.before.rend() && before; ++it)
        before = pos > 0 && s.is(--pos, *it);
      if (!before || !present(e.after)) continue;
      const dict::VerbGroup& group = dict_.dictionary().verb_groups[e.group];
      if (!dict::CompiledDictionary::verb_code(group, group.verbs[e.verb]).none()) return true;
      for (const auto& required : coding_patterns_[e.group])
        if (present(required)) return true;
    }
  }
  return false;
}

ParseFilter::Verdict ParseFilter::check(std::span<const Token> tagged, int32_t date) const {
  SentenceView s(tagged, &dict_);
  // The mentions the coder will find, with their codes: neither depends on the parse.
  std::vector<Mention> mentions =
      find_mentions(s, dict_, s.word_ids(), s.lemma_ids(), date, acronyms_in_capitals_);
  size_t pronouns = 0;
  for (size_t i = 0; i < s.size(); ++i) pronouns += s.lemma(i) == "he" || s.lemma(i) == "she";
  if (mentions.empty() && pronouns == 0) return Verdict::kNoEvent;  // no source
  WordSet words(s);
  bool predicate = false;
  for (size_t i = 0; i < s.size() && !predicate; ++i) {
    const std::string& upos = s.token(i).upos;
    predicate = (upos == "VERB" || upos == "AUX") && may_code(s, i, words);
  }
  if (!predicate) return Verdict::kNoEvent;
  if (allow_no_target_) return Verdict::kMaybe;
  // The codes participants can have: distinct actor codes, the remembered person, each role.
  std::vector<const std::string*> codes;
  size_t roles = 0;
  for (const Mention& m : mentions) {
    if (m.is_agent()) {
      ++roles;
    } else if (!m.code.empty() &&
               std::none_of(codes.begin(), codes.end(), [&](auto* c) { return *c == m.code; })) {
      codes.push_back(&m.code);
    }
  }
  size_t kinds = codes.size() + roles + (pronouns > 0 ? 1 : 0);
  if (kinds >= 2) return Verdict::kMaybe;
  if (roles == 1) {
    for (size_t i = 0; i < s.size(); ++i)
      if (dict_.longest_match(s.word_ids(), i, dict::EntryRef::Kind::kPlace).length > 0)
        return Verdict::kMaybe;
  }
  return Verdict::kSelfEventsOnly;
}

std::vector<bool> ParseFilter::sentences_to_parse(const Document& doc) const {
  int32_t date = 0;
  if (auto d = parse_iso_date(doc.date)) date = d->year * 10000 + d->month * 100 + d->day;
  std::vector<bool> parse(doc.sentences.size(), false);
  // From the last sentence back, so that whether a later one reads "he"/"she" is known. Only a
  // later sentence that may give an event reads it: one that gives none, or self-events only,
  // gives none whatever the memory holds, and what it passes on to the sentences after it only
  // matters when one of those reads "he"/"she" and may give an event, which counts here too.
  bool pronoun_later = false;
  for (size_t k = doc.sentences.size(); k-- > 0;) {
    const Sentence& sentence = doc.sentences[k];
    if (!sentence.codable()) continue;
    auto tokens = doc.tokens_of(sentence);
    Verdict v = check(tokens, date);
    parse[k] = v == Verdict::kMaybe || (v == Verdict::kSelfEventsOnly && pronoun_later);
    if (v != Verdict::kMaybe) continue;
    for (const Token& t : tokens) {
      std::string lemma = text::lower_ascii(t.lemma.empty() || t.lemma == "_" ? t.form : t.lemma);
      pronoun_later |= lemma == "he" || lemma == "she";
    }
  }
  return parse;
}

}  // namespace khaldun::coder
