#include "cli/Run.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <tuple>

namespace vmbcheck {
namespace {

using UseMap = std::map<std::string, std::vector<CallbackUse>>;

struct Job {
  clang::tooling::CompileCommand Command;
  FileAnalysis Analysis;
};

void runJobs(std::vector<Job *> &Jobs, const AnalysisOptions &Options, unsigned Threads,
             const std::vector<UseMap> &External, ProgressFn &Progress, size_t &Done,
             size_t Total) {
  std::mutex Lock;
  auto Work = [&](size_t I) {
    Jobs[I]->Analysis = analyseCommand(Jobs[I]->Command, Options, External[I]);
    if (Progress) {
      std::lock_guard<std::mutex> G(Lock);
      Progress(++Done, Total, Jobs[I]->Command.Filename);
    }
  };
  if (Threads <= 1 || Jobs.size() <= 1) {
    for (size_t I = 0; I < Jobs.size(); ++I)
      Work(I);
    return;
  }
  llvm::StdThreadPool Pool(llvm::hardware_concurrency(Threads));
  for (size_t I = 0; I < Jobs.size(); ++I)
    Pool.async([&Work, I] { Work(I); });
  Pool.wait();
}

bool sameFinding(const Finding &A, const Finding &B) {
  return A.RuleId == B.RuleId && A.Where.File == B.Where.File && A.Where.Line == B.Where.Line &&
         A.Where.Column == B.Where.Column && A.Message == B.Message;
}

auto findingKey(const Finding &F) {
  return std::tie(F.Where.File, F.Where.Line, F.Where.Column, F.RuleId, F.Message);
}

} // namespace

RunResult runAnalysis(const RunOptions &Options, ProgressFn Progress) {
  RunResult Result;
  std::string Error;
  auto Commands = CompileCommands::load(Options.Commands, Options.Sources, Error);
  if (!Commands) {
    Result.Error = Error;
    return Result;
  }
  std::vector<std::string> Sources = Options.Sources;
  if (Sources.empty())
    Sources = Commands->allFiles();
  if (Sources.empty()) {
    Result.Error = "no input files (give source files, or -p with a non-empty "
                   "compilation database)";
    return Result;
  }

  std::vector<Job> AllJobs;
  std::set<std::string> Seen;
  for (const std::string &Source : Sources) {
    std::string Warning;
    for (auto &C : Commands->commandsFor(Source, Warning)) {
      if (!Seen.insert(C.Filename + '\0' + llvm::join(C.CommandLine.begin(), C.CommandLine.end(), " ")).second)
        continue;
      AllJobs.push_back({std::move(C), {}});
    }
    if (!Warning.empty()) {
      Notification N;
      N.Level = Notification::Severity::Warning;
      N.Id = "no-compile-command";
      N.Message = Warning;
      N.Where.File = AllJobs.empty() ? Source : AllJobs.back().Command.Filename;
      Result.Warnings.push_back(std::move(N));
    }
  }

  // Pass 1: every file on its own.
  std::vector<Job *> Pass1;
  for (Job &J : AllJobs)
    Pass1.push_back(&J);
  size_t Done = 0;
  size_t Total = Pass1.size();
  runJobs(Pass1, Options.Analysis, Options.Jobs, std::vector<UseMap>(Pass1.size()), Progress,
          Done, Total);

  // Pass 2: a function registered in one file and defined in another is a
  // callback there too; re-analyse only the files that define such a
  // function, telling them where it was registered.
  UseMap Registered;
  for (Job &J : AllJobs)
    for (auto &[Name, Uses] : J.Analysis.ExternalUses) {
      auto &Dest = Registered[Name];
      Dest.insert(Dest.end(), Uses.begin(), Uses.end());
    }
  std::vector<Job *> Pass2;
  std::vector<UseMap> Pass2Uses;
  for (Job &J : AllJobs) {
    UseMap Mine;
    for (const std::string &Name : J.Analysis.OtherExternalDefinitions)
      if (auto It = Registered.find(Name); It != Registered.end())
        Mine[Name] = It->second;
    if (!Mine.empty()) {
      Pass2.push_back(&J);
      Pass2Uses.push_back(std::move(Mine));
    }
  }
  Total += Pass2.size();
  runJobs(Pass2, Options.Analysis, Options.Jobs, Pass2Uses, Progress, Done, Total);

  // Merge the commands of each file, deterministically.
  std::map<std::string, FileResult> ByFile;
  for (Job &J : AllJobs) {
    FileResult &R = J.Analysis.Result;
    FileResult &Dest = ByFile[R.File];
    Dest.File = R.File;
    Dest.Complete = Dest.Complete && R.Complete;
    for (Finding &F : R.Findings)
      if (llvm::none_of(Dest.Findings, [&](const Finding &G) { return sameFinding(F, G); }))
        Dest.Findings.push_back(std::move(F));
    for (Notification &N : R.Notifications)
      if (llvm::none_of(Dest.Notifications, [&](const Notification &M) {
            return M.Message == N.Message && M.Where.Line == N.Where.Line;
          }))
        Dest.Notifications.push_back(std::move(N));
    for (CallbackListing &L : J.Analysis.Callbacks)
      Result.Callbacks.push_back(std::move(L));
  }
  for (auto &[File, R] : ByFile) {
    std::stable_sort(R.Findings.begin(), R.Findings.end(),
                     [](const Finding &A, const Finding &B) { return findingKey(A) < findingKey(B); });
    Result.Files.push_back(std::move(R));
  }
  std::stable_sort(Result.Callbacks.begin(), Result.Callbacks.end(),
                   [](const CallbackListing &A, const CallbackListing &B) {
                     return std::tie(A.Where.File, A.Where.Line, A.Name) <
                            std::tie(B.Where.File, B.Where.Line, B.Name);
                   });
  Result.Callbacks.erase(std::unique(Result.Callbacks.begin(), Result.Callbacks.end(),
                                     [](const CallbackListing &A, const CallbackListing &B) {
                                       return A.Where.File == B.Where.File &&
                                              A.Where.Line == B.Where.Line && A.Name == B.Name;
                                     }),
                         Result.Callbacks.end());
  return Result;
}

} // namespace vmbcheck
