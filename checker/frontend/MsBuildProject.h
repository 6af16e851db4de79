// Compile commands from an MSBuild project (.vcxproj) or a solution (.sln)
// naming several, for drivers built with MSBuild and the WDK, which write no
// compile_commands.json.
//
// Only as much of MSBuild is evaluated as the compile settings need:
// PropertyGroups (with Conditions and $(...) expansion), Imports of the
// project's own .props (Directory.Build.props included), ItemDefinitionGroup
// and item ClCompile metadata (%(...) inheritance), and what the WDK
// toolset adds for the driver type. The files come from the repository under
// analysis: they are read with the input-size limits, nothing is executed,
// imports are followed only to a bounded depth and never in a cycle, and an
// MSBuild construct that is not understood is warned about and skipped.
#pragma once

#include "clang/Tooling/CompilationDatabase.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace vmbcheck {

struct MsBuildOptions {
  std::string Configuration = "Debug";
  std::string Platform = "x64";
  // A Windows Kits root (holding Include/<version>/km), or an include
  // directory holding km/ and shared/; empty: no WDK include directories.
  std::string Wdk;
};

struct MsBuildWarning {
  std::string File; // the project or imported file
  unsigned Line = 0;
  std::string Message; // quotes nothing from the file
};

struct MsBuildCommands {
  std::vector<clang::tooling::CompileCommand> Commands;
  std::vector<MsBuildWarning> Warnings;
  std::vector<std::string> ProjectFiles; // every project and .props read
  // Per source with WPP enabled: the trace functions of its WPP settings,
  // for the stand-in of its .tmh under --assume-generated-empty (a
  // compile_commands.json has no place for them).
  std::map<std::string, std::set<std::string>> WppFunctions;
  // Headers the projects' MessageCompile and Wmimofck items generate
  // (lower-case file names), with the file each is made from ("" when not
  // known), for "generated header" and --assume-generated-empty.
  std::map<std::string, std::string> GeneratedHeaders;
  unsigned Projects = 0;                 // projects evaluated
  unsigned KernelModeProjects = 0;       // with a WindowsKernelModeDriver toolset
};

// Evaluates Path (.vcxproj, or .sln: each .vcxproj it names). False with a
// one-line Error naming the file when the project (or solution) itself cannot
// be read or is not well-formed XML; problems in one project of a solution
// or in an imported file are warnings.
bool loadMsBuildCommands(const std::string &Path, const MsBuildOptions &Options,
                         MsBuildCommands &Out, std::string &Error);

// The commands as a compile_commands.json text ("arguments" form).
std::string compileCommandsJson(const std::vector<clang::tooling::CompileCommand> &Commands);

// A .vcxproj a solution names, with the project configuration its
// solution configuration maps to (ProjectConfigurationPlatforms ActiveCfg;
// the solution's own names when it has no mapping).
struct SolutionProject {
  std::string Path; // absolute
  std::string Configuration, Platform;
  bool Built = true; // false: the solution configuration does not build it
};

// The .vcxproj projects of a .sln, in its order, for the solution
// configuration Configuration|Platform. False with Error when the file
// cannot be read.
bool readSolutionProjects(const std::string &Sln, const std::string &Configuration,
                          const std::string &Platform, std::vector<SolutionProject> &Projects,
                          std::string &Error);

} // namespace vmbcheck
