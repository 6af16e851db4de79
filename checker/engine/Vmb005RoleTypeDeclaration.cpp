// VMB005 role-type-declaration. A function passed as the SavePacket argument
// of VmbServerChannelInitSetSaveRestorePacketCallbacks, or stored in a
// PFN_VMB_CHANNEL_SAVE_PACKET, needs `EVT_VMB_CHANNEL_SAVE_PACKET Name;` (or
// _Function_class_(EVT_VMB_CHANNEL_SAVE_PACKET)) before its definition: that
// declaration is what lets the compiler check the signature and Code
// Analysis apply the callback's contract. The same holds for every role of
// rules/roles.json (the V5 _EX role needs EVT_VMB_CHANNEL_SAVE_PACKET_EX).
// The function is still analysed by the other rules.
#include "engine/AstRules.h"
#include "frontend/SalIndex.h"
#include "frontend/SourceSpans.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace vmbcheck {

static std::string shortPlace(const SourceSpan &S) {
  return llvm::sys::path::filename(S.File).str() + ":" + std::to_string(S.Line);
}

// The declaration `[static ]EVT_VMB_CHANNEL_SAVE_PACKET Name;` inserted at
// the start of the line where the definition, or its first annotation,
// begins. Only when the definition has exactly the role type's signature:
// otherwise the inserted declaration would not compile.
static std::optional<FixIt> roleDeclarationFix(ASTContext &Ctx, const SalIndex &Sal,
                                               const FunctionDecl *Def,
                                               const std::string &RoleType) {
  // A member function, or a definition out of its namespace (`ns::F`),
  // cannot be redeclared by an unqualified `ROLE F;` placed before it.
  // Nor a template: the declaration would land between `template <...>`
  // and the definition.
  if (isa<CXXMethodDecl>(Def) || Def->isOutOfLine() ||
      Def->getLexicalDeclContext() != Def->getDeclContext() || Def->isTemplateInstantiation() ||
      Def->getDescribedFunctionTemplate() || Def->getPrimaryTemplate())
    return std::nullopt;
  auto Lookup = Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get(RoleType));
  const TypedefNameDecl *Role = nullptr;
  for (NamedDecl *ND : Lookup)
    if ((Role = dyn_cast<TypedefNameDecl>(ND)))
      break;
  if (!Role || !Ctx.hasSameType(Role->getUnderlyingType().getCanonicalType(),
                                Def->getType().getCanonicalType()))
    return std::nullopt;
  const SourceManager &SM = Ctx.getSourceManager();
  // Text inserted before a definition a macro writes, or that a macro's
  // continuation line precedes, would land inside a macro: no fix there.
  if (Def->getOuterLocStart().isMacroID() || Def->getLocation().isMacroID())
    return std::nullopt;
  SourceLocation Start = SM.getExpansionLoc(Def->getOuterLocStart());
  for (const SalAnnotation &A : Sal.annotationsOf(Def))
    if (SM.isBeforeInTranslationUnit(A.Loc, Start))
      Start = A.Loc;
  auto [File, Offset] = SM.getDecomposedLoc(Start);
  llvm::StringRef Buffer = SM.getBufferData(File);
  size_t LineStart = Buffer.rfind('\n', Offset);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  llvm::StringRef Before = Buffer.take_front(LineStart).rtrim("\r\n");
  if (Before.ends_with("\\"))
    return std::nullopt;
  TextEdit E;
  E.Digest = contentDigest(Buffer);
  E.File = filePathOf(SM, Start);
  E.Offset = static_cast<unsigned>(LineStart);
  E.Length = 0;
  E.Replacement = std::string(Def->getStorageClass() == SC_Static ? "static " : "") +
                  RoleType + " " + Def->getNameAsString() + ";\n\n";
  E.Where.File = E.File;
  E.Where.Line = E.Where.EndLine = SM.getLineNumber(File, LineStart);
  E.Where.Column = E.Where.EndColumn = 1;
  return FixIt{std::string("declare '") + Def->getNameAsString() + "' with " + RoleType,
               {E}};
}

std::vector<Finding> checkVmb005RoleTypeDeclaration(ASTContext &Ctx, const SalIndex &Sal,
                                                    const DiscoveryResult &Discovery) {
  std::vector<Finding> Out;
  const SourceManager &SM = Ctx.getSourceManager();
  for (const DiscoveredCallback &CB : Discovery.Callbacks) {
    const FunctionDecl *Def = CB.Definition;
    // A lambda cannot be declared with a role type.
    if (const auto *MD = dyn_cast<CXXMethodDecl>(Def); MD && MD->getParent()->isLambda())
      continue;
    // Declared with one role, registered as another (an old declaration
    // kept when the registration moved to the V5 routine): KMCL calls it
    // with the other role's parameters.
    bool Mismatch = CB.UsedAs && CB.Role && CB.UsedAs != CB.Role && CB.RoleAnywhere;
    if (CB.Uses.empty() || (CB.RoleBeforeDefinition && !Mismatch))
      continue;
    const std::string &RoleType = (Mismatch ? CB.UsedAs : CB.Role)->RoleType;
    std::string Short = Def->getNameAsString();
    // A static member is declared in its class with `static`.
    std::string Declaration = (isa<CXXMethodDecl>(Def) ? "static " : "") + RoleType + " " + Short;
    Finding F;
    F.RuleId = "VMB005";
    F.Function = CB.Name;
    F.Where = spanOf(SM, Ctx.getLangOpts(), SourceRange(Def->getLocation()));
    F.LineText = lineTextOf(SM, Def->getLocation());
    const CallbackUse &First = CB.Uses.front();
    F.Message = "'" + Short + "' is used as the save callback (" + First.How + " at " +
                shortPlace(First.Where) + ") but ";
    if (Mismatch)
      F.Message += "is declared with " + CB.Role->RoleType + ", whose parameters differ from " +
                   RoleType + "'s";
    else if (CB.RoleAnywhere)
      F.Message += "its " + RoleType + " declaration comes after its definition";
    else
      F.Message += "is not declared with the role type " + RoleType;
    F.Message += "; declare '" + Declaration + ";' before the definition";
    for (const CallbackUse &U : CB.Uses)
      F.Steps.push_back({U.Where, "used as the save callback here: " + U.How, 0});
    if (!Mismatch)
      if (auto Fix = roleDeclarationFix(Ctx, Sal, Def, RoleType))
      F.Fixes.push_back(std::move(*Fix));
    Out.push_back(std::move(F));
  }
  return Out;
}

} // namespace vmbcheck
