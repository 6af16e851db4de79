// Rules decided on the AST alone, without path-sensitive analysis.
#pragma once

#include "frontend/CallbackDiscovery.h"
#include "report/Finding.h"

#include <vector>

namespace clang {
class ASTContext;
}

namespace vmbcheck {

class SalIndex;

// VMB001 (c): an IRQL annotation on a declaration of a save callback that
// conflicts with PASSIVE_LEVEL. (VMB001 (a) and (b) are path-sensitive.)
std::vector<Finding> checkVmb001Annotations(const clang::ASTContext &Ctx, const SalIndex &Sal,
                                            const DiscoveryResult &Discovery);

// VMB005 role-type-declaration: a function used as the save callback
// (registered or stored) must have a role type declaration before its
// definition.
std::vector<Finding> checkVmb005RoleTypeDeclaration(const clang::ASTContext &Ctx,
                                                    const DiscoveryResult &Discovery);

} // namespace vmbcheck
