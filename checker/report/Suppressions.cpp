#include "report/Suppressions.h"

#include "llvm/ADT/StringExtras.h"

#include <map>
#include <regex>
#include <sstream>

namespace vmbcheck {

Suppressions::Suppressions(llvm::StringRef Text, const RuleCatalog &Rules) {
  static const std::regex NoLint(R"(\bNOLINT(NEXTLINE|BEGIN|END)?\b(\(([^)]*)\))?)");
  static const std::regex Pragma(
      R"(^\s*#\s*pragma\s+warning\s*\(\s*(suppress|disable|default|push|pop)\s*(:\s*([0-9\s]+))?\s*\))");
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
  std::istringstream In(Text.str());
  std::string L;
  unsigned Line = 0;
  while (std::getline(In, L)) {
    ++Line;
    std::smatch M;
    std::string Rest = L;
    while (std::regex_search(Rest, M, NoLint)) {
      std::string Kind = M[1], Text = M[0];
      std::string Globs = M[2].matched ? std::string(M[3]) : "*";
      if (llvm::StringRef(Globs).trim().empty())
        Globs = "*";
      if (Kind.empty())
        Entries.push_back({Line, Line, Globs, Text});
      else if (Kind == "NEXTLINE")
        Entries.push_back({Line + 1, Line + 1, Globs, Text});
      else if (Kind == "BEGIN")
        Begins.push_back({Line, Globs, Text});
      else { // END closes the innermost BEGIN with the same list
        auto It = std::find_if(Begins.rbegin(), Begins.rend(),
                               [&](const Open &O) { return O.Globs == Globs; });
        if (It == Begins.rend()) {
          Problems.push_back({Line, "'" + Text + "' without a matching NOLINTBEGIN"});
        } else {
          Entries.push_back({It->Line, Line, It->Globs, It->Text});
          Begins.erase(std::next(It).base());
        }
      }
      Rest = M.suffix();
    }
    if (std::regex_search(L, M, Pragma)) {
      std::string Kind = M[1], Numbers = M[3];
      std::string Globs = RulesOf(Numbers);
      auto &Top = DisabledStack.back();
      if (Kind == "suppress" && !Globs.empty())
        Entries.push_back({Line + 1, Line + 1, Globs, llvm::StringRef(L).trim().str()});
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
