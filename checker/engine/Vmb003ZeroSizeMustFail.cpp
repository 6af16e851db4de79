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
#include "engine/SamePacketPaths.h"
#include "engine/SavePacketModel.h"
#include "frontend/CallbackDiscovery.h"

#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
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
    std::string Name = "'" + shortCallbackName(P->Callback) + "'";
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
    std::vector<model::PacketConstraints> WritePaths;
    model::KnownPaths Known;
    WritePaths.reserve(StateWrites.size());
    for (const StateWrite &W : StateWrites) {
      WritePaths.push_back(model::packetConstraints(W.Node, *P, Known));
      Known[W.Node] = &WritePaths.back();
    }
    for (Candidate &Cd : EmptySuccesses) {
      model::PacketConstraints Empty = model::packetConstraints(Cd.Node, *P, Known);
      for (size_t I = 0; I < StateWrites.size(); ++I) {
        const StateWrite &W = StateWrites[I];
        if (!model::samePacketPossible(W.Node->getState(), WritePaths[I], Empty))
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
