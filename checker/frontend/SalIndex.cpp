#include "frontend/SalIndex.h"
#include "frontend/TypeSugar.h"

#include "clang/AST/Decl.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <algorithm>

using namespace clang;

namespace vmbcheck {

bool SalIndex::isAnnotationName(llvm::StringRef N) {
  if (N.size() >= 3 && N.front() == '_' && N.back() == '_' &&
      (std::isupper((unsigned char)N[1]) || N[1] == '_'))
    return !N.starts_with("__") || N.starts_with("__drv_");
  if (N.starts_with("__drv_"))
    return true;
  // SAL 1 spellings still common in older driver code.
  return N == "__in" || N == "__out" || N == "__inout" ||
         N.starts_with("__in_") || N.starts_with("__out_") ||
         N.starts_with("__inout_") || N.starts_with("__deref_") ||
         N == "__checkReturn";
}

// The preprocessor side. MacroExpands queues each candidate annotation; the
// token watcher, which sees only the tokens the parser receives, decides
// whether the expansion produced tokens (then it is not an annotation in this
// configuration) and which token follows it (its anchor).
class SalIndex::Hooks : public PPCallbacks {
public:
  explicit Hooks(SalIndex &Idx) : Idx(Idx) {}

  void MacroExpands(const Token &NameTok, const MacroDefinition &,
                    SourceRange Range, const MacroArgs *) override {
    SourceLocation L = NameTok.getLocation();
    if (!L.isFileID())
      return; // only annotations as written, not those inside other macros
    const IdentifierInfo *II = NameTok.getIdentifierInfo();
    llvm::StringRef N = II->getName();
    if (N.empty() || (N[0] != '_' && N[0] != 'P'))
      return; // fast path: almost every macro in a TU
    if (N == "PAGED_CODE" || N == "PAGED_CODE_LOCKED") {
      Idx.Markers.push_back({N.str(), L});
      return;
    }
    if (!isAnnotationName(N) || Idx.PP.isParsingIfOrElifDirective())
      return;
    // An annotation written inside another's arguments, e.g. the
    // _IRQL_requires_max_ of _When_(c, _IRQL_requires_max_(x)), is expanded
    // with file locations while the outer one is pre-expanding its
    // arguments; it belongs to the outer annotation, not to the declaration.
    auto [File, Offset] = Idx.SM.getDecomposedLoc(L);
    if (File == Outer.File && Offset > Outer.Begin && Offset < Outer.End)
      return;
    if (Range.getEnd().isFileID()) {
      auto [EndFile, EndOffset] = Idx.SM.getDecomposedLoc(Range.getEnd());
      if (EndFile == File)
        Outer = {File, Offset, EndOffset};
    }
    Record R;
    R.Name = II;
    R.Loc = L;
    R.End = Range.getEnd().isFileID() ? Range.getEnd() : L;
    Pending.push_back(R);
  }

