// .vmbcheck.yaml: per-directory configuration, found from the closest
// parent directory of each source and merged with its parents on request,
// as .clang-tidy is. Read with LLVM's YAML I/O.
//
//   Rules: 'VMB*,-VMB005'        # globs, later ones win, '-' disables
//   WarningsAsErrors: 'VMB004'   # findings of these rules are errors
//   RuleLevels:                  # per-rule level: error, warning or note
//     VMB003: error
//   MaxNodes: 150000             # analysis budgets per callback
//   MaxSeconds: 30
//   ExtraArgs: ['-DVSP_SAVE_V2']
//   ExtraArgsBefore: []
//   InheritParentConfig: true    # merge with the parent directory's file
#pragma once

#include "report/RuleCatalog.h"

#include "llvm/ADT/StringRef.h"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace vmbcheck {

struct Config {
  std::optional<std::string> Rules;
  std::optional<std::string> WarningsAsErrors;
  std::map<std::string, std::string> RuleLevels;
  std::optional<unsigned> MaxNodes;
  std::optional<double> MaxSeconds;
  std::vector<std::string> ExtraArgs;
  std::vector<std::string> ExtraArgsBefore;
  std::optional<bool> InheritParentConfig;
  std::vector<std::string> Sources; // the files this configuration came from

  // Child's settings win; rule globs and extra arguments accumulate.
  static Config merge(const Config &Parent, const Config &Child);

  bool ruleEnabled(llvm::StringRef RuleId) const;
  bool ruleIsError(llvm::StringRef RuleId) const;
  // The level of RuleId's findings: RuleLevels, WarningsAsErrors, else the
  // catalogue's default.
  std::string levelOf(llvm::StringRef RuleId, llvm::StringRef Default) const;

  std::string toYaml() const;
};

// Parses a configuration file's text. On error returns nullopt and sets
// Error to "file:line:col: message" (the key or value at fault).
std::optional<Config> parseConfig(llvm::StringRef Text, llvm::StringRef FileName,
                                  std::string &Error);

// Finds and caches the configuration of each source's directory.
class ConfigResolver {
public:
  // Explicit: --config-file, used for every source. Overrides: settings
  // from the command line, applied last.
  ConfigResolver(std::optional<std::string> ExplicitFile, Config Overrides);

  // The effective configuration for a source file; on a malformed file,
  // nullopt and Error.
  std::optional<Config> forFile(llvm::StringRef SourcePath, std::string &Error);

private:
  std::optional<Config> forDirectory(llvm::StringRef Dir, std::string &Error);

  std::optional<std::string> ExplicitFile;
  Config Overrides;
  std::mutex Lock;
  std::map<std::string, std::optional<Config>> Cache; // by directory
  std::map<std::string, std::string> Errors;          // by directory
};

} // namespace vmbcheck
