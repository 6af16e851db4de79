// Compilation databases written on Windows (MSBuild, clang-cl tooling) read
// on Linux or WSL: drive-letter and UNC paths mapped to where the sources are
// mounted (--path-map, as clangd's --path-mappings), and cl.exe command
// strings split with Windows rules so that backslashes survive.
#pragma once

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace vmbcheck {

// Prefix pairs From=To. The Windows side is compared case-insensitively with
// '\' and '/' alike; the longest matching From wins.
class PathMap {
public:
  // Adds "From=To" (several may be joined with ','). "" or the reason the
  // mapping is malformed.
  std::string add(llvm::StringRef Spec);
  bool empty() const { return Pairs.empty(); }
  // The mapped path, or nothing when no prefix matches.
  std::optional<std::string> apply(llvm::StringRef Path) const;

private:
  std::vector<std::pair<std::string, std::string>> Pairs; // From with '/' separators
};

// C:\x, C:/x or \\server\share.
bool isWindowsAbsolutePath(llvm::StringRef Path);

// The compiler is cl.exe or clang-cl (or --driver-mode=cl is given).
bool isClStyleCommand(const std::vector<std::string> &Args);

// A compile_commands.json rewritten for this machine: every entry's
// directory, file and path-valued arguments mapped, "command" strings of
// cl-style compilers tokenized with Windows rules, backslashes of Windows
// paths turned into '/'. Nothing when no entry needed a change (the
// database is then read as it is). Mapped receives every path the map
// produced (for cl-style commands they must be passed as files, not read as
// /options). Error: the JSON could not be parsed (the caller reports it).
std::optional<std::string> rewriteWindowsDatabase(llvm::StringRef Json, const PathMap &Map,
                                                  std::set<std::string> &Mapped,
                                                  std::vector<std::string> &Warnings);

// Maps one argument (a path, or an option with a joined path value such as
// /IC:\inc or -include C:\x.h's value). Backslashes of paths are turned into
// '/' when Windows is set.
std::string mapArgument(const std::string &Arg, const PathMap &Map, bool Windows,
                        std::set<std::string> &Mapped);

} // namespace vmbcheck
