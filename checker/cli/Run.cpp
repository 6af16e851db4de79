#include "cli/Run.h"
#include "cli/Isolation.h"

#include "report/RuleCatalog.h"
#include "report/SarifWriter.h"
#include "report/Suppressions.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

#include <cmath>
#include <csignal>
#include <unistd.h>
#include "llvm/Support/Path.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace vmbcheck {
namespace {

using UseMap = std::map<std::string, std::vector<CallbackUse>>;

struct Job {
  clang::tooling::CompileCommand Command;
  AnalysisOptions Options; // with the file's configuration applied
  Config Settings;
  FileAnalysis Analysis;
};

void runJobs(std::vector<Job *> &Jobs, const RunOptions &Options,
             const std::vector<UseMap> &External, ProgressFn &Progress, size_t &Done,
             size_t Total) {
  auto Report = [&](size_t I) {
    if (Progress)
      Progress(++Done, Total, Jobs[I]->Command.Filename);
  };
  if (!Options.Isolate) {
    // In-process (a debugger's view): nothing can stop one file alone, so
    // --timeout ends the whole run, saying which file it was on.
    for (size_t I = 0; I < Jobs.size(); ++I) {
      static std::string Current;
      Current = Jobs[I]->Command.Filename;
      if (Options.TimeoutSeconds > 0) {
        std::signal(SIGALRM, [](int) {
          std::string Msg = Current + ": error: the analysis ran past --timeout (with "
                                      "--no-isolation it ends the run); not all files were "
                                      "analysed\n";
          (void)!::write(2, Msg.data(), Msg.size());
          _exit(2);
        });
        ::alarm(unsigned(std::ceil(Options.TimeoutSeconds)));
      }
      Jobs[I]->Analysis = analyseCommand(Jobs[I]->Command, Jobs[I]->Options, External[I]);
      ::alarm(0);
      Report(I);
    }
    return;
  }
  std::vector<IsolatedTask> Tasks;
  for (size_t I = 0; I < Jobs.size(); ++I)
    Tasks.push_back({&Jobs[I]->Command, &Jobs[I]->Options, &External[I]});
  std::vector<FileAnalysis> Results =
      runIsolated(Tasks, Options.Jobs, Options.TimeoutSeconds, Options.MaxMemoryMiB, Report);
  for (size_t I = 0; I < Jobs.size(); ++I)
    Jobs[I]->Analysis = std::move(Results[I]);
}

bool sameFinding(const Finding &A, const Finding &B) {
  return A.RuleId == B.RuleId && A.Where.File == B.Where.File && A.Where.Line == B.Where.Line &&
         A.Where.Column == B.Where.Column && A.Message == B.Message;
}

auto findingKey(const Finding &F) {
  return std::tie(F.Where.File, F.Where.Line, F.Where.Column, F.RuleId, F.Message);
}

// Marks the findings an inline suppression covers; reports suppression
// comments that do not pair up.
void applySuppressions(RunResult &Result) {
  std::map<std::string, std::unique_ptr<Suppressions>> Cache;
  auto Of = [&](const std::string &File) -> const Suppressions * {
    auto It = Cache.find(File);
    if (It == Cache.end()) {
      // Only regular files: reading a FIFO the analysis gave up on (its
      // --timeout) would block the run forever.
      std::unique_ptr<Suppressions> S;
      llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer = std::errc::not_supported;
      if (llvm::sys::fs::is_regular_file(File))
        Buffer = llvm::MemoryBuffer::getFile(File);
      if (Buffer)
        S = std::make_unique<Suppressions>((*Buffer)->getBuffer(), RuleCatalog::builtin());
      It = Cache.emplace(File, std::move(S)).first;
    }
    return It->second.get();
  };
  for (FileResult &R : Result.Files) {
    if (const Suppressions *S = Of(R.File))
      for (const Suppressions::Problem &P : S->problems()) {
        Notification N;
        N.Id = "suppression-error";
        N.Message = P.Message;
        N.Where.File = R.File;
        N.Where.Line = P.Line;
        R.Notifications.push_back(std::move(N));
        R.Complete = false;
      }
    for (Finding &F : R.Findings)
      if (const Suppressions *S = Of(F.Where.File))
        F.Suppression = S->find(F.Where.Line, F.RuleId);
  }
}

// Fingerprints: the line hash plus its occurrence among equal hashes of the
// same file, so that sharding a run does not change them.
void assignFingerprints(RunResult &Result) {
  std::map<std::pair<std::string, std::string>, unsigned> Seen;
  for (FileResult &R : Result.Files)
    for (Finding &F : R.Findings) {
      std::string Hash = lineHash(F);
      F.Fingerprint = Hash + ":" + std::to_string(++Seen[{F.Where.File, Hash}]);
    }
}

// The analysis options of a file under its configuration.
AnalysisOptions applyConfig(AnalysisOptions Options, const Config &C) {
  Options.Engine.Rules.clear();
  for (const char *Rule : {"VMB001", "VMB002", "VMB003", "VMB004"})
    if (C.ruleEnabled(Rule))
      Options.Engine.Rules.push_back(Rule);
  Options.CheckRoleTypes = C.ruleEnabled("VMB005");
  Options.CheckIrqlAnnotations = C.ruleEnabled("VMB001");
  if (C.MaxNodes)
    Options.Engine.MaxNodes = *C.MaxNodes;
  if (C.MaxSeconds)
    Options.Engine.MaxSeconds = *C.MaxSeconds;
  return Options;
}

// A function used as the save callback whose body no analysed file has
// (the file that defines it was not among the inputs, or is in another
// shard) was not checked: say so, once per function, at its first use. A
// warning, not a failure: the run analysed everything it was given.
void reportUndefinedCallbacks(const std::vector<Job> &Jobs, const UseMap &Registered,
                              std::vector<Notification> &Out) {
  std::set<std::string> Defined;
  for (const Job &J : Jobs) {
    Defined.insert(J.Analysis.OtherExternalDefinitions.begin(),
                   J.Analysis.OtherExternalDefinitions.end());
    for (const CallbackListing &L : J.Analysis.Callbacks)
      Defined.insert(L.Name);
  }
  for (const auto &[Name, Uses] : Registered) {
    if (Defined.count(Name) || Uses.empty())
      continue;
    Notification N;
    N.Level = Notification::Severity::Warning;
    N.Id = "callback-not-found";
    N.Where = Uses.front().Where;
    N.Message = "'" + Name + "' is used as the save callback here (" + Uses.front().How +
                ") but no analysed file defines it: it was not analysed (add the file that "
                "defines it to the run)";
    Out.push_back(std::move(N));
  }
}

} // namespace

