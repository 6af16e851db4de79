// Where compile commands come from (a compilation database found with -p or
// next to the sources, or the flags after `--`) and how vmbcheck adjusts
// them before parsing: builtin headers baked in at configure time, a Windows
// target when the command names none, syntax-only parsing.
#pragma once

#include "frontend/WindowsPaths.h"

#include "clang/Tooling/CompilationDatabase.h"

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace vmbcheck {

struct CommandSource {
  std::string BuildPath;                      // -p
  std::optional<std::vector<std::string>> FixedArgs; // after `--`
  std::vector<std::string> ExtraArgsBefore;   // --extra-arg-before
  std::vector<std::string> ExtraArgs;         // --extra-arg
  PathMap PathMappings;                       // --path-map
  // --project: the commands an MSBuild project implies, built in memory.
  std::shared_ptr<const std::vector<clang::tooling::CompileCommand>> ProjectCommands;
};

class CompileCommands {
public:
  // Loads the database named by Source for the given sources. Sets Error and
  // returns null when -p names no usable database.
  static std::unique_ptr<CompileCommands>
  load(const CommandSource &Source, const std::vector<std::string> &Sources,
       std::string &Error);

  // Every file the database knows, sorted (for `vmbcheck -p build`).
  std::vector<std::string> allFiles() const;

  // The adjusted commands for File (several when the database lists it more
  // than once). Warning is set when no database covered the file and default
  // flags are used.
  // Extra: arguments from the file's configuration, added after those of
  // the command line. Warnings: things the user should know (no database,
  // a malformed one found next to the source, arguments dropped). Errors:
  // inputs that could not be read (a database or response file that is not
  // a regular file or is too large); the file is still analysed.
  std::vector<clang::tooling::CompileCommand>
  commandsFor(const std::string &File, std::vector<std::string> &Warnings,
              std::vector<std::string> &Errors,
              const std::vector<std::string> &ExtraBefore = {},
              const std::vector<std::string> &Extra = {}) const;

  // The builtin-header directory: the copy installed beside the binary,
  // else that of the Clang the tool was built with (ResourceDir.cpp).
  static std::string resourceDir();

private:
  CommandSource Source;
  std::unique_ptr<clang::tooling::CompilationDatabase> Database; // -p or --
  std::string DatabaseError;
  // Paths the path map produced; a cl-style command must take them as files.
  mutable std::set<std::string> MappedPaths;
  // The database names Windows paths no --path-map maps (said when a file
  // then has no command).
  mutable bool UnmappedWindowsPaths = false;
};

// Applies vmbcheck's adjustments to one command (exposed for tests).
std::vector<std::string> adjustCommandLine(std::vector<std::string> Args,
                                           const std::string &File,
                                           const CommandSource &Source);

// Keeps in Args only what the analysis needs (CompilerArguments.cpp: an
// allow-list of preprocessor, language, target and warning options, the
// program and the inputs). Returns the dropped arguments worth a warning
// (those that would write files or load code, and any other option the
// analysis does not use, except code generation, debug and output options,
// which are dropped quietly); arguments the Clang driver does not know (a
// database written for GCC or another compiler) go to Unknown.
// Expands @response files in Args (relative to Directory), reading only
// regular files within the input size limit; "" or a one-line reason they
// could not be expanded (recursion included).
std::string expandResponseFiles(std::vector<std::string> &Args, const std::string &Directory);

// Files: arguments that are files whatever they look like (absolute Linux
// paths the path map produced): for clang-cl, /home/x/drv.c would be an
// option; they are passed after `--`, as are existing absolute paths.
std::vector<std::string> keepAnalysisArguments(std::vector<std::string> &Args,
                                               std::vector<std::string> &Unknown,
                                               const std::set<std::string> &Files = {});

} // namespace vmbcheck
