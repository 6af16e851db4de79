// Loop widening at the loop head (the branch on the loop condition).
//
// Why not the engine's own tools: clang unrolls loops with a literal bound
// only while their body does not branch, follows other loops for a fixed
// number of block visits per path and then drops the path silently (the code
// after a 64-slot search loop was never analysed on the "not found" path),
// and its ShouldWidenLoops forgets every local of the frame. Here:
//
//  1. the first ConcreteLoopIterations iterations run as the engine runs them;
//  2. then, at the loop head, every local the loop writes gets a fresh value -
//     one that only increases (i++, i += 4) is constrained not to go below
//     its current value - scalar memory the loop writes at fixed places gets a
//     fresh value too, and the loop condition is evaluated again on these
//     values. The true branch is "any later iteration": a write at
//     Elems[i] is then checked for every i the condition allows, an IRQL
//     change inside the body for every iteration. The false branch leaves the
//     loop after an unknown number of iterations;
//  3. the back edge of a generic iteration is widened once more (so that an
//     iteration that left a lock held is followed by the loop's exit), and
//     the next one ends the path: every iteration it stands for was analysed.
//
// Approximations, chosen to avoid false findings: memory the body writes at
// varying places through pointers (saved->Elems[i], ctx->Slots[i].Busy) is
// not forgotten; calls in the body have their usual effect on each analysed
// iteration only. A condition the evaluator below does not understand (a
// call) becomes an unknown truth value: both the body and the exit are
// still analysed.
#include "engine/LoopWidening.h"
#include "engine/EngineContext.h"

#include "clang/AST/ParentMap.h"
#include "clang/Analysis/AnalysisDeclContext.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/LoopUnrolling.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/RangedConstraintManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SMTConv.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"

#include <mutex>
#include <vector>

using namespace clang;
using namespace clang::ento;

// Per loop on this path: the loop-head visit count when the loop was
// entered, and how often it was widened since.
// A loop in one stack frame (a helper with a loop may be called twice).
using LoopInFrame = std::pair<const Stmt *, const StackFrameContext *>;
REGISTER_MAP_WITH_PROGRAMSTATE(LoopEntryVisit, LoopInFrame, unsigned)
REGISTER_MAP_WITH_PROGRAMSTATE(LoopWidenings, LoopInFrame, unsigned)
REGISTER_TRAIT_WITH_PROGRAMSTATE(WidenedOnPath, bool)
// Per widened loop: the carried traits' values when it was first widened.
REGISTER_MAP_WITH_PROGRAMSTATE(LoopCarried, LoopInFrame, unsigned)

namespace vmbcheck::model {

bool pathWidened(ProgramStateRef State) { return State->get<WidenedOnPath>(); }

namespace {
std::mutex CarriedMutex;
std::vector<const void *> &carried() {
  static std::vector<const void *> Indices;
  return Indices;
}

// A digest of the carried traits' values (immutable maps are canonical, so
// equal contents give equal roots).
unsigned carriedDigest(ProgramStateRef State) {
  llvm::FoldingSetNodeID ID;
  std::lock_guard<std::mutex> Lock(CarriedMutex);
  for (const void *Index : carried()) {
    void *const *Slot = State->FindGDM(const_cast<void *>(Index));
    ID.AddPointer(Slot ? *Slot : nullptr);
  }
  return ID.ComputeHash();
}
} // namespace

void carryAcrossIterations(const void *GDMIndex) {
  std::lock_guard<std::mutex> Lock(CarriedMutex);
  if (!llvm::is_contained(carried(), GDMIndex))
    carried().push_back(GDMIndex);
}

bool feasibleWithZ3(ProgramStateRef State) {
  llvm::SMTSolverRef Solver = llvm::CreateZ3Solver();
  Solver->setUnsignedParam("rlimit", 1000000);
  ASTContext &Ctx = State->getStateManager().getContext();
  for (const auto &[Sym, Range] : getConstraintMap(State)) {
    auto It = Range.begin();
    if (It == Range.end())
      return false;
    llvm::SMTExprRef E = SMTConv::getRangeExpr(Solver, Ctx, Sym, It->From(), It->To(), true);
    while (++It != Range.end())
      E = Solver->mkOr(E, SMTConv::getRangeExpr(Solver, Ctx, Sym, It->From(), It->To(), true));
    Solver->addConstraint(E);
  }
  std::optional<bool> Sat = Solver->check();
  return !Sat || *Sat;
}

namespace {

enum class Step { Other, Up, Down };

// A local variable a loop assigns.
struct VarWrite {
  const VarDecl *Var;
  Step St;          // how every write changes it
  int64_t Amount;   // by how much per write (elements, for a pointer), when Up/Down
  bool OncePerIteration; // written by exactly one statement that runs in every iteration
};

// What a loop (body, condition and increment) assigns.
struct LoopWrites {
  llvm::SmallVector<VarWrite, 8> Vars;
  // Other assigned lvalues (fields, array elements, through pointers).
  llvm::SmallVector<const Expr *, 8> Memory;
};

const VarDecl *localVar(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && VD->hasLocalStorage() && !VD->getType()->isReferenceType() ? VD : nullptr;
}

// True if Body has a `continue` of its own loop (not of a nested one).
bool continues(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ContinueStmt>(S))
    return true;
  if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S))
    return false;
  for (const Stmt *Child : S->children())
    if (continues(Child))
      return true;
  return false;
}

