#include "frontend/CallbackDiscovery.h"
#include "frontend/SalIndex.h"
#include "frontend/SourceSpans.h"
#include "frontend/TypeSugar.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace vmbcheck {
namespace {

const SaveRoles &roles() { return SaveRoles::builtin(); }

// The role whose pointer type T is: PFN_VMB_CHANNEL_SAVE_PACKET[_EX] (or a
// typedef of it), or a pointer to the role type itself.
const SaveRole *roleOfPointerType(QualType T) {
  if (T.isNull())
    return nullptr;
  for (const SaveRole &R : roles().all())
    if (typeNamesTypedef(T, R.PointerType))
      return &R;
  if (const auto *PT = T->getAs<PointerType>())
    for (const SaveRole &R : roles().all())
      if (typeNamesTypedef(PT->getPointeeType(), R.RoleType))
        return &R;
  return nullptr;
}

const SaveRole *functionClassRole(const std::vector<SalAnnotation> &Annotations) {
  for (const SalAnnotation &A : Annotations)
    if ((A.Name == "_Function_class_" || A.Name == "__drv_functionClass") && !A.Args.empty())
      if (const SaveRole *R = roles().byRoleType(A.Args[0].Text))
        return R;
  return nullptr;
}

struct RoleReason {
  const SaveRole *Role = nullptr;
  std::string Why;
};

// Does this declaration, as written, give the function a save role?
RoleReason roleOf(const FunctionDecl *D, const SalIndex &Sal) {
  auto Chain = writtenTypedefs(D->getTypeSourceInfo());
  for (const TypedefNameDecl *TD : Chain) {
    const SaveRole *Named = roles().byRoleType(TD->getName());
    const SaveRole *Role = Named ? Named : functionClassRole(Sal.annotationsOf(TD));
    if (!Role)
      continue;
    if (TD == Chain.front() && Named)
      return {Role, "declared with " + Role->RoleType};
    return {Role, "declared with '" + Chain.front()->getName().str() + "', " +
                      (Named ? "a typedef of " : "of function class ") + Role->RoleType};
  }
  if (const SaveRole *R = functionClassRole(Sal.annotationsOf(D)))
    return {R, "annotated _Function_class_(" + R->RoleType + ")"};
  return {};
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
    // A template's body names its callbacks dependently (`Save<T>`,
    // `&Channel::Save` in a class template); only its instantiations say
    // which functions are used. Uses the pattern already names concretely
    // are met again there, and recorded once (see mark).
    if (auto *FTD = dyn_cast<FunctionTemplateDecl>(D)) {
      for (FunctionDecl *Spec : FTD->specializations())
        visitDecl(Spec);
      D = FTD->getTemplatedDecl();
    } else if (auto *CTD = dyn_cast<ClassTemplateDecl>(D)) {
      for (ClassTemplateSpecializationDecl *Spec : CTD->specializations())
        visitDecl(Spec);
      D = CTD->getTemplatedDecl();
    }
    if (auto *FD = dyn_cast<FunctionDecl>(D)) {
      if (auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
        for (CXXCtorInitializer *Init : Ctor->inits())
          if (Init->isWritten() && Init->getMember())
            checkField(Init->getMember(), Init->getInit());
      if (FD->doesThisDeclarationHaveABody())
        visitStmt(FD->getBody());
    } else if (auto *VD = dyn_cast<VarDecl>(D)) {
      VisitVarDecl(VD);
      visitStmt(VD->getInit());
    } else if (auto *F = dyn_cast<FieldDecl>(D)) {
      // C++ default member initializer: `PFN_VMB_CHANNEL_SAVE_PACKET Save = VspSave;`
      if (F->hasInClassInitializer())
        checkField(F, F->getInClassInitializer());
    } else if (auto *DC = dyn_cast<DeclContext>(D)) {
      // Namespaces, extern "C" blocks, classes and their member functions.
      for (Decl *Inner : DC->decls())
        visitDecl(Inner);
    }
  }

  void visitStmt(Stmt *S) {
    if (!S)
      return;
    switch (S->getStmtClass()) {
    case Stmt::CallExprClass:
    case Stmt::CXXMemberCallExprClass:
      VisitCallExpr(cast<CallExpr>(S));
      break;
    case Stmt::BinaryOperatorClass:
      VisitBinaryOperator(cast<BinaryOperator>(S));
      break;
    case Stmt::InitListExprClass:
      VisitInitListExpr(cast<InitListExpr>(S));
      break;
    case Stmt::CStyleCastExprClass:
    case Stmt::CXXStaticCastExprClass:
    case Stmt::CXXReinterpretCastExprClass:
    case Stmt::CXXFunctionalCastExprClass:
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
      const SaveRole *Role =
          FPT && I < FPT->getNumParams() ? roleOfPointerType(FPT->getParamType(I)) : nullptr;
      // By name too: a registration routine declared without its PFN_ type.
      for (const SaveRole &R : roles().all())
        for (const SaveRole::Registration &Reg : R.Registrations)
          if (!Role && I == Reg.Argument && Callee == Reg.Function)
            Role = &R;
      if (Role)
        mark(CE->getArg(I), "passed as the save callback to '" + Callee + "'",
             CE->getArg(I)->getSourceRange(), Role);
    }
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign)
      return true;
    if (const SaveRole *R = roleOfPointerType(BO->getLHS()->getType()))
      mark(BO->getRHS(), "stored in '" + text(BO->getLHS()) + "' (" + R->PointerType + ")",
           BO->getSourceRange(), R);
    return true;
  }