std::vector<std::string> shardOf(std::vector<std::string> Sources, unsigned K, unsigned N) {
  std::sort(Sources.begin(), Sources.end());
  Sources.erase(std::unique(Sources.begin(), Sources.end()), Sources.end());
  std::vector<std::string> Mine;
  for (size_t I = 0; I < Sources.size(); ++I)
    if (N == 0 || I % N == K - 1)
      Mine.push_back(Sources[I]);
  return Mine;
}

RunResult runAnalysis(const RunOptions &Options, ProgressFn Progress) {
  RunResult Result;
  Result.Warnings = Options.InputWarnings;
  std::string Error;
  auto Commands = CompileCommands::load(Options.Commands, Options.Sources, Error);
  std::vector<std::string> Sources = Options.Sources;
  // The database's file list: the sources when none are named, and the
  // check that a database named with -p is not empty.
  std::vector<std::string> Listed;
  if (Commands && (Sources.empty() || !Options.Commands.BuildPath.empty() ||
                   Options.Commands.ProjectCommands))
    Listed = Commands->allFiles();
  if (Sources.empty())
    Sources = Listed;
  // An empty database is as unusable as a malformed one, also when the
  // sources are named: none of them would get its real flags.
  if (Commands && Listed.empty() && !Options.Commands.BuildPath.empty() &&
      !Options.Commands.FixedArgs)
    Error = "the compilation database lists no files";
  if (!Error.empty()) {
    // The database -p names is unusable. Like any input that cannot be read,
    // it is reported in the log and the exit code; sources named on the
    // command line are still analysed, with the flags of their own
    // directories or the defaults.
    Notification N;
    N.Level = Notification::Severity::Error;
    N.Id = "compilation-database";
    N.Message = Error;
    llvm::SmallString<256> Json(Options.Commands.BuildPath);
    llvm::sys::path::append(Json, "compile_commands.json");
    N.Where.File = llvm::sys::fs::exists(Json) ? Json.str().str() : Options.Commands.BuildPath;
    Result.Warnings.push_back(std::move(N));
    CommandSource Fallback = Options.Commands;
    Fallback.BuildPath.clear();
    Commands = CompileCommands::load(Fallback, Options.Sources, Error);
  }
  if (Sources.empty()) {
    if (Result.Warnings.empty())
      Result.Error = "no input files";
    return Result;
  }

  if (Options.Shards > 1)
    Sources = shardOf(Sources, Options.Shard, Options.Shards);

  std::vector<Job> AllJobs;
  std::set<std::string> Seen;
  for (const std::string &Source : Sources) {
    Config Settings;
    if (Options.Configs) {
      std::string ConfigError;
      auto C = Options.Configs->forFile(Source, ConfigError);
      if (!C) {
        Result.Error = ConfigError;
        return Result;
      }
      Settings = *C;
    }
    std::vector<std::string> Warnings, Errors;
    for (auto &C : Commands->commandsFor(Source, Warnings, Errors, Settings.ExtraArgsBefore,
                                         Settings.ExtraArgs)) {
      if (!Seen.insert(C.Filename + '\0' + llvm::join(C.CommandLine.begin(), C.CommandLine.end(), " ")).second)
        continue;
      AllJobs.push_back({std::move(C), applyConfig(Options.Analysis, Settings), Settings, {}});
    }
    // One line per distinct message and file: errors (an input that could
    // not be read) make the run incomplete, warnings inform.
    auto Say = [&](std::vector<std::string> &Messages, Notification::Severity Level) {
      for (std::string &M : Messages) {
        Notification N;
        N.Level = Level;
        N.Id = "compile-command";
        N.Message = std::move(M);
        N.Where.File = AllJobs.empty() ? Source : AllJobs.back().Command.Filename;
        if (llvm::none_of(Result.Warnings, [&](const Notification &O) {
              return O.Message == N.Message && O.Where.File == N.Where.File;
            }))
          Result.Warnings.push_back(std::move(N));
      }
    };
    Say(Errors, Notification::Severity::Error);
    Say(Warnings, Notification::Severity::Warning);
  }

  // Pass 1: every file on its own.
  std::vector<Job *> Pass1;
  for (Job &J : AllJobs)
    Pass1.push_back(&J);
  size_t Done = 0;
  size_t Total = Pass1.size();
  runJobs(Pass1, Options, std::vector<UseMap>(Pass1.size()), Progress, Done, Total);
  Result.Interrupted = interruptSignal();

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
  if (!Result.Interrupted)
    runJobs(Pass2, Options, Pass2Uses, Progress, Done, Total);
  Result.Interrupted = interruptSignal();
  reportUndefinedCallbacks(AllJobs, Registered, Result.Warnings);

  // Merge the commands of each file, deterministically.
  std::map<std::string, FileResult> ByFile;
  for (Job &J : AllJobs) {
    FileResult &R = J.Analysis.Result;
    FileResult &Dest = ByFile[R.File];
    Dest.File = R.File;
    Dest.Complete = Dest.Complete && R.Complete;
    for (Finding &F : R.Findings) {
      if (!J.Settings.ruleEnabled(F.RuleId))
        continue;
      const RuleInfo *Rule = RuleCatalog::builtin().find(F.RuleId);
      F.Level = J.Settings.levelOf(F.RuleId, Rule ? Rule->Level : "warning");
      if (llvm::none_of(Dest.Findings, [&](const Finding &G) { return sameFinding(F, G); }))
        Dest.Findings.push_back(std::move(F));
    }
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
    std::stable_sort(R.Notifications.begin(), R.Notifications.end(),
                     [](const Notification &A, const Notification &B) {
                       return std::tie(A.Where.Line, A.Where.Column, A.Message) <
                              std::tie(B.Where.Line, B.Where.Column, B.Message);
                     });
    Result.Files.push_back(std::move(R));
  }
  applySuppressions(Result);
  assignFingerprints(Result);
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
