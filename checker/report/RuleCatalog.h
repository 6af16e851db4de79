// The rule catalogue (rules/rules.json, embedded at build time): the single
// source for --list-rules, text output and SARIF rules[] metadata.
#pragma once

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace vmbcheck {

struct RuleInfo {
  std::string Id;   // "VMB003"
  std::string Name; // "zero-size-must-fail"
  std::string ShortDescription;
  std::string FullDescription;
  std::string Level; // SARIF level: "error", "warning" or "note"
  std::string Help;  // one paragraph, plain text
  std::string HelpMarkdown; // the rule's doc page, rules/docs/<id>.md
  std::string DocPath;      // "rules/docs/VMB003.md"
  std::vector<unsigned> CodeAnalysis; // related MSVC Code Analysis warnings
  std::vector<std::string> Tags;
  std::string Precision;
  std::string SecuritySeverity;
};

class RuleCatalog {
public:
  // The catalogue compiled into this binary. Aborts with a message if the
  // embedded JSON is malformed: that is a build defect, caught by the tests.
  static const RuleCatalog &builtin();

  const std::vector<RuleInfo> &rules() const { return Rules; }
  const RuleInfo *find(llvm::StringRef Id) const;
  // Position of the rule in rules(), the SARIF ruleIndex; -1 if unknown.
  int indexOf(llvm::StringRef Id) const;

  // Parses a catalogue; on error returns false and sets Error.
  static bool parse(llvm::StringRef Json, RuleCatalog &Out, std::string &Error);

private:
  std::vector<RuleInfo> Rules;
};

// True if RuleId matches the comma-separated glob list, clang-tidy style:
// '*' is a wildcard, a leading '-' disables, later globs win.
bool matchesGlobs(llvm::StringRef Globs, llvm::StringRef RuleId);

} // namespace vmbcheck
