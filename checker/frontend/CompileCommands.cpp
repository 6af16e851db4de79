#include "frontend/CompileCommands.h"

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "llvm/ADT/StringExtras.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "report/InputFile.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/StringSaver.h"
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

static bool isClDriver(const std::vector<std::string> &Args) { return isClStyleCommand(Args); }

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

// Why a compilation database file cannot be read safely, or "": it must be
// a regular file within the size limit and not absurdly nested (the JSON
// and YAML readers recurse per level).
static std::string databaseProblem(const std::string &Path) {
  std::string Error;
  auto Text = readInputFile(Path, "the compilation database", Error);
  if (!Text)
    return Error;
  if (std::string Deep = jsonNestingProblem(*Text); !Deep.empty())
    return Path + ": malformed compilation database: " + Deep;
  return "";
}

// Path of the compile_commands.json read as a database written on Windows
// (see rewriteWindowsDatabase), or null when it needs no rewrite and
// clang's own reader is used.
static std::unique_ptr<CompilationDatabase>
loadWindowsDatabase(const std::string &JsonPath, const PathMap &Map,
                    std::set<std::string> &Mapped, bool &Unmapped) {
  std::string Error;
  auto Text = readInputFile(JsonPath, "the compilation database", Error);
  if (!Text)
    return nullptr;
  std::vector<std::string> Warnings;
  auto Rewritten = rewriteWindowsDatabase(*Text, Map, Mapped, Warnings);
  Unmapped = Unmapped || !Warnings.empty();
  if (!Rewritten)
    return nullptr;
  return JSONCompilationDatabase::loadFromBuffer(*Rewritten, Error, JSONCommandLineSyntax::Gnu);
}
// The commands of an MSBuild project (--project), evaluated in memory.
class ListedDatabase : public CompilationDatabase {
public:
  explicit ListedDatabase(std::vector<CompileCommand> Commands) : Commands(std::move(Commands)) {}
  std::vector<CompileCommand> getCompileCommands(llvm::StringRef File) const override {
    std::vector<CompileCommand> Out;
    for (const CompileCommand &C : Commands)
      if (C.Filename == File)
        Out.push_back(C);
    return Out;
  }
  std::vector<std::string> getAllFiles() const override {
    std::vector<std::string> Files;
    for (const CompileCommand &C : Commands)
      Files.push_back(C.Filename);
    return Files;
  }
  std::vector<CompileCommand> getAllCompileCommands() const override { return Commands; }

private:
  std::vector<CompileCommand> Commands;
};

