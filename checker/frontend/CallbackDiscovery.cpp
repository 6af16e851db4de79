#include "frontend/CallbackDiscovery.h"
#include "frontend/SalIndex.h"
#include "frontend/SourceSpans.h"
#include "frontend/TypeSugar.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/MapVector.h"

using namespace clang;

namespace vmbcheck {
namespace {

// True for PFN_VMB_CHANNEL_SAVE_PACKET and for EVT_VMB_CHANNEL_SAVE_PACKET *.
bool isSavePointerType(QualType T) {
  if (T.isNull())
    return false;
  if (typeNamesTypedef(T, SavePointerType))
    return true;
  if (const auto *PT = T->getAs<PointerType>())
    return typeNamesTypedef(PT->getPointeeType(), SaveRoleType);
  return false;
}

bool hasSaveFunctionClass(const std::vector<SalAnnotation> &Annotations) {
  for (const SalAnnotation &A : Annotations)
    if ((A.Name == "_Function_class_" || A.Name == "__drv_functionClass") &&
        !A.Args.empty() && A.Args[0].Text == SaveRoleType)
      return true;
  return false;
}

// Does this declaration, as written, give the function the save role?
// Returns the reason, or an empty string.
std::string roleOf(const FunctionDecl *D, const SalIndex &Sal) {
  auto Chain = writtenTypedefs(D->getTypeSourceInfo());
  for (const TypedefNameDecl *TD : Chain) {
    bool Role = TD->getName() == SaveRoleType;
    if (!Role && !hasSaveFunctionClass(Sal.annotationsOf(TD)))
      continue;
    if (TD == Chain.front() && Role)
      return std::string("declared with ") + SaveRoleType;
    return "declared with '" + Chain.front()->getName().str() + "', " +
           (Role ? std::string("a typedef of ") : std::string("of function class ")) +
           SaveRoleType;
  }
  if (hasSaveFunctionClass(Sal.annotationsOf(D)))
    return std::string("annotated _Function_class_(") + SaveRoleType + ")";
  return "";
}

// Walks the main file's declarations for uses of functions as the save
// callback: arguments to PFN_VMB_CHANNEL_SAVE_PACKET parameters, stores into
// PFN_VMB_CHANNEL_SAVE_PACKET variables and fields, casts to that type.
// A plain recursive walk over statements: the driver's every function body
// is visited, so this runs on each file's whole main-file AST, and
// RecursiveASTVisitor's generality costs several times more.
class UseFinder {
public:
  UseFinder(ASTContext &Ctx) : Ctx(Ctx), SM(Ctx.getSourceManager()) {}

  llvm::MapVector<const FunctionDecl *, std::vector<CallbackUse>> Uses;

  void visitDecl(Decl *D) {
    if (auto *FD = dyn_cast<FunctionDecl>(D)) {
      if (FD->doesThisDeclarationHaveABody())
        visitStmt(FD->getBody());
    } else if (auto *VD = dyn_cast<VarDecl>(D)) {
      VisitVarDecl(VD);
      visitStmt(VD->getInit());
    } else if (auto *DC = dyn_cast<DeclContext>(D)) {
      for (Decl *Inner : DC->decls())
        if (!isa<FieldDecl>(Inner))
          visitDecl(Inner);
    }
  }

  void visitStmt(Stmt *S) {
    if (!S)
      return;
    switch (S->getStmtClass()) {
    case Stmt::CallExprClass:
      VisitCallExpr(cast<CallExpr>(S));
      break;
    case Stmt::BinaryOperatorClass:
      VisitBinaryOperator(cast<BinaryOperator>(S));
      break;
    case Stmt::InitListExprClass:
      VisitInitListExpr(cast<InitListExpr>(S));
      break;
    case Stmt::CStyleCastExprClass:
      VisitExplicitCastExpr(cast<ExplicitCastExpr>(S));
      break;
    case Stmt::DeclStmtClass:
      for (Decl *D : cast<DeclStmt>(S)->decls())
        visitDecl(D);
      return;
    // Leaves: nothing below them can use a function.
    case Stmt::IntegerLiteralClass:
    case Stmt::CharacterLiteralClass:
    case Stmt::StringLiteralClass:
    case Stmt::DeclRefExprClass:
    case Stmt::UnaryExprOrTypeTraitExprClass:
      return;
    default:
      break;
    }
    for (Stmt *Child : S->children())
      visitStmt(Child);
  }

