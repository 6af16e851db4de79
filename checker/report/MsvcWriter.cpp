#include "report/MsvcWriter.h"

#include "report/TextWriter.h"

#include "llvm/ADT/StringRef.h"

namespace vmbcheck {

// Append-only: a code, once published, keeps its meaning (users filter and
// suppress by it in their IDE).
std::string msvcNotificationCode(const std::string &Id) {
  static const char *const Known[] = {
      "compile-error",        // VMB0901
      "callback-not-analysed", // VMB0902
      "callback-not-found",   // VMB0903
      "analysis-incomplete",  // VMB0904
      "unreadable-source",    // VMB0905
      "compilation-database", // VMB0906
      "compile-command",      // VMB0907
      "suppression-error",    // VMB0908
      "timeout",              // VMB0909
      "interrupted",          // VMB0910
      "out-of-memory",        // VMB0911
      "internal-error",       // VMB0912
  };
  for (unsigned I = 0; I < std::size(Known); ++I)
    if (Id == Known[I]) {
      std::string N = std::to_string(I + 1);
      return "VMB09" + std::string(2 - N.size(), '0') + N;
    }
  return "VMB0900";
}

// `file(line,col): `. A file-level message (no line) is anchored at line 1:
// the matchers need a position, and a notification the Error List does not
// show would be a silent one.
static void location(llvm::raw_ostream &OS, const SourceSpan &S, const std::string &BaseDir) {
  if (S.File.empty()) { // about the run, not a file: MSBuild's "origin : " form
    OS << "vmbcheck : ";
    return;
  }
  OS << displayPath(S.File, BaseDir) << '(' << (S.Line ? S.Line : 1);
  if (S.Line && S.Column)
    OS << ',' << S.Column;
  OS << "): ";
}

// cl.exe levels: a finding configured as "note" is still listed, as info.
static llvm::StringRef level(llvm::StringRef L) {
  return L == "error" ? "error" : L == "warning" ? "warning" : "info";
}

void writeFindingMsvc(llvm::raw_ostream &OS, const Finding &F, const RuleInfo *Rule,
                      const std::string &BaseDir) {
  location(OS, F.Where, BaseDir);
  OS << level(!F.Level.empty() ? F.Level : Rule ? Rule->Level : "warning") << ' ' << F.RuleId
     << ": " << printableText(F.Message) << "\n";
  for (const PathStep &S : F.Steps) {
    location(OS, S.Where, BaseDir);
    OS << "note: " << printableText(S.Message) << "\n";
  }
}

void writeNotificationMsvc(llvm::raw_ostream &OS, const Notification &N,
                           const std::string &BaseDir) {
  location(OS, N.Where, BaseDir);
  OS << (N.Level == Notification::Severity::Error     ? "error"
         : N.Level == Notification::Severity::Warning ? "warning"
                                                      : "info")
     << ' ' << msvcNotificationCode(N.Id) << ": " << printableText(N.Message) << " ["
     << printableText(N.Id) << "]\n";
}

} // namespace vmbcheck
