// Arithmetic as drivers write it: the kernel's checked integer routines
// (ntintsafe.h: RtlULongAdd, RtlULongMult, RtlSizeTMult, RtlULongLongToULong,
// ...), the _umul128 intrinsic they use, and integer truncations.
//
// The ntintsafe routines are evaluated here rather than inlined from their
// header bodies: the bodies go through _umul128 or a 64-bit product and a
// range test the engine follows poorly, and the documented contract is
// simple. A call of an unsigned routine splits the path:
//  - success: STATUS_SUCCESS, and the out parameter holds the exact
//    mathematical result, which fits its type (the result is marked exact,
//    so the size reasoning in SavePacketModel does not treat it as a value
//    that may have wrapped);
//  - failure: STATUS_INTEGER_OVERFLOW, and the out parameter holds the
//    type's *_ERROR value (all bits set).
// A branch is taken only where the arguments' ranges allow it, and where
// one operand is a constant the other is bounded accordingly
// (`RtlULongMult(n, 8, &b)` succeeds exactly when n <= 0x1FFFFFFF).
//
// A narrowing integer cast of a value that may not fit the narrower type
// (`(ULONG)((ULONGLONG)a * b)`, `ULONG n = UInt32x32To64(a, b)`) is an
// overflow like a wrapping sum: the result is the truncation of the value,
// not the value, and a size check on it does not protect a use of the full
// value.
#include "engine/IntSafeModel.h"
#include "engine/SavePacketModel.h"

#include "clang/Lex/Lexer.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"

using namespace clang;
using namespace clang::ento;

