// VMB001 passive-level. The save callback is entered at PASSIVE_LEVEL and
// must return at PASSIVE_LEVEL. The IRQL is tracked per path: spin locks,
// KeRaiseIrql/KeLowerIrql, fast mutexes, WDF spin locks and any callee
// annotated _IRQL_raises_/_IRQL_saves_/_IRQL_restores_(_global_) change it;
// the driver's own helpers are followed. Reported:
//  (a) a call whose callee's IRQL contract (IrqlContracts.h) excludes the
//      IRQL on that path;
//  (b) a return at an IRQL other than PASSIVE_LEVEL, and restoring an IRQL
//      no call saved on the path (releasing what was not acquired);
//  (c) an IRQL annotation on a declaration of the callback that conflicts
//      with PASSIVE_LEVEL (an AST check, checkVmb001Annotations below).
#include "engine/AstRules.h"
#include "engine/EngineContext.h"
#include "engine/IrqlContracts.h"
#include "engine/LoopWidening.h"
#include "engine/RuleCheckers.h"
#include "engine/SavePacketModel.h"
#include "frontend/CallbackDiscovery.h"
#include "frontend/SalIndex.h"
#include "frontend/SourceSpans.h"

#include "clang/AST/ASTContext.h"
#include "clang/Lex/Lexer.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"
#include "llvm/ADT/DenseMap.h"

using namespace clang;
using namespace clang::ento;

namespace {
constexpr unsigned UnknownIrql = 255;
} // namespace

// The IRQL on this path (PASSIVE_LEVEL, the default, at the callback's
// entry), the call that last changed it, and the IRQLs saved in lock objects
// (_IRQL_saves_global_), by lock.
REGISTER_TRAIT_WITH_PROGRAMSTATE(CurrentIrql, unsigned)
REGISTER_TRAIT_WITH_PROGRAMSTATE(IrqlChangedBy, const Stmt *)
REGISTER_MAP_WITH_PROGRAMSTATE(SavedIrqls, const void *, unsigned)

namespace vmbcheck {
namespace {

class Vmb001Checker : public Checker<check::PreCall, check::PostCall, check::EndFunction> {
  const BugType Bug{this, "VMB001", "vmbcheck"};
  const SimpleProgramPointTag TooHighTag{"vmbcheck.VMB001", "IRQL too high for callee"};
  const SimpleProgramPointTag TooLowTag{"vmbcheck.VMB001", "IRQL too low for callee"};
  const SimpleProgramPointTag UnsavedTag{"vmbcheck.VMB001", "restores an IRQL never saved"};
  const SimpleProgramPointTag ReturnTag{"vmbcheck.VMB001", "returns above PASSIVE_LEVEL"};
  mutable llvm::DenseMap<const FunctionDecl *, IrqlContract> Contracts;

public:
  void checkPreCall(const CallEvent &Call, CheckerContext &C) const {
    const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
    if (!FD || !model::callbackParams(C))
      return;
    const IrqlContract &K = contractOf(FD);
    ProgramStateRef State = C.getState();
    unsigned L = State->get<CurrentIrql>();
    if (K.empty() || L == UnknownIrql)
      return;
    auto [Min, Max, Undecided] = requirement(K, Call, C);
    std::string Name = "'" + writtenName(Call, C) + "'";
    std::string Contract = "the IRQL contract of " + Name + " comes from " + K.Origin;
    std::string When =
        Undecided.empty() ? "" : " when " + Undecided + ", which this path does not rule out,";
    if (Max && int64_t(L) > *Max)
      report(C, TooHighTag,
             Name + " requires IRQL " + bound(Min, Max) + When + " but the IRQL is " + irqlName(L) +
                 " here" + paren("raised by ", raisedBy(C)),
             Call.getSourceRange(), FD, Contract);
    else if (Min && int64_t(L) < *Min)
      report(C, TooLowTag,
             Name + " requires IRQL " + bound(Min, Max) + When + " but the IRQL is " + irqlName(L) +
                 " here" + (raisedBy(C).empty() ? ": nothing raised it on this path"
                                                : paren(L == 0 ? "lowered by " : "set by ", raisedBy(C))),
             Call.getSourceRange(), FD, Contract);
  }

