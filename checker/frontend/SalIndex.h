// The SAL annotation index.
//
// Outside Microsoft's /analyze the WDK's SAL and IRQL macros (_In_,
// _IRQL_requires_(x), _Function_class_(x), ...) expand to nothing, so they
// leave no trace in the AST. The index records them from the preprocessor as
// they are written - the outermost expansions in source files that produced
// no token - and attaches each to the declaration it annotates: the
// annotation's "anchor" is the first token the parser received after it, and
// a declaration owns the annotations anchored between its start and its name
// (plus those written after its parameter list).
#pragma once

#include "frontend/SalExpression.h"

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class Decl;
class FunctionDecl;
class IdentifierInfo;
class Preprocessor;
class SourceManager;
class ParmVarDecl;
} // namespace clang

namespace vmbcheck {

struct SalArgument {
  std::string Text;             // as written, e.g. "PASSIVE_LEVEL"
  std::optional<int64_t> Value; // its integer value through the TU's macros
};

struct SalAnnotation {
  std::string Name;              // "_IRQL_requires_"
  std::vector<SalArgument> Args; // empty for argument-less annotations
  // Annotations written inside the arguments, e.g. the second argument of
  // _When_(Wait == 1, _IRQL_requires_max_(APC_LEVEL)).
  std::vector<SalAnnotation> Nested;
  clang::SourceLocation Loc; // the macro name, in a source file
  // Set when the annotation is written in the body of the driver's own macro
  // (`#define MY_DISPATCH _IRQL_requires_(DISPATCH_LEVEL)`): that macro's
  // name; Loc is then where the macro is used, Spelling where the
  // annotation is written in its definition. Otherwise Spelling == Loc.
  std::string Via;
  clang::SourceLocation Spelling;

  const SalArgument *arg(size_t I) const {
    return I < Args.size() ? &Args[I] : nullptr;
  }
};

class SalIndex {
public:
  // Creates an index and installs its preprocessor hooks (PPCallbacks and the
  // token watcher). Call before parsing starts; the index must outlive the
  // parse, the Preprocessor must outlive the index.
  static std::shared_ptr<SalIndex> attach(clang::Preprocessor &PP);
  ~SalIndex();

  // The annotations written on a function, typedef, parameter, field or
  // variable declaration, in source order, with their arguments resolved.
  std::vector<SalAnnotation> annotationsOf(const clang::Decl *D) const;

  // Annotations of every declaration of FD and of the function typedefs
  // those declarations are written with (EVT_X MyFn; inherits EVT_X's).
  std::vector<SalAnnotation> functionAnnotations(const clang::FunctionDecl *FD) const;
  // The same for FD's parameter at Index, across redeclarations and typedefs.
  std::vector<SalAnnotation> parameterAnnotations(const clang::FunctionDecl *FD,
                                                  unsigned Index) const;

  // True if a marker macro (PAGED_CODE, PAGED_CODE_LOCKED) is expanded in
  // [Range.getBegin(), Range.getEnd()] of one file.
  bool containsMarker(llvm::StringRef Marker, clang::SourceRange Range) const;

  // Evaluates an expression written at Loc (macros as defined there).
  // Arguments, when its Value/Field are set, resolves identifiers first (a
  // call's arguments); its Macro is replaced by the TU's macros at Loc.
  std::optional<int64_t> evaluate(llvm::StringRef Text, clang::SourceLocation Loc,
                                  SalResolver Arguments = {}) const;

  // Names the index records: SAL 2 style `_Xxx_`, legacy `__drv_xxx`, and
  // SAL 1 `__in`/`__out` families.
  static bool isAnnotationName(llvm::StringRef Name);

  size_t size() const { return Records.size(); }

  class Hooks; // the preprocessor side, defined in SalIndex.cpp

private:
  explicit SalIndex(clang::Preprocessor &PP);

  struct Record {
    const clang::IdentifierInfo *Name = nullptr;
    clang::SourceLocation Loc;     // macro name
    clang::SourceLocation End;     // closing parenthesis, or Loc
    clang::SourceLocation Anchor;  // first parser token after the annotation
    unsigned AnchorOffset = 0;
    // For an annotation in the body of the driver's own macro: the
    // annotation's name token (a macro location), the invocation as the
    // preprocessor saw it, and the macro's name.
    clang::SourceLocation MacroLoc;
    std::string Invocation;
    std::string Via;
  };

  SalAnnotation resolve(const Record &R) const;
  void annotationsAnchoredIn(clang::FileID File, unsigned Lo, unsigned Hi,
                             std::vector<SalAnnotation> &Out) const;
  void collectAfterParams(const clang::Decl *D, std::vector<SalAnnotation> &Out) const;
  void sortIfNeeded() const;

  clang::Preprocessor &PP;
  const clang::SourceManager &SM;
  std::vector<Record> Records;
  // Per file, indices into Records ordered by AnchorOffset.
  mutable llvm::DenseMap<clang::FileID, std::vector<unsigned>> ByFile;
  mutable bool Sorted = true;
  struct Marker {
    std::string Name;
    clang::SourceLocation Loc;
  };
  std::vector<Marker> Markers;
};

} // namespace vmbcheck