std::unique_ptr<CompileCommands>
CompileCommands::load(const CommandSource &Source, const std::vector<std::string> &Sources,
                      std::string &Error) {
  auto Result = std::unique_ptr<CompileCommands>(new CompileCommands());
  Result->Source = Source;
  std::unique_ptr<CompilationDatabase> DB;
  if (Source.ProjectCommands) {
    DB = std::make_unique<ListedDatabase>(*Source.ProjectCommands);
  } else if (Source.FixedArgs) {
    std::vector<std::string> Args = *Source.FixedArgs;
    for (std::string &A : Args)
      A = mapArgument(A, Source.PathMappings, !Source.PathMappings.empty(), Result->MappedPaths);
    DB = std::make_unique<FixedCompilationDatabase>(".", Args);
  } else if (!Source.BuildPath.empty()) {
    std::string Err;
    for (const char *Name : {"compile_commands.json", "compile_flags.txt"}) {
      llvm::SmallString<256> P(Source.BuildPath);
      llvm::sys::path::append(P, Name);
      if (!llvm::sys::fs::exists(P))
        continue;
      Error = databaseProblem(P.str().str());
      if (!Error.empty())
        return nullptr;
      if (llvm::StringRef(Name) == "compile_commands.json")
        DB = loadWindowsDatabase(P.str().str(), Source.PathMappings, Result->MappedPaths,
                                 Result->UnmappedWindowsPaths);
      break;
    }
    if (!DB)
      DB = CompilationDatabase::loadFromDirectory(Source.BuildPath, Err);
    if (!DB) {
      llvm::SmallString<256> Json(Source.BuildPath);
      llvm::sys::path::append(Json, "compile_commands.json");
      if (llvm::sys::fs::exists(Json)) {
        std::string JsonErr;
        JSONCompilationDatabase::loadFromFile(Json, JsonErr, JSONCommandLineSyntax::AutoDetect);
        Error = "malformed compilation database: " +
                withoutQuotedContent(llvm::StringRef(JsonErr).trim().str());
      } else {
        Error = "no compile_commands.json or compile_flags.txt in this directory";
      }
      return nullptr;
    }
  }
  if (DB) {
    DB = inferTargetAndDriverMode(std::move(DB));
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

// A file system that opens only regular files within the input size limit:
// response files named by a compile command come from the repository.
class BoundedFileSystem : public llvm::vfs::ProxyFileSystem {
public:
  BoundedFileSystem() : ProxyFileSystem(llvm::vfs::getRealFileSystem()) {}
  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>> openFileForRead(const llvm::Twine &Path) override {
    auto St = status(Path);
    if (!St)
      return St.getError();
    if (St->getType() != llvm::sys::fs::file_type::regular_file)
      return std::make_error_code(std::errc::invalid_argument);
    if (St->getSize() > maxInputBytes())
      return std::make_error_code(std::errc::file_too_large);
    return ProxyFileSystem::openFileForRead(Path);
  }
};

std::string expandResponseFiles(std::vector<std::string> &Args, const std::string &Directory) {
  if (llvm::none_of(Args, [](const std::string &A) { return !A.empty() && A[0] == '@'; }))
    return "";
  llvm::BumpPtrAllocator Alloc;
  llvm::StringSaver Saver(Alloc);
  llvm::SmallVector<const char *, 64> Argv;
  for (const std::string &A : Args)
    Argv.push_back(Saver.save(A).data());
  BoundedFileSystem FS;
  llvm::cl::ExpansionContext ECtx(Alloc, isClDriver(Args) ? llvm::cl::TokenizeWindowsCommandLine
                                                          : llvm::cl::TokenizeGNUCommandLine);
  ECtx.setVFS(&FS).setCurrentDir(Directory);
  if (llvm::Error E = ECtx.expandResponseFiles(Argv)) {
    // One line (recursion, an unreadable or oversized file); the response
    // files are left out, the rest of the command is used.
    std::string Text = llvm::toString(std::move(E));
    std::replace(Text.begin(), Text.end(), '\n', ' ');
    llvm::erase_if(Args, [](const std::string &A) { return !A.empty() && A[0] == '@'; });
    return "response file not expanded: " + llvm::StringRef(Text).trim().str();
  }
  Args.assign(Argv.begin(), Argv.end());
  return "";
}

std::vector<CompileCommand>
CompileCommands::commandsFor(const std::string &File, std::vector<std::string> &Warnings,
                             std::vector<std::string> &Errors,
                             const std::vector<std::string> &ExtraBefore,
                             const std::vector<std::string> &Extra) const {
  CommandSource Adjust = Source;
  // Arguments from a .vmbcheck.yaml come from the repository, like its
  // compile commands: the same allow-list applies. (--extra-arg on the
  // command line is the user's own and is kept.)
  for (auto [From, To] : {std::pair{&ExtraBefore, &Adjust.ExtraArgsBefore},
                          std::pair{&Extra, &Adjust.ExtraArgs}}) {
    std::vector<std::string> Args{"clang"}, Unknown;
    Args.insert(Args.end(), From->begin(), From->end());
    std::vector<std::string> Dropped = keepAnalysisArguments(Args, Unknown);
    Dropped.insert(Dropped.end(), Unknown.begin(), Unknown.end());
    if (!Dropped.empty())
      Warnings.push_back("ExtraArgs of the configuration dropped (only preprocessor, language, "
                         "target and warning options are used): " + llvm::join(Dropped, " "));
    To->insert(To->end(), Args.begin() + 1, Args.end());
  }
  llvm::SmallString<256> Abs(File);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  std::vector<CompileCommand> Commands;
  if (Database) {
    Commands = Database->getCompileCommands(Abs);
  } else {
    // Like clang-tidy: a compile_commands.json or compile_flags.txt in a
    // parent directory of the source.
    std::string Err, Unreadable;
    // The databases autodetection would read, checked first: a FIFO named
    // compile_commands.json in the repository must not block the run.
    for (llvm::StringRef Dir = llvm::sys::path::parent_path(Abs);
         !Dir.empty() && Unreadable.empty(); Dir = llvm::sys::path::parent_path(Dir))
      for (const char *Name : {"compile_commands.json", "compile_flags.txt"}) {
        llvm::SmallString<256> P(Dir);
        llvm::sys::path::append(P, Name);
        if (llvm::sys::fs::exists(P)) {
          Unreadable = databaseProblem(P.str().str());
          Dir = "/"; // the closest one decides, as autodetection does
          break;
        }
      }
    std::unique_ptr<CompilationDatabase> Windows;
    for (llvm::StringRef Dir = llvm::sys::path::parent_path(Abs);
         !Dir.empty() && Unreadable.empty(); Dir = llvm::sys::path::parent_path(Dir)) {
      llvm::SmallString<256> Json(Dir), Flags(Dir);
      llvm::sys::path::append(Json, "compile_commands.json");
      llvm::sys::path::append(Flags, "compile_flags.txt");
      if (llvm::sys::fs::exists(Json))
        Windows = loadWindowsDatabase(Json.str().str(), Source.PathMappings, MappedPaths,
                                      UnmappedWindowsPaths);
      if (llvm::sys::fs::exists(Json) || llvm::sys::fs::exists(Flags))
        break;
    }
    if (!Unreadable.empty()) {
      Errors.push_back(Unreadable + "; the file was analysed with default flags");
    } else if (Windows) {
      Commands = inferMissingCompileCommands(inferTargetAndDriverMode(std::move(Windows)))
                     ->getCompileCommands(Abs);
    } else if (auto Detected = CompilationDatabase::autoDetectFromSource(Abs, Err)) {
      auto DB = inferMissingCompileCommands(inferTargetAndDriverMode(std::move(Detected)));
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
                             ": " + withoutQuotedContent(llvm::StringRef(JsonErr).trim().str()));
        break;
      }
    }
  }
  if (Commands.empty()) {
    if (Errors.empty())
      Warnings.push_back(std::string("no compile command found; analysing it with default flags") +
                         (UnmappedWindowsPaths ? " (the compilation database names Windows paths "
                                                 "(C:\\... or \\\\server) that no --path-map "
                                                 "maps; pass e.g. --path-map C:\\=/mnt/c/)"
                                               : ""));
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
    if (std::string E = expandResponseFiles(C.CommandLine, C.Directory); !E.empty())
      Errors.push_back(E);
    std::vector<std::string> Unknown;
    std::set<std::string> Files = MappedPaths;
    Files.insert(C.Filename);
    std::vector<std::string> Dropped = keepAnalysisArguments(C.CommandLine, Unknown, Files);
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
