// A whole run: resolve the compile commands of every source, analyse them
// (in parallel), make registrations in one file count for definitions in
// another, and merge everything into a deterministic result.
#pragma once

#include "cli/FileAnalysis.h"
#include "frontend/CompileCommands.h"

#include <functional>
#include <string>
#include <vector>

namespace vmbcheck {

struct RunOptions {
  CommandSource Commands;
  std::vector<std::string> Sources; // empty with -p: every file of the database
  AnalysisOptions Analysis;
  unsigned Jobs = 1;
};

struct RunResult {
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
