// A small evaluator for the integer expressions written inside SAL
// annotations: IRQL levels (`DISPATCH_LEVEL`), _When_ conditions
// (`(Flags & POOL_FLAG_PAGED) != 0`, `Timeout == NULL || *Timeout != 0`).
// Identifiers resolve through a caller-supplied function: the translation
// unit's object-like macros, and, for _When_, the call's argument values.
#pragma once

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace vmbcheck {

struct SalToken {
  enum Kind { Number, Identifier, Punct, Other } K = Other;
  std::string Text;
  int64_t Value = 0; // for Number
};

// Splits C-like source text into tokens; comments are dropped.
std::vector<SalToken> tokenizeSal(llvm::StringRef Text);

// Resolves an identifier to tokens (a macro body) or a value (a parameter).
// Deref is true for `*Name`. Field resolves `Name->Member` (the real WDK
// writes `Timeout->QuadPart != 0`).
struct SalResolver {
  std::function<std::optional<int64_t>(llvm::StringRef Name, bool Deref)> Value;
  std::function<std::optional<int64_t>(llvm::StringRef Name, llvm::StringRef Member)> Field;
  std::function<std::optional<std::vector<SalToken>>(llvm::StringRef Name)> Macro;
};

// Evaluates Tokens as a C integer constant expression; nullopt when some
// identifier is unknown or the text is not an expression.
std::optional<int64_t> evaluateSal(const std::vector<SalToken> &Tokens,
                                   const SalResolver &Resolver);

// The fallback values of the kernel's IRQL names (x64), used when a
// translation unit does not define them.
std::optional<int64_t> wellKnownIrqlLevel(llvm::StringRef Name);

// Human-readable name of an IRQL value: "PASSIVE_LEVEL", "DISPATCH_LEVEL",
// or the number.
std::string irqlName(int64_t Level);

} // namespace vmbcheck
