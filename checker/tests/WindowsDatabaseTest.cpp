// Compilation databases written on Windows and read on Linux/WSL (--path-map,
// cl.exe command strings, absolute Linux paths in cl-style commands),
// includes spelled in another case, build-gating flags, and generated headers
// that do not exist before the build (issue 12, points 2 to 5).
#include "ToolRunner.h"
#include "frontend/WindowsPaths.h"

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

std::string notificationText(const nlohmann::json &Sarif) {
  std::string Text;
  for (const SarifNotification &N : notificationsOf(Sarif))
    Text += N.Id + ": " + N.Message + "\n";
  return Text;
}

TEST(PathMap, LongestPrefixWholeComponentsAnyCaseAnySlash) {
  PathMap Map;
  ASSERT_EQ(Map.add("C:\\=/mnt/c/"), "");
  ASSERT_EQ(Map.add("C:\\Src=/home/me/src,\\\\srv\\share=/mnt/share"), "");
  EXPECT_EQ(Map.apply("c:\\Windows\\x.h"), "/mnt/c/Windows/x.h");
  EXPECT_EQ(Map.apply("C:/src/drv.c"), "/home/me/src/drv.c");
  EXPECT_EQ(Map.apply("C:\\Src"), "/home/me/src");
  EXPECT_EQ(Map.apply("C:\\SrcOld\\a.c"), "/mnt/c/SrcOld/a.c"); // not C:\Src's
  EXPECT_EQ(Map.apply("\\\\SRV\\share\\inc"), "/mnt/share/inc");
  EXPECT_EQ(Map.apply("D:\\x.c"), std::nullopt);
  EXPECT_EQ(Map.apply("/usr/include"), std::nullopt);
  EXPECT_NE(PathMap().add("C:\\"), "");
  EXPECT_NE(PathMap().add("=/mnt/c"), "");

  std::set<std::string> Mapped;
  EXPECT_EQ(mapArgument("/IC:\\Kits\\Include", Map, true, Mapped), "/I/mnt/c/Kits/Include");
  EXPECT_EQ(mapArgument("-isystemC:\\Kits", Map, true, Mapped), "-isystem/mnt/c/Kits");
  EXPECT_EQ(mapArgument("/external:IC:\\Kits", Map, true, Mapped), "/external:I/mnt/c/Kits");
  EXPECT_EQ(mapArgument("/FIC:\\pch.h", Map, true, Mapped), "/FI/mnt/c/pch.h");
  EXPECT_EQ(mapArgument("C:\\Src\\drv.c", Map, true, Mapped), "/home/me/src/drv.c");
  EXPECT_EQ(mapArgument("..\\inc", Map, true, Mapped), "../inc");
  EXPECT_EQ(mapArgument("/DPATH=C:\\x", Map, true, Mapped), "/DPATH=C:\\x"); // a value, not a path
  EXPECT_EQ(mapArgument("/nologo", Map, true, Mapped), "/nologo");
  EXPECT_TRUE(Mapped.count("/home/me/src/drv.c"));
  EXPECT_FALSE(Mapped.count("../inc"));
}

// The example driver (findings VMB003/VMB004) and the test headers laid out
// as on a Windows machine's C: drive, mounted at Root/c.
void layOutDriveC(const std::string &Root) {
  fs::create_directories(Root + "/c/Work/Drv");
  fs::create_directories(Root + "/c/Kits/Include");
  fs::copy_file(repoRoot() + "/testdata/example/vsp_example.c", Root + "/c/Work/Drv/drv.c");
  for (const auto &E : fs::directory_iterator(repoRoot() + "/testdata/include"))
    fs::copy_file(E.path(), Root + "/c/Kits/Include/" + E.path().filename().string());
}

