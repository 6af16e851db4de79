#include "report/Suppressions.h"

#include "llvm/ADT/StringExtras.h"

#include <map>
#include <optional>
#include <sstream>

namespace vmbcheck {

namespace {
// "NOLINT", "NOLINTNEXTLINE(VMB002)", ... found at the start of S.
struct NoLintMarker {
  std::string Kind;  // "", "NEXTLINE", "BEGIN", "END"
  std::string Globs; // "*" when no list is given
  std::string Text;  // as written
  size_t Length = 0;
};

bool isIdentChar(char C) { return std::isalnum((unsigned char)C) || C == '_'; }

std::optional<NoLintMarker> parseNoLint(llvm::StringRef S) {
  if (!S.starts_with("NOLINT"))
    return std::nullopt;
  NoLintMarker M;
  size_t I = 6;
  for (const char *K : {"NEXTLINE", "BEGIN", "END"})
    if (S.substr(I).starts_with(K)) {
      M.Kind = K;
      I += llvm::StringRef(K).size();
      break;
    }
  if (I < S.size() && isIdentChar(S[I]))
    return std::nullopt; // NOLINTFOO: not a marker
  M.Globs = "*";
  if (I < S.size() && S[I] == '(') {
    size_t Close = S.find(')', I);
    if (Close != llvm::StringRef::npos) {
      llvm::StringRef List = S.slice(I + 1, Close).trim();
      if (!List.empty())
        M.Globs = List.str();
      I = Close + 1;
    }
  }
  M.Text = S.substr(0, I).str();
  M.Length = I;
  return M;
}

// `#pragma warning(<kind>[: <numbers>])` on a line.
bool parsePragmaWarning(llvm::StringRef Line, std::string &Kind, std::string &Numbers) {
  Line = Line.ltrim();
  if (!Line.consume_front("#"))
    return false;
  Line = Line.ltrim();
  if (!Line.consume_front("pragma"))
    return false;
  Line = Line.ltrim();
  if (!Line.consume_front("warning"))
    return false;
  Line = Line.ltrim();
  if (!Line.consume_front("("))
    return false;
  size_t Close = Line.find(')');
  if (Close == llvm::StringRef::npos)
    return false;
  auto [K, N] = Line.substr(0, Close).split(':');
  Kind = K.trim().str();
  Numbers = N.trim().str();
  return true;
}
} // namespace

Suppressions::Suppressions(llvm::StringRef Text, const RuleCatalog &Rules) {
  // Rules of each Code Analysis warning number.
  std::map<unsigned, std::string> ByNumber;
  for (const RuleInfo &R : Rules.rules())
    for (unsigned N : R.CodeAnalysis)
      ByNumber[N] += (ByNumber[N].empty() ? "" : ",") + R.Id;
  auto RulesOf = [&](const std::string &Numbers) {
    std::string Globs;
    std::istringstream In(Numbers);
    unsigned N;
    while (In >> N)
      if (auto It = ByNumber.find(N); It != ByNumber.end())
        Globs += (Globs.empty() ? "" : ",") + It->second;
    return Globs;
  };

  struct Open {
    unsigned Line;
    std::string Globs, Text;
  };
  std::vector<Open> Begins;
  std::vector<std::vector<std::pair<unsigned, std::string>>> DisabledStack(1);
  unsigned Line = 0;
  // Most files mention neither: one scan of the text decides.
  bool AnyNoLint = Text.contains("NOLINT"), AnyPragma = Text.contains("pragma");
  if (!AnyNoLint && !AnyPragma)
    return;
  while (!Text.empty()) {
    auto [L, Rest] = Text.split('\n');
    Text = Rest;
    ++Line;
    for (size_t At = AnyNoLint ? L.find("NOLINT") : llvm::StringRef::npos;
         At != llvm::StringRef::npos; At = L.find("NOLINT", At + 1)) {
      if (At > 0 && isIdentChar(L[At - 1]))
        continue;
      auto M = parseNoLint(L.substr(At));
      if (!M)
        continue;
      if (M->Kind.empty())
        Entries.push_back({Line, Line, M->Globs, M->Text});
      else if (M->Kind == "NEXTLINE")
        Entries.push_back({Line + 1, Line + 1, M->Globs, M->Text});
      else if (M->Kind == "BEGIN")
        Begins.push_back({Line, M->Globs, M->Text});
      else { // END closes the innermost BEGIN with the same list
        auto It = std::find_if(Begins.rbegin(), Begins.rend(),
                               [&](const Open &O) { return O.Globs == M->Globs; });
        if (It == Begins.rend()) {
          Problems.push_back({Line, "'" + M->Text + "' without a matching NOLINTBEGIN"});
        } else {
          Entries.push_back({It->Line, Line, It->Globs, It->Text});
          Begins.erase(std::next(It).base());
        }
      }
    }
    std::string Kind, Numbers;
    if (!AnyPragma || !L.contains("pragma") || !parsePragmaWarning(L, Kind, Numbers))
      continue;
    std::string Globs = RulesOf(Numbers);
    auto &Top = DisabledStack.back();
    if (Kind == "suppress" && !Globs.empty())
      Entries.push_back({Line + 1, Line + 1, Globs, L.trim().str()});
    else if (Kind == "disable" && !Globs.empty())
      Top.push_back({Line, Globs});
    else if (Kind == "default")
      llvm::erase_if(Top, [&](const auto &D) { return D.second == Globs; });
    else if (Kind == "push")
      DisabledStack.push_back(Top);
    else if (Kind == "pop" && DisabledStack.size() > 1) {
      // Close the ranges the popped level opened.
      for (const auto &D : DisabledStack.back())
        Entries.push_back({D.first, Line, D.second, "#pragma warning(disable)"});
      DisabledStack.pop_back();
    }
  }
  for (const Open &O : Begins)
    Problems.push_back({O.Line, "'" + O.Text + "' without a matching NOLINTEND"});
  for (const auto &Level : DisabledStack)
    for (const auto &D : Level)
      Entries.push_back({D.first, ~0u, D.second, "#pragma warning(disable)"});
}

std::string Suppressions::find(unsigned Line, llvm::StringRef RuleId) const {
  for (const Entry &E : Entries)
    if (Line >= E.First && Line <= E.Last && (E.Globs == "*" || matchesGlobs(E.Globs, RuleId)))
      return E.Text;
  return "";
}

} // namespace vmbcheck
