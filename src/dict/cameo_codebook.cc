#include "dict/cameo_codebook.h"

#include <charconv>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "dict/petrarch_lines.h"

namespace khaldun::dict {

CameoCodebook CameoCodebook::load(const std::string& path) {
  std::string content = read_file(path);
  CameoCodebook book;
  int number = 0;
  bool header = true;
  size_t pos = 0;
  while (pos < content.size()) {
    auto end = content.find('\n', pos);
    if (end == std::string::npos) end = content.size();
    std::string_view line(content.data() + pos, end - pos);
    pos = end + 1;
    ++number;
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string_view> f;
    size_t start = 0;
    for (;;) {
      auto tab = line.find('\t', start);
      f.push_back(line.substr(start, tab == std::string_view::npos ? line.npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (header) {
      header = false;
      if (f.size() != 8 || f[0] != "code") {
        throw std::runtime_error(
            fmt::format("{}:{}: expected the header 'code<TAB>level<TAB>"
                        "quad_class<TAB>goldstein<TAB>plover<TAB>...'",
                        path, number));
      }
      continue;
    }
    CameoCode c;
    bool ok = f.size() == 8;
    if (ok) {
      c.code = std::string(f[0]);
      ok = std::from_chars(f[1].data(), f[1].data() + f[1].size(), c.level).ec == std::errc{} &&
           std::from_chars(f[2].data(), f[2].data() + f[2].size(), c.quad_class).ec == std::errc{};
      try {
        c.goldstein = std::stod(std::string(f[3]));
      } catch (const std::exception&) {
        ok = false;
      }
      c.plover = std::string(f[4]);
      c.plover_mode = std::string(f[5]);
      c.plover_context = std::string(f[6]);
      c.name = std::string(f[7]);
    }
    if (!ok || c.code.empty()) {
      throw std::runtime_error(fmt::format(
          "{}:{}: expected 8 tab-separated columns: code, level, quad class, Goldstein score, "
          "PLOVER category, mode, context, name",
          path, number));
    }
    std::string key = c.code;
    book.codes_.emplace(std::move(key), std::move(c));
  }
  return book;
}

std::string CameoCodebook::builtin_path() {
  return (std::filesystem::path(KHALDUN_DATA_DIR) / "data" / "cameo" / "cameo.tsv").string();
}

const CameoCodebook& CameoCodebook::builtin() {
  static const CameoCodebook book = load(builtin_path());
  return book;
}

const CameoCode* CameoCodebook::find(std::string_view code) const {
  auto it = codes_.find(std::string(code));
  return it == codes_.end() ? nullptr : &it->second;
}

}  // namespace khaldun::dict
