#include "io/ud_v1.h"

#include <string>
#include <string_view>
#include <vector>

namespace khaldun::ud {
namespace {

// The 0-based index of a token's head, or -1 for the root and for heads outside the sentence
// (supplied parses are untrusted).
int head_index(const Token& t, size_t n) {
  return t.head >= 1 && static_cast<size_t>(t.head) <= n ? t.head - 1 : -1;
}

bool is_predicate(const Token& t) {
  return t.upos == "VERB" || t.upos == "AUX" || t.upos == "ADJ" || t.upos == "ADV";
}

bool is_passive_marker(std::string_view deprel) {
  return deprel == "auxpass" || deprel == "aux:pass" || deprel == "nsubjpass" ||
         deprel == "nsubj:pass" || deprel == "csubjpass" || deprel == "csubj:pass";
}

bool equals_lower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i)
    if ((s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]) != lower[i]) return false;
  return true;
}

// What the rewrite needs to know about each token's dependents, taken from the labels as they
// were before any change (so the order of rewriting does not matter).
struct Facts {
  std::vector<char> passive;  // has a passive auxiliary or subject, or Voice=Pass
  std::vector<char> copular;  // has a cop dependent: a nominal or adjectival predicate
  std::vector<char> by_case;  // has a case dependent "by"
};

Facts collect_facts(std::span<const Token> s) {
  const size_t n = s.size();
  Facts f{std::vector<char>(n, 0), std::vector<char>(n, 0), std::vector<char>(n, 0)};
  for (size_t i = 0; i < n; ++i) {
    if (s[i].feats.find("Voice=Pass") != std::string::npos) f.passive[i] = 1;
    const int h = head_index(s[i], n);
    if (h < 0) continue;
    if (is_passive_marker(s[i].deprel)) f.passive[h] = 1;
    if (s[i].deprel == "cop") f.copular[h] = 1;
    if (s[i].deprel == "case" && equals_lower(s[i].form, "by")) f.by_case[h] = 1;
  }
  // A participle heading a reduced relative ("sanctions imposed by the US") is passive too, and
  // so is a participle coordinated with a passive verb ("was attacked and killed by ...").
  for (size_t i = 0; i < n; ++i) {
    if (s[i].xpos != "VBN") continue;
    const int h = head_index(s[i], n);
    if (s[i].deprel == "acl") f.passive[i] = 1;
    if (s[i].deprel == "conj" && h >= 0 && f.passive[h]) f.passive[i] = 1;
  }
  return f;
}

}  // namespace

void upgrade_ud_v1_labels(std::span<Token> sentence) {
  const Facts facts = collect_facts(sentence);
  const size_t n = sentence.size();
  for (size_t i = 0; i < n; ++i) {
    Token& t = sentence[i];
    if (t.upos == "CONJ") t.upos = "CCONJ";
    const std::string_view rel = t.deprel;
    const std::string_view base = rel.substr(0, rel.find(':'));
    const int h = head_index(t, n);
    const bool on_predicate = h >= 0 && is_predicate(sentence[h]);

    if (base == "dobj") {
      t.deprel = "obj";
    } else if (base == "nsubjpass") {
      t.deprel = "nsubj:pass";
    } else if (base == "csubjpass") {
      t.deprel = "csubj:pass";
    } else if (base == "auxpass") {
      t.deprel = "aux:pass";
    } else if (base == "name") {
      t.deprel = "flat";
    } else if (base == "mwe") {
      t.deprel = "fixed";
    } else if (base == "foreign") {
      t.deprel = "flat:foreign";
    } else if (base == "remnant") {
      t.deprel = "orphan";  // v2 dropped remnant; orphan is the closest it has
    } else if (base == "neg") {
      // v2 has no negation relation: "not"/"never" are adverbs, "no" a determiner.
      t.deprel = t.upos == "DET" ? "det" : "advmod";
    } else if (rel == "nmod" || rel == "obl") {
      // v2 keeps nmod for nominal dependents of nominals; on a predicate it is obl.
      const bool agent = on_predicate && facts.passive[h] && facts.by_case[i];
      if (agent) {
        t.deprel = "obl:agent";
      } else if (rel == "nmod" && on_predicate) {
        t.deprel = "obl";
      }
    } else if (rel == "nmod:tmod" || rel == "nmod:npmod") {
      // Temporal and adverbial noun phrases modify a clause, which a copula can head too.
      if (on_predicate || (h >= 0 && facts.copular[h]))
        t.deprel = rel == "nmod:tmod" ? "obl:tmod" : "obl:npmod";
    }
  }
}

}  // namespace khaldun::ud