TEST(WindowsDatabase, WindowsPathsAreMappedWithPathMap) {
  std::string Dir = makeTempDir();
  layOutDriveC(Dir);
  fs::create_directories(Dir + "/build");
  // As MSBuild tooling writes it: drive letters in both cases, a quoted
  // program path with spaces, /I joined and separate, a relative /FI.
  nlohmann::json DB = nlohmann::json::array(
      {{{"directory", "C:\\Work\\Drv"},
        {"file", "c:\\Work\\Drv\\drv.c"},
        {"command", "\"C:\\Program Files\\Microsoft Visual Studio\\VC\\bin\\cl.exe\" /nologo /c "
                    "/I C:\\Kits\\Include /Ic:\\Kits\\Include /D_AMD64_ /WX c:\\Work\\Drv\\drv.c"}}});
  writeFile(Dir + "/build/compile_commands.json", DB.dump());
  ToolRun R = runTool({"-p", Dir + "/build", "--path-map", "C:\\=" + Dir + "/c/"}, true, Dir);
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  EXPECT_GE(countRule(R.Sarif, "VMB004"), 1u) << R.Stderr;
  EXPECT_EQ(notificationText(R.Sarif), "") << R.Stderr;

  // Without the map the paths cannot be found, and the message says what to pass.
  ToolRun Unmapped = runTool({"-p", Dir + "/build"}, true, Dir);
  EXPECT_EQ(Unmapped.ExitCode, 2) << Unmapped.Stderr;
  EXPECT_TRUE(contains(notificationText(Unmapped.Sarif), "--path-map")) << notificationText(Unmapped.Sarif);
  fs::remove_all(Dir);
}

// Several mappings: the longest prefix wins, UNC paths map too.
TEST(WindowsDatabase, LongestPathMapPrefixWinsAndUncPathsMap) {
  std::string Dir = makeTempDir();
  layOutDriveC(Dir);
  fs::create_directories(Dir + "/build");
  fs::create_directories(Dir + "/share");
  fs::rename(Dir + "/c/Kits/Include", Dir + "/share/inc");
  fs::rename(Dir + "/c/Work/Drv", Dir + "/drv");
  nlohmann::json DB = nlohmann::json::array(
      {{{"directory", "C:\\Work\\Drv"},
        {"file", "drv.c"},
        {"command", "cl.exe /c /I\\\\buildsrv\\wdk\\inc drv.c"}}});
  writeFile(Dir + "/build/compile_commands.json", DB.dump());
  ToolRun R = runTool({"-p", Dir + "/build", "--path-map", "C:\\=" + Dir + "/c/", "--path-map",
                       "c:\\work\\drv=" + Dir + "/drv,\\\\buildsrv\\wdk\\=" + Dir + "/share/"},
                      true, Dir);
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  EXPECT_GE(countRule(R.Sarif, "VMB004"), 1u) << R.Stderr;
  EXPECT_EQ(notificationText(R.Sarif), "") << R.Stderr;
  ToolRun Bad = runTool({"--path-map", "C:\\"}, false, Dir);
  EXPECT_EQ(Bad.ExitCode, 2);
  EXPECT_TRUE(contains(Bad.Stderr, "--path-map expects")) << Bad.Stderr;
  fs::remove_all(Dir);
}

// A cl.exe "command" string keeps its backslashes (Windows rules): a
// shell-style split would read /I..\inc as /I..inc.
TEST(WindowsDatabase, ClCommandStringKeepsBackslashes) {
  std::string Dir = makeTempDir();
  fs::create_directories(Dir + "/src/drv");
  fs::copy(repoRoot() + "/testdata/include", Dir + "/src/inc");
  fs::copy_file(repoRoot() + "/testdata/example/vsp_example.c", Dir + "/src/drv/drv.c");
  nlohmann::json DB = nlohmann::json::array(
      {{{"directory", Dir + "/src/drv"},
        {"file", "drv.c"},
        {"command", "clang-cl.exe /nologo /c /I..\\inc /D_AMD64_ .\\drv.c"}}});
  writeFile(Dir + "/src/compile_commands.json", DB.dump());
  ToolRun R = runTool({"src/drv/drv.c"}, true, Dir);
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  EXPECT_GE(countRule(R.Sarif, "VMB004"), 1u) << R.Stderr;
  EXPECT_EQ(notificationText(R.Sarif), "") << R.Stderr;
  fs::remove_all(Dir);
}

