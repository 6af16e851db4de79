#include "cli/Isolation.h"

#include "clang/Basic/Stack.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <new>
#include <sys/wait.h>
#include <unistd.h>

namespace vmbcheck {

using nlohmann::json;

// ---- serialisation -------------------------------------------------------

static json toJson(const SourceSpan &S) {
  return {S.File, S.Line, S.Column, S.EndLine, S.EndColumn};
}
static SourceSpan spanFrom(const json &J) {
  return {J[0].get<std::string>(), J[1].get<unsigned>(), J[2].get<unsigned>(),
          J[3].get<unsigned>(), J[4].get<unsigned>()};
}

static json toJson(const Finding &F) {
  json Steps = json::array(), Fixes = json::array();
  for (const PathStep &S : F.Steps)
    Steps.push_back({toJson(S.Where), S.Message, S.Depth});
  for (const FixIt &X : F.Fixes) {
    json Edits = json::array();
    for (const TextEdit &E : X.Edits)
      Edits.push_back({E.File, E.Offset, E.Length, E.Replacement, toJson(E.Where), E.Digest});
    Fixes.push_back({X.Description, Edits});
  }
  return {{"rule", F.RuleId}, {"level", F.Level},    {"message", F.Message},
          {"where", toJson(F.Where)}, {"function", F.Function}, {"line", F.LineText},
          {"steps", Steps}, {"fixes", Fixes}};
}

static Finding findingFrom(const json &J) {
  Finding F;
  F.RuleId = J["rule"];
  F.Level = J["level"];
  F.Message = J["message"];
  F.Where = spanFrom(J["where"]);
  F.Function = J["function"];
  F.LineText = J["line"];
  for (const json &S : J["steps"])
    F.Steps.push_back({spanFrom(S[0]), S[1].get<std::string>(), S[2].get<unsigned>()});
  for (const json &X : J["fixes"]) {
    FixIt Fix;
    Fix.Description = X[0];
    for (const json &E : X[1])
      Fix.Edits.push_back({E[0].get<std::string>(), E[1].get<unsigned>(), E[2].get<unsigned>(),
                           E[3].get<std::string>(), spanFrom(E[4]), E[5].get<std::string>()});
    F.Fixes.push_back(std::move(Fix));
  }
  return F;
}

static json toJson(const Notification &N) {
  return {static_cast<int>(N.Level), N.Id, N.Message, toJson(N.Where)};
}
static Notification notificationFrom(const json &J) {
  Notification N;
  N.Level = static_cast<Notification::Severity>(J[0].get<int>());
  N.Id = J[1];
  N.Message = J[2];
  N.Where = spanFrom(J[3]);
  return N;
}

static json toJson(const std::vector<CallbackUse> &Uses) {
  json A = json::array();
  for (const CallbackUse &U : Uses)
    A.push_back({toJson(U.Where), U.How, U.Role});
  return A;
}

std::string encodeAnalysis(const FileAnalysis &A) {
  json Findings = json::array(), Notes = json::array(), Callbacks = json::array(),
       Uses = json::object();
  for (const Finding &F : A.Result.Findings)
    Findings.push_back(toJson(F));
  for (const Notification &N : A.Result.Notifications)
    Notes.push_back(toJson(N));
  for (const CallbackListing &C : A.Callbacks)
    Callbacks.push_back({toJson(C.Where), C.Name, C.Reasons});
  for (const auto &[Name, List] : A.ExternalUses)
    Uses[Name] = toJson(List);
  json J = {{"file", A.Result.File},         {"complete", A.Result.Complete},
            {"findings", Findings},          {"notifications", Notes},
            {"callbacks", Callbacks},        {"uses", Uses},
            {"others", A.OtherExternalDefinitions}};
  std::vector<std::uint8_t> Bytes = json::to_msgpack(J);
  return std::string(Bytes.begin(), Bytes.end());
}

bool decodeAnalysis(const std::string &Bytes, FileAnalysis &Out) {
  json J = json::from_msgpack(Bytes, /*strict=*/true, /*allow_exceptions=*/false);
  if (J.is_discarded())
    return false;
  try {
    Out.Result.File = J["file"];
    Out.Result.Complete = J["complete"];
    for (const json &F : J["findings"])
      Out.Result.Findings.push_back(findingFrom(F));
    for (const json &N : J["notifications"])
      Out.Result.Notifications.push_back(notificationFrom(N));
    for (const json &C : J["callbacks"])
      Out.Callbacks.push_back({spanFrom(C[0]), C[1].get<std::string>(),
                               C[2].get<std::vector<std::string>>()});
    for (auto &[Name, List] : J["uses"].items())
      for (const json &U : List)
        Out.ExternalUses[Name].push_back(
            {spanFrom(U[0]), U[1].get<std::string>(), U[2].get<std::string>()});
    Out.OtherExternalDefinitions = J["others"].get<std::vector<std::string>>();
  } catch (const json::exception &) {
    return false;
  }
  return true;
}

// ---- the process pool ------------------------------------------------------

namespace {

struct Child {
  size_t Task;
  pid_t Pid;
  int Fd;
  std::string Bytes;
  std::chrono::steady_clock::time_point Start;
  bool TimedOut = false;
  bool Interrupted = false;
};

FileAnalysis failed(const IsolatedTask &T, const std::string &Id, const std::string &Why) {
  FileAnalysis A;
  A.Result.File = T.Command->Filename;
  A.Result.Complete = false;
  Notification N;
  N.Id = Id;
  N.Where.File = T.Command->Filename;
  N.Message = Why;
  A.Result.Notifications.push_back(std::move(N));
  return A;
}

volatile sig_atomic_t Interrupt = 0;

extern "C" void onInterrupt(int Signal) { Interrupt = Signal; }

// Exit code of a child whose allocation failed under --max-memory.
constexpr int OutOfMemoryExit = 4;

// The parent reports it (one line, naming the file).
[[noreturn]] void outOfMemory() { _exit(OutOfMemoryExit); }

// In the child: analyse, send the result, and leave without running the
// parent's exit handlers or destructors.
[[noreturn]] void runChild(const IsolatedTask &T, int Fd, pid_t Parent, unsigned MaxMemoryMiB) {
  // Die with the parent, however it ends (even SIGKILL); the parent may have
  // gone between the fork and this line.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != Parent)
    _exit(5);
  for (int Sig : {SIGINT, SIGTERM, SIGHUP})
    std::signal(Sig, SIG_DFL);
  if (MaxMemoryMiB > 0 && memoryLimitSupported()) {
    rlimit L{rlim_t(MaxMemoryMiB) * 1024 * 1024, rlim_t(MaxMemoryMiB) * 1024 * 1024};
    ::setrlimit(RLIMIT_AS, &L);
    std::set_new_handler([] { outOfMemory(); });
    llvm::install_bad_alloc_error_handler(
        [](void *, const char *, bool) { outOfMemory(); });
  }
  // Deeply nested expressions recurse deeply in the parser and the
  // checkers; main() raised the stack limit for this process's main thread
  // (a thread with a big stack of its own would cost a malloc arena).
  clang::noteBottomOfStack();
  AnalysisOptions Options = *T.Options;
  Options.DisableFree = true; // the process ends right after
  std::string Bytes = encodeAnalysis(analyseCommand(*T.Command, Options, *T.ExternalUses));
  const char *P = Bytes.data();
  size_t Left = Bytes.size();
  while (Left > 0) {
    ssize_t N = ::write(Fd, P, Left);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      _exit(3);
    P += N;
    Left -= static_cast<size_t>(N);
  }
  ::close(Fd);
  _exit(0);
}

std::string describeStatus(int Status) {
  if (WIFSIGNALED(Status))
    return std::string("signal ") + std::to_string(WTERMSIG(Status)) + ", " +
           strsignal(WTERMSIG(Status));
  if (WIFEXITED(Status))
    return "exit code " + std::to_string(WEXITSTATUS(Status));
  return "status " + std::to_string(Status);
}

} // namespace

bool memoryLimitSupported() {
#if defined(__SANITIZE_ADDRESS__)
  return false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return false;
#else
  return true;
#endif
#else
  return true;
#endif
}

void installInterruptHandlers() {
  struct sigaction SA {};
  SA.sa_handler = onInterrupt;
  sigemptyset(&SA.sa_mask);
  SA.sa_flags = 0; // no SA_RESTART: poll() returns at once with EINTR
  for (int Sig : {SIGINT, SIGTERM, SIGHUP})
    ::sigaction(Sig, &SA, nullptr);
}

int interruptSignal() { return Interrupt; }

std::vector<FileAnalysis> runIsolated(const std::vector<IsolatedTask> &Tasks, unsigned Parallel,
                                      double TimeoutSeconds, unsigned MaxMemoryMiB,
                                      const std::function<void(size_t)> &Done) {
  std::vector<FileAnalysis> Results(Tasks.size());
  std::vector<Child> Running;
  size_t Next = 0;
  Parallel = std::max(1u, Parallel);
  auto Timeout = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
      std::chrono::duration<double>(TimeoutSeconds > 0 ? TimeoutSeconds : 0));

