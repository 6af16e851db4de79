// The same input gives byte-identical output: across runs, -j values, the
// order the files are named in and the directory vmbcheck starts in. CI
// diffs and caches SARIF logs, and GitHub matches results by fingerprint.
#include "ToolRunner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace vmbcheck::test {
namespace {

// Several rules, a file that does not compile and a callback over budget.
std::vector<std::string> inputs(const std::string &Prefix) {
  std::vector<std::string> Files;
  for (const char *Dir : {"testdata/VMB003", "testdata/VMB004", "testdata/discovery"})
    for (const auto &E : fs::directory_iterator(repoRoot() + "/" + Dir))
      if (E.path().extension() == ".c")
        Files.push_back(Prefix + Dir + "/" + E.path().filename().string());
  std::sort(Files.begin(), Files.end());
  Files.push_back(Prefix + "testdata/errors/missing_header.c");
  Files.push_back(Prefix + "testdata/errors/too_many_paths.c");
  return Files;
}

ToolRun run(std::vector<std::string> Args, const std::string &Format, const std::string &Jobs,
            const std::string &WorkDir = "") {
  std::string Tmp = makeTempDir();
  std::vector<std::string> Full = {"--format=" + Format, "-j", Jobs, "-o", Tmp + "/out"};
  Full.insert(Full.end(), Args.begin(), Args.end());
  ToolRun R = runTool(Full, false, WorkDir);
  R.Stdout = readFile(Tmp + "/out");
  fs::remove_all(Tmp);
  return R;
}

TEST(Determinism, SameBytesAcrossRunsJobsAndOrder) {
  std::vector<std::string> Files = inputs("");
  for (const char *Format : {"sarif", "text"}) {
    ToolRun First = run(Files, Format, "1");
    EXPECT_EQ(First.ExitCode, 2) << First.Stderr;
    ASSERT_GT(First.Stdout.size(), 1000u) << Format;
    EXPECT_EQ(run(Files, Format, "1").Stdout, First.Stdout) << Format << ": second run";
    EXPECT_EQ(run(Files, Format, "2").Stdout, First.Stdout) << Format << ": -j 2";
    std::vector<std::string> Reversed(Files.rbegin(), Files.rend());
    EXPECT_EQ(run(Reversed, Format, "2").Stdout, First.Stdout) << Format << ": reversed order";
  }
}

// SARIF URIs are relative to the git work tree holding the sources, whose
// path is recorded once (originalUriBaseIds, and the repository of
// versionControlProvenance when it has no remote): the same log from the
// repository root, from a subdirectory and from outside the tree.
TEST(Determinism, SarifIndependentOfTheWorkingDirectory) {
  if (!fs::exists(repoRoot() + "/.git"))
    GTEST_SKIP() << "the sources are not in a git work tree; URIs are then relative to the "
                    "working directory by design";
  ToolRun AtRoot = run(inputs(""), "sarif", "2");
  ASSERT_GT(AtRoot.Stdout.size(), 1000u);
  auto Log = nlohmann::json::parse(AtRoot.Stdout);
  auto &Run = Log["runs"][0];
  EXPECT_EQ(Run["originalUriBaseIds"]["%SRCROOT%"]["uri"],
            "file://" + fs::canonical(repoRoot()).string() + "/");
  Run.erase("originalUriBaseIds");
  Run.erase("versionControlProvenance");
  EXPECT_EQ(Log.dump().find(repoRoot()), std::string::npos)
      << "an absolute path elsewhere in the log";
  ToolRun InSub = run(inputs("../"), "sarif", "2", repoRoot() + "/testdata");
  EXPECT_EQ(InSub.Stdout, AtRoot.Stdout);
  std::string Outside = makeTempDir();
  ToolRun FromOutside = run(inputs(repoRoot() + "/"), "sarif", "2", Outside);
  EXPECT_EQ(FromOutside.Stdout, AtRoot.Stdout);
  fs::remove_all(Outside);
}

} // namespace
} // namespace vmbcheck::test
