// VMB005 role-type-declaration. A function passed as the SavePacket argument
// of VmbServerChannelInitSetSaveRestorePacketCallbacks, or stored in a
// PFN_VMB_CHANNEL_SAVE_PACKET, needs `EVT_VMB_CHANNEL_SAVE_PACKET Name;` (or
// _Function_class_(EVT_VMB_CHANNEL_SAVE_PACKET)) before its definition: that
// declaration is what lets the compiler check the signature and Code
// Analysis apply the callback's contract. The function is still analysed by
// the other rules.
#include "engine/AstRules.h"
#include "frontend/SourceSpans.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace vmbcheck {

static std::string shortPlace(const SourceSpan &S) {
  return llvm::sys::path::filename(S.File).str() + ":" + std::to_string(S.Line);
}

std::vector<Finding> checkVmb005RoleTypeDeclaration(const ASTContext &Ctx,
                                                    const DiscoveryResult &Discovery) {
  std::vector<Finding> Out;
  const SourceManager &SM = Ctx.getSourceManager();
  for (const DiscoveredCallback &CB : Discovery.Callbacks) {
    if (CB.Uses.empty() || CB.RoleBeforeDefinition)
      continue;
    const FunctionDecl *Def = CB.Definition;
    Finding F;
    F.RuleId = "VMB005";
    F.Function = CB.Name;
    F.Where = spanOf(SM, Ctx.getLangOpts(), SourceRange(Def->getLocation()));
    F.LineText = lineTextOf(SM, Def->getLocation());
    const CallbackUse &First = CB.Uses.front();
    F.Message = "'" + CB.Name + "' is used as the save callback (" + First.How +
                " at " + shortPlace(First.Where) + ") but ";
    if (CB.RoleAnywhere)
      F.Message += std::string("its ") + SaveRoleType +
                   " declaration comes after its definition";
    else
      F.Message += std::string("is not declared with the role type ") + SaveRoleType;
    F.Message += std::string("; declare '") + SaveRoleType + " " + CB.Name +
                 ";' before the definition";
    for (const CallbackUse &U : CB.Uses)
      F.Steps.push_back({U.Where, "used as the save callback here: " + U.How, 0});
    Out.push_back(std::move(F));
  }
  return Out;
}

} // namespace vmbcheck
