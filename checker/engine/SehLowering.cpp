// See SehLowering.h for the shapes produced and why.
#include "engine/SehLowering.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

#include <string>

using namespace clang;

namespace vmbcheck {
namespace {

// Code in another function body: lowered when that function is analysed.
bool isOtherFunction(const Stmt *S) { return isa<LambdaExpr, BlockExpr, CapturedStmt>(S); }

bool isLoop(const Stmt *S) { return isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S); }

bool containsSeh(const Stmt *S) {
  if (!S || isOtherFunction(S))
    return false;
  if (isa<SEHTryStmt, SEHLeaveStmt>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (containsSeh(Child))
      return true;
  return false;
}

bool containsReturn(const Stmt *S) {
  if (!S || isOtherFunction(S))
    return false;
  if (isa<ReturnStmt>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (containsReturn(Child))
      return true;
  return false;
}

// Forms the lowering cannot follow; empty if there are none.
std::string unsupportedForm(const ASTContext &Ctx, const FunctionDecl &FD, const Stmt *S,
                            bool InFinallyTry) {
  if (!S || isOtherFunction(S))
    return "";
  // (Clang's jump checker rejects a computed goto out of a __try block
  // today; should one get through, it is not lowered wrongly.)
  if (isa<IndirectGotoStmt>(S) && InFinallyTry)
    return "a computed goto leaves a __try block that has a __finally handler";
  if (const auto *Try = dyn_cast<SEHTryStmt>(S); Try && Try->getFinallyHandler()) {
    if (std::string Why = unsupportedForm(Ctx, FD, Try->getTryBlock(), true); !Why.empty())
      return Why;
    QualType T = FD.getReturnType();
    bool ValueNeedsCopy = !T->isVoidType() && (T->isReferenceType() ||
                          (Ctx.getLangOpts().CPlusPlus && !T.isTriviallyCopyableType(Ctx)));
    if (ValueNeedsCopy && containsReturn(Try->getTryBlock()))
      return "a return inside a __try block with a __finally handler returns a '" +
             T.getAsString() + "', which cannot be held while the __finally block runs";
    return unsupportedForm(Ctx, FD, Try->getHandler(), InFinallyTry);
  }
  for (const Stmt *Child : S->children())
    if (std::string Why = unsupportedForm(Ctx, FD, Child, InFinallyTry); !Why.empty())
      return Why;
  return "";
}

class Lowering {
public:
  Lowering(ASTContext &Ctx, FunctionDecl &FD, SehLoweringResult &Result)
      : Ctx(Ctx), FD(FD), Result(Result) {}

  // Post-order: inner SEH statements first, so that when an outer one is
  // lowered its blocks hold only plain statements (and the __leave of
  // handlers, which belong to an outer __try).
  Stmt *lower(Stmt *S) {
    if (!S || isOtherFunction(S))
      return S;
    for (Stmt *&Child : S->children())
      Child = lower(Child);
    if (auto *Try = dyn_cast<SEHTryStmt>(S)) {
      Stmt *Lowered = Try->getExceptHandler() ? lowerExcept(*Try) : lowerFinally(*Try);
      Atomic.insert(Lowered);
      return Lowered;
    }
    return S;
  }

private:
  ASTContext &Ctx;
  FunctionDecl &FD;
  SehLoweringResult &Result;
  unsigned Counter = 0;
  // Lowered SEH statements: no exception is raised inside them on behalf
  // of an enclosing __try (an inner __except catches it; an inner
  // __finally would have to run first, which is not modelled).
  llvm::SmallPtrSet<const Stmt *, 8> Atomic;
  FunctionDecl *ContinueSearch = nullptr;

  bool cxx() const { return Ctx.getLangOpts().CPlusPlus; }

  FPOptionsOverride fp() const { return FPOptionsOverride(); }

  LabelDecl *label(const char *Kind, SourceLocation Loc) {
    std::string Name = std::string("__vmbcheck_") + Kind + "_" + std::to_string(++Counter);
    return LabelDecl::Create(Ctx, &FD, Loc, &Ctx.Idents.get(Name));
  }

  LabelStmt *place(LabelDecl *L, Stmt *Sub) {
    auto *S = new (Ctx) LabelStmt(L->getLocation(), L, Sub);
    L->setStmt(S);
    return S;
  }

  Stmt *nothing(SourceLocation Loc) { return new (Ctx) NullStmt(Loc); }

  GotoStmt *jump(LabelDecl *L, SourceLocation Loc) { return new (Ctx) GotoStmt(L, Loc, Loc); }

  CompoundStmt *block(llvm::ArrayRef<Stmt *> Stmts, SourceLocation Begin, SourceLocation End) {
    return CompoundStmt::Create(Ctx, Stmts, fp(), Begin, End);
  }

  IfStmt *when(Expr *Cond, Stmt *Then, SourceLocation Loc, Stmt *Else = nullptr) {
    return IfStmt::Create(Ctx, Loc, IfStatementKind::Ordinary, nullptr, nullptr, Cond, Loc, Loc,
                          Then, Else ? Loc : SourceLocation(), Else);
  }

  // A condition the engine cannot evaluate: it follows both branches.
  Expr *unknownCondition(SourceLocation Loc) {
    return new (Ctx) OpaqueValueExpr(Loc, cxx() ? Ctx.BoolTy : Ctx.IntTy, VK_PRValue);
  }

  VarDecl *variable(const char *Kind, QualType T, SourceLocation Loc) {
    std::string Name = std::string("__vmbcheck_") + Kind + "_" + std::to_string(++Counter);
    VarDecl *V = VarDecl::Create(Ctx, &FD, Loc, Loc, &Ctx.Idents.get(Name), T,
                                 Ctx.getTrivialTypeSourceInfo(T, Loc), SC_None);
    V->setImplicit();
    return V;
  }

  DeclRefExpr *ref(ValueDecl *D, SourceLocation Loc, ExprValueKind VK = VK_LValue) {
    return DeclRefExpr::Create(Ctx, NestedNameSpecifierLoc(), SourceLocation(), D, false, Loc,
                               D->getType(), VK);
  }

  Expr *read(VarDecl *V, SourceLocation Loc) {
    return ImplicitCastExpr::Create(Ctx, V->getType().getUnqualifiedType(), CK_LValueToRValue,
                                    ref(V, Loc), nullptr, VK_PRValue, fp());
  }

  IntegerLiteral *integer(unsigned Value, SourceLocation Loc) {
    return IntegerLiteral::Create(Ctx, llvm::APInt(Ctx.getIntWidth(Ctx.IntTy), Value), Ctx.IntTy,
                                  Loc);
  }

  Expr *assign(VarDecl *V, Expr *Value, SourceLocation Loc) {
    return BinaryOperator::Create(Ctx, ref(V, Loc), Value, BO_Assign, V->getType(),
                                  cxx() ? VK_LValue : VK_PRValue, OK_Ordinary, Loc, fp());
  }

  Expr *equals(VarDecl *V, unsigned Value, SourceLocation Loc) {
    return BinaryOperator::Create(Ctx, read(V, Loc), integer(Value, Loc), BO_EQ,
                                  cxx() ? Ctx.BoolTy : Ctx.IntTy, VK_PRValue, OK_Ordinary, Loc,
                                  fp());
  }

  DeclStmt *declare(VarDecl *V) {
    return new (Ctx) DeclStmt(DeclGroupRef(V), V->getLocation(), V->getLocation());
  }

  // A call that does not return: the exception left the function (no
  // handler accepted it), so the path ends here without reaching the exit.
  Stmt *exceptionContinuesSearch(SourceLocation Loc) {
    if (!ContinueSearch) {
      FunctionProtoType::ExtProtoInfo EPI;
      EPI.ExtInfo = EPI.ExtInfo.withNoReturn(true);
      QualType T = Ctx.getFunctionType(Ctx.VoidTy, {}, EPI);
      ContinueSearch = FunctionDecl::Create(
          Ctx, Ctx.getTranslationUnitDecl(), Loc, Loc,
          DeclarationName(&Ctx.Idents.get("__vmbcheck_exception_continues_search")), T,
          Ctx.getTrivialTypeSourceInfo(T, Loc), SC_Extern);
      ContinueSearch->setImplicit();
    }
    Expr *Callee = ImplicitCastExpr::Create(
        Ctx, Ctx.getPointerType(ContinueSearch->getType()), CK_FunctionToPointerDecay,
        ref(ContinueSearch, Loc, cxx() ? VK_LValue : VK_PRValue), nullptr, VK_PRValue, fp());
    return CallExpr::Create(Ctx, Callee, {}, Ctx.VoidTy, VK_PRValue, Loc, fp());
  }

  // --- __try / __except -------------------------------------------------

  Stmt *raise(LabelDecl *Handler, SourceLocation Loc, const char *Note) {
    Result.RaiseNotes.push_back({Loc, Note});
    return when(unknownCondition(Loc), jump(Handler, Loc), Loc);
  }

  // What can raise an SEH exception: a call (the callee may raise, or call
  // ExRaiseStatus), an access through a pointer (a fault), a division (by
  // zero). Statements without any (`status = STATUS_SUCCESS;`) cannot, and
  // get no raise point of their own.
  static bool canRaise(const Stmt *S) {
    if (!S || isOtherFunction(S))
      return false;
    if (isa<CallExpr, CXXConstructExpr, CXXNewExpr, CXXDeleteExpr, ArraySubscriptExpr>(S))
      return true;
    if (const auto *U = dyn_cast<UnaryOperator>(S); U && U->getOpcode() == UO_Deref)
      return true;
    if (const auto *M = dyn_cast<MemberExpr>(S); M && M->isArrow())
      return true;
    if (const auto *B = dyn_cast<BinaryOperator>(S)) {
      BinaryOperatorKind Op = B->getOpcode();
      if (Op == BO_Div || Op == BO_Rem || Op == BO_DivAssign || Op == BO_RemAssign)
        return true;
    }
    for (const Stmt *Child : S->children())
      if (canRaise(Child))
        return true;
    return false;
  }

  // Whether S can raise after some of its effects took place: inside a
  // function whose body the engine follows (it may acquire a lock, then
  // fault), or in the last test of a loop's condition. Elsewhere the fault
  // comes before the effect: `*BytesNeeded = n;` faults without writing,
  // and a DDI without a body does not raise after acquiring a lock.
  static bool canRaiseLate(const Stmt *S) {
    if (!S || isOtherFunction(S))
      return false;
    if (const auto *Call = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *Callee = Call->getDirectCallee(); Callee && Callee->hasBody())
        return true;
    if (isLoop(S) && canRaise(S))
      return true;
    for (const Stmt *Child : S->children())
      if (canRaiseLate(Child))
        return true;
    return false;
  }

  static constexpr const char *RaisedBefore =
      "Assuming an exception is raised in this statement, before it takes effect";
  static constexpr const char *RaisedAfter =
      "Assuming an exception is raised in this statement, after it took effect";

  // Raise points in Block: before each statement that can raise (the state
  // in which its fault happens), and after one that can raise late. Blocks
  // nested in those statements alike.
  CompoundStmt *withRaisePoints(CompoundStmt *Block, LabelDecl *Handler) {
    llvm::SmallVector<Stmt *, 16> Out;
    bool StateRaised = false; // the current state has a raise point already
    for (Stmt *S : Block->body()) {
      bool Raises = canRaise(S);
      // An inner __try statement: the state after it stands for an
      // exception that went through its __finally block.
      bool RaisesLate = Raises && (Atomic.contains(S) || canRaiseLate(S));
      addRaisePointsInside(S, Handler);
      if (Raises) {
        // A labelled statement can be entered by a jump: its raise point
        // goes after the labels (`case 1: x: { raise; stmt }`).
        Stmt **Slot = nullptr;
        for (Stmt *Cur = S; isa<LabelStmt, SwitchCase>(Cur); Cur = *Slot)
          for (Stmt *&Child : Cur->children())
            Slot = &Child; // the last child is the labelled statement
        if (Slot && *Slot) {
          Stmt *Parts[] = {raise(Handler, (*Slot)->getBeginLoc(), RaisedBefore), *Slot};
          *Slot = block(Parts, (*Slot)->getBeginLoc(), (*Slot)->getEndLoc());
        } else if (!StateRaised) {
          Out.push_back(raise(Handler, S->getBeginLoc(), RaisedBefore));
        }
      }
      Out.push_back(S);
      if (RaisesLate) // at its end: the two notes of one statement stay apart
        Out.push_back(raise(Handler, S->getEndLoc(), RaisedAfter));
      StateRaised = RaisesLate;
    }
    return CompoundStmt::Create(Ctx, Out, Block->getStoredFPFeaturesOrDefault(),
                                Block->getLBracLoc(), Block->getRBracLoc());
  }

  void addRaisePointsInside(Stmt *S, LabelDecl *Handler) {
    if (!S || isa<Expr>(S) || isOtherFunction(S) || Atomic.contains(S))
      return;
    for (Stmt *&Child : S->children()) {
      if (auto *Block = dyn_cast_or_null<CompoundStmt>(Child); Block && !Atomic.contains(Block))
        Child = withRaisePoints(Block, Handler);
      else
        addRaisePointsInside(Child, Handler);
    }
  }

  // __leave of this __try (those of inner ones are lowered already).
  void replaceLeaves(Stmt *&S, LabelDecl *Target) {
    if (!S || isOtherFunction(S))
      return;
    if (auto *Leave = dyn_cast<SEHLeaveStmt>(S)) {
      S = jump(Target, Leave->getLeaveLoc());
      return;
    }
    for (Stmt *&Child : S->children())
      replaceLeaves(Child, Target);
  }

  // `Filter > 0`, or the filter as a truth value if it is not a plain
  // integer (then EXCEPTION_CONTINUE_EXECUTION counts as acceptance).
  Expr *acceptsException(Expr *Filter) {
    QualType T = Filter->getType().getCanonicalType().getUnqualifiedType();
    const auto *Builtin = T->getAs<BuiltinType>();
    if (!Builtin || !Builtin->isInteger() || T->isBooleanType() || T->isCharType() ||
        Ctx.getIntWidth(T) < Ctx.getIntWidth(Ctx.IntTy))
      return Filter;
    SourceLocation End = Filter->getEndLoc();
    Expr *Zero = IntegerLiteral::Create(Ctx, llvm::APInt(Ctx.getIntWidth(T), 0), T, End);
    return BinaryOperator::Create(Ctx, Filter, Zero, BO_GT, cxx() ? Ctx.BoolTy : Ctx.IntTy,
                                  VK_PRValue, OK_Ordinary, Filter->getExprLoc(), fp());
  }

  Stmt *lowerExcept(SEHTryStmt &Try) {
    SEHExceptStmt *Except = Try.getExceptHandler();
    SourceLocation ExceptLoc = Except->getExceptLoc(), End = Try.getEndLoc();
    Stmt *Body = Try.getTryBlock();
    LabelDecl *Leave = label("leave", Try.getTryBlock()->getRBracLoc());
    LabelDecl *Handler = label("except", ExceptLoc);
    LabelDecl *Done = label("end_try", End);
    replaceLeaves(Body, Leave);
    Stmt *Guarded = withRaisePoints(cast<CompoundStmt>(Body), Handler);
    // The filter decides: a positive value (EXCEPTION_EXECUTE_HANDLER) runs
    // the handler; zero (EXCEPTION_CONTINUE_SEARCH) lets the exception leave
    // the function; a negative one (EXCEPTION_CONTINUE_EXECUTION) resumes
    // where it was raised, which is the path without the exception, followed
    // already. The last two end this path.
    Stmt *Handle = when(acceptsException(Except->getFilterExpr()), Except->getBlock(), ExceptLoc,
                        exceptionContinuesSearch(ExceptLoc));
    Stmt *Parts[] = {Guarded, place(Leave, nothing(Leave->getLocation())),
                     jump(Done, Leave->getLocation()), place(Handler, Handle),
                     place(Done, nothing(End))};
    return block(Parts, Try.getTryLoc(), End);
  }

  // --- __try / __finally ------------------------------------------------

  struct FinallyExits {
    LabelDecl *Finally = nullptr;
    VarDecl *Exit = nullptr;
    VarDecl *Returned = nullptr;
    llvm::SmallPtrSet<const LabelDecl *, 8> Inside; // labels defined in the __try block
    llvm::SmallVector<Stmt *, 4> Dispatch;          // after the __finally block
  };

  static void collectLabels(const Stmt *S, llvm::SmallPtrSetImpl<const LabelDecl *> &Out) {
    if (!S || isOtherFunction(S))
      return;
    if (const auto *L = dyn_cast<LabelStmt>(S))
      Out.insert(L->getDecl());
    for (const Stmt *Child : S->children())
      collectLabels(Child, Out);
  }

  // The statements leaving the __try block go through the __finally block:
  // { [ret = e;] exit = k; goto finally; }, and the dispatch after the
  // __finally block completes the jump: if (exit == k) <original jump>.
  Stmt *throughFinally(FinallyExits &X, Stmt *Jump, SourceLocation Loc, Expr *Value = nullptr) {
    unsigned K = X.Dispatch.size() + 1;
    llvm::SmallVector<Stmt *, 3> Steps;
    if (Value)
      Steps.push_back(Value);
    Steps.push_back(assign(X.Exit, integer(K, Loc), Loc));
    Steps.push_back(jump(X.Finally, Loc));
    X.Dispatch.push_back(when(equals(X.Exit, K, Loc), Jump, Loc));
    return block(Steps, Loc, Loc);
  }

  Stmt *leaveThroughReturn(FinallyExits &X, ReturnStmt &R) {
    SourceLocation Loc = R.getReturnLoc();
    Expr *E = R.getRetValue();
    QualType T = FD.getReturnType();
    if (!E)
      return throughFinally(X, ReturnStmt::Create(Ctx, Loc, nullptr, nullptr), Loc);
    if (T->isVoidType()) // `return f();` in a void function: f runs first
      return throughFinally(X, ReturnStmt::Create(Ctx, Loc, nullptr, nullptr), Loc, E);
    if (!X.Returned)
      X.Returned = variable("finally_return", T.getUnqualifiedType(), Loc);
    // The value is computed before the __finally block runs, as MSVC does.
    // The return reads it back under the original expression's extent, so
    // messages quote the expression as written.
    Expr *Back = ImplicitCastExpr::Create(
        Ctx, T.getUnqualifiedType(), CK_LValueToRValue,
        new (Ctx) ParenExpr(E->getBeginLoc(), E->getEndLoc(), ref(X.Returned, E->getBeginLoc())),
        nullptr, VK_PRValue, fp());
    return throughFinally(X, ReturnStmt::Create(Ctx, Loc, Back, nullptr), Loc,
                          assign(X.Returned, E, Loc));
  }

  // Loops and Switches count the statements between S and the __try block
  // that a break or continue would leave first.
  void routeExits(Stmt *&S, FinallyExits &X, unsigned Loops, unsigned Switches) {
    if (!S || isOtherFunction(S) || isa<Expr>(S))
      return;
    if (auto *Leave = dyn_cast<SEHLeaveStmt>(S)) {
      S = jump(X.Finally, Leave->getLeaveLoc());
      return;
    }
    if (auto *R = dyn_cast<ReturnStmt>(S)) {
      S = leaveThroughReturn(X, *R);
      return;
    }
    if (auto *G = dyn_cast<GotoStmt>(S)) {
      if (!X.Inside.contains(G->getLabel()))
        S = throughFinally(X, new (Ctx) GotoStmt(G->getLabel(), G->getGotoLoc(), G->getLabelLoc()),
                           G->getGotoLoc());
      return;
    }
    if (auto *B = dyn_cast<BreakStmt>(S)) {
      if (Loops + Switches == 0)
        S = throughFinally(X, new (Ctx) BreakStmt(B->getBreakLoc()), B->getBreakLoc());
      return;
    }
    if (auto *C = dyn_cast<ContinueStmt>(S)) {
      if (Loops == 0)
        S = throughFinally(X, new (Ctx) ContinueStmt(C->getContinueLoc()), C->getContinueLoc());
      return;
    }
    unsigned InnerLoops = Loops + (isLoop(S) ? 1 : 0);
    unsigned InnerSwitches = Switches + (isa<SwitchStmt>(S) ? 1 : 0);
    for (Stmt *&Child : S->children())
      routeExits(Child, X, InnerLoops, InnerSwitches);
  }

  // AbnormalTermination() in the __finally block: true when the __try
  // block was left by a jump (return, goto, break, continue), false after
  // falling through or __leave - the exit number is nonzero exactly then.
  // (The __finally block never runs during an unwind in this lowering.)
  void resolveAbnormalTermination(Stmt *&S, VarDecl *Exit) {
    if (!S || isOtherFunction(S))
      return;
    if (auto *Call = dyn_cast<CallExpr>(S)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Callee && Callee->getIdentifier() && Callee->getName() == "_abnormal_termination" &&
          Call->getNumArgs() == 0) {
        SourceLocation Loc = Call->getBeginLoc();
        Expr *Jumped = BinaryOperator::Create(Ctx, read(Exit, Loc), integer(0, Loc), BO_NE,
                                              cxx() ? Ctx.BoolTy : Ctx.IntTy, VK_PRValue,
                                              OK_Ordinary, Loc, fp());
        if (cxx())
          Jumped = ImplicitCastExpr::Create(Ctx, Call->getType(), CK_IntegralCast, Jumped,
                                            nullptr, VK_PRValue, fp());
        S = new (Ctx) ParenExpr(Call->getBeginLoc(), Call->getEndLoc(), Jumped);
        return;
      }
    }
    for (Stmt *&Child : S->children())
      resolveAbnormalTermination(Child, Exit);
  }

  Stmt *lowerFinally(SEHTryStmt &Try) {
    SEHFinallyStmt *Finally = Try.getFinallyHandler();
    SourceLocation TryLoc = Try.getTryLoc(), FinallyLoc = Finally->getFinallyLoc();
    FinallyExits X;
    X.Finally = label("finally", FinallyLoc);
    X.Exit = variable("finally_exit", Ctx.IntTy, TryLoc);
    X.Exit->setInit(integer(0, TryLoc));
    Stmt *Body = Try.getTryBlock();
    collectLabels(Body, X.Inside);
    routeExits(Body, X, 0, 0);
    Stmt *Handler = Finally->getBlock();
    resolveAbnormalTermination(Handler, X.Exit);
    llvm::SmallVector<Stmt *, 8> Parts{declare(X.Exit)};
    if (X.Returned)
      Parts.push_back(declare(X.Returned));
    Parts.push_back(Body);
    Parts.push_back(place(X.Finally, Handler));
    Parts.append(X.Dispatch.begin(), X.Dispatch.end());
    return block(Parts, TryLoc, Try.getEndLoc());
  }
};

} // namespace

SehLoweringResult lowerStructuredExceptions(ASTContext &Ctx, FunctionDecl &FD) {
  SehLoweringResult Result;
  Stmt *Body = FD.getBody();
  if (!containsSeh(Body))
    return Result;
  Result.Unsupported = unsupportedForm(Ctx, FD, Body, false);
  if (!Result.Unsupported.empty())
    return Result;
  Lowering L(Ctx, FD, Result);
  Stmt *New = L.lower(Body);
  if (New != Body)
    FD.setBody(New);
  Result.Lowered = true;
  return Result;
}

} // namespace vmbcheck