class WriteCollector {
public:
  // EveryIteration: statements that run once in every iteration that
  // completes (the body's top-level statements when it has no `continue`,
  // the increment).
  WriteCollector(ASTContext &Ctx, llvm::SmallPtrSet<const Stmt *, 16> EveryIteration)
      : Ctx(Ctx), EveryIteration(std::move(EveryIteration)) {}

  // Always: S runs exactly once whenever the enclosing statement does.
  void visit(const Stmt *S, bool Always = false) {
    if (!S)
      return;
    if (isa<Expr>(S) && EveryIteration.count(S))
      Always = true;
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          Scoped.insert(VD); // a fresh variable on every iteration
    if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->isAssignmentOp()) {
      Step St = Step::Other;
      int64_t Amount = 0;
      Expr::EvalResult R;
      if ((BO->getOpcode() == BO_AddAssign || BO->getOpcode() == BO_SubAssign) &&
          !BO->getRHS()->isValueDependent() && BO->getRHS()->EvaluateAsInt(R, Ctx) &&
          R.Val.getInt().isStrictlyPositive() && R.Val.getInt().getActiveBits() < 32) {
        St = BO->getOpcode() == BO_AddAssign ? Step::Up : Step::Down;
        Amount = R.Val.getInt().getExtValue();
      }
      target(BO->getLHS(), St, Amount, Always);
    } else if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
      if (UO->isIncrementDecrementOp())
        target(UO->getSubExpr(), UO->isIncrementOp() ? Step::Up : Step::Down, 1, Always);
      else if (UO->getOpcode() == UO_AddrOf)
        if (const VarDecl *VD = localVar(UO->getSubExpr()))
          note(VD, Step::Other, 0, false); // written by whoever receives the address
    }
    // Operands evaluated only sometimes.
    if (isa<AbstractConditionalOperator, StmtExpr, LambdaExpr>(S) ||
        (isa<BinaryOperator>(S) && cast<BinaryOperator>(S)->isLogicalOp()))
      Always = false;
    for (const Stmt *Child : S->children())
      visit(Child, Always && isa<Expr>(Child));
  }

  LoopWrites take() {
    LoopWrites Out;
    for (const VarWrite &V : Vars)
      if (!Scoped.count(V.Var))
        Out.Vars.push_back(V);
    Out.Memory = std::move(Memory);
    return Out;
  }

private:
  void target(const Expr *LHS, Step St, int64_t Amount, bool Always) {
    if (const VarDecl *VD = localVar(LHS); VD && VD->getType()->isScalarType())
      note(VD, St, Amount, Always);
    else
      Memory.push_back(LHS->IgnoreParens());
  }
  void note(const VarDecl *VD, Step St, int64_t Amount, bool Always) {
    for (VarWrite &Old : Vars)
      if (Old.Var == VD) {
        if (Old.St != St)
          Old.St = Step::Other;
        Old.OncePerIteration = false;
        return;
      }
    Vars.push_back({VD, St, Amount, Always});
  }

  ASTContext &Ctx;
  llvm::SmallPtrSet<const Stmt *, 16> EveryIteration;
  llvm::SmallVector<VarWrite, 8> Vars;
  llvm::SmallVector<const Expr *, 8> Memory;
  llvm::SmallPtrSet<const VarDecl *, 8> Scoped;
};

