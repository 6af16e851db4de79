// Files an installed vmbcheck finds relative to its own binary, so that an
// install tree can be moved (see checker/cmake/Install.cmake).
#pragma once

#include "llvm/ADT/StringRef.h"

#include <string>

namespace vmbcheck {

// <directory of the running executable>/Relative, normalised, when
// <that>/MustContain exists; else "".
std::string besideExecutable(llvm::StringRef Relative, llvm::StringRef MustContain);

} // namespace vmbcheck
