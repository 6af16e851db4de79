// Hostile and broken input. Each case runs the broken file together with a
// healthy one and asserts what a CI user relies on: one line on stderr that
// names the file and the cause, a SARIF notification saying the same, exit
// code 2 when something was not analysed, and every finding of the healthy
// file still reported.
#include "ToolRunner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace vmbcheck::test {
namespace {

bool contains(const std::string &Haystack, const std::string &Needle) {
  return Haystack.find(Needle) != std::string::npos;
}

// The lines of Text that mention all of Needles.
std::vector<std::string> linesWith(const std::string &Text,
                                   const std::vector<std::string> &Needles) {
  std::vector<std::string> Out;
  std::istringstream In(Text);
  for (std::string Line; std::getline(In, Line);) {
    bool All = true;
    for (const std::string &N : Needles)
      All = All && contains(Line, N);
    if (All)
      Out.push_back(Line);
  }
  return Out;
}

using FindingKey = std::tuple<std::string, unsigned, std::string>; // rule, line, message

std::set<FindingKey> findingsIn(const nlohmann::json &Sarif, const std::string &FileSuffix) {
  std::set<FindingKey> Out;
  for (const SarifFinding &F : findingsOf(Sarif))
    if (F.File.size() >= FileSuffix.size() &&
        F.File.compare(F.File.size() - FileSuffix.size(), FileSuffix.size(), FileSuffix) == 0)
      Out.insert({F.RuleId, F.Line, F.Message});
  return Out;
}

// A scratch directory with the healthy driver (the bundled example, which
// has findings of four rules) as ok.c.
class Robustness : public ::testing::Test {
protected:
  void SetUp() override {
    Dir = makeTempDir();
    fs::copy_file(repoRoot() + "/testdata/example/vsp_example.c", Dir + "/ok.c");
    ToolRun Alone = runTool({"ok.c", "--", include()}, true, Dir);
    ASSERT_EQ(Alone.ExitCode, 1) << Alone.Stderr;
    Healthy = findingsIn(Alone.Sarif, "/ok.c");
    ASSERT_GE(Healthy.size(), 4u);
  }
  void TearDown() override {
    std::error_code EC;
    fs::permissions(Dir, fs::perms::owner_all, fs::perm_options::add, EC);
    fs::remove_all(Dir, EC);
  }

  static std::string include() { return "-I" + repoRoot() + "/testdata/include"; }

  // Runs Args (which include ok.c) as text and as SARIF and checks the
  // contract for a file that could not be (completely) analysed.
  void expectReported(const std::vector<std::string> &Args, const std::string &File,
                      const std::string &Cause, const std::string &NotificationId,
                      int ExitCode = 2) {
    ToolRun Text = runTool(Args, false, Dir);
    EXPECT_EQ(Text.ExitCode, ExitCode) << Text.Stderr;
    auto Lines = linesWith(Text.Stderr, {File, Cause});
    EXPECT_EQ(Lines.size(), 1u) << "expected one line naming '" << File << "' and '" << Cause
                                << "' in:\n"
                                << Text.Stderr;
    for (const std::string &L : Lines)
      EXPECT_LT(L.size(), 400u) << L; // one readable line, not a dump
    EXPECT_TRUE(contains(Text.Stdout, "ok.c:")) << Text.Stdout;

    ToolRun Sarif = runTool(Args, true, Dir);
    EXPECT_EQ(Sarif.ExitCode, ExitCode) << Sarif.Stderr;
    ASSERT_TRUE(Sarif.Sarif.is_object()) << Sarif.Stderr;
    bool Found = false;
    for (const SarifNotification &N : notificationsOf(Sarif.Sarif))
      Found |= N.Id == NotificationId && contains(N.File, File) && contains(N.Message, Cause);
    EXPECT_TRUE(Found) << "no notification '" << NotificationId << "' for " << File << " ("
                       << Cause << ") in\n"
                       << Sarif.Sarif["runs"][0]["invocations"].dump(2);
    if (ExitCode == 2)
      EXPECT_FALSE(
          Sarif.Sarif["runs"][0]["invocations"][0]["executionSuccessful"].get<bool>());
    EXPECT_EQ(findingsIn(Sarif.Sarif, "/ok.c"), Healthy);
  }

