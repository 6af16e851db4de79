// Inline suppressions, read from the source text:
//   // NOLINT(VMB002)            this line (no list: every rule)
//   // NOLINTNEXTLINE(VMB004)    the next line
//   // NOLINTBEGIN(VMB001) ... // NOLINTEND(VMB001)   the lines between
//   #pragma warning(suppress: 6386)   the next line, by Code Analysis number
//   #pragma warning(disable: 28121)   from here on (push/pop/default honoured)
// Rule lists accept globs (VMB00*). Code Analysis numbers map to rules
// through the catalogue (rules/rules.json).
#pragma once

#include "report/RuleCatalog.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace vmbcheck {

class Suppressions {
public:
  Suppressions(llvm::StringRef Text, const RuleCatalog &Rules);

  // The suppression covering RuleId on Line (1-based), as written, or "".
  std::string find(unsigned Line, llvm::StringRef RuleId) const;

  struct Problem {
    unsigned Line;
    std::string Message;
  };
  // Unbalanced NOLINTBEGIN/NOLINTEND.
  const std::vector<Problem> &problems() const { return Problems; }

private:
  struct Entry {
    unsigned First, Last; // lines covered
    std::string Globs;    // comma-separated; "*" for all
    std::string Text;     // as written
  };
  std::vector<Entry> Entries;
  std::vector<Problem> Problems;
};

} // namespace vmbcheck
