// Clang-style text output:
//   drv.c:40:5: warning: <message> [VMB003]
//      40 |     return STATUS_SUCCESS;
//         |     ^~~~~~~~~~~~~~~~~~~~~
//   drv.c:31:9: note: Assuming 'SaveBufSize' is equal to 0
#pragma once

#include "report/Finding.h"
#include "report/RuleCatalog.h"

#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace vmbcheck {

struct TextStyle {
  bool Color = false;
  bool Snippets = true;
  std::string BaseDir; // paths under it are printed relative to it
};

// Path as shown to the user: relative to BaseDir when inside it, control
// characters escaped, never starting with ':' (a CI log command).
std::string displayPath(const std::string &Path, const std::string &BaseDir);

// Text from sources or file names made safe for a terminal and a CI log:
// control characters, bidirectional overrides and bytes that are not UTF-8
// become `<U+001B>` / `<FF>`, as clang prints them.
std::string printableText(llvm::StringRef S);

void writeFindingText(llvm::raw_ostream &OS, const Finding &F, const RuleInfo *Rule,
                      const TextStyle &Style);
void writeNotificationText(llvm::raw_ostream &OS, const Notification &N,
                           const TextStyle &Style);

} // namespace vmbcheck