// Evaluates the simple expressions of loop conditions and lvalues (locals,
// fields, array elements, arithmetic, comparisons, casts) on a given state.
class Evaluator {
public:
  Evaluator(ProgramStateRef State, const LocationContext *LC)
      : State(State), LC(LC), SVB(State->getStateManager().getSValBuilder()),
        Ctx(State->getStateManager().getContext()) {}

  std::optional<SVal> rvalue(const Expr *E) {
    E = E->IgnoreParens();
    if (E->isValueDependent())
      return std::nullopt;
    if (E->getType()->isIntegerType()) {
      Expr::EvalResult R;
      if (E->EvaluateAsInt(R, Ctx))
        return SVB.makeIntVal(R.Val.getInt());
    }
    if (const auto *CE = dyn_cast<CastExpr>(E)) {
      const Expr *Sub = CE->getSubExpr();
      switch (CE->getCastKind()) {
      case CK_LValueToRValue: {
        auto L = lvalue(Sub);
        if (!L || !L->getAs<Loc>())
          return std::nullopt;
        return State->getSVal(L->castAs<Loc>(), E->getType());
      }
      case CK_ArrayToPointerDecay: {
        auto L = lvalue(Sub);
        if (!L || !L->getAs<Loc>())
          return std::nullopt;
        return State->getStateManager().getStoreManager().ArrayToPointer(L->castAs<Loc>(),
                                                                          Sub->getType());
      }
      case CK_NoOp:
      case CK_IntegralCast:
      case CK_IntegralToBoolean:
      case CK_PointerToBoolean:
      case CK_BitCast: {
        auto V = rvalue(Sub);
        if (!V)
          return std::nullopt;
        return SVB.evalCast(*V, E->getType(), Sub->getType());
      }
      default:
        return std::nullopt;
      }
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      if (BO->isLogicalOp() || BO->isAssignmentOp() || BO->isCommaOp())
        return std::nullopt;
      auto L = rvalue(BO->getLHS()), R = rvalue(BO->getRHS());
      if (!L || !R)
        return std::nullopt;
      return SVB.evalBinOp(State, BO->getOpcode(), *L, *R, E->getType());
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_LNot) {
      auto V = rvalue(UO->getSubExpr());
      if (!V)
        return std::nullopt;
      return SVB.evalBinOp(State, BO_EQ, *V, SVB.makeZeroVal(UO->getSubExpr()->getType()),
                           E->getType());
    }
    return std::nullopt;
  }

  std::optional<SVal> lvalue(const Expr *E) {
    E = E->IgnoreParens();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        return State->getLValue(VD, LC);
      return std::nullopt;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
      auto Base = ME->isArrow() ? rvalue(ME->getBase()) : lvalue(ME->getBase());
      if (!FD || !Base || !Base->getAs<Loc>())
        return std::nullopt;
      return State->getLValue(FD, *Base);
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      auto Base = rvalue(AS->getBase()), Index = rvalue(AS->getIdx());
      if (!Base || !Index || !Base->getAs<Loc>() || !Index->getAs<NonLoc>())
        return std::nullopt;
      return State->getLValue(AS->getType(), *Index, *Base);
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_Deref) {
      auto V = rvalue(UO->getSubExpr());
      if (!V || !V->getAs<Loc>())
        return std::nullopt;
      return V;
    }
    return std::nullopt;
  }

private:
  ProgramStateRef State;
  const LocationContext *LC;
  SValBuilder &SVB;
  ASTContext &Ctx;
};

// True if S reads or writes a variable Pred accepts.
template <typename Pred> bool mentions(const Stmt *S, Pred P) {
  if (!S)
    return false;
  if (const auto *E = dyn_cast<Expr>(S))
    if (const VarDecl *VD = localVar(E); VD && P(VD))
      return true;
  for (const Stmt *Child : S->children())
    if (mentions(Child, P))
      return true;
  return false;
}

bool mentionsWritten(const Stmt *S, const LoopWrites &W) {
  return mentions(S, [&](const VarDecl *VD) {
    return llvm::any_of(W.Vars, [&](const VarWrite &V) { return V.Var == VD; });
  });
}

