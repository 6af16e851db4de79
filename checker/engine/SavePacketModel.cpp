#include "engine/SavePacketModel.h"
#include "engine/EngineContext.h"
#include "frontend/SaveRoles.h"
#include "engine/LoopWidening.h"

#include "clang/AST/RecordLayout.h"
#include "clang/Lex/Lexer.h"
#include "clang/StaticAnalyzer/Core/BugReporter/Z3CrosscheckVisitor.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/DynamicExtent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/RangedConstraintManager.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"

using namespace clang;
using namespace clang::ento;

// The initial values of the contract's parameters, recorded when the
// analysis enters the callback, and how *BytesNeeded was last written.
REGISTER_TRAIT_WITH_PROGRAMSTATE(InitialSaveBuf, SymbolRef)
REGISTER_TRAIT_WITH_PROGRAMSTATE(InitialSaveBufSize, SymbolRef)
REGISTER_TRAIT_WITH_PROGRAMSTATE(InitialBytesNeeded, SymbolRef)
REGISTER_TRAIT_WITH_PROGRAMSTATE(BytesNeededWriteKind, unsigned)
// Pointer casts whose result the engine could not represent (a cast of
// `SaveBuf + variable`): the cast expression and the pointer it cast.
REGISTER_MAP_WITH_PROGRAMSTATE(LostPointerCasts, const Stmt *, SVal)
// Results of checked arithmetic that are exact (see markExact).
REGISTER_SET_WITH_PROGRAMSTATE(ExactResults, SymbolRef)

