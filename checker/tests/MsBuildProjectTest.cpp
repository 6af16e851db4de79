// vmbcheck --project: compile commands read from an MSBuild project or
// solution (testdata/msbuild, see its README), analysed or exported.
#include "ToolRunner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace vmbcheck::test {
namespace {

const std::string Sln = "testdata/msbuild/vsp/vsp.sln";
const std::string Vcxproj = "testdata/msbuild/vsp/drv/vspdrv.vcxproj";

bool contains(const std::string &Haystack, const std::string &Needle) {
  return Haystack.find(Needle) != std::string::npos;
}

size_t findingsOfRule(const nlohmann::json &Sarif, const std::string &Rule, const std::string &File) {
  size_t N = 0;
  for (const SarifFinding &F : findingsOf(Sarif))
    N += F.RuleId == Rule && contains(F.File, File);
  return N;
}

// The one command of an exported database, as its argument list.
std::vector<std::string> exportedArguments(const std::vector<std::string> &Args, std::string &Dir) {
  Dir = makeTempDir();
  std::vector<std::string> Full = Args;
  Full.push_back("--export-compile-commands=" + Dir + "/compile_commands.json");
  ToolRun R = runTool(Full);
  EXPECT_EQ(R.ExitCode, 0) << R.Stderr;
  nlohmann::json Db = nlohmann::json::parse(readFile(Dir + "/compile_commands.json"));
  EXPECT_EQ(Db.size(), 1u) << Db.dump(1);
  if (Db.size() != 1)
    return {};
  EXPECT_TRUE(contains(Db[0]["file"].get<std::string>(), "drv/vspdrv.c"));
  return Db[0]["arguments"].get<std::vector<std::string>>();
}

bool has(const std::vector<std::string> &Args, const std::string &A) {
  return std::find(Args.begin(), Args.end(), A) != Args.end();
}

bool hasEndingWith(const std::vector<std::string> &Args, const std::string &Prefix,
                   const std::string &Suffix) {
  return std::any_of(Args.begin(), Args.end(), [&](const std::string &A) {
    return A.rfind(Prefix, 0) == 0 && A.size() >= Suffix.size() &&
           A.compare(A.size() - Suffix.size(), Suffix.size(), Suffix) == 0;
  });
}

// The driver compiles only with the project's forced include, defines and
// include directories; Debug selects the unchecked write.
TEST(MsBuildProject, SolutionDebugFindsTheUncheckedWrite) {
  ToolRun R = runTool({"--project", Sln}, /*WantSarif=*/true);
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  EXPECT_EQ(findingsOfRule(R.Sarif, "VMB004", "vspdrv.c"), 1u) << R.Sarif.dump(1);
  // The solution lists cycle.vcxproj but builds it in no configuration.
  std::vector<SarifNotification> Notes = notificationsOf(R.Sarif);
  ASSERT_EQ(Notes.size(), 1u) << R.Stderr;
  EXPECT_TRUE(contains(Notes[0].Message, "does not build cycle.vcxproj in Debug|x64")) << R.Stderr;
}

// The solution configuration "Checked" builds the project's Release
// configuration (ProjectConfigurationPlatforms), which checks the size.
TEST(MsBuildProject, SolutionConfigurationMapsToProjectConfiguration) {
  ToolRun R = runTool({"--project", Sln, "--configuration", "Checked"}, true);
  EXPECT_EQ(R.ExitCode, 0) << R.Stderr;
  EXPECT_TRUE(findingsOf(R.Sarif).empty()) << R.Sarif.dump(1);
  std::string Dir;
  std::vector<std::string> Args = exportedArguments({"--project", Sln, "--configuration", "Checked"}, Dir);
  EXPECT_TRUE(has(Args, "-D_KERNEL_MODE"));
  EXPECT_FALSE(has(Args, "-DDBG=1"));
}

TEST(MsBuildProject, ReleaseConfigurationIsClean) {
  ToolRun R = runTool({"--project", Vcxproj, "--configuration", "Release"}, true);
  EXPECT_EQ(R.ExitCode, 0) << R.Stderr;
  EXPECT_TRUE(findingsOf(R.Sarif).empty()) << R.Sarif.dump(1);
  ToolRun Debug = runTool({"--project", Vcxproj, "--configuration", "Debug"}, true);
  EXPECT_EQ(findingsOfRule(Debug.Sarif, "VMB004", "vspdrv.c"), 1u) << Debug.Stderr;
}

TEST(MsBuildProject, ExportWritesTheProjectSettings) {
  std::string Dir;
  std::vector<std::string> Args = exportedArguments({"--project", Sln}, Dir);
  for (const char *A : {"--target=x86_64-pc-windows-msvc", "-D_KERNEL_MODE", "-D_WIN64", "-D_AMD64_",
                        "-DAMD64", "-DKMDF_VERSION_MAJOR=1", "-DKMDF_VERSION_MINOR=33", "-DDBG=1",
                        "-DVSP_FROM_PROPS=1", "-DVSP_UNCHECKED_SAVE",
                        "-fms-compatibility-version=19.40", "-Wno-error=int-conversion",
                        "-Wno-error=implicit-function-declaration", "-include"})
    EXPECT_TRUE(has(Args, A)) << A;
  EXPECT_TRUE(hasEndingWith(Args, "-I/", "/testdata/msbuild/vsp/drv/inc"));
  EXPECT_TRUE(hasEndingWith(Args, "-I/", "/testdata/include"));
  EXPECT_TRUE(hasEndingWith(Args, "/", "/testdata/msbuild/vsp/drv/forced.h"));
  EXPECT_FALSE(hasEndingWith(Args, "", "unused.c")); // ExcludedFromBuild
  // The defines of the project come before its include directories, and
  // the exported database gives the same finding as --project.
  ToolRun R = runTool({"-p", Dir}, true);
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  EXPECT_EQ(findingsOfRule(R.Sarif, "VMB004", "vspdrv.c"), 1u) << R.Stderr;
}

TEST(MsBuildProject, PlatformSelectsTargetAndConditions) {
  std::string Dir;
  // The project has no ARM64 configuration group: no WDK toolset, no
  // Debug|x64 define, but the ARM64 target.
  std::vector<std::string> Args = exportedArguments({"--project", Vcxproj, "--platform", "ARM64"}, Dir);
  EXPECT_TRUE(has(Args, "--target=aarch64-pc-windows-msvc"));
  EXPECT_TRUE(has(Args, "-D_ARM64_"));
  EXPECT_FALSE(has(Args, "-D_KERNEL_MODE"));
  EXPECT_FALSE(has(Args, "-DVSP_UNCHECKED_SAVE"));
  EXPECT_TRUE(has(Args, "-DVSP_FROM_PROPS=1")); // unconditional in vsp.props
  std::vector<std::string> Release =
      exportedArguments({"--project", Vcxproj, "--configuration", "Release"}, Dir);
  EXPECT_TRUE(has(Release, "-D_KERNEL_MODE"));
  EXPECT_FALSE(has(Release, "-DVSP_UNCHECKED_SAVE"));
  EXPECT_FALSE(has(Release, "-DDBG=1"));
}

TEST(MsBuildProject, WdkRootAddsKernelIncludeDirectories) {
  std::string Dir;
  std::vector<std::string> Args =
      exportedArguments({"--project", Vcxproj, "--wdk", "testdata/msbuild/fakewdk"}, Dir);
  std::vector<std::string> System;
  for (size_t I = 0; I + 1 < Args.size(); ++I)
    if (Args[I] == "-isystem")
      System.push_back(Args[I + 1]);
  ASSERT_EQ(System.size(), 4u);
  EXPECT_TRUE(contains(System[0], "fakewdk/Include/wdf/kmdf/1.33"));
  EXPECT_TRUE(contains(System[1], "fakewdk/Include/10.0.22621.0/km/crt"));
  EXPECT_TRUE(contains(System[2], "fakewdk/Include/10.0.22621.0/km"));
  EXPECT_TRUE(contains(System[3], "fakewdk/Include/10.0.22621.0/shared"));
  EXPECT_TRUE(has(Args, "-DNTDDI_VERSION=0x0A00000C")); // the newest sdkddkver.h knows
  ToolRun Bad = runTool({"--project", Vcxproj, "--wdk", "testdata/msbuild/vsp"});
  EXPECT_EQ(Bad.ExitCode, 2);
  EXPECT_TRUE(contains(Bad.Stderr, "--wdk names no WDK")) << Bad.Stderr;
}

TEST(MsBuildProject, MalformedProjectIsOneLineError) {
  ToolRun R = runTool({"--project", "testdata/msbuild/vsp/malformed/broken.vcxproj"});
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_TRUE(contains(R.Stderr, "broken.vcxproj:5: not a well-formed MSBuild project")) << R.Stderr;
  EXPECT_EQ(std::count(R.Stderr.begin(), R.Stderr.end(), '\n'), 1) << R.Stderr;
  ToolRun Missing = runTool({"--project", "testdata/msbuild/vsp/none.vcxproj"});
  EXPECT_EQ(Missing.ExitCode, 2);
  EXPECT_TRUE(contains(Missing.Stderr, "none.vcxproj")) << Missing.Stderr;
}

TEST(MsBuildProject, ImportCycleIsWarnedAndBroken) {
  std::string Dir = makeTempDir();
  ToolRun R = runTool({"--project", "testdata/msbuild/vsp/cycle/cycle.vcxproj",
                       "--export-compile-commands=" + Dir + "/cc.json"});
  EXPECT_EQ(R.ExitCode, 0) << R.Stderr;
  EXPECT_TRUE(contains(R.Stderr, "b.props:3: warning: import cycle")) << R.Stderr;
  nlohmann::json Db = nlohmann::json::parse(readFile(Dir + "/cc.json"));
  ASSERT_EQ(Db.size(), 1u);
  auto Args = Db[0]["arguments"].get<std::vector<std::string>>();
  EXPECT_TRUE(has(Args, "-DFROM_A") && has(Args, "-DFROM_B")) << Db.dump(1);
}

TEST(MsBuildProject, ExportNeedsAProjectAndNeverOverwritesIt) {
  ToolRun R = runTool({"--export-compile-commands=/tmp/x.json", "testdata/example/vsp_example.c"});
  EXPECT_EQ(R.ExitCode, 2);
  std::string Dir = makeTempDir();
  fs::copy(repoRoot() + "/testdata/msbuild/vsp", Dir + "/vsp", fs::copy_options::recursive);
  std::string Project = Dir + "/vsp/drv/vspdrv.vcxproj";
  std::string Before = readFile(Project);
  ToolRun Over = runTool({"--project", Project, "--export-compile-commands=" + Project});
  EXPECT_EQ(Over.ExitCode, 2);
  EXPECT_TRUE(contains(Over.Stderr, "the output is also an input")) << Over.Stderr;
  EXPECT_EQ(readFile(Project), Before);
}


// Constructs from a hostile or just unusual repository: warned about,
// never a crash, and the rest of the project is still used.
TEST(MsBuildProject, UnknownAndHostileConstructsAreWarnings) {
  std::string Dir = makeTempDir();
  writeFile(Dir + "/drv.c", "int f(void) { return VSP_KEPT; }\n");
  std::string Deep(100000, '(');
  std::string Choose, Unchoose;
  for (int I = 0; I < 5000; ++I) {
    Choose += "<Choose><When Condition=\"true\">";
    Unchoose += "</When></Choose>";
  }
  writeFile(Dir + "/drv.vcxproj",
            "<Project xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\">\n"
            "<PropertyGroup Condition=\"" + Deep + "\"><X>1</X></PropertyGroup>\n"
            "<PropertyGroup><Y>$([System.IO.Path]::Combine('a','b'))</Y></PropertyGroup>\n"
            "<Frobnicate/>\n" + Choose + Unchoose + "\n"
            "<ItemDefinitionGroup><ClCompile><PreprocessorDefinitions>VSP_KEPT=1</PreprocessorDefinitions>"
            "</ClCompile></ItemDefinitionGroup>\n"
            "<ItemGroup><ClCompile Include=\"*/*.c\"/><ClCompile Include=\"drv.c\"/></ItemGroup>\n"
            "</Project>\n");
  // A property that doubles itself 64 times would need 2^64 bytes.
  std::string Doubling;
  for (int I = 0; I < 64; ++I)
    Doubling += "<PropertyGroup><A>$(A)$(A)x</A></PropertyGroup>";
  std::string Text = readFile(Dir + "/drv.vcxproj");
  Text.insert(Text.find("<Frobnicate/>"), Doubling);
  writeFile(Dir + "/drv.vcxproj", Text);
  ToolRun R = runTool({"--project", Dir + "/drv.vcxproj", "--export-compile-commands=" + Dir + "/cc.json"});
  EXPECT_EQ(R.ExitCode, 0) << R.Stderr;
  EXPECT_TRUE(contains(R.Stderr, "a value grows past 1 MiB")) << R.Stderr;
  for (const char *W : {"drv.vcxproj:2: warning: a Condition that is not understood",
                        "drv.vcxproj:3: warning: a property function", "drv.vcxproj:4: warning: an MSBuild element",
                        "warning: Choose elements nest too deep",
                        "warning: a ClCompile Include with a wildcard in a directory name"})
    EXPECT_TRUE(contains(R.Stderr, W)) << W << "\n" << R.Stderr;
  EXPECT_FALSE(contains(R.Stderr, "System.IO")) << R.Stderr; // nothing quoted from the file
  nlohmann::json Db = nlohmann::json::parse(readFile(Dir + "/cc.json"));
  ASSERT_EQ(Db.size(), 1u);
  EXPECT_TRUE(has(Db[0]["arguments"].get<std::vector<std::string>>(), "-DVSP_KEPT=1"));
}

// Include="src\*.c" Exclude="src\skip*.c": the matching files of the
// directory, whatever the case of the pattern.
// The project's WPP settings (WppTraceFunction, -func: in
// WppAdditionalOptions, the WppScanConfigurationData file) name the trace
// functions the missing .tmh would define; --assume-generated-empty's
// stand-in defines them, so the C++ callback compiles and is analysed. The
// header of a MessageCompile item is known as generated by its name.
TEST(MsBuildProject, WppTraceFunctionsComeFromTheProjectSettings) {
  const std::string Wpp = "testdata/msbuild/vsp/wpp/wppdrv.vcxproj";
  ToolRun Built = runTool({"--project", Wpp}, /*WantSarif=*/true);
  EXPECT_EQ(Built.ExitCode, 2) << Built.Stderr;
  std::vector<SarifNotification> Notes = notificationsOf(Built.Sarif);
  ASSERT_EQ(Notes.size(), 1u) << Built.Stderr;
  // Named by the project's MessageCompile GeneratedFilesBaseName only.
  EXPECT_TRUE(contains(Notes[0].Message, "'wppEvents.h' file not found: generated header")) << Built.Stderr;

  ToolRun R = runTool({"--project", Wpp, "--assume-generated-empty"}, /*WantSarif=*/true);
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  EXPECT_TRUE(notificationsOf(R.Sarif).empty()) << R.Sarif.dump(1);
  EXPECT_EQ(findingsOfRule(R.Sarif, "VMB004", "wppdrv.cpp"), 1u) << R.Sarif.dump(1);
}

TEST(MsBuildProject, WildcardIncludeListsTheDirectory) {
  std::string Dir = makeTempDir();
  fs::create_directories(Dir + "/src");
  for (const char *F : {"a.c", "B.C", "skip_me.c", "notes.txt"})
    writeFile(Dir + "/src/" + F, "int x;\n");
  writeFile(Dir + "/drv.vcxproj",
            "<Project xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\"><ItemGroup>"
            "<ClCompile Include=\"src\\*.c\" Exclude=\"src\\SKIP*.c\"/></ItemGroup></Project>\n");
  ToolRun R = runTool({"--project", Dir + "/drv.vcxproj", "--export-compile-commands=" + Dir + "/cc.json"});
  EXPECT_EQ(R.ExitCode, 0) << R.Stderr;
  nlohmann::json Db = nlohmann::json::parse(readFile(Dir + "/cc.json"));
  std::vector<std::string> Files;
  for (const auto &E : Db)
    Files.push_back(fs::path(E["file"].get<std::string>()).filename().string());
  std::sort(Files.begin(), Files.end());
  EXPECT_EQ(Files, (std::vector<std::string>{"B.C", "a.c"})) << Db.dump(1);
}

} // namespace
} // namespace vmbcheck::test
