// A whole run: resolve the compile commands of every source, analyse them
// (in parallel), make registrations in one file count for definitions in
// another, and merge everything into a deterministic result.
#pragma once

#include "cli/Config.h"
#include "cli/FileAnalysis.h"
#include "frontend/CompileCommands.h"

#include <functional>
#include <string>
#include <vector>

namespace vmbcheck {

struct RunOptions {
  CommandSource Commands;
  std::vector<std::string> Sources; // empty with -p: every file of the database
  AnalysisOptions Analysis;         // before each file's configuration
  ConfigResolver *Configs = nullptr; // .vmbcheck.yaml lookup; none: defaults
  unsigned Jobs = 1;
  // --shard=K/N: this run analyses the K-th of N deterministic parts of the
  // sorted source list.
  unsigned Shard = 1, Shards = 1;
  // Analyse each file in a child process (crashes and timeouts cost only
  // that file); off for in-process use such as the fuzzer.
  bool Isolate = true;
  // Reported with the run's own warnings (e.g. from evaluating --project).
  std::vector<Notification> InputWarnings;
  std::vector<std::string> ProjectFiles; // read for --project (no output may replace one)
  double TimeoutSeconds = 300; // per file; <= 0: none (without Isolate it ends the run)
  unsigned MaxMemoryMiB = 0;   // per file, with Isolate; 0: none
};

// The sources of shard K (1-based) of N: every N-th of the sorted list.
std::vector<std::string> shardOf(std::vector<std::string> Sources, unsigned K, unsigned N);

struct RunResult {
  int Interrupted = 0; // the signal that stopped the run (SIGINT, SIGTERM, SIGHUP), or 0
  std::vector<FileResult> Files;          // sorted by path
  std::vector<CallbackListing> Callbacks; // sorted by location
  std::vector<Notification> Warnings;     // about the run, not one file
  std::string Error;                      // a usage error: nothing ran
};

// Progress(done, total, file) is called after each file, from worker threads
// but never concurrently.
using ProgressFn = std::function<void(size_t, size_t, const std::string &)>;

RunResult runAnalysis(const RunOptions &Options, ProgressFn Progress = nullptr);

} // namespace vmbcheck
