// vmbcheck: checks Hyper-V VSP save callbacks (EVT_VMB_CHANNEL_SAVE_PACKET)
// against the KMCL contract.
//
//   vmbcheck [options] <source>... [-- <compiler args>]
//
// Exit codes: 0 no findings; 1 findings; 2 usage error, or a file or
// callback that could not be (fully) analysed.
#include "cli/Run.h"
#include "report/Embedded.h"
#include "report/RuleCatalog.h"
#include "report/SarifWriter.h"
#include "report/TextWriter.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <thread>

#ifndef VMBCHECK_VERSION
#error "VMBCHECK_VERSION must be defined by the build"
#endif
#ifndef VMBCHECK_EXAMPLE
#error "VMBCHECK_EXAMPLE must be defined by the build"
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
enum class Format { Text, Sarif };
cl::opt<Format> OutputFormat("format", cl::desc("Output format"), cl::init(Format::Text),
                             cl::values(clEnumValN(Format::Text, "text", "clang-style diagnostics"),
                                        clEnumValN(Format::Sarif, "sarif", "SARIF 2.1.0")),
                             cl::cat(Category));
cl::opt<std::string> OutputFile("o", cl::desc("Write the report to <file> instead of stdout"),
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
                                cl::desc("Directory SARIF URIs are relative to (default: the "
                                         "enclosing git work tree, else the current directory)"),
                                cl::value_desc("dir"), cl::cat(Category));
cl::opt<bool> NoColor("no-color", cl::desc("Never colour text output"), cl::cat(Category));

std::string currentDir() {
  SmallString<256> Cwd;
  sys::fs::current_path(Cwd);
  return Cwd.str().str();
}

std::string defaultSourceRoot() {
  std::string Cwd = currentDir();
  for (StringRef Dir = Cwd; !Dir.empty(); Dir = sys::path::parent_path(Dir)) {
    SmallString<256> Git(Dir);
    sys::path::append(Git, ".git");
    if (sys::fs::exists(Git))
      return Dir.str();
  }
  return Cwd;
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

} // namespace

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
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

  RunOptions Options;
  Options.Commands.BuildPath = BuildPath;
  Options.Commands.FixedArgs = FixedArgs;
  Options.Commands.ExtraArgs = ExtraArgs;
  Options.Commands.ExtraArgsBefore = ExtraArgsBefore;
  Options.Sources.assign(Sources.begin(), Sources.end());
  if (Options.Sources.empty() && BuildPath.empty()) {
    if (!sys::fs::exists(VMBCHECK_EXAMPLE)) {
      WithColor::error(errs(), "vmbcheck")
          << "no input files, and the bundled example " << VMBCHECK_EXAMPLE
          << " is not there (give source files, or -p <build-dir>)\n";
      return 2;
    }
    errs() << "vmbcheck: no input files; analysing the bundled example driver "
           << VMBCHECK_EXAMPLE << "\n";
    Options.Sources.push_back(VMBCHECK_EXAMPLE);
  }
  Options.Analysis.Engine.UseZ3 = !NoZ3;
  Options.Analysis.Engine.MaxNodes = MaxNodes;
  Options.Analysis.Engine.MaxSeconds = MaxSeconds;
  Options.Jobs = Jobs ? Jobs : std::max(1u, std::thread::hardware_concurrency());

  RunResult Result = runAnalysis(Options);
  if (!Result.Error.empty()) {
    WithColor::error(errs(), "vmbcheck") << Result.Error << "\n";
    return 2;
  }

  std::unique_ptr<raw_fd_ostream> File;
  raw_ostream *OS = &outs();
  if (!OutputFile.empty()) {
    std::error_code EC;
    File = std::make_unique<raw_fd_ostream>(OutputFile, EC, sys::fs::OF_Text);
    if (EC) {
      WithColor::error(errs(), "vmbcheck") << "cannot write '" << OutputFile << "': "
                                           << EC.message() << "\n";
      return 2;
    }
    OS = File.get();
  }

  const RuleCatalog &Rules = RuleCatalog::builtin();
  size_t FindingCount = 0, Incomplete = 0;
  for (const FileResult &F : Result.Files) {
    FindingCount += F.Findings.size();
    Incomplete += F.Complete ? 0 : 1;
  }

  TextStyle Style;
  Style.BaseDir = currentDir();
  Style.Color = !NoColor && !File && outs().has_colors();

  if (ListCallbacks) {
    for (const FileResult &F : Result.Files)
      for (const Notification &N : F.Notifications)
        writeNotificationText(errs(), N, Style);
    for (const CallbackListing &C : Result.Callbacks) {
      *OS << displayPath(C.Where.File, Style.BaseDir) << ":" << C.Where.Line << ":"
          << C.Where.Column << ": " << C.Name << ":";
      for (size_t I = 0; I < C.Reasons.size(); ++I)
        *OS << (I ? ";" : "") << " " << C.Reasons[I];
      *OS << "\n";
    }
    return Incomplete ? 2 : 0;
  }

  if (OutputFormat == Format::Sarif) {
    SarifOptions SO;
    SO.SourceRoot = SourceRoot.empty() ? defaultSourceRoot() : std::string(SourceRoot);
    if (!SourceRoot.empty()) {
      SmallString<256> Abs(SO.SourceRoot);
      sys::fs::make_absolute(Abs);
      SO.SourceRoot = Abs.str().str();
    }
    SO.ToolVersion = VMBCHECK_VERSION;
    SO.InformationUri = VMBCHECK_HOMEPAGE;
    *OS << serializeJson(makeSarif({&Result.Files, &Result.Warnings}, Rules, SO));
  } else {
    for (const Notification &N : Result.Warnings)
      writeNotificationText(errs(), N, Style);
    for (const FileResult &F : Result.Files) {
      for (const Notification &N : F.Notifications)
        writeNotificationText(errs(), N, Style);
      for (const Finding &Fd : F.Findings)
        writeFindingText(*OS, Fd, Rules.find(Fd.RuleId), Style);
    }
  }
  // The summary goes to stderr so that stdout stays machine-readable.
  errs() << "vmbcheck: " << FindingCount << (FindingCount == 1 ? " finding" : " findings")
         << " in " << Result.Files.size() << (Result.Files.size() == 1 ? " file" : " files");
  if (Incomplete)
    errs() << "; " << Incomplete << (Incomplete == 1 ? " file was" : " files were")
           << " not completely analysed";
  errs() << "\n";
  if (Incomplete)
    return 2;
  return FindingCount ? 1 : 0;
}
