// VMB004 save-buffer-bound: no write through SaveBuf may end past
// SaveBufSize bytes. Covers stores through pointers derived from SaveBuf
// (casts, arithmetic, indexing, fields) and SaveBuf as the destination of
// memcpy/memmove/memset and the Rtl*Memory routines; callees the analysis
// follows are checked where they write. On the size query SaveBufSize is 0
// and SaveBuf may be NULL, so any write on a path where that is feasible is
// a finding.
#include "engine/RuleCheckers.h"
#include "engine/SavePacketModel.h"

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
    const auto *TR = dyn_cast_or_null<TypedValueRegion>(Loc.getAsRegion());
    if (auto W = model::classifyStore(C, *P, Loc, TR ? TR->getValueType() : QualType()))
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
    SVal End = SVB.evalBinOpNN(State, BO_Add, W.Offset, W.Length, SVB.getArrayIndexType());
    auto Cond = model::compareSizes(C, State, BO_GT, End, Size).getAs<DefinedOrUnknownSVal>();
    if (!Cond || Cond->isUnknown())
      return;
    ProgramStateRef Past = State->assume(*Cond, true);
    if (!Past)
      return;
    SVal Zero = SVB.makeIntVal(0, P.SaveBufSize->getType());
    auto IsZero = model::compareSizes(C, Past, BO_EQ, Size, Zero).getAs<DefinedOrUnknownSVal>();
    bool SizeQuery = IsZero && !IsZero->isUnknown() && Past->assume(*IsZero, true);

    std::string Bytes = "a variable number of bytes", At = "at a variable offset";
    if (auto K = model::knownValue(C, Past, W.Length))
      Bytes = std::to_string(*K) + (*K == 1 ? " byte" : " bytes");
    if (auto K = model::knownValue(C, Past, W.Offset))
      At = "at offset " + std::to_string(*K);
    std::string Msg = "'" + P.Callback->getNameAsString() + "' writes " + Bytes +
                      " " + At + " of '" + P.SaveBufName + "' (" + W.What + ")";
    if (SizeQuery)
      Msg += " on a path where " + P.SaveBufSizeName +
             " may be 0: on the size query the buffer is empty and may be NULL";
    else if (auto M = model::minValue(C, Past, Size))
      Msg += ", but " + P.SaveBufSizeName + " may be as small as " + std::to_string(*M);
    else
      Msg += ", past the " + P.SaveBufSizeName + " bytes it holds";

    ExplodedNode *N = C.generateSink(Past, C.getPredecessor(), &OverflowTag);
    if (!N)
      return;
    auto R = std::make_unique<PathSensitiveBugReport>(Bug, Msg, N);
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
