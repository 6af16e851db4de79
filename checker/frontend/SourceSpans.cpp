#include "frontend/SourceSpans.h"

#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace vmbcheck {

std::string filePathOf(const SourceManager &SM, SourceLocation Loc) {
  if (Loc.isInvalid())
    return "";
  FileID FID = SM.getFileID(SM.getExpansionLoc(Loc));
  OptionalFileEntryRef FE = SM.getFileEntryRefForID(FID);
  if (!FE)
    return "";
  llvm::StringRef Canonical = SM.getFileManager().getCanonicalName(*FE);
  return Canonical.empty() ? FE->getName().str() : Canonical.str();
}

SourceSpan spanOf(const SourceManager &SM, const LangOptions &LO, SourceRange Range) {
  SourceSpan S;
  SourceLocation B = SM.getExpansionLoc(Range.getBegin());
  if (B.isInvalid())
    return S;
  S.File = filePathOf(SM, B);
  S.Line = SM.getExpansionLineNumber(B);
  S.Column = SM.getExpansionColumnNumber(B);
  SourceLocation E = Range.getEnd().isValid()
                         ? SM.getExpansionRange(Range.getEnd()).getEnd()
                         : B;
  if (E.isInvalid() || SM.getFileID(E) != SM.getFileID(B) ||
      SM.isBeforeInTranslationUnit(E, B))
    E = B;
  SourceLocation After = Lexer::getLocForEndOfToken(E, 0, SM, LO);
  if (After.isInvalid())
    After = E;
  S.EndLine = SM.getExpansionLineNumber(After);
  S.EndColumn = SM.getExpansionColumnNumber(After);
  if (S.EndLine == S.Line && S.EndColumn <= S.Column)
    S.EndColumn = S.Column + 1;
  return S;
}

std::string lineTextOf(const SourceManager &SM, SourceLocation Loc) {
  SourceLocation L = SM.getExpansionLoc(Loc);
  if (L.isInvalid())
    return "";
  auto [FID, Offset] = SM.getDecomposedLoc(L);
  bool Invalid = false;
  llvm::StringRef Buf = SM.getBufferData(FID, &Invalid);
  if (Invalid || Offset > Buf.size())
    return "";
  size_t Begin = Buf.rfind('\n', Offset); // searches [0, Offset)
  Begin = Begin == llvm::StringRef::npos ? 0 : Begin + 1;
  size_t End = Buf.find_first_of("\r\n", Offset);
  return Buf.slice(Begin, End == llvm::StringRef::npos ? Buf.size() : End).str();
}

} // namespace vmbcheck
