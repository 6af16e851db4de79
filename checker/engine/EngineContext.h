// What the path-sensitive rules may know about the translation unit under
// analysis, without depending on the analyzer plumbing. The driver installs
// one context per thread for the duration of an analysis; checkers, which
// the Clang Static Analyzer constructs itself, reach it through current().
#pragma once

#include <chrono>
#include <string>

namespace vmbcheck {

class SalIndex;
class IrqlContracts;
struct SaveRole;

struct EngineContext {
  const SalIndex *Sal = nullptr;
  const IrqlContracts *Irql = nullptr;
  bool UseZ3 = true; // refute reports whose path Z3 proves infeasible
  // The role of the callback being analysed: where SaveBuf, SaveBufSize and
  // BytesNeeded sit among its parameters.
  const SaveRole *Role = nullptr;
  // Wall-clock budget of the callback being analysed.
  std::chrono::steady_clock::time_point Deadline =
      std::chrono::steady_clock::time_point::max();
  bool DeadlineHit = false;

  // The context of the analysis running on this thread (never null while a
  // checker runs).
  static EngineContext &current();

  // Installs Ctx as this thread's context for the lifetime of the scope.
  class Scope {
  public:
    explicit Scope(EngineContext &Ctx);
    ~Scope();
    Scope(const Scope &) = delete;
    Scope &operator=(const Scope &) = delete;

  private:
    EngineContext *Previous;
  };
};

} // namespace vmbcheck
