// Text output carries text the analysed repository controls: file names,
// source lines, expressions quoted in messages. None of it may reach the
// terminal or the CI log raw: an escape sequence would rewrite the screen, a
// line starting with "::error" would forge a GitHub Actions annotation.
#include "ToolRunner.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <sstream>

namespace vmbcheck::test {
namespace {

const char *HostileSource =
    "#include <vmbuskernelmodeclientlibapi.h>\n"
    "EVT_VMB_CHANNEL_SAVE_PACKET HostileSave;\n"
    "NTSTATUS HostileSave(VMBCHANNEL c, VMBPACKET p, PVOID b, UINT32 n, PUINT32 need)\n"
    "{ /* \x1b[2J\x1b]0;owned\x07 */ RtlZeroMemory(b, 8); /* \xff\r::error ::forged */\n"
    "  *need = 8; /* \xe2\x80\xae bidi */ return STATUS_SUCCESS; }\n";

TEST(OutputIntegrity, ControlCharactersFromSourcesAndFileNamesAreEscaped) {
  std::string Dir = makeTempDir();
  std::string Name = "::error title=forged::evil\x1b[1m.c";
  writeFile(Dir + "/" + Name, HostileSource);
  ToolRun R = runTool({Name, "--list-callbacks", "--", "-I" + repoRoot() + "/testdata/include"},
                      false, Dir);
  ToolRun F = runTool({Name, "--", "-I" + repoRoot() + "/testdata/include"}, false, Dir);
  ASSERT_EQ(F.ExitCode, 1) << F.Stderr;
  for (const std::string *Out : {&F.Stdout, &F.Stderr, &R.Stdout, &R.Stderr}) {
    for (char C : *Out)
      EXPECT_TRUE(C == '\n' || C == '\t' || static_cast<unsigned char>(C) >= 0x20)
          << "raw control byte " << int(C) << " in:\n" << *Out;
    EXPECT_EQ(Out->find("\xe2\x80\xae"), std::string::npos) << "raw bidi override";
    EXPECT_EQ(Out->find("\xff"), std::string::npos) << "raw invalid UTF-8";
    std::istringstream In(*Out);
    for (std::string Line; std::getline(In, Line);)
      EXPECT_NE(Line.rfind("::", 0), 0u) << "a line starts a CI log command: " << Line;
  }
  // Escaped the way clang escapes them, so the user still sees what is there.
  EXPECT_NE(F.Stdout.find("<U+001B>[2J"), std::string::npos) << F.Stdout;
  // (A lone CR ends a line for clang, as for MSVC: the forged command is a
  // line of its own that no finding quotes.)
  EXPECT_NE(F.Stdout.find("/* <FF>"), std::string::npos) << F.Stdout;
  EXPECT_NE(F.Stdout.find("<U+202E>"), std::string::npos) << F.Stdout;
  EXPECT_NE(F.Stdout.find("./::error title=forged::evil<U+001B>[1m.c:4:"), std::string::npos)
      << F.Stdout;
  // The caret stays under RtlZeroMemory despite the escapes before it.
  std::istringstream In(F.Stdout);
  std::string Line, Snippet, Caret;
  while (std::getline(In, Line))
    if (Line.find("| { /*") != std::string::npos && std::getline(In, Caret)) {
      Snippet = Line;
      break;
    }
  ASSERT_FALSE(Snippet.empty()) << F.Stdout;
  EXPECT_EQ(Caret.find('^'), Snippet.find("RtlZeroMemory")) << Snippet << "\n" << Caret;
}

// URIs of the results of one SARIF log.
std::set<std::string> urisOf(const nlohmann::json &Sarif) {
  std::set<std::string> Out;
  for (const auto &R : Sarif["runs"][0]["results"]) {
    const auto &A = R["locations"][0]["physicalLocation"]["artifactLocation"];
    Out.insert(A.value("uriBaseId", "") + "|" + A["uri"].get<std::string>());
  }
  return Out;
}

TEST(OutputIntegrity, SarifUrisDoNotDependOnHowPathsAreSpelled) {
  std::string Repo = makeTempDir();
  std::string Example = readFile(repoRoot() + "/testdata/example/vsp_example.c");
  std::filesystem::create_directories(Repo + "/.git");
  std::filesystem::create_directories(Repo + "/src");
  std::filesystem::create_directories(Repo + "/sub/.git"); // a nested work tree (submodule)
  std::filesystem::create_directories(Repo + "/build");
  writeFile(Repo + "/src/a.c", Example);
  writeFile(Repo + "/sub/b.c", Example);
  std::string Inc = "-I" + repoRoot() + "/testdata/include";
  std::set<std::string> Expected = {"%SRCROOT%|src/a.c", "%SRCROOT%|sub/b.c"};
  for (const std::string &Spelling : {std::string("../"), std::string("./../build/../"),
                                      Repo + "/", Repo + "/./src/../"}) {
    nlohmann::json Db = nlohmann::json::array();
    for (const char *F : {"src/a.c", "sub/b.c"})
      Db.push_back({{"directory", Repo + "/build"},
                    {"file", Spelling + F},
                    {"arguments", {"clang", Inc, Spelling + F}}});
    writeFile(Repo + "/build/compile_commands.json", Db.dump());
    // Whole run, from the repository root and from elsewhere.
    for (const std::string &Cwd : {Repo, Repo + "/build"}) {
      ToolRun R = runTool({"-p", Repo + "/build", "--format=sarif"}, false, Cwd);
      auto Sarif = nlohmann::json::parse(R.Stdout, nullptr, false);
      ASSERT_FALSE(Sarif.is_discarded()) << R.Stderr;
      std::set<std::string> Uris = urisOf(Sarif);
      EXPECT_EQ(Uris, Expected) << Spelling << " from " << Cwd;
    }
    // Shards: the second begins in the nested work tree, and still has the
    // repository as its root, so the shards merge.
    for (const char *Shard : {"1/2", "2/2"}) {
      ToolRun R = runTool({"-p", "build", std::string("--shard=") + Shard, "--format=sarif", "-o",
                           std::string("shard") + Shard[0] + ".sarif"},
                          false, Repo);
      EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
    }
    ToolRun M = runTool({"merge", "shard1.sarif", "shard2.sarif", "-o", "all.sarif"}, false, Repo);
    ASSERT_EQ(M.ExitCode, 0) << M.Stderr;
    EXPECT_EQ(urisOf(nlohmann::json::parse(readFile(Repo + "/all.sarif"))), Expected) << Spelling;
  }
  std::filesystem::remove_all(Repo);
}

} // namespace
} // namespace vmbcheck::test
