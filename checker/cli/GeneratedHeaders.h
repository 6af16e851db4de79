// Headers a Windows driver build generates before compiling: WPP trace
// headers (foo.tmh, by tracewpp from foo.c), MC message headers (from .mc)
// and WMI MOF headers (from .mof). Before the project is built they are
// missing, and the file cannot be parsed; --assume-generated-empty reads
// them as empty instead.
#pragma once

#include <string>

namespace vmbcheck {

// Whether Name, included from a file in IncluderDir, is such a header: a
// .tmh, or NAME.h / NAMEmof.h next to a NAME.mc, NAME.mof or NAME.man of the
// project (in IncluderDir or its parent).
bool isGeneratedHeader(const std::string &Name, const std::string &IncluderDir);

// What a missing generated header is read as. For a .tmh: WPP's trace
// macros (DoTraceMessage, WPP_INIT_TRACING, WPP_CLEANUP and the trace
// functions the project configures in `// FUNC Name(...)` comments of its
// headers in IncluderDir) defined to do nothing, so that the code calling
// them still compiles; otherwise empty.
std::string generatedHeaderStandIn(const std::string &Name, const std::string &IncluderDir);

} // namespace vmbcheck