// clang-cl reads /work/x/drv.c as /w + "ork/x/drv.c" and /opt/... as /o:
// an absolute Linux source in a cl-style command must still be the input.
TEST(WindowsDatabase, AbsoluteLinuxSourceInClCommandIsTheInput) {
  // Next to the binary (under the build tree): its path starts with a
  // directory that clang-cl would otherwise read as an option.
  std::string Dir = (fs::path(toolPath()).parent_path() / "wsl-linux-path-test").string();
  fs::remove_all(Dir);
  fs::create_directories(Dir + "/opt");
  fs::copy_file(repoRoot() + "/testdata/example/vsp_example.c", Dir + "/opt/drv.c");
  std::string Inc = repoRoot() + "/testdata/include";
  for (std::string Program : {"cl.exe", "clang-cl", "clang --driver-mode=cl"}) {
    nlohmann::json DB = nlohmann::json::array(
        {{{"directory", Dir + "/opt"},
          {"file", Dir + "/opt/drv.c"},
          {"command", Program + " /c /I " + Inc + " /I" + Inc + " " + Dir + "/opt/drv.c"}}});
    writeFile(Dir + "/compile_commands.json", DB.dump());
    ToolRun R = runTool({"opt/drv.c"}, true, Dir);
    EXPECT_EQ(R.ExitCode, 1) << Program << R.Stderr;
    EXPECT_GE(countRule(R.Sarif, "VMB004"), 1u) << Program << R.Stderr;
    EXPECT_EQ(notificationText(R.Sarif), "") << Program << R.Stderr;
  }
  fs::remove_all(Dir);
}

// Flags that gate a build on warnings or run MSVC's code analysis never
// make a file "not analysed": the compile's warnings are not findings.
TEST(WindowsDatabase, BuildGatingFlagsDoNotStopTheAnalysis) {
  std::string Dir = makeTempDir();
  fs::create_directories(Dir + "/src");
  std::string Source = readFile(repoRoot() + "/testdata/example/vsp_example.c");
  // Warnings of every kind the flags below would turn into errors.
  Source += "\nstatic int VspUnused(int a) { int unused; long long x = a; int y = x; "
            "return (y = a); }\n";
  writeFile(Dir + "/src/drv.c", Source);
  std::string Inc = repoRoot() + "/testdata/include";
  // The forms of the Windows-driver-samples projects (TreatWarningAsError,
  // WarningLevel, RunCodeAnalysis) and their clang spellings.
  nlohmann::json Entries = nlohmann::json::array(
      {{{"directory", Dir + "/src"},
        {"file", "drv.c"},
        {"arguments", {"cl.exe", "/nologo", "/c", "/W4", "/WX", "/we4013", "/we4242", "/wd4201",
                       "/analyze", "/analyze:only", "/analyze:plugin", "EspXEngine.dll",
                       "/analyze:ruleset", "C:\\rules\\drivers.ruleset", "/analyze:quiet",
                       "/analyze:log", "drv.nativecodeanalysis.xml", "/analyze-", "/sdl",
                       "/GS", "/Gy", "/Zi", "/Od", "/kernel", "/FC", "/Zp8", "/Gz", "/I" + Inc,
                       "drv.c"}}},
       {{"directory", Dir + "/src"},
        {"file", "drv.c"},
        {"arguments", {"clang", "-c", "-Wall", "-Wextra", "-Werror", "-Werror=unused-variable",
                       "-Werror=conversion", "-pedantic-errors", "-Wpedantic", "-O2", "-g",
                       "-fstack-protector-strong", "-I" + Inc, "drv.c"}}}});
  for (const nlohmann::json &Entry : Entries) {
    writeFile(Dir + "/compile_commands.json", nlohmann::json::array({Entry}).dump());
    ToolRun R = runTool({"src/drv.c"}, true, Dir);
    EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
    EXPECT_GE(countRule(R.Sarif, "VMB004"), 1u) << Entry.dump() << R.Stderr;
    EXPECT_EQ(notificationText(R.Sarif), "") << R.Stderr;
    EXPECT_FALSE(contains(R.Stderr, "EspXEngine")) << R.Stderr;
    EXPECT_FALSE(contains(R.Stderr, "unused")) << R.Stderr;
  }
  // The source does warn: the user's own --extra-arg=-Werror (kept, unlike
  // the database's) turns the warnings into compile errors.
  ToolRun Strict = runTool({"--extra-arg=-Wall", "--extra-arg=-Werror", "src/drv.c"}, true, Dir);
  EXPECT_TRUE(contains(notificationText(Strict.Sarif), "compile-error"))
      << notificationText(Strict.Sarif);
  fs::remove_all(Dir);
}

