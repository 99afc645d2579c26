// Wire boilerplate: datelines ("MOSCOW, March 29 (Xinhua) --"), credits ("(Xinhua/NAN)",
// "(Reporting by ...; Editing by ...)") and bylines ("By Jane Doe"). They are kept in the record
// but never coded: an agency named in a credit must not become the actor of an event.
#pragma once

#include <cstddef>
#include <string_view>

namespace khaldun::text {

// Length of a dateline at the start of `paragraph`, including the dash and the space after it;
// 0 when there is none.
size_t dateline_length(std::string_view paragraph);

// Offset where a trailing credit starts in `paragraph` (the whole paragraph may be one), or
// paragraph.size() when there is none.
size_t credit_start(std::string_view paragraph);

// Whether the whole paragraph is a byline.
bool is_byline(std::string_view paragraph);

}  // namespace khaldun::text
