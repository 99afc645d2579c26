// The date of an event: the document's date, unless the predicate carries a date expression
// ("on Wednesday", "yesterday", "last week", "on March 29", "in July 2022"), which is resolved
// against the document date. News reports past events, so a bare weekday or month means the most
// recent one on or before the document date, and a month without a day means its first day.
#pragma once

#include <cstddef>
#include <span>
#include <string>

#include "coder/sentence_view.h"
#include "core/date.h"
#include "core/document.h"

namespace khaldun::coder {

struct EventDate {
  Date date;
  std::string expression;  // the words that gave the date ("on Wednesday"), empty if none did
  Span raw;                // where those words stand in Document::raw
  bool from_text = false;  // false: no expression resolved, `date` is the document date
};

// The date of the event whose predicate is sentence[predicate] (0-based). Looks at the
// predicate's dependents (Token::head is 1-based, 0 = root) labelled obl, obl:tmod, obl:npmod,
// obl:unmarked, nmod:tmod, nmod:npmod, nmod or advmod, in sentence order; the first whose phrase
// (the dependent and its non-clausal subtree, case marker included) reads as a date wins:
//   weekday ("on Wednesday", "Wednesday night", "last Wednesday")
//       -> the most recent such day on or before the document date; "next Wednesday" -> the
//          first one after it;
//   "yesterday" -> doc - 1; "today", "tonight", "this morning" -> doc;
//   "last week" -> doc - 7; "last month" -> the 1st of the previous month; "last year" -> Jan 1
//       of the previous year;
//   "March 29", "29 March" -> that day in the document's year, or the year before if that is
//       after the document date; "March 29, 2021" -> that day;
//   "July 2022" -> 2022-07-01; "July" -> the 1st of the most recent July on or before the
//       document date; "in 2018" -> 2018-01-01.
// A phrase whose case marker points away from the event's time ("until Friday", "since 2018",
// "by March") is not a date of the event. Otherwise: the document date, from_text = false.
EventDate resolve_event_date(std::span<const Token> sentence, size_t predicate, Date document_date);
// The same on the coder's view of the sentence, whose children lists spare a look at every token
// for each word of each phrase.
EventDate resolve_event_date(const SentenceView& sentence, size_t predicate, Date document_date);

}  // namespace khaldun::coder