// The local aggregate (array or structure variable) an lvalue such as
// `entries[i].Count` lies in, if it lies in one without a dereference.
const VarDecl *localAggregate(const Expr *E) {
  while (true) {
    E = E->IgnoreParenImpCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (ME->isArrow())
        return nullptr;
      E = ME->getBase();
    } else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      if (!AS->getBase()->IgnoreParenImpCasts()->getType()->isArrayType())
        return nullptr;
      E = AS->getBase();
    } else {
      const VarDecl *VD = localVar(E);
      return VD && !VD->getType()->isScalarType() ? VD : nullptr;
    }
  }
}

// The loop whose head branches on Cond: the loop condition, or, for a
// condition such as `i < Count && i < 128`, its first operand, which the
// engine evaluates first in every iteration (the rest is evaluated
// afterwards on the widened values).
const Stmt *loopOf(const Stmt *Cond, const ParentMap &PM) {
  const Stmt *Child = Cond;
  const Stmt *P = PM.getParentIgnoreParens(Cond);
  while (const auto *BO = dyn_cast_or_null<BinaryOperator>(P)) {
    if (!BO->isLogicalOp() || BO->getLHS()->IgnoreParens() != Child)
      return nullptr;
    Child = BO;
    P = PM.getParentIgnoreParens(BO);
  }
  const Expr *LoopCond = nullptr;
  if (const auto *F = dyn_cast_or_null<ForStmt>(P))
    LoopCond = F->getCond();
  else if (const auto *W = dyn_cast_or_null<WhileStmt>(P))
    LoopCond = W->getCond();
  else if (const auto *D = dyn_cast_or_null<DoStmt>(P))
    LoopCond = D->getCond();
  return LoopCond && LoopCond->IgnoreParens() == Child ? P : nullptr;
}

// True if S, run to its end, always leaves the loop: `return`, `goto`, or a
// `break` that is not a switch's.
bool leavesLoop(const Stmt *S, bool InSwitch) {
  if (const auto *CS = dyn_cast_or_null<CompoundStmt>(S))
    S = CS->body_empty() ? nullptr : CS->body_back();
  return S && (isa<ReturnStmt, GotoStmt>(S) || (isa<BreakStmt>(S) && !InSwitch));
}

// Branch points of S after which the iteration goes on either way: each
// may double the paths through one iteration. (`if (x) { found = i; break; }`
// adds one path that leaves the loop, not a factor.)
unsigned decisions(const Stmt *S, bool InSwitch = false) {
  if (!S)
    return 0;
  unsigned N = 0;
  if (const auto *If = dyn_cast<IfStmt>(S))
    N = !If->getElse() && leavesLoop(If->getThen(), InSwitch) ? 0 : 1;
  else if (isa<AbstractConditionalOperator>(S))
    N = 1;
  else if (isa<SwitchStmt>(S))
    N = 1, InSwitch = true;
  else if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->isLogicalOp())
    N = 1;
  else if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S))
    N = ConcreteLoopIterations; // a loop inside: as bushy as it gets
  for (const Stmt *Child : S->children())
    N += decisions(Child, InSwitch);
  return N;
}

// The loop counter: the one integer the condition tests that grows by one
// in every iteration.
const VarWrite *counterOf(const LoopWrites &W, const Expr *Cond) {
  const VarWrite *Counter = nullptr;
  unsigned Counters = 0;
  for (const VarWrite &V : W.Vars)
    if (V.St == Step::Up && V.Amount == 1 && V.OncePerIteration &&
        V.Var->getType()->isIntegerType() &&
        mentions(Cond, [&](const VarDecl *X) { return X == V.Var; })) {
      Counter = &V;
      ++Counters;
    }
  return Counters == 1 ? Counter : nullptr;
}

bool isInside(const Stmt *Inner, const Stmt *Outer, const ParentMap &PM) {
  for (const Stmt *S = PM.getParent(Inner); S; S = PM.getParent(S))
    if (S == Outer)
      return true;
  return false;
}