  // IRQL effects of callees. The driver's own functions (defined in the
  // file) change the IRQL through the calls in their bodies; everything else
  // - DDIs, and the inline wrappers of headers such as KMDF's, whose bodies
  // call through a function table - by its contract.
  void checkPostCall(const CallEvent &Call, CheckerContext &C) const {
    const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
    if (!FD || !model::callbackParams(C))
      return;
    if (const FunctionDecl *Def = FD->getDefinition())
      if (C.getSourceManager().isInMainFile(
              C.getSourceManager().getExpansionLoc(Def->getLocation())))
        return;
    const IrqlContract &K = contractOf(FD);
    if (!K.changesIrql() && !K.Saves)
      return;
    ProgramStateRef State = C.getState();
    SValBuilder &SVB = C.getSValBuilder();
    unsigned Old = State->get<CurrentIrql>();
    unsigned New = Old;
    if (K.Raises.K == IrqlSlot::Level)
      New = static_cast<unsigned>(K.Raises.Value);
    else if (K.Raises.K == IrqlSlot::Arg)
      New = argLevel(Call, K.Raises.Index, C);
    if (K.Saves.K == IrqlSlot::Return && Old != UnknownIrql && Call.getOriginExpr())
      State = State->BindExpr(Call.getOriginExpr(), C.getLocationContext(),
                              SVB.makeIntVal(Old, Call.getResultType()));
    else if (K.Saves.K == IrqlSlot::Arg && Old != UnknownIrql &&
             K.Saves.Index < Call.getNumArgs()) {
      SVal Out = Call.getArgSVal(K.Saves.Index);
      QualType T = Call.getArgExpr(K.Saves.Index)->getType()->getPointeeType();
      if (Out.getAs<Loc>() && !T.isNull() && T->isIntegerType())
        State = State->bindLoc(Out, SVB.makeIntVal(Old, T), C.getLocationContext());
    } else if (K.Saves.K == IrqlSlot::Global) {
      if (const void *Key = lockKey(Call, K.Saves.Index))
        State = State->set<SavedIrqls>(Key, Old);
    }
    std::optional<std::string> Unsaved; // set when the restored IRQL was never saved
    if (K.Restores.K == IrqlSlot::Arg) {
      New = argLevel(Call, K.Restores.Index, C);
      // A value restored at PASSIVE_LEVEL with nothing raised before it on
      // this path did not come from a raise (KeLowerIrql without
      // KeRaiseIrql).
      if (Old == 0 && !State->get<IrqlChangedBy>() && !(K.Min && *K.Min > 0))
        Unsaved = "";
    } else if (K.Restores.K == IrqlSlot::Global) {
      const void *Key = lockKey(Call, K.Restores.Index);
      const unsigned *Saved = Key ? State->get<SavedIrqls>(Key) : nullptr;
      if (Saved) {
        New = *Saved;
        State = State->remove<SavedIrqls>(Key);
      } else {
        New = UnknownIrql;
        // (When the IRQL is below what the callee requires, the call itself
        // was reported already.)
        if (Key && Old != UnknownIrql && !(K.Min && int64_t(Old) < *K.Min))
          Unsaved = ": it releases a lock that was not acquired here";
      }
    }
    if (Unsaved) {
      State = State->set<CurrentIrql>(New)->set<IrqlChangedBy>(Call.getOriginExpr());
      report(C, UnsavedTag,
             "'" + writtenName(Call, C) + "' restores an IRQL that nothing saved on this path" +
                 *Unsaved,
             Call.getSourceRange(), nullptr, "", State);
      return;
    }
    if (New == Old) {
      if (State != C.getState())
        C.addTransition(State);
      return;
    }
    State = State->set<CurrentIrql>(New);
    State = State->set<IrqlChangedBy>(Call.getOriginExpr());
    std::string Verb = (New != UnknownIrql && Old != UnknownIrql && New < Old) ? "lowered" : "raised";
    std::string Note = New == UnknownIrql
                           ? "IRQL unknown after '" + writtenName(Call, C) + "'"
                           : "IRQL " + Verb + " to " + irqlName(New) + " by '" +
                                 writtenName(Call, C) + "'";
    C.addTransition(State, model::noteForRules(C, Note, {"VMB001"}));
  }

  void checkEndFunction(const ReturnStmt *RS, CheckerContext &C) const {
    if (!C.inTopFrame() || !model::callbackParams(C))
      return;
    unsigned L = C.getState()->get<CurrentIrql>();
    if (L == 0 || L == UnknownIrql)
      return;
    const auto *FD = cast<FunctionDecl>(C.getStackFrame()->getDecl());
    std::string By = raisedBy(C);
    std::string Msg = "'" + shortCallbackName(FD) + "' returns at " + irqlName(L) +
                      " on this path" + (By.empty() ? "" : ": the IRQL raised by " + By + " is not restored") +
                      "; it must return at PASSIVE_LEVEL";
    if (ExplodedNode *N = C.generateNonFatalErrorNode(C.getState(), &ReturnTag)) {
      auto R = model::makeReport(Bug, Msg, N, C.getAnalysisManager().getAnalyzerOptions());
      if (RS)
        R->addRange(RS->getSourceRange());
      C.emitReport(std::move(R));
    }
  }

private:
  const IrqlContract &contractOf(const FunctionDecl *FD) const {
    auto It = Contracts.find(FD);
    if (It == Contracts.end()) {
      const EngineContext &E = EngineContext::current();
      IrqlContract K = E.Irql && E.Sal ? E.Irql->contractOf(FD, *E.Sal) : IrqlContract();
      It = Contracts.try_emplace(FD, std::move(K)).first;
    }
    return It->second;
  }

