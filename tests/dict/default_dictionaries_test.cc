// The default dictionaries shipped in data/dict/default: they load cleanly, no name means two
// different actors at the same time, and the facts the issue pins down hold.
#include <gtest/gtest.h>

#include <map>

#include "dict/load.h"
#include "dict/phrase.h"
#include "dict/resolve.h"
#include "test_paths.h"

namespace khaldun::dict {
namespace {

const LoadedDictionary& defaults() {
  static const LoadedDictionary loaded = load_directory(testing::source_path("data/dict/default"));
  return loaded;
}

std::string fold_name(const std::string& name) {
  std::string out;
  for (const auto& w : phrase_words(name)) out += fold_case(w) + " ";
  return out;
}

TEST(DefaultDictionaries, LoadWithoutErrors) {
  const auto& d = defaults();
  EXPECT_EQ(d.layout, Layout::kKhaldun);
  EXPECT_EQ(d.errors, 0);
  EXPECT_GT(d.dict.actors.size(), 2000u);
  EXPECT_GT(d.dict.agents.size(), 200u);
  EXPECT_GT(d.dict.verb_groups.size(), 100u);
  EXPECT_GT(d.dict.places.size(), 500u);
}

TEST(DefaultDictionaries, NoNameHasTwoCodesAtOnce) {
  struct Use {
    const Actor* actor;
    const DatedCode* code;
  };
  std::map<std::string, std::vector<Use>> by_name;
  for (const Actor& a : defaults().dict.actors)
    for (const auto& name : a.names)
      for (const auto& c : a.codes) by_name[fold_name(name)].push_back({&a, &c});
  size_t conflicts = 0;
  for (const auto& [name, uses] : by_name) {
    for (size_t i = 0; i < uses.size(); ++i) {
      for (size_t j = i + 1; j < uses.size(); ++j) {
        const auto& a = *uses[i].code;
        const auto& b = *uses[j].code;
        if (a.code == b.code || uses[i].actor == uses[j].actor) continue;
        bool overlap = a.range.from <= b.range.until && b.range.from <= a.range.until;
        if (!overlap) continue;
        ++conflicts;
        ADD_FAILURE() << "'" << name << "' is " << a.code << " at "
                      << uses[i].actor->source.to_string() << " and " << b.code << " at "
                      << uses[j].actor->source.to_string();
      }
    }
  }
  EXPECT_EQ(conflicts, 0u);
}

std::string code_of(const std::string& phrase, const char* date) {
  auto compiled = CompiledDictionary(defaults().dict);
  auto words = phrase_words(phrase);
  for (const EntryRef& ref : compiled.exact(words)) {
    if (ref.kind != EntryRef::Kind::kActor) continue;
    auto codes = codes_at(defaults().dict.actors[ref.index], date);
    return codes.empty() ? "" : codes.front()->code;
  }
  return "(unknown)";
}

TEST(DefaultDictionaries, DatedRolesOfTheSeedArticle) {
  EXPECT_EQ(code_of("Hossein Amir-Abdollahian", "2023-03-29"), "IRNGOV");
  EXPECT_EQ(code_of("Amir-Abdollahian", "2021-08-25"), "IRNGOV");
  EXPECT_NE(code_of("Amir-Abdollahian", "2024-06-01"), "IRNGOV");
  EXPECT_EQ(code_of("Ebrahim Raisi", "2023-03-29"), "IRNGOV");
  EXPECT_EQ(code_of("Sergei Lavrov", "2023-03-29"), "RUSGOV");
  EXPECT_EQ(code_of("Sergey Lavrov", "2004-03-09"), "RUSGOV");
  EXPECT_EQ(code_of("Vladimir Putin", "2001-01-01"), "RUSGOV");
  EXPECT_EQ(code_of("Vladimir Putin", "2023-03-29"), "RUSGOV");
  EXPECT_EQ(code_of("Dmitry Peskov", "2023-03-29"), "RUSGOV");
}

TEST(DefaultDictionaries, CountriesCapitalsAndMedia) {
  EXPECT_EQ(code_of("Iran", "2023-03-29"), "IRN");
  EXPECT_EQ(code_of("Russia", "2023-03-29"), "RUS");
  EXPECT_EQ(code_of("Tehran", "2023-03-29"), "IRNGOV");
  EXPECT_EQ(code_of("Kremlin", "2023-03-29"), "RUSGOV");
  for (const char* agency : {"Xinhua", "IRNA", "TASS", "NAN"}) {
    std::string code = code_of(agency, "2023-03-29");
    EXPECT_TRUE(code.ends_with("MED")) << agency << " -> " << code;
  }
}

}  // namespace
}  // namespace khaldun::dict