class LoopWideningChecker : public Checker<check::BranchCondition> {
public:
  void checkBranchCondition(const Stmt *Cond, CheckerContext &C) const {
    const LocationContext *LC = C.getLocationContext();
    const ParentMap &PM = LC->getParentMap();
    const Stmt *Loop = loopOf(Cond, PM);
    ProgramStateRef State = C.getState();
    if (!Loop || !isa<Expr>(Cond) || isUnrolledState(State))
      return;
    ProgramStateRef Start = State;
    unsigned Visit = C.blockCount();
    const StackFrameContext *Frame = C.getStackFrame();
    LoopInFrame Key{Loop, Frame};
    // Loops nested in this one start afresh in its next iteration.
    for (const auto &[Other, Entry] : State->get<LoopEntryVisit>())
      if (Other.second == Frame && Other.first != Loop && isInside(Other.first, Loop, PM))
        State = State->remove<LoopEntryVisit>(Other)->remove<LoopWidenings>(Other)->remove<LoopCarried>(Other);
    const unsigned *Entry = State->get<LoopEntryVisit>(Key);
    if (!Entry || *Entry > Visit) {
      State = State->set<LoopEntryVisit>(Key, Visit);
      Entry = State->get<LoopEntryVisit>(Key);
    }
    unsigned Iterations = Visit - *Entry;
    const unsigned *W = State->get<LoopWidenings>(Key);
    unsigned Widened = W ? *W : 0;
    // Widen early rather than let the engine end the path at its limit.
    unsigned Limit = C.getAnalysisManager().getAnalyzerOptions().maxBlockVisitOnPath;
    bool NearLimit = Visit + WidenedLoopIterations - std::min(Widened, WidenedLoopIterations) + 1 >= Limit;
    auto Keep = [&] {
      if (State != Start)
        C.addTransition(State);
    };
    if (!NearLimit && (Iterations < concreteIterations(Loop, PM) ||
                       (Iterations < LinearLoopIterations && isLinear(Loop) &&
                        endsWithin(C, State, Loop, cast<Expr>(Cond),
                                   LinearLoopIterations - Iterations))))
      return Keep();
    // The loop ends here on this path anyway.
    if (auto D = State->getSVal(Cond, LC).getAs<DefinedOrUnknownSVal>();
        D && !State->assume(*D, true))
      return Keep();
    const unsigned *Carried = State->get<LoopCarried>(Key);
    if (Widened >= WidenedLoopIterations ||
        (Widened > 0 && Carried && *Carried == carriedDigest(State))) {
      // Every iteration this one stands for has been analysed, and it
      // carries nothing new to the next.
      C.generateSink(State, C.getPredecessor());
      return;
    }
    widen(C, Loop, cast<Expr>(Cond), State, Iterations, Widened);
  }

private:
  void widen(CheckerContext &C, const Stmt *Loop, const Expr *Cond, ProgramStateRef State,
             unsigned Iterations, unsigned Widened) const {
    const LocationContext *LC = C.getLocationContext();
    SValBuilder &SVB = C.getSValBuilder();
    ASTContext &Ctx = C.getASTContext();
    const LoopWrites &W = writesOf(Loop, Ctx);
    unsigned Count = C.blockCount();
    const ProgramStateRef Before = State;

    // Memory written at a fixed place: a fresh value there. Local
    // aggregates written anywhere: forgotten as a whole.
    llvm::SmallVector<const MemRegion *, 4> Forget;
    for (const Expr *M : W.Memory) {
      if (!mentionsWritten(M, W)) {
        auto L = Evaluator(Before, LC).lvalue(M);
        if (L && L->getAs<Loc>() && M->getType()->isScalarType()) {
          State = State->bindLoc(L->castAs<Loc>(),
                                 SVB.conjureSymbolVal(M, LC, M->getType(), Count), LC);
          continue;
        }
      }
      if (const VarDecl *VD = localAggregate(M))
        if (const MemRegion *R = State->getLValue(VD, LC).getAsRegion())
          Forget.push_back(R);
    }
    if (!Forget.empty())
      State = State->invalidateRegions(Forget, Cond, Count, LC, /*CausesPointerEscape=*/false);

    const VarWrite *Counter = counterOf(W, Cond);
    llvm::SmallVector<std::string, 2> Names; // induction variables of the condition
    SVal CounterOld, CounterNew;
    // Integers first: a cursor is placed by the counter's new value.
    llvm::SmallVector<VarWrite, 8> Ordered(W.Vars.begin(), W.Vars.end());
    std::stable_partition(Ordered.begin(), Ordered.end(), [](const VarWrite &V) {
      return !V.Var->getType()->isPointerType();
    });
    for (const VarWrite &V : Ordered) {
      const VarDecl *VD = V.Var;
      Step St = V.St;
      Loc L = State->getLValue(VD, LC);
      QualType T = VD->getType();
      SVal Old = Before->getSVal(L, T);
      if (T->isPointerType() && St != Step::Other && V.OncePerIteration && Counter &&
          !CounterNew.isUndef() && Old.getAs<Loc>()) {
        // A cursor that steps with the counter: cursor + (i' - i) * step.
        QualType Index = SVB.getArrayIndexType();
        SVal Diff = SVB.evalBinOp(State, BO_Sub, CounterNew, CounterOld, Counter->Var->getType());
        Diff = SVB.evalCast(Diff, Index, Counter->Var->getType());
        SVal Steps = SVB.evalBinOp(State, BO_Mul, Diff,
                                   SVB.makeArrayIndex(St == Step::Up ? V.Amount : -V.Amount), Index);
        SVal Placed = SVB.evalBinOp(State, BO_Add, Old, Steps, T);
        if (Placed.getAs<Loc>()) {
          State = State->bindLoc(L, Placed, LC);
          continue;
        }
      }
      DefinedOrUnknownSVal New = SVB.conjureSymbolVal(VD, Cond, LC, T, Count);
      State = State->bindLoc(L, New, LC);
      if (Counter && VD == Counter->Var && !Old.isUnknownOrUndef()) {
        CounterOld = Old;
        CounterNew = New;
      }
      if (St == Step::Other || !T->isIntegerType() || Old.isUnknownOrUndef())
        continue;
      // An index that only grows stays at or above where it is now.
      SVal Kept = SVB.evalBinOp(State, St == Step::Up ? BO_GE : BO_LE, New, Old, Ctx.IntTy);
      if (auto D = Kept.getAs<DefinedOrUnknownSVal>())
        if (ProgramStateRef S = State->assume(*D, true))
          State = S;
      if (mentions(Cond, [VD = VD](const VarDecl *X) { return X == VD; }))
        Names.push_back("'" + VD->getName().str() + "'");
    }

    std::optional<SVal> Again = Evaluator(State, LC).rvalue(Cond);
    if (!Again || Again->isUnknownOrUndef())
      Again = SVB.conjureSymbolVal(this, Cond, LC, Cond->getType(), Count);
    State = State->BindExpr(Cond, LC, *Again);
    LoopInFrame Key{Loop, C.getStackFrame()};
    State = State->set<LoopWidenings>(Key, Widened + 1)->set<WidenedOnPath>(true);
    if (Widened == 0)
      State = State->set<LoopCarried>(Key, carriedDigest(State));

    std::string Note = "Any later iteration of the loop";
    if (Widened == 0) {
      std::string Who = Names.empty() ? "the values it changes stand"
                                      : llvm::join(Names, ", ") + (Names.size() == 1 ? " stands" : " stand");
      Note = "Assuming the loop runs more than " + std::to_string(Iterations) + " times: " + Who +
             " for any later iteration";
    }
    C.addTransition(State, C.getNoteTag(Note, /*IsPrunable=*/true));
  }