  auto Finish = [&](Child &C) {
    int Status = 0;
    while (::waitpid(C.Pid, &Status, 0) < 0 && errno == EINTR) {
    }
    ::close(C.Fd);
    const IsolatedTask &T = Tasks[C.Task];
    if (C.TimedOut)
      Results[C.Task] = failed(T, "timeout",
                               "the analysis stopped after the --timeout of " +
                                   formatSeconds(TimeoutSeconds) +
                                   " s; the file was not analysed");
    else if (C.Interrupted)
      Results[C.Task] = failed(T, "interrupted",
                               "the run was interrupted (" + std::string(strsignal(Interrupt)) +
                                   "); the file was not analysed");
    else if (WIFEXITED(Status) && WEXITSTATUS(Status) == OutOfMemoryExit)
      Results[C.Task] = failed(T, "out-of-memory",
                               "the analysis needed more than the --max-memory of " +
                                   std::to_string(MaxMemoryMiB) +
                                   " MiB; the file was not analysed");
    else if (!WIFEXITED(Status) || WEXITSTATUS(Status) != 0 ||
             !decodeAnalysis(C.Bytes, Results[C.Task]))
      Results[C.Task] = failed(T, "internal-error",
                               "the analysis of this file failed (" + describeStatus(Status) +
                                   "); the file was not analysed, the others were");
    if (Done)
      Done(C.Task);
  };