  // The IRQL window of this call: the contract's, with _When_ conditions
  // decided by the arguments on this path. A condition holds, fails, or the
  // path does not decide it (a timeout read from the context, a field the
  // analysis cannot see). An undecided condition may hold, so its
  // requirement is kept where it is stricter: the window narrows to the
  // strictest alternative, never widens - an undecidable condition must not
  // switch the check off. Undecided names an undecided condition whose
  // requirement is the binding one, for the message.
  struct Window {
    std::optional<int64_t> Min, Max;
    std::string Undecided;
  };
  static Window requirement(const IrqlContract &K, const CallEvent &Call, CheckerContext &C) {
    Window Win{K.Min, K.Max, ""};
    std::vector<const IrqlContract::Conditional *> Open;
    for (const IrqlContract::Conditional &W : K.When) {
      std::optional<int64_t> Holds = evaluate(W, K, Call, C);
      if (Holds && *Holds) {
        if (W.Min)
          Win.Min = W.Min;
        if (W.Max)
          Win.Max = W.Max;
      } else if (!Holds) {
        Open.push_back(&W);
      }
    }
    for (const IrqlContract::Conditional *W : Open) {
      if (W->Max && (!Win.Max || *W->Max < *Win.Max))
        Win.Max = W->Max;
      if (W->Min && (!Win.Min || *W->Min > *Win.Min))
        Win.Min = W->Min;
    }
    // Name the undecided condition the binding requirement comes from.
    for (const IrqlContract::Conditional *W : Open)
      if ((W->Max && W->Max == Win.Max) || (W->Min && *W->Min > 0 && W->Min == Win.Min)) {
        Win.Undecided = W->Condition;
        break;
      }
    return Win;
  }

  static std::optional<int64_t> evaluate(const IrqlContract::Conditional &W,
                                         const IrqlContract &K, const CallEvent &Call,
                                         CheckerContext &C) {
    auto IndexOf = [&](llvm::StringRef Name) -> std::optional<unsigned> {
      unsigned Index;
      if (auto It = K.ArgNames.find(Name.str()); It != K.ArgNames.end())
        Index = It->second;
      else if (!Name.consume_front("arg") || Name.getAsInteger(10, Index))
        return std::nullopt;
      if (Index >= Call.getNumArgs())
        return std::nullopt;
      return Index;
    };
    SalResolver R;
    R.Value = [&](llvm::StringRef Name, bool Deref) -> std::optional<int64_t> {
      if (auto Index = IndexOf(Name))
        return argumentValue(Call, *Index, Deref, "", C);
      return Deref ? std::nullopt : enumConstant(C.getASTContext(), Name);
    };
    R.Field = [&](llvm::StringRef Name, llvm::StringRef Member) -> std::optional<int64_t> {
      if (auto Index = IndexOf(Name))
        return argumentValue(Call, *Index, true, Member, C);
      return std::nullopt;
    };
    const EngineContext &E = EngineContext::current();
    if (W.Where.isValid() && E.Sal)
      return E.Sal->evaluate(W.Condition, W.Where, R);
    return evaluateSal(tokenizeSal(W.Condition), R);
  }

  // An enumerator of the translation unit (`PagedPool` in a _When_).
  static std::optional<int64_t> enumConstant(ASTContext &Ctx, llvm::StringRef Name) {
    for (const NamedDecl *ND : Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get(Name)))
      if (const auto *E = dyn_cast<EnumConstantDecl>(ND))
        return E->getInitVal().getExtValue();
    return std::nullopt;
  }

