// Analysis of one compile command: parse, discover the save callbacks,
// run the AST rule (VMB005) and the path-sensitive rules on them.
#pragma once

#include "engine/AnalyzerDriver.h"
#include "frontend/CallbackDiscovery.h"
#include "report/Finding.h"

#include "clang/Tooling/CompilationDatabase.h"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace vmbcheck {

struct AnalysisOptions {
  EngineOptions Engine;
  bool CheckRoleTypes = true;       // VMB005
  bool CheckIrqlAnnotations = true; // VMB001 (c)
  // Leave the AST and the compiler's state to the end of the process
  // instead of destroying them, as clang -cc1 does (-disable-free): for a
  // child process that exits right after the analysis.
  bool DisableFree = false;
  // Find an #include whose case differs from the file's (MSVC targets).
  bool CaseInsensitiveIncludes = true;
  // A missing generated header (WPP .tmh, MC/MOF output) is read as empty.
  bool AssumeGeneratedEmpty = false;
  // --project: the WPP trace functions each source's settings configure
  // (by file name), defined by its .tmh stand-in.
  std::shared_ptr<const std::map<std::string, std::set<std::string>>> ProjectWppFunctions;
  // --project: the headers its MessageCompile and Wmimofck items generate
  // (lower case), with their sources.
  std::shared_ptr<const std::map<std::string, std::string>> ProjectGeneratedHeaders;
};

// A discovered callback, for --list-callbacks.
struct CallbackListing {
  SourceSpan Where;
  std::string Name;
  std::vector<std::string> Reasons;
};

struct FileAnalysis {
  FileResult Result;
  std::vector<CallbackListing> Callbacks;
  // For the cross-file pass (see Run.cpp).
  std::map<std::string, std::vector<CallbackUse>> ExternalUses;
  std::vector<std::string> OtherExternalDefinitions;
};

// ExternalUses: functions registered as the save callback in other files of
// the run, by name.
FileAnalysis analyseCommand(const clang::tooling::CompileCommand &Command,
                            const AnalysisOptions &Options,
                            const std::map<std::string, std::vector<CallbackUse>> &ExternalUses);

} // namespace vmbcheck