  bool VisitCallExpr(CallExpr *CE) {
    const FunctionProtoType *FPT = nullptr;
    QualType CalleeT = CE->getCallee()->getType();
    if (const auto *PT = CalleeT->getAs<PointerType>())
      FPT = PT->getPointeeType()->getAs<FunctionProtoType>();
    else
      FPT = CalleeT->getAs<FunctionProtoType>();
    std::string Callee = calleeName(CE);
    for (unsigned I = 0; I < CE->getNumArgs(); ++I) {
      bool Typed = FPT && I < FPT->getNumParams() && isSavePointerType(FPT->getParamType(I));
      bool Named = I == 1 && Callee == RegistrationFunction;
      if (Typed || Named)
        mark(CE->getArg(I), "passed as the save callback to '" + Callee + "'",
             CE->getArg(I)->getSourceRange());
    }
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign && isSavePointerType(BO->getLHS()->getType()))
      mark(BO->getRHS(), "stored in '" + text(BO->getLHS()) + "' (" + SavePointerType + ")",
           BO->getSourceRange());
    return true;
  }

  bool VisitVarDecl(VarDecl *VD) {
    if (const Expr *Init = VD->getInit())
      if (!isa<InitListExpr>(Init->IgnoreParenImpCasts()) && isSavePointerType(VD->getType()))
        mark(Init, "stored in '" + VD->getNameAsString() + "' (" + SavePointerType + ")",
             VD->getSourceRange());
    return true;
  }

  // Only the syntactic form is traversed (implicit code is off); its
  // semantic form has one initializer per field, in declaration order.
  bool VisitInitListExpr(InitListExpr *Syntactic) {
    InitListExpr *ILE =
        Syntactic->isSemanticForm() ? Syntactic : Syntactic->getSemanticForm();
    if (!ILE)
      return true;
    QualType T = ILE->getType();
    if (const auto *AT = Ctx.getAsArrayType(T)) {
      if (isSavePointerType(AT->getElementType()))
        for (Expr *E : ILE->inits())
          mark(E, std::string("stored in an array of ") + SavePointerType, E->getSourceRange());
      return true;
    }
    const RecordDecl *RD = T->getAsRecordDecl();
    if (!RD)
      return true;
    if (RD->isUnion()) {
      if (const FieldDecl *F = ILE->getInitializedFieldInUnion(); F && ILE->getNumInits() == 1)
        checkField(F, ILE->getInit(0));
      return true;
    }
    unsigned I = 0;
    for (const FieldDecl *F : RD->fields()) {
      if (I >= ILE->getNumInits())
        break;
      checkField(F, ILE->getInit(I++));
    }
    return true;
  }

  bool VisitExplicitCastExpr(ExplicitCastExpr *CE) {
    if (isSavePointerType(CE->getTypeAsWritten()))
      mark(CE->getSubExpr(), std::string("cast to ") + SavePointerType, CE->getSourceRange());
    return true;
  }

private:
  void checkField(const FieldDecl *F, Expr *Init) {
    if (Init && isSavePointerType(F->getType()))
      mark(Init, "stored in field '" + F->getNameAsString() + "' (" + SavePointerType + ")",
           Init->getSourceRange());
  }