namespace vmbcheck::model {

static const StackFrameContext *bottomFrame(const LocationContext *LC) {
  const StackFrameContext *SF = LC->getStackFrame();
  while (!SF->inTopFrame())
    SF = SF->getParent()->getStackFrame();
  return SF;
}

// Interval of a symbolic value, through the arithmetic the range solver
// does not follow (`len + 8` with len a USHORT is [8, 65543]). Values are
// 128-bit so that a result outside its type - a possible wrap - is noticed;
// then the whole range of the type is returned.
static std::optional<Interval> typeRange(ASTContext &Ctx, QualType T) {
  if (!T->isIntegerType())
    return std::nullopt;
  unsigned W = Ctx.getIntWidth(T);
  bool Unsigned = T->isUnsignedIntegerType();
  llvm::APInt Min = Unsigned ? llvm::APInt::getMinValue(W) : llvm::APInt::getSignedMinValue(W);
  llvm::APInt Max = Unsigned ? llvm::APInt::getMaxValue(W) : llvm::APInt::getSignedMaxValue(W);
  return Interval{Unsigned ? Min.zext(128) : Min.sext(128), Unsigned ? Max.zext(128) : Max.sext(128)};
}

ProgramStateRef markExact(ProgramStateRef State, SymbolRef Sym) {
  return State->add<ExactResults>(Sym);
}

bool isExact(ProgramStateRef State, SymbolRef Sym) { return State->contains<ExactResults>(Sym); }

// True for a cast to a narrower integer type of a value that may not fit:
// its value is not the operand's.
static bool truncates(ProgramStateRef State, const SymbolCast *Cast);

std::optional<Interval> intervalOf(ProgramStateRef State, SymbolRef Sym, unsigned Depth = 0) {
  ASTContext &Ctx = State->getStateManager().getContext();
  auto Full = typeRange(Ctx, Sym->getType());
  if (!Full || Depth > 8)
    return Full;
  auto FromAPS = [](const llvm::APSInt &V) {
    return V.isSigned() ? V.sext(128) : V.zext(128);
  };
  std::optional<Interval> L, R;
  BinaryOperatorKind Op;
  if (const auto *SIE = dyn_cast<SymIntExpr>(Sym)) {
    L = intervalOf(State, SIE->getLHS(), Depth + 1);
    R = Interval{FromAPS(SIE->getRHS()), FromAPS(SIE->getRHS())};
    Op = SIE->getOpcode();
  } else if (const auto *ISE = dyn_cast<IntSymExpr>(Sym)) {
    L = Interval{FromAPS(ISE->getLHS()), FromAPS(ISE->getLHS())};
    R = intervalOf(State, ISE->getRHS(), Depth + 1);
    Op = ISE->getOpcode();
  } else if (const auto *SSE = dyn_cast<SymSymExpr>(Sym)) {
    L = intervalOf(State, SSE->getLHS(), Depth + 1);
    R = intervalOf(State, SSE->getRHS(), Depth + 1);
    Op = SSE->getOpcode();
  } else {
    ConstraintManager &CM = State->getConstraintManager();
    const llvm::APSInt *Min = CM.getSymMinVal(State, Sym);
    const llvm::APSInt *Max = CM.getSymMaxVal(State, Sym);
    if (!Min || !Max)
      return Full;
    return Interval{FromAPS(*Min), FromAPS(*Max)};
  }
  if (!L || !R)
    return Full;
  Interval Out;
  switch (Op) {
  case BO_Add: Out = {L->Min + R->Min, L->Max + R->Max}; break;
  case BO_Sub: Out = {L->Min - R->Max, L->Max - R->Min}; break;
  case BO_Mul:
    if (L->Min.isNegative() || R->Min.isNegative() || L->Max.getActiveBits() > 63 ||
        R->Max.getActiveBits() > 63)
      return Full;
    Out = {L->Min * R->Min, L->Max * R->Max};
    break;
  default:
    return Full;
  }
  // Outside the result type: the value may have wrapped - unless checked
  // arithmetic established that it fits.
  if (Out.Min.slt(Full->Min) || Out.Max.sgt(Full->Max)) {
    if (!isExact(State, Sym))
      return Full;
    Out.Min = Out.Min.slt(Full->Min) ? Full->Min : Out.Min;
    Out.Max = Out.Max.sgt(Full->Max) ? Full->Max : Out.Max;
    if (Out.Min.sgt(Out.Max))
      return Full;
  }
  // What the path assumed about the expression itself narrows it further:
  // `total > 0xFFFFFFFF` assumed false leaves `low` in {[0, 0xFFFFFFF7],
  // [2^64 - 8, 2^64 - 1]} (the second part is `low + 8` wrapping), of which
  // only the first is within what low can be.
  if (const RangeSet *Assumed = getConstraintMap(State).lookup(Sym)) {
    std::optional<llvm::APInt> Lo, Hi;
    for (const Range &R : *Assumed) {
      llvm::APInt From = FromAPS(R.From()), To = FromAPS(R.To());
      if (To.slt(Out.Min) || From.sgt(Out.Max))
        continue;
      llvm::APInt L = From.sgt(Out.Min) ? From : Out.Min;
      llvm::APInt H = To.slt(Out.Max) ? To : Out.Max;
      if (!Lo || L.slt(*Lo))
        Lo = L;
      if (!Hi || H.sgt(*Hi))
        Hi = H;
    }
    if (Lo && Hi)
      Out = {*Lo, *Hi};
  }
  return Out;
}

// V as Base + Offset, looking through integer casts, when the arithmetic
// cannot wrap. Base is null for a constant.
struct Linear {
  SymbolRef Base = nullptr;
  llvm::APInt Offset = llvm::APInt(128, 0);
};

static std::optional<Linear> linearOf(ProgramStateRef State, SymbolRef Sym, unsigned Depth = 0) {
  if (Depth > 8)
    return std::nullopt;
  if (const auto *Cast = dyn_cast<SymbolCast>(Sym)) {
    if (truncates(State, Cast))
      return Linear{Sym, llvm::APInt(128, 0)}; // a value of its own
    return linearOf(State, Cast->getOperand(), Depth + 1);
  }
  const auto *SIE = dyn_cast<SymIntExpr>(Sym);
  if (SIE && (SIE->getOpcode() == BO_Add || SIE->getOpcode() == BO_Sub)) {
    // The sum must stay inside its type: a wrapped `len + 8` is no bound
    // on len (it is still equal to itself: see below).
    ASTContext &Ctx = State->getStateManager().getContext();
    auto Full = typeRange(Ctx, SIE->getType());
    auto R = intervalOf(State, SIE);
    if (!Full || !R || (R->Min == Full->Min && R->Max == Full->Max))
      return Linear{Sym, llvm::APInt(128, 0)};
    auto L = linearOf(State, SIE->getLHS(), Depth + 1);
    if (!L)
      return std::nullopt;
    const llvm::APSInt &K = SIE->getRHS();
    llvm::APInt K128 = K.isSigned() ? K.sext(128) : K.zext(128);
    L->Offset = SIE->getOpcode() == BO_Add ? L->Offset + K128 : L->Offset - K128;
    return L;
  }
  // Anything else (a value, a product, an exact result of checked
  // arithmetic) is a base compared by identity.
  return Linear{Sym, llvm::APInt(128, 0)};
}

static bool truncates(ProgramStateRef State, const SymbolCast *Cast) {
  ASTContext &Ctx = State->getStateManager().getContext();
  QualType From = Cast->getOperand()->getType(), To = Cast->getType();
  if (!From->isIntegerType() || !To->isIntegerType() ||
      Ctx.getIntWidth(To) >= Ctx.getIntWidth(From))
    return false;
  auto R = intervalOf(State, Cast->getOperand());
  auto T = typeRange(Ctx, To);
  return !R || !T || R->Min.slt(T->Min) || R->Max.sgt(T->Max);
}

static std::optional<Linear> linearOf(ProgramStateRef State, SVal V) {
  if (auto CI = V.getAs<nonloc::ConcreteInt>()) {
    const llvm::APSInt &K = CI->getValue();
    return Linear{nullptr, K.isSigned() ? K.sext(128) : K.zext(128)};
  }
  if (SymbolRef Sym = V.getAsSymbol())
    return linearOf(State, Sym);
  return std::nullopt;
}

bool provablyWithin(ProgramStateRef State, SVal End, SymbolRef Size) {
  auto E = linearOf(State, End);
  if (!E || !E->Base)
    return false;
  // Look for an assumed comparison between Size and Base + C on this path.
  for (const auto &[Sym, Range] : getConstraintMap(State)) {
    const auto *SSE = dyn_cast<SymSymExpr>(Sym);
    if (!SSE || !BinaryOperator::isComparisonOp(SSE->getOpcode()) || !Range.getConcreteValue())
      continue;
    bool Holds = !Range.getConcreteValue()->isZero();
    BinaryOperatorKind Op = Holds ? SSE->getOpcode()
                                  : BinaryOperator::negateComparisonOp(SSE->getOpcode());
    SymbolRef Other;
    if (SSE->getLHS() == Size)
      Other = SSE->getRHS();
    else if (SSE->getRHS() == Size) {
      Other = SSE->getLHS();
      Op = BinaryOperator::reverseComparisonOp(Op);
    } else
      continue;
    // Now `Size Op Other`; we need Size >= End.
    if (Op != BO_GE && Op != BO_GT && Op != BO_EQ)
      continue;
    auto O = linearOf(State, Other);
    if (!O || O->Base != E->Base)
      continue;
    llvm::APInt Slack = Op == BO_GT ? O->Offset + 1 : O->Offset;
    if (E->Offset.sle(Slack))
      return true;
  }
  return false;
}

// True if Sym is a sum or difference whose exact value may fall outside its
// type: `hdr + len` in 32 bits with an unbounded 32-bit len.
static bool mayWrap(ProgramStateRef State, SymbolRef Sym) {
  if (const auto *Cast = dyn_cast<SymbolCast>(Sym))
    return truncates(State, Cast);
  const auto *BSE = dyn_cast<BinarySymExpr>(Sym);
  if (!BSE || (BSE->getOpcode() != BO_Add && BSE->getOpcode() != BO_Sub &&
               BSE->getOpcode() != BO_Mul))
    return false;
  ASTContext &Ctx = State->getStateManager().getContext();
  auto Full = typeRange(Ctx, Sym->getType());
  auto R = intervalOf(State, Sym);
  if (!Full || !R)
    return false;
  // intervalOf answers the whole type when the exact range does not fit.
  return R->Min == Full->Min && R->Max == Full->Max;
}

bool checkedAgainstWrappingSize(ProgramStateRef State, SymbolRef Size) {
  for (const auto &[Sym, Range] : getConstraintMap(State)) {
    const auto *SSE = dyn_cast<SymSymExpr>(Sym);
    if (!SSE || !BinaryOperator::isComparisonOp(SSE->getOpcode()))
      continue;
    SymbolRef Other = SSE->getLHS() == Size ? SSE->getRHS()
                      : SSE->getRHS() == Size ? SSE->getLHS()
                                              : nullptr;
    if (Other && mayWrap(State, Other))
      return true;
  }
  return false;
}

std::optional<Interval> valueRange(ProgramStateRef State, SVal V) {
  if (auto CI = V.getAs<nonloc::ConcreteInt>()) {
    const llvm::APSInt &K = CI->getValue();
    llvm::APInt W = K.isSigned() ? K.sext(128) : K.zext(128);
    return Interval{W, W};
  }
  if (SymbolRef Sym = V.getAsSymbol())
    return intervalOf(State, Sym);
  return std::nullopt;
}

ParamPositions paramPositions() {
  const SaveRole *R = EngineContext::current().Role;
  assert(R && "the driver sets the role of each callback it analyses");
  return {R->SaveBuf, R->SaveBufSize, R->BytesNeeded, R->ParamCount};
}

std::optional<CallbackParams> callbackParams(ProgramStateRef State,
                                             const LocationContext *LC) {
  SymbolRef Buf = State->get<InitialSaveBuf>();
  SymbolRef Size = State->get<InitialSaveBufSize>();
  SymbolRef Needed = State->get<InitialBytesNeeded>();
  if (!Buf || !Size || !Needed)
    return std::nullopt;
  const auto *FD = dyn_cast_or_null<FunctionDecl>(bottomFrame(LC)->getDecl());
  ParamPositions Pos = paramPositions();
  if (!FD || FD->getNumParams() < Pos.Count)
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
  P.SaveBufName = Name(Pos.SaveBuf, "SaveBuf");
  P.SaveBufSizeName = Name(Pos.SaveBufSize, "SaveBufSize");
  P.BytesNeededName = Name(Pos.BytesNeeded, "BytesNeeded");
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
  QualType T = pointeeOr(P.Callback->getParamDecl(paramPositions().BytesNeeded)->getType(),
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

static int64_t sizeOf(ASTContext &Ctx, QualType T) {
  if (T.isNull() || T->isIncompleteType() || T->isVoidType() || T->isFunctionType())
    return 1;
  return Ctx.getTypeSizeInChars(T).getQuantity();
}

// The write of an assignment whose left-hand side the engine could not
// place: find the lost cast under it and add the member's offset.
static std::optional<SaveBufWrite> lostStore(CheckerContext &C, const CallbackParams &P,
                                             const Expr *LHS) {
  ASTContext &Ctx = C.getASTContext();
  SValBuilder &SVB = C.getSValBuilder();
  const Expr *E = LHS->IgnoreParens();
  const Expr *Pointer = nullptr;
  int64_t Extra = 0;
  if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_Deref) {
    Pointer = UO->getSubExpr();
  } else if (const auto *ME = dyn_cast<MemberExpr>(E); ME && ME->isArrow()) {
    const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!FD || FD->isBitField() || !FD->getParent()->isCompleteDefinition())
      return std::nullopt;
    Pointer = ME->getBase();
    Extra = Ctx.toCharUnitsFromBits(Ctx.getFieldOffset(FD)).getQuantity();
  } else {
    return std::nullopt;
  }
  const SVal *Cast = C.getState()->get<LostPointerCasts>(Pointer->IgnoreParens());
  const MemRegion *R = Cast ? Cast->getAsRegion() : nullptr;
  if (!R || R->getBaseRegion() != P.SaveBufRegion)
    return std::nullopt;
  auto Off = byteOffset(C, R);
  if (!Off || Off->first != P.SaveBufRegion)
    return std::nullopt;
  auto Sum = SVB.evalBinOpNN(C.getState(), BO_Add, Off->second, SVB.makeArrayIndex(Extra),
                             SVB.getArrayIndexType())
                 .getAs<NonLoc>();
  if (!Sum)
    return std::nullopt;
  QualType T = LHS->getType();
  return SaveBufWrite{*Sum, SVB.makeArrayIndex(sizeOf(Ctx, T)),
                      "a store of '" + T.getAsString() + "'"};
}

std::optional<SaveBufWrite> classifyStore(CheckerContext &C, const CallbackParams &P,
                                          SVal Location, const Stmt *S) {
  const auto *Assign = dyn_cast_or_null<BinaryOperator>(S);
  if (Assign && !Assign->isAssignmentOp())
    Assign = nullptr;
  const MemRegion *R = Location.getAsRegion();
  if (!R)
    return Assign && Location.isUnknown() ? lostStore(C, P, Assign->getLHS()) : std::nullopt;
  if (R->getBaseRegion() != P.SaveBufRegion)
    return std::nullopt;
  auto Off = byteOffset(C, R);
  if (!Off || Off->first != P.SaveBufRegion)
    return std::nullopt;
  QualType T;
  if (Assign)
    T = Assign->getLHS()->getType();
  else if (const auto *TR = dyn_cast<TypedValueRegion>(R))
    T = TR->getValueType();
  SaveBufWrite W{Off->second, C.getSValBuilder().makeArrayIndex(sizeOf(C.getASTContext(), T)),
                 "a store of '" + (T.isNull() ? std::string("char") : T.getAsString()) + "'"};
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

std::optional<uint64_t> minValue(CheckerContext &, ProgramStateRef State, SVal V) {
  auto R = valueRange(State, V);
  if (!R || R->Min.isNegative() || R->Min.getActiveBits() > 64)
    return std::nullopt;
  return R->Min.getZExtValue();
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

namespace {
// Wraps clang's Z3 constraint collector and decides by its answer alone:
// UNSAT invalidates the report; SAT and "unknown" (budget exhausted) keep it.
class RefutationVisitor final : public BugReporterVisitor {
public:
  explicit RefutationVisitor(const AnalyzerOptions &Opts) : Inner(Result, Opts) {}
  void Profile(llvm::FoldingSetNodeID &ID) const override {
    static int Tag;
    ID.AddPointer(&Tag);
  }
  PathDiagnosticPieceRef VisitNode(const ExplodedNode *N, BugReporterContext &BRC,
                                   PathSensitiveBugReport &BR) override {
    return Inner.VisitNode(N, BRC, BR);
  }
  void finalizeVisitor(BugReporterContext &BRC, const ExplodedNode *End,
                       PathSensitiveBugReport &BR) override {
    Inner.finalizeVisitor(BRC, End, BR);
    if (Result.IsSAT.has_value() && !*Result.IsSAT)
      BR.markInvalid(this, nullptr);
  }

private:
  Z3CrosscheckVisitor::Z3Result Result;
  Z3CrosscheckVisitor Inner;
};
} // namespace

std::unique_ptr<PathSensitiveBugReport> makeReport(const BugType &Bug, llvm::StringRef Message,
                                                   const ExplodedNode *Node,
                                                   const AnalyzerOptions &Options) {
  auto R = std::make_unique<PathSensitiveBugReport>(Bug, Message, Node);
  if (EngineContext::current().UseZ3)
    R->addVisitor<RefutationVisitor>(Options);
  return R;
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

// Adds to State the bounds `Sym Op Other` implies on Sym from Other's
// range; null if they make the state infeasible.
static ProgramStateRef narrow(ProgramStateRef State, SymbolRef Sym, BinaryOperatorKind Op,
                              SymbolRef Other) {
  // Only plain values (a parameter, a field read) are narrowed: a range put
  // on a compound expression is stored in the solver's normalised form and
  // only invites type confusion in the Z3 cross-check.
  if (!isa<SymbolData>(Sym))
    return State;
  QualType T = Sym->getType(), OT = Other->getType();
  if (!T->isIntegerType() || !OT->isIntegerType())
    return State;
  ASTContext &Ctx = State->getStateManager().getContext();
  // The comparison may have happened in a wider type with Sym extended;
  // never reason through a narrowing that the analyzer did not model.
  if (Ctx.getIntWidth(T) < Ctx.getIntWidth(OT) && !T->isUnsignedIntegerType())
    return State;
  SValBuilder &SVB = State->getStateManager().getSValBuilder();
  auto Range = intervalOf(State, Other);
  auto Mine = intervalOf(State, Sym);
  if (!Range || !Mine)
    return State;
  llvm::APSInt MinV(Range->Min, /*isUnsigned=*/false), MaxV(Range->Max, false);
  const llvm::APSInt *Min = &MinV, *Max = &MaxV;
  // Nothing new to learn: the bound is already implied by Sym's range.
  if ((Op == BO_GE || Op == BO_GT) && Range->Min.sle(Mine->Min))
    Min = nullptr;
  if ((Op == BO_LE || Op == BO_LT) && Range->Max.sge(Mine->Max))
    Max = nullptr;
  BasicValueFactory &BVF = SVB.getBasicValueFactory();
  clang::ento::APSIntType SymType = BVF.getAPSIntType(T);
  auto Bound = [&](const llvm::APSInt *V, BinaryOperatorKind BoundOp) -> ProgramStateRef {
    if (!V || !State)
      return State;
    // A bound outside Sym's type either always or never holds.
    switch (SymType.testInRange(*V, /*AllowMixedSign=*/true)) {
    case clang::ento::APSIntType::RTR_Below:
      return (BoundOp == BO_GE || BoundOp == BO_GT) ? State : nullptr;
    case clang::ento::APSIntType::RTR_Above:
      return (BoundOp == BO_LE || BoundOp == BO_LT) ? State : nullptr;
    case clang::ento::APSIntType::RTR_Within:
      break;
    }
    SVal C = SVB.evalBinOpNN(State, BoundOp, nonloc::SymbolVal(Sym),
                             nonloc::ConcreteInt(BVF.getValue(SymType.convert(*V))),
                             Ctx.IntTy);
    auto D = C.getAs<DefinedOrUnknownSVal>();
    return D && !D->isUnknown() ? State->assume(*D, true) : State;
  };
  switch (Op) {
  case BO_GE: return Bound(Min, BO_GE);
  case BO_GT: return Bound(Min, BO_GT);
  case BO_LE: return Bound(Max, BO_LE);
  case BO_LT: return Bound(Max, BO_LT);
  case BO_EQ: {
    ProgramStateRef S = Bound(Min, BO_GE);
    State = S;
    return Bound(Max, BO_LE);
  }
  default:
    return State;
  }
}

// Records the contract at the callback's entry, tracks writes of
// *BytesNeeded, and keeps the parameters' initial values alive.
class SavePacketModelChecker
    : public Checker<check::BeginFunction, check::Bind, check::PointerEscape,
                     check::LiveSymbols, check::PostStmt<CastExpr>, check::PostStmt<OffsetOfExpr>,
                     eval::Assume,
                     check::PreCall> {
public:
  // memcpy & co. are evaluated by the cstring model, not as opaque calls, so
  // a copy into *BytesNeeded raises no pointer escape: record it here. The
  // value copied is not tracked, so the path's size protocol is not judged.
  void checkPreCall(const CallEvent &Call, CheckerContext &C) const {
    const MemoryRoutine *M = memoryRoutine(Call.getCalleeIdentifier());
    auto P = callbackParams(C);
    if (!M || !P || Call.getNumArgs() <= M->Dest)
      return;
    const MemRegion *R = Call.getArgSVal(M->Dest).getAsRegion();
    if (R && R->getBaseRegion() == P->BytesNeededRegion)
      C.addTransition(C.getState()->set<BytesNeededWriteKind>(
          unsigned(BytesNeededWrite::Escaped)));
  }

  // The range solver keeps `SaveBufSize < needed` as a fact about that one
  // expression and never narrows SaveBufSize itself, so a later question
  // such as "can a 4-byte store at offset 0 exceed SaveBufSize?" would need
  // Z3. When a comparison of two symbolic values is assumed, narrow each
  // side by the other's known bounds: `S >= needed` with needed in [8, 72]
  // gives S >= 8. Implied facts only, so paths and results do not change,
  // but fewer reports reach the solver.
  ProgramStateRef evalAssume(ProgramStateRef State, SVal Cond, bool Assumption) const {
    const auto *SSE = dyn_cast_or_null<SymSymExpr>(Cond.getAsSymbol());
    if (!SSE || !BinaryOperator::isComparisonOp(SSE->getOpcode()))
      return State;
    BinaryOperatorKind Op = SSE->getOpcode();
    if (!Assumption)
      Op = BinaryOperator::negateComparisonOp(Op);
    State = narrow(State, SSE->getLHS(), Op, SSE->getRHS());
    if (State)
      State = narrow(State, SSE->getRHS(), BinaryOperator::reverseComparisonOp(Op),
                     SSE->getLHS());
    return State;
  }

  // The engine evaluates FIELD_OFFSET(T, f), `(LONG)(LONG_PTR)&((T *)0)->f`,
  // as a null pointer turned into the integer 0, not as the field's offset;
  // every size check written with it would be wrong. Bind the value the
  // compiler folds instead, for pointer-to-integer casts and for integer
  // casts the engine could not evaluate.
  void checkPostStmt(const CastExpr *CE, CheckerContext &C) const {
    if (CE->getType()->isPointerType()) {
      rememberLostCast(CE, C);
      return;
    }
    if (!CE->getType()->isIntegerType() || CE->isValueDependent())
      return;
    if (CE->getCastKind() != CK_PointerToIntegral &&
        C.getSVal(CE).getAs<nonloc::ConcreteInt>())
      return;
    Expr::EvalResult R;
    if (!CE->EvaluateAsInt(R, C.getASTContext()) || !R.Val.isInt()) {
      // FIELD_OFFSET(T, Elems[n]) with a variable n.
      if (CE->getCastKind() == CK_PointerToIntegral)
        if (auto V = nullMemberOffset(CE->getSubExpr(), CE->getType(), C))
          C.addTransition(C.getState()->BindExpr(CE, C.getLocationContext(), *V));
      return;
    }
    SVal Folded = C.getSValBuilder().makeIntVal(R.Val.getInt());
    C.addTransition(C.getState()->BindExpr(CE, C.getLocationContext(), Folded));
  }

  // __builtin_offsetof(T, Elems[n]) (offsetof in C++) with a variable n,
  // which the engine leaves unknown.
  void checkPostStmt(const OffsetOfExpr *OE, CheckerContext &C) const {
    Expr::EvalResult Constant;
    if (OE->isValueDependent() || OE->EvaluateAsInt(Constant, C.getASTContext()))
      return; // the engine folds constant ones
    ASTContext &Ctx = C.getASTContext();
    SValBuilder &SVB = C.getSValBuilder();
    QualType T = OE->getType();
    QualType Current = OE->getTypeSourceInfo()->getType();
    SVal Sum = SVB.makeIntVal(0, T);
    for (unsigned I = 0; I < OE->getNumComponents(); ++I) {
      const OffsetOfNode &N = OE->getComponent(I);
      SVal Term;
      if (N.getKind() == OffsetOfNode::Field) {
        const FieldDecl *FD = N.getField();
        if (!FD || FD->isBitField() || !FD->getParent()->isCompleteDefinition())
          return;
        Term = SVB.makeIntVal(Ctx.toCharUnitsFromBits(Ctx.getFieldOffset(FD)).getQuantity(), T);
        Current = FD->getType();
      } else if (N.getKind() == OffsetOfNode::Array) {
        const ArrayType *AT = Ctx.getAsArrayType(Current);
        if (!AT)
          return;
        Current = AT->getElementType();
        auto Index = scaledIndex(OE->getIndexExpr(N.getArrayExprIndex()), Current, T, C);
        if (!Index)
          return;
        Term = *Index;
      } else {
        return;
      }
      auto L = Sum.getAs<NonLoc>(), R = Term.getAs<NonLoc>();
      if (!L || !R)
        return;
      Sum = SVB.evalBinOpNN(C.getState(), BO_Add, *L, *R, T);
    }
    C.addTransition(C.getState()->BindExpr(OE, C.getLocationContext(), Sum));
  }

  // The value of E on this path. The engine does not evaluate the index
  // expressions of __builtin_offsetof: read simple ones (a variable, a
  // field through a pointer, a constant, their integer casts) here.
  static SVal valueOf(const Expr *E, CheckerContext &C, unsigned Depth = 0) {
    SVal V = C.getSVal(E);
    if (!V.isUnknown() || Depth > 8)
      return V;
    ProgramStateRef State = C.getState();
    SValBuilder &SVB = C.getSValBuilder();
    E = E->IgnoreParens();
    if (const auto *IL = dyn_cast<IntegerLiteral>(E))
      return SVB.makeIntVal(IL->getValue().getZExtValue(), IL->getType());
    const auto *ICE = dyn_cast<ImplicitCastExpr>(E);
    if (!ICE)
      return V;
    if (ICE->getCastKind() == CK_IntegralCast) {
      SVal Inner = valueOf(ICE->getSubExpr(), C, Depth + 1);
      return Inner.isUnknown() ? Inner
                               : SVB.evalCast(Inner, ICE->getType(), ICE->getSubExpr()->getType());
    }
    if (ICE->getCastKind() != CK_LValueToRValue)
      return V;
    std::optional<Loc> L = lvalueOf(ICE->getSubExpr(), C, Depth + 1);
    return L ? State->getSVal(*L, ICE->getType()) : V;
  }

  static std::optional<Loc> lvalueOf(const Expr *E, CheckerContext &C, unsigned Depth) {
    ProgramStateRef State = C.getState();
    E = E->IgnoreParens();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        return State->getLValue(VD, C.getLocationContext()).getAs<Loc>();
      return std::nullopt;
    }
    const auto *ME = dyn_cast<MemberExpr>(E);
    const auto *FD = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
    if (!FD)
      return std::nullopt;
    SVal Base;
    if (ME->isArrow())
      Base = valueOf(ME->getBase(), C, Depth + 1);
    else if (auto BL = lvalueOf(ME->getBase(), C, Depth + 1))
      Base = *BL;
    if (Base.isUnknown() || !Base.getAs<Loc>())
      return std::nullopt;
    return State->getLValue(FD, Base).getAs<Loc>();
  }

  // Index * sizeof(Elem), in type T, from the index's value on this path.
  static std::optional<SVal> scaledIndex(const Expr *Index, QualType Elem, QualType T,
                                         CheckerContext &C) {
    SValBuilder &SVB = C.getSValBuilder();
    ASTContext &Ctx = C.getASTContext();
    if (Elem->isIncompleteType() || Elem->isDependentType())
      return std::nullopt;
    SVal V = valueOf(Index, C);
    auto N = V.getAs<NonLoc>();
    if (!N || V.isUnknown())
      return std::nullopt;
    auto Wide = SVB.evalCast(*N, T, Index->getType()).getAs<NonLoc>();
    if (!Wide)
      return std::nullopt;
    return SVB.evalBinOpNN(C.getState(), BO_Mul, *Wide,
                           SVB.makeIntVal(Ctx.getTypeSizeInChars(Elem).getQuantity(), T)
                               .castAs<NonLoc>(),
                           T);
  }

  // `&((T *)0)->Elems[n].Field`, the operand of FIELD_OFFSET's cast: the
  // byte offset of that member, offsetof(T, Elems) + n * sizeof(Elems[0])
  // + ..., in type T. nullopt for anything else.
  static std::optional<SVal> nullMemberOffset(const Expr *E, QualType T, CheckerContext &C) {
    ASTContext &Ctx = C.getASTContext();
    SValBuilder &SVB = C.getSValBuilder();
    const auto *Addr = dyn_cast<UnaryOperator>(E->IgnoreParens());
    if (!Addr || Addr->getOpcode() != UO_AddrOf)
      return std::nullopt;
    SVal Sum = SVB.makeIntVal(0, T);
    bool Variable = false;
    const Expr *L = Addr->getSubExpr()->IgnoreParens();
    for (unsigned Guard = 0; Guard < 16; ++Guard) {
      SVal Term;
      const Expr *Next = nullptr;
      bool AtNull = false;
      if (const auto *ME = dyn_cast<MemberExpr>(L)) {
        const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
        if (!FD || FD->isBitField() || !FD->getParent()->isCompleteDefinition())
          return std::nullopt;
        Term = SVB.makeIntVal(Ctx.toCharUnitsFromBits(Ctx.getFieldOffset(FD)).getQuantity(), T);
        if (ME->isArrow())
          AtNull = ME->getBase()->IgnoreParenCasts()->isNullPointerConstant(
                       Ctx, Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull;
        else
          Next = ME->getBase()->IgnoreParens();
        if (ME->isArrow() && !AtNull)
          return std::nullopt;
      } else if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(L)) {
        auto Index = scaledIndex(ASE->getIdx(), ASE->getType(), T, C);
        if (!Index)
          return std::nullopt;
        Term = *Index;
        Variable = true;
        const Expr *Base = ASE->getBase()->IgnoreParens();
        if (const auto *Decay = dyn_cast<ImplicitCastExpr>(Base);
            Decay && Decay->getCastKind() == CK_ArrayToPointerDecay)
          Next = Decay->getSubExpr()->IgnoreParens();
        else
          return std::nullopt; // indexing through a pointer member
      } else {
        return std::nullopt;
      }
      auto A = Sum.getAs<NonLoc>(), B = Term.getAs<NonLoc>();
      if (!A || !B)
        return std::nullopt;
      Sum = SVB.evalBinOpNN(C.getState(), BO_Add, *A, *B, T);
      if (AtNull)
        return Variable ? std::optional<SVal>(Sum) : std::nullopt;
      L = Next;
    }
    return std::nullopt;
  }

  // `(PULONG)((PUCHAR)SaveBuf + len)` evaluates to Unknown; remember what
  // was cast so that a store through it is still recognised.
  static void rememberLostCast(const CastExpr *CE, CheckerContext &C) {
    if (!C.getSVal(CE).isUnknown())
      return;
    SVal Operand = C.getSVal(CE->getSubExpr());
    const MemRegion *R = Operand.getAsRegion();
    auto P = callbackParams(C);
    if (!R || !P || R->getBaseRegion() != P->SaveBufRegion)
      return;
    C.addTransition(C.getState()->set<LostPointerCasts>(CE, Operand));
  }

  void checkBeginFunction(CheckerContext &C) const {
    if (!C.inTopFrame())
      return;
    const auto *FD = dyn_cast_or_null<FunctionDecl>(C.getStackFrame()->getDecl());
    ParamPositions Pos = paramPositions();
    if (!FD || FD->getNumParams() < Pos.Count)
      return;
    ProgramStateRef State = C.getState();
    MemRegionManager &MRM = C.getSValBuilder().getRegionManager();
    auto Initial = [&](unsigned I) -> SymbolRef {
      const VarRegion *VR = MRM.getVarRegion(FD->getParamDecl(I), C.getStackFrame());
      return State->getSVal(VR).getAsSymbol();
    };
    SymbolRef Buf = Initial(Pos.SaveBuf), Size = Initial(Pos.SaveBufSize),
              Needed = Initial(Pos.BytesNeeded);
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
  carryAcrossIterations(ProgramStateTrait<BytesNeededWriteKind>::GDMIndex());
}

void registerBudgetChecker(CheckerRegistry &R) {
  R.addChecker<BudgetChecker>(BudgetCheckerName,
                              "Ends paths when the analysis budget is spent", "");
}

} // namespace vmbcheck::model
