#include "report/TextWriter.h"

#include "llvm/Support/ConvertUTF.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

namespace vmbcheck {

// Code points a terminal or a CI log must not receive raw: C0 and C1
// controls (escape sequences, carriage returns that overwrite a line, line
// feeds that start a forged `::error` log command), DEL, line and paragraph
// separators, and the bidirectional overrides of "Trojan source".
static bool mustEscape(llvm::UTF32 C, bool KeepTab) {
  if (C == '\t')
    return !KeepTab;
  return C < 0x20 || (C >= 0x7F && C <= 0x9F) || C == 0x2028 || C == 0x2029 ||
         (C >= 0x202A && C <= 0x202E) || (C >= 0x2066 && C <= 0x2069);
}

// Text from sources and file names as clang prints it: `<U+001B>` for a
// code point that must not reach the terminal raw, `<FF>` for a byte that is
// not UTF-8. Widths (in columns of output) of each input byte go to Widths
// when asked, so that carets stay under the right characters.
static std::string printable(llvm::StringRef S, bool KeepTab,
                             std::vector<unsigned> *Widths) {
  std::string Out;
  Out.reserve(S.size());
  const auto *P = reinterpret_cast<const llvm::UTF8 *>(S.begin());
  const auto *End = reinterpret_cast<const llvm::UTF8 *>(S.end());
  while (P < End) {
    unsigned Len = llvm::getNumBytesForUTF8(*P);
    llvm::UTF32 C = 0;
    const llvm::UTF8 *Next = P;
    bool Valid = Len <= unsigned(End - P) &&
                 llvm::convertUTF8Sequence(&Next, End, &C, llvm::strictConversion) ==
                     llvm::conversionOK;
    std::string Piece;
    if (!Valid) {
      Piece = "<" + llvm::utohexstr(*P, /*LowerCase=*/false, 2) + ">";
      Next = P + 1;
    } else if (mustEscape(C, KeepTab)) {
      Piece = "<U+" + llvm::utohexstr(C, false, 4) + ">";
    } else {
      Piece.assign(reinterpret_cast<const char *>(P), Next - P);
    }
    if (Widths) {
      Widths->push_back(Valid && !mustEscape(C, KeepTab) ? 1 : unsigned(Piece.size()));
      for (const llvm::UTF8 *Q = P + 1; Q < Next; ++Q)
        Widths->push_back(0); // continuation bytes share the character's column
    }
    Out += Piece;
    P = Next;
  }
  return Out;
}

std::string printableText(llvm::StringRef S) { return printable(S, false, nullptr); }

static std::string printable(llvm::StringRef S) { return printable(S, false, nullptr); }

static std::string relativeTo(const std::string &Path, const std::string &BaseDir) {
  llvm::StringRef P(Path);
  if (!BaseDir.empty() && P.starts_with(BaseDir)) {
    llvm::StringRef Rest = P.drop_front(BaseDir.size());
    if (Rest.consume_front("/") || llvm::StringRef(BaseDir).ends_with("/"))
      if (!Rest.empty())
        return Rest.str();
  }
  return Path;
}

std::string displayPath(const std::string &Path, const std::string &BaseDir) {
  std::string Shown = printable(relativeTo(Path, BaseDir));
  // A line that starts with "::" is a GitHub Actions log command; a file
  // named "::error ...::x.c" must not start one.
  if (llvm::StringRef(Shown).starts_with(":"))
    Shown = "./" + Shown;
  return Shown;
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
  std::vector<unsigned> Widths; // output columns of each byte of Line
  OS << "  " << Number << " | " << printable(Line, /*KeepTab=*/true, &Widths) << "\n";
  OS << "  " << std::string(Number.size(), ' ') << " | ";
  auto Width = [&](unsigned Byte) { return Byte < Widths.size() ? Widths[Byte] : 1u; };
  std::string Marker;
  for (unsigned I = 1; I < S.Column && I <= Line.size(); ++I)
    Marker += Line[I - 1] == '\t' ? std::string("\t") : std::string(Width(I - 1), ' ');
  unsigned End = (S.EndLine == S.Line && S.EndColumn > S.Column)
                     ? S.EndColumn
                     : static_cast<unsigned>(Line.size()) + 1;
  Marker += '^';
  Marker += std::string(Width(S.Column - 1) > 1 ? Width(S.Column - 1) - 1 : 0, '~');
  for (unsigned I = S.Column + 1; I < End; ++I)
    Marker += std::string(Width(I - 1), '~');
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
  OS << printable(F.Message) << " [" << F.RuleId << "]\n";
  snippet(OS, F.Where, F.LineText, Style);
  for (const PathStep &S : F.Steps) {
    location(OS, S.Where, Style);
    label(OS, "note", Style);
    OS << printable(S.Message) << "\n";
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
  OS << printable(N.Message) << " [" << N.Id << "]\n";
}

} // namespace vmbcheck
