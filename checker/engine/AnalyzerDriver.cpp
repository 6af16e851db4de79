// Mirrors what clang's private AnalysisConsumer does for one function
// (LLVM 19): a CheckerManager with vmbcheck's checkers compiled in, an
// AnalysisManager owning our PathDiagnosticConsumer, and one ExprEngine per
// callback whose worklist starts at the callback's stack frame.
#include "engine/AnalyzerDriver.h"
#include "engine/EngineContext.h"
#include "engine/IntSafeModel.h"
#include "engine/LoopWidening.h"
#include "engine/RuleCheckers.h"
#include "engine/SavePacketModel.h"
#include "engine/SehLowering.h"
#include "frontend/CallbackDiscovery.h"
#include "frontend/SourceSpans.h"

#include "clang/Analysis/PathDiagnostic.h"
#include "clang/CrossTU/CrossTranslationUnit.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Lex/Lexer.h"
#include "clang/StaticAnalyzer/Core/AnalyzerOptions.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/AnalysisManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ExprEngine.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/FunctionSummary.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"

#include <llvm/Config/llvm-config.h>
#include "llvm/Support/FormatVariadic.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <cstring>
#include <map>
#include <sstream>
#include <type_traits>

static_assert(LLVM_VERSION_MAJOR == 19,
              "AnalyzerDriver mirrors clang 19's AnalysisConsumer; review it "
              "before building against another LLVM");

using namespace clang;
using namespace clang::ento;

namespace vmbcheck {

namespace {
thread_local EngineContext *CurrentContext = nullptr;
} // namespace

EngineContext &EngineContext::current() {
  assert(CurrentContext && "no analysis running on this thread");
  return *CurrentContext;
}
EngineContext::Scope::Scope(EngineContext &Ctx) : Previous(CurrentContext) {
  CurrentContext = &Ctx;
}
EngineContext::Scope::~Scope() { CurrentContext = Previous; }

namespace {

// Turns the analyzer's path diagnostics into Findings while the AST and
// SourceManager are alive.
class FindingCollector : public PathDiagnosticConsumer {
public:
  // RaiseNotes: the SEH lowering's raise points (raw location -> note).
  FindingCollector(const SourceManager &SM, const LangOptions &LO,
                   const std::map<unsigned, std::string> &RaiseNotes, std::vector<Finding> &Out)
      : SM(SM), LO(LO), RaiseNotes(RaiseNotes), Out(Out) {}

  StringRef getName() const override { return "vmbcheck"; }
  // Extensive: every event of the path, with its location.
  PathGenerationScheme getGenerationScheme() const override { return Extensive; }
  bool supportsLogicalOpControlFlow() const override { return true; }
  bool supportsCrossFileDiagnostics() const override { return true; }

  void FlushDiagnosticsImpl(std::vector<const PathDiagnostic *> &Diags,
                            FilesMade *) override {
    for (const PathDiagnostic *PD : Diags)
      Out.push_back(convert(*PD));
  }

private:
  Finding convert(const PathDiagnostic &PD) const {
    Finding F;
    F.RuleId = PD.getBugType().str();
    F.Message = PD.getVerboseDescription().str();
    SourceRange Range(PD.getLocation().asLocation());
    if (!PD.path.empty() && !PD.path.back()->getRanges().empty())
      Range = PD.path.back()->getRanges().front();
    if (SM.getExpansionLoc(Range.getBegin()) != SM.getExpansionLoc(PD.getLocation().asLocation()))
      Range = SourceRange(PD.getLocation().asLocation());
    F.Where = spanOf(SM, LO, Range);
    F.LineText = lineTextOf(SM, PD.getLocation().asLocation());
    const Decl *Entry = PD.getAnalysisEntryPoint() ? PD.getAnalysisEntryPoint()
                                                   : PD.getDeclWithIssue();
    if (const auto *ND = dyn_cast_or_null<NamedDecl>(Entry))
      F.Function = isa<FunctionDecl>(ND) ? callbackName(cast<FunctionDecl>(ND))
                                         : ND->getNameAsString();
    walk(PD.path, 0, F.Steps);
    // The last event repeats the warning at its own location.
    if (!F.Steps.empty() && F.Steps.back().Message == F.Message)
      F.Steps.pop_back();
    return F;
  }