  std::string Dir;
  std::set<FindingKey> Healthy;
};

TEST_F(Robustness, MissingSource) {
  expectReported({"gone.c", "ok.c", "--", include()}, "gone.c", "No such file or directory",
                 "unreadable-source");
}

TEST_F(Robustness, DirectoryGivenAsSource) {
  fs::create_directories(Dir + "/dir.c");
  expectReported({"dir.c", "ok.c", "--", include()}, "dir.c", "Is a directory", "unreadable-source");
}

TEST_F(Robustness, UnreadableSource) {
  if (geteuid() == 0)
    GTEST_SKIP() << "root reads files whatever their mode; DirectoryGivenAsSource covers it";
  writeFile(Dir + "/secret.c", "int x;\n");
  ::chmod((Dir + "/secret.c").c_str(), 0);
  expectReported({"secret.c", "ok.c", "--", include()}, "secret.c", "Permission denied",
                 "unreadable-source");
}

// A FIFO blocks whoever reads it: only the per-file --timeout ends that.
TEST_F(Robustness, SourceThatNeverEndsHitsTheTimeout) {
  ASSERT_EQ(::mkfifo((Dir + "/pipe.c").c_str(), 0600), 0);
  expectReported({"--timeout=1", "pipe.c", "ok.c", "--", include()}, "pipe.c",
                 "--timeout of 1 s", "timeout");
}

TEST_F(Robustness, MalformedCompilationDatabase) {
  fs::create_directories(Dir + "/build");
  writeFile(Dir + "/build/compile_commands.json", "[{\"directory\": ");
  // ok.c still gets its flags from a compile_flags.txt next to it.
  writeFile(Dir + "/compile_flags.txt", include() + "\n");
  expectReported({"-p", "build", "ok.c"}, "build/compile_commands.json",
                 "malformed compilation database", "compilation-database");
}

TEST_F(Robustness, EmptyCompilationDatabase) {
  fs::create_directories(Dir + "/build");
  writeFile(Dir + "/build/compile_commands.json", "[]");
  writeFile(Dir + "/compile_flags.txt", include() + "\n");
  expectReported({"-p", "build", "ok.c"}, "build/compile_commands.json", "lists no files",
                 "compilation-database");
}

TEST_F(Robustness, EmptyCompilationDatabaseAlone) {
  fs::create_directories(Dir + "/build");
  writeFile(Dir + "/build/compile_commands.json", "[]");
  ToolRun R = runTool({"-p", "build"}, true, Dir);
  EXPECT_EQ(R.ExitCode, 2);
  auto Notes = notificationsOf(R.Sarif);
  ASSERT_EQ(Notes.size(), 1u) << R.Sarif.dump(2);
  EXPECT_EQ(Notes[0].Id, "compilation-database");
  EXPECT_TRUE(contains(Notes[0].Message, "lists no files"));
}

// Flags of another compiler are dropped with a warning; the file is still
// analysed completely (exit 1: findings, nothing left out).
TEST_F(Robustness, UnknownFlagsInTheDatabase) {
  nlohmann::json DB = nlohmann::json::array(
      {{{"directory", Dir},
        {"file", "ok.c"},
        {"arguments",
         {"clang", "-c", include(), "-fno-such-flag", "--weird-option=1", "-mno-such-cpu", "ok.c"}}}});
  fs::create_directories(Dir + "/build");
  writeFile(Dir + "/build/compile_commands.json", DB.dump());
  expectReported({"-p", "build"}, "ok.c", "unknown compiler argument '-fno-such-flag' ignored",
                 "compile-command", /*ExitCode=*/1);
  ToolRun R = runTool({"-p", "build"}, false, Dir);
  EXPECT_TRUE(contains(R.Stderr, "'--weird-option=1'")) << R.Stderr;
  EXPECT_TRUE(contains(R.Stderr, "'-mno-such-cpu'")) << R.Stderr;
}

TEST_F(Robustness, MissingInclude) {
  writeFile(Dir + "/noinc.c", "#include <no_such_header.h>\nint x;\n");
  expectReported({"noinc.c", "ok.c", "--", include()}, "noinc.c",
                 "'no_such_header.h' file not found", "compile-error");
}

// An error in a header says which translation unit it stopped: in the
// message, and in SARIF as a second location.
TEST_F(Robustness, ErrorInAHeaderNamesTheTranslationUnit) {
  writeFile(Dir + "/broken.h", "int broken = ;\n");
  writeFile(Dir + "/user.c", "#include \"broken.h\"\nint x;\n");
  ToolRun R = runTool({"user.c", "--format=sarif", "--", include()}, true, Dir);
  EXPECT_EQ(R.ExitCode, 2) << R.Stderr;
  const nlohmann::json &Notes = R.Sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"];
  ASSERT_EQ(Notes.size(), 1u) << R.Sarif.dump(1);
  EXPECT_TRUE(contains(Notes[0]["message"]["text"], "only the callbacks of user.c that compile"))
      << Notes.dump(1);
  ASSERT_EQ(Notes[0]["locations"].size(), 2u) << Notes.dump(1);
  EXPECT_EQ(Notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "broken.h");
  EXPECT_EQ(Notes[0]["locations"][1]["physicalLocation"]["artifactLocation"]["uri"], "user.c");
  // An error in the file itself keeps one location and "the file".
  writeFile(Dir + "/self.c", "int self = ;\n");
  R = runTool({"self.c", "--format=sarif", "--", include()}, true, Dir);
  const nlohmann::json &Own = R.Sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"];
  ASSERT_EQ(Own.size(), 1u) << R.Sarif.dump(1);
  EXPECT_EQ(Own[0]["locations"].size(), 1u) << Own.dump(1);
  EXPECT_TRUE(contains(Own[0]["message"]["text"], "callbacks of the file")) << Own.dump(1);
}

TEST_F(Robustness, SyntaxErrorInsideACallback) {
  fs::copy_file(repoRoot() + "/testdata/errors/syntax_error_in_callback.c", Dir + "/syn.c");
  expectReported({"syn.c", "ok.c", "--", include()}, "syn.c", "expected", "compile-error");
}

TEST_F(Robustness, BinaryGarbage) {
  std::mt19937 Random(20261125); // fixed seed: the same bytes every run
  std::string Bytes(64 * 1024, '\0');
  for (char &C : Bytes)
    C = static_cast<char>(Random());
  writeFile(Dir + "/garbage.c", Bytes);
  expectReported({"garbage.c", "ok.c", "--", include()}, "garbage.c", "error",
                 "compile-error");
}

TEST_F(Robustness, NonUtf8FileName) {
  const std::string Name = "drv\xff\xfe.c"; // not UTF-8
  fs::copy_file(Dir + "/ok.c", Dir + "/" + Name);
  ToolRun R = runTool({Name, "--", include()}, true, Dir);
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  ASSERT_TRUE(R.Sarif.is_object()); // still valid JSON
  // Messages that name the file carry it as valid UTF-8: each byte that is
  // not becomes U+FFFD.
  std::set<FindingKey> Expected;
  for (auto [Rule, Line, Message] : Healthy) {
    if (auto At = Message.find("ok.c:"); At != std::string::npos)
      Message.replace(At, 4, "drv\xEF\xBF\xBD\xEF\xBF\xBD.c");
    Expected.insert({Rule, Line, Message});
  }
  EXPECT_EQ(findingsIn(R.Sarif, "/" + Name), Expected);
  const auto &Uri = R.Sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
                     ["artifactLocation"]["uri"];
  EXPECT_EQ(Uri, "drv%FF%FE.c");

  // And when that file is broken, the notification still names it.
  fs::create_directories(Dir + "/bad\xfe.c");
  expectReported({"bad\xfe.c", "ok.c", "--", include()}, "bad", "Is a directory",
                 "unreadable-source");
}

// Old Mac line endings: Clang ends a line at a lone CR, so the findings keep
// their line numbers, and the SARIF log says which newlines it counted.
TEST_F(Robustness, LoneCarriageReturnLineEndings) {
  std::string Text = readFile(Dir + "/ok.c");
  std::replace(Text.begin(), Text.end(), '\n', '\r');
  writeFile(Dir + "/mac.c", Text);
  ToolRun R = runTool({"mac.c", "--", include()}, true, Dir);
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  std::set<std::pair<std::string, unsigned>> Expected, Found;
  for (const auto &[Rule, Line, Message] : Healthy)
    Expected.insert({Rule, Line});
  for (const auto &[Rule, Line, Message] : findingsIn(R.Sarif, "/mac.c"))
    Found.insert({Rule, Line});
  EXPECT_EQ(Found, Expected);
  EXPECT_EQ(R.Sarif["runs"][0]["newlineSequences"],
            nlohmann::json::array({"\r\n", "\n", "\r"}));
}

// 50 MB of declarations with a buggy callback at the very end: analysed
// completely (in about 5 s), and cut off cleanly under a short --timeout.
TEST_F(Robustness, FiftyMegabyteSource) {
  {
    std::ofstream Big(Dir + "/big.c", std::ios::binary);
    Big << "#include <vmbuskernelmodeclientlibapi.h>\n";
    for (unsigned I = 0; Big.tellp() < 50 * 1024 * 1024; ++I)
      Big << "static const int v" << I << " = " << I << ";\n";
    Big << "EVT_VMB_CHANNEL_SAVE_PACKET BigSave;\n"
           "NTSTATUS BigSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf,\n"
           "                 UINT32 SaveBufSize, PUINT32 BytesNeeded)\n"
           "{\n"
           "    *(PUINT32)SaveBuf = 1;\n"
           "    *BytesNeeded = sizeof(UINT32);\n"
           "    return STATUS_SUCCESS;\n"
           "}\n";
  }
  ASSERT_GE(fs::file_size(Dir + "/big.c"), 50u * 1024 * 1024);
  ToolRun Whole = runTool({"big.c", "ok.c", "--", include()}, true, Dir);
  EXPECT_EQ(Whole.ExitCode, 1) << Whole.Stderr;
  auto Big = findingsIn(Whole.Sarif, "/big.c");
  EXPECT_TRUE(std::any_of(Big.begin(), Big.end(),
                          [](const FindingKey &K) { return std::get<0>(K) == "VMB004"; }))
      << Whole.Sarif.dump(2).substr(0, 4000);
  EXPECT_EQ(findingsIn(Whole.Sarif, "/ok.c"), Healthy);

  expectReported({"--timeout=1", "big.c", "ok.c", "--", include()}, "big.c",
                 "--timeout of 1 s", "timeout");
}

std::string saveCallbackSettingBytesNeeded(const std::string &Expression) {
  return "#include <vmbuskernelmodeclientlibapi.h>\n"
         "EVT_VMB_CHANNEL_SAVE_PACKET DeepSave;\n"
         "NTSTATUS DeepSave(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf,\n"
         "                  UINT32 SaveBufSize, PUINT32 BytesNeeded)\n"
         "{\n"
         "    UINT32 v = SaveBufSize;\n"
         "    *BytesNeeded = " +
         Expression +
         ";\n"
         "    return STATUS_SUCCESS;\n"
         "}\n";
}

TEST_F(Robustness, DeeplyNestedExpressionBeyondTheBracketLimit) {
  writeFile(Dir + "/deep.c", saveCallbackSettingBytesNeeded(std::string(5000, '(') + "v" +
                                                            std::string(5000, ')')));
  expectReported({"deep.c", "ok.c", "--", include()}, "deep.c",
                 "bracket nesting level exceeded", "compile-error");
}

// With the limit raised, 20,000 levels parse and are analysed: the stack
// is big enough for the parser and the engine.
TEST_F(Robustness, DeeplyNestedExpressionWithTheLimitRaised) {
  writeFile(Dir + "/deep.c", saveCallbackSettingBytesNeeded(std::string(20000, '(') + "v" +
                                                            std::string(20000, ')')));
  ToolRun R = runTool({"deep.c", "ok.c", "--", include(), "-fbracket-depth=100000"}, true, Dir);
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  EXPECT_TRUE(notificationsOf(R.Sarif).empty()) << R.Sarif["runs"][0]["invocations"].dump(2);
  EXPECT_EQ(findingsIn(R.Sarif, "/ok.c"), Healthy);
}

// 20,000 terms: a left-leaning tree as deep as it is long.
TEST_F(Robustness, VeryLongExpression) {
  std::string Sum = "v";
  for (int I = 1; I < 20000; ++I)
    Sum += "+v";
  writeFile(Dir + "/long.c", saveCallbackSettingBytesNeeded(Sum));
  ToolRun R = runTool({"long.c", "ok.c", "--", include()}, true, Dir);
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  EXPECT_TRUE(notificationsOf(R.Sarif).empty()) << R.Sarif["runs"][0]["invocations"].dump(2);
  EXPECT_EQ(findingsIn(R.Sarif, "/ok.c"), Healthy);
}

TEST_F(Robustness, ThousandsOfPaths) {
  fs::copy_file(repoRoot() + "/testdata/errors/too_many_paths.c", Dir + "/paths.c");
  expectReported({"paths.c", "ok.c", "--", include()}, "paths.c",
                 "analysis of 'ManyPathsSave' stopped after", "analysis-incomplete");
  ToolRun R = runTool({"paths.c", "--", include()}, false, Dir);
  EXPECT_TRUE(contains(R.Stderr, "paths (150000 path nodes: the node budget, --max-nodes); "
                                 "results may be incomplete"))
      << R.Stderr;
}

// A file that crashes the compiler costs only that file: Clang's own debug
// pragma traps inside the parser, in the child process analysing it.
TEST_F(Robustness, CrashInOneFileCostsOnlyThatFile) {
  writeFile(Dir + "/crash.c", "#include <wdm.h>\n#pragma clang __debug crash\n");
  expectReported({"crash.c", "ok.c", "--", include()}, "crash.c",
                 "the analysis of this file failed (signal", "internal-error");
}

} // namespace
} // namespace vmbcheck::test
