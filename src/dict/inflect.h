// The regular English inflections PETRARCH-2 generates when a dictionary does not list forms:
// verb forms (-S, -ED, -ING) and noun plurals for agents. Words are upper or lower case; the
// result keeps the case of the last letter.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace khaldun::dict {

// "HURRY" -> HURRIES, HURRIED, HURRYING; "PLACE" -> PLACES, PLACED, PLACING.
std::vector<std::string> regular_verb_forms(std::string_view verb);

// "PARTY" -> PARTIES, "CHURCH" -> CHURCHES, "POLICEMAN" -> POLICEMEN, "MINISTER" -> MINISTERS.
std::string regular_plural(std::string_view noun);

}  // namespace khaldun::dict
