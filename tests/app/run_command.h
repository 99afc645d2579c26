// Runs the built `khaldun` binary in a shell, for tests of the command-line contract.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace khaldun::testing {

struct CommandResult {
  int status = -1;
  std::string out;  // stdout, with stderr appended when `merge_stderr`
};

inline CommandResult run_khaldun(const std::string& args, bool merge_stderr = false) {
  std::string cmd =
      std::string(KHALDUN_BINARY) + " " + args + (merge_stderr ? " 2>&1" : " 2>/dev/null");
  CommandResult r;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  int raw = pclose(pipe);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return r;
}

inline size_t count_lines(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

}  // namespace khaldun::testing
