// Conversion of Clang source locations into the plain SourceSpan of the
// result model: expansion locations (a finding in a macro points at its use),
// canonical absolute file paths, 1-based columns, exclusive end columns.
#pragma once

#include "report/Finding.h"

#include "clang/Basic/SourceLocation.h"

#include <string>

namespace clang {
class LangOptions;
class SourceManager;
} // namespace clang

namespace vmbcheck {

// Canonical absolute path of the file containing Loc (empty if none).
std::string filePathOf(const clang::SourceManager &SM, clang::SourceLocation Loc);

// The span of Range (token range); a range in another file than its begin,
// or an invalid end, shrinks to the token at the begin.
SourceSpan spanOf(const clang::SourceManager &SM, const clang::LangOptions &LO,
                  clang::SourceRange Range);

// Text of the line containing Loc, without the line break.
std::string lineTextOf(const clang::SourceManager &SM, clang::SourceLocation Loc);

} // namespace vmbcheck
