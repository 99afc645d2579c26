// Each command of the `khaldun` tool lives in its own file and registers itself here, so that
// adding a command never touches main.cc.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace khaldun::app {

// Declares the command's options on `cmd` and returns the function that runs it; the returned
// function owns whatever the options were bound to. It returns the process exit status.
using CommandSetup = std::function<std::function<int()>(CLI::App& cmd)>;

struct CommandInfo {
  std::string name;
  std::string description;
  int order;  // position in --help
  CommandSetup setup;
};

std::vector<CommandInfo>& command_registry();

struct RegisterCommand {
  RegisterCommand(std::string name, std::string description, int order, CommandSetup setup) {
    command_registry().push_back(
        {std::move(name), std::move(description), order, std::move(setup)});
  }
};

// Exit statuses shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitSkipped = 1;  // the run finished, but some documents or records failed
inline constexpr int kExitUsage = 2;    // bad arguments or a fatal error before any work

}  // namespace khaldun::app
