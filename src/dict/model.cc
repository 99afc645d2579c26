#include "dict/model.h"

#include <iterator>

namespace khaldun::dict {
namespace {

template <typename T>
void move_append(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

void Dictionary::append(Dictionary&& o) {
  move_append(actors, o.actors);
  move_append(agents, o.agents);
  move_append(verb_groups, o.verb_groups);
  move_append(synsets, o.synsets);
  move_append(transformations, o.transformations);
  move_append(discards, o.discards);
  move_append(issues, o.issues);
  move_append(places, o.places);
  move_append(files, o.files);
}

}  // namespace khaldun::dict