TEST(WindowsDatabase, IncludeInOtherCaseIsFoundUnlessTurnedOff) {
  std::string Case = repoRoot() + "/testdata/VMB004/include_spelled_in_other_case.c";
  ToolRun On = runTool({Case}, true);
  EXPECT_EQ(On.ExitCode, 1) << On.Stderr;
  EXPECT_EQ(countRule(On.Sarif, "VMB004"), 1u) << On.Stderr;
  ToolRun Off = runTool({"--no-case-insensitive-includes", Case}, true);
  EXPECT_EQ(Off.ExitCode, 2) << Off.Stderr;
  EXPECT_TRUE(contains(notificationText(Off.Sarif), "'VMBUSKERNELMODECLIENTLIBAPI.H' file not found"))
      << notificationText(Off.Sarif);
  // A Linux target keeps the file system's own rules.
  ToolRun Linux = runTool({Case, "--", "-I" + repoRoot() + "/testdata/include",
                           "--target=x86_64-pc-linux-gnu", "-fms-extensions"}, true);
  EXPECT_TRUE(contains(notificationText(Linux.Sarif), "file not found")) << Linux.Stderr;
}

// Directories too: <Inc/Sub/X.h> finds inc/sub/x.h; a header with the same
// name in two cases (impossible on Windows) is still found by its own name.
TEST(WindowsDatabase, IncludeDirectoriesInOtherCase) {
  std::string Dir = makeTempDir();
  fs::create_directories(Dir + "/inc/sub");
  writeFile(Dir + "/inc/sub/vsp_state.h", "typedef struct { unsigned long Id; } VSP_STATE;\n");
  writeFile(Dir + "/inc/sub/Twin.h", "#define TWIN 1\n");
  writeFile(Dir + "/inc/sub/twin.h", "#error the other twin\n");
  std::string Source = readFile(repoRoot() + "/testdata/example/vsp_example.c");
  writeFile(Dir + "/drv.c", "#include <INC/Sub/VSP_State.h>\n#include <inc/sub/Twin.h>\n"
                            "static VSP_STATE S = {TWIN};\n" + Source);
  ToolRun R = runTool({"drv.c", "--", "-I.", "-I" + repoRoot() + "/testdata/include"}, true, Dir);
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  EXPECT_GE(countRule(R.Sarif, "VMB004"), 1u) << R.Stderr;
  EXPECT_EQ(notificationText(R.Sarif), "") << R.Stderr;
  fs::remove_all(Dir);
}

// A user's -ivfsoverlay is applied (clang applies it only when it makes its
// own file manager, and vmbcheck makes it).
TEST(WindowsDatabase, VfsOverlayIsHonoured) {
  std::string Dir = makeTempDir();
  writeFile(Dir + "/real_state.h", "typedef struct { unsigned long Id; } VSP_STATE;\n");
  writeFile(Dir + "/overlay.yaml",
            "{ 'version': 0, 'roots': [ { 'name': '" + Dir + "/virtual', 'type': 'directory', "
            "'contents': [ { 'name': 'vsp_state.h', 'type': 'file', 'external-contents': '" +
                Dir + "/real_state.h' } ] } ] }\n");
  std::string Source = readFile(repoRoot() + "/testdata/example/vsp_example.c");
  writeFile(Dir + "/drv.c", "#include \"virtual/vsp_state.h\"\nstatic VSP_STATE S;\n" + Source);
  ToolRun R = runTool({"drv.c", "--", "-ivfsoverlay", Dir + "/overlay.yaml", "-I" + Dir,
                       "-I" + repoRoot() + "/testdata/include"},
                      true, Dir);
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  EXPECT_GE(countRule(R.Sarif, "VMB004"), 1u) << R.Stderr;
  EXPECT_EQ(notificationText(R.Sarif), "") << R.Stderr;
  ToolRun Without = runTool({"drv.c", "--", "-I" + Dir, "-I" + repoRoot() + "/testdata/include"},
                            true, Dir);
  EXPECT_TRUE(contains(notificationText(Without.Sarif), "file not found"));
  writeFile(Dir + "/overlay.yaml", "{ 'version': 0, 'roots': [ 'no' ] }\n");
  ToolRun Broken = runTool({"drv.c", "--", "-ivfsoverlay", Dir + "/overlay.yaml"}, true, Dir);
  EXPECT_EQ(Broken.ExitCode, 2);
  EXPECT_TRUE(contains(notificationText(Broken.Sarif), "-ivfsoverlay")) << notificationText(Broken.Sarif);
  fs::remove_all(Dir);
}

