// The analysis processes are vmbcheck's to control: a signal to vmbcheck
// ends them all and reports what finished, none outlives vmbcheck, each has
// a memory limit, -j beyond the descriptor limit waits instead of dropping
// files, and --no-isolation still honours --timeout.
#include "ToolRunner.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char **environ;
namespace fs = std::filesystem;

namespace vmbcheck::test {
namespace {

bool contains(const std::string &Haystack, const std::string &Needle) {
  return Haystack.find(Needle) != std::string::npos;
}

// vmbcheck started in the background, output to files.
struct Background {
  pid_t Pid = -1;
  std::string Dir = makeTempDir();
  Background(const std::vector<std::string> &Args, const std::string &WorkDir) {
    posix_spawn_file_actions_t Actions;
    posix_spawn_file_actions_init(&Actions);
    posix_spawn_file_actions_addopen(&Actions, 1, (Dir + "/out").c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&Actions, 2, (Dir + "/err").c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::string Tool = toolPath();
    std::vector<std::string> Full{Tool};
    Full.insert(Full.end(), Args.begin(), Args.end());
    std::vector<char *> Argv;
    for (std::string &A : Full)
      Argv.push_back(A.data());
    Argv.push_back(nullptr);
    std::string Cwd = fs::current_path();
    fs::current_path(WorkDir);
    posix_spawn(&Pid, Tool.c_str(), &Actions, nullptr, Argv.data(), environ);
    fs::current_path(Cwd);
    posix_spawn_file_actions_destroy(&Actions);
  }
  int wait() {
    int Status = 0;
    waitpid(Pid, &Status, 0);
    return WIFEXITED(Status) ? WEXITSTATUS(Status) : 128 + WTERMSIG(Status);
  }
  std::string out() { return readFile(Dir + "/out"); }
  std::string err() { return readFile(Dir + "/err"); }
  ~Background() { fs::remove_all(Dir); }
};

// Live (not zombie) children of Parent.
std::vector<pid_t> childrenOf(pid_t Parent) {
  std::vector<pid_t> Out;
  for (const auto &E : fs::directory_iterator("/proc")) {
    std::string Name = E.path().filename();
    if (Name.find_first_not_of("0123456789") != std::string::npos)
      continue;
    std::ifstream Stat(E.path() / "stat");
    std::string Line;
    std::getline(Stat, Line);
    size_t Close = Line.rfind(')');
    if (Close == std::string::npos || Close + 4 >= Line.size())
      continue;
    char State = Line[Close + 2];
    pid_t PPid = std::atoi(Line.c_str() + Close + 4);
    if (PPid == Parent && State != 'Z')
      Out.push_back(std::stoi(Name));
  }
  return Out;
}

bool alive(pid_t Pid) {
  std::ifstream Stat("/proc/" + std::to_string(Pid) + "/stat");
  std::string Line;
  if (!std::getline(Stat, Line))
    return false;
  size_t Close = Line.rfind(')');
  return Close != std::string::npos && Close + 2 < Line.size() && Line[Close + 2] != 'Z';
}

struct Scratch {
  std::string Dir = makeTempDir();
  Scratch() {
    writeFile(Dir + "/compile_flags.txt", "-I" + repoRoot() + "/testdata/include\n");
    fs::copy_file(repoRoot() + "/testdata/example/vsp_example.c", Dir + "/a.c");
    mkfifo((Dir + "/hang.c").c_str(), 0600); // a source whose read never ends
  }
  ~Scratch() { fs::remove_all(Dir); }
};

void waitForChildren(pid_t Pid, size_t Count) {
  for (int I = 0; I < 200 && childrenOf(Pid).size() < Count; ++I)
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
}

TEST(ProcessControl, SigtermEndsEveryAnalysisAndReportsWhatFinished) {
  Scratch S;
  for (auto [Signal, Code] : {std::pair{SIGTERM, 143}, std::pair{SIGINT, 130}}) {
    Background B({"-j2", "a.c", "hang.c"}, S.Dir);
    waitForChildren(B.Pid, 1);
    // a.c finishes in well under a second; hang.c never does.
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    std::vector<pid_t> Children = childrenOf(B.Pid);
    ASSERT_FALSE(Children.empty()) << "hang.c's analysis should still run";
    kill(B.Pid, Signal);
    EXPECT_EQ(B.wait(), Code);
    for (pid_t C : Children)
      EXPECT_FALSE(alive(C)) << "analysis process " << C << " outlived vmbcheck";
    EXPECT_TRUE(contains(B.out(), "a.c:59:5: error:")) << B.out();
    EXPECT_TRUE(contains(B.err(), "hang.c: error: the run was interrupted")) << B.err();
  }
}

TEST(ProcessControl, AnalysisProcessesDieWithVmbcheck) {
  Scratch S;
  Background B({"hang.c"}, S.Dir);
  waitForChildren(B.Pid, 1);
  std::vector<pid_t> Children = childrenOf(B.Pid);
  ASSERT_EQ(Children.size(), 1u);
  kill(B.Pid, SIGKILL); // no handler runs: the kernel ends the child
  B.wait();
  bool Gone = false;
  for (int I = 0; I < 100 && !Gone; ++I) {
    Gone = !alive(Children[0]);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(Gone) << "the analysis process outlived a killed vmbcheck";
}

TEST(ProcessControl, MemoryLimitMakesAFileNotAnalysed) {
  Scratch S;
  ToolRun R = runTool({"--max-memory=100", "a.c"}, false, S.Dir);
  if (contains(R.Stderr, "not enforced in this (sanitizer) build"))
    GTEST_SKIP() << "AddressSanitizer needs an unlimited address space";
  EXPECT_EQ(R.ExitCode, 2) << R.Stderr;
  EXPECT_TRUE(contains(R.Stderr, "a.c: error: the analysis needed more than the --max-memory of "
                                 "100 MiB; the file was not analysed [out-of-memory]"))
      << R.Stderr;
  // The default leaves room for real drivers.
  R = runTool({"a.c"}, false, S.Dir);
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
}

TEST(ProcessControl, JobsBeyondTheDescriptorLimitWaitInsteadOfDroppingFiles) {
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
  GTEST_SKIP() << "the sanitizer runtimes need more descriptors than the 12 this test allows "
                  "(UBSan's type checks read /proc and fail)";
#endif
#endif
  Scratch S;
  std::vector<std::string> Args{"-j200"};
  for (int I = 0; I < 12; ++I) {
    std::string Name = "copy" + std::to_string(I) + ".c";
    fs::copy_file(S.Dir + "/a.c", S.Dir + "/" + Name);
    Args.push_back(Name);
  }
  // A shell lowers the limit for vmbcheck alone: a few children at a time,
  // then pipe() fails with EMFILE.
  // (Redirected first: dash needs descriptors above 10 to redirect.)
  std::string Cmd = "cd '" + S.Dir + "' && exec >out.txt 2>err.txt && ulimit -n 12 && exec '" +
                    toolPath() + "'";
  for (const std::string &A : Args)
    Cmd += " " + A;
  int Status = std::system(Cmd.c_str());
  ToolRun R;
  R.ExitCode = WIFEXITED(Status) ? WEXITSTATUS(Status) : -1;
  R.Stdout = readFile(S.Dir + "/out.txt");
  R.Stderr = readFile(S.Dir + "/err.txt");
  EXPECT_EQ(R.ExitCode, 1) << R.Stderr;
  for (int I = 0; I < 12; ++I)
    EXPECT_TRUE(contains(R.Stdout, "copy" + std::to_string(I) + ".c:59:5: error:"))
        << "copy" << I << ".c was not analysed:\n" << R.Stderr;
}

TEST(ProcessControl, NoIsolationHonoursTheTimeout) {
  Scratch S;
  auto Start = std::chrono::steady_clock::now();
  ToolRun R = runTool({"--no-isolation", "--timeout=1", "a.c", "hang.c"}, false, S.Dir);
  double Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
  EXPECT_EQ(R.ExitCode, 2) << R.Stderr;
  EXPECT_LT(Seconds, 30.0);
  EXPECT_TRUE(contains(R.Stderr, "hang.c: error: the analysis ran past --timeout")) << R.Stderr;
}

} // namespace
} // namespace vmbcheck::test
