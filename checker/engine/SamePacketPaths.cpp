#include "engine/SamePacketPaths.h"

#include "llvm/ADT/DenseSet.h"

using namespace clang;
using namespace clang::ento;

namespace vmbcheck::model {

// True if S (a call's result) comes from a call in the callback's own body
// that is given SaveBuf or SaveBufSize: its result may depend on the buffer,
// though the engine gives both paths the same symbol for it.
static bool callGivenBuffer(const Stmt *S, const CallbackParams &P) {
  const auto *Call = dyn_cast_or_null<CallExpr>(S);
  if (!Call)
    return false;
  auto Refers = [&](const Stmt *E, auto &Self) -> bool {
    if (!E)
      return false;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *PVD = dyn_cast<ParmVarDecl>(DRE->getDecl());
          PVD && PVD->getDeclContext() == P.Callback &&
          (PVD->getName() == P.SaveBufName || PVD->getName() == P.SaveBufSizeName))
        return true;
    for (const Stmt *Child : E->children())
      if (Self(Child, Self))
        return true;
    return false;
  };
  for (const Expr *Arg : Call->arguments())
    if (Refers(Arg, Refers))
      return true;
  return false;
}

// True if the symbol's value depends on SaveBuf or SaveBufSize: the
// parameters themselves, expressions over them, values read from memory
// SaveBuf points to, and results of calls given the buffer or its size.
static bool derivedFromBuffer(SymbolRef Sym, const CallbackParams &P, unsigned Depth = 0) {
  if (Depth > 8)
    return true; // too deep to tell: leave it out of the comparison
  for (SymbolRef S : Sym->symbols()) {
    if (S == P.SaveBuf || S == P.SaveBufSize)
      return true;
    if (const auto *C = dyn_cast<SymbolConjured>(S); C && callGivenBuffer(C->getStmt(), P))
      return true;
    const MemRegion *R = nullptr;
    if (const auto *RV = dyn_cast<SymbolRegionValue>(S))
      R = RV->getRegion();
    else if (const auto *D = dyn_cast<SymbolDerived>(S))
      R = D->getRegion();
    else if (const auto *X = dyn_cast<SymbolExtent>(S))
      R = X->getRegion();
    else if (const auto *M = dyn_cast<SymbolMetadata>(S))
      R = M->getRegion();
    if (const auto *SR = R ? dyn_cast<SymbolicRegion>(R->getBaseRegion()) : nullptr)
      if (derivedFromBuffer(SR->getSymbol(), P, Depth + 1))
        return true;
  }
  return false;
}

// The memory a symbol is the value of, when it is a read of memory
// reached through a pointer (the packet's context and what it points to).
static const MemRegion *readThroughPointer(SymbolRef S) {
  const MemRegion *R = nullptr;
  if (const auto *D = dyn_cast<SymbolDerived>(S))
    R = D->getRegion();
  else if (const auto *V = dyn_cast<SymbolRegionValue>(S))
    R = V->getRegion();
  return R && isa<SymbolicRegion>(R->getBaseRegion()) ? R : nullptr;
}

// The writing path's reads, by the memory read; null when that path read
// the same memory into more than one symbol (then nothing is carried over).
using FieldReads = llvm::DenseMap<const MemRegion *, SymbolRef>;

static FieldReads fieldReads(const PacketConstraints &Path) {
  FieldReads Out;
  for (const auto &[Sym, Ranges] : Path)
    for (SymbolRef Leaf : Sym->symbols())
      if (const MemRegion *R = readThroughPointer(Leaf)) {
        auto [It, New] = Out.try_emplace(R, Leaf);
        if (!New && It->second != Leaf)
          It->second = nullptr;
      }
  return Out;
}

// Sym with each read replaced by the other path's read of the same
// memory; null when a read has no unique counterpart or the expression is
// of a kind not rebuilt here.
static SymbolRef translate(SymbolRef Sym, const FieldReads &Reads, SymbolManager &SM,
                           unsigned Depth = 0) {
  if (Depth > 16)
    return nullptr;
  if (const MemRegion *R = readThroughPointer(Sym)) {
    auto It = Reads.find(R);
    if (It == Reads.end())
      return Sym; // the other path does not constrain this memory
    return It->second;
  }
  if (isa<SymbolData>(Sym))
    return Sym;
  if (const auto *E = dyn_cast<SymIntExpr>(Sym)) {
    SymbolRef L = translate(E->getLHS(), Reads, SM, Depth + 1);
    if (!L || L == E->getLHS())
      return L ? Sym : nullptr;
    return SM.getSymIntExpr(L, E->getOpcode(), E->getRHS(), E->getType());
  }
  if (const auto *E = dyn_cast<IntSymExpr>(Sym)) {
    SymbolRef R = translate(E->getRHS(), Reads, SM, Depth + 1);
    if (!R || R == E->getRHS())
      return R ? Sym : nullptr;
    return SM.getIntSymExpr(E->getLHS(), E->getOpcode(), R, E->getType());
  }
  if (const auto *E = dyn_cast<SymSymExpr>(Sym)) {
    SymbolRef L = translate(E->getLHS(), Reads, SM, Depth + 1);
    SymbolRef R = translate(E->getRHS(), Reads, SM, Depth + 1);
    if (!L || !R)
      return nullptr;
    if (L == E->getLHS() && R == E->getRHS())
      return Sym;
    return SM.getSymSymExpr(L, E->getOpcode(), R, E->getType());
  }
  if (const auto *E = dyn_cast<SymbolCast>(Sym)) {
    SymbolRef O = translate(E->getOperand(), Reads, SM, Depth + 1);
    if (!O || O == E->getOperand())
      return O ? Sym : nullptr;
    return SM.getCastSymbol(O, O->getType(), E->getType());
  }
  if (const auto *E = dyn_cast<UnarySymExpr>(Sym)) {
    SymbolRef O = translate(E->getOperand(), Reads, SM, Depth + 1);
    if (!O || O == E->getOperand())
      return O ? Sym : nullptr;
    return SM.getUnarySymExpr(O, E->getOpcode(), E->getType());
  }
  return nullptr;
}