namespace vmbcheck::model {
namespace {

constexpr uint32_t StatusIntegerOverflow = 0xC0000095;

// What an ntintsafe routine computes, from its name and signature.
struct IntSafeRoutine {
  enum Kind { Add, Sub, Mult, Convert } K;
  QualType In;  // the operands' type
  QualType Out; // the result's type (the out parameter's pointee)
};

static bool isUnsignedInt(QualType T) {
  return !T.isNull() && T->isIntegerType() && T->isUnsignedIntegerType() &&
         !T->isBooleanType() && !T->isEnumeralType();
}

// Rtl<Type>Add/Sub/Mult(a, b, &out) and Rtl<From>To<To>(a, &out) over
// unsigned types, returning NTSTATUS. The signed routines are left to the
// engine.
// The unsigned type names ntintsafe.h spells in its routine names.
static bool isIntSafeTypeName(llvm::StringRef T) {
  return llvm::is_contained({"UShort", "UInt", "ULong", "ULongLong", "SizeT", "SIZET", "UIntPtr",
                             "ULongPtr", "DWord", "DWordPtr", "DWordLong", "ULong64", "DWord64",
                             "UInt64", "UInt32", "UInt16", "UInt8", "UChar", "Byte", "Word"},
                            T);
}

static std::optional<IntSafeRoutine> intSafeRoutine(const FunctionDecl *FD) {
  if (!FD || !FD->getIdentifier())
    return std::nullopt;
  llvm::StringRef N = FD->getName();
  if (!N.consume_front("Rtl") || !FD->getReturnType()->isIntegerType())
    return std::nullopt;
  // Rtl<Type>Add/Sub/Mult or Rtl<Type>To<Type>, nothing else.
  auto [From, To] = N.split("To");
  bool Named = To.empty() ? (N.consume_back("Add") || N.consume_back("Sub") ||
                             N.consume_back("Mult")) &&
                                isIntSafeTypeName(N)
                          : isIntSafeTypeName(From) && isIntSafeTypeName(To);
  if (!Named)
    return std::nullopt;
  N = FD->getName().drop_front(3);
  unsigned Params = FD->getNumParams();
  if (Params < 2 || Params > 3)
    return std::nullopt;
  QualType OutPtr = FD->getParamDecl(Params - 1)->getType();
  if (!OutPtr->isPointerType() || !isUnsignedInt(OutPtr->getPointeeType()))
    return std::nullopt;
  IntSafeRoutine R;
  R.In = FD->getParamDecl(0)->getType().getUnqualifiedType();
  R.Out = OutPtr->getPointeeType().getUnqualifiedType();
  if (!isUnsignedInt(R.In))
    return std::nullopt;
  if (Params == 3) {
    if (!isUnsignedInt(FD->getParamDecl(1)->getType()))
      return std::nullopt;
    if (N.ends_with("Add"))
      R.K = IntSafeRoutine::Add;
    else if (N.ends_with("Sub"))
      R.K = IntSafeRoutine::Sub;
    else if (N.ends_with("Mult"))
      R.K = IntSafeRoutine::Mult;
    else
      return std::nullopt;
    return R;
  }
  if (!N.contains("To"))
    return std::nullopt;
  R.K = IntSafeRoutine::Convert;
  return R;
}

static llvm::APInt maxOf(ASTContext &Ctx, QualType T) {
  return llvm::APInt::getMaxValue(Ctx.getIntWidth(T)).zext(128);
}

static const char *verb(IntSafeRoutine::Kind K) {
  switch (K) {
  case IntSafeRoutine::Add: return "sum";
  case IntSafeRoutine::Sub: return "difference";
  case IntSafeRoutine::Mult: return "product";
  case IntSafeRoutine::Convert: return "value";
  }
  return "result";
}

// The routine as the driver wrote it: RtlSizeTMult, not the RtlULongLongMult
// its macro names on 64-bit Windows.
static std::string writtenName(const CallEvent &Call, CheckerContext &C) {
  SourceLocation L = Call.getSourceRange().getBegin();
  if (L.isMacroID()) {
    // The outermost macro: RtlSizeTToULong, not the RtlUIntPtrToULong it
    // names in turn.
    const SourceManager &SM = C.getSourceManager();
    SourceLocation Written = SM.getExpansionLoc(L);
    llvm::StringRef Macro = Lexer::getSourceText(CharSourceRange::getTokenRange(Written), SM,
                                                 C.getASTContext().getLangOpts());
    if (Macro.starts_with("Rtl"))
      return Macro.str();
  }
  const IdentifierInfo *II = Call.getCalleeIdentifier();
  return II ? II->getName().str() : "the routine";
}

class IntSafeModelChecker : public Checker<eval::Call, check::PostStmt<CastExpr>> {
public:
  bool evalCall(const CallEvent &Call, CheckerContext &C) const {
    const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
    const auto *CE = dyn_cast_or_null<CallExpr>(Call.getOriginExpr());
    if (!FD || !CE)
      return false;
    if (FD->getName() == "_umul128" && Call.getNumArgs() == 3)
      return evalUmul128(Call, CE, C);
    auto R = intSafeRoutine(FD);
    if (!R || Call.getNumArgs() != FD->getNumParams())
      return false;
    return evalRoutine(*R, Call, CE, C);
  }

