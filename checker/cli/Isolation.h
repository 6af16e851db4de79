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
// none. Done(I) is called after task I finished (in the parent).
std::vector<FileAnalysis> runIsolated(const std::vector<IsolatedTask> &Tasks, unsigned Parallel,
                                      double TimeoutSeconds,
                                      const std::function<void(size_t)> &Done);

// The serialisation used over the pipe (exposed for tests).
std::string encodeAnalysis(const FileAnalysis &A);
bool decodeAnalysis(const std::string &Bytes, FileAnalysis &Out);

} // namespace vmbcheck