  bool VisitVarDecl(VarDecl *VD) {
    if (const Expr *Init = VD->getInit())
      if (!isa<InitListExpr>(Init->IgnoreParenImpCasts()))
        if (const SaveRole *R = roleOfPointerType(VD->getType()))
          mark(Init, "stored in '" + VD->getNameAsString() + "' (" + R->PointerType + ")",
               VD->getSourceRange(), R);
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
      if (const SaveRole *R = roleOfPointerType(AT->getElementType()))
        for (Expr *E : ILE->inits())
          mark(E, "stored in an array of " + R->PointerType, E->getSourceRange(), R);
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
    if (const SaveRole *R = roleOfPointerType(CE->getTypeAsWritten()))
      mark(CE->getSubExpr(), "cast to " + R->PointerType, CE->getSourceRange(), R);
    return true;
  }

private:
  void checkField(const FieldDecl *F, Expr *Init) {
    if (!Init)
      return;
    if (const SaveRole *R = roleOfPointerType(F->getType()))
      mark(Init, "stored in field '" + F->getNameAsString() + "' (" + R->PointerType + ")",
           Init->getSourceRange(), R);
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
  // The call operator of the lambda E converts to a function pointer
  // (`[](...) {...}` where a PFN_ is expected, or `+[](...) {...}`), else null.
  static const FunctionDecl *lambdaCallOperator(const Expr *E) {
    for (unsigned Guard = 0; E && Guard < 16; ++Guard) {
      E = E->IgnoreParenImpCasts();
      if (const auto *L = dyn_cast<LambdaExpr>(E))
        return L->getCallOperator();
      if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
        E = MT->getSubExpr();
      else if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E))
        E = BT->getSubExpr();
      else if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_Plus)
        E = UO->getSubExpr();
      else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
               MC && isa_and_nonnull<CXXConversionDecl>(MC->getMethodDecl()))
        E = MC->getImplicitObjectArgument();
      else
        return nullptr;
    }
    return nullptr;
  }

  void mark(const Expr *E, const std::string &How, SourceRange Where, const SaveRole *Role) {
    if (!E)
      return;
    E = E->IgnoreParenCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_AddrOf)
      E = UO->getSubExpr()->IgnoreParenCasts();
    if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E)) {
      mark(CO->getTrueExpr(), How, Where, Role);
      mark(CO->getFalseExpr(), How, Where, Role);
      return;
    }
    // `Register(Channel)` whose PFN_ parameter has a default argument.
    if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(E)) {
      mark(Default->getExpr(), How, Where, Role);
      return;
    }
    const FunctionDecl *FD = lambdaCallOperator(E);
    if (FD)
      ; // a captureless lambda converted to the PFN_ type
    else if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      FD = dyn_cast<FunctionDecl>(DRE->getDecl());
    else if (const auto *ME = dyn_cast<MemberExpr>(E)) // `this->Save`, `Channel.Save`
      if (const auto *MD = dyn_cast<CXXMethodDecl>(ME->getMemberDecl()); MD && MD->isStatic())
        FD = MD;
    if (!FD)
      return;
    CallbackUse Use{spanOf(SM, Ctx.getLangOpts(), Where.isValid() ? Where : E->getSourceRange()),
                    How, Role->RoleType};
    std::vector<CallbackUse> &Known = Uses[FD->getCanonicalDecl()];
    for (const CallbackUse &U : Known)
      if (U.How == Use.How && U.Where.File == Use.Where.File && U.Where.Line == Use.Where.Line &&
          U.Where.Column == Use.Where.Column)
        return; // the same use, seen in a template and in its instantiation
    Known.push_back(std::move(Use));
  }

  ASTContext &Ctx;
  const SourceManager &SM;
};

