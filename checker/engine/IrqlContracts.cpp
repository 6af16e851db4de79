#include "engine/IrqlContracts.h"
#include "frontend/SalExpression.h"
#include "frontend/SalIndex.h"
#include "frontend/TypeSugar.h"
#include "report/Embedded.h"

#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/TypeLoc.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

using namespace clang;

namespace vmbcheck {

// SAL 2 name of an IRQL annotation, for the legacy driverspecs spellings.
static llvm::StringRef canonical(llvm::StringRef Name) {
  return llvm::StringSwitch<llvm::StringRef>(Name)
      .Case("__drv_maxIRQL", "_IRQL_requires_max_")
      .Case("__drv_minIRQL", "_IRQL_requires_min_")
      .Case("__drv_requiresIRQL", "_IRQL_requires_")
      .Case("__drv_raisesIRQL", "_IRQL_raises_")
      .Case("__drv_savesIRQL", "_IRQL_saves_")
      .Case("__drv_restoresIRQL", "_IRQL_restores_")
      .Case("__drv_sameIRQL", "_IRQL_requires_same_")
      .Default(Name);
}

// "arg:2" -> Arg 2, "global:0" -> Global 0, "return", or a level name.
static std::optional<IrqlSlot> parseSlot(llvm::StringRef Text) {
  IrqlSlot S;
  unsigned N = 0;
  if (Text == "return") {
    S.K = IrqlSlot::Return;
  } else if (Text.consume_front("arg:") && !Text.getAsInteger(10, N)) {
    S.K = IrqlSlot::Arg;
    S.Index = N;
  } else if (Text.consume_front("global:") && !Text.getAsInteger(10, N)) {
    S.K = IrqlSlot::Global;
    S.Index = N;
  } else if (auto L = evaluateSal(tokenizeSal(Text), SalResolver{})) {
    S.K = IrqlSlot::Level;
    S.Value = *L;
  } else {
    return std::nullopt;
  }
  return S;
}

bool IrqlContracts::parse(llvm::StringRef Json, IrqlContracts &Out, std::string &Error) {
  auto Doc = nlohmann::json::parse(Json.begin(), Json.end(), nullptr, false);
  if (Doc.is_discarded() || !Doc.contains("ddis") || !Doc["ddis"].is_array()) {
    Error = "ddi-irql.json: expected an object with a \"ddis\" array";
    return false;
  }
  auto Level = [&](const nlohmann::json &E, const char *Key) -> std::optional<int64_t> {
    if (!E.contains(Key))
      return std::nullopt;
    auto L = evaluateSal(tokenizeSal(E[Key].get<std::string>()), SalResolver{});
    if (!L)
      throw std::runtime_error(std::string("bad level in '") + Key + "'");
    return L;
  };
  for (const auto &E : Doc["ddis"]) {
    std::string Name = E.value("name", "");
    try {
      IrqlContract C;
      C.Origin = "vmbcheck's DDI table (rules/ddi-irql.json)";
      C.Min = Level(E, "min");
      C.Max = Level(E, "max");
      if (auto R = Level(E, "requires"))
        C.Min = C.Max = R;
      if (E.contains("args"))
        for (auto &[ArgName, Pos] : E["args"].items())
          C.ArgNames[ArgName] = Pos.get<unsigned>();
      if (E.contains("when"))
        for (const auto &W : E["when"])
          C.When.push_back({W.at("if").get<std::string>(), Level(W, "min"), Level(W, "max"), {}});
      for (auto [Key, Slot] : {std::pair<const char *, IrqlSlot *>{"raises", &C.Raises},
                               {"saves", &C.Saves},
                               {"restores", &C.Restores}})
        if (E.contains(Key)) {
          auto S = parseSlot(E[Key].get<std::string>());
          if (!S)
            throw std::runtime_error(std::string("bad value of '") + Key + "'");
          *Slot = *S;
        }
      if (Name.empty() || C.empty())
        throw std::runtime_error("entry without a name or a rule");
      Out.Table[Name] = std::move(C);
    } catch (const std::exception &Ex) {
      Error = "ddi-irql.json: " + (Name.empty() ? std::string("entry") : Name) + ": " + Ex.what();
      return false;
    }
  }
  return true;
}

const IrqlContracts &IrqlContracts::builtin() {
  static const IrqlContracts Table = [] {
    IrqlContracts T;
    std::string Error;
    auto Json = embedded::find("rules/ddi-irql.json");
    if (!Json || !parse(*Json, T, Error)) {
      llvm::errs() << "vmbcheck: internal error: "
                   << (Json ? Error : "rules/ddi-irql.json not embedded") << "\n";
      std::abort();
    }
    return T;
  }();
  return Table;
}

const IrqlContract *IrqlContracts::tableEntry(llvm::StringRef Name) const {
  auto It = Table.find(Name);
  return It == Table.end() ? nullptr : &It->second;
}

// Parameter names of FD, from a declaration that has them, else from the
// function typedef it is declared with.
static std::map<std::string, unsigned> parameterNames(const FunctionDecl *FD) {
  std::map<std::string, unsigned> Names;
  for (const FunctionDecl *R : FD->redecls()) {
    for (unsigned I = 0; I < R->getNumParams(); ++I)
      if (!R->getParamDecl(I)->getName().empty())
        Names.emplace(R->getParamDecl(I)->getName().str(), I);
    for (const TypedefNameDecl *TD : writtenTypedefs(R->getTypeSourceInfo()))
      if (const TypeSourceInfo *TSI = TD->getTypeSourceInfo())
        if (auto FTL = TSI->getTypeLoc().getAsAdjusted<FunctionProtoTypeLoc>())
          for (unsigned I = 0; I < FTL.getNumParams(); ++I)
            if (FTL.getParam(I) && !FTL.getParam(I)->getName().empty())
              Names.emplace(FTL.getParam(I)->getName().str(), I);
  }
  return Names;
}

static void applyRequirement(llvm::StringRef Name, std::optional<int64_t> L,
                             std::optional<int64_t> &Min, std::optional<int64_t> &Max) {
  if (!L)
    return;
  if (Name == "_IRQL_requires_")
    Min = Max = L;
  else if (Name == "_IRQL_requires_max_")
    Max = L;
  else if (Name == "_IRQL_requires_min_")
    Min = L;
}

static IrqlContract fromAnnotations(const FunctionDecl *FD, const SalIndex &Sal) {
  IrqlContract C;
  C.ArgNames = parameterNames(FD);
  auto ArgIndex = [&](llvm::StringRef Name) -> std::optional<unsigned> {
    auto It = C.ArgNames.find(Name.str());
    return It == C.ArgNames.end() ? std::nullopt : std::optional<unsigned>(It->second);
  };
  for (const SalAnnotation &A : Sal.functionAnnotations(FD)) {
    llvm::StringRef Name = canonical(A.Name);
    const SalArgument *Arg0 = A.arg(0);
    if (Name == "_When_" && A.Args.size() == 2) {
      for (const SalAnnotation &N : A.Nested) {
        IrqlContract::Conditional W{A.Args[0].Text, std::nullopt, std::nullopt, A.Loc};
        applyRequirement(canonical(N.Name), N.Args.empty() ? std::nullopt : N.Args[0].Value,
                         W.Min, W.Max);
        if (W.Min || W.Max)
          C.When.push_back(W);
      }
    } else if (Name == "_IRQL_raises_" && Arg0) {
      if (Arg0->Value)
        C.Raises = {IrqlSlot::Level, *Arg0->Value, 0};
      else if (auto I = ArgIndex(Arg0->Text))
        C.Raises = {IrqlSlot::Arg, 0, *I};
    } else if (Name == "_IRQL_saves_") {
      C.Saves.K = IrqlSlot::Return;
    } else if ((Name == "_IRQL_saves_global_" || Name == "_IRQL_restores_global_") &&
               A.Args.size() == 2) {
      if (auto I = ArgIndex(A.Args[1].Text))
        (Name == "_IRQL_saves_global_" ? C.Saves : C.Restores) = {IrqlSlot::Global, 0, *I};
    } else {
      applyRequirement(Name, Arg0 ? Arg0->Value : std::nullopt, C.Min, C.Max);
    }
  }
  // Parameter annotations: _IRQL_saves_ on a PKIRQL stores the old IRQL
  // there; on a lock handle it is kept with the lock. _IRQL_restores_ on a
  // KIRQL value restores that value; on a lock, what the lock kept.
  for (unsigned I = 0; I < FD->getNumParams(); ++I) {
    QualType T = FD->getParamDecl(I)->getType();
    for (const SalAnnotation &A : Sal.parameterAnnotations(FD, I)) {
      llvm::StringRef Name = canonical(A.Name);
      if (Name == "_IRQL_saves_")
        C.Saves = {T->isPointerType() && T->getPointeeType()->isIntegerType() ? IrqlSlot::Arg
                                                                               : IrqlSlot::Global,
                   0, I};
      else if (Name == "_IRQL_restores_")
        C.Restores = {T->isIntegerType() ? IrqlSlot::Arg : IrqlSlot::Global, 0, I};
    }
  }
  return C;
}

static bool isPageable(const FunctionDecl *FD, const SalIndex &Sal, std::string &How) {
  for (const FunctionDecl *R : FD->redecls())
    if (const auto *S = R->getAttr<SectionAttr>())
      if (S->getName().starts_with_insensitive("PAGE")) {
        How = "its placement in the pageable section " + S->getName().str();
        return true;
      }
  const FunctionDecl *Def = FD->getDefinition();
  if (Def && Def->hasBody() && Sal.containsMarker("PAGED_CODE", Def->getBody()->getSourceRange())) {
    How = "the PAGED_CODE() in its body";
    return true;
  }
  return false;
}

IrqlContract IrqlContracts::contractOf(const FunctionDecl *FD, const SalIndex &Sal) const {
  IrqlContract C = fromAnnotations(FD, Sal);
  bool Annotated = !C.empty();
  C.Origin = Annotated ? "the annotations on its declaration" : "";
  if (const IrqlContract *T = tableEntry(FD->getName())) {
    // The table fills in what the parsed declarations leave unsaid.
    bool Used = false;
    auto Fill = [&](auto &Mine, const auto &Theirs) {
      if (!Mine && Theirs) {
        Mine = Theirs;
        Used = true;
      }
    };
    Fill(C.Min, T->Min);
    Fill(C.Max, T->Max);
    Fill(C.Raises, T->Raises);
    Fill(C.Saves, T->Saves);
    Fill(C.Restores, T->Restores);
    if (C.When.empty() && !T->When.empty()) {
      C.When = T->When;
      Used = true;
    }
    for (const auto &[Name, Pos] : T->ArgNames)
      C.ArgNames.emplace(Name, Pos);
    if (Used)
      C.Origin = Annotated ? "the annotations on its declaration and vmbcheck's DDI table"
                           : "vmbcheck's DDI table (rules/ddi-irql.json)";
  }
  std::string How;
  if (!C.Max && isPageable(FD, Sal, How)) {
    C.Max = 1; // APC_LEVEL
    C.Origin = How;
  }
  return C;
}

} // namespace vmbcheck
