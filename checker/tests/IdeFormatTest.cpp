// What IDEs read: --format=msvc as VS Code's $msCompile problem matcher (and
// Visual Studio's Error List) parse it, and the SARIF parts viewers use to
// place results: originalUriBaseIds, relatedLocations, and the git commit.
#include "ToolRunner.h"

#include "report/GitProvenance.h"
#include "report/MsvcWriter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>
#include <tuple>

namespace fs = std::filesystem;

namespace vmbcheck::test {
namespace {

// VS Code's $msCompile pattern, verbatim (src/vs/workbench/contrib/tasks/
// common/problemMatcher.ts); std::regex's ECMAScript grammar reads it as
// JavaScript does.
const std::regex MsCompile(
    R"(^(?:\s*\d+>)?(\S.*)\((\d+|\d+,\d+|\d+,\d+,\d+,\d+)\)\s*:\s+((?:fatal +)?error|warning|info)\s+(\w+\d+)\s*:\s*(.*)$)");

struct Problem {
  std::string File, Code, Severity;
  unsigned Line = 0, Column = 0;
  auto key() const { return std::tie(File, Line, Column, Code); }
  bool operator<(const Problem &O) const { return key() < O.key(); }
};

std::vector<Problem> matchProblems(const std::string &Output, std::vector<std::string> &Unmatched) {
  std::vector<Problem> Out;
  size_t Start = 0;
  while (Start < Output.size()) {
    size_t End = Output.find('\n', Start);
    std::string Line = Output.substr(Start, End - Start);
    Start = End == std::string::npos ? Output.size() : End + 1;
    std::smatch M;
    if (!std::regex_match(Line, M, MsCompile)) {
      Unmatched.push_back(Line);
      continue;
    }
    Problem P;
    P.File = M[1];
    std::string Pos = M[2];
    P.Line = std::stoul(Pos);
    if (size_t Comma = Pos.find(','); Comma != std::string::npos)
      P.Column = std::stoul(Pos.substr(Comma + 1));
    P.Severity = M[3];
    P.Code = M[4];
    Out.push_back(P);
  }
  return Out;
}

// Every finding and notification of the SARIF log is one $msCompile problem
// with the same file, line, column and code; notes are not problems.
TEST(MsvcFormat, MsCompileMatcherFindsEveryFindingAndNotification) {
  std::vector<std::string> Files = {"testdata/example/vsp_example.c",
                                    "testdata/errors/missing_header.c"};
  ToolRun Msvc = runTool({Files[0], Files[1], "--format=msvc"});
  ToolRun Sarif = runTool(Files, /*WantSarif=*/true);
  ASSERT_EQ(Msvc.ExitCode, 2) << Msvc.Stderr;
  ASSERT_EQ(Sarif.ExitCode, 2) << Sarif.Stderr;

  std::set<Problem> Expected;
  auto Relative = [](const std::string &Abs) {
    return fs::path(Abs).lexically_relative(repoRoot()).string();
  };
  for (const auto &R : Sarif.Sarif["runs"][0]["results"]) {
    const auto &PL = R["locations"][0]["physicalLocation"];
    Expected.insert({Relative(resolveUri(Sarif.Sarif, PL["artifactLocation"])), R["ruleId"],
                     R["level"], PL["region"]["startLine"], PL["region"]["startColumn"]});
  }
  size_t Notifications = 0;
  for (const auto &N : Sarif.Sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]) {
    const auto &PL = N["locations"][0]["physicalLocation"];
    Expected.insert({Relative(resolveUri(Sarif.Sarif, PL["artifactLocation"])),
                     N["descriptor"]["id"] == "compile-error" ? "VMB0901" : "?", N["level"],
                     PL["region"]["startLine"], PL["region"]["startColumn"]});
    ++Notifications;
  }
  ASSERT_EQ(Notifications, 1u);
  ASSERT_GE(Expected.size(), 5u);