  void onToken(const Token &Tok) {
    if (Pending.empty())
      return;
    SourceLocation Anchor = Idx.SM.getExpansionLoc(Tok.getLocation());
    // An expansion whose own tokens reach the parser is not an annotation
    // here (e.g. a project that defines _In_ to something real).
    llvm::erase_if(Pending, [&](const Record &R) { return R.Loc == Anchor; });
    for (Record &R : Pending) {
      R.Anchor = Anchor;
      auto [File, Offset] = Idx.SM.getDecomposedLoc(Anchor);
      R.AnchorOffset = Offset;
      auto &List = Idx.ByFile[File];
      if (!List.empty() && Idx.Records[List.back()].AnchorOffset > Offset)
        Idx.Sorted = false;
      List.push_back(static_cast<unsigned>(Idx.Records.size()));
      Idx.Records.push_back(R);
    }
    Pending.clear();
  }

private:
  SalIndex &Idx;
  llvm::SmallVector<Record, 4> Pending;
  struct {
    FileID File;
    unsigned Begin = 0, End = 0;
  } Outer; // the last annotation's invocation text
};

SalIndex::SalIndex(Preprocessor &PP) : PP(PP), SM(PP.getSourceManager()) {}
SalIndex::~SalIndex() = default;

std::shared_ptr<SalIndex> SalIndex::attach(Preprocessor &PP) {
  std::shared_ptr<SalIndex> Idx(new SalIndex(PP));
  auto H = std::make_unique<Hooks>(*Idx);
  Hooks *Raw = H.get();
  PP.addPPCallbacks(std::move(H)); // owned by the Preprocessor
  PP.setTokenWatcher([Raw](const Token &T) { Raw->onToken(T); });
  return Idx;
}

void SalIndex::sortIfNeeded() const {
  if (Sorted)
    return;
  for (auto &Entry : ByFile)
    std::stable_sort(Entry.second.begin(), Entry.second.end(),
                     [&](unsigned A, unsigned B) {
                       return Records[A].AnchorOffset < Records[B].AnchorOffset;
                     });
  Sorted = true;
}

// Splits "name(a, f(b, c))" into its top-level arguments.
static std::vector<std::string> splitArguments(llvm::StringRef Invocation) {
  std::vector<std::string> Args;
  size_t Open = Invocation.find('(');
  if (Open == llvm::StringRef::npos)
    return Args;
  int Depth = 0;
  size_t Start = Open + 1;
  for (size_t I = Open; I < Invocation.size(); ++I) {
    char C = Invocation[I];
    if (C == '(') {
      ++Depth;
    } else if (C == ')' || (C == ',' && Depth == 1)) {
      if (C == ')' && --Depth > 0)
        continue;
      Args.push_back(Invocation.slice(Start, I).trim().str());
      Start = I + 1;
      if (C == ')')
        break;
    }
  }
  if (Args.size() == 1 && Args[0].empty())
    Args.clear();
  return Args;
}

std::optional<int64_t>
SalIndex::evaluate(llvm::StringRef Text, SourceLocation Loc,
                   decltype(SalResolver::Value) ValueOf) const {
  SalResolver R;
  R.Value = std::move(ValueOf);
  R.Macro = [&](llvm::StringRef Name) -> std::optional<std::vector<SalToken>> {
    IdentifierInfo *II = PP.getIdentifierInfo(Name);
    if (!II || !II->hadMacroDefinition())
      return std::nullopt;
    MacroDefinition MD = const_cast<Preprocessor &>(PP).getMacroDefinitionAtLoc(II, Loc);
    const MacroInfo *MI = MD.getMacroInfo();
    if (!MI || MI->isFunctionLike())
      return std::nullopt;
    std::string Body;
    for (const Token &T : MI->tokens()) {
      Body += PP.getSpelling(T);
      Body += ' ';
    }
    return tokenizeSal(Body);
  };
  return evaluateSal(tokenizeSal(Text), R);
}

SalAnnotation SalIndex::resolve(const Record &R) const {
  SalAnnotation A;
  A.Name = R.Name->getName().str();
  A.Loc = R.Loc;
  if (R.End == R.Loc)
    return A;
  auto [F1, O1] = SM.getDecomposedLoc(R.Loc);
  auto [F2, O2] = SM.getDecomposedLoc(R.End);
  if (F1 != F2 || O2 < O1)
    return A;
  bool Invalid = false;
  llvm::StringRef Buf = SM.getBufferData(F1, &Invalid);
  if (Invalid || O2 >= Buf.size())
    return A;
  llvm::StringRef Invocation = Buf.slice(O1, O2 + 1);
  for (std::string &Text : splitArguments(Invocation)) {
    SalArgument Arg;
    Arg.Value = evaluate(Text, R.Loc);
    // Annotations nested in the argument, e.g. _When_(c, _IRQL_requires_(x)).
    std::vector<SalToken> Toks = tokenizeSal(Text);
    for (size_t I = 0; I < Toks.size(); ++I) {
      if (Toks[I].K != SalToken::Identifier || !isAnnotationName(Toks[I].Text))
        continue;
      SalAnnotation Inner;
      Inner.Name = Toks[I].Text;
      Inner.Loc = R.Loc;
      size_t P = Text.find(Inner.Name);
      if (I + 1 < Toks.size() && Toks[I + 1].Text == "(" && P != std::string::npos) {
        for (std::string &InnerText : splitArguments(llvm::StringRef(Text).substr(P)))
          Inner.Args.push_back({InnerText, evaluate(InnerText, R.Loc)});
        // Skip the nested argument tokens.
        int Depth = 0;
        for (++I; I < Toks.size(); ++I) {
          if (Toks[I].Text == "(") ++Depth;
          if (Toks[I].Text == ")" && --Depth == 0) break;
        }
      }
      A.Nested.push_back(std::move(Inner));
    }
    Arg.Text = std::move(Text);
    A.Args.push_back(std::move(Arg));
  }
  return A;
}

void SalIndex::annotationsAnchoredIn(FileID File, unsigned Lo, unsigned Hi,
                                     std::vector<SalAnnotation> &Out) const {
  sortIfNeeded();
  auto It = ByFile.find(File);
  if (It == ByFile.end())
    return;
  const std::vector<unsigned> &List = It->second;
  auto First = std::lower_bound(List.begin(), List.end(), Lo, [&](unsigned I, unsigned V) {
    return Records[I].AnchorOffset < V;
  });
  for (auto I = First; I != List.end() && Records[*I].AnchorOffset <= Hi; ++I)
    Out.push_back(resolve(Records[*I]));
}

// Annotations written after a prototype's closing parenthesis:
// `NTSTATUS F(int x) _IRQL_requires_(PASSIVE_LEVEL);` anchor on the ';' or
// '{' that ends the declarator.
void SalIndex::collectAfterParams(const Decl *D, std::vector<SalAnnotation> &Out) const {
  FunctionTypeLoc FTL;
  if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
    if (const TypeSourceInfo *TSI = FD->getTypeSourceInfo())
      FTL = TSI->getTypeLoc().getAsAdjusted<FunctionTypeLoc>();
  } else if (const auto *TD = dyn_cast<TypedefNameDecl>(D)) {
    if (const TypeSourceInfo *TSI = TD->getTypeSourceInfo())
      FTL = TSI->getTypeLoc().getAsAdjusted<FunctionTypeLoc>();
  }
  if (!FTL || FTL.getRParenLoc().isInvalid() || !FTL.getRParenLoc().isFileID())
    return;
  auto [File, Offset] = SM.getDecomposedLoc(FTL.getRParenLoc());
  bool Invalid = false;
  llvm::StringRef Buf = SM.getBufferData(File, &Invalid);
  if (Invalid)
    return;
  size_t End = Buf.find_first_of(";{,", Offset);
  if (End == llvm::StringRef::npos || End - Offset > 4096)
    return;
  annotationsAnchoredIn(File, Offset + 1, static_cast<unsigned>(End), Out);
}