  // True if the counter cannot pass the loop condition Remaining more
  // times on this path (`i < count` with i == 4, count <= 16, Remaining 12).
  bool endsWithin(CheckerContext &C, ProgramStateRef State, const Stmt *Loop, const Expr *Cond,
                  unsigned Remaining) const {
    const VarWrite *Counter = counterOf(writesOf(Loop, C.getASTContext()), Cond);
    if (!Counter)
      return false;
    SValBuilder &SVB = C.getSValBuilder();
    const LocationContext *LC = C.getLocationContext();
    QualType T = Counter->Var->getType();
    Loc L = State->getLValue(Counter->Var, LC);
    SVal Later = SVB.evalBinOp(State, BO_Add, State->getSVal(L, T),
                               SVB.makeIntVal(Remaining, T), T);
    if (Later.isUnknownOrUndef())
      return false;
    ProgramStateRef Probe = State->bindLoc(L, Later, LC);
    std::optional<SVal> V = Evaluator(Probe, LC).rvalue(Cond);
    auto D = V ? V->getAs<DefinedOrUnknownSVal>() : std::nullopt;
    return D && !D->isUnknown() && !Probe->assume(*D, true);
  }

  bool isLinear(const Stmt *Loop) const {
    return decisions(bodyOf(Loop)) == 0;
  }

