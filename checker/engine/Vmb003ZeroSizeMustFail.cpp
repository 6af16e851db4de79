// VMB003 zero-size-must-fail: the size-query protocol. On each return path
// let N be the value written to *BytesNeeded; report
//  (a) success while N > SaveBufSize is feasible (the first call succeeding
//      with state to save loses that state);
//  (b) STATUS_BUFFER_TOO_SMALL / STATUS_BUFFER_OVERFLOW while N <= SaveBufSize
//      is feasible (KMCL retries with that size and never makes progress);
//  (c) success with N == 0 on a path that is only taken for an empty buffer
//      (SaveBufSize == 0 or SaveBuf == NULL), while a path for the same
//      packet writes state into SaveBuf when given a buffer: KMCL never
//      makes the second call. "The same packet" means the two paths can
//      agree on everything not derived from SaveBuf or SaveBufSize: an idle
//      packet that answers 0 with any buffer is correct.
// Paths where BytesNeeded went to a function without a body are that
// function's responsibility and are not judged.
#include "engine/RuleCheckers.h"
#include "engine/SavePacketModel.h"

#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/RangedConstraintManager.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"


using namespace clang;
using namespace clang::ento;

namespace vmbcheck {
namespace {

constexpr int64_t StatusBufferTooSmall = static_cast<int32_t>(0xC0000023);
constexpr int64_t StatusBufferOverflow = static_cast<int32_t>(0x80000005);

class Vmb003Checker
    : public Checker<check::BeginFunction, check::EndFunction, check::Bind,
                     check::PreCall, check::EndAnalysis> {
  const BugType Bug{this, "VMB003", "vmbcheck"};
  // One tag per report kind: nodes with equal point, state and tag are
  // uniqued, which would silently merge two reports on one path.
  const SimpleProgramPointTag SuccessTooSmallTag{"vmbcheck.VMB003", "success with too small a buffer"};
  const SimpleProgramPointTag FailureFitsTag{"vmbcheck.VMB003", "too small although it fits"};
  const SimpleProgramPointTag EmptySuccessTag{"vmbcheck.VMB003", "empty first call succeeds"};
  const SimpleProgramPointTag ContinueTag{"vmbcheck.VMB003", "continue"};
  // Marks the node of each write into SaveBuf. A tagged node is never
  // reclaimed by the graph, so the path to it can be walked at the end.
  const SimpleProgramPointTag StateWriteTag{"vmbcheck.VMB003", "state written"};

  // The constraints a path put on values not derived from the buffer (the
  // packet's context, values read through it, results of calls), collected
  // along the whole path: the engine drops a symbol's constraints once the
  // symbol is dead, and by the `return` the context usually is.
  using PacketConstraints = std::vector<std::pair<SymbolRef, RangeSet>>;

  // Per analysed callback, compared when the whole graph is explored: the
  // paths of kind (c) (the empty call answered with success and N == 0), and
  // every write of state into SaveBuf. Both kinds of path live in one
  // ExplodedGraph, so a value read from the packet before the paths split
  // is the same symbol on both.
  struct Candidate {
    ExplodedNode *Node;
    std::string Message;
  };
  struct StateWrite {
    const ExplodedNode *Node; // tagged with StateWriteTag
    SourceLocation Loc;
    std::string What; // "memcpy of 16 bytes"
  };
  mutable std::vector<Candidate> EmptySuccesses;
  mutable std::vector<StateWrite> StateWrites;

public:
  void checkBeginFunction(CheckerContext &C) const {
    if (C.inTopFrame()) {
      EmptySuccesses.clear();
      StateWrites.clear();
    }
  }

  void checkBind(SVal Loc, SVal, const Stmt *S, CheckerContext &C) const {
    auto P = model::callbackParams(C);
    if (!P || !S)
      return;
    if (auto W = model::classifyStore(C, *P, Loc, S))
      recordWrite(C, S->getBeginLoc(), describeWrite(C, *W));
  }

  void checkPreCall(const CallEvent &Call, CheckerContext &C) const {
    auto P = model::callbackParams(C);
    if (!P)
      return;
    SourceLocation At = Call.getSourceRange().getBegin();
    if (auto W = model::classifyCall(C, *P, Call))
      recordWrite(C, At, describeWrite(C, *W));
    else if (model::passesSaveBufToOpaqueCall(C, *P, Call))
      recordWrite(C, At, "'" + P->SaveBufName + "' passed to " + calleeName(Call) +
                             ", whose body is not available");
  }

  void checkEndFunction(const ReturnStmt *RS, CheckerContext &C) const {
    if (!C.inTopFrame() || !RS || !RS->getRetValue())
      return;
    auto P = model::callbackParams(C);
    if (!P || model::bytesNeededWrite(C.getState()) != model::BytesNeededWrite::Direct)
      return;
    ProgramStateRef State = C.getState();
    SVal Ret = C.getSVal(RS->getRetValue());
    SVal Needed = model::bytesNeededValue(C, *P);
    SVal Size = model::saveBufSizeValue(C, *P);
    std::string Name = "'" + P->Callback->getNameAsString() + "'";
    std::string NeededText = describe(C, State, Needed);
    bool Reported = false;

    if (isCertainSuccess(C, State, Ret)) {
      std::string Status = returnedStatus(C, State, Ret, "a success status");
      // (a) success while the state does not fit.
      ProgramStateRef TooSmall =
          assumeTrue(State, model::compareSizes(C, State, BO_GT, Needed, Size));
      if (TooSmall) {
        SVal Zero = C.getSValBuilder().makeIntVal(0, P->SaveBufSize->getType());
        bool SizeQuery =
            assumeTrue(TooSmall, model::compareSizes(C, TooSmall, BO_EQ, Size, Zero)) != nullptr;
        std::string Msg;
        if (SizeQuery)
          Msg = Name + " returns " + Status + " on the size query (" +
                P->SaveBufSizeName + " == 0) although '*" + P->BytesNeededName +
                "' is " + NeededText +
                ": KMCL does not call again and the packet's state is lost";
        else
          Msg = Name + " returns " + Status + " although '*" + P->BytesNeededName +
                "' (" + NeededText + ") may exceed " + P->SaveBufSizeName +
                sizeExample(C, TooSmall, Size, "which may be as small as") +
                ": success with a buffer smaller than it asked for";
        Reported |= report(C, TooSmall, SuccessTooSmallTag, Msg, RS);
      }
      // (c) candidate: success with no size, only for an empty buffer.
      if (isCertainlyZero(C, State, Needed) &&
          (isCertainlyZero(C, State, Size) || isCertainlyNull(C, State, *P))) {
        std::string Msg = Name + " answers the empty first call with " + Status +
                          " and '*" + P->BytesNeededName +
                          "' = 0, but writes state into " + P->SaveBufName +
                          " when given a buffer for the same packet: KMCL never "
                          "makes the second call, so that state is never saved";
        if (ExplodedNode *N = C.generateNonFatalErrorNode(State, &EmptySuccessTag))
          EmptySuccesses.push_back({N, Msg});
        return;
      }
    } else if (auto V = model::knownValue(C, State, Ret)) {
      int64_t Status = static_cast<int32_t>(static_cast<uint32_t>(*V));
      if (Status == StatusBufferTooSmall || Status == StatusBufferOverflow) {
        // (b) "too small" although the state fits.
        ProgramStateRef Fits =
            assumeTrue(State, model::compareSizes(C, State, BO_LE, Needed, Size));
        if (Fits) {
          std::string Msg =
              Name + " returns " + model::statusName(Status) + " although '*" +
              P->BytesNeededName + "' (" + NeededText + ") fits in " +
              P->SaveBufSizeName + sizeExample(C, Fits, Size, "which may be") +
              ": KMCL calls again with the same size and the save never completes";
          Reported |= report(C, Fits, FailureFitsTag, Msg, RS);
        }
      }
    }
    if (Reported) // continue from the unconstrained state
      C.addTransition(State, &ContinueTag);
  }

  // (c) is reported only for a pair of paths that can agree on the packet:
  // the empty call's success, and a write into SaveBuf whose path is
  // compatible with it in everything not derived from SaveBuf/SaveBufSize.
  void checkEndAnalysis(ExplodedGraph &, BugReporter &BR, ExprEngine &) const {
    if (!EmptySuccesses.empty())
      reportEmptySuccesses(BR);
    EmptySuccesses.clear();
    StateWrites.clear();
  }

private:
  void reportEmptySuccesses(BugReporter &BR) const {
    const SourceManager &SM = BR.getSourceManager();
    auto P = model::callbackParams(EmptySuccesses.front().Node->getState(),
                                   EmptySuccesses.front().Node->getLocationContext());
    if (!P)
      return;
    // Each write's path constraints, in the order the writes were made: a
    // walk back from a write stops at the previous write on its path.
    std::vector<PacketConstraints> WritePaths;
    llvm::DenseMap<const ExplodedNode *, const PacketConstraints *> Known;
    WritePaths.reserve(StateWrites.size());
    for (const StateWrite &W : StateWrites) {
      WritePaths.push_back(packetConstraints(W.Node, *P, Known));
      Known[W.Node] = &WritePaths.back();
    }
    for (Candidate &Cd : EmptySuccesses) {
      PacketConstraints Empty = packetConstraints(Cd.Node, *P, Known);
      for (size_t I = 0; I < StateWrites.size(); ++I) {
        const StateWrite &W = StateWrites[I];
        if (!samePacketPossible(W.Node->getState(), WritePaths[I], Empty))
          continue;
        auto R = model::makeReport(Bug, Cd.Message, Cd.Node, BR.getAnalyzerOptions());
        R->addNote("given a buffer, the same packet's state is written to the save buffer "
                   "here (" + W.What + ")",
                   PathDiagnosticLocation(W.Loc, SM));
        BR.emitReport(std::move(R));
        break;
      }
    }
  }

  void recordWrite(CheckerContext &C, SourceLocation Loc, std::string What) const {
    if (!Loc.isValid())
      return;
    // No node means this very write, with this state, was recorded before.
    if (const ExplodedNode *N = C.addTransition(C.getState(), &StateWriteTag))
      StateWrites.push_back({N, Loc, std::move(What)});
  }

  static std::string describeWrite(CheckerContext &C, const model::SaveBufWrite &W) {
    if (llvm::StringRef(W.What).starts_with("a store"))
      return W.What;
    if (auto Len = model::knownValue(C, C.getState(), W.Length))
      return W.What + " of " + std::to_string(*Len) + (*Len == 1 ? " byte" : " bytes");
    return W.What;
  }

  static std::string calleeName(const CallEvent &Call) {
    if (const IdentifierInfo *II = Call.getCalleeIdentifier())
      return "'" + II->getName().str() + "'";
    return "a function";
  }

  // True if the symbol's value depends on SaveBuf or SaveBufSize: the
  // parameters themselves, expressions over them, and values read from
  // memory SaveBuf points to.
  static bool derivedFromBuffer(SymbolRef Sym, const model::CallbackParams &P,
                                unsigned Depth = 0) {
    if (Depth > 8)
      return true; // too deep to tell: leave it out of the comparison
    for (SymbolRef S : Sym->symbols()) {
      if (S == P.SaveBuf || S == P.SaveBufSize)
        return true;
      const MemRegion *R = nullptr;
      if (const auto *RV = dyn_cast<SymbolRegionValue>(S))
        R = RV->getRegion();
      else if (const auto *D = dyn_cast<SymbolDerived>(S))
        R = D->getRegion();
      else if (const auto *X = dyn_cast<SymbolExtent>(S))
        R = X->getRegion();
      else if (const auto *M = dyn_cast<SymbolMetadata>(S))
        R = M->getRegion();
      if (const auto *SR = R ? dyn_cast<SymbolicRegion>(R->getBaseRegion()) : nullptr)
        if (derivedFromBuffer(SR->getSymbol(), P, Depth + 1))
          return true;
    }
    return false;
  }

  // Walks the path from N back to the callback's entry and keeps, for each
  // symbol not derived from the buffer, its range at the last node that
  // still constrained it (ranges only narrow along a path).
  // A walk that reaches a write whose constraints are already Known takes
  // them over (for symbols not seen later on the path) and stops.
  static PacketConstraints
  packetConstraints(const ExplodedNode *N, const model::CallbackParams &P,
                    const llvm::DenseMap<const ExplodedNode *, const PacketConstraints *> &Known) {
    PacketConstraints Out;
    llvm::DenseSet<SymbolRef> Seen;
    const void *LastGDM = nullptr;
    for (const ExplodedNode *Start = N; N; N = N->getFirstPred()) {
      if (N != Start)
        if (auto It = Known.find(N); It != Known.end()) {
          for (const auto &[Sym, Ranges] : *It->second)
            if (Seen.insert(Sym).second)
              Out.emplace_back(Sym, Ranges);
          break;
        }
      const ProgramState *S = N->getState().get();
      const void *GDM = S->getGDM().getRoot();
      if (GDM == LastGDM)
        continue; // same constraints as the node after it
      LastGDM = GDM;
      for (const auto &[Sym, Ranges] : getConstraintMap(N->getState()))
        if (!Ranges.isEmpty() && Seen.insert(Sym).second && !derivedFromBuffer(Sym, P))
          Out.emplace_back(Sym, Ranges);
    }
    return Out;
  }

  // Can one packet take both paths, given different buffers? Imposes on the
  // writing path's state its own path constraints and every constraint the
  // empty-call path holds on values not derived from the buffer, and asks
  // the solver. Symbols created after the paths split differ between them
  // and so stay unrelated: the answer errs towards "possible".
  static bool samePacketPossible(ProgramStateRef Writing, const PacketConstraints &WritingPath,
                                 const PacketConstraints &EmptyPath) {
    auto *RCM = dynamic_cast<RangedConstraintManager *>(&Writing->getConstraintManager());
    if (!RCM)
      return true; // no range solver to ask: keep the finding
    for (const PacketConstraints *List : {&WritingPath, &EmptyPath})
      for (const auto &[Sym, Ranges] : *List) {
        Writing = constrainTo(*RCM, Writing, Sym, Ranges);
        if (!Writing)
          return false;
      }
    // A field both paths read, but each after its own call without a body
    // (a spin lock acquired in each branch): the engine gives each read its
    // own symbol, yet it is the same packet's field. Carry the empty path's
    // constraint over to the writing path's read of that field.
    FieldReads Counterparts = fieldReads(WritingPath);
    SymbolManager &SymMgr = Writing->getStateManager().getSymbolManager();
    for (const auto &[Sym, Ranges] : EmptyPath) {
      SymbolRef Translated = translate(Sym, Counterparts, SymMgr);
      if (!Translated || Translated == Sym)
        continue;
      Writing = constrainTo(*RCM, Writing, Translated, Ranges);
      if (!Writing)
        return false;
    }
    return true;
  }

  // The memory a symbol is the value of, when it is a read of memory
  // reached through a pointer (the packet's context and what it points to).
  static const MemRegion *readThroughPointer(SymbolRef S) {
    const MemRegion *R = nullptr;
    if (const auto *D = dyn_cast<SymbolDerived>(S))
      R = D->getRegion();
    else if (const auto *V = dyn_cast<SymbolRegionValue>(S))
      R = V->getRegion();
    return R && isa<SymbolicRegion>(R->getBaseRegion()) ? R : nullptr;
  }

  // The writing path's reads, by the memory read; null when that path read
  // the same memory into more than one symbol (then nothing is carried over).
  using FieldReads = llvm::DenseMap<const MemRegion *, SymbolRef>;
  static FieldReads fieldReads(const PacketConstraints &Path) {
    FieldReads Out;
    for (const auto &[Sym, Ranges] : Path)
      for (SymbolRef Leaf : Sym->symbols())
        if (const MemRegion *R = readThroughPointer(Leaf)) {
          auto [It, New] = Out.try_emplace(R, Leaf);
          if (!New && It->second != Leaf)
            It->second = nullptr;
        }
    return Out;
  }

  // Sym with each read replaced by the other path's read of the same
  // memory; null when a read has no unique counterpart or the expression is
  // of a kind not rebuilt here.
  static SymbolRef translate(SymbolRef Sym, const FieldReads &Reads, SymbolManager &SM,
                             unsigned Depth = 0) {
    if (Depth > 16)
      return nullptr;
    if (const MemRegion *R = readThroughPointer(Sym)) {
      auto It = Reads.find(R);
      if (It == Reads.end())
        return Sym; // the other path does not constrain this memory
      return It->second;
    }
    if (isa<SymbolData>(Sym))
      return Sym;
    if (const auto *E = dyn_cast<SymIntExpr>(Sym)) {
      SymbolRef L = translate(E->getLHS(), Reads, SM, Depth + 1);
      if (!L || L == E->getLHS())
        return L ? Sym : nullptr;
      return SM.getSymIntExpr(L, E->getOpcode(), E->getRHS(), E->getType());
    }
    if (const auto *E = dyn_cast<IntSymExpr>(Sym)) {
      SymbolRef R = translate(E->getRHS(), Reads, SM, Depth + 1);
      if (!R || R == E->getRHS())
        return R ? Sym : nullptr;
      return SM.getIntSymExpr(E->getLHS(), E->getOpcode(), R, E->getType());
    }
    if (const auto *E = dyn_cast<SymSymExpr>(Sym)) {
      SymbolRef L = translate(E->getLHS(), Reads, SM, Depth + 1);
      SymbolRef R = translate(E->getRHS(), Reads, SM, Depth + 1);
      if (!L || !R)
        return nullptr;
      if (L == E->getLHS() && R == E->getRHS())
        return Sym;
      return SM.getSymSymExpr(L, E->getOpcode(), R, E->getType());
    }
    if (const auto *E = dyn_cast<SymbolCast>(Sym)) {
      SymbolRef O = translate(E->getOperand(), Reads, SM, Depth + 1);
      if (!O || O == E->getOperand())
        return O ? Sym : nullptr;
      return SM.getCastSymbol(O, O->getType(), E->getType());
    }
    if (const auto *E = dyn_cast<UnarySymExpr>(Sym)) {
      SymbolRef O = translate(E->getOperand(), Reads, SM, Depth + 1);
      if (!O || O == E->getOperand())
        return O ? Sym : nullptr;
      return SM.getUnarySymExpr(O, E->getOpcode(), E->getType());
    }
    return nullptr;
  }

  // Writing with Sym restricted to Ranges: Sym assumed outside every gap.
  static ProgramStateRef constrainTo(RangedConstraintManager &RCM, ProgramStateRef State,
                                     SymbolRef Sym, const RangeSet &Ranges) {
    APSIntType T(Ranges.begin()->From());
    llvm::APSInt Low = T.getMinValue();
    const llvm::APSInt Max = T.getMaxValue();
    for (const Range &R : Ranges) {
      if (R.From() > Low) {
        llvm::APSInt GapEnd = R.From();
        --GapEnd;
        State = RCM.assumeSymInclusiveRange(State, Sym, Low, GapEnd, /*InRange=*/false);
        if (!State)
          return nullptr;
      }
      if (R.To() == Max)
        return State;
      Low = R.To();
      ++Low;
    }
    return RCM.assumeSymInclusiveRange(State, Sym, Low, Max, /*InRange=*/false);
  }

  static ProgramStateRef assumeTrue(ProgramStateRef State, SVal Cond) {
    auto D = Cond.getAs<DefinedOrUnknownSVal>();
    if (!D || D->isUnknown())
      return nullptr; // nothing to reason with: stay silent
    return State->assume(*D, true);
  }

  // NT_SUCCESS(Ret) on every continuation of this path.
  static bool isCertainSuccess(CheckerContext &C, ProgramStateRef State, SVal Ret) {
    auto RetNL = Ret.getAs<NonLoc>();
    if (!RetNL)
      return false;
    SValBuilder &SVB = C.getSValBuilder();
    SVal Negative = SVB.evalBinOpNN(State, BO_LT, *RetNL,
                                    SVB.makeIntVal(0, C.getASTContext().LongTy).castAs<NonLoc>(),
                                    C.getASTContext().IntTy);
    auto D = Negative.getAs<DefinedOrUnknownSVal>();
    if (!D || D->isUnknown())
      return false;
    return !State->assume(*D, true);
  }

  static bool isCertainlyZero(CheckerContext &C, ProgramStateRef State, SVal V) {
    auto K = model::knownValue(C, State, V);
    return K && *K == 0;
  }

  static bool isCertainlyNull(CheckerContext &, ProgramStateRef State,
                              const model::CallbackParams &P) {
    auto Buf = loc::MemRegionVal(P.SaveBufRegion);
    return !State->assume(Buf, true);
  }

  static std::string describe(CheckerContext &C, ProgramStateRef State, SVal V) {
    if (auto K = model::knownValue(C, State, V))
      return std::to_string(*K);
    return "not a constant";
  }

  // " (which may be 16)": the smallest size on the offending path.
  static std::string sizeExample(CheckerContext &C, ProgramStateRef State, SVal Size,
                                 const char *Lead) {
    if (auto M = model::minValue(C, State, Size))
      return std::string(" (") + Lead + " " + std::to_string(*M) + ")";
    return "";
  }

  static std::string returnedStatus(CheckerContext &C, ProgramStateRef State, SVal Ret,
                                    const char *Fallback) {
    if (auto V = model::knownValue(C, State, Ret))
      return model::statusName(static_cast<int32_t>(static_cast<uint32_t>(*V)));
    return Fallback;
  }

  // Reports on a sink carrying the constrained state, so the path itself
  // continues unconstrained.
  bool report(CheckerContext &C, ProgramStateRef Constrained,
              const SimpleProgramPointTag &Tag, const std::string &Msg,
              const ReturnStmt *RS) const {
    ExplodedNode *N = C.generateSink(Constrained, C.getPredecessor(), &Tag);
    if (!N)
      return false;
    auto R = model::makeReport(Bug, Msg, N, C.getAnalysisManager().getAnalyzerOptions());
    R->addRange(RS->getSourceRange());
    C.emitReport(std::move(R));
    return true;
  }
};

} // namespace

void registerVmb003ZeroSizeMustFail(CheckerRegistry &R) {
  R.addChecker<Vmb003Checker>("vmbcheck.VMB003", "zero-size-must-fail", "");
}

} // namespace vmbcheck
