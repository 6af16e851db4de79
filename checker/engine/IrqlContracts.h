// IRQL contracts of callees, for VMB001: what IRQL a routine may be called
// at, and how it changes the IRQL. In order of authority:
//  1. the SAL annotations on the declarations the translation unit parses
//     (_IRQL_requires_, _IRQL_requires_max_/_min_, _When_, _IRQL_raises_,
//     _IRQL_saves_, _IRQL_restores_, _IRQL_saves_global_, ...);
//  2. the table of well-known DDIs in rules/ddi-irql.json, for what the
//     declarations leave unsaid;
//  3. the driver's own functions: a function placed in a PAGE section
//     (#pragma alloc_text) or running PAGED_CODE() requires IRQL <= APC_LEVEL.
#pragma once

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class FunctionDecl;
}

namespace vmbcheck {

class SalIndex;

// Where an IRQL effect's value comes from or goes to.
struct IrqlSlot {
  enum Kind { None, Level, Return, Arg, Global } K = None;
  int64_t Value = 0;   // the level for Level
  unsigned Index = 0;  // the argument for Arg and Global
  explicit operator bool() const { return K != None; }
};

struct IrqlContract {
  std::optional<int64_t> Min, Max; // the callee's requirement
  struct Conditional {
    std::string Condition;   // C expression over the arguments
    std::optional<int64_t> Min, Max;
    // Where the condition is written (an annotation): its macros resolve as
    // defined there. Invalid for the DDI table's conditions.
    clang::SourceLocation Where;
  };
  std::vector<Conditional> When; // requirements that hold when Condition does
  // Parameter names usable in conditions, by position.
  std::map<std::string, unsigned> ArgNames;
  IrqlSlot Raises;   // the new IRQL: Level, or Arg (its value)
  IrqlSlot Saves;    // where the previous IRQL goes: Return, Arg (*ptr), Global
  IrqlSlot Restores; // where the new IRQL comes from: Arg (value), Global
  std::string Origin; // for messages: "the annotations on its declaration", ...

  bool changesIrql() const { return Raises || Restores; }
  bool empty() const {
    return !Min && !Max && When.empty() && !Raises && !Saves && !Restores;
  }
};

class IrqlContracts {
public:
  // The table compiled into the binary (rules/ddi-irql.json).
  static const IrqlContracts &builtin();
  static bool parse(llvm::StringRef Json, IrqlContracts &Out, std::string &Error);

  // The contract of FD as this translation unit sees it.
  IrqlContract contractOf(const clang::FunctionDecl *FD, const SalIndex &Sal) const;

  // The table's entry for a routine name, if any.
  const IrqlContract *tableEntry(llvm::StringRef Name) const;
  size_t tableSize() const { return Table.size(); }

private:
  llvm::StringMap<IrqlContract> Table;
};

} // namespace vmbcheck
