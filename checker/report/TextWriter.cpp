#include "report/TextWriter.h"

#include "llvm/Support/Path.h"

namespace vmbcheck {

std::string displayPath(const std::string &Path, const std::string &BaseDir) {
  llvm::StringRef P(Path);
  if (!BaseDir.empty() && P.starts_with(BaseDir)) {
    llvm::StringRef Rest = P.drop_front(BaseDir.size());
    if (Rest.consume_front("/") || llvm::StringRef(BaseDir).ends_with("/"))
      if (!Rest.empty())
        return Rest.str();
  }
  return Path;
}

static void location(llvm::raw_ostream &OS, const SourceSpan &S, const TextStyle &Style) {
  if (Style.Color)
    OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, /*Bold=*/true);
  OS << displayPath(S.File, Style.BaseDir);
  if (S.Line) {
    OS << ':' << S.Line;
    if (S.Column)
      OS << ':' << S.Column;
  }
  OS << ": ";
  if (Style.Color)
    OS.resetColor();
}

static void label(llvm::raw_ostream &OS, llvm::StringRef Level, const TextStyle &Style) {
  if (Style.Color) {
    auto Colour = Level == "error"     ? llvm::raw_ostream::RED
                  : Level == "warning" ? llvm::raw_ostream::MAGENTA
                                       : llvm::raw_ostream::CYAN;
    OS.changeColor(Colour, /*Bold=*/true);
  }
  OS << Level << ": ";
  if (Style.Color)
    OS.resetColor();
}

static void snippet(llvm::raw_ostream &OS, const SourceSpan &S, const std::string &Line,
                    const TextStyle &Style) {
  if (!Style.Snippets || Line.empty() || !S.Column)
    return;
  std::string Number = std::to_string(S.Line);
  OS << "  " << Number << " | " << Line << "\n";
  OS << "  " << std::string(Number.size(), ' ') << " | ";
  std::string Marker;
  for (unsigned I = 1; I < S.Column && I <= Line.size(); ++I)
    Marker += Line[I - 1] == '\t' ? '\t' : ' ';
  unsigned End = (S.EndLine == S.Line && S.EndColumn > S.Column)
                     ? S.EndColumn
                     : static_cast<unsigned>(Line.size()) + 1;
  Marker += '^';
  for (unsigned I = S.Column + 1; I < End; ++I)
    Marker += '~';
  if (Style.Color)
    OS.changeColor(llvm::raw_ostream::GREEN, /*Bold=*/true);
  OS << Marker;
  if (Style.Color)
    OS.resetColor();
  OS << "\n";
}

void writeFindingText(llvm::raw_ostream &OS, const Finding &F, const RuleInfo *Rule,
                      const TextStyle &Style) {
  location(OS, F.Where, Style);
  label(OS, !F.Level.empty() ? F.Level : Rule ? Rule->Level : "warning", Style);
  OS << F.Message << " [" << F.RuleId << "]\n";
  snippet(OS, F.Where, F.LineText, Style);
  for (const PathStep &S : F.Steps) {
    location(OS, S.Where, Style);
    label(OS, "note", Style);
    OS << S.Message << "\n";
  }
}

void writeNotificationText(llvm::raw_ostream &OS, const Notification &N,
                           const TextStyle &Style) {
  location(OS, N.Where, Style);
  label(OS,
        N.Level == Notification::Severity::Error     ? "error"
        : N.Level == Notification::Severity::Warning ? "warning"
                                                     : "note",
        Style);
  OS << N.Message << " [" << N.Id << "]\n";
}

} // namespace vmbcheck