TEST(GeneratedHeaders, MissingTmhIsNamedAndCanBeAssumedEmpty) {
  std::string Case = repoRoot() + "/testdata/errors/wpp_trace_header_not_generated/save.c";
  ToolRun Plain = runTool({Case}, true);
  EXPECT_EQ(Plain.ExitCode, 2) << Plain.Stderr;
  EXPECT_TRUE(contains(notificationText(Plain.Sarif),
                       "'save.tmh' file not found: generated header - build the project first "
                       "(or pass --assume-generated-empty)"))
      << notificationText(Plain.Sarif);
  EXPECT_EQ(countRule(Plain.Sarif, "VMB004"), 0u);
  // The callback, with its TraceEvents and DoTraceMessage calls, analysed.
  ToolRun Assumed = runTool({"--assume-generated-empty", Case}, true);
  EXPECT_EQ(Assumed.ExitCode, 1) << Assumed.Stderr;
  EXPECT_EQ(countRule(Assumed.Sarif, "VMB004"), 1u) << Assumed.Stderr;
  EXPECT_EQ(notificationText(Assumed.Sarif), "") << Assumed.Stderr;
}

// MC message headers: msg.h generated from msg.mc of the project. Any other
// missing header stays an ordinary error, even with the option.
TEST(GeneratedHeaders, McHeaderIsGeneratedOtherHeadersAreNot) {
  std::string Dir = makeTempDir();
  writeFile(Dir + "/drvmsg.mc", "MessageId=0x1\nSymbolicName=MSG_SAVE\nLanguage=English\nSaved.\n.\n");
  std::string Source = readFile(repoRoot() + "/testdata/example/vsp_example.c");
  writeFile(Dir + "/drv.c", "#include \"drvmsg.h\"\n" + Source);
  writeFile(Dir + "/other.c", "#include \"private_state.h\"\n" + Source);
  ToolRun Plain = runTool({"drv.c", "--", "-I" + repoRoot() + "/testdata/include"}, true, Dir);
  EXPECT_TRUE(contains(notificationText(Plain.Sarif), "'drvmsg.h' file not found: generated header"))
      << notificationText(Plain.Sarif);
  ToolRun Assumed = runTool({"--assume-generated-empty", "drv.c", "other.c", "--",
                             "-I" + repoRoot() + "/testdata/include"},
                            true, Dir);
  EXPECT_EQ(Assumed.ExitCode, 2) << Assumed.Stderr;
  EXPECT_GE(countRule(Assumed.Sarif, "VMB004"), 1u) << Assumed.Stderr;
  std::string Notes = notificationText(Assumed.Sarif);
  EXPECT_TRUE(contains(Notes, "'private_state.h' file not found; the file was not analysed")) << Notes;
  EXPECT_FALSE(contains(Notes, "drvmsg.h")) << Notes;
  fs::remove_all(Dir);
}

