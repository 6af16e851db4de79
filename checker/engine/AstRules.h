// Rules decided on the AST alone, without path-sensitive analysis.
#pragma once

#include "frontend/CallbackDiscovery.h"
#include "report/Finding.h"

#include <optional>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace vmbcheck {

class SalIndex;

// VMB001 (c): an IRQL annotation on a declaration of a save callback that
// conflicts with PASSIVE_LEVEL. (VMB001 (a) and (b) are path-sensitive.)
std::vector<Finding> checkVmb001Annotations(const clang::ASTContext &Ctx, const SalIndex &Sal,
                                            const DiscoveryResult &Discovery);

// VMB005 role-type-declaration: a function used as the save callback
// (registered or stored) must have a role type declaration before its
// definition.
// Each finding carries the certain fix: the role type declaration inserted
// before the definition (and its annotations), when the definition's type
// is the role type's.
std::vector<Finding> checkVmb005RoleTypeDeclaration(clang::ASTContext &Ctx, const SalIndex &Sal,
                                                    const DiscoveryResult &Discovery);

// VMB002's certain fix for a callback that never mentions its BytesNeeded
// parameter: `*BytesNeeded = 0;` as the first statement. None otherwise.
std::optional<FixIt> vmb002Fix(const clang::ASTContext &Ctx, const clang::FunctionDecl *Callback,
                               const SaveRole &Role);

} // namespace vmbcheck
