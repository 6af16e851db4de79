// Fix-its: applied in place (--fix) or exported in the YAML format
// clang-apply-replacements reads (--export-fixes).
#pragma once

#include "report/Finding.h"

#include <string>
#include <vector>

namespace vmbcheck {

// Applies the fixes of Findings (each edit once, even when several
// findings carry it), each file written atomically and in its own line
// ending. A file is left untouched, with a one-line entry in Errors, when it
// changed since it was analysed (its digest differs), when its fixes
// overlap, or when it is reached through two names. Returns the number of
// edits applied.
unsigned applyFixes(const std::vector<const Finding *> &Findings,
                    std::vector<std::string> &Errors);

// Writes the fixes as clang::tooling::TranslationUnitDiagnostics YAML.
bool exportFixes(const std::vector<const Finding *> &Findings, const std::string &Path,
                 std::string &Error);

} // namespace vmbcheck
