// Every file vmbcheck writes - reports, baselines, exported and applied
// fixes, merged SARIF - goes through here: the content is written to a
// temporary file in the target's directory, flushed to disk, and renamed
// over the target. A kill, a full disk or a file-size limit at any moment
// leaves the old file as it was.
#pragma once

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace vmbcheck {

// Replaces Path with Content atomically, keeping the permissions of the file
// it replaces (a new file gets 0666 less the umask). False with a one-line
// Error ("drv.c: cannot write: No space left on device") on any failure;
// the target is then untouched and no temporary file is left behind.
bool writeFileAtomically(const std::string &Path, llvm::StringRef Content, std::string &Error);

// True if A and B name the same existing file (same device and inode: hard
// links and symbolic links included), whatever their spelling.
bool sameFile(const std::string &A, const std::string &B);

// The first of Inputs that is the same file as Output, or "" when none is.
std::string outputIsAnInput(const std::string &Output, llvm::ArrayRef<std::string> Inputs);

} // namespace vmbcheck
