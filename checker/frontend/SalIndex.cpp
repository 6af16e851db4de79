#include "frontend/SalIndex.h"
#include "frontend/TypeSugar.h"

#include "clang/AST/Decl.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/MacroArgs.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/DenseSet.h"

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

  void MacroExpands(const Token &NameTok, const MacroDefinition &MD,
                    SourceRange Range, const MacroArgs *Args) override {
    SourceLocation L = NameTok.getLocation();
    const IdentifierInfo *II = NameTok.getIdentifierInfo();
    llvm::StringRef N = II->getName();
    if (!L.isFileID()) {
      if (!UserMacros.empty())
        expandsInUserMacro(N, L, MD, Range, Args);
      return; // otherwise an inner layer of some annotation or other macro
    }
    // A macro in the arguments of a driver annotation macro
    // (VSP_MAX_IRQL(PASSIVE_LEVEL)) is expanded before that macro's body.
    if (!UserMacros.empty() && withinUserMacroInvocation(L))
      return;
    UserMacros.clear();
    if (N.empty() || (N[0] != '_' && N[0] != 'P')) {
      // The driver's own annotation macros (`#define MY_DISPATCH
      // _IRQL_requires_(DISPATCH_LEVEL)`): their annotations count as if
      // written here.
      if (bodyHasAnnotation(MD.getMacroInfo()) && !Idx.PP.isParsingIfOrElifDirective())
        UserMacros.push_back({L, N.str(), Range.getEnd()});
      return; // fast path: almost every macro in a TU
    }
    if (N == "PAGED_CODE" || N == "PAGED_CODE_LOCKED") {
      Idx.Markers.push_back({N.str(), L});
      return;
    }
    if (!isAnnotationName(N)) {
      if (bodyHasAnnotation(MD.getMacroInfo()) && !Idx.PP.isParsingIfOrElifDirective())
        UserMacros.push_back({L, N.str(), Range.getEnd()});
      return;
    }
    if (Idx.PP.isParsingIfOrElifDirective())
      return;
    // A driver macro named like an annotation (`#define _Vsp_locked_
    // _IRQL_requires_(DISPATCH_LEVEL)` in the driver's source): its body is
    // what counts.
    if (const MacroInfo *MI = MD.getMacroInfo();
        MI && Idx.SM.isInMainFile(MI->getDefinitionLoc()) && bodyHasAnnotation(MI)) {
      UserMacros.push_back({L, N.str(), Range.getEnd()});
      return;
    }
    // An annotation written inside another's arguments, e.g. the
    // _IRQL_requires_max_ of _When_(c, _IRQL_requires_max_(x)), is expanded
    // with file locations while the outer one is pre-expanding its
    // arguments; it belongs to the outer annotation, not to the declaration.
    if (insideLastAnnotation(L, Range))
      return;
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
    llvm::erase_if(Pending, [&](const Record &R) {
      return R.MacroLoc.isValid() ? producedBy(Tok.getLocation(), R.MacroLoc) : R.Loc == Anchor;
    });
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
  // A macro expanded while a driver macro with annotations in its body is
  // being expanded. Annotations written directly in that body (or in the
  // body of a driver macro it uses) are recorded; the inner layers of those
  // annotations, and annotations nested in their arguments, are not.
  void expandsInUserMacro(llvm::StringRef N, SourceLocation L, const MacroDefinition &MD,
                          SourceRange Range, const MacroArgs *Args) {
    const SourceManager &SM = Idx.SM;
    SourceLocation Parent = SM.getImmediateExpansionRange(L).getBegin();
    auto It = llvm::find_if(UserMacros, [&](const UserMacro &U) { return U.Loc == Parent; });
    if (It == UserMacros.end())
      return;
    std::string Via = It->Name;
    if (!isAnnotationName(N)) {
      if (bodyHasAnnotation(MD.getMacroInfo()))
        UserMacros.push_back({L, std::move(Via), Range.getEnd()});
      return;
    }
    if (insideLastAnnotation(SM.getSpellingLoc(L), Range))
      return;
    Record R;
    R.Name = Idx.PP.getIdentifierInfo(N);
    R.Loc = SM.getExpansionLoc(L);
    R.End = R.Loc;
    R.MacroLoc = L;
    R.Via = std::move(Via);
    R.Invocation = N.str();
    if (Args) {
      R.Invocation += "(";
      for (unsigned I = 0, E = Args->getNumMacroArguments(); I < E; ++I) {
        if (I)
          R.Invocation += ", ";
        bool First = true;
        for (const Token *T = Args->getUnexpArgument(I); T->isNot(tok::eof); ++T) {
          if (!First && T->hasLeadingSpace())
            R.Invocation += ' ';
          First = false;
          R.Invocation += Idx.PP.getSpelling(*T);
        }
      }
      R.Invocation += ")";
    }
    Pending.push_back(R);
  }

  // True when an annotation whose name is spelled at Spelled lies within the
  // invocation text of the last one recorded (then it is one of its
  // arguments); otherwise remembers this one's invocation text.
  bool insideLastAnnotation(SourceLocation Spelled, SourceRange Range) {
    const SourceManager &SM = Idx.SM;
    auto [File, Offset] = SM.getDecomposedLoc(Spelled);
    if (File == Outer.File && Offset > Outer.Begin && Offset < Outer.End)
      return true;
    SourceLocation End = SM.getSpellingLoc(Range.getEnd());
    auto [EndFile, EndOffset] = SM.getDecomposedLoc(End);
    if (EndFile == File)
      Outer = {File, Offset, EndOffset};
    return false;
  }

  // Whether a token at TokLoc comes out of the expansion of the macro whose
  // name is at MacroLoc.
  bool producedBy(SourceLocation TokLoc, SourceLocation MacroLoc) const {
    for (unsigned Depth = 0; TokLoc.isMacroID() && Depth < 64; ++Depth) {
      if (TokLoc == MacroLoc)
        return true;
      TokLoc = Idx.SM.getImmediateExpansionRange(TokLoc).getBegin();
    }
    return TokLoc == MacroLoc;
  }

  bool bodyHasAnnotation(const MacroInfo *MI) {
    if (!MI || MI->getNumTokens() == 0)
      return false;
    auto [It, New] = AnnotationBodies.try_emplace(MI, false);
    if (New)
      for (const Token &T : MI->tokens())
        if (const IdentifierInfo *TI = T.getIdentifierInfo())
          if (isAnnotationName(TI->getName())) {
            It->second = true;
            break;
          }
    return It->second;
  }

  SalIndex &Idx;
  llvm::SmallVector<Record, 4> Pending;
  struct {
    FileID File;
    unsigned Begin = 0, End = 0;
  } Outer; // the last annotation's invocation text
  struct UserMacro {
    SourceLocation Loc; // its name, where expanded
    std::string Name;   // the outermost driver macro, for messages
    SourceLocation End; // the end of its invocation
  };

  bool withinUserMacroInvocation(SourceLocation L) const {
    const UserMacro &U = UserMacros.front();
    if (!U.End.isFileID())
      return false;
    auto [File, Offset] = Idx.SM.getDecomposedLoc(L);
    auto [BF, BO] = Idx.SM.getDecomposedLoc(U.Loc);
    auto [EF, EO] = Idx.SM.getDecomposedLoc(U.End);
    return File == BF && File == EF && Offset > BO && Offset <= EO;
  }
  // The driver macros with annotations in their bodies being expanded now.
  llvm::SmallVector<UserMacro, 2> UserMacros;
  llvm::DenseMap<const MacroInfo *, bool> AnnotationBodies;
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

std::optional<int64_t> SalIndex::evaluate(llvm::StringRef Text, SourceLocation Loc, SalResolver Arguments) const {
  SalResolver R = std::move(Arguments);
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
  A.Spelling = R.MacroLoc.isValid() ? SM.getSpellingLoc(R.MacroLoc) : R.Loc;
  A.Via = R.Via;
  llvm::StringRef Invocation = R.Invocation;
  if (Invocation.empty()) {
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
    Invocation = Buf.slice(O1, O2 + 1);
  }
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

// The same annotation reached through two redeclarations or typedefs is
// kept once; two annotations from one use of a driver macro are distinct.
using SeenAnnotations = llvm::DenseSet<std::pair<const void *, const void *>>;
static void appendUnique(std::vector<SalAnnotation> &Out,
                         std::vector<SalAnnotation> &&More, SeenAnnotations &Seen) {
  for (SalAnnotation &A : More)
    if (Seen.insert({A.Loc.getPtrEncoding(), A.Spelling.getPtrEncoding()}).second)
      Out.push_back(std::move(A));
}

std::vector<SalAnnotation>
SalIndex::functionAnnotations(const FunctionDecl *FD) const {
  std::vector<SalAnnotation> Out;
  SeenAnnotations Seen;
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
  SeenAnnotations Seen;
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
