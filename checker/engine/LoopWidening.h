// Loop widening for the save-callback analysis. The engine follows the
// first iterations of a loop concretely; after that the loop checker
// replaces what the loop body writes with fresh values - the induction
// variable becomes "any later index" constrained by the loop condition -
// and lets one or two such generic iterations run, so that a write at the
// symbolic last index, an IRQL left raised on some iteration, and the code
// after the loop are all analysed within the budget. See LoopWidening.cpp.
#pragma once

#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramState_Fwd.h"

namespace clang::ento {
class CheckerRegistry;
}

namespace vmbcheck::model {

// Loop iterations followed concretely before a loop is widened.
inline constexpr unsigned ConcreteLoopIterations = 4;
// Generic (widened) iterations analysed per entry of a loop.
inline constexpr unsigned WidenedLoopIterations = 2;

// True once a loop was widened on this path: values the loop body writes
// are then fresh symbols whose relations only a solver sees, so rules
// confirm suspicious states with Z3 before reporting them.
bool pathWidened(clang::ento::ProgramStateRef State);

// True unless Z3 proves the constraints of State unsatisfiable (also true
// when Z3 gives up).
bool feasibleWithZ3(clang::ento::ProgramStateRef State);

void registerLoopWideningChecker(clang::ento::CheckerRegistry &R);
inline constexpr const char *LoopWideningCheckerName = "vmbcheck.LoopWidening";

} // namespace vmbcheck::model