  pid_t Self = ::getpid();
  while (Next < Tasks.size() || !Running.empty()) {
    if (Interrupt) {
      // Stop: kill what runs, report it and what never started.
      for (Child &C : Running) {
        ::kill(C.Pid, SIGKILL);
        C.Interrupted = true;
        Finish(C);
      }
      Running.clear();
      for (; Next < Tasks.size(); ++Next)
        Results[Next] = failed(Tasks[Next], "interrupted",
                               "the run was interrupted (" + std::string(strsignal(Interrupt)) +
                                   ") before this file was analysed");
      break;
    }
    while (Running.size() < Parallel && Next < Tasks.size() && !Interrupt) {
      int Pipe[2];
      llvm::outs().flush();
      llvm::errs().flush();
      if (::pipe(Pipe) != 0) {
        // Out of descriptors or processes (-j above the limits): wait for a
        // running child to free its slot instead of dropping the file.
        if ((errno == EMFILE || errno == ENFILE) && !Running.empty())
          break;
        Results[Next] = failed(Tasks[Next], "internal-error",
                               std::string("cannot create a pipe: ") + strerror(errno));
        ++Next;
        continue;
      }
      pid_t Pid = ::fork();
      if (Pid == 0) {
        ::close(Pipe[0]);
        runChild(Tasks[Next], Pipe[1], Self, MaxMemoryMiB);
      }
      ::close(Pipe[1]);
      if (Pid < 0) {
        int E = errno;
        ::close(Pipe[0]);
        if (E == EAGAIN && !Running.empty())
          break;
        Results[Next] = failed(Tasks[Next], "internal-error",
                               std::string("cannot start a process: ") + strerror(E));
        ++Next;
        continue;
      }
      Running.push_back({Next++, Pid, Pipe[0], {}, std::chrono::steady_clock::now()});
    }
    if (Running.empty())
      continue;

    std::vector<pollfd> Fds;
    for (const Child &C : Running)
      Fds.push_back({C.Fd, POLLIN, 0});
    int WaitMs = -1;
    if (TimeoutSeconds > 0) {
      auto Now = std::chrono::steady_clock::now();
      auto Soonest = Timeout;
      for (const Child &C : Running)
        Soonest = std::min(Soonest, C.Start + Timeout - Now);
      WaitMs = static_cast<int>(std::max<long long>(
          0, std::chrono::duration_cast<std::chrono::milliseconds>(Soonest).count() + 1));
    }
    int Ready = ::poll(Fds.data(), Fds.size(), WaitMs);
    if (Ready < 0) {
      if (errno == EINTR)
        continue; // a signal: the loop head sees Interrupt
      break;
    }

    for (size_t I = Running.size(); I-- > 0;) {
      Child &C = Running[I];
      bool Closed = false;
      if (Fds[I].revents & (POLLIN | POLLHUP | POLLERR)) {
        char Buf[65536];
        ssize_t N = ::read(C.Fd, Buf, sizeof Buf);
        if (N > 0)
          C.Bytes.append(Buf, static_cast<size_t>(N));
        else if (N == 0 || errno != EINTR)
          Closed = true;
      }
      if (!Closed && TimeoutSeconds > 0 &&
          std::chrono::steady_clock::now() - C.Start >= Timeout) {
        ::kill(C.Pid, SIGKILL);
        C.TimedOut = true;
        Closed = true;
      }
      if (Closed) {
        Finish(C);
        Running.erase(Running.begin() + I);
      }
    }
  }
  return Results;
}

} // namespace vmbcheck