  void add(const PathDiagnosticPiece &P, unsigned Depth, std::vector<PathStep> &Out) const {
    std::string Msg = P.getString().str();
    if (Msg.empty())
      return;
    if ((Msg == "Assuming the condition is true" ||
         Msg == "Assuming the condition is false") &&
        !P.getRanges().empty()) {
      // A raise point of the SEH lowering: taken, it enters the __except
      // filter; not taken, there is nothing to say.
      auto Raise = RaiseNotes.find(P.getRanges().front().getBegin().getRawEncoding());
      if (Raise != RaiseNotes.end()) {
        if (llvm::StringRef(Msg).ends_with("false"))
          return;
        Msg = Raise->second;
      }
    }
    // The analyzer names only simple conditions; quote the others as written
    // ("Assuming 'SaveBufSize < FIELD_OFFSET(SAVED, Data)' is false").
    if ((Msg == "Assuming the condition is true" ||
         Msg == "Assuming the condition is false") &&
        !P.getRanges().empty()) {
      CharSourceRange R = SM.getExpansionRange(P.getRanges().front());
      std::string Text = Lexer::getSourceText(R, SM, LO).str();
      if (!Text.empty() && Text.size() <= 80 && Text.find('\n') == std::string::npos)
        Msg = "Assuming '" + Text + "' is " +
              (llvm::StringRef(Msg).ends_with("true") ? "true" : "false");
    }
    SourceLocation L = P.getLocation().asLocation();
    SourceRange R(L);
    if (!P.getRanges().empty() &&
        SM.getExpansionLoc(P.getRanges().front().getBegin()) == SM.getExpansionLoc(L))
      R = P.getRanges().front();
    Out.push_back({spanOf(SM, LO, R), std::move(Msg), Depth});
  }

  void walk(const PathPieces &Pieces, unsigned Depth, std::vector<PathStep> &Steps) const {
    for (const auto &P : Pieces) {
      if (const auto *Call = dyn_cast<PathDiagnosticCallPiece>(P.get())) {
        if (auto Enter = Call->getCallEnterEvent())
          add(*Enter, Depth, Steps);
        walk(Call->path, Depth + 1, Steps);
        if (auto Exit = Call->getCallExitEvent())
          add(*Exit, Depth, Steps);
      } else if (const auto *Macro = dyn_cast<PathDiagnosticMacroPiece>(P.get())) {
        walk(Macro->subPieces, Depth, Steps);
      } else if (isa<PathDiagnosticEventPiece>(P.get()) ||
                 isa<PathDiagnosticNotePiece>(P.get())) {
        add(*P, Depth, Steps);
      }
      // Control-flow edges carry no text: the events around them say it.
    }
  }

