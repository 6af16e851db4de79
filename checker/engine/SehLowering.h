// Structured exception handling (__try/__except, __try/__finally, __leave)
// rewritten into plain C control flow before the analyzer builds a CFG.
//
// Clang 19's CFG builder gives up on __finally, and the path-sensitive
// engine never enters an __except handler (it does not model exceptions).
// The lowering replaces each SEH statement in place by statements the CFG
// and the engine follow, built from the original nodes (real source
// locations, so path notes point at the code as written):
//
//   __try { A } __except (F) { H }
//     -> { A, with `if (<raise>) goto X;` before each statement that can
//          raise (a call, an access through a pointer, a division) and
//          after one that can raise after taking effect (a call to a
//          function with a body, a loop), in A and in the blocks nested
//          in it;
//          L: goto E;  X: if (F) H else <exception continues search: the
//          path ends>;  E: ; }
//   __try { A } __finally { B }
//     -> { int exit = 0; [T ret;]  A, in which every exit leaves through B:
//          `return e` -> { ret = e; exit = k; goto F; }, `goto out`,
//          `break`/`continue` out of A likewise, `__leave` -> goto F;
//          F: B  if (exit == k) return ret; if (exit == k') goto out; ... }
//     with AbnormalTermination() in B read as `exit != 0`.
//
// <raise> is an opaque condition (an OpaqueValueExpr without source, which
// the engine evaluates to an unknown value): both branches are followed,
// without a new symbol or any invalidation. __leave in __try/__except jumps
// to L. Exceptions are raised at statement boundaries only; an inner,
// already lowered __try statement is one statement to the outer one (its
// own handler takes what is raised inside); an exception inside a
// __try/__finally body does not run B on its way out (a path that raises
// there leaves the function abnormally and is not followed).
#pragma once

#include "clang/Basic/SourceLocation.h"

#include <string>
#include <utility>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace vmbcheck {

struct SehLoweringResult {
  bool Lowered = false;     // the body contained SEH statements and was rewritten
  std::string Unsupported;  // non-empty: why the body was left as written
  // Where the lowered body may raise an exception, and the path note to
  // give when a path takes that branch (the engine would say "Assuming the
  // condition is true" at that location).
  std::vector<std::pair<clang::SourceLocation, std::string>> RaiseNotes;
};

// Rewrites the SEH statements of FD's body in place. Checks first: a body
// with a form the lowering cannot follow (see Unsupported) is not touched.
SehLoweringResult lowerStructuredExceptions(clang::ASTContext &Ctx, clang::FunctionDecl &FD);

} // namespace vmbcheck
