#include "text/normalizer.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

#include "text/html_entities.h"
#include "text/utf8.h"

namespace khaldun::text {
namespace {

// The ASCII stand-in for typographic characters, or nullptr to keep the character. An empty string
// drops it (zero-width and soft-hyphen characters carry no text).
const char* fold(int32_t cp) {
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x00B4:
    case 0x02BC:
      return "'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x00AB:
    case 0x00BB:
      return "\"";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2212:
      return "-";
    case 0x2014:
    case 0x2015:
      return "--";
    case 0x2026:
      return "...";
    case 0x00A0:
    case 0x1680:
    case 0x2000:
    case 0x2001:
    case 0x2002:
    case 0x2003:
    case 0x2004:
    case 0x2005:
    case 0x2006:
    case 0x2007:
    case 0x2008:
    case 0x2009:
    case 0x200A:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return " ";
    case 0x2028:
    case 0x2029:
    case 0x0085:
      return "\n";
    case 0x00AD:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
      return "";
    default:
      return nullptr;
  }
}

// Appends code points taken from raw offsets, folded. Non-ASCII code points that are not folded
// are collected in `pending_` so that NFC can compose them with their neighbours.
class Builder {
 public:
  explicit Builder(size_t size_hint) {
    out_.text.reserve(size_hint);
    out_.to_raw.reserve(size_hint + 1);
  }

  // Plain printable ASCII copied as it is: the common case, kept cheap.
  void plain(std::string_view run, uint32_t at) {
    flush();
    out_.text.append(run);
    for (uint32_t k = 0; k < run.size(); ++k) out_.to_raw.push_back(at + k);
  }

  void ascii(char c, uint32_t at) {
    if (c == '\r') c = '\n';
    if (static_cast<unsigned char>(c) < 0x20 && c != '\n') c = ' ';  // tabs and other controls
    if (c == 0x7F) c = ' ';
    flush();
    out_.append(c, at);
  }

  void code_point(int32_t cp, std::string_view bytes, uint32_t at) {
    if (const char* folded = fold(cp)) {
      flush();
      for (const char* p = folded; *p; ++p) out_.append(*p, at);
      return;
    }
    if (cp < 0x80) {
      ascii(static_cast<char>(cp), at);
      return;
    }
    if (pending_.empty()) {
      pending_start_ = at;
      // A combining mark may follow an ASCII letter ("e" + U+0301): NFC must see both.
      if (!out_.text.empty() && is_ascii_letter(out_.text.back())) {
        pending_.push_back(out_.text.back());
        pending_start_ = out_.to_raw.back();
        out_.text.pop_back();
        out_.to_raw.pop_back();
      }
    }
    pending_.append(bytes);
  }

  void flush() {
    if (pending_.empty()) return;
    utf8proc_uint8_t* composed = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(pending_.data()),
                          static_cast<utf8proc_ssize_t>(pending_.size()), &composed,
                          static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    if (n >= 0) {
      out_.append(std::string_view(reinterpret_cast<char*>(composed), static_cast<size_t>(n)),
                  pending_start_);
    } else {
      out_.append(pending_, pending_start_);
    }
    std::free(composed);
    pending_.clear();
  }

  MappedText finish(uint32_t raw_size) {
    flush();
    out_.to_raw.push_back(raw_size);
    return std::move(out_);
  }

 private:
  static bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

  MappedText out_;
  std::string pending_;
  uint32_t pending_start_ = 0;
};

bool is_plain(char c) { return c >= 0x20 && c < 0x7F && c != '&'; }

}  // namespace

MappedText normalize(std::string_view raw) {
  Builder b(raw.size());
  size_t i = 0;
  while (i < raw.size()) {
    auto at = static_cast<uint32_t>(i);
    char c = raw[i];
    if (c == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') {
      ++i;  // CRLF is one line break
      continue;
    }
    if (c == '&') {
      size_t length = 0;
      int32_t cp = decode_html_entity(raw, i, length);
      if (cp >= 0) {
        std::string bytes;
        append_utf8(bytes, cp);
        b.code_point(cp, bytes, at);
        i += length;
        continue;
      }
    }
    if (is_plain(c)) {
      size_t j = i + 1;
      while (j < raw.size() && is_plain(raw[j])) ++j;
      b.plain(raw.substr(i, j - i), at);
      i = j;
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x80) {
      b.ascii(c, at);
      ++i;
      continue;
    }
    size_t start = i;
    int32_t cp = decode_utf8(raw, i);
    if (cp < 0) cp = 0xFFFD;  // callers repair first; stay safe anyway
    b.code_point(cp, raw.substr(start, i - start), at);
  }
  return b.finish(static_cast<uint32_t>(raw.size()));
}

}  // namespace khaldun::text
