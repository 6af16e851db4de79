// vmbcheck in CI and IDEs: configuration files and their precedence,
// baselines, parallel and sharded runs, fix-its, --explain.
#include "ToolRunner.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace vmbcheck::test {
namespace {

bool contains(const std::string &Haystack, const std::string &Needle) {
  return Haystack.find(Needle) != std::string::npos;
}

std::multiset<std::string> rulesOf(const nlohmann::json &Sarif) {
  std::multiset<std::string> Rules;
  for (const SarifFinding &F : findingsOf(Sarif))
    Rules.insert(F.RuleId);
  return Rules;
}

// A scratch directory with a copy of the example driver and the flags to
// build it.
struct Scratch {
  std::string Dir = makeTempDir();
  Scratch() {
    writeFile(Dir + "/compile_flags.txt", "-I" + repoRoot() + "/testdata/include\n");
  }
  ~Scratch() { fs::remove_all(Dir); }
  std::string copy(const std::string &From, const std::string &To) {
    fs::create_directories(fs::path(Dir + "/" + To).parent_path());
    fs::copy_file(repoRoot() + "/" + From, Dir + "/" + To, fs::copy_options::overwrite_existing);
    return To;
  }
};

TEST(Config, RulesAndLevelsFromTheClosestFileWithInheritance) {
  Scratch S;
  S.copy("testdata/example/vsp_example.c", "drv/a.c");
  writeFile(S.Dir + "/.vmbcheck.yaml", "Rules: 'VMB*,-VMB005'\nRuleLevels:\n  VMB002: error\n");
  writeFile(S.Dir + "/drv/.vmbcheck.yaml", "InheritParentConfig: true\nWarningsAsErrors: 'VMB003'\n");
  ToolRun R = runTool({"drv/a.c"}, true, S.Dir);
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  auto Rules = rulesOf(R.Sarif);
  EXPECT_EQ(Rules.count("VMB005"), 0u);
  EXPECT_EQ(Rules.count("VMB002"), 1u);
  for (const auto &Res : R.Sarif["runs"][0]["results"]) {
    std::string Rule = Res["ruleId"];
    if (Rule == "VMB002" || Rule == "VMB003")
      EXPECT_EQ(Res["level"], "error") << Rule;
  }
  // Without inheritance the parent's file does not apply.
  writeFile(S.Dir + "/drv/.vmbcheck.yaml", "WarningsAsErrors: 'VMB003'\n");
  ToolRun Alone = runTool({"drv/a.c"}, true, S.Dir);
  EXPECT_EQ(rulesOf(Alone.Sarif).count("VMB005"), 1u);
}

TEST(Config, CommandLineWins) {
  Scratch S;
  S.copy("testdata/example/vsp_example.c", "a.c");
  writeFile(S.Dir + "/.vmbcheck.yaml", "Rules: '-VMB*,VMB004'\nMaxNodes: 10\n");
  ToolRun FromFile = runTool({"a.c"}, true, S.Dir);
  EXPECT_EQ(FromFile.ExitCode, 2) << "MaxNodes: 10 must stop the analysis";
  ToolRun R = runTool({"--rules=VMB005", "--max-nodes=150000", "a.c"}, true, S.Dir);
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  auto Rules = rulesOf(R.Sarif);
  EXPECT_EQ(Rules, (std::multiset<std::string>{"VMB004", "VMB005"}));
}

TEST(Config, MalformedFileNamesFileLineAndKey) {
  Scratch S;
  S.copy("testdata/example/vsp_example.c", "a.c");
  writeFile(S.Dir + "/.vmbcheck.yaml", "Rules: 'VMB*'\nMaxNodez: 5\n");
  ToolRun R = runTool({"a.c"}, false, S.Dir);
  EXPECT_EQ(R.ExitCode, 2);
  EXPECT_TRUE(contains(R.Stderr, ".vmbcheck.yaml:2:")) << R.Stderr;
  // The typo is named by the key it resembles (what the file says is not
  // repeated: it may hold anything).
  EXPECT_TRUE(contains(R.Stderr, "unknown key; did you mean 'MaxNodes'?")) << R.Stderr;
}

TEST(Config, DumpConfigShowsTheEffectiveSettings) {
  Scratch S;
  S.copy("testdata/example/vsp_example.c", "a.c");
  writeFile(S.Dir + "/.vmbcheck.yaml", "Rules: '-VMB001'\nMaxSeconds: 5\n");
  ToolRun R = runTool({"--dump-config", "--warnings-as-errors=VMB004", "a.c"}, false, S.Dir);
  EXPECT_EQ(R.ExitCode, 0) << R.Stderr;
  EXPECT_TRUE(contains(R.Stdout, "Rules:")) << R.Stdout;
  EXPECT_TRUE(contains(R.Stdout, "-VMB001")) << R.Stdout;
  EXPECT_TRUE(contains(R.Stdout, "WarningsAsErrors: VMB004")) << R.Stdout;
  EXPECT_TRUE(contains(R.Stdout, "MaxSeconds:      5")) << R.Stdout;
}

TEST(Suppressions, IncludedInSarifOnlyOnRequest) {
  ToolRun Plain = runTool({"testdata/suppressions/nolint_forms.c"}, true);
  EXPECT_EQ(findingsOf(Plain.Sarif).size(), 1u);
  ToolRun All = runTool({"--include-suppressed", "testdata/suppressions/nolint_forms.c"}, true);
  size_t Suppressed = 0;
  for (const auto &Res : All.Sarif["runs"][0]["results"])
    if (Res.contains("suppressions")) {
      ++Suppressed;
      EXPECT_EQ(Res["suppressions"][0]["kind"], "inSource");
      EXPECT_TRUE(contains(Res["suppressions"][0]["justification"], "NOLINT"));
    }
  EXPECT_EQ(Suppressed, 3u);
  EXPECT_EQ(All.ExitCode, 1); // suppressed findings do not count
}

TEST(Baseline, InsertedLinesDoNotResurrectKnownFindings) {
  Scratch S;
  S.copy("testdata/example/vsp_example.c", "a.c");
  ToolRun Adopt = runTool({"--write-baseline=base.sarif", "a.c"}, false, S.Dir);
  EXPECT_EQ(Adopt.ExitCode, 0) << Adopt.Stderr;
  ASSERT_TRUE(fs::exists(S.Dir + "/base.sarif"));

  std::string Source = readFile(S.Dir + "/a.c");
  Source.insert(Source.find("typedef struct _VSP_PACKET_CONTEXT"),
                "/* unrelated\n   lines */\n#define VSP_UNUSED 1\n\n");
  writeFile(S.Dir + "/a.c", Source);
  ToolRun Same = runTool({"--baseline=base.sarif", "a.c"}, true, S.Dir);
  EXPECT_EQ(Same.ExitCode, 0) << Same.Stderr;
  EXPECT_TRUE(findingsOf(Same.Sarif).empty());

  // A new finding is reported, marked new, and fails the run.
  Source += "\nEVT_VMB_CHANNEL_SAVE_PACKET NewSave;\n_Use_decl_annotations_\n"
            "NTSTATUS NewSave(VMBCHANNEL C, VMBPACKET P, PVOID B, UINT32 N, PUINT32 Needed)\n"
            "{\n    return STATUS_SUCCESS;\n}\n";
  writeFile(S.Dir + "/a.c", Source);
  ToolRun New = runTool({"--baseline=base.sarif", "a.c"}, true, S.Dir);
  EXPECT_EQ(New.ExitCode, 1);
  auto Results = New.Sarif["runs"][0]["results"];
  ASSERT_EQ(Results.size(), 1u);
  EXPECT_EQ(Results[0]["ruleId"], "VMB002");
  EXPECT_EQ(Results[0]["baselineState"], "new");
}

TEST(Parallel, OutputDoesNotDependOnJobs) {
  std::vector<std::string> Files = {"testdata/example/vsp_example.c",
                                    "testdata/VMB005/cross_file_without_role/channel.c",
                                    "testdata/VMB005/cross_file_without_role/save.c",
                                    "testdata/errors/missing_header.c"};
  for (const auto &E : fs::directory_iterator(repoRoot() + "/testdata/VMB003"))
    Files.push_back(fs::relative(E.path(), repoRoot()).string());
  std::vector<std::string> One = Files, Two = Files;
  One.insert(One.begin(), "-j1");
  Two.insert(Two.begin(), "-j2");
  std::string Dir = makeTempDir();
  One.insert(One.begin(), {"--format=sarif", "-o", Dir + "/one.sarif"});
  Two.insert(Two.begin(), {"--format=sarif", "-o", Dir + "/two.sarif"});
  runTool(One);
  runTool(Two);
  std::string A = readFile(Dir + "/one.sarif"), B = readFile(Dir + "/two.sarif");
  EXPECT_FALSE(A.empty());
  EXPECT_EQ(A, B);
  fs::remove_all(Dir);
}

TEST(Parallel, ShardsMergeIntoTheFullRun) {
  std::vector<std::string> Files;
  for (const char *Group : {"testdata/VMB004", "testdata/example", "testdata/errors"})
    for (const auto &E : fs::directory_iterator(repoRoot() + "/" + Group))
      if (E.path().extension() == ".c")
        Files.push_back(fs::relative(E.path(), repoRoot()).string());
  std::string Dir = makeTempDir();
  auto Run = [&](std::vector<std::string> Extra, const std::string &Out) {
    std::vector<std::string> Args = {"--format=sarif", "-o", Dir + "/" + Out};
    Args.insert(Args.end(), Extra.begin(), Extra.end());
    Args.insert(Args.end(), Files.begin(), Files.end());
    return runTool(Args);
  };
  Run({}, "full.sarif");
  Run({"--shard=1/3"}, "s1.sarif");
  Run({"--shard=2/3"}, "s2.sarif");
  Run({"--shard=3/3"}, "s3.sarif");
  ToolRun M = runTool({"merge", Dir + "/s1.sarif", Dir + "/s2.sarif", Dir + "/s3.sarif", "-o",
                       Dir + "/merged.sarif"});
  EXPECT_EQ(M.ExitCode, 0) << M.Stderr;
  auto Full = nlohmann::json::parse(readFile(Dir + "/full.sarif"));
  auto Merged = nlohmann::json::parse(readFile(Dir + "/merged.sarif"));
  EXPECT_GT(Full["runs"][0]["results"].size(), 10u);
  EXPECT_TRUE(Full == Merged) << "the merged shards differ from the full run";
  EXPECT_EQ(Full["runs"][0]["results"], Merged["runs"][0]["results"]);
  EXPECT_EQ(Full["runs"][0]["invocations"], Merged["runs"][0]["invocations"]);
  // The shards really are parts.
  auto S1 = nlohmann::json::parse(readFile(Dir + "/s1.sarif"));
  EXPECT_LT(S1["runs"][0]["results"].size(), Full["runs"][0]["results"].size());
  fs::remove_all(Dir);
}

TEST(FixIts, ClangApplyReplacementsRemovesTheFindings) {
  Scratch S;
  S.copy("testdata/VMB005/registered_without_role_type.c", "fix/a.c");
  S.copy("testdata/VMB005/registered_through_method_table.c", "fix/b.c");
  writeFile(S.Dir + "/fix/c.c",
            "#include <vmbuskernelmodeclientlibapi.h>\n"
            "EVT_VMB_CHANNEL_SAVE_PACKET Forgetful;\n"
            "_Use_decl_annotations_\n"
            "NTSTATUS Forgetful(VMBCHANNEL Channel, VMBPACKET Packet, PVOID SaveBuf,\n"
            "                   UINT32 SaveBufSize, PUINT32 BytesNeeded)\n"
            "{\n"
            "    if (SaveBufSize == 0) {\n"
            "        return STATUS_SUCCESS;\n"
            "    }\n"
            "    return STATUS_SUCCESS;\n"
            "}\n");
  std::vector<std::string> Files = {"fix/a.c", "fix/b.c", "fix/c.c"};
  ToolRun Before = runTool(Files, true, S.Dir);
  auto Rules = rulesOf(Before.Sarif);
  EXPECT_EQ(Rules.count("VMB005"), 2u);
  EXPECT_EQ(Rules.count("VMB002"), 2u);

  fs::create_directories(S.Dir + "/fixes");
  std::vector<std::string> Export = Files;
  Export.insert(Export.begin(), "--export-fixes=fixes/vmbcheck.yaml");
  runTool(Export, false, S.Dir);
  std::string Yaml = readFile(S.Dir + "/fixes/vmbcheck.yaml");
  EXPECT_TRUE(contains(Yaml, "ReplacementText")) << Yaml;
  int Status = std::system(("clang-apply-replacements-19 " + S.Dir + "/fixes").c_str());
  ASSERT_EQ(Status, 0);

  ToolRun After = runTool(Files, true, S.Dir);
  EXPECT_TRUE(notificationsOf(After.Sarif).empty()) << After.Stderr;
  auto Left = rulesOf(After.Sarif);
  EXPECT_EQ(Left.count("VMB005"), 0u);
  EXPECT_EQ(Left.count("VMB002"), 0u);
  EXPECT_TRUE(contains(readFile(S.Dir + "/fix/c.c"), "*BytesNeeded = 0;"));
}

TEST(FixIts, FixAppliesInPlace) {
  Scratch S;
  S.copy("testdata/VMB005/stored_in_pfn_global.c", "a.c");
  ToolRun Fix = runTool({"--fix", "a.c"}, false, S.Dir);
  EXPECT_TRUE(contains(Fix.Stderr, "applied 1 fix")) << Fix.Stderr;
  EXPECT_TRUE(contains(readFile(S.Dir + "/a.c"), "EVT_VMB_CHANNEL_SAVE_PACKET GlobalStoredSave;"));
  ToolRun After = runTool({"a.c"}, true, S.Dir);
  EXPECT_EQ(After.ExitCode, 0) << After.Stderr;
}

TEST(Explain, PrintsTheRulePage) {
  ToolRun R = runTool({"--explain", "VMB003"});
  EXPECT_EQ(R.ExitCode, 0);
  EXPECT_TRUE(contains(R.Stdout, "# VMB003 zero-size-must-fail")) << R.Stdout;
  ToolRun Bad = runTool({"--explain", "VMB999"});
  EXPECT_EQ(Bad.ExitCode, 2);
  ToolRun Sarif = runTool({"testdata/example/vsp_example.c"}, true);
  for (const auto &Rule : Sarif.Sarif["runs"][0]["tool"]["driver"]["rules"])
    EXPECT_TRUE(contains(Rule["helpUri"], "/rules/docs/" + Rule["id"].get<std::string>() + ".md"));
}

} // namespace
} // namespace vmbcheck::test
