#include "engine/SavePacketModel.h"
#include "engine/EngineContext.h"

#include "clang/AST/RecordLayout.h"
#include "clang/Lex/Lexer.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/DynamicExtent.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"

using namespace clang;
using namespace clang::ento;

// The initial values of the contract's parameters, recorded when the
// analysis enters the callback, and how *BytesNeeded was last written.
REGISTER_TRAIT_WITH_PROGRAMSTATE(InitialSaveBuf, SymbolRef)
REGISTER_TRAIT_WITH_PROGRAMSTATE(InitialSaveBufSize, SymbolRef)
REGISTER_TRAIT_WITH_PROGRAMSTATE(InitialBytesNeeded, SymbolRef)
REGISTER_TRAIT_WITH_PROGRAMSTATE(BytesNeededWriteKind, unsigned)

namespace vmbcheck::model {

static const StackFrameContext *bottomFrame(const LocationContext *LC) {
  const StackFrameContext *SF = LC->getStackFrame();
  while (!SF->inTopFrame())
    SF = SF->getParent()->getStackFrame();
  return SF;
}

std::optional<CallbackParams> callbackParams(ProgramStateRef State,
                                             const LocationContext *LC) {
  SymbolRef Buf = State->get<InitialSaveBuf>();
  SymbolRef Size = State->get<InitialSaveBufSize>();
  SymbolRef Needed = State->get<InitialBytesNeeded>();
  if (!Buf || !Size || !Needed)
    return std::nullopt;
  const auto *FD = dyn_cast_or_null<FunctionDecl>(bottomFrame(LC)->getDecl());
  if (!FD || FD->getNumParams() < ParamCount)
    return std::nullopt;
  MemRegionManager &MRM = State->getStateManager().getRegionManager();
  CallbackParams P;
  P.Callback = FD;
  P.SaveBuf = Buf;
  P.SaveBufSize = Size;
  P.BytesNeeded = Needed;
  P.SaveBufRegion = MRM.getSymbolicRegion(Buf);
  P.BytesNeededRegion = MRM.getSymbolicRegion(Needed);
  auto Name = [&](unsigned I, const char *Fallback) {
    llvm::StringRef N = FD->getParamDecl(I)->getName();
    return N.empty() ? std::string(Fallback) : N.str();
  };
  P.SaveBufName = Name(SaveBufParam, "SaveBuf");
  P.SaveBufSizeName = Name(SaveBufSizeParam, "SaveBufSize");
  P.BytesNeededName = Name(BytesNeededParam, "BytesNeeded");
  return P;
}

std::optional<CallbackParams> callbackParams(CheckerContext &C) {
  return callbackParams(C.getState(), C.getLocationContext());
}

BytesNeededWrite bytesNeededWrite(ProgramStateRef State) {
  return static_cast<BytesNeededWrite>(State->get<BytesNeededWriteKind>());
}

static QualType pointeeOr(QualType T, QualType Fallback) {
  QualType P = T.isNull() ? QualType() : T->getPointeeType();
  return P.isNull() || P->isVoidType() ? Fallback : P;
}

SVal bytesNeededValue(CheckerContext &C, const CallbackParams &P) {
  QualType T = pointeeOr(P.Callback->getParamDecl(BytesNeededParam)->getType(),
                         C.getASTContext().UnsignedIntTy);
  return C.getState()->getSVal(loc::MemRegionVal(P.BytesNeededRegion), T);
}

SVal saveBufSizeValue(CheckerContext &, const CallbackParams &P) {
  return nonloc::SymbolVal(P.SaveBufSize);
}

// Byte offset of R from its base region, as an array-index value; walks
// element (casts, indexing, pointer arithmetic) and field regions.
static std::optional<std::pair<const MemRegion *, NonLoc>>
byteOffset(CheckerContext &C, const MemRegion *R) {
  SValBuilder &SVB = C.getSValBuilder();
  ASTContext &Ctx = C.getASTContext();
  ProgramStateRef State = C.getState();
  QualType IndexTy = SVB.getArrayIndexType();
  NonLoc Offset = SVB.makeZeroArrayIndex();
  auto Add = [&](NonLoc A, NonLoc B) -> std::optional<NonLoc> {
    return SVB.evalBinOpNN(State, BO_Add, A, B, IndexTy).getAs<NonLoc>();
  };
  for (unsigned Guard = 0; R && Guard < 64; ++Guard) {
    if (const auto *ER = dyn_cast<ElementRegion>(R)) {
      QualType ET = ER->getElementType();
      int64_t Size = 1;
      if (!ET->isVoidType() && !ET->isIncompleteType() && !ET->isFunctionType())
        Size = Ctx.getTypeSizeInChars(ET).getQuantity();
      SVal Scaled = SVB.evalBinOpNN(State, BO_Mul, ER->getIndex(),
                                    SVB.makeArrayIndex(Size), IndexTy);
      auto ScaledNL = Scaled.getAs<NonLoc>();
      if (!ScaledNL)
        return std::nullopt;
      auto Sum = Add(Offset, *ScaledNL);
      if (!Sum)
        return std::nullopt;
      Offset = *Sum;
      R = ER->getSuperRegion();
    } else if (const auto *FR = dyn_cast<FieldRegion>(R)) {
      const FieldDecl *FD = FR->getDecl();
      const RecordDecl *RD = FD->getParent();
      if (!RD->isCompleteDefinition() || RD->isInvalidDecl())
        return std::nullopt;
      const ASTRecordLayout &L = Ctx.getASTRecordLayout(RD);
      uint64_t Bits = L.getFieldOffset(FD->getFieldIndex());
      auto Sum = Add(Offset, SVB.makeArrayIndex(Bits / Ctx.getCharWidth()));
      if (!Sum)
        return std::nullopt;
      Offset = *Sum;
      R = FR->getSuperRegion();
    } else {
      return std::make_pair(R, Offset);
    }
  }
  return std::nullopt;
}

std::optional<SaveBufWrite> classifyStore(CheckerContext &C, const CallbackParams &P,
                                          SVal Location, QualType StoredType) {
  const MemRegion *R = Location.getAsRegion();
  if (!R || R->getBaseRegion() != P.SaveBufRegion)
    return std::nullopt;
  auto Off = byteOffset(C, R);
  if (!Off || Off->first != P.SaveBufRegion)
    return std::nullopt;
  ASTContext &Ctx = C.getASTContext();
  int64_t Size = 1;
  if (!StoredType.isNull() && !StoredType->isIncompleteType() &&
      !StoredType->isVoidType() && !StoredType->isFunctionType())
    Size = Ctx.getTypeSizeInChars(StoredType).getQuantity();
  SaveBufWrite W{Off->second, C.getSValBuilder().makeArrayIndex(Size),
                 "a store of '" + StoredType.getAsString() + "'"};
  return W;
}

namespace {
struct MemoryRoutine {
  llvm::StringRef Name;
  unsigned Dest, Length;
};
// Destination and length arguments of the routines that write memory. The
// WDK's RtlCopyMemory, RtlZeroMemory, ... are macros over the C ones; they
// are listed for configurations where they are functions.
const MemoryRoutine MemoryRoutines[] = {
    {"memcpy", 0, 2},         {"memmove", 0, 2},       {"memset", 0, 2},
    {"memcpy_s", 0, 3},       {"memmove_s", 0, 3},     {"RtlCopyMemory", 0, 2},
    {"RtlMoveMemory", 0, 2},  {"RtlCopyBytes", 0, 2},  {"RtlZeroMemory", 0, 1},
    {"RtlFillMemory", 0, 1},  {"RtlZeroBytes", 0, 1},  {"RtlFillBytes", 0, 1},
    {"RtlSecureZeroMemory", 0, 1}, {"__stosb", 0, 2},  {"__movsb", 0, 2},
};
} // namespace

static const MemoryRoutine *memoryRoutine(const IdentifierInfo *II) {
  if (!II)
    return nullptr;
  llvm::StringRef N = II->getName();
  N.consume_front("__builtin_");
  for (const MemoryRoutine &M : MemoryRoutines)
    if (M.Name == N)
      return &M;
  return nullptr;
}

std::optional<SaveBufWrite> classifyCall(CheckerContext &C, const CallbackParams &P,
                                         const CallEvent &Call) {
  const MemoryRoutine *M = memoryRoutine(Call.getCalleeIdentifier());
  if (!M || Call.getNumArgs() <= std::max(M->Dest, M->Length))
    return std::nullopt;
  // RtlSecureZeroMemory's inline body calls __stosb: count the outer call.
  if (const auto *Caller = dyn_cast_or_null<FunctionDecl>(C.getStackFrame()->getDecl()))
    if (memoryRoutine(Caller->getIdentifier()))
      return std::nullopt;
  const MemRegion *R = Call.getArgSVal(M->Dest).getAsRegion();
  if (!R || R->getBaseRegion() != P.SaveBufRegion)
    return std::nullopt;
  auto Off = byteOffset(C, R);
  auto Len = Call.getArgSVal(M->Length).getAs<NonLoc>();
  if (!Off || Off->first != P.SaveBufRegion || !Len)
    return std::nullopt;
  return SaveBufWrite{Off->second, *Len, M->Name.str()};
}

bool passesSaveBufToOpaqueCall(CheckerContext &C, const CallbackParams &P,
                               const CallEvent &Call) {
  if (memoryRoutine(Call.getCalleeIdentifier()))
    return false;
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
  if (FD && FD->hasBody())
    return false; // the analysis follows it
  for (unsigned I = 0; I < Call.getNumArgs(); ++I) {
    const MemRegion *R = Call.getArgSVal(I).getAsRegion();
    if (!R || R->getBaseRegion() != P.SaveBufRegion)
      continue;
    if (FD && I < FD->getNumParams()) {
      QualType T = FD->getParamDecl(I)->getType();
      if (T->isPointerType() && T->getPointeeType().isConstQualified())
        continue;
    }
    return true;
  }
  return false;
}

std::optional<uint64_t> knownValue(CheckerContext &C, ProgramStateRef State, SVal V) {
  if (const llvm::APSInt *I = C.getSValBuilder().getKnownValue(State, V))
    return I->isSigned() ? static_cast<uint64_t>(I->getExtValue()) : I->getZExtValue();
  return std::nullopt;
}

std::optional<uint64_t> minValue(CheckerContext &C, ProgramStateRef State, SVal V) {
  if (const llvm::APSInt *I = C.getSValBuilder().getMinValue(State, V))
    return I->isSigned() ? static_cast<uint64_t>(I->getExtValue()) : I->getZExtValue();
  return std::nullopt;
}

SVal compareSizes(CheckerContext &C, ProgramStateRef State, BinaryOperatorKind Op,
                  SVal L, SVal R) {
  SValBuilder &SVB = C.getSValBuilder();
  ASTContext &Ctx = C.getASTContext();
  auto LN = L.getAs<NonLoc>(), RN = R.getAs<NonLoc>();
  if (!LN || !RN)
    return UnknownVal();
  // A constant outside the other side's type range decides the comparison
  // outright; the solver would otherwise see it truncated.
  auto Decide = [&](const llvm::APSInt &K, SVal Sym, bool ConstOnLeft) -> std::optional<bool> {
    SymbolRef S = Sym.getAsSymbol();
    if (!S || !S->getType()->isIntegerType())
      return std::nullopt;
    unsigned W = Ctx.getIntWidth(S->getType());
    if (W >= 64 || !S->getType()->isUnsignedIntegerType())
      return std::nullopt;
    llvm::APSInt Max = llvm::APSInt::getMaxValue(W, /*Unsigned=*/true).extend(64);
    llvm::APSInt K64 = K.extend(64);
    bool Above = K.isSigned() ? K.getExtValue() > static_cast<int64_t>(Max.getZExtValue())
                              : K64.getZExtValue() > Max.getZExtValue();
    if (!Above)
      return std::nullopt;
    // K exceeds every value of S.
    bool KGreater = true;
    switch (Op) {
    case BO_GT: case BO_GE: return ConstOnLeft ? KGreater : !KGreater;
    case BO_LT: case BO_LE: return ConstOnLeft ? !KGreater : KGreater;
    case BO_EQ: return false;
    case BO_NE: return true;
    default: return std::nullopt;
    }
  };
  if (const llvm::APSInt *K = SVB.getKnownValue(State, *LN); K && !SVB.getKnownValue(State, *RN))
    if (auto D = Decide(*K, *RN, true))
      return SVB.makeTruthVal(*D, Ctx.IntTy);
  if (const llvm::APSInt *K = SVB.getKnownValue(State, *RN); K && !SVB.getKnownValue(State, *LN))
    if (auto D = Decide(*K, *LN, false))
      return SVB.makeTruthVal(*D, Ctx.IntTy);
  return SVB.evalBinOpNN(State, Op, *LN, *RN, Ctx.IntTy);
}

std::string statusName(int64_t Status) {
  uint32_t S = static_cast<uint32_t>(Status);
  llvm::StringRef Name;
  switch (S) {
  case 0x00000000: Name = "STATUS_SUCCESS"; break;
  case 0x00000103: Name = "STATUS_PENDING"; break;
  case 0x00000105: Name = "STATUS_MORE_ENTRIES"; break;
  case 0x80000005: Name = "STATUS_BUFFER_OVERFLOW"; break;
  case 0x8000001A: Name = "STATUS_NO_MORE_ENTRIES"; break;
  case 0xC0000001: Name = "STATUS_UNSUCCESSFUL"; break;
  case 0xC0000002: Name = "STATUS_NOT_IMPLEMENTED"; break;
  case 0xC000000D: Name = "STATUS_INVALID_PARAMETER"; break;
  case 0xC0000017: Name = "STATUS_NO_MEMORY"; break;
  case 0xC0000023: Name = "STATUS_BUFFER_TOO_SMALL"; break;
  case 0xC0000095: Name = "STATUS_INTEGER_OVERFLOW"; break;
  case 0xC000009A: Name = "STATUS_INSUFFICIENT_RESOURCES"; break;
  case 0xC00000BB: Name = "STATUS_NOT_SUPPORTED"; break;
  case 0xC0000184: Name = "STATUS_INVALID_DEVICE_STATE"; break;
  case 0xC0000206: Name = "STATUS_INVALID_BUFFER_SIZE"; break;
  case 0xC0000225: Name = "STATUS_NOT_FOUND"; break;
  default: break;
  }
  if (!Name.empty())
    return Name.str();
  char Buf[16];
  snprintf(Buf, sizeof Buf, "0x%08X", S);
  return Buf;
}

std::string sourceText(CheckerContext &C, const Stmt *S, size_t Max) {
  if (!S)
    return "";
  const SourceManager &SM = C.getSourceManager();
  CharSourceRange Range = SM.getExpansionRange(S->getSourceRange());
  std::string Text =
      Lexer::getSourceText(Range, SM, C.getASTContext().getLangOpts()).str();
  std::string Out;
  bool Space = false;
  for (char Ch : Text) {
    if (std::isspace((unsigned char)Ch)) { Space = !Out.empty(); continue; }
    if (Space) Out += ' ';
    Space = false;
    Out += Ch;
  }
  if (Out.size() > Max)
    Out = Out.substr(0, Max - 3) + "...";
  return Out;
}

const NoteTag *noteForRules(CheckerContext &C, std::string Note,
                            std::initializer_list<llvm::StringRef> RuleIds) {
  std::vector<std::string> Ids(RuleIds.begin(), RuleIds.end());
  return C.getNoteTag([Note = std::move(Note), Ids](PathSensitiveBugReport &BR) {
    for (const std::string &Id : Ids)
      if (BR.getBugType().getDescription() == Id)
        return Note;
    return std::string();
  });
}

namespace {

// Records the contract at the callback's entry, tracks writes of
// *BytesNeeded, and keeps the parameters' initial values alive.
class SavePacketModelChecker
    : public Checker<check::BeginFunction, check::Bind, check::PointerEscape,
                     check::LiveSymbols, check::PostStmt<CastExpr>> {
public:
  // The engine evaluates FIELD_OFFSET(T, f), `(LONG)(LONG_PTR)&((T *)0)->f`,
  // as a null pointer turned into the integer 0, not as the field's offset;
  // every size check written with it would be wrong. Bind the value the
  // compiler folds instead, for pointer-to-integer casts and for integer
  // casts the engine could not evaluate.
  void checkPostStmt(const CastExpr *CE, CheckerContext &C) const {
    if (!CE->getType()->isIntegerType() || CE->isValueDependent())
      return;
    if (CE->getCastKind() != CK_PointerToIntegral &&
        C.getSVal(CE).getAs<nonloc::ConcreteInt>())
      return;
    Expr::EvalResult R;
    if (!CE->EvaluateAsInt(R, C.getASTContext()) || !R.Val.isInt())
      return;
    SVal Folded = C.getSValBuilder().makeIntVal(R.Val.getInt());
    C.addTransition(C.getState()->BindExpr(CE, C.getLocationContext(), Folded));
  }

  void checkBeginFunction(CheckerContext &C) const {
    if (!C.inTopFrame())
      return;
    const auto *FD = dyn_cast_or_null<FunctionDecl>(C.getStackFrame()->getDecl());
    if (!FD || FD->getNumParams() < ParamCount)
      return;
    ProgramStateRef State = C.getState();
    MemRegionManager &MRM = C.getSValBuilder().getRegionManager();
    auto Initial = [&](unsigned I) -> SymbolRef {
      const VarRegion *VR = MRM.getVarRegion(FD->getParamDecl(I), C.getStackFrame());
      return State->getSVal(VR).getAsSymbol();
    };
    SymbolRef Buf = Initial(SaveBufParam), Size = Initial(SaveBufSizeParam),
              Needed = Initial(BytesNeededParam);
    if (!Buf || !Size || !Needed || !Buf->getType()->isPointerType() ||
        !Needed->getType()->isPointerType() || !Size->getType()->isIntegerType())
      return;
    State = State->set<InitialSaveBuf>(Buf);
    State = State->set<InitialSaveBufSize>(Size);
    State = State->set<InitialBytesNeeded>(Needed);
    // The contract: SaveBuf is a buffer of SaveBufSize bytes.
    State = setDynamicExtent(State, MRM.getSymbolicRegion(Buf),
                             nonloc::SymbolVal(Size).castAs<DefinedOrUnknownSVal>(),
                             C.getSValBuilder());
    C.addTransition(State);
  }

  void checkBind(SVal Loc, SVal Val, const Stmt *S, CheckerContext &C) const {
    auto P = callbackParams(C);
    const MemRegion *R = Loc.getAsRegion();
    if (!P || !R || R->getBaseRegion() != P->BytesNeededRegion)
      return;
    ProgramStateRef State =
        C.getState()->set<BytesNeededWriteKind>(unsigned(BytesNeededWrite::Direct));
    std::string What;
    if (auto V = knownValue(C, State, Val))
      What = " to " + std::to_string(*V);
    else if (const auto *BO = dyn_cast_or_null<BinaryOperator>(S); BO && BO->isAssignmentOp())
      What = " to '" + sourceText(C, BO->getRHS()) + "'";
    C.addTransition(State, noteForRules(C, "'*" + P->BytesNeededName + "' is set" +
                                              What + " here",
                                        {"VMB003"}));
  }

  ProgramStateRef checkPointerEscape(ProgramStateRef State,
                                     const InvalidatedSymbols &Escaped,
                                     const CallEvent *Call,
                                     PointerEscapeKind Kind) const {
    if (Kind != PSK_DirectEscapeOnCall && Kind != PSK_IndirectEscapeOnCall)
      return State;
    SymbolRef Needed = State->get<InitialBytesNeeded>();
    if (Needed && Escaped.count(Needed))
      State = State->set<BytesNeededWriteKind>(unsigned(BytesNeededWrite::Escaped));
    return State;
  }

  // Liveness would otherwise drop the binding of *BytesNeeded and the
  // constraints on SaveBufSize once the parameters are no longer read.
  void checkLiveSymbols(ProgramStateRef State, SymbolReaper &SR) const {
    for (SymbolRef S : {State->get<InitialSaveBuf>(), State->get<InitialSaveBufSize>(),
                        State->get<InitialBytesNeeded>()})
      if (S)
        SR.markLive(S);
  }
};

// Ends every path once the callback's wall-clock budget is spent, so the
// worklist drains quickly; the driver reports the analysis as incomplete.
class BudgetChecker : public Checker<check::BranchCondition, check::PreCall> {
public:
  void checkBranchCondition(const Stmt *, CheckerContext &C) const { check(C); }
  void checkPreCall(const CallEvent &, CheckerContext &C) const { check(C); }

private:
  static void check(CheckerContext &C) {
    EngineContext &Ctx = EngineContext::current();
    if (std::chrono::steady_clock::now() < Ctx.Deadline)
      return;
    Ctx.DeadlineHit = true;
    C.generateSink(C.getState(), C.getPredecessor());
  }
};

} // namespace

void registerModelChecker(CheckerRegistry &R) {
  R.addChecker<SavePacketModelChecker>(
      ModelCheckerName, "Models the EVT_VMB_CHANNEL_SAVE_PACKET contract", "");
}

void registerBudgetChecker(CheckerRegistry &R) {
  R.addChecker<BudgetChecker>(BudgetCheckerName,
                              "Ends paths when the analysis budget is spent", "");
}

} // namespace vmbcheck::model
