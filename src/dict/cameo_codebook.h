// The CAMEO event codebook: name, Goldstein score, quad class and PLOVER category of every code.
// Loaded from data/cameo/cameo.tsv, which scripts/gen-cameo-tables generates.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace khaldun::dict {

struct CameoCode {
  std::string code;    // "0233"
  int level = 0;       // 1 = root (two digits), 2, 3
  int quad_class = 0;  // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
  double goldstein = 0;
  std::string plover;          // PLOVER category (AGREE, CONSULT, ...), empty when unmapped
  std::string plover_mode;     // e.g. "visit"
  std::string plover_context;  // e.g. "diplomatic"
  std::string name;
};

class CameoCodebook {
 public:
  // Reads a table in the layout of data/cameo/cameo.tsv; throws std::runtime_error naming
  // file:line on malformed content.
  static CameoCodebook load(const std::string& path);
  // The table shipped with khaldun (<repo>/data/cameo/cameo.tsv), loaded once.
  static const CameoCodebook& builtin();
  static std::string builtin_path();

  const CameoCode* find(std::string_view code) const;
  size_t size() const { return codes_.size(); }

 private:
  std::unordered_map<std::string, CameoCode> codes_;
};

}  // namespace khaldun::dict
