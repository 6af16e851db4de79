// Rules decided on the AST alone, without path-sensitive analysis.
#pragma once

#include "frontend/CallbackDiscovery.h"
#include "report/Finding.h"

#include <vector>

namespace clang {
class ASTContext;
}

namespace vmbcheck {

// VMB005 role-type-declaration: a function used as the save callback
// (registered or stored) must have a role type declaration before its
// definition.
std::vector<Finding> checkVmb005RoleTypeDeclaration(const clang::ASTContext &Ctx,
                                                    const DiscoveryResult &Discovery);

} // namespace vmbcheck
