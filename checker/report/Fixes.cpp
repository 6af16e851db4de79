#include "report/Fixes.h"

#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <set>
#include <tuple>

namespace vmbcheck {

unsigned applyFixes(const std::vector<const Finding *> &Findings, std::string &Error) {
  // Distinct edits per file, applied from the end so offsets stay valid.
  std::map<std::string, std::set<std::tuple<unsigned, unsigned, std::string>>> ByFile;
  for (const Finding *F : Findings)
    for (const FixIt &Fix : F->Fixes)
      for (const TextEdit &E : Fix.Edits)
        ByFile[E.File].emplace(E.Offset, E.Length, E.Replacement);
  unsigned Applied = 0;
  for (auto &[File, Edits] : ByFile) {
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    if (!Buffer) {
      Error = File + ": cannot read: " + Buffer.getError().message();
      continue;
    }
    std::string Text = (*Buffer)->getBuffer().str();
    unsigned Last = ~0u;
    bool Overlap = false;
    for (auto It = Edits.rbegin(); It != Edits.rend(); ++It) {
      auto [Offset, Length, Replacement] = *It;
      if (Offset + Length > Text.size() || Offset + Length > Last) {
        Overlap = true;
        break;
      }
      Last = Offset;
    }
    if (Overlap) {
      Error = File + ": overlapping or stale fixes; nothing applied to this file";
      continue;
    }
    for (auto It = Edits.rbegin(); It != Edits.rend(); ++It) {
      auto [Offset, Length, Replacement] = *It;
      Text.replace(Offset, Length, Replacement);
      ++Applied;
    }
    std::error_code EC;
    llvm::raw_fd_ostream Out(File, EC);
    if (EC) {
      Error = File + ": cannot write: " + EC.message();
      continue;
    }
    Out << Text;
  }
  return Applied;
}

bool exportFixes(const std::vector<const Finding *> &Findings, const std::string &Path,
                 std::string &Error) {
  clang::tooling::TranslationUnitDiagnostics TUD;
  for (const Finding *F : Findings) {
    if (F->Fixes.empty())
      continue;
    clang::tooling::Diagnostic D;
    D.DiagnosticName = F->RuleId;
    D.DiagLevel = F->Level == "error" ? clang::tooling::Diagnostic::Error
                                      : clang::tooling::Diagnostic::Warning;
    D.Message.Message = F->Message;
    D.Message.FilePath = F->Where.File;
    D.Message.FileOffset = 0;
    for (const TextEdit &E : F->Fixes.front().Edits) {
      llvm::Error Err = D.Message.Fix[E.File].add(
          clang::tooling::Replacement(E.File, E.Offset, E.Length, E.Replacement));
      if (Err) {
        Error = llvm::toString(std::move(Err));
        return false;
      }
    }
    TUD.Diagnostics.push_back(std::move(D));
  }
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_Text);
  if (EC) {
    Error = Path + ": cannot write: " + EC.message();
    return false;
  }
  llvm::yaml::Output YAML(OS);
  YAML << TUD;
  return true;
}

} // namespace vmbcheck
