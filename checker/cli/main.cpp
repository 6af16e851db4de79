// vmbcheck: checks Hyper-V VSP save callbacks (EVT_VMB_CHANNEL_SAVE_PACKET)
// against the KMCL contract.
//
//   vmbcheck [options] <source>... [-- <compiler args>]
//
// Exit codes: 0 no findings; 1 findings; 2 usage error, or a file or
// callback that could not be (fully) analysed.
#include "cli/Config.h"
#include "cli/Isolation.h"
#include "cli/Run.h"
#include "frontend/CompileCommands.h"
#include "frontend/MsBuildProject.h"
#include "frontend/ResourceDir.h"
#include "report/AtomicFile.h"
#include "report/Baseline.h"
#include "report/Embedded.h"
#include "report/Fixes.h"
#include "report/InputFile.h"
#include "report/MsvcWriter.h"
#include "report/SarifMerge.h"
#include "report/RuleCatalog.h"
#include "report/SarifWriter.h"
#include "report/TextWriter.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <sys/resource.h>
#include <thread>

#ifndef VMBCHECK_VERSION
#error "VMBCHECK_VERSION must be defined by the build"
#endif
#ifndef VMBCHECK_EXAMPLE
#error "VMBCHECK_EXAMPLE must be defined by the build"
#endif
#ifndef VMBCHECK_RELATIVE_EXAMPLE
#error "VMBCHECK_RELATIVE_EXAMPLE must be defined by the build"
#endif
#ifndef VMBCHECK_HOMEPAGE
#error "VMBCHECK_HOMEPAGE must be defined by the build"
#endif

using namespace llvm;
using namespace vmbcheck;

