// The command line as users and CI see it: exit codes, the bundled example,
// compilation databases (clang and cl.exe style), bad input.
#include "ToolRunner.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace fs = std::filesystem;

namespace vmbcheck::test {
namespace {

bool contains(const std::string &Haystack, const std::string &Needle) {
  return Haystack.find(Needle) != std::string::npos;
}

size_t countRule(const nlohmann::json &Sarif, const std::string &Rule) {
  size_t N = 0;
  for (const SarifFinding &F : findingsOf(Sarif))
    N += F.RuleId == Rule;
  return N;
}

TEST(Cli, Version) {
  ToolRun R = runTool({"--version"});
  EXPECT_EQ(R.ExitCode, 0);
  EXPECT_TRUE(contains(R.Stdout, "vmbcheck 0.1.0")) << R.Stdout;
}

TEST(Cli, ListRulesShowsTheWholeCatalogue) {
  ToolRun R = runTool({"--list-rules"});
  EXPECT_EQ(R.ExitCode, 0);
  for (const char *Id : {"VMB001", "VMB002", "VMB003", "VMB004", "VMB005"})
    EXPECT_TRUE(contains(R.Stdout, Id)) << Id;
  EXPECT_TRUE(contains(R.Stdout, "zero-size-must-fail"));
  EXPECT_TRUE(contains(R.Stdout, "C6101")); // Code Analysis cross-reference
}

TEST(Cli, UnknownOptionIsAUsageError) {
  ToolRun R = runTool({"--no-such-option", "testdata/example/vsp_example.c"});
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_TRUE(contains(R.Stderr, "no-such-option")) << R.Stderr;
}

TEST(Cli, NoArgumentsAnalysesTheBundledExample) {
  ToolRun R = runTool({});
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  EXPECT_TRUE(contains(R.Stderr, "bundled example")) << R.Stderr;
  for (const char *Id : {"[VMB002]", "[VMB003]", "[VMB004]", "[VMB005]"})
    EXPECT_TRUE(contains(R.Stdout, Id)) << Id << "\n" << R.Stdout;
  // Clang style: file:line:col: level: message [rule], then notes.
  EXPECT_TRUE(contains(R.Stdout, "testdata/example/vsp_example.c:")) << R.Stdout;
  EXPECT_TRUE(contains(R.Stdout, ": note: ")) << R.Stdout;
}

TEST(Cli, MissingHeaderIsReportedAndOtherFilesStillChecked) {
  std::vector<std::string> Args = {"testdata/errors/missing_header.c",
                                   "testdata/example/vsp_example.c"};
  ToolRun Text = runTool(Args);
  EXPECT_EQ(Text.ExitCode, 2);
  EXPECT_TRUE(contains(Text.Stderr, "testdata/errors/missing_header.c:")) << Text.Stderr;
  EXPECT_TRUE(contains(Text.Stderr, "file not found")) << Text.Stderr;
  EXPECT_TRUE(contains(Text.Stdout, "[VMB004]")) << Text.Stdout;

  ToolRun Sarif = runTool(Args, /*WantSarif=*/true);
  EXPECT_EQ(Sarif.ExitCode, 2);
  ASSERT_TRUE(Sarif.Sarif.is_object());
  EXPECT_FALSE(Sarif.Sarif["runs"][0]["invocations"][0]["executionSuccessful"].get<bool>());
  auto Notes = notificationsOf(Sarif.Sarif);
  ASSERT_FALSE(Notes.empty());
  EXPECT_TRUE(contains(Notes[0].File, "missing_header.c"));
  EXPECT_TRUE(contains(Notes[0].Message, "file not found"));
  EXPECT_GE(countRule(Sarif.Sarif, "VMB004"), 1u);
}

TEST(Cli, NonexistentSourceNamesTheFile) {
  ToolRun R = runTool({"testdata/does-not-exist.c", "testdata/example/vsp_example.c"});
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_TRUE(contains(R.Stderr, "does-not-exist.c")) << R.Stderr;
  EXPECT_TRUE(contains(R.Stdout, "[VMB003]")) << R.Stdout;
}

TEST(Cli, FlagsAfterDoubleDash) {
  std::string Dir = makeTempDir();
  fs::copy_file(repoRoot() + "/testdata/example/vsp_example.c", Dir + "/drv.c");
  ToolRun R = runTool({"drv.c", "--", "-I" + repoRoot() + "/testdata/include"}, true, Dir);
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  EXPECT_GE(countRule(R.Sarif, "VMB003"), 1u);
  fs::remove_all(Dir);
}

// A compilation database as MSBuild/clang-cl tooling writes it: cl.exe
// command lines with /I and /D, no target.
TEST(Cli, CompilationDatabaseWithClExeCommands) {
  std::string Dir = makeTempDir();
  fs::create_directories(Dir + "/src");
  fs::create_directories(Dir + "/build");
  fs::copy_file(repoRoot() + "/testdata/example/vsp_example.c", Dir + "/src/drv.c");
  nlohmann::json DB = nlohmann::json::array(
      {{{"directory", Dir + "/src"},
        {"file", "drv.c"},
        {"command", "cl.exe /nologo /c /W4 /I" + repoRoot() + "/testdata/include /DDBG=0 /D_AMD64_ drv.c"}}});
  writeFile(Dir + "/build/compile_commands.json", DB.dump());
  ToolRun R = runTool({"-p", Dir + "/build"}, true, Dir);
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  EXPECT_GE(countRule(R.Sarif, "VMB004"), 1u) << R.Stderr;
  EXPECT_TRUE(notificationsOf(R.Sarif).empty()) << R.Stderr;
  fs::remove_all(Dir);
}

// clang-style database entry without a target: parsed as x86_64 MSVC.
TEST(Cli, CompilationDatabaseFoundInParentDirectory) {
  std::string Dir = makeTempDir();
  fs::create_directories(Dir + "/src/sub");
  fs::copy_file(repoRoot() + "/testdata/example/vsp_example.c", Dir + "/src/sub/drv.c");
  nlohmann::json DB = nlohmann::json::array(
      {{{"directory", Dir + "/src/sub"},
        {"file", Dir + "/src/sub/drv.c"},
        {"arguments", {"clang", "-c", "-I" + repoRoot() + "/testdata/include", "drv.c"}}}});
  writeFile(Dir + "/compile_commands.json", DB.dump());
  ToolRun R = runTool({"src/sub/drv.c"}, true, Dir);
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  EXPECT_GE(countRule(R.Sarif, "VMB005"), 1u) << R.Stderr;
  fs::remove_all(Dir);
}

TEST(Cli, BadCompilationDatabaseDirectory) {
  ToolRun R = runTool({"-p", "/nonexistent/build"});
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_TRUE(contains(R.Stderr, "/nonexistent/build")) << R.Stderr;
}

TEST(Cli, NodeBudgetIsReportedNotSilent) {
  ToolRun R = runTool({"--max-nodes=40", "testdata/example/vsp_example.c"}, true);
  EXPECT_EQ(R.ExitCode, 2);
  bool Found = false;
  for (const SarifNotification &N : notificationsOf(R.Sarif))
    Found |= N.Id == "analysis-incomplete" && contains(N.Message, "40 path nodes");
  EXPECT_TRUE(Found) << R.Sarif.dump();
  EXPECT_FALSE(R.Sarif["runs"][0]["invocations"][0]["executionSuccessful"].get<bool>());
}

TEST(Cli, TimeBudgetIsReportedNotSilent) {
  ToolRun R = runTool({"--max-seconds=0.000001", "testdata/errors/too_many_paths.c"});
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_TRUE(contains(R.Stderr, "time budget")) << R.Stderr;
  EXPECT_TRUE(contains(R.Stderr, "ManyPathsSave")) << R.Stderr;
}

TEST(Cli, SarifGoesToTheOutputFile) {
  ToolRun R = runTool({"testdata/example/vsp_example.c"}, /*WantSarif=*/true);
  EXPECT_EQ(R.ExitCode, 1);
  EXPECT_TRUE(R.Stdout.empty()) << R.Stdout;
  ASSERT_TRUE(R.Sarif.is_object());
  EXPECT_EQ(R.Sarif["version"], "2.1.0");
}

} // namespace
} // namespace vmbcheck::test
