// VMB004 save-buffer-bound: no write through SaveBuf may end past
// SaveBufSize bytes. Covers stores through pointers derived from SaveBuf
// (casts, arithmetic, indexing, fields) and SaveBuf as the destination of
// memcpy/memmove/memset and the Rtl*Memory routines; callees the analysis
// follows are checked where they write. On the size query SaveBufSize is 0
// and SaveBuf may be NULL, so any write on a path where that is feasible is
// a finding.
#include "engine/EngineContext.h"
#include "engine/LoopWidening.h"
#include "engine/RuleCheckers.h"
#include "engine/SavePacketModel.h"
#include "frontend/CallbackDiscovery.h"

#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"

using namespace clang;
using namespace clang::ento;

// Set once a path has had its VMB004 report: the first write past the
// buffer is the one to fix, later ones on the same path are its echoes.
REGISTER_TRAIT_WITH_PROGRAMSTATE(SaveBufOverflowReported, bool)

namespace vmbcheck {
namespace {

class Vmb004Checker : public Checker<check::Bind, check::PreCall> {
  const BugType Bug{this, "VMB004", "vmbcheck"};
  const SimpleProgramPointTag OverflowTag{"vmbcheck.VMB004", "write past SaveBufSize"};
  const SimpleProgramPointTag ContinueTag{"vmbcheck.VMB004", "continue"};

public:
  void checkBind(SVal Loc, SVal, const Stmt *S, CheckerContext &C) const {
    auto P = model::callbackParams(C);
    if (!P)
      return;
    if (auto W = model::classifyStore(C, *P, Loc, S))
      check(C, *P, *W, S ? S->getSourceRange() : SourceRange());
  }

  void checkPreCall(const CallEvent &Call, CheckerContext &C) const {
    auto P = model::callbackParams(C);
    if (!P)
      return;
    if (auto W = model::classifyCall(C, *P, Call))
      check(C, *P, *W, Call.getSourceRange());
  }

private:
  // Offset + Length. When the sum cannot wrap in SaveBufSize's own type it is
  // built in that type, like the program's size computation (`hdr + len` in
  // UINT32): the solver then recognises the checked expression and needs no
  // help. Otherwise it is built in 64 bits, so that a 32-bit size that wraps
  // past the check is still seen to write past the buffer.
  static SVal endOffset(CheckerContext &C, ProgramStateRef State,
                        const model::SaveBufWrite &W, QualType SizeTy) {
    SValBuilder &SVB = C.getSValBuilder();
    auto Off = model::valueRange(State, W.Offset);
    auto Len = model::valueRange(State, W.Length);
    unsigned Width = C.getASTContext().getIntWidth(SizeTy);
    if (Off && Len && Width < 64 && SizeTy->isUnsignedIntegerType() &&
        !Off->Min.isNegative() && !Len->Min.isNegative() &&
        (Off->Max + Len->Max).ule(llvm::APInt::getMaxValue(Width).zext(128))) {
      if (const llvm::APSInt *K = SVB.getKnownValue(State, W.Offset))
        return SVB.evalBinOpNN(State, BO_Add, W.Length,
                               SVB.makeIntVal(K->getZExtValue(), SizeTy).castAs<NonLoc>(),
                               SizeTy);
      SVal Offset = SVB.evalCast(W.Offset, SizeTy, SVB.getArrayIndexType());
      if (auto OffNL = Offset.getAs<NonLoc>())
        return SVB.evalBinOpNN(State, BO_Add, W.Length, *OffNL, SizeTy);
    }
    return SVB.evalBinOpNN(State, BO_Add, W.Offset, W.Length, SVB.getArrayIndexType());
  }

  void check(CheckerContext &C, const model::CallbackParams &P,
             const model::SaveBufWrite &W, SourceRange Range) const {
    ProgramStateRef State = C.getState();
    if (State->get<SaveBufOverflowReported>())
      return;
    SValBuilder &SVB = C.getSValBuilder();
    SVal Size = model::saveBufSizeValue(C, P);
    // A zero-length write (memset(SaveBuf, 0, 0)) writes nothing.
    if (auto Len = model::knownValue(C, State, W.Length); Len && *Len == 0)
      return;
    SVal End = endOffset(C, State, W, P.SaveBufSize->getType());
    if (model::provablyWithin(State, End, P.SaveBufSize))
      return;
    auto Cond = model::compareSizes(C, State, BO_GT, End, Size).getAs<DefinedOrUnknownSVal>();
    if (!Cond || Cond->isUnknown())
      return;
    ProgramStateRef Past = State->assume(*Cond, true);
    if (!Past)
      return;
    // After a loop was widened, `i < Count` and a check of SaveBufSize
    // against `Count * sizeof(E)` together bound a write at Elems[i], but
    // only a solver sees it; an unconfirmed report here would also end the
    // checking of this path's later writes. (A write ending at a constant
    // offset needs no such help.)
    if (model::pathWidened(Past) && EngineContext::current().UseZ3 &&
        !SVB.getKnownValue(Past, End) && !model::feasibleWithZ3(Past))
      return;
    SVal Zero = SVB.makeIntVal(0, P.SaveBufSize->getType());
    auto IsZero = model::compareSizes(C, Past, BO_EQ, Size, Zero).getAs<DefinedOrUnknownSVal>();
    bool SizeQuery = IsZero && !IsZero->isUnknown() && Past->assume(*IsZero, true);

    std::string Bytes = "a variable number of bytes", At = "at a variable offset";
    if (auto K = model::knownValue(C, Past, W.Length))
      Bytes = std::to_string(*K) + (*K == 1 ? " byte" : " bytes");
    if (auto K = model::knownValue(C, Past, W.Offset))
      At = "at offset " + std::to_string(*K);
    std::string Msg = "'" + shortCallbackName(P.Callback) + "' writes " + Bytes +
                      " " + At + " of '" + P.SaveBufName + "' (" + W.What + ")";
    if (model::checkedAgainstWrappingSize(Past, P.SaveBufSize))
      Msg += ", but the size " + P.SaveBufSizeName +
             " was checked against can wrap around, so " + P.SaveBufSizeName + " may be as small as " +
             std::to_string(model::minValue(C, Past, Size).value_or(0));
    else if (SizeQuery)
      Msg += " on a path where " + P.SaveBufSizeName +
             " may be 0: on the size query the buffer is empty and may be NULL";
    else if (auto M = model::minValue(C, Past, Size))
      Msg += ", but " + P.SaveBufSizeName + " may be as small as " + std::to_string(*M);
    else
      Msg += ", past the " + P.SaveBufSizeName + " bytes it holds";

    ExplodedNode *N = C.generateSink(Past, C.getPredecessor(), &OverflowTag);
    if (!N)
      return;
    auto R = model::makeReport(Bug, Msg, N, C.getAnalysisManager().getAnalyzerOptions());
    if (Range.isValid())
      R->addRange(Range);
    C.emitReport(std::move(R));
    // Continue the path from the state the write did not constrain.
    C.addTransition(State->set<SaveBufOverflowReported>(true), &ContinueTag);
  }
};

} // namespace

void registerVmb004SaveBufferBound(CheckerRegistry &R) {
  R.addChecker<Vmb004Checker>("vmbcheck.VMB004", "save-buffer-bound", "");
}

} // namespace vmbcheck