std::vector<SalAnnotation> SalIndex::annotationsOf(const Decl *D) const {
  std::vector<SalAnnotation> Out;
  if (!D || Records.empty())
    return Out;
  SourceLocation Begin = SM.getExpansionLoc(D->getBeginLoc());
  SourceLocation Name = SM.getExpansionLoc(D->getLocation());
  if (Begin.isInvalid() || Name.isInvalid())
    return Out;
  auto [BF, BO] = SM.getDecomposedLoc(Begin);
  auto [NF, NO] = SM.getDecomposedLoc(Name);
  if (BF != NF || NO < BO)
    BO = NO;
  annotationsAnchoredIn(NF, BO, NO, Out);
  collectAfterParams(D, Out);
  return Out;
}

static void appendUnique(std::vector<SalAnnotation> &Out,
                         std::vector<SalAnnotation> &&More,
                         llvm::SmallPtrSetImpl<const void *> &Seen) {
  for (SalAnnotation &A : More)
    if (Seen.insert(A.Loc.getPtrEncoding()).second)
      Out.push_back(std::move(A));
}

std::vector<SalAnnotation>
SalIndex::functionAnnotations(const FunctionDecl *FD) const {
  std::vector<SalAnnotation> Out;
  llvm::SmallPtrSet<const void *, 16> Seen;
  for (const FunctionDecl *R : FD->redecls()) {
    appendUnique(Out, annotationsOf(R), Seen);
    for (const TypedefNameDecl *TD : writtenTypedefs(R->getTypeSourceInfo()))
      appendUnique(Out, annotationsOf(TD), Seen);
  }
  return Out;
}

std::vector<SalAnnotation>
SalIndex::parameterAnnotations(const FunctionDecl *FD, unsigned Index) const {
  std::vector<SalAnnotation> Out;
  llvm::SmallPtrSet<const void *, 16> Seen;
  for (const FunctionDecl *R : FD->redecls()) {
    if (Index < R->getNumParams() && !R->getParamDecl(Index)->isImplicit())
      appendUnique(Out, annotationsOf(R->getParamDecl(Index)), Seen);
    for (const TypedefNameDecl *TD : writtenTypedefs(R->getTypeSourceInfo())) {
      const TypeSourceInfo *TSI = TD->getTypeSourceInfo();
      auto FTL = TSI ? TSI->getTypeLoc().getAsAdjusted<FunctionProtoTypeLoc>()
                     : FunctionProtoTypeLoc();
      if (FTL && Index < FTL.getNumParams() && FTL.getParam(Index))
        appendUnique(Out, annotationsOf(FTL.getParam(Index)), Seen);
    }
  }
  return Out;
}

bool SalIndex::containsMarker(llvm::StringRef Marker, SourceRange Range) const {
  SourceLocation B = SM.getExpansionLoc(Range.getBegin());
  SourceLocation E = SM.getExpansionLoc(Range.getEnd());
  auto [BF, BO] = SM.getDecomposedLoc(B);
  auto [EF, EO] = SM.getDecomposedLoc(E);
  for (const struct Marker &M : Markers) {
    if (M.Name != Marker)
      continue;
    auto [MF, MO] = SM.getDecomposedLoc(M.Loc);
    if (MF == BF && MF == EF && MO >= BO && MO <= EO)
      return true;
  }
  return false;
}

} // namespace vmbcheck
