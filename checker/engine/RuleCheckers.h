// Registration of the rule checkers with the Clang Static Analyzer. Each
// rule lives in its own source file (Vmb00N*.cpp) and exposes one function.
#pragma once

namespace clang::ento {
class CheckerRegistry;
}

namespace vmbcheck {

// Path-sensitive rules: the checker of rule "VMB00N" is registered under the
// name "vmbcheck.VMB00N" and its bug type is named after the rule id.
void registerVmb001PassiveLevel(clang::ento::CheckerRegistry &R);
void registerVmb002BytesNeededSet(clang::ento::CheckerRegistry &R);
void registerVmb003ZeroSizeMustFail(clang::ento::CheckerRegistry &R);
void registerVmb004SaveBufferBound(clang::ento::CheckerRegistry &R);

} // namespace vmbcheck
