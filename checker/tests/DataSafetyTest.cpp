// A user's files are never damaged: every write is atomic and checked, no
// output may overwrite an input, and --fix only edits the bytes it analysed.
#include "ToolRunner.h"
#include "report/Fixes.h"

#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace vmbcheck::test {
namespace {

bool contains(const std::string &Haystack, const std::string &Needle) {
  return Haystack.find(Needle) != std::string::npos;
}

struct Scratch {
  std::string Dir = makeTempDir();
  Scratch() { writeFile(Dir + "/compile_flags.txt", "-I" + repoRoot() + "/testdata/include\n"); }
  ~Scratch() { fs::remove_all(Dir); }
  void copy(const std::string &From, const std::string &To) {
    fs::copy_file(repoRoot() + "/" + From, Dir + "/" + To, fs::copy_options::overwrite_existing);
  }
  // Files in Dir other than the ones named: temporaries left behind.
  std::vector<std::string> strays(std::initializer_list<std::string> Known) {
    std::vector<std::string> Out;
    for (const auto &E : fs::directory_iterator(Dir)) {
      std::string N = E.path().filename().string();
      if (std::find(Known.begin(), Known.end(), N) == Known.end())
        Out.push_back(N);
    }
    return Out;
  }
};

// Runs the tool with a file-size limit (ulimit -f) of Bytes.
ToolRun runWithFileSizeLimit(rlim_t Bytes, const std::vector<std::string> &Args,
                             const std::string &Dir) {
  rlimit Old;
  getrlimit(RLIMIT_FSIZE, &Old);
  rlimit Low = Old;
  Low.rlim_cur = Bytes;
  auto OldHandler = std::signal(SIGXFSZ, SIG_IGN);
  setrlimit(RLIMIT_FSIZE, &Low);
  ToolRun R = runTool(Args, false, Dir);
  setrlimit(RLIMIT_FSIZE, &Old);
  std::signal(SIGXFSZ, OldHandler);
  return R;
}

TEST(DataSafety, AFailedReportWriteLeavesTheOldFileIntact) {
  Scratch S;
  S.copy("testdata/example/vsp_example.c", "a.c");
  const std::string Old = "the previous report\n";
  writeFile(S.Dir + "/report.sarif", Old);
  // The SARIF report is some kilobytes: a 2,000-byte limit stops it midway.
  ToolRun R = runWithFileSizeLimit(2000, {"a.c", "--format=sarif", "-o", "report.sarif"}, S.Dir);
  EXPECT_EQ(R.ExitCode, 2) << R.Stderr;
  EXPECT_TRUE(contains(R.Stderr, "report.sarif: cannot write: File too large")) << R.Stderr;
  EXPECT_EQ(readFile(S.Dir + "/report.sarif"), Old);
  EXPECT_EQ(S.strays({"a.c", "compile_flags.txt", "report.sarif"}), std::vector<std::string>{});

  // Same for the baseline and the exported fixes; no count is claimed.
  writeFile(S.Dir + "/base.sarif", Old);
  R = runWithFileSizeLimit(2000, {"a.c", "--write-baseline=base.sarif"}, S.Dir);
  EXPECT_EQ(R.ExitCode, 2) << R.Stderr;
  EXPECT_FALSE(contains(R.Stderr, "wrote")) << R.Stderr;
  EXPECT_EQ(readFile(S.Dir + "/base.sarif"), Old);

  // Without the limit the same run replaces the file whole.
  R = runTool({"a.c", "--format=sarif", "-o", "report.sarif"}, false, S.Dir);
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  EXPECT_TRUE(contains(readFile(S.Dir + "/report.sarif"), "\"version\": \"2.1.0\""));
}

TEST(DataSafety, AnOutputThatIsAnInputIsRefused) {
  Scratch S;
  S.copy("testdata/example/vsp_example.c", "a.c");
  std::string Source = readFile(S.Dir + "/a.c");
  fs::create_hard_link(S.Dir + "/a.c", S.Dir + "/link.c");
  for (const char *Out : {"a.c", "./a.c", "link.c"}) {
    ToolRun R = runTool({"a.c", "-o", Out}, false, S.Dir);
    EXPECT_EQ(R.ExitCode, 2) << Out;
    EXPECT_TRUE(contains(R.Stderr, "the output is also an input")) << R.Stderr;
    EXPECT_EQ(readFile(S.Dir + "/a.c"), Source) << Out;
  }
  runTool({"a.c", "--write-baseline=base.sarif"}, false, S.Dir);
  std::string Base = readFile(S.Dir + "/base.sarif");
  ASSERT_FALSE(Base.empty());
  ToolRun R = runTool({"a.c", "--baseline=base.sarif", "--write-baseline=base.sarif"}, false, S.Dir);
  EXPECT_EQ(R.ExitCode, 2) << R.Stderr;
  EXPECT_EQ(readFile(S.Dir + "/base.sarif"), Base);
  R = runTool({"merge", "base.sarif", "-o", "base.sarif"}, false, S.Dir);
  EXPECT_EQ(R.ExitCode, 2) << R.Stderr;
  EXPECT_TRUE(contains(R.Stderr, "the output is also an input")) << R.Stderr;
  EXPECT_EQ(readFile(S.Dir + "/base.sarif"), Base);
}

// A finding with one fix that inserts Text at Offset of File, computed from
// content whose digest is Digest.
Finding findingWithFix(const std::string &File, unsigned Offset, unsigned Length,
                       const std::string &Text, const std::string &Digest) {
  Finding F;
  F.RuleId = "VMB005";
  TextEdit E;
  E.File = File;
  E.Offset = Offset;
  E.Length = Length;
  E.Replacement = Text;
  E.Digest = Digest;
  F.Fixes.push_back({"fix", {E}});
  return F;
}

TEST(DataSafety, FixesApplyOnlyToTheBytesTheyWereComputedFrom) {
  Scratch S;
  std::string Path = S.Dir + "/drv.c";
  std::string Text = "int a;\nint b;\n";
  writeFile(Path, Text);
  std::string Digest = contentDigest(Text);

  // Changed since the analysis: refused, untouched.
  Finding Stale = findingWithFix(Path, 0, 0, "int z;\n", contentDigest("int a;\n"));
  std::vector<std::string> Errors;
  EXPECT_EQ(applyFixes({&Stale}, Errors), 0u);
  ASSERT_EQ(Errors.size(), 1u);
  EXPECT_TRUE(contains(Errors[0], "changed since it was analysed")) << Errors[0];
  EXPECT_EQ(readFile(Path), Text);

  // Two fixes of one run that overlap: refused, untouched.
  Finding A = findingWithFix(Path, 0, 5, "long a", Digest);
  Finding B = findingWithFix(Path, 4, 2, "x;", Digest);
  Errors.clear();
  EXPECT_EQ(applyFixes({&A, &B}, Errors), 0u);
  ASSERT_EQ(Errors.size(), 1u);
  EXPECT_TRUE(contains(Errors[0], "overlapping")) << Errors[0];
  EXPECT_EQ(readFile(Path), Text);

  // One file reached through two names: refused for both.
  fs::create_symlink(Path, S.Dir + "/alias.c");
  Finding ByName = findingWithFix(Path, 0, 0, "int y;\n", Digest);
  Finding ByLink = findingWithFix(S.Dir + "/alias.c", 7, 0, "int w;\n", Digest);
  Errors.clear();
  EXPECT_EQ(applyFixes({&ByName, &ByLink}, Errors), 0u);
  EXPECT_EQ(Errors.size(), 2u);
  EXPECT_EQ(readFile(Path), Text);

  // The fix as computed: applied, in the file's own line ending.
  std::string Crlf = "int a;\r\nint b;\r\n";
  writeFile(Path, Crlf);
  Finding Good = findingWithFix(Path, 8, 0, "int c;\n\n", contentDigest(Crlf));
  Errors.clear();
  EXPECT_EQ(applyFixes({&Good}, Errors), 1u);
  EXPECT_TRUE(Errors.empty());
  EXPECT_EQ(readFile(Path), "int a;\r\nint c;\r\n\r\nint b;\r\n");
}

TEST(DataSafety, FixInACrlfSourceKeepsCrlf) {
  Scratch S;
  std::string Text = readFile(repoRoot() + "/testdata/VMB005/stored_in_pfn_global.c");
  std::string Crlf;
  for (char C : Text) {
    if (C == '\n')
      Crlf += '\r';
    Crlf += C;
  }
  writeFile(S.Dir + "/a.c", Crlf);
  ToolRun Fix = runTool({"--fix", "a.c"}, false, S.Dir);
  EXPECT_TRUE(contains(Fix.Stderr, "applied 1 fix")) << Fix.Stderr;
  std::string After = readFile(S.Dir + "/a.c");
  EXPECT_TRUE(contains(After, "EVT_VMB_CHANNEL_SAVE_PACKET GlobalStoredSave;\r\n")) << After;
  for (size_t I = 0; I < After.size(); ++I)
    if (After[I] == '\n')
      ASSERT_TRUE(I > 0 && After[I - 1] == '\r') << "a bare LF at byte " << I;
}

TEST(DataSafety, TheCompilationDatabaseCannotWriteFilesOrLoadCode) {
  Scratch S;
  S.copy("testdata/example/vsp_example.c", "a.c");
  S.copy("testdata/example/vsp_example.c", "b.c");
  fs::remove(S.Dir + "/compile_flags.txt");
  std::string Inc = repoRoot() + "/testdata/include";
  std::string D = S.Dir;
  nlohmann::json Db = nlohmann::json::array();
  Db.push_back({{"directory", D},
                {"file", "a.c"},
                {"arguments",
                 {"clang", "-c", "-O2", "-g", "-I" + Inc, "-DVSP=1", "-MD", "-MF", D + "/out.d",
                  "--serialize-diagnostics", D + "/out.dia", "-ftime-trace",
                  "-ftime-trace-granularity=0", "-save-temps=obj", "-Xclang", "-load", "-Xclang",
                  D + "/plugin.so", "-fplugin=" + D + "/plugin.so",
                  "-fprofile-instr-generate=" + D + "/out.profraw", "-Werror", "-Wall",
                  "-Wp,-MD," + D + "/out2.d", "-Xclang", "-dependency-file", "-Xclang",
                  D + "/out3.d", "-o", D + "/a.o", "a.c"}}});
  Db.push_back({{"directory", D},
                {"file", "b.c"},
                {"command", "cl.exe /c /nologo /W4 /WX /Zi /Od /Fo" + D + "/b.obj /Fd" + D +
                                "/b.pdb /I" + Inc + " /DVSP /kernel /Zc:wchar_t /analyze "
                                "/showIncludes /Fp" + D + "/b.pch b.c"}});
  writeFile(S.Dir + "/compile_commands.json", Db.dump(1));
  writeFile(S.Dir + "/plugin.so", "not a plugin: loading it would fail the run\n");
  ToolRun R = runTool({"-p", ".", "a.c", "b.c"}, false, S.Dir);
  // Analysed as usual (the findings of the example), with one warning
  // naming what was dropped.
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  EXPECT_TRUE(contains(R.Stdout, "a.c:59:5: error:")) << R.Stdout;
  EXPECT_TRUE(contains(R.Stdout, "b.c:59:5: error:")) << R.Stdout;
  EXPECT_TRUE(contains(R.Stderr, "dropped")) << R.Stderr;
  for (const char *Option : {"-fplugin=", "-ftime-trace", "--serialize-diagnostics", "-save-temps",
                             "-load", "-fprofile-instr-generate", "-Wp,-MD", "-dependency-file"})
    EXPECT_TRUE(contains(R.Stderr, Option)) << Option << "\n" << R.Stderr;
  // /WX and -Werror are build gates, not analysis options: no warning, and
  // no compile warning became an error.
  EXPECT_FALSE(contains(R.Stderr, "/WX")) << R.Stderr;
  EXPECT_FALSE(contains(R.Stderr, "not completely analysed")) << R.Stderr;
  std::vector<std::string> Left = S.strays({"a.c", "b.c", "compile_commands.json", "plugin.so"});
  EXPECT_EQ(Left, std::vector<std::string>{}) << "the analysis wrote files";

  // A file the database does not list borrows a neighbour's command, which
  // ends in `-- <file>`: still analysed.
  S.copy("testdata/example/vsp_example.c", "c.c");
  R = runTool({"-p", ".", "c.c"}, false, S.Dir);
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  EXPECT_TRUE(contains(R.Stdout, "c.c:59:5: error:")) << R.Stdout;
}

TEST(DataSafety, MalformedConfigurationAndSarifNeverCrash) {
  Scratch S;
  S.copy("testdata/example/vsp_example.c", "a.c");
  std::string Utf16 = "\xFF\xFE";
  for (char C : std::string("Rules: 'VMB*,-VMB005'\n")) {
    Utf16 += C;
    Utf16 += '\0';
  }
  writeFile(S.Dir + "/utf16.yaml", Utf16);
  ToolRun R = runTool({"a.c", "--config-file=utf16.yaml"}, false, S.Dir);
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr; // decoded: VMB005 is off, the rest found
  EXPECT_FALSE(contains(R.Stdout, "VMB005")) << R.Stdout;
  EXPECT_TRUE(contains(R.Stdout, "VMB004")) << R.Stdout;
  struct Bad {
    std::string Name, Text, Cause;
  } Configs[] = {
      {"bin.yaml", std::string("\x7F" "ELF\x02\x01\x01\0\0\xff\xfe", 12), "not a text file"},
      {"ctl.yaml", "\x01Rules: x\n", "a control character"},
      {"scalar.yaml", "just words\n", "expected a mapping"},
      {"list.yaml", "- a\n- b\n", "expected a mapping"},
      {"nan.yaml", "MaxSeconds: .nan\n", "invalid floating point number"},
      {"inf.yaml", "MaxSeconds: 1e999\n", "MaxSeconds must be a positive number"},
  };
  for (const Bad &B : Configs) {
    writeFile(S.Dir + "/" + B.Name, B.Text);
    R = runTool({"a.c", "--config-file=" + B.Name}, false, S.Dir);
    EXPECT_EQ(R.ExitCode, 2) << B.Name;
    EXPECT_TRUE(contains(R.Stderr, B.Name) && contains(R.Stderr, B.Cause)) << R.Stderr;
    EXPECT_FALSE(contains(R.Stderr, "Stack dump")) << R.Stderr;
  }
  std::string Deep = "{\"version\":\"2.1.0\",\"runs\":[{\"properties\":{\"a\":" +
                     std::string(5000000, '[') + std::string(5000000, ']') + "}}]}";
  Bad Logs[] = {
      {"deep.sarif", Deep, "nested deeper than"},
      {"noloc.sarif", R"({"version":"2.1.0","runs":[{"results":[{"ruleId":"VMB001"}]}]})", ""},
      {"emptyloc.sarif",
       R"({"version":"2.1.0","runs":[{"results":[{"ruleId":"VMB001","locations":[]}]}]})", ""},
      {"types.sarif", R"({"version":"2.1.0","runs":[{"results":[{"ruleId":5,"locations":[7]}]}]})",
       ""},
      {"runs.sarif", R"({"runs":"x"})", ""},
  };
  for (const Bad &B : Logs) {
    writeFile(S.Dir + "/" + B.Name, B.Text);
    for (const std::vector<std::string> &Args :
         {std::vector<std::string>{"a.c", "--baseline=" + B.Name},
          std::vector<std::string>{"merge", B.Name, "-o", "merged.sarif"}}) {
      R = runTool(Args, false, S.Dir);
      EXPECT_EQ(R.ExitCode, 2) << B.Name << " " << Args[0];
      EXPECT_TRUE(contains(R.Stderr, B.Name)) << R.Stderr;
      EXPECT_TRUE(contains(R.Stderr, B.Cause)) << R.Stderr;
      EXPECT_FALSE(contains(R.Stderr, "Stack dump")) << R.Stderr;
    }
  }
}

TEST(DataSafety, InputsAreReadOnlyWhenRegularFilesWithinTheLimit) {
  Scratch S;
  S.copy("testdata/example/vsp_example.c", "a.c");
  ASSERT_EQ(mkfifo((S.Dir + "/fifo").c_str(), 0600), 0);
  // Each would block the run forever if it were opened.
  struct Case {
    std::vector<std::string> Args;
    std::string Cause;
  } Cases[] = {
      {{"a.c", "--config-file=fifo"}, "fifo: cannot read the configuration: not a regular file"},
      {{"a.c", "--baseline=fifo"}, "fifo: cannot read the baseline: not a regular file"},
      {{"merge", "fifo", "-o", "out.sarif"}, "fifo: cannot read the SARIF log: not a regular file"},
      {{"a.c", "--config-file=."}, ": cannot read the configuration: is a directory"},
  };
  for (const Case &C : Cases) {
    ToolRun R = runTool(C.Args, false, S.Dir);
    EXPECT_EQ(R.ExitCode, 2) << C.Args[1];
    EXPECT_TRUE(contains(R.Stderr, C.Cause)) << R.Stderr;
  }
  // A compilation database that is a FIFO (-p, and found next to a source).
  fs::create_directories(S.Dir + "/db");
  ASSERT_EQ(mkfifo((S.Dir + "/db/compile_commands.json").c_str(), 0600), 0);
  ToolRun R = runTool({"-p", "db", "a.c"}, false, S.Dir);
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_TRUE(contains(R.Stderr, "compile_commands.json: cannot read the compilation database: "
                                 "not a regular file")) << R.Stderr;
  fs::copy_file(S.Dir + "/a.c", S.Dir + "/db/b.c");
  R = runTool({"db/b.c", "--extra-arg=-I" + repoRoot() + "/testdata/include"}, false, S.Dir);
  EXPECT_EQ(R.ExitCode, 2) << R.Stderr;
  EXPECT_TRUE(contains(R.Stderr, "compile_commands.json: cannot read the compilation database: "
                                 "not a regular file")) << R.Stderr;
  EXPECT_TRUE(contains(R.Stderr, "the file was analysed with default flags")) << R.Stderr;
  EXPECT_TRUE(contains(R.Stdout, "b.c:59:5: error:")) << R.Stdout;

  // Larger than --max-input-size.
  writeFile(S.Dir + "/big.yaml", "# " + std::string(2 * 1024 * 1024, 'x') + "\n");
  R = runTool({"a.c", "--config-file=big.yaml", "--max-input-size=1"}, false, S.Dir);
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_TRUE(contains(R.Stderr, "big.yaml: cannot read the configuration: larger than 1 MiB"))
      << R.Stderr;

  // A response file that names itself: one line, the file still analysed.
  writeFile(S.Dir + "/loop.rsp", "-DLOOP @loop.rsp\n");
  R = runTool({"a.c", "--", "-I" + repoRoot() + "/testdata/include", "@loop.rsp"}, false, S.Dir);
  EXPECT_EQ(R.ExitCode, 2) << R.Stderr;
  size_t Count = 0;
  for (size_t P = R.Stderr.find("response file not expanded"); P != std::string::npos;
       P = R.Stderr.find("response file not expanded", P + 1))
    ++Count;
  EXPECT_EQ(Count, 1u) << R.Stderr;
  EXPECT_TRUE(contains(R.Stdout, "a.c:59:5: error:")) << R.Stdout;
}

TEST(DataSafety, MessagesNeverQuoteFilesThatAreNotSources) {
  Scratch S;
  S.copy("testdata/example/vsp_example.c", "a.c");
  fs::create_directories(S.Dir + "/db");
  writeFile(S.Dir + "/db/compile_commands.json",
            R"([{"directory": "/tmp", "file": "a.c", "command": "cc a.c", "TOKEN_db_1234": "v"}])");
  writeFile(S.Dir + "/conf.yaml", "TOKEN_yaml_5678: 1\n");
  for (const std::vector<std::string> &Args :
       {std::vector<std::string>{"-p", "db", "a.c", "--format=sarif"},
        std::vector<std::string>{"--config-file=conf.yaml", "a.c", "--format=sarif"}}) {
    ToolRun R = runTool(Args, false, S.Dir);
    EXPECT_EQ(R.ExitCode, 2) << R.Stderr;
    EXPECT_FALSE(contains(R.Stderr, "TOKEN_")) << R.Stderr;
    EXPECT_FALSE(contains(R.Stdout, "TOKEN_")) << R.Stdout;
    EXPECT_TRUE(contains(R.Stderr + R.Stdout, Args[0] == "-p" ? "Unknown key" : "unknown key"))
        << R.Stderr;
  }
}

TEST(DataSafety, BudgetsOnTheCommandLineAreValidated) {
  for (const char *Bad : {"--max-seconds=nan", "--max-seconds=-1", "--max-seconds=inf",
                          "--timeout=-5", "--timeout=nan", "--max-nodes=0",
                          "--max-input-size=0", "--max-nodes=99999999999999999999"}) {
    ToolRun R = runTool({Bad, "testdata/example/vsp_example.c"});
    EXPECT_EQ(R.ExitCode, 2) << Bad;
    EXPECT_TRUE(R.Stdout.empty()) << Bad << ": analysed anyway";
  }
}

} // namespace
} // namespace vmbcheck::test