  std::vector<std::string> Unmatched;
  std::vector<Problem> Got = matchProblems(Msvc.Stdout, Unmatched);
  std::set<Problem> GotSet(Got.begin(), Got.end());
  EXPECT_EQ(Got.size(), GotSet.size()) << "a problem printed twice";
  for (const Problem &P : Expected) {
    auto It = GotSet.find(P);
    ASSERT_NE(It, GotSet.end()) << P.File << "(" << P.Line << "," << P.Column << ") " << P.Code
                                << " not matched in:\n" << Msvc.Stdout;
    EXPECT_EQ(It->Severity, P.Severity) << P.Code;
  }
  EXPECT_EQ(GotSet.size(), Expected.size()) << Msvc.Stdout;
  // What the matcher does not take are the path notes, in cl.exe's form.
  ASSERT_FALSE(Unmatched.empty());
  for (const std::string &L : Unmatched)
    EXPECT_NE(L.find("): note: "), std::string::npos) << L;
}

TEST(MsvcFormat, NotificationCodesAreStableAndMatchable) {
  EXPECT_EQ(msvcNotificationCode("compile-error"), "VMB0901");
  EXPECT_EQ(msvcNotificationCode("callback-not-analysed"), "VMB0902");
  EXPECT_EQ(msvcNotificationCode("internal-error"), "VMB0912");
  EXPECT_EQ(msvcNotificationCode("something-new"), "VMB0900");
}

// A notification about a whole file (no line) still reaches the Problems
// panel: anchored at line 1, never left out.
TEST(MsvcFormat, FileLevelNotificationIsAProblemAtLineOne) {
  ToolRun R = runTool({"testdata/errors/no_such_file.c", "testdata/example/vsp_example.c",
                       "--format=msvc"});
  EXPECT_EQ(R.ExitCode, 2) << R.Stderr;
  std::vector<std::string> Unmatched;
  std::vector<Problem> Got = matchProblems(R.Stdout, Unmatched);
  auto It = std::find_if(Got.begin(), Got.end(), [](const Problem &P) {
    return P.File == "testdata/errors/no_such_file.c";
  });
  ASSERT_NE(It, Got.end()) << R.Stdout;
  EXPECT_EQ(It->Line, 1u);
  EXPECT_EQ(It->Column, 0u);
  EXPECT_EQ(It->Code, "VMB0905");
  EXPECT_EQ(It->Severity, "error");
}

// File names reach the IDE's output pane: control characters are escaped as
// in text output, and the line still parses.
TEST(MsvcFormat, ControlCharactersInFileNamesAreEscaped) {
  std::string Dir = makeTempDir();
  std::string Name = Dir + "/evil\x1b[31m\rname.c";
  fs::copy_file(repoRoot() + "/testdata/example/vsp_example.c", Name);
  ToolRun R = runTool({Name, "--format=msvc", "--", "-I" + repoRoot() + "/testdata/include"});
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  EXPECT_EQ(R.Stdout.find('\x1b'), std::string::npos);
  EXPECT_EQ(R.Stdout.find('\r'), std::string::npos);
  std::vector<std::string> Unmatched;
  std::vector<Problem> Got = matchProblems(R.Stdout, Unmatched);
  ASSERT_FALSE(Got.empty()) << R.Stdout;
  EXPECT_EQ(Got[0].File, Dir + "/evil<U+001B>[31m<U+000D>name.c");
  fs::remove_all(Dir);
}

// --- SARIF ---------------------------------------------------------------

// A hand-made git directory: what readGitProvenance reads, no git needed.
std::string fakeRepository(const std::string &Head, const std::string &Config) {
  std::string Dir = makeTempDir();
  fs::create_directories(Dir + "/.git/refs/heads/feature");
  writeFile(Dir + "/.git/HEAD", Head);
  writeFile(Dir + "/.git/config", Config);
  writeFile(Dir + "/.git/packed-refs",
            "# pack-refs with: peeled fully-peeled sorted\n"
            "1111111111111111111111111111111111111111 refs/heads/feature/save\n"
            "2222222222222222222222222222222222222222 refs/heads/main\n"
            "^3333333333333333333333333333333333333333\n");
  fs::create_directories(Dir + "/src");
  fs::copy_file(repoRoot() + "/testdata/example/vsp_example.c", Dir + "/src/vsp.c");
  return Dir;
}

const char *OriginWithToken = "[core]\n\tbare = false\n[remote \"upstream\"]\n\turl = "
                              "https://example.com/other.git\n[Remote \"origin\"]\n\turl = "
                              "https://ci-bot:s3cr3t-t0ken@example.com/org/drv.git ; pushed\n";

TEST(SarifProvenance, BranchCommitAndRemoteWithoutCredentials) {
  std::string Dir = fakeRepository("ref: refs/heads/feature/save\n", OriginWithToken);
  ToolRun R = runTool({Dir + "/src/vsp.c", "--format=sarif", "--", "-I" + repoRoot() +
                                                                      "/testdata/include"});
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  auto Sarif = nlohmann::json::parse(R.Stdout);
  const auto &Run = Sarif["runs"][0];
  ASSERT_TRUE(Run.contains("versionControlProvenance")) << R.Stdout;
  const auto &V = Run["versionControlProvenance"][0];
  EXPECT_EQ(V["repositoryUri"], "https://example.com/org/drv.git");
  EXPECT_EQ(V["revisionId"], "1111111111111111111111111111111111111111");
  EXPECT_EQ(V["branch"], "feature/save");
  EXPECT_EQ(V["mappedTo"]["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(R.Stdout.find("s3cr3t"), std::string::npos) << "a credential in the log";
  // %SRCROOT% is recorded without --srcroot, so viewers resolve the URIs.
  std::string Root = fs::canonical(Dir).string() + "/";
  EXPECT_EQ(Run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file://" + Root);
  EXPECT_EQ(Run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "src/vsp.c");

  // A loose ref wins over packed-refs (git writes new commits there).
  writeFile(Dir + "/.git/refs/heads/feature/save", "4444444444444444444444444444444444444444\n");
  auto P = readGitProvenance(Dir + "/src");
  ASSERT_TRUE(P);
  EXPECT_EQ(P->RevisionId, "4444444444444444444444444444444444444444");
  fs::remove_all(Dir);
}

TEST(SarifProvenance, DetachedHeadLinkedWorkTreeAndNoRemote) {
  std::string Dir = fakeRepository("5555555555555555555555555555555555555555\n", "[core]\n");
  auto P = readGitProvenance(Dir + "/src");
  ASSERT_TRUE(P);
  EXPECT_EQ(P->RevisionId, "5555555555555555555555555555555555555555");
  EXPECT_EQ(P->Branch, "");
  EXPECT_EQ(P->RepositoryUri, "file://" + fs::canonical(Dir).string() + "/");

  // A linked work tree: `.git` is a file naming its git directory, whose
  // `commondir` names the shared one (config, packed-refs).
  std::string Linked = makeTempDir();
  fs::create_directories(Dir + "/.git/worktrees/lt");
  writeFile(Dir + "/.git/worktrees/lt/HEAD", "ref: refs/heads/main\n");
  writeFile(Dir + "/.git/worktrees/lt/commondir", "../..\n");
  writeFile(Dir + "/.git/config", OriginWithToken);
  writeFile(Linked + "/.git", "gitdir: " + Dir + "/.git/worktrees/lt\n");
  P = readGitProvenance(Linked);
  ASSERT_TRUE(P);
  EXPECT_EQ(P->RevisionId, "2222222222222222222222222222222222222222");
  EXPECT_EQ(P->Branch, "main");
  EXPECT_EQ(P->RepositoryUri, "https://example.com/org/drv.git");

  // Not a work tree at all.
  std::string Plain = makeTempDir();
  EXPECT_FALSE(readGitProvenance(Plain));
  fs::remove_all(Dir);
  fs::remove_all(Linked);
  fs::remove_all(Plain);
}

TEST(SarifProvenance, RemoteUrisArePublishable) {
  EXPECT_EQ(publishableRemoteUri("git@github.com:org/drv.git", "/w"),
            "ssh://github.com/org/drv.git");
  EXPECT_EQ(publishableRemoteUri("ssh://me@host:2222/srv/drv.git", "/w"),
            "ssh://host:2222/srv/drv.git");
  EXPECT_EQ(publishableRemoteUri("https://dev.azure.com/org/proj/_git/drv", "/w"),
            "https://dev.azure.com/org/proj/_git/drv");
  EXPECT_EQ(publishableRemoteUri("https://pat:x@dev.azure.com/org/_git/a@b", "/w"),
            "https://dev.azure.com/org/_git/a@b");
  EXPECT_EQ(publishableRemoteUri("../upstream", "/w/drv"), "file:///w/upstream");
  EXPECT_EQ(publishableRemoteUri("", "/w"), "");
  EXPECT_EQ(publishableRemoteUri("https://h/x\n[remote]", "/w"), "");
}

// VMB005's registration sites are relatedLocations, with ids and messages.
TEST(SarifRelatedLocations, Vmb005NamesTheRegistration) {
  ToolRun R = runTool({"testdata/example/vsp_example.c"}, /*WantSarif=*/true);
  ASSERT_EQ(R.ExitCode, 1) << R.Stderr;
  unsigned Vmb005 = 0;
  for (const auto &Res : R.Sarif["runs"][0]["results"]) {
    if (Res["ruleId"] != "VMB005") {
      EXPECT_FALSE(Res.contains("relatedLocations"));
      continue;
    }
    ++Vmb005;
    ASSERT_TRUE(Res.contains("relatedLocations")) << Res.dump(2);
    const auto &Rel = Res["relatedLocations"];
    ASSERT_EQ(Rel.size(), 1u);
    EXPECT_EQ(Rel[0]["id"], 1);
    EXPECT_EQ(Rel[0]["physicalLocation"]["region"]["startLine"], 120);
    EXPECT_NE(Rel[0]["message"]["text"].get<std::string>().find(
                  "VmbServerChannelInitSetSaveRestorePacketCallbacks"),
              std::string::npos);
  }
  EXPECT_EQ(Vmb005, 1u);
}

} // namespace
} // namespace vmbcheck::test
