// Where the Clang builtin headers (stddef.h, stdarg.h, intrinsics) are at run
// time. An installed vmbcheck carries a copy beside itself
// (<prefix>/lib/vmbcheck/clang/<major>, see checker/cmake/Install.cmake), so
// the install can be moved, or unpacked anywhere from the .tar.gz; a build
// tree uses the headers of the Clang it was built with.
#include "frontend/ResourceDir.h"

#include "frontend/CompileCommands.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#ifndef VMBCHECK_RESOURCE_DIR
#error "VMBCHECK_RESOURCE_DIR must be defined by the build"
#endif
#ifndef VMBCHECK_RELATIVE_RESOURCE_DIR
#error "VMBCHECK_RELATIVE_RESOURCE_DIR must be defined by the build"
#endif

namespace vmbcheck {

// A file or directory beside the running executable, given relative to the
// executable's directory; empty when it does not exist there.
std::string besideExecutable(llvm::StringRef Relative, llvm::StringRef MustContain) {
  // The address only helps where /proc/self/exe is missing.
  std::string Exe = llvm::sys::fs::getMainExecutable(
      nullptr, reinterpret_cast<void *>(&besideExecutable));
  if (Exe.empty())
    return "";
  llvm::SmallString<256> Dir(llvm::sys::path::parent_path(Exe));
  llvm::sys::path::append(Dir, Relative);
  llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  llvm::SmallString<256> Probe(Dir);
  if (!MustContain.empty())
    llvm::sys::path::append(Probe, MustContain);
  return llvm::sys::fs::exists(Probe) ? Dir.str().str() : "";
}

std::string CompileCommands::resourceDir() {
  static const std::string Dir = [] {
    std::string Installed = besideExecutable(VMBCHECK_RELATIVE_RESOURCE_DIR, "include/stddef.h");
    return Installed.empty() ? std::string(VMBCHECK_RESOURCE_DIR) : Installed;
  }();
  return Dir;
}

} // namespace vmbcheck
