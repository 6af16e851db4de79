// Compile commands come from the repository under analysis, so they are
// untrusted: an option that writes a file (-MF, --serialize-diagnostics,
// -ftime-trace, -save-temps, profile output) or loads code (-fplugin,
// -load, -Xclang -plugin) would let a repository act through vmbcheck. Only
// what the analysis needs is kept - an allow-list of preprocessor,
// language, target and warning options - parsed with the Clang driver's own
// option table, so every spelling (joined, separate, aliases, clang-cl's
// /D and /FI) is recognised.
#include "frontend/CompileCommands.h"

#include "clang/Driver/Options.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <set>

using namespace clang::driver;

namespace vmbcheck {

namespace {

bool isClDriver(const std::vector<std::string> &Args) { return isClStyleCommand(Args); }

// Options kept, by the prefixed name of the option they alias (so that /D,
// -D and --define-macro are one).
const llvm::StringSet<> &keptOptions() {
  static const llvm::StringSet<> Kept = {
      // preprocessor and include paths
      "-D", "-U", "-I", "-isystem", "-iquote", "-idirafter", "-include", "-imacros", "-isysroot",
      "--sysroot=", "--sysroot", "-nostdinc", "-nostdinc++", "-nostdlibinc", "-nobuiltininc",
      "-ivfsoverlay", "-iprefix", "-iwithprefix", "-iwithprefixbefore", "-F", "-undef",
      "-trigraphs", "/X", "/u", "/imsvc", "-imsvc", "/external:I", "/winsysroot",
      // language
      "-x", "-std=", "-ansi", "/TC", "/TP", "/Tc", "/Tp", "/std:", "/kernel", "/kernel-", "/GR",
      "/GR-", "/EH", "/J", "/Zp", "/permissive-", "/permissive", "/utf-8", "/source-charset:",
      "/execution-charset:", "/vmb", "/vmg", "/vmm", "/vms", "/vmv", "/volatile:", "/Zs",
      "/Gz", "/Gd", "/Gr", "/Gv", "/arch:",
      "-fms-extensions", "-fno-ms-extensions", "-fms-compatibility", "-fno-ms-compatibility",
      "-fms-compatibility-version=", "-fmsc-version=", "-fdeclspec", "-fno-declspec",
      "-fshort-wchar", "-fno-short-wchar", "-fsigned-char", "-funsigned-char", "-fno-signed-char",
      "-fno-unsigned-char", "-fexceptions", "-fno-exceptions", "-fcxx-exceptions",
      "-fno-cxx-exceptions", "-fasync-exceptions", "-frtti", "-fno-rtti", "-fchar8_t",
      "-fno-char8_t", "-fdelayed-template-parsing", "-fno-delayed-template-parsing",
      "-fms-volatile", "-fno-ms-volatile", "-fpack-struct=", "-fpack-struct", "-fno-builtin",
      "-fno-builtin-", "-fbuiltin", "-fgnu-keywords", "-fno-gnu-keywords", "-fasm-blocks",
      "-fborland-extensions", "-fwchar-type=", "-fno-signed-wchar", "-fsigned-wchar", "-fcommon",
      "-fno-common", "-fno-operator-names", "-ftrigraphs", "-fno-trigraphs", "-fdigraphs",
      "-fno-digraphs", "-fgnu89-inline", "-fdollars-in-identifiers",
      "-fno-dollars-in-identifiers", "-fthreadsafe-statics", "-fno-threadsafe-statics",
      "-fsized-deallocation", "-fno-sized-deallocation", "-faligned-allocation",
      "-fno-aligned-allocation", "-fgnu-runtime", "-fms-runtime-lib=", "-fblocks",
      "-fno-blocks", "-fbracket-depth=", "-ftemplate-depth=", "-fconstexpr-depth=",
      "-fconstexpr-steps=", "-fno-spell-checking", "-fcoroutines", "-fno-coroutines",
      "-fmodules-ts", "-fzvector", "-fno-access-control", "-fpascal-strings",
      // `-- file`: what follows are inputs (interpolated commands end so)
      "--",
      // target
      "-target", "--target=", "-triple", "--driver-mode=",
      // warnings (never -Werror: warnings are not vmbcheck's findings)
      "-w", "-pedantic", "/w", "/W0", "/W1", "/W2", "/W3", "/W4", "/Wall", "/wd",
  };
  return Kept;
}

// Dropped without a word: code generation, optimisation, debug information,
// output names (-fsyntax-only writes nothing) and options that turn warnings
// into errors (a compile's warnings never make a file "not analysed").
bool droppedQuietly(const llvm::opt::Option &O, llvm::StringRef Name, const llvm::opt::Arg &A) {
  if (O.matches(options::OPT_O_Group) || O.matches(options::OPT_g_Group) ||
      O.matches(options::OPT_Action_Group) || O.matches(options::OPT_o))
    return true;
  if (Name == "-W" || Name == "-Werror") // -W<x> joined: only -Werror and -Werror=x get here
    return true;
  static const char *Quiet[] = {
      "-c", "-pedantic-errors", "/O", "/Ob", "/Od", "/Oi", "/Oi-", "/Os", "/Ot", "/Ox", "/Oy",
      "/Oy-", "/O1", "/O2", "/Z7", "/Zi", "/ZI", "/Zo", "/Zo-", "/MD", "/MDd", "/MT", "/MTd",
      "/MP", "/Gy", "/Gy-", "/GS", "/GS-", "/Gm", "/Gm-", "/sdl", "/sdl-", "/Qspectre",
      "/FC", "/nologo", "/bigobj", "/GF", "/GF-", "/Gw", "/Gw-", "/guard:", "/Fo", "/Fd", "/Fa",
      "/Fp", "/Fe", "/Fm", "/FS", "/Yu", "/Yc", "/Yl", "/Y-", "/FR", "/Fr", "/errorReport:",
      "/diagnostics:", "/showIncludes", "/showIncludes:user", "/analyze", "/analyze-", "/WX",
      "/WX-", "/we", "/Zl", "/Zc:inline", "/Zc:inline-", "/Gs", "/Gh", "/GH", "/GL", "/GL-",
      "/Qpar", "/QIntel-jcc-erratum", "/fp:", "/favor:", "/Brepro", "/Brepro-", "/cgthreads",
      "/hotpatch", "/Gd", "/openmp", "/openmp-", "-fno-omit-frame-pointer",
      "-fomit-frame-pointer", "-ffunction-sections", "-fdata-sections", "-fstack-protector",
      "-fstack-protector-strong", "-fno-stack-protector", "-fPIC", "-fpic", "-fPIE", "-fpie",
      "-fno-strict-aliasing", "-fstrict-aliasing", "-fvisibility=", "-fno-inline",
      "-fdiagnostics-color", "-fno-diagnostics-color", "-fcolor-diagnostics",
      "-fno-color-diagnostics", "-fdiagnostics-absolute-paths",
  };
  for (const char *Q : Quiet)
    if (Name == Q)
      return true;
  // /Zc:<x> conformance switches are kept below; /d1, /d2 internal switches
  // only steer code generation.
  (void)A;
  return Name.starts_with("/d1") || Name.starts_with("/d2");
}

bool kept(const llvm::opt::Option &O, llvm::StringRef Name, const llvm::opt::Arg &A) {
  if (keptOptions().contains(Name) || Name.starts_with("/Zc:") || Name.starts_with("/external:W"))
    return true;
  // Machine options (-m64, -march=...) decide types and predefined macros;
  // -mllvm forwards to the backend and is not one of them.
  if (O.matches(options::OPT_m_Group) && !O.matches(options::OPT_mllvm))
    return true;
  // -Wall, -Wfoo, -Wno-foo, -Wno-error=foo, /W4; never -Werror or
  // -Werror=foo (-Wp, -Wl, and -Wa, are not in the warning group).
  if (O.matches(options::OPT_W_Group) || O.matches(options::OPT_W_value_Group)) {
    if (Name == "-W" && A.getNumValues() == 1)
      return !llvm::StringRef(A.getValue()).starts_with("error");
    return Name != "-Werror" && !llvm::StringRef(Name).starts_with("-Werror=");
  }
  return false;
}


// clang-cl reads /home/x/drv.c as an option (/h...) and /work/x.c as /w:
// in a cl-style command, a token the parser took for an option's name that
// is an absolute Linux path of an existing file, or one of Files, is a file.
// Returns them, taking them out of Args.
std::vector<std::string> takeLinuxPaths(std::vector<std::string> &Args,
                                        const std::set<std::string> &Files) {
  const llvm::opt::OptTable &Table = getDriverOptTable();
  std::vector<const char *> Raw;
  for (size_t I = 1; I < Args.size(); ++I)
    Raw.push_back(Args[I].c_str());
  unsigned MissingIndex = 0, MissingCount = 0;
  llvm::opt::InputArgList Parsed =
      Table.ParseArgs(Raw, MissingIndex, MissingCount, llvm::opt::Visibility(options::CLOption));
  std::set<unsigned> Taken;
  for (const llvm::opt::Arg *A : Parsed) {
    llvm::StringRef T = Raw[A->getIndex()];
    // Only the option's own token: /I /usr/include keeps its value.
    if (T.starts_with("/") && T.size() > 1 &&
        (Files.count(T.str()) || llvm::sys::fs::exists(T)))
      Taken.insert(A->getIndex() + 1);
  }
  std::vector<std::string> Paths, Rest;
  for (size_t I = 0; I < Args.size(); ++I)
    (Taken.count(I) ? Paths : Rest).push_back(Args[I]);
  Args = std::move(Rest);
  return Paths;
}

// MSVC's code analysis options clang-cl does not know, some with a separate
// value (/analyze:plugin EspXEngine.dll): without this the value would be
// read as a source file. They only steer /analyze; dropped quietly.
void dropCodeAnalysisOptions(std::vector<std::string> &Args) {
  static const char *WithValue[] = {"/analyze:plugin", "/analyze:ruleset", "/analyze:log",
                                    "/analyze:stacksize", "/analyze:max_paths",
                                    "/analyze:rulesetdirectory", "/analyze:projectdirectory"};
  std::vector<std::string> Rest;
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    if (I > 0 && (A.starts_with("/analyze") || A.starts_with("-analyze"))) {
      for (const char *W : WithValue)
        if (A.drop_front().equals_insensitive(llvm::StringRef(W).drop_front()))
          ++I; // and its value
      continue;
    }
    Rest.push_back(Args[I]);
  }
  Args = std::move(Rest);
}

} // namespace

