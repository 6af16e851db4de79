// MSVC's C compiler accepts a cast as an lvalue (warning C4213):
// `(PUCHAR)Buffer += Length;`, `((BOOLEAN)Irp->Tail.Overlay.DriverContext[1]) = Idle;`,
// `&(PVOID)Pointer`. Clang rejects all three, so a driver that builds with
// cl.exe would not be analysed. vmbcheck re-reads such a file with each cast
// the compiler rejected written as the equivalent lvalue,
// `(*(__typeof__(PUCHAR) *)&(Buffer))`, and maps positions on the edited
// lines back to the file as it is.
#pragma once

#include "report/Finding.h"

#include "llvm/ADT/StringRef.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vmbcheck {

// The lvalue Text (the source of a cast expression, possibly in
// parentheses: "((T)x)", "(T *)p") stands for, or nullopt when Text is not
// a cast.
std::optional<std::string> lvalueForCast(llvm::StringRef Text);

// The length of the cast expression Text starts with ("(T)x->y[2]" of
// "(T)x->y[2] |= 1"), or 0: for a cast written in a macro argument, where
// the compiler's range of the expression includes the macro's own text.
size_t castExtent(llvm::StringRef Text);

// A cast the compiler rejected as an lvalue: [Offset, Offset + Length) of
// File, which starts at Line:Column.
struct RejectedLvalueCast {
  std::string File; // absolute
  unsigned Offset = 0, Length = 0;
  unsigned Line = 0, Column = 0;
};

// The files re-read with their rejected casts rewritten.
class LvalueCastRewrites {
public:
  // Rewrites Cast in the current text of its file (Original: the file's
  // bytes, for the first rewrite of that file). False when it is not a cast
  // or overlaps an earlier rewrite.
  bool add(const RejectedLvalueCast &Cast, llvm::StringRef Original, llvm::StringRef Current);
  // Rewrites the casts one parse rejected, right to left in each file so
  // that the offsets of the others still hold, skipping one inside another
  // (the next parse finds it again). Parsed: the text of each file as that
  // parse read it. Whether any was rewritten.
  bool addAll(std::vector<RejectedLvalueCast> Casts, const std::map<std::string, std::string> &Parsed);

  const std::map<std::string, std::string> &files() const { return Texts; }
  bool empty() const { return Texts.empty(); }

  // Positions in a rewritten file as they are in the file on disk: columns
  // after an edit on the same line move back; a position inside one goes to
  // its start. Lines are unchanged (no edit adds or removes a line break).
  void mapToOriginal(SourceSpan &Span) const;
  // The line as it is on disk, for a span on an edited line (else Text).
  std::string originalLine(const SourceSpan &Span, const std::string &Text) const;
  // Whether File had an edit (fix-its computed on its rewritten text are dropped).
  bool rewrote(const std::string &File) const { return Texts.count(File) != 0; }

private:
  struct Edit {
    unsigned Line, Column, OldLength, NewLength;
  };
  std::map<std::string, std::string> Texts;       // current text per file
  std::map<std::string, std::string> Originals;   // bytes on disk per file
  std::map<std::string, std::vector<Edit>> Edits; // in the order applied
};

} // namespace vmbcheck
