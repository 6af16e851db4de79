// The header mc.exe writes for a message text file (.mc): the lines the
// file starts with ';' (passed through), a #define of every facility and
// severity name given a symbol, and a #define of every message's
// SymbolicName with its 32-bit id (Sev << 30 | Facility << 16 | Code), cast
// to MessageIdTypedef when there is one. Used as the stand-in of a missing
// generated header (--assume-generated-empty), so that code using the ids
// (event-log entries, NTSTATUS values) compiles before the project is built.
#pragma once

#include "llvm/ADT/StringRef.h"

#include <string>

namespace vmbcheck {

// Text: the .mc file (untrusted: names that are not identifiers and numbers
// that do not parse are skipped).
std::string messageTextHeader(llvm::StringRef Text);

} // namespace vmbcheck
