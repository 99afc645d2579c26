// Tests on the real PETRARCH-2 dictionaries in the shared folder.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "dict/cameo_codebook.h"
#include "dict/check.h"
#include "dict/khaldun_format.h"
#include "dict/load.h"
#include "dict/phrase.h"
#include "dict/resolve.h"

namespace khaldun::dict {
namespace {

namespace fs = std::filesystem;

std::string petrarch_dir(const char* sub) {
  return (fs::path(KHALDUN_SHARED_DIR) / "data" / "petrarch" / sub).string();
}

#define SKIP_WITHOUT_SHARED()                                                                   \
  if (!fs::is_directory(petrarch_dir("phoenix"))) {                                             \
    GTEST_SKIP() << "the shared PETRARCH dictionaries are absent: " << petrarch_dir("phoenix"); \
  }

const LoadedDictionary& phoenix() {
  static const LoadedDictionary loaded = load_directory(petrarch_dir("phoenix"));
  return loaded;
}

// Its speed is measured by bench/dict_load_bench.cc, not here: a timed test fails on a busy
// machine.
TEST(Phoenix, LoadsWithNoErrors) {
  SKIP_WITHOUT_SHARED();
  LoadedDictionary loaded = load_directory(petrarch_dir("phoenix"));  // throws on any error
  CompiledDictionary compiled(loaded.dict);
  EXPECT_EQ(loaded.layout, Layout::kPetrarch);
  EXPECT_EQ(loaded.errors, 0);
  EXPECT_EQ(loaded.dict.files.size(), 7u);
  EXPECT_GT(loaded.dict.actors.size(), 20000u);
  EXPECT_GT(loaded.dict.verb_groups.size(), 300u);
  EXPECT_GT(loaded.dict.agents.size(), 2000u);
  EXPECT_GT(compiled.word_count(), 0u);
}

TEST(Phoenix, LavrovByDate) {
  SKIP_WITHOUT_SHARED();
  CompiledDictionary c(phoenix().dict);
  auto refs = c.exact(phrase_words("Sergei Lavrov"));
  auto it = std::find_if(refs.begin(), refs.end(),
                         [](const EntryRef& r) { return r.kind == EntryRef::Kind::kActor; });
  ASSERT_NE(it, refs.end());
  const Actor& a = phoenix().dict.actors[it->index];
  EXPECT_EQ(a.names.front(), "SERGEY LAVROV");
  auto now = codes_at(a, "2023-03-29");
  ASSERT_EQ(now.size(), 1u);
  EXPECT_EQ(now[0]->code, "RUSGOV");
  EXPECT_EQ(now[0]->range.from, 20040309);  // the Foreign Minister line
  auto old = codes_at(a, "1999-01-01");
  ASSERT_EQ(old.size(), 1u);
  EXPECT_EQ(old[0]->code, "RUSGOV");
  EXPECT_EQ(old[0]->range.from, 19940922);  // the older, UN ambassador line
  EXPECT_LT(old[0]->line, now[0]->line);
}

TEST(Validate, BothVerbGenerationsLoad) {
  SKIP_WITHOUT_SHARED();
  for (const char* verbs : {"PETR.Validate.verbs.txt", "PETR.Validate.verbs.2.0.txt"}) {
    LoadedDictionary loaded = load_directory(petrarch_dir("validate"), {.verbs_file = verbs});
    EXPECT_EQ(loaded.dict.files.front(), (fs::path(petrarch_dir("validate")) / verbs).string());
    EXPECT_GT(loaded.dict.verb_groups.size(), 50u) << verbs;
  }
  auto old = load_directory(petrarch_dir("validate"), {.verbs_file = "PETR.Validate.verbs.txt"});
  auto report = check_dictionary(old, CameoCodebook::builtin());
  EXPECT_EQ(report.errors, 0);
  EXPECT_GT(report.counts["code outside CAMEO"], 0);  // 075A and friends: warned, accepted
  EXPECT_THROW(load_directory(petrarch_dir("validate"), {.verbs_file = "nope.txt"}),
               std::runtime_error);
}

// Everything that decides coding, as comparable text: phrase -> codes for actors and agents,
// verb form -> group and code, patterns -> codes, synsets, discards and issues.
std::multiset<std::string> coding_facts(const Dictionary& d) {
  std::multiset<std::string> out;
  auto key = [](std::string_view phrase) {
    std::string k;
    for (const auto& w : phrase_words(phrase)) k += fold_case(w) + " ";
    return k;
  };
  for (const auto& a : d.actors) {
    std::string codes;
    for (const auto& c : a.codes) {
      codes += c.code + (c.dated ? fmt::format("@{}-{}", c.range.from, c.range.until) : "") + ";";
    }
    for (const auto& n : a.names) out.insert("actor " + key(n) + "= " + codes);
  }
  for (const auto& a : d.agents) {
    for (const auto& n : a.names) out.insert("agent " + key(n) + "= " + a.code);
  }
  for (const auto& g : d.verb_groups) {
    for (const auto& v : g.verbs) {
      for (const auto& form : CompiledDictionary::verb_surface_forms(v)) {
        std::string f;
        for (const auto& w : form) f += fold_case(w) + " ";
        out.insert("verb " + f + "= " + g.name + " " +
                   CompiledDictionary::verb_code(g, v).to_string());
      }
    }
    for (const auto& p : g.patterns) {
      std::string text = format_pattern(p.items);
      std::transform(text.begin(), text.end(), text.begin(), ::toupper);
      out.insert("pattern " + g.name + " " + text + " = " + p.code.to_string());
    }
    out.insert("group " + g.name + " = " + g.code.to_string());
  }
  for (const auto& s : d.synsets) {
    std::string m;
    for (const auto& x : s.members) m += key(x) + "|";
    out.insert("synset " + s.name + " = " + m);
  }
  for (const auto& t : d.transformations) out.insert("transform " + t.text);
  for (const auto& x : d.discards)
    out.insert("discard " + key(x.phrase) + (x.whole_story ? "+" : ""));
  for (const auto& i : d.issues) {
    for (const auto& p : i.phrases) {
      out.insert(
          fmt::format("issue {}= {}/{} {}", key(p), i.category, i.code, static_cast<int>(i.kind)));
    }
  }
  return out;
}

TEST(Phoenix, ConvertedSetCodesTheSame) {
  SKIP_WITHOUT_SHARED();
  auto dir = fs::temp_directory_path() / "khaldun_dict_roundtrip_test";
  fs::remove_all(dir);
  auto files = write_khaldun_directory(phoenix().dict, dir.string());
  EXPECT_EQ(files.size(), 7u);
  LoadedDictionary converted = load_directory(dir.string());
  EXPECT_EQ(converted.layout, Layout::kKhaldun);
  EXPECT_EQ(converted.errors, 0);
  auto original = coding_facts(phoenix().dict);
  auto again = coding_facts(converted.dict);
  EXPECT_GT(original.size(), 50000u);
  std::vector<std::string> missing, extra;
  std::set_difference(original.begin(), original.end(), again.begin(), again.end(),
                      std::back_inserter(missing));
  std::set_difference(again.begin(), again.end(), original.begin(), original.end(),
                      std::back_inserter(extra));
  EXPECT_TRUE(missing.empty()) << missing.size() << " lost, e.g. " << missing.front();
  EXPECT_TRUE(extra.empty()) << extra.size() << " gained, e.g. " << extra.front();
  // Lookups agree too.
  CompiledDictionary c(converted.dict);
  auto refs = c.exact(phrase_words("Sergei Lavrov"));
  ASSERT_FALSE(refs.empty());
  EXPECT_EQ(codes_at(converted.dict.actors[refs[0].index], "1999-01-01")[0]->range.from, 19940922);
  fs::remove_all(dir);
}

TEST(Cli, LookupAndCheck) {
  SKIP_WITHOUT_SHARED();
  std::string cmd = fmt::format("{} dict lookup \"Sergei Lavrov\" --date 2023-03-29 --dict {} 2>&1",
                                KHALDUN_BINARY, petrarch_dir("phoenix"));
  FILE* p = popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  int status = pclose(p);
  EXPECT_EQ(WEXITSTATUS(status), 0) << out;
  EXPECT_NE(out.find("code on 2023-03-29: RUSGOV"), std::string::npos) << out;
  EXPECT_NE(out.find("Phoenix.Countries.actors.txt:39808"), std::string::npos) << out;

  cmd = fmt::format("{} dict check -q {} 2>&1", KHALDUN_BINARY, petrarch_dir("phoenix"));
  p = popen(cmd.c_str(), "r");
  out.clear();
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  status = pclose(p);
  EXPECT_EQ(WEXITSTATUS(status), 0) << out;
  EXPECT_NE(out.find("0 errors"), std::string::npos) << out;

  auto bad = fs::temp_directory_path() / "khaldun_dict_cli_bad";
  fs::create_directories(bad);
  {
    std::FILE* f = std::fopen((bad / "x.actors.txt").c_str(), "w");
    std::fputs("RUSSIA [RUS]\n\t[R$S]\n", f);
    std::fclose(f);
  }
  cmd = fmt::format("{} dict check {} 2>&1", KHALDUN_BINARY, bad.string());
  p = popen(cmd.c_str(), "r");
  out.clear();
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  status = pclose(p);
  EXPECT_EQ(WEXITSTATUS(status), 1) << out;
  EXPECT_NE(out.find("x.actors.txt:2: error"), std::string::npos) << out;
  fs::remove_all(bad);
}

}  // namespace
}  // namespace khaldun::dict