  static const Stmt *bodyOf(const Stmt *Loop) {
    if (const auto *F = dyn_cast<ForStmt>(Loop))
      return F->getBody();
    if (const auto *W = dyn_cast<WhileStmt>(Loop))
      return W->getBody();
    if (const auto *D = dyn_cast<DoStmt>(Loop))
      return D->getBody();
    return nullptr;
  }

  // Concrete iterations before widening: ConcreteLoopIterations, fewer for
  // bodies whose branches multiply the paths and for nested loops. (A
  // linear loop that ends within LinearLoopIterations runs to its end.)
  unsigned concreteIterations(const Stmt *Loop, const ParentMap &PM) const {
    auto It = Concrete.find(Loop);
    if (It != Concrete.end())
      return It->second;
    const Stmt *Body = nullptr;
    if (const auto *F = dyn_cast<ForStmt>(Loop))
      Body = F->getBody();
    else if (const auto *W = dyn_cast<WhileStmt>(Loop))
      Body = W->getBody();
    else if (const auto *D = dyn_cast<DoStmt>(Loop))
      Body = D->getBody();
    bool Nested = false;
    for (const Stmt *S = PM.getParent(Loop); S && !Nested; S = PM.getParent(S))
      Nested = isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
    unsigned D = decisions(Body);
    unsigned K = D == 0 ? ConcreteLoopIterations
                 : Nested ? 1
                          : std::max(1u, ConcreteLoopIterations / D);
    return Concrete.try_emplace(Loop, K).first->second;
  }

  const LoopWrites &writesOf(const Stmt *Loop, ASTContext &Ctx) const {
    auto It = Cache.find(Loop);
    if (It != Cache.end())
      return It->second;
    llvm::SmallPtrSet<const Stmt *, 16> EveryIteration;
    const Stmt *Body = nullptr;
    if (const auto *F = dyn_cast<ForStmt>(Loop)) {
      Body = F->getBody();
      // `i++, p++`
      llvm::SmallVector<const Expr *, 4> Work{F->getInc()};
      while (!Work.empty())
        if (const Expr *E = Work.pop_back_val()) {
          E = E->IgnoreParens();
          EveryIteration.insert(E);
          if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->isCommaOp())
            Work.append({BO->getLHS(), BO->getRHS()});
        }
    } else if (const auto *Wh = dyn_cast<WhileStmt>(Loop)) {
      Body = Wh->getBody();
    } else if (const auto *D = dyn_cast<DoStmt>(Loop)) {
      Body = D->getBody();
    }
    if (const auto *CS = dyn_cast_or_null<CompoundStmt>(Body); CS && !continues(CS))
      for (const Stmt *Top : CS->body())
        if (const auto *E = dyn_cast<Expr>(Top))
          EveryIteration.insert(E->IgnoreParens());
    WriteCollector Collect(Ctx, std::move(EveryIteration));
    if (const auto *F = dyn_cast<ForStmt>(Loop)) {
      Collect.visit(F->getBody());
      Collect.visit(F->getInc());
      Collect.visit(F->getCond());
    } else if (const auto *Wh = dyn_cast<WhileStmt>(Loop)) {
      Collect.visit(Wh->getBody());
      Collect.visit(Wh->getCond());
    } else if (const auto *D = dyn_cast<DoStmt>(Loop)) {
      Collect.visit(D->getBody());
      Collect.visit(D->getCond());
    }
    return Cache.try_emplace(Loop, Collect.take()).first->second;
  }

  mutable llvm::DenseMap<const Stmt *, LoopWrites> Cache;
  mutable llvm::DenseMap<const Stmt *, unsigned> Concrete;
};

} // namespace

void registerLoopWideningChecker(CheckerRegistry &R) {
  R.addChecker<LoopWideningChecker>(LoopWideningCheckerName,
                                    "Widens loops after their first iterations", "");
}

} // namespace vmbcheck::model
