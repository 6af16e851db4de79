// VMB002 bytes-needed-set: every path that returns from the save callback
// writes *BytesNeeded, directly or in a callee the analysis follows. Passing
// BytesNeeded to a function without a body counts as a write.
#include "engine/RuleCheckers.h"
#include "engine/SavePacketModel.h"

#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"

using namespace clang;
using namespace clang::ento;

namespace vmbcheck {
namespace {

class Vmb002Checker : public Checker<check::EndFunction> {
  const BugType Bug{this, "VMB002", "vmbcheck"};
  const SimpleProgramPointTag Tag{"vmbcheck.VMB002", "unwritten BytesNeeded"};

public:
  void checkEndFunction(const ReturnStmt *RS, CheckerContext &C) const {
    if (!C.inTopFrame())
      return;
    auto P = model::callbackParams(C);
    if (!P || model::bytesNeededWrite(C.getState()) != model::BytesNeededWrite::None)
      return;
    ExplodedNode *N = C.generateNonFatalErrorNode(C.getState(), &Tag);
    if (!N)
      return;
    std::string Returns = "returns";
    if (RS && RS->getRetValue()) {
      SVal Ret = C.getSVal(RS->getRetValue());
      if (auto V = model::knownValue(C, C.getState(), Ret))
        Returns += " " + model::statusName(static_cast<int64_t>(*V));
      else
        Returns += " '" + model::sourceText(C, RS->getRetValue()) + "'";
    } else {
      Returns = "falls off its end";
    }
    std::string Msg = "'" + P->Callback->getNameAsString() + "' " + Returns +
                      " without writing '*" + P->BytesNeededName +
                      "' on this path: KMCL reads an indeterminate size";
    auto R = model::makeReport(Bug, Msg, N, C.getAnalysisManager().getAnalyzerOptions());
    if (RS)
      R->addRange(RS->getSourceRange());
    C.emitReport(std::move(R));
  }
};

} // namespace

void registerVmb002BytesNeededSet(CheckerRegistry &R) {
  R.addChecker<Vmb002Checker>("vmbcheck.VMB002", "bytes-needed-set", "");
}

} // namespace vmbcheck
