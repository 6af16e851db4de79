#include "frontend/TypeSugar.h"

#include "clang/AST/Decl.h"
#include "clang/AST/TypeLoc.h"

using namespace clang;

namespace vmbcheck {

static TypeLoc stripWrappers(TypeLoc TL) {
  for (;;) {
    if (auto A = TL.getAs<AttributedTypeLoc>()) TL = A.getModifiedLoc();
    else if (auto M = TL.getAs<MacroQualifiedTypeLoc>()) TL = M.getInnerLoc();
    else if (auto E = TL.getAs<ElaboratedTypeLoc>()) TL = E.getNamedTypeLoc();
    else if (auto P = TL.getAs<ParenTypeLoc>()) TL = P.getInnerLoc();
    else if (auto Q = TL.getAs<QualifiedTypeLoc>()) TL = Q.getUnqualifiedLoc();
    else return TL;
  }
}

llvm::SmallVector<const TypedefNameDecl *, 4>
writtenTypedefs(const TypeSourceInfo *TSI) {
  llvm::SmallVector<const TypedefNameDecl *, 4> Out;
  while (TSI && Out.size() < 16) {
    auto TT = stripWrappers(TSI->getTypeLoc()).getAs<TypedefTypeLoc>();
    if (!TT) break;
    const TypedefNameDecl *TD = TT.getTypedefNameDecl();
    Out.push_back(TD);
    TSI = TD->getTypeSourceInfo();
  }
  return Out;
}

bool typeNamesTypedef(QualType T, llvm::StringRef Name) {
  for (unsigned Guard = 0; !T.isNull() && Guard < 32; ++Guard) {
    const auto *TT = T->getAs<TypedefType>();
    if (!TT) return false;
    if (TT->getDecl()->getName() == Name) return true;
    T = TT->desugar();
  }
  return false;
}

} // namespace vmbcheck
