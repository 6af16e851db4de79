// How a declaration's type is written: the typedef names it goes through.
// Role types must be read from the written type, not the semantic one:
// calling-convention attributes make clang rebuild a function type without
// its typedef sugar (e.g. __stdcall on x64), while the TypeLoc keeps it.
#pragma once

#include "clang/AST/Type.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

namespace clang {
class TypeSourceInfo;
class TypedefNameDecl;
} // namespace clang

namespace vmbcheck {

// Typedefs the written type names, outermost first, following typedefs of
// typedefs: `MY_SAVE F;` with `typedef EVT_VMB_CHANNEL_SAVE_PACKET MY_SAVE;`
// gives {MY_SAVE, EVT_VMB_CHANNEL_SAVE_PACKET}.
llvm::SmallVector<const clang::TypedefNameDecl *, 4>
writtenTypedefs(const clang::TypeSourceInfo *TSI);

// True if T's sugar names a typedef called Name anywhere in its chain.
bool typeNamesTypedef(clang::QualType T, llvm::StringRef Name);

} // namespace vmbcheck
