#include "frontend/CompileCommands.h"

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "llvm/ADT/StringExtras.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <algorithm>
#include <set>

#ifndef VMBCHECK_RESOURCE_DIR
#error "VMBCHECK_RESOURCE_DIR must be defined by the build"
#endif

using namespace clang::tooling;

namespace vmbcheck {

std::string CompileCommands::resourceDir() { return VMBCHECK_RESOURCE_DIR; }

static bool isClDriver(const std::vector<std::string> &Args) {
  if (Args.empty())
    return false;
  llvm::StringRef Prog = llvm::sys::path::stem(Args[0]);
  if (Prog.equals_insensitive("cl") || Prog.equals_insensitive("clang-cl"))
    return true;
  return llvm::any_of(Args, [](const std::string &A) { return A == "--driver-mode=cl"; });
}

static bool namesTarget(const std::vector<std::string> &Args) {
  return llvm::any_of(Args, [](llvm::StringRef A) {
    return A == "-target" || A == "--target" || A.starts_with("--target=") ||
           A.starts_with("-target=");
  });
}

std::vector<std::string> adjustCommandLine(std::vector<std::string> Args,
                                           const std::string &File,
                                           const CommandSource &Source) {
  ArgumentsAdjuster Adjust = combineAdjusters(
      getClangStripOutputAdjuster(),
      combineAdjusters(getClangStripDependencyFileAdjuster(), getClangSyntaxOnlyAdjuster()));
  Args = Adjust(Args, File);
  if (Args.empty())
    return Args;
  std::vector<std::string> Front;
  if (!llvm::any_of(Args, [](llvm::StringRef A) { return A.starts_with("-resource-dir"); }))
    Front.push_back("-resource-dir=" + CompileCommands::resourceDir());
  // Clang's "N errors generated." line: the errors are vmbcheck's to report.
  Front.push_back("-Xclang");
  Front.push_back("-fno-caret-diagnostics");
  // Driver code is Windows code: without a target, parse as x86_64 MSVC
  // (which also turns on -fms-extensions and -fms-compatibility).
  if (!isClDriver(Args) && !namesTarget(Args))
    Front.push_back("--target=x86_64-pc-windows-msvc");
  Front.insert(Front.end(), Source.ExtraArgsBefore.begin(), Source.ExtraArgsBefore.end());
  Args.insert(Args.begin() + 1, Front.begin(), Front.end());
  if (!Source.ExtraArgs.empty())
    Args = getInsertArgumentAdjuster(CommandLineArguments(Source.ExtraArgs),
                                     ArgumentInsertPosition::END)(Args, File);
  return Args;
}

std::unique_ptr<CompileCommands>
CompileCommands::load(const CommandSource &Source, const std::vector<std::string> &Sources,
                      std::string &Error) {
  auto Result = std::unique_ptr<CompileCommands>(new CompileCommands());
  Result->Source = Source;
  std::unique_ptr<CompilationDatabase> DB;
  if (Source.FixedArgs) {
    std::vector<std::string> Args = *Source.FixedArgs;
    DB = std::make_unique<FixedCompilationDatabase>(".", Args);
  } else if (!Source.BuildPath.empty()) {
    std::string Err;
    DB = CompilationDatabase::loadFromDirectory(Source.BuildPath, Err);
    if (!DB) {
      llvm::SmallString<256> Json(Source.BuildPath);
      llvm::sys::path::append(Json, "compile_commands.json");
      if (llvm::sys::fs::exists(Json)) {
        std::string JsonErr;
        JSONCompilationDatabase::loadFromFile(Json, JsonErr, JSONCommandLineSyntax::AutoDetect);
        Error = "malformed compilation database: " + llvm::StringRef(JsonErr).trim().str();
      } else {
        Error = "no compile_commands.json or compile_flags.txt in this directory";
      }
      return nullptr;
    }
  }
  if (DB) {
    DB = inferTargetAndDriverMode(std::move(DB));
    DB = expandResponseFiles(std::move(DB), llvm::vfs::getRealFileSystem());
    if (!Source.FixedArgs)
      DB = inferMissingCompileCommands(std::move(DB));
  }
  Result->Database = std::move(DB);
  (void)Sources;
  return Result;
}

std::vector<std::string> CompileCommands::allFiles() const {
  std::vector<std::string> Files = Database ? Database->getAllFiles() : std::vector<std::string>();
  std::sort(Files.begin(), Files.end());
  Files.erase(std::unique(Files.begin(), Files.end()), Files.end());
  return Files;
}

std::vector<CompileCommand>
CompileCommands::commandsFor(const std::string &File, std::vector<std::string> &Warnings,
                             const std::vector<std::string> &ExtraBefore,
                             const std::vector<std::string> &Extra) const {
  CommandSource Adjust = Source;
  Adjust.ExtraArgsBefore.insert(Adjust.ExtraArgsBefore.end(), ExtraBefore.begin(),
                                ExtraBefore.end());
  Adjust.ExtraArgs.insert(Adjust.ExtraArgs.end(), Extra.begin(), Extra.end());
  llvm::SmallString<256> Abs(File);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  std::vector<CompileCommand> Commands;
  if (Database) {
    Commands = Database->getCompileCommands(Abs);
  } else {
    // Like clang-tidy: a compile_commands.json or compile_flags.txt in a
    // parent directory of the source.
    std::string Err;
    if (auto Detected = CompilationDatabase::autoDetectFromSource(Abs, Err)) {
      auto DB = inferMissingCompileCommands(
          expandResponseFiles(inferTargetAndDriverMode(std::move(Detected)),
                              llvm::vfs::getRealFileSystem()));
      Commands = DB->getCompileCommands(Abs);
    } else {
      // A compile_commands.json next to the source that cannot be read is
      // worth saying: the file is analysed with default flags instead.
      for (llvm::StringRef Dir = llvm::sys::path::parent_path(Abs); !Dir.empty();
           Dir = llvm::sys::path::parent_path(Dir)) {
        llvm::SmallString<256> Json(Dir);
        llvm::sys::path::append(Json, "compile_commands.json");
        if (!llvm::sys::fs::exists(Json))
          continue;
        std::string JsonErr;
        if (!JSONCompilationDatabase::loadFromFile(Json, JsonErr, JSONCommandLineSyntax::AutoDetect))
          Warnings.push_back("ignoring the malformed compilation database " + Json.str().str() +
                             ": " + llvm::StringRef(JsonErr).trim().str());
        break;
      }
    }
  }
  if (Commands.empty()) {
    Warnings.push_back("no compile command found; analysing it with default flags");
    Commands.push_back(CompileCommand(llvm::sys::path::parent_path(Abs), Abs.str().str(),
                                      {"clang", Abs.str().str()}, ""));
  }
  for (CompileCommand &C : Commands) {
    // Relative file names are relative to the command's directory.
    if (!llvm::sys::path::is_absolute(C.Filename)) {
      llvm::SmallString<256> P(C.Directory);
      llvm::sys::path::append(P, C.Filename);
      C.Filename = P.str().str();
    }
    std::vector<std::string> Unknown;
    std::vector<std::string> Dropped = keepAnalysisArguments(C.CommandLine, Unknown);
    for (const std::string &A : Unknown)
      Warnings.push_back("unknown compiler argument '" + A + "' ignored");
    if (!Dropped.empty())
      Warnings.push_back("compiler arguments the analysis does not use were dropped (a "
                         "compile command cannot make vmbcheck write files or load code): " +
                         llvm::join(Dropped, " "));
    C.CommandLine = adjustCommandLine(std::move(C.CommandLine), C.Filename, Adjust);
  }
  return Commands;
}

} // namespace vmbcheck