  // A narrowing cast of a value that may not fit: its result is the
  // truncation (a cast symbol, the same for every cast of that value), which
  // the size reasoning does not equate with the value.
  void checkPostStmt(const CastExpr *CE, CheckerContext &C) const {
    if (CE->getCastKind() != CK_IntegralCast || !CE->getType()->isIntegerType() ||
        CE->getType()->isBooleanType())
      return;
    ASTContext &Ctx = C.getASTContext();
    QualType To = CE->getType(), From = CE->getSubExpr()->getType();
    if (!From->isIntegerType() || Ctx.getIntWidth(To) >= Ctx.getIntWidth(From))
      return;
    ProgramStateRef State = C.getState();
    SVal V = C.getSVal(CE->getSubExpr());
    SymbolRef Sym = V.getAsSymbol();
    if (!Sym || C.getSValBuilder().getKnownValue(State, V))
      return;
    auto Range = valueRange(State, V);
    if (!Range)
      return;
    llvm::APInt Max = maxOf(Ctx, To);
    llvm::APInt Min(128, 0);
    if (!To->isUnsignedIntegerType()) {
      Max = llvm::APInt::getSignedMaxValue(Ctx.getIntWidth(To)).sext(128);
      Min = llvm::APInt::getSignedMinValue(Ctx.getIntWidth(To)).sext(128);
    }
    if (Range->Max.sle(Max) && Range->Min.sge(Min))
      return; // the value fits: nothing is lost
    SymbolManager &SymMgr = C.getSymbolManager();
    const SymbolCast *Truncated = SymMgr.getCastSymbol(Sym, From, To);
    State = State->BindExpr(CE, C.getLocationContext(), nonloc::SymbolVal(Truncated));
    // The note explains reports about a checked size that wrapped; on other
    // paths a truncation (of a header field, say) is beside the point.
    std::string Note = "'" + sourceText(C, CE->getSubExpr()) + "' is truncated to " +
                       To.getAsString() + " here; it may not fit";
    C.addTransition(State, C.getNoteTag([Note](PathSensitiveBugReport &BR) -> std::string {
      llvm::StringRef Rule = BR.getBugType().getDescription();
      bool Relevant = (Rule == "VMB003" || Rule == "VMB004") &&
                      BR.getDescription().contains("wrap");
      return Relevant ? Note : "";
    }));
  }

private:
  bool evalRoutine(const IntSafeRoutine &R, const CallEvent &Call, const CallExpr *CE,
                   CheckerContext &C) const {
    ProgramStateRef State = C.getState();
    SValBuilder &SVB = C.getSValBuilder();
    ASTContext &Ctx = C.getASTContext();
    const LocationContext *LC = C.getLocationContext();
    bool Binary = R.K != IntSafeRoutine::Convert;
    auto A = Call.getArgSVal(0).getAs<NonLoc>();
    std::optional<NonLoc> B;
    if (Binary)
      B = Call.getArgSVal(1).getAs<NonLoc>();
    auto Out = Call.getArgSVal(Binary ? 2 : 1).getAs<Loc>();
    if (!A || (Binary && !B))
      return false; // leave what the engine cannot represent to it
    // Operands in the result's type (the WDK's routines take and return the
    // same type; conversions take the wider one).
    QualType OpTy = Binary ? R.Out : R.In;
    auto Cast = [&](NonLoc V, QualType From) -> std::optional<NonLoc> {
      return SVB.evalCast(V, OpTy, From).getAs<NonLoc>();
    };
    A = Cast(*A, R.In);
    if (Binary)
      B = Cast(*B, Call.getArgExpr(1)->getType());
    if (!A || (Binary && !B))
      return false;

    // The exact result's range, and whether it fits.
    auto RA = valueRange(State, *A);
    auto RB = Binary ? valueRange(State, *B) : RA;
    llvm::APInt Max = maxOf(Ctx, R.Out);
    bool MaySucceed = true, MayFail = true;
    if (RA && RB && !RA->Min.isNegative() && !RB->Min.isNegative()) {
      Interval X;
      switch (R.K) {
      case IntSafeRoutine::Add: X = {RA->Min + RB->Min, RA->Max + RB->Max}; break;
      case IntSafeRoutine::Sub: X = {RA->Min - RB->Max, RA->Max - RB->Min}; break;
      case IntSafeRoutine::Mult: X = {RA->Min * RB->Min, RA->Max * RB->Max}; break;
      case IntSafeRoutine::Convert: X = *RA; break;
      }
      if (R.K == IntSafeRoutine::Mult) {
        // Products of 64-bit values need all 128 bits: compare unsigned.
        MaySucceed = X.Min.ule(Max);
        MayFail = X.Max.ugt(Max);
      } else {
        MaySucceed = !X.Max.isNegative() && X.Min.sle(Max);
        MayFail = X.Min.isNegative() || X.Max.sgt(Max);
      }
    }

    // Success: the operands are such that the exact result fits.
    ProgramStateRef Ok = MaySucceed ? State : nullptr;
    ProgramStateRef Fail = MayFail ? State : nullptr;
    if (MaySucceed && MayFail)
      std::tie(Ok, Fail) = splitOnFit(R, State, *A, B, Max, C);
    std::string Name = writtenName(Call, C);
    std::string What = "the " + std::string(verb(R.K)) + " fits in " + R.Out.getAsString();
    if (Ok) {
      SVal Value;
      switch (R.K) {
      case IntSafeRoutine::Add: Value = SVB.evalBinOpNN(Ok, BO_Add, *A, *B, R.Out); break;
      case IntSafeRoutine::Sub: Value = SVB.evalBinOpNN(Ok, BO_Sub, *A, *B, R.Out); break;
      case IntSafeRoutine::Mult: Value = SVB.evalBinOpNN(Ok, BO_Mul, *A, *B, R.Out); break;
      case IntSafeRoutine::Convert: Value = SVB.evalCast(*A, R.Out, R.In); break;
      }
      if (SymbolRef S = Value.getAsSymbol())
        Ok = markExact(Ok, S);
      if (Out)
        Ok = Ok->bindLoc(*Out, Value, LC);
      Ok = Ok->BindExpr(CE, LC, SVB.makeIntVal(0, CE->getType()));
      if (Fail)
        C.addTransition(Ok, noteForRules(C, "Assuming '" + Name + "' succeeds: " + What,
                                         {"VMB003", "VMB004"}));
      else
        C.addTransition(Ok);
    }
    if (Fail) {
      if (Out)
        Fail = Fail->bindLoc(*Out, SVB.makeIntVal(Max.trunc(Ctx.getIntWidth(R.Out)).getZExtValue(), R.Out), LC);
      Fail = Fail->BindExpr(CE, LC, SVB.makeIntVal(StatusIntegerOverflow, CE->getType()));
      C.addTransition(Fail, noteForRules(C, "Assuming '" + Name +
                                                "' fails with STATUS_INTEGER_OVERFLOW: the " +
                                                verb(R.K) + " does not fit in " +
                                                R.Out.getAsString(),
                                         {"VMB002", "VMB003", "VMB004"}));
    }
    return true;
  }

