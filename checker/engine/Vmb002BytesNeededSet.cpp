// VMB002 bytes-needed-set: every path that returns from the save callback
// writes *BytesNeeded, directly or in a callee the analysis follows. Passing
// BytesNeeded to a function without a body counts as a write.
#include "engine/AstRules.h"
#include "frontend/SaveRoles.h"
#include "engine/RuleCheckers.h"
#include "frontend/SourceSpans.h"
#include "engine/SavePacketModel.h"
#include "frontend/CallbackDiscovery.h"

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
    std::string Msg = "'" + shortCallbackName(P->Callback) + "' " + Returns +
                      " without writing '*" + P->BytesNeededName +
                      "' on this path: KMCL reads an indeterminate size";
    auto R = model::makeReport(Bug, Msg, N, C.getAnalysisManager().getAnalyzerOptions());
    if (RS)
      R->addRange(RS->getSourceRange());
    C.emitReport(std::move(R));
  }
};

} // namespace

// True if Body refers to Param anywhere.
static bool mentions(const Stmt *Body, const ParmVarDecl *Param) {
  if (!Body)
    return false;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Body); DRE && DRE->getDecl() == Param)
    return true;
  for (const Stmt *Child : Body->children())
    if (mentions(Child, Param))
      return true;
  return false;
}

std::optional<FixIt> vmb002Fix(const ASTContext &Ctx, const FunctionDecl *Callback,
                               const SaveRole &Role) {
  if (Callback->getNumParams() <= Role.BytesNeeded)
    return std::nullopt;
  const ParmVarDecl *Param = Callback->getParamDecl(Role.BytesNeeded);
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Callback->getBody());
  if (!Body || Param->getName().empty() || mentions(Body, Param))
    return std::nullopt;
  const SourceManager &SM = Ctx.getSourceManager();
  // Not where a macro writes the brace: the insertion would land inside its
  // expansion. (It goes right after the brace, before any statement.)
  if (Body->getLBracLoc().isMacroID())
    return std::nullopt;
  SourceLocation Brace = SM.getExpansionLoc(Body->getLBracLoc());
  // Indent like the first statement, else four spaces.
  unsigned Indent = 4;
  if (!Body->body_empty())
    Indent = SM.getExpansionColumnNumber(Body->body_front()->getBeginLoc()) - 1;
  TextEdit E;
  E.File = filePathOf(SM, Brace);
  E.Digest = contentDigest(SM.getBufferData(SM.getFileID(Brace)));
  E.Offset = SM.getFileOffset(Brace) + 1;
  E.Length = 0;
  E.Replacement = "\n" + std::string(Indent, ' ') + "*" + Param->getName().str() + " = 0;";
  E.Where = spanOf(SM, Ctx.getLangOpts(), SourceRange(Brace));
  E.Where.Column = E.Where.EndColumn = E.Where.Column + 1;
  return FixIt{"initialise '*" + Param->getName().str() + "' to 0 at the entry of '" +
                   Callback->getNameAsString() + "'",
               {E}};
}

void registerVmb002BytesNeededSet(CheckerRegistry &R) {
  R.addChecker<Vmb002Checker>("vmbcheck.VMB002", "bytes-needed-set", "");
}

} // namespace vmbcheck