std::vector<std::string> keepAnalysisArguments(std::vector<std::string> &Args,
                                               std::vector<std::string> &Unknown,
                                               const std::set<std::string> &Files) {
  std::vector<std::string> Dropped;
  if (Args.size() < 2)
    return Dropped;
  const llvm::opt::OptTable &Table = getDriverOptTable();
  bool Cl = isClDriver(Args);
  std::vector<std::string> LinuxPaths;
  if (Cl) {
    dropCodeAnalysisOptions(Args);
    LinuxPaths = takeLinuxPaths(Args, Files);
  }
  llvm::opt::Visibility Vis(Cl ? options::CLOption : options::ClangOption);
  std::vector<const char *> Raw;
  for (size_t I = 1; I < Args.size(); ++I)
    Raw.push_back(Args[I].c_str());
  unsigned MissingIndex = 0, MissingCount = 0;
  llvm::opt::InputArgList Parsed = Table.ParseArgs(Raw, MissingIndex, MissingCount, Vis);
  std::vector<std::string> Kept{Args.front()};
  for (const llvm::opt::Arg *A : Parsed) {
    const llvm::opt::Option O = A->getOption().getUnaliasedOption();
    // The tokens this argument took from the command line, as written.
    unsigned First = A->getIndex(), Count = 1;
    switch (A->getOption().getKind()) {
    case llvm::opt::Option::SeparateClass:
    case llvm::opt::Option::JoinedAndSeparateClass:
      Count = 2;
      break;
    case llvm::opt::Option::MultiArgClass:
      Count = 1 + A->getOption().getNumArgs();
      break;
    case llvm::opt::Option::JoinedOrSeparateClass:
      // Separate when the value is the next token itself (the spelling
      // is the unaliased one: "-I" for /I).
      Count = A->getNumValues() && First + 1 < Raw.size() && A->getValue(0) == Raw[First + 1] ? 2 : 1;
      break;
    case llvm::opt::Option::RemainingArgsClass:
    case llvm::opt::Option::RemainingArgsJoinedClass:
      Count = unsigned(Raw.size()) - First;
      break;
    default:
      break;
    }
    std::vector<std::string> Tokens;
    for (unsigned I = First; I < First + Count && I < Raw.size(); ++I)
      Tokens.push_back(Raw[I]);
    if (O.getKind() == llvm::opt::Option::InputClass) {
      // clang-cl takes an MSVC option it does not know (/analyze, /ZH:SHA_256)
      // for a file name; a real file of that name is an input.
      llvm::StringRef T = Tokens.front();
      if (Cl && T.starts_with("/") && !llvm::sys::fs::exists(T)) {
        if (!T.starts_with_insensitive("/analyze"))
          Unknown.push_back(T.str());
        continue;
      }
      Kept.insert(Kept.end(), Tokens.begin(), Tokens.end());
      continue;
    }
    if (O.getKind() == llvm::opt::Option::UnknownClass) {
      Unknown.insert(Unknown.end(), Tokens.begin(), Tokens.end());
      continue;
    }
    std::string Name = O.getPrefixedName().str();
    if (kept(O, Name, *A))
      Kept.insert(Kept.end(), Tokens.begin(), Tokens.end());
    else if (!droppedQuietly(O, Name, *A))
      Dropped.insert(Dropped.end(), Tokens.begin(), Tokens.end());
  }
  if (!LinuxPaths.empty()) {
    if (llvm::find(Kept, "--") == Kept.end())
      Kept.push_back("--");
    Kept.insert(Kept.end(), LinuxPaths.begin(), LinuxPaths.end());
  }
  Args = std::move(Kept);
  return Dropped;
}

} // namespace vmbcheck
