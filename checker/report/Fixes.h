// Fix-its: applied in place (--fix) or exported in the YAML format
// clang-apply-replacements reads (--export-fixes).
#pragma once

#include "report/Finding.h"

#include <string>
#include <vector>

namespace vmbcheck {

// Applies the fixes of Findings (each edit once, even when several
// findings carry it). Returns the number of edits applied; on error sets
// Error and applies nothing to that file.
unsigned applyFixes(const std::vector<const Finding *> &Findings, std::string &Error);

// Writes the fixes as clang::tooling::TranslationUnitDiagnostics YAML.
bool exportFixes(const std::vector<const Finding *> &Findings, const std::string &Path,
                 std::string &Error);

} // namespace vmbcheck
