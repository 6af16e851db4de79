// The save callback's contract as the path-sensitive engine sees it, shared
// by the rule checkers:
//  - the initial values of SaveBuf, SaveBufSize and BytesNeeded (parameters
//    are matched by position, whatever the definition names them), kept
//    alive to the end of every path;
//  - whether, and how, *BytesNeeded has been written on the current path;
//  - which writes go through SaveBuf, at what byte offset and length.
// The program-state traits behind this live in SavePacketModel.cpp; rules
// use only the functions below.
#pragma once

#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"

#include <optional>
#include <string>

namespace clang::ento {
class CheckerRegistry;
}

namespace vmbcheck::model {

// Positions of the contract's parameters in the role type of the callback
// under analysis (rules/roles.json: 2, 3, 4 of 5 for
// EVT_VMB_CHANNEL_SAVE_PACKET, one later for the V5 _EX role).
struct ParamPositions {
  unsigned SaveBuf, SaveBufSize, BytesNeeded, Count;
};
ParamPositions paramPositions();

struct CallbackParams {
  const clang::FunctionDecl *Callback = nullptr;
  clang::ento::SymbolRef SaveBuf = nullptr;     // initial pointer value
  clang::ento::SymbolRef SaveBufSize = nullptr; // initial size value
  clang::ento::SymbolRef BytesNeeded = nullptr; // initial pointer value
  const clang::ento::SymbolicRegion *SaveBufRegion = nullptr;
  const clang::ento::SymbolicRegion *BytesNeededRegion = nullptr; // *BytesNeeded
  // Names as written in the definition ("SaveBufSize" or whatever).
  std::string SaveBufName, SaveBufSizeName, BytesNeededName;
};

// The parameters of the callback at the bottom of the current call stack;
// nullopt when the analysis did not start from a save callback.
std::optional<CallbackParams> callbackParams(clang::ento::CheckerContext &C);
std::optional<CallbackParams> callbackParams(clang::ento::ProgramStateRef State,
                                             const clang::LocationContext *LC);

enum class BytesNeededWrite { None, Direct, Escaped };
// How *BytesNeeded has been written on this path: not at all, by a store the
// analysis saw, or by passing BytesNeeded to a function without a body.
BytesNeededWrite bytesNeededWrite(clang::ento::ProgramStateRef State);
// The value *BytesNeeded holds now.
clang::ento::SVal bytesNeededValue(clang::ento::CheckerContext &C,
                                   const CallbackParams &P);
clang::ento::SVal saveBufSizeValue(clang::ento::CheckerContext &C,
                                   const CallbackParams &P);

// A write of Length bytes at byte Offset of SaveBuf.
struct SaveBufWrite {
  clang::ento::NonLoc Offset;
  clang::ento::NonLoc Length;
  std::string What; // "memcpy", "a store of 'ULONG'"
};
// A store the analysis is about to bind at Location for statement S (the
// check::Bind arguments). The stored size is that of the assignment's
// left-hand side. Also recognises stores the engine could not place, such
// as `*(PULONG)((PUCHAR)SaveBuf + len) = x` (a cast of a pointer with a
// variable offset has no region in the engine's store model).
std::optional<SaveBufWrite> classifyStore(clang::ento::CheckerContext &C,
                                          const CallbackParams &P,
                                          clang::ento::SVal Location,
                                          const clang::Stmt *S);
// A call of memcpy/memmove/memset, the Rtl*Memory routines or their
// builtins whose destination points into SaveBuf.
std::optional<SaveBufWrite> classifyCall(clang::ento::CheckerContext &C,
                                         const CallbackParams &P,
                                         const clang::ento::CallEvent &Call);
// True if Call passes a pointer into SaveBuf to a function the analysis cannot
// follow, through a parameter that is not pointer-to-const.
bool passesSaveBufToOpaqueCall(clang::ento::CheckerContext &C,
                               const CallbackParams &P,
                               const clang::ento::CallEvent &Call);

// The interval of values V may take on this path, following the arithmetic
// the range solver does not (`len + 8` with len a USHORT is [8, 65543]).
// 128-bit bounds; a sum that may wrap in its type gives the type's range.
struct Interval {
  llvm::APInt Min, Max;
};
std::optional<Interval> valueRange(clang::ento::ProgramStateRef State, clang::ento::SVal V);

// Results of checked arithmetic (IntSafeModel): symbols whose value is the
// exact mathematical result of their expression, known to fit their type.
// Their ranges are computed without assuming a wrap.
clang::ento::ProgramStateRef markExact(clang::ento::ProgramStateRef State,
                                       clang::ento::SymbolRef Sym);
bool isExact(clang::ento::ProgramStateRef State, clang::ento::SymbolRef Sym);

// True if a comparison assumed on this path already implies End <= Size,
// comparing both as Base + constant through integer casts (the program's
// `SaveBufSize < hdr + len` computed in UINT32 and a copy ending at
// `hdr + len` computed in SIZE_T), provided neither sum can wrap.
bool provablyWithin(clang::ento::ProgramStateRef State, clang::ento::SVal End,
                    clang::ento::SymbolRef Size);

// True if this path compared Size with a sum that can wrap in its type, for
// explaining why a checked size did not protect a write.
bool checkedAgainstWrappingSize(clang::ento::ProgramStateRef State,
                                clang::ento::SymbolRef Size);

// A value on this path, for messages: the value itself when known, else the
// smallest possible one.
std::optional<uint64_t> knownValue(clang::ento::CheckerContext &C,
                                   clang::ento::ProgramStateRef State,
                                   clang::ento::SVal V);
std::optional<uint64_t> minValue(clang::ento::CheckerContext &C,
                                 clang::ento::ProgramStateRef State,
                                 clang::ento::SVal V);

// Builds `L Op R` on 64-bit unsigned values, for feasibility questions that
// compare sizes of different integer types.
clang::ento::SVal compareSizes(clang::ento::CheckerContext &C,
                               clang::ento::ProgramStateRef State,
                               clang::BinaryOperatorKind Op,
                               clang::ento::SVal L, clang::ento::SVal R);

// The NTSTATUS a return statement returns, with its name when it is one of
// the well-known values ("STATUS_BUFFER_TOO_SMALL").
std::string statusName(int64_t Status);
// Text of an expression as written (macro names kept), shortened to Max.
std::string sourceText(clang::ento::CheckerContext &C, const clang::Stmt *S,
                       size_t Max = 60);

// Creates a report of Bug at Node and, unless --no-z3, attaches Z3
// refutation: the report is dropped only when Z3 proves its path
// infeasible. (Clang's own crosscheck also drops reports when Z3 runs out
// of budget; a finding must never disappear for that reason.)
std::unique_ptr<clang::ento::PathSensitiveBugReport>
makeReport(const clang::ento::BugType &Bug, llvm::StringRef Message,
           const clang::ento::ExplodedNode *Node,
           const clang::AnalyzerOptions &Options);

// A path note shown only in reports of the given rules ("VMB003").
const clang::ento::NoteTag *
noteForRules(clang::ento::CheckerContext &C, std::string Note,
             std::initializer_list<llvm::StringRef> RuleIds);

// Registers the modeling checker (not a rule; always on).
void registerModelChecker(clang::ento::CheckerRegistry &R);
inline constexpr const char *ModelCheckerName = "vmbcheck.SavePacketModel";

// Registers the model of VmbPacketGetPointer / VmbChannelGetPointer (one
// pointer per handle; not a rule, always on).
void registerHandleContextModel(clang::ento::CheckerRegistry &R);
inline constexpr const char *HandleContextModelName = "vmbcheck.HandleContextModel";

// Registers the budget checker, which ends every path once the callback's
// wall-clock budget is spent.
void registerBudgetChecker(clang::ento::CheckerRegistry &R);
inline constexpr const char *BudgetCheckerName = "vmbcheck.Budget";

} // namespace vmbcheck::model
