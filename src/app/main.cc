#include <algorithm>
#include <exception>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "app/command.h"

namespace khaldun::app {

std::vector<CommandInfo>& command_registry() {
  static std::vector<CommandInfo> registry;
  return registry;
}

}  // namespace khaldun::app

int main(int argc, char** argv) {
  using namespace khaldun::app;
  CLI::App app{"khaldun: political event data from news text (who did what to whom, when, where)"};
  app.set_version_flag("--version", std::string("khaldun ") + KHALDUN_VERSION);
  app.require_subcommand(1);

  auto& registry = command_registry();
  std::sort(registry.begin(), registry.end(),
            [](const CommandInfo& a, const CommandInfo& b) { return a.order < b.order; });
  std::vector<std::pair<CLI::App*, std::function<int()>>> runners;
  for (auto& info : registry) {
    CLI::App* cmd = app.add_subcommand(info.name, info.description);
    runners.emplace_back(cmd, info.setup(*cmd));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  try {
    for (auto& [cmd, run] : runners) {
      if (cmd->parsed()) return run();
    }
  } catch (const std::exception& e) {
    std::cerr << "khaldun: error: " << e.what() << "\n";
    return kExitUsage;
  }
  return kExitUsage;
}
