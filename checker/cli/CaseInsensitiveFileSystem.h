// Windows file systems ignore case: `#include <NTDDK.h>` finds ntddk.h and
// the WDK's sal.h includes <ConcurrencySal.h> while the file is
// concurrencysal.h. On a case-sensitive file system, this layer finds a path
// that differs from an existing one only in case, as cl.exe does.
#pragma once

#include "llvm/Support/VirtualFileSystem.h"

namespace vmbcheck {

// A path is first looked up as written; only when it does not exist are its
// directories listed (once each, cached) and compared without case.
llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
makeCaseInsensitive(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base);

} // namespace vmbcheck
