#include "report/Fixes.h"
#include "report/AtomicFile.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/xxhash.h"

#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <set>
#include <tuple>

namespace vmbcheck {

std::string contentDigest(llvm::StringRef Bytes) {
  return llvm::utohexstr(llvm::xxh3_64bits(Bytes), /*LowerCase=*/true, 16);
}

namespace {

// The file's line ending, judged by its first line: fixes are written in it.
bool usesCrlf(llvm::StringRef Text) {
  size_t NL = Text.find('\n');
  return NL != llvm::StringRef::npos && NL > 0 && Text[NL - 1] == '\r';
}

std::string inLineEnding(const std::string &Replacement, bool Crlf) {
  if (!Crlf)
    return Replacement;
  std::string Out;
  for (char C : Replacement) {
    if (C == '\n')
      Out += '\r';
    Out += C;
  }
  return Out;
}

} // namespace

unsigned applyFixes(const std::vector<const Finding *> &Findings,
                    std::vector<std::string> &Errors) {
  // Distinct edits per file, applied from the end so offsets stay valid.
  struct Edit {
    unsigned Offset, Length;
    std::string Replacement, Digest;
    bool operator<(const Edit &O) const {
      return std::tie(Offset, Length, Replacement, Digest) <
             std::tie(O.Offset, O.Length, O.Replacement, O.Digest);
    }
  };
  std::map<std::string, std::set<Edit>> ByFile;
  for (const Finding *F : Findings)
    for (const FixIt &Fix : F->Fixes)
      for (const TextEdit &E : Fix.Edits)
        ByFile[E.File].insert({E.Offset, E.Length, E.Replacement, E.Digest});

  // One file reached through two names (hard or symbolic links) would be
  // edited twice with offsets computed for one copy.
  std::map<std::pair<uint64_t, uint64_t>, std::vector<std::string>> Names;
  for (auto &[File, Edits] : ByFile) {
    llvm::sys::fs::file_status St;
    if (!llvm::sys::fs::status(File, St))
      Names[{St.getUniqueID().getDevice(), St.getUniqueID().getFile()}].push_back(File);
  }
  std::set<std::string> Aliased;
  for (auto &[Id, List] : Names)
    if (List.size() > 1)
      for (const std::string &N : List)
        Aliased.insert(N);

  unsigned Applied = 0;
  for (auto &[File, Edits] : ByFile) {
    if (Aliased.count(File)) {
      Errors.push_back(File + ": the same file is reached through another name; no fix applied");
      continue;
    }
    auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    if (!Buffer) {
      Errors.push_back(File + ": cannot read: " + Buffer.getError().message());
      continue;
    }
    std::string Text = (*Buffer)->getBuffer().str();
    std::string Now = contentDigest(Text);
    if (llvm::any_of(Edits, [&](const Edit &E) { return E.Digest != Now; })) {
      Errors.push_back(File + ": changed since it was analysed; no fix applied (run again)");
      continue;
    }
    unsigned Last = ~0u;
    bool Overlap = false;
    for (auto It = Edits.rbegin(); It != Edits.rend(); ++It) {
      if (It->Offset + It->Length > Text.size() || It->Offset + It->Length > Last) {
        Overlap = true;
        break;
      }
      Last = It->Offset;
    }
    if (Overlap) {
      Errors.push_back(File + ": overlapping fixes; no fix applied to this file");
      continue;
    }
    bool Crlf = usesCrlf(Text);
    for (auto It = Edits.rbegin(); It != Edits.rend(); ++It)
      Text.replace(It->Offset, It->Length, inLineEnding(It->Replacement, Crlf));
    std::string Error;
    if (!writeFileAtomically(File, Text, Error)) {
      Errors.push_back(Error);
      continue;
    }
    Applied += Edits.size();
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
  std::string Yaml;
  {
    llvm::raw_string_ostream OS(Yaml);
    llvm::yaml::Output YAML(OS);
    YAML << TUD;
  }
  return writeFileAtomically(Path, Yaml, Error);
}

} // namespace vmbcheck
