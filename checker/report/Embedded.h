// Files of the repository compiled into the binary (rules/rules.json and the
// rule doc pages): one source of truth that also works when the binary is
// copied away from the source tree.
#pragma once

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>

namespace vmbcheck::embedded {

struct File {
  const char *Path; // relative to the repository root, e.g. "rules/rules.json"
  const char *Text;
};

llvm::ArrayRef<File> all();

inline std::optional<llvm::StringRef> find(llvm::StringRef Path) {
  for (const File &F : all())
    if (Path == F.Path)
      return llvm::StringRef(F.Text);
  return std::nullopt;
}

} // namespace vmbcheck::embedded
