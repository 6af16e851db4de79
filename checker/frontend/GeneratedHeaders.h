// Headers a Windows driver build generates before compiling: WPP trace
// headers (foo.tmh, by tracewpp from foo.c), MC message headers (from .mc)
// and WMI MOF headers (from .mof). Before the project is built they are
// missing, and the file cannot be parsed; --assume-generated-empty reads
// them as empty instead.
#pragma once

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <set>
#include <string>

namespace vmbcheck {

// Whether Name, included from a file in IncluderDir, is such a header (a
// .tmh, or NAME.h / NAMEmof.h next to a NAME.mc, NAME.mof or NAME.man of the
// project, in IncluderDir or its parent), with the file it is generated
// from: NAME.mc, NAME.mof or NAME.man when found ("" for a .tmh, or when not
// known); nullopt when Name is not such a header.
std::optional<std::string> generatedHeaderSource(const std::string &Name, const std::string &IncluderDir);

// Adds to Functions the trace functions a WPP configuration block in Text
// declares (`// begin_wpp config` ... `// FUNC TraceEvents(LEVEL, FLAGS, MSG, ...);`).
void addWppFunctions(llvm::StringRef Text, std::set<std::string> &Functions);

// What a missing generated header is read as. For a .tmh: WPP's trace
// macros (DoTraceMessage, WPP_INIT_TRACING, WPP_CLEANUP and the configured
// Functions) defined to do nothing, and its control block WPP_CB, so that
// the code calling them still compiles; for the header of a message text file (Source: a .mc), the ids
// mc.exe would define (see MessageTextHeader.h); otherwise empty.
std::string generatedHeaderStandIn(const std::string &Name, const std::set<std::string> &Functions,
                                   const std::string &Source = "");

// Where the stand-ins are placed (a directory of the in-memory file system,
// searched last: -idirafter).
inline constexpr const char *GeneratedHeaderDir = "/vmbcheck-generated-header-stand-ins";

} // namespace vmbcheck