namespace {

cl::OptionCategory Category("vmbcheck options");

cl::list<std::string> Sources(cl::Positional, cl::desc("<source>..."), cl::cat(Category));
cl::opt<std::string> BuildPath("p", cl::desc("Build directory with compile_commands.json "
                                             "(default: searched from each source upward)"),
                               cl::value_desc("build-dir"), cl::cat(Category));
cl::list<std::string> ExtraArgs("extra-arg", cl::desc("Append an argument to every compile command"),
                                cl::value_desc("arg"), cl::cat(Category));
cl::list<std::string> ExtraArgsBefore("extra-arg-before",
                                      cl::desc("Prepend an argument to every compile command"),
                                      cl::value_desc("arg"), cl::cat(Category));
enum class Format { Text, Msvc, Sarif };
cl::opt<Format> OutputFormat("format", cl::desc("Output format"), cl::init(Format::Text),
                             cl::values(clEnumValN(Format::Text, "text", "clang-style diagnostics"),
                                        clEnumValN(Format::Msvc, "msvc",
                                                   "cl.exe-style diagnostics (Visual Studio, "
                                                   "VS Code $msCompile)"),
                                        clEnumValN(Format::Sarif, "sarif", "SARIF 2.1.0")),
                             cl::cat(Category));
cl::opt<std::string> OutputFile("o", cl::desc("Write the report to <file> instead of stdout"),
                                cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> ProjectFile("project",
                                 cl::desc("Analyse the ClCompile sources of an MSBuild project "
                                          "(.vcxproj) or of every project of a solution (.sln)"),
                                 cl::value_desc("vcxproj|sln"), cl::cat(Category));
cl::opt<std::string> ConfigurationOpt("configuration",
                                      cl::desc("With --project: the configuration (default Debug)"),
                                      cl::init("Debug"), cl::cat(Category));
cl::opt<std::string> PlatformOpt("platform", cl::desc("With --project: the platform (default x64)"),
                                 cl::init("x64"), cl::cat(Category));
cl::opt<std::string> WdkOpt("wdk",
                            cl::desc("With --project: the Windows Kits root or the WDK include "
                                     "directory (holding km/ and shared/)"),
                            cl::value_desc("dir"), cl::cat(Category));
cl::opt<std::string> ExportCompileCommands(
    "export-compile-commands", cl::ValueOptional,
    cl::desc("With --project: write its compile commands to <file> (default: "
             "compile_commands.json next to the project) instead of analysing"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<bool> ListRules("list-rules", cl::desc("List the rules and exit"), cl::cat(Category));
cl::opt<bool> ListCallbacks("list-callbacks",
                            cl::desc("List the save callbacks found, and why, then exit"),
                            cl::cat(Category));
cl::opt<bool> NoZ3("no-z3", cl::desc("Do not refute reports with the Z3 solver"), cl::cat(Category));
cl::opt<unsigned> MaxNodes("max-nodes", cl::desc("Path-node budget per callback (default 150000)"),
                           cl::init(150000), cl::cat(Category));
cl::opt<double> MaxSeconds("max-seconds", cl::desc("Time budget per callback, seconds (default 30)"),
                           cl::init(30.0), cl::cat(Category));
cl::opt<unsigned> Jobs("j", cl::desc("Files analysed in parallel (default: number of cores)"),
                       cl::init(0), cl::Prefix, cl::cat(Category));
cl::opt<std::string> SourceRoot("srcroot",
                                cl::desc("Directory SARIF URIs are relative to, recorded in the log "
                                         "(default: the git work tree holding the sources, else "
                                         "the current directory)"),
                                cl::value_desc("dir"), cl::cat(Category));
cl::opt<double> TimeoutOpt("timeout",
                           cl::desc("Seconds one file may take before it is reported as not "
                                    "analysed (default 300; 0: no limit)"),
                           cl::init(300), cl::cat(Category));
cl::opt<unsigned> MaxInputSize("max-input-size",
                               cl::desc("Largest configuration, baseline, SARIF, compilation "
                                        "database, MSBuild project or response file read, MiB "
                                        "(default 256)"),
                               cl::init(256), cl::cat(Category));
cl::opt<unsigned> MaxMemory("max-memory",
                            cl::desc("Address space one file's analysis may use, MiB (default "
                                     "8192; 0: no limit); beyond it the file is reported as "
                                     "not analysed"),
                            cl::init(8192), cl::cat(Category));
cl::opt<bool> NoIsolation("no-isolation",
                          cl::desc("Analyse in this process instead of one child process per "
                                   "file (faster to debug; a crash then ends the run)"),
                          cl::cat(Category));
cl::opt<bool> NoColor("no-color", cl::desc("Never colour text output"), cl::cat(Category));
cl::opt<std::string> RulesOpt("rules",
                              cl::desc("Rule globs, added after the configuration's "
                                       "(e.g. 'VMB*,-VMB005')"),
                              cl::value_desc("globs"), cl::cat(Category));
cl::opt<std::string> WarningsAsErrorsOpt("warnings-as-errors",
                                         cl::desc("Rule globs whose findings are errors"),
                                         cl::value_desc("globs"), cl::cat(Category));
cl::opt<std::string> ConfigFile("config-file",
                                cl::desc("Use this configuration file instead of the "
                                         ".vmbcheck.yaml files next to the sources"),
                                cl::value_desc("file"), cl::cat(Category));
cl::opt<bool> DumpConfig("dump-config",
                         cl::desc("Print the effective configuration (of the first source) "
                                  "and exit"),
                         cl::cat(Category));
cl::opt<std::string> ShardOpt("shard", cl::desc("Analyse part K of N of the sources (CI sharding)"),
                              cl::value_desc("K/N"), cl::cat(Category));
cl::opt<bool> IncludeSuppressed("include-suppressed",
                                cl::desc("Keep suppressed findings in SARIF (with suppressions[])"),
                                cl::cat(Category));
cl::opt<std::string> BaselineFile("baseline",
                                  cl::desc("Report only findings absent from this SARIF baseline"),
                                  cl::value_desc("sarif"), cl::cat(Category));
cl::opt<std::string> WriteBaseline("write-baseline",
                                   cl::desc("Write every current finding to this SARIF baseline "
                                            "and exit 0 (adoption on an existing code base)"),
                                   cl::value_desc("sarif"), cl::cat(Category));
cl::opt<bool> Fix("fix", cl::desc("Apply the fix-its of the findings to the sources"),
                  cl::cat(Category));
cl::opt<std::string> ExportFixes("export-fixes",
                                 cl::desc("Write the fix-its as YAML for clang-apply-replacements"),
                                 cl::value_desc("yaml"), cl::cat(Category));
cl::opt<bool> PrintResourceDir("print-resource-dir",
                               cl::desc("Print the directory of the Clang builtin headers used, "
                                        "and exit"),
                               cl::Hidden, cl::cat(Category));
cl::list<std::string> PathMaps(
    "path-map",
    cl::desc("Map a path prefix of the compilation database to this machine, as clangd's "
             "--path-mappings (e.g. C:\\=/mnt/c/; repeatable, longest prefix wins)"),
    cl::value_desc("from=to"), cl::cat(Category));
cl::opt<bool> NoCaseInsensitiveIncludes(
    "no-case-insensitive-includes",
    cl::desc("Do not find an #include whose case differs from the file's (by default done "
             "for MSVC targets, as cl.exe on Windows does)"),
    cl::cat(Category));
cl::opt<bool> AssumeGeneratedEmpty(
    "assume-generated-empty",
    cl::desc("Read a missing generated header (WPP .tmh, MC/MOF output) as a stand-in: trace "
             "macros that do nothing, the ids and declarations its .mc/.mof gives, else empty"),
    cl::cat(Category));
cl::opt<std::string> Explain("explain", cl::desc("Print the documentation of a rule and exit"),
                             cl::value_desc("rule"), cl::cat(Category));

std::string currentDir() {
  SmallString<256> Cwd;
  sys::fs::current_path(Cwd);
  return Cwd.str().str();
}

// The git work tree that holds the first analysed file, else the current
// directory. Taken from the sources rather than the working directory so that
// the SARIF is the same wherever vmbcheck is started.
// The outermost git work tree holding the first source (so that a file in a
// submodule and a file beside it, analysed in different shards, get URIs
// relative to one root), else the current directory.
std::string defaultSourceRoot(const std::vector<FileResult> &Files) {
  std::string Cwd = currentDir();
  SmallString<256> First(Files.empty() ? Cwd : Files.front().File);
  if (sys::fs::real_path(First, First)) {
    sys::fs::make_absolute(First);
    sys::path::remove_dots(First, /*remove_dot_dot=*/true);
  }
  std::string Root;
  for (StringRef Dir = First; !Dir.empty(); Dir = sys::path::parent_path(Dir)) {
    SmallString<256> Git(Dir);
    sys::path::append(Git, ".git");
    if (sys::fs::exists(Git))
      Root = Dir.str();
  }
  return Root.empty() ? Cwd : Root;
}

void printVersion(raw_ostream &OS) {
  OS << "vmbcheck " << VMBCHECK_VERSION << " (LLVM " << LLVM_VERSION_STRING << ")\n";
}

int listRules(raw_ostream &OS) {
  for (const RuleInfo &R : RuleCatalog::builtin().rules()) {
    OS << R.Id << "  " << R.Name << "  [" << R.Level << "]\n    " << R.ShortDescription << "\n";
    if (!R.CodeAnalysis.empty()) {
      OS << "    related Code Analysis warnings:";
      for (unsigned N : R.CodeAnalysis)
        OS << " C" << N;
      OS << "\n";
    }
  }
  return 0;
}

// vmbcheck merge a.sarif b.sarif ... -o all.sarif
int mergeCommand(int argc, const char **argv) {
  std::vector<std::string> Inputs;
  std::string Output;
  for (int I = 2; I < argc; ++I) {
    StringRef A = argv[I];
    if (A == "-o" && I + 1 < argc)
      Output = argv[++I];
    else if (A.starts_with("-o="))
      Output = A.drop_front(3).str();
    else if (A == "--help" || A == "-h") {
      outs() << "usage: vmbcheck merge <in.sarif>... -o <out.sarif>\n"
                "  Joins the SARIF of the shards of one analysis (--shard=K/N) into one run.\n";
      return 0;
    } else if (A.starts_with("-")) {
      WithColor::error(errs(), "vmbcheck merge") << "unknown option '" << A << "'\n";
      return 2;
    } else
      Inputs.push_back(A.str());
  }
  if (Inputs.empty() || Output.empty()) {
    WithColor::error(errs(), "vmbcheck merge") << "usage: vmbcheck merge <in.sarif>... -o <out.sarif>\n";
    return 2;
  }
  std::vector<nlohmann::json> Logs;
  for (const std::string &In : Inputs) {
    std::string Error;
    auto Bytes = readInputFile(In, "the SARIF log", Error);
    if (!Bytes) {
      WithColor::error(errs(), "vmbcheck merge") << Error << "\n";
      return 2;
    }
    if (std::string Deep = jsonNestingProblem(*Bytes); !Deep.empty()) {
      WithColor::error(errs(), "vmbcheck merge") << In << ": not a SARIF log: " << Deep << "\n";
      return 2;
    }
    StringRef Text = *Bytes;
    Logs.push_back(nlohmann::json::parse(Text.begin(), Text.end(), nullptr, false));
    if (Logs.back().is_discarded()) {
      WithColor::error(errs(), "vmbcheck merge") << In << ": not JSON\n";
      return 2;
    }
  }
  if (std::string In = outputIsAnInput(Output, Inputs); !In.empty()) {
    WithColor::error(errs(), "vmbcheck merge")
        << Output << ": the output is also an input (" << In << "); nothing written\n";
    return 2;
  }
  nlohmann::json Merged;
  std::string Error;
  if (!mergeSarif(Logs, Inputs, Merged, Error)) {
    WithColor::error(errs(), "vmbcheck merge") << Error << "\n";
    return 2;
  }
  if (!writeFileAtomically(Output, serializeJson(Merged), Error)) {
    WithColor::error(errs(), "vmbcheck merge") << Error << "\n";
    return 2;
  }
  return 0;
}

// "[3/12] drv.c" on one terminal line, only when stderr is a terminal.
ProgressFn progressLine() {
  if (!sys::Process::StandardErrIsDisplayed())
    return nullptr;
  return [](size_t Done, size_t Total, const std::string &File) {
    std::string Line = "[" + std::to_string(Done) + "/" + std::to_string(Total) + "] " +
                       sys::path::filename(File).str();
    errs() << "\r\x1b[K" << Line;
    if (Done == Total)
      errs() << "\r\x1b[K";
    errs().flush();
  };
}

// --project: the commands of an MSBuild project or solution, exported
// (--export-compile-commands) or put into Options for the analysis. Returns
// the exit code when the run ends here, else -1.
int useProject(RunOptions &Options, bool HasFixedArgs) {
  if (!ProjectFile.empty()) {
    if (!BuildPath.empty() || HasFixedArgs) {
      WithColor::error(errs(), "vmbcheck") << "--project cannot be combined with -p or `--`\n";
      return 2;
    }
    MsBuildOptions MO{ConfigurationOpt, PlatformOpt, WdkOpt};
    MsBuildCommands Project;
    std::string Error;
    if (!loadMsBuildCommands(ProjectFile, MO, Project, Error)) {
      WithColor::error(errs(), "vmbcheck") << Error << "\n";
      return 2;
    }
    for (const MsBuildWarning &W : Project.Warnings) {
      Notification N;
      N.Level = Notification::Severity::Warning;
      N.Id = "msbuild-project";
      N.Message = W.Message;
      N.Where.File = W.File;
      N.Where.Line = W.Line;
      Options.InputWarnings.push_back(std::move(N));
    }
    if (Project.Commands.empty()) {
      for (const Notification &N : Options.InputWarnings)
        writeNotificationText(errs(), N, TextStyle());
      WithColor::error(errs(), "vmbcheck")
          << ProjectFile << ": no ClCompile source for " << ConfigurationOpt << "|" << PlatformOpt
          << "\n";
      return 2;
    }
    if (ExportCompileCommands.getNumOccurrences()) {
      std::string Out = ExportCompileCommands;
      if (Out.empty())
        Out = (sys::path::parent_path(ProjectFile).empty() ? std::string(".")
                                                           : sys::path::parent_path(ProjectFile).str()) +
              "/compile_commands.json";
      for (const Notification &N : Options.InputWarnings)
        writeNotificationText(errs(), N, TextStyle());
      if (std::string In = outputIsAnInput(Out, Project.ProjectFiles); !In.empty()) {
        WithColor::error(errs(), "vmbcheck")
            << Out << ": the output is also an input (" << In << "); nothing written\n";
        return 2;
      }
      if (!writeFileAtomically(Out, compileCommandsJson(Project.Commands), Error)) {
        WithColor::error(errs(), "vmbcheck") << Error << "\n";
        return 2;
      }
      errs() << "vmbcheck: wrote " << Project.Commands.size() << " compile commands of "
             << Project.Projects << (Project.Projects == 1 ? " project" : " projects") << " to "
             << Out << "\n";
      return 0;
    }
    Options.Commands.ProjectCommands =
        std::make_shared<const std::vector<clang::tooling::CompileCommand>>(std::move(Project.Commands));
    Options.ProjectFiles = std::move(Project.ProjectFiles);
    Options.Analysis.ProjectWppFunctions =
        std::make_shared<const std::map<std::string, std::set<std::string>>>(
            std::move(Project.WppFunctions));
    Options.Analysis.ProjectGeneratedHeaders =
        std::make_shared<const std::map<std::string, std::string>>(std::move(Project.GeneratedHeaders));
  } else if (ExportCompileCommands.getNumOccurrences()) {
    WithColor::error(errs(), "vmbcheck") << "--export-compile-commands needs --project\n";
    return 2;
  }
  return -1;
}

} // namespace

// Deeply nested expressions make the parser and the checkers recurse deeply;
// allow the main thread's stack (that of each analysis process) to grow to
// what the address-space layout reserves for it, instead of the usual 8 MiB.
void raiseStackLimit() {
  rlimit L;
  if (getrlimit(RLIMIT_STACK, &L) != 0)
    return;
  rlim_t Want = 512ull * 1024 * 1024;
  if (L.rlim_cur != RLIM_INFINITY && L.rlim_cur < Want) {
    L.rlim_cur = (L.rlim_max == RLIM_INFINITY || L.rlim_max > Want) ? Want : L.rlim_max;
    setrlimit(RLIMIT_STACK, &L);
  }
}

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
  raiseStackLimit();
  if (argc > 1 && StringRef(argv[1]) == "merge")
    return mergeCommand(argc, argv);
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter(printVersion);

  // Everything after `--` is the compile command, as for clang-tidy.
  std::optional<std::vector<std::string>> FixedArgs;
  int Argc = argc;
  for (int I = 1; I < argc; ++I)
    if (StringRef(argv[I]) == "--") {
      FixedArgs = std::vector<std::string>(argv + I + 1, argv + argc);
      Argc = I;
      break;
    }
  std::string ParseErrors;
  raw_string_ostream ErrStream(ParseErrors);
  if (!cl::ParseCommandLineOptions(
          Argc, argv,
          "checks Hyper-V VSP save callbacks (EVT_VMB_CHANNEL_SAVE_PACKET) against the KMCL "
          "contract\n\n  vmbcheck [options] <source>... [-- <compiler args>]\n\n"
          "  With no source and no -p, analyses the bundled example driver.\n"
          "  Exit codes: 0 no findings, 1 findings, 2 usage error or incomplete analysis.\n",
          &ErrStream)) {
    ErrStream.flush();
    errs() << ParseErrors;
    return 2;
  }

  if (ListRules)
    return listRules(outs());
  if (PrintResourceDir) {
    outs() << CompileCommands::resourceDir() << "\n";
    return 0;
  }
  if (!Explain.empty()) {
    const RuleInfo *R = RuleCatalog::builtin().find(StringRef(Explain).upper());
    if (!R) {
      WithColor::error(errs(), "vmbcheck") << "unknown rule '" << Explain
                                           << "' (see --list-rules)\n";
      return 2;
    }
    outs() << R->HelpMarkdown;
    return 0;
  }

  // Budgets are checked like the configuration file's: a NaN, infinite or
  // negative value would switch a budget off or make it meaningless.
  auto Budget = [](const char *Name, double V, bool ZeroAllowed) {
    if (std::isfinite(V) && (V > 0 || (ZeroAllowed && V == 0)) && V <= 1e9)
      return true;
    WithColor::error(errs(), "vmbcheck") << "--" << Name << " must be a " << (ZeroAllowed ? "" : "positive ")
                                         << "number of seconds" << (ZeroAllowed ? " (0: no limit)" : "")
                                         << ", not '" << V << "'\n";
    return false;
  };
  if (!Budget("max-seconds", MaxSeconds, false) || !Budget("timeout", TimeoutOpt, true))
    return 2;
  if (MaxNodes == 0 || MaxInputSize == 0 || MaxInputSize > 1024 * 1024) {
    WithColor::error(errs(), "vmbcheck")
        << "--max-nodes and --max-input-size must be positive (--max-input-size at most 1048576 MiB)\n";
    return 2;
  }
  setMaxInputBytes(uint64_t(MaxInputSize) * 1024 * 1024);

  unsigned Shard = 1, Shards = 1;
  if (!ShardOpt.empty()) {
    auto [K, N] = StringRef(ShardOpt).split('/');
    if (K.getAsInteger(10, Shard) || N.getAsInteger(10, Shards) || Shards == 0 || Shard == 0 ||
        Shard > Shards) {
      WithColor::error(errs(), "vmbcheck") << "--shard expects K/N with 1 <= K <= N, not '"
                                           << ShardOpt << "'\n";
      return 2;
    }
  }

  // Command-line settings, applied after each file's configuration.
  Config Overrides;
  if (!RulesOpt.empty())
    Overrides.Rules = RulesOpt;
  if (!WarningsAsErrorsOpt.empty())
    Overrides.WarningsAsErrors = WarningsAsErrorsOpt;
  if (MaxNodes.getNumOccurrences())
    Overrides.MaxNodes = MaxNodes;
  if (MaxSeconds.getNumOccurrences())
    Overrides.MaxSeconds = MaxSeconds;
  ConfigResolver Configs(ConfigFile.empty() ? std::nullopt : std::optional<std::string>(ConfigFile),
                         Overrides);
  if (DumpConfig) {
    std::string Error;
    std::string For = Sources.empty() ? currentDir() + "/." : Sources.front();
    auto C = Configs.forFile(For, Error);
    if (!C) {
      WithColor::error(errs(), "vmbcheck") << Error << "\n";
      return 2;
    }
    outs() << C->toYaml();
    return 0;
  }

  RunOptions Options;
  if (int Exit = useProject(Options, FixedArgs.has_value()); Exit >= 0)
    return Exit;
  Options.Commands.BuildPath = BuildPath;
  Options.Commands.FixedArgs = FixedArgs;
  Options.Commands.ExtraArgs = ExtraArgs;
  Options.Commands.ExtraArgsBefore = ExtraArgsBefore;
  for (const std::string &Map : PathMaps)
    if (std::string E = Options.Commands.PathMappings.add(Map); !E.empty()) {
      errs() << "vmbcheck: " << E << "\n";
      return 2;
    }
  Options.Analysis.CaseInsensitiveIncludes = !NoCaseInsensitiveIncludes;
  Options.Analysis.AssumeGeneratedEmpty = AssumeGeneratedEmpty;
  Options.Sources.assign(Sources.begin(), Sources.end());
  if (Options.Sources.empty() && BuildPath.empty() && ProjectFile.empty()) {
    // Installed beside the binary, else in the source tree it was built from.
    std::string Example = besideExecutable(VMBCHECK_RELATIVE_EXAMPLE, "");
    if (Example.empty())
      Example = VMBCHECK_EXAMPLE;
    if (!sys::fs::exists(Example)) {
      WithColor::error(errs(), "vmbcheck")
          << "no input files, and the bundled example " << Example
          << " is not there (give source files, or -p <build-dir>)\n";
      return 2;
    }
    errs() << "vmbcheck: no input files; analysing the bundled example driver " << Example
           << "\n";
    Options.Sources.push_back(Example);
  }
  Options.Analysis.Engine.UseZ3 = !NoZ3;
  Options.Analysis.Engine.MaxNodes = MaxNodes;
  Options.Analysis.Engine.MaxSeconds = MaxSeconds;
  Options.Jobs = Jobs ? Jobs : std::max(1u, std::thread::hardware_concurrency());
  Options.Configs = &Configs;
  Options.TimeoutSeconds = TimeoutOpt;
  Options.MaxMemoryMiB = MaxMemory;
  if (MaxMemory.getNumOccurrences() && !memoryLimitSupported())
    errs() << "vmbcheck: warning: --max-memory is not enforced in this (sanitizer) build\n";
  installInterruptHandlers();
  Options.Isolate = !NoIsolation;
  Options.Shard = Shard;
  Options.Shards = Shards;

  RunResult Result = runAnalysis(Options, progressLine());
  if (!Result.Error.empty()) {
    WithColor::error(errs(), "vmbcheck") << Result.Error << "\n";
    return 2;
  }

  const RuleCatalog &Rules = RuleCatalog::builtin();
  SarifOptions SO;
  SO.SourceRoot = SourceRoot.empty() ? defaultSourceRoot(Result.Files) : std::string(SourceRoot);
  {
    SmallString<256> Abs(SO.SourceRoot);
    sys::fs::make_absolute(Abs);
    sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    SO.SourceRoot = Abs.str().str();
  }
  if (OutputFormat == Format::Sarif || !WriteBaseline.empty())
    SO.Provenance = readGitProvenance(SO.SourceRoot);
  SO.ToolVersion = VMBCHECK_VERSION;
  SO.InformationUri = VMBCHECK_HOMEPAGE;
  SO.IncludeSuppressed = IncludeSuppressed;

  if (!BaselineFile.empty()) {
    std::string Error;
    auto B = Baseline::load(BaselineFile, Error);
    if (!B) {
      WithColor::error(errs(), "vmbcheck") << Error << "\n";
      return 2;
    }
    B->classify(Result.Files, SO.SourceRoot);
  }

  // What is reported: not suppressed, not already in the baseline.
  std::vector<const Finding *> Reported;
  size_t Incomplete = 0, Suppressed = 0, Known = 0;
  for (const FileResult &F : Result.Files) {
    Incomplete += F.Complete ? 0 : 1;
    for (const Finding &Fd : F.Findings) {
      if (!Fd.Suppression.empty())
        ++Suppressed;
      else if (Fd.BaselineState == "unchanged")
        ++Known;
      else
        Reported.push_back(&Fd);
    }
  }
  // Exit code 2: a file was not completely analysed, or the run itself
  // failed (an unusable compilation database, like an unreadable file).
  bool NotAllAnalysed = Incomplete > 0 || llvm::any_of(Result.Warnings, [](const Notification &N) {
                          return N.Level == Notification::Severity::Error;
                        });

  // No output may overwrite an input: a source, the database, the baseline
  // or configuration read (compared by identity, so links count).
  std::vector<std::string> Inputs(Options.Sources.begin(), Options.Sources.end());
  for (const FileResult &F : Result.Files)
    Inputs.push_back(F.File);
  for (const std::string *In : {&BaselineFile.getValue(), &ConfigFile.getValue()})
    if (!In->empty())
      Inputs.push_back(*In);
  if (!BuildPath.empty())
    Inputs.push_back((Twine(BuildPath) + "/compile_commands.json").str());
  Inputs.insert(Inputs.end(), Options.ProjectFiles.begin(), Options.ProjectFiles.end());
  for (const std::string *Out : {&OutputFile.getValue(), &WriteBaseline.getValue(),
                                 &ExportFixes.getValue()})
    if (!Out->empty())
      if (std::string In = outputIsAnInput(*Out, Inputs); !In.empty()) {
        WithColor::error(errs(), "vmbcheck")
            << *Out << ": the output is also an input (" << In << "); nothing written\n";
        return 2;
      }

  if (!WriteBaseline.empty()) {
    SarifOptions BO = SO;
    BO.IncludeSuppressed = false;
    std::string Error;
    if (!writeFileAtomically(WriteBaseline,
                             serializeJson(makeSarif({&Result.Files, &Result.Warnings}, Rules, BO)),
                             Error)) {
      WithColor::error(errs(), "vmbcheck") << Error << "\n";
      return 2;
    }
    errs() << "vmbcheck: wrote " << Reported.size() << " findings to the baseline "
           << WriteBaseline << "\n";
    return NotAllAnalysed ? 2 : 0;
  }

  // The report goes to a string first when it is a file: written whole, at
  // the end, or not at all.
  std::string Report;
  raw_string_ostream ReportStream(Report);
  raw_ostream *OS = OutputFile.empty() ? static_cast<raw_ostream *>(&outs()) : &ReportStream;
  auto FinishReport = [&]() {
    if (OutputFile.empty())
      return true;
    std::string Error;
    if (writeFileAtomically(OutputFile, Report, Error))
      return true;
    WithColor::error(errs(), "vmbcheck") << Error << "\n";
    return false;
  };

  TextStyle Style;
  Style.BaseDir = currentDir();
  Style.Color = !NoColor && OutputFile.empty() && outs().has_colors();

  if (ListCallbacks) {
    for (const FileResult &F : Result.Files)
      for (const Notification &N : F.Notifications)
        writeNotificationText(errs(), N, Style);
    for (const CallbackListing &C : Result.Callbacks) {
      *OS << displayPath(C.Where.File, Style.BaseDir) << ":" << C.Where.Line << ":"
          << C.Where.Column << ": " << printableText(C.Name) << ":";
      for (size_t I = 0; I < C.Reasons.size(); ++I)
        *OS << (I ? ";" : "") << " " << printableText(C.Reasons[I]);
      *OS << "\n";
    }
    if (!FinishReport())
      return 2;
    return NotAllAnalysed ? 2 : 0;
  }

  if (!ExportFixes.empty()) {
    std::string Error;
    if (!exportFixes(Reported, ExportFixes, Error)) {
      WithColor::error(errs(), "vmbcheck") << Error << "\n";
      return 2;
    }
  }

  if (OutputFormat == Format::Sarif) {
    *OS << serializeJson(makeSarif({&Result.Files, &Result.Warnings}, Rules, SO));
  } else if (OutputFormat == Format::Msvc) {
    // One stream, as cl.exe and MSBuild write it: IDEs read only the
    // build output, so notifications go where findings go.
    for (const Notification &N : Result.Warnings)
      writeNotificationMsvc(*OS, N, Style.BaseDir);
    for (const FileResult &F : Result.Files)
      for (const Notification &N : F.Notifications)
        writeNotificationMsvc(*OS, N, Style.BaseDir);
    for (const Finding *Fd : Reported)
      writeFindingMsvc(*OS, *Fd, Rules.find(Fd->RuleId), Style.BaseDir);
  } else {
    for (const Notification &N : Result.Warnings)
      writeNotificationText(errs(), N, Style);
    for (const FileResult &F : Result.Files)
      for (const Notification &N : F.Notifications)
        writeNotificationText(errs(), N, Style);
    for (const Finding *Fd : Reported)
      writeFindingText(*OS, *Fd, Rules.find(Fd->RuleId), Style);
  }
  if (!FinishReport())
    return 2;

  bool FixFailed = false;
  if (Fix && !Result.Interrupted) { // an interrupted run's fixes are incomplete
    std::vector<std::string> Errors;
    unsigned Applied = applyFixes(Reported, Errors);
    for (const std::string &E : Errors)
      WithColor::error(errs(), "vmbcheck") << E << "\n";
    FixFailed = !Errors.empty();
    errs() << "vmbcheck: applied " << Applied << (Applied == 1 ? " fix" : " fixes") << "\n";
  }

  // The summary goes to stderr so that stdout stays machine-readable.
  errs() << "vmbcheck: " << Reported.size() << (Reported.size() == 1 ? " finding" : " findings")
         << " in " << Result.Files.size() << (Result.Files.size() == 1 ? " file" : " files");
  if (Suppressed)
    errs() << "; " << Suppressed << " suppressed";
  if (Known)
    errs() << "; " << Known << " in the baseline";
  if (Incomplete)
    errs() << "; " << Incomplete << (Incomplete == 1 ? " file was" : " files were")
           << " not completely analysed";
  errs() << "\n";
  // Interrupted: what finished was reported; the exit code says how the run
  // ended, as a shell does (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP).
  if (Result.Interrupted)
    return 128 + Result.Interrupted;
  if (NotAllAnalysed || FixFailed)
    return 2;
  return Reported.empty() ? 0 : 1;
}
