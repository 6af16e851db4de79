// VmbPacketGetPointer and VmbChannelGetPointer return the pointer a driver
// stored with VmbPacketSetPointer / VmbChannelSetPointer: for the same handle,
// the same pointer on every call and on every path. Evaluated by default
// (a call without a body), each call would return a fresh unknown pointer,
// and a context fetched again in another branch would look like another
// packet's context. Here the result is one symbol per handle and callback,
// so values read through it agree across calls and paths - the comparison of
// paths in VMB003 (c) relies on that.
#include "engine/SavePacketModel.h"

#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramStateTrait.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"

using namespace clang;
using namespace clang::ento;

// Pointers stored with Vmb*SetPointer on this path, by handle.
REGISTER_MAP_WITH_PROGRAMSTATE(StoredHandlePointers, SymbolRef, SVal)

namespace vmbcheck::model {
namespace {

struct HandleAccessor {
  llvm::StringRef Getter, Setter;
};
const HandleAccessor Accessors[] = {
    {"VmbPacketGetPointer", "VmbPacketSetPointer"},
    {"VmbChannelGetPointer", "VmbChannelSetPointer"},
};

class HandleContextModel
    : public Checker<eval::Call, check::PostCall, check::LiveSymbols> {
public:
  bool evalCall(const CallEvent &Call, CheckerContext &C) const {
    const HandleAccessor *A = accessor(Call, /*Getter=*/true);
    const Expr *Origin = dyn_cast_or_null<Expr>(Call.getOriginExpr());
    if (!A || !Origin || Call.getNumArgs() != 1)
      return false;
    SymbolRef Handle = Call.getArgSVal(0).getAsSymbol();
    if (!Handle)
      return false; // no identity to key on: the default evaluation
    ProgramStateRef State = C.getState();
    SVal Result;
    if (const SVal *Stored = State->get<StoredHandlePointers>(Handle)) {
      Result = *Stored;
    } else {
      // One symbol per (handle, accessor, callback): keyed on the body of
      // the analysed callback, not on the call site.
      const StackFrameContext *Top = C.getStackFrame();
      while (!Top->inTopFrame())
        Top = Top->getParent()->getStackFrame();
      const Stmt *Body = Top->getDecl()->getBody();
      if (!Body)
        return false;
      unsigned Which = static_cast<unsigned>(A - Accessors);
      SymbolRef Sym = C.getSymbolManager().conjureSymbol(Body, Top, Origin->getType(), Which,
                                                         Handle);
      Result = C.getSValBuilder().makeSymbolVal(Sym); // a region for a pointer
    }
    C.addTransition(State->BindExpr(Origin, C.getLocationContext(), Result));
    return true;
  }

  void checkPostCall(const CallEvent &Call, CheckerContext &C) const {
    if (!accessor(Call, /*Getter=*/false) || Call.getNumArgs() != 2)
      return;
    if (SymbolRef Handle = Call.getArgSVal(0).getAsSymbol())
      C.addTransition(C.getState()->set<StoredHandlePointers>(Handle, Call.getArgSVal(1)));
  }

  void checkLiveSymbols(ProgramStateRef State, SymbolReaper &SR) const {
    for (const auto &[Handle, Pointer] : State->get<StoredHandlePointers>())
      for (SymbolRef S : Pointer.symbols())
        SR.markLive(S);
  }

private:
  static const HandleAccessor *accessor(const CallEvent &Call, bool Getter) {
    const IdentifierInfo *II = Call.getCalleeIdentifier();
    const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
    if (!II || !FD || FD->hasBody())
      return nullptr; // a driver's own function of that name is followed
    for (const HandleAccessor &A : Accessors)
      if (II->getName() == (Getter ? A.Getter : A.Setter))
        return &A;
    return nullptr;
  }
};

} // namespace

void registerHandleContextModel(CheckerRegistry &R) {
  R.addChecker<HandleContextModel>(HandleContextModelName,
                                   "Models VmbPacketGetPointer / VmbChannelGetPointer", "");
}

} // namespace vmbcheck::model