// Function definitions written in the main file, in source order, looking
// into namespaces, extern "C" blocks and classes (member functions defined
// inline). Templates are left out: only their instantiations have code, and
// those are reached through their uses.
void collectDefinitions(const DeclContext *DC, std::vector<const FunctionDecl *> &Out) {
  for (const Decl *D : DC->decls()) {
    if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
      if (FD->isThisDeclarationADefinition() && FD->hasBody() && !FD->isDependentContext())
        Out.push_back(FD);
    } else if (isa<NamespaceDecl, LinkageSpecDecl, ExportDecl>(D) ||
               (isa<CXXRecordDecl>(D) && !cast<CXXRecordDecl>(D)->isDependentContext())) {
      collectDefinitions(cast<DeclContext>(D), Out);
    }
  }
}

} // namespace

std::string shortCallbackName(const FunctionDecl *FD) {
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && MD->getParent()->isLambda())
    return callbackName(FD);
  return FD->getNameAsString();
}

std::string callbackName(const FunctionDecl *FD) {
  // Qualified in C++ so that registrations in other files match the right
  // function; plain in C (and for extern "C" functions at file scope). An
  // instantiated function template carries its arguments: each registered
  // instantiation is a callback of its own.
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && MD->getParent()->isLambda()) {
    const SourceManager &SM = FD->getASTContext().getSourceManager();
    PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(MD->getParent()->getLocation()));
    return "(lambda at " + std::string(llvm::sys::path::filename(P.getFilename())) + ":" +
           std::to_string(P.getLine()) + ")";
  }
  std::string Name = FD->getQualifiedNameAsString();
  if (const TemplateArgumentList *Args = FD->getTemplateSpecializationArgs()) {
    llvm::raw_string_ostream OS(Name);
    printTemplateArgumentList(OS, Args->asArray(), FD->getASTContext().getPrintingPolicy());
  }
  return Name;
}

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
    if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
      if (FD->isThisDeclarationADefinition() && FD->hasBody() && !FD->isDependentContext())
        Definitions.push_back(FD);
    } else if (const auto *DC = dyn_cast<DeclContext>(D)) {
      collectDefinitions(DC, Definitions);
    }
  }
  // A function used as a callback here whose body is elsewhere in this
  // translation unit: an instantiated template, or a static function in a
  // driver header. System headers are not the driver's code.
  llvm::SmallPtrSet<const FunctionDecl *, 16> Known(Definitions.begin(), Definitions.end());
  for (auto &[FD, Uses] : Finder.Uses) {
    const FunctionDecl *Def = FD->getDefinition();
    if (!Def || !Def->hasBody() || Def->isDependentContext() || Known.count(Def) ||
        SM.isInSystemHeader(SM.getExpansionLoc(Def->getLocation())))
      continue;
    Definitions.push_back(Def);
    Known.insert(Def);
  }

  DiscoveryResult Result;
  for (const FunctionDecl *Def : Definitions) {
    DiscoveredCallback CB;
    CB.Definition = Def;
    CB.Name = callbackName(Def);
    auto Take = [&](RoleReason R, const char *Suffix) {
      if (!CB.Role)
        CB.Role = R.Role;
      CB.Reasons.push_back(R.Why + Suffix);
    };
    // An instantiation (of a function template, or a member of a class
    // template) has no declarations of its own: they were written on the
    // template, `template <class T> EVT_VMB_CHANNEL_SAVE_PACKET_EX Save;`.
    const FunctionDecl *Written = Def;
    if (const FunctionDecl *Pattern = Def->getTemplateInstantiationPattern())
      Written = Pattern;
    // Declarations that precede the definition, then the definition itself
    // (which can only carry the role through _Function_class_).
    for (const FunctionDecl *R = Written->getPreviousDecl(); R; R = R->getPreviousDecl())
      if (RoleReason Why = roleOf(R, Sal); Why.Role) {
        CB.RoleBeforeDefinition = true;
        Take(Why, "");
        break;
      }
    if (RoleReason Why = roleOf(Written, Sal); Why.Role) {
      CB.RoleBeforeDefinition = true;
      Take(Why, "");
    }
    CB.RoleAnywhere = CB.RoleBeforeDefinition;
    if (!CB.RoleAnywhere)
      for (const FunctionDecl *R : Written->redecls())
        if (RoleReason Why = roleOf(R, Sal); Why.Role) {
          CB.RoleAnywhere = true;
          Take(Why, " after its definition");
          break;
        }
    auto UseRole = [&](const std::vector<CallbackUse> &Uses) {
      if (!CB.UsedAs)
        CB.UsedAs = roles().byRoleType(Uses.front().Role);
      if (!CB.Role)
        CB.Role = CB.UsedAs;
    };
    auto Local = Finder.Uses.find(Def->getCanonicalDecl());
    if (Local != Finder.Uses.end()) {
      CB.Uses = Local->second;
      CB.Reasons.push_back(Local->second.front().How);
      UseRole(Local->second);
    }
    if (Def->isExternallyVisible()) {
      auto Ext = ExternalUses.find(CB.Name);
      if (Ext != ExternalUses.end()) {
        CB.Uses.insert(CB.Uses.end(), Ext->second.begin(), Ext->second.end());
        CB.Reasons.push_back(Ext->second.front().How + " in another file");
        UseRole(Ext->second);
      }
    }
    if (CB.Reasons.empty()) {
      if (Def->isExternallyVisible())
        Result.OtherExternalDefinitions.push_back(CB.Name);
      continue;
    }
    if (!CB.Role) // a use whose role is unknown here (an old cross-file record)
      CB.Role = &roles().all().front();
    Result.Callbacks.push_back(std::move(CB));
  }

  // Uses of functions this file does not define.
  for (auto &[FD, Uses] : Finder.Uses) {
    const FunctionDecl *Def = FD->getDefinition();
    if (Def && Known.count(Def))
      continue;
    if (Def && InMainFile(Def))
      continue;
    if (FD->isExternallyVisible()) {
      auto &Dest = Result.ExternalUses[callbackName(FD)];
      Dest.insert(Dest.end(), Uses.begin(), Uses.end());
    }
  }
  return Result;
}

} // namespace vmbcheck
