#include "coder/parse_filter.h"

#include <algorithm>

#include "coder/mentions.h"
#include "coder/sentence_view.h"
#include "core/date.h"

namespace khaldun::coder {

ParseFilter::ParseFilter(const dict::CompiledDictionary& dict)
    : dict_(dict),
      verbs_(dict),
      synsets_(dict),
      acronyms_in_capitals_(written_in_mixed_case(dict.dictionary())) {
  for (const dict::VerbGroup& group : dict.dictionary().verb_groups) {
    auto& coding = coding_patterns_.emplace_back();
    for (const PreparedPattern& p : prepare_patterns(group, dict, synsets_))
      if (!group.patterns[static_cast<size_t>(p.index)].code.none()) coding.push_back(p.required);
  }
}

int32_t ParseFilter::date_of(const Document& doc) {
  auto d = parse_iso_date(doc.date);
  return d ? d->year * 10000 + d->month * 100 + d->day : 0;
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

bool ParseFilter::worth_parsing(std::span<const Token> tagged, int32_t date) const {
  SentenceView s(tagged, &dict_);
  // A source: a mention (the coder's own, which do not depend on the parse) or a pronoun.
  bool actor =
      !find_mentions(s, dict_, s.word_ids(), s.lemma_ids(), date, acronyms_in_capitals_).empty();
  for (size_t i = 0; i < s.size() && !actor; ++i) actor = s.lemma(i) == "he" || s.lemma(i) == "she";
  if (!actor) return false;
  WordSet words(s);
  for (size_t i = 0; i < s.size(); ++i) {
    const std::string& upos = s.token(i).upos;
    if ((upos == "VERB" || upos == "AUX") && may_code(s, i, words)) return true;
  }
  return false;
}

}  // namespace khaldun::coder