  // The value of argument Index (or of what it points to, or of its field
  // Member) on this path; pointers count as 0 when null and 1 when known
  // not to be.
  static std::optional<int64_t> argumentValue(const CallEvent &Call, unsigned Index, bool Deref,
                                              llvm::StringRef Member, CheckerContext &C) {
    ProgramStateRef State = C.getState();
    SVal V = Call.getArgSVal(Index);
    if (Deref) {
      QualType T = Call.getArgExpr(Index)->getType()->getPointeeType();
      if (T.isNull() || !V.getAs<Loc>())
        return std::nullopt;
      if (T->isIntegerType() && Member.empty()) {
        V = State->getSVal(V.castAs<Loc>(), T);
      } else if (const auto *RD = T->getAsRecordDecl()) {
        // `Timeout->QuadPart`, or `*Timeout` of a LARGE_INTEGER: the named
        // member, else the 64-bit member (QuadPart), where the driver wrote it.
        const auto *Base = dyn_cast_or_null<SubRegion>(V.getAsRegion());
        const FieldDecl *Field = nullptr;
        if (RD->isCompleteDefinition())
          for (const FieldDecl *F : RD->fields())
            if (Member.empty() ? F->getType()->isIntegerType() &&
                                     C.getASTContext().getTypeSize(F->getType()) == 64
                               : F->getName() == Member)
              Field = F;
        if (!Base || !Field || !Field->getType()->isIntegerType())
          return std::nullopt;
        MemRegionManager &MRM = C.getSValBuilder().getRegionManager();
        V = State->getSVal(MRM.getFieldRegion(Field, Base));
      } else {
        return std::nullopt;
      }
    }
    if (const llvm::APSInt *K = C.getSValBuilder().getKnownValue(State, V))
      return K->getExtValue();
    if (V.getAs<Loc>()) {
      // The address of a variable or field is never null.
      if (const MemRegion *R = V.getAsRegion())
        if (!isa<SymbolicRegion>(R->getBaseRegion()))
          return 1;
      ConditionTruthVal Null = State->isNull(V);
      if (Null.isConstrainedTrue())
        return 0;
      if (Null.isConstrainedFalse())
        return 1;
    }
    return std::nullopt;
  }

  static unsigned argLevel(const CallEvent &Call, unsigned Index, CheckerContext &C) {
    if (Index >= Call.getNumArgs())
      return UnknownIrql;
    auto V = argumentValue(Call, Index, false, "", C);
    return V && *V >= 0 && *V < int64_t(UnknownIrql) ? unsigned(*V) : UnknownIrql;
  }

  // The lock object an _IRQL_saves_global_ / _restores_global_ argument
  // names: the region it points to; for a handle (a WDFSPINLOCK), the field
  // or variable it was read from - a later read after an opaque call yields
  // a new value but the same origin - else the handle's value.
  static const void *lockKey(const CallEvent &Call, unsigned Index) {
    if (Index >= Call.getNumArgs())
      return nullptr;
    SVal V = Call.getArgSVal(Index);
    if (const MemRegion *R = V.getAsRegion()) {
      if (const auto *SR = dyn_cast<SymbolicRegion>(R->getBaseRegion()))
        if (const MemRegion *Origin = originOf(SR->getSymbol()))
          return Origin;
      return R;
    }
    SymbolRef Sym = V.getAsSymbol();
    if (const MemRegion *Origin = Sym ? originOf(Sym) : nullptr)
      return Origin;
    return Sym;
  }

  static const MemRegion *originOf(SymbolRef Sym) {
    if (const auto *D = dyn_cast<SymbolDerived>(Sym))
      return D->getRegion();
    if (const auto *RV = dyn_cast<SymbolRegionValue>(Sym))
      return RV->getRegion();
    return nullptr;
  }

  // The callee as the driver wrote it: KeAcquireSpinLock, not the
  // KeAcquireSpinLockRaiseToDpc its macro expands to.
  static std::string writtenName(const CallEvent &Call, CheckerContext &C) {
    SourceLocation L = Call.getSourceRange().getBegin();
    if (L.isMacroID()) {
      llvm::StringRef Macro = Lexer::getImmediateMacroName(L, C.getSourceManager(),
                                                           C.getASTContext().getLangOpts());
      if (!Macro.empty() && !Macro.starts_with("_"))
        return Macro.str();
    }
    const IdentifierInfo *II = Call.getCalleeIdentifier();
    return II ? II->getName().str() : "the callee";
  }