  // The two states of a call that may or may not overflow, with what each
  // implies on the operands when that can be written as a bound: one
  // operand constant (`n * 8` fits exactly when n <= Max / 8), or a sum or
  // difference of two values.
  static std::pair<ProgramStateRef, ProgramStateRef>
  splitOnFit(const IntSafeRoutine &R, ProgramStateRef State, NonLoc A, std::optional<NonLoc> B,
             const llvm::APInt &Max, CheckerContext &C) {
    SValBuilder &SVB = C.getSValBuilder();
    ASTContext &Ctx = C.getASTContext();
    QualType OpTy = B ? R.Out : R.In;
    const llvm::APSInt *KA = SVB.getKnownValue(State, A);
    const llvm::APSInt *KB = B ? SVB.getKnownValue(State, *B) : nullptr;
    auto Bound = [&](NonLoc X, BinaryOperatorKind Op, const llvm::APInt &V) -> SVal {
      return SVB.evalBinOpNN(State, Op, X, SVB.makeIntVal(V.getZExtValue(), OpTy).castAs<NonLoc>(),
                             Ctx.IntTy);
    };
    SVal Fits = UnknownVal();
    auto Value = [](const llvm::APSInt *K) { return K->zext(128); };
    switch (R.K) {
    case IntSafeRoutine::Convert:
      Fits = Bound(A, BO_LE, Max);
      break;
    case IntSafeRoutine::Add:
      if (KB)
        Fits = Bound(A, BO_LE, Max - Value(KB));
      else if (KA)
        Fits = Bound(*B, BO_LE, Max - Value(KA));
      else
        Fits = SVB.evalBinOpNN(State, BO_LE, A,
                               SVB.evalBinOpNN(State, BO_Sub,
                                               SVB.makeIntVal(Max.getZExtValue(), OpTy).castAs<NonLoc>(),
                                               *B, OpTy)
                                   .castAs<NonLoc>(),
                               Ctx.IntTy);
      break;
    case IntSafeRoutine::Sub:
      Fits = SVB.evalBinOpNN(State, BO_GE, A, *B, Ctx.IntTy);
      break;
    case IntSafeRoutine::Mult:
      if (KB && !KB->isZero())
        Fits = Bound(A, BO_LE, Max.udiv(Value(KB)));
      else if (KA && !KA->isZero())
        Fits = Bound(*B, BO_LE, Max.udiv(Value(KA)));
      break;
    }
    auto D = Fits.getAs<DefinedOrUnknownSVal>();
    if (!D || D->isUnknown())
      return {State, State};
    return State->assume(*D);
  }

