// Runs vmbcheck's path-sensitive rules with the Clang Static Analyzer's
// engine, in-process, on the discovered save callbacks only (the stock
// analysis consumer would analyse every function of the TU and skip a TU with
// any error). This is the only code that knows the ExprEngine plumbing.
#pragma once

#include "report/Finding.h"

#include "llvm/ADT/ArrayRef.h"

#include <string>
#include <vector>

namespace clang {
class CompilerInstance;
class FunctionDecl;
} // namespace clang

namespace vmbcheck {

class SalIndex;
class IrqlContracts;
struct SaveRole;

// A save callback and the role it has (where its parameters sit).
struct CallbackTarget {
  const clang::FunctionDecl *Function = nullptr;
  const SaveRole *Role = nullptr;
};

struct EngineOptions {
  bool UseZ3 = true;          // refute reports whose path Z3 finds infeasible
  unsigned MaxNodes = 150000; // exploded-graph nodes per callback
  double MaxSeconds = 30.0;   // wall-clock seconds per callback
  // Path-sensitive rules to run ("VMB001" ... "VMB004").
  std::vector<std::string> Rules = {"VMB001", "VMB002", "VMB003", "VMB004"};
};

struct EngineResult {
  std::vector<Finding> Findings;
  std::vector<Notification> Notifications; // budgets reached, CFG failures
};

EngineResult analyseCallbacks(clang::CompilerInstance &CI, const SalIndex &Sal,
                              const IrqlContracts *Irql,
                              llvm::ArrayRef<CallbackTarget> Callbacks,
                              const EngineOptions &Opts);

// Seconds as the user wrote them in an option: 0.5 as "0.5", 300 as "300".
std::string formatSeconds(double Seconds);

} // namespace vmbcheck