  // "'KeAcquireSpinLock' at line 40": the call that raised the IRQL on this
  // path, or "" if none did.
  static std::string raisedBy(CheckerContext &C) {
    const Stmt *S = C.getState()->get<IrqlChangedBy>();
    if (!S)
      return "";
    const SourceManager &SM = C.getSourceManager();
    std::string Line = "line " + std::to_string(SM.getExpansionLineNumber(S->getBeginLoc()));
    const auto *CE = dyn_cast<CallExpr>(S);
    if (!CE)
      return "the call at " + Line;
    llvm::StringRef Name;
    if (CE->getBeginLoc().isMacroID())
      Name = Lexer::getImmediateMacroName(CE->getBeginLoc(), SM, C.getASTContext().getLangOpts());
    if ((Name.empty() || Name.starts_with("_")) && CE->getDirectCallee())
      Name = CE->getDirectCallee()->getName();
    return Name.empty() ? "the call at " + Line : "'" + Name.str() + "' at " + Line;
  }

  static std::string paren(const char *Lead, const std::string &What) {
    return What.empty() ? "" : " (" + std::string(Lead) + What + ")";
  }

  static std::string bound(std::optional<int64_t> Min, std::optional<int64_t> Max) {
    if (Min && *Min <= 0)
      Min.reset(); // _IRQL_requires_min_(PASSIVE_LEVEL) bounds nothing
    if ((Min && Max && *Min == *Max) || (!Min && Max && *Max == 0))
      return "= " + irqlName(*Max);
    if (Max && !Min)
      return "<= " + irqlName(*Max);
    if (Min && !Max)
      return ">= " + irqlName(*Min);
    return "between " + irqlName(*Min) + " and " + irqlName(*Max);
  }

  // Callee and Note, when given, add a note at the callee's declaration
  // saying where its IRQL contract comes from.
  // The error node carries State (default: the current one) and is the
  // path's only continuation.
  void report(CheckerContext &C, const SimpleProgramPointTag &Tag, const std::string &Msg,
              SourceRange Range, const FunctionDecl *Callee = nullptr,
              const std::string &Note = "", ProgramStateRef State = nullptr) const {
    ExplodedNode *N = C.generateNonFatalErrorNode(State ? State : C.getState(), &Tag);
    if (!N)
      return;
    auto R = model::makeReport(Bug, Msg, N, C.getAnalysisManager().getAnalyzerOptions());
    R->addRange(Range);
    if (Callee && !Note.empty())
      R->addNote(Note, PathDiagnosticLocation(Callee->getLocation(), C.getSourceManager()));
    C.emitReport(std::move(R));
  }
};

} // namespace

void registerVmb001PassiveLevel(CheckerRegistry &R) {
  R.addChecker<Vmb001Checker>("vmbcheck.VMB001", "passive-level", "");
  model::carryAcrossIterations(ProgramStateTrait<CurrentIrql>::GDMIndex());
  model::carryAcrossIterations(ProgramStateTrait<SavedIrqls>::GDMIndex());
}

// (c) An IRQL annotation on a declaration of the callback that contradicts
// _IRQL_requires_(PASSIVE_LEVEL).
std::vector<Finding> checkVmb001Annotations(const ASTContext &Ctx, const SalIndex &Sal,
                                            const DiscoveryResult &Discovery) {
  std::vector<Finding> Out;
  const SourceManager &SM = Ctx.getSourceManager();
  for (const DiscoveredCallback &CB : Discovery.Callbacks) {
    for (const FunctionDecl *R : CB.Definition->redecls()) {
      for (const SalAnnotation &A : Sal.annotationsOf(R)) {
        llvm::StringRef Name = A.Name;
        std::optional<int64_t> L = A.Args.empty() ? std::nullopt : A.Args[0].Value;
        bool Conflict = false;
        if ((Name == "_IRQL_requires_" || Name == "__drv_requiresIRQL") && L && *L != 0)
          Conflict = true;
        else if ((Name == "_IRQL_requires_min_" || Name == "__drv_minIRQL" ||
                  Name == "_IRQL_always_function_min_") && L && *L > 0)
          Conflict = true;
        else if (Name == "_IRQL_raises_" || Name == "__drv_raisesIRQL")
          Conflict = true;
        if (!Conflict)
          continue;
        Finding F;
        F.RuleId = "VMB001";
        F.Function = CB.Name;
        F.Where = spanOf(SM, Ctx.getLangOpts(), SourceRange(A.Loc));
        F.LineText = lineTextOf(SM, A.Loc);
        std::string Written = A.Name + "(" + (A.Args.empty() ? "" : A.Args[0].Text) + ")" +
                              (A.Via.empty() ? "" : " (written through " + A.Via + ")");
        F.Message = Written + " on a declaration of '" + CB.Name +
                    "' conflicts with its role: EVT_VMB_CHANNEL_SAVE_PACKET is called and must "
                    "return at PASSIVE_LEVEL";
        Out.push_back(std::move(F));
      }
    }
  }
  return Out;
}

} // namespace vmbcheck