  std::string calleeName(const CallExpr *CE) const {
    const Expr *Callee = CE->getCallee()->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Callee))
      return DRE->getDecl()->getNameAsString();
    if (const auto *ME = dyn_cast<MemberExpr>(Callee))
      return ME->getMemberDecl()->getNameAsString();
    return text(Callee);
  }

  std::string text(const Expr *E) const {
    CharSourceRange R = SM.getExpansionRange(E->getSourceRange());
    return Lexer::getSourceText(R, SM, Ctx.getLangOpts()).str();
  }

  // Records each function E can evaluate to.
  void mark(const Expr *E, const std::string &How, SourceRange Where) {
    if (!E)
      return;
    E = E->IgnoreParenCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_AddrOf)
      E = UO->getSubExpr()->IgnoreParenCasts();
    if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E)) {
      mark(CO->getTrueExpr(), How, Where);
      mark(CO->getFalseExpr(), How, Where);
      return;
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    const auto *FD = DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
    if (!FD)
      return;
    Uses[FD->getCanonicalDecl()].push_back(
        {spanOf(SM, Ctx.getLangOpts(), Where.isValid() ? Where : E->getSourceRange()), How});
  }

  ASTContext &Ctx;
  const SourceManager &SM;
};

} // namespace

DiscoveryResult
discoverCallbacks(ASTContext &Ctx, const SalIndex &Sal,
                  const std::map<std::string, std::vector<CallbackUse>> &ExternalUses) {
  const SourceManager &SM = Ctx.getSourceManager();
  auto InMainFile = [&](const Decl *D) {
    return SM.isInMainFile(SM.getExpansionLoc(D->getLocation()));
  };

  UseFinder Finder(Ctx);
  std::vector<const FunctionDecl *> Definitions;
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    if (!InMainFile(D))
      continue;
    Finder.visitDecl(D);
    if (const auto *FD = dyn_cast<FunctionDecl>(D))
      if (FD->isThisDeclarationADefinition() && FD->hasBody())
        Definitions.push_back(FD);
  }

  DiscoveryResult Result;
  for (const FunctionDecl *Def : Definitions) {
    DiscoveredCallback CB;
    CB.Definition = Def;
    CB.Name = Def->getNameAsString();
    // Declarations that precede the definition, then the definition itself
    // (which can only carry the role through _Function_class_).
    for (const FunctionDecl *R = Def->getPreviousDecl(); R; R = R->getPreviousDecl())
      if (std::string Why = roleOf(R, Sal); !Why.empty()) {
        CB.RoleBeforeDefinition = true;
        CB.Reasons.push_back(Why);
        break;
      }
    if (std::string Why = roleOf(Def, Sal); !Why.empty()) {
      CB.RoleBeforeDefinition = true;
      CB.Reasons.push_back(Why);
    }
    CB.RoleAnywhere = CB.RoleBeforeDefinition;
    if (!CB.RoleAnywhere)
      for (const FunctionDecl *R : Def->redecls())
        if (std::string Why = roleOf(R, Sal); !Why.empty()) {
          CB.RoleAnywhere = true;
          CB.Reasons.push_back(Why + " after its definition");
          break;
        }
    auto Local = Finder.Uses.find(Def->getCanonicalDecl());
    if (Local != Finder.Uses.end()) {
      CB.Uses = Local->second;
      CB.Reasons.push_back(Local->second.front().How);
    }
    if (Def->isExternallyVisible()) {
      auto Ext = ExternalUses.find(CB.Name);
      if (Ext != ExternalUses.end()) {
        CB.Uses.insert(CB.Uses.end(), Ext->second.begin(), Ext->second.end());
        CB.Reasons.push_back(Ext->second.front().How + " in another file");
      }
    }
    if (CB.Reasons.empty()) {
      if (Def->isExternallyVisible())
        Result.OtherExternalDefinitions.push_back(CB.Name);
      continue;
    }
    Result.Callbacks.push_back(std::move(CB));
  }

  // Uses of functions this file does not define.
  for (auto &[FD, Uses] : Finder.Uses) {
    const FunctionDecl *Def = FD->getDefinition();
    if (Def && InMainFile(Def))
      continue;
    if (!Def && FD->isExternallyVisible()) {
      auto &Dest = Result.ExternalUses[FD->getNameAsString()];
      Dest.insert(Dest.end(), Uses.begin(), Uses.end());
    }
  }
  return Result;
}

} // namespace vmbcheck