// As in the WDK samples: the WPP configuration in a header of another
// directory (WppScanConfigurationData ..\inc\trace_macros.h), the MOF
// header included with angle brackets from the driver's own header
// (busenum.h: #include <busenumMof.h>), a cl.exe database.
TEST(GeneratedHeaders, WppConfigElsewhereAndAngledMofHeader) {
  std::string Dir = makeTempDir();
  fs::create_directories(Dir + "/inc");
  fs::create_directories(Dir + "/drv");
  writeFile(Dir + "/inc/trace_macros.h",
            "// begin_wpp config\n// FUNC TraceEvents(LEVEL, FLAGS, MSG, ...);\n// end_wpp\n");
  writeFile(Dir + "/drv/busenum.mof", "class BusEnum { };\n");
  writeFile(Dir + "/drv/busenum.h", "#include <busenumMof.h>\n");
  std::string Source =
      readFile(repoRoot() + "/testdata/VMB004/include_spelled_in_other_case.c");
  auto Replace = [&](const std::string &From, const std::string &To) {
    size_t At = Source.find(From);
    ASSERT_NE(At, std::string::npos) << From;
    Source.replace(At, From.size(), To);
  };
  Replace("#include <VMBUSKERNELMODECLIENTLIBAPI.H>",
          "#include <vmbuskernelmodeclientlibapi.h>\n#include \"busenum.h\"\n"
          "#include \"trace_macros.h\"\n#include \"drv.tmh\"");
  Replace("UNREFERENCED_PARAMETER(Channel);",
          "UNREFERENCED_PARAMETER(Channel);\n    TraceEvents(TRACE_LEVEL_INFORMATION, TRACE_SAVE, "
          "\"%!FUNC! %u\", SaveBufSize);");
  writeFile(Dir + "/drv/drv.c", Source);
  nlohmann::json DB = nlohmann::json::array(
      {{{"directory", Dir + "/drv"},
        {"file", "drv.c"},
        {"command", "cl.exe /c /WX /I..\\inc /I" + repoRoot() + "/testdata/include drv.c"}}});
  writeFile(Dir + "/compile_commands.json", DB.dump());
  ToolRun Plain = runTool({"drv/drv.c"}, true, Dir);
  EXPECT_TRUE(contains(notificationText(Plain.Sarif), "'busenumMof.h' file not found: generated header"))
      << notificationText(Plain.Sarif);
  ToolRun Assumed = runTool({"--assume-generated-empty", "drv/drv.c"}, true, Dir);
  EXPECT_EQ(Assumed.ExitCode, 1) << Assumed.Stderr;
  EXPECT_EQ(countRule(Assumed.Sarif, "VMB004"), 1u) << Assumed.Stderr;
  EXPECT_EQ(notificationText(Assumed.Sarif), "") << Assumed.Stderr;
  // A generated header that exists is the one read, not the stand-in.
  writeFile(Dir + "/drv/drv.tmh", "#error the real generated header was read\n");
  ToolRun Real = runTool({"--assume-generated-empty", "drv/drv.c"}, true, Dir);
  EXPECT_TRUE(contains(notificationText(Real.Sarif), "the real generated header was read"))
      << notificationText(Real.Sarif);
  fs::remove_all(Dir);
}

// cl.exe predeclares std::align_val_t (C++17); kernel C++ drivers name it
// in their own aligned operator new/delete without <new> (sysvad's
// NewDelete.h). Without vmbcheck's prelude Clang rejects the file.
TEST(MsvcCompatibility, AlignValTIsPredeclaredForCxx17) {
  std::string Dir = makeTempDir();
  writeFile(Dir + "/newdelete.cpp",
            "#include <vmbuskernelmodeclientlibapi.h>\n"
            "void *__cdecl operator new(size_t Size, std::align_val_t Align);\n"
            "void __cdecl operator delete(void *Block, std::align_val_t Align) noexcept;\n"
            "struct alignas(64) VSP_RING { UCHAR Bytes[64]; };\n"
            "VSP_RING *VspNewRing() { return new VSP_RING; }\n"
            "namespace std { enum class align_val_t : size_t {}; } // as <new> defines it\n");
  std::vector<std::string> Flags = {"--", "-I" + repoRoot() + "/testdata/include",
                                    "--target=x86_64-pc-windows-msvc", "-fms-extensions",
                                    "-fms-compatibility", "-fms-compatibility-version=19.40"};
  std::vector<std::string> Cxx17 = {Dir + "/newdelete.cpp"};
  Cxx17.insert(Cxx17.end(), Flags.begin(), Flags.end());
  Cxx17.push_back("-std=c++17");
  ToolRun R = runTool(Cxx17, /*WantSarif=*/true);
  EXPECT_EQ(R.ExitCode, 0) << R.Stderr;
  EXPECT_TRUE(notificationText(R.Sarif).empty()) << R.Sarif.dump(1);
  // C++14 has no aligned new, in cl.exe as in Clang: still an error.
  std::vector<std::string> Cxx14 = {Dir + "/newdelete.cpp"};
  Cxx14.insert(Cxx14.end(), Flags.begin(), Flags.end());
  Cxx14.push_back("-std=c++14");
  R = runTool(Cxx14, /*WantSarif=*/true);
  EXPECT_EQ(R.ExitCode, 2) << R.Stderr;
  EXPECT_TRUE(contains(notificationText(R.Sarif), "'std'")) << R.Sarif.dump(1);
  fs::remove_all(Dir);
}

} // namespace
} // namespace vmbcheck::test