// Writing with Sym restricted to Ranges: Sym assumed outside every gap.
static ProgramStateRef constrainTo(RangedConstraintManager &RCM, ProgramStateRef State,
                                   SymbolRef Sym, const RangeSet &Ranges) {
  APSIntType T(Ranges.begin()->From());
  llvm::APSInt Low = T.getMinValue();
  const llvm::APSInt Max = T.getMaxValue();
  for (const Range &R : Ranges) {
    if (R.From() > Low) {
      llvm::APSInt GapEnd = R.From();
      --GapEnd;
      State = RCM.assumeSymInclusiveRange(State, Sym, Low, GapEnd, /*InRange=*/false);
      if (!State)
        return nullptr;
    }
    if (R.To() == Max)
      return State;
    Low = R.To();
    ++Low;
  }
  return RCM.assumeSymInclusiveRange(State, Sym, Low, Max, /*InRange=*/false);
}

// Walks the path from N back to the callback's entry and keeps, for each
// symbol not derived from the buffer, its range at the last node that
// still constrained it (ranges only narrow along a path).
// A walk that reaches a write whose constraints are already Known takes
// them over (for symbols not seen later on the path) and stops.
PacketConstraints packetConstraints(const ExplodedNode *N, const CallbackParams &P,
                                    const KnownPaths &Known) {
  PacketConstraints Out;
  llvm::DenseSet<SymbolRef> Seen;
  const void *LastGDM = nullptr;
  for (const ExplodedNode *Start = N; N; N = N->getFirstPred()) {
    if (N != Start)
      if (auto It = Known.find(N); It != Known.end()) {
        for (const auto &[Sym, Ranges] : *It->second)
          if (Seen.insert(Sym).second)
            Out.emplace_back(Sym, Ranges);
        break;
      }
    const ProgramState *S = N->getState().get();
    const void *GDM = S->getGDM().getRoot();
    if (GDM == LastGDM)
      continue; // same constraints as the node after it
    LastGDM = GDM;
    for (const auto &[Sym, Ranges] : getConstraintMap(N->getState()))
      if (!Ranges.isEmpty() && Seen.insert(Sym).second && !derivedFromBuffer(Sym, P))
        Out.emplace_back(Sym, Ranges);
  }
  return Out;
}

// Can one packet take both paths, given different buffers? Imposes on the
// writing path's state its own path constraints and every constraint the
// empty-call path holds on values not derived from the buffer, and asks
// the solver. Symbols created after the paths split differ between them
// and so stay unrelated: the answer errs towards "possible".
bool samePacketPossible(ProgramStateRef Writing, const PacketConstraints &WritingPath,
                        const PacketConstraints &EmptyPath) {
  auto *RCM = dynamic_cast<RangedConstraintManager *>(&Writing->getConstraintManager());
  if (!RCM)
    return true; // no range solver to ask: keep the finding
  for (const PacketConstraints *List : {&WritingPath, &EmptyPath})
    for (const auto &[Sym, Ranges] : *List) {
      Writing = constrainTo(*RCM, Writing, Sym, Ranges);
      if (!Writing)
        return false;
    }
  // A field both paths read, but each after its own call without a body
  // (a spin lock acquired in each branch): the engine gives each read its
  // own symbol, yet it is the same packet's field. Carry the empty path's
  // constraint over to the writing path's read of that field.
  FieldReads Counterparts = fieldReads(WritingPath);
  SymbolManager &SymMgr = Writing->getStateManager().getSymbolManager();
  for (const auto &[Sym, Ranges] : EmptyPath) {
    SymbolRef Translated = translate(Sym, Counterparts, SymMgr);
    if (!Translated || Translated == Sym)
      continue;
    Writing = constrainTo(*RCM, Writing, Translated, Ranges);
    if (!Writing)
      return false;
  }
  return true;
}

} // namespace vmbcheck::model
