// The inline-expectation harness: every source under testdata/<group>/ (and
// every directory of sources, analysed together) is a case. vmbcheck's SARIF
// for it must contain exactly the findings its markers expect, the expected
// path notes and notifications, and - for discovery cases - exactly the
// expected callbacks.
#include "Expectations.h"
#include "ToolRunner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;

namespace vmbcheck::test {
namespace {

struct Case {
  std::string Name;               // "VMB004/memcpy_past_end"
  std::vector<std::string> Files; // relative to the repository root
  bool CheckCallbacks = false;    // compare the full --list-callbacks output
};

// Shown by gtest and CTest instead of a byte dump.
void PrintTo(const Case &C, std::ostream *OS) { *OS << C.Name; }

// C and C++ cases: the tool picks the language from the extension, as clang does.
bool isSource(const fs::path &P) {
  return P.extension() == ".c" || P.extension() == ".cpp";
}

std::vector<Case> discoverCases() {
  std::vector<Case> Cases;
  fs::path Root = fs::path(repoRoot()) / "testdata";
  std::vector<fs::path> Groups;
  for (const auto &E : fs::directory_iterator(Root))
    if (E.is_directory() && E.path().filename() != "include")
      Groups.push_back(E.path());
  std::sort(Groups.begin(), Groups.end());
  for (const fs::path &G : Groups) {
    std::vector<fs::path> Entries;
    for (const auto &E : fs::directory_iterator(G))
      Entries.push_back(E.path());
    std::sort(Entries.begin(), Entries.end());
    std::string Group = G.filename().string();
    for (const fs::path &E : Entries) {
      Case C;
      C.Name = Group + "/" + E.stem().string();
      C.CheckCallbacks = Group == "discovery";
      if (fs::is_directory(E)) {
        for (const auto &F : fs::directory_iterator(E))
          if (isSource(F.path()))
            C.Files.push_back(fs::relative(F.path(), repoRoot()).string());
        std::sort(C.Files.begin(), C.Files.end());
      } else if (isSource(E)) {
        C.Files.push_back(fs::relative(E, repoRoot()).string());
      }
      if (!C.Files.empty())
        Cases.push_back(C);
    }
  }
  return Cases;
}

std::string canonical(const std::string &P) {
  std::error_code EC;
  fs::path C = fs::weakly_canonical(fs::path(repoRoot()) / P, EC);
  return EC ? P : C.string();
}

std::string where(const std::string &File, unsigned Line) {
  return fs::relative(File, repoRoot()).string() + ":" + std::to_string(Line);
}

class TestdataCase : public ::testing::TestWithParam<Case> {};

TEST_P(TestdataCase, MatchesInlineExpectations) {
  const Case &C = GetParam();
  std::vector<Expectation> Expected;
  std::vector<std::string> Errors;
  for (const std::string &F : C.Files)
    for (Expectation &E : parseExpectations(canonical(F), readFile(canonical(F)), Errors))
      Expected.push_back(std::move(E));
  for (const std::string &E : Errors)
    ADD_FAILURE() << "malformed marker: " << E;

  ToolRun Run = runTool(C.Files, /*WantSarif=*/true);
  ASSERT_TRUE(Run.Sarif.is_object()) << "no SARIF; stderr:\n" << Run.Stderr;

  // Findings: exactly the expected ones.
  std::vector<bool> Used(Expected.size(), false);
  std::vector<SarifFinding> Findings = findingsOf(Run.Sarif);
  for (const SarifFinding &F : Findings) {
    bool Matched = false;
    for (size_t I = 0; I < Expected.size() && !Matched; ++I) {
      const Expectation &E = Expected[I];
      if (Used[I] || E.K != Expectation::Finding || E.File != F.File || E.Line != F.Line ||
          E.Id != F.RuleId || F.Message.find(E.Text) == std::string::npos)
        continue;
      Used[I] = Matched = true;
    }
    if (!Matched)
      ADD_FAILURE() << "unexpected finding at " << where(F.File, F.Line) << ": [" << F.RuleId
                    << "] " << F.Message;
  }
  bool ExpectFindings = false;
  for (size_t I = 0; I < Expected.size(); ++I) {
    const Expectation &E = Expected[I];
    if (E.K != Expectation::Finding)
      continue;
    ExpectFindings = true;
    if (!Used[I])
      ADD_FAILURE() << "missing finding at " << where(E.File, E.Line) << ": [" << E.Id << "]"
                    << (E.Text.empty() ? "" : " {{" + E.Text + "}}") << " (marker on line "
                    << E.MarkerLine << ")";
  }

  // Path notes: each expected note is a step of some finding of that rule.
  for (const Expectation &E : Expected) {
    if (E.K != Expectation::Note)
      continue;
    bool Found = false;
    for (const SarifFinding &F : Findings)
      if (F.RuleId == E.Id)
        for (const auto &S : F.Steps)
          Found |= S.File == E.File && S.Line == E.Line &&
                   S.Message.find(E.Text) != std::string::npos;
    if (!Found)
      ADD_FAILURE() << "missing path note at " << where(E.File, E.Line) << " for " << E.Id
                    << " {{" << E.Text << "}}";
  }

  // Notifications: exactly the expected ones.
  std::vector<SarifNotification> Notes = notificationsOf(Run.Sarif);
  bool ExpectNotifications = false;
  std::vector<bool> NoteUsed(Expected.size(), false);
  for (const SarifNotification &N : Notes) {
    bool Matched = false;
    for (size_t I = 0; I < Expected.size() && !Matched; ++I) {
      const Expectation &E = Expected[I];
      if (NoteUsed[I] || E.K != Expectation::Notification || E.File != N.File ||
          E.Line != N.Line || E.Id != N.Id || N.Message.find(E.Text) == std::string::npos)
        continue;
      NoteUsed[I] = Matched = true;
      // Warnings (a callback defined in no analysed file) inform; only
      // errors mean "not completely analysed" and exit code 2.
      ExpectNotifications |= N.Level == "error";
    }
    if (!Matched)
      ADD_FAILURE() << "unexpected notification at " << where(N.File, N.Line) << ": [" << N.Id
                    << "] " << N.Message;
  }
  for (size_t I = 0; I < Expected.size(); ++I)
    if (Expected[I].K == Expectation::Notification) {
      if (!NoteUsed[I])
        ADD_FAILURE() << "missing notification at " << where(Expected[I].File, Expected[I].Line)
                      << ": [" << Expected[I].Id << "] {{" << Expected[I].Text << "}}";
    }

  int ExpectedExit = ExpectNotifications ? 2 : ExpectFindings ? 1 : 0;
  EXPECT_EQ(Run.ExitCode, ExpectedExit) << "stderr:\n" << Run.Stderr;

  // Discovery: exactly the expected callbacks.
  bool HasCallbackMarkers = std::any_of(Expected.begin(), Expected.end(), [](const Expectation &E) {
    return E.K == Expectation::Callback;
  });
  if (!C.CheckCallbacks && !HasCallbackMarkers)
    return;
  std::vector<std::string> Args = C.Files;
  Args.push_back("--list-callbacks");
  ToolRun List = runTool(Args);
  // "file:line:col: name: why". A C++ name is qualified ("Ns::Save",
  // "(anonymous namespace)::Save", "Device::Save<State>"): it runs to the
  // first ": ", which no qualified name contains.
  static const std::regex Line(R"(^(.*?):(\d+):(\d+): (.+?): )");
  std::vector<bool> CbUsed(Expected.size(), false);
  std::istringstream In(List.Stdout);
  std::string L;
  while (std::getline(In, L)) {
    std::smatch M;
    if (!std::regex_search(L, M, Line)) {
      ADD_FAILURE() << "unparsable --list-callbacks line: " << L;
      continue;
    }
    std::string File = canonical(M[1]);
    unsigned LineNo = std::stoul(M[2]);
    bool Matched = false;
    for (size_t I = 0; I < Expected.size() && !Matched; ++I) {
      const Expectation &E = Expected[I];
      if (!CbUsed[I] && E.K == Expectation::Callback && E.File == File && E.Line == LineNo &&
          E.Id == M[4].str() && L.find(E.Text) != std::string::npos)
        CbUsed[I] = Matched = true;
    }
    if (!Matched)
      ADD_FAILURE() << "unexpected callback: " << L;
  }
  for (size_t I = 0; I < Expected.size(); ++I)
    if (Expected[I].K == Expectation::Callback && !CbUsed[I])
      ADD_FAILURE() << "callback not discovered at " << where(Expected[I].File, Expected[I].Line)
                    << ": " << Expected[I].Id;
}

std::string caseName(const ::testing::TestParamInfo<Case> &Info) {
  std::string N = Info.param.Name;
  for (char &Ch : N)
    if (!std::isalnum(static_cast<unsigned char>(Ch)))
      Ch = '_';
  return N;
}

INSTANTIATE_TEST_SUITE_P(Testdata, TestdataCase, ::testing::ValuesIn(discoverCases()), caseName);

} // namespace
} // namespace vmbcheck::test