  // ULONG64 _umul128(a, b, &high): on the path where the product fits in 64
  // bits high is 0 and the low half is the exact product; on the other high
  // is not 0.
  bool evalUmul128(const CallEvent &Call, const CallExpr *CE, CheckerContext &C) const {
    ProgramStateRef State = C.getState();
    SValBuilder &SVB = C.getSValBuilder();
    ASTContext &Ctx = C.getASTContext();
    const LocationContext *LC = C.getLocationContext();
    QualType T = CE->getType();
    if (!isUnsignedInt(T) || Ctx.getIntWidth(T) != 64)
      return false;
    auto A = Call.getArgSVal(0).getAs<NonLoc>(), B = Call.getArgSVal(1).getAs<NonLoc>();
    auto High = Call.getArgSVal(2).getAs<Loc>();
    if (!A || !B)
      return false;
    IntSafeRoutine R{IntSafeRoutine::Mult, T, T};
    llvm::APInt Max = maxOf(Ctx, T);
    auto RA = valueRange(State, *A), RB = valueRange(State, *B);
    bool MaySucceed = true, MayFail = true;
    if (RA && RB && !RA->Min.isNegative() && !RB->Min.isNegative()) {
      MaySucceed = (RA->Min * RB->Min).ule(Max);
      MayFail = (RA->Max * RB->Max).ugt(Max);
    }
    ProgramStateRef Ok = MaySucceed ? State : nullptr;
    ProgramStateRef Fail = MayFail ? State : nullptr;
    if (MaySucceed && MayFail)
      std::tie(Ok, Fail) = splitOnFit(R, State, *A, B, Max, C);
    if (Ok) {
      SVal Low = SVB.evalBinOpNN(Ok, BO_Mul, *A, *B, T);
      if (SymbolRef S = Low.getAsSymbol())
        Ok = markExact(Ok, S);
      if (High)
        Ok = Ok->bindLoc(*High, SVB.makeIntVal(0, T), LC);
      C.addTransition(Ok->BindExpr(CE, LC, Low));
    }
    if (Fail) {
      SVal Low = SVB.conjureSymbolVal(CE, LC, T, C.blockCount());
      if (High) {
        DefinedOrUnknownSVal H = SVB.conjureSymbolVal(nullptr, CE, LC, T, C.blockCount());
        Fail = Fail->bindLoc(*High, H, LC);
        if (ProgramStateRef NonZero = Fail->assume(H, true))
          Fail = NonZero;
      }
      C.addTransition(Fail->BindExpr(CE, LC, Low));
    }
    return true;
  }
};

} // namespace

void registerIntSafeModel(CheckerRegistry &R) {
  R.addChecker<IntSafeModelChecker>(
      IntSafeModelName, "Models ntintsafe's checked arithmetic and integer truncation", "");
}

} // namespace vmbcheck::model
