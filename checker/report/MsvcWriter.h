// cl.exe-style output (--format=msvc), which Visual Studio's Error List,
// MSBuild and VS Code's `$msCompile` problem matcher read:
//   drv.c(40,5): warning VMB003: <message>
//   drv.c(31,9): note: Assuming 'SaveBufSize' is equal to 0
//   drv.c(12,33): error VMB0901: expected ';' after expression [compile-error]
// Notifications get numbered codes (VMB09xx) because the matchers only take
// a code of word characters ending in digits; the stable id stays in the
// message.
#pragma once

#include "report/Finding.h"
#include "report/RuleCatalog.h"

#include "llvm/Support/raw_ostream.h"

#include <string>

namespace vmbcheck {

// VMB0901 ... for the known notification ids, VMB0900 for any other.
std::string msvcNotificationCode(const std::string &Id);

void writeFindingMsvc(llvm::raw_ostream &OS, const Finding &F, const RuleInfo *Rule,
                      const std::string &BaseDir);
void writeNotificationMsvc(llvm::raw_ostream &OS, const Notification &N,
                           const std::string &BaseDir);

} // namespace vmbcheck