  const SourceManager &SM;
  const LangOptions &LO;
  const std::map<unsigned, std::string> &RaiseNotes;
  std::vector<Finding> &Out;
};

void configure(AnalyzerOptions &AO, const EngineOptions &Opts) {
  AO.AnalysisDiagOpt = PD_NONE;
  AO.AnalysisConstraintsOpt = RangeConstraintsModel;
  AO.AnalyzerDisplayProgress = false;
  // Split `a < b` into both outcomes at the comparison: the path notes then
  // read "Assuming 'SaveBufSize' is < 24".
  AO.eagerlyAssumeBinOpBifurcation = true;
  // Loops: clang unrolls those with a literal bound (up to 128) and a body
  // without branches; the others are widened by vmbcheck's loop checker
  // after a few iterations (LoopWidening.h). This per-path block limit must
  // stay above 128 + those iterations: clang gives up unrolling when a branch
  // first appears in the body (`if (i >= 40 && ...)` at iteration 40), and a
  // path past the limit would end silently. It still bounds loops without a
  // condition (`for (;;)`), which the loop checker never sees. Clang's own
  // loop widening is not used: it forgets every local of the frame.
  AO.ShouldUnrollLoops = true;
  AO.ShouldWidenLoops = false;
  AO.maxBlockVisitOnPath = 160;
  AO.MaxNodesPerTopLevelFunction = Opts.MaxNodes;
  // Refutation is vmbcheck's own (model::makeReport): clang's crosscheck
  // would also drop reports on which Z3 runs out of budget. The budget is a
  // resource count, not a clock, so results do not depend on the load.
  AO.ShouldCrosscheckWithZ3 = false;
  AO.Z3CrosscheckTimeoutThreshold = 0;
  AO.Z3CrosscheckEQClassTimeoutThreshold = 0;
  AO.Z3CrosscheckRLimitThreshold = 1000000;
  AO.CheckersAndPackages.clear();
  AO.SilencedCheckersAndPackages.clear();
  // CStringModeling evaluates memcpy/memset & co. precisely: a copy into
  // one field no longer makes the engine forget the whole structure.
  for (const char *Modeling : {"core.builtin.NoReturnFunctions",
                               "core.builtin.BuiltinFunctions",
                               "unix.cstring.CStringModeling",
                               model::ModelCheckerName, model::HandleContextModelName,
                               model::IntSafeModelName, model::BudgetCheckerName,
                               model::LoopWideningCheckerName})
    AO.CheckersAndPackages.emplace_back(Modeling, true);
  for (const std::string &Rule : Opts.Rules)
    AO.CheckersAndPackages.emplace_back("vmbcheck." + Rule, true);
}

void registerCheckers(CheckerRegistry &R) {
  model::registerModelChecker(R);
  model::registerHandleContextModel(R);
  model::registerIntSafeModel(R);
  model::registerBudgetChecker(R);
  model::registerLoopWideningChecker(R);
  registerVmb001PassiveLevel(R);
  registerVmb002BytesNeededSet(R);
  registerVmb003ZeroSizeMustFail(R);
  registerVmb004SaveBufferBound(R);
}

// SwitchStmt has a setter for "all enum cases covered" but no way to clear
// it. The flag lives in the first word of the statement, after the 8-bit
// statement class and the HasInit and HasVar bits (LLVM 19's Stmt.h). The
// layout is verified against the public accessors before anything is
// written; on any mismatch the switch is left as it is.
static_assert(!std::is_polymorphic_v<Stmt>, "Stmt's bit-fields start at offset 0");
bool forgetEnumCoverage(SwitchStmt *S) {
  uint32_t Word;
  std::memcpy(&Word, S, sizeof Word);
  auto Bit = [&](unsigned N) { return ((Word >> N) & 1) != 0; };
  if ((Word & 0xFF) != Stmt::SwitchStmtClass || Bit(8) != (S->getInit() != nullptr) ||
      Bit(9) != (S->getConditionVariable() != nullptr) || Bit(10) != S->isAllEnumCasesCovered())
    return false;
  Word &= ~(uint32_t(1) << 10);
  std::memcpy(static_cast<void *>(S), &Word, sizeof Word);
  return !S->isAllEnumCasesCovered();
}

// The engine never takes the `default:` of a switch whose enum cases are all
// listed. A save callback reads the packet type from memory it does not
// own, and an explicit default is the author's own handling of a corrupt
// value: explore it. (Switches without a default keep trusting the enum.)
void exploreExplicitDefaults(Stmt *S, llvm::SmallVectorImpl<const FunctionDecl *> &Callees) {
  if (!S)
    return;
  if (const auto *CE = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = CE->getDirectCallee())
      Callees.push_back(Callee);
  if (auto *SS = dyn_cast<SwitchStmt>(S); SS && SS->isAllEnumCasesCovered())
    for (SwitchCase *C = SS->getSwitchCaseList(); C; C = C->getNextSwitchCase())
      if (isa<DefaultStmt>(C)) {
        forgetEnumCoverage(SS);
        break;
      }
  for (Stmt *Child : S->children())
    exploreExplicitDefaults(Child, Callees);
}

// The functions with a body reachable from Def through direct calls, Def
// excluded, in a stable order.
std::vector<const FunctionDecl *> helpersOf(
    const FunctionDecl *Def,
    const llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<const FunctionDecl *, 4>> &CalleesOf) {
  std::vector<const FunctionDecl *> Out;
  llvm::SmallPtrSet<const FunctionDecl *, 16> Seen{Def};
  llvm::SmallVector<const FunctionDecl *, 16> Work{Def};
  while (!Work.empty()) {
    auto It = CalleesOf.find(Work.pop_back_val());
    if (It == CalleesOf.end())
      continue;
    for (const FunctionDecl *Callee : It->second) {
      const FunctionDecl *CalleeDef = Callee->getDefinition();
      if (CalleeDef && CalleesOf.count(CalleeDef) && Seen.insert(CalleeDef).second) {
        Out.push_back(CalleeDef);
        Work.push_back(CalleeDef);
      }
    }
  }
  return Out;
}

Notification notAnalysed(const SourceManager &SM, const LangOptions &LO,
                         const FunctionDecl *FD, std::string Message) {
  Notification N;
  N.Level = Notification::Severity::Error;
  N.Id = "analysis-incomplete";
  N.Where = spanOf(SM, LO, SourceRange(FD->getLocation()));
  N.Message = std::move(Message);
  return N;
}

} // namespace

std::string formatSeconds(double Seconds) {
  std::ostringstream OS;
  OS << Seconds;
  return OS.str();
}

EngineResult analyseCallbacks(CompilerInstance &CI, const SalIndex &Sal,
                              const IrqlContracts *Irql,
                              llvm::ArrayRef<CallbackTarget> Callbacks,
                              const EngineOptions &Opts) {
  EngineResult Result;
  if (Callbacks.empty() || Opts.Rules.empty())
    return Result;
  ASTContext &Ctx = CI.getASTContext();
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  AnalyzerOptions &AO = CI.getAnalyzerOpts();
  configure(AO, Opts);

  // Before any CFG is built: the callbacks and the functions they may call
  // (which the engine inlines), SEH lowered first.
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<const FunctionDecl *, 4>> CalleesOf;
  llvm::DenseMap<const FunctionDecl *, std::string> SehUnsupported;
  std::map<unsigned, std::string> RaiseNotes;
  llvm::SmallVector<const FunctionDecl *, 32> Work;
  for (const CallbackTarget &T : Callbacks)
    Work.push_back(T.Function);
  while (!Work.empty()) {
    const FunctionDecl *FD = Work.pop_back_val();
    const FunctionDecl *Def = FD->getDefinition();
    if (!Def || !Def->hasBody() || CalleesOf.count(Def))
      continue;
    SehLoweringResult Seh = lowerStructuredExceptions(Ctx, *const_cast<FunctionDecl *>(Def));
    if (!Seh.Unsupported.empty())
      SehUnsupported[Def] = Seh.Unsupported;
    for (auto &[Where, Note] : Seh.RaiseNotes)
      RaiseNotes[Where.getRawEncoding()] = Note;
    llvm::SmallVector<const FunctionDecl *, 4> &Callees = CalleesOf[Def];
    exploreExplicitDefaults(Def->getBody(), Callees);
    Work.append(Callees.begin(), Callees.end());
  }

  EngineContext EC;
  EC.UseZ3 = Opts.UseZ3;
  EC.Sal = &Sal;
  EC.Irql = Irql;
  EngineContext::Scope Scope(EC);

  PathDiagnosticConsumers Consumers; // owned and deleted by AnalysisManager
  Consumers.push_back(new FindingCollector(SM, LO, RaiseNotes, Result.Findings));
  std::function<void(CheckerRegistry &)> Register = registerCheckers;
  CheckerManager Checkers(Ctx, AO, CI.getPreprocessor(), {}, {Register});
  {
    AnalysisManager Mgr(Ctx, CI.getPreprocessor(), Consumers,
                        CreateRegionStoreManager, CreateRangeConstraintManager,
                        &Checkers, AO);
    cross_tu::CrossTranslationUnitContext CTU(CI);
    FunctionSummariesTy Summaries;
    for (const CallbackTarget &T : Callbacks) {
      const FunctionDecl *FD = T.Function;
      Decl *D = const_cast<FunctionDecl *>(FD);
      std::string Name = shortCallbackName(FD);
      EC.Role = T.Role;
      Mgr.ClearContexts();
      if (auto It = SehUnsupported.find(FD->getDefinition()); It != SehUnsupported.end()) {
        Result.Notifications.push_back(
            notAnalysed(SM, LO, FD, "'" + Name + "' was not analysed: " + It->second));
        continue;
      }
      if (!Mgr.getCFG(D)) {
        Result.Notifications.push_back(notAnalysed(
            SM, LO, FD, "'" + Name + "' was not analysed: no control-flow graph could be built"));
        continue;
      }
      // A helper the engine cannot follow is evaluated as if defined
      // elsewhere: say so rather than pass over its body in silence.
      for (const FunctionDecl *Helper : helpersOf(FD->getDefinition(), CalleesOf)) {
        std::string Why;
        if (auto It = SehUnsupported.find(Helper); It != SehUnsupported.end())
          Why = It->second;
        else if (!Mgr.getCFG(const_cast<FunctionDecl *>(Helper)))
          Why = "no control-flow graph could be built for it";
        if (!Why.empty())
          Result.Notifications.push_back(notAnalysed(
              SM, LO, FD,
              "'" + Name + "' was analysed without the body of '" + Helper->getNameAsString() +
                  "', which it calls (" + Why + "); results may be incomplete"));
      }
      auto Start = std::chrono::steady_clock::now();
      EC.Deadline = Start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                std::chrono::duration<double>(Opts.MaxSeconds));
      EC.DeadlineHit = false;
      ExprEngine Eng(CTU, Mgr, /*VisitedCallees=*/nullptr, &Summaries,
                     ExprEngine::Inline_Regular);
      bool WorkLeft = Eng.ExecuteWorkList(
          Mgr.getAnalysisDeclContextManager().getStackFrame(D), Opts.MaxNodes);
      Eng.getBugReporter().FlushReports();
      // Paths that reached the end of the callback before the budget ran out.
      unsigned Paths = Eng.getGraph().num_eops();
      std::string Explored = std::to_string(Paths) + (Paths == 1 ? " path" : " paths");
      if (EC.DeadlineHit)
        Result.Notifications.push_back(notAnalysed(
            SM, LO, FD,
            "analysis of '" + Name + "' stopped after " + Explored + " (" +
                formatSeconds(Opts.MaxSeconds) +
                " s: the time budget, --max-seconds); results may be incomplete"));
      else if (WorkLeft)
        Result.Notifications.push_back(notAnalysed(
            SM, LO, FD,
            "analysis of '" + Name + "' stopped after " + Explored + " (" +
                std::to_string(Opts.MaxNodes) +
                " path nodes: the node budget, --max-nodes); results may be incomplete"));
    }
  } // ~AnalysisManager flushes the path diagnostics into Result
  return Result;
}

} // namespace vmbcheck
