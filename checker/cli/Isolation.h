// Each compile command is analysed in a child process (fork), so that a
// file that crashes the compiler, exhausts the stack or runs past --timeout
// costs only that file: the run reports it and goes on with the others. The
// parent stays single-threaded (fork-safe) and runs up to N children at a
// time; results come back over a pipe, in MessagePack (paths need not be
// UTF-8).
#pragma once

#include "cli/FileAnalysis.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace vmbcheck {

struct IsolatedTask {
  const clang::tooling::CompileCommand *Command = nullptr;
  const AnalysisOptions *Options = nullptr;
  const std::map<std::string, std::vector<CallbackUse>> *ExternalUses = nullptr;
};

// Runs the tasks, at most Parallel at a time; TimeoutSeconds <= 0 means
// none; MaxMemoryMiB > 0 caps each child's address space (an analysis that
// reaches it is reported as not analysed). Done(I) is called after task I
// finished (in the parent). When the run is interrupted (below), the
// running children are killed and every unfinished task is reported as not
// analysed.
std::vector<FileAnalysis> runIsolated(const std::vector<IsolatedTask> &Tasks, unsigned Parallel,
                                      double TimeoutSeconds, unsigned MaxMemoryMiB,
                                      const std::function<void(size_t)> &Done);

// SIGINT, SIGTERM and SIGHUP end the run: installInterruptHandlers() makes
// them set a flag that runIsolated() polls; interruptSignal() is that signal
// (0 while none came). Children never outlive the parent (PR_SET_PDEATHSIG).
void installInterruptHandlers();
int interruptSignal();

// True when this build can enforce --max-memory (not under AddressSanitizer,
// whose shadow memory needs terabytes of address space).
bool memoryLimitSupported();

// The serialisation used over the pipe (exposed for tests).
std::string encodeAnalysis(const FileAnalysis &A);
bool decodeAnalysis(const std::string &Bytes, FileAnalysis &Out);

} // namespace vmbcheck
