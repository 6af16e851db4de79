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

// Loop iterations followed concretely before a loop is widened, at most:
// fewer when the body branches several times or the loop is nested in or
// holds another loop, where every concrete iteration multiplies the paths.
inline constexpr unsigned ConcreteLoopIterations = 4;
// A loop whose body has no branch that multiplies the paths (each branch
// that does not go on with the iteration leaves the loop) and whose counter
// must stop within this many iterations runs to its end instead: a loop over
// up to 16 entries, such as one summing sizes that a later check relies
// on, stays exact.
inline constexpr unsigned LinearLoopIterations = 16;
// Generic (widened) iterations analysed per entry of a loop: the second
// only when the first changed a state the rules carry across iterations.
inline constexpr unsigned WidenedLoopIterations = 2;

// Registers a program-state trait (its GDM index) whose value a loop
// iteration may carry into the next one and on to the loop's exit (the
// IRQL, whether *BytesNeeded was written). Locals and memory the loop writes
// are widened; checker state is not, so a generic iteration that changed one
// of these is followed by another.
void carryAcrossIterations(const void *GDMIndex);

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
